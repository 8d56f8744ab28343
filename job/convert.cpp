// The conversion job: reader -> recogniser -> normaliser -> exporters, one input at a time and
// one action at a time, so memory stays flat however long the document.
#include "job/convert.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <ostream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <utility>

#include "exporters/atomic_file.hpp"
#include "exporters/csv_exporter.hpp"
#include "exporters/html/assets.hpp"
#include "exporters/postgres_exporter.hpp"
#include "exporters/sqlite_exporter.hpp"
#include "extractor/input_file.hpp"
#include "extractor/recognizer.hpp"
#include "extractor/source.hpp"
#include "job/inputs.hpp"
#include "job/output_folder.hpp"
#include "job/outputs.hpp"
#include "model/cores.hpp"
#include "model/os_error.hpp"
#include "normalizer/normalize.hpp"

namespace poa::job {
namespace {

// What the summary line and the diagnostics of one converted input need; the actions themselves
// are written and dropped. The actions' diagnostics wait here because the document-level ones,
// known only at the end, are printed before them (and a refused input prints none).
struct InputSummary {
  std::string sha256;
  std::size_t actions = 0;
  std::size_t activities = 0;
  Diagnostics diagnostics;  // document-level first, then each action's
};

// The exporters a document goes to. One whose output is lost for the rest of the run (OutputLost:
// a database whose connection dropped) is aborted and dropped where it fails, and the document
// goes on in the others; the last one lost is thrown on, for the batch to stop.
struct Exporters {
  std::vector<std::unique_ptr<exporters::Exporter>> list;
  std::vector<std::string> lost;  // each dropped output's line, until the batch prints it

  template <typename Call>
  void each(const Call& call) {
    for (auto it = list.begin(); it != list.end();) {
      try {
        call(**it);
        ++it;
      } catch (const OutputLost& e) {
        if (list.size() == 1) throw;
        (*it)->abort_document();
        lost.emplace_back(e.what());
        it = list.erase(it);
      }
    }
  }
};

extractor::OpenOptions open_options(const ConvertOptions& convert) {
  return extractor::OpenOptions{convert.password, convert.max_input_bytes, convert.sheet,
                                convert.ocr};
}

bool same_source(const SourceInfo& a, const SourceInfo& b) {
  return a.path == b.path && a.type == b.type && a.sha256 == b.sha256 && a.pages == b.pages &&
         a.encoding == b.encoding && a.ocr_pages == b.ocr_pages;
}

// Counts a PDF's pages on the progress line as the reader gets to them.
class PageCounter final : public RowReader {
 public:
  PageCounter(std::unique_ptr<RowReader> inner, Progress& progress)
      : inner_(std::move(inner)), progress_(progress) {}
  std::optional<CellRow> next() override {
    std::optional<CellRow> row = inner_->next();
    if (inner_->info().type == SourceType::kPdf) {
      // A row of page p: the pages before it are read; at the end, all of them.
      const int read = row ? row->page - 1 : inner_->info().pages.value_or(seen_);
      if (read > seen_) {
        progress_.pages_read(static_cast<std::size_t>(read - seen_));
        seen_ = read;
      }
    }
    return row;
  }
  const SourceInfo& info() const override { return inner_->info(); }

