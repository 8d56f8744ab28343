// The PostgreSQL exporter (`--db postgresql://…`): the SQLite exporter's schema and rows in a
// PostgreSQL database through libpq, one transaction per document, rows loaded with COPY. libpq
// is in the module poa_postgres.so (postgres_exporter.cpp), loaded by the first begin() or
// postgres_known_documents() (model/module_loader.hpp says where it is looked for); a module
// that cannot be loaded is an OutputError naming its file and dlerror()'s reason.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "exporters/exporter.hpp"

namespace poa::exporters {

// Whether `--db` names a PostgreSQL database rather than a SQLite file: a `postgresql://` or
// `postgres://` URI, or a libpq keyword string (`host=/run/postgresql dbname=poa`).
bool is_postgres_conninfo(std::string_view db);

// The connection string as messages show it: the URI's or keyword string's password removed.
std::string redacted_conninfo(std::string_view conninfo);

// Writes each document (options.db_conninfo) in one transaction: its earlier rows (same sha256)
// are deleted and the new ones streamed with COPY as they come (at most ~256 KiB held), so
// converting a file again leaves the same rows; a document refused part-way is rolled back. A
// connection lost while writing throws OutputLost. begin() connects and brings the schema (table
// poa_esquema) to this version in one transaction; a server it cannot reach, a failed
// authentication, a permission denied or a schema of a newer poa throws OutputError (one Spanish
// line naming the database without its password) and nothing is written.
std::unique_ptr<Exporter> make_postgres_exporter(const ExportOptions& options);

// The sha256 of every document the database holds (`--incremental`); empty when it has no poa
// schema yet. Throws OutputError as begin() does when it cannot connect.
std::set<std::string> postgres_known_documents(const std::string& conninfo);

// What poa_postgres.so's entry gives (model/module_loader.hpp): the two functions above, loaded.
struct PostgresModule {
  int abi = 0;  // kPostgresModuleAbi
  std::unique_ptr<Exporter> (*make_exporter)(const ExportOptions& options) = nullptr;
  std::set<std::string> (*known_documents)(const std::string& conninfo) = nullptr;
};
inline constexpr int kPostgresModuleAbi = 1;
inline constexpr const char* kPostgresModuleName = "poa_postgres";

}  // namespace poa::exporters
