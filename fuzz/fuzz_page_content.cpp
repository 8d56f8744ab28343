// libFuzzer target: bytes as the content of the pages of a small, valid PDF built around them ->
// the PDF reader (poppler's interpreter, our ContentParser, word collector, drawn grid and layout
// passes) -> recogniser -> normaliser, OCR off (fuzz_pdf_pipeline.hpp). fuzz_pdf_reader's
// mutations mostly break the file's syntax (xref, lengths, Flate) and are refused before an
// operator runs; here every input is interpreted: absurd matrices, font sizes, paths, q/Q
// imbalance, text state extremes, missing resources. The input is cut into pages at each byte
// 0x1D (up to 8 pages; the third to fifth are turned 90, 180 and 270 degrees) and each page into
// content streams at each byte 0x1E (one stream: /Contents is the stream itself, else an array),
// each Flate-encoded as producers write them, so the reader's own inflater and ContentParser
// read them.
//
// Every page (792 x 612 pt) has every resource the seeds (fuzz/content_seeds/, whole pages in
// fuzz/page_content_seeds/) name, so their text is drawn: fonts /F1 (Helvetica; codes 1..26 read
// A..Z, as LibreOffice's and cairo's subsets begin), /F2 (a TrueType without its font file: the
// literal strings of ReportLab's /F2+0, /F3+0), /F3 (Type 3), /F4, /F5 (Type 0, Identity-H, glyph
// ids in the Macintosh order Skia's subsets keep) and /F6 (Type 0, Identity-V: vertical writing);
// graphics states /GS1, /G3 (line width, dash, font) and /a0 (no stroke: CA 0); XObjects /Im0 (an
// image) and /X, /X1 (a form drawing text and a rectangle). Any other name is missing.
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz/content_parts.hpp"
#include "fuzz/fuzz_pdf_pipeline.hpp"
#include "tests/pdf_of_objects.hpp"

