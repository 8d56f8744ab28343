// The SQLite exporter (`--format sqlite`, `--db FILE`): every document of a batch into one
// database, one transaction per document, its rows keyed by the input's sha256.
#pragma once

#include <filesystem>
#include <memory>
#include <set>
#include <string>

#include "exporters/db_schema.hpp"
#include "exporters/exporter.hpp"

namespace poa::exporters {

// The schema this build writes (PRAGMA user_version); docs/database.md describes it.
inline constexpr int kSqliteSchemaVersion = kDatabaseSchemaVersion;
inline constexpr const char* kSqliteName = "poa.sqlite";

// The database a run writes: `options.db_path`, else OUTDIR/poa.sqlite.
std::filesystem::path sqlite_path(const ExportOptions& options);

// Writes each document in one transaction: its earlier rows (same sha256) are deleted and the new
// ones inserted, so converting a file again leaves the same rows; a document refused part-way is
// rolled back. begin() opens or creates the database and brings its schema to this version
// (migrations run in one transaction); a database that is locked by another process, read-only,
// not SQLite, not poa's or of a newer schema throws OutputError (one Spanish line naming the file)
// and nothing is written.
std::unique_ptr<Exporter> make_sqlite_exporter(const ExportOptions& options);

// The sha256 of every document the database holds (`--incremental`); empty when the file does
// not exist. Throws OutputError as begin() does when it cannot be read.
std::set<std::string> sqlite_known_documents(const std::filesystem::path& db);

}  // namespace poa::exporters