 private:
  std::unique_ptr<RowReader> inner_;
  Progress& progress_;
  int seen_ = 0;
};

// An action as a worker holds it until the batch takes it: without its values' sources when no
// output shows them (only the review report does), since they are most of a held action's memory.
void strip_sources(Action& action) {
  // Swapped out, not `= {}` (which keeps the capacity).
  std::vector<ValueSource>().swap(action.sources);
  for (Activity& activity : action.activities) std::vector<ValueSource>().swap(activity.sources);
}

// Streams one input through every exporter, or (`record`: a worker thread) into a whole Document
// that the exporters take later, its actions moved in. Throws what the reader or the recogniser
// throws (InputError for a refused input); the caller then aborts the exporters' open document.
InputSummary stream_input(const std::filesystem::path& file, const std::string& stem,
                          const BatchOptions& options, Exporters& outputs,
                          Document* record = nullptr) {
  std::unique_ptr<RowReader> reader =
      options.open ? options.open(file, options.convert)
                   : extractor::open_source(file, open_options(options.convert));
  if (options.progress)
    reader = std::make_unique<PageCounter>(std::move(reader), *options.progress);
  extractor::ActionStream stream(*reader);
  InputSummary summary;
  const bool keep_sources = std::find(options.formats.begin(), options.formats.end(),
                                      exporters::Format::kHtml) != options.formats.end();
  auto take = [&](Action& action) {
    ++summary.actions;
    summary.activities += action.activities.size();
    summary.diagnostics.insert(summary.diagnostics.end(), action.diagnostics.begin(),
                               action.diagnostics.end());
    if (record == nullptr) {
      outputs.each([&](exporters::Exporter& out) { out.write_action(action); });
      return;
    }
    if (!keep_sources) strip_sources(action);
    record->actions.push_back(std::move(action));
  };

  // `ejercicio` and `municipio` are written before `acciones`: hold actions back until the
  // year is known and the first action was handed out (the municipio is settled then). The
  // year comes from the title above the first action in practice, so this holds one.
  std::vector<Action> held;
  std::optional<RawAction> raw;
  while ((!stream.year() || held.empty()) && (raw = stream.next_action()))
    held.push_back(normalizer::normalize_action(*raw, options.convert.min_confidence));
  DocumentHead head = normalizer::normalize_head(stream.year(), stream.municipio(), reader->info());
  if (options.convert.municipio) head.municipio = options.convert.municipio;
  if (record != nullptr)
    record->head() = head;
  else
    outputs.each([&](exporters::Exporter& out) { out.begin_document(head, stem); });
  for (Action& action : held) take(action);
  held.clear();
  while ((raw = stream.next_action())) {
    Action action = normalizer::normalize_action(*raw, options.convert.min_confidence);
    take(action);
  }
  const DocumentTail tail = normalizer::normalize_tail(stream.finish(), reader->info());
  // `fuente` went out before the actions: the readers know it when they open the file (a
  // RowReader may in principle complete it only at the end; that would be caught here).
  if (!same_source(head.source, reader->info())) {
    throw std::logic_error("el lector cambió los datos de la fuente al terminar de leer");
  }
  if (record != nullptr)
    record->tail() = tail;
  else
    outputs.each([&](exporters::Exporter& out) { out.end_document(tail); });
  summary.sha256 = reader->info().sha256;
  // Document-level first, then each action's: the order of Document::all_diagnostics().
  summary.diagnostics.insert(summary.diagnostics.begin(), tail.diagnostics.begin(),
                             tail.diagnostics.end());
  return summary;
}

// One input as a worker converted it: the whole document and its summary, or what it threw
// (rethrown where the batch takes it, so a refusal is reported as the streaming path does).
struct Prepared {
  Document doc;
  InputSummary summary;
  std::exception_ptr error;
};

Prepared prepare_input(const std::filesystem::path& file, const BatchOptions& options) {
  Prepared prepared;
  try {
    Exporters none;
    prepared.summary = stream_input(file, {}, options, none, &prepared.doc);
  } catch (...) {
    prepared.error = std::current_exception();
  }
  return prepared;
}

// The exporters' calls of stream_input, in the same order, for a document already read; each
// action is freed once written, so the document shrinks as it goes out.
void replay(Document& doc, const std::string& stem, Exporters& outputs) {
  outputs.each([&](exporters::Exporter& out) { out.begin_document(doc.head(), stem); });
  for (Action& action : doc.actions) {
    outputs.each([&](exporters::Exporter& out) { out.write_action(action); });
    action = Action{};
  }
  outputs.each([&](exporters::Exporter& out) { out.end_document(doc.tail()); });
}

// Converts the inputs on `jobs` threads, each with its own reader, ahead of the batch, which
// takes them in input order. Workers keep at most 2 x jobs inputs beyond the one the batch waits
// for, so memory holds a bounded number of documents however long the batch.
class ConvertPool {
 public:
  ConvertPool(const std::vector<std::filesystem::path>& files, const BatchOptions& options,
              unsigned jobs)
      : files_(files), options_(options), window_(2 * std::size_t{jobs}), done_(files.size()) {
    for (unsigned i = 0; i < jobs; ++i) threads_.emplace_back([this] { work(); });
  }
  ~ConvertPool() {
    {
      const std::lock_guard lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    for (std::thread& t : threads_) t.join();
  }
  ConvertPool(const ConvertPool&) = delete;
  ConvertPool& operator=(const ConvertPool&) = delete;

  // Input `i`'s result, once converted; call for 0, 1, 2… in turn.
  Prepared take(std::size_t i) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return done_[i].has_value(); });
    Prepared prepared = std::move(*done_[i]);
    done_[i].reset();
    taken_ = i + 1;
    lock.unlock();
    changed_.notify_all();
    return prepared;
  }

