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
  line_pitch_ = line_pitch();
}

PageLayouter::LinePitch PageLayouter::line_pitch() const {
  std::vector<double> pitches;
  for (std::size_t k = 0; k < lines_.size(); ++k) {
    for (std::uint32_t ai : lines_[k].words) {
      const Word& a = page_.words[ai];
      const double h = height(a.box);
      if (h <= 0) continue;
      for (std::size_t j = k + 1; j < lines_.size() && cy(lines_[j].box) - cy(a.box) < 2 * h; ++j) {
        for (std::uint32_t bi : lines_[j].words) {
          const Word& b = page_.words[bi];
          if (b.box.x0 < a.box.x1 && a.box.x0 < b.box.x1 &&
              std::abs(size_of(b) - size_of(a)) <= config_.same_pitch * size_of(a)) {
            pitches.push_back((cy(b.box) - cy(a.box)) / h);
          }
        }
      }
    }
  }
  // A cell's lines: the least pitch seen twice (within a twentieth of a line), since one pair of
  // stacked words may come from a cell's text that overflows its row (a label of three lines
  // aligned to the bottom of a row too short for it runs up into the row above: sweep seed 381).
  LinePitch out;
  std::sort(pitches.begin(), pitches.end());
  for (std::size_t i = 0; i + 1 < pitches.size(); ++i) {
    if (pitches[i + 1] - pitches[i] <= config_.same_pitch) {
      out.wrap = pitches[i + 1];
      break;
    }
  }
  // The rows: the median of the pitches at which glyph boxes no longer overlap.
  const auto apart = std::lower_bound(pitches.begin(), pitches.end(), 1.0);
  if (pitches.end() - apart >= 2) out.row_gap = apart[(pitches.end() - apart) / 2] - 1;
  return out;
}

}  // namespace poa::extractor::layout::detail
