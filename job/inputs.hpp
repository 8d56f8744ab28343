// The one input expansion every job uses: files as given, folders recursed.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.hpp"

namespace poa::job {

// Whether JSON files found in folders are inputs: `poa pnt` reads what `poa convert` wrote,
// `poa convert` does not read its own output back.
enum class JsonInFolders { kSkip, kTake };

// `--include`/`--exclude`: which files found in folders are inputs, by their path relative to
// the folder given. A pattern without `/` is matched against each name on that path (`*.txt`,
// `borradores`); one with `/` against the whole path from its start (`mun*/poa.pdf`), `**` as
// a whole part standing for any number of folders (`**/anexos/*`). A pattern that matches a
// folder on the path matches every file under it. Files named on the command line are not
// filtered.
struct InputFilter {
  std::vector<std::string> include;  // when not empty, only files some pattern matches
  std::vector<std::string> exclude;  // files some pattern matches are skipped

  bool empty() const { return include.empty() && exclude.empty(); }
};

// Whether `pattern` matches `relative` (a `/`-separated path under a folder) by the rules of
// InputFilter. `*`, `?` and `[…]` never match a `/` (fnmatch with FNM_PATHNAME, per part).
bool glob_matches(std::string_view pattern, std::string_view relative);

// Why a file at `relative` under a folder is left out by `filter` (a reason for SkippedInput),
// or nullopt when it is kept.
std::optional<std::string> filtered_out(const InputFilter& filter, std::string_view relative);

// A file found in a folder and not taken as an input, and why (extractor::why_not_an_input, or
// the InputFilter that left it out).
struct SkippedInput {
  std::filesystem::path path;
  std::string reason;
};

// Files named by `inputs`: files as given, folders recursed (regular files, sorted by path).
// Hidden files and folders, and our own outputs (*.csv, *.xlsx, *.tmp, and *.json unless
// taken; any case) are not picked up from folders, nor files that sniff as neither a PDF nor a
// text dump of a table, nor files `filter` leaves out (checked first, so an excluded file is
// never opened): those go to `skipped`, when given, with the reason. A missing input or
// a folder that cannot be walked adds a FILE_UNREADABLE error to `errors`; the others are still
// returned. A file named on the command line is always taken, and `-` (the standard input) as is.
std::vector<std::filesystem::path> expand_inputs(const std::vector<std::filesystem::path>& inputs,
                                                 JsonInFolders json, Diagnostics& errors,
                                                 std::vector<SkippedInput>* skipped = nullptr,
                                                 const InputFilter& filter = {});

// One line naming the skipped files by reason (empty when none was skipped), e.g.
// `poa: omitidos 3 archivos: texto sin tabla: a/notas.md, a/x.py; excluido por --exclude: a/b.pdf`.
std::string skipped_line(const std::vector<SkippedInput>& skipped);

}  // namespace poa::job
