// `pdftotext -layout` dumps: detection from the content (and never for the tab/markdown dumps),
// words on the character grid, and rows whose origins are the dump's physical lines.
#include "extractor/layout_text_reader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "extractor/source.hpp"

namespace poa::extractor {
namespace {

namespace fs = std::filesystem;

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << path;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A page as pdftotext -layout writes it: a title, label rows over value rows, a table.
const std::string kLayoutPage =
    "                        PROGRAMA OPERATIVO ANUAL 2022\n"
    "\n"
    "SECRETARÍA                     NOMBRE DE LA ACCIÓN            BENEFICIARIOS\n"
    "Secretaría de Planeación.      Acceso a la información        M 10 H 12\n"
    "PRINCIPIO RECTOR               NÚMERO DE ACCIÓN               META\n"
    "Capital de la Gobernanza                   4                  Subir 9 tablas\n"
    "  ACTIVIDAD        UNIDAD      ANUAL   ENE  FEB  MAR  ABR  MAY  JUN\n"
    "Dar contestación   Solicitud       5     -    1    -    1    -    1\n"
    "Recabar datos      Documento       4     1    -    -    1    -    -\n";

TEST(LayoutDumpDetectionTest, FromTheContentOfSmallSnippets) {
  struct Case {
    const char* name;
    std::string text;
    bool layout;
  };
  const std::vector<Case> cases = {
      {"layout page", kLayoutPage, true},
      {"layout pages split by a form feed", kLayoutPage + "\f" + kLayoutPage + "\f", true},
      {"layout page with CRLF",
       [] {
         std::string crlf;
         for (char c : kLayoutPage) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
         return crlf;
       }(),
       true},
      {"values indented under a second column",
       "NOMBRE          META\n"
       "                Subir tablas\n"
       "                de la plataforma\n"
       "ACTIVIDAD       UNIDAD\n"
       "Contestar       Solicitud\n",
       true},
      {"tab-separated dump",
       "## PROGRAMA OPERATIVO ANUAL 2022\n\n"
       "SECRETARÍA\t\tNOMBRE DE LA ACCIÓN\t\tBENEFICIARIOS\n"
       "Secretaría de Planeación\t\tAcceso\t\tM 10 H 12\n"
       "ACTIVIDAD\tUNIDAD\tANUAL\tENE\tFEB\n"
       "Dar contestación\tSolicitud\t5\t-\t1\n",
       false},
      {"tab-separated dump whose cells are padded with spaces",
       "ACTIVIDAD  \tUNIDAD    \tANUAL\n"
       "Contestar  \tSolicitud \t5\n"
       "Recabar    \tDocumento \t4\n"
       "Asistir    \tEvento    \t3\n",
       false},
      {"markdown pipe table padded with spaces",
       "| ACTIVIDAD   | UNIDAD     | ANUAL |\n"
       "|-------------|------------|-------|\n"
       "| Contestar   | Solicitud  | 5     |\n"
       "| Recabar     | Documento  | 4     |\n"
       "| Asistir     | Evento     | 3     |\n",
       false},
      {"prose with two spaces after full stops",
       "El programa se aprobó en enero.  Se publicó en febrero y se\n"
       "revisó en marzo.  Las dependencias enviaron sus datos a tiempo\n"
       "y sin errores.  El cabildo lo aprobó por unanimidad en la\n"
       "sesión ordinaria.\n",
       false},
      {"one column of text", "PROGRAMA OPERATIVO ANUAL\nSecretaría\nActividad\nMeta\n", false},
      {"empty", "", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(is_layout_dump(c.text), c.layout) << c.name;
  }
}

// Every tab or markdown dump among the fixtures stays with the text reader; every layout dump
// fixture is detected.
TEST(LayoutDumpDetectionTest, ExistingFixtures) {
  const fs::path root = fs::path(POA_SOURCE_DIR) / "fixtures";
  const fs::path layout_dumps = root / "text" / "layout_dumps";
  int tab_dumps = 0;
  int layout = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().filename() != "input.txt") continue;
    const DecodedText text = decode_to_utf8(read_bytes(entry.path()));
    const bool is_layout_fixture = entry.path().string().rfind(layout_dumps.string(), 0) == 0;
    EXPECT_EQ(is_layout_dump(text.utf8), is_layout_fixture) << entry.path();
    ++(is_layout_fixture ? layout : tab_dumps);
  }
  EXPECT_GT(tab_dumps, 30);
  EXPECT_GT(layout, 3);
}

// One word per run of non-spaces; columns counted in code points (`Í` is one column).
TEST(LayoutDumpWordsTest, OnTheCharacterGrid) {
  struct Case {
    const char* line;
    std::vector<std::string> words;  // "text@first column+length"
    int width;
  };
  const std::vector<Case> cases = {
      {"ACTIVIDAD   ÁREA RESPONSABLE", {"ACTIVIDAD@0+9", "ÁREA@12+4", "RESPONSABLE@17+11"}, 28},
      {"   $0.00 Número", {"$0.00@3+5", "Número@9+6"}, 15},
      {"\fSECRETARÍA", {"SECRETARÍA@0+10"}, 10},
      {"", {}, 0},
      {"    ", {}, 4},
  };
  const CharGrid grid;
  for (const Case& c : cases) {
    layout::PageWords page;
    const int width = add_dump_line(c.line, 3, grid, page);
    EXPECT_EQ(width, c.width) << c.line;
    std::vector<std::string> got;
    for (const layout::Word& w : page.words) {
      const double x0 = w.box.x0 + grid.word_padding;
      const double x1 = w.box.x1 - grid.word_padding;
      got.push_back(w.text + "@" + std::to_string(static_cast<int>(x0 / grid.char_width)) + "+" +
                    std::to_string(static_cast<int>((x1 - x0) / grid.char_width)));
      EXPECT_DOUBLE_EQ(w.box.y0, 3 * grid.line_height + (grid.line_height - grid.font_size) / 2);
      EXPECT_DOUBLE_EQ(w.box.y1 - w.box.y0, grid.font_size);
      EXPECT_DOUBLE_EQ(w.font_size, grid.font_size);
    }
    EXPECT_EQ(got, c.words) << c.line;
  }
}

std::vector<CellRow> read_all(RowReader& reader) {
  std::vector<CellRow> rows;
  while (auto row = reader.next()) rows.push_back(std::move(*row));
  EXPECT_FALSE(reader.next().has_value()) << "a finished reader stays finished";
  return rows;
}

// Two pages: rows keep the dump's physical lines, the break is numbered with the line that
// holds the form feed, and pages are counted from form feeds.
TEST(LayoutTextReaderTest, RowsPointAtTheDumpsLines) {
  const std::string text = kLayoutPage + "\f" + kLayoutPage + "\f";
  auto reader = make_layout_text_reader(decode_to_utf8(text), "abc", "poa.txt");
  const std::vector<CellRow> rows = read_all(*reader);
  ASSERT_FALSE(rows.empty());
  std::vector<std::string> got;
  for (const CellRow& row : rows) {
    EXPECT_FALSE(row.page_is_physical);
    std::string d = row.kind == RowKind::kPageBreak          ? "B"
                    : row.layout && row.layout->stands_out() ? "T"  // a line set apart
                                                             : "C";
    d += std::to_string(row.line) + "p" + std::to_string(row.page);
    if (!row.cells.empty()) d += "|" + row.cells.front().text;
    got.push_back(d);
  }
  const std::vector<std::string> expected = {
      "T1p1|PROGRAMA OPERATIVO ANUAL 2022",
      "C3p1|SECRETARÍA",
      "C4p1|Secretaría de Planeación.",
      "C5p1|PRINCIPIO RECTOR",
      "C6p1|Capital de la Gobernanza",
      "C7p1|ACTIVIDAD",
      "C7p1|ENE",  // the month labels: a row of their own, on the header's line
      "C8p1|Dar contestación",
      "C9p1|Recabar datos",
      "B10p2",
      "T10p2|PROGRAMA OPERATIVO ANUAL 2022",
      "C12p2|SECRETARÍA",
      "C13p2|Secretaría de Planeación.",
      "C14p2|PRINCIPIO RECTOR",
      "C15p2|Capital de la Gobernanza",
      "C16p2|ACTIVIDAD",
      "C16p2|ENE",
      "C17p2|Dar contestación",
      "C18p2|Recabar datos",
  };
  EXPECT_EQ(got, expected);
  const SourceInfo& info = reader->info();
  EXPECT_EQ(info.type, SourceType::kText);
  EXPECT_EQ(info.path, "poa.txt");
  EXPECT_EQ(info.sha256, "abc");
  EXPECT_EQ(info.encoding, "UTF-8");
  EXPECT_FALSE(info.pages.has_value());
}

// Lines of neighbouring cells that pdftotext interleaves (a label wrapped over two lines
// centred on its neighbour's one line, a value centred on its label's line) are read as the
// PDF had them: each cell's lines one pitch apart, the other cell's line between them. A row's
// line is the first line of its text.
TEST(LayoutTextReaderTest, InterleavedLinesOfNeighbouringCells) {
  struct Case {
    const char* name;
    std::string text;
    std::vector<std::string> rows;  // "line: cell | cell"
  };
  const std::vector<Case> cases = {
      {"a label wrapped around its neighbour's line",
       "                    NOMBRE DE\n"
       "SECRETARÍA                              BENEFICIARIOS\n"
       "                    LA ACCIÓN\n"
       "\n"
       "Instituto           Festival            M 10 H 12\n"
       "\n"
       "PRINCIPIO RECTOR    NÚMERO DE ACCIÓN    META\n"
       "\n"
       "Comunidad           7                   Realizar 1 festival\n",
       {"1: SECRETARÍA | NOMBRE DE LA ACCIÓN | BENEFICIARIOS",
        "5: Instituto | Festival | M 10 H 12", "7: PRINCIPIO RECTOR | NÚMERO DE ACCIÓN | META",
        "9: Comunidad | 7 | Realizar 1 festival"}},
      {"a value centred on its label's line, beside it",
       "SECRETARÍA          Planeación          META      Subir 9 tablas\n"
       "\n"
       "                                                  Establecer un documento rector\n"
       "PRINCIPIO RECTOR    Gobernanza          PROPÓSITO\n"
       "                                                  con el presupuesto asignado.\n",
       {"1: SECRETARÍA | Planeación | META | Subir 9 tablas",
        "3: PRINCIPIO RECTOR | Gobernanza | PROPÓSITO | Establecer un documento rector con el "
        "presupuesto asignado."}},
  };
  for (const Case& c : cases) {
    auto reader = make_layout_text_reader(decode_to_utf8(c.text), "", "poa.txt");
    std::vector<std::string> got;
    for (const CellRow& row : read_all(*reader)) {
      if (row.kind != RowKind::kCells) continue;
      std::string d = std::to_string(row.line) + ":";
      for (const Cell& cell : row.cells) d += (d.back() == ':' ? " " : " | ") + cell.text;
      got.push_back(d);
    }
    EXPECT_EQ(got, c.rows) << c.name;
  }
}

// open_source routes a layout dump to this reader whatever its encoding, and reports it.
TEST(LayoutTextReaderTest, OpenSourceDetectsALatin1Dump) {
  const std::string utf8 = read_bytes(fs::path(POA_SOURCE_DIR) /
                                      "fixtures/text/layout_dumps/full_month_names/input.txt");
  // UTF-8 -> Latin-1 (every letter of a Spanish POA is in its range).
  std::string bytes;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    if ((b == 0xC2 || b == 0xC3) && i + 1 < utf8.size()) {
      const auto next = static_cast<unsigned char>(utf8[++i]);
      bytes += static_cast<char>(((b & 0x1F) << 6) | (next & 0x3F));
    } else {
      bytes += utf8[i];
    }
  }
  const fs::path path = fs::temp_directory_path() / "poa_layout_dump_latin1.txt";
  std::ofstream(path, std::ios::binary) << bytes;
  auto reader = open_source(path);
  const std::vector<CellRow> rows = read_all(*reader);
  fs::remove(path);
  EXPECT_EQ(reader->info().encoding, "ISO-8859-1");
  ASSERT_FALSE(rows.empty());
  EXPECT_TRUE(std::any_of(rows.begin(), rows.end(), [](const CellRow& r) {
    return !r.cells.empty() && r.cells.front().text == "SECRETARÍA";
  }));
}

}  // namespace
}  // namespace poa::extractor
