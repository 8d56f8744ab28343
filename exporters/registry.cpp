// The exporter registry: a format is an enum value plus one line here.
#include <string_view>

#include "exporters/csv_exporter.hpp"
#include "exporters/exporter.hpp"
#include "exporters/html/html_exporter.hpp"
#include "exporters/json_exporter.hpp"
#include "exporters/postgres_exporter.hpp"
#include "exporters/sqlite_exporter.hpp"

namespace poa::exporters {

std::optional<Format> format_from_name(std::string_view name) {
  if (name == "json") return Format::kJson;
  if (name == "csv") return Format::kCsv;
  if (name == "sqlite") return Format::kSqlite;
  if (name == "html") return Format::kHtml;
  return std::nullopt;
}

const char* format_name(Format f) {
  switch (f) {
    case Format::kJson:
      return "json";
    case Format::kCsv:
      return "csv";
    case Format::kSqlite:
      return "sqlite";
    case Format::kHtml:
      return "html";
    case Format::kPostgres:
      return "postgresql";
  }
  return "";
}

std::unique_ptr<Exporter> make_exporter(Format format, const ExportOptions& options) {
  switch (format) {
    case Format::kJson:
      return make_json_exporter(options);
    case Format::kCsv:
      return make_csv_exporter(options);
    case Format::kSqlite:
      return make_sqlite_exporter(options);
    case Format::kHtml:
      return make_html_exporter(options);
    case Format::kPostgres:
      return make_postgres_exporter(options);
  }
  return nullptr;
}

}  // namespace poa::exporters
