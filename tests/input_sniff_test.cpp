// Picking inputs out of folders by content: PDFs and text dumps of a table are taken, the rest
// is skipped with a reason.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "extractor/source.hpp"

namespace poa::extractor {
namespace {

namespace fs = std::filesystem;

struct SniffCase {
  const char* name;
  std::string content;
  std::optional<std::string> reason;  // nullopt: taken
};

class InputSniffTest : public testing::TestWithParam<SniffCase> {};

TEST_P(InputSniffTest, TakesTablesAndPdfsOnly) {
  const SniffCase& c = GetParam();
  const fs::path file = fs::temp_directory_path() / (std::string("poa_sniff_") + c.name);
  std::ofstream(file, std::ios::binary) << c.content;
  const std::optional<std::string> reason = why_not_an_input(file);
  fs::remove(file);
  EXPECT_EQ(reason, c.reason);
}

const std::string kTabbedPoa =
    "## PROGRAMA OPERATIVO ANUAL 2023\n\nSECRETARÍA\t\tNOMBRE DE LA ACCIÓN\t\tBENEFICIARIOS\n"
    "Secretaría de Obras\t\tBacheo\t\tM 10 H 12\n"
    "ACTIVIDAD\tÁREA RESPONSABLE\tUNIDAD DE MEDIDA\n";

INSTANTIATE_TEST_SUITE_P(
    Files, InputSniffTest,
    testing::Values(
        SniffCase{"tabbed_dump", kTabbedPoa, std::nullopt},
        SniffCase{"pipe_table", "# POA\n\n| SECRETARÍA | META |\n|---|---|\n| Obras | 10 |\n",
                  std::nullopt},
        SniffCase{"pdf", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\nbinary\0stuff", std::nullopt},
        SniffCase{"utf16_dump",
                  std::string("\xFF\xFE"
                              "a\0\t\0b\0\t\0c\0\n\0a\0\t\0b\0\t\0c\0\n\0a\0\t\0b\0\t\0c\0\n\0",
                              38),
                  std::nullopt},
        SniffCase{"python", "import csv\n\ndef main():\n    print('ENE\\tFEB')\n",
                  "texto sin tabla"},
        SniffCase{"letter", "Estimado ciudadano:\nLe informamos que…\n", "texto sin tabla"},
        SniffCase{"csv_with_commas", "mes,ene,feb\n2023,1,2\n2024,3,4\n", "texto sin tabla"},
        SniffCase{"empty", "\n  \n", "vacío"},
        SniffCase{"png", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), "binario"}),
    [](const testing::TestParamInfo<SniffCase>& info) { return std::string(info.param.name); });

TEST(InputSniffTest, MissingFileCannotBeOpened) {
  EXPECT_EQ(why_not_an_input("/nonexistent/poa_sniff.txt"), "no se puede abrir");
}

}  // namespace
}  // namespace poa::extractor
