// The SQLite exporter: a mixed batch holds in the database exactly what its JSON holds, a re-run
// leaves the same rows, --incremental skips what is there, and a database poa cannot write is
// one line with nothing written.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "exporters/sqlite_exporter.hpp"
#include "job/convert.hpp"
#include "test_files.hpp"

namespace poa {
namespace {

namespace fs = std::filesystem;
using test::read_file;

// Text dumps, PDFs, a file refused at once and one refused after its first actions went out (the
// indicator report: its transaction is rolled back).
const std::vector<fs::path> kMixedBatch = {
    "fixtures/text/sample/sample_secretaria_planeacion/input.txt",
    "fixtures/pdf/long_table_repeated_header/input.pdf",
    "fixtures/errors/not_a_poa_text/input.txt",
    "fixtures/errors/mir_indicator_report/input.txt",
    "fixtures/text/money",
    "fixtures/pdf/landscape_legal/input.pdf",
    "fixtures/text/unrecognized",
    "fixtures/errors/pdf_damaged/input.pdf",
};

// A read-only connection and one-line queries over it.
class Db {
 public:
  explicit Db(const fs::path& path) {
    sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr);
  }
  ~Db() { sqlite3_close_v2(db_); }
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Every row of `sql` (bound to the integer `arg` when it has a `?`), each column as text, "∅"
  // for NULL.
  std::vector<std::vector<std::string>> rows(const std::string& sql,
                                             std::optional<std::int64_t> arg = {}) const {
    std::vector<std::vector<std::string>> out;
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db_) << "\n"
        << sql;
    if (arg) sqlite3_bind_int64(stmt, 1, *arg);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
        row.emplace_back(text ? text : "∅");
      }
      out.push_back(std::move(row));
    }
    sqlite3_finalize(stmt);
    return out;
  }

 private:
  sqlite3* db_ = nullptr;
};

// Rebuilds a document's JSON from its rows, in the contract's shape (schema/poa.schema.json):
// decimals go in as their exact text, NULL as null.
class JsonFromDb {
 public:
  explicit JsonFromDb(const Db& db) : db_(db) {}

  std::string document(const std::string& sha256) {
    const auto docs = db_.rows(
        "SELECT id, archivo, tipo, sha256, paginas, codificacion, ejercicio, municipio "
        "FROM documentos "
        "WHERE sha256 = '" +
        sha256 + "'");
    if (docs.size() != 1) return "{}";
    const auto& d = docs[0];
    const std::int64_t id = std::stoll(d[0]);
    std::string j = "{\"schema_version\":1,\"fuente\":{\"archivo\":" + text(d[1]) +
                    ",\"tipo\":" + text(d[2]) + ",\"sha256\":" + text(d[3]) +
                    ",\"paginas\":" + raw(d[4]) + ",\"codificacion\":" + text(d[5]) +
                    "},\"ejercicio\":" + raw(d[6]) + ",\"municipio\":" + text(d[7]) +
                    ",\"acciones\":[";
    const auto actions = db_.rows(
        "SELECT id, numero, nombre, secretaria, principio_rector, linea_estrategica_codigo, "
        "linea_estrategica_nombre, estrategia_codigo, estrategia_nombre, meta, proposito, "
        "beneficiarios_mujeres, beneficiarios_hombres, beneficiarios_total, "
        "inversion_aproximada, pagina, linea FROM acciones WHERE documento_id = ? ORDER BY "
        "ordinal",
        id);
    for (std::size_t i = 0; i < actions.size(); ++i) j += (i ? "," : "") + action(actions[i]);
    j += "],\"avisos\":" + diagnostics("documento_id = ? AND accion_id IS NULL", id) +
         ",\"no_reconocido\":[";
    const auto unrecognized = db_.rows(
        "SELECT texto, pagina, linea FROM no_reconocido WHERE documento_id = ? ORDER BY ordinal",
        id);
    for (std::size_t i = 0; i < unrecognized.size(); ++i) {
      const auto& u = unrecognized[i];
      j += std::string(i ? "," : "") + "{\"texto\":" + text(u[0]) +
           ",\"origen\":" + origin(u[1], u[2]) + "}";
    }
    return j + "]}";
  }

