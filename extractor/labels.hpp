// The words a POA uses for its header labels, table columns and months, and how to spot them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/cell_row.hpp"
#include "model/raw_action.hpp"

namespace poa::extractor {

// A header-block label found at the start of a cell. `value` is what follows the label in the
// same cell (`PARTIDA PRESUPUESTAL 2151, 2211` -> "2151, 2211"), empty when the cell is only the
// label.
struct LabelMatch {
  HeaderField field{};
  std::string value;
};

// The roles of the activity table's columns.
enum class ColumnRole {
  kActividad,
  kArea,
  kUnidad,
  kInversion,
  kIndicador,
  kAnual,
  kMensual,    // the "PROGRAMACIÓN MENSUAL" group label over the month columns
  kRowNumber,  // a `No.` / `#` column numbering the rows: carries no data of its own
  kUnknown,    // a column header no rule knows: its cells are kept as unrecognised text
  kMonth0,     // ENE; kMonth0 + 11 is DIC
};
inline ColumnRole month_role(int month) {
  return static_cast<ColumnRole>(static_cast<int>(ColumnRole::kMonth0) + month);
}
inline std::optional<int> month_of(ColumnRole role) {
  const int m = static_cast<int>(role) - static_cast<int>(ColumnRole::kMonth0);
  return m >= 0 && m < 12 ? std::optional<int>(m) : std::nullopt;
}

// What a cell's text is in a POA's vocabulary, geometry aside. Every reader, the layout and the
// recogniser ask this one classifier.
struct CellClass {
  // A header-block label, accent-, case- and punctuation-insensitively. Single-word labels
  // (META, ESTRATEGIA…) match only the whole cell or `LABEL:` followed by a value, so that a
  // value starting with the same word is not taken for a label.
  std::optional<LabelMatch> header;
  // An activity-table column label or month name (ENE…DIC, ENERO…DICIEMBRE, SEPT/SETIEMBRE/SET
  // (text/months.hpp); any case, accents optional).
  std::optional<ColumnRole> column;
  // `column` was found only within the OCR's misread allowance (CellLook::ocr), not spelt right.
  bool column_misread = false;
  // Names the plan (`PROGRAMA OPERATIVO ANUAL 2022`, `POA 2022`) in under 120 bytes: a longer
  // text that names it is a sentence (`… del Programa Operativo Anual 2023, conforme a…`).
  bool title = false;
  bool page_number = false;  // `Página 3 de 10`, `Pág. 3`, `Hoja 2 de 5`: page furniture
};

// Which parts of CellClass to look for; the others stay empty. The labels cost one folded word
// for most cells (a pre-filter on the first word); a title or a page number needs the whole
// text folded, so callers ask for them on whole lines and one-cell rows.
struct CellLook {
  bool header = true;
  bool column = true;
  bool title = false;
  bool page_number = false;
  // The cell was read by OCR (it carries a confidence): a header or column label also matches
  // when a letter or two were misread (an edit distance bounded by the label's length).
  bool ocr = false;
};

CellClass classify_cell(std::string_view cell_text, CellLook look = {});

// Whether `text` has words and every one of them is a word the column labels are written with
// (`ÁREA`, `UNIDAD DE`, `APROX.`, `PROGRAMACIÓN`), any case, accents and punctuation aside: what
// a line of the column header holds, wrapped or cut into pieces; a value holds other words too.
bool only_column_label_words(std::string_view text);

// The municipio a letterhead or title line names, as written: `H. AYUNTAMIENTO DE SANTA MARÍA
// DEL ORO` -> `SANTA MARÍA DEL ORO`; also `MUNICIPIO [LIBRE] DE …`, `[H.|HONORABLE] AYUNTAMIENTO
// [CONSTITUCIONAL] [DEL MUNICIPIO] DE …`, `GOBIERNO MUNICIPAL DE …`, `PRESIDENCIA MUNICIPAL DE …`.
// The line must start with those words (a sentence that mentions a municipio is not a
// letterhead), or, with `in_title`, hold them after the plan's title (`POA 2022 DEL MUNICIPIO
// DE X`). The name ends before a comma (the state), a `|`, a dash between spaces, a bracket or a
// year (`ADMINISTRACIÓN 2021-2024`), and has at most eight words; nullopt otherwise.
std::optional<std::string> municipio_of(std::string_view line, bool in_title);

// The cells of a row that name the twelve months by their initials, `E F M A M J J A S O N D`
// (in order, one letter each), as some templates head their month columns; empty otherwise.
std::vector<const Cell*> month_initials(const CellRow& row);

// Where the twelve month initials `E F M A M J J A S O N D` run in order through `texts` (one
// letter each, any case): the index of `E`, or nullopt.
std::optional<std::size_t> month_initials_at(const std::vector<std::string_view>& texts);

// Whether the months one line or row names (bit m for month m, each month once however often it
// is named) make it the activity table's month header: six or more (a semester's table names
// six). The PDF layout (month names in a line's words) and the recogniser (month cells of a row)
// both ask this, so that they never disagree on what heads the months.
bool is_month_header(std::uint16_t months);

// Numbering with no word (`3`, `3/10`, `- 3 -`, `3 de 10`): at most `max_digits` digits in at
// most `max_groups` numbers. A page number only where it stands (a page's margin); elsewhere a
// bare number is a value. (Named numbering is CellClass::page_number.)
bool is_bare_page_number(std::string_view text, int max_digits, int max_groups);

}  // namespace poa::extractor
