// PDF reader over poppler-cpp: loads one page of positioned words at a time and hands it to the
// layout (pdf_layout.cpp), which turns it into cell rows.
#include "extractor/pdf_reader.hpp"

#include <openssl/evp.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>
#include <zlib.h>
// poppler's own text engine (libpoppler-private-dev), used only in this file.
#include <poppler/Annot.h>
#include <poppler/Gfx.h>
#include <poppler/GfxState.h>
#include <poppler/PDFDoc.h>
#include <poppler/Page.h>
#include <poppler/Stream.h>
#include <poppler/TextOutputDev.h>
#include <poppler/goo/GooString.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <ostream>
#include <utility>
#include <vector>

#include "extractor/cell_grid.hpp"
#include "extractor/inspect_rows.hpp"
#include "extractor/inspect_svg.hpp"
#include "extractor/layout_config.hpp"
#include "extractor/pdf_content_parser.hpp"
#include "extractor/pdf_layout.hpp"
#include "extractor/pdf_ocr.hpp"
#include "extractor/pdf_word_collector.hpp"
#include "extractor/pdf_xref_check.hpp"
#include "extractor/poppler_private.hpp"
#include "extractor/rulings.hpp"
#include "model/diagnostic.hpp"

namespace poa::extractor {
namespace {

// Poppler reports syntax problems of damaged files on stderr; our own error says it once.
void quiet_poppler(const std::string&, void*) {}

// Once per process: poppler's error hook is a global, and batch workers open documents at once.
void silence_poppler() {
  static const bool silenced = [] {
    poppler::set_debug_error_function(quiet_poppler, nullptr);
    return true;
  }();
  (void)silenced;
}

std::string file_sha256(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
  std::vector<char> buf(1 << 16);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    if (in.gcount() > 0) EVP_DigestUpdate(ctx, buf.data(), static_cast<std::size_t>(in.gcount()));
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(ctx, digest, &length);
  EVP_MD_CTX_free(ctx);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0xF];
  }
  return out;
}

// Two private members of poppler's interpreter (poppler_private.hpp): the Gfx's resource stack
// and a resource level's parent. They let a page's interpreter look its fonts up in a level
// shared by every page instead of parsing them again (see FontCache).
}  // namespace
// Tags in the template's namespace, where its friend `member` is declared.
namespace pdf {
POA_POPPLER_PRIVATE(GfxResourceStack, &Gfx::res, GfxResources* Gfx::*);
POA_POPPLER_PRIVATE(ResourceParent, &GfxResources::next, GfxResources* GfxResources::*);
}  // namespace pdf
namespace {
using pdf::GfxResourceStack;
using pdf::ResourceParent;

// The fonts of the document's pages, parsed once. Poppler builds a page's fonts from its /Font
// resources on every page it draws (widths, encoding, ToUnicode CMap, embedded font type): for
// a document whose pages all use the same few fonts that was a ninth of the reader's time. A
// font dictionary is the same one when it is the same object, or lists the same names for the
// same font objects; any other (fonts written inline) is parsed per page as poppler does.
class FontCache {
 public:
  // The resource level holding the fonts of `resources`' /Font entry, or nullptr when it cannot
  // be shared.
  GfxResources* fonts_for(XRef* xref, Dict* resources) {
    const Object& font_entry = resources->lookupNF("Font");
    std::vector<std::pair<std::string, Ref>> key;
    if (font_entry.isRef()) {
      key.emplace_back(std::string(), font_entry.getRef());
    } else if (font_entry.isDict()) {
      const Dict* fonts = font_entry.getDict();
      key.reserve(static_cast<std::size_t>(fonts->getLength()));
      for (int i = 0; i < fonts->getLength(); ++i) {
        const Object& value = fonts->getValNF(i);
        if (!value.isRef()) return nullptr;
        key.emplace_back(fonts->getKey(i), value.getRef());
      }
    } else {
      return nullptr;
    }
    auto it = levels_.find(key);
    if (it != levels_.end()) return it->second.get();
    // Bounded: a document with many distinct font sets keeps memory flat.
    if (levels_.size() >= kMaxLevels) levels_.clear();
    Dict only_fonts(xref);
    only_fonts.add("Font", font_entry.copy());
    auto level = std::make_unique<GfxResources>(xref, &only_fonts, nullptr);
    GfxResources* raw = level.get();
    levels_.emplace(std::move(key), std::move(level));
    return raw;
  }

