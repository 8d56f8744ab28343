// The XLSX reader: workbook, relationships, shared strings and number formats once; each chosen
// worksheet parsed when its turn comes (cells, merges, hidden rows and columns, manual breaks).
#include <algorithm>
#include <map>
#include <unordered_map>
#include <utility>

#include "extractor/number_format.hpp"
#include "extractor/sheet_reader.hpp"
#include "extractor/workbook_reader.hpp"
#include "zip/xml.hpp"

namespace poa::extractor {
namespace {

// What every sheet of the workbook needs, read once and shared by the sheets' loaders.
struct Workbook {
  zip::Archive archive;
  std::string path;
  std::vector<std::string> shared_strings;
  std::vector<std::string> xf_formats;  // number format code per cell style index
  bool date1904 = false;
  std::size_t cells = 0;  // cells with text so far, against kMaxWorkbookCells

  Workbook(zip::Archive a, std::string p) : archive(std::move(a)), path(std::move(p)) {}

  [[noreturn]] void fail(const std::string& why) const {
    throw InputError(diag::input_error(DiagnosticCode::kFileUnreadable,
                                       "libro .xlsx dañado o fuera de los límites: " + why,
                                       Origin{path, {}, {}, {}}));
  }

  // The part parsed, or false when the package has no such part.
  bool load(std::string_view part, pugi::xml_document& doc) {
    try {
      const std::optional<std::string> data = archive.read(part);
      if (!data) return false;
      xml::load(doc, *data, part);
      return true;
    } catch (const zip::ArchiveError& e) {
      fail(e.what());
    } catch (const xml::XmlError& e) {
      fail(e.what());
    }
  }

  std::string format_of(const pugi::xml_node& c) const {
    const pugi::xml_attribute s = c.attribute("s");
    if (!s) return {};
    const auto index = static_cast<std::size_t>(s.as_ullong());
    return index < xf_formats.size() ? xf_formats[index] : std::string();
  }

