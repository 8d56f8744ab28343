// The CSV files poa writes (RFC 4180), field by field: quoting a field, and reading records and
// their fields back (for `--append` and the manifest).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace poa::exporters {

// `text` as one field: as it is, or in double quotes (inner ones doubled) when it holds a comma, a
// double quote or a line break. No formula defusing: callers decide that.
std::string csv_quoted(std::string_view text);

// The records of `text` (a leading UTF-8 BOM skipped), each with its line break, in order; a
// quoted field may hold line breaks. A last record without a line break is still returned.
std::vector<std::string_view> csv_records(std::string_view text);

// The fields of one record, unquoted (`"a ""b"""` -> `a "b"`), its line break dropped.
std::vector<std::string> csv_fields(std::string_view record);

// The first field of a record as written (still quoted, if it was): two records of the same
// input have byte-equal first fields because one writer wrote both.
std::string_view csv_first_field(std::string_view record);

}  // namespace poa::exporters
