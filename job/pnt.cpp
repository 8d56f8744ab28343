// The pnt job: settings, template, inputs -> SIPOT records -> bound tables -> files.
#include "job/pnt.hpp"

#include <algorithm>
#include <exception>
#include <ostream>
#include <string>
#include <utility>

#include "exporters/json_exporter.hpp"
#include "exporters/pnt/pnt_checks.hpp"
#include "extractor/source.hpp"
#include "job/inputs.hpp"
#include "job/output_folder.hpp"

namespace poa::job {
namespace {

namespace pnt = exporters::pnt;

// One line of `poa pnt` on stderr: every diagnostic, whatever its stage, with its [CODE].
void print(const Diagnostic& d, std::ostream& err) {
  err << "poa pnt: " << format_diagnostic(d) << "\n";
}

Diagnostic refused(DiagnosticCode code, std::string message, std::string where) {
  return diag::input_error(code, std::move(message), Origin{std::move(where), {}, {}, {}});
}

// The settings file, then the overrides, then SIPOT's date rules. Diagnostics on `err` and
// false when refused.
bool load_settings(const PntJob& job, pnt::Settings& settings, std::ostream& err) {
  settings = job.settings;
  try {
    if (job.settings_file) pnt::load_settings_file(*job.settings_file, settings);
  } catch (const InputError& e) {
    print(e.diagnostic(), err);
    return false;
  }
  for (const auto& [key, value] : job.setting_overrides) {
    if (auto why = pnt::apply_setting(settings, key, value)) {
      std::string option = key;
      std::replace(option.begin(), option.end(), '_', '-');
      print(refused(DiagnosticCode::kSipotInvalidSetting, *why, "--" + option), err);
      return false;
    }
  }
  const Diagnostics order = pnt::check_dates(settings);
  for (const Diagnostic& d : order) print(d, err);
  return order.empty();
}

// The user's template (checked against the fracción) or the built-in layout. A diagnostic on
// `err` and false when refused.
bool load_template(const PntJob& job, std::optional<pnt::XlsxTemplate>& tmpl,
                   pnt::TemplateLayout& layout, std::ostream& err) {
  if (!job.template_path) {
    layout = pnt::builtin_layout(job.fraccion);
    return true;
  }
  std::optional<std::string> why;
  try {
    tmpl = pnt::XlsxTemplate::open(*job.template_path);
    layout = tmpl->layout();
    why = pnt::check_template_fits(layout, job.fraccion);
  } catch (const std::exception& e) {
    // The template reader names the file first; the diagnostic's origin says it once.
    const std::string prefix = job.template_path->string() + ": ";
    why = e.what();
    if (why->starts_with(prefix)) why->erase(0, prefix.size());
  }
  if (why)
    print(refused(DiagnosticCode::kSipotTemplateRefused, *why, job.template_path->string()), err);
  return !why;
}

// Each input through `load`; a refused one adds its diagnostic to `errors`.
std::vector<Document> load_inputs(const std::vector<std::filesystem::path>& files,
                                  const PntJob& job, const DocumentLoader& load,
                                  Diagnostics& errors) {
  const ConvertOptions convert{job.password, job.max_input_bytes};
  std::vector<Document> docs;
  for (const std::filesystem::path& f : files) {
    try {
      docs.push_back(load ? load(f) : load_document(f, convert));
    } catch (const InputError& e) {
      Diagnostic d = e.diagnostic();
      if (d.origin.file.empty()) d.origin = Origin{f.string(), {}, {}, {}};
      errors.push_back(std::move(d));
    } catch (const std::exception& e) {
      errors.push_back(refused(DiagnosticCode::kFileUnreadable, e.what(), f.string()));
    }
  }
  return docs;
}

// What the upload would carry that is not right yet: each input's conversion warnings (as
// `poa convert` printed them), then the mapping's and the binding's, then the gaps.
Diagnostics checks_before_upload(const std::vector<Document>& docs, const pnt::Table& table,
                                 const pnt::TemplateLayout& layout, const pnt::BoundTables& bound,
                                 const pnt::Settings& settings) {
  Diagnostics out;
  for (const Document& doc : docs) {
    Diagnostics of_doc = doc.all_diagnostics();
    for (Diagnostic& d : of_doc) {
      if (d.origin.file.empty()) d.origin.file = doc.source.path;
      out.push_back(std::move(d));
    }
  }
  const Diagnostics period = pnt::check_period_year(settings, docs);
  const Diagnostics gaps = pnt::check_gaps(layout, bound, settings);
  for (const Diagnostics* part : {&period, &table.notes, &bound.warnings, &gaps})
    out.insert(out.end(), part->begin(), part->end());
  return out;
}

std::size_t count_warnings(const Diagnostics& ds) {
  return static_cast<std::size_t>(std::count_if(
      ds.begin(), ds.end(), [](const Diagnostic& d) { return d.severity != Severity::kInfo; }));
}

void print_report(const PntJob& job, const pnt::BoundTables& bound, std::size_t docs,
                  std::size_t files, std::size_t warnings, const std::filesystem::path& written,
                  bool has_subtables, std::ostream& err) {
  std::size_t sub_rows = 0;
  for (const auto& [id, rows] : bound.subtables) sub_rows += rows.size();
  err << "poa pnt: fracción " << pnt::fraccion_name(job.fraccion) << ": " << bound.main.size()
      << " registros";
  if (has_subtables) err << " y " << sub_rows << " filas de subtabla";
  err << " de " << docs << " de " << files << " entradas; " << bound.empty_columns.size()
      << " columnas vacías; " << warnings << " avisos; escrito " << written.string()
      << (job.template_path ? " (plantilla " + job.template_path->filename().string() + ")"
                            : std::string(" (diseño integrado 2018–2022)"))
      << "\n";
}

}  // namespace

Document load_document(const std::filesystem::path& path, const ConvertOptions& options) {
  if (const std::optional<std::string> json =
          extractor::read_json_document(path, options.max_input_bytes)) {
    return exporters::document_from_json(*json, path.string());
  }
  return convert_file(path, options);
}

ExitCode run(const PntJob& job, std::ostream& err, const DocumentLoader& load) {
  namespace fs = std::filesystem;
  if (job.output == "-") {
    // A workbook is several files zipped, not a stream: never a file named "-" either.
    err << "poa pnt: -o - no está soportado: indique el archivo de salida (-o ARCHIVO.xlsx)\n";
    return ExitCode::kUsage;
  }
  pnt::Settings settings;
  if (!load_settings(job, settings, err)) return ExitCode::kUsage;
  // The template first: a refused template must cost nothing and leave no output.
  std::optional<pnt::XlsxTemplate> tmpl;
  pnt::TemplateLayout layout;
  if (!load_template(job, tmpl, layout, err)) return ExitCode::kUsage;

  Diagnostics errors;
  // Our own JSON is read only when named: in a folder it sits beside the PDF it came from, and
  // both would give every record twice.
  std::vector<SkippedInput> skipped;
  const std::vector<fs::path> files =
      expand_inputs(job.inputs, JsonInFolders::kSkip, errors, &skipped);
  if (!skipped.empty()) err << skipped_line(skipped) << '\n';
  const std::vector<Document> docs = load_inputs(files, job, load, errors);
  for (const Diagnostic& e : errors) print(e, err);
  const std::string not_written = "; no se escribió " + job.output.string();
  if (docs.empty()) {
    err << "poa pnt: ninguna entrada se pudo leer" << not_written << "\n";
    return ExitCode::kInputFailed;
  }

  const pnt::Table table = pnt::build_table(job.fraccion, docs, settings);
  if (table.records.empty()) {
    // An upload sheet without a record is no answer: say so and write nothing.
    if (!job.quiet)
      for (const Diagnostic& n : table.notes) print(n, err);
    print(refused(DiagnosticCode::kSipotNoRecord,
                  std::string("ningún registro para la fracción ") +
                      pnt::fraccion_name(job.fraccion) + not_written,
                  job.output.string()),
          err);
    return ExitCode::kInputFailed;
  }
  const pnt::BoundTables bound = pnt::bind_table(layout, table);
  // A second run writing next to ours is refused; a killed run's temporary files go.
  const std::optional<exporters::OutputLock> lock =
      hold_output_folder(job.output.parent_path(), "poa pnt", err);
  if (!lock) return ExitCode::kInputFailed;
  const Diagnostics checks = checks_before_upload(docs, table, layout, bound, settings);
  for (const Diagnostic& d : checks)
    if (!job.quiet || d.severity == Severity::kError) print(d, err);
  const std::size_t warnings = count_warnings(checks);
  if (job.strict && warnings > 0) {
    err << "poa pnt: --strict: " << warnings << " avisos antes de subir" << not_written << "\n";
    return ExitCode::kStrictWarnings;
  }
  std::vector<fs::path> written;
  try {
    written = pnt::write_tables(layout, tmpl ? &*tmpl : nullptr, job.fraccion, bound, job.format,
                                job.output);
  } catch (const std::exception& e) {
    // A full disk or a read-only folder: the output is left as it was (write_tables writes
    // under temporary names), and that is a failure of the run, not a usage error.
    err << "poa pnt: error: " << e.what() << "\n";
    return ExitCode::kInputFailed;
  }
  print_report(job, bound, docs.size(), files.size(), warnings, written.front(),
               !layout.subtables.empty(), err);
  return errors.empty() ? ExitCode::kOk : ExitCode::kInputFailed;
}

}  // namespace poa::job
