// The `poa pnt` flags: bound to a PntJob's options (job/pnt.hpp), which does the work.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "job/exit_code.hpp"
#include "job/pnt.hpp"

namespace poa::cli {

// The flags as given; run_pnt_command turns them into the job.
struct PntArgs {
  job::PntJob job;
  std::string fraccion;
  std::string format = "xlsx";
  std::string template_path;
  std::string settings_path;
  std::string password;
  std::string max_input_size;  // "64M", parsed by run_pnt_command
};

// Registers `pnt` and its flags (one per SIPOT setting) on `app`, binding them to `args`.
CLI::App* add_pnt_command(CLI::App& app, PntArgs& args);

// kUsage for an unknown fracción (message on stderr); else the job's outcome.
job::ExitCode run_pnt_command(PntArgs& args);

}  // namespace poa::cli