 private:
  void work() {
    for (;;) {
      std::size_t i = 0;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock,
                      [&] { return stop_ || next_ >= files_.size() || next_ < taken_ + window_; });
        if (stop_ || next_ >= files_.size()) return;
        i = next_++;
      }
      if (options_.progress) options_.progress->file_started(printable_name(files_[i].string()));
      Prepared prepared = prepare_input(files_[i], options_);
      {
        const std::lock_guard lock(mutex_);
        done_[i] = std::move(prepared);
      }
      changed_.notify_all();
    }
  }

  const std::vector<std::filesystem::path>& files_;
  const BatchOptions& options_;
  const std::size_t window_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::optional<Prepared>> done_;
  std::size_t next_ = 0;   // the next input a worker takes
  std::size_t taken_ = 0;  // inputs the batch has taken
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

// begin() of every exporter; false (and the one line on `err`) when an output cannot be made.
// Drops the document every exporter began, last begun first: a folder the first one made for it
// is then empty when the first one looks, and goes.
void abort_outputs(Exporters& outputs) noexcept {
  for (auto out = outputs.list.rbegin(); out != outputs.list.rend(); ++out)
    (*out)->abort_document();
}

bool begin_outputs(Exporters& outputs, std::ostream& err) {
  try {
    for (auto& out : outputs.list) out->begin();
  } catch (const OutputError& e) {
    err << "poa: error: " << e.what() << '\n';
    return false;
  } catch (const std::exception& e) {
    err << "poa: error: fallo interno al abrir las salidas: " << e.what() << '\n';
    return false;
  }
  return true;
}

// finish() of every exporter, each on its own: one that cannot be written does not keep the
// others from their files. False when any failed (one line each on `err`).
bool finish_outputs(Exporters& outputs, std::vector<std::filesystem::path>& written,
                    std::ostream& err) {
  bool ok = true;
  for (auto& out : outputs.list) {
    try {
      for (const auto& path : out->finish()) written.push_back(path);
    } catch (const OutputError& e) {
      err << "poa: error: " << e.what() << '\n';
      ok = false;
    } catch (const std::exception& e) {
      err << "poa: error: fallo interno al terminar las salidas: " << e.what() << '\n';
      ok = false;
    }
  }
  return ok;
}

// The sha256 of a refused input, for the manifest: empty when it cannot be read. Read as the
// readers read (regular files only, at most `max_bytes`): a FIFO or a device refused as an
// input must not block or run on here.
std::string sha256_of(const std::filesystem::path& file, std::uint64_t max_bytes) {
  try {
    std::string sha256;
    extractor::InputFile::open(file, Origin{extractor::input_name(file)}, max_bytes)
        .read_all(max_bytes, &sha256);
    return sha256;
  } catch (const std::exception&) {
    return {};
  }
}

// The review report's files shared by the whole batch.
std::vector<std::string> html_batch_names() {
  return {"index.html", exporters::html::kStylesheetName, exporters::html::kScriptName};
}

bool writes(const ConvertJob& job, exporters::Format format) {
  return std::find(job.formats.begin(), job.formats.end(), format) != job.formats.end();
}

