// The convert job: one input to a typed Document, or a batch to the exporters (`poa convert`).
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
#include "job/exit_code.hpp"
#include "model/cell_row.hpp"
#include "model/document.hpp"

namespace poa::job {

struct ConvertOptions {
  std::optional<std::string> password;  // for encrypted PDFs
  std::optional<std::string> sheet;     // workbooks: one sheet by name or 1-based position
};

// Reads, recognises and normalises one input. Throws InputError when the file is refused.
Document convert_file(const std::filesystem::path& path, const ConvertOptions& options = {});

// Opens one input for reading; throws InputError when it is refused outright.
using SourceOpener =
    std::function<std::unique_ptr<RowReader>(const std::filesystem::path&, const ConvertOptions&)>;

struct BatchOptions {
  ConvertOptions convert;
  SourceOpener open;  // empty: the PDF or text reader, by content (tests substitute readers)
  std::vector<exporters::Format> formats{exporters::Format::kJson};
  exporters::ExportOptions export_options;
  bool quiet = false;  // only the one summary line per input, no diagnostics
  // The folders the files were found in: a file's outputs mirror its place under its folder
  // (`in/mun001/poa.pdf` from `in` -> `OUT/mun001/poa.json`), so inputs of the same name in
  // different folders never collide. A file named directly is named by its own name.
  std::vector<std::filesystem::path> input_folders;
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

// What `poa convert` was asked for, flags already parsed.
struct ConvertJob {
  std::vector<std::filesystem::path> inputs;  // files or folders (job/inputs.hpp)
  std::filesystem::path output;               // a folder (created), or "-" for stdout
  std::vector<exporters::Format> formats{exporters::Format::kJson};
  bool strict = false;   // warnings make the exit code kStrictWarnings
  bool csv_bom = false;  // UTF-8 BOM on CSV files
  bool csv_raw = false;  // CSV text as read, formulas not defused
  bool quiet = false;    // only the summary line per input
  std::optional<std::string> password;
  std::optional<std::string> sheet;  // workbooks: one sheet (default: every visible one)
};

// Expands the inputs, checks `-o -` (one input, one format), creates the output folder and runs
// the batch, printing to `err`. kUsage for `-o -` misused or no format, kInputFailed when an input
// (or the output folder) failed, kStrictWarnings with `strict` and a warning, else kOk.
ExitCode run(const ConvertJob& job, std::ostream& err);

}  // namespace poa::job
