// The library behind the `poa` binary: convert one input, or a batch, with the options of the CLI.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "exporters/exporter.hpp"
#include "model/cell_row.hpp"
#include "model/document.hpp"

namespace poa {

struct ConvertOptions {
  std::optional<std::string> password;  // for encrypted PDFs
};

// Reads, recognises and normalises one input. Throws InputError when the file is refused.
Document convert_file(const std::filesystem::path& path, const ConvertOptions& options = {});

// A file found in a folder and not taken as an input, and why (extractor::why_not_an_input).
struct SkippedInput {
  std::filesystem::path path;
  std::string reason;
};

// Files named by `inputs`: files as given, directories recursed (regular files, sorted by path).
// Hidden files and our own outputs (*.json, *.csv written by poa) are not picked up from
// directories, nor files that sniff as neither a PDF nor a text dump of a table: those go to
// `skipped`, when given, with the reason.
std::vector<std::filesystem::path> expand_inputs(const std::vector<std::filesystem::path>& inputs,
                                                 std::vector<std::string>& errors,
                                                 std::vector<SkippedInput>* skipped = nullptr);

// One line naming the skipped files by reason (empty when none was skipped), e.g.
// `poa: omitidos 2 archivos: texto sin tabla: a/notas.md, a/x.py; binario: a/logo.png`.
std::string skipped_line(const std::vector<SkippedInput>& skipped);

// Opens one input for reading; throws InputError when it is refused outright.
using SourceOpener =
    std::function<std::unique_ptr<RowReader>(const std::filesystem::path&, const ConvertOptions&)>;

struct BatchOptions {
  ConvertOptions convert;
  SourceOpener open;  // empty: the PDF or text reader, by content (tests substitute readers)
  std::vector<exporters::Format> formats{exporters::Format::kJson};
  exporters::ExportOptions export_options;
  bool quiet = false;  // only the one summary line per input, no diagnostics
};

struct BatchResult {
  std::size_t converted = 0;
  std::size_t failed = 0;
  std::size_t warnings = 0;  // advertencias and errores of converted inputs (not info)
  std::vector<std::filesystem::path> written;
};

// Converts every file and pushes each document to every exporter, one action at a time as the
// reader gets to it (memory does not grow with the document). A refused input, even one refused
// after some of its actions were written, leaves nothing in any output and gets one line on `err`
// naming the file and the reason, and the batch goes on; each converted input gets its
// diagnostics (document-level first, then each action's) and a summary line. Exporters write
// under temporary names and rename into place, so nothing is half-written.
BatchResult run_convert(const std::vector<std::filesystem::path>& files,
                        const BatchOptions& options, std::ostream& err);

}  // namespace poa
