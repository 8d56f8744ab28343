// The batch's progress line: counts, rate, time left and the current file, cut to the width.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "job/progress.hpp"

namespace poa::job {
namespace {

// Code points of UTF-8 text.
std::size_t columns(const std::string& s) {
  std::size_t n = 0;
  for (const char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

TEST(ProgressTest, LineSaysCountsRateTimeLeftAndTheCurrentFile) {
  struct Case {
    std::size_t files, pages, width;
    std::size_t files_done, pages_done;
    std::string current;
    double elapsed;
    std::string line;
  };
  const std::vector<Case> cases = {
      {10, 400, 100, 3, 120, "mun003/poa.pdf", 10.0,
       "[3/10 archivos, 120/400 páginas, 12.0 pág/s, quedan 23 s] mun003/poa.pdf"},
      // Text dumps only: files are what is counted.
      {10, 0, 100, 3, 0, "a.txt", 10.0, "[3/10 archivos, 0.3 archivos/s, quedan 23 s] a.txt"},
      // Too early for a rate; nothing done yet.
      {10, 400, 100, 0, 0, "a.pdf", 0.2, "[0/10 archivos, 0/400 páginas] a.pdf"},
      // Minutes and hours.
      {2, 100000, 100, 0, 100, "", 10.0,
       "[0/2 archivos, 100/100000 páginas, 10.0 pág/s, quedan 2 h 46 min]"},
      {2, 1000, 100, 1, 100, "", 10.0,
       "[1/2 archivos, 100/1000 páginas, 10.0 pág/s, quedan 1 min 30 s]"},
      // A long name keeps its end, after an ellipsis, within the width.
      {1, 10, 40, 0, 0, "carpeta/muy/larga/de/municipios/año/poa.pdf", 0.0,
       "[0/1 archivos, 0/10 páginas] …ño/poa.pdf"},  // cut on a code point
  };
  for (const Case& c : cases) {
    std::ostringstream out;
    Progress progress(out, c.files, c.pages, c.width);
    for (std::size_t i = 0; i < c.files_done; ++i) progress.file_done();
    progress.pages_read(c.pages_done);
    if (!c.current.empty()) progress.file_started(c.current);
    const std::string line = progress.line(c.elapsed);
    EXPECT_EQ(line, c.line);
    EXPECT_LE(columns(line), c.width) << line;
  }
}

TEST(ProgressTest, PrintedLinesGoAboveTheLineAndTheSummaryClosesIt) {
  std::ostringstream out;
  {
    Progress progress(out, 2, 0);
    progress.print("a.txt: 1 acciones, 1 actividades, 0 avisos\n");
    progress.file_done();
    progress.finish(BatchTotals{1, 0, 1, 1, 1});
  }
  const std::string text = out.str();
  EXPECT_NE(text.find("\r\x1b[Ka.txt: 1 acciones, 1 actividades, 0 avisos\n"), std::string::npos)
      << text;
  const std::string summary =
      "1 convertidos, 0 con avisos, 1 rechazados; 1 acciones, 1 "
      "actividades, 0 páginas en ";
  ASSERT_NE(text.find(summary), std::string::npos) << text;
  // Nothing is drawn after the summary.
  EXPECT_TRUE(text.ends_with(" s\n")) << text;
  EXPECT_EQ(text.find('\r', text.find(summary)), std::string::npos) << text;
}

}  // namespace
}  // namespace poa::job