 private:
  static constexpr std::size_t kMaxLevels = 16;
  std::map<std::vector<std::pair<std::string, Ref>>, std::unique_ptr<GfxResources>> levels_;
};

// `str`'s bytes when it is a plain /FlateDecode stream (no predictor) inflated by zlib, into
// `out`; false when it is not one, or zlib reports any error (truncated, bad header or data),
// in which case poppler's own decoder reads it as it always did. Poppler's inflater
// cost about 55 instructions per byte of page content, a tenth of the reader's time; zlib's
// output for a valid stream is the same bytes.
bool inflate_stream(Stream* str, std::string& out) {
  if (!str || str->getKind() != strFlate) return false;
  Dict* dict = str->getDict();
  if (!dict || !dict->lookupNF("DecodeParms").isNull() || !dict->lookupNF("DP").isNull()) {
    return false;
  }
  Stream* compressed = str->getNextStream();
  if (!compressed) return false;
  std::string raw;
  compressed->fillString(raw);
  // The zlib header checked as poppler's FlateStream checks it (method 8, FCHECK, no preset
  // dictionary; a window over 32 KiB, which zlib refuses, left to poppler as before), then the
  // deflate data inflated raw: poppler never reads the Adler-32 trailer, and zlib's checksum of
  // the output cost a fifth of the inflating.
  if (raw.size() < 2) return false;
  const auto cmf = static_cast<unsigned char>(raw[0]), flg = static_cast<unsigned char>(raw[1]);
  if ((cmf & 0x0F) != 8 || (cmf >> 4) > 7 || ((cmf << 8) + flg) % 31 != 0 || (flg & 0x20) != 0) {
    return false;
  }
  z_stream z{};
  if (inflateInit2(&z, -15) != Z_OK) return false;
  z.next_in = reinterpret_cast<Bytef*>(raw.data() + 2);
  z.avail_in = static_cast<uInt>(raw.size() - 2);
  out.resize(std::max<std::size_t>(raw.size() * 4, 4096));
  int status = Z_OK;
  std::size_t produced = 0;
  while (status == Z_OK) {
    if (produced == out.size()) out.resize(out.size() * 2);
    z.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
    z.avail_out = static_cast<uInt>(out.size() - produced);
    status = inflate(&z, Z_NO_FLUSH);
    produced = out.size() - z.avail_out;
  }
  inflateEnd(&z);
  out.resize(produced);
  return status == Z_STREAM_END;
}

// The page's content stream(s) inflated into `parts`, in order; false when any of them is not
// plain Flate (poppler's Parser then reads them through its own decoders).
bool inflate_contents(const Object& contents, std::vector<std::string>& parts) {
  // The fetched parts own their streams while they are read.
  std::vector<Object> streams;
  if (contents.isStream()) {
    streams.push_back(contents.copy());
  } else if (contents.isArray()) {
    for (int i = 0; i < contents.arrayGetLength(); ++i) {
      streams.push_back(contents.arrayGet(i));
      if (!streams.back().isStream()) return false;
    }
  } else {
    return false;
  }
  parts.resize(streams.size());
  for (std::size_t i = 0; i < streams.size(); ++i) {
    if (!inflate_stream(streams[i].getStream(), parts[i])) return false;
  }
  return true;
}

// Draws page `number` (1-based) into `dev` as PDFDoc::displayPageSlice(dev, number, 72, 72, 0,
// false, false, false) does (contents, then annotations), except that the fonts come from
// `fonts` when the page's font dictionary can be shared.
void display_page(PDFDoc& doc, int number, OutputDev& dev, FontCache& fonts) {
  Page* page = doc.getPage(number);
  if (!page) return;
  XRef* xref = doc.getXRef();
  Dict* resources = page->getResourceDict();
  GfxResources* shared = resources ? fonts.fonts_for(xref, resources) : nullptr;
  std::unique_ptr<Dict> without_fonts;
  if (shared) {
    without_fonts.reset(resources->copy(xref));
    without_fonts->remove("Font");
  }
  PDFRectangle box;
  bool crop = false;
  page->makeBox(72, 72, page->getRotate(), false, dev.upsideDown(), -1, -1, -1, -1, &box, &crop);
  const PDFRectangle* crop_box = page->getCropBox();
  if (!crop) crop = box == *crop_box && dev.needClipToCropBox();
  Gfx gfx(&doc, &dev, number, shared ? without_fonts.get() : resources, 72, 72, &box,
          crop ? crop_box : nullptr, page->getRotate(), nullptr, nullptr, xref);
  // The page's own level (its resources but fonts) falls back to the shared fonts; the link is
  // cut before the Gfx frees its stack, which it owns and the cache does not.
  GfxResources* page_level = gfx.*member(GfxResourceStack{});
  if (shared) page_level->*member(ResourceParent{}) = shared;
  Object contents = page->getContents();
  if (!contents.isNull()) {
    gfx.saveState();
    std::vector<std::string> parts;
    if (inflate_contents(contents, parts)) {
      pdf::display_contents(gfx, xref, parts, page_level);
    } else {
      gfx.display(&contents);
    }
    gfx.restoreState();
  } else {
    dev.dump();
  }
  Annots* annots = page->getAnnots();
  if (!annots->getAnnots().empty()) {
    for (Annot* annot : annots->getAnnots()) annot->draw(&gfx, false);
    dev.dump();
  }
  if (shared) page_level->*member(ResourceParent{}) = nullptr;
}

// An open PDF: poppler-cpp for loading and its checks, poppler's core for the text.
struct OpenPdf {
  std::unique_ptr<poppler::document> doc;
  std::unique_ptr<PDFDoc> core;
  // Declared after `core`: freed before the document its fonts come from.
  std::unique_ptr<FontCache> fonts;
};

OpenPdf open_document(const std::filesystem::path& path, const std::optional<std::string>& password,
                      const std::string& name = {}) {
  silence_poppler();
  const Origin origin{name.empty() ? path.string() : name, {}, {}, {}};
  // poppler says "damaged" for a file it cannot open at all; say what is really wrong.
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw InputError(diag::input_error(
        DiagnosticCode::kFileUnreadable,
        std::filesystem::exists(path, ec) ? "no es un archivo regular" : "no existe el archivo",
        origin));
  }
  // Before poppler sizes its tables from what the file claims (pdf_xref_check.hpp).
  if (std::optional<std::string> why = hostile_xref(path))
    throw InputError(diag::input_error(DiagnosticCode::kPdfDamaged, *why, origin));
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(
      path.string(), password.value_or(""), password.value_or("")));
  if (!doc) {
    // poppler gives no reason; an encrypted file it cannot open still has an /Encrypt entry.
    throw InputError(diag::input_error(
        DiagnosticCode::kPdfDamaged,
        "el PDF está dañado o truncado y no se puede leer; vuelva a descargarlo o exportarlo",
        origin));
  }
  if (doc->is_locked()) {
    throw InputError(diag::input_error(
        DiagnosticCode::kPdfEncrypted,
        password ? "el PDF está cifrado y la contraseña indicada no es correcta; indique la "
                   "correcta con --password"
                 : "el PDF está cifrado con contraseña; indíquela con --password",
        origin));
  }
  if (doc->pages() <= 0) {
    throw InputError(diag::input_error(DiagnosticCode::kPdfDamaged,
                                       "el PDF está dañado o truncado: no tiene páginas", origin));
  }
  // The same file once more through poppler's core API for the text engine; the poppler-cpp
  // document keeps poppler's global parameters alive and gives the checks above.
  const std::optional<GooString> pw{GooString(password.value_or(""))};
  auto core = std::make_unique<PDFDoc>(std::make_unique<GooString>(path.string()), pw, pw);
  if (!core->isOk() || core->getNumPages() != doc->pages()) {
    throw InputError(diag::input_error(
        DiagnosticCode::kPdfDamaged,
        "el PDF está dañado o truncado y no se puede leer; vuelva a descargarlo o exportarlo",
        origin));
  }
  OpenPdf pdf;
  pdf.doc = std::move(doc);
  pdf.core = std::move(core);
  pdf.fonts = std::make_unique<FontCache>();
  return pdf;
}

