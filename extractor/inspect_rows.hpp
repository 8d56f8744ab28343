// `poa inspect` for inputs other than PDFs: the cell rows their reader hands the recogniser.
#pragma once

#include <filesystem>
#include <iosfwd>

#include "extractor/source.hpp"

namespace poa::extractor {

// Opens `path` as convert would and prints its type and every row: page breaks, titles, and
// each cell's column, span and text; a workbook's rows and cells by address ("POA!D8+3"). The
// reader's own notes (hidden rows skipped) close the listing. Throws InputError as open_source.
void inspect_rows(const std::filesystem::path& path, const OpenOptions& options, std::ostream& out);

}  // namespace poa::extractor
