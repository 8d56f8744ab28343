// Input expansion: files and folders -> the files a job reads, in a stable order.
#include "job/inputs.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <string>
#include <system_error>

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

}  // namespace

std::vector<std::filesystem::path> expand_inputs(const std::vector<std::filesystem::path>& inputs,
                                                 JsonInFolders json, Diagnostics& errors,
                                                 std::vector<SkippedInput>* skipped) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const fs::path& input : inputs) {
    const Origin origin{input.string(), {}, {}, {}};
    std::error_code ec;
    if (fs::is_directory(input, ec)) {
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
        std::optional<std::string> why;
        if (!own_json) why = extractor::why_not_an_input(f);
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
                     (skipped.size() == 1 ? " archivo" : " archivos") +
                     " (no son PDF ni texto con tabla)";
  const char* separator = ": ";
  for (const auto& [reason, names] : by_reason) {
    line.append(separator).append(reason).append(": ").append(names);
    separator = "; ";
  }
  return line;
}

}  // namespace poa::job
