// The text-dump reader: cell cleaning, titles, tab and pipe cells, page breaks, line numbers,
// encodings, and the real sample dump.
#include "extractor/text_reader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace poa::extractor {
namespace {

const std::string kDataDir = std::string(POA_SOURCE_DIR) + "/tests/data/text_reader/";

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << path;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<CellRow> read_all(RowReader& reader) {
  std::vector<CellRow> rows;
  while (auto row = reader.next()) rows.push_back(std::move(*row));
  EXPECT_FALSE(reader.next().has_value()) << "a finished reader stays finished";
  return rows;
}

// One row as a compact string, so expectations read like the input:
// `T3p1|PROGRAMA` (title at line 3, page 1), `C5p2|0=a|6=b` (cells), `B9p2` (page break).
std::string describe(const CellRow& row) {
  std::string out;
  switch (row.kind) {
    case RowKind::kTitle:
      out = "T";
      break;
    case RowKind::kCells:
      out = "C";
      break;
    case RowKind::kPageBreak:
      out = "B";
      break;
  }
  out += std::to_string(row.line) + "p" + std::to_string(row.page);
  for (const Cell& cell : row.cells) {
    if (row.kind == RowKind::kTitle) {
      out += "|" + cell.text;
    } else {
      out += "|" + std::to_string(cell.column) + "=" + cell.text;
    }
  }
  return out;
}

std::vector<std::string> describe_text(const std::string& text) {
  auto reader = make_text_reader(text, "prueba.txt");
  std::vector<std::string> out;
  for (const CellRow& row : read_all(*reader)) {
    // Invariants every row must keep, whatever the case.
    EXPECT_FALSE(row.page_is_physical);
    EXPECT_FALSE(row.box.has_value());
    EXPECT_TRUE(std::is_sorted(row.cells.begin(), row.cells.end(),
                               [](const Cell& a, const Cell& b) { return a.column < b.column; }));
    for (const Cell& cell : row.cells) {
      EXPECT_FALSE(cell.text.empty());
      EXPECT_EQ(cell.span, 1);
      EXPECT_FALSE(cell.box.has_value());
    }
    if (row.kind == RowKind::kPageBreak) {
      EXPECT_TRUE(row.cells.empty());
    }
    if (row.kind == RowKind::kTitle) {
      EXPECT_EQ(row.cells.size(), 1u);
    }
    out.push_back(describe(row));
  }
  return out;
}

struct CleanCase {
  std::string raw;
  std::string expected;
};

TEST(CleanTextCellTest, Cases) {
  const std::vector<CleanCase> cases = {
      {"", ""},
      {"   \t ", ""},
      {"  Dpto. Seguimiento  ", "Dpto. Seguimiento"},
      // Markdown escapes.
      {"\\$10,000.00", "$10,000.00"},
      {"\\*\\_\\#\\|\\\\\\`\\[\\]\\(\\)\\<\\>\\-\\.\\!\\+\\{\\}", "*_#|\\`[]()<>-.!+{}"},
      {"C:\\Users\\poa", "C:\\Users\\poa"},  // not an escape: kept
      {"fin\\", "fin\\"},
      {"\\\\$", "\\$"},  // an escaped backslash, then a plain `$`
      // Tags.
      {"<b>PARTIDA PRESUPUESTAL</b>", "PARTIDA PRESUPUESTAL"},
      {"<B>Meta</B>", "Meta"},
      {"Línea 1<br>Línea 2", "Línea 1 Línea 2"},
      {"uno<br/>dos<br />tres<BR>cuatro", "uno dos tres cuatro"},
      {"uno <br> dos", "uno  dos"},  // no second space is added; the normaliser collapses runs
      {"<br>Meta<br>", "Meta"},
      {"<span class=\"x\">Meta</span>", "Meta"},
      {"<span title='a > b'>Meta</span>", "Meta"},
      {"<p>uno</p><p>dos</p>", "uno dos"},
      {"<o:p></o:p>Acción", "Acción"},
      {"a<!-- nota -->b", "ab"},
      {"<font face=\"Arial\" size=2>Planeación.</font>", "Planeación."},
      // `<` that does not start a tag is text.
      {"a < b", "a < b"},
      {"<5 años", "<5 años"},
      {"<= 3", "<= 3"},
      {"<NOMBRE>", "<NOMBRE>"},
      {"<b sin cierre", "<b sin cierre"},
      {"\\<b\\>negrita", "<b>negrita"},
      // Entities.
      {"Obras &amp; Servicios", "Obras & Servicios"},
      {"&lt;b&gt;", "<b>"},  // decoded text is not parsed again as a tag
      {"&quot;Capital&quot; &#39;x&#39;", "\"Capital\" 'x'"},
      {"&nbsp;Meta&nbsp;", "Meta"},
      {"a&nbsp;b", "a\u00A0b"},
      {"&#233;&#xF1;&#XD3;", "éñÓ"},
      {"2021 &#150; 2022", "2021 – 2022"},  // HTML reads 128–159 as Windows-1252
      {"Acci&oacute;n &ndash; &Aacute;rea", "Acción – Área"},
      {"&amp;amp;", "&amp;"},
      {"AT&T", "AT&T"},
      {"&bogus; &#; &#x; &#0; &#xD800; &#1114112;", "&bogus; &#; &#x; &#0; &#xD800; &#1114112;"},
      {"&amp", "&amp"},
      // Together.
      {" <b>\\$0.00</b>&nbsp;", "$0.00"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(clean_text_cell(c.raw), c.expected) << "raw: " << c.raw;
  }
}

struct ReaderCase {
  std::string name;
  std::string input;
  std::vector<std::string> expected;
};

TEST(TextReaderTest, Rows) {
  const std::vector<ReaderCase> cases = {
      {"empty", "", {}},
      {"only blanks", "\n\n\t\t\n  \n\n", {}},
      {"titles",
       "## PROGRAMA OPERATIVO ANUAL 2022\n"
       "# Uno\n"
       "###### Seis\n"
       "####### siete\n"
       "#sin espacio\n"
       "## Cerrado ##\n"
       "   ## Sangría\n"
       "## <b>Negrita</b> \\$5\n"
       "##\n"
       "\\# escapado\n"
       "## PROGRAMA\t\tANUAL\t\t\n"
       "\t## no es título\n",
       {"T1p1|PROGRAMA OPERATIVO ANUAL 2022", "T2p1|Uno", "T3p1|Seis", "C4p1|0=####### siete",
        "C5p1|0=#sin espacio", "T6p1|Cerrado", "T7p1|Sangría", "T8p1|Negrita $5",
        "C10p1|0=# escapado", "T11p1|PROGRAMA ANUAL", "C12p1|1=## no es título"}},
      {"spreadsheet-quoted cells over several lines",
       "\"Rehabilitación de\nalumbrado\"\tM 1 H 2\n"
       "\"\"\"Ciudad\"\"\"\t\"con\ttab\"\t3\n"
       "\"Capital\"\tliteral quotes stay\n"
       "\"never closed\tx\n"
       "next\n",
       {"C1p1|0=Rehabilitación de alumbrado|1=M 1 H 2", "C3p1|0=\"Ciudad\"|1=con\ttab|2=3",
        "C4p1|0=\"Capital\"|1=literal quotes stay", "C5p1|0=\"never closed|1=x", "C6p1|0=next"}},
      {"tabs with gaps",
       "a\t\t\tb\t \t<b></b>\tc\t\t\n"
       "\t\t\t\t\t\tENE\tFEB\n"
       "solo\n",
       {"C1p1|0=a|3=b|6=c", "C2p1|6=ENE|7=FEB", "C3p1|0=solo"}},
      {"pipe tables",
       "| ACTIVIDAD | ÁREA | |\n"
       "|---|:---:|--:|\n"
       "| Firma \\| contrato | Planeación. | \\$0.00 |\n"
       "  |a||b|  \n"
       "|solo\n"
       "|\n"
       "| - | 5 |\n",
       {"C1p1|0=ACTIVIDAD|1=ÁREA", "C3p1|0=Firma | contrato|1=Planeación.|2=$0.00", "C4p1|0=a|2=b",
        "C5p1|0=|solo", "C6p1|0=|", "C7p1|0=-|1=5"}},
      {"page breaks",
       "\n\n\nA\n\nB\n\n\nC\n\t\t\n \nD\n\n\n",
       {"C4p1|0=A", "C6p1|0=B", "B9p2", "C9p2|0=C", "B12p3", "C12p3|0=D"}},
      {"long run is one break", "A\n\n\n\n\n\n\n## T\n", {"C1p1|0=A", "B8p2", "T8p2|T"}},
      {"break numbered from a skipped separator",
       "A\n\n\n|---|\n| B |\n",
       {"C1p1|0=A", "B4p2", "C5p2|0=B"}},
      {"lines of tabs and tags are blank",
       "A\n\t\t\n<b></b>\t&nbsp;\nB\n",
       {"C1p1|0=A", "B4p2", "C4p2|0=B"}},
      {"line endings", "a\r\nb\rc\n\r\nd", {"C1p1|0=a", "C2p1|0=b", "C3p1|0=c", "C5p1|0=d"}},
      {"lone CRs make a break", "x\r\r\ry\r", {"C1p1|0=x", "B4p2", "C4p2|0=y"}},
      {"CRLF blank run", "x\r\n\r\n\r\ny\r\n", {"C1p1|0=x", "B4p2", "C4p2|0=y"}},
      {"CRLF inside tabs", "a\tb\r\n", {"C1p1|0=a|1=b"}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(describe_text(c.input), c.expected) << c.name;
  }
}

TEST(TextReaderTest, InfoForUtf8Input) {
  const std::string text = "## PROGRAMA OPERATIVO ANUAL 2022\nSECRETARÍA\n";
  auto reader = make_text_reader(text, "carpeta/poa.txt");
  read_all(*reader);
  const SourceInfo& info = reader->info();
  EXPECT_EQ(info.path, "carpeta/poa.txt");
  EXPECT_EQ(info.type, SourceType::kText);
  EXPECT_EQ(info.encoding, "UTF-8");
  EXPECT_FALSE(info.pages.has_value());
  // `printf '## PROGRAMA OPERATIVO ANUAL 2022\nSECRETARÍA\n' | sha256sum`
  EXPECT_EQ(info.sha256, "28754301ddfe38fb7d0ab918df368bbb5a206a19e0a84067dfe7c832196ba37b");
}

struct FileCase {
  std::string file;
  std::string encoding;
  std::string sha256;  // of the file's bytes, from `sha256sum`
  std::vector<std::string> expected;
};

TEST(TextReaderTest, EncodedFiles) {
  const std::vector<FileCase> cases = {
      {"windows1252.txt",
       "windows-1252",
       "ebce66ac186cfe984d4584b0efa72e50c5f21485f425b31beda6e6061e65ec70",
       {"T3p1|Secretaría de Planeación – 2022", "C5p1|0=ACTIVIDAD|1=ÁREA RESPONSABLE|3=“INVERSIÓN”",
        "B8p2", "C8p2|0=Impresión del documento|2=Planeación.|3=$35,000.00"}},
      {"utf16le-bom.txt",
       "UTF-16LE",
       "44ea59d90042757025109e69b47a3d9191fcf644aa9cca87ea76ba1ff3e1db40",
       {"T1p1|PROGRAMA OPERATIVO ANUAL 2022", "C2p1|0=SECRETARÍA|3=NOMBRE DE LA ACCIÓN",
        "C3p1|0=Secretaría de Planeación.|3=Acceso a la información"}},
  };
  for (const auto& c : cases) {
    auto reader = make_text_reader(read_bytes(kDataDir + c.file), c.file);
    std::vector<std::string> rows;
    for (const CellRow& row : read_all(*reader)) rows.push_back(describe(row));
    EXPECT_EQ(rows, c.expected) << c.file;
    EXPECT_EQ(reader->info().encoding, c.encoding) << c.file;
    EXPECT_EQ(reader->info().sha256, c.sha256) << c.file;
  }
}

// The real dump (a copy of /work/shared/samples/poa-2022-secretaria-planeacion.txt). The counts
// were taken with awk, independently of the reader: 193 lines (the last unterminated), 139
// non-blank, 8 `## ` titles, 7 runs of 2+ blank lines between content (before lines 58, 83, 99,
// 121, 143, 154, 190).
TEST(TextReaderTest, RealSample) {
  const std::string path = kDataDir + "poa-2022-secretaria-planeacion.txt";
  auto reader = make_text_reader(read_bytes(path), path);
  const std::vector<CellRow> rows = read_all(*reader);

  EXPECT_EQ(rows.size(), 139u + 7u);
  std::vector<int> title_lines;
  std::vector<int> break_lines;
  for (const CellRow& row : rows) {
    if (row.kind == RowKind::kTitle) {
      title_lines.push_back(row.line);
      EXPECT_EQ(row.cells.at(0).text, "PROGRAMA OPERATIVO ANUAL 2022");
    }
    if (row.kind == RowKind::kPageBreak) break_lines.push_back(row.line);
  }
  EXPECT_EQ(title_lines, (std::vector<int>{13, 31, 64, 83, 99, 121, 154, 170}));
  EXPECT_EQ(break_lines, (std::vector<int>{58, 83, 99, 121, 143, 154, 190}));
  EXPECT_EQ(rows.front().line, 13);
  EXPECT_EQ(rows.back().line, 193);  // the last line has no terminator
  EXPECT_EQ(rows.back().page, 8);

  const auto at_line = [&](int line) -> const CellRow& {
    const auto it = std::find_if(rows.begin(), rows.end(), [&](const CellRow& r) {
      return r.line == line && r.kind != RowKind::kPageBreak;
    });
    EXPECT_NE(it, rows.end()) << line;
    return *it;
  };
  // Line 22: a tag around the label, cells at tab indexes 0, 6 and 8.
  EXPECT_EQ(describe(at_line(22)),
            "C22p1|0=3.5.1 Informar|6=Proveer de la información necesaria para contar con una "
            "administración transparente y rendición de cuentas.|8=PARTIDA PRESUPUESTAL");
  // Line 26: an activity row, every one of its 18 tab columns filled; `\$0.00` unescaped.
  const CellRow& activity = at_line(26);
  ASSERT_EQ(activity.cells.size(), 18u);
  for (int i = 0; i < 18; ++i) EXPECT_EQ(activity.cells[i].column, i);
  EXPECT_EQ(activity.cells[1].text, "Dpto. Seguimiento");
  EXPECT_EQ(activity.cells[3].text, "$0.00");
  EXPECT_EQ(activity.cells[4].text, "Número de solicitudes atendidas");
  EXPECT_EQ(activity.cells[17].text, "-");
  // After the break before line 58 the page is 2.
  EXPECT_EQ(at_line(58).page, 2);
  EXPECT_EQ(at_line(47).page, 1);

  EXPECT_EQ(reader->info().encoding, "UTF-8");
  EXPECT_EQ(reader->info().sha256,
            "7af3b715b4b461f6bd9e5fc2a8e1e1aaf33d17be7e7e0fb902c41f8e43af2850");
}

// The sample re-encoded (made with Python from the UTF-8 copy): every encoding and line-ending
// style must give exactly the rows of the UTF-8 original, line numbers and pages included.
TEST(TextReaderTest, SampleInOtherEncodingsGivesTheSameRows) {
  const auto rows_of = [](const std::string& file, std::string& encoding) {
    auto reader = make_text_reader(read_bytes(kDataDir + file), file);
    std::vector<CellRow> rows = read_all(*reader);
    encoding = reader->info().encoding;
    return rows;
  };
  std::string utf8_encoding;
  const std::vector<CellRow> expected =
      rows_of("poa-2022-secretaria-planeacion.txt", utf8_encoding);
  ASSERT_EQ(expected.size(), 146u);

  const std::vector<std::pair<std::string, std::string>> cases = {
      {"sample-latin1-crlf.txt", "ISO-8859-1"},
      {"sample-utf16le.txt", "UTF-16LE"},
      {"sample-utf8-bom-cr.txt", "UTF-8 (BOM)"},
  };
  for (const auto& [file, encoding] : cases) {
    std::string detected;
    EXPECT_EQ(rows_of(file, detected), expected) << file;
    EXPECT_EQ(detected, encoding) << file;
  }
}

}  // namespace
}  // namespace poa::extractor