// What the run may write: every input's JSON name as if each were converted (a refused input
// only moves a later one of the same name down to a name also listed), and the CSVs.
OutputPlan output_plan(const ConvertJob& job, const std::vector<std::filesystem::path>& files,
                       const BatchOptions& options) {
  OutputPlan plan;
  plan.out_dir = job.output;
  plan.append = job.append;
  std::map<std::string, int> seen;
  for (const std::filesystem::path& f : files) {
    plan.inputs.push_back(extractor::input_name(f));
    const std::string base = output_base(f, options.input_folders);
    const int n = ++seen[base];
    const std::string stem = n > 1 ? base + "-" + std::to_string(n) : base;
    if (writes(job, exporters::Format::kJson)) plan.json_names.push_back(stem + ".json");
    if (writes(job, exporters::Format::kHtml)) {
      plan.html_names.push_back(stem + ".html");
      plan.html_names.push_back(stem + "-paginas");
    }
  }
  if (writes(job, exporters::Format::kHtml)) plan.html_batch_names = html_batch_names();
  if (writes(job, exporters::Format::kCsv)) {
    const Document none;
    const bool raw = options.export_options.csv_raw;
    plan.csv_heads = {{"acciones.csv", exporters::acciones_csv(none, true, raw)},
                      {"actividades.csv", exporters::actividades_csv(none, true, raw)},
                      {"partidas.csv", exporters::partidas_csv(none, true, raw)}};
  }
  return plan;
}

// The files under OUTDIR named after one input (`stem`), in manifest order.
std::vector<std::string> input_output_names(const ConvertJob& job, const std::string& stem) {
  std::vector<std::string> names;
  if (writes(job, exporters::Format::kJson)) names.push_back(stem + ".json");
  if (writes(job, exporters::Format::kHtml)) {
    names.push_back(stem + ".html");
    names.push_back(stem + "-paginas");
  }
  return names;
}

// The files under OUTDIR the whole batch shares, in manifest order.
std::vector<std::string> batch_output_names(const ConvertJob& job) {
  std::vector<std::string> names;
  if (writes(job, exporters::Format::kHtml)) names = html_batch_names();
  if (writes(job, exporters::Format::kCsv))
    names.insert(names.end(), {"acciones.csv", "actividades.csv", "partidas.csv"});
  // A database elsewhere (--db) is not a file of OUTDIR.
  if (writes(job, exporters::Format::kSqlite) && job.db.empty())
    names.emplace_back(exporters::kSqliteName);
  return names;
}

const ManifestRow* earlier_row(const std::vector<ManifestRow>& earlier,
                               const std::string& archivo) {
  const auto it = std::find_if(earlier.begin(), earlier.end(),
                               [&](const ManifestRow& e) { return e.archivo == archivo; });
  return it == earlier.end() ? nullptr : &*it;
}

// One input's manifest row. `on_disk(name)` says whether the run put that file of OUTDIR in
// place: an output that could not be written is not this input's. A refused input keeps the
// JSON an earlier run wrote for it (the file is still there, and still its own).
template <typename OnDisk>
ManifestRow manifest_row(const ConvertJob& job, const InputOutcome& o,
                         const std::vector<ManifestRow>& earlier, const OnDisk& on_disk) {
  ManifestRow row{extractor::input_name(o.file),
                  o.sha256,
                  o.refused ? "rechazado" : "convertido",
                  o.refused ? std::string(code_name(*o.refused)) : std::string(),
                  o.actions,
                  o.activities,
                  o.warnings,
                  {}};
  if (!o.refused) {
    for (const std::string& name : input_output_names(job, o.stem))
      if (on_disk(name)) row.salidas.push_back(name);
    for (const std::string& name : batch_output_names(job))
      if (on_disk(name)) row.salidas.push_back(name);
  } else if (const ManifestRow* e = earlier_row(earlier, row.archivo)) {
    for (const std::string& s : e->salidas)
      if (s.ends_with(".json")) row.salidas.push_back(s);
  }
  return row;
}

// OUTDIR/manifest.csv: this run's inputs over the earlier runs' rows.
bool write_manifest(const ConvertJob& job, const BatchResult& result,
                    const std::vector<ManifestRow>& earlier, std::ostream& err) {
  const auto written = [&](const std::string& name) {
    return std::any_of(result.written.begin(), result.written.end(),
                       [&](const std::filesystem::path& w) {
                         return w.lexically_relative(job.output).generic_string() == name;
                       });
  };
  std::vector<ManifestRow> rows;
  for (const InputOutcome& o : result.inputs)
    rows.push_back(manifest_row(job, o, earlier, written));
  try {
    exporters::AtomicFile file(job.output / kManifestName);
    file.write(manifest_csv(merge_manifest(earlier, rows)));
    file.commit();
    return true;
  } catch (const std::exception& e) {
    err << "poa: " << e.what() << '\n';
    return false;
  }
}

