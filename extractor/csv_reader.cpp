// CSV: the dialect sniffed from the records' shape, then one record at a time.
#include "extractor/csv_reader.hpp"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "extractor/sheet_reader.hpp"

namespace poa::extractor {
namespace {

constexpr std::size_t kSniffBytes = std::size_t{64} * 1024;
constexpr int kSniffRecords = 200;
// A quoted cell never closed within this many lines is a stray quote, not a cell.
constexpr int kMaxRecordLines = 50;

struct Record {
  std::vector<std::string> fields;
  int lines = 1;  // physical lines it took
};

// The record starting at `pos` (moved past it). Quotes open a cell only at its start; `""`
// inside is a quote. A quote left open for kMaxRecordLines lines is taken as text.
Record parse_record(std::string_view text, std::size_t& pos, char sep) {
  Record rec;
  const std::size_t start = pos;
  for (bool quotes_allowed : {true, false}) {
    rec = Record{};
    pos = start;
    std::string field;
    bool in_quotes = false, at_start = true, closed = true;
    while (pos < text.size()) {
      const char c = text[pos];
      if (in_quotes) {
        if (c == '"' && pos + 1 < text.size() && text[pos + 1] == '"') {
          field += '"';
          pos += 2;
          continue;
        }
        if (c == '"') {
          in_quotes = false;
        } else {
          if (c == '\n' && ++rec.lines > kMaxRecordLines) break;
          field += c;
        }
        ++pos;
        continue;
      }
      if (c == '\n' || c == '\r') {
        pos += (c == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n') ? 2 : 1;
        rec.fields.push_back(std::move(field));
        return rec;
      }
      if (c == sep) {
        rec.fields.push_back(std::move(field));
        field.clear();
        at_start = true;
      } else if (c == '"' && at_start && quotes_allowed) {
        in_quotes = true;
        at_start = false;
      } else {
        field += c;
        at_start = false;
      }
      ++pos;
    }
    closed = !in_quotes;
    if (closed) {
      rec.fields.push_back(std::move(field));
      return rec;
    }
  }
  return rec;
}

// `sep=;` (Excel's hint line), with or without quotes around it.
std::optional<char> sep_line(std::string_view text) {
  std::string_view first = text.substr(0, text.find('\n'));
  if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
  if (first.size() >= 2 && first.front() == '"' && first.back() == '"')
    first = first.substr(1, first.size() - 2);
  if (first.size() != 5) return std::nullopt;
  std::string head(first.substr(0, 4));
  std::transform(head.begin(), head.end(), head.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (head != "sep=") return std::nullopt;
  return first[4];
}

// Among the first records split by `sep`: the most common cell count and how many records
// have it, out of the non-blank ones.
struct Shape {
  std::size_t cells = 0;
  int records = 0;
  int non_blank = 0;
};

Shape shape_of(std::string_view window, char sep) {
  std::map<std::size_t, int> counts;
  Shape s;
  std::size_t pos = 0;
  for (int i = 0; i < kSniffRecords && pos < window.size(); ++i) {
    const Record rec = parse_record(window, pos, sep);
    const bool blank = std::all_of(rec.fields.begin(), rec.fields.end(), [](const std::string& f) {
      return f.find_first_not_of(" \t") == std::string::npos;
    });
    if (blank) continue;
    ++s.non_blank;
    ++counts[rec.fields.size()];
  }
  for (const auto& [cells, n] : counts) {
    if (n > s.records || (n == s.records && cells > s.cells)) {
      s.cells = cells;
      s.records = n;
    }
  }
  return s;
}

bool consistent(const Shape& s) {
  return s.cells >= 4 && s.records >= 3 && s.records * 10 >= s.non_blank * 8;
}

class CsvReader final : public RowReader {
 public:
  CsvReader(DecodedText text, std::string sha256, std::string path, CsvDialect dialect)
      : text_(std::move(text.utf8)), dialect_(dialect) {
    info_.path = std::move(path);
    info_.type = SourceType::kCsv;
    info_.sha256 = std::move(sha256);
    info_.encoding = std::move(text.encoding);
    if (dialect_.sep_line) skip_first_line();
  }

  std::optional<CellRow> next() override {
    while (pos_ < text_.size()) {
      const int line = line_;
      const Record rec = parse_record(text_, pos_, dialect_.separator);
      line_ += rec.lines;
      CellRow row;
      row.line = line;
      for (std::size_t i = 0; i < rec.fields.size(); ++i) {
        std::string cell = clean_sheet_text(rec.fields[i]);
        if (!cell.empty()) row.cells.push_back(Cell{std::move(cell), static_cast<int>(i), 1, {}});
      }
      if (!row.cells.empty()) return row;
    }
    return std::nullopt;
  }

  const SourceInfo& info() const override { return info_; }

 private:
  void skip_first_line() {
    const std::size_t nl = text_.find('\n');
    pos_ = nl == std::string::npos ? text_.size() : nl + 1;
    ++line_;
  }

  SourceInfo info_;
  std::string text_;
  CsvDialect dialect_;
  std::size_t pos_ = 0;
  int line_ = 1;
};

}  // namespace

std::optional<CsvDialect> sniff_csv(std::string_view utf8) {
  if (const std::optional<char> sep = sep_line(utf8)) return CsvDialect{*sep, true};
  std::string_view window = utf8.substr(0, kSniffBytes);
  // The last record of the window may be cut: leave it out.
  if (window.size() < utf8.size()) window = window.substr(0, window.rfind('\n') + 1);
  const Shape tabs = shape_of(window, '\t');
  std::optional<CsvDialect> best;
  Shape best_shape;
  for (char sep : {',', ';'}) {
    const Shape s = shape_of(window, sep);
    if (!consistent(s)) continue;
    if (!best || s.records > best_shape.records ||
        (s.records == best_shape.records && s.cells > best_shape.cells)) {
      best = CsvDialect{sep, false};
      best_shape = s;
    }
  }
  // Tabs explain the file at least as well: a tab dump, the text reader's input.
  if (best && consistent(tabs) && tabs.records >= best_shape.records) return std::nullopt;
  return best;
}

std::unique_ptr<RowReader> make_csv_reader(DecodedText text, std::string sha256, std::string path,
                                           CsvDialect dialect) {
  return std::make_unique<CsvReader>(std::move(text), std::move(sha256), std::move(path), dialect);
}

}  // namespace poa::extractor
