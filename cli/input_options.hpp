// The options of how inputs are found and read, defined once: convert and review share them all
// (InputArgs), pnt the folder filter and --municipio. One definition, so the commands cannot drift.
#pragma once

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <optional>
#include <string>

#include "extractor/ocr_options.hpp"
#include "job/convert.hpp"
#include "job/inputs.hpp"
#include "normalizer/confidence.hpp"

namespace poa::cli {

// Adds --include GLOB and --exclude GLOB to `cmd`, each repeatable, one pattern per use (so a
// pattern never swallows the INPUTs after it).
void add_input_filter_options(CLI::App* cmd, job::InputFilter& filter);

// Adds --municipio NAME: the documents' municipio (ente), over what a letterhead says.
void add_municipio_option(CLI::App* cmd, std::optional<std::string>& municipio);

// What convert and review read their inputs with, as the command line gave it.
struct InputArgs {
  job::InputFilter filter;
  std::optional<std::string> municipio;
  std::string password;
  std::string max_input_size;  // as written (64M); parsed by apply_input_args
  std::string sheet;
  unsigned jobs = 0;  // 0: the command's default
  std::string ocr = "auto";
  std::string ocr_lang = "spa";
  int dpi = 300;
  double ocr_min_confidence = normalizer::kDefaultMinConfidence;
};

// Adds every option of InputArgs to `cmd`.
void add_input_options(CLI::App* cmd, InputArgs& args);

// `args` checked, for a job (false, with one line on `err`, when --max-input-size does not parse).
std::optional<job::InputSettings> parse_input_args(const InputArgs& args, std::ostream& err);

}  // namespace poa::cli
