// Hostile SIPOT templates (issue 12, item 3): references past Excel's limits, ranges of billions
// of rows, parts that inflate past any real template, a sheet name that is a path, zip entries
// that climb out, DOCTYPEs. Each is refused with one Spanish line or filled quickly, and nothing
// is written outside the output's folder. The templates are made from the shared ones by
// tests/pnt/hostile_template.py (python's zipfile: no openpyxl needed).
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "exporters/pnt/xlsx_template.hpp"
#include "job/pnt.hpp"
#include "test_files.hpp"
#include "zip/xml.hpp"

namespace {

namespace fs = std::filesystem;
namespace pnt = poa::exporters::pnt;
using poa::job::ExitCode;

const fs::path kSource = POA_SOURCE_DIR;
const fs::path kTemplates = kSource / "tests/pnt/templates";
const fs::path kScript = kSource / "tests/pnt/hostile_template.py";

using poa::test::run_command;

enum class Outcome { kFilled, kRefused };

struct HostileCase {
  const char* name;  // a CASE of hostile_template.py
  const char* base;  // the shared template it is made from
  pnt::Fraccion fraccion;
  pnt::OutputFormat format;
  Outcome outcome;
  const char* says;  // in the refusal line
};

const char* kIV = "fraccion-iv-objetivos-y-metas-2022.xlsx";
const char* kV = "fraccion-v-indicadores-interes-publico-2022.xlsx";

const std::vector<HostileCase> kCases = {
    {"bad_ref", kV, pnt::Fraccion::kV, pnt::OutputFormat::kXlsx, Outcome::kFilled, ""},
    {"col_min", kV, pnt::Fraccion::kV, pnt::OutputFormat::kXlsx, Outcome::kFilled, ""},
    {"huge_range", kV, pnt::Fraccion::kV, pnt::OutputFormat::kXlsx, Outcome::kFilled, ""},
    {"huge_sqref", kV, pnt::Fraccion::kV, pnt::OutputFormat::kXlsx, Outcome::kFilled, ""},
    {"inflated_part", kV, pnt::Fraccion::kV, pnt::OutputFormat::kXlsx, Outcome::kRefused,
     "demasiado grande al descomprimirlo"},
    {"many_parts", kV, pnt::Fraccion::kV, pnt::OutputFormat::kXlsx, Outcome::kRefused,
     "demasiado grande al descomprimirlo"},
    {"big_shared_strings", kV, pnt::Fraccion::kV, pnt::OutputFormat::kXlsx, Outcome::kRefused,
     "demasiado grande al descomprimirlo"},
    {"sheet_path", kIV, pnt::Fraccion::kIV, pnt::OutputFormat::kCsv, Outcome::kFilled, ""},
    {"zip_slip", kV, pnt::Fraccion::kV, pnt::OutputFormat::kXlsx, Outcome::kFilled, ""},
    {"doctype", kV, pnt::Fraccion::kV, pnt::OutputFormat::kXlsx, Outcome::kFilled, ""},
};

// Every file under `root`, relative.
std::vector<std::string> all_files(const fs::path& root) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) out.push_back(fs::relative(e.path(), root).string());
  return out;
}

TEST(PntHostileTemplateTest, IsRefusedOrFilledQuicklyAndNothingEscapes) {
  if (run_command("python3 -c 'import zipfile' 2>/dev/null && echo ok") != "ok\n")
    GTEST_SKIP() << "python3 no está instalado";
  // root/made: the hostile templates; root/work/case/: one run each, output inside `out/`.
  const fs::path root = fs::temp_directory_path() / ("poa_hostile_" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "made");
  for (const char* base : {kIV, kV}) {
    std::string cmd = "python3 '" + kScript.string() + "' '" + (kTemplates / base).string() +
                      "' '" + (root / "made").string() + "'";
    for (const HostileCase& c : kCases)
      if (c.base == base) cmd += std::string(" ") + c.name;
    int status = -1;
    run_command(cmd, &status);
    ASSERT_EQ(status, 0) << cmd;
  }
  std::string to_inspect;
  for (const HostileCase& c : kCases) {
    SCOPED_TRACE(c.name);
    const fs::path work = root / "work" / c.name;
    fs::create_directories(work / "out");
    std::ofstream(work / "poa.txt") << poa::test::kCleanPoa;
    poa::job::PntJob job;
    job.inputs = {work / "poa.txt"};
    job.fraccion = c.fraccion;
    job.template_path = root / "made" / (std::string(c.name) + ".xlsx");
    job.format = c.format;
    job.output = work / "out" / (c.format == pnt::OutputFormat::kCsv ? "sipot.csv" : "sipot.xlsx");
    std::ostringstream err;
    const auto start = std::chrono::steady_clock::now();
    const ExitCode code = poa::job::run(job, err);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 15.0) << "bounded work";
    if (c.outcome == Outcome::kRefused) {
      EXPECT_EQ(code, ExitCode::kUsage) << err.str();
      EXPECT_NE(err.str().find(c.says), std::string::npos) << err.str();
      EXPECT_TRUE(fs::is_empty(work / "out"));
      continue;
    }
    EXPECT_NE(code, ExitCode::kUsage) << err.str();
    ASSERT_TRUE(fs::exists(job.output)) << err.str();
    // Nothing outside out/: the folder holds poa.txt and out/ only.
    for (const std::string& f : all_files(work))
      EXPECT_TRUE(f == "poa.txt" || f.rfind("out/", 0) == 0) << f;
    for (const std::string& f : all_files(work / "out"))
      EXPECT_EQ(f.find('/'), std::string::npos) << "a sub-table CSV named by a path: " << f;
    if (c.format == pnt::OutputFormat::kXlsx) to_inspect += " '" + job.output.string() + "'";
  }
  EXPECT_FALSE(fs::exists(root / "ESCAPED.csv"));
  EXPECT_FALSE(fs::exists(root / "work" / "ESCAPED.csv"));
  EXPECT_FALSE(fs::exists("/tmp/ESCAPED_ABS.txt"));
  // The filled packages: no entry that climbs out, no DOCTYPE, read by python's zipfile.
  const std::string listing =
      run_command("python3 '" + kScript.string() + "' --inspect" + to_inspect);
  EXPECT_NE(listing.find("xl/workbook.xml"), std::string::npos) << listing;
  EXPECT_EQ(listing.find("ESCAPED"), std::string::npos) << listing;
  EXPECT_EQ(listing.find("<!DOCTYPE"), std::string::npos) << listing;
  fs::remove_all(root);
}

// Cell references at and past Excel's limits, through the helpers the template reader shares
// with the workbook readers (zip/xml.hpp).
TEST(PntHostileTemplateTest, ColumnLettersStayWithinExcel) {
  EXPECT_EQ(poa::xml::column_letters(0), "A");
  EXPECT_EQ(poa::xml::column_letters(16383), "XFD");
}

}  // namespace