  // The text a cell shows: strings as stored, numbers through their format, a formula's cached
  // value (never computed: a formula without one is empty).
  std::string text_of(const pugi::xml_node& c) const {
    const std::string_view type = c.attribute("t").value();
    const char* v = xml::child(c, "v").text().get();
    if (type == "s") {
      const std::size_t index = xml::child(c, "v").text().as_ullong(~0ULL);
      return index < shared_strings.size() ? shared_strings[index] : std::string();
    }
    if (type == "inlineStr") return xml::string_item_text(xml::child(c, "is"));
    if (type == "b") return std::string_view(v) == "1" ? "VERDADERO" : "FALSO";
    if (type == "str" || type == "e" || type == "d") return v;
    if (*v == '\0') return {};
    return render_number(v, format_of(c), date1904);
  }
};

// "worksheets/sheet1.xml" against the folder of "xl/workbook.xml", "../" and "/" resolved.
std::string resolve(std::string_view base_part, std::string_view target) {
  std::vector<std::string> parts;
  std::string_view rest = target;
  if (!rest.empty() && rest[0] == '/') {
    rest.remove_prefix(1);
  } else {
    std::string_view dir = base_part.substr(0, base_part.rfind('/') + 1);
    while (!dir.empty()) {
      const std::size_t slash = dir.find('/');
      parts.emplace_back(dir.substr(0, slash));
      dir.remove_prefix(slash + 1);
    }
  }
  while (!rest.empty()) {
    const std::size_t slash = rest.find('/');
    const std::string_view seg = rest.substr(0, slash);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.emplace_back(seg);
    }
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

// The relationships of `part` (its _rels/NAME.rels): id -> (type, target part).
std::map<std::string, std::pair<std::string, std::string>> relationships(Workbook& book,
                                                                         std::string_view part) {
  const std::size_t slash = part.rfind('/');
  const std::string dir(slash == std::string_view::npos ? "" : part.substr(0, slash + 1));
  const std::string name(slash == std::string_view::npos ? part : part.substr(slash + 1));
  std::map<std::string, std::pair<std::string, std::string>> out;
  pugi::xml_document rels;
  if (!book.load(dir + "_rels/" + name + ".rels", rels)) return out;
  for (pugi::xml_node r : xml::children(rels.document_element(), "Relationship")) {
    if (std::string_view(r.attribute("TargetMode").value()) == "External") continue;
    out[r.attribute("Id").value()] = {r.attribute("Type").value(),
                                      resolve(part, r.attribute("Target").value())};
  }
  return out;
}

bool is_true(const pugi::xml_attribute& a) {
  const std::string_view v = a.value();
  return v == "1" || v == "true";
}

// Hidden columns as closed intervals of 0-based indexes.
using Intervals = std::vector<std::pair<int, int>>;

bool in(const Intervals& list, int column) {
  return std::any_of(list.begin(), list.end(),
                     [&](const auto& iv) { return column >= iv.first && column <= iv.second; });
}

SheetContent load_sheet(Workbook& book, const std::string& part, const std::string& name) {
  pugi::xml_document doc;
  if (!book.load(part, doc)) book.fail("falta la hoja «" + name + "» (" + part + ")");
  const pugi::xml_node root = doc.document_element();
  SheetContent content;

  Intervals hidden_columns;
  for (pugi::xml_node col : xml::children(xml::child(root, "cols"), "col")) {
    if (!is_true(col.attribute("hidden"))) continue;
    const int min = std::clamp(col.attribute("min").as_int(1), 1, xml::kMaxColumns);
    const int max = std::clamp(col.attribute("max").as_int(min), min, xml::kMaxColumns);
    hidden_columns.emplace_back(min - 1, max - 1);
  }

  // Merged ranges by their top-left cell: the value there belongs to the whole range.
  std::unordered_map<long long, int> span_at;
  for (pugi::xml_node m : xml::children(xml::child(root, "mergeCells"), "mergeCell")) {
    const std::string_view ref = m.attribute("ref").value();
    const std::size_t colon = ref.find(':');
    const auto a = xml::parse_cell_ref(ref.substr(0, colon));
    const auto b = colon == std::string_view::npos ? a : xml::parse_cell_ref(ref.substr(colon + 1));
    if (!a || !b) book.fail("rango combinado no válido «" + std::string(ref) + "» en " + part);
    const long long key = static_cast<long long>(a->row) * xml::kMaxColumns + a->column;
    span_at[key] = std::max(1, b->column - a->column + 1);
  }

  for (pugi::xml_node brk : xml::children(xml::child(root, "rowBreaks"), "brk")) {
    const int id = brk.attribute("id").as_int(0);
    if (id >= 1 && id <= xml::kMaxRows) content.page_breaks.push_back(id);
  }

  std::map<int, SheetRow> rows;
  int row_number = 0;
  for (pugi::xml_node r : xml::children(xml::child(root, "sheetData"), "row")) {
    const pugi::xml_attribute ra = r.attribute("r");
    row_number = ra ? ra.as_int(0) : row_number + 1;
    if (row_number < 1 || row_number > xml::kMaxRows) {
      book.fail("fila fuera de la cuadrícula de Excel («" + std::string(ra.value()) + "») en " +
                part);
    }
    const bool hidden_row = is_true(r.attribute("hidden"));
    int column = -1;
    for (pugi::xml_node c : xml::children(r, "c")) {
      const pugi::xml_attribute ca = c.attribute("r");
      if (ca) {
        const auto ref = xml::parse_cell_ref(ca.value());
        if (!ref)
          book.fail("referencia de celda no válida «" + std::string(ca.value()) + "» en " + part);
        column = ref->column;
      } else if (++column >= xml::kMaxColumns) {
        book.fail("columna fuera de la cuadrícula de Excel en " + part);
      }
      std::string text = clean_sheet_text(book.text_of(c));
      if (text.empty()) continue;
      if (++book.cells > kMaxWorkbookCells) {
        book.fail("más de " + std::to_string(kMaxWorkbookCells) + " celdas con texto");
      }
      if (hidden_row) {
        if (content.hidden_rows.empty() || content.hidden_rows.back() != row_number)
          content.hidden_rows.push_back(row_number);
        continue;
      }
      if (in(hidden_columns, column)) {
        content.hidden_columns.push_back(column);
        continue;
      }
      const auto span =
          span_at.find(static_cast<long long>(row_number) * xml::kMaxColumns + column);
      SheetRow& row = rows[row_number];
      row.row = row_number;
      row.cells.push_back(
          SheetCell{column, span == span_at.end() ? 1 : span->second, std::move(text)});
    }
  }
  content.rows.reserve(rows.size());
  for (auto& [number, row] : rows) {
    std::stable_sort(row.cells.begin(), row.cells.end(),
                     [](const SheetCell& a, const SheetCell& b) { return a.column < b.column; });
    content.rows.push_back(std::move(row));
  }
  return content;
}

}  // namespace

std::unique_ptr<RowReader> make_xlsx_reader(zip::Archive archive, SourceInfo info,
                                            const std::optional<std::string>& sheet) {
  auto book = std::make_shared<Workbook>(std::move(archive), info.path);
  const Origin origin{info.path, {}, {}, {}};
  // Macros are refused before anything else is read: the file is not ours to judge.
  for (const std::string& name : book->archive.names()) {
    const std::size_t slash = name.rfind('/');
    if (name.substr(slash == std::string::npos ? 0 : slash + 1) == "vbaProject.bin") {
      throw InputError(diag::input_error(
          DiagnosticCode::kWorkbookRefused,
          "libro con macros (" + name +
              "): no se lee por seguridad; guárdelo como .xlsx sin macros o expórtelo a PDF",
          origin));
    }
  }
  std::string workbook_part = "xl/workbook.xml";
  for (const auto& [id, rel] : relationships(*book, "")) {
    if (rel.first.ends_with("/officeDocument")) workbook_part = rel.second;
  }
  pugi::xml_document wb;
  if (!book->load(workbook_part, wb)) book->fail("falta la parte " + workbook_part);
  const pugi::xml_node root = wb.document_element();
  book->date1904 = is_true(xml::child(root, "workbookPr").attribute("date1904"));

  const auto rels = relationships(*book, workbook_part);
  for (const auto& [id, rel] : rels) {
    if (rel.first.ends_with("/sharedStrings")) {
      pugi::xml_document sst;
      if (book->load(rel.second, sst)) {
        for (pugi::xml_node si : xml::children(sst.document_element(), "si"))
          book->shared_strings.push_back(xml::string_item_text(si));
      }
    } else if (rel.first.ends_with("/styles")) {
      pugi::xml_document styles;
      if (book->load(rel.second, styles)) {
        std::map<int, std::string> custom;
        for (pugi::xml_node f :
             xml::children(xml::child(styles.document_element(), "numFmts"), "numFmt"))
          custom[f.attribute("numFmtId").as_int(-1)] = f.attribute("formatCode").value();
        for (pugi::xml_node xf :
             xml::children(xml::child(styles.document_element(), "cellXfs"), "xf")) {
          const int id = xf.attribute("numFmtId").as_int(0);
          const auto it = custom.find(id);
          book->xf_formats.emplace_back(
              it != custom.end() ? it->second : std::string(builtin_number_format(id)));
        }
      }
    }
  }

  std::vector<SheetEntry> sheets;
  for (pugi::xml_node s : xml::children(xml::child(root, "sheets"), "sheet")) {
    const auto rel = rels.find(xml::attribute(s, "id").value());
    // Chart sheets and dialog sheets hold no cells.
    if (rel == rels.end() || !rel->second.first.ends_with("/worksheet")) continue;
    const std::string state = s.attribute("state").value();
    SheetEntry entry;
    entry.name = s.attribute("name").value();
    entry.hidden = state == "hidden" || state == "veryHidden";
    entry.load = [book, part = rel->second.second, name = entry.name] {
      return load_sheet(*book, part, name);
    };
    sheets.push_back(std::move(entry));
  }
  if (sheets.empty()) book->fail("el libro no tiene hojas de cálculo");
  return make_sheet_reader(std::move(info), std::move(sheets), sheet);
}

}  // namespace poa::extractor
