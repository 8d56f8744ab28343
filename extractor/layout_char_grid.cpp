// Rules for words on a character grid (`pdftotext -layout` dumps, LayoutConfig::char_grid): what
// such a dump loses of the PDF (row gaps, exact x) is taken back from the text itself.
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string_view>

#include "extractor/page_layouter.hpp"
#include "text/unicode.hpp"
#include "text/values.hpp"

namespace poa::extractor::layout::detail {

namespace {

// The first letter of `s` (past opening punctuation) is a lower-case one, accented or not.
bool starts_lower(std::string_view s) {
  const std::size_t at = s.find_first_not_of("(\"'[");
  return at != std::string_view::npos && text::starts_lower_case(s.substr(at));
}

// The text cannot end a cell: a trailing comma or hyphen, a word that always has a
// complement after it (`Departamento de`, `… mediante el`, `Parques y`), or an initial.
bool ends_open(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.empty()) return false;
  if (s.back() == ',' || s.back() == '-') return true;
  const std::size_t space = s.rfind(' ');
  const std::string_view last = space == std::string_view::npos ? s : s.substr(space + 1);
  // An initial (`Francisco E.`) has its surname after it.
  if (last.size() == 2 && last[0] >= 'A' && last[0] <= 'Z' && last[1] == '.') return true;
  static constexpr std::array<std::string_view, 23> kOpen = {
      "de", "del", "la",   "las", "el",  "los", "y",   "e",   "o",  "u",   "en",   "a",
      "al", "por", "para", "con", "sin", "su",  "sus", "que", "un", "una", "entre"};
  return std::find(kOpen.begin(), kOpen.end(), last) != kOpen.end();
}

// A word that may open a cell: it starts with a capital, a digit, `$` or `(` before one.
bool opens_cell(std::string_view s) {
  if (s.empty() || starts_lower(s)) return false;
  const auto c = static_cast<unsigned char>(s[0]);
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '$' || c == '(' || c >= 0xC3;
}

// A word that opens a cell with a capital letter (not a number or an amount).
bool opens_with_letter(std::string_view s) {
  if (!opens_cell(s)) return false;
  const auto c = static_cast<unsigned char>(s[0]);
  return (c >= 'A' && c <= 'Z') || c >= 0xC3;
}

// A word that may close a cell whatever follows: an amount or a count (`$0.00`, `1,200`).
bool closes_cell(std::string_view s) {
  return !s.empty() && s.back() >= '0' && s.back() <= '9';
}

}  // namespace

