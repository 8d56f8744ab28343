// The intermediate every reader produces: rows of cells with their origin. Nothing after the
// readers knows whether a row came from a PDF or a text dump.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/diagnostic.hpp"

namespace poa {

// A horizontal and vertical extent in PDF points (origin top-left of the page, y grows down).
struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  friend bool operator==(const Box&, const Box&) = default;
};

// One cell: its text (already unescaped, tags stripped, still raw otherwise) and where it sits.
//
// `column` is the cell's position in the row's grid, the same scale for every row of a page:
// the tab index in a text dump; for a PDF, the index of the grid column its left edge falls
// in, where the PDF reader derives the grid from the label cells and the table header. The
// recogniser compares columns only by order and equality, so gaps are fine (a text dump
// with cells at 0, 6, 8 is normal). `span` is how many grid columns the cell covers (1 when
// not known). `box` is set by the readers that lay out pages (PDFs, and
// `pdftotext -layout` dumps on their character grid).
struct Cell {
  std::string text;
  int column = 0;
  int span = 1;
  std::optional<Box> box;
  // Cells of pages read by OCR only: the least sure of its words, 0..1.
  std::optional<double> confidence;

  friend bool operator==(const Cell&, const Cell&) = default;
};

enum class RowKind {
  kCells,      // a row of cells (may hold one cell)
  kTitle,      // a line the text marks as a heading: a dump's `## PROGRAMA OPERATIVO ANUAL 2022`
  kPageBreak,  // the start of a new page (emitted before the page's first row, not before page 1)
};

// Geometry a reader that lays out pages may report about a row (facts only: what they mean is
// the recogniser's call). Readers that do not lay out pages leave CellRow::layout empty.
struct RowLayout {
  // The row's cells are open at the top: it opens the page's first table body, under a table the
  // previous page's foot cut (its body ran down to that page's last line), and holds no
  // numbers (text lines a row's gap above the page's first row of numbers, or the first band of
  // the drawn table). Whether it is the rest of the previous page's last activity is the
  // recogniser's call (the table must have run up to the page break there too).
  bool open_at_top = false;

  // How a line set apart from the page's text stands out: the facts of a row the layout cut
  // whole (one cell: at a header block's columns it would be torn apart); other rows leave them
  // false. Whether it is a title is the recogniser's call.
  bool centred = false;   // its middle near the page's (not on a character grid: text beside it
                          // moves a line there)
  bool bold = false;      // every word bold
  bool larger = false;    // set larger than the page's body text (its median line)
  bool indented = false;  // on a character grid: alone on its text row, well right of the margin
  bool above_labels = false;  // above the page's first header-block label, a gap apart

  // Centred, bold, larger or indented: set apart from the text around it.
  bool stands_out() const { return centred || bold || larger || indented; }

  friend bool operator==(const RowLayout&, const RowLayout&) = default;
};

// A row in reading order. `line` is the 1-based line number in a text dump, or the 1-based line
// index within the page for a PDF. `page` is the 1-based page for a PDF, and the page counted
// from page breaks for a text dump (`page_is_physical` tells which). Cells are sorted by column
// and hold no empty text.
struct CellRow {
  RowKind kind = RowKind::kCells;
  std::vector<Cell> cells;
  int page = 1;
  int line = 0;
  bool page_is_physical = false;
  std::optional<Box> box;           // laid-out pages only: the union of the row's cell boxes
  std::optional<RowLayout> layout;  // laid-out table rows and lines cut whole only
  // Workbooks only: the sheet's name. `line` is then the sheet's row (1-based) and each cell's
  // `column` the sheet's column (A = 0), so a cell is named "Hoja1!C7".
  std::string sheet;

  friend bool operator==(const CellRow&, const CellRow&) = default;
};

enum class SourceType { kPdf, kText, kXlsx, kOds, kCsv };

// The spelling of `fuente.tipo`: "pdf", "texto", "xlsx", "ods", "csv".
constexpr std::string_view source_type_name(SourceType type) {
  switch (type) {
    case SourceType::kPdf:
      return "pdf";
    case SourceType::kText:
      return "texto";
    case SourceType::kXlsx:
      return "xlsx";
    case SourceType::kOds:
      return "ods";
    case SourceType::kCsv:
      return "csv";
  }
  return "texto";
}
inline constexpr SourceType kAllSourceTypes[] = {
    SourceType::kPdf, SourceType::kText, SourceType::kXlsx, SourceType::kOds, SourceType::kCsv};

// Lines a reader that lays out pages left out as page furniture (page numbers, running headers
// and footers repeated on every page): counted, so that nothing goes silently.
struct DroppedLines {
  int count = 0;
  std::vector<int> pages;  // ascending, each once (physical pages; a dump's counted pages)
  std::string first;       // the first one's text (of the lowest page)

  // One more line left out, of `page`.
  void add(const std::string& text, int page) { add(DroppedLines{1, {page}, text}); }
  // The lines `other` counted too (a reader's and the recogniser's).
  void add(const DroppedLines& other) {
    if (other.count == 0) return;
    if (count == 0 ||
        (!other.pages.empty() && !pages.empty() && other.pages.front() < pages.front()))
      first = other.first;
    count += other.count;
    std::vector<int> all = pages;
    all.insert(all.end(), other.pages.begin(), other.pages.end());
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    pages = std::move(all);
  }

  friend bool operator==(const DroppedLines&, const DroppedLines&) = default;
};

// What a reader learned about its input, reported in the JSON's `fuente`.
struct SourceInfo {
  std::string path;  // as given by the user
  SourceType type = SourceType::kText;
  std::string sha256;        // lowercase hex of the file's bytes
  std::optional<int> pages;  // PDFs only
  std::string encoding;  // "UTF-8", "UTF-8 (BOM)", "windows-1252", … ; "" for PDFs and workbooks
  DroppedLines furniture;      // readers that lay out pages only
  std::vector<int> ocr_pages;  // PDFs only: the 1-based pages read by OCR (no text layer)
};

// Readers are pulled: call next() until it returns nullopt. A reader holds at most one page of
// the source in memory beyond what it has already returned (a workbook: one sheet).
class RowReader {
 public:
  virtual ~RowReader() = default;
  virtual std::optional<CellRow> next() = 0;
  // Complete once next() has returned nullopt (page counts may only be known then).
  virtual const SourceInfo& info() const = 0;
  // What the reader itself has to say about the input (a workbook's hidden rows it skipped),
  // complete once next() has returned nullopt. The recogniser adds them to the document's.
  virtual std::vector<Diagnostic> reader_diagnostics() const { return {}; }
};

}  // namespace poa
