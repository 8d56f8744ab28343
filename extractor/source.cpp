// Opening an input and choosing its reader by content.
#include "extractor/source.hpp"

#include <openssl/evp.h>

#include <algorithm>

#include "extractor/encoding.hpp"
#include "extractor/input_file.hpp"
#include "extractor/layout_text_reader.hpp"
#include "extractor/pdf_reader.hpp"
#include "extractor/text_reader.hpp"
#include "model/diagnostic.hpp"

namespace poa::extractor {

SourceType detect_source_type(std::string_view head) {
  const std::string_view window = head.substr(0, 1024);
  return window.find("%PDF-") != std::string_view::npos ? SourceType::kPdf : SourceType::kText;
}

std::optional<std::string> read_json_document(const std::filesystem::path& path,
                                              std::uint64_t max_bytes) {
  std::optional<InputFile> in;
  try {
    in.emplace(InputFile::open(path, Origin{input_name(path), {}, {}, {}}, max_bytes));
  } catch (const InputError&) {
    return std::nullopt;  // open_source says why
  }
  const std::string head = in->read(4096);
  const std::size_t first = head.find_first_not_of(" \n\r\t");
  if (first == std::string::npos || head[first] != '{') return std::nullopt;
  return in->read_all(max_bytes);
}

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(std::size_t{length} * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0xF];
  }
  return out;
}

namespace {

enum class Content { kText, kEmpty, kBinary };

Content content_of(std::string_view bytes) {
  const bool utf16 = bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                                           (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
  std::string_view content = bytes;
  if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
  if (content.find_first_not_of(" \t\r\n") == std::string_view::npos) return Content::kEmpty;
  if (!utf16 && bytes.substr(0, 4096).find('\0') != std::string_view::npos) return Content::kBinary;
  return Content::kText;
}

// An empty file or a binary one (an image, a .docx or .xlsx zip) gets a reason of its own rather
// than the recogniser's general "not a POA".
void refuse_if_not_text(std::string_view bytes, const Origin& origin) {
  switch (content_of(bytes)) {
    case Content::kEmpty:
      throw InputError(
          diag::input_error(DiagnosticCode::kNotAPoa, "el archivo está vacío", origin));
    case Content::kBinary:
      throw InputError(diag::input_error(
          DiagnosticCode::kNotAPoa,
          "no es un PDF ni un archivo de texto (contenido binario: ¿una imagen, un .docx o un "
          ".xlsx?); exporte el POA a PDF",
          origin));
    case Content::kText:
      return;
  }
}

// A line of a table: two tabs or more, or a pipe-table row with two cells or more.
bool is_table_line(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
  if (std::count(line.begin(), line.end(), '\t') >= 2) return true;
  const std::size_t first = line.find_first_not_of(' ');
  return first != std::string_view::npos && line[first] == '|' && line.back() == '|' &&
         std::count(line.begin(), line.end(), '|') >= 3;
}

constexpr std::size_t kSniffBytes = std::size_t{64} * 1024;
constexpr int kMinTableLines = 3;

}  // namespace

std::optional<std::string> why_not_an_input(const std::filesystem::path& path) {
  std::string bytes;
  try {
    bytes = InputFile::open(path, Origin{path.string(), {}, {}, {}}).read(kSniffBytes);
  } catch (const InputError&) {
    return "no se puede abrir";
  }
  if (detect_source_type(bytes) == SourceType::kPdf) return std::nullopt;
  switch (content_of(bytes)) {
    case Content::kEmpty:
      return "vacío";
    case Content::kBinary:
      return "binario";
    case Content::kText:
      break;
  }
  const std::string text = decode_to_utf8(bytes).utf8;
  int table_lines = 0;
  for (std::size_t start = 0; start < text.size() && table_lines < kMinTableLines;) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (is_table_line(std::string_view(text).substr(start, end - start))) ++table_lines;
    start = end + 1;
  }
  if (table_lines < kMinTableLines) return "texto sin tabla";
  return std::nullopt;
}

std::unique_ptr<RowReader> open_source(const std::filesystem::path& path,
                                       const OpenOptions& options) {
  const Origin origin{input_name(path), {}, {}, {}};
  // A folder, a FIFO or a device is refused here, without blocking.
  InputFile in = InputFile::open(path, origin, options.max_text_bytes);
  const std::string head = in.read(1024);
  if (detect_source_type(head) == SourceType::kPdf) {
    // The standard input is read from its copy, and named as such.
    const std::filesystem::path file = is_stdin(path) ? stdin_copy(options.max_text_bytes) : path;
    return make_pdf_reader(file, options.password, origin.file);
  }
  // Binary from its first bytes (a sparse file of zeros, an image): refused before the rest is
  // read, whatever its size.
  if (content_of(head) == Content::kBinary) refuse_if_not_text(head, origin);
  std::string sha256;
  const std::string bytes = in.read_all(options.max_text_bytes, &sha256);
  refuse_if_not_text(bytes, origin);
  DecodedText text = decode_to_utf8(bytes);
  // A `pdftotext -layout` dump has its columns in spaces, not tabs: the PDF layout reads it.
  if (is_layout_dump(text.utf8)) {
    return make_layout_text_reader(std::move(text), std::move(sha256), origin.file);
  }
  return make_text_reader(std::move(text), std::move(sha256), origin.file);
}

std::optional<int> count_pages(const std::filesystem::path& path, const OpenOptions& options) {
  try {
    InputFile in = InputFile::open(path, Origin{path.string(), {}, {}, {}});
    if (detect_source_type(in.read(1024)) != SourceType::kPdf) return std::nullopt;
  } catch (const InputError&) {
    return std::nullopt;  // converting it says why
  }
  return pdf_page_count(path, options.password);
}

}  // namespace poa::extractor
