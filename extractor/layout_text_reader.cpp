// The layout-dump reader: form-feed pages -> words on a character grid -> the PDF layout -> rows
// whose origins are the dump's physical lines.
#include "extractor/layout_text_reader.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>
#include <vector>

namespace poa::extractor {
namespace {

bool is_blank_char(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

bool is_utf8_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Splits `text` into physical lines (LF, CRLF and a lone CR each end one), as the text reader
// numbers them. Returns false at the end.
class LineCursor {
 public:
  explicit LineCursor(std::string_view text) : text_(text) {}

  bool next(std::string_view& line) {
    if (pos_ >= text_.size()) return false;
    std::size_t end = pos_;
    while (end < text_.size() && text_[end] != '\n' && text_[end] != '\r') ++end;
    line = text_.substr(pos_, end - pos_);
    ++number_;
    if (end < text_.size() && text_[end] == '\r' && end + 1 < text_.size() &&
        text_[end + 1] == '\n') {
      ++end;
    }
    pos_ = end + 1;
    return true;
  }
  int number() const { return number_; }  // 1-based number of the line last returned

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  int number_ = 0;
};

// How many lines the detection looks at: enough for a few pages, bounded on a huge file.
constexpr int kSampleLines = 2000;
// Column starts beyond this are not counted (a line that long is not a table of a POA page).
constexpr int kMaxColumn = 1024;

bool is_markup_line(std::string_view line) {
  std::size_t first = 0;
  while (first < line.size() && line[first] == ' ') ++first;
  std::size_t last = line.size();
  while (last > first && is_blank_char(line[last - 1])) --last;
  if (line.find('\t') != std::string_view::npos) return true;
  if (last - first >= 2 && line[first] == '|' && line[last - 1] == '|') return true;
  return first < line.size() && first <= 3 && line[first] == '#';  // a markdown heading
}

// Code-point columns where text starts after a run of 2+ spaces (an indent included).
void column_starts(std::string_view line, std::vector<int>& out) {
  int column = 0;
  int spaces = 0;
  for (const char c : line) {
    if (c == '\f') continue;  // pdftotext's page break takes no column
    if (is_utf8_continuation(c)) continue;
    if (c == ' ') {
      ++spaces;
    } else {
      if (spaces >= 2 && column < kMaxColumn) out.push_back(column);
      spaces = 0;
    }
    ++column;
  }
}

// The column extents [first, end) of the words of a dump line.
void word_extents(std::string_view line, std::vector<std::pair<int, int>>& out) {
  int column = 0;
  int first = -1;
  for (const char c : line) {
    if (c == '\f' || is_utf8_continuation(c)) continue;
    if (is_blank_char(c)) {
      if (first >= 0) out.emplace_back(first, column);
      first = -1;
    } else if (first < 0) {
      first = column;
    }
    ++column;
  }
  if (first >= 0) out.emplace_back(first, column);
}

// A line's place is looked up from its top, which lies below the place by the line's leading.
constexpr double kPlaceSlack = 0.25;

}  // namespace

LayoutDumpEvidence layout_dump_evidence(std::string_view utf8) {
  LayoutDumpEvidence ev;
  ev.form_feed = utf8.find('\f') != std::string_view::npos;
  // Column starts of every sampled line, flat, with each line's range.
  std::vector<int> starts;
  std::vector<std::pair<std::size_t, std::size_t>> line_ranges;
  LineCursor cursor(utf8);
  std::string_view line;
  while (ev.lines < kSampleLines && cursor.next(line)) {
    if (std::all_of(line.begin(), line.end(), is_blank_char)) continue;
    ++ev.lines;
    if (is_markup_line(line)) {
      ++ev.cell_lines;
      continue;
    }
    const std::size_t from = starts.size();
    column_starts(line, starts);
    if (starts.size() > from) line_ranges.emplace_back(from, starts.size());
  }
  ev.gapped_lines = static_cast<int>(line_ranges.size());
  // How many lines start a column at each position; a start is shared when the lines starting
  // within one column of it number 3 or more (pdftotext may shift a column by one).
  std::vector<int> lines_at(kMaxColumn + 2, 0);
  for (const int s : starts) ++lines_at[static_cast<std::size_t>(s) + 1];
  for (const auto& [from, to] : line_ranges) {
    for (std::size_t i = from; i < to; ++i) {
      const std::size_t at = static_cast<std::size_t>(starts[i]) + 1;
      if (lines_at[at - 1] + lines_at[at] + lines_at[at + 1] >= 3) {
        ++ev.aligned_lines;
        break;
      }
    }
  }
  return ev;
}

bool is_layout_dump(std::string_view utf8) {
  const LayoutDumpEvidence ev = layout_dump_evidence(utf8);
  // Tab or pipe cells are the other dumps' columns: a few such lines (5 %) are tolerated as
  // stray text. Then a third of the lines must start a column where other lines do.
  return ev.cell_lines * 20 <= ev.lines && ev.aligned_lines >= 3 &&
         ev.aligned_lines * 3 >= ev.lines;
}

int add_dump_line(std::string_view line, double row, const CharGrid& grid,
                  layout::PageWords& page) {
  const double y0 = row * grid.line_height + (grid.line_height - grid.font_size) / 2;
  const double y1 = y0 + grid.font_size;
  int column = 0;
  std::size_t i = 0;
  while (i < line.size()) {
    if (line[i] == '\f') {
      ++i;
      continue;
    }
    if (is_blank_char(line[i])) {
      ++column;
      ++i;
      continue;
    }
    // A word: the run of non-blank characters, split at single spaces as a PDF engine does.
    const std::size_t begin = i;
    const int first_column = column;
    while (i < line.size() && !is_blank_char(line[i])) {
      if (!is_utf8_continuation(line[i])) ++column;
      ++i;
    }
    page.add_word(std::string(line.substr(begin, i - begin)),
                  Box{first_column * grid.char_width - grid.word_padding, y0,
                      column * grid.char_width + grid.word_padding, y1},
                  grid.font_size);
  }
  return column;
}

namespace {

class LayoutTextReader final : public RowReader {
 public:
  LayoutTextReader(DecodedText text, std::string sha256, std::string path)
      : text_(std::move(text.utf8)), cursor_(text_) {
    info_.path = std::move(path);
    info_.type = SourceType::kText;
    info_.sha256 = std::move(sha256);
    info_.pages = std::nullopt;
    info_.encoding = std::move(text.encoding);
  }

