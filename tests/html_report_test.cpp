// The review report (poa review / convert --format html): escaping, structure, output rules.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "exporters/html/html_text.hpp"
#include "job/review.hpp"
#include "test_files.hpp"

namespace {

namespace fs = std::filesystem;
using poa::job::ExitCode;
using poa::test::read_file;

constexpr const char* kSamplePdf = "fixtures/pdf/sample_secretaria_planeacion/input.pdf";
constexpr const char* kSampleText = "fixtures/text/sample/sample_secretaria_planeacion/input.txt";

// kCleanPoa with hostile cells: a script in the activity, an attribute break-out in the
// secretaría, a javascript: URL in the meta.
std::string hostile_poa() {
  std::string poa = poa::test::kCleanPoa;
  auto replace = [&](const std::string& from, const std::string& to) {
    poa.replace(poa.find(from), from.size(), to);
  };
  replace("Bacheo de calles", "<script>document.title='pwned'</script>");
  replace("Secretaría de Obras", "\"><svg onload=document.title='pwned'>");
  replace("Bachear 100 calles", "<a href=\"javascript:alert(1)\">x</a>' onmouseover='x");
  return poa;
}

struct Outcome {
  ExitCode code;
  std::string err;
};

Outcome review(const std::vector<fs::path>& inputs, const fs::path& out) {
  poa::job::ReviewJob job;
  job.inputs = inputs;
  job.output = out;
  std::ostringstream err;
  const ExitCode code = poa::job::run(job, err);
  return {code, err.str()};
}

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(HtmlEscapeTest, EveryMarkupCharacterBecomesAReference) {
  struct Case {
    const char* in;
    const char* escaped;
  };
  const Case cases[] = {
      {"plain Secretaría", "plain Secretaría"},
      {"<script>x</script>", "&lt;script&gt;x&lt;/script&gt;"},
      {"\"><svg onload=f()>", "&quot;&gt;&lt;svg onload=f()&gt;"},
      {"a & b ' c", "a &amp; b &#39; c"},
      {"nul\x01"
       "bell\x07",
       "nulbell"},
  };
  for (const Case& c : cases) EXPECT_EQ(poa::exporters::html::escape(c.in), c.escaped) << c.in;
}

TEST(HtmlEscapeTest, OwnUrlsArePercentEncoded) {
  struct Case {
    const char* in;
    const char* url;
  };
  const Case cases[] = {
      {"mun001/poa.html", "mun001/poa.html"},
      {"javascript:alert(1).html", "javascript%3Aalert%281%29.html"},
      {"a b\"<c>.html", "a%20b%22%3Cc%3E.html"},
      {"año.html", "a%C3%B1o.html"},
  };
  for (const Case& c : cases) EXPECT_EQ(poa::exporters::html::url_path(c.in), c.url) << c.in;
}

class ReviewReportTest : public testing::Test {
 protected:
  void SetUp() override { dir_ = poa::test::fresh_test_dir("poa_review"); }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path write(const std::string& name, const std::string& content) {
    std::ofstream(dir_ / name, std::ios::binary) << content;
    return dir_ / name;
  }
  fs::path dir_;
};

TEST_F(ReviewReportTest, HostileCellsShowAsTextAndNoHandlerOrScriptIsWritten) {
  const fs::path input = write("hostil.txt", hostile_poa());
  const Outcome r = review({input}, dir_ / "out");
  ASSERT_EQ(r.code, ExitCode::kOk) << r.err;
  const std::string page = read_file(dir_ / "out" / "hostil.html");
  EXPECT_NE(page.find("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"),
            std::string::npos);
  EXPECT_NE(page.find("&quot;&gt;&lt;svg onload=document.title=&#39;pwned&#39;&gt;"),
            std::string::npos);
  for (const fs::path& f : {dir_ / "out" / "hostil.html", dir_ / "out" / "index.html"}) {
    const std::string html = read_file(f);
    SCOPED_TRACE(f.string());
    // The only script element is our own file; no tag carries an on… handler or a URL scheme.
    EXPECT_EQ(occurrences(html, "<script"), 1U);
    EXPECT_NE(html.find("<script src=\"poa-revision.js\" defer></script>"), std::string::npos);
    EXPECT_FALSE(std::regex_search(html, std::regex(R"(<[^>]*\son[a-z]+\s*=)", std::regex::icase)));
    EXPECT_FALSE(std::regex_search(html, std::regex(R"((href|src)="[a-z]+:)", std::regex::icase)));
    EXPECT_EQ(html.find("style="), std::string::npos);  // the CSP allows no inline style
    EXPECT_NE(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                        "'none'; img-src 'self'; style-src 'self'; script-src 'self'"),
              std::string::npos);
  }
}

TEST_F(ReviewReportTest, SampleHasOneSectionPerActionAndEachWarningOnItsValue) {
  for (const char* input : {kSampleText, kSamplePdf}) {
    SCOPED_TRACE(input);
    const fs::path out = dir_ / fs::path(input).extension().string().substr(1);
    const Outcome r = review({input}, out);
    ASSERT_EQ(r.code, ExitCode::kOk) << r.err;
    const std::string page = read_file(out / "input.html");
    EXPECT_EQ(occurrences(page, "<section class=\"accion\""), 8U);
    EXPECT_NE(page.find("data-accion=\"4\""), std::string::npos);
    // ORPHAN_ROWS sits on its activity row, INVESTMENT_SUM_MISMATCH on the action's investment.
    EXPECT_TRUE(std::regex_search(
        page,
        std::regex(R"(<td data-campo="actividad"[^>]*>(?:(?!</td>).)*data-codigo="ORPHAN_ROWS")")));
    EXPECT_TRUE(std::regex_search(
        page,
        std::regex(
            R"(<dd data-campo="inversion_aproximada" class="con-aviso">(?:(?!</dd>).)*data-codigo="INVESTMENT_SUM_MISMATCH")")));
    // Every value linked to a source has its partner (a box or a source line) on the page.
    const std::regex ref(R"re(class="valor" tabindex="0" data-ref="([a-z0-9]+)")re");
    std::size_t linked = 0;
    for (auto it = std::sregex_iterator(page.begin(), page.end(), ref);
         it != std::sregex_iterator(); ++it, ++linked) {
      const std::string partner = "data-ref=\"" + (*it)[1].str() + "\"";
      EXPECT_GE(occurrences(page, partner), 2U) << partner;
    }
    EXPECT_GT(linked, 400U);
    const std::string index = read_file(out / "index.html");
    EXPECT_NE(index.find("<a href=\"input.html\">"), std::string::npos);
    EXPECT_NE(index.find("<li data-codigo=\"ORPHAN_ROWS\">ORPHAN_ROWS: 3</li>"), std::string::npos);
    EXPECT_NE(index.find("id=\"por-secretaria\""), std::string::npos);
    EXPECT_NE(index.find("id=\"por-mes\""), std::string::npos);
  }
  // The PDF's pages its actions are on, one PNG each.
  const std::string png = read_file(dir_ / "pdf" / "input-paginas" / "p0001.png");
  EXPECT_EQ(png.substr(0, 8), "\x89PNG\r\n\x1a\n");
  EXPECT_NE(read_file(dir_ / "pdf" / "input.html").find("loading=\"lazy\""), std::string::npos);
  EXPECT_NE(read_file(dir_ / "pdf" / "input.html")
                .find("src=\"input-paginas/p0001.png\" loading=\"eager\""),
            std::string::npos);
}

TEST_F(ReviewReportTest, RefusedInputIsListedInTheIndexWithItsCode) {
  const fs::path good = write("bueno.txt", poa::test::kCleanPoa);
  const fs::path bad = write("notas.txt", "una nota\tsin tabla\notra\tlínea\n");
  const Outcome r = review({good, bad}, dir_ / "out");
  EXPECT_EQ(r.code, ExitCode::kInputFailed) << r.err;
  const std::string index = read_file(dir_ / "out" / "index.html");
  EXPECT_NE(index.find("<tr data-codigo=\"NOT_A_POA\"><th scope=\"row\">" + bad.string()),
            std::string::npos)
      << index;
  EXPECT_FALSE(fs::exists(dir_ / "out" / "notas.html"));
}

TEST_F(ReviewReportTest, OutputFolderRulesAreConvertsOwn) {
  const fs::path a = write("a.txt", poa::test::kCleanPoa);
  const fs::path b = write("b.txt", poa::test::kCleanPoa);
  const fs::path out = dir_ / "out";
  ASSERT_EQ(review({a}, out).code, ExitCode::kOk);
  EXPECT_EQ(review({a}, out).code, ExitCode::kOk);  // its own files: replaced
  const std::string manifest = read_file(out / "manifest.csv");
  EXPECT_NE(manifest.find("a.html; index.html; poa-revision.css; poa-revision.js"),
            std::string::npos)
      << manifest;
  // Another input's run would rewrite the index that lists a: refused, nothing touched.
  const std::string index = read_file(out / "index.html");
  const Outcome other = review({b}, out);
  EXPECT_EQ(other.code, ExitCode::kUsage);
  EXPECT_NE(
      other.err.find("index.html es de la revisión de entradas que esta corrida no convierte"),
      std::string::npos)
      << other.err;
  EXPECT_EQ(read_file(out / "index.html"), index);
  EXPECT_FALSE(fs::exists(out / "b.html"));
  // A page no run recorded is foreign.
  const fs::path foreign = dir_ / "ajena";
  fs::create_directories(foreign);
  std::ofstream(foreign / "a.html") << "mía";
  EXPECT_EQ(review({a}, foreign).code, ExitCode::kUsage);
  EXPECT_EQ(read_file(foreign / "a.html"), "mía");
  // `-o -` cannot hold a folder; no temporary file is ever left behind.
  EXPECT_EQ(review({a}, "-").code, ExitCode::kUsage);
  for (const auto& e : fs::recursive_directory_iterator(out))
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
}

}  // namespace