 private:
  static std::string raw(const std::string& v) { return v == "∅" ? "null" : v; }
  static std::string text(const std::string& v) {
    if (v == "∅") return "null";
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.String(v.c_str(), static_cast<rapidjson::SizeType>(v.size()));
    return buf.GetString();
  }
  static std::string origin(const std::string& page, const std::string& line) {
    return "{\"pagina\":" + raw(page) + ",\"linea\":" + raw(line) + "}";
  }
  // {codigo, nombre} or {mujeres, hombres, total}: null when every part is.
  static std::string object(const std::vector<std::pair<std::string, std::string>>& parts) {
    std::string j;
    bool any = false;
    for (const auto& [key, value] : parts) {
      j += (j.empty() ? "{\"" : ",\"") + key + "\":" + value;
      any = any || value != "null";
    }
    return any ? j + "}" : "null";
  }

  std::string diagnostics(const std::string& where, std::int64_t id) {
    const auto rows =
        db_.rows("SELECT codigo, severidad, mensaje, pagina, linea FROM avisos WHERE " + where +
                     " ORDER BY ordinal",
                 id);
    std::string j = "[";
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto& r = rows[i];
      j += std::string(i ? "," : "") + "{\"codigo\":" + text(r[0]) +
           ",\"severidad\":" + text(r[1]) + ",\"mensaje\":" + text(r[2]) +
           ",\"origen\":" + origin(r[3], r[4]) + "}";
    }
    return j + "]";
  }

  std::string action(const std::vector<std::string>& a) {
    const std::int64_t id = std::stoll(a[0]);
    std::string j =
        "{\"numero\":" + raw(a[1]) + ",\"nombre\":" + text(a[2]) + ",\"secretaria\":" + text(a[3]) +
        ",\"principio_rector\":" + text(a[4]) +
        ",\"linea_estrategica\":" + object({{"codigo", text(a[5])}, {"nombre", text(a[6])}}) +
        ",\"estrategia\":" + object({{"codigo", text(a[7])}, {"nombre", text(a[8])}}) +
        ",\"meta\":" + text(a[9]) + ",\"proposito\":" + text(a[10]) + ",\"beneficiarios\":" +
        object({{"mujeres", raw(a[11])}, {"hombres", raw(a[12])}, {"total", raw(a[13])}}) +
        ",\"inversion_aproximada\":" + raw(a[14]) + ",\"partidas_presupuestales\":[";
    const auto partidas =
        db_.rows("SELECT partida FROM partidas WHERE accion_id = ? ORDER BY ordinal", id);
    for (std::size_t i = 0; i < partidas.size(); ++i) j += (i ? "," : "") + text(partidas[i][0]);
    j += "],\"actividades\":[";
    const auto activities = db_.rows(
        "SELECT id, actividad, area_responsable, unidad_medida, inversion, indicador, "
        "programacion_anual, pagina, linea FROM actividades WHERE accion_id = ? ORDER BY ordinal",
        id);
    for (std::size_t i = 0; i < activities.size(); ++i) {
      const auto& t = activities[i];
      std::vector<std::string> months(12, "null");
      for (const auto& m : db_.rows("SELECT mes, valor FROM programacion_mensual WHERE "
                                    "actividad_id = ? ORDER BY mes",
                                    std::stoll(t[0])))
        months.at(std::stoul(m[0]) - 1) = m[1];
      std::string mensual;
      for (const std::string& m : months) mensual += (mensual.empty() ? "" : ",") + m;
      j += std::string(i ? "," : "") + "{\"actividad\":" + text(t[1]) +
           ",\"area_responsable\":" + text(t[2]) + ",\"unidad_medida\":" + text(t[3]) +
           ",\"inversion\":" + raw(t[4]) + ",\"indicador\":" + text(t[5]) +
           ",\"programacion_anual\":" + raw(t[6]) + ",\"programacion_mensual\":[" + mensual +
           "],\"origen\":" + origin(t[7], t[8]) + "}";
    }
    return j + "],\"origen\":" + origin(a[15], a[16]) +
           ",\"avisos\":" + diagnostics("accion_id = ?", id) + "}";
  }

  const Db& db_;
};

