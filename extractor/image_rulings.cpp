// Table rulings in a scanned page: a morphological opening with a long thin structuring element
// keeps only the ink that runs that far in one direction (borders), not letters.
#include "extractor/image_rulings.hpp"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>

namespace poa::extractor::ocr {
namespace {

struct BoxaDeleter {
  void operator()(Boxa* boxa) const { boxaDestroy(&boxa); }
};

int to_pixels(double points, double dpi) {
  return std::max(1, static_cast<int>(std::lround(points * dpi / 72)));
}

// Each connected run of the opened image becomes one segment along its long side, through its
// middle; its short side is the stroke width.
void add_segments(Pix* lines, bool horizontal, double dpi, const ImageRulingConfig& config,
                  std::vector<layout::StrokedSegment>& out) {
  const std::unique_ptr<Boxa, BoxaDeleter> boxes(pixConnCompBB(lines, 8));
  if (!boxes) return;
  const double pt = 72.0 / dpi;
  for (l_int32 i = 0; i < boxaGetCount(boxes.get()); ++i) {
    l_int32 x = 0, y = 0, w = 0, h = 0;
    boxaGetBoxGeometry(boxes.get(), i, &x, &y, &w, &h);
    const double thick = (horizontal ? h : w) * pt;
    if (thick > config.max_thickness) continue;
    if (horizontal) {
      const double yc = (y + h / 2.0) * pt;
      out.push_back(layout::StrokedSegment{x * pt, yc, (x + w) * pt, yc, thick});
    } else {
      const double xc = (x + w / 2.0) * pt;
      out.push_back(layout::StrokedSegment{xc, y * pt, xc, (y + h) * pt, thick});
    }
  }
}

// Pieces of one broken line (same position, small gaps) joined into one segment.
std::vector<layout::StrokedSegment> join_pieces(std::vector<layout::StrokedSegment> list,
                                                bool horizontal, const ImageRulingConfig& config) {
  auto pos = [&](const layout::StrokedSegment& s) { return horizontal ? s.y0 : s.x0; };
  auto from = [&](const layout::StrokedSegment& s) { return horizontal ? s.x0 : s.y0; };
  auto to = [&](const layout::StrokedSegment& s) { return horizontal ? s.x1 : s.y1; };
  std::sort(list.begin(), list.end(), [&](const auto& a, const auto& b) {
    return std::abs(pos(a) - pos(b)) > config.same_line ? pos(a) < pos(b) : from(a) < from(b);
  });
  std::vector<layout::StrokedSegment> out;
  for (layout::StrokedSegment s : list) {
    if (!out.empty() && std::abs(pos(out.back()) - pos(s)) <= config.same_line &&
        from(s) <= to(out.back()) + config.join_gap) {
      layout::StrokedSegment& last = out.back();
      // A run alongside a longer one (the tops of a row of capitals touching a ruling, closed
      // into one run) is ink touching the line, not more of it: the longer one says where the
      // line is and how thick. Pieces end to end are one broken line.
      const double overlap = std::min(to(last), to(s)) - std::max(from(last), from(s));
      const bool alongside = overlap > config.join_gap;
      if (to(s) - from(s) > to(last) - from(last)) std::swap(last, s);
      if (!alongside) last.width = std::max(last.width, s.width);
      if (horizontal) {
        last.x0 = std::min(last.x0, s.x0);
        last.x1 = std::max(last.x1, s.x1);
      } else {
        last.y0 = std::min(last.y0, s.y0);
        last.y1 = std::max(last.y1, s.y1);
      }
      continue;
    }
    out.push_back(s);
  }
  return out;
}

// Whether (x, y) is on or near one of `across` (segments of the other direction).
bool meets(const std::vector<layout::StrokedSegment>& across, double x, double y, double slack) {
  return std::any_of(across.begin(), across.end(), [&](const layout::StrokedSegment& s) {
    return x >= std::min(s.x0, s.x1) - slack && x <= std::max(s.x0, s.x1) + slack &&
           y >= std::min(s.y0, s.y1) - slack && y <= std::max(s.y0, s.y1) + slack;
  });
}

// A table border runs from one border across to another; a stamp's arc or a signature's stroke
// that happens to be long and straight enough ends in the open. Long lines are kept whatever
// (a frame, an underline of a title row).
std::vector<layout::StrokedSegment> only_borders(const std::vector<layout::StrokedSegment>& list,
                                                 const std::vector<layout::StrokedSegment>& across,
                                                 bool horizontal, double page_extent,
                                                 const ImageRulingConfig& config) {
  std::vector<layout::StrokedSegment> out;
  for (const layout::StrokedSegment& s : list) {
    const double length = horizontal ? s.x1 - s.x0 : s.y1 - s.y0;
    const bool long_line = length >= config.long_line * page_extent;
    const bool closed = meets(across, s.x0, s.y0, config.meet_slack) &&
                        meets(across, s.x1, s.y1, config.meet_slack);
    if (long_line || closed) out.push_back(s);
  }
  return out;
}

}  // namespace

ImageRulings find_image_rulings(Pix* binary, double dpi, const ImageRulingConfig& config) {
  ImageRulings out;
  if (binary == nullptr || pixGetDepth(binary) != 1) return out;
  // A scan's borders have pinholes and breaks of a pixel or two: bridge them along the line first.
  const int bridge = to_pixels(1.0, dpi);
  const PixPtr h_closed(pixCloseBrick(nullptr, binary, bridge, 1));
  const PixPtr v_closed(pixCloseBrick(nullptr, binary, 1, bridge));
  if (!h_closed || !v_closed) return out;
  const PixPtr h(pixOpenBrick(nullptr, h_closed.get(), to_pixels(config.min_horizontal, dpi), 1));
  const PixPtr v(pixOpenBrick(nullptr, v_closed.get(), 1, to_pixels(config.min_vertical, dpi)));
  if (!h || !v) return out;
  std::vector<layout::StrokedSegment> hs, vs;
  add_segments(h.get(), true, dpi, config, hs);
  add_segments(v.get(), false, dpi, config, vs);
  hs = join_pieces(std::move(hs), true, config);
  vs = join_pieces(std::move(vs), false, config);
  const double pt = 72.0 / dpi;
  const double width = pixGetWidth(binary) * pt, height = pixGetHeight(binary) * pt;
  out.segments = only_borders(hs, vs, true, width, config);
  const std::vector<layout::StrokedSegment> kept_v = only_borders(vs, hs, false, height, config);
  out.segments.insert(out.segments.end(), kept_v.begin(), kept_v.end());
  // The mask erases thin runs only: a thick one is a filled band whose text must stay.
  const int thin = to_pixels(config.max_thickness, dpi);
  const PixPtr h_thin(
      pixSelectBySize(h.get(), 0, thin, 8, L_SELECT_HEIGHT, L_SELECT_IF_LTE, nullptr));
  const PixPtr v_thin(
      pixSelectBySize(v.get(), thin, 0, 8, L_SELECT_WIDTH, L_SELECT_IF_LTE, nullptr));
  if (!h_thin || !v_thin) return out;
  const PixPtr both(pixOr(nullptr, h_thin.get(), v_thin.get()));
  if (both) out.mask.reset(pixDilateBrick(nullptr, both.get(), 3, 3));
  return out;
}

}  // namespace poa::extractor::ocr
