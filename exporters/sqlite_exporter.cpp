// Documents into a SQLite database (docs/database.md): the connection, migrations, and the
// exporter writing one transaction per document.
#include "exporters/sqlite_exporter.hpp"

#include <sqlite3.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "exporters/atomic_file.hpp"
#include "exporters/db_exporter.hpp"
#include "model/os_error.hpp"

namespace poa::exporters {
namespace {

// PRAGMA application_id of poa's databases ("POA1"): a SQLite file of another program is refused
// rather than written into.
constexpr int kApplicationId = 0x504F4131;

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

  Statement& bind(const DbValue& value) {
    ++at_;
    if (const auto* s = std::get_if<std::string>(&value))
      sqlite3_bind_text(stmt_, at_, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
    else if (const auto* i = std::get_if<std::int64_t>(&value))
      sqlite3_bind_int64(stmt_, at_, *i);
    else
      sqlite3_bind_null(stmt_, at_);
    return *this;
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
      throw OutputError(db.path(), "no se escribe en ella", newer_schema_reason(version));
    }
    const std::vector<std::string> steps = migration_steps(Dialect::kSqlite);
    for (std::int64_t v = version; v < kSqliteSchemaVersion; ++v)
      db.exec(steps.at(static_cast<std::size_t>(v)), "no se pudo crear el esquema");
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId), "no se pudo escribir");
    db.exec("PRAGMA user_version = " + std::to_string(kSqliteSchemaVersion), "no se pudo escribir");
    db.exec("COMMIT", "no se pudo escribir");
  } catch (...) {
    sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

// "INSERT INTO table (id?, columns…) VALUES (?, …)": `id` first when the table has one.
std::string insert_sql(const Table& table) {
  std::string columns;
  std::string values;
  const bool has_id = table.columns.front().type == ColumnType::kId;
  if (has_id) {
    columns = "id";
    values.push_back('?');
  }
  for (const std::string_view name : row_columns(table)) {
    columns.append(columns.empty() ? "" : ", ").append(name);
    values += values.empty() ? "?" : ", ?";
  }
  return "INSERT INTO " + std::string(table.name) + " (" + columns + ") VALUES (" + values + ")";
}

class SqliteExporter final : public DatabaseExporter {
 public:
  explicit SqliteExporter(const ExportOptions& options) : path_(sqlite_path(options)) {}

  void begin() override {
    if (path_.has_parent_path()) create_output_folder(path_.parent_path());
    db_.emplace(path_, false);
    migrate(*db_);
    for (const Table& table : schema_tables())
      inserts_.at(static_cast<std::size_t>(table.id)).emplace(*db_, insert_sql(table).c_str());
    find_document_.emplace(*db_, "SELECT id FROM documentos WHERE sha256 = ?");
    delete_document_.emplace(*db_, "DELETE FROM documentos WHERE id = ?");
  }

  std::vector<std::filesystem::path> finish() override {
    // Statements first: a connection with live statements does not close.
    for (auto& insert : inserts_) insert.reset();
    find_document_.reset();
    delete_document_.reset();
    db_.reset();
    if (!wrote()) return {};
    return {path_};
  }

 private:
  std::optional<std::int64_t> start_document(const std::string& sha256) override {
    db_->exec("BEGIN IMMEDIATE", "no se pudo escribir");
    try {
      // The same bytes converted again replace their rows and keep their document id.
      const std::optional<std::int64_t> id = find_document_->bind(sha256).first_integer();
      if (id) delete_document_->bind(*id).run();
      return id;
    } catch (...) {
      rollback_document();
      throw;
    }
  }

  std::int64_t insert(TableId table, const DbRow& row, std::optional<std::int64_t> id) override {
    Statement& insert = *inserts_.at(static_cast<std::size_t>(table));
    if (schema_table(table).columns.front().type == ColumnType::kId)
      insert.bind(id ? DbValue(*id) : DbValue());
    for (const DbValue& value : row) insert.bind(value);
    return insert.run();
  }

  void commit_document() override { db_->exec("COMMIT", "no se pudo escribir"); }

  void rollback_document() noexcept override {
    sqlite3_exec(db_->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }

  std::filesystem::path path_;
  std::optional<Database> db_;
  std::array<std::optional<Statement>, kTableCount> inserts_;
  std::optional<Statement> find_document_, delete_document_;
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
