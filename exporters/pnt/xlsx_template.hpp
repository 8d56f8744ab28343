// Reads a SIPOT upload template (.xlsx) and writes a filled copy that keeps everything but data.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace poa::exporters::pnt {

// One column of a template sheet, as read from its hidden rows and its header row.
struct TemplateColumn {
  int index = 0;          // 0-based (A = 0)
  std::string type_code;  // row-4 code: "1" short text, "4" date, "9" catalogue, "10" sub-table…
  std::string field_id;   // row-5 id, e.g. "512813"
  std::string header;     // row-7 text as written
  std::vector<std::string> catalogue;  // type 9: the allowed values, exactly as in Hidden_N
};

struct TemplateSheet {
  std::string name;        // "Reporte de Formatos", "Tabla_512813"
  std::string part;        // zip entry, e.g. "xl/worksheets/sheet1.xml"
  int header_row = 0;      // 1-based
  int first_data_row = 0;  // 1-based: 8 on the main sheet, 4 on a sub-table
  std::vector<TemplateColumn> columns;
};

struct TemplateLayout {
  std::string format_id;  // A1 of the main sheet, e.g. "53400"
  std::string title;      // the TÍTULO value (row 3)
  TemplateSheet main;
  // Sub-table sheets keyed by the field id of the main-sheet column (type 10) that links them.
  std::map<std::string, TemplateSheet> subtables;
};

// A value ready for a cell. Numbers are canonical ASCII decimals; dates Excel serials.
struct OutCell {
  enum class Kind { kEmpty, kText, kNumber, kDate };
  Kind kind = Kind::kEmpty;
  std::string text;         // kText: the text; kNumber: "1234.5"
  std::int64_t serial = 0;  // kDate

  static OutCell text_cell(std::string t) { return {Kind::kText, std::move(t), 0}; }
  static OutCell number(std::string n) { return {Kind::kNumber, std::move(n), 0}; }
  static OutCell date(std::int64_t s) { return {Kind::kDate, {}, s}; }
};
using OutRow = std::vector<OutCell>;  // indexed by TemplateColumn::index

// The template is refused (not an xlsx, no `Tabla Campos`, already holds data…). The message is
// Spanish and names the file.
class TemplateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class XlsxTemplate {
 public:
  // Opens and analyses the template. Throws TemplateError.
  static XlsxTemplate open(const std::filesystem::path& path);
  ~XlsxTemplate();
  XlsxTemplate(XlsxTemplate&&) noexcept;
  XlsxTemplate& operator=(XlsxTemplate&&) noexcept;

  const TemplateLayout& layout() const;

  // Writes a copy of the template to `out` (a temporary file renamed into place, so `out`
  // is untouched on failure) with `main_rows` from the main sheet's first data row and each
  // sub-table's rows (keyed as in TemplateLayout::subtables) from its first data row. Every
  // other zip entry is copied as it was; in the filled sheets the rows above the data, merges,
  // column widths and validations stay, <dimension> and list-validation ranges grow to cover
  // the rows written. Text is written as inline strings; text that looks like a formula gets
  // a quotePrefix style. Throws TemplateError or std::runtime_error on I/O failure.
  void write_filled(const std::filesystem::path& out, const std::vector<OutRow>& main_rows,
                    const std::map<std::string, std::vector<OutRow>>& sub_rows) const;

 private:
  struct Impl;
  explicit XlsxTemplate(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace poa::exporters::pnt