bool is_bold_font(std::string_view name) {
  for (std::string_view key : {"Bold", "bold", "BOLD", "Black", "Heavy", "Semibold", "Demi"}) {
    if (name.find(key) != std::string_view::npos) return true;
  }
  return false;
}

// One code point as UTF-8 (lone surrogates and values beyond Unicode become U+FFFD).
void append_utf8(char32_t c, std::string& out) {
  if ((c >= 0xD800 && c < 0xE000) || c > 0x10FFFF) c = 0xFFFD;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Luma (Rec. 601) of an RGB colour, 0 black .. 1 white.
double luminance(const GfxRGB& rgb) {
  return 0.299 * colToDbl(rgb.r) + 0.587 * colToDbl(rgb.g) + 0.114 * colToDbl(rgb.b);
}

// Clips segment (x0,y0)-(x1,y1) to the box (Liang-Barsky); false when nothing is left.
bool clip_segment(const Box& clip, double& x0, double& y0, double& x1, double& y1) {
  const double dx = x1 - x0, dy = y1 - y0;
  double t0 = 0, t1 = 1;
  const std::array<std::pair<double, double>, 4> edges{
      {{-dx, x0 - clip.x0}, {dx, clip.x1 - x0}, {-dy, y0 - clip.y0}, {dy, clip.y1 - y0}}};
  for (const auto& [p, q] : edges) {
    if (p == 0) {
      if (q < 0) return false;
      continue;
    }
    const double t = q / p;
    if (p < 0) {
      t0 = std::max(t0, t);
    } else {
      t1 = std::min(t1, t);
    }
    if (t0 > t1) return false;
  }
  const double ax = x0 + t0 * dx, ay = y0 + t0 * dy;
  x1 = x0 + t1 * dx;
  y1 = y0 + t1 * dy;
  x0 = ax;
  y0 = ay;
  return true;
}

// The words engine plus the page's straight strokes and filled rectangles, recorded during the
// same content-stream pass (one interpretation of the page, not two). Coordinates are poppler's
// device space, the one the word boxes are in: upright (the page's /Rotate applied), top-left
// origin, y down, 1 unit = 1 pt (TextOutputDev is upside-down at 72 dpi). Pattern fills and
// shadings are skipped by poppler for a text device (needNonText() is false), and so are curves
// here: borders are straight.
template <typename WordsDev>  // pdf::WordCollector, or TextOutputDev for reference
class WordsAndGraphicsDev final : public WordsDev {
 public:
  template <typename... Args>
  explicit WordsAndGraphicsDev(layout::PageGraphics& graphics, Args&&... args)
      : WordsDev(std::forward<Args>(args)...), graphics_(graphics) {}

  void stroke(GfxState* state) override {
    WordsDev::stroke(state);
    record_stroke(state);
  }
  void fill(GfxState* state) override {
    WordsDev::fill(state);
    record_fill(state);
  }
  void eoFill(GfxState* state) override {
    WordsDev::eoFill(state);
    record_fill(state);
  }

 private:
  // Slack around the clip box: a border drawn exactly on a clip edge is visible (half its width)
  // and must not be lost to rounding.
  static constexpr double kClipSlack = 0.5;
  // Corners closer than this are on one axis (producers' rounding of transformed rectangles).
  static constexpr double kAxisEpsilon = 0.05;

  static Box clip_box(const GfxState* state) {
    Box c;
    state->getClipBBox(&c.x0, &c.y0, &c.x1, &c.y1);
    return Box{c.x0 - kClipSlack, c.y0 - kClipSlack, c.x1 + kClipSlack, c.y1 + kClipSlack};
  }

  void record_stroke(GfxState* state) {
    if (state->getStrokeOpacity() <= 0) return;
    GfxRGB rgb;
    state->getStrokeRGB(&rgb);
    const double lum = luminance(rgb);
    // A white line on white paper is invisible; a border is never drawn in white on purpose
    // often enough to be worth a false cell boundary on every page that does it.
    if (lum >= config_.white_luminance) return;
    const double width = state->getTransformedLineWidth();
    const Box clip = clip_box(state);
    const GfxPath* path = state->getPath();
    for (int si = 0; si < path->getNumSubpaths(); ++si) {
      const GfxSubpath* sub = path->getSubpath(si);
      const int n = sub->getNumPoints();
      for (int i = 0; i + 1 < n; ++i) {
        if (sub->getCurve(i) || sub->getCurve(i + 1)) continue;  // part of a Bezier curve
        double x0, y0, x1, y1;
        state->transform(sub->getX(i), sub->getY(i), &x0, &y0);
        state->transform(sub->getX(i + 1), sub->getY(i + 1), &x1, &y1);
        if (!clip_segment(clip, x0, y0, x1, y1)) continue;
        const bool horizontal = std::abs(y1 - y0) <= kAxisEpsilon;
        const bool vertical = std::abs(x1 - x0) <= kAxisEpsilon;
        if (width > config_.max_ruling_thickness && (horizontal || vertical)) {
          // A thick stroke is how some producers paint a band (a shaded row): record it as the
          // filled rectangle it paints, with its colour.
          const double h = width / 2;
          const Box band = horizontal ? Box{std::min(x0, x1), y0 - h, std::max(x0, x1), y0 + h}
                                      : Box{x0 - h, std::min(y0, y1), x0 + h, std::max(y0, y1)};
          graphics_.fills.push_back(layout::FilledBox{band, lum});
          continue;
        }
        graphics_.segments.push_back(layout::StrokedSegment{x0, y0, x1, y1, width});
      }
    }
  }

  void record_fill(GfxState* state) {
    if (state->getFillOpacity() <= 0) return;
    const Box clip = clip_box(state);
    const GfxPath* path = state->getPath();
    bool have_colour = false;
    double lum = 0;
    for (int si = 0; si < path->getNumSubpaths(); ++si) {
      Box box;
      if (!rectangle(state, path->getSubpath(si), box)) continue;
      box = Box{std::max(box.x0, clip.x0), std::max(box.y0, clip.y0), std::min(box.x1, clip.x1),
                std::min(box.y1, clip.y1)};
      if (box.x0 > box.x1 || box.y0 > box.y1) continue;  // fully clipped
      // The page's paper colour painted over the whole page is no cell and no border.
      const double page_w = state->getPageWidth(), page_h = state->getPageHeight();
      if (box.x1 - box.x0 >= config_.page_background_fraction * page_w &&
          box.y1 - box.y0 >= config_.page_background_fraction * page_h) {
        continue;
      }
      if (!have_colour) {  // only paths that are rectangles pay for the colour conversion
        GfxRGB rgb;
        state->getFillRGB(&rgb);
        lum = luminance(rgb);
        have_colour = true;
      }
      graphics_.fills.push_back(layout::FilledBox{box, lum});
    }
  }

  // True when the subpath is an axis-aligned rectangle in device space (4 corners, or 5 with
  // the closing point back at the start); `box` gets it.
  static bool rectangle(const GfxState* state, const GfxSubpath* sub, Box& box) {
    int n = sub->getNumPoints();
    if (n == 5 && sub->getX(4) == sub->getX(0) && sub->getY(4) == sub->getY(0)) n = 4;
    if (n != 4) return false;
    std::array<double, 4> xs{}, ys{};
    for (int i = 0; i < 4; ++i) {
      if (sub->getCurve(i)) return false;
      state->transform(sub->getX(i), sub->getY(i), &xs[static_cast<std::size_t>(i)],
                       &ys[static_cast<std::size_t>(i)]);
    }
    for (std::size_t i = 0; i < 4; ++i) {
      const std::size_t j = (i + 1) % 4;
      if (std::abs(xs[i] - xs[j]) > kAxisEpsilon && std::abs(ys[i] - ys[j]) > kAxisEpsilon) {
        return false;
      }
    }
    const auto [x0, x1] = std::minmax_element(xs.begin(), xs.end());
    const auto [y0, y1] = std::minmax_element(ys.begin(), ys.end());
    box = Box{*x0, *y0, *x1, *y1};
    return true;
  }

  layout::PageGraphics& graphics_;
  const layout::GridConfig config_{};
};

// Appends a word of `length` code points (`code_point(k)`) to `out`, with its box and size,
// the font of each code point (`font_name(k)`, nullptr when the font has none) and each glyph's
// horizontal extent (`glyph_x(k)`). Code point k is glyph k; a NUL ends the word (poppler-cpp
// went through a C string and stopped there too), and a word left empty is dropped.
// The font of the last word added: words run in the same font for long stretches, and
// looking its name up and testing it for boldness per word cost more than the rest of add_word.
struct LastFont {
  const std::string* name = nullptr;
  int index = -1;
  bool bold = false;
};

template <typename CodePoint, typename FontName, typename GlyphX>
void add_word(layout::PageWords& out, LastFont& last, std::size_t length,
              const CodePoint& code_point, const Box& box, double font_size,
              const FontName& font_name, const GlyphX& glyph_x) {
  layout::Word w;
  w.text.reserve(length);
  const auto glyph_begin = static_cast<std::uint32_t>(out.glyphs.size());
  // One pass: each glyph's bytes are where its code point lands in the text.
  const std::string* font = nullptr;
  const std::string* previous = nullptr;
  std::size_t chars = 0;
  while (chars < length && code_point(chars) != 0) {
    const auto byte = static_cast<std::uint32_t>(w.text.size());
    const auto c = static_cast<char32_t>(code_point(chars));
    if (c < 0x80) {
      w.text.push_back(static_cast<char>(c));
    } else {
      append_utf8(c, w.text);
    }
    const auto [gx0, gx1] = glyph_x(chars);
    // Two cells glued into one word may be cut where the font name changes.
    const std::string* current = font_name(chars);
    if (chars == 0) font = previous = current;
    const bool font_change =
        chars > 0 && current != previous && (!current || !previous || *current != *previous);
    out.glyphs.push_back(
        layout::Glyph{gx0, gx1, byte, static_cast<std::uint32_t>(w.text.size()), font_change});
    previous = current;
    ++chars;
  }
  if (chars == 0) return;
  w.box = box;
  w.font_size = font_size;
  if (last.index < 0 || font != last.name) {
    const std::string_view name = font ? std::string_view(*font) : "";
    auto it = std::find(out.fonts.begin(), out.fonts.end(), name);
    if (it == out.fonts.end()) {
      out.fonts.emplace_back(name);
      it = out.fonts.end() - 1;
    }
    last = LastFont{font, static_cast<int>(it - out.fonts.begin()), is_bold_font(name)};
  }
  w.font = last.index;
  w.bold = last.bold;
  w.glyph_begin = glyph_begin;
  w.glyph_count = static_cast<std::uint32_t>(chars);
  out.words.push_back(std::move(w));
}

// Fills `out` with the words of page `index` (0-based), upright, top-left origin.
// Reads poppler's TextOutputDev word list directly (what poppler-cpp's page::text_list does,
// except for raw order, see below): text_list(text_list_include_font) re-scans every font of the
// page for each call and converts every word UTF-8 -> UTF-16 through iconv, together about a fifth
// of the reader's time; the font name and size are on the TextWord already.
// `fonts` keeps the document's fonts from page to page (nullptr: parsed for this page only).
void load_page(PDFDoc& doc, int index, layout::PageWords& out, FontCache* fonts = nullptr,
               WordEngine engine = WordEngine::kCollector) {
  FontCache page_fonts;
  FontCache& font_cache = fonts ? *fonts : page_fonts;
  out.clear();
  out.number = index + 1;
  Page* page = index >= 0 && index < doc.getNumPages() ? doc.getPage(index + 1) : nullptr;
  if (!page) return;
  const PDFRectangle* rect = page->getMediaBox();
  switch (page->getRotate()) {
    case 90:
      out.rotation = 90;
      break;
    case 180:
      out.rotation = 180;
      break;
    case 270:
      out.rotation = 270;
      break;
    default:
      out.rotation = 0;
  }
  const bool quarter = out.rotation == 90 || out.rotation == 270;
  const double rect_w = rect->x2 - rect->x1, rect_h = rect->y2 - rect->y1;
  out.width = quarter ? rect_h : rect_w;
  out.height = quarter ? rect_w : rect_h;

  // Words grouped as TextOutputDev groups them in raw (content-stream) order, by our own
  // collector: poppler's TextPage allocated and grew six arrays per word and freed them all per
  // page, a sixth of the reader's time. Raw order also skips TextPage::coalesce, poppler's
  // reading-order analysis; the layout orders words into lines and drops fake-bold duplicates
  // itself. The rare page the collector cannot reproduce exactly goes through TextOutputDev.
  if (engine == WordEngine::kCollector) {
    WordsAndGraphicsDev<pdf::WordCollector> dev(out.graphics);
    display_page(doc, index + 1, dev, font_cache);
    if (!dev.needs_reference()) {
      const std::vector<Unicode>& text = dev.text();
      const std::vector<double>& edges = dev.edges();
      const std::vector<int>& char_fonts = dev.char_fonts();
      const std::vector<pdf::CollectedFont>& fonts = dev.fonts();
      out.words.reserve(dev.words().size());
      LastFont last;
      for (const pdf::CollectedWord& cw : dev.words()) {
        const auto font_name = [&](std::size_t k) -> const std::string* {
          const auto& name = fonts[static_cast<std::size_t>(char_fonts[cw.first + k])].name;
          return name ? &*name : nullptr;
        };
        const auto glyph_x = [&](std::size_t k) {
          const double a = edges[cw.first_edge + k], b = edges[cw.first_edge + k + 1];
          switch (cw.rot) {
            case 0:
              return std::pair{a, b};
            case 2:
              return std::pair{b, a};
            default:
              return std::pair{cw.x_min, cw.x_max};
          }
        };
        add_word(
            out, last, cw.length, [&](std::size_t k) { return text[cw.first + k]; },
            Box{cw.x_min, cw.y_min, cw.x_max, cw.y_max}, cw.font_size, font_name, glyph_x);
      }
      return;
    }
    out.words.clear();
    out.glyphs.clear();
    out.fonts.clear();
    out.graphics.clear();
  }
  WordsAndGraphicsDev<TextOutputDev> dev(out.graphics, nullptr, false, 0, /*rawOrderA=*/true,
                                         false);
  if (engine == WordEngine::kPoppler) {
    // Poppler's own way from end to end (fonts parsed per page, its inflater): the reference
    // the test compares the reader's way with.
    doc.displayPageSlice(&dev, index + 1, 72, 72, 0, false, false, false, -1, -1, -1, -1, nullptr,
                         nullptr, nullptr, nullptr, true);
  } else {
    display_page(doc, index + 1, dev, font_cache);
  }
  const std::unique_ptr<TextWordList> list = dev.makeWordList();
  if (!list) return;
  const int n = list->getLength();
  out.words.reserve(static_cast<std::size_t>(n));
  LastFont last;
  for (int wi = 0; wi < n; ++wi) {
    const TextWord* tw = list->get(wi);
    double x0, y0, x1, y1;
    tw->getBBox(&x0, &y0, &x1, &y1);
    const auto font_name = [&](std::size_t k) -> const std::string* {
      const GooString* name = tw->getFontName(static_cast<int>(k));
      return name ? &name->toStr() : nullptr;
    };
    const auto glyph_x = [&](std::size_t k) {
      double gx0, gy0, gx1, gy1;
      tw->getCharBBox(static_cast<int>(k), &gx0, &gy0, &gx1, &gy1);
      return std::pair{gx0, gx1};
    };
    add_word(
        out, last, static_cast<std::size_t>(tw->getLength()),
        [&](std::size_t k) { return *tw->getChar(static_cast<int>(k)); }, Box{x0, y0, x1, y1},
        tw->getFontSize(), font_name, glyph_x);
  }
}

class PdfReader : public RowReader {
 public:
  PdfReader(OpenPdf pdf, std::unique_ptr<ocr::PdfOcr> ocr, SourceInfo info, int first_text_page,
            layout::PageWords first_words)
      : pdf_(std::move(pdf)),
        ocr_(std::move(ocr)),
        info_(std::move(info)),
        page_count_(pdf_.core->getNumPages()),
        first_text_page_(first_text_page),
        words_(std::move(first_words)) {}

  std::optional<CellRow> next() override {
    while (pos_ == rows_.size()) {
      if (next_page_ >= page_count_) return std::nullopt;
      layout::PageLayout page;
      if (ocr_->reads(next_page_)) {  // a scanned page: words and rulings from its image
        page = ocr_->layout(next_page_, state_);
      } else {
        layout::PageWords* words = &words_;
        if (next_page_ < first_text_page_) {
          // Pages before the first one with text were already seen empty.
          blank_.clear();
          blank_.number = next_page_ + 1;
          words = &blank_;
        } else if (next_page_ > first_text_page_) {
          load_page(*pdf_.core, next_page_, words_, pdf_.fonts.get());
        }
        page = layout::layout_page(*words, state_);
      }
      // Scanned pages too: their page numbers and running footers are left out, and said.
      layout::count_dropped(page, next_page_ + 1, info_.furniture);
      rows_ = std::move(page.rows);
      pos_ = 0;
      ++next_page_;
    }
    return std::move(rows_[pos_++]);
  }

  const SourceInfo& info() const override { return info_; }

 private:
  OpenPdf pdf_;
  std::unique_ptr<ocr::PdfOcr> ocr_;  // after pdf_: it reads pdf_'s documents
  SourceInfo info_;
  int page_count_ = 0;
  int first_text_page_ = 0;
  int next_page_ = 0;
  layout::PageWords words_;
  layout::PageWords blank_;
  layout::LayoutState state_;
  std::vector<CellRow> rows_;
  std::size_t pos_ = 0;
};

// Finds the first page with text (so a scan is refused before any row is handed out).
int first_page_with_text(PDFDoc& doc, const std::string& name, layout::PageWords& words,
                         OcrMode mode) {
  const int n = doc.getNumPages();
  for (int i = 0; i < n; ++i) {
    load_page(doc, i, words);
    if (!words.words.empty()) return i;
  }
  throw InputError(diag::input_error(
      DiagnosticCode::kPdfNoText,
      mode == OcrMode::kNever
          ? "el PDF no tiene texto, solo imágenes: parece un escaneo; el OCR está desactivado "
            "(--ocr never)"
          : "el PDF no tiene texto que leer: sus páginas están en blanco o no dibujan su texto "
            "(si es un escaneo, pruebe --ocr always)",
      Origin{name, {}, {}, {}}));
}

using inspect::put_number;

void put_box(std::ostream& out, const Box& b) {
  put_number(out, b.x0);
  out << ' ';
  put_number(out, b.y0);
  out << ' ';
  put_number(out, b.x1);
  out << ' ';
  put_number(out, b.y1);
}

void put_grid(std::ostream& out, const std::vector<layout::GridColumn>& grid) {
  for (std::size_t i = 0; i < grid.size(); ++i) {
    out << "  c" << i << " [";
    put_number(out, grid[i].x0);
    out << ", ";
    put_number(out, grid[i].x1);
    out << ") \"" << grid[i].label << "\"\n";
  }
}

void put_row(std::ostream& out, const CellRow& row) {
  out << "  p" << row.page << ":l" << row.line;
  if (row.kind == RowKind::kPageBreak) {
    out << " (salto de página)\n";
    return;
  }
  put_row_facts(out, row);
  for (const Cell& c : row.cells) {
    out << " [c" << c.column;
    if (c.span > 1) out << "+" << c.span;
    out << " \"" << c.text << "\"]";
  }
  out << '\n';
}

void put_rulings(std::ostream& out, const layout::Rulings& rulings) {
  out << "-- líneas dibujadas (h: y x0..x1; v: x y0..y1)\n";
  for (const auto& [kind, list] : {std::pair{'h', &rulings.horizontal}, {'v', &rulings.vertical}}) {
    for (const layout::Ruling& r : *list) {
      out << "  " << kind << ' ';
      put_number(out, r.pos);
      out << ' ';
      put_number(out, r.from);
      out << "..";
      put_number(out, r.to);
      out << '\n';
    }
  }
}

void put_cells(std::ostream& out, const layout::PageWords& words,
               const std::vector<layout::CellGrid>& grids) {
  out << "-- celdas (fila columna filas x columnas, x0 y0 x1 y1, texto)\n";
  for (std::size_t g = 0; g < grids.size(); ++g) {
    const layout::CellGrid& grid = grids[g];
    out << "  tabla " << g + 1 << ": " << grid.rows() << " filas x " << grid.columns()
        << " columnas [";
    put_box(out, grid.box());
    out << "]\n";
    const std::vector<std::string> texts = inspect::cell_texts(words, grid);
    for (std::size_t i = 0; i < grid.cells.size(); ++i) {
      const layout::GridCell& c = grid.cells[i];
      out << "    r" << c.row << " c" << c.col << ' ' << c.row_span << 'x' << c.col_span << " [";
      put_box(out, c.box);
      out << ']' << (c.shaded ? " sombreada" : "") << " \"" << texts[i] << "\"\n";
    }
  }
}

}  // namespace