namespace {

// A stream object of `data` Flate-encoded (stored blocks: the reader inflates whatever zlib
// wrote, and storing costs the fuzzer nothing), with `entries` in its dictionary.
std::string flate_stream(const std::string& data, const std::string& entries = {}) {
  uLongf size = compressBound(static_cast<uLong>(data.size()));
  std::string packed(size, '\0');
  compress2(reinterpret_cast<Bytef*>(packed.data()), &size,
            reinterpret_cast<const Bytef*>(data.data()), static_cast<uLong>(data.size()),
            Z_NO_COMPRESSION);
  packed.resize(size);
  return "<< /Length " + std::to_string(packed.size()) + " /Filter /FlateDecode " + entries +
         " >>\nstream\n" + packed + "\nendstream";
}

std::string plain_stream(const std::string& data, const std::string& entries = {}) {
  return "<< /Length " + std::to_string(data.size()) + " " + entries + " >>\nstream\n" + data +
         "\nendstream";
}

// The page separator: a byte content streams do not use either.
constexpr std::uint8_t kPageSeparator = 0x1D;
// Past this many pages a page separator is content like any other byte.
constexpr std::size_t kMaxPages = 8;
// Each page's /Rotate, by its index: the first two upright (a table carried over), then turned.
constexpr int kRotations[] = {0, 0, 90, 180, 270};

// The pages tree (object 2) and the first page (object 3) in document_objects().
constexpr std::size_t kPagesObject = 1, kFirstPageObject = 2;

std::string page_object(const std::string& contents, int rotation) {
  return "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 792 612] /Rotate " +
         std::to_string(rotation) + " /Resources 4 0 R /Contents " + contents + " >>";
}

std::string reference(std::size_t object_number) {
  return std::to_string(object_number) + " 0 R ";
}

// The document around the pages' content streams (objects 1 .. 18), the pages tree and the first
// page left to fill.
std::vector<std::string> document_objects() {
  const std::string widths = [] {
    std::string w = "[";
    for (int c = 32; c <= 126; ++c) w += c == 32 ? "278 " : "556 ";
    return w + "]";
  }();
  // A ToUnicode CMap of one range of codes (`low`..`high`, code space `space`) from `first`.
  const auto to_unicode = [](const std::string& space, const std::string& low,
                             const std::string& high, const std::string& first) {
    return plain_stream(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Poa def\n"
        "1 begincodespacerange " +
        space + " endcodespacerange\n1 beginbfrange " + low + " " + high + " " + first +
        " endbfrange\nendcmap CMapName currentdict /CMap defineresource pop end end");
  };
  return {
      // 1 catalog, 2 pages, 3 the page, 4 its resources
      "<< /Type /Catalog /Pages 2 0 R >>",
      "pages",
      "page 1",
      "<< /Font << /F1 5 0 R /F2 6 0 R /F3 7 0 R /F4 8 0 R /F5 8 0 R /F6 9 0 R /F2+0 6 0 R "
      "/F3+0 6 0 R /f-0-0 5 0 R /f-1-0 5 0 R >> /ExtGState << /GS1 12 0 R /G3 12 0 R /a0 13 0 R >> "
      "/XObject << /Im0 14 0 R /X 15 0 R /X1 15 0 R >> /ProcSet [/PDF /Text /ImageB] >>",
      // 5 Helvetica, codes 1..26 read as A..Z (LibreOffice's subset codes in the seeds)
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
      "/ToUnicode 16 0 R >>",
      // 6 a TrueType font not embedded
      "<< /Type /Font /Subtype /TrueType /BaseFont /Arial-BoldMT /FirstChar 32 /LastChar 126 "
      "/Widths " +
          widths + " /Encoding /WinAnsiEncoding /FontDescriptor 10 0 R >>",
      // 7 a Type 3 font (its glyphs are not run: the reader does not interpret them)
      "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] "
      "/CharProcs << /a 18 0 R /m 18 0 R >> /Encoding << /Type /Encoding /Differences [97 /a "
      "109 /m] >> /FirstChar 97 /LastChar 109 /Widths [500 0 0 0 0 0 0 0 0 0 0 0 800] >>",
      // 8, 9 Type 0 fonts over one CIDFontType2, horizontal and vertical
      "<< /Type /Font /Subtype /Type0 /BaseFont /ArialMT /Encoding /Identity-H "
      "/DescendantFonts [11 0 R] /ToUnicode 17 0 R >>",
      "<< /Type /Font /Subtype /Type0 /BaseFont /ArialMT /Encoding /Identity-V "
      "/DescendantFonts [11 0 R] /ToUnicode 17 0 R >>",
      // 10 a font descriptor
      "<< /Type /FontDescriptor /FontName /Arial-BoldMT /Flags 32 /FontBBox [-628 -376 2000 "
      "1010] /ItalicAngle 0 /Ascent 905 /Descent -212 /CapHeight 716 /StemV 80 >>",
      // 11 the CID font: glyph ids in the Macintosh order the ToUnicode maps (skia's codes)
      "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ArialMT /CIDSystemInfo << /Registry "
      "(Adobe) /Ordering (Identity) /Supplement 0 >> /DW 556 /W [3 [278]] "
      "/W2 [3 [-1000 139 880]] /FontDescriptor 10 0 R /CIDToGIDMap /Identity >>",
      // 12, 13 graphics states
      "<< /Type /ExtGState /LW 2 /LC 1 /D [[3 2] 0] /CA 1 /ca 0.5 /Font [6 0 R 9] >>",
      "<< /Type /ExtGState /CA 0 /ca 1 /BM /Multiply /SMask /None >>",
      // 14 an image of 2 x 2 grey pixels, 15 a form
      plain_stream(std::string("\x00\xff\xff\x00", 4),
                   "/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
                   "/BitsPerComponent 8"),
      flate_stream("BT /F1 12 Tf 10 10 Td (ACTIVIDAD) Tj ET 0 0 100 20 re S 0 20 m 100 20 l S",
                   "/Type /XObject /Subtype /Form /BBox [0 0 200 100] /Resources << /Font << "
                   "/F1 5 0 R >> >>"),
      // 16, 17 ToUnicode maps
      to_unicode("<00> <FF>", "<01>", "<1A>", "<0041>"),
      to_unicode("<0000> <FFFF>", "<0003>", "<0061>", "<0020>"),
      // 18 a Type 3 glyph
      plain_stream("500 0 0 0 500 500 d1 0 0 500 500 re f"),
  };
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> objects = document_objects();
  // Each page's /Contents: its one stream, or an array of them, numbered after the objects before.
  std::string kids;
  std::size_t pages = 0;
  for (std::size_t begin = 0; begin <= size;) {
    std::size_t end = begin;
    while (end < size && (data[end] != kPageSeparator || pages + 1 == kMaxPages)) ++end;
    std::size_t page = kFirstPageObject;
    if (pages > 0) {
      page = objects.size();
      objects.emplace_back();
    }
    const std::vector<std::string> parts = poa::fuzz::content_parts(data + begin, end - begin);
    std::string contents;
    for (const std::string& part : parts) {
      contents += reference(objects.size() + 1);
      objects.push_back(flate_stream(part));
    }
    if (parts.size() > 1) contents = "[" + contents + "]";
    objects[page] = page_object(contents, kRotations[pages % std::size(kRotations)]);
    kids += reference(page + 1);
    ++pages;
    begin = end + 1;
  }
  objects[kPagesObject] =
      "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>";
  const std::string pdf = poa::test::pdf_of_objects(objects);
  // To look at a finding's page (`poa inspect`, a viewer): POA_FUZZ_PAGE_PDF=page.pdf
  // fuzz/fuzz_page_content crash-<sha1> writes the PDF built around it.
  if (const char* keep = std::getenv("POA_FUZZ_PAGE_PDF"))
    std::ofstream(keep, std::ios::binary) << pdf;

  poa::fuzz::read_pdf(reinterpret_cast<const std::uint8_t*>(pdf.data()), pdf.size());
  return 0;
}