void char_grid_cells(const PageWords& page, const LineData& l, const std::vector<double>& borders,
                     const LayoutConfig& config, std::vector<GCell>& out) {
  out.clear();
  const std::size_t n = l.words.size();
  if (n == 0) return;
  auto word = [&](std::size_t k) -> const Word& { return page.words[l.words[k]]; };
  std::vector<int> col(n);
  for (std::size_t k = 0; k < n; ++k) {
    col[k] = majority_column(borders, word(k).box.x0, word(k).box.x1);
  }
  // Runs of words one space apart: pdftotext writes them in order from the run's first x, so
  // their columns drift from their x with the run's length, and a border may fall anywhere in
  // the run. The run is cut at the word gap nearest the border where a cell may start.
  for (std::size_t s = 0; s < n;) {
    std::size_t e = s;
    while (e + 1 < n &&
           word(e + 1).box.x0 - word(e).box.x1 < config.gutter * size_of(word(e + 1))) {
      ++e;
    }
    const double x0 = word(s).box.x0, x1 = word(e).box.x1;
    const double em = size_of(word(s));
    const int next_col = e + 1 < n ? col[e + 1] : static_cast<int>(borders.size()) + 1;
    for (std::size_t bi = 0; bi < borders.size(); ++bi) {
      const double x = borders[bi];
      // pdftotext writes the text before x one character per column: the drift grows with
      // how much text the line holds before it (the blanks between runs are measured).
      double text_before = 0;
      for (std::size_t k = 0; k < n && word(k).box.x0 < x; ++k) {
        text_before += std::min(word(k).box.x1, x) - word(k).box.x0;
      }
      const double drift = config.char_grid_drift * text_before;
      // The border crosses the run, or lies just past its end with its column empty on the
      // line (the run's last words drifted left of it: by the drift alone, no slack).
      const bool crosses = x > x0 + config.border_probe && x < x1 - config.char_grid_reach * em;
      const bool beyond =
          x >= x1 - config.border_probe && x - x1 < drift && next_col > static_cast<int>(bi) + 1;
      // An amount is right-aligned: when it starts a run just past a border whose column the
      // line leaves empty, it drifted right out of that column (`$0.00 Contrato firmado`).
      const int prev_col = s > 0 ? col[s - 1] : -1;
      if (!crosses && !beyond && x < x0 && x0 - x < drift && prev_col < static_cast<int>(bi) &&
          word(s).text[0] == '$' && closes_cell(word(s).text) &&
          (e == s || !text::looks_like_quantity(word(s + 1).text))) {
        col[s] = std::min(col[s], static_cast<int>(bi));
        continue;
      }
      if (!crosses && !beyond) continue;
      // The line's first run has nothing before it to push it: pdftotext wrote it at its own
      // x, while the border was placed from cell starts that drifted right (by up to the drift
      // of a line full of text before it). Starting left of the border by less than that, with
      // a capital, it is the cell right of it (`Dpto. Seguimiento` alone on its line, three
      // columns left of the other rows' `Dpto. Seguimiento`, under `… Superior del`).
      if (crosses && s == 0 && x - x0 < config.char_grid_drift * x &&
          opens_with_letter(word(s).text)) {
        for (std::size_t k = s; k <= e; ++k) col[k] = std::max(col[k], static_cast<int>(bi) + 1);
        continue;
      }
      const double window = beyond ? drift : drift + config.char_grid_slack * em;
      // Candidates: the word gaps, and the start of a run of several words (the whole run
      // right of the border), which must be nearer by an em: a run's first word is where its
      // cell starts. (A single word goes where most of it lies.) A gap where text meets a
      // capitalised word, or a number meets text, wins over one before a number or after a
      // lone letter (`M 6,215`, `2211, 4411`).
      std::array<std::size_t, 2> cut{n, n};  // strong, weak
      std::array<double, 2> best{window, window};
      auto offer = [&](std::size_t k, double distance, bool strong) {
        const std::size_t i = strong ? 0 : 1;
        if (distance < best[i]) {
          best[i] = distance;
          cut[i] = k;
        }
      };
      if (crosses && s > 0 && e > s && opens_cell(word(s).text)) offer(s - 1, x - x0 + em, true);
      for (std::size_t k = s; k < e; ++k) {
        const std::string& left = word(k).text;
        const std::string& right = word(k + 1).text;
        if (!opens_cell(right) && !closes_cell(left)) continue;
        // Past the run's end only a whole cell moves (not the tail of `Dirección de Obras`).
        if (beyond && ends_open(left)) continue;
        // Numbers after a comma are one list (`2611, 3553`).
        if (left.back() == ',' && closes_cell(right.substr(0, 1))) continue;
        // A capital letter alone names the number after it (`M 20,100 H 19,750`).
        if (left.size() == 1 && left[0] >= 'A' && left[0] <= 'Z' &&
            closes_cell(right.substr(0, 1))) {
          continue;
        }
        const bool letter =
            right[0] == '(' || (!closes_cell(right.substr(0, 1)) && right[0] != '$');
        // (After a word that needs a complement, `de`, a cut is weak.)
        const bool strong = letter && !ends_open(left) && (closes_cell(left) || left.size() > 1);
        offer(k, std::abs((word(k).box.x1 + word(k + 1).box.x0) / 2 - x), strong);
      }
      const std::size_t chosen = cut[0] != n ? cut[0] : cut[1];
      if (chosen == n) {
        // No word there may start a cell: the run is one cell's text, pushed over the border.
        // It goes to the side of the border where its first word lies.
        if (crosses && e > s) {
          const bool left = col[s] <= static_cast<int>(bi);
          for (std::size_t k = s; k <= e; ++k) {
            col[k] = left ? std::min(col[k], static_cast<int>(bi))
                          : std::max(col[k], static_cast<int>(bi) + 1);
          }
        }
        continue;
      }
      for (std::size_t k = s; k <= e; ++k) {
        col[k] = k + 1 <= chosen + 1 ? std::min(col[k], static_cast<int>(bi))
                                     : std::max(col[k], static_cast<int>(bi) + 1);
      }
    }
    s = e + 1;
  }
  for (std::size_t k = 0; k < n; ++k) {
    const Word& w = word(k);
    if (!out.empty() && out.back().column == col[k] &&
        w.box.x0 - out.back().box.x1 < config.gutter * size_of(w)) {
      out.back().text += ' ';
      out.back().text += w.text;
      unite(out.back().box, w.box);
    } else {
      out.push_back(GCell{w.text, w.box, col[k], size_of(w), w.bold});
    }
  }
}

