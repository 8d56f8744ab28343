// OCR of a page image with Tesseract 5 (LSTM): clean-up and rulings first (Leptonica), then the
// words with their glyph boxes in PDF points, number words re-read with a digits-only whitelist,
// and dashes Tesseract left out (a lone `-` in a month cell is a 0, not an empty cell).
#include "extractor/ocr_reader.hpp"

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>

#include <omp.h>

#include "extractor/cell_grid.hpp"
#include "extractor/image_cleanup.hpp"
#include "extractor/image_rulings.hpp"
#include "extractor/rulings.hpp"
#include "model/cell_row.hpp"
#include "text/unicode.hpp"

namespace poa::extractor::ocr {
namespace {

// Tuning of the word pass, in points unless said otherwise.
struct WordConfig {
  // Number words less sure than this (0..1), or with letters in them, are read again as digits.
  double reread_below = 0.97;
  double reread_pad = 1.5;  // margin around a word read again
  double cell_inset = 1.0;  // a table cell is read inside its borders by this much
  // Scans of lower resolution are enlarged to this, by linear interpolation (Leptonica's
  // pixScale at 1.5×: pixScaleGrayLI, no sharpening). Measured on the 200 ppp fixtures: 300
  // reads as well as 400 (2×, pixScaleGray2xLI) on the fax and better on the noisy scan, where
  // at 400 Tesseract lost three month names; and 400 costs ~40 % more CPU.
  double min_read_dpi = 300;
  // A bilevel scan (a fax: every pixel black or white) is given to Tesseract as the enlarged grey
  // image, not as the clean-up's binary one: interpolation leaves its letters' edges grey, and
  // Tesseract's own threshold of them reads better than Sauvola's of the same pixels (the fax
  // fixture: 42 → 60 of 112 values exact, every wrong one still flagged; on the noisy grey scan
  // the same feed lost the month names, so only bilevel pages take it). Pixels farther than this
  // (points) from the binary image's ink are made white: rulings, remnants, specks stay out.
  double bilevel_feed_reach = 0.5;
  // A dash: a short flat run of ink no word covers.
  double dash_min_width = 1.5, dash_max_width = 12, dash_max_height = 2.0;
  double dash_min_ratio = 2.0;  // width / height
  double dash_confidence = 0.9;
  double ruling_slack = 2.5;   // a mark this close to a ruling is what is left of the ruling
  double remnant_slack = 1.5;  // a flat stroke this close to a ruling's line is left of it
  // Paper is grey at least this light (ink is darker); a word whose paper has less than this share
  // of the page's light is under a stain.
  double paper_min_grey = 150, stain_below = 0.9;
  // A word of this many glyphs or fewer, without digits, read with less confidence than this is
  // a mark, not text.
  std::size_t junk_max_glyphs = 3;
  double junk_below = 0.4;
  // A drawn cell the OCR read nothing in holds ink when a mark in it, this far inside its borders,
  // is at least this large one way (specks are smaller; a dash is 1-2 pt wide). Ink is looked for
  // in the cleaned grey image, not the binary one: a faint 8 pt dash at 200 ppp is 150-190 grey
  // on paper of 230-255, and binarisation loses it. A pixel is ink when it is this much darker
  // than the page's paper (a darkened copy's paper is darker: the margin follows it).
  double unread_inset = 1.5, unread_min_ink = 0.75;
  double unread_ink_margin = 40;
  // Such ink no higher than dash_max_height (a digit is twice as high) and at least as wide as
  // high is a faint dash: `-` (a zero), with this confidence, under any sensible threshold (too
  // faint to be sure of). At 200 ppp a dash thresholded from grey is 4-6 × 3-4 px at 300 ppp:
  // its width is no longer twice its height (add_dashes' test of a dash it can see whole). Only
  // on scans enlarged to min_read_dpi: at 300 ppp add_dashes sees a dash whole, and a lone speck
  // of that size in a cell is noise (the smudged 300 ppp fixture put a `-` at META's end).
  double faint_dash_confidence = 0.5;
  // A drawn cell whose reading has a word less sure than this (0..1) is read again from the grey
  // page (cleaned, not binarised): Sauvola's threshold of a small, noisy or faxed letter drops
  // its thin strokes (`,` `.` accents, the top of a capital the ruling above touched) that
  // Tesseract's own threshold of the cell's grey pixels keeps. The crop is enlarged so a
  // capital is about reread_cap_px high (Tesseract's LSTM reads best there; 8 pt text at 200 ppp
  // is ~13 px), at most reread_max_scale; the surer reading of the two is kept.
  double cell_reread_below = 0.9;
  double reread_cap_px = 30, reread_max_scale = 3;
  double cap_height = 0.7;  // a capital's height, in em
  // Rows or columns at a crop's edge this share of which is ink are what is left of a ruling.
  double crop_ruling_share = 0.85;
  double min_word_gap = 0.2;  // em: the layout's word_space (0.12) with a margin
  double ruling_grey = 128;   // a ruling is darker than this
  // A crop read at its size is sharpened first (Leptonica's unsharp mask: half width in pixels,
  // fraction): the page it comes from was interpolated.
  int sharpen_half_width = 3;
  double sharpen = 0.7;
  // Poppler's word boxes run from the font's ascent to its descent (Liberation Sans's); OCR boxes
  // are made the same way so the layout's thresholds hold: em = row height / row_em.
  double ascent = 0.905, descent = 0.212, row_em = 0.93;
};

constexpr const char* kDigits = "0123456789$,.-";

struct TextDeleter {
  void operator()(char* text) const { delete[] text; }
};
using TessText = std::unique_ptr<char, TextDeleter>;

std::string text_of(char* raw) {
  const TessText owned(raw);
  return owned ? std::string(owned.get()) : std::string();
}

// A word as read, in pixels, before it becomes a layout::Word.
struct RawWord {
  std::string text;
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;        // ink box
  double baseline = 0, em = 0;               // pixels
  double confidence = 0;                     // 0..1
  std::vector<std::pair<int, int>> glyph_x;  // per code point: ink x0, x1
  std::vector<std::string> glyph_text;       // per code point, UTF-8
  bool settled = false;  // read again from the grey page already: not to be read from the binary
};

bool looks_numeric(const std::string& text) {
  int digits = 0, others = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c != '$' && c != ',' && c != '.' && c != '-') {
      ++others;
    }
  }
  return digits > 0 && digits >= 2 * others;
}

