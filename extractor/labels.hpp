// The words a POA uses for its header labels, table columns and months, and how to spot them.
#pragma once

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

// Matches a cell against the header labels, accent-, case- and punctuation-insensitively.
// Single-word labels (META, ESTRATEGIA…) match only the whole cell or `LABEL:` followed by a
// value, so that a value starting with the same word is not taken for a label.
std::optional<LabelMatch> match_header_label(std::string_view cell_text);

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

// Matches a cell against the activity-table column labels and month names (ENE…DIC,
// ENERO…DICIEMBRE, SEPT/SETIEMBRE/SET (text/months.hpp); any case, accents optional).
std::optional<ColumnRole> match_column_label(std::string_view cell_text);

// The cells of a row that name the twelve months by their initials, `E F M A M J J A S O N D`
// (in order, one letter each), as some templates head their month columns; empty otherwise.
std::vector<const Cell*> month_initials(const CellRow& row);

// True for `Página 3 de 10`, `Pág. 3`, `Hoja 2 de 5`: page furniture that carries no data.
bool is_page_number(std::string_view cell_text);

// True for a title naming the plan (`PROGRAMA OPERATIVO ANUAL 2022`, `POA 2022`).
bool is_poa_title(std::string_view cell_text);

}  // namespace poa::extractor
