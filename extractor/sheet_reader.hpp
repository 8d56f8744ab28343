// What the workbook readers (XLSX, ODS) share: a sheet's visible cells as they hand them over,
// the choice of sheets (`--sheet`), and the one reader that turns sheets into cell rows with
// page breaks, the sheet's cell addresses and the note of what was hidden.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/cell_row.hpp"

namespace poa::extractor {

// A cell with text: its sheet column (A = 0) and how many columns a merged range gives it.
struct SheetCell {
  int column = 0;
  int span = 1;
  std::string text;
};

struct SheetRow {
  int row = 1;                   // the sheet's 1-based row
  std::vector<SheetCell> cells;  // ascending columns, no empty text
};

// A loaded sheet: its visible rows in order, and what the workbook reader left out.
struct SheetContent {
  std::vector<SheetRow> rows;
  std::vector<int> page_breaks;     // manual row breaks: a new page starts after each row
  std::vector<int> hidden_rows;     // hidden rows that held text (1-based), skipped
  std::vector<int> hidden_columns;  // hidden columns that held text (A = 0), skipped
};

// A sheet of a workbook in workbook order; `load` reads it when its turn comes (one sheet in
// memory at a time) and throws InputError when it cannot.
struct SheetEntry {
  std::string name;
  bool hidden = false;
  std::function<SheetContent()> load;
};

// The reader over a workbook's sheets (in workbook order): `selection` is a sheet's name or its
// 1-based position in the workbook (hidden sheets count); none: every visible sheet in order,
// the hidden ones left out noted first among its reader_diagnostics(). Throws InputError
// (FILE_UNREADABLE) naming the sheets there are when the selection matches none. Each sheet
// starts a new page, and so does each manual break; rows carry the sheet name, their sheet row
// as `line` and each cell's column and span.
std::unique_ptr<RowReader> make_sheet_reader(SourceInfo info, std::vector<SheetEntry> sheets,
                                             const std::optional<std::string>& selection);

// "Hoja1!C7"; a sheet name other than letters, digits and `_` is quoted as Excel does:
// "'Acción 1'!C7".
std::string sheet_cell_name(std::string_view sheet, int column, int row);

// A cell's text as a row holds it: line breaks inside the cell become spaces, ends trimmed.
std::string clean_sheet_text(std::string_view text);

// The cap on cells with text in one workbook, whatever repeats or merges claim.
inline constexpr std::size_t kMaxWorkbookCells = 1'000'000;

}  // namespace poa::extractor