// The output folder's journal, kept as the batch goes (ManifestJournal): each record claims no
// less than the files it names may hold, so a later run never touches what a killed one left.
class FolderJournal final : public OutputRecord {
 public:
  FolderJournal(const ConvertJob& job, const std::vector<ManifestRow>& earlier,
                ManifestJournal journal)
      : job_(job), earlier_(earlier), journal_(std::move(journal)) {
    for (const ManifestRow& row : earlier) earlier_index_.emplace(row.archivo, &row);
  }

  // Before: the input owns its outputs' names, and keeps what an earlier run recorded for it
  // (its rows in the batch CSVs are still there until they are replaced).
  void converting(const std::filesystem::path& file, const std::string& stem) override {
    ManifestRow row{extractor::input_name(file), {}, kBegun, {}, 0, 0, 0, {}};
    if (const ManifestRow* e = earlier_of(row.archivo)) row.salidas = e->salidas;
    for (const std::string& name : input_output_names(job_, stem))
      if (std::find(row.salidas.begin(), row.salidas.end(), name) == row.salidas.end())
        row.salidas.push_back(name);
    journal_.record({row});
  }
  // After: its own files as they are on disk; in the batch files, the rows an earlier run left
  // for it are still there until the batch files are replaced.
  void converted(const InputOutcome& outcome) override {
    const ManifestRow* before = earlier_of(extractor::input_name(outcome.file));
    journal_.record({manifest_row(job_, outcome, earlier_, [&](const std::string& name) {
      if (is_input_output(outcome, name)) return std::filesystem::exists(job_.output / name);
      return before != nullptr && std::find(before->salidas.begin(), before->salidas.end(), name) !=
                                      before->salidas.end();
    })});
  }
  void finishing(const std::vector<InputOutcome>& inputs) override {
    std::vector<ManifestRow> rows;
    for (const InputOutcome& o : inputs) {
      if (o.refused) continue;
      rows.push_back(manifest_row(job_, o, earlier_, [&](const std::string& name) {
        return !is_input_output(o, name) || std::filesystem::exists(job_.output / name);
      }));
    }
    journal_.record(rows);
  }
  // manifest.csv holds it all now.
  void done() { journal_.remove(); }

 private:
  bool is_input_output(const InputOutcome& o, const std::string& name) const {
    const std::vector<std::string> own = input_output_names(job_, o.stem);
    return std::find(own.begin(), own.end(), name) != own.end();
  }

  const ManifestRow* earlier_of(const std::string& archivo) const {
    const auto it = earlier_index_.find(archivo);
    return it == earlier_index_.end() ? nullptr : it->second;
  }

  const ConvertJob& job_;
  const std::vector<ManifestRow>& earlier_;
  std::unordered_map<std::string, const ManifestRow*> earlier_index_;  // by archivo
  ManifestJournal journal_;
};

// `--incremental`: drops from `files` the inputs whose sha256 the database holds, one line each.
// False (and the database's one line) when it cannot be read.
bool skip_known_documents(const BatchOptions& options, std::vector<std::filesystem::path>& files,
                          std::ostream& err) {
  std::set<std::string> known;
  try {
    known = options.export_options.db_conninfo.empty()
                ? exporters::sqlite_known_documents(exporters::sqlite_path(options.export_options))
                : exporters::postgres_known_documents(options.export_options.db_conninfo);
  } catch (const OutputError& e) {
    err << "poa: error: " << e.what() << '\n';
    return false;
  }
  if (known.empty()) return true;
  std::erase_if(files, [&](const std::filesystem::path& file) {
    if (!known.contains(sha256_of(file, options.convert.max_input_bytes))) return false;
    err << printable_name(extractor::input_name(file))
        << ": ya está en la base (mismo sha256); se omite\n";
    return true;
  });
  return true;
}

BatchTotals batch_totals(const BatchResult& result) {
  BatchTotals totals;
  totals.converted = result.converted;
  totals.refused = result.failed;
  for (const InputOutcome& o : result.inputs) {
    if (!o.refused && o.warnings > 0) ++totals.with_warnings;
    totals.actions += o.actions;
    totals.activities += o.activities;
  }
  return totals;
}

}  // namespace

