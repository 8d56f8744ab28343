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

#include "exporters/atomic_file.hpp"
#include "exporters/csv_exporter.hpp"
#include "extractor/input_file.hpp"
#include "extractor/recognizer.hpp"
#include "extractor/source.hpp"
#include "job/inputs.hpp"
#include "job/output_folder.hpp"
#include "job/outputs.hpp"
#include "model/os_error.hpp"
#include "normalizer/normalize.hpp"

namespace poa::job {
namespace {

// What the summary line and the diagnostics of one converted input need; the actions themselves
// are written and dropped. The actions' diagnostics wait here because the document-level ones,
// known only at the end, are printed before them (and a refused input prints none).
struct InputSummary {
  std::string sha256;
  std::size_t actions = 0;
  std::size_t activities = 0;
  Diagnostics diagnostics;  // document-level first, then each action's
};

using Exporters = std::vector<std::unique_ptr<exporters::Exporter>>;

extractor::OpenOptions open_options(const ConvertOptions& convert) {
  return extractor::OpenOptions{convert.password, convert.max_input_bytes, convert.sheet,
                                convert.ocr};
}

bool same_source(const SourceInfo& a, const SourceInfo& b) {
  return a.path == b.path && a.type == b.type && a.sha256 == b.sha256 && a.pages == b.pages &&
         a.encoding == b.encoding && a.ocr_pages == b.ocr_pages;
}

// Streams one input through every exporter. Throws what the reader or the recogniser throws
// (InputError for a refused input); the caller then aborts the exporters' open document.
InputSummary stream_input(const std::filesystem::path& file, const std::string& stem,
                          const BatchOptions& options, Exporters& outputs) {
  const std::unique_ptr<RowReader> reader =
      options.open ? options.open(file, options.convert)
                   : extractor::open_source(file, open_options(options.convert));
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
    held.push_back(normalizer::normalize_action(*raw, options.convert.min_confidence));
  const DocumentHead head = normalizer::normalize_head(stream.year(), reader->info());
  for (auto& out : outputs) out->begin_document(head, stem);
  for (const Action& action : held) {
    for (auto& out : outputs) out->write_action(action);
    take(action);
  }
  held.clear();
  while ((raw = stream.next_action())) {
    const Action action = normalizer::normalize_action(*raw, options.convert.min_confidence);
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
  summary.sha256 = reader->info().sha256;
  // Document-level first, then each action's: the order of Document::all_diagnostics().
  summary.diagnostics.insert(summary.diagnostics.begin(), tail.diagnostics.begin(),
                             tail.diagnostics.end());
  return summary;
}

// begin() of every exporter; false (and the one line on `err`) when an output cannot be made.
bool begin_outputs(Exporters& outputs, std::ostream& err) {
  try {
    for (auto& out : outputs) out->begin();
  } catch (const OutputError& e) {
    err << "poa: error: " << e.what() << '\n';
    return false;
  } catch (const std::exception& e) {
    err << "poa: error: fallo interno al abrir las salidas: " << e.what() << '\n';
    return false;
  }
  return true;
}

// finish() of every exporter, each on its own: one that cannot be written does not keep the
// others from their files. False when any failed (one line each on `err`).
bool finish_outputs(Exporters& outputs, std::vector<std::filesystem::path>& written,
                    std::ostream& err) {
  bool ok = true;
  for (auto& out : outputs) {
    try {
      for (const auto& path : out->finish()) written.push_back(path);
    } catch (const OutputError& e) {
      err << "poa: error: " << e.what() << '\n';
      ok = false;
    } catch (const std::exception& e) {
      err << "poa: error: fallo interno al terminar las salidas: " << e.what() << '\n';
      ok = false;
    }
  }
  return ok;
}

// The sha256 of a refused input, for the manifest: empty when it cannot be read. Read as the
// readers read (regular files only, at most `max_bytes`): a FIFO or a device refused as an
// input must not block or run on here.
std::string sha256_of(const std::filesystem::path& file, std::uint64_t max_bytes) {
  try {
    std::string sha256;
    extractor::InputFile::open(file, Origin{file.string()}).read_all(max_bytes, &sha256);
    return sha256;
  } catch (const std::exception&) {
    return {};
  }
}

bool writes(const ConvertJob& job, exporters::Format format) {
  return std::find(job.formats.begin(), job.formats.end(), format) != job.formats.end();
}

// What the run may write: every input's JSON name as if each were converted (a refused input
// only moves a later one of the same name down to a name also listed), and the CSVs.
OutputPlan output_plan(const ConvertJob& job, const std::vector<std::filesystem::path>& files,
                       const BatchOptions& options) {
  OutputPlan plan;
  plan.out_dir = job.output;
  plan.append = job.append;
  std::map<std::string, int> seen;
  for (const std::filesystem::path& f : files) {
    plan.inputs.push_back(f.string());
    const std::string base = output_base(f, options.input_folders);
    const int n = ++seen[base];
    if (writes(job, exporters::Format::kJson))
      plan.json_names.push_back((n > 1 ? base + "-" + std::to_string(n) : base) + ".json");
  }
  if (writes(job, exporters::Format::kCsv)) {
    const Document none;
    const bool raw = options.export_options.csv_raw;
    plan.csv_heads = {{"acciones.csv", exporters::acciones_csv(none, true, raw)},
                      {"actividades.csv", exporters::actividades_csv(none, true, raw)},
                      {"partidas.csv", exporters::partidas_csv(none, true, raw)}};
  }
  return plan;
}

// OUTDIR/manifest.csv: this run's inputs over the earlier runs' rows. A refused input keeps the
// JSON an earlier run wrote for it (the file is still there, and still its own).
bool write_manifest(const ConvertJob& job, const BatchResult& result,
                    const std::vector<ManifestRow>& earlier, std::ostream& err) {
  std::vector<ManifestRow> rows;
  for (const InputOutcome& o : result.inputs) {
    ManifestRow row{o.file.string(),
                    o.sha256,
                    o.refused ? "rechazado" : "convertido",
                    o.refused ? std::string(code_name(*o.refused)) : std::string(),
                    o.actions,
                    o.activities,
                    o.warnings,
                    {}};
    if (!o.refused) {
      // Only what is on disk: an output that could not be written is not this input's.
      const auto add_written = [&](const std::string& name) {
        const bool on_disk = std::any_of(result.written.begin(), result.written.end(),
                                         [&](const auto& w) { return w.filename() == name; });
        if (on_disk) row.salidas.push_back(name);
      };
      if (writes(job, exporters::Format::kJson)) add_written(o.stem + ".json");
      if (writes(job, exporters::Format::kCsv))
        for (const char* name : {"acciones.csv", "actividades.csv", "partidas.csv"})
          add_written(name);
    } else {
      for (const ManifestRow& e : earlier)
        if (e.archivo == row.archivo)
          for (const std::string& s : e.salidas)
            if (s.ends_with(".json")) row.salidas.push_back(s);
    }
    rows.push_back(std::move(row));
  }
  try {
    exporters::AtomicFile file(job.output / kManifestName);
    file.write(manifest_csv(merge_manifest(earlier, rows)));
    file.commit();
    return true;
  } catch (const std::exception& e) {
    err << "poa: " << e.what() << '\n';
    return false;
  }
}

}  // namespace

std::string output_base(const std::filesystem::path& file,
                        const std::vector<std::filesystem::path>& folders) {
  for (const std::filesystem::path& folder : folders) {
    const std::filesystem::path rel = file.lexically_relative(folder);
    if (rel.empty() || *rel.begin() == "..") continue;
    return (rel.parent_path() / rel.stem()).generic_string();
  }
  return file.stem().string();
}

Document convert_file(const std::filesystem::path& path, const ConvertOptions& options) {
  auto reader = extractor::open_source(path, open_options(options));
  RawDocument raw = extractor::recognize(*reader);
  return normalizer::normalize(raw, reader->info(), options.min_confidence);
}

BatchResult run_convert(const std::vector<std::filesystem::path>& files,
                        const BatchOptions& options, std::ostream& err) {
  BatchResult result;
  std::vector<std::unique_ptr<exporters::Exporter>> outputs;
  for (exporters::Format f : options.formats) {
    outputs.push_back(exporters::make_exporter(f, options.export_options));
  }
  if (!begin_outputs(outputs, err)) {
    result.output_failed = true;
    return result;
  }

  std::map<std::string, int> stems;
  for (const std::filesystem::path& file : files) {
    // The output name mirrors the file's place under the folder it was found in; only two
    // inputs that still share a name (poa.pdf and poa.txt side by side) get a `-2`. A refused
    // input takes no name: the next one with the same name gets it.
    const std::string base = output_base(file, options.input_folders);
    const int n = stems[base] + 1;
    const std::string stem = n > 1 ? base + "-" + std::to_string(n) : base;
    InputOutcome outcome{file, {}, {}, 0, 0, 0, {}};
    try {
      const InputSummary summary = stream_input(file, stem, options, outputs);
      stems[base] = n;
      std::size_t warnings = 0;
      for (const Diagnostic& d : summary.diagnostics) {
        if (d.severity != Severity::kInfo) ++warnings;
        if (!options.quiet) err << format_diagnostic(d) << '\n';
      }
      result.warnings += warnings;
      err << printable_name(file.string()) << ": " << summary.actions << " acciones, "
          << summary.activities << " actividades, " << warnings << " avisos\n";
      ++result.converted;
      outcome = {file, summary.sha256, {}, summary.actions, summary.activities, warnings, stem};
    } catch (const InputError& e) {
      for (auto& out : outputs) out->abort_document();
      err << format_diagnostic(e.diagnostic()) << '\n';
      ++result.failed;
      outcome.refused = e.diagnostic().code;
    } catch (const OutputError& e) {
      for (auto& out : outputs) out->abort_document();
      err << printable_name(file.string()) << ": error: " << e.what() << '\n';
      ++result.failed;
      outcome.refused = DiagnosticCode::kFileUnreadable;
    } catch (const std::exception& e) {
      for (auto& out : outputs) out->abort_document();
      // A bug of ours must not take the rest of the batch down with it.
      err << printable_name(file.string()) << ": error: fallo interno al convertir: " << e.what()
          << '\n';
      ++result.failed;
      outcome.refused = DiagnosticCode::kFileUnreadable;
    }
    if (outcome.refused) outcome.sha256 = sha256_of(file, options.convert.max_input_bytes);
    result.inputs.push_back(std::move(outcome));
  }
  // With no input converted the batch files are left as they were: a run whose every input was
  // refused must not replace acciones.csv with a header-only file (the exporters' temporary
  // files are discarded when they are destroyed unfinished).
  if (result.converted == 0) return result;
  if (!finish_outputs(outputs, result.written, err)) result.output_failed = true;
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
  std::optional<std::vector<ManifestRow>> manifest;  // of the output folder (not for `-o -`)
  for (const Diagnostic& e : errors) err << format_diagnostic(e) << '\n';

  BatchOptions options;
  for (const std::filesystem::path& input : job.inputs) {
    std::error_code ec;
    if (std::filesystem::is_directory(input, ec)) options.input_folders.push_back(input);
  }
  options.quiet = job.quiet;
  options.convert.password = job.password;
  options.convert.max_input_bytes = job.max_input_bytes;
  options.convert.sheet = job.sheet;
  options.convert.ocr = job.ocr;
  options.convert.min_confidence = job.min_confidence;
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
    // Before anything is read or written: may this run replace what the folder holds?
    std::string why;
    manifest = read_manifest(job.output, why);
    if (!manifest) {
      err << "poa: " << why << '\n';
      return ExitCode::kUsage;
    }
    if (auto refusal = check_outputs(output_plan(job, files, options), *manifest)) {
      err << "poa: " << *refusal << '\n';
      return ExitCode::kUsage;
    }
    options.export_options.csv_append = job.append;
    for (const std::filesystem::path& f : files)
      options.export_options.csv_replaced.push_back(f.string());
    std::error_code ec;
    std::filesystem::create_directories(job.output, ec);
    if (ec || !std::filesystem::is_directory(job.output)) {
      err << "poa: no se puede crear la carpeta de salida «" << printable_name(job.output.string())
          << "»: " << (ec ? os_reason(ec.value()) : "no es una carpeta") << '\n';
      return ExitCode::kInputFailed;
    }
    options.export_options.out_dir = job.output;
  }
  // Held until the batch files are in place: a second run into the folder is refused.
  const std::optional<exporters::OutputLock> lock =
      options.export_options.to_stdout ? std::nullopt : hold_output_folder(job.output, "poa", err);
  if (!options.export_options.to_stdout && !lock) return ExitCode::kInputFailed;

  const BatchResult result = run_convert(files, options, err);
  if (!skipped.empty()) err << skipped_line(skipped) << '\n';
  // Nothing written, nothing to record (and a full disk is said once, by the output).
  if (manifest && result.converted > 0 && !result.written.empty() &&
      !write_manifest(job, result, *manifest, err))
    return ExitCode::kInputFailed;
  if (result.failed > 0 || result.output_failed || !errors.empty()) return ExitCode::kInputFailed;
  if (job.strict && result.warnings > 0) return ExitCode::kStrictWarnings;
  return ExitCode::kOk;
}

}  // namespace poa::job
