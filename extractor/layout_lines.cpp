// Pass 2, lines: words sharing a baseline, cut into text cells at gutters; the drawn grid each
// line lies in.
#include "extractor/page_layouter.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

#include "extractor/labels.hpp"

namespace poa::extractor::layout::detail {

std::string line_text(const PageWords& page, const LineData& l, const LayoutConfig& config) {
  std::string s;
  double last_x1 = kInf;
  for (std::uint32_t wi : l.words) {
    const Word& w = page.words[wi];
    if (!s.empty() && w.box.x0 - last_x1 > config.word_space * size_of(w)) s += ' ';
    s += w.text;
    last_x1 = w.box.x1;
  }
  return s;
}

void gutter_cells(const PageWords& page, const LineData& l, const std::vector<double>& borders,
                  const LayoutConfig& config, std::vector<GCell>& out) {
  if (config.char_grid) {
    char_grid_cells(page, l, borders, config, out);
    return;
  }
  out.clear();
  double last_x1 = -kInf;
  int last_col = -1;
  for (std::uint32_t wi : l.words) {
    split_word(page, page.words[wi], borders, config, [&](const Piece& p, int col) {
      // Accounting formats put the currency sign flush left and the amount flush right in one
      // cell (`$          101,000.00`, zero as `$ -`): the gutter between them parts no cells.
      const bool amount_after_sign =
          !out.empty() && accounting_sign_before(out.back().text, p.text);
      const bool join = !out.empty() && col == last_col &&
                        (p.box.x0 - last_x1 < config.gutter * p.size || amount_after_sign);
      if (join) {
        GCell& c = out.back();
        if (p.box.x0 - last_x1 > config.word_space * p.size || c.text.back() == ' ') c.text += ' ';
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

void PageLayouter::find_grids() {
  if (page_.graphics.empty()) return;
  rulings_ = find_rulings(page_.graphics, config_.grid);
  grids_ = build_cell_grids(rulings_, page_.graphics, config_.grid);
}

void PageLayouter::place_lines_in_grids() {
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

void PageLayouter::build_lines() {
  std::vector<std::uint32_t> order(page_.words.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return cy(page_.words[a].box) < cy(page_.words[b].box);
  });
  for (std::uint32_t wi : order) {
    const Word& w = page_.words[wi];
    if (w.text.empty()) continue;
    const double h = std::max(height(w.box), config_.min_word_height);
    if (!lines_.empty()) {
      LineData& l = lines_.back();
      const double ref = cy(page_.words[l.words.front()].box);
      const double lh = std::max(height(page_.words[l.words.front()].box), config_.min_word_height);
      if (cy(w.box) - ref <= config_.same_line * std::min(h, lh)) {
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
        if (w.text == prev.text &&
            std::abs(w.box.x0 - prev.box.x0) < config_.doubled_word * size_of(w))
          continue;
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
    out_.lines.push_back(
        Line{lines_[i].index, lines_[i].box, line_text(page_, lines_[i], config_)});
  }
  info_.resize(lines_.size());
}

double PageLayouter::pitch_gap() const {
  if (config_.char_grid) return -1;
  std::vector<double> gaps;
  for (std::size_t k = 1; k < lines_.size(); ++k) {
    const LineData& a = lines_[k - 1];
    const LineData& b = lines_[k];
    const double gap = b.box.y0 - a.box.y1;
    if (gap < 0 || gap >= height(b.box)) continue;
    // A word of b under a word of a (both sorted by x0): the lines may be one cell's.
    bool under = false;
    for (std::size_t i = 0, j = 0; i < a.words.size() && j < b.words.size() && !under;) {
      const Box& u = page_.words[a.words[i]].box;
      const Box& v = page_.words[b.words[j]].box;
      under = u.x0 < v.x1 && v.x0 < u.x1;
      if (u.x1 < v.x1) {
        ++i;
      } else {
        ++j;
      }
    }
    if (under) gaps.push_back(gap);
  }
  if (gaps.size() < 2) return -1;
  std::nth_element(gaps.begin(), gaps.begin() + static_cast<long>(gaps.size() / 2), gaps.end());
  return gaps[gaps.size() / 2];
}

}  // namespace poa::extractor::layout::detail
