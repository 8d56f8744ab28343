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

// The journal of the run holding the folder (`OUTDIR/.poa.diario`): manifest rows appended as
// the run goes, each before the files it names can appear (an input's outputs before it is
// converted, then what became of it; the batch files' owners before they are put in place).
// manifest.csv is written only at the end, so a run killed part-way (SIGKILL, the OOM killer, a
// SIGTERM after some inputs) would otherwise leave files in place that no manifest names, and
// every later run into the folder would refuse to touch them. The run removes its journal once
// manifest.csv is in place; a journal found by the next run is a dead run's (the folder's lock
// is held) and recover_journal() folds it in. No fsync: like the outputs, the record holds
// against a killed process, not a power cut (a torn last record is ignored).
inline constexpr const char* kJournalName = ".poa.diario";
// The `estado` of a journal row written before its input is converted.
inline constexpr const char* kBegun = "interrumpido";

class ManifestJournal {
 public:
  // Starts an empty journal in `out_dir`; nullopt (and `why`) when it cannot be created.
  static std::optional<ManifestJournal> start(const std::filesystem::path& out_dir,
                                              std::string& why);
  ManifestJournal(ManifestJournal&& other) noexcept;
  ManifestJournal& operator=(ManifestJournal&&) = delete;
  ManifestJournal(const ManifestJournal&) = delete;
  ~ManifestJournal();  // closes it; the file stays until remove()

  // Appends the rows in one write, so a killed process leaves whole records. A write that fails
  // (a full disk) is not an error of the run: its manifest.csv is still written at the end.
  void record(const std::vector<ManifestRow>& rows);
  // The run's manifest.csv is in place: the journal goes.
  void remove();

 private:
  ManifestJournal(int fd, std::filesystem::path path) : fd_(fd), path_(std::move(path)) {}
  int fd_ = -1;
  std::filesystem::path path_;
};

// Folds the journal a dead run left in `out_dir` (if any) into `manifest`: its last row for each
// input replaces that input's row (only the files of it that exist; an input it had only begun
// adds its files to the row an earlier run left, or is left out when it put none in place), then
// manifest.csv is written and the journal removed. Returns how many inputs it recorded (0: none,
// or no journal). Throws poa::OutputError when
// manifest.csv cannot be written (the journal then stays).
std::size_t recover_journal(const std::filesystem::path& out_dir,
                            std::vector<ManifestRow>& manifest);

// What a run is about to write under `out_dir`.
struct OutputPlan {
  std::filesystem::path out_dir;
  std::vector<std::string> inputs;      // the files as named
  std::vector<std::string> json_names;  // `mun001/poa.json`, … (relative to out_dir)
  // acciones.csv and actividades.csv with the header record each will start with (CRLF
  // included); empty when the run writes no CSV.
  std::vector<std::pair<std::string, std::string>> csv_heads;
  bool append = false;  // --append: the CSVs keep other inputs' rows
  // The review report: each input's page and images folder (`mun001/poa.html`,
  // `mun001/poa-paginas`), checked like the JSONs, and the report's batch files (index.html, its
  // stylesheet and script), which are rewritten whole: refused when they exist and are not only
  // of this run's inputs.
  std::vector<std::string> html_names;
  std::vector<std::string> html_batch_names;
};

// nullopt when the run may go on. Otherwise one Spanish line naming the file and the reason:
// a JSON (or a review page or images folder) the run would write exists and manifest.csv does
// not say it came from these inputs; the review index exists and is not only these inputs';
// acciones.csv/actividades.csv exist and, without --append, hold rows of inputs this run does
// not name (or no manifest says whose rows they are) or, with it, other columns than these.
std::optional<std::string> check_outputs(const OutputPlan& plan,
                                         const std::vector<ManifestRow>& manifest);

}  // namespace poa::job
