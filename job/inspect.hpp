// The inspect job: what the reader saw, for a bug report (`poa inspect`): a PDF's words, lines,
// grids and cell rows; any other input's cell rows (a workbook's with their cell addresses).
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

#include "job/exit_code.hpp"

namespace poa::job {

// What `poa inspect` was asked for, flags already parsed.
struct InspectJob {
  std::filesystem::path file;
  std::optional<int> page;  // 1-based; none: every page
  std::optional<std::string> password;
  std::optional<std::string> sheet;  // workbooks: one sheet
  // Also draw the page's words, rulings and cells into this SVG (needs `page`).
  std::optional<std::filesystem::path> svg;
};

// Prints the reader's view to `out`; a refused file gets its diagnostic line on `err` and
// kInputFailed; `svg` without `page` is a usage error; an SVG that cannot be written, kInputFailed.
ExitCode run(const InspectJob& job, std::ostream& out, std::ostream& err);

}  // namespace poa::job
