// What the SQLite and PostgreSQL exporters share: a document turned into rows of the schema's
// tables (exporters/db_schema.hpp), handed to a back-end that stores them in one transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "exporters/db_schema.hpp"
#include "exporters/exporter.hpp"

namespace poa::exporters {

// A value of a row: NULL, an integer, or text (exact decimals are their text, as the JSON writes
// them).
using DbValue = std::variant<std::monostate, std::int64_t, std::string>;
// One row, in the order of row_columns(table): every column but `id`.
using DbRow = std::vector<DbValue>;

// The exporter's streaming calls, written once: a back-end gives the transaction and the rows'
// storage. Calls come from one thread.
class DatabaseExporter : public Exporter {
 public:
  void begin_document(const DocumentHead& head, const std::string& stem) final;
  void write_action(const Action& action) final;
  void end_document(const DocumentTail& tail) final;
  void abort_document() noexcept final;

 protected:
  // Opens the document's transaction and drops the rows of an earlier conversion of the same
  // bytes; returns that document's id (kept by the new rows), nullopt when it is new.
  virtual std::optional<std::int64_t> start_document(const std::string& sha256) = 0;
  // Adds a row to `table` (with `id` when given, else a new one) and returns its id (0 for a
  // table without one).
  virtual std::int64_t insert(TableId table, const DbRow& row, std::optional<std::int64_t> id) = 0;
  // The document is complete: its rows are stored (committed) together.
  virtual void commit_document() = 0;
  // Drops whatever the open document stored, as if it had never begun.
  virtual void rollback_document() noexcept = 0;

  // True once a document was committed.
  bool wrote() const { return wrote_; }

 private:
  void write_diagnostics(const Diagnostics& list, std::optional<std::int64_t> action_id);

  bool open_ = false;
  bool wrote_ = false;
  std::int64_t document_id_ = 0;
  std::int64_t ordinal_ = 0;
  std::string archivo_;
};

}  // namespace poa::exporters
