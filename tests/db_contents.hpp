// What the SQLite and PostgreSQL exporter tests share: the mixed batch, and the field-by-field
// comparison of a database's rows with the JSON of the same run (one code for both databases).
#pragma once

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "job/convert.hpp"
#include "test_files.hpp"

namespace poa::test {

// Text dumps, PDFs, a file refused at once and one refused after its first actions went out (the
// indicator report: its transaction is rolled back).
inline const std::vector<std::filesystem::path> kMixedBatch = {
    "fixtures/text/sample/sample_secretaria_planeacion/input.txt",
    "fixtures/pdf/long_table_repeated_header/input.pdf",
    "fixtures/errors/not_a_poa_text/input.txt",
    "fixtures/errors/mir_indicator_report/input.txt",
    "fixtures/text/money",
    "fixtures/pdf/landscape_legal/input.pdf",
    "fixtures/text/unrecognized",
    "fixtures/errors/pdf_damaged/input.pdf",
};

using DbTable = std::vector<std::vector<std::string>>;

// A database read as text: every row of a query, each column as text, "∅" for NULL.
class DbRows {
 public:
  virtual ~DbRows() = default;
  // `sql` may have one `?`, bound to the integer `arg`.
  virtual DbTable rows(const std::string& sql, std::optional<std::int64_t> arg = {}) const = 0;
};

// A SQLite database read through a read-only connection.
class SqliteRows final : public DbRows {
 public:
  explicit SqliteRows(const std::filesystem::path& path) {
    sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr);
  }
  ~SqliteRows() { sqlite3_close_v2(db_); }
  SqliteRows(const SqliteRows&) = delete;
  SqliteRows& operator=(const SqliteRows&) = delete;

  DbTable rows(const std::string& sql, std::optional<std::int64_t> arg = {}) const override {
    DbTable out;
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
  explicit JsonFromDb(const DbRows& db) : db_(db) {}

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

  const DbRows& db_;
};

// An object whose members are all null is null (the tables flatten both to NULL columns).
inline void fold_null_objects(rapidjson::Value& v) {
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

// Every JSON under `out` has its document in the database, field for field; returns how many
// documents were compared.
inline std::size_t expect_database_holds_the_json(const DbRows& db,
                                                  const std::filesystem::path& out) {
  JsonFromDb rebuild(db);
  std::size_t compared = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(out)) {
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

// The row counts of every table, then each document's id and sha256: what a re-run must leave.
inline DbTable db_state(const DbRows& db) {
  DbTable state = db.rows(
      "SELECT (SELECT count(*) FROM documentos), (SELECT count(*) FROM acciones), "
      "(SELECT count(*) FROM actividades), (SELECT count(*) FROM programacion_mensual), "
      "(SELECT count(*) FROM partidas), (SELECT count(*) FROM avisos), "
      "(SELECT count(*) FROM no_reconocido)");
  for (auto& row : db.rows("SELECT id, sha256 FROM documentos ORDER BY id"))
    state.push_back(std::move(row));
  return state;
}

// Runs `poa convert` on `inputs` into `out` (the job, as the CLI would); `err` gets its stderr.
inline job::ExitCode convert_into(const std::filesystem::path& out,
                                  const std::vector<std::filesystem::path>& inputs,
                                  std::vector<exporters::Format> formats, std::string& err,
                                  const std::function<void(job::ConvertJob&)>& tweak = {}) {
  job::ConvertJob job;
  job.inputs = inputs;
  job.output = out;
  job.formats = std::move(formats);
  if (tweak) tweak(job);
  std::ostringstream stream;
  const job::ExitCode code = job::run(job, stream);
  err = stream.str();
  return code;
}

}  // namespace poa::test
