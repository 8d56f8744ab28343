// RFC 4180 records and fields, read back from the CSV files poa wrote.
#include "exporters/csv_records.hpp"

namespace poa::exporters {

std::string csv_quoted(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::vector<std::string_view> csv_records(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<std::string_view> records;
  bool quoted = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') quoted = !quoted;  // "" inside quotes toggles twice: no change
    if (c == '\n' && !quoted) {
      records.push_back(text.substr(start, i + 1 - start));
      start = i + 1;
    }
  }
  if (start < text.size()) records.push_back(text.substr(start));
  return records;
}

std::vector<std::string> csv_fields(std::string_view record) {
  while (!record.empty() && (record.back() == '\n' || record.back() == '\r'))
    record.remove_suffix(1);
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < record.size(); ++i) {
    const char c = record[i];
    if (quoted) {
      if (c != '"') {
        fields.back() += c;
      } else if (i + 1 < record.size() && record[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

std::string_view csv_first_field(std::string_view record) {
  bool quoted = false;
  for (std::size_t i = 0; i < record.size(); ++i) {
    const char c = record[i];
    if (c == '"') quoted = !quoted;
    if (!quoted && (c == ',' || c == '\r' || c == '\n')) return record.substr(0, i);
  }
  return record;
}

}  // namespace poa::exporters
