// acciones.csv, actividades.csv and partidas.csv (RFC 4180, UTF-8, CRLF) for a whole batch,
// written one action at a time.
//
// Text cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR: OWASP's
// CSV injection; a file name in `archivo` too) get a leading apostrophe, as the PNT exporter's
// review CSV does; numbers (money, quantities, counts) are never touched. `--csv-raw` keeps the
// text exactly as read, for pipelines that want the bytes.
#include "exporters/csv_exporter.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include "exporters/atomic_file.hpp"
#include "exporters/csv_records.hpp"
#include "exporters/formula_guard.hpp"
#include "model/os_error.hpp"
#include "normalizer/budget_catalogue.hpp"

namespace poa::exporters {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kNewline = "\r\n";

constexpr std::string_view kAccionesColumns[] = {
    "archivo",
    "ejercicio",
    "numero",
    "nombre",
    "secretaria",
    "principio_rector",
    "linea_estrategica_codigo",
    "linea_estrategica_nombre",
    "estrategia_codigo",
    "estrategia_nombre",
    "meta",
    "proposito",
    "beneficiarios_mujeres",
    "beneficiarios_hombres",
    "beneficiarios_total",
    "inversion_aproximada",
    "partidas_presupuestales",
    "num_actividades",
    "num_avisos",
    "accion_clave",  // added after the first release: new columns go at the end
};

constexpr std::string_view kActividadesColumns[] = {
    "archivo",       "ejercicio",
    "accion_numero", "accion_nombre",
    "actividad",     "area_responsable",
    "unidad_medida", "inversion",
    "indicador",     "programacion_anual",
    "ene",           "feb",
    "mar",           "abr",
    "may",           "jun",
    "jul",           "ago",
    "sep",           "oct",
    "nov",           "dic",
    "pagina",        "linea",
    "secretaria",    "accion_clave",
};

// One row per partida of an action, with its CONAC genérica name (empty when not in CONAC's
// catalogue: the JSON has an UNKNOWN_BUDGET_ITEM warning for it).
constexpr std::string_view kPartidasColumns[] = {
    "archivo",  "accion_clave",    "accion_numero", "partida",
    "generica", "generica_nombre", "concepto",      "capitulo",
};

// One record under construction; fields are quoted only when RFC 4180 requires it.
class Record {
 public:
  explicit Record(std::string& out, bool raw_text = true) : out_(out), raw_text_(raw_text) {}
  ~Record() { out_ += kNewline; }

  void field(std::string_view value) {
    if (!first_) out_ += ',';
    first_ = false;
    if (value.find_first_of("\",\r\n") == std::string_view::npos) {
      out_ += value;
      return;
    }
    out_ += '"';
    for (char c : value) {
      if (c == '"') out_ += '"';
      out_ += c;
    }
    out_ += '"';
  }
  void field(const std::string& v) { field(std::string_view(v)); }
  // Text from the document (or a file name): defused unless raw.
  void text(std::string_view v) {
    if (raw_text_ || !looks_like_formula(v)) return field(v);
    // OWASP: a leading ' makes a spreadsheet show it as text. (Appended, not `"'" + …`: GCC 12
    // at -O3 warns falsely on that concatenation.)
    std::string quoted(1, '\'');
    quoted.append(v);
    field(quoted);
  }
  void text(const std::string& v) { text(std::string_view(v)); }
  void text(const std::optional<std::string>& v) { text(v ? std::string_view(*v) : ""); }
  template <typename Int>
  void integer(const std::optional<Int>& v) {
    field(v ? std::to_string(*v) : std::string());
  }
  // Money always with cents (10000.00), as accountants read it.
  void money(const std::optional<Decimal>& v) { field(v ? v->to_fixed(2) : std::string()); }
  // Quantities as written, minimal (5, 2.5).
  void quantity(const std::optional<Decimal>& v) { field(v ? v->to_string() : std::string()); }

