// The review job (`poa review`): the report to check a conversion by eye, page beside values.
#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "extractor/input_file.hpp"
#include "extractor/ocr_options.hpp"
#include "job/exit_code.hpp"
#include "job/inputs.hpp"
#include "normalizer/confidence.hpp"

namespace poa::job {

// What `poa review` was asked for, flags already parsed.
struct ReviewJob {
  std::vector<std::filesystem::path> inputs;  // files or folders (job/inputs.hpp)
  std::filesystem::path output;               // the report's folder (created)
  bool strict = false;                        // warnings make the exit code kStrictWarnings
  bool quiet = false;                         // only the summary line per input
  // The input options convert has too (cli/input_options.hpp), with the same meaning.
  InputFilter filter;                    // --include/--exclude, for files in folders
  std::optional<std::string> municipio;  // --municipio
  std::optional<std::string> password;
  std::uint64_t max_input_bytes = extractor::kDefaultMaxInputBytes;  // --max-input-size
  std::optional<std::string> sheet;  // workbooks: one sheet (default: every visible one)
  unsigned jobs = 0;                 // `-j`: inputs read at once; 0: one
  extractor::OcrOptions ocr;
  double min_confidence = normalizer::kDefaultMinConfidence;
};

// `poa convert --format html`: OUTDIR/index.html, one page per document and its page images
// (exporters/html/html_exporter.hpp), under convert's rules for the output folder (manifest.csv,
// nothing replaced that another run wrote, temporary names renamed into place). The same exit
// codes as convert; `-o -` is a usage error (a report is a folder).
ExitCode run(const ReviewJob& job, std::ostream& err);

}  // namespace poa::job