  std::optional<CellRow> next() override {
    while (pos_ == rows_.size()) {
      if (!load_page()) return std::nullopt;
    }
    return std::move(rows_[pos_++]);
  }

  const SourceInfo& info() const override { return info_; }

 private:
  // Reads the next page (up to a form feed or the end) and lays it out. False at the end.
  bool load_page() {
    if (done_) return false;
    words_.clear();
    page_lines_.clear();
    ++page_number_;
    words_.number = page_number_;
    int longest = 0;
    bool ended_by_form_feed = false;
    double row = -1;  // the place of the page's last line so far
    line_rows_.clear();
    above_.clear();
    for (;;) {
      std::string_view line;
      int number = 0;
      if (carry_) {
        line = carry_->first;
        number = carry_->second;
        carry_.reset();
      } else if (cursor_.next(line)) {
        number = cursor_.number();
      } else {
        done_ = true;
        break;
      }
      const std::size_t ff = line.find('\f');
      if (ff != std::string_view::npos) {
        // What follows the form feed is the next page's first line (same physical line).
        carry_ = std::pair{line.substr(ff + 1), number};
        line = line.substr(0, ff);
        ended_by_form_feed = true;
      }
      row = place_line(line, row);
      page_lines_.push_back(number);
      line_rows_.push_back(row);
      longest = std::max(longest, add_dump_line(line, row, grid_, words_));
      if (ended_by_form_feed) break;
    }
    // The form feed pdftotext writes after the last page opens no page of its own.
    if (words_.words.empty() && done_ && page_number_ > 1 && !ended_by_form_feed) return false;
    words_.width = longest * grid_.char_width;
    words_.height = (line_rows_.empty() ? 0 : line_rows_.back() + 1) * grid_.line_height;
    layout::PageLayout lay = layout::layout_page(words_, state_, config_);
    layout::count_dropped(lay, words_.number, info_.furniture);
    // The layout numbers lines within the page; the dump's origins are its physical lines.
    std::vector<int> physical(lay.lines.size() + 1, page_lines_.empty() ? 0 : page_lines_[0]);
    for (const layout::Line& l : lay.lines) {
      // The page line whose place holds the line's top (places only grow down the page).
      const double place = l.box.y0 / grid_.line_height + kPlaceSlack;
      const auto it = std::upper_bound(line_rows_.begin(), line_rows_.end(), place);
      if (it == line_rows_.begin()) continue;
      const auto k = static_cast<std::size_t>(it - line_rows_.begin()) - 1;
      if (l.index >= 0 && static_cast<std::size_t>(l.index) < physical.size()) {
        physical[static_cast<std::size_t>(l.index)] = page_lines_[k];
      }
    }
    rows_ = std::move(lay.rows);
    for (CellRow& r : rows_) {
      if (r.kind == RowKind::kPageBreak) {
        r.line = page_lines_.empty() ? 0 : page_lines_.front();
      } else if (r.line >= 0 && static_cast<std::size_t>(r.line) < physical.size()) {
        r.line = physical[static_cast<std::size_t>(r.line)];
      }
      r.page = page_number_;
      r.page_is_physical = false;
    }
    pos_ = 0;
    return true;
  }

