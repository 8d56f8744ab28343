// Pass 1, glyphs: fake-bold clean-up, month names inside words (as glyphs), and the pieces of words
// glued across a cell border.
#include "extractor/page_layouter.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace poa::extractor::layout::detail {

void drop_doubled_glyphs(PageWords& page, Word& w, const LayoutConfig& config) {
  if (w.glyph_count < 2) return;
  Glyph* g = page.glyphs.data() + w.glyph_begin;
  const std::string_view text = w.text;
  bool doubled = false;
  for (std::uint32_t i = 1; i < w.glyph_count && !doubled; ++i) {
    const double tol =
        config.doubled_glyph * std::max(g[i - 1].x1 - g[i - 1].x0, config.min_glyph_width);
    doubled = std::abs(g[i].x0 - g[i - 1].x0) < tol &&
              text.substr(g[i].begin, g[i].end - g[i].begin) ==
                  text.substr(g[i - 1].begin, g[i - 1].end - g[i - 1].begin);
  }
  if (!doubled) return;
  std::string out;
  out.reserve(text.size());
  std::uint32_t kept = 0;
  for (std::uint32_t i = 0; i < w.glyph_count; ++i) {
    if (kept > 0) {
      const Glyph& last = g[kept - 1];
      const double tol = config.doubled_glyph * std::max(last.x1 - last.x0, config.min_glyph_width);
      if (std::abs(g[i].x0 - last.x0) < tol &&
          text.substr(g[i].begin, g[i].end - g[i].begin) ==
              std::string_view(out).substr(last.begin, last.end - last.begin)) {
        continue;
      }
    }
    Glyph ng = g[i];
    ng.begin = static_cast<std::uint32_t>(out.size());
    out.append(text.substr(g[i].begin, g[i].end - g[i].begin));
    ng.end = static_cast<std::uint32_t>(out.size());
    g[kept++] = ng;
  }
  w.glyph_count = kept;
  w.text = std::move(out);
}

void find_months(const PageWords& page, const Word& w, MonthScratch& scratch,
                 std::vector<Token>& out) {
  if (w.glyph_count == 0 || w.glyph_count > kMonthWordGlyphs) return;
  scratch.spans.clear();
  text::find_month_names(w.text, scratch.key, scratch.spans);
  const Glyph* g = page.glyphs.data() + w.glyph_begin;
  // Glyphs cover the word's bytes in order: the spans' byte offsets become glyph indexes.
  std::uint32_t i = 0;
  for (const text::MonthSpan& span : scratch.spans) {
    while (i < w.glyph_count && g[i].end <= span.begin) ++i;
    const std::uint32_t g0 = i;
    while (i < w.glyph_count && g[i].begin < span.end) ++i;
    if (i > g0) out.push_back(Token{g0, i, span.month});
  }
}

Piece make_piece(const PageWords& page, const Word& w, std::uint32_t g0, std::uint32_t g1) {
  if (w.glyph_count == 0 || (g0 == 0 && g1 >= w.glyph_count)) {
    return Piece{w.text, w.box, size_of(w), w.bold};
  }
  const Glyph* g = page.glyphs.data() + w.glyph_begin;
  Box b = w.box;
  b.x0 = g[g0].x0;
  b.x1 = g[g1 - 1].x1;
  return Piece{std::string_view(w.text).substr(g[g0].begin, g[g1 - 1].end - g[g0].begin), b,
               size_of(w), w.bold};
}

int column_at(const std::vector<double>& borders, double x) {
  return static_cast<int>(std::upper_bound(borders.begin(), borders.end(), x) - borders.begin());
}

namespace {

enum class GlyphKind { kLower, kUpper, kDigit, kSpace, kOther };

GlyphKind glyph_kind(std::string_view s) {
  if (s.empty()) return GlyphKind::kOther;
  const auto c = static_cast<unsigned char>(s[0]);
  if (c == ' ') return GlyphKind::kSpace;
  if (c >= '0' && c <= '9') return GlyphKind::kDigit;
  if (c >= 'a' && c <= 'z') return GlyphKind::kLower;
  if (c >= 'A' && c <= 'Z') return GlyphKind::kUpper;
  if (c == 0xC3 && s.size() >= 2) {  // Latin-1 letters: U+00C0..U+00DE upper, the rest lower
    const auto v = static_cast<unsigned char>(s[1]);
    if (v == 0x97 || v == 0xB7) return GlyphKind::kOther;  // × ÷
    return v < 0x9F ? GlyphKind::kUpper : GlyphKind::kLower;
  }
  // Other letters count as lower case: no cut by a change of case.
  return c >= 0xC4 ? GlyphKind::kLower : GlyphKind::kOther;
}

}  // namespace

bool may_cut(const PageWords& page, const Word& w, std::uint32_t i, const LayoutConfig& config) {
  const Glyph* g = page.glyphs.data() + w.glyph_begin;
  if (g[i].font_change || g[i].x0 - g[i - 1].x1 > config.glyph_gap_cut * size_of(w)) return true;
  const std::string_view text = w.text;
  const GlyphKind a = glyph_kind(text.substr(g[i - 1].begin, g[i - 1].end - g[i - 1].begin));
  const GlyphKind b = glyph_kind(text.substr(g[i].begin, g[i].end - g[i].begin));
  const bool la = a == GlyphKind::kLower || a == GlyphKind::kUpper;
  const bool lb = b == GlyphKind::kLower || b == GlyphKind::kUpper;
  // An amount glued to the text before it (`Convocatoria$5,000.00`: a word overflowing its
  // narrow cell up to the next cell's amount): no value writes `$` after a letter or a digit.
  const bool currency_after =
      (la || a == GlyphKind::kDigit) && text.substr(g[i].begin, g[i].end - g[i].begin) == "$";
  return currency_after || a == GlyphKind::kSpace || b == GlyphKind::kSpace ||
         (la && b == GlyphKind::kDigit) || (a == GlyphKind::kDigit && lb) ||
         (a == GlyphKind::kLower && b == GlyphKind::kUpper) ||
         (a == GlyphKind::kOther && b == GlyphKind::kUpper);
}

int majority_column(const std::vector<double>& borders, double x0, double x1) {
  const int c0 = column_at(borders, x0);
  const int c1 = column_at(borders, x1);
  int best = c0;
  double best_w = -1;
  for (int c = c0; c <= c1; ++c) {
    const double lo = c > 0 ? std::max(x0, borders[static_cast<std::size_t>(c) - 1]) : x0;
    const double hi = c < static_cast<int>(borders.size())
                          ? std::min(x1, borders[static_cast<std::size_t>(c)])
                          : x1;
    if (hi - lo > best_w) {
      best_w = hi - lo;
      best = c;
    }
  }
  return best;
}

}  // namespace poa::extractor::layout::detail
