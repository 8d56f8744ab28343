// SIPOT template I/O: minizip for the package, pugixml for the parts we read or fill.
#include "exporters/pnt/xlsx_template.hpp"

#include "exporters/atomic_file.hpp"
#include "exporters/formula_guard.hpp"

#include <minizip/zip.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <set>
#include <sstream>

#include "exporters/pnt/pnt_model.hpp"
#include "model/os_error.hpp"
#include "zip/archive.hpp"
#include "zip/xml.hpp"

namespace poa::exporters::pnt {
namespace {

using ZipEntry = zip::Entry;
using xml::child;
using xml::children;
using xml::column_letters;
using xml::local_name;

// The prefix ("" or "x:") the part's root uses, for the elements we create.
std::string prefix_of(const pugi::xml_document& doc) {
  std::string_view s = doc.document_element().name();
  const auto colon = s.find(':');
  return colon == std::string_view::npos ? "" : std::string(s.substr(0, colon + 1));
}

// "AB12" -> (row 12, column index 27). Returns false when it is not a cell reference within
// Excel's grid.
bool parse_ref(std::string_view ref, int& row, int& col) {
  const std::optional<xml::CellRef> cell = xml::parse_cell_ref(ref);
  if (!cell) return false;
  row = cell->row;
  col = cell->column;
  return true;
}

// What a template may hold once inflated. SIPOT's templates are tens of KiB; these bounds keep a
// hostile one (a zip bomb, a 60 MiB sharedStrings) to a few hundred MiB of work at most. A
// second entry of one name is dropped (only the first is copied into our output).
constexpr zip::Limits kTemplateLimits{.max_entries = 4096,
                                      .max_entry_bytes = std::uint64_t{8} << 20,
                                      .max_total_bytes = std::uint64_t{32} << 20,
                                      .keep_first_of_repeated_names = true};

bool is_xml_part(std::string_view name) {
  return name.ends_with(".xml") || name.ends_with(".rels") || name.ends_with(".vml");
}

std::vector<ZipEntry> read_zip(const std::filesystem::path& path) {
  const std::string file = path.string();
  std::vector<ZipEntry> entries;
  try {
    entries = zip::Archive::open(path, kTemplateLimits).read_all();
  } catch (const zip::ArchiveError& e) {
    throw TemplateError(file + ": no es un archivo .xlsx legible: " + e.what() +
                        "; no parece un formato de SIPOT");
  }
  // A DOCTYPE (entity declarations) is no part of SpreadsheetML: removed, so it is neither
  // parsed nor copied into our output.
  for (ZipEntry& e : entries) {
    if (is_xml_part(e.name) && !xml::strip_doctype(e.data))
      throw TemplateError(file + ": XML no válido en " + e.name + " (DOCTYPE sin cerrar)");
  }
  return entries;
}

// A parsed worksheet's cells as text (shared strings resolved), for the rows we analyse.
using CellText = std::map<std::pair<int, int>, std::string>;

}  // namespace

struct XlsxTemplate::Impl {
  std::filesystem::path path;
  std::vector<ZipEntry> entries;
  std::vector<std::string> shared_strings;
  std::string styles_part;
  TemplateLayout layout;

  const ZipEntry* find(std::string_view name) const {
    for (const auto& e : entries)
      if (e.name == name) return &e;
    return nullptr;
  }

  [[noreturn]] void fail(const std::string& why) const {
    throw TemplateError(path.string() + ": " + why);
  }

  void load_xml(std::string_view part, pugi::xml_document& doc) const {
    const ZipEntry* e = find(part);
    if (!e) fail("falta la parte " + std::string(part));
    try {
      xml::load(doc, e->data, part);
    } catch (const xml::XmlError& err) {
      fail(err.what());
    }
  }

  CellText read_cells(const pugi::xml_document& sheet) const {
    CellText cells;
    for (pugi::xml_node row : children(child(sheet.document_element(), "sheetData"), "row")) {
      for (pugi::xml_node c : children(row, "c")) {
        int r = 0, col = 0;
        if (!parse_ref(c.attribute("r").value(), r, col)) continue;
        const std::string_view t = c.attribute("t").value();
        std::string text;
        if (t == "s") {
          const auto idx = static_cast<std::size_t>(child(c, "v").text().as_ullong(~0ull));
          if (idx < shared_strings.size()) text = shared_strings[idx];
        } else if (t == "inlineStr") {
          text = xml::string_item_text(child(c, "is"));
        } else {
          text = child(c, "v").text().get();
        }
        if (!text.empty()) cells[{r, col}] = text;
      }
    }
    return cells;
  }