  // The place of a line (in line pitches from the page's top) given the place of the line
  // above. pdftotext writes the lines of neighbouring cells whose baselines the PDF offsets by
  // part of a line (a label wrapped over two lines centred on its neighbour's one, a value
  // centred on its label's line) as lines of their own, interleaved: a cell's lines lie two
  // pitches apart with the other cell's line between, as if a blank line parted them. A line
  // sharing no column with the text line right above it goes half a pitch below that one, so
  // that each cell's lines lie one pitch apart again, as in the PDF; a blank line keeps its
  // whole pitch.
  double place_line(std::string_view line, double above) {
    here_.clear();
    word_extents(line, here_);
    const bool interleaved =
        !here_.empty() && !above_.empty() &&
        std::none_of(here_.begin(), here_.end(), [&](const std::pair<int, int>& w) {
          return std::any_of(above_.begin(), above_.end(), [&](const std::pair<int, int>& a) {
            return std::min(w.second, a.second) > std::max(w.first, a.first);
          });
        });
    std::swap(above_, here_);
    return above + (interleaved ? 0.5 : 1.0);
  }

  SourceInfo info_;
  std::string text_;
  LineCursor cursor_;
  std::optional<std::pair<std::string_view, int>> carry_;
  bool done_ = false;
  int page_number_ = 0;
  CharGrid grid_;
  layout::LayoutConfig config_ = [] {
    layout::LayoutConfig c;
    c.char_grid = true;
    return c;
  }();
  layout::PageWords words_;
  std::vector<int> page_lines_;    // physical line of each line of the page
  std::vector<double> line_rows_;  // and its place, in line pitches from the page's top
  // Column extents of the words of the line above and of this one (place_line).
  std::vector<std::pair<int, int>> above_, here_;
  layout::LayoutState state_;
  std::vector<CellRow> rows_;
  std::size_t pos_ = 0;
};

}  // namespace

std::unique_ptr<RowReader> make_layout_text_reader(DecodedText text, std::string sha256,
                                                   std::string path) {
  return std::make_unique<LayoutTextReader>(std::move(text), std::move(sha256), std::move(path));
}

}  // namespace poa::extractor
