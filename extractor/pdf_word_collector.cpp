// Words of a PDF page grouped as poppler's TextOutputDev groups them in raw order (see the
// header); the rules are TextPage::addChar's, step by step.
#include "extractor/pdf_word_collector.hpp"

#include <poppler/GfxState.h>
#include <poppler/UTF.h>
#include <poppler/goo/GooString.h>
#include <poppler/goo/gmem.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

namespace poa::extractor::pdf {
namespace {

// TextOutputDev's thresholds, in units of the word's font size.
constexpr double kMinWordBreakSpace = 0.1;
constexpr double kMinDupBreakOverlap = 0.2;
constexpr double kDupMaxPriDelta = 0.1;
constexpr double kDupMaxSecDelta = 0.2;
constexpr int kMaxTinyChars = 50000;

// poppler's UnicodeIsWhitespace (not exported by the library).
bool is_whitespace(Unicode u) {
  if (u > 0x20 && u < 0x85) return false;  // most glyphs: printable ASCII
  static constexpr std::array<Unicode, 24> kSpaces{0x0009, 0x000A, 0x000B, 0x000C, 0x000D, 0x0020,
                                                   0x0085, 0x00A0, 0x2000, 0x2001, 0x2002, 0x2003,
                                                   0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009,
                                                   0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000};
  return std::binary_search(kSpaces.begin(), kSpaces.end(), u);
}

// The spacing accents TextWord::addCombining may merge with a neighbouring letter.
bool is_spacing_accent(Unicode u) {
  if (u < 0x60 || (u > 0x60 && u < 0xA8)) return false;  // most glyphs
  static constexpr std::array<Unicode, 12> kAccents{0x0060, 0x00A8, 0x00AF, 0x00B4, 0x00B8, 0x02C6,
                                                    0x02C7, 0x02D8, 0x02D9, 0x02DA, 0x02DC, 0x02DD};
  return std::find(kAccents.begin(), kAccents.end(), u) != kAccents.end();
}

// TextFontInfo's defaults for a glyph drawn with no font set.
double ascent_of(const CollectedFont& f) {
  return f.font ? f.font->getAscent() : 0.95;
}
double descent_of(const CollectedFont& f) {
  return f.font ? f.font->getDescent() : -0.35;
}
int wmode_of(const CollectedFont& f) {
  return f.font ? f.font->getWMode() : 0;
}

}  // namespace

void WordCollector::startPage(int, GfxState* state, XRef*) {
  words_.clear();
  text_.clear();
  edges_.clear();
  char_fonts_.clear();
  fonts_.clear();
  font_by_id_.clear();
  current_font_.reset();
  in_word_ = false;
  font_ = -1;
  font_wmode_ = 0;
  font_size_ = 0;
  tiny_chars_ = 0;
  last_char_overlap_ = false;
  needs_reference_ = false;
  actual_text_.reset();
  actual_bytes_ = 0;
  page_width_ = state ? state->getPageWidth() : 0;
  page_height_ = state ? state->getPageHeight() : 0;
}

void WordCollector::endPage() {
  end_word();
}

void WordCollector::restoreState(GfxState* state) {
  updateFont(state);
}

void WordCollector::updateFont(GfxState* state) {
  const std::shared_ptr<GfxFont>& font = state->getFont();
  if (font_ < 0 || font != current_font_) {
    font_ = font_index(font);
    current_font_ = font;
  }
  font_wmode_ = wmode_of(fonts_[static_cast<std::size_t>(font_)]);
  font_size_ = state->getTransformedFontSize();
  if (font && font->getType() == fontType3) {
    // TextPage::updateFont's guess of a Type 3 font's scale from the width of 'm', else of a
    // letter, else of any glyph.
    const auto* font8 = static_cast<const Gfx8BitFont*>(font.get());
    int m_code = -1, letter_code = -1, any_code = -1;
    for (int code = 0; code < 256; ++code) {
      const char* name = font8->getCharName(code);
      const bool one_char = name && std::strlen(name) == 1;
      if (one_char && name[0] == 'm') m_code = code;
      if (letter_code < 0 && one_char &&
          ((name[0] >= 'A' && name[0] <= 'Z') || (name[0] >= 'a' && name[0] <= 'z'))) {
        letter_code = code;
      }
      if (any_code < 0 && name && font8->getWidth(static_cast<unsigned char>(code)) > 0) {
        any_code = code;
      }
    }
    const auto width = [&](int code) { return font8->getWidth(static_cast<unsigned char>(code)); };
    double w = 0;
    if (m_code >= 0 && (w = width(m_code)) > 0) {
      font_size_ *= w / 0.6;  // a generic 'm' width
    } else if ((letter_code >= 0 && (w = width(letter_code)) > 0) ||
               (any_code >= 0 && (w = width(any_code)) > 0)) {
      font_size_ *= w / 0.5;  // a generic letter width
    }
    const double* fm = font->getFontMatrix();
    if (fm[0] != 0) font_size_ *= std::fabs(fm[3] / fm[0]);
  }
}

int WordCollector::font_index(const std::shared_ptr<GfxFont>& font) {
  // A glyph drawn with no font set has an entry of its own (Ref::INVALID, which no font has).
  const Ref id = font ? *font->getID() : Ref::INVALID();
  const auto [it, added] =
      font_by_id_.try_emplace({id.num, id.gen}, static_cast<int>(fonts_.size()));
  const CollectedFont* known = added ? nullptr : &fonts_[static_cast<std::size_t>(it->second)];
  // An inline font's Ref is a hash of its dictionary: two fonts may share it.
  if (known && known->font &&
      (known->font->getName() != font->getName() || known->font->getType() != font->getType() ||
       known->font->getAscent() != font->getAscent() ||
       known->font->getDescent() != font->getDescent() ||
       known->font->getWMode() != font->getWMode())) {
    known = nullptr;
  }
  if (known) return it->second;
  fonts_.push_back(CollectedFont{font, font ? font->getName() : std::nullopt});
  return static_cast<int>(fonts_.size()) - 1;
}

void WordCollector::drawChar(GfxState* state, double x, double y, double dx, double dy, double,
                             double, CharCode code, int n_bytes, const Unicode* u, int u_len) {
  if (!actual_text_) {
    add_char(state, x, y, dx, dy, code, u, u_len);
    return;
  }
  if (actual_bytes_ == 0) {
    actual_x0_ = x;
    actual_y0_ = y;
  }
  actual_x1_ = x + dx;
  actual_y1_ = y + dy;
  actual_bytes_ += n_bytes;
}

void WordCollector::beginActualText(GfxState*, const GooString* text) {
  actual_text_ = text->toStr();
  actual_bytes_ = 0;
}

void WordCollector::endActualText(GfxState* state) {
  if (actual_text_ && actual_bytes_ != 0) {
    Unicode* uni = nullptr;
    const int length = TextStringToUCS4(*actual_text_, &uni);
    add_char(state, actual_x0_, actual_y0_, actual_x1_ - actual_x0_, actual_y1_ - actual_y0_, 0,
             uni, length);
    gfree(uni);
  }
  actual_text_.reset();
  actual_bytes_ = 0;
}

void WordCollector::add_char(const GfxState* state, double x, double y, double dx, double dy,
                             CharCode code, const Unicode* u, int u_len) {
  // Char and word spacing are not part of the glyph.
  double sp = state->getCharSpace();
  if (code == 0x20) sp += state->getWordSpace();
  double dx2 = 0, dy2 = 0;
  state->textTransformDelta(sp * state->getHorizScaling(), 0, &dx2, &dy2);
  dx -= dx2;
  dy -= dy2;
  double w1 = 0, h1 = 0, x1 = 0, y1 = 0;
  state->transformDelta(dx, dy, &w1, &h1);
  state->transform(x, y, &x1, &y1);
  // Glyphs off the page, or of no sane size, are dropped; so are glyphs at no finite place, which
  // TextPage::addChar keeps when one starts at -inf and is infinitely wide (its end is NaN, not
  // < 0): the words after it on its line joined its word, a box of NaN (a matrix overflowing).
  if (x1 + w1 < 0 || x1 > page_width_ || y1 + h1 < 0 || y1 > page_height_ || !std::isfinite(x1) ||
      !std::isfinite(y1) || !std::isfinite(w1) || !std::isfinite(h1)) {
    return;
  }
  if (std::fabs(w1) < 3 && std::fabs(h1) < 3 && ++tiny_chars_ > kMaxTinyChars) return;
  if (u_len == 1 && is_whitespace(u[0])) {
    end_word();
    return;
  }
  if (u_len == 1 && u[0] == 0) return;
  for (int i = 0; i < u_len; ++i) {
    if (is_spacing_accent(u[i])) needs_reference_ = true;
  }

  // A new word when this glyph is not where the word's next one would be, overlaps the last
  // one (duplicated text) or follows an overlap, or the font size or writing mode changed.
  if (in_word_ && words_.back().length > 0) {
    const CollectedWord& w = words_.back();
    const double last_edge = edges_[w.first_edge + w.length - 1];
    double base = 0, space = 0, delta = 0;
    switch (w.rot) {
      case 0:
        base = y1;
        space = x1 - w.x_max;
        delta = x1 - last_edge;
        break;
      case 1:
        base = x1;
        space = y1 - w.y_max;
        delta = y1 - last_edge;
        break;
      case 2:
        base = y1;
        space = w.x_min - x1;
        delta = last_edge - x1;
        break;
      default:
        base = x1;
        space = w.y_min - y1;
        delta = last_edge - y1;
        break;
    }
    const bool overlap = std::fabs(delta) < kDupMaxPriDelta * w.font_size &&
                         std::fabs(base - w.base) < kDupMaxSecDelta * w.font_size;
    if (overlap || last_char_overlap_ || space < -kMinDupBreakOverlap * w.font_size ||
        space > kMinWordBreakSpace * w.font_size || std::fabs(base - w.base) > 0.5 ||
        font_size_ != w.font_size || font_wmode_ != w.wmode) {
      end_word();
    }
    last_char_overlap_ = overlap;
  } else {
    last_char_overlap_ = false;
  }

  if (u_len == 0) return;
  if (!in_word_) begin_word(state);
  // Text drawn against its direction (a mirrored matrix) becomes words of one glyph each.
  const int rot = words_.back().rot;
  if ((rot == 0 && w1 < 0) || (rot == 1 && h1 < 0) || (rot == 2 && w1 > 0) ||
      (rot == 3 && h1 > 0)) {
    end_word();
    begin_word(state);
    x1 += w1;
    y1 += h1;
    w1 = -w1;
    h1 = -h1;
  }
  w1 /= u_len;
  h1 /= u_len;
  for (int i = 0; i < u_len; ++i) word_add_char(x1 + i * w1, y1 + i * h1, w1, h1, u[i]);
}

void WordCollector::begin_word(const GfxState* state) {
  double m[4];
  state->getFontTransMat(&m[0], &m[1], &m[2], &m[3]);
  const std::shared_ptr<GfxFont>& font = state->getFont();
  if (font && font->getType() == fontType3) {
    const double* fm = font->getFontMatrix();
    const double m2[4] = {fm[0] * m[0] + fm[1] * m[2], fm[0] * m[1] + fm[1] * m[3],
                          fm[2] * m[0] + fm[3] * m[2], fm[2] * m[1] + fm[3] * m[3]};
    std::copy(std::begin(m2), std::end(m2), std::begin(m));
  }
  int rot = 0;
  if (std::fabs(m[0] * m[3]) > std::fabs(m[1] * m[2])) {
    rot = (m[0] > 0 || m[3] < 0) ? 0 : 2;
  } else {
    rot = (m[2] > 0) ? 1 : 3;
  }
  // Vertical writing: the lines are turned a quarter.
  if (font && font->getWMode()) rot = (rot + 1) & 3;
  CollectedWord w;
  w.rot = rot;
  w.font_size = font_size_;
  w.first = text_.size();
  w.first_edge = edges_.size();
  words_.push_back(w);
  in_word_ = true;
}

void WordCollector::end_word() {
  if (!in_word_) return;
  in_word_ = false;
  // An empty word has no valid box (poppler throws it away).
  if (words_.back().length == 0) {
    edges_.resize(words_.back().first_edge);
    words_.pop_back();
  }
}

void WordCollector::word_add_char(double x, double y, double dx, double dy, Unicode u) {
  CollectedWord& w = words_.back();
  const CollectedFont& font = fonts_[static_cast<std::size_t>(font_)];
  text_.push_back(u);
  char_fonts_.push_back(font_);
  if (w.length == 0) {
    // TextWord::setInitialBounds
    const double ascent = ascent_of(font) * w.font_size;
    const double descent = descent_of(font) * w.font_size;
    w.wmode = font_wmode_;
    if (w.wmode) {
      switch (w.rot) {
        case 0:
          w.x_min = x - w.font_size;
          w.y_min = y - w.font_size;
          w.y_max = y;
          w.base = y;
          break;
        case 1:
          w.x_min = x;
          w.y_min = y - w.font_size;
          w.x_max = x + w.font_size;
          w.base = x;
          break;
        case 2:
          w.y_min = y;
          w.x_max = x + w.font_size;
          w.y_max = y + w.font_size;
          w.base = y;
          break;
        default:
          w.x_min = x - w.font_size;
          w.x_max = x;
          w.y_max = y + w.font_size;
          w.base = x;
          break;
      }
    } else {
      switch (w.rot) {
        case 0:
          w.x_min = x;
          w.y_min = y - ascent;
          w.y_max = y - descent;
          if (w.y_min == w.y_max) {
            w.y_min = y;
            w.y_max = y + 1;
          }
          w.base = y;
          break;
        case 1:
          w.x_min = x + descent;
          w.y_min = y;
          w.x_max = x + ascent;
          if (w.x_min == w.x_max) {
            w.x_min = x;
            w.x_max = x + 1;
          }
          w.base = x;
          break;
        case 2:
          w.y_min = y + descent;
          w.x_max = x;
          w.y_max = y + ascent;
          if (w.y_min == w.y_max) {
            w.y_min = y;
            w.y_max = y + 1;
          }
          w.base = y;
          break;
        default:
          w.x_min = x - ascent;
          w.x_max = x - descent;
          w.y_max = y;
          if (w.x_min == w.x_max) {
            w.x_min = x;
            w.x_max = x + 1;
          }
          w.base = x;
          break;
      }
    }
    edges_.push_back(0);  // edge[0], set below
    edges_.push_back(0);
  } else {
    edges_.push_back(0);  // edge[len + 1]
  }
  // edge[len] is where this glyph starts (it overwrites the previous glyph's end), edge[len + 1]
  // where it ends; the box grows along the writing direction.
  double& start = edges_[edges_.size() - 2];
  double& end = edges_.back();
  if (w.wmode) {
    switch (w.rot) {
      case 0:
        start = x - w.font_size;
        w.x_max = end = x;
        break;
      case 1:
        start = y - w.font_size;
        w.y_max = end = y;
        break;
      case 2:
        start = x + w.font_size;
        w.x_min = end = x;
        break;
      default:
        start = y + w.font_size;
        w.y_min = end = y;
        break;
    }
  } else {
    switch (w.rot) {
      case 0:
        start = x;
        w.x_max = end = x + dx;
        break;
      case 1:
        start = y;
        w.y_max = end = y + dy;
        break;
      case 2:
        start = x;
        w.x_min = end = x + dx;
        break;
      default:
        start = y;
        w.y_min = end = y + dy;
        break;
    }
  }
  ++w.length;
}

}  // namespace poa::extractor::pdf