  static std::string at(const CellText& cells, int row, int col) {
    const auto it = cells.find({row, col});
    return it == cells.end() ? std::string() : it->second;
  }

  // Reads the columns of a sheet from its type-code, field-id and header rows.
  static std::vector<TemplateColumn> columns_of(const CellText& cells, int types_row, int ids_row,
                                                int header_row) {
    int last = -1;
    for (const auto& [key, text] : cells)
      if (key.first == header_row) last = std::max(last, key.second);
    std::vector<TemplateColumn> cols;
    for (int c = 0; c <= last; ++c) {
      TemplateColumn tc;
      tc.index = c;
      tc.type_code = at(cells, types_row, c);
      tc.field_id = at(cells, ids_row, c);
      tc.header = at(cells, header_row, c);
      cols.push_back(std::move(tc));
    }
    return cols;
  }

  // Refuses a template whose data area already holds values: SIPOT's own instruction text
  // ("Colocar el ID de los registros de la Tabla_…") is the only thing allowed there.
  void check_blank(const CellText& cells, const TemplateSheet& sheet) const {
    for (const auto& [key, text] : cells) {
      if (key.first < sheet.first_data_row) continue;
      if (fold_header(text).rfind("colocar el id", 0) == 0) continue;
      fail("la hoja «" + sheet.name + "» ya tiene datos en " + column_letters(key.second) +
           std::to_string(key.first) + "; use el formato en blanco que descarga de SIPOT");
    }
  }

