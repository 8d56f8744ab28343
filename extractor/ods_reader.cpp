// The ODS reader: content.xml's tables, repeated rows and columns expanded within Excel's grid,
// covered cells taken as merged, hidden rows, columns and tables skipped, manual breaks kept.
#include <algorithm>
#include <set>
#include <utility>

#include "extractor/sheet_reader.hpp"
#include "extractor/workbook_reader.hpp"
#include "zip/xml.hpp"

namespace poa::extractor {
namespace {

struct OdsBook {
  std::string path;
  pugi::xml_document content;
  std::set<std::string, std::less<>> break_before_styles;  // row styles with a page break
  std::set<std::string, std::less<>> hidden_table_styles;
  std::size_t cells = 0;

  [[noreturn]] void fail(const std::string& why) const {
    throw InputError(diag::input_error(DiagnosticCode::kFileUnreadable,
                                       "libro .ods dañado o fuera de los límites: " + why,
                                       Origin{path, {}, {}, {}}));
  }
};

// A cell's paragraphs: text, spans and links, `text:s` spaces, tabs and line breaks. Spans
// nested deeper than any editor writes are not followed (the stack stays bounded).
void paragraph_text(const pugi::xml_node& node, std::string& out, int depth = 0) {
  if (depth > 32) return;
  for (pugi::xml_node c : node.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      out += c.value();
      continue;
    }
    const std::string_view name = xml::local_name(c);
    if (name == "s") {
      out.append(static_cast<std::size_t>(std::clamp(xml::attribute(c, "c").as_int(1), 1, 1000)),
                 ' ');
    } else if (name == "tab" || name == "line-break") {
      out += ' ';
    } else if (name != "annotation" && name != "note") {
      paragraph_text(c, out, depth + 1);
    }
  }
}

std::string cell_text(const pugi::xml_node& cell) {
  std::string out;
  for (pugi::xml_node p : cell.children()) {
    const std::string_view name = xml::local_name(p);
    if (name != "p" && name != "h") continue;
    if (!out.empty()) out += ' ';
    paragraph_text(p, out);
  }
  if (out.empty()) out = xml::attribute(cell, "value").value();  // a number without its display
  return clean_sheet_text(out);
}

bool hidden(const pugi::xml_node& n) {
  const std::string_view v = xml::attribute(n, "visibility").value();
  return v == "collapse" || v == "filter";
}

int repeats(const pugi::xml_node& n, std::string_view attribute) {
  return std::max(1, xml::attribute(n, attribute).as_int(1));
}

class TableWalker {
 public:
  TableWalker(OdsBook& book, std::string name) : book_(book), name_(std::move(name)) {}

  SheetContent walk(const pugi::xml_node& table) {
    visit(table);
    return std::move(content_);
  }

 private:
  // Columns and rows may sit in groups (header rows, row groups, column groups).
  void visit(const pugi::xml_node& parent) {
    for (pugi::xml_node n : parent.children()) {
      if (n.type() != pugi::node_element) continue;
      const std::string_view name = xml::local_name(n);
      if (name == "table-column") {
        const int count = repeats(n, "number-columns-repeated");
        if (hidden(n)) {
          for (int i = 0; i < count && next_column_ + i < xml::kMaxColumns; ++i)
            hidden_columns_.insert(next_column_ + i);
        }
        next_column_ = std::min(xml::kMaxColumns, next_column_ + count);
      } else if (name == "table-row") {
        row(n);
      } else if (name == "table-columns" || name == "table-header-columns" ||
                 name == "table-column-group" || name == "table-rows" ||
                 name == "table-header-rows" || name == "table-row-group") {
        visit(n);
      }
    }
  }

