// The database schema shared by the SQLite and PostgreSQL exporters (docs/database.md): one
// table of tables and columns, written out as DDL in either dialect, and its migration steps.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace poa::exporters {

// The schema version this build writes; docs/database.md describes it.
inline constexpr int kDatabaseSchemaVersion = 2;

enum class Dialect { kSqlite, kPostgres };

// What a column holds; each dialect has its own type for it.
enum class ColumnType {
  kId,       // the table's own key, given by the database
  kInteger,  // counts, years, pages, foreign keys
  kText,
  kDecimal,  // an exact decimal: TEXT as the JSON writes it (SQLite), NUMERIC (PostgreSQL)
  kCents,    // money as an integer number of cents
};

struct Column {
  std::string_view name;
  ColumnType type;
  std::string_view constraints = {};  // "NOT NULL", "REFERENCES …", "CHECK (…)", same in both
  int since = 1;                      // the schema version that added it
};

// The tables, in the order rows are written (a row's foreign keys point to earlier tables).
enum class TableId {
  kDocumentos,
  kAcciones,
  kActividades,
  kProgramacionMensual,
  kPartidas,
  kAvisos,
  kNoReconocido,
};
inline constexpr std::size_t kTableCount = 7;

struct Table {
  TableId id;
  std::string_view name;
  std::vector<Column> columns;        // the first is `id` (ColumnType::kId) when it has one
  std::string_view primary_key = {};  // a composite key, for a table without `id`
};

// Every table, indexed by TableId.
const std::array<Table, kTableCount>& schema_tables();
const Table& schema_table(TableId id);

// The columns a row of `table` gives, in order: all but `id`, at this schema version.
std::vector<std::string_view> row_columns(const Table& table);

// migration_steps(d)[v] brings a database of schema version v to v + 1: tables, indexes and
// views that version added, ALTER TABLE … ADD COLUMN for columns it added to older tables. A
// later version appends its step and never changes an earlier one.
std::vector<std::string> migration_steps(Dialect dialect);

// Why a database of a newer schema `version` is refused, in the words of both exporters.
std::string newer_schema_reason(long long version);

}  // namespace poa::exporters