void text_row_borders(const std::vector<LineData>& lines, const std::vector<int>& body,
                      const std::vector<std::vector<GCell>>& cells,
                      const std::vector<std::size_t>& anchors, int text_columns,
                      const LayoutConfig& config, std::vector<double>& row_tops) {
  // Links between the lines of one cell: a line whose cell starts in lower case, or follows
  // one that cannot end there, continues the nearest line above holding that column.
  struct Link {
    std::size_t from, to;
  };
  std::vector<Link> links;
  std::vector<std::ptrdiff_t> last(static_cast<std::size_t>(std::max(text_columns, 0)), -1);
  std::vector<std::string_view> last_text(last.size());
  for (std::size_t i = 0; i < cells.size(); ++i) {
    for (std::size_t k = 0; k < cells[i].size(); ++k) {
      const GCell& c = cells[i][k];
      if (c.column < 0 || c.column >= text_columns) continue;
      const auto col = static_cast<std::size_t>(c.column);
      const bool first_in_column = k == 0 || cells[i][k - 1].column != c.column;
      if (first_in_column && last[col] >= 0 &&
          (starts_lower(c.text) || ends_open(last_text[col]))) {
        links.push_back(Link{static_cast<std::size_t>(last[col]), i});
      }
      last[col] = static_cast<std::ptrdiff_t>(i);
      last_text[col] = c.text;
    }
  }
  // Rows aligned to the top: the first row's number line is the body's first line and a cell
  // goes on below it. A cell centred on the number line would have as many lines above it, and
  // one of two lines would leave the numbers a line of their own between them. Lines between two
  // rows then belong to the upper one.
  const bool top_aligned =
      !anchors.empty() && anchors.front() == 0 &&
      std::any_of(links.begin(), links.end(), [&](const Link& l) { return l.from == 0; });
  for (std::size_t r = 0; r + 1 < anchors.size() && r < row_tops.size(); ++r) {
    const std::size_t a = anchors[r], b = anchors[r + 1];
    const double mid = top_aligned ? cy(lines[static_cast<std::size_t>(body[b])].box)
                                   : (cy(lines[static_cast<std::size_t>(body[a])].box) +
                                      cy(lines[static_cast<std::size_t>(body[b])].box)) /
                                         2;
    // The border between body lines i and i + 1 that cuts the fewest links; then the widest
    // blank; then the one nearest the middle (the rule for a PDF's rows), or nearest the next
    // row's number line when the rows are aligned to the top.
    std::size_t best_cut = std::numeric_limits<std::size_t>::max();
    double best_gap = -1, best_at = row_tops[r];
    for (std::size_t i = a; i < b; ++i) {
      const Box& up = lines[static_cast<std::size_t>(body[i])].box;
      const Box& down = lines[static_cast<std::size_t>(body[i + 1])].box;
      const std::size_t cut = static_cast<std::size_t>(std::count_if(
          links.begin(), links.end(), [&](const Link& l) { return l.from <= i && i < l.to; }));
      const double gap = down.y0 - up.y1;
      const double at = (up.y1 + down.y0) / 2;
      const bool better =
          cut < best_cut ||
          (cut == best_cut &&
           (gap > best_gap + config.row_gap_tie ||
            (gap > best_gap - config.row_gap_tie && std::abs(at - mid) < std::abs(best_at - mid))));
      if (better) {
        best_gap = cut < best_cut ? gap : std::max(gap, best_gap);
        best_cut = cut;
        best_at = at;
      }
    }
    row_tops[r] = best_at;
  }
}

bool PageLayouter::char_grid_indented(const LineData& l) const {
  std::vector<GCell> cells;
  gutter_cells(page_, l, {}, config_, cells);
  return cells.size() == 1 && l.box.x0 > config_.char_grid_indent * page_.width;
}

double PageLayouter::char_grid_border(const TableZone& z, double a, double b,
                                      double fallback) const {
  std::vector<double> starts;
  int numbers = 0;
  for (int k = z.body_first; k <= z.body_last; ++k) {
    if (info_[static_cast<std::size_t>(k)].cut == Cut::kDropped) continue;
    double last_x1 = -kInf;
    for (std::uint32_t wi : lines_[static_cast<std::size_t>(k)].words) {
      const Word& w = page_.words[wi];
      if (w.box.x0 - last_x1 >= config_.gutter * size_of(w) && w.box.x0 > a && w.box.x0 <= b) {
        const char c = w.text[0];
        if ((c >= '0' && c <= '9') || c == '$' || c == '-') {
          ++numbers;
        } else {
          starts.push_back(w.box.x0);
        }
      }
      last_x1 = w.box.x1;
    }
  }
  // Amounts are right-aligned: their starts say nothing of the border (nor overflow it); a
  // column of them is left to the free band.
  if (numbers >= static_cast<int>(starts.size())) return fallback;
  std::sort(starts.begin(), starts.end());
  // The leftmost start shared (within a column's slack) by another line.
  for (std::size_t i = 0; i + 1 < starts.size(); ++i) {
    if (starts[i + 1] - starts[i] <= config_.same_start * median_size_) {
      return starts[i] - config_.border_probe;
    }
  }
  return fallback;
}

