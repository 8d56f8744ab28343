// Refused inputs: every fixture with an expected_error.txt must fail with exactly that line; and
// every diagnostic code must be triggered by some fixture.
#include <gtest/gtest.h>

#include "test_files.hpp"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "job/convert.hpp"
#include "model/diagnostic.hpp"

namespace poa {
namespace {

namespace fs = std::filesystem;
using job::convert_file;
using job::ConvertOptions;

std::string read_text(const fs::path& p) {
  std::string s = test::read_file(p);
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

// The case folders under fixtures/ that hold a file named `marker`, as paths relative to the repo.
std::vector<fs::path> case_dirs_with(const std::string& marker) {
  std::vector<fs::path> dirs;
  for (const auto& e : fs::recursive_directory_iterator("fixtures")) {
    if (e.path().filename() == marker) dirs.push_back(e.path().parent_path());
  }
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

// `input.*` in a case folder; found without following links (a dangling one is a fixture too).
fs::path input_of(const fs::path& dir) {
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().stem() == "input") return e.path();
  }
  return {};
}

class ErrorFixtureTest : public testing::TestWithParam<fs::path> {};

TEST_P(ErrorFixtureTest, RefusedWithTheExpectedLine) {
  const fs::path dir = GetParam();
  const fs::path input = input_of(dir);
  ASSERT_FALSE(input.empty()) << "no input.* in " << dir;
  ConvertOptions options;
  if (fs::exists(dir / "password.txt")) options.password = read_text(dir / "password.txt");
  try {
    convert_file(input, options);
    FAIL() << input << " was converted; expected: " << read_text(dir / "expected_error.txt");
  } catch (const InputError& e) {
    EXPECT_EQ(format_diagnostic(e.diagnostic()), read_text(dir / "expected_error.txt"));
    EXPECT_EQ(e.diagnostic().severity, Severity::kError);
  }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, ErrorFixtureTest,
                         testing::ValuesIn(case_dirs_with("expected_error.txt")),
                         [](const testing::TestParamInfo<fs::path>& info) {
                           std::string name = info.param.string();
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

// Each code in the one table of codes is produced by at least one fixture: an expected.json that
// contains it, or an expected_error.txt that ends with it.
TEST(DiagnosticCoverageTest, EveryCodeHasAFixture) {
  std::set<std::string> seen;
  for (const fs::path& dir : case_dirs_with("expected.json")) {
    const std::string json = read_text(dir / "expected.json");
    for (DiagnosticCode code : kAllDiagnosticCodes) {
      if (json.find("\"" + std::string(code_name(code)) + "\"") != std::string::npos) {
        seen.insert(std::string(code_name(code)));
      }
    }
  }
  for (const fs::path& dir : case_dirs_with("expected_error.txt")) {
    const std::string line = read_text(dir / "expected_error.txt");
    for (DiagnosticCode code : kAllDiagnosticCodes) {
      if (line.find("[" + std::string(code_name(code)) + "]") != std::string::npos) {
        seen.insert(std::string(code_name(code)));
      }
    }
  }
  // LOW_CONFIDENCE fires where Tesseract is unsure, which moves with its build: the scans that
  // trigger it are kept as expected.todo.json until they convert exactly (ocr_confidence_test
  // checks the rule itself).
  for (const fs::path& dir : case_dirs_with("expected.todo.json")) {
    const std::string json = read_text(dir / "expected.todo.json");
    const std::string name(code_name(DiagnosticCode::kLowConfidence));
    if (json.find("\"" + name + "\"") != std::string::npos) seen.insert(name);
  }
  for (DiagnosticCode code : kAllDiagnosticCodes) {
    EXPECT_TRUE(seen.count(std::string(code_name(code))))
        << code_name(code) << " has no fixture that triggers it";
  }
}

}  // namespace
}  // namespace poa