  void row(const pugi::xml_node& r) {
    const int count = repeats(r, "number-rows-repeated");
    if (next_row_ > xml::kMaxRows) return;
    if (book_.break_before_styles.count(
            std::string_view(xml::attribute(r, "style-name").value())) &&
        next_row_ > 1) {
      content_.page_breaks.push_back(next_row_ - 1);
    }
    SheetRow cells;
    std::vector<int> hidden_here;
    int column = 0;
    for (pugi::xml_node c : r.children()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view name = xml::local_name(c);
      if (name != "table-cell" && name != "covered-table-cell") continue;
      const int times = repeats(c, "number-columns-repeated");
      // A covered cell is part of a merged range: its value (if any) is hidden by the merge.
      std::string text = name == "table-cell" ? cell_text(c) : std::string();
      if (text.empty()) {
        column = std::min(xml::kMaxColumns, column + times);
        continue;
      }
      const int span = std::max(1, xml::attribute(c, "number-columns-spanned").as_int(1));
      for (int i = 0; i < times && column < xml::kMaxColumns; ++i, ++column) {
        if (hidden_columns_.count(column)) {
          hidden_here.push_back(column);
        } else {
          cells.cells.push_back(SheetCell{column, span, text});
        }
      }
    }
    const bool has_text = !cells.cells.empty() || !hidden_here.empty();
    if (!has_text) {
      next_row_ += count;  // empty rows, however many repeated: nothing to expand
      return;
    }
    for (int i = 0; i < count && next_row_ <= xml::kMaxRows; ++i, ++next_row_) {
      book_.cells += cells.cells.size() + hidden_here.size();
      if (book_.cells > kMaxWorkbookCells) {
        book_.fail("más de " + std::to_string(kMaxWorkbookCells) + " celdas con texto");
      }
      if (hidden(r)) {
        content_.hidden_rows.push_back(next_row_);
        continue;
      }
      content_.hidden_columns.insert(content_.hidden_columns.end(), hidden_here.begin(),
                                     hidden_here.end());
      if (cells.cells.empty()) continue;
      SheetRow copy = cells;
      copy.row = next_row_;
      content_.rows.push_back(std::move(copy));
    }
  }

  OdsBook& book_;
  std::string name_;
  SheetContent content_;
  std::set<int> hidden_columns_;
  int next_column_ = 0;
  int next_row_ = 1;
};

}  // namespace

std::unique_ptr<RowReader> make_ods_reader(zip::Archive archive, SourceInfo info,
                                           const std::optional<std::string>& sheet) {
  auto book = std::make_shared<OdsBook>();
  book->path = info.path;
  try {
    // An encrypted package keeps its manifest in the clear and says so there.
    const std::optional<std::string> manifest = archive.read("META-INF/manifest.xml");
    if (manifest && manifest->find("encryption-data") != std::string::npos) {
      throw InputError(diag::input_error(
          DiagnosticCode::kWorkbookRefused,
          "libro .ods cifrado con contraseña: guárdelo sin contraseña o expórtelo a PDF",
          Origin{info.path, {}, {}, {}}));
    }
    const std::optional<std::string> content = archive.read("content.xml");
    if (!content) book->fail("falta content.xml");
    xml::load(book->content, *content, "content.xml");
  } catch (const zip::ArchiveError& e) {
    book->fail(e.what());
  } catch (const xml::XmlError& e) {
    book->fail(e.what());
  }
  const pugi::xml_node root = book->content.document_element();
  for (pugi::xml_node style : xml::children(xml::child(root, "automatic-styles"), "style")) {
    const std::string_view family = xml::attribute(style, "family").value();
    const std::string name = xml::attribute(style, "name").value();
    if (family == "table-row" &&
        std::string_view(
            xml::attribute(xml::child(style, "table-row-properties"), "break-before").value()) ==
            "page") {
      book->break_before_styles.insert(name);
    }
    if (family == "table" &&
        std::string_view(
            xml::attribute(xml::child(style, "table-properties"), "display").value()) == "false") {
      book->hidden_table_styles.insert(name);
    }
  }
  std::vector<SheetEntry> sheets;
  const pugi::xml_node spreadsheet = xml::child(xml::child(root, "body"), "spreadsheet");
  for (pugi::xml_node table : xml::children(spreadsheet, "table")) {
    SheetEntry entry;
    entry.name = xml::attribute(table, "name").value();
    entry.hidden = book->hidden_table_styles.count(
                       std::string_view(xml::attribute(table, "style-name").value())) > 0;
    entry.load = [book, table, name = entry.name] { return TableWalker(*book, name).walk(table); };
    sheets.push_back(std::move(entry));
  }
  if (sheets.empty()) book->fail("el libro no tiene hojas de cálculo");
  return make_sheet_reader(std::move(info), std::move(sheets), sheet);
}

}  // namespace poa::extractor
