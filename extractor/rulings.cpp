// Pass "rulings": stroked segments and thin filled rectangles -> joined horizontal and vertical
// rulings (see rulings.hpp).
#include "extractor/rulings.hpp"

#include <algorithm>
#include <cmath>

namespace poa::extractor::layout {
namespace {

// A piece of a ruling before joining.
struct Piece {
  double pos = 0, from = 0, to = 0;
};

// Where each drawn thing lands as a piece of a horizontal or vertical line.
void collect_pieces(const PageGraphics& graphics, const GridConfig& config,
                    std::vector<Piece>& horizontal, std::vector<Piece>& vertical) {
  for (const StrokedSegment& s : graphics.segments) {
    const double dx = std::abs(s.x1 - s.x0), dy = std::abs(s.y1 - s.y0);
    // Near axis-aligned only: the drift across the whole segment stays within one line's
    // tolerance. Diagonals (slashes, chart lines) are no borders.
    if (dy <= config.same_line_tolerance && dx > dy) {
      horizontal.push_back({(s.y0 + s.y1) / 2, std::min(s.x0, s.x1), std::max(s.x0, s.x1)});
    } else if (dx <= config.same_line_tolerance && dy > dx) {
      vertical.push_back({(s.x0 + s.x1) / 2, std::min(s.y0, s.y1), std::max(s.y0, s.y1)});
    }
  }
  for (const FilledBox& f : graphics.fills) {
    const Box& b = f.box;
    const double w = b.x1 - b.x0, h = b.y1 - b.y0;
    const bool thin_h = h <= config.max_ruling_thickness;
    const bool thin_v = w <= config.max_ruling_thickness;
    if (thin_h || thin_v) {
      // A thin rectangle is a border whatever its colour (light grey gridlines included). A
      // small square (a dot of a dotted line, a corner joint) is a piece in both directions:
      // joining keeps the direction its neighbours line up in, the other is dropped as too short.
      if (thin_h) horizontal.push_back({(b.y0 + b.y1) / 2, b.x0, b.x1});
      if (thin_v) vertical.push_back({(b.x0 + b.x1) / 2, b.y0, b.y1});
      continue;
    }
    // A wide fill is a cell background or a band; when asked, its edges separate it from the
    // unshaded cells around it. A white one is indistinguishable from the paper.
    if (!config.fill_edges_are_rulings || f.luminance >= config.white_luminance) continue;
    horizontal.push_back({b.y0, b.x0, b.x1});
    horizontal.push_back({b.y1, b.x0, b.x1});
    vertical.push_back({b.x0, b.y0, b.y1});
    vertical.push_back({b.x1, b.y0, b.y1});
  }
}

// Joins the pieces of one direction: pieces whose positions are within same_line_tolerance of
// the first of their group are one line (double lines, a stroke over a fill); along it, pieces
// overlapping or with gaps up to join_gap are one ruling (dashes, borders drawn cell by cell).
// A ruling's position is the length-weighted mean of its pieces (the middle of a double line).
std::vector<Ruling> join(std::vector<Piece>& pieces, const GridConfig& config) {
  std::vector<Ruling> out;
  std::sort(pieces.begin(), pieces.end(),
            [](const Piece& a, const Piece& b) { return a.pos < b.pos; });
  std::size_t begin = 0;
  while (begin < pieces.size()) {
    std::size_t end = begin + 1;
    while (end < pieces.size() &&
           pieces[end].pos - pieces[begin].pos <= config.same_line_tolerance) {
      ++end;
    }
    std::sort(pieces.begin() + static_cast<std::ptrdiff_t>(begin),
              pieces.begin() + static_cast<std::ptrdiff_t>(end),
              [](const Piece& a, const Piece& b) { return a.from < b.from; });
    std::size_t i = begin;
    while (i < end) {
      double from = pieces[i].from, to = pieces[i].to;
      // Weight at least a tiny amount so zero-length dots still count.
      double weight = std::max(to - from, 1e-3);
      double weighted_pos = pieces[i].pos * weight;
      std::size_t j = i + 1;
      for (; j < end && pieces[j].from <= to + config.join_gap; ++j) {
        to = std::max(to, pieces[j].to);
        const double w = std::max(pieces[j].to - pieces[j].from, 1e-3);
        weight += w;
        weighted_pos += pieces[j].pos * w;
      }
      if (to - from >= config.min_ruling_length) out.push_back({weighted_pos / weight, from, to});
      i = j;
    }
    begin = end;
  }
  std::sort(out.begin(), out.end(), [](const Ruling& a, const Ruling& b) {
    return a.pos != b.pos ? a.pos < b.pos : a.from < b.from;
  });
  return out;
}

}  // namespace

Rulings find_rulings(const PageGraphics& graphics, const GridConfig& config) {
  std::vector<Piece> horizontal, vertical;
  collect_pieces(graphics, config, horizontal, vertical);
  Rulings out;
  out.horizontal = join(horizontal, config);
  out.vertical = join(vertical, config);
  return out;
}

}  // namespace poa::extractor::layout
