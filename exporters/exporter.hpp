// Exporters are pushed: begin() once, write() per document, finish() once. Files appear only at
// write()/finish() and always under a temporary name first, so nothing is ever half-written.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/document.hpp"

namespace poa::exporters {

enum class Format { kJson, kCsv };

// "json" / "csv" <-> Format; nullopt for an unknown name.
std::optional<Format> format_from_name(std::string_view name);
const char* format_name(Format f);

struct ExportOptions {
  std::filesystem::path out_dir;  // ignored when to_stdout
  bool to_stdout = false;         // `-o -`: one input, one format
  bool csv_bom = false;           // UTF-8 BOM on CSV files, for Excel
};

class Exporter {
 public:
  virtual ~Exporter() = default;
  virtual void begin() = 0;
  // `stem` names the input's outputs (unique within the batch, e.g. "poa-2022").
  virtual void write(const Document& doc, const std::string& stem) = 0;
  // Returns the files it wrote (or renamed into place), in order.
  virtual std::vector<std::filesystem::path> finish() = 0;
};

// The registry: one line per format.
std::unique_ptr<Exporter> make_exporter(Format format, const ExportOptions& options);

}  // namespace poa::exporters
