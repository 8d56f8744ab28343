// The SQLite exporter: a mixed batch holds in the database exactly what its JSON holds, a re-run
// leaves the same rows, --incremental skips what is there, and a database poa cannot write is
// one line with nothing written.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "db_contents.hpp"
#include "exporters/sqlite_exporter.hpp"
#include "job/convert.hpp"
#include "test_files.hpp"

namespace poa {
namespace {

namespace fs = std::filesystem;
using test::read_file;

using test::DbTable;
using test::kMixedBatch;

using Db = test::SqliteRows;

class SqliteExporterTest : public testing::Test {
 protected:
  void SetUp() override { dir_ = test::fresh_test_dir("poa_sqlite"); }
  void TearDown() override { fs::remove_all(dir_); }

  job::ExitCode convert(const std::vector<fs::path>& inputs, std::vector<exporters::Format> formats,
                        std::string& err, const std::function<void(job::ConvertJob&)>& tweak = {}) {
    return test::convert_into(dir_ / "out", inputs, std::move(formats), err, tweak);
  }

  fs::path dir_;
};

TEST_F(SqliteExporterTest, MixedBatchHoldsWhatTheJsonHoldsAndAReRunLeavesTheSameRows) {
  const fs::path db = dir_ / "out" / exporters::kSqliteName;
  DbTable first_counts;
  // One job streams action by action (the refused report is rolled back part-way); three read
  // whole documents on threads. Both must leave the same rows.
  for (const unsigned jobs : {1U, 3U}) {
    std::string err;
    EXPECT_EQ(convert(kMixedBatch, {exporters::Format::kJson, exporters::Format::kSqlite}, err,
                      [&](job::ConvertJob& j) { j.input.jobs = jobs; }),
              job::ExitCode::kInputFailed)
        << err;
    EXPECT_NE(err.find("NOT_A_POA"), std::string::npos) << err;
    EXPECT_GE(test::expect_database_holds_the_json(Db(db), dir_ / "out"), 5U);
    const auto now = test::db_state(Db(db));
    if (first_counts.empty()) {
      first_counts = now;
      EXPECT_EQ(Db(db).rows("SELECT count(*) FROM documentos WHERE archivo LIKE '%mir%'"),
                (DbTable{{"0"}}));
    }
    EXPECT_EQ(now, first_counts) << "-j " << jobs;
  }
  EXPECT_EQ(Db(db).rows("PRAGMA user_version"),
            (DbTable{{std::to_string(exporters::kSqliteSchemaVersion)}}));
  // Money: the exact text and the cents agree.
  EXPECT_EQ(Db(db).rows("SELECT count(*) FROM actividades WHERE inversion IS NOT NULL AND "
                        "CAST(round(CAST(inversion AS REAL) * 100) AS INTEGER) "
                        "IS NOT inversion_centavos"),
            (DbTable{{"0"}}));
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
  EXPECT_EQ(Db(db).rows("SELECT count(*) FROM documentos"), (DbTable{{"2"}}));
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
  EXPECT_EQ(Db(db).rows("SELECT count(*) FROM documentos"), (DbTable{{"1"}}));
}

}  // namespace
}  // namespace poa
