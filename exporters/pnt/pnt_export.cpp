// Binding records to template columns, the CSV view and the `poa pnt` job.
#include "exporters/pnt/pnt_export.hpp"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <ostream>
#include <set>

#include "model/diagnostic.hpp"

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
OutCell to_cell(const Value& v, Field field, const TemplateColumn& col,
                std::vector<std::string>& warnings) {
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
    warnings.push_back("«" + text + "» no está en el catálogo de «" + col.header + "» (" + list +
                       "); la celda queda vacía");
    return {};
  }
  return OutCell::text_cell(text);
}

OutRow bind_row(const std::vector<TemplateColumn>& cols,
                const std::map<int, std::optional<Field>>& fields, const Values& values,
                std::vector<std::string>& warnings) {
  int width = 0;
  for (const auto& c : cols) width = std::max(width, c.index + 1);
  OutRow row(static_cast<std::size_t>(width));
  for (const TemplateColumn& col : cols) {
    const auto& f = fields.at(col.index);
    if (!f) continue;
    const auto it = values.find(*f);
    if (it != values.end())
      row[static_cast<std::size_t>(col.index)] = to_cell(it->second, *f, col, warnings);
  }
  return row;
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
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
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
    out.main.push_back(bind_row(layout.main.columns, main_fields, record.values, out.warnings));
    for (const auto& [id, sheet] : layout.subtables)
      for (const Values& sub : record.sub_rows)
        out.subtables[id].push_back(bind_row(sheet.columns, sub_fields[id], sub, out.warnings));
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
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_field(cells[i]);
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

namespace {

// Folders are recursed (regular files, sorted, hidden ones and our own outputs skipped);
// files named on the command line are taken as given.
std::vector<std::filesystem::path> expand(const std::vector<std::filesystem::path>& inputs,
                                          std::vector<std::string>& errors) {
  namespace fs = std::filesystem;
  std::vector<fs::path> out;
  for (const fs::path& in : inputs) {
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      std::vector<fs::path> found;
      for (auto it = fs::recursive_directory_iterator(in, ec); !ec && it != fs::end(it);
           it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        const std::string ext = it->path().extension().string();
        if (it->is_regular_file() && ext != ".csv" && ext != ".xlsx") found.push_back(it->path());
      }
      if (ec) errors.push_back(in.string() + ": no se puede recorrer la carpeta: " + ec.message());
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::exists(in, ec)) {
      out.push_back(in);
    } else {
      errors.push_back(in.string() + ": no existe");
    }
  }
  return out;
}

void write_text_atomically(const std::filesystem::path& path, const std::string& text) {
  const std::filesystem::path dir = path.parent_path().empty() ? "." : path.parent_path();
  const std::filesystem::path tmp =
      dir / ("." + path.filename().string() + ".tmp-" + std::to_string(::getpid()));
  {
    std::ofstream f(tmp, std::ios::binary);
    f << text;
    if (!f.flush()) {
      std::error_code ec;
      std::filesystem::remove(tmp, ec);
      throw std::runtime_error(path.string() + ": no se puede escribir");
    }
  }
  std::filesystem::rename(tmp, path);
}

}  // namespace

int run_pnt(const PntJob& job, const DocumentLoader& load, std::ostream& err) {
  namespace fs = std::filesystem;
  // The template first: a refused template must cost nothing and leave no output.
  std::optional<XlsxTemplate> tmpl;
  TemplateLayout layout;
  fs::path builtin_tmp;
  try {
    if (job.template_path) {
      tmpl = XlsxTemplate::open(*job.template_path);
      layout = tmpl->layout();
      if (auto why = check_template_fits(layout, job.fraccion)) {
        err << "poa pnt: " << job.template_path->string() << ": " << *why << "\n";
        return 2;
      }
    } else {
      layout = builtin_layout(job.fraccion);
    }
  } catch (const std::exception& e) {
    err << "poa pnt: " << e.what() << "\n";
    return 2;
  }

  int status = 0;
  std::vector<std::string> errors;
  const std::vector<fs::path> files = expand(job.inputs, errors);
  std::vector<Document> docs;
  for (const fs::path& f : files) {
    try {
      docs.push_back(load(f));
    } catch (const InputError& e) {
      errors.push_back(format_origin(e.diagnostic().origin.file.empty() ? Origin{f.string()}
                                                                        : e.diagnostic().origin) +
                       ": " + e.diagnostic().message);
    } catch (const std::exception& e) {
      errors.push_back(f.string() + ": " + e.what());
    }
  }
  for (const std::string& e : errors) err << "poa pnt: " << e << "\n";
  if (!errors.empty()) status = 1;
  if (docs.empty()) {
    err << "poa pnt: ninguna entrada se pudo leer; no se escribió " << job.output.string() << "\n";
    return 1;
  }

  const Table table = build_table(job.fraccion, docs, job.settings);
  const BoundTables bound = bind_table(layout, table);
  std::vector<fs::path> written;
  try {
    if (job.format == OutputFormat::kCsv) {
      write_text_atomically(job.output, sheet_csv(layout.main, bound.main));
      written.push_back(job.output);
      for (const auto& [id, sheet] : layout.subtables) {
        fs::path sub = job.output;
        sub.replace_filename(job.output.stem().string() + "_" + sheet.name + ".csv");
        write_text_atomically(sub, sheet_csv(sheet, bound.subtables.at(id)));
        written.push_back(sub);
      }
    } else {
      if (!tmpl) {
        const fs::path dir = job.output.parent_path().empty() ? "." : job.output.parent_path();
        builtin_tmp = dir / ("." + job.output.filename().string() + ".blank-" +
                             std::to_string(::getpid()) + ".xlsx");
        write_builtin_template(job.fraccion, builtin_tmp);
        tmpl = XlsxTemplate::open(builtin_tmp);
      }
      tmpl->write_filled(job.output, bound.main, bound.subtables);
      written.push_back(job.output);
    }
  } catch (const std::exception& e) {
    std::error_code ec;
    if (!builtin_tmp.empty()) fs::remove(builtin_tmp, ec);
    err << "poa pnt: " << e.what() << "\n";
    return 2;
  }
  std::error_code ec;
  if (!builtin_tmp.empty()) fs::remove(builtin_tmp, ec);

  for (const std::string& n : table.notes) err << "poa pnt: aviso: " << n << "\n";
  for (const std::string& w : bound.warnings) err << "poa pnt: aviso: " << w << "\n";
  if (!bound.empty_columns.empty()) {
    err << "poa pnt: columnas sin datos (el POA y los ajustes no las llenan):\n";
    for (const std::string& c : bound.empty_columns) err << "  - " << c << "\n";
  }
  std::size_t sub_rows = 0;
  for (const auto& [id, rows] : bound.subtables) sub_rows += rows.size();
  err << "poa pnt: fracción " << fraccion_name(job.fraccion) << ": " << bound.main.size()
      << " registros";
  if (!layout.subtables.empty()) err << " y " << sub_rows << " filas de subtabla";
  err << " de " << docs.size() << " de " << files.size() << " entradas; "
      << bound.empty_columns.size() << " columnas vacías; escrito " << written.front().string()
      << (job.template_path ? " (plantilla " + job.template_path->filename().string() + ")"
                            : std::string(" (diseño integrado 2018–2022)"))
      << "\n";
  return status;
}

}  // namespace poa::exporters::pnt
