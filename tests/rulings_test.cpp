// The rulings pass on synthetic page graphics (no poppler): dashes, double lines, hairlines,
// borders drawn as filled rectangles, grey gridlines, strokes over fills, ticks, backgrounds.
#include "extractor/rulings.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace poa::extractor::layout {
namespace {

StrokedSegment h_seg(double y, double x0, double x1, double width = 0.5) {
  return {x0, y, x1, y, width};
}
StrokedSegment v_seg(double x, double y0, double y1, double width = 0.5) {
  return {x, y0, x, y1, width};
}

// The four borders of a cell drawn as thin filled rectangles (how Calc and many report writers
// draw borders), 0.5 pt thick, centred on the cell's edges.
void cell_as_rects(PageGraphics& g, Box c, double luminance = 0) {
  const double t = 0.25;
  g.fills.push_back({Box{c.x0, c.y0 - t, c.x1, c.y0 + t}, luminance});
  g.fills.push_back({Box{c.x0, c.y1 - t, c.x1, c.y1 + t}, luminance});
  g.fills.push_back({Box{c.x0 - t, c.y0, c.x0 + t, c.y1}, luminance});
  g.fills.push_back({Box{c.x1 - t, c.y0, c.x1 + t, c.y1}, luminance});
}

PageGraphics dashes() {
  PageGraphics g;
  for (int i = 0; i < 17; ++i) g.segments.push_back(h_seg(100, 6 * i, 6 * i + 3));  // gaps of 3
  return g;
}

PageGraphics dotted() {
  PageGraphics g;  // 0.5 pt squares every 2 pt along y = 50
  for (int i = 0; i < 25; ++i) {
    const double x = 10 + 2 * i;
    g.fills.push_back({Box{x, 49.75, x + 0.5, 50.25}, 0});
  }
  return g;
}

PageGraphics cells_as_rects() {
  PageGraphics g;
  cell_as_rects(g, Box{0, 0, 100, 50});
  cell_as_rects(g, Box{100, 0, 200, 50});
  return g;
}

PageGraphics stroke_over_fill() {
  PageGraphics g;
  g.fills.push_back({Box{0, 99.6, 200, 100.4}, 0.2});
  g.segments.push_back(h_seg(100, 0, 200));
  return g;
}

struct RulingCase {
  std::string name;
  PageGraphics graphics;
  Rulings expected;
};

const std::vector<RulingCase> kCases = {
    {"dashes_are_joined", dashes(), {{{100, 0, 99}}, {}}},
    {"dotted_squares_are_one_line", dotted(), {{{50, 10, 58.5}}, {}}},
    {"double_line_is_one_ruling_in_the_middle",
     {{h_seg(100, 0, 200), h_seg(102, 0, 200)}, {}},
     {{{101, 0, 200}}, {}}},
    {"hairline_width_zero", {{v_seg(50, 0, 100, 0)}, {}}, {{}, {{50, 0, 100}}}},
    {"borders_as_four_rects_per_cell",
     cells_as_rects(),
     {{{0, 0, 200}, {50, 0, 200}}, {{0, 0, 50}, {100, 0, 50}, {200, 0, 50}}}},
    {"light_grey_gridline_rect", {{}, {{Box{0, 30.9, 300, 31.1}, 0.85}}}, {{{31, 0, 300}}, {}}},
    {"stroke_drawn_over_a_fill", stroke_over_fill(), {{{100, 0, 200}}, {}}},
    {"tiny_ticks_dropped",
     {{h_seg(10, 0, 2), v_seg(40, 10, 13), h_seg(20, 50, 50)}, {{Box{5, 5, 6, 6}, 0}}},
     {}},
    {"diagonal_ignored", {{{0, 0, 100, 80, 1}}, {}}, {}},
    {"white_page_background_ignored", {{}, {{Box{0, 0, 612, 792}, 1.0}}}, {}},
    // A shading says a cell is shaded, not where its neighbours end (fill_edges_are_rulings).
    {"shaded_cell_background_is_no_border", {{}, {{Box{10, 20, 110, 40}, 0.5}}}, {}},
    {"collinear_far_apart_stay_two",
     {{h_seg(60, 0, 100, 1), h_seg(60, 150, 250, 1)}, {}},
     {{{60, 0, 100}, {60, 150, 250}}, {}}},
    {"collinear_cell_borders_with_gap_joined",
     {{v_seg(0, 0, 20), v_seg(0, 22, 40), v_seg(0.4, 40, 60)}, {}},
     {{}, {{0.1379, 0, 60}}}},
};

void expect_near(const std::vector<Ruling>& actual, const std::vector<Ruling>& expected,
                 const std::string& what) {
  ASSERT_EQ(actual.size(), expected.size()) << what;
  for (std::size_t i = 0; i < actual.size(); ++i) {
    EXPECT_NEAR(actual[i].pos, expected[i].pos, 0.01) << what << " #" << i;
    EXPECT_NEAR(actual[i].from, expected[i].from, 0.01) << what << " #" << i;
    EXPECT_NEAR(actual[i].to, expected[i].to, 0.01) << what << " #" << i;
  }
}

TEST(RulingsTest, Cases) {
  for (const RulingCase& c : kCases) {
    SCOPED_TRACE(c.name);
    const Rulings r = find_rulings(c.graphics);
    expect_near(r.horizontal, c.expected.horizontal, "horizontal");
    expect_near(r.vertical, c.expected.vertical, "vertical");
  }
}

TEST(RulingsTest, ShadedBackgroundEdgesWhenAsked) {
  GridConfig config;
  config.fill_edges_are_rulings = true;
  const Rulings r = find_rulings(PageGraphics{{}, {{Box{10, 20, 110, 40}, 0.5}}}, config);
  expect_near(r.horizontal, {{20, 10, 110}, {40, 10, 110}}, "horizontal");
  expect_near(r.vertical, {{10, 20, 40}, {110, 20, 40}}, "vertical");
}

TEST(RulingsTest, EmptyPageHasNone) {
  EXPECT_TRUE(find_rulings(PageGraphics{}).empty());
}

}  // namespace
}  // namespace poa::extractor::layout
