// Workbooks built by the test: each kind of cell read as the spreadsheet shows it; hostile
// workbooks refused with their reason, within bounded time and memory; the SIPOT templates
// (workbooks that are not POAs) refused as such without harm.
#include <gtest/gtest.h>
#include <minizip/zip.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "extractor/source.hpp"
#include "job/convert.hpp"
#include "model/diagnostic.hpp"

namespace poa {
namespace {

namespace fs = std::filesystem;

// An entry whose bytes are written by `write` (called with a function that appends bytes), so a
// large part is streamed into the zip rather than held by the test.
struct Part {
  std::string name;
  std::function<void(const std::function<void(std::string_view)>&)> write;
};

Part part(std::string name, std::string text) {
  return Part{std::move(name), [text = std::move(text)](const auto& put) { put(text); }};
}

void write_zip(const fs::path& path, const std::vector<Part>& parts) {
  zipFile zf = zipOpen64(path.string().c_str(), APPEND_STATUS_CREATE);
  ASSERT_NE(zf, nullptr);
  for (const Part& p : parts) {
    zip_fileinfo zi{};
    ASSERT_EQ(zipOpenNewFileInZip64(zf, p.name.c_str(), &zi, nullptr, 0, nullptr, 0, nullptr,
                                    Z_DEFLATED, 1, 1),
              ZIP_OK);
    p.write([&](std::string_view bytes) {
      zipWriteInFileInZip(zf, bytes.data(), static_cast<unsigned>(bytes.size()));
    });
    zipCloseFileInZip(zf);
  }
  zipClose(zf, nullptr);
}

constexpr const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

// A one-sheet XLSX whose sheet XML is `sheet`, plus `extra` parts.
std::vector<Part> xlsx(std::string sheet, std::vector<Part> extra = {}) {
  std::vector<Part> parts = {
      part("xl/workbook.xml",
           std::string("<workbook xmlns=\"") + kMain +
               "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
               "relationships\"><sheets><sheet name=\"POA\" sheetId=\"1\" r:id=\"rId1\"/>"
               "</sheets></workbook>"),
      part("xl/_rels/workbook.xml.rels",
           "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
           "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
           "2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
      part("xl/worksheets/sheet1.xml", std::move(sheet)),
  };
  for (Part& p : extra) parts.push_back(std::move(p));
  return parts;
}

std::string sheet_with(const std::string& inside) {
  return std::string("<worksheet xmlns=\"") + kMain + "\">" + inside + "</worksheet>";
}

std::vector<Part> ods(const std::string& table) {
  return {part("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
          part("content.xml",
               "<office:document-content "
               "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
               "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
               "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body>"
               "<office:spreadsheet><table:table table:name=\"POA\">" +
                   table +
                   "</table:table></office:spreadsheet></office:body>"
                   "</office:document-content>")};
}

// Every kind of cell of SpreadsheetML, as the sheet shows it.
TEST(WorkbookCellsTest, ReadAsTheSheetShowsThem) {
  const std::string sheet = sheet_with(
      "<cols><col min=\"3\" max=\"3\" hidden=\"1\"/></cols><sheetData>"
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"B2\" t=\"b\"><v>1</v></c>"
      "<c r=\"C2\" t=\"inlineStr\"><is><t>oculta</t></is></c>"
      "<c r=\"D2\" t=\"e\"><v>#DIV/0!</v></c><c r=\"E2\" t=\"str\"><f>A2&amp;\"x\"</f>"
      "<v>Dosx</v></c><c r=\"F2\"><f>SUM(G2:H2)</f></c><c r=\"G2\" s=\"1\"><v>1234.5</v></c>"
      "<c r=\"H2\" s=\"2\"><v>0</v></c><c r=\"I2\" s=\"3\"><v>1</v></c>"
      "<c r=\"J2\" t=\"inlineStr\"><is><r><rPr><b/></rPr><t>rico </t></r><r><t>texto_x000D_"
      "fin</t></r><rPh><t>ルビ</t></rPh></is></c><c r=\"K2\" t=\"s\"><v>99</v></c></row>"
      "<row r=\"3\" hidden=\"1\"><c r=\"A3\" t=\"s\"><v>0</v></c></row>"
      "<row r=\"5\"><c r=\"B5\" t=\"s\"><v>0</v></c></row></sheetData>"
      "<mergeCells><mergeCell ref=\"B5:E6\"/></mergeCells>"
      "<rowBreaks><brk id=\"3\" man=\"1\"/></rowBreaks>");
  std::vector<Part> parts = xlsx(
      sheet,
      {part("xl/sharedStrings.xml", std::string("<sst xmlns=\"") + kMain +
                                        "\"><si><t>Uno</t></si><si><t>Dos</t></si></sst>"),
       part("xl/styles.xml", std::string("<styleSheet xmlns=\"") + kMain +
                                 "\"><numFmts><numFmt numFmtId=\"164\" formatCode=\"&quot;$&quot;"
                                 "#,##0.00\"/></numFmts><cellXfs><xf numFmtId=\"0\"/>"
                                 "<xf numFmtId=\"164\"/><xf numFmtId=\"9\"/><xf numFmtId=\"14\"/>"
                                 "</cellXfs></styleSheet>")});
  // The workbook's relationships name the shared strings and the styles.
  parts[1] =
      part("xl/_rels/workbook.xml.rels",
           "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
           "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
           "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
           "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
           "relationships/sharedStrings\" Target=\"/xl/sharedStrings.xml\"/>"
           "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
           "relationships/styles\" Target=\"styles.xml\"/></Relationships>");
  const fs::path file = fs::temp_directory_path() / ("poa_cells_" + std::to_string(::getpid()));
  write_zip(file, parts);
  const auto reader = extractor::open_source(file);
  std::vector<std::string> rows;
  while (const auto row = reader->next()) {
    std::string line =
        std::to_string(row->line) + (row->kind == RowKind::kPageBreak ? " salto" : "");
    for (const Cell& c : row->cells) {
      line += " " + std::to_string(c.column) + (c.span > 1 ? "+" + std::to_string(c.span) : "") +
              "=" + c.text;
    }
    rows.push_back(line);
  }
  EXPECT_EQ(reader->info().type, SourceType::kXlsx);
  EXPECT_EQ(rows, (std::vector<std::string>{
                      "2 0=Dos 1=VERDADERO 3=#DIV/0! 4=Dosx 6=$1,234.50 7=0% 8=01/01/1900 "
                      "9=rico texto fin",
                      "5 salto", "5 1+4=Uno"}));
  const std::vector<Diagnostic> notes = reader->reader_diagnostics();
  ASSERT_EQ(notes.size(), 1U);
  EXPECT_EQ(notes[0].code, DiagnosticCode::kHiddenContentSkipped);
  EXPECT_EQ(notes[0].message,
            "hoja «POA»: no se leyeron celdas con texto ocultas en la fila 3 y en la columna C; "
            "muéstrelas si son parte del POA");
  fs::remove(file);
}

struct HostileCase {
  const char* name;
  const char* file;  // its name decides nothing: the content does
  std::function<std::vector<Part>()> parts;
  DiagnosticCode code;
  const char* says;  // a piece of the message
};

long max_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

TEST(WorkbookSafetyTest, HostileWorkbooksAreRefusedWithinBounds) {
  const std::vector<HostileCase> cases = {
      {"zip bomb: 80 MiB of spaces inflated from a few KiB", "bomb.xlsx",
       [] {
         std::vector<Part> parts = xlsx("");
         parts[2].write = [](const auto& put) {
           put("<worksheet><sheetData>");
           const std::string mib(std::size_t{1} << 20, ' ');
           for (int i = 0; i < 80; ++i) put(mib);
           put("</sheetData></worksheet>");
         };
         return parts;
       },
       DiagnosticCode::kFileUnreadable, "demasiado grande"},
      {"billion laughs", "laughs.xlsx",
       [] {
         std::string dtd = "<!DOCTYPE worksheet [<!ENTITY a \"ha\">";
         for (char c = 'b'; c <= 'k'; ++c) {
           const std::string prev(1, static_cast<char>(c - 1));
           dtd += std::string("<!ENTITY ") + c + " \"&" + prev + ";&" + prev + ";&" + prev + ";&" +
                  prev + ";&" + prev + ";&" + prev + ";&" + prev + ";&" + prev + ";\">";
         }
         dtd += "]>";
         return xlsx(dtd + sheet_with("<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
                                      "<is><t>&k;</t></is></c></row></sheetData>"));
       },
       DiagnosticCode::kFileUnreadable, "DOCTYPE"},
      {"cell beyond column XFD", "wide.xlsx",
       [] {
         return xlsx(
             sheet_with("<sheetData><row r=\"1\"><c r=\"XFE1\" t=\"inlineStr\"><is><t>x"
                        "</t></is></c></row></sheetData>"));
       },
       DiagnosticCode::kFileUnreadable, "referencia de celda no válida «XFE1»"},
      {"row beyond 1,048,576", "tall.xlsx",
       [] { return xlsx(sheet_with("<sheetData><row r=\"1048577\"/></sheetData>")); },
       DiagnosticCode::kFileUnreadable, "fila fuera de la cuadrícula"},
      {"row number overflowing int", "overflow.xlsx",
       [] { return xlsx(sheet_with("<sheetData><row r=\"99999999999999999999\"/></sheetData>")); },
       DiagnosticCode::kFileUnreadable, "fila fuera de la cuadrícula"},
      {"merged range beyond the grid", "merge.xlsx",
       [] {
         return xlsx(
             sheet_with("<sheetData/><mergeCells><mergeCell ref=\"A1:XFE2\"/>"
                        "</mergeCells>"));
       },
       DiagnosticCode::kFileUnreadable, "rango combinado no válido"},
      {"macros", "book.xlsm",
       [] { return xlsx(sheet_with("<sheetData/>"), {part("xl/vbaProject.bin", "VBA")}); },
       DiagnosticCode::kWorkbookRefused, "macros"},
      {"two entries of one name", "twice.xlsx",
       [] { return xlsx(sheet_with("<sheetData/>"), {part("xl/worksheets/sheet1.xml", "<x/>")}); },
       DiagnosticCode::kFileUnreadable, "nombre repetido"},
      {"more entries than a workbook has", "many.xlsx",
       [] {
         std::vector<Part> parts = xlsx(sheet_with("<sheetData/>"));
         for (int i = 0; i < 10'001; ++i) parts.push_back(part("x/" + std::to_string(i), ""));
         return parts;
       },
       DiagnosticCode::kFileUnreadable, "demasiadas partes"},
      {"ods: a text cell repeated over the whole grid", "repeat.ods",
       [] {
         return ods(
             "<table:table-row table:number-rows-repeated=\"1048576\"><table:table-cell "
             "table:number-columns-repeated=\"16384\"><text:p>x</text:p></table:table-cell>"
             "</table:table-row>");
       },
       DiagnosticCode::kFileUnreadable, "celdas con texto"},
      {"ods: spans nested 100,000 deep", "deep.ods",
       [] {
         std::string p;
         for (int i = 0; i < 100'000; ++i) p += "<text:span>";
         p += "x";
         for (int i = 0; i < 100'000; ++i) p += "</text:span>";
         return ods("<table:table-row><table:table-cell><text:p>" + p +
                    "</text:p></table:table-cell></table:table-row>");
       },
       DiagnosticCode::kNotAPoa, "no parece un POA"},
      {"ods: encrypted", "secret.ods",
       [] {
         std::vector<Part> parts = ods("");
         parts.push_back(part("META-INF/manifest.xml",
                              "<manifest:manifest><manifest:file-entry><manifest:encryption-data/>"
                              "</manifest:file-entry></manifest:manifest>"));
         return parts;
       },
       DiagnosticCode::kWorkbookRefused, "cifrado"},
  };
  const fs::path dir =
      fs::temp_directory_path() / ("poa_workbook_safety_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  for (const HostileCase& c : cases) {
    const fs::path file = dir / c.file;
    write_zip(file, c.parts());
    const auto start = std::chrono::steady_clock::now();
    try {
      job::convert_file(file);
      ADD_FAILURE() << c.name << ": converted";
    } catch (const InputError& e) {
      EXPECT_EQ(e.diagnostic().code, c.code) << c.name << ": " << e.what();
      EXPECT_NE(e.diagnostic().message.find(c.says), std::string::npos)
          << c.name << ": " << e.diagnostic().message;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 10.0) << c.name;
    fs::remove(file);
  }
  fs::remove_all(dir);
  // The caps (64 MiB a part, 1,000,000 cells) keep the whole run well under this.
  EXPECT_LT(max_rss_mib(), 600) << "peak memory";
}

// The SIPOT upload templates are real workbooks from outside: read as inputs they are refused
// for what they are, not a crash.
TEST(WorkbookSafetyTest, SipotTemplatesAreNotPoas) {
  const fs::path templates = fs::path(POA_SOURCE_DIR) / "tests/pnt/templates";
  int seen = 0;
  for (const auto& entry : fs::directory_iterator(templates)) {
    if (entry.path().extension() != ".xlsx") continue;
    ++seen;
    try {
      job::convert_file(entry.path());
      ADD_FAILURE() << entry.path() << " converted";
    } catch (const InputError& e) {
      EXPECT_EQ(e.diagnostic().code, DiagnosticCode::kNotAPoa) << e.what();
    }
  }
  EXPECT_GT(seen, 0);
}

}  // namespace
}  // namespace poa
