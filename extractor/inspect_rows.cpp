// The row listing of `poa inspect` for workbooks, CSV and text dumps.
#include "extractor/inspect_rows.hpp"

#include <ostream>
#include <utility>

#include "extractor/sheet_reader.hpp"
#include "zip/xml.hpp"

namespace poa::extractor {

void put_row_facts(std::ostream& out, const CellRow& row) {
  if (row.kind == RowKind::kTitle) out << " (título)";
  if (!row.layout) return;
  const RowLayout& look = *row.layout;
  const std::pair<bool, const char*> facts[] = {{look.open_at_top, "abierta arriba"},
                                                {look.centred, "centrada"},
                                                {look.bold, "negrita"},
                                                {look.larger, "más grande"},
                                                {look.indented, "sangrada"},
                                                {look.above_labels, "sobre las etiquetas"}};
  const char* sep = " (";
  for (const auto& [on, name] : facts) {
    if (!on) continue;
    out << sep << name;
    sep = ", ";
  }
  if (*sep == ',') out << ')';
}

void inspect_rows(const std::filesystem::path& path, const OpenOptions& options,
                  std::ostream& out) {
  const std::unique_ptr<RowReader> reader = open_source(path, options);
  out << "archivo: " << path.string() << "\ntipo: " << source_type_name(reader->info().type);
  if (!reader->info().encoding.empty()) out << "\ncodificación: " << reader->info().encoding;
  out << "\n-- filas\n";
  while (const std::optional<CellRow> row = reader->next()) {
    if (!row->sheet.empty()) {
      out << "  "
          << sheet_cell_name(row->sheet, row->cells.empty() ? 0 : row->cells[0].column, row->line);
    } else {
      out << "  p" << row->page << ":l" << row->line;
    }
    if (row->kind == RowKind::kPageBreak) {
      out << " (salto de página)\n";
      continue;
    }
    put_row_facts(out, *row);
    for (const Cell& c : row->cells) {
      out << " [";
      if (!row->sheet.empty()) {
        out << xml::column_letters(c.column) << row->line;
      } else {
        out << 'c' << c.column;
      }
      if (c.span > 1) out << '+' << c.span;
      out << " \"" << c.text << "\"]";
    }
    out << '\n';
  }
  for (const Diagnostic& d : reader->reader_diagnostics()) out << format_diagnostic(d) << '\n';
}

}  // namespace poa::extractor
