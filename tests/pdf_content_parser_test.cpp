// The reader's content-stream parser against poppler's own Parser, which it reproduces: the same
// objects (numbers to the last bit, names, strings, arrays, dictionaries, operators) on a table
// of cases and on every content stream of every PDF of fixtures/ and tests/data/; where it stops
// (kOther), poppler's Parser reading on from the start of that operator gives what poppler's
// Parser reading from the beginning gives.
#include "extractor/pdf_content_parser.hpp"

#include <gtest/gtest.h>
#include <poppler/Error.h>
#include <poppler/GlobalParams.h>
#include <poppler/PDFDoc.h>
#include <poppler/Page.h>
#include <poppler/Stream.h>
#include <poppler/goo/GooString.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "pdf_content_compare.hpp"

namespace poa::extractor::pdf {
namespace {

namespace fs = std::filesystem;

class ContentParserTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!globalParams) globalParams = std::make_unique<GlobalParams>();
    // Damaged contents make poppler's Parser report every error on stderr.
    setErrorCallback([](ErrorCategory, Goffset, const char*) {});
  }
};

struct Case {
  std::vector<std::string> parts;
  bool stops;  // ours leaves (part of) it to poppler
};

TEST_F(ContentParserTest, ReadsWhatPopplersParserReads) {
  const std::vector<Case> cases = {
      // Numbers: poppler's digit-by-digit reals, signs, a lone sign or point, "1.2.3".
      {{"0 -0 +5 -17 2147483 214748364 .5 -.5 +.25 5. -5. 0.1 0.7 1.23456789012345678 "
        "123456.789 - + . -. 1.2.3 00012 0.000001 99999999.99999999"},
       false},
      // Reals as producers write them: cairo's and Word's coordinates.
      {{"0.0279 0 0 0.0279 54.567 731.345 cm 612.03 -792.0001 m 3.141592653589793 w"}, false},
      // Names and operators: delimiters end them, true/false/null are objects.
      {{"/F1 12 Tf/F2 9.5 Tf/ 1 Tf true false null T* ' \" BT ET q Q d0 d1"}, false},
      // Strings: nesting, every escape, octal escapes of 1 to 3 digits, line continuations.
      {{"(a(b)c) (\\n\\r\\t\\b\\f\\\\\\(\\)) (\\0\\12\\123\\1234) (\\x\\\n\\\r\ny) Tj"}, false},
      // Hex strings: white space inside, odd digit count, lower case.
      {{"<48656C6C6F> <4 8 6\n5> <abc> <> Tj"}, false},
      // Arrays and dictionaries, nested, as TJ and BDC use them.
      {{"[(A) -250 (B) 3.5] TJ /P <</MCID 0 /A [1 [2 <</B (x)>>]]>> BDC EMC"}, false},
      // Comments, white space of every kind, an empty stream.
      {{"% comment\r\n1%x\n2\f3\t4 5 re f %end"}, false},
      {{std::string("1\0002\000m", 5)}, false},
      {{""}, false},
      // Parts: each token inside one part, white space between them.
      {{"q 1 0 0 1 5 5 cm ", "BT /F1 9 Tf (x) Tj ET ", "Q"}, false},
      // Left to poppler, each from its operator's start: a reference, an inline image, a
      // name with # escapes, a UTF-8 byte order mark, an integer that may overflow.
      {{"1 0 0 1 0 0 cm /X 3 0 R Do 1 2 m"}, true},
      {{"q BI /W 2 /H 1 /BPC 8 /CS /G ID \x01\x02 EI Q 5 w"}, true},
      // ID alone (a damaged stream): poppler's Parser skips the byte after it and reads two
      // nulls; and a Parser started at the operator's start would not.
      {{"0 ID 5 w Q"}, true},
      {{"0 ID>\nQ"}, true},
      {{"/A#20B gs 1 w"}, true},
      {{"(\xEF\xBB\xBFx) Tj 1 w"}, true},
      {{"2147483647 w 1 J"}, true},
      {{"5 9999999999 m"}, true},
      // Poppler versions differ on a minus sign inside a number.
      {{"1.5-3 w"}, true},
      // Errors and stray punctuation: ) { } > ] >>, an operator inside an array.
      {{"1 w ) 2 w"}, true},
      {{"{ 1 w }"}, true},
      {{"1 > w"}, true},
      {{"] 1 w"}, true},
      {{"[1 Tj] TJ"}, true},
      {{"<</A 1 2 (x)>> BDC"}, true},
      // A dictionary followed by `stream`: poppler's Parser makes an error of it (found by
      // fuzz_content_parser); another word after it is an operator as usual.
      {{"/P <</MCID 0>>stream BDC 1 w"}, true},
      {{"/P <</MCID 0>>\n%c\nstream\n1 w"}, true},
      {{"/P <</MCID 0>>streams BDC 1 w"}, false},
      // Tokens and comments running over a part's end.
      {{"1 0 0 1 0 0 c", "m 5 w"}, true},
      {{"1 2 m (ab", "c) Tj"}, true},
      {{"1 2 m %note", "\n3 w"}, true},
      {{"q 12", "34 w Q"}, true},
      // Unterminated at the very end.
      {{"(abc"}, true},
      {{"[1 2"}, true},
  };
  for (const Case& c : cases) {
    const Outcome outcome = compare(c.parts);
    std::string text;
    for (const std::string& p : c.parts) text += p + "|";
    EXPECT_EQ(outcome.difference, "") << text;
    EXPECT_EQ(outcome.stopped, c.stops) << text;
  }
}

