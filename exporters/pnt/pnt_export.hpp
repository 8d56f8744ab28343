// Binds SIPOT records to a template's columns and writes them: filled xlsx, built-in layout, CSV.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "exporters/pnt/pnt_model.hpp"
#include "exporters/pnt/xlsx_template.hpp"
#include "model/document.hpp"

namespace poa::exporters::pnt {

// Rows ready for a template, plus what could not be filled.
struct BoundTables {
  std::vector<OutRow> main;
  std::map<std::string, std::vector<OutRow>> subtables;  // keyed as TemplateLayout::subtables
  // "Reporte de Formatos: Fecha de validación", … : columns no row has a value in.
  std::vector<std::string> empty_columns;
  // Values that did not fit their column: SIPOT_NOT_IN_CATALOGUE, the origin naming the sheet,
  // its row and column.
  Diagnostics warnings;
};

// Places each record's values in the template's columns by header meaning, typed by the
// column's row-4 code: dates as Excel dates, numbers and ids as numbers, catalogue values
// spelled exactly as in the catalogue (a value not in it is left empty and warned about).
// `empty_columns` lists the headers no row fills; check_gaps (pnt_checks.hpp) says why.
BoundTables bind_table(const TemplateLayout& layout, const Table& table);

// A Spanish message when `layout` is not a template of `fraccion` (IV needs a sub-table
// column; V and VI an indicator column, VI also the programme); nullopt when it fits.
std::optional<std::string> check_template_fits(const TemplateLayout& layout, Fraccion fraccion);

// The 2018–2022 SIPOT layout of a fracción (format and field ids of the national templates),
// used when the user has no template of their own.
TemplateLayout builtin_layout(Fraccion fraccion);
// Writes that layout as a blank template (hidden rows 1/4/5, merges, Hidden_1 catalogue with its
// defined name and list validation, Tabla_<id> sheet) with libxlsxwriter. Throws
// std::runtime_error on failure.
void write_builtin_template(Fraccion fraccion, const std::filesystem::path& path);

// One sheet's rows as CSV: UTF-8 with BOM, CRLF, RFC 4180 quoting, the header row first, dates
// dd/mm/aaaa, and text that a spreadsheet would take for a formula prefixed with '.
std::string sheet_csv(const TemplateSheet& sheet, const std::vector<OutRow>& rows);

enum class OutputFormat { kXlsx, kCsv };

// Writes bound tables to `output`, each file under a temporary name renamed into place. kXlsx:
// `tmpl` filled (null: the built-in layout of `fraccion`, through a blank template written next
// to `output` and removed). kCsv: `output` holds the main sheet and `<stem>_<sheet>.csv` each
// sub-table. Returns the files written, `output` first. Throws std::runtime_error (Spanish).
std::vector<std::filesystem::path> write_tables(const TemplateLayout& layout,
                                                const XlsxTemplate* tmpl, Fraccion fraccion,
                                                const BoundTables& bound, OutputFormat format,
                                                const std::filesystem::path& output);

}  // namespace poa::exporters::pnt