  void analyse();
};

void XlsxTemplate::Impl::analyse() {
  // Workbook, its relationships and shared strings.
  pugi::xml_document wb, rels;
  load_xml("xl/workbook.xml", wb);
  std::map<std::string, std::string> targets;  // rId -> part
  std::string shared_part = "xl/sharedStrings.xml";
  styles_part = "xl/styles.xml";
  if (find("xl/_rels/workbook.xml.rels")) {
    load_xml("xl/_rels/workbook.xml.rels", rels);
    for (pugi::xml_node r : children(rels.document_element(), "Relationship")) {
      std::string target = r.attribute("Target").value();
      if (!target.empty() && target[0] == '/')
        target = target.substr(1);
      else
        target = "xl/" + target;
      targets[r.attribute("Id").value()] = target;
      const std::string_view type = r.attribute("Type").value();
      if (type.ends_with("/sharedStrings")) shared_part = target;
      if (type.ends_with("/styles")) styles_part = target;
    }
  }
  if (find(shared_part)) {
    pugi::xml_document sst;
    load_xml(shared_part, sst);
    for (pugi::xml_node si : children(sst.document_element(), "si"))
      shared_strings.push_back(xml::string_item_text(si));
  }
  std::vector<std::pair<std::string, std::string>> sheets;  // name, part
  for (pugi::xml_node s : children(child(wb.document_element(), "sheets"), "sheet")) {
    std::string rid;
    for (pugi::xml_attribute a : s.attributes()) {
      const std::string_view n = a.name();
      if (n == "r:id" || n.ends_with(":id")) rid = a.value();
    }
    const auto t = targets.find(rid);
    if (t != targets.end()) sheets.emplace_back(s.attribute("name").value(), t->second);
  }
  std::map<std::string, std::string> names;  // defined names (workbook scope)
  for (pugi::xml_node d : children(child(wb.document_element(), "definedNames"), "definedName"))
    if (!d.attribute("localSheetId")) names[d.attribute("name").value()] = d.text().get();
  if (sheets.empty()) fail("el libro no tiene hojas");

  // The main sheet: "Reporte de Formatos", else the first sheet.
  auto main_it = std::find_if(sheets.begin(), sheets.end(), [](const auto& s) {
    return fold_header(s.first) == "reporte de formatos";
  });
  if (main_it == sheets.end()) main_it = sheets.begin();
  pugi::xml_document main_doc;
  load_xml(main_it->second, main_doc);
  const CellText cells = read_cells(main_doc);
  int campos_row = 0;
  for (const auto& [key, text] : cells) {
    if (key.second == 0 && fold_header(text) == "tabla campos") {
      campos_row = key.first;
      break;
    }
  }
  if (campos_row < 3)
    fail("no se encontró la fila «Tabla Campos»; ¿es un formato de carga de SIPOT?");
  TemplateSheet& main = layout.main;
  main.name = main_it->first;
  main.part = main_it->second;
  main.header_row = campos_row + 1;
  main.first_data_row = campos_row + 2;
  main.columns = columns_of(cells, campos_row - 2, campos_row - 1, main.header_row);
  if (main.columns.empty()) fail("la fila de encabezados después de «Tabla Campos» está vacía");
  layout.format_id = at(cells, 1, 0);
  layout.title = at(cells, 3, 0);
  check_blank(cells, main);

  // Sheet name -> part, and a reader for a catalogue range "Hidden_1!$A$1:$A$2".
  auto sheet_part = [&](std::string name) -> std::optional<std::string> {
    if (name.size() >= 2 && name.front() == '\'' && name.back() == '\'')
      name = name.substr(1, name.size() - 2);
    for (const auto& [n, p] : sheets)
      if (n == name) return p;
    return std::nullopt;
  };
  auto read_range = [&](std::string ref) -> std::vector<std::string> {
    if (!ref.empty() && ref[0] == '=') ref.erase(0, 1);
    if (!ref.empty() && ref[0] == '"') {  // an inline list: "Ascendente,Descendente"
      std::vector<std::string> out;
      std::stringstream ss(ref.substr(1, ref.size() - 2));
      for (std::string item; std::getline(ss, item, ',');) out.push_back(item);
      return out;
    }
    const auto bang = ref.rfind('!');
    if (bang == std::string::npos || ref[0] == '[') return {};  // external: not ours to follow
    const auto part = sheet_part(ref.substr(0, bang));
    if (!part || !find(*part)) return {};
    const std::string range = ref.substr(bang + 1);
    const auto colon = range.find(':');
    int r0, c0, r1, c1;
    if (!parse_ref(range.substr(0, colon), r0, c0)) return {};
    if (colon == std::string::npos)
      r1 = r0, c1 = c0;
    else if (!parse_ref(range.substr(colon + 1), r1, c1))
      return {};
    pugi::xml_document doc;
    load_xml(*part, doc);
    const CellText values = read_cells(doc);
    // The cells the sheet holds, not every row the range names ($A$1:$A$1048576 is common).
    std::vector<std::string> out;
    for (auto it = values.lower_bound({r0, c0}); it != values.end() && it->first.first <= r1; ++it)
      if (it->first.second == c0) out.push_back(it->second);
    return out;
  };
  // Catalogue columns: the list validation over the column, else the name Hidden_<N><col>.
  std::map<int, std::string> validation_formula;
  for (pugi::xml_node dv :
       children(child(main_doc.document_element(), "dataValidations"), "dataValidation")) {
    if (std::string_view(dv.attribute("type").value()) != "list") continue;
    const std::string formula = child(dv, "formula1").text().get();
    std::stringstream ss(dv.attribute("sqref").value());
    for (std::string range; ss >> range;) {
      int r, c;
      if (parse_ref(range.substr(0, range.find(':')), r, c)) validation_formula[c] = formula;
    }
  }
  for (TemplateColumn& col : main.columns) {
    if (col.type_code != "9") continue;
    std::string formula;
    if (const auto it = validation_formula.find(col.index); it != validation_formula.end()) {
      formula = it->second;
    } else {
      for (const auto& [n, ref] : names)
        if (n.rfind("Hidden_", 0) == 0 && n.ends_with(std::to_string(col.index))) formula = n;
    }
    if (const auto it = names.find(formula); it != names.end()) formula = it->second;
    col.catalogue = read_range(formula);
  }

  // Sub-tables: the sheet named Tabla_<field id> (or the Tabla_… named in the header).
  for (const TemplateColumn& col : main.columns) {
    if (col.type_code != "10") continue;
    std::optional<std::string> part = sheet_part("Tabla_" + col.field_id);
    std::string name = "Tabla_" + col.field_id;
    if (!part) {
      const auto p = col.header.find("Tabla_");
      if (p != std::string::npos) {
        std::size_t e = p + 6;
        while (e < col.header.size() && std::isalnum(static_cast<unsigned char>(col.header[e])))
          ++e;
        name = col.header.substr(p, e - p);
        part = sheet_part(name);
      }
    }
    if (!part) fail("falta la hoja «" + name + "» de la columna «" + col.header + "»");
    pugi::xml_document sub_doc;
    load_xml(*part, sub_doc);
    const CellText sub_cells = read_cells(sub_doc);
    int header_row = 0;
    for (const auto& [key, text] : sub_cells) {
      if (key.second == 0 && fold_header(text) == "id") {
        header_row = key.first;
        break;
      }
    }
    if (header_row < 3) fail("la hoja «" + name + "» no tiene la fila de encabezados con «ID»");
    TemplateSheet sub;
    sub.name = name;
    sub.part = *part;
    sub.header_row = header_row;
    sub.first_data_row = header_row + 1;
    sub.columns = columns_of(sub_cells, header_row - 2, header_row - 1, header_row);
    check_blank(sub_cells, sub);
    layout.subtables[col.field_id] = std::move(sub);
  }
}

XlsxTemplate::XlsxTemplate(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
XlsxTemplate::~XlsxTemplate() = default;
XlsxTemplate::XlsxTemplate(XlsxTemplate&&) noexcept = default;
XlsxTemplate& XlsxTemplate::operator=(XlsxTemplate&&) noexcept = default;

XlsxTemplate XlsxTemplate::open(const std::filesystem::path& path) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw TemplateError(path.string() + ": no existe o no es un archivo");
  impl->entries = read_zip(path);
  impl->analyse();
  return XlsxTemplate(std::move(impl));
}

const TemplateLayout& XlsxTemplate::layout() const {
  return impl_->layout;
}

namespace {

// Adds cell formats to styles.xml on demand: a dd/mm/yyyy date and a quote-prefixed text,
// each cloned from the column's own style so borders and fonts stay as the template set them.
class StyleBook {
 public:
  explicit StyleBook(pugi::xml_document& doc) : doc_(doc), prefix_(prefix_of(doc)) {}