// Every page's content streams of the project's PDFs, decoded by poppler, with their file and page.
struct PageContents {
  std::string where;
  std::vector<std::string> parts;
};

std::vector<PageContents> fixture_contents() {
  std::vector<fs::path> files;
  for (const char* dir : {"fixtures", "tests/data"}) {
    for (const auto& e : fs::recursive_directory_iterator(fs::path(POA_SOURCE_DIR) / dir)) {
      if (e.is_regular_file() && e.path().extension() == ".pdf") files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<PageContents> out;
  for (const fs::path& file : files) {
    PDFDoc doc(std::make_unique<GooString>(file.string()));
    if (!doc.isOk()) continue;  // the damaged-file fixtures
    for (int p = 1; p <= doc.getNumPages(); ++p) {
      Page* page = doc.getPage(p);
      if (!page) continue;
      Object contents = page->getContents();
      std::vector<Object> objects;
      if (contents.isStream()) {
        objects.push_back(std::move(contents));
      } else if (contents.isArray()) {
        for (int i = 0; i < contents.arrayGetLength(); ++i) objects.push_back(contents.arrayGet(i));
      }
      PageContents page_contents{file.string() + " page " + std::to_string(p), {}};
      for (Object& o : objects) {
        if (!o.isStream()) break;
        std::string bytes;
        o.getStream()->fillString(bytes);
        page_contents.parts.push_back(std::move(bytes));
      }
      if (page_contents.parts.empty() || page_contents.parts.size() != objects.size()) continue;
      out.push_back(std::move(page_contents));
    }
  }
  return out;
}

TEST_F(ContentParserTest, ReadsEveryFixtureContentStreamAsPoppler) {
  const std::vector<PageContents> pages = fixture_contents();
  EXPECT_GT(pages.size(), 50U);
  for (const PageContents& page : pages) {
    EXPECT_EQ(compare(page.parts).difference, "") << page.where;
  }
}

// Damaged contents: pieces of the fixtures' content streams from a line's start (or anywhere),
// a few bytes replaced, inserted or removed from an alphabet of PDF syntax (delimiters, escapes,
// signs, BI, ID, R, NUL, a byte order mark), cut in up to three parts. A fixed seed: the same
// 20,000 cases every run (a run of 3.6 million found the ID case of the table above).
TEST_F(ContentParserTest, ReadsDamagedContentAsPoppler) {
  std::vector<std::string> seeds;
  for (const PageContents& page : fixture_contents()) {
    for (const std::string& part : page.parts) {
      if (!part.empty()) seeds.push_back(part);
    }
  }
  ASSERT_FALSE(seeds.empty());
  std::string alphabet = "()<>[]{}/%\\#-+.0123456789 \n\r\t\f RBIDEITjJfmlcqQabcdefF<<>>";
  alphabet += std::string(1, '\0');
  alphabet += "\xEF\xBB\xBF";
  std::mt19937 random(2026);
  const auto below = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
  int handed_over = 0;
  constexpr int kCases = 20000;
  for (int k = 0; k < kCases; ++k) {
    const std::string& seed = seeds[below(seeds.size())];
    std::size_t start = below(seed.size());
    if (below(4) != 0) {
      const std::size_t line = seed.find('\n', start);
      start = line == std::string::npos || line + 1 >= seed.size() ? 0 : line + 1;
    }
    std::string text = seed.substr(start, 1 + below(400));
    const std::size_t edits = below(4) == 0 ? 0 : below(3);
    for (std::size_t e = 0; e < edits && !text.empty(); ++e) {
      const std::size_t at = below(text.size());
      const char c = alphabet[below(alphabet.size())];
      switch (below(3)) {
        case 0:
          text[at] = c;
          break;
        case 1:
          text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), c);
          break;
        default:
          text.erase(at, 1);
      }
    }
    std::vector<std::string> parts;
    std::size_t from = 0;
    for (std::size_t i = 1 + below(3); i > 1 && from < text.size(); --i) {
      const std::size_t cut = from + below(text.size() - from + 1);
      parts.push_back(text.substr(from, cut - from));
      from = cut;
    }
    parts.push_back(text.substr(from));
    const Outcome outcome = compare(parts);
    if (outcome.stopped) ++handed_over;
    std::string shown;
    for (const std::string& p : parts) shown += "[" + p + "]";
    ASSERT_EQ(outcome.difference, "") << "case " << k << ": " << shown;
  }
  // Both ways are exercised: read to the end by ours, and handed over.
  EXPECT_GT(handed_over, kCases / 10);
  EXPECT_LT(handed_over, kCases * 9 / 10);
}

}  // namespace
}  // namespace poa::extractor::pdf