layout::PageWords read_pdf_page(const std::filesystem::path& path, int page,
                                const std::optional<std::string>& password, WordEngine engine) {
  auto doc = open_document(path, password);
  layout::PageWords words;
  load_page(*doc.core, page - 1, words, nullptr, engine);
  return words;
}

std::unique_ptr<RowReader> make_pdf_reader(const std::filesystem::path& path,
                                           const std::optional<std::string>& password,
                                           const OcrOptions& ocr_options, const std::string& name) {
  const std::string shown = name.empty() ? path.string() : name;
  auto doc = open_document(path, password, shown);
  auto scans = std::make_unique<ocr::PdfOcr>(*doc.core, *doc.doc, path, ocr_options);
  layout::PageWords first;
  int first_text = 0;
  if (scans->pages().empty()) {
    first_text = first_page_with_text(*doc.core, shown, first, ocr_options.mode);
  } else if (!scans->reads(0)) {
    load_page(*doc.core, 0, first);
  }
  SourceInfo info;
  info.ocr_pages = scans->pages();
  info.path = shown;
  info.type = SourceType::kPdf;
  info.sha256 = file_sha256(path);
  info.pages = doc.core->getNumPages();
  return std::make_unique<PdfReader>(std::move(doc), std::move(scans), std::move(info), first_text,
                                     std::move(first));
}

