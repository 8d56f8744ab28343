// poa: the command line. Parses flags into options, calls poa_job, maps the outcome to an exit
// code.
//
// Exit codes: 0 done (warnings allowed), 1 at least one input failed (the others are still
// written), 2 usage error, 3 with --strict when any converted input has a warning.
#include <CLI/CLI.hpp>

#include <iostream>
#include <sstream>

#include "cli/job.hpp"
#include "cli/pnt_command.hpp"
#include "extractor/pdf_reader.hpp"
#include "model/diagnostic.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitInputFailed = 1;
constexpr int kExitUsage = 2;
constexpr int kExitWarnings = 3;

struct ConvertArgs {
  std::vector<std::string> inputs;
  std::string out;
  std::vector<std::string> formats{"json"};
  bool strict = false;
  bool csv_bom = false;
  bool quiet = false;
  std::string password;
};

int run_convert_command(const ConvertArgs& args) {
  poa::BatchOptions options;
  options.quiet = args.quiet;
  if (!args.password.empty()) options.convert.password = args.password;
  options.formats.clear();
  for (const std::string& list : args.formats) {
    std::stringstream ss(list);
    for (std::string name; std::getline(ss, name, ',');) {
      if (name.empty()) continue;
      const auto format = poa::exporters::format_from_name(name);
      if (!format) {
        std::cerr << "poa: formato desconocido «" << name << "» (use json, csv)\n";
        return kExitUsage;
      }
      if (std::find(options.formats.begin(), options.formats.end(), *format) ==
          options.formats.end()) {
        options.formats.push_back(*format);
      }
    }
  }
  if (options.formats.empty()) {
    std::cerr << "poa: --format necesita al menos un formato (json, csv)\n";
    return kExitUsage;
  }

  std::vector<std::filesystem::path> inputs(args.inputs.begin(), args.inputs.end());
  std::vector<std::string> errors;
  std::vector<poa::SkippedInput> skipped;
  const std::vector<std::filesystem::path> files = poa::expand_inputs(inputs, errors, &skipped);
  for (const std::string& e : errors) std::cerr << e << '\n';

  options.export_options.csv_bom = args.csv_bom;
  if (args.out == "-") {
    if (files.size() + errors.size() != 1 || options.formats.size() != 1) {
      std::cerr << "poa: -o - escribe en la salida estándar: una sola entrada y un solo formato\n";
      return kExitUsage;
    }
    options.export_options.to_stdout = true;
  } else {
    std::error_code ec;
    std::filesystem::create_directories(args.out, ec);
    if (ec || !std::filesystem::is_directory(args.out)) {
      std::cerr << "poa: no se puede crear la carpeta de salida «" << args.out
                << "»: " << (ec ? ec.message() : "no es una carpeta") << '\n';
      return kExitInputFailed;
    }
    options.export_options.out_dir = args.out;
  }

  const poa::BatchResult result = poa::run_convert(files, options, std::cerr);
  if (!skipped.empty()) std::cerr << poa::skipped_line(skipped) << '\n';
  if (result.failed > 0 || !errors.empty()) return kExitInputFailed;
  if (args.strict && result.warnings > 0) return kExitWarnings;
  return kExitOk;
}

struct InspectArgs {
  std::string file;
  int page = 0;
  std::string password;
  std::string svg;
};

int run_inspect_command(const InspectArgs& args) {
  try {
    std::optional<std::string> password;
    if (!args.password.empty()) password = args.password;
    std::optional<int> page;
    if (args.page > 0) page = args.page;
    if (!args.svg.empty() && !page) {
      std::cerr << "error: --svg requiere --page N (la página a dibujar, desde 1)\n";
      return kExitUsage;
    }
    poa::extractor::inspect_pdf(args.file, password, page, std::cout);
    if (!args.svg.empty()) poa::extractor::write_pdf_page_svg(args.file, password, *page, args.svg);
    return kExitOk;
  } catch (const poa::InputError& e) {
    std::cerr << poa::format_diagnostic(e.diagnostic()) << '\n';
    return kExitInputFailed;
  } catch (const std::runtime_error& e) {  // the SVG could not be written
    std::cerr << "error: " << e.what() << '\n';
    return kExitInputFailed;
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"poa: Programas Operativos Anuales (PDF o texto) a JSON, CSV y tablas de la PNT"};
  app.set_version_flag("--version", std::string("poa ") + POA_VERSION);
  app.require_subcommand(1);

  ConvertArgs convert;
  CLI::App* convert_cmd = app.add_subcommand("convert", "Convierte POA (PDF o texto) a JSON/CSV");
  convert_cmd->add_option("INPUT", convert.inputs, "Archivos o carpetas (se recorren)")->required();
  convert_cmd->add_option("-o,--output", convert.out, "Carpeta de salida, o - para stdout")
      ->required();
  convert_cmd->add_option("--format", convert.formats, "json, csv o json,csv")->delimiter(',');
  convert_cmd->add_flag("--strict", convert.strict, "Sale con 3 si hay avisos");
  convert_cmd->add_flag("--csv-bom", convert.csv_bom, "BOM UTF-8 en los CSV (para Excel)");
  convert_cmd->add_flag("-q,--quiet", convert.quiet, "Solo una línea de resumen por entrada");
  convert_cmd->add_option("--password", convert.password, "Contraseña de PDF cifrados");

  InspectArgs inspect;
  CLI::App* inspect_cmd =
      app.add_subcommand("inspect", "Muestra lo que el lector vio en un PDF (para reportes)");
  inspect_cmd->add_option("FILE", inspect.file, "Archivo PDF")->required();
  inspect_cmd->add_option("--page", inspect.page, "Solo esta página (desde 1)");
  inspect_cmd->add_option("--svg", inspect.svg, "Dibuja la página en este SVG (requiere --page)");
  inspect_cmd->add_option("--password", inspect.password, "Contraseña de PDF cifrados");

  int pnt_exit_code = kExitOk;
  CLI::App* pnt_cmd = poa::add_pnt_command(app, pnt_exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }

  if (convert_cmd->parsed()) return run_convert_command(convert);
  if (inspect_cmd->parsed()) return run_inspect_command(inspect);
  if (pnt_cmd->parsed()) return pnt_exit_code;
  return kExitUsage;
}