std::string output_base(const std::filesystem::path& file,
                        const std::vector<std::filesystem::path>& folders) {
  if (extractor::is_stdin(file)) return "stdin";
  for (const std::filesystem::path& folder : folders) {
    const std::filesystem::path rel = file.lexically_relative(folder);
    if (rel.empty() || *rel.begin() == "..") continue;
    return (rel.parent_path() / rel.stem()).generic_string();
  }
  return file.stem().string();
}

Document convert_file(const std::filesystem::path& path, const ConvertOptions& options) {
  auto reader = extractor::open_source(path, open_options(options));
  RawDocument raw = extractor::recognize(*reader);
  Document doc = normalizer::normalize(raw, reader->info(), options.min_confidence);
  if (options.municipio) doc.municipio = options.municipio;
  return doc;
}

BatchResult run_convert(const std::vector<std::filesystem::path>& files,
                        const BatchOptions& options, std::ostream& err) {
  BatchResult result;
  // Each input's lines go out at once, in input order, above the progress line if there is one.
  const auto emit = [&](const std::string& lines) {
    if (lines.empty()) return;
    if (options.progress)
      options.progress->print(lines);
    else
      err << lines;
  };
  Exporters outputs;
  for (exporters::Format f : options.formats)
    outputs.list.push_back(exporters::make_exporter(f, options.export_options));
  {
    std::ostringstream lines;
    const bool begun = begin_outputs(outputs, lines);
    emit(lines.str());
    if (!begun) {
      result.output_failed = true;
      return result;
    }
  }

  // One input at a time needs no thread, and streams: a long PDF is never held whole.
  const std::size_t jobs = std::min<std::size_t>(std::max(options.jobs, 1U), files.size());
  std::optional<ConvertPool> pool;
  if (jobs > 1) pool.emplace(files, options, static_cast<unsigned>(jobs));

  std::map<std::string, int> stems;
  bool stop = false;  // no output is left
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::filesystem::path& file = files[i];
    // The output name mirrors the file's place under the folder it was found in; only two
    // inputs that still share a name (poa.pdf and poa.txt side by side) get a `-2`. A refused
    // input takes no name: the next one with the same name gets it.
    const std::string base = output_base(file, options.input_folders);
    const int n = stems[base] + 1;
    const std::string stem = n > 1 ? base + "-" + std::to_string(n) : base;
    InputOutcome outcome{file, {}, {}, 0, 0, 0, {}};
    if (options.record) options.record->converting(file, stem);
    std::ostringstream lines;
    try {
      InputSummary summary;
      if (pool) {
        Prepared prepared = pool->take(i);
        if (prepared.error) std::rethrow_exception(prepared.error);
        replay(prepared.doc, stem, outputs);
        summary = std::move(prepared.summary);
      } else {
        if (options.progress)
          options.progress->file_started(printable_name(extractor::input_name(file)));
        summary = stream_input(file, stem, options, outputs);
      }
      stems[base] = n;
      std::size_t warnings = 0;
      for (const Diagnostic& d : summary.diagnostics) {
        if (d.severity != Severity::kInfo) ++warnings;
        if (!options.quiet) lines << format_diagnostic(d) << '\n';
      }
      result.warnings += warnings;
      lines << printable_name(extractor::input_name(file)) << ": " << summary.actions
            << " acciones, " << summary.activities << " actividades, " << warnings << " avisos\n";
      ++result.converted;
      outcome = {file, summary.sha256, {}, summary.actions, summary.activities, warnings, stem};
    } catch (const InputError& e) {
      abort_outputs(outputs);
      for (auto& out : outputs.list) out->refused_input(e.diagnostic());
      lines << format_diagnostic(e.diagnostic()) << '\n';
      ++result.failed;
      outcome.refused = e.diagnostic().code;
    } catch (const OutputLost& e) {
      // The last output is gone (a batch into the database alone): nothing more can be written.
      abort_outputs(outputs);
      lines << "poa: error: " << e.what()
            << "; se detiene el lote: " << printable_name(extractor::input_name(file)) << " y las "
            << files.size() - i - 1 << " entradas siguientes quedan sin convertir\n";
      ++result.failed;
      outcome.refused = DiagnosticCode::kFileUnreadable;
      stop = true;
    } catch (const OutputError& e) {
      abort_outputs(outputs);
      for (auto& out : outputs.list)
        out->refused_input(diag::input_error(DiagnosticCode::kFileUnreadable, e.what(),
                                             Origin{extractor::input_name(file), {}, {}, {}}));
      lines << printable_name(extractor::input_name(file)) << ": error: " << e.what() << '\n';
      ++result.failed;
      outcome.refused = DiagnosticCode::kFileUnreadable;
    } catch (const std::exception& e) {
      abort_outputs(outputs);
      // A bug of ours must not take the rest of the batch down with it.
      lines << printable_name(extractor::input_name(file))
            << ": error: fallo interno al convertir: " << e.what() << '\n';
      ++result.failed;
      outcome.refused = DiagnosticCode::kFileUnreadable;
    }
    // An output lost during this input: said once, before the input's own lines.
    std::string lost;
    for (const std::string& why : outputs.lost) {
      lost += "poa: error: " + why + "; " + printable_name(extractor::input_name(file)) +
              " y las entradas siguientes no se escriben en esa salida (sí en las demás)\n";
      result.output_failed = true;
    }
    outputs.lost.clear();
    if (outcome.refused) outcome.sha256 = sha256_of(file, options.convert.max_input_bytes);
    if (options.record) options.record->converted(outcome);
    result.inputs.push_back(std::move(outcome));
    emit(lost + lines.str());
    if (options.progress) options.progress->file_done();
    if (stop) {
      result.output_failed = true;
      break;
    }
  }
  pool.reset();
  // With no input converted the batch files are left as they were: a run whose every input was
  // refused must not replace acciones.csv with a header-only file (the exporters' temporary
  // files are discarded when they are destroyed unfinished).
  if (result.converted == 0) return result;
  if (options.record) options.record->finishing(result.inputs);
  std::ostringstream lines;
  if (!finish_outputs(outputs, result.written, lines)) result.output_failed = true;
  emit(lines.str());
  return result;
}

