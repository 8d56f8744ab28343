// Page geometry for the PDF reader: lines from baselines, grids from labels, activity rows
// anchored on the numeric columns.
#include "extractor/pdf_layout.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

#include "extractor/cell_grid.hpp"
#include "extractor/labels.hpp"
#include "extractor/rulings.hpp"

namespace poa::extractor::layout {

void PageWords::clear() {
  words.clear();
  glyphs.clear();
  fonts.clear();
  graphics.clear();
  width = height = 0;
  rotation = 0;
}

void PageWords::add_word(std::string text, Box box, double font_size, bool bold) {
  Word w;
  w.box = box;
  w.font_size = font_size;
  w.bold = bold;
  w.glyph_begin = static_cast<std::uint32_t>(glyphs.size());
  std::uint32_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
  }
  const double step = n ? (box.x1 - box.x0) / n : 0;
  std::uint32_t k = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t j = i + 1;
    while (j < text.size() && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) ++j;
    glyphs.push_back(Glyph{box.x0 + step * k, box.x0 + step * (k + 1),
                           static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j)});
    ++k;
    i = j;
  }
  w.glyph_count = n;
  w.text = std::move(text);
  words.push_back(std::move(w));
}

namespace {

constexpr double kInf = 1e12;

double cy(const Box& b) {
  return (b.y0 + b.y1) / 2;
}
double height(const Box& b) {
  return b.y1 - b.y0;
}
void unite(Box& a, const Box& b) {
  a.x0 = std::min(a.x0, b.x0);
  a.y0 = std::min(a.y0, b.y0);
  a.x1 = std::max(a.x1, b.x1);
  a.y1 = std::max(a.y1, b.y1);
}
double size_of(const Word& w) {
  return w.font_size > 0 ? w.font_size : height(w.box);
}

// Fake bold draws each glyph twice at (almost) the same place; keep the first.
void drop_doubled_glyphs(PageWords& page, Word& w) {
  if (w.glyph_count < 2) return;
  Glyph* g = page.glyphs.data() + w.glyph_begin;
  const std::string_view text = w.text;
  bool doubled = false;
  for (std::uint32_t i = 1; i < w.glyph_count && !doubled; ++i) {
    const double tol = 0.3 * std::max(g[i - 1].x1 - g[i - 1].x0, 0.5);
    doubled = std::abs(g[i].x0 - g[i - 1].x0) < tol &&
              text.substr(g[i].begin, g[i].end - g[i].begin) ==
                  text.substr(g[i - 1].begin, g[i - 1].end - g[i - 1].begin);
  }
  if (!doubled) return;
  std::string out;
  out.reserve(text.size());
  std::uint32_t kept = 0;
  for (std::uint32_t i = 0; i < w.glyph_count; ++i) {
    if (kept > 0) {
      const Glyph& last = g[kept - 1];
      const double tol = 0.3 * std::max(last.x1 - last.x0, 0.5);
      if (std::abs(g[i].x0 - last.x0) < tol &&
          text.substr(g[i].begin, g[i].end - g[i].begin) ==
              std::string_view(out).substr(last.begin, last.end - last.begin)) {
        continue;
      }
    }
    Glyph ng = g[i];
    ng.begin = static_cast<std::uint32_t>(out.size());
    out.append(text.substr(g[i].begin, g[i].end - g[i].begin));
    ng.end = static_cast<std::uint32_t>(out.size());
    g[kept++] = ng;
  }
  w.glyph_count = kept;
  w.text = std::move(out);
}

// Per-glyph lower-case ASCII letters (accents dropped) for spotting month names in words.
struct FoldedWord {
  std::array<char, 48> c{};
  std::array<bool, 48> upper{};
  std::uint32_t n = 0;
};

bool fold_word(const PageWords& page, const Word& w, FoldedWord& f) {
  if (w.glyph_count == 0 || w.glyph_count > f.c.size()) return false;
  f.n = w.glyph_count;
  const Glyph* g = page.glyphs.data() + w.glyph_begin;
  for (std::uint32_t i = 0; i < f.n; ++i) {
    const std::string_view s = std::string_view(w.text).substr(g[i].begin, g[i].end - g[i].begin);
    char ch = '?';
    bool up = false;
    if (s.size() == 1) {
      ch = s[0];
      if (ch >= 'A' && ch <= 'Z') {
        up = true;
        ch = static_cast<char>(ch - 'A' + 'a');
      }
    } else if (s.size() == 2 && static_cast<unsigned char>(s[0]) == 0xC3) {
      // Latin-1 letters with accents: U+00C0..U+00FF.
      static constexpr char kBase[] = "aaaaaaeceeeeiiiidnooooo*ouuuuyts";
      const unsigned v = static_cast<unsigned char>(s[1]) & 0x3F;
      const unsigned idx = v & 0x1F;
      ch = kBase[idx];
      up = v < 0x20;
    }
    f.c[i] = ch;
    f.upper[i] = up;
  }
  return true;
}

bool is_alpha(char c) {
  return c >= 'a' && c <= 'z';
}

struct Token {
  std::uint32_t g0 = 0, g1 = 0;
  int month = 0;
};

// Month names inside a word, also when glued to a neighbour cell (`anualEne`): a name must start
// at the word's start, after a non-letter or at a lower->upper case change, and end likewise.
void find_months(const FoldedWord& f, std::vector<Token>& out) {
  static constexpr std::array<std::string_view, 27> kNames = {
      "septiembre", "setiembre", "noviembre", "diciembre", "octubre", "febrero", "agosto",
      "enero",      "marzo",     "abril",     "junio",     "julio",   "sept",    "mayo",
      "ene",        "feb",       "mar",       "abr",       "may",     "jun",     "jul",
      "ago",        "sep",       "set",       "oct",       "nov",     "dic"};
  static constexpr std::array<int, 27> kMonth = {8, 8, 10, 11, 9, 1, 7, 0, 2, 3, 5, 6,  8, 4,
                                                 0, 1, 2,  3,  4, 5, 6, 7, 8, 8, 9, 10, 11};
  const std::string_view s(f.c.data(), f.n);
  auto starts = [&](std::uint32_t p) {
    if (p == 0) return true;
    if (!is_alpha(s[p - 1])) return is_alpha(s[p]);
    return f.upper[p] && !f.upper[p - 1];
  };
  auto ends = [&](std::uint32_t p) {
    if (p == f.n) return true;
    if (!is_alpha(s[p])) return true;
    return f.upper[p] && !f.upper[p - 1];
  };
  for (std::uint32_t p = 0; p < f.n; ++p) {
    if (!is_alpha(s[p]) || !starts(p)) continue;
    for (std::size_t k = 0; k < kNames.size(); ++k) {
      const auto& name = kNames[k];
      if (s.substr(p, name.size()) == name && ends(p + static_cast<std::uint32_t>(name.size()))) {
        out.push_back(Token{p, p + static_cast<std::uint32_t>(name.size()), kMonth[k]});
        p += static_cast<std::uint32_t>(name.size()) - 1;
        break;
      }
    }
  }
}

// A run of a word's glyphs: a whole word, or the part of a glued word on one side of a border.
struct Piece {
  std::string_view text;
  Box box;
  double size = 0;
  bool bold = false;
};

Piece make_piece(const PageWords& page, const Word& w, std::uint32_t g0, std::uint32_t g1) {
  if (w.glyph_count == 0 || (g0 == 0 && g1 >= w.glyph_count)) {
    return Piece{w.text, w.box, size_of(w), w.bold};
  }
  const Glyph* g = page.glyphs.data() + w.glyph_begin;
  Box b = w.box;
  b.x0 = g[g0].x0;
  b.x1 = g[g1 - 1].x1;
  return Piece{std::string_view(w.text).substr(g[g0].begin, g[g1 - 1].end - g[g0].begin), b,
               size_of(w), w.bold};
}

// Index of the column whose range holds `x` given the inner borders (sorted).
int column_at(const std::vector<double>& borders, double x) {
  return static_cast<int>(std::upper_bound(borders.begin(), borders.end(), x) - borders.begin());
}

enum class GlyphKind { kLower, kUpper, kDigit, kSpace, kOther };

GlyphKind glyph_kind(std::string_view s) {
  if (s.empty()) return GlyphKind::kOther;
  const auto c = static_cast<unsigned char>(s[0]);
  if (c == ' ') return GlyphKind::kSpace;
  if (c >= '0' && c <= '9') return GlyphKind::kDigit;
  if (c >= 'a' && c <= 'z') return GlyphKind::kLower;
  if (c >= 'A' && c <= 'Z') return GlyphKind::kUpper;
  if (c == 0xC3 && s.size() >= 2) {  // Latin-1 letters: U+00C0..U+00DE upper, the rest lower
    const auto v = static_cast<unsigned char>(s[1]);
    if (v == 0x97 || v == 0xB7) return GlyphKind::kOther;  // × ÷
    return v < 0x9F ? GlyphKind::kUpper : GlyphKind::kLower;
  }
  // Other letters count as lower case: no cut by a change of case.
  return c >= 0xC4 ? GlyphKind::kLower : GlyphKind::kOther;
}

// Whether a word may be cut before glyph i: only where poppler may have glued two cells into
// one word (`anualEne`, `$0.00Número`): a gap between glyphs, a change of font, a space, a
// letter/number boundary, a lower->upper case change or punctuation before a capital. Never
// between ordinary letters (`TOTA|L`).
bool may_cut(const PageWords& page, const Word& w, std::uint32_t i) {
  const Glyph* g = page.glyphs.data() + w.glyph_begin;
  if (g[i].font_change || g[i].x0 - g[i - 1].x1 > 0.15 * size_of(w)) return true;
  const std::string_view text = w.text;
  const GlyphKind a = glyph_kind(text.substr(g[i - 1].begin, g[i - 1].end - g[i - 1].begin));
  const GlyphKind b = glyph_kind(text.substr(g[i].begin, g[i].end - g[i].begin));
  const bool la = a == GlyphKind::kLower || a == GlyphKind::kUpper;
  const bool lb = b == GlyphKind::kLower || b == GlyphKind::kUpper;
  return a == GlyphKind::kSpace || b == GlyphKind::kSpace || (la && b == GlyphKind::kDigit) ||
         (a == GlyphKind::kDigit && lb) || (a == GlyphKind::kLower && b == GlyphKind::kUpper) ||
         (a == GlyphKind::kOther && b == GlyphKind::kUpper);
}

// The column holding most of [x0, x1] given the inner borders (sorted).
int majority_column(const std::vector<double>& borders, double x0, double x1) {
  const int c0 = column_at(borders, x0);
  const int c1 = column_at(borders, x1);
  int best = c0;
  double best_w = -1;
  for (int c = c0; c <= c1; ++c) {
    const double lo = c > 0 ? std::max(x0, borders[static_cast<std::size_t>(c - 1)]) : x0;
    const double hi = c < static_cast<int>(borders.size())
                          ? std::min(x1, borders[static_cast<std::size_t>(c)])
                          : x1;
    if (hi - lo > best_w) {
      best_w = hi - lo;
      best = c;
    }
  }
  return best;
}

// Splits a word at the borders it crosses. A word is cut only where two cells may have been
// glued into it (may_cut); each part goes to the column holding most of its width, and
// neighbouring parts in one column stay together.
template <typename Emit>
void split_word(const PageWords& page, const Word& w, const std::vector<double>& borders,
                Emit&& emit) {
  const int c0 = column_at(borders, w.box.x0 + 0.5);
  const int c1 = column_at(borders, w.box.x1 - 0.5);
  if (c0 == c1 || w.glyph_count < 2) {
    emit(make_piece(page, w, 0, w.glyph_count), column_at(borders, w.box.x0 + 1.0));
    return;
  }
  const Glyph* g = page.glyphs.data() + w.glyph_begin;
  std::uint32_t start = 0;
  int col = -1;
  auto flush = [&](std::uint32_t end) {
    Piece p = make_piece(page, w, start, end);
    // A glued neighbour's space may sit at the cut; it is not part of either cell.
    while (!p.text.empty() && p.text.back() == ' ') p.text.remove_suffix(1);
    while (!p.text.empty() && p.text.front() == ' ') p.text.remove_prefix(1);
    if (!p.text.empty()) emit(p, col);
  };
  std::uint32_t atom = 0;
  for (std::uint32_t i = 1; i <= w.glyph_count; ++i) {
    if (i < w.glyph_count && !may_cut(page, w, i)) continue;
    const int c = majority_column(borders, g[atom].x0, g[i - 1].x1);
    if (col >= 0 && c != col) {
      flush(atom);
      start = atom;
    }
    col = c;
    atom = i;
  }
  flush(w.glyph_count);
}

struct LineData {
  std::vector<std::uint32_t> words;
  Box box;
  double size = 0;
  int index = 0;
};

enum class Region { kDropped, kTitle, kBlock, kTableHeader, kTableBody };

struct LineInfo {
  Region region = Region::kBlock;
  bool label = false;        // holds a header-block label cell
  bool title = false;        // names the plan
  bool months = false;       // holds six or more month names
  int letter_months = -1;    // position in the line's words of `E F M A M J J A S O N D`
  bool actividad = false;    // holds the ACTIVIDAD column label
  int zone = -1;             // table zone, for table lines
  int labels = 0;            // how many header-block label cells
  bool upper_label = false;  // one of them is written in capitals, as labels are
};

bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_upper(std::string_view s) {
  bool letters = false;
  for (unsigned char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    letters = letters || (c >= 'A' && c <= 'Z');
  }
  return letters;
}

// The line's words, a space between them unless they touch (a word split by fake bold).
std::string line_text(const PageWords& page, const LineData& l) {
  std::string s;
  double last_x1 = kInf;
  for (std::uint32_t wi : l.words) {
    const Word& w = page.words[wi];
    if (!s.empty() && w.box.x0 - last_x1 > 0.12 * size_of(w)) s += ' ';
    s += w.text;
    last_x1 = w.box.x1;
  }
  return s;
}

// Cells of a line split at gaps wider than a gutter and at `borders`.
struct GCell {
  std::string text;
  Box box;
  int column = 0;
  double size = 0;
  bool bold = false;
};

void gutter_cells(const PageWords& page, const LineData& l, const std::vector<double>& borders,
                  std::vector<GCell>& out) {
  out.clear();
  double last_x1 = -kInf;
  int last_col = -1;
  for (std::uint32_t wi : l.words) {
    split_word(page, page.words[wi], borders, [&](const Piece& p, int col) {
      const bool join = !out.empty() && col == last_col && p.box.x0 - last_x1 < 1.0 * p.size;
      if (join) {
        GCell& c = out.back();
        if (p.box.x0 - last_x1 > 0.12 * p.size || c.text.back() == ' ') c.text += ' ';
        c.text.append(p.text);
        unite(c.box, p.box);
        c.bold = c.bold && p.bold;
      } else {
        out.push_back(GCell{std::string(p.text), p.box, col, p.size, p.bold});
      }
      last_x1 = p.box.x1;
      last_col = col;
    });
  }
}

// Page numbers: `3`, `3/10`, `- 3 -`, `3 de 10`, `Página 3 de 10`.
bool is_page_number_text(std::string_view s) {
  if (is_page_number(s)) return true;
  int digits = 0;
  int groups = 0;
  bool in_digits = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      ++digits;
      if (!in_digits) ++groups;
      in_digits = true;
      continue;
    }
    in_digits = false;
    if (c == ' ' || c == '-' || c == '/' || c == 'd' || c == 'e' || c == '|') continue;
    return false;
  }
  return digits > 0 && digits <= 8 && groups <= 2;
}

