// Input expansion: files and folders -> the files a job reads, in a stable order.
#include "job/inputs.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <string>
#include <system_error>

#include "extractor/input_file.hpp"
#include "extractor/source.hpp"
#include "model/os_error.hpp"

namespace poa::job {
namespace {

bool is_hidden(const std::filesystem::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

// Outputs of poa (and spreadsheets) sitting in an input folder are not inputs.
std::string lower_extension(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

bool is_own_output(const std::filesystem::path& p, JsonInFolders json) {
  const std::string ext = lower_extension(p);
  if (ext == ".json") return json == JsonInFolders::kSkip;
  return ext == ".csv" || ext == ".xlsx" || ext == ".tmp";
}

// "a/b//c" -> {"a", "b", "c"}; a leading "./" says nothing.
std::vector<std::string> path_parts(std::string_view path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    const std::string_view part = path.substr(start, end - start);
    if (!part.empty() && part != ".") parts.emplace_back(part);
    start = end + 1;
  }
  return parts;
}

bool part_matches(const std::string& pattern, const std::string& name) {
  return ::fnmatch(pattern.c_str(), name.c_str(), FNM_PATHNAME) == 0;
}

// Whether pattern parts [p…] match exactly path parts [n…]; `**` takes any number of parts.
bool parts_match(const std::vector<std::string>& pattern, std::size_t p,
                 const std::vector<std::string>& path, std::size_t n, std::size_t end) {
  if (p == pattern.size()) return n == end;
  if (pattern[p] == "**") {
    for (std::size_t k = n; k <= end; ++k)
      if (parts_match(pattern, p + 1, path, k, end)) return true;
    return false;
  }
  return n < end && part_matches(pattern[p], path[n]) &&
         parts_match(pattern, p + 1, path, n + 1, end);
}

bool any_matches(const std::vector<std::string>& patterns, std::string_view relative) {
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const std::string& p) { return glob_matches(p, relative); });
}

}  // namespace

bool glob_matches(std::string_view pattern, std::string_view relative) {
  const std::vector<std::string> path = path_parts(relative);
  if (pattern.find('/') == std::string_view::npos) {
    // A name: any folder on the path, or the file itself.
    const std::string name(pattern);
    return std::any_of(path.begin(), path.end(),
                       [&](const std::string& part) { return part_matches(name, part); });
  }
  // A path from the folder's top: the file's whole path, or one of its folders'.
  const std::vector<std::string> parts = path_parts(pattern);
  for (std::size_t end = 1; end <= path.size(); ++end)
    if (parts_match(parts, 0, path, 0, end)) return true;
  return false;
}

std::optional<std::string> filtered_out(const InputFilter& filter, std::string_view relative) {
  if (any_matches(filter.exclude, relative)) return "excluido por --exclude";
  if (!filter.include.empty() && !any_matches(filter.include, relative))
    return "fuera de --include";
  return std::nullopt;
}

std::vector<std::filesystem::path> expand_inputs(const std::vector<std::filesystem::path>& inputs,
                                                 JsonInFolders json, Diagnostics& errors,
                                                 std::vector<SkippedInput>* skipped,
                                                 const InputFilter& filter) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const fs::path& input : inputs) {
    const Origin origin{input.string(), {}, {}, {}};
    std::error_code ec;
    if (extractor::is_stdin(input)) {
      files.push_back(input);  // read when converted (extractor/input_file.hpp)
    } else if (fs::is_directory(input, ec)) {
      std::vector<fs::path> found;
      fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec);
      for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (is_hidden(it->path())) {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file(ec) && !is_own_output(it->path(), json))
          found.push_back(it->path());
      }
      if (ec) {
        errors.push_back(diag::input_error(DiagnosticCode::kFileUnreadable,
                                           "no se pudo recorrer la carpeta: " + ec.message(),
                                           origin));
      }
      std::sort(found.begin(), found.end());
      for (const fs::path& f : found) {
        // Picked by content, not by name: a script or a note in the folder is not an input
        // (our own JSON, when the job takes it, is read back as such).
        const bool own_json = json == JsonInFolders::kTake && lower_extension(f) == ".json";
        std::optional<std::string> why =
            filter.empty() ? std::nullopt
                           : filtered_out(filter, f.lexically_relative(input).generic_string());
        if (!why && !own_json) why = extractor::why_not_an_input(f);
        if (!why) {
          files.push_back(f);
        } else if (skipped != nullptr) {
          skipped->push_back({f, std::move(*why)});
        }
      }
    } else if (fs::exists(input, ec)) {
      files.push_back(input);
    } else {
      errors.push_back(diag::input_error(DiagnosticCode::kFileUnreadable,
                                         "no existe el archivo o la carpeta", origin));
    }
  }
  return files;
}

std::string skipped_line(const std::vector<SkippedInput>& skipped) {
  if (skipped.empty()) return {};
  std::map<std::string, std::string> by_reason;
  for (const SkippedInput& s : skipped) {
    std::string& names = by_reason[s.reason];
    if (!names.empty()) names += ", ";
    names += printable_name(s.path.string());
  }
  std::string line = "poa: omitidos " + std::to_string(skipped.size()) +
                     (skipped.size() == 1 ? " archivo" : " archivos");
  const char* separator = ": ";
  for (const auto& [reason, names] : by_reason) {
    line.append(separator).append(reason).append(": ").append(names);
    separator = "; ";
  }
  return line;
}

}  // namespace poa::job