bool only_whitelisted(const std::string& text) {
  return text.find_first_not_of(kDigits) == std::string::npos;
}

// One UTF-8 code point per glyph, spread evenly over [x0, x1] (re-read words have no symbols).
void spread_glyphs(RawWord& w) {
  w.glyph_x.clear();
  w.glyph_text.clear();
  std::vector<std::string> cps;
  for (std::size_t i = 0; i < w.text.size();) {
    std::size_t j = i + 1;
    while (j < w.text.size() && (static_cast<unsigned char>(w.text[j]) & 0xC0) == 0x80) ++j;
    cps.push_back(w.text.substr(i, j - i));
    i = j;
  }
  const double step = cps.empty() ? 0 : double(w.x1 - w.x0) / double(cps.size());
  for (std::size_t k = 0; k < cps.size(); ++k) {
    w.glyph_x.emplace_back(w.x0 + static_cast<int>(step * double(k)),
                           w.x0 + static_cast<int>(step * double(k + 1)));
    w.glyph_text.push_back(cps[k]);
  }
}

// What is left of a faint or broken ruling once the rulings found were erased: flat strokes on
// the line of a horizontal ruling (a page's row line, wherever along it). Left in, Tesseract
// reads them as dashes and words, and they join the rows above and below into one line. A dash
// of a cell sits mid-row, never on the ruling's line.
void erase_ruling_remnants(Pix* text, double dpi,
                           const std::vector<layout::StrokedSegment>& rulings,
                           const WordConfig& config) {
  std::vector<double> rows;  // y of each horizontal ruling, points
  for (const layout::StrokedSegment& r : rulings)
    if (std::abs(r.y0 - r.y1) < 0.5) rows.push_back((r.y0 + r.y1) / 2);
  if (rows.empty()) return;
  Boxa* raw = pixConnCompBB(text, 8);
  if (raw == nullptr) return;
  const double px = dpi / 72;
  for (l_int32 i = 0; i < boxaGetCount(raw); ++i) {
    l_int32 x = 0, y = 0, w = 0, h = 0;
    boxaGetBoxGeometry(raw, i, &x, &y, &w, &h);
    if (h > config.dash_max_height * px || w < config.dash_min_ratio * h) continue;
    const double cy = (y + h / 2.0) / px;
    const bool on_row = std::any_of(rows.begin(), rows.end(), [&](double row) {
      return std::abs(row - cy) <= config.remnant_slack;
    });
    if (!on_row) continue;
    BOX* box = boxCreate(x, y, w, h);
    pixClearInRect(text, box);
    boxDestroy(&box);
  }
  boxaDestroy(&raw);
}

// Tesseract's classic confusion of a thin `l` with `!` (`de!`, `municipa!`): a `!` right after a
// lower-case letter, in a word with no `¡` to open it, is an `l` (Spanish opens what it exclaims).
void fix_exclamation_l(RawWord& w) {
  if (w.text.find("¡") != std::string::npos || w.text.find('!') == std::string::npos) return;
  bool changed = false;
  for (std::size_t k = 1; k < w.glyph_text.size(); ++k) {
    const std::string& before = w.glyph_text[k - 1];
    const auto lead = static_cast<unsigned char>(before[0]);
    // a-z, or á é í ó ú ñ ü (two bytes in UTF-8 after 0xC3, lower case from 0xA0).
    const bool lower =
        (lead >= 'a' && lead <= 'z') ||
        (lead == 0xC3 && before.size() == 2 && static_cast<unsigned char>(before[1]) >= 0xA0);
    if (w.glyph_text[k] == "!" && lower) {
      w.glyph_text[k] = "l";
      changed = true;
    }
  }
  if (!changed) return;
  w.text.clear();
  for (const std::string& g : w.glyph_text) w.text += g;
}

}  // namespace

// Separators put right by the number's shape (ocr_reader.hpp).
std::string fix_number_separators(const std::string& text) {
  const std::size_t begin = text.find_first_of("0123456789");
  if (begin == std::string::npos || text.find_first_not_of("0123456789.,$-") != std::string::npos)
    return text;
  // Digit groups and the separator after each.
  std::vector<std::size_t> group_length;
  std::vector<std::size_t> separator_at;
  std::size_t length = 0;
  for (std::size_t i = begin; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      ++length;
    } else if ((c == '.' || c == ',') && length > 0) {
      group_length.push_back(length);
      separator_at.push_back(i);
      length = 0;
    } else {
      return text;  // `$` or `-` inside, or two separators in a row: not a shape we know
    }
  }
  if (length == 0 || separator_at.empty()) return text;
  group_length.push_back(length);
  std::string out = text;
  const std::size_t groups = group_length.size();
  const bool money_shape = groups >= 3 && group_length.back() == 2 && group_length.front() <= 3 &&
                           std::all_of(group_length.begin() + 1, group_length.end() - 1,
                                       [](std::size_t n) { return n == 3; });
  if (money_shape) {
    for (std::size_t k = 0; k + 1 < separator_at.size(); ++k) out[separator_at[k]] = ',';
    out[separator_at.back()] = '.';
    return out;
  }
  // `1.000`, `12.500`: figures in groups of three after a dot, no decimals. No value of a POA
  // has three decimals: a thousands comma read as a dot (`1.000` would be read as 1).
  const bool thousands_shape = groups >= 2 && group_length.front() <= 3 &&
                               std::all_of(group_length.begin() + 1, group_length.end(),
                                           [](std::size_t n) { return n == 3; }) &&
                               std::all_of(separator_at.begin(), separator_at.end(),
                                           [&](std::size_t at) { return text[at] == '.'; });
  if (thousands_shape) {
    for (std::size_t at : separator_at) out[at] = ',';
    return out;
  }
  const bool code_shape = text[0] != '$' && std::all_of(group_length.begin(), group_length.end(),
                                                        [](std::size_t n) { return n <= 2; });
  if (code_shape) {
    for (std::size_t at : separator_at) out[at] = '.';
  }
  return out;
}

// Letters in order (ocr_reader.hpp).
bool glyphs_in_order(const std::vector<std::pair<int, int>>& glyph_x) {
  for (std::size_t k = 1; k < glyph_x.size(); ++k) {
    const auto [x0, x1] = glyph_x[k - 1];
    if (2 * glyph_x[k].first < x0 + x1) return false;
  }
  return true;
}

