// Input expansion: files and folders -> the files a job reads, in a stable order.
#include "job/inputs.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <system_error>

namespace poa::job {
namespace {

bool is_hidden(const std::filesystem::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

// Outputs of poa (and spreadsheets) sitting in an input folder are not inputs.
bool is_own_output(const std::filesystem::path& p, JsonInFolders json) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".json") return json == JsonInFolders::kSkip;
  return ext == ".csv" || ext == ".xlsx" || ext == ".tmp";
}

}  // namespace

std::vector<std::filesystem::path> expand_inputs(const std::vector<std::filesystem::path>& inputs,
                                                 JsonInFolders json, Diagnostics& errors) {
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
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(input, ec)) {
      files.push_back(input);
    } else {
      errors.push_back(diag::input_error(DiagnosticCode::kFileUnreadable,
                                         "no existe el archivo o la carpeta", origin));
    }
  }
  return files;
}

}  // namespace poa::job
