// `poa pnt INPUT... --fraccion iv|v|vi [--template BLANK.xlsx] [--settings FILE] -o OUT`.
#include "cli/pnt_command.hpp"

#include <algorithm>
#include <iostream>

namespace poa::cli {

namespace pnt = exporters::pnt;

CLI::App* add_pnt_command(CLI::App& app, PntArgs& args) {
  CLI::App* sub = app.add_subcommand(
      "pnt", "Tablas de carga de SIPOT/PNT (fracciones IV, V, VI) a partir de POAs o su JSON");
  sub->add_option("INPUT", args.job.inputs, "POAs (PDF o texto), JSON de `poa convert` o carpetas")
      ->required();
  sub->add_option("--fraccion", args.fraccion, "iv, v o vi")->required();
  sub->add_option("--template", args.template_path,
                  "Formato de carga en blanco descargado de SIPOT (.xlsx); sin él, el diseño "
                  "integrado 2018–2022");
  sub->add_option("--settings", args.settings_path, "Archivo de ajustes (clave = valor)");
  sub->add_option("--format", args.format, "xlsx (omisión) o csv")
      ->check(CLI::IsMember({"xlsx", "csv"}));
  sub->add_option("-o,--output", args.job.output, "Archivo de salida")->required();
  sub->add_option("--password", args.password, "Contraseña de PDFs cifrados");
  sub->add_option("--max-input-size", args.max_input_size,
                  "Tamaño máximo de un volcado de texto o JSON de entrada (omisión 64M)");
  sub->add_flag("--strict", args.job.strict,
                "Sale con 3 y no escribe nada si hay avisos (celdas vacías, valores fuera de "
                "catálogo, avisos de la conversión)");
  sub->add_flag("-q,--quiet", args.job.quiet, "Solo los errores y la línea de resumen");
  for (const pnt::SettingKey& k : pnt::setting_keys()) {
    std::string name = k.key;
    std::replace(name.begin(), name.end(), '_', '-');
    const std::string key = k.key;
    sub->add_option_function<std::string>(
        "--" + name, [&args, key](const std::string& v) { args.job.setting_overrides[key] = v; },
        k.help);
  }
  return sub;
}

job::ExitCode run_pnt_command(PntArgs& args) {
  const auto fraccion = pnt::fraccion_from_name(args.fraccion);
  if (!fraccion) {
    std::cerr << "poa pnt: fracción desconocida «" << args.fraccion << "» (use iv, v o vi)\n";
    return job::ExitCode::kUsage;
  }
  args.job.fraccion = *fraccion;
  if (args.format == "csv") args.job.format = pnt::OutputFormat::kCsv;
  if (!args.template_path.empty()) args.job.template_path = args.template_path;
  if (!args.settings_path.empty()) args.job.settings_file = args.settings_path;
  if (!args.password.empty()) args.job.password = args.password;
  if (!args.max_input_size.empty()) {
    const auto bytes = extractor::parse_byte_size(args.max_input_size);
    if (!bytes) {
      std::cerr << "poa pnt: --max-input-size: tamaño no válido «" << args.max_input_size
                << "» (p. ej. 64M, 1G, 500K)\n";
      return job::ExitCode::kUsage;
    }
    args.job.max_input_bytes = *bytes;
  }
  return job::run(args.job, std::cerr);
}

}  // namespace poa::cli