// Where a cell's text starts (ocr_reader.hpp).
int cell_top(Pix* text, int ruling, int x0, int x1, int inset) {
  const int reach = inset - ruling;
  if (reach < 2 || x1 - x0 < 2) return inset;
  BOX* box = boxCreate(x0, ruling + 1, x1 - x0, 2 * reach - 1);
  const PixPtr band(pixClipRectangle(text, box, nullptr));
  boxDestroy(&box);
  if (!band) return inset;
  Boxa* marks = pixConnCompBB(band.get(), 8);
  if (marks == nullptr) return inset;
  int top = inset;
  const int line = reach - 1, bottom = pixGetHeight(band.get());
  for (l_int32 i = 0; i < boxaGetCount(marks); ++i) {
    l_int32 x = 0, y = 0, w = 0, h = 0;
    boxaGetBoxGeometry(marks, i, &x, &y, &w, &h);
    if (y < line && y + h >= bottom) top = std::min(top, ruling + 1 + y);
  }
  boxaDestroy(&marks);
  return top;
}

// One amount in pieces (ocr_reader.hpp).
bool is_split_number(const std::vector<std::string>& words) {
  if (words.size() < 2) return false;
  const bool numbers = std::all_of(words.begin(), words.end(),
                                   [](const std::string& w) { return looks_numeric(w); });
  return numbers && std::any_of(words.begin() + 1, words.end(), [](const std::string& w) {
           return w.find_first_not_of("0123456789") == std::string::npos && w.size() <= 3;
         });
}

namespace {

// A word's letters spread evenly over it when Tesseract's boxes of them are out of order.
void order_glyphs(RawWord& w) {
  if (!glyphs_in_order(w.glyph_x)) spread_glyphs(w);
}

void fix_separators(RawWord& w) {
  const std::string fixed = fix_number_separators(w.text);
  if (fixed == w.text) return;
  // Only single-byte characters change: the glyphs keep their places.
  w.text = fixed;
  std::size_t byte = 0;
  for (std::string& g : w.glyph_text) {
    g = w.text.substr(byte, g.size());
    byte += g.size();
  }
}

// A stain over a word (a smudge, a coffee ring, a shadow): Tesseract reads the binarised image,
// where the stain is gone, and is sure; but what the stain hides is not. A word whose paper is
// darker than the page's loses confidence in proportion: its paper's light over the page's.
void doubt_stained_words(Pix* grey, double dpi, std::vector<RawWord>& list,
                         const WordConfig& config) {
  const auto paper_level = static_cast<l_int32>(config.paper_min_grey);
  l_float32 page = 0;
  if (pixAverageInRect(grey, nullptr, nullptr, paper_level, 255, 4, &page) != 0 || page <= 0)
    return;
  const int pad = std::max(1, static_cast<int>(std::lround(config.reread_pad * dpi / 72)));
  for (RawWord& w : list) {
    BOX* box = boxCreate(w.x0 - pad, w.y0 - pad, w.x1 - w.x0 + 2 * pad, w.y1 - w.y0 + 2 * pad);
    l_float32 paper = 0;
    const bool ok = pixAverageInRect(grey, nullptr, box, paper_level, 255, 1, &paper) == 0;
    boxDestroy(&box);
    const double light = ok && paper > 0 ? paper / page : 1.0;
    if (light < config.stain_below) w.confidence *= light;
  }
}

// What Tesseract reads of a bilevel scan: the cleaned grey page, white away from `text`'s ink.
PixPtr grey_feed(Pix* grey, Pix* text, double dpi, const WordConfig& config) {
  const int reach =
      std::max(1, static_cast<int>(std::lround(config.bilevel_feed_reach * dpi / 72)));
  const PixPtr near(pixDilateBrick(nullptr, text, 2 * reach + 1, 2 * reach + 1));
  if (!near) return nullptr;
  PixPtr feed(pixCopy(nullptr, grey));
  const PixPtr away(pixInvert(nullptr, near.get()));
  if (!feed || !away || pixSetMasked(feed.get(), away.get(), 255) != 0) return nullptr;
  return feed;
}

// A rectangle of the page image, in pixels (x1, y1 past the end).
struct PixelBox {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// The box around the marks of `grey` (8 bpp) darker than `ink_below` inside `area` that are at
// least `min_size` pixels one way; nullopt when there is none.
std::optional<PixelBox> ink_in(Pix* grey, const PixelBox& area, int ink_below, double min_size) {
  BOX* box = boxCreate(area.x0, area.y0, area.x1 - area.x0, area.y1 - area.y0);
  const PixPtr part(pixClipRectangle(grey, box, nullptr));
  boxDestroy(&box);
  if (!part) return std::nullopt;
  const PixPtr dark(pixThresholdToBinary(part.get(), ink_below));
  if (!dark) return std::nullopt;
  Boxa* marks = pixConnCompBB(dark.get(), 8);
  if (marks == nullptr) return std::nullopt;
  std::optional<PixelBox> out;
  for (l_int32 i = 0; i < boxaGetCount(marks); ++i) {
    l_int32 x = 0, y = 0, w = 0, h = 0;
    boxaGetBoxGeometry(marks, i, &x, &y, &w, &h);
    if (w < min_size && h < min_size) continue;
    const PixelBox m{area.x0 + x, area.y0 + y, area.x0 + x + w, area.y0 + y + h};
    out = out ? PixelBox{std::min(out->x0, m.x0), std::min(out->y0, m.y0), std::max(out->x1, m.x1),
                         std::max(out->y1, m.y1)}
              : m;
  }
  boxaDestroy(&marks);
  return out;
}

// The least sure word of a reading (0 for none): a cell's confidence is its least sure word's.
double least_sure(const std::vector<RawWord>& words) {
  if (words.empty()) return 0;
  double least = 1;
  for (const RawWord& w : words) least = std::min(least, w.confidence);
  return least;
}

bool split_number(const std::vector<RawWord>& words) {
  std::vector<std::string> texts;
  texts.reserve(words.size());
  for (const RawWord& w : words) texts.push_back(w.text);
  return is_split_number(texts);
}

// Whether reading `a` of a cell is surer than reading `b`: its words are on average (by letters;
// `b` empty: any reading is). The cell's confidence stays its least sure word's, so a reading
// kept for its average still flags the word it doubts.
bool surer(const std::vector<RawWord>& a, const std::vector<RawWord>& b) {
  if (a.empty()) return false;
  auto mean = [](const std::vector<RawWord>& words) {
    double sum = 0, letters = 0;
    for (const RawWord& w : words) {
      sum += w.confidence * static_cast<double>(w.glyph_text.size());
      letters += static_cast<double>(w.glyph_text.size());
    }
    return letters > 0 ? sum / letters : 0;
  };
  return b.empty() || mean(a) > mean(b);
}

// How many of the rows (or columns) at each edge of `ink` (1 bpp) are mostly ink: what is left of
// a ruling at a cell's border. Stops at the first row that is not, and at a quarter of the side.
struct EdgeTrim {
  int top = 0, bottom = 0, left = 0, right = 0;
};
EdgeTrim ruling_edges(Pix* ink, double share) {
  EdgeTrim trim;
  const l_int32 w = pixGetWidth(ink), h = pixGetHeight(ink);
  Numa* rows = pixCountByRow(ink, nullptr);
  Numa* columns = pixCountByColumn(ink, nullptr);
  auto count = [](Numa* numa, int i) {
    l_int32 v = 0;
    numaGetIValue(numa, i, &v);
    return static_cast<double>(v);
  };
  if (rows != nullptr) {
    while (trim.top < h / 4 && count(rows, trim.top) >= share * w) ++trim.top;
    while (trim.bottom < h / 4 && count(rows, h - 1 - trim.bottom) >= share * w) ++trim.bottom;
  }
  if (columns != nullptr) {
    while (trim.left < w / 4 && count(columns, trim.left) >= share * h) ++trim.left;
    while (trim.right < w / 4 && count(columns, w - 1 - trim.right) >= share * h) ++trim.right;
  }
  numaDestroy(&rows);
  numaDestroy(&columns);
  return trim;
}

}  // namespace

struct OcrEngine::Impl {
  tesseract::TessBaseAPI api;
  WordConfig config;

