// `poa pnt INPUT... --fraccion iv|v|vi [--template BLANK.xlsx] [--settings FILE] -o OUT`.
#include "cli/pnt_command.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>

#include "cli/job.hpp"
#include "exporters/json_exporter.hpp"
#include "exporters/pnt/pnt_export.hpp"

namespace poa {
namespace {

namespace pnt = exporters::pnt;

struct PntCli {
  std::vector<std::string> inputs;
  std::string fraccion;
  std::string template_path;
  std::string settings_path;
  std::string format = "xlsx";
  std::string output;
  std::optional<std::string> password;
  std::map<std::string, std::string> settings;  // key -> value given on the command line
};

// A JSON written by `poa convert` (content starting with '{'), else a POA file.
Document load_input(const std::filesystem::path& path, const ConvertOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (in) {
    char c = 0;
    while (in.get(c) && (c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
    }
    if (in && c == '{') {
      in.seekg(0);
      const std::string text((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
      return exporters::document_from_json(text, path.string());
    }
  }
  return convert_file(path, options);
}

int run(const PntCli& cli) {
  pnt::PntJob job;
  const auto fraccion = pnt::fraccion_from_name(cli.fraccion);
  if (!fraccion) {
    std::cerr << "poa pnt: fracción desconocida «" << cli.fraccion << "» (use iv, v o vi)\n";
    return 2;
  }
  job.fraccion = *fraccion;
  if (cli.format == "csv") job.format = pnt::OutputFormat::kCsv;
  if (!cli.template_path.empty()) job.template_path = cli.template_path;
  try {
    if (!cli.settings_path.empty()) pnt::load_settings_file(cli.settings_path, job.settings);
  } catch (const std::exception& e) {
    std::cerr << "poa pnt: " << e.what() << "\n";
    return 2;
  }
  // Command-line options win over the settings file.
  for (const auto& [key, value] : cli.settings) {
    if (auto err = pnt::apply_setting(job.settings, key, value)) {
      std::cerr << "poa pnt: --" << key << ": " << *err << "\n";
      return 2;
    }
  }
  for (const std::string& i : cli.inputs) job.inputs.emplace_back(i);
  job.output = cli.output;
  ConvertOptions options;
  options.password = cli.password;
  return pnt::run_pnt(
      job, [&](const std::filesystem::path& p) { return load_input(p, options); }, std::cerr);
}

}  // namespace

CLI::App* add_pnt_command(CLI::App& app, int& exit_code) {
  auto cli = std::make_shared<PntCli>();
  CLI::App* sub = app.add_subcommand(
      "pnt", "Tablas de carga de SIPOT/PNT (fracciones IV, V, VI) a partir de POAs o su JSON");
  sub->add_option("INPUT", cli->inputs, "POAs (PDF o texto), JSON de `poa convert` o carpetas")
      ->required();
  sub->add_option("--fraccion", cli->fraccion, "iv, v o vi")->required();
  sub->add_option("--template", cli->template_path,
                  "Formato de carga en blanco descargado de SIPOT (.xlsx); sin él, el diseño "
                  "integrado 2018–2022");
  sub->add_option("--settings", cli->settings_path, "Archivo de ajustes (clave = valor)");
  sub->add_option("--format", cli->format, "xlsx (omisión) o csv")
      ->check(CLI::IsMember({"xlsx", "csv"}));
  sub->add_option("-o,--output", cli->output, "Archivo de salida")->required();
  sub->add_option("--password", cli->password, "Contraseña de PDFs cifrados");
  for (const pnt::SettingKey& k : pnt::setting_keys()) {
    std::string name = k.key;
    std::replace(name.begin(), name.end(), '_', '-');
    const std::string key = k.key;
    sub->add_option_function<std::string>(
        "--" + name, [cli, key](const std::string& v) { cli->settings[key] = v; }, k.help);
  }
  sub->callback([cli, &exit_code] { exit_code = run(*cli); });
  return sub;
}

}  // namespace poa
