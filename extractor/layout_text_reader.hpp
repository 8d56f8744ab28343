// Reader for `pdftotext -layout` dumps: columns aligned with spaces, pages split by form feeds.
// Each page becomes positioned words on a character grid and goes through the PDF layout.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "extractor/encoding.hpp"
#include "extractor/pdf_layout.hpp"
#include "model/cell_row.hpp"

namespace poa::extractor {

// What the detection counted over the sampled lines of a dump (exposed for tests).
struct LayoutDumpEvidence {
  int lines = 0;          // non-blank lines sampled
  int cell_lines = 0;     // lines with tab cells or markdown pipe cells
  int gapped_lines = 0;   // lines with a run of 2+ spaces before some text
  int aligned_lines = 0;  // gapped lines with a column start shared by other lines
  bool form_feed = false;
};

// Counts the evidence over the first lines of `utf8` (a bounded sample: cheap on any size).
LayoutDumpEvidence layout_dump_evidence(std::string_view utf8);

// True when `utf8` reads as a layout dump: no tab or pipe cells, and many lines whose runs of
// 2+ spaces end at column starts shared by several lines.
bool is_layout_dump(std::string_view utf8);

// The character grid a dump is laid on: a column is `char_width` points wide, a line
// `line_height` points tall, every word `font_size`. On a monospace grid a space is as wide as a
// letter, while the layout's thresholds expect a PDF's proportions (a word gap under 0.5 em, a
// gutter over 1 em): each word's box reaches `word_padding` into the spaces on either side, so
// one space leaves a 0.4 em gap (a word gap) and two leave 1.1 em (a gutter).
struct CharGrid {
  double char_width = 7.0;
  double line_height = 12.0;
  double font_size = 10.0;
  double word_padding = 1.5;
};

// Appends the words of one dump line to `page`: one word per run of non-space characters, x from
// its column in code points, y from `row` (the line's place within the page, in line pitches; a
// half for a line interleaved with the one above). Returns the line's width in columns.
int add_dump_line(std::string_view line, double row, const CharGrid& grid, layout::PageWords& page);

// A reader over decoded text already found to be a layout dump. Rows carry the 1-based physical
// line of the dump (`page_is_physical` false, `page` counted from form feeds).
std::unique_ptr<RowReader> make_layout_text_reader(DecodedText text, std::string sha256,
                                                   std::string path);

}  // namespace poa::extractor