  // Every word of the image Tesseract was given, with its symbols.
  std::vector<RawWord> words() {
    std::vector<RawWord> out;
    // Tesseract's LSTM opens OpenMP teams of its own (four threads) inside each of our page
    // threads, already one per core: twice the CPU a page costs, most of it spinning. No team
    // in this thread, then (an OpenMP setting of the calling thread only; cheap to repeat).
    omp_set_max_active_levels(0);
    if (api.Recognize(nullptr) != 0) return out;
    std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
    if (!it || it->Empty(tesseract::RIL_SYMBOL)) return out;
    RawWord* current = nullptr;
    do {
      if (it->IsAtBeginningOf(tesseract::RIL_WORD)) {
        RawWord w;
        it->BoundingBox(tesseract::RIL_WORD, &w.x0, &w.y0, &w.x1, &w.y1);
        w.confidence = std::clamp(it->Confidence(tesseract::RIL_WORD) / 100.0, 0.0, 1.0);
        float row_height = 0, descenders = 0, ascenders = 0;
        it->RowAttributes(&row_height, &descenders, &ascenders);
        int bx0 = 0, by0 = 0, bx1 = 0, by1 = 0;
        const bool has_baseline = it->Baseline(tesseract::RIL_WORD, &bx0, &by0, &bx1, &by1);
        w.baseline = has_baseline ? (by0 + by1) / 2.0 : w.y1;
        w.em = row_height / config.row_em;
        // Tesseract's row model can be off for a lone short word: fall back on its ink.
        const double ink = w.y1 - w.y0;
        if (!has_baseline || w.em <= 0 || w.em > 3 * ink + 4 || w.em < 0.8 * ink) {
          w.em = std::max(ink / 0.72, 1.0);
          w.baseline = w.y1;
        }
        out.push_back(std::move(w));
        current = &out.back();
      }
      if (current == nullptr) continue;
      const std::string symbol = text_of(it->GetUTF8Text(tesseract::RIL_SYMBOL));
      if (symbol.empty()) continue;
      int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
      it->BoundingBox(tesseract::RIL_SYMBOL, &x0, &y0, &x1, &y1);
      current->text += symbol;
      // A symbol may hold more than one code point (ligatures): share its box between them.
      RawWord part;
      part.text = symbol;
      part.x0 = x0;
      part.x1 = x1;
      spread_glyphs(part);
      for (std::size_t k = 0; k < part.glyph_text.size(); ++k) {
        current->glyph_x.push_back(part.glyph_x[k]);
        current->glyph_text.push_back(part.glyph_text[k]);
      }
    } while (it->Next(tesseract::RIL_SYMBOL));
    for (RawWord& w : out) order_glyphs(w);
    // Marks that are not text (a stamp's arc, a pen stroke across a cell) come back as a letter
    // or two of punctuation read with almost no confidence; numbers and dashes are never dropped.
    std::erase_if(out, [&](const RawWord& w) {
      const bool digits = w.text.find_first_of("0123456789-") != std::string::npos;
      return w.text.empty() || (!digits && w.glyph_text.size() <= config.junk_max_glyphs &&
                                w.confidence < config.junk_below);
    });
    return out;
  }