std::optional<int> pdf_page_count(const std::filesystem::path& path,
                                  const std::optional<std::string>& password) {
  silence_poppler();
  const std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(
      path.string(), password.value_or(""), password.value_or("")));
  if (!doc || doc->is_locked() || doc->pages() <= 0) return std::nullopt;
  return doc->pages();
}

int inspect_pdf(const std::filesystem::path& path, const std::optional<std::string>& password,
                std::optional<int> page, std::ostream& out) {
  auto doc = open_document(path, password);
  const int n = doc.core->getNumPages();
  if (page && (*page < 1 || *page > n)) return n;  // the caller says so, as a usage error
  out << "archivo: " << path.string() << "\npáginas: " << n << '\n';
  layout::PageWords words;
  layout::LayoutState state;
  // Scanned pages show what the OCR read; a scan OCR cannot read shows its empty pages.
  std::unique_ptr<ocr::PdfOcr> scans;
  try {
    scans = std::make_unique<ocr::PdfOcr>(*doc.core, *doc.doc, path, OcrOptions{});
  } catch (const InputError&) {
    scans = std::make_unique<ocr::PdfOcr>(*doc.core, *doc.doc, path, OcrOptions{OcrMode::kNever});
  }
  // Earlier pages are laid out too (not printed): a table carried over needs their columns.
  const int last = page ? std::min(*page, n) : n;
  for (int i = 0; i < last; ++i) {
    if (scans->reads(i)) {
      words = scans->words(i);  // a scanned page: what the OCR read
    } else {
      load_page(*doc.core, i, words);
    }
    const bool show = !page || *page == i + 1;
    if (!show) {
      layout::layout_page(words, state);
      continue;
    }
    out << "\n== página " << i + 1 << ": ";
    put_number(out, words.width);
    out << " x ";
    put_number(out, words.height);
    out << " pt, rotación " << words.rotation
        << "\n-- palabras (x0 y0 x1 y1 fuente tamaño texto)\n";
    for (const layout::Word& w : words.words) {
      out << "  ";
      put_box(out, w.box);
      out << ' ' << (w.font >= 0 ? words.fonts[static_cast<std::size_t>(w.font)] : "?") << ' ';
      put_number(out, w.font_size);
      out << ' ' << w.text << '\n';
    }
    if (words.words.empty()) out << "  (sin texto: la página es solo imagen o está vacía)\n";
    const layout::PageLayout lay = layout::layout_page(words, state);
    out << "-- líneas\n";
    for (const layout::Line& l : lay.lines) {
      out << "  l" << l.index << " [";
      put_box(out, l.box);
      out << "] " << l.text << '\n';
    }
    out << "-- columnas del encabezado\n";
    put_grid(out, lay.header_grid);
    out << "-- columnas de la tabla" << (lay.table_grid_carried ? " (de la página anterior)" : "")
        << '\n';
    put_grid(out, lay.table_grid);
    out << "-- filas\n";
    for (const CellRow& row : lay.rows) put_row(out, row);
    put_rulings(out, lay.rulings);
    put_cells(out, words, lay.grids);
  }
  return n;
}

}  // namespace poa::extractor
