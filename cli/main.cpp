// poa: the command line. Parses flags into a job's options, runs the job (poa_job), and returns
// its ExitCode (job/exit_code.hpp) as the exit status.
#include <CLI/CLI.hpp>

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>

#include "cli/input_options.hpp"
#include "cli/pnt_command.hpp"
#include "exporters/postgres_exporter.hpp"
#include "exporters/temp_files.hpp"
#include "extractor/input_file.hpp"
#include "job/convert.hpp"
#include "job/exit_code.hpp"
#include "job/inspect.hpp"
#include "job/review.hpp"

namespace {

using poa::job::ExitCode;

struct ConvertArgs {
  std::vector<std::string> inputs;
  std::string out;
  std::vector<std::string> formats{"json"};
  bool strict = false;
  bool csv_bom = false;
  bool csv_raw = false;
  bool quiet = false;
  bool append = false;
  poa::cli::InputArgs input;
  bool progress = false;
  bool no_progress = false;
  std::string db;
  bool incremental = false;
  bool format_given = false;  // --format named: --db adds sqlite to it rather than replace it
};

// The terminal's width, for the progress line (80 when stderr is not a terminal).
std::size_t stderr_columns() {
  winsize size{};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

ExitCode run_convert_command(const ConvertArgs& args) {
  poa::job::ConvertJob job;
  std::optional<poa::job::InputSettings> input = poa::cli::parse_input_args(args.input, std::cerr);
  if (!input) return ExitCode::kUsage;
  job.input = std::move(*input);
  job.formats.clear();
  for (const std::string& list : args.formats) {
    std::stringstream ss(list);
    for (std::string name; std::getline(ss, name, ',');) {
      if (name.empty()) continue;
      const auto format = poa::exporters::format_from_name(name);
      if (!format) {
        std::cerr << "poa: formato desconocido «" << name << "» (use json, csv, html, sqlite)\n";
        return ExitCode::kUsage;
      }
      if (std::find(job.formats.begin(), job.formats.end(), *format) == job.formats.end()) {
        job.formats.push_back(*format);
      }
    }
  }
  if (!args.db.empty()) {
    // `--db FILE` alone writes only the database; with --format it is one more format. A
    // PostgreSQL conninfo takes the place of the SQLite file (`--format sqlite` included).
    const bool postgres = poa::exporters::is_postgres_conninfo(args.db);
    const auto database =
        postgres ? poa::exporters::Format::kPostgres : poa::exporters::Format::kSqlite;
    if (!args.format_given) job.formats.clear();
    if (postgres) std::erase(job.formats, poa::exporters::Format::kSqlite);
    if (std::find(job.formats.begin(), job.formats.end(), database) == job.formats.end())
      job.formats.push_back(database);
    if (postgres)
      job.db_conninfo = args.db;
    else
      job.db = args.db;
  }
  job.incremental = args.incremental;
  job.inputs.assign(args.inputs.begin(), args.inputs.end());
  job.output = args.out;
  job.strict = args.strict;
  job.csv_bom = args.csv_bom;
  job.csv_raw = args.csv_raw;
  job.quiet = args.quiet;
  job.append = args.append;
  // On a terminal only, unless asked: a log file or a pipe never gets the redrawn line.
  job.progress = args.progress || (!args.no_progress && isatty(STDERR_FILENO) == 1);
  if (args.no_progress) job.progress = false;
  job.progress_width = stderr_columns() - 1;
  // The progress line counts OCR pages as they are read: the reader's own OCR lines ("OCR, 3 de
  // 32 páginas") are never wanted here (--no-progress means none on a terminal either).
  return poa::job::run(job, std::cerr);
}

struct ReviewArgs {
  std::vector<std::string> inputs;
  std::string out;
  bool strict = false;
  bool quiet = false;
  poa::cli::InputArgs input;
};

ExitCode run_review_command(const ReviewArgs& args) {
  poa::job::ReviewJob job;
  std::optional<poa::job::InputSettings> input = poa::cli::parse_input_args(args.input, std::cerr);
  if (!input) return ExitCode::kUsage;
  job.input = std::move(*input);
  job.inputs.assign(args.inputs.begin(), args.inputs.end());
  job.output = args.out;
  job.strict = args.strict;
  job.quiet = args.quiet;
  job.input.read.ocr.progress = isatty(STDERR_FILENO) != 0 && !args.quiet;
  return poa::job::run(job, std::cerr);
}

struct InspectArgs {
  std::string file;
  std::optional<int> page;  // as given: 0 or -1 is out of range too, never "every page"
  std::string password;
  std::string svg;
  std::string sheet;
};

ExitCode run_inspect_command(const InspectArgs& args) {
  poa::job::InspectJob job;
  job.file = args.file;
  job.page = args.page;
  if (!args.password.empty()) job.password = args.password;
  if (!args.svg.empty()) job.svg = args.svg;
  if (!args.sheet.empty()) job.sheet = args.sheet;
  return poa::job::run(job, std::cout, std::cerr);
}

}  // namespace

// CLI11's parse errors in the language of every other line poa prints (its own texts are
// English); an error we have no wording for keeps CLI11's text after a Spanish lead.
std::string spanish_parse_error(const CLI::ParseError& e) {
  const std::string what = e.what();
  auto after = [&](std::string_view prefix) {
    const std::size_t at = what.find(prefix);
    return at == std::string::npos ? std::string() : what.substr(at + prefix.size());
  };
  if (what.find("A subcommand is required") != std::string::npos) {
    return "se requiere un subcomando: convert, review, inspect o pnt";
  }
  if (what.ends_with(" is required")) {
    return "falta la opción obligatoria " + what.substr(0, what.size() - 12);
  }
  if (std::string rest = after("were not expected: "); !rest.empty()) {
    return "argumentos no esperados: " + rest;
  }
  if (std::string rest = after("was not expected: "); !rest.empty()) {
    return "argumento no esperado: " + rest;
  }
  if (std::string rest = after("Could not convert: "); !rest.empty()) {
    return "valor no válido: " + rest;
  }
  if (what.find(" not in ") != std::string::npos) return "valor no permitido: " + what;
  return "error en los argumentos: " + what;
}

int main(int argc, char** argv) {
  // SIGINT/SIGTERM remove this run's temporary files and exit 130/143 with one line.
  poa::exporters::install_interrupt_cleanup();
  CLI::App app{"poa: Programas Operativos Anuales (PDF o texto) a JSON, CSV y tablas de la PNT"};
  app.set_version_flag("--version", std::string("poa ") + POA_VERSION);
  app.require_subcommand(1);

  ConvertArgs convert;
  CLI::App* convert_cmd = app.add_subcommand("convert", "Convierte POA (PDF o texto) a JSON/CSV");
  convert_cmd->add_option("INPUT", convert.inputs, "Archivos o carpetas (se recorren)")->required();
  convert_cmd->add_option("-o,--output", convert.out, "Carpeta de salida, o - para stdout")
      ->required();
  CLI::Option* format_option =
      convert_cmd
          ->add_option("--format", convert.formats, "json, csv, html, sqlite (p. ej. json,csv)")
          ->delimiter(',')
          // One list per --format: `--format json,csv IN.pdf` must leave IN.pdf to INPUT.
          ->allow_extra_args(false);
  convert_cmd->add_flag("--strict", convert.strict, "Sale con 3 si hay avisos");
  convert_cmd->add_flag("--csv-bom", convert.csv_bom, "BOM UTF-8 en los CSV (para Excel)");
  convert_cmd->add_flag("--csv-raw", convert.csv_raw,
                        "Texto de los CSV tal cual, sin desactivar fórmulas (=, +, -, @)");
  convert_cmd->add_flag("-q,--quiet", convert.quiet, "Solo una línea de resumen por entrada");
  convert_cmd->add_flag("--append", convert.append,
                        "Agrega las filas de esta corrida a acciones.csv y actividades.csv (las de "
                        "sus entradas se reemplazan; las de otras se conservan)");
  convert_cmd->add_flag("--progress", convert.progress,
                        "Línea de avance en stderr aunque no sea una terminal, y un resumen");
  convert_cmd->add_flag("--no-progress", convert.no_progress,
                        "Sin línea de avance aunque stderr sea una terminal");
  convert_cmd->add_option("--db", convert.db,
                          "Base SQLite donde escribir (omisión con --format sqlite: "
                          "CARPETA/poa.sqlite), o PostgreSQL: postgresql://usuario@servidor/base");
  convert_cmd->add_flag("--incremental", convert.incremental,
                        "Omite las entradas cuyo sha256 ya está en la base (SQLite o PostgreSQL)");
  poa::cli::add_input_options(convert_cmd, convert.input);

  ReviewArgs review;
  CLI::App* review_cmd = app.add_subcommand(
      "review", "Escribe un informe HTML para revisar lo leído junto a la página de origen");
  review_cmd->add_option("INPUT", review.inputs, "Archivos o carpetas (se recorren)")->required();
  review_cmd->add_option("-o,--output", review.out, "Carpeta del informe (index.html)")->required();
  review_cmd->add_flag("--strict", review.strict, "Sale con 3 si hay avisos");
  review_cmd->add_flag("-q,--quiet", review.quiet, "Solo una línea de resumen por entrada");
  poa::cli::add_input_options(review_cmd, review.input);

  InspectArgs inspect;
  CLI::App* inspect_cmd = app.add_subcommand(
      "inspect", "Muestra lo que el lector vio en un PDF o un libro (para reportes)");
  inspect_cmd->add_option("FILE", inspect.file, "Archivo PDF, libro (xlsx, ods), CSV o texto")
      ->required();
  inspect_cmd->add_option("--page", inspect.page, "Solo esta página (desde 1)");
  inspect_cmd->add_option("--svg", inspect.svg, "Dibuja la página en este SVG (requiere --page)");
  inspect_cmd->add_option("--password", inspect.password, "Contraseña de PDF cifrados");
  inspect_cmd->add_option("--sheet", inspect.sheet, "Libros: solo esta hoja (nombre o número)");

  poa::cli::PntArgs pnt;
  CLI::App* pnt_cmd = poa::cli::add_pnt_command(app, pnt);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "poa: " << spanish_parse_error(e) << "\nUse --help para ver las opciones.\n";
    return exit_status(ExitCode::kUsage);
  }

  convert.format_given = format_option->count() > 0;
  if (convert_cmd->parsed()) return exit_status(run_convert_command(convert));
  if (review_cmd->parsed()) return exit_status(run_review_command(review));
  if (inspect_cmd->parsed()) return exit_status(run_inspect_command(inspect));
  if (pnt_cmd->parsed()) return exit_status(poa::cli::run_pnt_command(pnt));
  return exit_status(ExitCode::kUsage);
}