  // Tesseract's page layout analysis merges the lines of neighbouring cells when they are offset
  // (a one-line cell vertically centred beside a four-line one) and misreads the merged line. So
  // each cell of a drawn table is read on its own as a block, and the rest of the page (titles,
  // text outside tables) with the cells blanked out, as a page. `feed` is what Tesseract reads:
  // `text` itself, or a grey image of it (grey_feed); `text` says where there is ink.
  std::vector<RawWord> read_words(Pix* text, Pix* feed, Pix* grey, double dpi, bool enlarged,
                                  const layout::PageGraphics& graphics,
                                  std::vector<PixelBox>& unread) {
    const int ppi = static_cast<int>(std::lround(dpi));
    const std::vector<layout::CellGrid> grids =
        layout::build_cell_grids(layout::find_rulings(graphics), graphics);
    std::vector<RawWord> out;
    const double px = dpi / 72;
    const l_int32 width = pixGetWidth(text), height = pixGetHeight(text);
    const PixPtr rest(pixCopy(nullptr, feed));
    const PixPtr rest_ink(pixCopy(nullptr, text));
    api.SetImage(feed);
    api.SetSourceResolution(ppi);
    api.SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
    // Each cell's reading, in the order read, and those read with doubt (re-read from `grey`).
    std::vector<std::vector<RawWord>> cells;
    std::vector<std::pair<std::size_t, PixelBox>> doubtful;
    for (const layout::CellGrid& grid : grids) {
      for (const layout::GridCell& cell : grid.cells) {
        const int inset = std::max(1, static_cast<int>(std::lround(config.cell_inset * px)));
        const int x0 = std::max(0, static_cast<int>(cell.box.x0 * px) + inset);
        const int x1 = std::min(width, static_cast<int>(cell.box.x1 * px) - inset);
        const int y1 = std::min(height, static_cast<int>(cell.box.y1 * px) - inset);
        const int y0 = cell_top(text, std::max(0, static_cast<int>(cell.box.y0 * px)), x0, x1,
                                std::max(0, static_cast<int>(cell.box.y0 * px) + inset));
        if (x1 - x0 < 4 || y1 - y0 < 4) continue;
        BOX* box = boxCreate(x0, y0, x1 - x0, y1 - y0);
        l_int32 ink = 0;
        pixCountPixelsInRect(text, box, &ink, nullptr);
        pixClearInRect(rest_ink.get(), box);
        // Blank: no ink (1 bpp), white (8 bpp).
        if (pixGetDepth(rest.get()) == 1) {
          pixClearInRect(rest.get(), box);
        } else {
          pixSetInRect(rest.get(), box);
        }
        boxDestroy(&box);
        std::vector<RawWord> found;
        if (ink > 0) {  // else nothing binarised: ink too faint for it is looked for later
          api.SetRectangle(x0, y0, x1 - x0, y1 - y0);
          found = words();
        }
        if (found.empty()) unread.push_back(PixelBox{x0, y0, x1, y1});
        // A cell read empty is read again only on an enlarged scan: at 300 ppp the binary page
        // holds what there is to read, and ink it lost is a stamp or a speck.
        // Spanish starts a cell with a capital, and a drawn cell holds no wrapped line of
        // another: a reading starting in lower case misread a capital (the fax's `secretaría`,
        // `expediente`, each word sure, though the capital is whole in the image).
        const bool doubt = found.empty() ? enlarged
                                         : least_sure(found) < config.cell_reread_below ||
                                               split_number(found) ||
                                               text::starts_lower_case(found.front().text);
        if (doubt) doubtful.emplace_back(cells.size(), PixelBox{x0, y0, x1, y1});
        cells.push_back(std::move(found));
      }
    }
    for (const auto& [index, area] : doubtful) {
      std::vector<RawWord> again = read_grey_cell(grey, dpi, enlarged, area, cells[index]);
      // One amount split in pieces is wrong however sure each piece: read whole, it wins.
      const bool whole =
          split_number(cells[index]) && again.size() == 1 && looks_numeric(again.front().text);
      if (whole || surer(again, cells[index])) cells[index] = std::move(again);
      // Read from the grey page as well: the digits-only re-read of the binary is not better.
      for (RawWord& w : cells[index]) w.settled = true;
    }
    for (std::vector<RawWord>& found : cells) {
      out.insert(out.end(), std::make_move_iterator(found.begin()),
                 std::make_move_iterator(found.end()));
    }
    l_int32 ink = 0;
    pixCountPixels(rest_ink.get(), &ink, nullptr);
    if (ink > 0) {
      api.SetImage(rest.get());
      api.SetSourceResolution(ppi);
      api.SetPageSegMode(tesseract::PSM_AUTO);
      std::vector<RawWord> found = words();
      out.insert(out.end(), std::make_move_iterator(found.begin()),
                 std::make_move_iterator(found.end()));
    }
    api.SetPageSegMode(tesseract::PSM_AUTO);
    return out;
  }

