// Sheets -> cell rows: the workbook readers' common end.
#include "extractor/sheet_reader.hpp"

#include <algorithm>
#include <charconv>
#include <utility>

#include "zip/xml.hpp"

namespace poa::extractor {
namespace {

Origin file_origin(const std::string& path) {
  return Origin{path, {}, {}, {}};
}

// "5, 7–9, 12" (columns "S, U:W"): sorted, distinct numbers with runs folded, one line.
std::string ranges(const std::vector<int>& values, bool as_columns) {
  auto name = [&](int v) { return as_columns ? xml::column_letters(v) : std::to_string(v); };
  std::string out;
  for (std::size_t i = 0; i < values.size();) {
    std::size_t j = i;
    while (j + 1 < values.size() && values[j + 1] == values[j] + 1) ++j;
    if (!out.empty()) out += ", ";
    out += name(values[i]);
    if (j > i) out += (as_columns ? ":" : "–") + name(values[j]);
    i = j + 1;
  }
  return out;
}

class SheetRowReader final : public RowReader {
 public:
  SheetRowReader(SourceInfo info, std::vector<SheetEntry> sheets, std::vector<Diagnostic> notes)
      : info_(std::move(info)), sheets_(std::move(sheets)), notes_(std::move(notes)) {}

  std::optional<CellRow> next() override {
    if (queued_) return std::exchange(queued_, std::nullopt);
    while (next_row_ >= content_.rows.size()) {
      if (next_sheet_ >= sheets_.size()) return std::nullopt;
      open_sheet(sheets_[next_sheet_++]);
    }
    const SheetRow& source = content_.rows[next_row_++];
    CellRow row;
    row.line = source.row;
    row.sheet = sheet_name_;
    for (const SheetCell& c : source.cells) row.cells.push_back(Cell{c.text, c.column, c.span, {}});
    // A new sheet, or a manual break between the last row given and this one, starts a page.
    bool new_page =
        emitted_any_ &&
        (first_of_sheet_ || std::any_of(content_.page_breaks.begin(), content_.page_breaks.end(),
                                        [&](int b) { return b >= last_row_ && b < source.row; }));
    first_of_sheet_ = false;
    last_row_ = source.row;
    emitted_any_ = true;
    if (new_page) {
      ++page_;
      row.page = page_;
      CellRow page_break;
      page_break.kind = RowKind::kPageBreak;
      page_break.page = page_;
      page_break.line = source.row;
      page_break.sheet = sheet_name_;
      queued_ = std::move(row);
      return page_break;
    }
    row.page = page_;
    return row;
  }

  const SourceInfo& info() const override { return info_; }

  std::vector<Diagnostic> reader_diagnostics() const override { return notes_; }

 private:
  void open_sheet(const SheetEntry& sheet) {
    content_ = sheet.load();
    next_row_ = 0;
    sheet_name_ = sheet.name;
    first_of_sheet_ = true;
    last_row_ = 0;
    std::string hidden;
    auto name = [](std::vector<int>& list, const char* one, const char* many, bool columns) {
      std::sort(list.begin(), list.end());
      list.erase(std::unique(list.begin(), list.end()), list.end());
      return (list.size() == 1 ? one : many) + ranges(list, columns);
    };
    if (!content_.hidden_rows.empty()) {
      hidden = name(content_.hidden_rows, "la fila ", "las filas ", false);
    }
    if (!content_.hidden_columns.empty()) {
      if (!hidden.empty()) hidden += " y en ";
      hidden += name(content_.hidden_columns, "la columna ", "las columnas ", true);
    }
    if (!hidden.empty()) {
      notes_.push_back(diag::make(DiagnosticCode::kHiddenContentSkipped, Severity::kInfo,
                                  "hoja «" + sheet.name +
                                      "»: no se leyeron celdas con texto ocultas en " + hidden +
                                      "; muéstrelas si son parte del POA",
                                  file_origin(info_.path), sheet.name));
    }
  }

  SourceInfo info_;
  std::vector<SheetEntry> sheets_;
  std::vector<Diagnostic> notes_;
  std::size_t next_sheet_ = 0;
  SheetContent content_;
  std::size_t next_row_ = 0;
  std::string sheet_name_;
  bool first_of_sheet_ = true;
  bool emitted_any_ = false;
  int last_row_ = 0;
  int page_ = 1;
  std::optional<CellRow> queued_;
};

// Which sheets to read (make_sheet_reader's `selection`); notes the hidden ones left out.
std::vector<SheetEntry> select_sheets(std::vector<SheetEntry> sheets,
                                      const std::optional<std::string>& selection,
                                      const std::string& path, std::vector<Diagnostic>& notes) {
  std::vector<SheetEntry> chosen;
  if (selection) {
    int position = 0;
    const auto [end, ec] =
        std::from_chars(selection->data(), selection->data() + selection->size(), position);
    const bool numeric = ec == std::errc() && end == selection->data() + selection->size();
    for (std::size_t i = 0; i < sheets.size(); ++i) {
      if (sheets[i].name == *selection ||
          (numeric && static_cast<int>(i) + 1 == position && position > 0)) {
        chosen.push_back(std::move(sheets[i]));
        return chosen;
      }
    }
    std::string names;
    for (const SheetEntry& s : sheets) names += (names.empty() ? "«" : ", «") + s.name + "»";
    throw InputError(diag::input_error(
        DiagnosticCode::kFileUnreadable,
        "no hay hoja «" + *selection + "» en el libro; sus hojas son " + names, file_origin(path)));
  }
  std::vector<std::string> hidden;
  for (SheetEntry& s : sheets) {
    if (s.hidden) {
      hidden.push_back(s.name);
    } else {
      chosen.push_back(std::move(s));
    }
  }
  if (!hidden.empty()) {
    std::string names;
    for (const std::string& n : hidden) names += (names.empty() ? "«" : ", «") + n + "»";
    notes.push_back(diag::make(
        DiagnosticCode::kHiddenContentSkipped, Severity::kInfo,
        (hidden.size() == 1 ? "no se leyó la hoja oculta " : "no se leyeron las hojas ocultas ") +
            names + " (léala con --sheet)",
        file_origin(path)));
  }
  return chosen;
}

}  // namespace

std::unique_ptr<RowReader> make_sheet_reader(SourceInfo info, std::vector<SheetEntry> sheets,
                                             const std::optional<std::string>& selection) {
  std::vector<Diagnostic> notes;
  std::vector<SheetEntry> chosen = select_sheets(std::move(sheets), selection, info.path, notes);
  return std::make_unique<SheetRowReader>(std::move(info), std::move(chosen), std::move(notes));
}

std::string sheet_cell_name(std::string_view sheet, int column, int row) {
  const bool plain = !sheet.empty() && std::all_of(sheet.begin(), sheet.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z') || c == '_';
  });
  std::string name;
  if (plain) {
    name = sheet;
  } else {
    name = "'";
    for (char c : sheet) name += c == '\'' ? std::string("''") : std::string(1, c);
    name += "'";
  }
  return name + "!" + xml::column_letters(column) + std::to_string(row);
}

std::string clean_sheet_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  const std::size_t first = out.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  const std::size_t last = out.find_last_not_of(' ');
  return out.substr(first, last - first + 1);
}

}  // namespace poa::extractor