// A folder this run created, removed again at the end if it is still empty: a run whose every
// input was refused leaves nothing behind, not even its output folder.
struct RemoveIfEmpty {
  std::filesystem::path folder;
  bool remove = false;
  RemoveIfEmpty() = default;
  RemoveIfEmpty(const RemoveIfEmpty&) = delete;
  RemoveIfEmpty& operator=(const RemoveIfEmpty&) = delete;
  ~RemoveIfEmpty() {
    std::error_code ec;
    if (remove && std::filesystem::is_empty(folder, ec) && !ec) std::filesystem::remove(folder, ec);
  }
};

ExitCode run(const ConvertJob& job, std::ostream& err) {
  if (job.formats.empty()) {
    err << "poa: --format necesita al menos un formato (json, csv, sqlite)\n";
    return ExitCode::kUsage;
  }
  if (job.incremental && !writes(job, exporters::Format::kSqlite) &&
      !writes(job, exporters::Format::kPostgres)) {
    err << "poa: --incremental omite lo que ya está en la base: requiere --format sqlite o --db\n";
    return ExitCode::kUsage;
  }
  Diagnostics errors;
  std::vector<SkippedInput> skipped;
  std::vector<std::filesystem::path> files =
      expand_inputs(job.inputs, JsonInFolders::kSkip, errors, &skipped, job.input.filter);
  std::optional<std::vector<ManifestRow>> manifest;  // of the output folder (not for `-o -`)
  for (const Diagnostic& e : errors) err << format_diagnostic(e) << '\n';

  BatchOptions options;
  for (const std::filesystem::path& input : job.inputs) {
    std::error_code ec;
    if (std::filesystem::is_directory(input, ec)) options.input_folders.push_back(input);
  }
  options.quiet = job.quiet;
  options.convert = job.input.read;
  options.formats = job.formats;
  options.export_options.csv_bom = job.csv_bom;
  options.export_options.db_path = job.db;
  options.export_options.db_conninfo = job.db_conninfo;
  options.export_options.csv_raw = job.csv_raw;
  options.export_options.password = job.input.read.password;
  // Declared before the lock, so it runs after the lock file is gone.
  RemoveIfEmpty created_output;
  if (job.output == "-") {
    if (writes(job, exporters::Format::kHtml)) {
      err << "poa: el informe html es una carpeta (index.html y una página por documento): "
             "indique -o CARPETA\n";
      return ExitCode::kUsage;
    }
    if (files.size() + errors.size() != 1 || job.formats.size() != 1) {
      err << "poa: -o - escribe en la salida estándar: una sola entrada y un solo formato\n";
      return ExitCode::kUsage;
    }
    if (writes(job, exporters::Format::kSqlite)) {
      err << "poa: -o - escribe en la salida estándar: sqlite escribe un archivo (use --db)\n";
      return ExitCode::kUsage;
    }
    if (writes(job, exporters::Format::kPostgres)) {
      err << "poa: -o - escribe en la salida estándar: con --db postgresql://… indique -o "
             "CARPETA\n";
      return ExitCode::kUsage;
    }
    options.export_options.to_stdout = true;
  } else {
    std::error_code ec;
    created_output.folder = job.output;
    created_output.remove = !std::filesystem::exists(job.output, ec);
    std::filesystem::create_directories(job.output, ec);
    if (ec || !std::filesystem::is_directory(job.output)) {
      err << "poa: no se puede crear la carpeta de salida «" << printable_name(job.output.string())
          << "»: " << (ec ? os_reason(ec.value()) : "no es una carpeta") << '\n';
      return ExitCode::kInputFailed;
    }
    options.export_options.out_dir = job.output;
  }
  // Held until the batch files are in place: a second run into the folder is refused.
  std::optional<exporters::OutputLock> lock;
  std::optional<FolderJournal> journal;
  if (!options.export_options.to_stdout) {
    if (auto held = hold_output_folder(job.output, "poa", err))
      lock.emplace(std::move(*held));
    else
      return ExitCode::kInputFailed;
    // With the folder held (no run of ours writes there), before anything is read or written:
    // what does the folder hold, and may this run replace it?
    std::string why;
    manifest = read_manifest(job.output, why);
    if (!manifest) {
      err << "poa: " << why << '\n';
      return ExitCode::kUsage;
    }
    try {
      if (const std::size_t n = recover_journal(job.output, *manifest))
        err << "poa: " << printable_name(job.output.string())
            << ": una ejecución anterior se interrumpió antes de escribir " << kManifestName
            << "; quedan registradas en él las salidas de sus " << n << " entradas\n";
    } catch (const OutputError& e) {
      err << "poa: error: " << e.what() << '\n';
      return ExitCode::kInputFailed;
    }
    if (auto refusal = check_outputs(output_plan(job, files, options), *manifest)) {
      err << "poa: " << *refusal << '\n';
      return ExitCode::kUsage;
    }
    options.export_options.csv_append = job.append;
    for (const std::filesystem::path& f : files)
      options.export_options.csv_replaced.push_back(extractor::input_name(f));
    std::optional<ManifestJournal> started = ManifestJournal::start(job.output, why);
    if (!started) {
      err << "poa: " << why << '\n';
      return ExitCode::kInputFailed;
    }
    journal.emplace(job, *manifest, std::move(*started));
    options.record = &*journal;
  }

  if (job.incremental && !skip_known_documents(options, files, err)) return ExitCode::kInputFailed;
  options.jobs = job.input.jobs > 0 ? job.input.jobs : usable_cores();
  std::optional<Progress> progress;
  if (job.progress) {
    std::size_t pages = 0;
    for (const std::filesystem::path& f : files)
      pages += static_cast<std::size_t>(
          extractor::count_pages(
              f, extractor::OpenOptions{job.input.read.password, job.input.read.max_input_bytes})
              .value_or(0));
    progress.emplace(err, files.size(), pages, job.progress_width);
    options.progress = &*progress;
  }
  const BatchResult result = run_convert(files, options, err);
  if (progress) {
    if (!skipped.empty()) progress->print(skipped_line(skipped) + '\n');
    progress->finish(batch_totals(result));
  } else if (!skipped.empty()) {
    err << skipped_line(skipped) << '\n';
  }
  // Nothing written, nothing to record (and a full disk is said once, by the output). A
  // manifest that cannot be written leaves the journal for the next run.
  if (manifest && result.converted > 0 && !result.written.empty() &&
      !write_manifest(job, result, *manifest, err))
    return ExitCode::kInputFailed;
  if (journal) journal->done();
  if (result.failed > 0 || result.output_failed || !errors.empty()) return ExitCode::kInputFailed;
  if (job.strict && result.warnings > 0) return ExitCode::kStrictWarnings;
  return ExitCode::kOk;
}

}  // namespace poa::job