void PageLayouter::char_grid_carried_borders(std::vector<GridColumn>& grid,
                                             const TableZone& z) const {
  const int anual = anual_column_;
  int last = -1;
  for (std::size_t c = 0; c < grid.size(); ++c) {
    if (grid[c].month >= 0) last = static_cast<int>(c);
  }
  if (anual < 1 || last <= anual) return;
  const auto text_columns = static_cast<std::size_t>(anual);
  const std::size_t numeric = static_cast<std::size_t>(last) - text_columns + 1;
  std::vector<double> lo(grid.size(), kInf);
  struct Piece {
    double x0;
    bool quantity;
    bool amount;  // `$…`: right-aligned, its start varies with its width
  };
  std::vector<Piece> pieces;
  std::vector<double> starts;   // text cells' starts left of the numbers, on any line
  std::vector<double> amounts;  // and amounts' starts
  for (int k = z.body_first; k <= z.body_last; ++k) {
    if (info_[static_cast<std::size_t>(k)].cut == Cut::kDropped) continue;
    // The line's cells: runs of words cut at gutters, after an amount (`$0.00 Número`) and
    // between values (`- -`); a number inside text (`calle 17 en`) is text.
    pieces.clear();
    const Word* prev = nullptr;
    for (std::uint32_t wi : lines_[static_cast<std::size_t>(k)].words) {
      const Word& w = page_.words[wi];
      const bool quantity = text::looks_like_quantity(w.text);
      const bool starts_cell =
          prev == nullptr || w.box.x0 - prev->box.x1 >= config_.gutter * size_of(w) ||
          prev->text[0] == '$' || (quantity && text::looks_like_quantity(prev->text));
      if (starts_cell) pieces.push_back(Piece{w.box.x0, quantity, w.text[0] == '$'});
      prev = &w;
    }
    std::size_t trailing = 0;
    while (trailing < pieces.size() && pieces[pieces.size() - 1 - trailing].quantity) ++trailing;
    const std::size_t text = pieces.size() - trailing;
    for (std::size_t c = 0; c < text; ++c) {
      (pieces[c].amount ? amounts : starts).push_back(pieces[c].x0);
    }
    // A row's number line: the annual and month values last...
    if (trailing != numeric) continue;
    for (std::size_t j = 0; j < numeric; ++j) {
      lo[text_columns + j] = std::min(lo[text_columns + j], pieces[text + j].x0);
    }
    // ... and, when it holds one cell per text column, their starts.
    if (text != text_columns) continue;
    for (std::size_t c = 0; c < text; ++c) lo[c] = std::min(lo[c], pieces[c].x0);
  }
  // No line holds every text column (the rows are centred on their number lines): the text
  // columns are where cells start on two lines or more, when those places are as many.
  if (std::all_of(lo.begin() + 1, lo.begin() + anual, [](double x) { return x >= kInf; })) {
    std::sort(starts.begin(), starts.end());
    std::vector<double> places;
    for (std::size_t i = 0; i < starts.size();) {
      std::size_t j = i;
      while (j + 1 < starts.size() &&
             starts[j + 1] - starts[j] <= config_.same_start * median_size_) {
        ++j;
      }
      if (j > i && starts[i] < lo[text_columns]) places.push_back(starts[i]);
      i = j + 1;
    }
    // The amounts' column starts where its widest amount does.
    if (!amounts.empty()) places.push_back(*std::min_element(amounts.begin(), amounts.end()));
    std::sort(places.begin(), places.end());
    if (places.size() == text_columns) {
      for (std::size_t c = 1; c < text_columns; ++c) lo[c] = places[c];
    }
  }
  // Each border just before the leftmost start of its column's cells, in order.
  for (std::size_t c = 1; c < grid.size(); ++c) {
    const double border = lo[c] - config_.border_probe;
    if (lo[c] >= kInf || border <= grid[c - 1].x0) continue;
    grid[c - 1].x1 = border;
    grid[c].x0 = border;
  }
}

}  // namespace poa::extractor::layout::detail
