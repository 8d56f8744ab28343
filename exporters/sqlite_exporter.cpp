// Documents into a SQLite database (docs/sqlite.md): the schema and its migrations, and the
// exporter writing one transaction per document.
#include "exporters/sqlite_exporter.hpp"

#include <sqlite3.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include "exporters/atomic_file.hpp"
#include "model/os_error.hpp"
#include "normalizer/budget_catalogue.hpp"

namespace poa::exporters {
namespace {

// PRAGMA application_id of poa's databases ("POA1"): a SQLite file of another program is refused
// rather than written into.
constexpr int kApplicationId = 0x504F4131;

// kMigrations[v] brings a database of schema version v to v + 1; the last one ends at
// kSqliteSchemaVersion. A later version appends its step (ALTER TABLE … ADD COLUMN, a new view)
// and never edits an earlier one: databases of every version reach the newest by the same path.
constexpr std::array<std::string_view, kSqliteSchemaVersion> kMigrations = {
    // 0 -> 1: the first schema.
    R"sql(
CREATE TABLE documentos (
  id INTEGER PRIMARY KEY,
  archivo TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  tipo TEXT NOT NULL CHECK (tipo IN ('pdf', 'texto')),
  codificacion TEXT,
  paginas INTEGER,
  ejercicio INTEGER,
  convertido_en TEXT NOT NULL,
  version_poa TEXT NOT NULL
);
CREATE TABLE acciones (
  id INTEGER PRIMARY KEY,
  documento_id INTEGER NOT NULL REFERENCES documentos (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  accion_clave TEXT NOT NULL,
  numero INTEGER,
  nombre TEXT,
  secretaria TEXT,
  principio_rector TEXT,
  linea_estrategica_codigo TEXT,
  linea_estrategica_nombre TEXT,
  estrategia_codigo TEXT,
  estrategia_nombre TEXT,
  meta TEXT,
  proposito TEXT,
  beneficiarios_mujeres INTEGER,
  beneficiarios_hombres INTEGER,
  beneficiarios_total INTEGER,
  inversion_aproximada TEXT,
  inversion_aproximada_centavos INTEGER,
  pagina INTEGER,
  linea INTEGER
);
CREATE UNIQUE INDEX acciones_documento ON acciones (documento_id, ordinal);
CREATE INDEX acciones_secretaria ON acciones (secretaria);
CREATE TABLE actividades (
  id INTEGER PRIMARY KEY,
  accion_id INTEGER NOT NULL REFERENCES acciones (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  actividad TEXT,
  area_responsable TEXT,
  unidad_medida TEXT,
  inversion TEXT,
  inversion_centavos INTEGER,
  indicador TEXT,
  programacion_anual TEXT,
  pagina INTEGER,
  linea INTEGER
);
CREATE UNIQUE INDEX actividades_accion ON actividades (accion_id, ordinal);
CREATE TABLE programacion_mensual (
  actividad_id INTEGER NOT NULL REFERENCES actividades (id) ON DELETE CASCADE,
  mes INTEGER NOT NULL CHECK (mes BETWEEN 1 AND 12),
  valor TEXT NOT NULL,
  PRIMARY KEY (actividad_id, mes)
) WITHOUT ROWID;
CREATE TABLE partidas (
  id INTEGER PRIMARY KEY,
  accion_id INTEGER NOT NULL REFERENCES acciones (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  partida TEXT NOT NULL,
  generica TEXT,
  generica_nombre TEXT,
  concepto TEXT,
  capitulo TEXT
);
CREATE UNIQUE INDEX partidas_accion ON partidas (accion_id, ordinal);
CREATE INDEX partidas_generica ON partidas (generica);
CREATE TABLE avisos (
  id INTEGER PRIMARY KEY,
  documento_id INTEGER NOT NULL REFERENCES documentos (id) ON DELETE CASCADE,
  accion_id INTEGER REFERENCES acciones (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  codigo TEXT NOT NULL,
  severidad TEXT NOT NULL,
  mensaje TEXT NOT NULL,
  pagina INTEGER,
  linea INTEGER
);
CREATE INDEX avisos_documento ON avisos (documento_id);
CREATE INDEX avisos_accion ON avisos (accion_id);
CREATE INDEX avisos_codigo ON avisos (codigo);
CREATE TABLE no_reconocido (
  id INTEGER PRIMARY KEY,
  documento_id INTEGER NOT NULL REFERENCES documentos (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  texto TEXT NOT NULL,
  pagina INTEGER,
  linea INTEGER
);
CREATE INDEX no_reconocido_documento ON no_reconocido (documento_id);
CREATE VIEW mensual_por_secretaria AS
SELECT d.ejercicio, a.secretaria, m.mes,
       SUM(CAST(m.valor AS NUMERIC)) AS total,
       COUNT(*) AS actividades
FROM programacion_mensual m
JOIN actividades t ON t.id = m.actividad_id
JOIN acciones a ON a.id = t.accion_id
JOIN documentos d ON d.id = a.documento_id
GROUP BY d.ejercicio, a.secretaria, m.mes;
CREATE VIEW inversion_por_partida AS
SELECT d.ejercicio, p.partida, p.generica, p.generica_nombre, p.capitulo,
       COUNT(*) AS acciones,
       SUM(a.inversion_aproximada_centavos) AS inversion_centavos,
       SUM(a.inversion_aproximada_centavos) / 100.0 AS inversion
FROM partidas p
JOIN acciones a ON a.id = p.accion_id
JOIN documentos d ON d.id = a.documento_id
GROUP BY d.ejercicio, p.partida;
)sql",
    // 1 -> 2: the document's municipio (ente), as the JSON's `municipio`.
    R"sql(
ALTER TABLE documentos ADD COLUMN municipio TEXT;
)sql",
};

// The reason of a failed call, in the words of every other output error.
std::string reason(sqlite3* db, int rc) {
  // SQLite writes its journal beside the database: the folder must be writable too.
  if (rc == SQLITE_READONLY_DIRECTORY)
    return "su carpeta es de solo lectura (SQLite crea allí su diario de transacciones)";
  switch (rc & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return "la base está bloqueada por otro proceso (otra ejecución o un programa que la tiene "
             "abierta); vuelva a intentarlo cuando termine";
    case SQLITE_READONLY:
      return "la base es de solo lectura";
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return "no es una base SQLite o está dañada";
    case SQLITE_FULL:
      return os_reason(ENOSPC);
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_PERM:
      if (db != nullptr && sqlite3_system_errno(db) != 0)
        return os_reason(sqlite3_system_errno(db));
      return (rc & 0xFF) == SQLITE_PERM ? os_reason(EACCES) : "no se puede abrir";
    default:
      return db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  }
}

// The connection; every failure throws OutputError naming the file.
class Database {
 public:
  Database(std::filesystem::path path, bool read_only) : path_(std::move(path)) {
    const int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    try {
      const int rc = sqlite3_open_v2(path_.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
      if (rc != SQLITE_OK) fail("no se pudo abrir", rc);
      sqlite3_extended_result_codes(db_, 1);
      // Another process between two of its transactions is waited for a while, not failed at once.
      sqlite3_busy_timeout(db_, 5000);
      if (!read_only && sqlite3_db_readonly(db_, "main") == 1)
        fail("no se pudo abrir", SQLITE_READONLY);
      exec("PRAGMA foreign_keys = ON", "no se pudo abrir");
    } catch (...) {
      sqlite3_close_v2(db_);  // the destructor does not run for a constructor that throws
      throw;
    }
  }
  ~Database() { sqlite3_close_v2(db_); }
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  sqlite3* handle() const { return db_; }
  const std::filesystem::path& path() const { return path_; }

  [[noreturn]] void fail(const std::string& what, int rc) const {
    throw OutputError(path_, what, reason(db_, rc));
  }

  void exec(std::string_view sql, const std::string& what) {
    const int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) fail(what, rc);
  }

  // A pragma's integer value.
  std::int64_t pragma(const char* name) {
    sqlite3_stmt* stmt = nullptr;
    const std::string sql = std::string("PRAGMA ") + name;
    int rc = sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr);
    if (rc != SQLITE_OK) fail("no se pudo leer", rc);
    rc = sqlite3_step(stmt);
    const std::int64_t value = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
    sqlite3_finalize(stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) fail("no se pudo leer", rc);
    return value;
  }

 private:
  std::filesystem::path path_;
  sqlite3* db_ = nullptr;
};

// A prepared statement, bound by position (1-based) in the order of its `?`s.
class Statement {
 public:
  Statement(Database& db, const char* sql) : db_(db) {
    const int rc = sqlite3_prepare_v2(db.handle(), sql, -1, &stmt_, nullptr);
    if (rc != SQLITE_OK) db.fail("no se pudo escribir", rc);
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& text(const std::string& s) {
    sqlite3_bind_text(stmt_, ++at_, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& text(const std::optional<std::string>& s) { return s ? text(*s) : null(); }
  Statement& integer(std::optional<std::int64_t> v) {
    if (!v) return null();
    sqlite3_bind_int64(stmt_, ++at_, *v);
    return *this;
  }
  Statement& null() {
    sqlite3_bind_null(stmt_, ++at_);
    return *this;
  }
  // The exact decimal text (as the JSON writes it).
  Statement& decimal(const std::optional<Decimal>& d) { return d ? text(d->to_string()) : null(); }
  // Money: its exact text, then its integer cents (NULL when it has finer digits than cents).
  Statement& money(const std::optional<Decimal>& d) {
    decimal(d);
    return integer(d ? cents(*d) : std::nullopt);
  }
  Statement& origin(const Origin& o) {
    integer(o.page ? std::optional<std::int64_t>(*o.page) : std::nullopt);
    return integer(o.line ? std::optional<std::int64_t>(*o.line) : std::nullopt);
  }

  // Runs it and makes it ready for the next row; the new row's id.
  std::int64_t run() {
    const int rc = sqlite3_step(stmt_);
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    at_ = 0;
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) db_.fail("no se pudo escribir", rc);
    return sqlite3_last_insert_rowid(db_.handle());
  }

  // Runs a query for one integer: its first row's first column, nullopt with no row.
  std::optional<std::int64_t> first_integer() {
    const int rc = sqlite3_step(stmt_);
    std::optional<std::int64_t> value;
    if (rc == SQLITE_ROW) value = sqlite3_column_int64(stmt_, 0);
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    at_ = 0;
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) db_.fail("no se pudo leer", rc);
    return value;
  }

  sqlite3_stmt* handle() const { return stmt_; }

 private:
  static std::optional<std::int64_t> cents(const Decimal& d) {
    const Decimal t = d.trimmed();
    if (t.scale > 2) return std::nullopt;
    std::int64_t factor = t.scale == 2 ? 1 : t.scale == 1 ? 10 : 100;
    std::int64_t out = 0;
    if (__builtin_mul_overflow(t.mantissa, factor, &out)) return std::nullopt;
    return out;
  }

  Database& db_;
  sqlite3_stmt* stmt_ = nullptr;
  int at_ = 0;
};

// Brings the database to kSqliteSchemaVersion in one transaction, or refuses it.
void migrate(Database& db) {
  db.exec("BEGIN IMMEDIATE", "no se pudo abrir");
  try {
    const std::int64_t app = db.pragma("application_id");
    const std::int64_t version = db.pragma("user_version");
    const bool empty = Statement(db, "SELECT count(*) FROM sqlite_master").first_integer() == 0;
    if (app != kApplicationId && !(app == 0 && version == 0 && empty)) {
      throw OutputError(db.path(), "no se escribe en ella",
                        "es una base SQLite de otro programa, no de poa");
    }
    if (version > kSqliteSchemaVersion) {
      throw OutputError(db.path(), "no se escribe en ella",
                        "la creó una versión más nueva de poa (esquema " + std::to_string(version) +
                            "; esta versión conoce hasta el " +
                            std::to_string(kSqliteSchemaVersion) + ")");
    }
    for (std::int64_t v = version; v < kSqliteSchemaVersion; ++v)
      db.exec(kMigrations[static_cast<std::size_t>(v)], "no se pudo crear el esquema");
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId), "no se pudo escribir");
    db.exec("PRAGMA user_version = " + std::to_string(kSqliteSchemaVersion), "no se pudo escribir");
    db.exec("COMMIT", "no se pudo escribir");
  } catch (...) {
    sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

class SqliteExporter final : public Exporter {
 public:
  explicit SqliteExporter(const ExportOptions& options) : path_(sqlite_path(options)) {}

  void begin() override {
    if (path_.has_parent_path()) create_output_folder(path_.parent_path());
    db_.emplace(path_, false);
    migrate(*db_);
    insert_document_.emplace(*db_,
                             "INSERT INTO documentos (id, archivo, sha256, tipo, codificacion, "
                             "paginas, ejercicio, convertido_en, version_poa, municipio) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert_action_.emplace(
        *db_,
        "INSERT INTO acciones (documento_id, ordinal, accion_clave, numero, nombre, secretaria, "
        "principio_rector, linea_estrategica_codigo, linea_estrategica_nombre, "
        "estrategia_codigo, estrategia_nombre, meta, proposito, beneficiarios_mujeres, "
        "beneficiarios_hombres, beneficiarios_total, inversion_aproximada, "
        "inversion_aproximada_centavos, pagina, linea) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert_activity_.emplace(
        *db_,
        "INSERT INTO actividades (accion_id, ordinal, actividad, area_responsable, unidad_medida, "
        "inversion, inversion_centavos, indicador, programacion_anual, pagina, linea) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert_month_.emplace(
        *db_, "INSERT INTO programacion_mensual (actividad_id, mes, valor) VALUES (?, ?, ?)");
    insert_partida_.emplace(*db_,
                            "INSERT INTO partidas (accion_id, ordinal, partida, generica, "
                            "generica_nombre, concepto, capitulo) VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert_aviso_.emplace(*db_,
                          "INSERT INTO avisos (documento_id, accion_id, ordinal, codigo, "
                          "severidad, mensaje, pagina, linea) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insert_unrecognized_.emplace(*db_,
                                 "INSERT INTO no_reconocido (documento_id, ordinal, texto, pagina, "
                                 "linea) VALUES (?, ?, ?, ?, ?)");
    find_document_.emplace(*db_, "SELECT id FROM documentos WHERE sha256 = ?");
    delete_document_.emplace(*db_, "DELETE FROM documentos WHERE id = ?");
  }

  void begin_document(const DocumentHead& head, const std::string& /*stem*/) override {
    if (open_) throw std::logic_error("SqliteExporter::begin_document with a document open");
    db_->exec("BEGIN IMMEDIATE", "no se pudo escribir");
    open_ = true;
    // The same bytes converted again replace their rows and keep their document id.
    const std::optional<std::int64_t> id = find_document_->text(head.source.sha256).first_integer();
    if (id) delete_document_->integer(id).run();
    document_id_ =
        insert_document_->integer(id)
            .text(head.source.path)
            .text(head.source.sha256)
            .text(std::string(head.source.type == SourceType::kPdf ? "pdf" : "texto"))
            .text(head.source.encoding.empty() ? std::optional<std::string>()
                                               : std::optional<std::string>(head.source.encoding))
            .integer(head.source.pages)
            .integer(head.year)
            .text(utc_now())
            .text(std::string(POA_VERSION))
            .text(head.municipio)
            .run();
    archivo_ = head.source.path;
    ordinal_ = 0;
  }

  void write_action(const Action& a) override {
    if (!open_) throw std::logic_error("SqliteExporter::write_action with no document open");
    ++ordinal_;
    const CodedText linea = a.linea_estrategica.value_or(CodedText{});
    const CodedText estrategia = a.estrategia.value_or(CodedText{});
    const Beneficiaries b = a.beneficiarios.value_or(Beneficiaries{});
    const std::int64_t action_id = insert_action_->integer(document_id_)
                                       .integer(ordinal_)
                                       .text(archivo_ + "#" + std::to_string(ordinal_))
                                       .integer(a.numero)
                                       .text(a.nombre)
                                       .text(a.secretaria)
                                       .text(a.principio_rector)
                                       .text(linea.codigo)
                                       .text(linea.nombre)
                                       .text(estrategia.codigo)
                                       .text(estrategia.nombre)
                                       .text(a.meta)
                                       .text(a.proposito)
                                       .integer(b.mujeres)
                                       .integer(b.hombres)
                                       .integer(b.total)
                                       .money(a.inversion_aproximada)
                                       .origin(a.origin)
                                       .run();
    std::int64_t n = 0;
    for (const Activity& act : a.activities) {
      const std::int64_t activity_id = insert_activity_->integer(action_id)
                                           .integer(++n)
                                           .text(act.actividad)
                                           .text(act.area_responsable)
                                           .text(act.unidad_medida)
                                           .money(act.inversion)
                                           .text(act.indicador)
                                           .decimal(act.programacion_anual)
                                           .origin(act.origin)
                                           .run();
      for (std::size_t m = 0; m < act.programacion_mensual.size(); ++m) {
        // An empty month (JSON null) has no row; a month written `-` is 0 and has one.
        if (!act.programacion_mensual[m]) continue;
        insert_month_->integer(activity_id)
            .integer(static_cast<std::int64_t>(m + 1))
            .decimal(act.programacion_mensual[m])
            .run();
      }
    }
    n = 0;
    for (const std::string& p : a.partidas_presupuestales) {
      const auto item = normalizer::find_budget_item(p);
      insert_partida_->integer(action_id).integer(++n).text(p);
      if (item) {
        insert_partida_->text(item->generica)
            .text(item->generica_nombre)
            .text(item->concepto)
            .text(item->capitulo);
      } else {
        insert_partida_->null().null().null().null();
      }
      insert_partida_->run();
    }
    write_diagnostics(a.diagnostics, action_id);
  }

  void end_document(const DocumentTail& tail) override {
    if (!open_) throw std::logic_error("SqliteExporter::end_document with no document open");
    write_diagnostics(tail.diagnostics, std::nullopt);
    std::int64_t n = 0;
    for (const UnrecognizedText& u : tail.unrecognized)
      insert_unrecognized_->integer(document_id_).integer(++n).text(u.text).origin(u.origin).run();
    db_->exec("COMMIT", "no se pudo escribir");
    open_ = false;
    wrote_ = true;
  }

  void abort_document() noexcept override {
    if (!open_) return;
    sqlite3_exec(db_->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    open_ = false;
  }

  std::vector<std::filesystem::path> finish() override {
    // Statements first: a connection with live statements does not close.
    insert_document_.reset();
    insert_action_.reset();
    insert_activity_.reset();
    insert_month_.reset();
    insert_partida_.reset();
    insert_aviso_.reset();
    insert_unrecognized_.reset();
    find_document_.reset();
    delete_document_.reset();
    db_.reset();
    if (!wrote_) return {};
    return {path_};
  }

 private:
  void write_diagnostics(const Diagnostics& list, std::optional<std::int64_t> action_id) {
    std::int64_t n = 0;
    for (const Diagnostic& d : list) {
      insert_aviso_->integer(document_id_)
          .integer(action_id)
          .integer(++n)
          .text(std::string(code_name(d.code)))
          .text(std::string(severity_name(d.severity)))
          .text(d.message)
          .origin(d.origin)
          .run();
    }
  }

  std::filesystem::path path_;
  std::optional<Database> db_;
  std::optional<Statement> insert_document_, insert_action_, insert_activity_, insert_month_,
      insert_partida_, insert_aviso_, insert_unrecognized_, find_document_, delete_document_;
  bool open_ = false;
  bool wrote_ = false;
  std::int64_t document_id_ = 0;
  std::int64_t ordinal_ = 0;
  std::string archivo_;
};

}  // namespace

std::filesystem::path sqlite_path(const ExportOptions& options) {
  return options.db_path.empty() ? options.out_dir / kSqliteName : options.db_path;
}

std::unique_ptr<Exporter> make_sqlite_exporter(const ExportOptions& options) {
  return std::make_unique<SqliteExporter>(options);
}

std::set<std::string> sqlite_known_documents(const std::filesystem::path& db_path) {
  std::set<std::string> known;
  std::error_code ec;
  if (!std::filesystem::exists(db_path, ec)) return known;
  Database db(db_path, true);
  if (db.pragma("application_id") != kApplicationId) return known;  // begin() says why
  Statement select(db, "SELECT sha256 FROM documentos");
  while (sqlite3_step(select.handle()) == SQLITE_ROW) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(select.handle(), 0));
    if (text != nullptr) known.insert(text);
  }
  return known;
}

}  // namespace poa::exporters