  // Cell `area` (pixels) read again from the grey page: inside what is left of its rulings,
  // enlarged so a capital is about reread_cap_px high (`first`, the first reading, says how high
  // its letters are; a number is read as one line of digits), thresholded by Tesseract itself
  // on the cell's own pixels; on a page `enlarged` from a scan under min_read_dpi, also at its
  // own size. Words in page pixels; empty when nothing could be read.
  std::vector<RawWord> read_grey_cell(Pix* grey, double dpi, bool enlarged, const PixelBox& area,
                                      const std::vector<RawWord>& first) {
    BOX* box = boxCreate(area.x0, area.y0, area.x1 - area.x0, area.y1 - area.y0);
    const PixPtr crop(pixClipRectangle(grey, box, nullptr));
    boxDestroy(&box);
    if (!crop) return {};
    const PixPtr dark(pixThresholdToBinary(crop.get(), config.ruling_grey));
    if (!dark) return {};
    const EdgeTrim trim = ruling_edges(dark.get(), config.crop_ruling_share);
    const PixelBox inner{area.x0 + trim.left, area.y0 + trim.top, area.x1 - trim.right,
                         area.y1 - trim.bottom};
    if (inner.x1 - inner.x0 < 4 || inner.y1 - inner.y0 < 4) return {};
    // Only the ink and a little paper around it: a long cell of noisy paper (or a label band's
    // grey) with a short word in it makes Tesseract find lines and letters in the noise.
    l_uint32 paper = 255;
    pixGetRankValue(crop.get(), 1, 0.5f, &paper);
    const double px = dpi / 72;
    const std::optional<PixelBox> ink =
        ink_in(grey, inner, static_cast<int>(paper) - static_cast<int>(config.unread_ink_margin),
               config.unread_min_ink * px);
    if (!ink) return {};
    // A lone flat mark in a cell read empty is a faint dash: read_unread_cells tells it.
    const int ink_w = ink->x1 - ink->x0, ink_h = ink->y1 - ink->y0;
    if (first.empty() && ink_h <= config.dash_max_height * px && ink_w >= ink_h) return {};
    const int pad = std::max(2, static_cast<int>(std::lround(config.reread_pad * px)));
    const int x0 = std::max(inner.x0, ink->x0 - pad), y0 = std::max(inner.y0, ink->y0 - pad);
    const int x1 = std::min(inner.x1, ink->x1 + pad), y1 = std::min(inner.y1, ink->y1 + pad);
    BOX* part = boxCreate(x0 - area.x0, y0 - area.y0, x1 - x0, y1 - y0);
    const PixPtr cell(pixClipRectangle(crop.get(), part, nullptr));
    boxDestroy(&part);
    if (!cell) return {};
    double em = 0;
    for (const RawWord& r : first) em = std::max(em, r.em);
    // Without a first reading, the ink's height is a figure's, a capital's.
    const double cap = em > 0 ? config.cap_height * em : ink->y1 - ink->y0;
    const double scale =
        std::clamp(config.reread_cap_px / std::max(cap, 1.0), 1.0, config.reread_max_scale);
    const bool numeric = std::all_of(first.begin(), first.end(),
                                     [](const RawWord& r) { return looks_numeric(r.text); });
    // The crop at `factor` (sharpened when not enlarged: the page was interpolated already), read
    // as one line of digits or as a block of text; words in page pixels.
    auto read_at = [&](double factor, bool digits) {
      const auto f = static_cast<l_float32>(factor);
      PixPtr large(factor > 1 ? pixScaleGrayLI(cell.get(), f, f)
                              : pixUnsharpMaskingGray(cell.get(), config.sharpen_half_width,
                                                      static_cast<l_float32>(config.sharpen)));
      const int border = 10;
      const PixPtr framed(large ? pixAddBorder(large.get(), border, paper) : nullptr);
      std::vector<RawWord> read;
      if (!framed) return read;
      api.SetImage(framed.get());
      api.SetSourceResolution(static_cast<int>(std::lround(dpi * factor)));
      api.SetVariable("tessedit_char_whitelist", digits ? kDigits : "");
      api.SetPageSegMode(digits ? tesseract::PSM_SINGLE_LINE : tesseract::PSM_SINGLE_BLOCK);
      read = words();
      api.SetVariable("tessedit_char_whitelist", "");
      // Only readings with a figure in them are numbers.
      if (digits && std::none_of(read.begin(), read.end(), [](const RawWord& r) {
            return r.text.find_first_of("0123456789") != std::string::npos;
          })) {
        read.clear();
      }
      auto x = [&](double v) { return static_cast<int>(std::lround((v - border) / factor)) + x0; };
      auto y = [&](double v) { return (v - border) / factor + y0; };
      for (RawWord& r : read) {
        r.x0 = x(r.x0);
        r.x1 = x(r.x1);
        r.y0 = static_cast<int>(std::lround(y(r.y0)));
        r.y1 = static_cast<int>(std::lround(y(r.y1)));
        r.baseline = y(r.baseline);
        r.em /= factor;
      }
      return read;
    };
    // A number (or a cell read empty: a lone figure) is read as one line of digits, enlarged and
    // not (Tesseract reads some blurred figures only at one size or the other); when that is not
    // sure, also as any text (a list `2461, 5671` the whitelist runs together).
    std::vector<RawWord> found;
    if (numeric) {
      found = read_at(scale, true);
      if (!first.empty() && (found.empty() || least_sure(found) < config.cell_reread_below)) {
        std::vector<RawWord> small = read_at(1, true);
        if (surer(small, found)) found = std::move(small);
      }
    }
    if (!first.empty() && (found.empty() || least_sure(found) < config.cell_reread_below)) {
      std::vector<RawWord> text = read_at(scale, false);
      if (surer(text, found)) found = std::move(text);
      // Text of a scan enlarged from under 300 ppp, enlarged again, is blurred twice: as with
      // figures, some of it Tesseract reads only at the page's size (the noisy 200 ppp scan:
      // `aire` read `arre`, `Contenedor` `Comtenedor`, BENEFICIARIOS' label nothing at all). At
      // 300 ppp the crop at its size takes in the rulings beside the text (`|` read as words).
      if (enlarged && scale > 1 &&
          (found.empty() || least_sure(found) < config.cell_reread_below)) {
        std::vector<RawWord> small = read_at(1, false);
        if (surer(small, found)) found = std::move(small);
      }
    }
    // Tesseract's box of a word can run over the words after it on its line (enlarged narrow
    // text: `Secretaría` as wide as its line, which then swallows `de`): a word ends where the
    // next one starts, and its letters are spread over it (LSTM's letter boxes are rough anyway).
    // Tesseract's box of a word can also reach into the noisy paper up to the next word, so that
    // the two seem to touch: a word's box is its ink, and two words Tesseract told apart keep at
    // least a space between them.
    const int ink_below = static_cast<int>(paper) - static_cast<int>(config.unread_ink_margin);
    for (std::size_t k = 0; k < found.size(); ++k) {
      RawWord& r = found[k];
      if (k + 1 < found.size()) {
        const RawWord& next = found[k + 1];
        const bool same_line = std::abs(next.baseline - r.baseline) < 0.5 * r.em;
        if (same_line && next.x0 > r.x0 && r.x1 >= next.x0) r.x1 = next.x0 - 1;
      }
      if (std::optional<PixelBox> own = ink_in(grey, PixelBox{r.x0, r.y0, r.x1 + 1, r.y1 + 1},
                                               ink_below, config.unread_min_ink * px)) {
        r.x0 = std::max(r.x0, own->x0);
        r.x1 = std::max(r.x0 + 1, std::min(r.x1, own->x1 - 1));
      }
      if (k > 0) {
        RawWord& before = found[k - 1];
        const int space = static_cast<int>(std::ceil(config.min_word_gap * r.em));
        const bool same_line = std::abs(before.baseline - r.baseline) < 0.5 * r.em;
        if (same_line && r.x0 > before.x0 && r.x0 - before.x1 < space) {
          before.x1 = std::max(before.x0 + 1, r.x0 - space);
          spread_glyphs(before);
        }
      }
      spread_glyphs(r);
    }
    for (RawWord& r : found) r.settled = true;
    return found;
  }

  // Tesseract set to read one line of `image` with digits and `$,.-` only, until
  // read_all_characters(). Returns true.
  bool read_digits_only(Pix* image, double dpi) {
    api.SetImage(image);
    api.SetSourceResolution(static_cast<int>(std::lround(dpi)));
    api.SetVariable("tessedit_char_whitelist", kDigits);
    api.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
    return true;
  }
  void read_all_characters() {
    api.SetVariable("tessedit_char_whitelist", "");
    api.SetPageSegMode(tesseract::PSM_AUTO);
  }

  // Number words read again with digits only; the re-read wins when it is surer, or when the
  // first reading had letters in it (`S1,5OO.00`).
  void reread_numbers(Pix* image, double dpi, std::vector<RawWord>& list) {
    const int pad = std::max(1, static_cast<int>(std::lround(config.reread_pad * dpi / 72)));
    bool whitelisted = false;
    for (RawWord& w : list) {
      if (w.settled || !looks_numeric(w.text)) continue;
      const bool clean = only_whitelisted(w.text);
      if (clean && w.confidence >= config.reread_below) continue;
      if (!whitelisted) whitelisted = read_digits_only(image, dpi);
      const int x0 = std::max(0, w.x0 - pad), y0 = std::max(0, w.y0 - pad);
      api.SetRectangle(x0, y0, w.x1 - w.x0 + 2 * pad, w.y1 - w.y0 + 2 * pad);
      std::vector<RawWord> again = words();
      if (again.size() != 1) continue;  // split or lost: keep the first reading
      const RawWord& r = again.front();
      if (r.text.empty() || !only_whitelisted(r.text)) continue;
      if (r.confidence > w.confidence || (!clean && r.confidence >= 0.5 * w.confidence)) {
        w.text = r.text;
        w.confidence = clean ? r.confidence : std::min(r.confidence, std::max(w.confidence, 0.5));
        spread_glyphs(w);
      }
    }
    if (whitelisted) read_all_characters();
  }