std::string margin_signature(const Box& b, std::string_view text) {
  std::string sig = std::to_string(static_cast<long>(std::lround(b.y0 / 3.0))) + "|";
  for (char c : text) sig += (c >= '0' && c <= '9') ? '#' : c;
  return sig;
}

// The vertical gap between anchors k and k+1 where one activity ends and the next begins: the
// widest band free of text (wrapped lines within a cell sit closer than lines of two rows).
double row_border(const std::vector<LineData>& lines, const std::vector<int>& body, std::size_t a,
                  std::size_t b) {
  const double lo = lines[static_cast<std::size_t>(body[a])].box.y1;
  const double hi = lines[static_cast<std::size_t>(body[b])].box.y0;
  const double mid = (cy(lines[static_cast<std::size_t>(body[a])].box) +
                      cy(lines[static_cast<std::size_t>(body[b])].box)) /
                     2;
  double best_gap = -1, best_at = mid, reach = lo;
  for (std::size_t i = a + 1; i <= b; ++i) {
    const Box& bx = lines[static_cast<std::size_t>(body[i])].box;
    const double gap = bx.y0 - reach;
    if (gap > 0) {
      const double at = reach + gap / 2;
      if (gap > best_gap + 0.5 ||
          (gap > best_gap - 0.5 && std::abs(at - mid) < std::abs(best_at - mid))) {
        best_gap = std::max(gap, best_gap);
        best_at = at;
      }
    }
    reach = std::max(reach, bx.y1);
  }
  (void)hi;
  return best_gap > 0 ? best_at : mid;
}

struct TableZone {
  int header_first = -1, month_line = -1;  // line positions (into `order`)
  int header_last = -1;  // the header's last line: the month line, or a label wrapped below it
  int body_first = -1, body_last = -1;  // inclusive; body_first > body_last when empty
  bool carried = false;
};

class PageLayouter {
 public:
  PageLayouter(PageWords& page, LayoutState& state) : page_(page), state_(state) {}

  PageLayout run() {
    for (Word& w : page_.words) drop_doubled_glyphs(page_, w);
    find_grids();
    build_lines();
    place_lines_in_grids();
    classify_lines();
    find_zones();
    find_header_grid();
    emit();
    return std::move(out_);
  }

 private:
  // The tables the page draws with rulings (none for text dumps and borderless pages).
  void find_grids() {
    if (page_.graphics.empty()) return;
    rulings_ = find_rulings(page_.graphics);
    grids_ = build_cell_grids(rulings_, page_.graphics);
  }

  // The grid each line lies in: every word's centre inside the grid's frame; -1 for none.
  void place_lines_in_grids() {
    line_grid_.assign(lines_.size(), -1);
    for (std::size_t k = 0; k < lines_.size(); ++k) {
      for (std::size_t g = 0; g < grids_.size() && line_grid_[k] < 0; ++g) {
        const Box frame = grids_[g].box();
        const bool inside =
            std::all_of(lines_[k].words.begin(), lines_[k].words.end(), [&](std::uint32_t wi) {
              const Box& b = page_.words[wi].box;
              const double x = (b.x0 + b.x1) / 2, y = cy(b);
              return x > frame.x0 && x < frame.x1 && y > frame.y0 && y < frame.y1;
            });
        if (inside) line_grid_[k] = static_cast<int>(g);
      }
    }
  }

