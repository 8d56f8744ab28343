// The options convert and pnt share: --include/--exclude (job::InputFilter), --municipio.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

#include "job/inputs.hpp"

namespace poa::cli {

// Adds --include GLOB and --exclude GLOB to `cmd`, each repeatable, one pattern per use (so a
// pattern never swallows the INPUTs after it).
inline void add_input_filter_options(CLI::App* cmd, job::InputFilter& filter) {
  cmd->add_option("--include", filter.include,
                  "En carpetas, solo los archivos cuya ruta relativa coincide (glob; ** = "
                  "cualquier profundidad; se repite)")
      ->allow_extra_args(false);
  cmd->add_option("--exclude", filter.exclude,
                  "En carpetas, omite los archivos cuya ruta relativa coincide (glob; se repite)")
      ->allow_extra_args(false);
}

// Adds --municipio NAME: the documents' municipio (ente), over what a letterhead says.
inline void add_municipio_option(CLI::App* cmd, std::optional<std::string>& municipio) {
  cmd->add_option_function<std::string>(
      "--municipio",
      [&municipio](const std::string& name) {
        if (name.find_first_not_of(" \t") != std::string::npos) municipio = name;
      },
      "Municipio (ente) de los POA; sin ella, el de su membrete o título (H. AYUNTAMIENTO DE …)");
}

}  // namespace poa::cli
