// The review report in a real browser: headless Chromium loads the pages from file:// (DOM,
// script under the CSP, hostile input, no request leaving the folder) and a screenshot shows the
// boxes on the words the model says they cover. Skipped when chromium is not installed.
#include <cairo.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "extractor/page_image.hpp"
#include "job/convert.hpp"
#include "job/review.hpp"
#include "test_files.hpp"

namespace {

namespace fs = std::filesystem;
using poa::test::read_file;

constexpr const char* kSamplePdf = "fixtures/pdf/sample_secretaria_planeacion/input.pdf";
// The bundled sample (`make demo`): its page is input-2.html beside the PDF's input.html.
constexpr const char* kSampleText = "fixtures/text/sample/sample_secretaria_planeacion/input.txt";
// A scan read by OCR with values to doubt (a signature over the last row); its own report.
constexpr const char* kScan = "fixtures/pdf/scans/wrapped_cells_dark_copy_stamp/input.pdf";

std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

bool have_chromium() {
  return std::system("command -v chromium >/dev/null 2>&1") == 0;
}

class ReviewBrowserTest : public testing::Test {
 protected:
  // One report for every test of the suite: the sample PDF, a hostile text dump, the sample dump.
  static void SetUpTestSuite() {
    if (have_chromium()) make_report({kSamplePdf, "hostil.txt", kSampleText});
  }
  // The report of `inputs` (a bare name is a file of the suite's folder) in DIR/informe.
  static void make_report(const std::vector<fs::path>& inputs) {
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("poa_review_browser_" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    std::string hostile = poa::test::kCleanPoa;
    hostile.replace(
        hostile.find("Bacheo de calles"), 16,
        "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">");
    hostile.replace(hostile.find("Secretaría de Obras"), 20,
                    "\"><svg onload=\"document.title='pwned'\">");
    std::ofstream(*dir_ / "hostil.txt", std::ios::binary) << hostile;
    poa::job::ReviewJob job;
    for (const fs::path& input : inputs)
      job.inputs.push_back(input.has_parent_path() ? input : *dir_ / input);
    job.output = *dir_ / "informe";
    std::ostringstream err;
    code_ = static_cast<int>(poa::job::run(job, err));
  }
  static void TearDownTestSuite() {
    if (dir_ == nullptr) return;
    fs::remove_all(*dir_);
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override {
    if (!have_chromium())
      GTEST_SKIP() << "chromium no está instalado (scripts/setup-deps.sh --test lo instala)";
    ASSERT_EQ(code_, 0);
  }

  // Chromium headless on a page of the report, with its own profile and a time limit.
  static std::string chromium(const std::string& args, const std::string& page) {
    const fs::path profile = *dir_ / ("perfil-" + std::to_string(++runs_));
    const std::string cmd =
        "timeout 90 chromium --headless --disable-gpu --no-sandbox "
        "--no-first-run --disable-extensions --user-data-dir=" +
        shell_quote(profile.string()) + " " + args + " " +
        shell_quote("file://" + fs::absolute(*dir_ / "informe" / page).string()) + " 2>/dev/null";
    return poa::test::run_command(cmd);
  }

  static fs::path* dir_;
  static int code_;
  static int runs_;
};

fs::path* ReviewBrowserTest::dir_ = nullptr;
int ReviewBrowserTest::code_ = -1;
int ReviewBrowserTest::runs_ = 0;

std::size_t count(const std::string& text, const std::regex& re) {
  return static_cast<std::size_t>(
      std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator()));
}

// No request leaves the report: the CSP allows only its own files, and every URL a page names
// is relative, to a file of the report (nothing with a scheme or a host).
void expect_only_own_files(const std::string& dom, const fs::path& report) {
  ASSERT_NE(dom.find("</html>"), std::string::npos) << "no DOM";
  EXPECT_NE(dom.find("Content-Security-Policy\" content=\"default-src 'none'"), std::string::npos);
  const std::regex url(R"re((?:src|href)="([^"]*)")re");
  for (auto it = std::sregex_iterator(dom.begin(), dom.end(), url); it != std::sregex_iterator();
       ++it) {
    const std::string u = (*it)[1].str();
    EXPECT_FALSE(std::regex_search(u, std::regex("^[a-zA-Z][a-zA-Z0-9+.-]*:|^//"))) << u;
    if (u.empty() || u[0] == '#') continue;
    EXPECT_TRUE(fs::exists(report / u)) << u;
  }
}

TEST_F(ReviewBrowserTest, DomHasSectionsWarningsLinksAndOnlyOwnFiles) {
  const std::string dom = chromium("--dump-dom", "input.html");
  expect_only_own_files(dom, *dir_ / "informe");
  // The report's own script loaded from file:// under the page's CSP ('self').
  EXPECT_NE(dom.find("data-enlazado=\"si\""), std::string::npos) << dom.substr(0, 400);
  EXPECT_EQ(
      count(dom,
            std::regex("<section class=\"accion\" id=\"accion-[0-9]+\" data-accion=\"[0-9]+\"")),
      8U);
  EXPECT_EQ(count(dom, std::regex("data-codigo=\"ORPHAN_ROWS\"")), 3U);
  EXPECT_GE(count(dom, std::regex("data-codigo=\"INVESTMENT_SUM_MISMATCH\"")), 3U);
  EXPECT_NE(dom.find("<a href=\"index.html\">"), std::string::npos);
  EXPECT_GT(count(dom, std::regex("<rect class=\"caja[^\"]*\" data-ref=\"r[0-9]+\"")), 400U);
  // The text dump's page links its values to the cells of its source lines.
  const std::string text = chromium("--dump-dom", "input-2.html");
  expect_only_own_files(text, *dir_ / "informe");
  EXPECT_NE(text.find("data-enlazado=\"si\""), std::string::npos);
  EXPECT_EQ(count(text, std::regex("<section class=\"accion\"")), 8U);
  EXPECT_EQ(count(text, std::regex("data-codigo=\"ORPHAN_ROWS\"")), 3U);
  EXPECT_GT(count(text, std::regex("<span class=\"celda\" data-ref=\"l[0-9]+c[0-9]+\"")), 300U);
  const std::string index = chromium("--dump-dom", "index.html");
  expect_only_own_files(index, *dir_ / "informe");
  EXPECT_NE(index.find("<a href=\"input.html\">"), std::string::npos);
  EXPECT_NE(index.find("<a href=\"hostil.html\">"), std::string::npos);
  EXPECT_NE(index.find("<a href=\"input-2.html\">"), std::string::npos);
  EXPECT_EQ(count(index, std::regex("<svg class=\"grafica\"")), 2U);
}

TEST_F(ReviewBrowserTest, HostileCellRunsNothing) {
  const std::string dom = chromium("--dump-dom --virtual-time-budget=2000", "hostil.html");
  expect_only_own_files(dom, *dir_ / "informe");
  // Each payload would set the title; it is still the report's, and the payloads are text.
  EXPECT_NE(dom.find("<title>Revisión — "), std::string::npos);
  EXPECT_EQ(dom.find("pwned</title>"), std::string::npos);
  EXPECT_NE(dom.find("&lt;script&gt;document.title='pwned'&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(dom.find("\"&gt;&lt;svg onload=\"document.title='pwned'\"&gt;"), std::string::npos);
  EXPECT_EQ(count(dom, std::regex("<script")), 1U);
  EXPECT_EQ(count(dom, std::regex("<img ")), 0U);  // a text dump has no page image
  EXPECT_EQ(count(dom, std::regex(R"(<[^>]*\son[a-z]+=)")), 0U);
}

// A report of the scan alone (OCR costs seconds: the other tests do without it).
class ReviewBrowserScanTest : public ReviewBrowserTest {
 protected:
  static void SetUpTestSuite() {
    if (have_chromium()) make_report({kScan});
  }
};

// On a scan's page (one report run for both checks, OCR being slow):
// - values read by OCR with low confidence stand out by more than colour: a class, a visible
//   mark, their confidence in the tooltip and in words; their boxes are dashed; each
//   LOW_CONFIDENCE of the page about a value (not a column label read loosely) is on one such
//   value;
// - the keyboard reaches every box (each in the tab order, with a name), and a box with the focus
//   lights its value: the report focuses the box #caja-rN names, as Tab onto it would.
TEST_F(ReviewBrowserScanTest, MarksDoubtfulValuesAndBoxesTakeTheFocus) {
  // One browser run (they cost seconds): the page opened on #caja-r7.
  const std::string dom = chromium("--dump-dom --virtual-time-budget=2000", "input.html#caja-r7");
  expect_only_own_files(dom, *dir_ / "informe");
  // A column label read loosely (its LOW_CONFIDENCE is about the column, not a value) is on
  // no value.
  const std::size_t column_labels = count(
      dom, std::regex("data-codigo=\"LOW_CONFIDENCE\" role=\"note\"><span "
                      "class=\"codigo\">\\[LOW_CONFIDENCE\\]</span> [^<]*encabezado de columna"));
  const std::size_t warnings =
      count(dom, std::regex("data-codigo=\"LOW_CONFIDENCE\"")) - column_labels;
  EXPECT_GE(warnings, 1U);
  const std::regex marked(
      "<span class=\"(?:valor|vacio) baja-confianza\"[^>]* data-confianza=\"0\\.[0-9]{2}\" "
      "title=\"leído por OCR con confianza baja \\(0\\.[0-9]{2}\\)[^\"]*\">[^<]*"
      "<span class=\"duda\" aria-hidden=\"true\">\\?</span><span class=\"lector\"> "
      "\\(leído por OCR con confianza baja \\(0\\.[0-9]{2}\\)");
  EXPECT_EQ(count(dom, marked), warnings) << dom.substr(dom.find("<main"), 4000);
  EXPECT_GE(count(dom, std::regex("<rect class=\"caja con-aviso baja-confianza\"")), 1U);
  EXPECT_GT(count(dom, std::regex("<span class=\"valor\" tabindex")), 50U);  // read surely

  const std::size_t boxes = count(dom, std::regex("<rect class=\"caja"));
  EXPECT_GT(boxes, 50U);
  EXPECT_EQ(count(dom, std::regex("<rect class=\"caja[^\"]*\" data-ref=\"r[0-9]+\" tabindex=\"0\" "
                                  "role=\"button\" aria-label=\"[^\"]+\"")),
            boxes);
  EXPECT_NE(dom.find("data-enlazado=\"si\""), std::string::npos);
  EXPECT_EQ(count(dom, std::regex("<rect class=\"caja[^\"]* resaltado\" data-ref=\"r7\"")), 1U);
  EXPECT_EQ(count(dom, std::regex("<span class=\"valor[^\"]* resaltado\" tabindex=\"0\" "
                                  "data-ref=\"r7\"")),
            1U);
  EXPECT_EQ(count(dom, std::regex("resaltado")), 2U);  // nothing else lit
}

// ARGB pixel of a cairo image surface.
struct Pixel {
  int r, g, b;
};

// What is wrong with the screenshot `shot` of the sample's page: the first action's boxes, where
// the model puts them, each with a box-coloured edge and ink (its words) inside; `checked` counts
// the boxes looked at. Empty when all sit on their words.
std::vector<std::string> misplaced_boxes(const fs::path& shot, const poa::Document& doc,
                                         int& checked) {
  checked = 0;
  cairo_surface_t* s = cairo_image_surface_create_from_png(shot.c_str());
  if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(s);
    return {"no screenshot"};
  }
  const int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
  const int stride = cairo_image_surface_get_stride(s);
  const unsigned char* data = cairo_image_surface_get_data(s);
  auto at = [&](int x, int y) {
    if (x < 0 || y < 0 || x >= w || y >= h) return Pixel{255, 255, 255};
    const auto v = *reinterpret_cast<const std::uint32_t*>(data + y * stride + x * 4);
    return Pixel{static_cast<int>((v >> 16) & 255), static_cast<int>((v >> 8) & 255),
                 static_cast<int>(v & 255)};
  };
  // The page image's frame: its 2px border is the one teal of the stylesheet (#008080).
  int top = -1, left = -1, right = -1;
  for (int y = 0; y < h && top < 0; ++y) {
    int first = -1, last = -1;
    for (int x = 0; x < w; ++x) {
      const Pixel p = at(x, y);
      if (p.r == 0 && p.g == 128 && p.b == 128) {
        if (first < 0) first = x;
        last = x;
      }
    }
    if (first >= 0 && last - first > 200) top = y, left = first, right = last;
  }
  std::vector<std::string> wrong;
  if (top < 0) wrong.push_back("no page frame in the screenshot");
  const poa::extractor::PageRenderer pdf(kSamplePdf, std::nullopt);
  const double scale = (right - left + 1 - 4) / pdf.page_size(1).first;
  const double x0 = left + 2, y0 = top + 2;
  for (const poa::ValueSource& src : doc.actions.front().sources) {
    if (top < 0 || !src.box || src.origin.page != 1) continue;
    const int bx0 = static_cast<int>(x0 + (src.box->x0 - 1) * scale);
    const int by0 = static_cast<int>(y0 + (src.box->y0 - 1) * scale);
    const int bx1 = static_cast<int>(x0 + (src.box->x1 + 1) * scale);
    const int by1 = static_cast<int>(y0 + (src.box->y1 + 1) * scale);
    bool edge = false;
    for (int y = by0 - 2; y <= by0 + 2 && !edge; ++y) {
      const Pixel p = at((bx0 + bx1) / 2, y);
      edge = (p.b > 150 && p.r < 110 && p.b > p.g + 40) || (p.r > 150 && p.g < 110 && p.b < 90);
    }
    int ink = 0;
    for (int y = by0 + 2; y < by1 - 1; ++y)
      for (int x = bx0 + 2; x < bx1 - 1; ++x) {
        // Text: grey to black (the boxes' tint and strokes are coloured, the paper white).
        const Pixel p = at(x, y);
        if (p.r < 170 && std::abs(p.r - p.g) < 30 && std::abs(p.g - p.b) < 30) ++ink;
      }
    ++checked;
    if (!edge || ink < 3)
      wrong.push_back(src.field + " at " + std::to_string(bx0) + "," + std::to_string(by0) + "–" +
                      std::to_string(bx1) + "," + std::to_string(by1) + (edge ? "" : " no edge") +
                      " ink " + std::to_string(ink));
  }
  cairo_surface_destroy(s);
  return wrong;
}

TEST_F(ReviewBrowserTest, ScreenshotShowsEachBoxOnItsWords) {
  const poa::Document doc = poa::job::convert_file(kSamplePdf);
  ASSERT_FALSE(doc.actions.empty());
  const fs::path shot = *dir_ / "pantalla.png";
  // The screenshot waits for the page image: its decoding="async" lets the compositor draw the
  // frame without it and decode it later (on a busy machine, after the shot: no words in any
  // box, 4 shots in 50). With checker-imaging off every image is decoded for the frame it is in,
  // and each frame runs raster and draw before it is taken.
  fs::remove(shot);
  chromium(
      "--hide-scrollbars --force-device-scale-factor=1 --window-size=2400,1400 "
      "--run-all-compositor-stages-before-draw --disable-checker-imaging "
      "--virtual-time-budget=8000 --screenshot=" +
          shell_quote(shot.string()),
      "input.html");
  int checked = 0;
  const std::vector<std::string> wrong = misplaced_boxes(shot, doc, checked);
  for (const std::string& w : wrong) ADD_FAILURE() << w;
  EXPECT_GE(checked, 8);
}

}  // namespace
