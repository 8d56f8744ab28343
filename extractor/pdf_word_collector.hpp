// A poppler output device that groups a page's glyphs into words as poppler's TextOutputDev does
// in raw (content-stream) order, without its per-glyph allocations. Internal to the PDF reader
// (pdf_reader.cpp): poppler types, not a public header.
#pragma once

#include <poppler/GfxFont.h>
#include <poppler/OutputDev.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace poa::extractor::pdf {

// A word as TextOutputDev's TextWord holds it: its code points are
// WordCollector::text()[first, first + length), the edges between them
// WordCollector::edges()[first_edge, first_edge + length + 1), the font of each code point
// WordCollector::char_fonts()[first, first + length).
struct CollectedWord {
  int rot = 0;  // 0..3: the text runs right, down, left or up on the page
  int wmode = 0;
  double font_size = 0;
  double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
  double base = 0;
  std::size_t first = 0, length = 0, first_edge = 0;
};

// A font of the page as TextOutputDev's TextFontInfo, except that there is one per font object
// drawn (GfxFont::getID), not one per GfxFont: poppler reads a form XObject's fonts again at each
// Do, and a page drawing a form 10,000 times kept 10,000 fonts and compared each new one with
// them all. The fonts of one object have the same name and metrics, so the words do not change.
struct CollectedFont {
  std::shared_ptr<GfxFont> font;
  std::optional<std::string> name;
};

// Collects the words of one page (startPage .. endPage). Rules, thresholds and arithmetic are
// TextPage::addChar's (poppler 22.12, raw order, no diagonal discarding), so the words, their
// boxes and their glyph edges are the same numbers. One case is not reproduced: poppler merges
// a spacing accent (´ ¨ ˜ …) with the letter beside it using a Unicode table it does not
// export; a page that draws one of those characters sets needs_reference() and the caller reads
// it again through TextOutputDev. And one is left out on purpose: a glyph at no finite place
// (a matrix overflowing), which poppler may keep, is dropped (add_char).
class WordCollector : public OutputDev {
 public:
  bool upsideDown() override { return true; }
  bool useDrawChar() override { return true; }
  bool interpretType3Chars() override { return false; }
  bool needNonText() override { return false; }
  bool needCharCount() override { return true; }

  void startPage(int page_number, GfxState* state, XRef* xref) override;
  void endPage() override;
  void restoreState(GfxState* state) override;
  void updateFont(GfxState* state) override;
  void drawChar(GfxState* state, double x, double y, double dx, double dy, double origin_x,
                double origin_y, CharCode code, int n_bytes, const Unicode* u, int u_len) override;
  void incCharCount(int) override {}
  void beginActualText(GfxState* state, const GooString* text) override;
  void endActualText(GfxState* state) override;

  const std::vector<CollectedWord>& words() const { return words_; }
  const std::vector<Unicode>& text() const { return text_; }
  const std::vector<double>& edges() const { return edges_; }
  const std::vector<int>& char_fonts() const { return char_fonts_; }
  const std::vector<CollectedFont>& fonts() const { return fonts_; }
  bool needs_reference() const { return needs_reference_; }

 private:
  void add_char(const GfxState* state, double x, double y, double dx, double dy, CharCode code,
                const Unicode* u, int u_len);
  void begin_word(const GfxState* state);
  void end_word();
  void word_add_char(double x, double y, double dx, double dy, Unicode u);
  int font_index(const std::shared_ptr<GfxFont>& font);

  std::vector<CollectedWord> words_;
  std::vector<Unicode> text_;
  std::vector<double> edges_;
  std::vector<int> char_fonts_;
  std::vector<CollectedFont> fonts_;
  bool in_word_ = false;  // words_.back() is the word being built
  int font_ = -1;         // current font, index into fonts_
  // The GfxFont font_ was found for, kept alive so that no other font takes its address.
  std::shared_ptr<GfxFont> current_font_;
  std::map<std::pair<int, int>, int> font_by_id_;  // a font object's Ref -> index into fonts_
  int font_wmode_ = 0;                             // its writing mode (0 horizontal, 1 vertical)
  double font_size_ = 0;
  double page_width_ = 0, page_height_ = 0;
  int tiny_chars_ = 0;
  bool last_char_overlap_ = false;
  bool needs_reference_ = false;
  // An /ActualText span: its glyphs are measured, then its text is added as one character.
  std::optional<std::string> actual_text_;
  int actual_bytes_ = 0;
  double actual_x0_ = 0, actual_y0_ = 0, actual_x1_ = 0, actual_y1_ = 0;
};

}  // namespace poa::extractor::pdf
