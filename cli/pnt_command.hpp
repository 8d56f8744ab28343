// The `poa pnt` subcommand: SIPOT upload tables (fracciones IV, V, VI) from POAs.
#pragma once

#include <CLI/CLI.hpp>

namespace poa {

// Registers `pnt` on `app`. Its callback runs the job and sets `exit_code`: 0 ok, 1 an input
// was refused (the others still went in), 2 usage error (unknown fracción, unreadable template
// or settings file; nothing written). Returns the subcommand.
CLI::App* add_pnt_command(CLI::App& app, int& exit_code);

}  // namespace poa