  int date_style(int base) { return derived(base, true); }
  int quoted_style(int base) { return derived(base, false); }
  bool changed() const { return changed_; }

 private:
  int derived(int base, bool date) {
    const auto key = std::make_pair(base, date);
    if (const auto it = cache_.find(key); it != cache_.end()) return it->second;
    pugi::xml_node root = doc_.document_element();
    pugi::xml_node xfs = child(root, "cellXfs");
    if (!xfs) return base;
    std::vector<pugi::xml_node> list = children(xfs, "xf");
    if (list.empty()) return base;
    const pugi::xml_node src = list[static_cast<std::size_t>(base) < list.size() ? base : 0];
    pugi::xml_node xf = xfs.append_copy(src);
    if (date) {
      xf.remove_attribute("numFmtId");
      xf.append_attribute("numFmtId") = date_format();
      xf.remove_attribute("applyNumberFormat");
      xf.append_attribute("applyNumberFormat") = "1";
    } else {
      xf.remove_attribute("quotePrefix");
      xf.append_attribute("quotePrefix") = "1";
    }
    set_count(xfs, "xf");
    const int index = static_cast<int>(list.size());
    cache_[key] = index;
    changed_ = true;
    return index;
  }

  int date_format() {
    if (date_fmt_) return *date_fmt_;
    pugi::xml_node root = doc_.document_element();
    pugi::xml_node fmts = child(root, "numFmts");
    int max_id = 163;  // custom formats start at 164
    for (pugi::xml_node f : children(fmts, "numFmt")) {
      const std::string code = f.attribute("formatCode").value();
      if (code == "dd/mm/yyyy" || code == "dd/mm/yyyy;@")
        return *(date_fmt_ = f.attribute("numFmtId").as_int());
      max_id = std::max(max_id, f.attribute("numFmtId").as_int());
    }
    if (!fmts) fmts = root.prepend_child((prefix_ + "numFmts").c_str());  // must come first
    pugi::xml_node f = fmts.append_child((prefix_ + "numFmt").c_str());
    f.append_attribute("numFmtId") = max_id + 1;
    f.append_attribute("formatCode") = "dd/mm/yyyy";
    set_count(fmts, "numFmt");
    return *(date_fmt_ = max_id + 1);
  }

