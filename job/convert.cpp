// The conversion job: reader -> recogniser -> normaliser -> exporters, one input at a time and
// one action at a time, so memory stays flat however long the document.
#include "job/convert.hpp"

#include <algorithm>
#include <exception>
#include <map>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <utility>

#include "extractor/recognizer.hpp"
#include "extractor/source.hpp"
#include "job/inputs.hpp"
#include "normalizer/normalize.hpp"

namespace poa::job {
namespace {

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
                   : extractor::open_source(file, extractor::OpenOptions{options.convert.password,
                                                                         options.convert.sheet});
  extractor::ActionStream stream(*reader);
  InputSummary summary;
  auto take = [&](const Action& action) {
    ++summary.actions;
    summary.activities += action.activities.size();
    summary.diagnostics.insert(summary.diagnostics.end(), action.diagnostics.begin(),
                               action.diagnostics.end());
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
  if (!same_source(head.source, reader->info())) {
    throw std::logic_error("el lector cambió los datos de la fuente al terminar de leer");
  }
  for (auto& out : outputs) out->end_document(tail);
  // Document-level first, then each action's: the order of Document::all_diagnostics().
  summary.diagnostics.insert(summary.diagnostics.begin(), tail.diagnostics.begin(),
                             tail.diagnostics.end());
  return summary;
}

}  // namespace

Document convert_file(const std::filesystem::path& path, const ConvertOptions& options) {
  auto reader =
      extractor::open_source(path, extractor::OpenOptions{options.password, options.sheet});
  RawDocument raw = extractor::recognize(*reader);
  return normalizer::normalize(raw, reader->info());
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
    // The output name mirrors the file's place under the folder it was found in; only two
    // inputs that still share a name (poa.pdf and poa.txt side by side) get a `-2`. A refused
    // input takes no name: the next one with the same name gets it.
    std::string base = file.stem().string();
    for (const std::filesystem::path& folder : options.input_folders) {
      const std::filesystem::path rel = file.lexically_relative(folder);
      if (rel.empty() || *rel.begin() == "..") continue;
      base = (rel.parent_path() / rel.stem()).generic_string();
      break;
    }
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
  // With no input converted the batch files are left as they were: a run whose every input was
  // refused must not replace acciones.csv with a header-only file (the exporters' temporary
  // files are discarded when they are destroyed unfinished).
  if (result.converted == 0) return result;
  for (auto& out : outputs) {
    for (const auto& written : out->finish()) result.written.push_back(written);
  }
  return result;
}

ExitCode run(const ConvertJob& job, std::ostream& err) {
  if (job.formats.empty()) {
    err << "poa: --format necesita al menos un formato (json, csv)\n";
    return ExitCode::kUsage;
  }
  Diagnostics errors;
  std::vector<SkippedInput> skipped;
  const std::vector<std::filesystem::path> files =
      expand_inputs(job.inputs, JsonInFolders::kSkip, errors, &skipped);
  for (const Diagnostic& e : errors) err << format_diagnostic(e) << '\n';

  BatchOptions options;
  for (const std::filesystem::path& input : job.inputs) {
    std::error_code ec;
    if (std::filesystem::is_directory(input, ec)) options.input_folders.push_back(input);
  }
  options.quiet = job.quiet;
  options.convert.password = job.password;
  options.convert.sheet = job.sheet;
  options.formats = job.formats;
  options.export_options.csv_bom = job.csv_bom;
  options.export_options.csv_raw = job.csv_raw;
  if (job.output == "-") {
    if (files.size() + errors.size() != 1 || job.formats.size() != 1) {
      err << "poa: -o - escribe en la salida estándar: una sola entrada y un solo formato\n";
      return ExitCode::kUsage;
    }
    options.export_options.to_stdout = true;
  } else {
    std::error_code ec;
    std::filesystem::create_directories(job.output, ec);
    if (ec || !std::filesystem::is_directory(job.output)) {
      err << "poa: no se puede crear la carpeta de salida «" << job.output.string()
          << "»: " << (ec ? ec.message() : "no es una carpeta") << '\n';
      return ExitCode::kInputFailed;
    }
    options.export_options.out_dir = job.output;
  }

  const BatchResult result = run_convert(files, options, err);
  if (!skipped.empty()) err << skipped_line(skipped) << '\n';
  if (result.failed > 0 || !errors.empty()) return ExitCode::kInputFailed;
  if (job.strict && result.warnings > 0) return ExitCode::kStrictWarnings;
  return ExitCode::kOk;
}

}  // namespace poa::job