 private:
  std::string& out_;
  bool raw_text_ = true;
  bool first_ = true;
};

template <std::size_t N>
void header(std::string& out, const std::string_view (&columns)[N]) {
  Record r(out);
  for (std::string_view c : columns) r.field(c);
}

// The stable key of an action: its input and its ordinal in it (1, 2, …), so joins never rely
// on the action's printed number, which may be missing or repeated.
std::string action_key(const DocumentHead& head, std::size_t ordinal) {
  return head.source.path + "#" + std::to_string(ordinal);
}

// The acciones.csv row of one action (the `ordinal`-th) of the document `head` opens.
void acciones_row(std::string& out, const DocumentHead& head, const Action& a, std::size_t ordinal,
                  bool raw) {
  Record r(out, raw);
  r.text(head.source.path);
  r.integer(head.year);
  r.integer(a.numero);
  r.text(a.nombre);
  r.text(a.secretaria);
  r.text(a.principio_rector);
  const CodedText linea = a.linea_estrategica.value_or(CodedText{});
  r.text(linea.codigo);
  r.text(linea.nombre);
  const CodedText estrategia = a.estrategia.value_or(CodedText{});
  r.text(estrategia.codigo);
  r.text(estrategia.nombre);
  r.text(a.meta);
  r.text(a.proposito);
  const Beneficiaries b = a.beneficiarios.value_or(Beneficiaries{});
  r.integer(b.mujeres);
  r.integer(b.hombres);
  r.integer(b.total);
  r.money(a.inversion_aproximada);
  std::string partidas;
  for (const std::string& p : a.partidas_presupuestales) {
    if (!partidas.empty()) partidas += "; ";
    partidas += p;
  }
  r.text(partidas);
  r.field(std::to_string(a.activities.size()));
  r.field(std::to_string(a.diagnostics.size()));
  r.text(action_key(head, ordinal));
}

// The partidas.csv rows of one action.
void partidas_rows(std::string& out, const DocumentHead& head, const Action& a, std::size_t ordinal,
                   bool raw) {
  for (const std::string& p : a.partidas_presupuestales) {
    Record r(out, raw);
    r.text(head.source.path);
    r.text(action_key(head, ordinal));
    r.integer(a.numero);
    r.text(p);
    const auto item = normalizer::find_budget_item(p);
    r.text(item ? item->generica : std::string());
    r.text(item ? item->generica_nombre : std::string());
    r.text(item ? item->concepto : std::string());
    r.text(item ? item->capitulo : std::string());
  }
}

// The actividades.csv rows of one action of the document `head` opens.
void actividades_rows(std::string& out, const DocumentHead& head, const Action& a,
                      std::size_t ordinal, bool raw) {
  for (const Activity& act : a.activities) {
    Record r(out, raw);
    r.text(head.source.path);
    r.integer(head.year);
    r.integer(a.numero);
    r.text(a.nombre);
    r.text(act.actividad);
    r.text(act.area_responsable);
    r.text(act.unidad_medida);
    r.money(act.inversion);
    r.text(act.indicador);
    r.quantity(act.programacion_anual);
    for (const std::optional<Decimal>& m : act.programacion_mensual) r.quantity(m);
    r.integer(act.origin.page);
    r.integer(act.origin.line);
    r.text(a.secretaria);
    r.text(action_key(head, ordinal));
  }
}

class CsvExporter final : public Exporter {
 public:
  explicit CsvExporter(ExportOptions options) : options_(std::move(options)) {}

  void begin() override {
    std::string actividades_head(options_.csv_bom ? kBom : "");
    header(actividades_head, kActividadesColumns);
    if (options_.to_stdout) {
      std::cout << actividades_head;
      return;
    }
    create_output_folder(options_.out_dir);
    std::string acciones_head(options_.csv_bom ? kBom : "");
    header(acciones_head, kAccionesColumns);
    acciones_.emplace(options_.out_dir / "acciones.csv");
    acciones_->write(acciones_head);
    actividades_.emplace(options_.out_dir / "actividades.csv");
    actividades_->write(actividades_head);
    std::string partidas_head(options_.csv_bom ? kBom : "");
    header(partidas_head, kPartidasColumns);
    partidas_.emplace(options_.out_dir / "partidas.csv");
    partidas_->write(partidas_head);
    if (options_.csv_append) {
      keep_rows(*acciones_, acciones_head);
      keep_rows(*actividades_, actividades_head);
      keep_rows(*partidas_, partidas_head);
    }
  }

  void begin_document(const DocumentHead& head, const std::string& /*stem*/) override {
    if (head_) throw std::logic_error("CsvExporter::begin_document with a document open");
    if (options_.to_stdout) {
      // Spooled, so a document refused part-way prints nothing.
      spool_.emplace();
    } else {
      if (!acciones_ || !actividades_) refuse_when_broken("CsvExporter::write before begin");
      // Where this document's rows begin, to cut them off again if it is refused.
      acciones_mark_ = acciones_->size();
      actividades_mark_ = actividades_->size();
      partidas_mark_ = partidas_->size();
    }
    head_ = head;
    ordinal_ = 0;
  }

  void write_action(const Action& a) override {
    if (!head_) throw std::logic_error("CsvExporter::write_action with no document open");
    rows_.clear();
    ++ordinal_;
    actividades_rows(rows_, *head_, a, ordinal_, options_.csv_raw);
    if (options_.to_stdout) {
      spool_->write(rows_);
      return;
    }
    actividades_->write(rows_);
    rows_.clear();
    acciones_row(rows_, *head_, a, ordinal_, options_.csv_raw);
    acciones_->write(rows_);
    rows_.clear();
    partidas_rows(rows_, *head_, a, ordinal_, options_.csv_raw);
    partidas_->write(rows_);
  }

