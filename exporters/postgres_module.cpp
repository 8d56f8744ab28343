// The PostgreSQL exporter as poa_exporters has it without libpq: the connection string's checks,
// and the exporter that loads poa_postgres.so (postgres_exporter.cpp) at its begin() and hands
// every call on to the module's.
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "exporters/postgres_exporter.hpp"
#include "model/module_loader.hpp"
#include "model/os_error.hpp"

namespace poa::exporters {
namespace {

// The end of a URI's password-bearing parts: drops `:password` from the user info and a
// `password=` parameter from the query.
std::string redacted_uri(std::string_view uri) {
  std::string out(uri);
  const std::size_t start = out.find("://") + 3;
  const std::size_t authority_end = std::min(out.find_first_of("/?", start), out.size());
  const std::size_t at = out.rfind('@', authority_end);
  if (at != std::string::npos && at >= start) {
    const std::size_t colon = out.find(':', start);
    if (colon < at) out.erase(colon, at - colon);
  }
  const std::size_t query = out.find('?');
  if (query == std::string::npos) return out;
  std::string kept;
  std::string_view params = std::string_view(out).substr(query + 1);
  while (!params.empty()) {
    const std::size_t amp = std::min(params.find('&'), params.size());
    const std::string_view param = params.substr(0, amp);
    if (!param.starts_with("password=")) kept.append(kept.empty() ? "" : "&").append(param);
    params.remove_prefix(std::min(amp + 1, params.size()));
  }
  return out.substr(0, query) + (kept.empty() ? "" : "?" + kept);
}

// A keyword string without its `password = value` (value quoted or not).
std::string redacted_keywords(std::string_view conninfo) {
  std::string out;
  std::size_t i = 0;
  while (i < conninfo.size()) {
    const std::size_t start = i;
    while (i < conninfo.size() && conninfo[i] != '=' && conninfo[i] != ' ') ++i;
    const std::string_view key = conninfo.substr(start, i - start);
    while (i < conninfo.size() && (conninfo[i] == ' ' || conninfo[i] == '=')) ++i;
    if (i < conninfo.size() && conninfo[i] == '\'') {
      for (++i; i < conninfo.size() && conninfo[i] != '\''; ++i)
        if (conninfo[i] == '\\') ++i;
      ++i;
    } else {
      for (; i < conninfo.size() && conninfo[i] != ' '; ++i)
        if (conninfo[i] == '\\') ++i;
    }
    const std::size_t end = std::min(i, conninfo.size());
    if (key != "password" && !key.empty())
      out.append(out.empty() ? "" : " ").append(conninfo.substr(start, end - start));
    while (i < conninfo.size() && conninfo[i] == ' ') ++i;
  }
  return out;
}

// The module, loaded once; an OutputError naming the database when it cannot be.
const PostgresModule& postgres_module(const std::string& conninfo) {
  try {
    return *static_cast<const PostgresModule*>(
        load_module(kPostgresModuleName, kPostgresModuleAbi));
  } catch (const ModuleUnavailable& e) {
    throw OutputError(redacted_conninfo(conninfo), "no se puede usar PostgreSQL", e.what());
  }
}

// Loads the module at begin(), so that a run without PostgreSQL never does and a missing module
// is reported where a connection failure is.
class LoadingPostgresExporter final : public Exporter {
 public:
  explicit LoadingPostgresExporter(ExportOptions options) : options_(std::move(options)) {}

  void begin() override {
    if (!inner_) inner_ = postgres_module(options_.db_conninfo).make_exporter(options_);
    inner_->begin();
  }
  void write(const Document& doc, const std::string& stem) override { inner_->write(doc, stem); }
  void begin_document(const DocumentHead& head, const std::string& stem) override {
    inner_->begin_document(head, stem);
  }
  void write_action(const Action& action) override { inner_->write_action(action); }
  void end_document(const DocumentTail& tail) override { inner_->end_document(tail); }
  void abort_document() noexcept override {
    if (inner_) inner_->abort_document();
  }
  void refused_input(const Diagnostic& why) override {
    if (inner_) inner_->refused_input(why);
  }
  std::vector<std::filesystem::path> finish() override {
    return inner_ ? inner_->finish() : std::vector<std::filesystem::path>{};
  }

 private:
  ExportOptions options_;
  std::unique_ptr<Exporter> inner_;
};

}  // namespace

bool is_postgres_conninfo(std::string_view db) {
  if (db.starts_with("postgresql://") || db.starts_with("postgres://")) return true;
  for (const std::string_view key : {"host=", "hostaddr=", "port=", "dbname=", "user=", "service="})
    if (db.starts_with(key)) return true;
  return false;
}

std::string redacted_conninfo(std::string_view conninfo) {
  return conninfo.find("://") != std::string_view::npos ? redacted_uri(conninfo)
                                                        : redacted_keywords(conninfo);
}

std::unique_ptr<Exporter> make_postgres_exporter(const ExportOptions& options) {
  return std::make_unique<LoadingPostgresExporter>(options);
}

std::set<std::string> postgres_known_documents(const std::string& conninfo) {
  return postgres_module(conninfo).known_documents(conninfo);
}

}  // namespace poa::exporters