  static void set_count(pugi::xml_node parent, std::string_view local) {
    parent.remove_attribute("count");
    parent.prepend_attribute("count") = static_cast<unsigned>(children(parent, local).size());
  }

  pugi::xml_document& doc_;
  std::string prefix_;
  std::map<std::pair<int, bool>, int> cache_;
  std::optional<int> date_fmt_;
  bool changed_ = false;
};

std::string save_xml(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw, pugi::encoding_utf8);
  return out.str();
}

// Replaces the data rows of one worksheet with `rows` and keeps every other element.
std::string fill_sheet(const std::string& xml, const TemplateSheet& sheet,
                       const std::vector<OutRow>& rows, StyleBook& styles) {
  pugi::xml_document doc;
  try {
    xml::load(doc, xml, sheet.part);
  } catch (const xml::XmlError& err) {
    throw TemplateError(err.what());
  }
  const std::string px = prefix_of(doc);
  pugi::xml_node root = doc.document_element();
  pugi::xml_node data = child(root, "sheetData");
  if (!data) data = root.append_child((px + "sheetData").c_str());

  // Column default styles (<col style=…>): a cell's own s wins over them, so carry them over.
  std::map<int, int> col_style;
  for (pugi::xml_node c : children(child(root, "cols"), "col")) {
    if (!c.attribute("style")) continue;
    // Clamped to Excel's columns: `min="-2147483648"` must cost nothing (nor overflow).
    const int first = std::max(c.attribute("min").as_int(1), 1);
    const int last = std::min(c.attribute("max").as_int(0), xml::kMaxColumns);
    for (int i = first; i <= last; ++i) col_style[i - 1] = c.attribute("style").as_int();
  }
  for (pugi::xml_node row : children(data, "row"))
    if (row.attribute("r").as_int() >= sheet.first_data_row) data.remove_child(row);

  int max_col = 0;
  for (const auto& c : sheet.columns) max_col = std::max(max_col, c.index);
  int r = sheet.first_data_row;
  for (const OutRow& out : rows) {
    pugi::xml_node row = data.append_child((px + "row").c_str());
    row.append_attribute("r") = r;
    for (std::size_t i = 0; i < out.size(); ++i) {
      const OutCell& cell = out[i];
      if (cell.kind == OutCell::Kind::kEmpty) continue;
      const int col = static_cast<int>(i);
      const auto base_it = col_style.find(col);
      const int base = base_it == col_style.end() ? 0 : base_it->second;
      pugi::xml_node c = row.append_child((px + "c").c_str());
      c.append_attribute("r") = (column_letters(col) + std::to_string(r)).c_str();
      switch (cell.kind) {
        case OutCell::Kind::kText: {
          const int s = looks_like_formula(cell.text) ? styles.quoted_style(base) : base;
          if (s != 0) c.append_attribute("s") = s;
          c.append_attribute("t") = "inlineStr";
          pugi::xml_node t = c.append_child((px + "is").c_str()).append_child((px + "t").c_str());
          t.append_attribute("xml:space") = "preserve";
          t.text().set(cell.text.c_str());
          break;
        }
        case OutCell::Kind::kNumber:
          if (base != 0) c.append_attribute("s") = base;
          c.append_child((px + "v").c_str()).text().set(cell.text.c_str());
          break;
        case OutCell::Kind::kDate:
          c.append_attribute("s") = styles.date_style(base);
          c.append_child((px + "v").c_str()).text().set(std::to_string(cell.serial).c_str());
          break;
        case OutCell::Kind::kEmpty:
          break;
      }
      max_col = std::max(max_col, col);
    }
    ++r;
  }
  const int last_row = std::max(r - 1, sheet.header_row);

  // <dimension> covers the header block and the rows written.
  if (pugi::xml_node dim = child(root, "dimension")) {
    dim.attribute("ref").set_value(
        ("A1:" + column_letters(max_col) + std::to_string(last_row)).c_str());
  }
  // List validations over the data area grow to the last row written (the templates ship
  // them for rows 8–201).
  for (pugi::xml_node dv : children(child(root, "dataValidations"), "dataValidation")) {
    std::stringstream ss(dv.attribute("sqref").value());
    std::string out;
    for (std::string range; ss >> range;) {
      const auto colon = range.find(':');
      int r0, c0, r1, c1;
      if (colon != std::string::npos && parse_ref(range.substr(0, colon), r0, c0) &&
          parse_ref(range.substr(colon + 1), r1, c1) && r0 >= sheet.first_data_row &&
          r1 < last_row) {
        range = column_letters(c0) + std::to_string(r0) + ":" + column_letters(c1) +
                std::to_string(last_row);
      }
      out += (out.empty() ? "" : " ") + range;
    }
    dv.attribute("sqref").set_value(out.c_str());
  }
  return save_xml(doc);
}

// Writes the package to `path` (the temporary file of `target`, which errors name).
void write_zip(const std::filesystem::path& path, const std::filesystem::path& target,
               const std::vector<ZipEntry>& entries) {
  errno = 0;
  zipFile zf = zipOpen64(path.string().c_str(), APPEND_STATUS_CREATE);
  if (!zf) throw OutputError(target, "no se pudo crear", errno != 0 ? errno : EIO);
  for (const ZipEntry& e : entries) {
    zip_fileinfo zi{};
    zi.tmz_date.tm_sec = static_cast<unsigned>(e.time.second);
    zi.tmz_date.tm_min = static_cast<unsigned>(e.time.minute);
    zi.tmz_date.tm_hour = static_cast<unsigned>(e.time.hour);
    zi.tmz_date.tm_mday = static_cast<unsigned>(e.time.day);
    zi.tmz_date.tm_mon = static_cast<unsigned>(e.time.month - 1);
    zi.tmz_date.tm_year = static_cast<unsigned>(e.time.year);
    errno = 0;
    bool ok = zipOpenNewFileInZip64(zf, e.name.c_str(), &zi, nullptr, 0, nullptr, 0, nullptr,
                                    Z_DEFLATED, Z_DEFAULT_COMPRESSION, 0) == ZIP_OK;
    ok = ok &&
         zipWriteInFileInZip(zf, e.data.data(), static_cast<unsigned>(e.data.size())) == ZIP_OK;
    ok = zipCloseFileInZip(zf) == ZIP_OK && ok;
    if (!ok) {
      const int err = errno != 0 ? errno : EIO;
      zipClose(zf, nullptr);
      throw OutputError(target, "no se pudo escribir", err);
    }
  }
  errno = 0;
  if (zipClose(zf, nullptr) != ZIP_OK)
    throw OutputError(target, "no se pudo escribir", errno != 0 ? errno : EIO);
}

}  // namespace

