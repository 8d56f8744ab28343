// The object-number scan before poppler: hostile claims refused from a few bytes, real PDFs not.
#include "extractor/pdf_xref_check.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extractor/source.hpp"
#include "test_files.hpp"

namespace poa::extractor {
namespace {

namespace fs = std::filesystem;

TEST(PdfXrefCheckTest, ClaimsAreReadFromHeadersSubsectionsSizeAndIndex) {
  struct Case {
    const char* name;
    std::string bytes;
    std::uint64_t claimed;
  };
  const std::vector<Case> cases = {
      {"object header", "\n12 0 obj\n<< >>\nendobj\n", 13},
      {"endobj is no header", "x endobj 99", 0},
      {"subsection", "xref\n0 6\n0000000000 65535 f \n", 6},
      {"far subsection", "0000000009 00000 n \n10000000 1\r\n0000000009 00000 n \n", 10000001},
      {"two numbers without an entry below", "\n10000000 1\nBT ET\n", 0},
      {"trailer size", "trailer\n<< /Size 50000000 /Root 1 0 R >>", 50000000},
      {"sampled function size", "<< /FunctionType 0 /Size [2] >>", 0},
      {"xref stream index", "<< /Type /XRef /Index [0 6 30000000 2] /W [1 4 1] >>", 30000002},
      {"saturates", "<< /Size 999999999999999999999999999999 >>", std::uint64_t{1} << 62},
  };
  for (const Case& c : cases) EXPECT_EQ(claimed_objects(c.bytes), c.claimed) << c.name;
}

// A tiny PDF whose only page says "Hola", with `extra` before the trailer.
std::string tiny_pdf(const std::string& extra) {
  std::string out = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"};
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = out.size();
  out += "xref\n0 4\n0000000000 65535 f \n";
  for (std::size_t o : offsets) {
    std::string n = std::to_string(o);
    out += std::string(10 - n.size(), '0') + n + " 00000 n \n";
  }
  out += extra + "trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) +
         "\n%%EOF\n";
  return out;
}

TEST(PdfXrefCheckTest, HostileClaimIsRefusedBeforePopplerSeesIt) {
  const fs::path dir = test::fresh_test_dir("poa_xref");
  // Object 10,000,000 in a 400-byte file: poppler's table alone took 800 MB and 15 s.
  const fs::path hostile = dir / "far.pdf";
  std::ofstream(hostile, std::ios::binary) << tiny_pdf("10000000 1\n0000000009 00000 n \n");
  const std::optional<std::string> why = hostile_xref(hostile);
  ASSERT_TRUE(why.has_value());
  EXPECT_NE(why->find("dice tener 10000001 objetos en"), std::string::npos) << *why;
  try {
    open_source(hostile);
    FAIL() << "not refused";
  } catch (const InputError& e) {
    EXPECT_EQ(e.diagnostic().code, DiagnosticCode::kPdfDamaged);
    EXPECT_NE(std::string(e.what()).find("tabla de referencias"), std::string::npos);
  }
  const fs::path plain = dir / "plain.pdf";
  std::ofstream(plain, std::ios::binary) << tiny_pdf("");
  EXPECT_EQ(hostile_xref(plain), std::nullopt);
  fs::remove_all(dir);
}

TEST(PdfXrefCheckTest, EveryFixturePdfPasses) {
  int seen = 0;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(POA_SOURCE_DIR) / "fixtures")) {
    if (e.path().extension() != ".pdf") continue;
    ++seen;
    EXPECT_EQ(hostile_xref(e.path()), std::nullopt) << e.path();
  }
  EXPECT_GT(seen, 10);
}

}  // namespace
}  // namespace poa::extractor
