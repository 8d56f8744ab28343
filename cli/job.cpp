// The conversion job: reader -> recogniser -> normaliser -> exporters, one input at a time.
#include "cli/job.hpp"

#include <algorithm>
#include <exception>
#include <map>
#include <ostream>

#include "extractor/recognizer.hpp"
#include "extractor/source.hpp"
#include "normalizer/normalize.hpp"

namespace poa {
namespace {

bool is_hidden(const std::filesystem::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

// Outputs of poa (and spreadsheets) sitting in an input folder are not inputs.
bool is_own_output(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return ext == ".json" || ext == ".csv" || ext == ".xlsx" || ext == ".tmp";
}

}  // namespace

Document convert_file(const std::filesystem::path& path, const ConvertOptions& options) {
  auto reader = extractor::open_source(path, extractor::OpenOptions{options.password});
  RawDocument raw = extractor::recognize(*reader);
  return normalizer::normalize(raw, reader->info());
}

std::vector<std::filesystem::path> expand_inputs(const std::vector<std::filesystem::path>& inputs,
                                                 std::vector<std::string>& errors) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const fs::path& input : inputs) {
    std::error_code ec;
    if (fs::is_directory(input, ec)) {
      std::vector<fs::path> found;
      fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec);
      for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (is_hidden(it->path())) {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file(ec) && !is_own_output(it->path())) found.push_back(it->path());
      }
      if (ec)
        errors.push_back(input.string() +
                         ": error: no se pudo recorrer la carpeta: " + ec.message());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(input, ec)) {
      files.push_back(input);
    } else {
      errors.push_back(input.string() +
                       ": error: no existe el archivo o la carpeta [FILE_UNREADABLE]");
    }
  }
  return files;
}

BatchResult run_convert(const std::vector<std::filesystem::path>& files,
                        const BatchOptions& options, std::ostream& err) {
  BatchResult result;
  std::vector<std::unique_ptr<exporters::Exporter>> outputs;
  for (exporters::Format f : options.formats) {
    outputs.push_back(exporters::make_exporter(f, options.export_options));
  }
  for (auto& out : outputs) out->begin();

  std::map<std::string, int> stems;
  for (const std::filesystem::path& file : files) {
    try {
      Document doc = convert_file(file, options.convert);
      std::string stem = file.stem().string();
      if (const int n = ++stems[stem]; n > 1) stem += "-" + std::to_string(n);
      for (auto& out : outputs) out->write(doc, stem);

      const Diagnostics all = doc.all_diagnostics();
      std::size_t activities = 0;
      for (const Action& a : doc.acciones) activities += a.actividades.size();
      std::size_t warnings = 0;
      for (const Diagnostic& d : all) {
        if (d.severity != Severity::kInfo) ++warnings;
        if (!options.quiet) err << format_diagnostic(d) << '\n';
      }
      result.warnings += warnings;
      err << file.string() << ": " << doc.acciones.size() << " acciones, " << activities
          << " actividades, " << warnings << " avisos\n";
      ++result.converted;
    } catch (const InputError& e) {
      err << format_diagnostic(e.diagnostic()) << '\n';
      ++result.failed;
    } catch (const std::exception& e) {
      // A bug of ours must not take the rest of the batch down with it.
      err << file.string() << ": error: fallo interno al convertir: " << e.what() << '\n';
      ++result.failed;
    }
  }
  for (auto& out : outputs) {
    for (const auto& written : out->finish()) result.written.push_back(written);
  }
  return result;
}

}  // namespace poa
