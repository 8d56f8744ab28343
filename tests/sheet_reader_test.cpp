// The spreadsheet readers' pieces: number formats as cells show them, the CSV sniffer (which
// must leave every text dump to the text reader), cell names, and the choice of sheets.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "extractor/csv_reader.hpp"
#include "extractor/number_format.hpp"
#include "extractor/sheet_reader.hpp"
#include "extractor/source.hpp"
#include "model/diagnostic.hpp"

namespace poa::extractor {
namespace {

namespace fs = std::filesystem;

TEST(NumberFormatTest, RendersAsTheCellShows) {
  struct Case {
    const char* value;
    const char* format;
    const char* shown;
  };
  const std::vector<Case> cases = {
      {"10000", "\"$\"#,##0.00", "$10,000.00"},
      {"1234567.891", "\"$\"#,##0.00", "$1,234,567.89"},
      {"2.675", "0.00", "2.68"},  // rounded on decimal digits, not on the binary float
      {"0.30000000000000004", "General", "0.3"},
      {"12045", "", "12045"},
      {"1E-3", "General", "0.001"},
      {"0", "#,##0;-#,##0;\"-\"", "-"},
      {"1500", "#,##0;-#,##0;\"-\"", "1,500"},
      {"-1500", "#,##0;-#,##0;\"-\"", "-1,500"},
      {"-1500", "#,##0", "-1,500"},
      {"-1500", "#,##0;(#,##0)", "(1,500)"},
      {"0.25", "0%", "25%"},
      {"0.125", "0.0%", "12.5%"},
      {"60500", "[$$-80A]#,##0.00", "$60,500.00"},
      {"0", "_-\"$\"* #,##0.00_-;\\-\"$\"* #,##0.00_-;_-\"$\"* \"-\"??_-;_-@_-", " $ - "},
      {"250000", "_-\"$\"* #,##0.00_-;\\-\"$\"* #,##0.00_-;_-\"$\"* \"-\"??_-;_-@_-",
       " $ 250,000.00 "},
      {"1234.5", "#,##0.00\\ \"MXN\"", "1,234.50 MXN"},
      {"44927", "dd/mm/yyyy", "01/01/2023"},
      {"45291.5", "d-mmm-yy h:mm", "31-dic-23 12:00"},
      {"60", "dd/mm/yyyy", "29/02/1900"},
      {"2111", "0", "2111"},
      {"2111", "@", "2111"},
      {"no es número", "0.00", "no es número"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(render_number(c.value, c.format), c.shown) << c.value << " as " << c.format;
  }
  EXPECT_EQ(render_number("0", "dd/mm/yyyy", true), "01/01/1904");
  EXPECT_EQ(builtin_number_format(4), "#,##0.00");
  EXPECT_EQ(builtin_number_format(200), "");
}

TEST(CsvSniffTest, FindsSpreadsheetCsvs) {
  const std::string row = "a;b;c;d;e\r\n";
  struct Case {
    const char* name;
    std::string text;
    std::optional<char> separator;
  };
  const std::vector<Case> cases = {
      {"semicolons", row + row + row, ';'},
      {"commas with quoted commas", "x,\"$1,000.00\",y,z\n1,\"2,5\",3,4\n5,6,7,8\n", ','},
      {"sep line", "sep=;\r\nuno\r\n", ';'},
      {"quoted sep line", "\"sep=,\"\nuno\n", ','},
      {"tab dump stays text", "a\tb\tc\td\na\tb\tc\td\na\tb\tc\td\n", std::nullopt},
      {"prose with commas", "Uno, dos, tres, cuatro.\nCinco, seis.\nSiete.\n", std::nullopt},
      {"two columns only", "a;b\na;b\na;b\na;b\n", std::nullopt},
      {"empty", "", std::nullopt},
  };
  for (const Case& c : cases) {
    const std::optional<CsvDialect> d = sniff_csv(c.text);
    EXPECT_EQ(d ? std::optional<char>(d->separator) : std::nullopt, c.separator) << c.name;
  }
}

// Every text dump fixture stays a text dump: a CSV must not take what the text reader reads.
TEST(CsvSniffTest, NoTextFixtureIsTakenForCsv) {
  int seen = 0;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(POA_SOURCE_DIR) / "fixtures")) {
    if (e.path().filename() != "input.txt") continue;
    std::ifstream in(e.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_FALSE(sniff_csv(decode_to_utf8(bytes).utf8)) << e.path();
    ++seen;
  }
  EXPECT_GT(seen, 30);
}

TEST(SheetCellNameTest, QuotesNamesAsExcelDoes) {
  EXPECT_EQ(sheet_cell_name("Hoja1", 2, 7), "Hoja1!C7");
  EXPECT_EQ(sheet_cell_name("Acción 21", 0, 14), "'Acción 21'!A14");
  EXPECT_EQ(sheet_cell_name("O'Brien", 27, 1), "'O''Brien'!AB1");
  EXPECT_EQ(format_origin(Origin{"poa.xlsx", {}, 7, {}, "Hoja1!C7"}), "poa.xlsx:Hoja1!C7");
}

// --sheet by name or position; a missing one is refused naming the sheets there are.
TEST(SheetSelectionTest, ByNameOrPositionOrRefused) {
  const fs::path book =
      fs::path(POA_SOURCE_DIR) / "fixtures/sheets/xlsx-sheet-per-action-hidden/input.xlsx";
  auto sheets_read = [&](std::optional<std::string> sheet) {
    std::vector<std::string> out;
    const auto reader = open_source(book, OpenOptions{.sheet = std::move(sheet)});
    while (const auto row = reader->next()) {
      if (out.empty() || out.back() != row->sheet) out.push_back(row->sheet);
    }
    return out;
  };
  EXPECT_EQ(sheets_read(std::nullopt),
            (std::vector<std::string>{"Acción 21", "Acción 34", "Acción 7"}));
  EXPECT_EQ(sheets_read("Acción 34"), (std::vector<std::string>{"Acción 34"}));
  EXPECT_EQ(sheets_read("1"), (std::vector<std::string>{"Catálogos"}));  // hidden ones count
  EXPECT_EQ(sheets_read("4"), (std::vector<std::string>{"Acción 7"}));
  try {
    sheets_read("Resumen");
    ADD_FAILURE() << "an absent sheet was read";
  } catch (const InputError& e) {
    EXPECT_EQ(e.diagnostic().code, DiagnosticCode::kFileUnreadable);
    EXPECT_NE(e.diagnostic().message.find("no hay hoja «Resumen» en el libro; sus hojas son "
                                          "«Catálogos», «Acción 21», «Acción 34», «Acción 7»"),
              std::string::npos)
        << e.diagnostic().message;
  }
}

}  // namespace
}  // namespace poa::extractor
