// A document as rows of poa's database tables, the same for SQLite and PostgreSQL.
#include "exporters/db_exporter.hpp"

#include <chrono>
#include <ctime>
#include <stdexcept>

#include "normalizer/budget_catalogue.hpp"

namespace poa::exporters {
namespace {

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

DbValue text(const std::optional<std::string>& s) {
  return s ? DbValue(*s) : DbValue();
}

template <typename Int>
DbValue integer(const std::optional<Int>& v) {
  return v ? DbValue(static_cast<std::int64_t>(*v)) : DbValue();
}

// The exact decimal text (as the JSON writes it).
DbValue decimal(const std::optional<Decimal>& d) {
  return d ? DbValue(d->to_string()) : DbValue();
}

// Money in cents; NULL when it has digits finer than a cent (its text keeps them).
DbValue cents(const std::optional<Decimal>& d) {
  if (!d) return {};
  const Decimal t = d->trimmed();
  if (t.scale > 2) return {};
  const std::int64_t factor = t.scale == 2 ? 1 : t.scale == 1 ? 10 : 100;
  std::int64_t out = 0;
  if (__builtin_mul_overflow(t.mantissa, factor, &out)) return {};
  return out;
}

// Appends a row's page and line.
void add_origin(DbRow& row, const Origin& o) {
  row.push_back(integer(o.page));
  row.push_back(integer(o.line));
}

}  // namespace

void DatabaseExporter::begin_document(const DocumentHead& head, const std::string& /*stem*/) {
  if (open_) throw std::logic_error("DatabaseExporter::begin_document with a document open");
  const std::optional<std::int64_t> earlier = start_document(head.source.sha256);
  open_ = true;
  document_id_ = insert(TableId::kDocumentos,
                        {head.source.path, head.source.sha256,
                         std::string(head.source.type == SourceType::kPdf ? "pdf" : "texto"),
                         head.source.encoding.empty() ? DbValue() : DbValue(head.source.encoding),
                         integer(head.source.pages), integer(head.year), utc_now(),
                         std::string(POA_VERSION), text(head.municipio)},
                        earlier);
  archivo_ = head.source.path;
  ordinal_ = 0;
}

void DatabaseExporter::write_action(const Action& a) {
  if (!open_) throw std::logic_error("DatabaseExporter::write_action with no document open");
  ++ordinal_;
  const CodedText linea = a.linea_estrategica.value_or(CodedText{});
  const CodedText estrategia = a.estrategia.value_or(CodedText{});
  const Beneficiaries b = a.beneficiarios.value_or(Beneficiaries{});
  DbRow action = {document_id_,
                  ordinal_,
                  archivo_ + "#" + std::to_string(ordinal_),
                  integer(a.numero),
                  text(a.nombre),
                  text(a.secretaria),
                  text(a.principio_rector),
                  text(linea.codigo),
                  text(linea.nombre),
                  text(estrategia.codigo),
                  text(estrategia.nombre),
                  text(a.meta),
                  text(a.proposito),
                  integer(b.mujeres),
                  integer(b.hombres),
                  integer(b.total),
                  decimal(a.inversion_aproximada),
                  cents(a.inversion_aproximada)};
  add_origin(action, a.origin);
  const std::int64_t action_id = insert(TableId::kAcciones, action, std::nullopt);
  std::int64_t n = 0;
  for (const Activity& act : a.activities) {
    DbRow activity = {action_id,
                      ++n,
                      text(act.actividad),
                      text(act.area_responsable),
                      text(act.unidad_medida),
                      decimal(act.inversion),
                      cents(act.inversion),
                      text(act.indicador),
                      decimal(act.programacion_anual)};
    add_origin(activity, act.origin);
    const std::int64_t activity_id = insert(TableId::kActividades, activity, std::nullopt);
    for (std::size_t m = 0; m < act.programacion_mensual.size(); ++m) {
      // An empty month (JSON null) has no row; a month written `-` is 0 and has one.
      if (!act.programacion_mensual[m]) continue;
      insert(TableId::kProgramacionMensual,
             {activity_id, static_cast<std::int64_t>(m + 1), decimal(act.programacion_mensual[m])},
             std::nullopt);
    }
  }
  n = 0;
  for (const std::string& p : a.partidas_presupuestales) {
    const auto item = normalizer::find_budget_item(p);
    DbRow partida = {action_id, ++n, p};
    // CONAC's genérica, its name, concepto and capítulo; NULL when not in the catalogue.
    if (item)
      partida.insert(partida.end(),
                     {item->generica, item->generica_nombre, item->concepto, item->capitulo});
    else
      partida.resize(partida.size() + 4);
    insert(TableId::kPartidas, partida, std::nullopt);
  }
  write_diagnostics(a.diagnostics, action_id);
}

void DatabaseExporter::end_document(const DocumentTail& tail) {
  if (!open_) throw std::logic_error("DatabaseExporter::end_document with no document open");
  write_diagnostics(tail.diagnostics, std::nullopt);
  std::int64_t n = 0;
  for (const UnrecognizedText& u : tail.unrecognized) {
    DbRow row = {document_id_, ++n, u.text};
    add_origin(row, u.origin);
    insert(TableId::kNoReconocido, row, std::nullopt);
  }
  commit_document();
  open_ = false;
  wrote_ = true;
}

void DatabaseExporter::abort_document() noexcept {
  if (!open_) return;
  rollback_document();
  open_ = false;
}

void DatabaseExporter::write_diagnostics(const Diagnostics& list,
                                         std::optional<std::int64_t> action_id) {
  std::int64_t n = 0;
  for (const Diagnostic& d : list) {
    DbRow row = {document_id_,
                 integer(action_id),
                 ++n,
                 std::string(code_name(d.code)),
                 std::string(severity_name(d.severity)),
                 d.message};
    add_origin(row, d.origin);
    insert(TableId::kAvisos, row, std::nullopt);
  }
}

}  // namespace poa::exporters
