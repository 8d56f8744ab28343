// The one input expansion every job uses: files as given, folders recursed.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "model/diagnostic.hpp"

namespace poa::job {

// Whether JSON files found in folders are inputs: `poa pnt` reads what `poa convert` wrote,
// `poa convert` does not read its own output back.
enum class JsonInFolders { kSkip, kTake };

// A file found in a folder and not taken as an input, and why (extractor::why_not_an_input).
struct SkippedInput {
  std::filesystem::path path;
  std::string reason;
};

// Files named by `inputs`: files as given, folders recursed (regular files, sorted by path).
// Hidden files and folders, and our own outputs (*.csv, *.xlsx, *.tmp, and *.json unless
// taken; any case) are not picked up from folders, nor files that sniff as neither a PDF nor a
// text dump of a table: those go to `skipped`, when given, with the reason. A missing input or
// a folder that cannot be walked adds a FILE_UNREADABLE error to `errors`; the others are still
// returned. A file named on the command line is always taken.
std::vector<std::filesystem::path> expand_inputs(const std::vector<std::filesystem::path>& inputs,
                                                 JsonInFolders json, Diagnostics& errors,
                                                 std::vector<SkippedInput>* skipped = nullptr);

// One line naming the skipped files by reason (empty when none was skipped), e.g.
// `poa: omitidos 2 archivos (no son PDF ni texto con tabla): texto sin tabla: a/notas.md, a/x.py`.
std::string skipped_line(const std::vector<SkippedInput>& skipped);

}  // namespace poa::job
