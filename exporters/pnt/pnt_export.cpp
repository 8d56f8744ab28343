// Binding records to template columns, the CSV view, and writing the tables.
#include "exporters/pnt/pnt_export.hpp"

#include <algorithm>
#include <set>
#include <string_view>
#include <utility>

#include "exporters/atomic_file.hpp"
#include "exporters/csv_records.hpp"
#include "exporters/formula_guard.hpp"

namespace poa::exporters::pnt {
namespace {

bool is_date_type(const std::string& t) {
  return t == "4" || t == "13";
}
bool is_number_type(const std::string& t) {
  return t == "3" || t == "6" || t == "10" || t == "12";
}

std::string value_text(const Value& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* d = std::get_if<Decimal>(&v)) return d->to_string();
  if (const auto* dt = std::get_if<Date>(&v)) return format_date(*dt);
  return std::to_string(std::get<std::int64_t>(v));
}

// One value into one column, typed by the column's code.
// Where a cell lands, for the warnings about it.
struct CellPlace {
  const TemplateSheet& sheet;
  int row;  // 1-based sheet row
};

OutCell to_cell(const Value& v, Field field, const TemplateColumn& col, const CellPlace& at,
                Diagnostics& warnings) {
  if (is_date_type(col.type_code)) {
    if (const auto* dt = std::get_if<Date>(&v)) return OutCell::date(excel_serial(*dt));
    if (const auto* s = std::get_if<std::string>(&v))
      if (const auto d = parse_date(*s)) return OutCell::date(excel_serial(*d));
    return OutCell::text_cell(value_text(v));
  }
  // Sub-table ids link rows by integer; the ID column of Tabla_<id> has no type code.
  if (is_number_type(col.type_code) || field == Field::kSubId || field == Field::kSubtabla) {
    if (const auto* d = std::get_if<Decimal>(&v)) return OutCell::number(d->to_string());
    if (const auto* i = std::get_if<std::int64_t>(&v)) return OutCell::number(std::to_string(*i));
    if (const auto* s = std::get_if<std::string>(&v))
      if (const auto d = Decimal::parse_plain(*s)) return OutCell::number(d->to_string());
    return OutCell::text_cell(value_text(v));
  }
  const std::string text = value_text(v);
  if (col.type_code == "9" && !col.catalogue.empty()) {
    const std::string folded = fold_header(text);
    for (const std::string& allowed : col.catalogue)
      if (fold_header(allowed) == folded) return OutCell::text_cell(allowed);
    std::string list;
    for (const std::string& allowed : col.catalogue) list += (list.empty() ? "" : ", ") + allowed;
    warnings.push_back(diag::make(DiagnosticCode::kSipotNotInCatalogue, Severity::kWarning,
                                  "«" + text + "» no está en el catálogo de «" + col.header +
                                      "» (" + list + "); la celda queda vacía",
                                  Origin{at.sheet.name, {}, at.row, col.index + 1}, text));
    return {};
  }
  return OutCell::text_cell(text);
}

// The sheet's next row (`rows` so far) from `values`.
void bind_row(const TemplateSheet& sheet, const std::map<int, std::optional<Field>>& fields,
              const Values& values, std::vector<OutRow>& rows, Diagnostics& warnings) {
  int width = 0;
  for (const auto& c : sheet.columns) width = std::max(width, c.index + 1);
  OutRow row(static_cast<std::size_t>(width));
  const CellPlace at{sheet, sheet.first_data_row + static_cast<int>(rows.size())};
  for (const TemplateColumn& col : sheet.columns) {
    const auto& f = fields.at(col.index);
    if (!f) continue;
    const auto it = values.find(*f);
    if (it != values.end())
      row[static_cast<std::size_t>(col.index)] = to_cell(it->second, *f, col, at, warnings);
  }
  rows.push_back(std::move(row));
}

void list_empty(const TemplateSheet& sheet, const std::vector<OutRow>& rows,
                std::vector<std::string>& out) {
  for (const TemplateColumn& col : sheet.columns) {
    if (col.header.empty()) continue;
    const bool filled = std::any_of(rows.begin(), rows.end(), [&](const OutRow& r) {
      return static_cast<std::size_t>(col.index) < r.size() &&
             r[static_cast<std::size_t>(col.index)].kind != OutCell::Kind::kEmpty;
    });
    if (!filled) {
      std::string header = col.header;
      std::replace(header.begin(), header.end(), '\n', ' ');
      out.push_back(sheet.name + ": " + header);
    }
  }
}

std::string csv_field(std::string text) {
  // OWASP: a leading ' makes spreadsheets take the field as text (CSV has no cell types).
  if (looks_like_formula(text)) text.insert(text.begin(), '\'');
  return csv_quoted(text);
}

// A template's sheet name as part of a file name: never a path. Excel forbids / \ ? * [ ] : in
// sheet names, but a hostile template may hold any of them (`Tabla_x/../../ESCAPED`): those and
// control characters become `_`; a leading dot gets a `_` before it (no hidden or `..` name).
std::string file_name_part(const std::string& sheet_name) {
  constexpr std::string_view kNotInNames = "/\\?*[]:\"<>|";
  std::string out = sheet_name;
  for (char& c : out) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F || kNotInNames.find(c) != std::string_view::npos) c = '_';
  }
  if (out.empty() || out[0] == '.') out.insert(out.begin(), '_');
  if (out.size() > 120) {
    std::size_t cut = 120;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out;
}

