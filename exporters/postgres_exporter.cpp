// Documents into a PostgreSQL database (docs/database.md) through libpq: the connection and its
// Spanish errors, the schema's migrations, and COPY of each document's rows in one transaction.
// Built into the module poa_postgres.so (its entry at the end), never into poa_exporters: `poa`
// loads libpq only for `--db postgresql://…` (postgres_module.cpp).
#include "exporters/postgres_exporter.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "exporters/db_exporter.hpp"
#include "model/module_loader.hpp"
#include "model/os_error.hpp"

namespace poa::exporters {
namespace {

// Key of the advisory lock two runs creating the schema at once take in turn ("POA1").
constexpr std::int64_t kSchemaLock = 0x504F4131;

// The first line of libpq's message, after its "connection to server … failed: " preamble.
std::string libpq_detail(const char* message) {
  std::string text = message != nullptr ? message : "";
  text = text.substr(0, text.find('\n'));
  const std::size_t failed = text.rfind("failed: ");
  if (failed != std::string::npos) text = text.substr(failed + 8);
  // The server's severity is not the reason.
  if (text.starts_with("FATAL:")) text = text.substr(text.find_first_not_of(' ', 6));
  return text;
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

// Why a connection failed, in Spanish (libpq's own words in parentheses where they help).
std::string connection_reason(PGconn* conn) {
  const std::string message = PQerrorMessage(conn);
  if (PQconnectionNeedsPassword(conn) != 0) return "el servidor pide una contraseña y no se dio";
  if (contains(message, "authentication failed"))
    return "falló la autenticación (usuario o contraseña no válidos)";
  if (contains(message, "does not exist"))
    return (contains(message, "database") ? "la base de datos no existe ("
                                          : "el usuario no existe (") +
           libpq_detail(message.c_str()) + ")";
  if (contains(message, "permission denied")) return "permiso denegado";
  for (const std::string_view unreachable :
       {"No such file or directory", "Connection refused", "could not translate host name",
        "timeout expired", "Network is unreachable", "No route to host"})
    if (contains(message, unreachable))
      return "el servidor no responde (" + libpq_detail(message.c_str()) + ")";
  return libpq_detail(message.c_str());
}

// Whether a failure left the connection unusable: libpq's own error (no SQLSTATE: the socket
// closed or broke), a connection-class SQLSTATE (08…, 57P…: the server shutting down), or a
// connection libpq already marked bad.
bool connection_lost(PGconn* conn, const PGresult* result) {
  if (PQstatus(conn) == CONNECTION_BAD) return true;
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  if (state == nullptr) return true;
  const std::string_view sqlstate(state);
  return sqlstate.starts_with("08") || sqlstate.starts_with("57P");
}

// Why a statement failed, in Spanish, from its SQLSTATE.
std::string statement_reason(PGconn* conn, const PGresult* result) {
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const char* primary =
      result != nullptr ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  const std::string sqlstate = state != nullptr ? state : "";
  std::string detail = primary != nullptr ? primary : libpq_detail(PQerrorMessage(conn));
  if (sqlstate == "42501") return "permiso denegado (" + detail + ")";
  if (connection_lost(conn, result))
    return "se perdió la conexión con el servidor (" + detail + ")";
  if (sqlstate == "53100") return os_reason(ENOSPC);
  return detail;
}

using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

// The connection; every failure throws OutputError naming the database without its password.
class Connection {
 public:
  explicit Connection(const std::string& conninfo) : name_(redacted_conninfo(conninfo)) {
    // The user's string comes after our defaults (expand_dbname): what it says wins.
    const std::array<const char*, 5> keys = {"connect_timeout", "client_encoding", "dbname",
                                             "fallback_application_name", nullptr};
    const std::array<const char*, 5> values = {"10", "UTF8", conninfo.c_str(), "poa", nullptr};
    conn_ = PQconnectdbParams(keys.data(), values.data(), 1);
    if (PQstatus(conn_) != CONNECTION_OK) {
      const std::string why = conn_ != nullptr ? connection_reason(conn_) : os_reason(ENOMEM);
      PQfinish(conn_);
      throw OutputError(name_, "no se pudo conectar", why);
    }
    // Notices (a NOTICE of the server) are not ours to print.
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
  }
  ~Connection() { PQfinish(conn_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs `sql` (several statements, or one with $1… bound to `params` as text).
  Result exec(const std::string& sql, const std::string& what,
              const std::vector<std::string>& params = {}) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const std::string& p : params) values.push_back(p.c_str());
    Result result(params.empty() ? PQexec(conn_, sql.c_str())
                                 : PQexecParams(conn_, sql.c_str(), static_cast<int>(params.size()),
                                                nullptr, values.data(), nullptr, nullptr, 0),
                  &PQclear);
    const ExecStatusType status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_COPY_IN)
      fail(what, result.get());
    return result;
  }

  // `COPY table (columns) FROM STDIN` of `data`, rows in COPY's text format.
  void copy(const std::string& table_and_columns, const std::string& data) {
    exec("COPY " + table_and_columns + " FROM STDIN", "no se pudo escribir");
    constexpr std::size_t kChunk = 1 << 20;
    for (std::size_t at = 0; at < data.size(); at += kChunk) {
      const std::size_t n = std::min(kChunk, data.size() - at);
      if (PQputCopyData(conn_, data.data() + at, static_cast<int>(n)) != 1)
        fail("no se pudo escribir", nullptr);
    }
    if (PQputCopyEnd(conn_, nullptr) != 1) fail("no se pudo escribir", nullptr);
    Result failed(nullptr, &PQclear);  // the first result that is not a success
    while (PGresult* r = PQgetResult(conn_)) {
      Result result(r, &PQclear);
      if (!failed && PQresultStatus(r) != PGRES_COMMAND_OK) failed = std::move(result);
    }
    if (failed) fail("no se pudo escribir", failed.get());
  }

  // The first column of the first row, nullopt with no row or NULL.
  static std::optional<std::string> first(const Result& result) {
    if (PQntuples(result.get()) == 0 || PQgetisnull(result.get(), 0, 0) != 0) return std::nullopt;
    return PQgetvalue(result.get(), 0, 0);
  }

  // Ends a transaction that failed, if the connection still stands.
  void rollback() noexcept {
    if (PQstatus(conn_) == CONNECTION_OK) PQclear(PQexec(conn_, "ROLLBACK"));
  }

  const std::string& name() const { return name_; }

  // A connection gone for good (the server stopped, the network dropped) is OutputLost: the
  // batch then stops sending documents here and goes on with its other outputs.
  [[noreturn]] void fail(const std::string& what, const PGresult* result) const {
    if (connection_lost(conn_, result))
      throw OutputLost(name_, what, statement_reason(conn_, result));
    throw OutputError(name_, what, statement_reason(conn_, result));
  }

 private:
  std::string name_;
  PGconn* conn_ = nullptr;
};

bool has_schema(Connection& db) {
  return Connection::first(
             db.exec("SELECT to_regclass('poa_esquema') IS NOT NULL", "no se pudo leer")) == "t";
}

// Brings the database to kDatabaseSchemaVersion in one transaction, or refuses it.
void migrate(Connection& db) {
  db.exec("BEGIN", "no se pudo abrir");
  try {
    db.exec("SELECT pg_advisory_xact_lock(" + std::to_string(kSchemaLock) + ")",
            "no se pudo abrir");
    long long version = 0;
    if (has_schema(db)) {
      version = std::stoll(
          Connection::first(db.exec("SELECT max(version) FROM poa_esquema", "no se pudo leer"))
              .value_or("0"));
    } else if (Connection::first(db.exec("SELECT to_regclass('documentos') IS NOT NULL",
                                         "no se pudo leer")) == "t") {
      throw OutputError(db.name(), "no se escribe en ella",
                        "tiene una tabla documentos que no es de poa (no hay tabla poa_esquema)");
    } else {
      db.exec("CREATE TABLE poa_esquema (version INTEGER NOT NULL)", "no se pudo crear el esquema");
    }
    if (version > kDatabaseSchemaVersion)
      throw OutputError(db.name(), "no se escribe en ella", newer_schema_reason(version));
    if (version < kDatabaseSchemaVersion) {
      const std::vector<std::string> steps = migration_steps(Dialect::kPostgres);
      for (long long v = version; v < kDatabaseSchemaVersion; ++v)
        db.exec(steps.at(static_cast<std::size_t>(v)), "no se pudo crear el esquema");
      db.exec("DELETE FROM poa_esquema; INSERT INTO poa_esquema VALUES (" +
                  std::to_string(kDatabaseSchemaVersion) + ")",
              "no se pudo escribir");
    }
    db.exec("COMMIT", "no se pudo escribir");
  } catch (...) {
    db.rollback();
    throw;
  }
}

// The tables this user may not read, write or delete from (or whose ids it may not draw): said
// before the first document, not once per document.
void check_privileges(Connection& db) {
  std::string tables;
  std::string with_ids;
  for (const Table& table : schema_tables()) {
    tables.append(tables.empty() ? "{" : ",").append(table.name);
    if (table.columns.front().type == ColumnType::kId)
      with_ids.append(with_ids.empty() ? "{" : ",").append(table.name);
  }
  const std::optional<std::string> denied = Connection::first(db.exec(
      "SELECT string_agg(t, ', ') FROM ("
      "SELECT t FROM unnest($1::text[]) AS t "
      "WHERE NOT has_table_privilege(t, 'SELECT, INSERT, DELETE') UNION ALL "
      "SELECT pg_get_serial_sequence(t, 'id') FROM unnest($2::text[]) AS t "
      "WHERE NOT has_sequence_privilege(pg_get_serial_sequence(t, 'id'), 'USAGE')) AS denied",
      "no se pudo leer", {tables + "}", with_ids + "}"}));
  if (denied)
    throw OutputError(db.name(), "no se escribe en ella",
                      "permiso denegado (no puede escribir en " + *denied + ")");
}

// A value in COPY's text format: \N for NULL; backslash, tab, newline and carriage return
// escaped, so a field never ends early.
void append_copy_value(std::string& out, const DbValue& value) {
  if (const auto* i = std::get_if<std::int64_t>(&value)) {
    out += std::to_string(*i);
    return;
  }
  const auto* s = std::get_if<std::string>(&value);
  if (s == nullptr) {
    out += "\\N";
    return;
  }
  for (const char c : *s) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
}

class PostgresExporter final : public DatabaseExporter {
 public:
  explicit PostgresExporter(const ExportOptions& options) : conninfo_(options.db_conninfo) {}

