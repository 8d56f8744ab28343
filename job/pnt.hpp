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
};

// Reads one input into a Document; throws poa::InputError (or any std::exception) to refuse it.
using DocumentLoader = std::function<Document(const std::filesystem::path&)>;

// A JSON document written by `poa convert` is read back; anything else is converted.
Document load_document(const std::filesystem::path& path, const ConvertOptions& options = {});

// Runs the job: settings (a bad file or value: kUsage), the template (refused: kUsage), every
// input through `load` (empty: load_document; a refused input costs one line on `err` and
// kInputFailed, the rest still go in), then the tables written atomically, the columns left
// empty and a summary line on `err`. Nothing is written when the result is kUsage or no input
// could be read.
ExitCode run(const PntJob& job, std::ostream& err, const DocumentLoader& load = {});

}  // namespace poa::job
