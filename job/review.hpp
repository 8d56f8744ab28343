// The review job (`poa review`): the report to check a conversion by eye, page beside values.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <vector>

#include "job/convert.hpp"
#include "job/exit_code.hpp"

namespace poa::job {

// What `poa review` was asked for, flags already parsed.
struct ReviewJob {
  std::vector<std::filesystem::path> inputs;  // files or folders (job/inputs.hpp)
  std::filesystem::path output;               // the report's folder (created)
  bool strict = false;                        // warnings make the exit code kStrictWarnings
  bool quiet = false;                         // only the summary line per input
  InputSettings input;                        // as convert's; 0 jobs: one
};

// `poa convert --format html`: OUTDIR/index.html, one page per document and its page images
// (exporters/html/html_exporter.hpp), under convert's rules for the output folder (manifest.csv,
// nothing replaced that another run wrote, temporary names renamed into place). The same exit
// codes as convert; `-o -` is a usage error (a report is a folder).
ExitCode run(const ReviewJob& job, std::ostream& err);

}  // namespace poa::job
