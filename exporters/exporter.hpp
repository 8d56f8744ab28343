// Exporters are pushed: begin() once, then per document either write() or the streaming calls
// (begin_document, write_action per action, end_document or abort_document), finish() once.
// Files appear only at end_document()/finish() and always under a temporary name first, so
// nothing is ever half-written.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/document.hpp"

namespace poa::exporters {

enum class Format { kJson, kCsv, kSqlite, kHtml, kPostgres };

// "json" / "csv" / "sqlite" / "html" <-> Format; nullopt for an unknown name. PostgreSQL
// (format_name "postgresql") is chosen by `--db postgresql://…`, not by name.
std::optional<Format> format_from_name(std::string_view name);
const char* format_name(Format f);

struct ExportOptions {
  std::filesystem::path out_dir;  // ignored when to_stdout
  bool to_stdout = false;         // `-o -`: one input, one format
  bool csv_bom = false;           // UTF-8 BOM on CSV files, for Excel
  // CSV text cells exactly as read, even when a spreadsheet would run them as a formula (for
  // pipelines); by default such a cell gets a leading apostrophe (formula_guard.hpp).
  bool csv_raw = false;
  // `--append`: acciones.csv and actividades.csv keep the rows they hold, except the rows of
  // the inputs in `csv_replaced` (files as named; this run's result replaces them), and this
  // run's rows follow. A file whose header is not this version's is refused (runtime_error).
  bool csv_append = false;
  std::vector<std::string> csv_replaced;
  // `--db FILE`: the SQLite database; empty: OUTDIR/poa.sqlite (exporters/sqlite_exporter.hpp).
  std::filesystem::path db_path;
  // `--db postgresql://…`: the PostgreSQL database of Format::kPostgres, as libpq takes it.
  std::string db_conninfo;
  // For exporters that open the input again (the review report renders a PDF's pages).
  std::optional<std::string> password;
};

class Exporter {
 public:
  virtual ~Exporter() = default;
  virtual void begin() = 0;
  // A whole document: the streaming calls below in order, so both ways write the same bytes
  // (the head and tail are passed by reference: nothing is copied).
  // `stem` names the input's outputs (unique within the batch, e.g. "poa-2022").
  virtual void write(const Document& doc, const std::string& stem);

  // Opens a document (one at a time): what comes before its actions.
  virtual void begin_document(const DocumentHead& head, const std::string& stem) = 0;
  // The document's next action, written out (or spooled) before the next one is read.
  virtual void write_action(const Action& action) = 0;
  // What comes after the actions; the document's output is then complete and in place.
  virtual void end_document(const DocumentTail& tail) = 0;
  // The open document was refused part-way: whatever it wrote is dropped, as if it had never
  // begun. Does nothing when no document is open.
  virtual void abort_document() noexcept = 0;
  // An input of the batch was refused as a whole (`why` names the file and the reason): an
  // exporter that lists the batch (the review report's index) says so; others ignore it.
  virtual void refused_input(const Diagnostic& why) { (void)why; }

  // Returns the files it wrote (or renamed into place), in order.
  virtual std::vector<std::filesystem::path> finish() = 0;
};

inline void Exporter::write(const Document& doc, const std::string& stem) {
  begin_document(doc.head(), stem);
  try {
    for (const Action& action : doc.actions) write_action(action);
    end_document(doc.tail());
  } catch (...) {
    abort_document();
    throw;
  }
}

// The registry: one line per format.
std::unique_ptr<Exporter> make_exporter(Format format, const ExportOptions& options);

}  // namespace poa::exporters
