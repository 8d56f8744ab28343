// The layout's thresholds (LayoutConfig) reach its passes: changing a knob changes how the same
// words are cut into lines and cells.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "extractor/layout_config.hpp"
#include "extractor/pdf_layout.hpp"

namespace poa::extractor::layout {
namespace {

constexpr double kSize = 8;
constexpr double kLineHeight = 9.6;

// Two words 10 pt apart (1.25 × the font size), the second 4 pt lower (0.42 × the line
// height): whether they share a line and a cell is up to `same_line`, `gutter`, `word_space`.
PageWords two_words() {
  PageWords page;
  page.width = 612;
  page.height = 792;
  page.add_word("Lorem", Box{40, 100, 60, 100 + kLineHeight}, kSize);
  page.add_word("ipsum", Box{70, 104, 90, 104 + kLineHeight}, kSize);
  return page;
}

std::string show(const CellRow& row) {
  std::string s = "l" + std::to_string(row.line);
  for (const Cell& c : row.cells) s += " [c" + std::to_string(c.column) + " \"" + c.text + "\"]";
  return s;
}

struct Case {
  const char* name;
  std::function<void(LayoutConfig&)> set;
  std::vector<std::string> expected;
};

TEST(LayoutConfigTest, KnobsReachThePasses) {
  const std::vector<Case> cases = {
      {"defaults_two_lines", [](LayoutConfig&) {}, {R"(l1 [c0 "Lorem"])", R"(l2 [c0 "ipsum"])"}},
      {"wider_same_line_joins_the_lines_gutter_splits_the_cells",
       [](LayoutConfig& c) { c.same_line = 0.5; },
       {R"(l1 [c0 "Lorem"] [c1 "ipsum"])"}},
      {"wider_gutter_joins_the_cells",
       [](LayoutConfig& c) {
         c.same_line = 0.5;
         c.gutter = 1.5;
       },
       {R"(l1 [c0 "Lorem ipsum"])"}},
      {"wider_word_space_glues_the_words",
       [](LayoutConfig& c) {
         c.same_line = 0.5;
         c.gutter = 1.5;
         c.word_space = 1.3;
       },
       {R"(l1 [c0 "Loremipsum"])"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    LayoutConfig config;
    c.set(config);
    PageWords page = two_words();
    LayoutState state;
    std::vector<std::string> got;
    for (const CellRow& row : layout_page(page, state, config).rows) got.push_back(show(row));
    EXPECT_EQ(got, c.expected);
  }
}

}  // namespace
}  // namespace poa::extractor::layout