  void begin() override {
    db_.emplace(conninfo_);
    migrate(*db_);
    check_privileges(*db_);
  }

  std::vector<std::filesystem::path> finish() override {
    db_.reset();
    return {};  // no file: the rows are on the server
  }

 private:
  // COPY text held before it is sent: the memory a document's rows take, whatever its length.
  static constexpr std::size_t kFlushBytes = std::size_t{256} << 10;

  // The document's transaction opens here and its earlier rows go at once (the rows of a
  // document refused later come back with the ROLLBACK); its rows are streamed with COPY.
  std::optional<std::int64_t> start_document(const std::string& sha256) override {
    for (std::string& rows : rows_) rows.clear();
    buffered_ = 0;
    db_->exec("BEGIN", "no se pudo escribir");
    in_transaction_ = true;
    try {
      const std::optional<std::string> id = Connection::first(
          db_->exec("SELECT id FROM documentos WHERE sha256 = $1", "no se pudo leer", {sha256}));
      if (!id) return std::nullopt;
      db_->exec("DELETE FROM documentos WHERE id = $1", "no se pudo escribir", {*id});
      return std::stoll(*id);
    } catch (...) {
      rollback_document();
      throw;
    }
  }

  std::int64_t insert(TableId table, const DbRow& row, std::optional<std::int64_t> id) override {
    std::string& out = rows_.at(static_cast<std::size_t>(table));
    const std::size_t before = out.size();
    if (schema_table(table).columns.front().type == ColumnType::kId) {
      if (!id) id = next_id(table);
      out += std::to_string(*id);
      out += '\t';
    }
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += '\t';
      append_copy_value(out, row[i]);
    }
    out += '\n';
    buffered_ += out.size() - before;
    if (buffered_ >= kFlushBytes) flush();
    return id.value_or(0);
  }

