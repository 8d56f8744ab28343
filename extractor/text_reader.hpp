// Reader for text dumps: tab-separated cells, `## …` titles, markdown escapes, stray HTML tags,
// runs of blank lines as page breaks; UTF-8 (with or without BOM), CRLF, Windows-1252/Latin-1.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "extractor/encoding.hpp"
#include "model/cell_row.hpp"

namespace poa::extractor {

// `bytes` is the whole file; `path` is used for origins and SourceInfo. The encoding is detected
// (ICU charset detection, UTF-8 preferred when valid) and reported in SourceInfo::encoding.
std::unique_ptr<RowReader> make_text_reader(std::string_view bytes, std::string path);

// The same over text already decoded (`sha256` of the file's bytes), as open_source gives it
// once it has looked at the content.
std::unique_ptr<RowReader> make_text_reader(DecodedText text, std::string sha256, std::string path);

// Cleans one cell of a text dump: markdown escapes (`\$` -> `$`), HTML tags removed, entities
// (`&amp;`, `&nbsp;`…) decoded, whitespace trimmed. Exposed for tests.
std::string clean_text_cell(std::string_view raw);

}  // namespace poa::extractor