  // Drawn cells Tesseract read nothing in (`unread`, pixels) that hold ink no word or dash covers:
  // read again as digits (a cell of a numeric column: a lone `7`, a faint `-`); ink still not
  // read gives a word kUnreadInk with no confidence, so the value is flagged, not silently null.
  void read_unread_cells(Pix* feed, Pix* grey, double dpi, bool enlarged,
                         const std::vector<PixelBox>& unread, std::vector<RawWord>& list) {
    if (unread.empty()) return;
    const double px = dpi / 72;
    l_float32 paper = 0;
    if (pixAverageInRect(grey, nullptr, nullptr, static_cast<l_int32>(config.paper_min_grey), 255,
                         4, &paper) != 0) {
      return;
    }
    const int ink_below = static_cast<int>(std::lround(paper - config.unread_ink_margin));
    const int inset = static_cast<int>(std::lround(config.unread_inset * px));
    const double min_ink = config.unread_min_ink * px;
    bool whitelisted = false;
    for (const PixelBox& cell : unread) {
      const int x0 = cell.x0 + inset, y0 = cell.y0 + inset;
      const int x1 = cell.x1 - inset, y1 = cell.y1 - inset;
      if (x1 - x0 < 2 || y1 - y0 < 2) continue;
      const bool read = std::any_of(list.begin(), list.end(), [&](const RawWord& w) {
        const int cx = (w.x0 + w.x1) / 2, cy = (w.y0 + w.y1) / 2;
        return cx >= cell.x0 && cx < cell.x1 && cy >= cell.y0 && cy < cell.y1;
      });
      if (read) continue;
      std::optional<PixelBox> ink = ink_in(grey, PixelBox{x0, y0, x1, y1}, ink_below, min_ink);
      if (!ink) continue;
      RawWord mark;
      mark.x0 = ink->x0;
      mark.x1 = ink->x1;
      mark.y0 = ink->y0;
      mark.y1 = ink->y1;
      mark.em = std::max(1.0, 8 * px);  // as a dash's (add_dashes)
      mark.baseline = (ink->y0 + ink->y1) / 2.0 + 0.25 * mark.em;
      const int w = ink->x1 - ink->x0, h = ink->y1 - ink->y0;
      if (enlarged && h <= config.dash_max_height * px && w >= h &&
          w <= config.dash_max_width * px) {
        mark.text = "-";
        mark.confidence = config.faint_dash_confidence;
        spread_glyphs(mark);
        list.push_back(std::move(mark));
        continue;
      }
      if (!whitelisted) whitelisted = read_digits_only(feed, dpi);
      api.SetRectangle(x0, y0, x1 - x0, y1 - y0);
      std::vector<RawWord> again = words();
      // A lone `.` or `,` read from a mark is no number: only readings with a digit count.
      std::erase_if(again, [](const RawWord& r) {
        return r.text.find_first_of("0123456789") == std::string::npos;
      });
      if (!again.empty()) {
        list.insert(list.end(), std::make_move_iterator(again.begin()),
                    std::make_move_iterator(again.end()));
        continue;
      }
      mark.text = kUnreadInk;
      mark.confidence = 0;
      spread_glyphs(mark);
      list.push_back(std::move(mark));
    }
    if (whitelisted) read_all_characters();
  }

