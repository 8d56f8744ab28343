// The PDF reader on real files: refused inputs with their codes and messages, and the rows of
// the LibreOffice-exported fixture PDFs.
#include "extractor/pdf_reader.hpp"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "extractor/source.hpp"
#include "model/diagnostic.hpp"

namespace poa::extractor {
namespace {

namespace fs = std::filesystem;

const fs::path kRoot = POA_SOURCE_DIR;
const fs::path kErrors = kRoot / "fixtures" / "errors";  // <case>/input.pdf
const fs::path kSample = kRoot / "fixtures" / "pdf" / "sample_secretaria_planeacion" / "input.pdf";

std::vector<CellRow> read_all(const fs::path& path,
                              const std::optional<std::string>& password = std::nullopt) {
  auto reader = make_pdf_reader(path, password);
  std::vector<CellRow> rows;
  while (auto row = reader->next()) rows.push_back(std::move(*row));
  return rows;
}

bool is_month_label(const std::string& s) {
  static const std::set<std::string> kMonths = {"DIC",       "dic",       "Dic",
                                                "DICIEMBRE", "Diciembre", "diciembre"};
  return kMonths.count(s) > 0;
}

// Activity rows: a cell in the last month column (17) that is not the month's name.
int activity_rows(const std::vector<CellRow>& rows) {
  int n = 0;
  for (const CellRow& r : rows) {
    if (r.kind != RowKind::kCells || r.cells.empty()) continue;
    const Cell& last = r.cells.back();
    if (last.column == 17 && !is_month_label(last.text)) ++n;
  }
  return n;
}

struct ErrorCase {
  std::string file;
  std::optional<std::string> password;
  DiagnosticCode code;
  std::vector<std::string> message_parts;
};

TEST(PdfReaderTest, RefusedInputsSayWhy) {
  const std::string kEncrypted = "pdf_encrypted/input.pdf";
  const std::vector<ErrorCase> cases = {
      {kEncrypted, std::nullopt, DiagnosticCode::kPdfEncrypted, {"cifrado", "--password"}},
      {kEncrypted, "wrong", DiagnosticCode::kPdfEncrypted, {"no es correcta", "--password"}},
      {"pdf_damaged/input.pdf", std::nullopt, DiagnosticCode::kPdfDamaged, {"dañado o truncado"}},
      {"pdf_no_text/input.pdf", std::nullopt, DiagnosticCode::kPdfNoText, {"escaneo", "OCR"}},
  };
  for (const ErrorCase& c : cases) {
    SCOPED_TRACE(c.file + (c.password ? " with password " + *c.password : ""));
    const fs::path path = kErrors / c.file;
    ASSERT_TRUE(fs::exists(path));
    try {
      make_pdf_reader(path, c.password);
      ADD_FAILURE() << "no error";
    } catch (const InputError& e) {
      const Diagnostic& d = e.diagnostic();
      EXPECT_EQ(code_name(d.code), code_name(c.code));
      EXPECT_EQ(d.severity, Severity::kError);
      EXPECT_EQ(d.origin.file, path.string());
      for (const std::string& part : c.message_parts) {
        EXPECT_NE(d.message.find(part), std::string::npos) << d.message;
      }
    }
    // `poa inspect` refuses what cannot be opened, and shows a scan's empty pages.
    std::ostringstream out;
    if (c.code == DiagnosticCode::kPdfNoText) {
      inspect_pdf(path, c.password, std::nullopt, out);
      EXPECT_NE(out.str().find("sin texto"), std::string::npos) << out.str();
    } else {
      EXPECT_THROW(inspect_pdf(path, c.password, std::nullopt, out), InputError);
    }
  }
}

TEST(PdfReaderTest, EncryptedOpensWithItsPassword) {
  const std::vector<CellRow> rows = read_all(kErrors / "pdf_encrypted" / "input.pdf", "poa");
  ASSERT_FALSE(rows.empty());
  bool found = false;
  for (const CellRow& r : rows) {
    for (const Cell& c : r.cells)
      found = found || c.text.find("Comité Vecinal") != std::string::npos;
  }
  EXPECT_TRUE(found);
}

TEST(PdfReaderTest, ProseIsHandedOnWithoutTableRows) {
  // Not the reader's error: the recogniser says NOT_A_POA.
  const std::vector<CellRow> rows = read_all(kErrors / "not_a_poa_pdf" / "input.pdf");
  EXPECT_FALSE(rows.empty());
  EXPECT_EQ(activity_rows(rows), 0);
}

TEST(PdfReaderTest, SampleSourceInfoAndPages) {
  auto reader = make_pdf_reader(kSample, std::nullopt);
  int breaks = 0;
  int last_page = 1;
  while (auto row = reader->next()) {
    EXPECT_TRUE(row->page_is_physical);
    EXPECT_GE(row->line, 1);
    EXPECT_GE(row->page, last_page);
    last_page = row->page;
    if (row->kind == RowKind::kPageBreak) {
      ++breaks;
      EXPECT_EQ(row->line, 1);
      EXPECT_TRUE(row->cells.empty());
    } else {
      ASSERT_FALSE(row->cells.empty());
      for (std::size_t i = 0; i < row->cells.size(); ++i) {
        EXPECT_FALSE(row->cells[i].text.empty());
        EXPECT_TRUE(row->cells[i].box.has_value());
        if (i > 0) {
          EXPECT_LE(row->cells[i - 1].column, row->cells[i].column);
        }
      }
    }
  }
  const SourceInfo& info = reader->info();
  EXPECT_EQ(info.type, SourceType::kPdf);
  EXPECT_EQ(info.path, kSample.string());
  ASSERT_TRUE(info.pages.has_value());
  EXPECT_EQ(breaks, *info.pages - 1);
  EXPECT_EQ(last_page, *info.pages);
  EXPECT_EQ(info.encoding, "");
  std::ifstream in(kSample, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(info.sha256, sha256_hex(bytes));
}

// Header-block labels share the column of the values written under them.
TEST(PdfReaderTest, SampleLabelsAndValuesShareColumns) {
  const std::vector<CellRow> rows = read_all(kSample);
  int checked = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    for (const Cell& label : rows[i].cells) {
      // The value that follows each label in the sample: the first cell below it that matches.
      auto expect_below = [&](auto&& is_value) {
        for (std::size_t j = i + 1; j < rows.size() && j <= i + 3; ++j) {
          for (const Cell& v : rows[j].cells) {
            if (is_value(v.text)) {
              EXPECT_EQ(v.column, label.column)
                  << "p" << rows[i].page << " " << label.text << " / " << v.text;
              ++checked;
              return;
            }
          }
        }
      };
      if (label.text == "SECRETARÍA") {
        expect_below([](const std::string& t) { return t.rfind("Secretar", 0) == 0; });
      } else if (label.text == "BENEFICIARIOS") {
        expect_below([](const std::string& t) {
          return t.rfind("M", 0) == 0 && t.find('H') != std::string::npos;
        });
      } else if (label.text == "NÚMERO DE ACCIÓN") {
        expect_below([](const std::string& t) {
          return !t.empty() && t.size() <= 3 &&
                 t.find_first_not_of("0123456789") == std::string::npos;
        });
      } else if (label.text == "INVERSIÓN APROXIMADA") {
        expect_below([](const std::string& t) { return t.rfind("$", 0) == 0; });
      }
    }
  }
  EXPECT_GE(checked, 25);
}

int expected_activities(const fs::path& json_path) {
  std::ifstream in(json_path);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  rapidjson::Document doc;
  doc.Parse(text.c_str());
  if (doc.HasParseError() || !doc.HasMember("acciones")) return -1;
  int n = 0;
  for (const auto& a : doc["acciones"].GetArray()) {
    if (a.HasMember("actividades")) n += static_cast<int>(a["actividades"].GetArray().Size());
  }
  return n;
}

// One activity row per activity of every fixture PDF (wrapped cells, long tables over pages
// with and without repeated headers, legal paper, full month names, missing labels).
TEST(PdfReaderTest, OneRowPerActivityInEveryFixturePdf) {
  int cases = 0;
  for (const auto& entry : fs::directory_iterator(kRoot / "fixtures" / "pdf")) {
    const fs::path pdf = entry.path() / "input.pdf";
    const fs::path json = entry.path() / "expected.json";
    if (!fs::exists(pdf) || !fs::exists(json)) continue;
    SCOPED_TRACE(entry.path().filename().string());
    EXPECT_EQ(activity_rows(read_all(pdf)), expected_activities(json));
    ++cases;
  }
  EXPECT_GE(cases, 1);
}

TEST(PdfReaderTest, SampleHas49ActivityRows) {
  EXPECT_EQ(activity_rows(read_all(kSample)), 49);
}

TEST(PdfReaderTest, RotatedPageReadsLikeTheUprightOne) {
  const fs::path dir = kRoot / "fixtures" / "pdf" / "wrapped_cells";
  const std::vector<CellRow> a = read_all(dir / "input.pdf");
  const std::vector<CellRow> b = read_all(dir / "rotated_landscape.pdf");
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    ASSERT_EQ(a[i].cells.size(), b[i].cells.size()) << i;
    EXPECT_EQ(a[i].line, b[i].line);
    for (std::size_t k = 0; k < a[i].cells.size(); ++k) {
      EXPECT_EQ(a[i].cells[k].text, b[i].cells[k].text);
      EXPECT_EQ(a[i].cells[k].column, b[i].cells[k].column);
    }
  }
}

TEST(PdfReaderTest, InspectShowsOnePageDeterministically) {
  std::ostringstream first, second;
  inspect_pdf(kSample, std::nullopt, 3, first);
  inspect_pdf(kSample, std::nullopt, 3, second);
  const std::string text = first.str();
  EXPECT_EQ(text, second.str());
  EXPECT_NE(text.find("== página 3: 792.00 x 612.00 pt"), std::string::npos) << text;
  EXPECT_EQ(text.find("== página 2"), std::string::npos);
  EXPECT_NE(text.find("-- palabras"), std::string::npos);
  EXPECT_NE(text.find("-- líneas"), std::string::npos);
  // Page 3 continues page 2's table without a header: its columns are carried over.
  EXPECT_NE(text.find("-- columnas de la tabla (de la página anterior)"), std::string::npos);
  EXPECT_NE(text.find("c17 ["), std::string::npos);
  EXPECT_NE(text.find("p3:l1 (salto de página)"), std::string::npos);
  EXPECT_NE(text.find("[c0 \"Integración, revisión y corrección"), std::string::npos);
}

}  // namespace
}  // namespace poa::extractor
