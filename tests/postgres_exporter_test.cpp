// The PostgreSQL exporter against a throwaway server (CTest fixture `postgres`): a mixed batch
// holds exactly what its JSON holds, a re-run leaves the same rows, --incremental skips what is
// there, COPY's escaping round-trips, docs/database.md's queries run on both databases, an older
// schema is migrated, `--db` takes a conninfo, and a server poa cannot use is one line with
// nothing written.
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "db_contents.hpp"
#include "exporters/db_schema.hpp"
#include "exporters/exporter.hpp"
#include "exporters/postgres_exporter.hpp"
#include "extractor/source.hpp"
#include "job/convert.hpp"
#include "test_files.hpp"

namespace poa {
namespace {

namespace fs = std::filesystem;
using exporters::Format;
using test::DbTable;
using test::kMixedBatch;

// The server's socket folder, or "SKIP: why" (tests/postgres_server.sh wrote it).
const std::string& server() {
  static const std::string line = [] {
    std::ifstream in(POA_TEST_POSTGRES_SERVER);
    std::string text;
    std::getline(in, text);
    return in || !text.empty() ? text : "SKIP: no hay servidor (el fixture postgres no corrió)";
  }();
  return line;
}

// A PostgreSQL database read as text, through its own connection.
class PgRows final : public test::DbRows {
 public:
  explicit PgRows(const std::string& conninfo) : conn_(PQconnectdb(conninfo.c_str())) {
    EXPECT_EQ(PQstatus(conn_), CONNECTION_OK) << PQerrorMessage(conn_);
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
  }
  ~PgRows() override { PQfinish(conn_); }
  PgRows(const PgRows&) = delete;
  PgRows& operator=(const PgRows&) = delete;

  DbTable rows(const std::string& sql, std::optional<std::int64_t> arg = {}) const override {
    std::string query = sql;
    if (const std::size_t at = query.find('?'); arg && at != std::string::npos)
      query.replace(at, 1, "$1");
    const std::string value = arg ? std::to_string(*arg) : "";
    const char* values[] = {value.c_str()};
    PGresult* result = PQexecParams(conn_, query.c_str(), arg ? 1 : 0, nullptr,
                                    arg ? values : nullptr, nullptr, nullptr, 0);
    EXPECT_EQ(PQresultStatus(result), PGRES_TUPLES_OK) << PQresultErrorMessage(result) << query;
    DbTable out;
    for (int r = 0; r < PQntuples(result); ++r) {
      std::vector<std::string> row;
      for (int c = 0; c < PQnfields(result); ++c)
        row.emplace_back(PQgetisnull(result, r, c) ? "∅" : PQgetvalue(result, r, c));
      out.push_back(std::move(row));
    }
    PQclear(result);
    return out;
  }

  void exec(const std::string& sql) const {
    PGresult* result = PQexec(conn_, sql.c_str());
    EXPECT_EQ(PQresultStatus(result), PGRES_COMMAND_OK) << PQresultErrorMessage(result) << sql;
    PQclear(result);
  }

 private:
  PGconn* conn_ = nullptr;
};

class PostgresExporterTest : public testing::Test {
 protected:
  void SetUp() override {
    if (server().starts_with("SKIP")) GTEST_SKIP() << server();
    dir_ = test::fresh_test_dir("poa_postgres");
    // A database of its own per test, on the one server.
    std::string name = testing::UnitTest::GetInstance()->current_test_info()->name();
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    database_ = "poa_" + name.substr(0, 50);
    admin().exec("DROP DATABASE IF EXISTS " + database_ + " WITH (FORCE)");
    admin().exec("CREATE DATABASE " + database_);
  }
  void TearDown() override {
    if (server().starts_with("SKIP")) return;
    fs::remove_all(dir_);
    admin().exec("DROP DATABASE IF EXISTS " + database_ + " WITH (FORCE)");
  }

  static PgRows admin() { return PgRows(url("postgres")); }
  static std::string url(const std::string& database, const std::string& user = "poa_test") {
    return "postgresql://" + user + "@/" + database + "?host=" + server();
  }
  std::string url() const { return url(database_); }

