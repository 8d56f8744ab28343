// The pnt job: SIPOT upload tables (fracciones IV, V, VI) from POAs or their JSON (`poa pnt`).
#pragma once

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "exporters/pnt/pnt_export.hpp"
#include "exporters/pnt/pnt_model.hpp"
#include "job/convert.hpp"
#include "job/exit_code.hpp"
#include "model/document.hpp"

namespace poa::job {

// What `poa pnt` was asked for, flags already parsed.
struct PntJob {
  std::vector<std::filesystem::path> inputs;  // POAs, JSON of `poa convert`, or folders
  exporters::pnt::Fraccion fraccion = exporters::pnt::Fraccion::kIV;
  std::optional<std::filesystem::path> template_path;    // none: the built-in 2018–2022 layout
  exporters::pnt::Settings settings;                     // the starting values
  std::optional<std::filesystem::path> settings_file;    // read over `settings`
  std::map<std::string, std::string> setting_overrides;  // key -> value; win over the file
  exporters::pnt::OutputFormat format = exporters::pnt::OutputFormat::kXlsx;
  std::filesystem::path output;
  std::optional<std::string> password;  // for encrypted PDFs
  std::uint64_t max_input_bytes = extractor::kDefaultMaxInputBytes;  // --max-input-size
  // Any warning (a gap, a value not in a catalogue, a skipped activity, a conversion warning)
  // makes the result kStrictWarnings, and nothing is written.
  bool strict = false;
  bool quiet = false;  // only errors and the summary line
};

// Reads one input into a Document; throws poa::InputError (or any std::exception) to refuse it.
using DocumentLoader = std::function<Document(const std::filesystem::path&)>;

// A JSON document written by `poa convert` is read back; anything else is converted.
Document load_document(const std::filesystem::path& path, const ConvertOptions& options = {});

// Runs the job: settings (a bad file or value, or dates out of SIPOT's order: kUsage), the
// template (refused: kUsage), every input through `load` (empty: load_document; a refused input
// costs one line on `err` and kInputFailed, the rest still go in), then the checks before
// upload (each input's conversion warnings, values not in a catalogue, skipped activities, the
// cells left empty with the rows and the reason), the tables written atomically and a summary
// line on `err`. Every line is a Diagnostic with its [CODE]. Nothing is written when the result
// is kUsage, when no input could be read or no record came out (kInputFailed), or with `strict`
// and a warning (kStrictWarnings).
ExitCode run(const PntJob& job, std::ostream& err, const DocumentLoader& load = {});

}  // namespace poa::job
