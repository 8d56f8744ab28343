// Lookup in CONAC's Clasificador por Objeto del Gasto, parsed once from the embedded CSV.
#include "normalizer/budget_catalogue.hpp"

#include <string>
#include <unordered_map>
#include <vector>

namespace poa::normalizer {

// Generated at build time from normalizer/data/cog-clasificador-objeto-gasto.csv.
extern const char kCogCatalogueCsv[];

namespace {

// Splits RFC 4180 CSV into records of fields (quoted fields may hold commas, doubled quotes
// and line breaks). The catalogue is trusted build input, so there is no error reporting.
std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool in_quotes = false;
  bool record_has_content = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"') {
      in_quotes = true;
      record_has_content = true;
    } else if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
      record_has_content = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (record_has_content || !field.empty()) {
        record.push_back(std::move(field));
        records.push_back(std::move(record));
      }
      field.clear();
      record.clear();
      record_has_content = false;
    } else {
      field += c;
      record_has_content = true;
    }
  }
  if (record_has_content || !field.empty()) {
    record.push_back(std::move(field));
    records.push_back(std::move(record));
  }
  return records;
}

struct Catalogue {
  std::unordered_map<std::string, std::string> genericas;  // "211" -> its name
};

const Catalogue& catalogue() {
  // A function-local static: parsed on first use, thread-safe since C++11.
  static const Catalogue kCatalogue = [] {
    Catalogue c;
    const auto records = parse_csv(kCogCatalogueCsv);
    for (std::size_t r = 1; r < records.size(); ++r) {  // record 0 is the header
      const auto& rec = records[r];
      if (rec.size() < 3) continue;
      if (rec[2] == "partida_generica") c.genericas.emplace(rec[0], rec[1]);
    }
    return c;
  }();
  return kCatalogue;
}

}  // namespace

std::optional<BudgetItem> find_budget_item(std::string_view codigo) {
  if (codigo.size() < 3 || codigo.size() > 5) return std::nullopt;
  for (const char ch : codigo) {
    if (ch < '0' || ch > '9') return std::nullopt;
  }
  const std::string generica(codigo.substr(0, 3));
  const auto it = catalogue().genericas.find(generica);
  if (it == catalogue().genericas.end()) return std::nullopt;
  BudgetItem item;
  item.codigo = std::string(codigo);
  item.generica = generica;
  item.generica_nombre = it->second;
  item.concepto = generica.substr(0, 2) + "00";
  item.capitulo = generica.substr(0, 1) + "000";
  return item;
}

}  // namespace poa::normalizer