  void build_lines() {
    std::vector<std::uint32_t> order(page_.words.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      return cy(page_.words[a].box) < cy(page_.words[b].box);
    });
    for (std::uint32_t wi : order) {
      const Word& w = page_.words[wi];
      if (w.text.empty()) continue;
      const double h = std::max(height(w.box), 0.5);
      if (!lines_.empty()) {
        LineData& l = lines_.back();
        const double ref = cy(page_.words[l.words.front()].box);
        const double lh = std::max(height(page_.words[l.words.front()].box), 0.5);
        if (cy(w.box) - ref <= 0.3 * std::min(h, lh)) {
          l.words.push_back(wi);
          unite(l.box, w.box);
          l.size = std::max(l.size, size_of(w));
          continue;
        }
      }
      lines_.push_back(LineData{{wi}, w.box, size_of(w), 0});
    }
    std::vector<LineData> kept;
    kept.reserve(lines_.size());
    for (LineData& l : lines_) {
      std::sort(l.words.begin(), l.words.end(), [&](std::uint32_t a, std::uint32_t b) {
        return page_.words[a].box.x0 < page_.words[b].box.x0;
      });
      // Fake bold drawn as a second word over the first: keep one.
      std::size_t n = 0;
      for (std::uint32_t wi : l.words) {
        if (n > 0) {
          const Word& prev = page_.words[l.words[n - 1]];
          const Word& w = page_.words[wi];
          if (w.text == prev.text && std::abs(w.box.x0 - prev.box.x0) < 0.3 * size_of(w)) continue;
        }
        l.words[n++] = wi;
      }
      l.words.resize(n);
      kept.push_back(std::move(l));
    }
    lines_ = std::move(kept);
    std::sort(lines_.begin(), lines_.end(),
              [](const LineData& a, const LineData& b) { return cy(a.box) < cy(b.box); });
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      lines_[i].index = static_cast<int>(i) + 1;
      out_.lines.push_back(Line{lines_[i].index, lines_[i].box, line_text(page_, lines_[i])});
    }
    info_.resize(lines_.size());
  }

  bool stands_out(const LineData& l) const {
    const double centre = (l.box.x0 + l.box.x1) / 2;
    const bool centred = page_.width > 0 && std::abs(centre - page_.width / 2) < 0.1 * page_.width;
    bool bold = true;
    for (std::uint32_t wi : l.words) bold = bold && page_.words[wi].bold;
    return centred || bold || l.size > median_size_ * 1.15;
  }

  void classify_lines() {
    if (!lines_.empty()) {
      std::vector<double> sizes;
      for (const LineData& l : lines_) sizes.push_back(l.size);
      std::nth_element(sizes.begin(), sizes.begin() + static_cast<long>(sizes.size() / 2),
                       sizes.end());
      median_size_ = sizes[sizes.size() / 2];
    }
    const double margin = 0.12 * page_.height;  // page furniture lives in the outer 12%
    std::vector<std::string> signatures;
    std::vector<Token> tokens;
    std::vector<GCell> cells;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const LineData& l = lines_[i];
      LineInfo& inf = info_[i];
      const std::string& text = out_.lines[i].text;
      // A title names the plan and stands out; the same words wrapped inside a table cell
      // (`… del Programa Operativo Anual 2023`) are not a title.
      if (text.size() < 120 && is_poa_title(text) && stands_out(l)) inf.title = true;
      // Month names: six or more on one line make the table's month header.
      tokens.clear();
      FoldedWord f;
      for (std::uint32_t wi : l.words) {
        if (fold_word(page_, page_.words[wi], f)) find_months(f, tokens);
      }
      if (tokens.size() >= 6) {
        std::array<bool, 12> seen{};
        int distinct = 0;
        for (const Token& t : tokens) {
          if (!seen[static_cast<std::size_t>(t.month)]) ++distinct;
          seen[static_cast<std::size_t>(t.month)] = true;
        }
        inf.months = distinct >= 6;
      }
      if (!inf.months) {
        inf.letter_months = letter_month_run(l);
        inf.months = inf.letter_months >= 0;
      }
      gutter_cells(page_, l, {}, cells);
      bool after_label = false;  // the previous cell was a label alone
      for (const GCell& c : cells) {
        const bool beside = after_label;
        after_label = false;
        std::optional<LabelMatch> match;
        const unsigned char first = static_cast<unsigned char>(c.text[0]);
        if (c.text.size() <= 90 &&
            ((first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z') || first >= 0xC0)) {
          if (auto role = match_column_label(c.text); role && *role == ColumnRole::kActividad) {
            inf.actividad = true;
          }
          match = match_header_label(c.text);
        }
        if (match) {
          inf.label = true;
          ++inf.labels;
          inf.upper_label = inf.upper_label || is_upper(c.text);
          label_cells_.push_back(c);
          label_lines_.push_back(static_cast<int>(i));
          after_label = match->value.empty();
        } else if (beside && !(c.bold && is_upper(c.text))) {
          // Text beside a label on its line (a form laid out label | value) starts a column
          // of its own; a bold capitals piece there is rather a wrapped label's first line.
          value_cells_.push_back(c);
          value_lines_.push_back(static_cast<int>(i));
        }
      }
      // Page furniture: a page number, or a line repeated at the same place on the previous
      // page, standing apart in the top or bottom margin. Labels, titles and month headers
      // repeat on every page of a POA too, and are kept.
      const bool top = l.box.y1 < margin;
      const bool bottom = l.box.y0 > page_.height - margin;
      if (page_.height <= 0 || !(top || bottom) || inf.title || inf.months || inf.labels > 0) {
        continue;
      }
      if (is_page_number(text)) {  // `Página 3 de 4`: furniture wherever it sits in a margin
        inf.region = Region::kDropped;
        continue;
      }
      double gap = kInf;
      // Apart on both sides: a wrapped column label repeated at the top of every page is
      // close to the other lines of its header.
      if (i + 1 < lines_.size()) gap = lines_[i + 1].box.y0 - l.box.y1;
      if (i > 0) gap = std::min(gap, l.box.y0 - lines_[i - 1].box.y1);
      if (gap < 0.8 * height(l.box)) continue;
      if (is_page_number_text(text)) {
        inf.region = Region::kDropped;
        continue;
      }
      std::string sig = margin_signature(l.box, text);
      if (std::find(state_.previous_margin_lines.begin(), state_.previous_margin_lines.end(),
                    sig) != state_.previous_margin_lines.end()) {
        inf.region = Region::kDropped;
      }
      signatures.push_back(std::move(sig));
    }
    state_.previous_margin_lines = std::move(signatures);
  }

  // Months written as their initials, `E F M A M J J A S O N D`: twelve one-letter words in
  // this order on one line (a wrapped column label may come before them). Returns the
  // position of `E` in the line's words, -1 when there is no such run.
  int letter_month_run(const LineData& l) const {
    static constexpr std::string_view kInitials = "EFMAMJJASOND";
    std::size_t run = 0;
    for (std::size_t i = 0; i < l.words.size(); ++i) {
      const std::string& t = page_.words[l.words[i]].text;
      if (t.size() == 1 && t[0] == kInitials[run]) {
        if (++run == kInitials.size()) return static_cast<int>(i + 1 - run);
      } else {
        run = t.size() == 1 && t[0] == kInitials[0] ? 1 : 0;
      }
    }
    return -1;
  }

  void find_header_grid() {
    if (label_cells_.empty()) return;
    std::vector<GCell> cells;
    auto outside_tables = [&](int line) {
      const Region r = info_[static_cast<std::size_t>(line)].region;
      return r != Region::kTableHeader && r != Region::kTableBody;
    };
    for (std::size_t i = 0; i < label_cells_.size(); ++i) {
      if (outside_tables(label_lines_[i])) cells.push_back(label_cells_[i]);
    }
    if (cells.empty()) return;
    const std::size_t labels = cells.size();
    std::vector<int> cell_lines;
    for (std::size_t i = 0; i < label_cells_.size(); ++i) {
      if (outside_tables(label_lines_[i])) cell_lines.push_back(label_lines_[i]);
    }
    for (std::size_t i = 0; i < value_cells_.size(); ++i) {
      if (outside_tables(value_lines_[i])) cells.push_back(value_cells_[i]);
    }
    if (labels_misaligned(cells, cell_lines, labels)) {
      overlap_grid(cells, cell_lines, labels);
      return;
    }
    // Labels first at equal x: a column that labels and values both start is named after the
    // label.
    std::vector<std::size_t> order(cells.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return cells[a].box.x0 < cells[b].box.x0;
    });
    for (std::size_t i : order) {
      const GCell& c = cells[i];
      auto& grid = out_.header_grid;
      if (!grid.empty() && c.box.x0 - grid.back().x0 < 0.8 * c.size) {
        if (grid.back().label.empty() && i < labels) grid.back().label = c.text;
        continue;
      }
      // Values beside one label column make one column: the leftmost value starts it (the
      // others are centred or right-aligned in their cells, and must not cut its text).
      if (i >= labels && !grid.empty() && grid.back().label.empty()) continue;
      // A column of values beside their labels has no label of its own.
      grid.push_back(GridColumn{c.box.x0, page_.width, i < labels ? c.text : std::string()});
    }
    for (std::size_t i = 0; i + 1 < out_.header_grid.size(); ++i) {
      out_.header_grid[i].x1 = out_.header_grid[i + 1].x0;
    }
    // A value left-aligned under its label starts at the same x; allow a little slack.
    for (std::size_t i = 1; i < out_.header_grid.size(); ++i) {
      header_borders_.push_back(out_.header_grid[i].x0 - 2.0);
    }
  }

  // Labels of two rows sharing a column overlap but do not start together: they are centred
  // (or right-aligned) in their cells, so their left edges do not make the columns.
  static bool labels_misaligned(const std::vector<GCell>& cells, const std::vector<int>& lines,
                                std::size_t labels) {
    for (std::size_t i = 0; i < labels; ++i) {
      for (std::size_t j = i + 1; j < labels; ++j) {
        if (lines[i] == lines[j]) continue;
        const Box& a = cells[i].box;
        const Box& b = cells[j].box;
        const double overlap = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
        // (Each covers the other by half: a cell glued from two labels of a row spans two.)
        const double wider = std::max(a.x1 - a.x0, b.x1 - b.x0);
        if (overlap > 0.5 * wider && std::abs(a.x0 - b.x0) >= 0.8 * cells[i].size) return true;
      }
    }
    return false;
  }

  // Header columns from cells that overlap horizontally (a label, the labels of the other rows
  // and the values beside them in the same column); the border between two columns runs in
  // the stretch least covered by the header block's words, so a word is never cut and a
  // centred value falls in its label's column.
  void overlap_grid(const std::vector<GCell>& cells, const std::vector<int>& lines,
                    std::size_t labels) {
    std::vector<std::size_t> order(cells.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return cells[a].box.x0 < cells[b].box.x0;
    });
    auto& grid = out_.header_grid;
    int named_line = -1;  // a column is named after its topmost label
    for (std::size_t i : order) {
      const GCell& c = cells[i];
      const bool label = i < labels;
      const bool joins = !grid.empty() && c.box.x0 < grid.back().label_x1;
      if (!joins) {
        grid.push_back(GridColumn{c.box.x0, page_.width, {}, -1, c.box.x0, c.box.x1});
        named_line = -1;
      }
      grid.back().label_x1 = std::max(grid.back().label_x1, c.box.x1);
      if (label && (named_line < 0 || lines[i] < named_line)) {
        grid.back().label = c.text;
        named_line = lines[i];
      }
    }
    std::vector<std::pair<double, double>> extents;
    for (std::size_t k = 0; k < lines_.size(); ++k) {
      const Region r = info_[k].region;
      if (r != Region::kBlock) continue;
      for (std::uint32_t wi : lines_[k].words) {
        extents.emplace_back(page_.words[wi].box.x0, page_.words[wi].box.x1);
      }
    }
    grid.front().x0 = 0;
    for (std::size_t i = 0; i + 1 < grid.size(); ++i) {
      const double border =
          free_band(extents, grid[i].label_x1, grid[i + 1].label_x0, {}, 0.45 * median_size_);
      grid[i].x1 = border;
      grid[i + 1].x0 = border;
      header_borders_.push_back(border);
    }
  }

  // Every word of `l` sits over a word of lines [from, to] (the lines of a wrapped label).
  bool stacked_over(const LineData& l, int from, int to) const {
    for (std::uint32_t wi : l.words) {
      const Box& b = page_.words[wi].box;
      bool over = false;
      for (int k = from; k <= to && !over; ++k) {
        for (std::uint32_t wj : lines_[static_cast<std::size_t>(k)].words) {
          const Box& c = page_.words[wj].box;
          if (c.x0 < b.x1 && b.x0 < c.x1) {
            over = true;
            break;
          }
        }
      }
      if (!over) return false;
    }
    return true;
  }

  bool uppercase_line(const LineData& l) const {
    bool letters = false;
    for (std::uint32_t wi : l.words) {
      for (unsigned char c : page_.words[wi].text) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') letters = true;
      }
    }
    return letters;
  }

  // The last line of a table header whose month names are on line m: a column label wrapped
  // further down than the months (a narrow `INVERSIÓN APROX. POR` / `ACTIVIDAD`) still lies in
  // the band the page draws around the month names.
  int header_end(int m) const {
    const int g = line_grid_[static_cast<std::size_t>(m)];
    if (g < 0) return m;
    const CellGrid& grid = grids_[static_cast<std::size_t>(g)];
    const double y = cy(lines_[static_cast<std::size_t>(m)].box);
    const auto below = std::upper_bound(grid.ys.begin(), grid.ys.end(), y);
    if (below == grid.ys.end()) return m;
    int last = m;
    while (last + 1 < static_cast<int>(lines_.size()) &&
           line_grid_[static_cast<std::size_t>(last + 1)] == g &&
           !info_[static_cast<std::size_t>(last + 1)].months &&
           cy(lines_[static_cast<std::size_t>(last + 1)].box) < *below) {
      ++last;
    }
    return last;
  }

  void find_zones() {
    const int n = static_cast<int>(lines_.size());
    auto stops_body = [&](int i) {
      const LineInfo& inf = info_[static_cast<std::size_t>(i)];
      // A wrapped cell line may read `Secretaría`: inside a table only a line that looks like
      // a header block (capitals, or several labels), a title or a new column header ends it.
      return inf.labels >= 2 || inf.upper_label || inf.title || inf.months;
    };
    // A table carried over from the previous page continues until the first label or header.
    int first_content = 0;
    while (first_content < n &&
           (info_[static_cast<std::size_t>(first_content)].region == Region::kDropped ||
            info_[static_cast<std::size_t>(first_content)].title)) {
      ++first_content;
    }
    if (state_.table_open && !state_.table_grid.empty()) {
      TableZone z;
      z.carried = true;
      z.body_first = first_content;
      int i = first_content;
      while (i < n &&
             (info_[static_cast<std::size_t>(i)].region == Region::kDropped || !stops_body(i))) {
        ++i;
      }
      z.body_last = i - 1;
      // It only continues the table if some line has a number (or `-`) in the numeric columns.
      bool values = false;
      const auto anual = static_cast<std::size_t>(std::max(state_.anual_column, 0));
      const double numeric_x0 =
          anual < state_.table_grid.size() ? state_.table_grid[anual].x0 : kInf;
      for (int k = z.body_first; k <= z.body_last && !values; ++k) {
        if (info_[static_cast<std::size_t>(k)].region == Region::kDropped) continue;
        for (std::uint32_t wi : lines_[static_cast<std::size_t>(k)].words) {
          const Word& w = page_.words[wi];
          const char c = w.text[0];
          values = values || (w.box.x0 >= numeric_x0 && ((c >= '0' && c <= '9') || c == '-'));
        }
      }
      if (z.body_last >= z.body_first && values) zones_.push_back(z);
    }
    continues_table_ = state_.table_open && !state_.table_grid.empty();
    state_.table_open = false;
    for (int m = 0; m < n; ++m) {
      if (!info_[static_cast<std::size_t>(m)].months ||
          info_[static_cast<std::size_t>(m)].region == Region::kDropped) {
        continue;
      }
      TableZone z;
      z.month_line = m;
      z.header_first = m;
      // The header starts at the ACTIVIDAD label (searching up, never past a header label).
      for (int k = m; k >= 0 && k >= m - 8; --k) {
        const LineInfo& inf = info_[static_cast<std::size_t>(k)];
        // (`INVERSIÓN` beside ACTIVIDAD is a column label, not the header block's.)
        if ((inf.label && !inf.actividad) || inf.title || inf.region == Region::kDropped) break;
        if (k < m && info_[static_cast<std::size_t>(k)].months) break;
        if (inf.actividad) z.header_first = k;
      }
      // Wrapped header labels centred above the ACTIVIDAD line: tight upper-case lines.
      while (z.header_first > 0) {
        const int k = z.header_first - 1;
        const LineData& above = lines_[static_cast<std::size_t>(k)];
        const LineData& cur = lines_[static_cast<std::size_t>(z.header_first)];
        const LineInfo& inf = info_[static_cast<std::size_t>(k)];
        if (inf.title || inf.region == Region::kDropped || inf.months) break;
        // `INVERSIÓN` is also a header-block label: inside the column header it is the first
        // line of a wrapped column label, stacked over the rest of it.
        const double gap = cur.box.y0 - above.box.y1;
        if (gap > 0.5 * height(cur.box) || !uppercase_line(above)) break;
        if (inf.label && gap > 0 &&
            (gap > 0.4 * height(cur.box) ||
             has_digit(out_.lines[static_cast<std::size_t>(k)].text) ||
             !stacked_over(above, z.header_first, m))) {
          break;
        }
        z.header_first = k;
      }
      z.header_last = header_end(m);
      z.body_first = z.header_last + 1;
      int i = z.header_last + 1;
      while (i < n &&
             (info_[static_cast<std::size_t>(i)].region == Region::kDropped || !stops_body(i))) {
        ++i;
      }
      z.body_last = i - 1;
      // A repeated column header may start inside what looked like the body of the table
      // carried over from the previous page.
      if (!zones_.empty() && zones_.back().body_last >= z.header_first) {
        zones_.back().body_last = z.header_first - 1;
        if (zones_.back().body_last < zones_.back().body_first && zones_.back().carried) {
          zones_.pop_back();
        }
      }
      zones_.push_back(z);
      if (i >= n) state_.table_open = true;
      m = std::max(m, i - 1);
    }
    if (!zones_.empty() && zones_.back().carried && zones_.size() == 1 &&
        zones_.back().body_last == n - 1) {
      state_.table_open = true;  // the whole page continued the table
    }
    for (std::size_t zi = 0; zi < zones_.size(); ++zi) {
      const TableZone& z = zones_[zi];
      if (!z.carried) {
        for (int k = z.header_first; k <= z.header_last; ++k) {
          if (info_[static_cast<std::size_t>(k)].region != Region::kDropped) {
            info_[static_cast<std::size_t>(k)].region = Region::kTableHeader;
            info_[static_cast<std::size_t>(k)].zone = static_cast<int>(zi);
          }
        }
      }
      for (int k = z.body_first; k <= z.body_last; ++k) {
        if (info_[static_cast<std::size_t>(k)].region != Region::kDropped) {
          info_[static_cast<std::size_t>(k)].region = Region::kTableBody;
          info_[static_cast<std::size_t>(k)].zone = static_cast<int>(zi);
        }
      }
    }
    // Titles: lines naming the plan, and centred/bold/large lines above the first label.
    int first_label = n;
    for (int i = 0; i < n; ++i) {
      if (info_[static_cast<std::size_t>(i)].label) {
        first_label = i;
        break;
      }
    }
    for (int i = 0; i < n; ++i) {
      LineInfo& inf = info_[static_cast<std::size_t>(i)];
      if (inf.region != Region::kBlock) continue;
      const LineData& l = lines_[static_cast<std::size_t>(i)];
      bool title = inf.title;
      // (A wrapped label's first line may stick out above its row: not a title.)
      if (!title && i < first_label && first_label < n &&
          l.box.y1 + 0.5 * height(l.box) <= lines_[static_cast<std::size_t>(first_label)].box.y0) {
        title = stands_out(l);
      }
      if (title) inf.region = Region::kTitle;
    }
  }

  // The table's columns from its header lines, borders placed in the widest text-free band
  // between neighbouring labels (measured on the body lines).
  void build_table_grid(const TableZone& z) {
    struct Label {
      double x0, x1;
      std::string text;
      int month = -1;
      bool spanning = false;
    };
    std::vector<Label> months;
    struct HPiece {
      Box box;
      std::string_view text;
      int line;
      double size;
    };
    std::vector<HPiece> pieces;
    std::vector<Token> tokens;
    for (int k = z.header_first; k <= z.header_last; ++k) {
      if (info_[static_cast<std::size_t>(k)].region == Region::kDropped) continue;
      const int letters = info_[static_cast<std::size_t>(k)].letter_months;
      const auto& words = lines_[static_cast<std::size_t>(k)].words;
      for (std::size_t wp = 0; wp < words.size(); ++wp) {
        const Word& w = page_.words[words[wp]];
        tokens.clear();
        FoldedWord f;
        if (k == z.month_line && letters >= 0) {
          const int m = static_cast<int>(wp) - letters;
          if (m >= 0 && m < 12) tokens.push_back(Token{0, w.glyph_count, m});
        } else if (k == z.month_line && fold_word(page_, w, f)) {
          find_months(f, tokens);
        }
        std::uint32_t at = 0;
        for (const Token& t : tokens) {
          if (t.g0 > at) {
            Piece p = make_piece(page_, w, at, t.g0);
            pieces.push_back(HPiece{p.box, p.text, k, p.size});
          }
          Piece p = make_piece(page_, w, t.g0, t.g1);
          months.push_back(Label{p.box.x0, p.box.x1, std::string(p.text), t.month, false});
          at = t.g1;
        }
        if (at < w.glyph_count || w.glyph_count == 0) {
          Piece p = make_piece(page_, w, at, w.glyph_count);
          pieces.push_back(HPiece{p.box, p.text, k, p.size});
        }
      }
    }
    std::sort(pieces.begin(), pieces.end(),
              [](const HPiece& a, const HPiece& b) { return a.box.x0 < b.box.x0; });
    std::vector<Label> labels;
    std::vector<std::vector<const HPiece*>> members;
    for (const HPiece& p : pieces) {
      if (!labels.empty() && p.box.x0 <= labels.back().x1 + 0.5 * p.size) {
        labels.back().x1 = std::max(labels.back().x1, p.box.x1);
        members.back().push_back(&p);
        continue;
      }
      labels.push_back(Label{p.box.x0, p.box.x1, {}, -1, false});
      members.push_back({&p});
    }
    for (std::size_t i = 0; i < labels.size(); ++i) {
      auto& ms = members[i];
      std::stable_sort(ms.begin(), ms.end(), [](const HPiece* a, const HPiece* b) {
        return a->line != b->line ? a->line < b->line : a->box.x0 < b->box.x0;
      });
      for (const HPiece* p : ms) {
        if (!labels[i].text.empty()) labels[i].text += ' ';
        labels[i].text.append(p->text);
      }
      int covered = 0;
      for (const Label& m : months) {
        const double c = (m.x0 + m.x1) / 2;
        if (c > labels[i].x0 && c < labels[i].x1) ++covered;
      }
      labels[i].spanning = covered >= 2;
    }
    std::vector<Label> cols;
    for (const Label& l : labels) {
      if (l.spanning) {
        spanning_.push_back(GridColumn{l.x0, l.x1, l.text});
      } else {
        cols.push_back(l);
      }
    }
    cols.insert(cols.end(), months.begin(), months.end());
    std::sort(cols.begin(), cols.end(),
              [](const Label& a, const Label& b) { return a.x0 + a.x1 < b.x0 + b.x1; });

    std::vector<GridColumn> grid;
    int anual = -1;
    int first_month = -1;
    for (std::size_t i = 0; i < cols.size(); ++i) {
      grid.push_back(
          GridColumn{0.0, page_.width, cols[i].text, cols[i].month, cols[i].x0, cols[i].x1});
      if (cols[i].month >= 0 && first_month < 0) first_month = static_cast<int>(i);
    }
    place_borders(grid, z);
    if (first_month > 0) {
      anual = first_month - 1;
      if (cols[static_cast<std::size_t>(anual)].month >= 0) anual = first_month;
    } else {
      anual = first_month;
    }
    state_.table_grid = grid;
    state_.anual_column = anual;
  }

  // Where in [a, b] (the gap between two column labels) the cell border runs: in a stretch
  // covered by the fewest body words; among several, one wider than a space, then one holding
  // a border seen before, then the one whose ends line up with the most word edges
  // (left-aligned text starts at its cell's left edge, numbers end at the right one), then
  // the longest.
  static double free_band(const std::vector<std::pair<double, double>>& extents, double a, double b,
                          const std::vector<double>& known, double space) {
    std::vector<std::pair<double, int>> events;
    int base = 0;
    for (const auto& [x0, x1] : extents) {
      if (x1 <= a || x0 >= b) continue;
      if (x0 <= a) {
        ++base;
      } else {
        events.emplace_back(x0, +1);
      }
      if (x1 < b) events.emplace_back(x1, -1);
    }
    std::sort(events.begin(), events.end());
    struct Stretch {
      double from, to;
      int count;
    };
    std::vector<Stretch> stretches;
    int count = base;
    double at = a;
    for (const auto& [x, d] : events) {
      if (x > at) stretches.push_back({at, x, count});
      count += d;
      at = std::max(at, x);
    }
    if (b > at) stretches.push_back({at, b, count});
    if (stretches.empty()) return (a + b) / 2;
    int least = stretches.front().count;
    for (const Stretch& st : stretches) least = std::min(least, st.count);
    constexpr double kAligned = 0.75;
    double best_mid = (a + b) / 2, best_len = -1;
    int best_score = -1;
    for (std::size_t i = 0; i < stretches.size();) {
      if (stretches[i].count != least) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j + 1 < stretches.size() && stretches[j + 1].count == least) ++j;
      const double from = stretches[i].from, to = stretches[j].to;
      // A stretch no wider than a space may be a coincidence of word gaps in a few lines;
      // a gutter is wider. Then a border used before, then aligned word edges.
      int score = to - from > space ? 100000 : 0;
      for (double k : known) score += (k > from - kAligned && k < to + kAligned) ? 1000 : 0;
      for (const auto& [x0, x1] : extents) {
        score += std::abs(x1 - from) < kAligned;
        score += std::abs(x0 - to) < kAligned;
      }
      if (score > best_score || (score == best_score && to - from > best_len)) {
        best_score = score;
        best_len = to - from;
        best_mid = (from + to) / 2;
      }
      i = j + 1;
    }
    return best_mid;
  }

  std::vector<std::pair<double, double>> body_extents(const TableZone& z) const {
    std::vector<std::pair<double, double>> extents;
    for (int k = z.body_first; k <= z.body_last; ++k) {
      if (info_[static_cast<std::size_t>(k)].region == Region::kDropped) continue;
      for (std::uint32_t wi : lines_[static_cast<std::size_t>(k)].words) {
        extents.emplace_back(page_.words[wi].box.x0, page_.words[wi].box.x1);
      }
    }
    return extents;
  }

  // Vertical rulings running down at least half the zone's height: its drawn column borders
  // (a header block's rulings above the table do not reach that far).
  std::vector<double> drawn_borders(const TableZone& z) const {
    std::vector<double> xs;
    const int first = z.carried ? z.body_first : z.header_first;
    const int last = std::max(z.body_last, z.header_last);
    if (rulings_.vertical.empty() || first < 0 || last < first) return xs;
    const double y0 = lines_[static_cast<std::size_t>(first)].box.y0;
    const double y1 = lines_[static_cast<std::size_t>(last)].box.y1;
    for (const Ruling& r : rulings_.vertical) {
      if (std::min(r.to, y1) - std::max(r.from, y0) >= 0.5 * (y1 - y0)) xs.push_back(r.pos);
    }
    return xs;
  }

  // Borders between neighbouring columns, from their labels' extents and this page's body. A
  // border the page draws between two labels wins over the text's gutter: a narrow column's
  // wrapped text may run up to the next column's numbers with no gap the text could show.
  void place_borders(std::vector<GridColumn>& grid, const TableZone& z) {
    const auto extents = body_extents(z);
    const std::vector<double> drawn = drawn_borders(z);
    auto& known = state_.known_borders;
    for (std::size_t i = 0; i + 1 < grid.size(); ++i) {
      const double a = grid[i].label_x1, b = grid[i + 1].label_x0;
      double border = b > a ? free_band(extents, a, b, known, 0.45 * median_size_) : (a + b) / 2;
      double nearest = kInf;
      for (double x : drawn) {
        if (x > a - 1.0 && x < b + 1.0 && std::abs(x - border) < std::abs(nearest - border)) {
          nearest = x;
        }
      }
      if (nearest < kInf) border = nearest;
      grid[i].x1 = border;
      grid[i + 1].x0 = border;
      const bool seen = std::any_of(known.begin(), known.end(),
                                    [&](double k) { return std::abs(k - border) < 1.0; });
      if (!seen && known.size() < 256) known.push_back(border);
    }
  }

  std::vector<double> table_borders() const {
    std::vector<double> borders;
    for (std::size_t i = 1; i < state_.table_grid.size(); ++i) {
      borders.push_back(state_.table_grid[i].x0);
    }
    return borders;
  }

  // One cell per column from the pieces of `line_ids` (in reading order).
  CellRow cells_row(const std::vector<int>& line_ids, const std::vector<double>& borders,
                    bool ordinal_columns) {
    CellRow row;
    row.page = page_.number;
    row.page_is_physical = true;
    row.line = lines_[static_cast<std::size_t>(line_ids.front())].index;
    std::vector<GCell> cells;
    for (int k : line_ids) {
      gutter_cells(page_, lines_[static_cast<std::size_t>(k)], borders, cells);
      int ordinal = 0;
      for (GCell& c : cells) {
        const int col = ordinal_columns ? ordinal++ : c.column;
        add_to_cell(row, col, std::move(c.text), c.box);
      }
    }
    std::stable_sort(row.cells.begin(), row.cells.end(),
                     [](const Cell& a, const Cell& b) { return a.column < b.column; });
    finish_row(row);
    return row;
  }

  // A piece of text joins the row's cell of its column (lines of a wrapped cell in reading
  // order), or starts that cell.
  static void add_to_cell(CellRow& row, int column, std::string text, const Box& box) {
    auto it = std::find_if(row.cells.begin(), row.cells.end(),
                           [&](const Cell& x) { return x.column == column; });
    if (it == row.cells.end()) {
      row.cells.push_back(Cell{std::move(text), column, 1, box});
      return;
    }
    it->text += ' ';
    it->text += text;
    unite(*it->box, box);
  }

  static void finish_row(CellRow& row) {
    std::erase_if(row.cells, [](const Cell& c) { return c.text.empty(); });
    for (const Cell& c : row.cells) {
      if (!c.box) continue;
      if (!row.box) {
        row.box = c.box;
      } else {
        unite(*row.box, *c.box);
      }
    }
  }

  // Header-block lines: those inside a drawn grid are laid out by its cells, the others by
  // their text.
  void emit_block_segment(int first, int last) {
    for (int a = first; a <= last;) {
      const int g = line_grid_[static_cast<std::size_t>(a)];
      int b = a;
      while (b < last && line_grid_[static_cast<std::size_t>(b + 1)] == g) ++b;
      if (g < 0 || !emit_grid_block(grids_[static_cast<std::size_t>(g)], a, b)) {
        emit_text_block(a, b);
      }
      a = b + 1;
    }
  }

  // The text of a drawn grid's cells over some lines: each word (or each part of a word glued
  // across a ruling, split where may_cut allows) goes to the cell holding its centre, whatever
  // its alignment in that cell; a merged cell's text is one value.
  struct GridText {
    std::string text;
    Box box;
    int first_line = -1;  // position in lines_ of its first line
    double last_x1 = 0;
    int last_line = -1;
  };
  std::vector<GridText> grid_text(const CellGrid& grid, const std::vector<int>& line_ids) const {
    std::vector<GridText> out(grid.cells.size());
    const std::vector<double> borders(grid.xs.begin() + 1, grid.xs.end() - 1);
    for (int k : line_ids) {
      for (std::uint32_t wi : lines_[static_cast<std::size_t>(k)].words) {
        const Word& w = page_.words[wi];
        const double y = cy(w.box);
        split_word(page_, w, borders, [&](const Piece& p, int) {
          const GridCell* cell = grid.cell_at((p.box.x0 + p.box.x1) / 2, y);
          if (cell == nullptr) cell = grid.cell_at(p.box.x0 + 0.5, y);
          if (cell == nullptr) return;
          GridText& t = out[static_cast<std::size_t>(cell - grid.cells.data())];
          if (t.first_line < 0) {
            t.first_line = k;
            t.box = p.box;
          } else {
            // Pieces of one line that touch are one word (split by fake bold or a cut).
            if (t.last_line != k || p.box.x0 - t.last_x1 > 0.12 * p.size) t.text += ' ';
            unite(t.box, p.box);
          }
          t.text.append(p.text);
          t.last_line = k;
          t.last_x1 = p.box.x1;
        });
      }
    }
    return out;
  }

  // Whether the grid separates the text of lines [first, last]: no cell holds two pieces of one
  // line apart by a gutter. A page that shades its label cells but draws no borders gives a
  // "grid" whose value rows are single cells across the page; the text's own gutters do better.
  bool grid_separates_text(const CellGrid& grid, int first, int last) const {
    std::vector<GCell> cells;
    for (int k = first; k <= last; ++k) {
      gutter_cells(page_, lines_[static_cast<std::size_t>(k)], {}, cells);
      const GridCell* previous = nullptr;
      for (const GCell& c : cells) {
        const GridCell* cell = grid.cell_at((c.box.x0 + c.box.x1) / 2, cy(c.box));
        if (cell != nullptr && cell == previous) return false;
        previous = cell;
      }
    }
    return true;
  }

  // Header-block lines [first, last] inside `grid`, one row per grid row: a cell's text goes
  // on the row where the cell starts, so a tall merged value, centred beside two label rows,
  // stays under its own label. Returns false (nothing emitted) when the grid is too coarse.
  bool emit_grid_block(const CellGrid& grid, int first, int last) {
    if (!grid_separates_text(grid, first, last)) return false;
    std::vector<int> line_ids;
    for (int k = first; k <= last; ++k) line_ids.push_back(k);
    std::vector<GridText> texts = grid_text(grid, line_ids);
    std::vector<CellRow> rows(static_cast<std::size_t>(grid.rows()));
    for (std::size_t i = 0; i < texts.size(); ++i) {
      GridText& t = texts[i];
      if (t.first_line < 0 || t.text.empty()) continue;
      const GridCell& cell = grid.cells[i];
      CellRow& row = rows[static_cast<std::size_t>(cell.row)];
      const int line = lines_[static_cast<std::size_t>(t.first_line)].index;
      if (row.cells.empty() || line < row.line) row.line = line;
      row.cells.push_back(Cell{std::move(t.text), cell.col, cell.col_span, t.box});
    }
    for (CellRow& row : rows) {
      if (row.cells.empty()) continue;
      row.page = page_.number;
      row.page_is_physical = true;
      std::stable_sort(row.cells.begin(), row.cells.end(),
                       [](const Cell& a, const Cell& b) { return a.column < b.column; });
      finish_row(row);
      out_.rows.push_back(std::move(row));
    }
    return true;
  }

  // Header-block lines, one row each; except that a value wrapped over several lines and
  // centred beside its label (the label's line runs through the middle of the value) is put
  // together on the label's row, as the spreadsheet had it.
  void emit_text_block(int first, int last) {
    if (header_borders_.empty() && out_.header_grid.empty()) {
      for (int k = first; k <= last; ++k) emit_block_line(k);
      return;
    }
    struct BlockCell {
      GCell cell;
      bool label = false;
      int target = -1;        // line it moves to, -1 when it stays
      int starts_label = -1;  // a label or a wrapped label's first line: -1 not known yet
    };
    const int n = last - first + 1;
    std::vector<std::vector<BlockCell>> lines(static_cast<std::size_t>(n));
    std::vector<GCell> cells;
    for (int k = first; k <= last; ++k) {
      gutter_cells(page_, lines_[static_cast<std::size_t>(k)], header_borders_, cells);
      const bool has_labels = info_[static_cast<std::size_t>(k)].labels > 0;
      for (GCell& c : cells) {
        const bool label = has_labels && c.text.size() < 90 && match_header_label(c.text);
        lines[static_cast<std::size_t>(k - first)].push_back(BlockCell{std::move(c), label, -1});
      }
    }
    auto find_col = [&](int pos, int col) -> BlockCell* {
      for (BlockCell& bc : lines[static_cast<std::size_t>(pos)]) {
        if (bc.cell.column == col) return &bc;
      }
      return nullptr;
    };
    // A label, or the first line of a label wrapped in its cell (`NOMBRE DE LA` / `ACCIÓN`).
    auto starts_label = [&](int pos, std::size_t i) {
      BlockCell& bc = lines[static_cast<std::size_t>(pos)][i];
      if (bc.label) return true;
      if (bc.starts_label < 0) {
        bc.starts_label = 0;
        const BlockCell* next = pos + 1 < n ? find_col(pos + 1, bc.cell.column) : nullptr;
        if (next && next->cell.box.y0 - bc.cell.box.y1 <= 0.35 * height(next->cell.box) &&
            bc.cell.text.size() + next->cell.text.size() < 90) {
          const std::optional<LabelMatch> m =
              match_header_label(bc.cell.text + ' ' + next->cell.text);
          bc.starts_label = m && m->value.empty();
        }
      }
      return bc.starts_label > 0;
    };
    // The cell sits right beside a label, in the next column (a form laid out label | value).
    auto beside_label = [&](int pos, std::size_t i) {
      const auto& line = lines[static_cast<std::size_t>(pos)];
      return i > 0 && line[i - 1].cell.column + 1 == line[i].cell.column &&
             starts_label(pos, i - 1);
    };
    for (int pos = 0; pos < n; ++pos) {
      for (std::size_t hi = 0; hi < lines[static_cast<std::size_t>(pos)].size(); ++hi) {
        BlockCell& head = lines[static_cast<std::size_t>(pos)][hi];
        if (head.target >= 0) continue;
        if (!head.label && beside_label(pos, hi) && !starts_label(pos, hi)) {
          // A value beside its label, wrapped over the lines below it: they join it, up to
          // a line where the column holds a value of the next label row (or a label).
          std::vector<BlockCell*> chain{&head};
          for (int q = pos + 1; q < n; ++q) {
            auto& line = lines[static_cast<std::size_t>(q)];
            std::size_t j = 0;
            while (j < line.size() && line[j].cell.column != head.cell.column) ++j;
            if (j == line.size()) break;
            BlockCell& next = line[j];
            if (next.label || next.target >= 0 ||
                next.cell.box.y0 - chain.back()->cell.box.y1 > 0.35 * height(next.cell.box) ||
                beside_label(q, j) || starts_label(q, j)) {
              break;
            }
            chain.push_back(&next);
          }
          if (chain.size() >= 2) {
            for (BlockCell* bc : chain) bc->target = pos;
          }
          continue;
        }
        // A label may wrap too (`INVERSIÓN` / `APROXIMADA`): its lines join while together
        // they still read as a label.
        bool label_chain = head.label;
        std::string label_text = head.cell.text;
        std::vector<BlockCell*> chain{&head};
        int label_line = -1;
        int last_q = pos;
        for (int q = pos + 1; q < n; ++q) {
          BlockCell* next = find_col(q, head.cell.column);
          const bool labelled = info_[static_cast<std::size_t>(first + q)].labels > 0;
          if (!next) {
            if (labelled && label_line < 0) label_line = q;
            continue;
          }
          const Box& prev = chain.back()->cell.box;
          if (next->label || next->cell.box.y0 - prev.y1 > 0.35 * height(next->cell.box)) break;
          // A label that only reads as one once joined (`NOMBRE DE LA` / `ACCIÓN`) starts a
          // label chain too.
          if (label_chain || chain.size() == 1) {
            std::string joined = label_text + ' ' + next->cell.text;
            std::optional<LabelMatch> m;
            if (joined.size() <= 90) m = match_header_label(joined);
            const bool joins = m && m->value.empty();  // a label and its value stay apart
            if (label_chain && !joins) break;
            if (joins) {
              label_chain = true;
              label_text = std::move(joined);
            }
          }
          chain.push_back(next);
          last_q = q;
        }
        if (chain.size() < 2) continue;
        if (label_chain) {
          // The wrapped label goes onto the line of the other labels of its row (they are
          // centred, so on one of its lines or between them), else where it starts.
          int to = pos;
          for (int q = pos; q <= last_q && to == pos; ++q) {
            for (const BlockCell& bc : lines[static_cast<std::size_t>(q)]) {
              if (bc.label && bc.cell.column != head.cell.column) {
                to = q;
                break;
              }
            }
          }
          for (BlockCell* bc : chain) bc->target = to;
          continue;
        }
        if (label_line < 0) continue;
        // The label's line must run between the value's first and last lines.
        const double label_cy = cy(lines_[static_cast<std::size_t>(first + label_line)].box);
        if (label_cy <= cy(chain.front()->cell.box) || label_cy >= cy(chain.back()->cell.box)) {
          continue;
        }
        for (BlockCell* bc : chain) bc->target = label_line;
      }
    }
    std::vector<std::vector<Cell>> moved(static_cast<std::size_t>(n));
    for (int pos = 0; pos < n; ++pos) {
      for (BlockCell& bc : lines[static_cast<std::size_t>(pos)]) {
        if (bc.target < 0) continue;
        auto& into = moved[static_cast<std::size_t>(bc.target)];
        auto it = std::find_if(into.begin(), into.end(),
                               [&](const Cell& c) { return c.column == bc.cell.column; });
        if (it == into.end()) {
          into.push_back(Cell{std::move(bc.cell.text), bc.cell.column, 1, bc.cell.box});
        } else {
          it->text += ' ';
          it->text += bc.cell.text;
          unite(*it->box, bc.cell.box);
        }
      }
    }
    for (int pos = 0; pos < n; ++pos) {
      CellRow row;
      row.page = page_.number;
      row.page_is_physical = true;
      row.line = lines_[static_cast<std::size_t>(first + pos)].index;
      for (BlockCell& bc : lines[static_cast<std::size_t>(pos)]) {
        if (bc.target >= 0) continue;
        auto it = std::find_if(row.cells.begin(), row.cells.end(),
                               [&](const Cell& c) { return c.column == bc.cell.column; });
        if (it == row.cells.end()) {
          row.cells.push_back(Cell{std::move(bc.cell.text), bc.cell.column, 1, bc.cell.box});
        } else {
          it->text += ' ';
          it->text += bc.cell.text;
          unite(*it->box, bc.cell.box);
        }
      }
      for (Cell& c : moved[static_cast<std::size_t>(pos)]) row.cells.push_back(std::move(c));
      std::stable_sort(row.cells.begin(), row.cells.end(),
                       [](const Cell& a, const Cell& b) { return a.column < b.column; });
      finish_row(row);
      if (!row.cells.empty()) out_.rows.push_back(std::move(row));
    }
  }

  void emit_block_line(int k) {
    const bool ordinal = header_borders_.empty() && out_.header_grid.empty();
    CellRow row = cells_row({k}, header_borders_, ordinal);
    if (!row.cells.empty()) out_.rows.push_back(std::move(row));
  }

  void emit_title(int k) {
    const LineData& l = lines_[static_cast<std::size_t>(k)];
    CellRow row;
    row.kind = RowKind::kTitle;
    row.page = page_.number;
    row.page_is_physical = true;
    row.line = l.index;
    row.cells.push_back(Cell{out_.lines[static_cast<std::size_t>(k)].text, 0, 1, l.box});
    row.box = l.box;
    out_.rows.push_back(std::move(row));
  }

  void emit_table_header(const TableZone& z) {
    const std::vector<double> borders = table_borders();
    // Row 1: the column labels (each label's wrapped lines joined), spanning labels at the
    // column their left edge falls in; row 2: the month names.
    CellRow top;
    top.page = page_.number;
    top.page_is_physical = true;
    top.line = lines_[static_cast<std::size_t>(z.header_first)].index;
    CellRow month_row = top;
    month_row.line = lines_[static_cast<std::size_t>(z.month_line)].index;
    for (std::size_t c = 0; c < state_.table_grid.size(); ++c) {
      const GridColumn& g = state_.table_grid[c];
      const bool is_month = g.month >= 0;
      Box box{g.x0, lines_[static_cast<std::size_t>(z.header_first)].box.y0, g.x1,
              lines_[static_cast<std::size_t>(z.month_line)].box.y1};
      (is_month ? month_row : top).cells.push_back(Cell{g.label, static_cast<int>(c), 1, box});
    }
    for (const GridColumn& s : spanning_) {
      int c0 = column_at(borders, s.x0 + 1.0);
      int c1 = column_at(borders, s.x1 - 1.0);
      // A group label centred over the months (PROGRAMACIÓN MENSUAL) heads all of them.
      int m0 = -1, m1 = -1;
      for (std::size_t c = 0; c < state_.table_grid.size(); ++c) {
        if (state_.table_grid[c].month < 0) continue;
        if (m0 < 0) m0 = static_cast<int>(c);
        m1 = static_cast<int>(c);
      }
      if (m0 >= 0 && c0 >= m0 && c1 <= m1) {
        c0 = m0;
        c1 = m1;
      }
      Box box{s.x0, lines_[static_cast<std::size_t>(z.header_first)].box.y0, s.x1,
              lines_[static_cast<std::size_t>(z.header_first)].box.y1};
      top.cells.push_back(Cell{s.label, c0, c1 - c0 + 1, box});
    }
    // Months are read from the month line; everything else in the header zone belongs to a
    // label, so the rows use the label texts found while building the grid.
    std::stable_sort(top.cells.begin(), top.cells.end(),
                     [](const Cell& a, const Cell& b) { return a.column < b.column; });
    // The month cells' boxes: the month line's extent within each column.
    finish_row(top);
    finish_row(month_row);
    if (!top.cells.empty()) out_.rows.push_back(std::move(top));
    if (!month_row.cells.empty()) out_.rows.push_back(std::move(month_row));
  }

  // Activity rows: a new activity starts at each line with a value in the numeric columns;
  // the other lines go to the activity whose vertical band holds them.
  //
  // `continued`: the zone continues the previous page's table (it is the page's first content
  // after page furniture, under a repeated column header or without one). Text lines at the
  // top of its body, a row's gap above the first row, are then the rest of the previous page's
  // last activity, cut by the page break.
  void emit_table_body(const TableZone& z, bool continued) {
    std::vector<int> body;
    for (int k = z.body_first; k <= z.body_last; ++k) {
      if (info_[static_cast<std::size_t>(k)].region == Region::kTableBody) body.push_back(k);
    }
    if (body.empty()) return;
    const std::vector<double> borders = table_borders();
    const int first_numeric =
        state_.anual_column >= 0 ? state_.anual_column : static_cast<int>(state_.table_grid.size());
    // Each line is cut into cells once; rows are then put together from these.
    std::vector<std::vector<GCell>> cells(body.size());
    std::vector<std::size_t> anchors;
    for (std::size_t i = 0; i < body.size(); ++i) {
      gutter_cells(page_, lines_[static_cast<std::size_t>(body[i])], borders, cells[i]);
      for (const GCell& c : cells[i]) {
        if (c.column >= first_numeric) {
          anchors.push_back(i);
          break;
        }
      }
    }
    auto emit_group = [&](std::size_t from, const std::vector<std::size_t>& members,
                          bool continues = false) {
      CellRow row;
      row.continues_previous_row = continues;
      row.page = page_.number;
      row.page_is_physical = true;
      row.line = lines_[static_cast<std::size_t>(body[from])].index;
      for (std::size_t i : members) {
        for (GCell& c : cells[i]) {
          add_to_cell(row, c.column, std::move(c.text), c.box);
        }
      }
      std::stable_sort(row.cells.begin(), row.cells.end(),
                       [](const Cell& a, const Cell& b) { return a.column < b.column; });
      finish_row(row);
      if (!row.cells.empty()) out_.rows.push_back(std::move(row));
    };
    if (anchors.empty()) {
      for (std::size_t i = 0; i < body.size(); ++i) emit_group(i, {i});
      return;
    }
    if (emit_banded_body(body, anchors, borders, continued)) return;
    // The first row's wrapped lines sit at line pitch around its number line, so they run on
    // without a blank wider than a line; the rest of a cut row is a whole row gap above them.
    std::size_t tail = 0;  // body lines [0, tail) continue the previous page's last row
    if (continued) {
      double reach = lines_[static_cast<std::size_t>(body[0])].box.y1;
      for (std::size_t i = 1; i <= anchors.front(); ++i) {
        const Box& prev = lines_[static_cast<std::size_t>(body[i - 1])].box;
        const Box& cur = lines_[static_cast<std::size_t>(body[i])].box;
        if (cur.y0 - reach > std::max(height(prev), height(cur))) tail = i;
        reach = std::max(reach, cur.y1);
      }
    }
    if (tail > 0) {
      std::vector<std::size_t> members(tail);
      for (std::size_t i = 0; i < tail; ++i) members[i] = i;
      emit_group(0, members, true);
    }
    std::vector<double> row_tops;  // the top border of activity r (r >= 1)
    for (std::size_t r = 0; r + 1 < anchors.size(); ++r) {
      row_tops.push_back(row_border(lines_, body, anchors[r], anchors[r + 1]));
    }
    // Lines after the last anchor stay with it while they run on without a paragraph gap.
    std::size_t end = anchors.back() + 1;
    while (end < body.size()) {
      const Box& prev = lines_[static_cast<std::size_t>(body[end - 1])].box;
      const Box& cur = lines_[static_cast<std::size_t>(body[end])].box;
      if (cur.y0 - prev.y1 > 0.8 * height(cur)) break;
      ++end;
    }
    std::vector<std::vector<std::size_t>> groups(anchors.size());
    for (std::size_t i = tail; i < end; ++i) {
      const double y = cy(lines_[static_cast<std::size_t>(body[i])].box);
      const std::size_t r = static_cast<std::size_t>(
          std::upper_bound(row_tops.begin(), row_tops.end(), y) - row_tops.begin());
      groups[r].push_back(i);
    }
    for (const auto& g : groups) {
      if (!g.empty()) emit_group(g.front(), g);
    }
    for (std::size_t i = end; i < body.size(); ++i) emit_group(i, {i});
  }

  // Activity rows of a table whose rows the page separates with rulings (each band between
  // two horizontal rulings holds at most one line with numbers): one row per band, whatever
  // the alignment of the text in its cells. A merged text cell spanning several rows (one
  // ÁREA RESPONSABLE for three activities) gives its text to each of them; a merged number
  // goes to its first row only, so that no amount is counted twice. On a page continuing the
  // table, a first band with no numbers is the rest of the previous page's last row.
  // Returns false (nothing emitted) when the rulings do not separate the rows.
  bool emit_banded_body(const std::vector<int>& body, const std::vector<std::size_t>& anchors,
                        const std::vector<double>& borders, bool continued) {
    const int g = line_grid_[static_cast<std::size_t>(body[anchors.front()])];
    if (g < 0) return false;
    const CellGrid& grid = grids_[static_cast<std::size_t>(g)];
    auto band_of = [&](double y) {
      const auto it = std::upper_bound(grid.ys.begin(), grid.ys.end(), y);
      return std::clamp(static_cast<int>(it - grid.ys.begin()) - 1, 0, grid.rows() - 1);
    };
    std::vector<int> anchor_bands;
    for (std::size_t a : anchors) {
      const int k = body[a];
      if (line_grid_[static_cast<std::size_t>(k)] != g) return false;
      const int band = band_of(cy(lines_[static_cast<std::size_t>(k)].box));
      if (!anchor_bands.empty() && anchor_bands.back() == band) return false;
      anchor_bands.push_back(band);
    }
    // Which cells hold a number: those are never copied to the other rows they span.
    std::vector<char> numeric(grid.cells.size(), 0);
    for (int k : body) {
      if (line_grid_[static_cast<std::size_t>(k)] != g) continue;
      for (std::uint32_t wi : lines_[static_cast<std::size_t>(k)].words) {
        const Word& w = page_.words[wi];
        const GridCell* cell = grid.cell_at((w.box.x0 + w.box.x1) / 2, cy(w.box));
        if (cell != nullptr && has_digit(w.text)) numeric[cell - grid.cells.data()] = 1;
      }
    }
    // The words of each band, line by line (a band's line keeps only the band's words).
    std::vector<std::vector<LineData>> bands(static_cast<std::size_t>(grid.rows()));
    std::vector<int> before, after;  // body lines outside the grid, above and below it
    for (int k : body) {
      const LineData& l = lines_[static_cast<std::size_t>(k)];
      if (line_grid_[static_cast<std::size_t>(k)] != g) {
        (cy(l.box) < grid.ys.front() ? before : after).push_back(k);
        continue;
      }
      for (std::uint32_t wi : l.words) {
        const Word& w = page_.words[wi];
        const GridCell* cell = grid.cell_at((w.box.x0 + w.box.x1) / 2, cy(w.box));
        int r0 = band_of(cy(w.box)), r1 = r0;
        if (cell != nullptr) {
          r0 = cell->row;
          r1 = numeric[cell - grid.cells.data()] ? cell->row : cell->row + cell->row_span - 1;
        }
        for (int r = r0; r <= r1; ++r) {
          auto& band = bands[static_cast<std::size_t>(r)];
          if (band.empty() || band.back().index != l.index) {
            band.push_back(LineData{{}, w.box, l.size, l.index});
          }
          band.back().words.push_back(wi);
          unite(band.back().box, w.box);
        }
      }
    }
    auto emit_line = [&](int k) {
      CellRow row = cells_row({k}, borders, false);
      if (!row.cells.empty()) out_.rows.push_back(std::move(row));
    };
    for (int k : before) emit_line(k);
    std::vector<GCell> cells;
    bool first_band = true;
    for (std::size_t r = 0; r < bands.size(); ++r) {
      if (bands[r].empty()) continue;
      CellRow row;
      row.page = page_.number;
      row.page_is_physical = true;
      row.line = bands[r].front().index;
      const bool numbers = std::find(anchor_bands.begin(), anchor_bands.end(),
                                     static_cast<int>(r)) != anchor_bands.end();
      row.continues_previous_row = continued && first_band && !numbers;
      first_band = false;
      for (const LineData& l : bands[r]) {
        gutter_cells(page_, l, borders, cells);
        for (GCell& c : cells) add_to_cell(row, c.column, std::move(c.text), c.box);
      }
      std::stable_sort(row.cells.begin(), row.cells.end(),
                       [](const Cell& a, const Cell& b) { return a.column < b.column; });
      finish_row(row);
      if (!row.cells.empty()) out_.rows.push_back(std::move(row));
    }
    for (int k : after) emit_line(k);
    return true;
  }

  // Whether nothing but page furniture (dropped margins, titles) comes before the zone.
  bool first_zone_on_top(const TableZone& z) const {
    const int first = z.carried ? z.body_first : z.header_first;
    for (int k = 0; k < first; ++k) {
      const LineInfo& inf = info_[static_cast<std::size_t>(k)];
      if (inf.region != Region::kDropped && inf.region != Region::kTitle) return false;
    }
    return true;
  }

  void emit() {
    if (page_.number > 1) {
      CellRow br;
      br.kind = RowKind::kPageBreak;
      br.page = page_.number;
      br.line = 1;
      br.page_is_physical = true;
      out_.rows.push_back(std::move(br));
    }
    const int n = static_cast<int>(lines_.size());
    const std::vector<GridColumn> carried = state_.table_grid;
    const int carried_anual = state_.anual_column;
    std::vector<GridColumn> last_grid;
    int last_anual = -1;
    for (int i = 0; i < n;) {
      const LineInfo& inf = info_[static_cast<std::size_t>(i)];
      switch (inf.region) {
        case Region::kDropped:
          ++i;
          break;
        case Region::kTitle:
          emit_title(i++);
          break;
        case Region::kBlock: {
          int j = i;
          while (j + 1 < n && info_[static_cast<std::size_t>(j + 1)].region == Region::kBlock) ++j;
          emit_block_segment(i, j);
          i = j + 1;
          break;
        }
        case Region::kTableHeader:
        case Region::kTableBody: {
          const TableZone& z = zones_[static_cast<std::size_t>(inf.zone)];
          spanning_.clear();
          if (z.carried) {
            // Same columns as the previous page; the borders between them are placed again
            // on this page's text, which may run wider than the previous page's.
            state_.table_grid = carried;
            place_borders(state_.table_grid, z);
            state_.anual_column = carried_anual;
            out_.table_grid_carried = true;
          } else {
            build_table_grid(z);
            emit_table_header(z);
          }
          emit_table_body(z, continues_table_ && inf.zone == 0 && first_zone_on_top(z));
          last_grid = state_.table_grid;
          last_anual = state_.anual_column;
          if (out_.table_grid.empty() || !z.carried) out_.table_grid = state_.table_grid;
          i = std::max(z.body_last, z.header_last) + 1;
          break;
        }
      }
    }
    state_.table_grid = last_grid.empty() ? carried : last_grid;
    state_.anual_column = last_grid.empty() ? carried_anual : last_anual;
    if (!state_.table_open) {
      state_.table_grid.clear();
      state_.anual_column = -1;
    }
  }

  PageWords& page_;
  LayoutState& state_;
  PageLayout out_;
  std::vector<LineData> lines_;
  std::vector<LineInfo> info_;
  std::vector<GCell> label_cells_;
  std::vector<int> label_lines_;    // the line of each label cell
  std::vector<GCell> value_cells_;  // cells right beside a label on its line
  std::vector<int> value_lines_;    // the line of each of those
  std::vector<double> header_borders_;
  std::vector<TableZone> zones_;
  std::vector<GridColumn> spanning_;
  Rulings rulings_;
  std::vector<CellGrid> grids_;  // the tables the page draws
  std::vector<int> line_grid_;   // per line: the grid it lies in, -1 for none
  double median_size_ = 0;
  bool continues_table_ = false;  // the previous page ended inside an activity table
};

}  // namespace

PageLayout layout_page(PageWords& page, LayoutState& state) {
  return PageLayouter(page, state).run();
}

}  // namespace poa::extractor::layout