  job::ExitCode convert(const std::vector<fs::path>& inputs, std::vector<Format> formats,
                        std::string& err, const std::function<void(job::ConvertJob&)>& tweak = {}) {
    return test::convert_into(dir_ / "out", inputs, std::move(formats), err,
                              [&](job::ConvertJob& j) {
                                j.db_conninfo = url();
                                if (tweak) tweak(j);
                              });
  }

  fs::path dir_;
  std::string database_;
};

TEST_F(PostgresExporterTest, MixedBatchHoldsWhatTheJsonHoldsAndAReRunLeavesTheSameRows) {
  DbTable first;
  // One job streams action by action (the refused report is dropped part-way); three read
  // whole documents on threads. Both must leave the same rows.
  for (const unsigned jobs : {1U, 3U}) {
    std::string err;
    EXPECT_EQ(convert(kMixedBatch, {Format::kJson, Format::kPostgres}, err,
                      [&](job::ConvertJob& j) { j.input.jobs = jobs; }),
              job::ExitCode::kInputFailed)
        << err;
    EXPECT_NE(err.find("NOT_A_POA"), std::string::npos) << err;
    const PgRows db(url());
    EXPECT_GE(test::expect_database_holds_the_json(db, dir_ / "out"), 5U);
    const DbTable now = test::db_state(db);
    if (first.empty()) first = now;
    EXPECT_EQ(now, first) << "-j " << jobs;
  }
  const PgRows db(url());
  EXPECT_EQ(db.rows("SELECT count(*) FROM documentos WHERE archivo LIKE '%mir%'"),
            (DbTable{{"0"}}));
  EXPECT_EQ(db.rows("SELECT version FROM poa_esquema"),
            (DbTable{{std::to_string(exporters::kDatabaseSchemaVersion)}}));
  // Money is NUMERIC, exact, and its cents agree with it.
  EXPECT_EQ(db.rows("SELECT data_type FROM information_schema.columns WHERE table_name = "
                    "'actividades' AND column_name = 'inversion'"),
            (DbTable{{"numeric"}}));
  EXPECT_EQ(db.rows("SELECT count(*) FROM actividades WHERE inversion IS NOT NULL AND "
                    "inversion * 100 IS DISTINCT FROM inversion_centavos"),
            (DbTable{{"0"}}));
}

TEST_F(PostgresExporterTest, IncrementalSkipsWhatTheDatabaseHolds) {
  const auto incremental = [](job::ConvertJob& j) { j.incremental = true; };
  std::string err;
  EXPECT_EQ(convert({kMixedBatch[0]}, {Format::kPostgres}, err, incremental), job::ExitCode::kOk)
      << err;
  EXPECT_EQ(convert({kMixedBatch[0], kMixedBatch[1]}, {Format::kPostgres}, err, incremental),
            job::ExitCode::kOk)
      << err;
  EXPECT_NE(err.find(kMixedBatch[0].string() + ": ya está en la base"), std::string::npos) << err;
  EXPECT_EQ(err.find(kMixedBatch[0].string() + ": 8 acciones"), std::string::npos) << err;
  EXPECT_NE(err.find(kMixedBatch[1].string() + ": 1 acciones"), std::string::npos) << err;
  EXPECT_EQ(PgRows(url()).rows("SELECT count(*) FROM documentos"), (DbTable{{"2"}}));
}

// Text with COPY's special characters comes back byte for byte, in both databases; an empty
// text stays empty, never NULL.
TEST_F(PostgresExporterTest, CopyKeepsTabsNewlinesBackslashesAndTheNullMarker) {
  Document doc;
  doc.source.path = "con\ttab\\N.txt";
  doc.source.sha256 = std::string(64, 'a');
  doc.source.encoding = "UTF-8";
  Action action;
  action.nombre = "tab\taquí";
  action.meta = "línea\nnueva\r\n";
  action.proposito = "barra \\ invertida \\t \\\\";
  action.secretaria = "\\N";
  action.principio_rector = "";
  doc.actions.push_back(action);
  const std::vector<std::string> texts = {*action.nombre, *action.meta, *action.proposito,
                                          *action.secretaria, *action.principio_rector};
  const std::string query =
      "SELECT d.archivo, a.nombre, a.meta, a.proposito, a.secretaria, a.principio_rector, "
      "a.numero FROM acciones a JOIN documentos d ON d.id = a.documento_id";
  DbTable expected = {{doc.source.path}};
  expected[0].insert(expected[0].end(), texts.begin(), texts.end());
  expected[0].emplace_back("∅");

  exporters::ExportOptions options;
  options.db_conninfo = url();
  options.db_path = dir_ / "escapes.sqlite";
  for (const Format format : {Format::kPostgres, Format::kSqlite}) {
    const auto out = exporters::make_exporter(format, options);
    out->begin();
    out->write(doc, "x");
    out->write(doc, "x");  // the same bytes again: replaced, not doubled
    out->finish();
  }
  EXPECT_EQ(PgRows(url()).rows(query), expected);
  EXPECT_EQ(test::SqliteRows(options.db_path).rows(query), expected);
}

// A long document's rows go to the server while it is written (COPY inside its transaction, so
// the client holds ~256 KiB, not the document); abandoned part-way, nothing of it stays, and the
// earlier conversion of the same bytes is back.
TEST_F(PostgresExporterTest, RowsAreStreamedInTheDocumentsTransactionAndRolledBack) {
  Document doc;
  doc.source.path = "largo.txt";
  doc.source.sha256 = std::string(64, 'b');
  Action action;
  action.nombre = "Acción";
  action.meta = std::string(200, 'm');
  Activity activity;
  activity.actividad = std::string(200, 'a');
  action.activities.assign(10, activity);
  // What the other session sees: the exporter's locks on tables it wrote rows into.
  const std::string locked =
      "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
      "WHERE c.relname = 'actividades' AND l.mode = 'RowExclusiveLock' AND l.pid <> "
      "pg_backend_pid()";
  exporters::ExportOptions options;
  options.db_conninfo = url();
  const auto out = exporters::make_exporter(Format::kPostgres, options);
  out->begin();
  doc.actions.push_back(action);
  out->write(doc, "x");  // a first conversion, one action
  DocumentHead other = doc.head();
  other.source.sha256 = std::string(64, 'c');
  for (const DocumentHead* head : {&other, &doc.head()}) {  // new bytes, then the same again
    out->begin_document(*head, "x");
    if (head == &other) {
      EXPECT_EQ(PgRows(url()).rows(locked), (DbTable{{"0"}}));
    }
    for (int i = 0; i < 200; ++i) out->write_action(action);  // ~500 KiB of COPY text
    EXPECT_EQ(PgRows(url()).rows(locked), (DbTable{{"1"}})) << "rows still held by the client";
    out->abort_document();
  }
  out->finish();
  EXPECT_EQ(PgRows(url()).rows("SELECT count(*) FROM documentos"), (DbTable{{"1"}}));
  EXPECT_EQ(PgRows(url()).rows("SELECT count(*) FROM acciones"), (DbTable{{"1"}}));
  EXPECT_EQ(PgRows(url()).rows("SELECT count(*) FROM actividades"), (DbTable{{"10"}}));
}

// A server that goes away mid-batch: one line naming the database and the reason; the other
// formats still get every document (or, with the database alone, the batch stops at once).
TEST_F(PostgresExporterTest, LostServerIsOneLineAndTheOtherFormatsGoOn) {
  struct Case {
    std::string name;
    std::vector<Format> formats;
    unsigned jobs;
    std::string says;       // the one line's end
    std::size_t converted;  // of the 5 inputs
    std::size_t jsons;
  };
  std::vector<fs::path> files;  // five copies of one dump
  for (int i = 0; i < 5; ++i) {
    files.push_back(dir_ / ("in-" + std::to_string(i) + ".txt"));
    fs::copy_file(kMixedBatch[0], files.back());
  }
  const std::string goes_on =
      " y las entradas siguientes no se escriben en esa salida (sí en las demás)";
  const std::vector<Case> cases = {
      {"json and database, -j 1", {Format::kJson, Format::kPostgres}, 1, goes_on, 5, 5},
      {"json and database, -j 2", {Format::kJson, Format::kPostgres}, 2, goes_on, 5, 5},
      {"database alone, -j 1",
       {Format::kPostgres},
       1,
       "se detiene el lote: " + files[1].string() +
           " y las 3 entradas siguientes quedan sin "
           "convertir",
       1,
       0},
  };
  const fs::path pg = dir_ / "pg";  // a server of this test's own, stopped mid-batch
  const std::string start = test::shell_quote(POA_SOURCE_DIR "/tests/postgres_server.sh") +
                            " start " + test::shell_quote(pg.string());
  const std::string stop = test::shell_quote(POA_SOURCE_DIR "/tests/postgres_server.sh") +
                           " stop " + test::shell_quote(pg.string());
  for (const Case& c : cases) {
    int status = 0;
    const std::string log = test::run_command(start + " 2>&1", &status);
    ASSERT_EQ(status, 0) << log;
    std::string socket = test::read_file(pg / "server");
    socket.erase(socket.find('\n'));
    job::BatchOptions options;
    options.quiet = true;
    options.formats = c.formats;
    options.jobs = c.jobs;
    options.export_options.out_dir = dir_ / "lost";
    options.export_options.db_conninfo = "postgresql://poa_test@/postgres?host=" + socket;
    fs::remove_all(options.export_options.out_dir);
    std::atomic<int> opened = 0;
    options.open = [&](const fs::path& file, const job::ConvertOptions& convert) {
      // The second input is opened once the first went (or, with -j 2, is going) to the server.
      if (++opened == 2) test::run_command(stop + " 2>&1");
      return extractor::open_source(
          file, extractor::OpenOptions{convert.password, convert.max_input_bytes, {}, {}});
    };
    std::ostringstream err;
    const job::BatchResult result = job::run_convert(files, options, err);
    const std::string text = err.str();
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n') - static_cast<long>(result.converted), 1)
        << c.name << ": " << text;
    EXPECT_NE(text.find("poa: error: postgresql://poa_test@/postgres?host=" + socket +
                        ": no se pudo escribir: se perdió la conexión con el servidor"),
              std::string::npos)
        << c.name << ": " << text;
    EXPECT_NE(text.find(c.says), std::string::npos) << c.name << ": " << text;
    EXPECT_TRUE(result.output_failed) << c.name;
    EXPECT_EQ(result.converted, c.converted) << c.name << ": " << text;
    std::size_t jsons = 0;
    if (fs::exists(options.export_options.out_dir))
      for (const auto& e : fs::directory_iterator(options.export_options.out_dir))
        jsons += e.path().extension() == ".json" ? 1 : 0;
    EXPECT_EQ(jsons, c.jsons) << c.name << ": " << text;
    test::run_command(stop + " 2>&1");
  }
}

// docs/database.md's ten queries run on both databases, with the same number of rows; those
// whose columns are counts and text give the same rows.
TEST_F(PostgresExporterTest, DocumentedQueriesRunOnBothDatabases) {
  const std::string doc = test::read_file("docs/database.md");
  const std::size_t start = doc.find("```sql", doc.find("## Ten example queries"));
  ASSERT_NE(start, std::string::npos);
  const std::string block = doc.substr(start + 6, doc.find("```", start + 6) - start - 6);
  std::vector<std::string> queries;
  for (std::size_t at = 0, end; (end = block.find(';', at)) != std::string::npos; at = end + 1)
    queries.push_back(block.substr(at, end - at));
  ASSERT_EQ(queries.size(), 10U) << block;

  const fs::path sqlite = dir_ / "poa.sqlite";
  std::string err;
  EXPECT_EQ(convert(kMixedBatch, {Format::kSqlite, Format::kPostgres}, err,
                    [&](job::ConvertJob& j) { j.db = sqlite; }),
            job::ExitCode::kInputFailed)
      << err;
  const PgRows pg(url());
  const test::SqliteRows lite(sqlite);
  const std::vector<std::size_t> same_rows = {0, 5, 8, 9};  // queries 1, 6, 9 and 10
  for (std::size_t i = 0; i < queries.size(); ++i) {
    DbTable a = lite.rows(queries[i]);
    DbTable b = pg.rows(queries[i]);
    EXPECT_EQ(a.size(), b.size()) << "query " << i + 1 << queries[i];
    if (std::find(same_rows.begin(), same_rows.end(), i) == same_rows.end()) continue;
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    EXPECT_EQ(a, b) << "query " << i + 1 << queries[i];
  }
  EXPECT_FALSE(pg.rows(queries[0]).empty());
}

TEST_F(PostgresExporterTest, ServerItCannotUseIsOneLineAndNothingWritten) {
  struct Case {
    std::string name;
    std::string conninfo;
    std::string shown;  // as the line names the database: no password
    std::string says;
    std::string prepare;  // SQL run first on the test's database
  };
  const std::string host = "?host=" + server();
  const std::string db = database_;
  const std::vector<Case> cases = {
      {"no server", "postgresql://poa_test@/poa?host=/nonexistent",
       "postgresql://poa_test@/poa?host=/nonexistent",
       "no se pudo conectar: el servidor no responde", ""},
      {"closed port", "postgresql://poa_test@127.0.0.1:1/poa",
       "postgresql://poa_test@127.0.0.1:1/poa", "no se pudo conectar: el servidor no responde", ""},
      {"wrong password", "postgresql://poa_clave:mala@/" + db + host,
       "postgresql://poa_clave@/" + db + host, "no se pudo conectar: falló la autenticación", ""},
      {"password in the query", "postgresql://poa_clave@/" + db + host + "&password=mala",
       "postgresql://poa_clave@/" + db + host, "falló la autenticación", ""},
      {"keyword string", "host=" + server() + " user=poa_clave password='mal a' dbname=" + db,
       "host=" + server() + " user=poa_clave dbname=" + db, "falló la autenticación", ""},
      {"no such database", url("no_existe"), url("no_existe"), "la base de datos no existe", ""},
      {"permission denied", url(db, "poa_lector"), url(db, "poa_lector"),
       "no se pudo crear el esquema: permiso denegado", ""},
      {"newer schema", url(), url(), "la creó una versión más nueva de poa (esquema 99",
       "CREATE TABLE poa_esquema (version INTEGER); INSERT INTO poa_esquema VALUES (99)"},
  };
  for (const Case& c : cases) {
    if (!c.prepare.empty()) PgRows(url()).exec(c.prepare);
    std::string err;
    EXPECT_EQ(convert({kMixedBatch[0]}, {Format::kJson, Format::kPostgres}, err,
                      [&](job::ConvertJob& j) { j.db_conninfo = c.conninfo; }),
              job::ExitCode::kInputFailed)
        << c.name;
    EXPECT_TRUE(err.starts_with("poa: error: " + c.shown + ": ")) << c.name << ": " << err;
    EXPECT_NE(err.find(c.says), std::string::npos) << c.name << ": " << err;
    EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << c.name << ": " << err;
    EXPECT_EQ(err.find("mal"), std::string::npos) << c.name << ": " << err;
    EXPECT_FALSE(fs::exists(dir_ / "out" / "sample_secretaria_planeacion" / "input.json"))
        << c.name;
    // Nothing half-written: no table of poa's but what the case made.
    EXPECT_EQ(PgRows(url()).rows("SELECT to_regclass('documentos') IS NULL"), (DbTable{{"t"}}))
        << c.name;
  }
}

// `poa convert --db` takes a PostgreSQL URI (its password included) or keyword string in place
// of the SQLite file, with or without --format.
TEST_F(PostgresExporterTest, CommandLineDbTakesAConninfoInPlaceOfTheSqliteFile) {
  struct Case {
    std::vector<std::string> args;
    std::vector<std::string> outputs;  // OUTDIR's files after the run
  };
  PgRows(url()).exec("GRANT CREATE ON SCHEMA public TO poa_clave");
  const std::string with_password =
      "postgresql://poa_clave:secreta@/" + database_ + "?host=" + server();
  const std::string keywords = "host=" + server() + " dbname=" + database_ + " user=poa_test";
  const std::vector<Case> cases = {
      {{"--db", with_password}, {}},
      {{"--format", "json,sqlite", "--db", keywords}, {"input.json", "manifest.csv"}},
      {{"--format", "sqlite", "--db", url(), "--incremental"}, {}},
  };
  for (const Case& c : cases) {
    const fs::path out = dir_ / "cli";
    fs::remove_all(out);
    std::string cmd = test::shell_quote(POA_BINARY) + " convert " +
                      test::shell_quote(kMixedBatch[0].string()) + " -o " +
                      test::shell_quote(out.string()) + " -q";
    for (const std::string& a : c.args) cmd += " " + test::shell_quote(a);
    cmd += " 2>" + test::shell_quote((dir_ / "stderr").string());
    const int status = std::system(cmd.c_str());
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << cmd << "\n"
                                                               << test::read_file(dir_ / "stderr");
    std::vector<std::string> files;
    if (fs::exists(out))
      for (const auto& e : fs::directory_iterator(out)) files.push_back(e.path().filename());
    std::sort(files.begin(), files.end());
    EXPECT_EQ(files, c.outputs) << cmd;
    EXPECT_EQ(PgRows(url()).rows("SELECT count(*) FROM documentos"), (DbTable{{"1"}})) << cmd;
  }
}

// A database of schema version 1 (no documentos.municipio) is brought to this version, in both.
TEST_F(PostgresExporterTest, OlderSchemaIsMigratedInBothDatabases) {
  const fs::path sqlite = dir_ / "v1.sqlite";
  {
    sqlite3* db = nullptr;
    sqlite3_open(sqlite.c_str(), &db);
    const std::string v1 = exporters::migration_steps(exporters::Dialect::kSqlite).at(0) +
                           "PRAGMA application_id = 1347371313; PRAGMA user_version = 1;";
    EXPECT_EQ(sqlite3_exec(db, v1.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  PgRows(url()).exec(exporters::migration_steps(exporters::Dialect::kPostgres).at(0) +
                     "CREATE TABLE poa_esquema (version INTEGER NOT NULL);"
                     "INSERT INTO poa_esquema VALUES (1);");
  std::string err;
  EXPECT_EQ(convert({kMixedBatch[0]}, {Format::kSqlite, Format::kPostgres}, err,
                    [&](job::ConvertJob& j) {
                      j.db = sqlite;
                      j.input.read.municipio = "Tepic";
                    }),
            job::ExitCode::kOk)
      << err;
  const std::string query = "SELECT municipio FROM documentos";
  EXPECT_EQ(test::SqliteRows(sqlite).rows(query), (DbTable{{"Tepic"}}));
  EXPECT_EQ(test::SqliteRows(sqlite).rows("PRAGMA user_version"),
            (DbTable{{std::to_string(exporters::kDatabaseSchemaVersion)}}));
  EXPECT_EQ(PgRows(url()).rows(query), (DbTable{{"Tepic"}}));
  EXPECT_EQ(PgRows(url()).rows("SELECT version FROM poa_esquema"),
            (DbTable{{std::to_string(exporters::kDatabaseSchemaVersion)}}));
}

TEST(PostgresConninfoTest, PasswordsAreLeftOutOfMessagesAndOnlyConninfosArePostgres) {
  struct Case {
    std::string db;
    bool postgres;
    std::string shown;
  };
  const std::vector<Case> cases = {
      {"postgresql://ana:s3cr%40to@db.example.org:5432/poa", true,
       "postgresql://ana@db.example.org:5432/poa"},
      {"postgres://ana@db/poa?sslmode=require&password=x&connect_timeout=3", true,
       "postgres://ana@db/poa?sslmode=require&connect_timeout=3"},
      {"postgresql:///poa?host=/run/postgresql", true, "postgresql:///poa?host=/run/postgresql"},
      {"postgresql://db:5432/poa", true, "postgresql://db:5432/poa"},
      {"host=db user=ana password=secreto dbname=poa", true, "host=db user=ana dbname=poa"},
      {"dbname=poa password = 'con espacio \\' y comilla' port=5432", true, "dbname=poa port=5432"},
      {"poa.sqlite", false, ""},
      {"out/host=x.sqlite", false, ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(exporters::is_postgres_conninfo(c.db), c.postgres) << c.db;
    if (c.postgres) {
      EXPECT_EQ(exporters::redacted_conninfo(c.db), c.shown) << c.db;
    }
  }
}

}  // namespace
}  // namespace poa
