// PDF files written from their objects' bodies, numbered from 1 in order, with a correct xref
// table and object 1 as the catalog. Shared by tests that build small PDFs in memory and by
// fuzz/fuzz_page_content.cpp, whose inputs must reach a page's content, not poppler's repair of
// a damaged file.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace poa::test {

inline std::string pdf_of_objects(const std::vector<std::string>& objects) {
  std::string out = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  offsets.reserve(objects.size());
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t offset : offsets) {
    const std::string number = std::to_string(offset);
    out += std::string(10 - number.size(), '0') + number + " 00000 n \n";
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

// A one-page PDF (612 x 792 pt) whose content stream is `content`, with `resources` (a
// dictionary's inside) and these extra objects (numbered from 5).
inline std::string one_page_pdf(const std::string& content, const std::string& resources,
                                const std::vector<std::string>& extra = {}) {
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << " + resources +
          " >> /Contents 4 0 R >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream"};
  objects.insert(objects.end(), extra.begin(), extra.end());
  return pdf_of_objects(objects);
}

}  // namespace poa::test