// Excel serial -> dd/mm/aaaa, for the CSV view.
std::string serial_text(std::int64_t serial) {
  // Howard Hinnant's civil_from_days; serial 25569 is 1970-01-01, and 719468 shifts the
  // epoch to 0000-03-01.
  const std::int64_t z = serial - 25569 + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2));
  return format_date(Date{y, m, d});
}

}  // namespace

BoundTables bind_table(const TemplateLayout& layout, const Table& table) {
  BoundTables out;
  std::map<int, std::optional<Field>> main_fields;
  for (const TemplateColumn& col : layout.main.columns)
    main_fields[col.index] = match_main_header(col.header, col.type_code);
  std::map<std::string, std::map<int, std::optional<Field>>> sub_fields;
  for (const auto& [id, sheet] : layout.subtables) {
    for (const TemplateColumn& col : sheet.columns)
      sub_fields[id][col.index] = match_sub_header(col.header);
    out.subtables[id];  // every sub-table sheet is written, even with no rows
  }
  for (const Record& record : table.records) {
    bind_row(layout.main, main_fields, record.values, out.main, out.warnings);
    for (const auto& [id, sheet] : layout.subtables)
      for (const Values& sub : record.sub_rows)
        bind_row(sheet, sub_fields[id], sub, out.subtables[id], out.warnings);
  }
  list_empty(layout.main, out.main, out.empty_columns);
  for (const auto& [id, sheet] : layout.subtables)
    list_empty(sheet, out.subtables[id], out.empty_columns);
  return out;
}

std::optional<std::string> check_template_fits(const TemplateLayout& layout, Fraccion fraccion) {
  std::set<Field> fields;
  for (const TemplateColumn& col : layout.main.columns)
    if (const auto f = match_main_header(col.header, col.type_code)) fields.insert(*f);
  const std::string which = std::string("la fracción ") + fraccion_name(fraccion);
  switch (fraccion) {
    case Fraccion::kIV:
      if (!fields.count(Field::kSubtabla) || layout.subtables.empty())
        return "la plantilla no parece de " + which +
               " (no tiene la columna de la tabla de indicadores y metas)";
      break;
    case Fraccion::kV:
    case Fraccion::kVI:
      if (!fields.count(Field::kIndicador))
        return "la plantilla no parece de " + which + " (no tiene la columna del indicador)";
      if (fraccion == Fraccion::kVI && !fields.count(Field::kPrograma))
        return "la plantilla no parece de " + which + " (no tiene «Nombre del programa»)";
      if (fields.count(Field::kSubtabla))
        return "la plantilla no parece de " + which + " (tiene una subtabla, como la fracción IV)";
      break;
  }
  return std::nullopt;
}

std::string sheet_csv(const TemplateSheet& sheet, const std::vector<OutRow>& rows) {
  std::string out = "\xEF\xBB\xBF";
  int width = 0;
  for (const auto& c : sheet.columns) width = std::max(width, c.index + 1);
  std::vector<std::string> header(static_cast<std::size_t>(width));
  for (const auto& c : sheet.columns) header[static_cast<std::size_t>(c.index)] = c.header;
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i)
      out.append(i ? "," : "").append(csv_field(cells[i]));
    out += "\r\n";
  };
  line(header);
  for (const OutRow& row : rows) {
    std::vector<std::string> cells(static_cast<std::size_t>(width));
    for (std::size_t i = 0; i < row.size() && i < cells.size(); ++i) {
      const OutCell& c = row[i];
      if (c.kind == OutCell::Kind::kDate)
        cells[i] = serial_text(c.serial);
      else
        cells[i] = c.text;
    }
    line(cells);
  }
  return out;
}

std::vector<std::filesystem::path> write_tables(const TemplateLayout& layout,
                                                const XlsxTemplate* tmpl, Fraccion fraccion,
                                                const BoundTables& bound, OutputFormat format,
                                                const std::filesystem::path& output) {
  namespace fs = std::filesystem;
  std::vector<fs::path> written;
  if (format == OutputFormat::kCsv) {
    auto write_csv = [&](const fs::path& path, const std::string& text) {
      AtomicFile file(path);
      file.write(text);
      written.push_back(file.commit());
    };
    write_csv(output, sheet_csv(layout.main, bound.main));
    for (const auto& [id, sheet] : layout.subtables) {
      fs::path sub = output;
      sub.replace_filename(output.stem().string() + "_" + file_name_part(sheet.name) + ".csv");
      write_csv(sub, sheet_csv(sheet, bound.subtables.at(id)));
    }
    return written;
  }
  if (tmpl) {
    tmpl->write_filled(output, bound.main, bound.subtables);
    return {output};
  }
  // The built-in layout goes through the same template filling as a user's template. The blank
  // is a temporary file, never committed: it goes when `blank` does (or on SIGINT/SIGTERM). It
  // is made in the system's temporary folder, where libxlsxwriter keeps its own work files: a
  // full or read-only output folder is then reported by our own writer, in one line.
  AtomicFile blank(fs::temp_directory_path() / "poa-pnt-blank.xlsx");
  write_builtin_template(fraccion, blank.temp_path());
  XlsxTemplate::open(blank.temp_path()).write_filled(output, bound.main, bound.subtables);
  return {output};
}

}  // namespace poa::exporters::pnt