  // Sends every table's waiting rows, parents before children (schema order), so each row's
  // foreign keys point at rows already sent.
  void flush() {
    for (const Table& table : schema_tables()) {
      std::string& rows = rows_.at(static_cast<std::size_t>(table.id));
      if (rows.empty()) continue;
      std::string columns = table.columns.front().type == ColumnType::kId ? "id" : "";
      for (const std::string_view name : row_columns(table))
        columns += (columns.empty() ? "" : ", ") + std::string(name);
      db_->copy(std::string(table.name) + " (" + columns + ")", rows);
      rows.clear();
    }
    buffered_ = 0;
  }

  void commit_document() override {
    flush();
    db_->exec("COMMIT", "no se pudo escribir");
    in_transaction_ = false;
  }

  void rollback_document() noexcept override {
    for (std::string& rows : rows_) rows.clear();
    buffered_ = 0;
    if (in_transaction_) db_->rollback();
    in_transaction_ = false;
  }

  // A new id of `table`, drawn from its sequence in blocks (one round trip per block).
  std::int64_t next_id(TableId table) {
    std::deque<std::int64_t>& pool = ids_.at(static_cast<std::size_t>(table));
    if (pool.empty()) {
      // One document at a time: a block of documentos ids would leave gaps run after run.
      const int block = table == TableId::kDocumentos ? 1 : 512;
      const Result result = db_->exec(
          "SELECT nextval(pg_get_serial_sequence($1, 'id')) FROM "
          "generate_series(1, " +
              std::to_string(block) + ")",
          "no se pudo escribir", {std::string(schema_table(table).name)});
      for (int r = 0; r < PQntuples(result.get()); ++r)
        pool.push_back(std::stoll(PQgetvalue(result.get(), r, 0)));
    }
    const std::int64_t id = pool.front();
    pool.pop_front();
    return id;
  }

  std::string conninfo_;
  std::optional<Connection> db_;
  std::array<std::string, kTableCount> rows_;  // COPY text not sent yet, per table
  std::size_t buffered_ = 0;                   // their bytes
  bool in_transaction_ = false;
  std::array<std::deque<std::int64_t>, kTableCount> ids_;
};

std::unique_ptr<Exporter> make_exporter(const ExportOptions& options) {
  return std::make_unique<PostgresExporter>(options);
}

std::set<std::string> known_documents(const std::string& conninfo) {
  std::set<std::string> known;
  Connection db(conninfo);
  if (!has_schema(db)) return known;
  const Result result = db.exec("SELECT sha256 FROM documentos", "no se pudo leer");
  for (int r = 0; r < PQntuples(result.get()); ++r) known.insert(PQgetvalue(result.get(), r, 0));
  return known;
}

const PostgresModule kModule{kPostgresModuleAbi, &make_exporter, &known_documents};

}  // namespace
}  // namespace poa::exporters

POA_MODULE_ENTRY(&poa::exporters::kModule)