  // Lone short flat marks no word covers: dashes Tesseract dropped.
  void add_dashes(Pix* image, double dpi, const std::vector<layout::StrokedSegment>& rulings,
                  std::vector<RawWord>& list) {
    Boxa* raw = pixConnCompBB(image, 8);
    if (raw == nullptr) return;
    const double px = dpi / 72;
    std::vector<RawWord> dashes;
    for (l_int32 i = 0; i < boxaGetCount(raw); ++i) {
      l_int32 x = 0, y = 0, w = 0, h = 0;
      boxaGetBoxGeometry(raw, i, &x, &y, &w, &h);
      if (w < config.dash_min_width * px || w > config.dash_max_width * px ||
          h > config.dash_max_height * px || w < config.dash_min_ratio * h) {
        continue;
      }
      const int slack = static_cast<int>(px);
      const bool covered = std::any_of(list.begin(), list.end(), [&](const RawWord& word) {
        return x + w > word.x0 - slack && x < word.x1 + slack && y + h > word.y0 - slack &&
               y < word.y1 + slack;
      });
      // What is left of a ruling after it was erased is no dash.
      const double cx = (x + w / 2.0) / px, cy = (y + h / 2.0) / px;
      const bool on_ruling =
          std::any_of(rulings.begin(), rulings.end(), [&](const layout::StrokedSegment& r) {
            const double slack = config.ruling_slack;
            return cx >= std::min(r.x0, r.x1) - slack && cx <= std::max(r.x0, r.x1) + slack &&
                   cy >= std::min(r.y0, r.y1) - slack && cy <= std::max(r.y0, r.y1) + slack;
          });
      if (covered || on_ruling) continue;
      RawWord d;
      d.text = "-";
      d.x0 = x;
      d.x1 = x + w;
      d.y0 = y;
      d.y1 = y + h;
      d.confidence = config.dash_confidence;
      // A dash sits about a third of the way up from the baseline, at the x-height's middle.
      d.em = std::max(1.0, 8 * px);
      d.baseline = y + h / 2.0 + 0.25 * d.em;
      spread_glyphs(d);
      dashes.push_back(std::move(d));
    }
    boxaDestroy(&raw);
    list.insert(list.end(), std::make_move_iterator(dashes.begin()),
                std::make_move_iterator(dashes.end()));
  }
};

OcrEngine::OcrEngine(const std::string& language) : impl_(std::make_unique<Impl>()) {
  if (impl_->api.Init(nullptr, language.c_str(), tesseract::OEM_LSTM_ONLY) != 0) {
    std::string package = "tesseract-ocr-";
    package += language.substr(0, language.find('+'));
    throw OcrUnavailable("Tesseract no pudo cargar el idioma «" + language +
                         "» para el OCR; instale el paquete de Debian " + package);
  }
  impl_->api.SetPageSegMode(tesseract::PSM_AUTO);
  // Tesseract prints debugging tables (e.g. a blank cell's empty histogram) to stderr through
  // tprintf: our stderr carries one line per input, so they go nowhere.
  impl_->api.SetVariable("debug_file", "/dev/null");
  // Tables hold short numbers in narrow cells: keep them as words of their own.
  impl_->api.SetVariable("preserve_interword_spaces", "1");
}

OcrEngine::~OcrEngine() = default;

OcrPage OcrEngine::read(const GreyImage& image, int page_number) {
  OcrPage out;
  layout::PageWords& page = out.words;
  page.clear();
  page.number = page_number;
  double dpi = image.dpi > 0 ? image.dpi : 300;
  page.width = image.width * 72 / dpi;
  page.height = image.height * 72 / dpi;
  PixPtr grey = to_pix(image);
  // Tesseract reads letters best at ~300 dpi (an x-height of 20 px or more); a 200 dpi scan is
  // enlarged first (interpolated grey: the letters' edges stay smooth for binarisation).
  const bool enlarged = grey && dpi < impl_->config.min_read_dpi;
  if (enlarged) {
    const auto factor = static_cast<l_float32>(impl_->config.min_read_dpi / dpi);
    grey.reset(pixScale(grey.get(), factor, factor));
    dpi = impl_->config.min_read_dpi;
  }
  const double pt = 72 / dpi;
  if (!grey) {
    out.problem = "no se pudo preparar la imagen de la página";
    return out;
  }
  CleanPage clean = clean_page(grey.get(), dpi);
  if (!clean.binary) {
    out.problem = "no se pudo binarizar la imagen de la página";
    return out;
  }
  out.skew_degrees = clean.skew_degrees;
  l_int32 ink = 0;
  pixCountPixels(clean.binary.get(), &ink, nullptr);
  if (ink == 0) {
    out.problem = "la página está en blanco";
    return out;
  }
  ImageRulings rulings = find_image_rulings(clean.binary.get(), dpi);
  page.graphics.segments = std::move(rulings.segments);
  // A dark band's edges are its cells' borders: drawn dark on dark, they were lost with the band
  // when it was inverted, yet the eye (and the grid pass) sees the band end there.
  for (const layout::FilledBox& band : clean.bands) {
    const poa::Box& b = band.box;
    for (const layout::StrokedSegment& edge : {layout::StrokedSegment{b.x0, b.y0, b.x1, b.y0, 0.5},
                                               {b.x0, b.y1, b.x1, b.y1, 0.5},
                                               {b.x0, b.y0, b.x0, b.y1, 0.5},
                                               {b.x1, b.y0, b.x1, b.y1, 0.5}}) {
      page.graphics.segments.push_back(edge);
    }
  }
  page.graphics.fills = std::move(clean.bands);
  PixPtr text(rulings.mask ? pixSubtract(nullptr, clean.binary.get(), rulings.mask.get())
                           : pixCopy(nullptr, clean.binary.get()));
  if (!text) {
    out.problem = "no se pudo preparar la imagen de la página";
    return out;
  }

  if (const char* dir = std::getenv("POA_OCR_DEBUG")) {  // development aid: the images read
    const std::string base = std::string(dir) + "/p" + std::to_string(page_number);
    pixWrite((base + "_grey.png").c_str(), clean.grey.get(), IFF_PNG);
    pixWrite((base + "_text.png").c_str(), text.get(), IFF_PNG);
  }
  erase_ruling_remnants(text.get(), dpi, page.graphics.segments, impl_->config);
  PixPtr feed =
      image.bilevel ? grey_feed(clean.grey.get(), text.get(), dpi, impl_->config) : nullptr;
  Pix* read_from = feed ? feed.get() : text.get();
  std::vector<PixelBox> unread;
  std::vector<RawWord> list = impl_->read_words(text.get(), read_from, clean.grey.get(), dpi,
                                                enlarged, page.graphics, unread);
  impl_->reread_numbers(read_from, dpi, list);
  impl_->add_dashes(text.get(), dpi, page.graphics.segments, list);
  // Ink is looked for in the grey page without its rulings (and their grey edges).
  PixPtr unruled(pixCopy(nullptr, clean.grey.get()));
  if (unruled && rulings.mask) {
    const PixPtr edges(pixDilateBrick(nullptr, rulings.mask.get(), 5, 5));
    if (edges) pixSetMasked(unruled.get(), edges.get(), 255);
  }
  // Only on scans enlarged from under 300 ppp, whose binarisation loses faint strokes: at 300 ppp
  // the binary page holds what there is to read, and ink in a cell read empty there is a stamp
  // or a speck (the stamped 300 ppp fixture flagged a right META «tinta sin leer»).
  if (unruled && enlarged) {
    impl_->read_unread_cells(read_from, unruled.get(), dpi, enlarged, unread, list);
  }
  doubt_stained_words(clean.grey.get(), dpi, list, impl_->config);
  for (RawWord& w : list) {
    fix_exclamation_l(w);
    fix_separators(w);
  }
  impl_->api.Clear();

  const WordConfig& config = impl_->config;
  for (const RawWord& r : list) {
    layout::Word w;
    w.text = r.text;
    const double em = r.em * pt;
    const double base = r.baseline * pt;
    w.box = poa::Box{r.x0 * pt, base - config.ascent * em, r.x1 * pt, base + config.descent * em};
    w.font_size = em;
    w.glyph_begin = static_cast<std::uint32_t>(page.glyphs.size());
    std::uint32_t byte = 0;
    for (std::size_t k = 0; k < r.glyph_text.size(); ++k) {
      const auto next = static_cast<std::uint32_t>(byte + r.glyph_text[k].size());
      page.glyphs.push_back(
          layout::Glyph{r.glyph_x[k].first * pt, r.glyph_x[k].second * pt, byte, next, false});
      byte = next;
    }
    w.glyph_count = static_cast<std::uint32_t>(r.glyph_text.size());
    out.confidences.push_back(WordConfidence{w.box, r.confidence});
    page.words.push_back(std::move(w));
  }
  if (page.words.empty()) out.problem = "el OCR no encontró texto en la página";
  return out;
}

}  // namespace poa::extractor::ocr