void XlsxTemplate::write_filled(const std::filesystem::path& out,
                                const std::vector<OutRow>& main_rows,
                                const std::map<std::string, std::vector<OutRow>>& sub_rows) const {
  std::vector<ZipEntry> entries = impl_->entries;
  pugi::xml_document styles_doc;
  const bool has_styles = impl_->find(impl_->styles_part) != nullptr;
  if (has_styles) impl_->load_xml(impl_->styles_part, styles_doc);
  StyleBook styles(styles_doc);

  auto fill = [&](const TemplateSheet& sheet, const std::vector<OutRow>& rows) {
    for (ZipEntry& e : entries)
      if (e.name == sheet.part) e.data = fill_sheet(e.data, sheet, rows, styles);
  };
  fill(impl_->layout.main, main_rows);
  for (const auto& [id, sheet] : impl_->layout.subtables) {
    const auto it = sub_rows.find(id);
    fill(sheet, it == sub_rows.end() ? std::vector<OutRow>{} : it->second);
  }
  if (has_styles && styles.changed()) {
    for (ZipEntry& e : entries)
      if (e.name == impl_->styles_part) e.data = save_xml(styles_doc);
  }

  // Temporary name in the same folder, renamed over `out` only once complete.
  AtomicFile file(out);
  write_zip(file.temp_path(), out, entries);
  file.commit();
}

}  // namespace poa::exporters::pnt
