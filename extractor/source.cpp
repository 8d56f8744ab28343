// Opening an input and choosing its reader by content.
#include "extractor/source.hpp"

#include <openssl/evp.h>

#include <fstream>
#include <iterator>
#include <sstream>

#include "extractor/pdf_reader.hpp"
#include "extractor/text_reader.hpp"
#include "model/diagnostic.hpp"

namespace poa::extractor {

SourceType detect_source_type(std::string_view head) {
  const std::string_view window = head.substr(0, 1024);
  return window.find("%PDF-") != std::string_view::npos ? SourceType::kPdf : SourceType::kText;
}

std::optional<std::string> read_json_document(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  char c = 0;
  while (in.get(c) && (c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
  }
  if (!in || c != '{') return std::nullopt;
  in.seekg(0);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0xF];
  }
  return out;
}

namespace {

// An empty file or a binary one (an image, a .docx or .xlsx zip) gets a reason of its own rather
// than the recogniser's general "not a POA".
void refuse_if_not_text(std::string_view bytes, const Origin& origin) {
  const bool utf16 = bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                                           (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
  std::string_view content = bytes;
  if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
  if (content.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    throw InputError(diag::input_error(DiagnosticCode::kNotAPoa, "el archivo está vacío", origin));
  }
  if (!utf16 && bytes.substr(0, 4096).find('\0') != std::string_view::npos) {
    throw InputError(diag::input_error(
        DiagnosticCode::kNotAPoa,
        "no es un PDF ni un archivo de texto (contenido binario: ¿una imagen, un .docx o un "
        ".xlsx?); exporte el POA a PDF",
        origin));
  }
}

}  // namespace

std::unique_ptr<RowReader> open_source(const std::filesystem::path& path,
                                       const OpenOptions& options) {
  const Origin origin{path.string(), {}, {}, {}};
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw InputError(diag::input_error(DiagnosticCode::kFileUnreadable,
                                       "es una carpeta, no un archivo", origin));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError(
        diag::input_error(DiagnosticCode::kFileUnreadable, "no se puede abrir el archivo", origin));
  }
  char head[1024];
  in.read(head, sizeof head);
  const std::string_view head_view(head, static_cast<std::size_t>(in.gcount()));
  if (detect_source_type(head_view) == SourceType::kPdf) {
    in.close();
    return make_pdf_reader(path, options.password);
  }
  std::string bytes(head_view);
  bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) {
    throw InputError(
        diag::input_error(DiagnosticCode::kFileUnreadable, "error al leer el archivo", origin));
  }
  refuse_if_not_text(bytes, origin);
  return make_text_reader(std::move(bytes), path.string());
}

}  // namespace poa::extractor