  void end_document(const DocumentTail& /*tail*/) override {
    if (!head_) throw std::logic_error("CsvExporter::end_document with no document open");
    head_.reset();
    if (options_.to_stdout) {
      spool_->copy_to(std::cout);
      spool_.reset();
    }
  }

  void abort_document() noexcept override {
    if (!head_) return;
    head_.reset();
    spool_.reset();
    try {
      if (acciones_) acciones_->truncate(acciones_mark_);
      if (actividades_) actividades_->truncate(actividades_mark_);
      if (partidas_) partidas_->truncate(partidas_mark_);
    } catch (const std::exception& e) {
      // The files cannot be cut back: drop them, so finish() fails rather than commit the
      // refused input's rows.
      acciones_.reset();
      actividades_.reset();
      partidas_.reset();
      broken_ = e.what();
    }
  }

  // `--append`: the rows the file already holds, but those of the inputs this run replaces.
  void keep_rows(AtomicFile& file, std::string_view head) const {
    if (!std::filesystem::exists(file.target())) return;
    std::ifstream in(file.target(), std::ios::binary);
    const std::string old((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) throw std::runtime_error(file.target().string() + ": no se pudo leer");
    const std::vector<std::string_view> records = csv_records(old);
    if (head.starts_with(kBom)) head.remove_prefix(kBom.size());
    if (records.empty() || records.front() != head) {
      throw std::runtime_error(file.target().string() +
                               ": sus columnas no son las de esta versión; no se le pueden agregar "
                               "filas (convierta sin --append o use otra carpeta)");
    }
    std::vector<std::string> replaced;
    for (const std::string& path : options_.csv_replaced) {
      std::string record;
      Record(record, options_.csv_raw).text(path);
      replaced.emplace_back(csv_first_field(record));
    }
    for (std::size_t i = 1; i < records.size(); ++i) {
      const std::string_view archivo = csv_first_field(records[i]);
      if (std::find(replaced.begin(), replaced.end(), archivo) != replaced.end()) continue;
      file.write(records[i]);
      if (!records[i].ends_with('\n')) file.write(kNewline);  // a file edited by hand
    }
  }

  std::vector<std::filesystem::path> finish() override {
    if (options_.to_stdout) {
      std::cout.flush();
      if (!std::cout) throw OutputError("(salida estándar)", "no se pudo escribir", EIO);
      return {};
    }
    if (!acciones_ || !actividades_ || !partidas_)
      refuse_when_broken("CsvExporter::finish before begin");
    return {acciones_->commit(), actividades_->commit(), partidas_->commit()};
  }

 private:
  // The batch files were dropped (abort_document could not cut them back): an OutputError that
  // says why; otherwise a call out of order.
  [[noreturn]] void refuse_when_broken(const char* misuse) const {
    if (broken_.empty()) throw std::logic_error(misuse);
    throw OutputError(options_.out_dir / "acciones.csv", "no se pudo escribir", broken_);
  }

  ExportOptions options_;
  std::string broken_;  // why the batch files were dropped, if they were
  std::optional<AtomicFile> acciones_;
  std::optional<AtomicFile> actividades_;
  std::optional<AtomicFile> partidas_;
  std::optional<DocumentHead> head_;  // the open document
  std::uint64_t acciones_mark_ = 0;
  std::uint64_t actividades_mark_ = 0;
  std::uint64_t partidas_mark_ = 0;
  std::size_t ordinal_ = 0;         // of the open document's last action
  std::optional<SpoolFile> spool_;  // stdout: the open document's rows
  std::string rows_;                // reused for each action's rows
};

}  // namespace

std::string acciones_csv(const Document& doc, bool with_header, bool raw) {
  std::string out;
  if (with_header) header(out, kAccionesColumns);
  const DocumentHead head{doc.source, doc.year};
  std::size_t ordinal = 0;
  for (const Action& a : doc.actions) acciones_row(out, head, a, ++ordinal, raw);
  return out;
}

std::string actividades_csv(const Document& doc, bool with_header, bool raw) {
  std::string out;
  if (with_header) header(out, kActividadesColumns);
  const DocumentHead head{doc.source, doc.year};
  std::size_t ordinal = 0;
  for (const Action& a : doc.actions) actividades_rows(out, head, a, ++ordinal, raw);
  return out;
}

std::string partidas_csv(const Document& doc, bool with_header, bool raw) {
  std::string out;
  if (with_header) header(out, kPartidasColumns);
  const DocumentHead head{doc.source, doc.year};
  std::size_t ordinal = 0;
  for (const Action& a : doc.actions) partidas_rows(out, head, a, ++ordinal, raw);
  return out;
}

std::unique_ptr<Exporter> make_csv_exporter(const ExportOptions& options) {
  return std::make_unique<CsvExporter>(options);
}

}  // namespace poa::exporters
