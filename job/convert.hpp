// The convert job: one input to a typed Document, or a batch to the exporters (`poa convert`).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "exporters/exporter.hpp"
#include "extractor/input_file.hpp"
#include "extractor/ocr_options.hpp"
#include "job/exit_code.hpp"
#include "job/inputs.hpp"
#include "job/progress.hpp"
#include "model/cell_row.hpp"
#include "model/document.hpp"
#include "normalizer/confidence.hpp"

namespace poa::job {

struct ConvertOptions {
  std::optional<std::string> password;  // for encrypted PDFs
  // An input that is not a PDF over this is refused from its size (`--max-input-size`).
  std::uint64_t max_input_bytes = extractor::kDefaultMaxInputBytes;
  // `--municipio`: the documents' municipio, whatever a letterhead says.
  std::optional<std::string> municipio;
  std::optional<std::string> sheet;  // workbooks: one sheet by name or 1-based position
  extractor::OcrOptions ocr;         // PDF pages without a text layer (--ocr, --ocr-lang, --dpi)
  // Values read by OCR less sure than this get LOW_CONFIDENCE (--ocr-min-confidence).
  double min_confidence = normalizer::kDefaultMinConfidence;
};

// How `convert` and `review` find and read their inputs: the options the CLI defines once for
// both (cli/input_options.hpp), so the two commands cannot drift.
struct InputSettings {
  InputFilter filter;   // --include/--exclude, for files in folders
  ConvertOptions read;  // how each input is read
  unsigned jobs = 0;    // `-j`: inputs read at once; 0: the command's default
};

// Reads, recognises and normalises one input. Throws InputError when the file is refused.
Document convert_file(const std::filesystem::path& path, const ConvertOptions& options = {});

// The name of a file's outputs (no extension): its place under the first of `folders` it was
// found in (`in/mun001/poa.pdf` from `in` -> `mun001/poa`), else its own stem; `stdin` for `-`.
std::string output_base(const std::filesystem::path& file,
                        const std::vector<std::filesystem::path>& folders);

// Opens one input for reading; throws InputError when it is refused outright.
using SourceOpener =
    std::function<std::unique_ptr<RowReader>(const std::filesystem::path&, const ConvertOptions&)>;

struct InputOutcome;

// Told what a batch is about to put in place, before it can appear, so that a run killed
// part-way leaves a record of it (the output folder's journal, job/outputs.hpp).
class OutputRecord {
 public:
  virtual ~OutputRecord() = default;
  // `file` is about to be converted into the outputs named `stem`.
  virtual void converting(const std::filesystem::path& file, const std::string& stem) = 0;
  // What became of it (its own outputs are in place, or were never written).
  virtual void converted(const InputOutcome& outcome) = 0;
  // The batch files (CSVs, the review index, the database) are about to be put in place.
  virtual void finishing(const std::vector<InputOutcome>& inputs) = 0;
};

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
  // Inputs converted at once, each by its own thread with its own reader (a poppler document is
  // never shared); the exporters still take the documents one at a time in input order, so the
  // outputs and `err` are the same bytes whatever `jobs` is. 1: one input at a time, streamed
  // action by action into the exporters; more: each input is read into a whole Document first
  // (without its values' sources unless the review report is among the formats).
  unsigned jobs = 1;
  Progress* progress = nullptr;    // counts files and pages, and prints the inputs' lines
  OutputRecord* record = nullptr;  // told of each output before it appears
};

// What became of one input of a batch (a manifest.csv row).
struct InputOutcome {
  std::filesystem::path file;
  std::string sha256;                     // of its bytes; empty when it could not be read
  std::optional<DiagnosticCode> refused;  // why it was refused; nullopt when converted
  std::size_t actions = 0;
  std::size_t activities = 0;
  std::size_t warnings = 0;
  std::string stem;  // its outputs' name (converted inputs): `mun001/poa` -> OUT/mun001/poa.json
};

struct BatchResult {
  std::vector<InputOutcome> inputs;  // every file, in order
  std::size_t converted = 0;
  std::size_t failed = 0;
  std::size_t warnings = 0;    // advertencias and errores of converted inputs (not info)
  bool output_failed = false;  // a batch output (CSV, stdout) could not be written
  std::vector<std::filesystem::path> written;
};

// Converts every file and pushes each document to every exporter, one action at a time as the
// reader gets to it (memory does not grow with the document). A refused input, even one refused
// after some of its actions were written, leaves nothing in any output and gets one line on `err`
// naming the file and the reason, and the batch goes on; each converted input gets its
// diagnostics (document-level first, then each action's) and a summary line. Exporters write
// under temporary names and rename into place, so nothing is half-written. An output that cannot
// be written (a full disk, a read-only folder) gets one line on `err` (poa::OutputError's) and
// leaves the file as it was: for one input's file that input fails and the batch goes on; for a
// batch file (acciones.csv…) output_failed is set. An output lost for the rest of the run
// (OutputLost: a database whose connection dropped) is said once and dropped, the others go on
// (output_failed is set); when it was the last output the batch stops there.
BatchResult run_convert(const std::vector<std::filesystem::path>& files,
                        const BatchOptions& options, std::ostream& err);

// What `poa convert` was asked for, flags already parsed.
struct ConvertJob {
  std::vector<std::filesystem::path> inputs;  // files or folders (job/inputs.hpp)
  InputSettings input;                        // 0 jobs: one per core
  std::filesystem::path output;               // a folder (created), or "-" for stdout
  std::vector<exporters::Format> formats{exporters::Format::kJson};
  bool strict = false;   // warnings make the exit code kStrictWarnings
  bool csv_bom = false;  // UTF-8 BOM on CSV files
  bool csv_raw = false;  // CSV text as read, formulas not defused
  bool quiet = false;    // only the summary line per input
  // acciones.csv/actividades.csv keep the rows of inputs this run does not name, and get this
  // run's (exporters::ExportOptions::csv_append).
  bool append = false;
  // `--db FILE`: the SQLite database of Format::kSqlite; empty: OUTDIR/poa.sqlite.
  std::filesystem::path db;
  // `--db postgresql://…`: the PostgreSQL database of Format::kPostgres (libpq's conninfo).
  std::string db_conninfo;
  // Inputs whose sha256 the database already holds are skipped (one line each), not read.
  bool incremental = false;
  bool progress = false;             // the progress line and closing summary on `err`
  std::size_t progress_width = 100;  // the terminal's columns
};

// Expands the inputs, checks `-o -` (one input, one format), creates the output folder, checks
// that the run replaces no file in it that earlier runs of other inputs produced (job/outputs.hpp)
// and runs the batch, printing to `err`; when an input was converted, OUTDIR/manifest.csv lists
// every input of the folder's runs (this run's replacing earlier rows of the same inputs).
// kUsage for `-o -` misused, no format or a file the run may not replace (nothing written),
// kInputFailed when an input (or an output, or the output folder, or another run holds
// it) failed, kStrictWarnings with `strict` and a
// warning, else kOk.
ExitCode run(const ConvertJob& job, std::ostream& err);

}  // namespace poa::job
