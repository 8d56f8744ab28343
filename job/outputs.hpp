// What a convert run may write in its output folder: the manifest of what each input produced,
// and the check that the run touches no file it did not produce.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace poa::job {

inline constexpr const char* kManifestName = "manifest.csv";

// One input of a run, as manifest.csv lists it.
struct ManifestRow {
  std::string archivo;  // the input as named (as the CSVs' `archivo` column)
  std::string sha256;   // of its bytes; empty when it could not be read
  std::string estado;   // "convertido" or "rechazado"
  std::string codigo;   // the refusal's code (NOT_A_POA…); empty when converted
  std::size_t actions = 0;
  std::size_t activities = 0;
  std::size_t warnings = 0;          // advertencias and errores (the column `avisos`)
  std::vector<std::string> salidas;  // files under OUTDIR it has rows or a file in, `/`-separated
};

// manifest.csv text: RFC 4180, UTF-8, CRLF, header `archivo,sha256,estado,codigo,acciones,
// actividades,avisos,salidas` (salidas joined with "; ").
std::string manifest_csv(const std::vector<ManifestRow>& rows);

// Reads `out_dir`/manifest.csv: no rows when it does not exist; nullopt (and `why`) when it
// cannot be read or is not a manifest.
std::optional<std::vector<ManifestRow>> read_manifest(const std::filesystem::path& out_dir,
                                                      std::string& why);

// The rows of `earlier` for inputs not in `now`, then `now`: a run's manifest keeps what the
// folder holds from earlier runs of other inputs.
std::vector<ManifestRow> merge_manifest(const std::vector<ManifestRow>& earlier,
                                        const std::vector<ManifestRow>& now);

// What a run is about to write under `out_dir`.
struct OutputPlan {
  std::filesystem::path out_dir;
  std::vector<std::string> inputs;      // the files as named
  std::vector<std::string> json_names;  // `mun001/poa.json`, … (relative to out_dir)
  // acciones.csv and actividades.csv with the header record each will start with (CRLF
  // included); empty when the run writes no CSV.
  std::vector<std::pair<std::string, std::string>> csv_heads;
  bool append = false;  // --append: the CSVs keep other inputs' rows
};

// nullopt when the run may go on. Otherwise one Spanish line naming the file and the reason:
// a JSON the run would write exists and manifest.csv does not say it came from these inputs;
// acciones.csv/actividades.csv exist and, without --append, hold rows of inputs this run does
// not name (or no manifest says whose rows they are) or, with it, other columns than these.
std::optional<std::string> check_outputs(const OutputPlan& plan,
                                         const std::vector<ManifestRow>& manifest);

}  // namespace poa::job
