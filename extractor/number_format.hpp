// Spreadsheet number formats: a cell's stored number rendered the way the cell shows it
// ("$10,000.00", "-", "25%", "31/01/2023"), so the normaliser reads a workbook's cells as it
// reads the same cells printed to PDF.
#pragma once

#include <string>
#include <string_view>

namespace poa::extractor {

// Renders `value` (the stored text of a numeric cell, e.g. "10000" or "0.30000000000000004")
// with the format code `format` (Excel's syntax: up to four sections `pos;neg;zero;text`,
// literals in quotes, `#,##0.00`, `%`, currency brackets `[$$-80A]`, dates `dd/mm/yyyy`).
// "General" or "" gives the value to Excel's 15 significant digits, without exponent.
// Dates count days from 1899-12-30 (or from 1904-01-01 with `date1904`). A value that is not
// a number is returned as it is.
std::string render_number(std::string_view value, std::string_view format, bool date1904 = false);

// The format code of a built-in number format id (0–49), as a Spanish (Mexico) Excel shows it;
// "" (General) for ids without one.
std::string_view builtin_number_format(int id);

}  // namespace poa::extractor
