// Opening an input: the type is detected from the content (`%PDF-` or text), never the extension.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "extractor/input_file.hpp"
#include "model/cell_row.hpp"

namespace poa::extractor {

struct OpenOptions {
  std::optional<std::string> password;  // for encrypted PDFs
  // A text dump larger than this is refused from its size, before it is read (input_file.hpp).
  std::uint64_t max_text_bytes = kDefaultMaxInputBytes;
};

// kPdf when the first 1024 bytes contain `%PDF-` (as PDF readers allow), else kText.
SourceType detect_source_type(std::string_view head);

// Opens `path` and returns the reader for its type. Throws poa::InputError (FILE_UNREADABLE,
// PDF_ENCRYPTED, PDF_DAMAGED, PDF_NO_TEXT) when the file cannot be read at all. Only a regular
// file is opened (a FIFO or a device is refused at once), and a text dump over
// options.max_text_bytes is refused from its size. `-` is the standard input (input_file.hpp:
// read once, up to options.max_text_bytes whatever its type, named kStdinName).
std::unique_ptr<RowReader> open_source(const std::filesystem::path& path,
                                       const OpenOptions& options = {});

// The page count of a PDF input (nullopt for a text dump or a file that does not open as a PDF),
// without reading its pages: the total of a batch's progress line.
std::optional<int> count_pages(const std::filesystem::path& path, const OpenOptions& options = {});

// Why a file met in a folder is not taken as an input, or nullopt when it is: a PDF, or a text
// whose first 64 KiB hold a table (three lines or more with cells split by tabs, or rows of a
// `| a | b |` pipe table), as a POA's text dump does. The reason is short Spanish ("texto sin
// tabla", "binario", "vacío", "no se puede abrir") for a summary of what was skipped. A file named
// on the command line is always taken: this is only for picking inputs out of folders.
std::optional<std::string> why_not_an_input(const std::filesystem::path& path);

// The content of `path` when it is a JSON document, as `poa convert` writes them (its first
// non-blank byte is `{`): such an input is read back with exporters::document_from_json, not
// through a RowReader. nullopt for anything else, an unreadable file included (open_source then
// says why). A JSON document over `max_bytes` is refused (InputError) from its size.
std::optional<std::string> read_json_document(const std::filesystem::path& path,
                                              std::uint64_t max_bytes = kDefaultMaxInputBytes);

// Lowercase hex SHA-256 of a byte string.
std::string sha256_hex(std::string_view bytes);

}  // namespace poa::extractor