// An object whose members are all null is null (the tables flatten both to NULL columns).
void fold_null_objects(rapidjson::Value& v) {
  if (v.IsArray()) {
    for (auto& e : v.GetArray()) fold_null_objects(e);
  } else if (v.IsObject()) {
    bool all_null = v.MemberCount() > 0;
    for (auto& m : v.GetObject()) {
      fold_null_objects(m.value);
      all_null = all_null && m.value.IsNull();
    }
    if (all_null) v.SetNull();
  }
}

class SqliteExporterTest : public testing::Test {
 protected:
  void SetUp() override { dir_ = test::fresh_test_dir("poa_sqlite"); }
  void TearDown() override { fs::remove_all(dir_); }

  job::ExitCode convert(const std::vector<fs::path>& inputs, std::vector<exporters::Format> formats,
                        std::string& err, const std::function<void(job::ConvertJob&)>& tweak = {}) {
    job::ConvertJob job;
    job.inputs = inputs;
    job.output = dir_ / "out";
    job.formats = std::move(formats);
    if (tweak) tweak(job);
    std::ostringstream stream;
    const job::ExitCode code = job::run(job, stream);
    err = stream.str();
    return code;
  }

  // Every JSON the run wrote has its document in the database, field for field; returns how
  // many documents were compared.
  std::size_t expect_database_holds_the_json(const fs::path& db_path) {
    const Db db(db_path);
    JsonFromDb rebuild(db);
    std::size_t compared = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir_ / "out")) {
      if (e.path().extension() != ".json") continue;
      rapidjson::Document json;
      json.Parse(read_file(e.path()).c_str());
      EXPECT_FALSE(json.HasParseError()) << e.path();
      const std::string sha = json["fuente"]["sha256"].GetString();
      const std::string text = rebuild.document(sha);
      rapidjson::Document from_db;
      from_db.Parse(text.c_str());
      EXPECT_FALSE(from_db.HasParseError()) << text;
      fold_null_objects(json);
      fold_null_objects(from_db);
      EXPECT_TRUE(json == from_db) << e.path() << "\nfrom the database:\n" << text;
      ++compared;
    }
    return compared;
  }

  fs::path dir_;
};

TEST_F(SqliteExporterTest, MixedBatchHoldsWhatTheJsonHoldsAndAReRunLeavesTheSameRows) {
  const fs::path db = dir_ / "out" / exporters::kSqliteName;
  const std::string counts =
      "SELECT (SELECT count(*) FROM documentos), (SELECT count(*) FROM acciones), "
      "(SELECT count(*) FROM actividades), (SELECT count(*) FROM programacion_mensual), "
      "(SELECT count(*) FROM partidas), (SELECT count(*) FROM avisos), "
      "(SELECT count(*) FROM no_reconocido), (SELECT group_concat(id || sha256) FROM documentos)";
  std::vector<std::vector<std::string>> first_counts;
  // One job streams action by action (the refused report is rolled back part-way); three read
  // whole documents on threads. Both must leave the same rows.
  for (const unsigned jobs : {1U, 3U}) {
    std::string err;
    EXPECT_EQ(convert(kMixedBatch, {exporters::Format::kJson, exporters::Format::kSqlite}, err,
                      [&](job::ConvertJob& j) { j.jobs = jobs; }),
              job::ExitCode::kInputFailed)
        << err;
    EXPECT_NE(err.find("NOT_A_POA"), std::string::npos) << err;
    EXPECT_GE(expect_database_holds_the_json(db), 5U);
    const auto now = Db(db).rows(counts);
    if (first_counts.empty()) {
      first_counts = now;
      EXPECT_EQ(Db(db).rows("SELECT count(*) FROM documentos WHERE archivo LIKE '%mir%'"),
                (std::vector<std::vector<std::string>>{{"0"}}));
    }
    EXPECT_EQ(now, first_counts) << "-j " << jobs;
  }
  EXPECT_EQ(
      Db(db).rows("PRAGMA user_version"),
      (std::vector<std::vector<std::string>>{{std::to_string(exporters::kSqliteSchemaVersion)}}));
  // Money: the exact text and the cents agree.
  EXPECT_EQ(Db(db).rows("SELECT count(*) FROM actividades WHERE inversion IS NOT NULL AND "
                        "CAST(round(CAST(inversion AS REAL) * 100) AS INTEGER) "
                        "IS NOT inversion_centavos"),
            (std::vector<std::vector<std::string>>{{"0"}}));
}

