// The pnt job: settings, template, inputs -> SIPOT records -> bound tables -> files.
#include "job/pnt.hpp"

#include <exception>
#include <ostream>

#include "exporters/json_exporter.hpp"
#include "extractor/source.hpp"
#include "job/inputs.hpp"
#include "job/output_folder.hpp"

namespace poa::job {
namespace {

namespace pnt = exporters::pnt;

// The settings file, then the overrides. A Spanish message on `err` and false when refused.
bool load_settings(const PntJob& job, pnt::Settings& settings, std::ostream& err) {
  settings = job.settings;
  try {
    if (job.settings_file) pnt::load_settings_file(*job.settings_file, settings);
  } catch (const std::exception& e) {
    err << "poa pnt: " << e.what() << "\n";
    return false;
  }
  for (const auto& [key, value] : job.setting_overrides) {
    if (auto why = pnt::apply_setting(settings, key, value)) {
      err << "poa pnt: --" << key << ": " << *why << "\n";
      return false;
    }
  }
  return true;
}

// The user's template (checked against the fracción) or the built-in layout. A Spanish message
// on `err` and false when refused.
bool load_template(const PntJob& job, std::optional<pnt::XlsxTemplate>& tmpl,
                   pnt::TemplateLayout& layout, std::ostream& err) {
  try {
    if (!job.template_path) {
      layout = pnt::builtin_layout(job.fraccion);
      return true;
    }
    tmpl = pnt::XlsxTemplate::open(*job.template_path);
    layout = tmpl->layout();
    if (auto why = pnt::check_template_fits(layout, job.fraccion)) {
      err << "poa pnt: " << job.template_path->string() << ": " << *why << "\n";
      return false;
    }
    return true;
  } catch (const std::exception& e) {
    err << "poa pnt: " << e.what() << "\n";
    return false;
  }
}

void print_report(const PntJob& job, const pnt::Table& table, const pnt::BoundTables& bound,
                  std::size_t docs, std::size_t files, const std::filesystem::path& written,
                  bool has_subtables, std::ostream& err) {
  for (const std::string& n : table.notes) err << "poa pnt: aviso: " << n << "\n";
  for (const std::string& w : bound.warnings) err << "poa pnt: aviso: " << w << "\n";
  if (!bound.empty_columns.empty()) {
    err << "poa pnt: columnas sin datos (el POA y los ajustes no las llenan):\n";
    for (const std::string& c : bound.empty_columns) err << "  - " << c << "\n";
  }
  std::size_t sub_rows = 0;
  for (const auto& [id, rows] : bound.subtables) sub_rows += rows.size();
  err << "poa pnt: fracción " << pnt::fraccion_name(job.fraccion) << ": " << bound.main.size()
      << " registros";
  if (has_subtables) err << " y " << sub_rows << " filas de subtabla";
  err << " de " << docs << " de " << files << " entradas; " << bound.empty_columns.size()
      << " columnas vacías; escrito " << written.string()
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
  const ConvertOptions convert{job.password, job.max_input_bytes};
  std::vector<Document> docs;
  for (const fs::path& f : files) {
    try {
      docs.push_back(load ? load(f) : load_document(f, convert));
    } catch (const InputError& e) {
      Diagnostic d = e.diagnostic();
      if (d.origin.file.empty()) d.origin = Origin{f.string(), {}, {}, {}};
      errors.push_back(std::move(d));
    } catch (const std::exception& e) {
      errors.push_back(diag::input_error(DiagnosticCode::kFileUnreadable, e.what(),
                                         Origin{f.string(), {}, {}, {}}));
    }
  }
  for (const Diagnostic& e : errors)
    err << "poa pnt: " << format_diagnostic(e) << "\n";  // with its [CODE], like convert
  if (docs.empty()) {
    err << "poa pnt: ninguna entrada se pudo leer; no se escribió " << job.output.string() << "\n";
    return ExitCode::kInputFailed;
  }

  const pnt::Table table = pnt::build_table(job.fraccion, docs, settings);
  if (table.records.empty()) {
    // An upload sheet without a record is no answer: say so and write nothing.
    for (const std::string& n : table.notes) err << "poa pnt: aviso: " << n << "\n";
    err << "poa pnt: ningún registro para la fracción " << pnt::fraccion_name(job.fraccion)
        << "; no se escribió " << job.output.string() << "\n";
    return ExitCode::kInputFailed;
  }
  const pnt::BoundTables bound = pnt::bind_table(layout, table);
  // A second run writing next to ours is refused; a killed run's temporary files go.
  const std::optional<exporters::OutputLock> lock =
      hold_output_folder(job.output.parent_path(), "poa pnt", err);
  if (!lock) return ExitCode::kInputFailed;
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
  print_report(job, table, bound, docs.size(), files.size(), written.front(),
               !layout.subtables.empty(), err);
  return errors.empty() ? ExitCode::kOk : ExitCode::kInputFailed;
}

}  // namespace poa::job
