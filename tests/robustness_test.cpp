// Damaged inputs never crash the pipeline: every mutation of a real fixture either converts or is
// refused with an InputError, and every diagnostic it yields names a code and a place.
#include <gtest/gtest.h>

#include "test_files.hpp"

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "exporters/csv_exporter.hpp"
#include "exporters/json_exporter.hpp"
#include "job/convert.hpp"

namespace poa {
namespace {

namespace fs = std::filesystem;
using job::convert_file;

std::string read_bytes(const fs::path& p) {
  return test::read_file(p);
}

// One random edit of the kinds real dumps and downloads suffer: lost or repeated lines, cells
// shifted by a tab, bytes cut off, a stray byte, swapped lines.
std::string mutate(std::string text, std::mt19937_64& rng) {
  auto pick = [&](std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(rng() % n); };
  const int edits = 1 + static_cast<int>(pick(6));
  for (int e = 0; e < edits && !text.empty(); ++e) {
    const std::size_t at = pick(text.size());
    const std::size_t line_start =
        text.rfind('\n', at) == std::string::npos ? 0 : text.rfind('\n', at) + 1;
    const std::size_t line_end =
        text.find('\n', at) == std::string::npos ? text.size() : text.find('\n', at) + 1;
    switch (pick(7)) {
      case 0:
        text.erase(line_start, line_end - line_start);
        break;  // lose a line
      case 1:
        text.insert(line_start, text.substr(line_start, line_end - line_start));
        break;
      case 2:
        text.insert(at, "\t");
        break;  // shift cells
      case 3:
        text.resize(at);
        break;  // truncated
      case 4:
        text[at] = static_cast<char>(rng() & 0xFF);
        break;  // stray byte
      case 5:
        text.insert(at, "\n\n\n");
        break;    // page break
      default: {  // swap lines
        const std::size_t other = pick(text.size());
        const std::size_t o_start =
            text.rfind('\n', other) == std::string::npos ? 0 : text.rfind('\n', other) + 1;
        if (o_start > line_end) {
          const std::string line = text.substr(line_start, line_end - line_start);
          text.insert(o_start, line);
          text.erase(line_start, line_end - line_start);
        }
      }
    }
  }
  return text;
}

class RobustnessTest : public testing::TestWithParam<std::string> {};

TEST_P(RobustnessTest, MutatedInputsConvertOrAreRefused) {
  const fs::path source = fs::path("fixtures") / GetParam();
  const std::string original = read_bytes(source);
  ASSERT_FALSE(original.empty()) << source;
  const fs::path dir = fs::temp_directory_path() / ("poa_robust_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::mt19937_64 rng(20221);
  const int rounds = source.extension() == ".pdf" ? 60 : 150;
  int converted = 0;
  int refused = 0;
  for (int round = 0; round < rounds; ++round) {
    const fs::path input = dir / ("case" + source.extension().string());
    std::ofstream(input, std::ios::binary) << mutate(original, rng);
    try {
      const Document doc = convert_file(input);
      // The exporters must cope with whatever came out.
      EXPECT_FALSE(exporters::to_json(doc).empty());
      exporters::actividades_csv(doc);
      for (const Diagnostic& d : doc.all_diagnostics()) {
        EXPECT_FALSE(d.message.empty()) << "round " << round;
        EXPECT_EQ(d.origin.file, input.string()) << "round " << round;
      }
      ++converted;
    } catch (const InputError& e) {
      EXPECT_EQ(e.diagnostic().severity, Severity::kError) << "round " << round;
      EXPECT_FALSE(e.diagnostic().message.empty());
      ++refused;
    } catch (const std::exception& e) {
      ADD_FAILURE() << "round " << round << " of " << source << ": unexpected exception "
                    << e.what();
    }
  }
  fs::remove_all(dir);
  // A line-level edit of a text dump is mild: most still read as POAs. A PDF's bytes are less
  // forgiving (a shifted xref makes it damaged), but some must still convert.
  if (source.extension() == ".pdf") {
    EXPECT_GT(converted, 0) << refused << " refused";
  } else {
    EXPECT_GT(converted, refused) << converted << " converted, " << refused << " refused";
  }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, RobustnessTest,
                         testing::Values("text/sample/sample_secretaria_planeacion/input.txt",
                                         "text/encodings/windows1252_dump/input.txt",
                                         "text/layout_dumps/sample_secretaria_planeacion/input.txt",
                                         "pdf/sample_secretaria_planeacion/input.pdf",
                                         "pdf/wrapped_cells/input.pdf"),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace poa