TEST_F(SqliteExporterTest, IncrementalSkipsWhatTheDatabaseHolds) {
  const fs::path db = dir_ / "elsewhere.sqlite";
  const auto with_db = [&](job::ConvertJob& j) {
    j.db = db;
    j.incremental = true;
  };
  std::string err;
  const std::vector<fs::path> first = {kMixedBatch[0]};
  EXPECT_EQ(convert(first, {exporters::Format::kSqlite}, err, with_db), job::ExitCode::kOk) << err;
  EXPECT_EQ(convert({kMixedBatch[0], kMixedBatch[1]}, {exporters::Format::kSqlite}, err, with_db),
            job::ExitCode::kOk);
  EXPECT_NE(err.find(kMixedBatch[0].string() + ": ya está en la base"), std::string::npos) << err;
  EXPECT_EQ(err.find(kMixedBatch[0].string() + ": 8 acciones"), std::string::npos) << err;
  EXPECT_NE(err.find(kMixedBatch[1].string() + ": 1 acciones"), std::string::npos) << err;
  EXPECT_EQ(Db(db).rows("SELECT count(*) FROM documentos"),
            (std::vector<std::vector<std::string>>{{"2"}}));
  EXPECT_FALSE(fs::exists(dir_ / "out" / exporters::kSqliteName));
}

TEST_F(SqliteExporterTest, DatabaseItCannotWriteIsOneLineAndNothingWritten) {
  struct Case {
    std::string name;
    std::function<void(const fs::path&)> make;  // prepares the database file
    std::string says;
  };
  const auto sql = [](const fs::path& path, const std::string& statements) {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db, statements.c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
  };
  const std::vector<Case> cases = {
      {"damaged", [](const fs::path& p) { std::ofstream(p) << std::string(4096, 'x'); },
       "no es una base SQLite o está dañada"},
      {"foreign", [&](const fs::path& p) { sql(p, "CREATE TABLE t (x);"); },
       "es una base SQLite de otro programa"},
      {"newer",
       [&](const fs::path& p) {
         sql(p, "PRAGMA application_id = 1347371313; PRAGMA user_version = 99; CREATE TABLE t(x);");
       },
       "la creó una versión más nueva de poa (esquema 99"},
  };
  for (const Case& c : cases) {
    const fs::path db = dir_ / (c.name + ".sqlite");
    c.make(db);
    const std::string before = read_file(db);
    std::string err;
    EXPECT_EQ(convert({kMixedBatch[0]}, {exporters::Format::kJson, exporters::Format::kSqlite}, err,
                      [&](job::ConvertJob& j) { j.db = db; }),
              job::ExitCode::kInputFailed)
        << c.name;
    EXPECT_TRUE(err.starts_with("poa: error: " + db.string() + ": ")) << c.name << ": " << err;
    EXPECT_NE(err.find(c.says), std::string::npos) << c.name << ": " << err;
    EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << c.name << ": " << err;
    EXPECT_EQ(read_file(db), before) << c.name;
    EXPECT_FALSE(fs::exists(dir_ / "out" / "sample_secretaria_planeacion" / "input.json"))
        << c.name;
  }
}

TEST_F(SqliteExporterTest, LockedDatabaseIsOneLineAndLeftAsItWas) {
  const fs::path db = dir_ / "locked.sqlite";
  std::string err;
  ASSERT_EQ(convert({kMixedBatch[0]}, {exporters::Format::kSqlite}, err,
                    [&](job::ConvertJob& j) { j.db = db; }),
            job::ExitCode::kOk)
      << err;
  // Another program holds a write lock throughout the run.
  sqlite3* other = nullptr;
  sqlite3_open(db.c_str(), &other);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
  EXPECT_EQ(convert({kMixedBatch[1]}, {exporters::Format::kSqlite}, err,
                    [&](job::ConvertJob& j) { j.db = db; }),
            job::ExitCode::kInputFailed);
  EXPECT_NE(err.find(db.string() + ": no se pudo abrir: la base está bloqueada por otro proceso"),
            std::string::npos)
      << err;
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  EXPECT_EQ(Db(db).rows("SELECT count(*) FROM documentos"),
            (std::vector<std::vector<std::string>>{{"1"}}));
}

}  // namespace
}  // namespace poa
