// The conversion job: reader -> recogniser -> normaliser -> exporters, one input at a time and
// one action at a time, so memory stays flat however long the document.
#include "cli/job.hpp"

#include <algorithm>
#include <exception>
#include <map>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <utility>

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

// What the summary line and the diagnostics of one converted input need; the actions themselves
// are written and dropped. The actions' diagnostics wait here because the document-level ones,
// known only at the end, are printed before them (and a refused input prints none).
struct InputSummary {
  std::size_t actions = 0;
  std::size_t activities = 0;
  Diagnostics diagnostics;  // document-level first, then each action's
};

using Exporters = std::vector<std::unique_ptr<exporters::Exporter>>;

bool same_source(const SourceInfo& a, const SourceInfo& b) {
  return a.path == b.path && a.type == b.type && a.sha256 == b.sha256 && a.pages == b.pages &&
         a.encoding == b.encoding;
}

// Streams one input through every exporter. Throws what the reader or the recogniser throws
// (InputError for a refused input); the caller then aborts the exporters' open document.
InputSummary stream_input(const std::filesystem::path& file, const std::string& stem,
                          const BatchOptions& options, Exporters& outputs) {
  const std::unique_ptr<RowReader> reader =
      options.open ? options.open(file, options.convert)
                   : extractor::open_source(file, extractor::OpenOptions{options.convert.password});
  extractor::ActionStream stream(*reader);
  InputSummary summary;
  auto take = [&](const Action& action) {
    ++summary.actions;
    summary.activities += action.actividades.size();
    summary.diagnostics.insert(summary.diagnostics.end(), action.avisos.begin(),
                               action.avisos.end());
  };

  // `ejercicio` is written before `acciones`: hold actions back until the year is known. It
  // comes from the title above the first action in practice, so this holds none or one.
  std::vector<Action> held;
  std::optional<RawAction> raw;
  while (!stream.year() && (raw = stream.next_action()))
    held.push_back(normalizer::normalize_action(*raw));
  const DocumentHead head = normalizer::normalize_head(stream.year(), reader->info());
  for (auto& out : outputs) out->begin_document(head, stem);
  for (const Action& action : held) {
    for (auto& out : outputs) out->write_action(action);
    take(action);
  }
  held.clear();
  while ((raw = stream.next_action())) {
    const Action action = normalizer::normalize_action(*raw);
    for (auto& out : outputs) out->write_action(action);
    take(action);
  }
  const DocumentTail tail = normalizer::normalize_tail(stream.finish(), reader->info());
  // `fuente` went out before the actions: the readers know it when they open the file (a
  // RowReader may in principle complete it only at the end; that would be caught here).
  if (!same_source(head.fuente, reader->info())) {
    throw std::logic_error("el lector cambió los datos de la fuente al terminar de leer");
  }
  for (auto& out : outputs) out->end_document(tail);
  // Document-level first, then each action's: the order of Document::all_diagnostics().
  summary.diagnostics.insert(summary.diagnostics.begin(), tail.avisos.begin(), tail.avisos.end());
  return summary;
}

}  // namespace

Document convert_file(const std::filesystem::path& path, const ConvertOptions& options) {
  auto reader = extractor::open_source(path, extractor::OpenOptions{options.password});
  RawDocument raw = extractor::recognize(*reader);
  return normalizer::normalize(raw, reader->info());
}

std::vector<std::filesystem::path> expand_inputs(const std::vector<std::filesystem::path>& inputs,
                                                 std::vector<std::string>& errors,
                                                 std::vector<SkippedInput>* skipped) {
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
      for (const fs::path& f : found) {
        // Picked by content, not by name: a script or a note in the folder is not an input.
        if (std::optional<std::string> why = extractor::why_not_an_input(f)) {
          if (skipped != nullptr) skipped->push_back({f, std::move(*why)});
        } else {
          files.push_back(f);
        }
      }
    } else if (fs::exists(input, ec)) {
      files.push_back(input);
    } else {
      errors.push_back(input.string() +
                       ": error: no existe el archivo o la carpeta [FILE_UNREADABLE]");
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
    names += s.path.string();
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
    // A refused input takes no stem: the next one with the same name gets it.
    const std::string base = file.stem().string();
    const int n = stems[base] + 1;
    const std::string stem = n > 1 ? base + "-" + std::to_string(n) : base;
    try {
      const InputSummary summary = stream_input(file, stem, options, outputs);
      stems[base] = n;
      std::size_t warnings = 0;
      for (const Diagnostic& d : summary.diagnostics) {
        if (d.severity != Severity::kInfo) ++warnings;
        if (!options.quiet) err << format_diagnostic(d) << '\n';
      }
      result.warnings += warnings;
      err << file.string() << ": " << summary.actions << " acciones, " << summary.activities
          << " actividades, " << warnings << " avisos\n";
      ++result.converted;
    } catch (const InputError& e) {
      for (auto& out : outputs) out->abort_document();
      err << format_diagnostic(e.diagnostic()) << '\n';
      ++result.failed;
    } catch (const std::exception& e) {
      for (auto& out : outputs) out->abort_document();
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
