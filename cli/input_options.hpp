// The options of how inputs are found and read, defined once: convert and review share them all
// (InputArgs), pnt the folder filter and --municipio. One definition, so the commands cannot drift.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>

#include "extractor/ocr_options.hpp"
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

// The parsed values of InputArgs, for a job.
struct InputSettings {
  job::InputFilter filter;
  std::optional<std::string> municipio;
  std::optional<std::string> password;
  std::optional<std::uint64_t> max_input_bytes;  // unset: the job's default
  std::optional<std::string> sheet;
  unsigned jobs = 0;
  extractor::OcrOptions ocr;
  double min_confidence = normalizer::kDefaultMinConfidence;
};

// `args` checked (false, with one line on `err`, when --max-input-size does not parse).
std::optional<InputSettings> parse_input_args(const InputArgs& args, std::ostream& err);

// Copies `settings` onto a ConvertJob or a ReviewJob (the same field names in both).
template <class Job>
void apply_input_settings(const InputSettings& settings, Job& job) {
  job.filter = settings.filter;
  job.municipio = settings.municipio;
  if (settings.password) job.password = settings.password;
  if (settings.max_input_bytes) job.max_input_bytes = *settings.max_input_bytes;
  job.sheet = settings.sheet;
  job.jobs = settings.jobs;
  job.ocr = settings.ocr;
  job.min_confidence = settings.min_confidence;
}

}  // namespace poa::cli
