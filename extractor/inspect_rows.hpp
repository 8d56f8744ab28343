// `poa inspect` for inputs other than PDFs: the cell rows their reader hands the recogniser.
#pragma once

#include <filesystem>
#include <iosfwd>

#include "extractor/source.hpp"

namespace poa::extractor {

// Opens `path` as convert would and prints its type and every row: page breaks, headings, and
// each cell's column, span and text; a workbook's rows and cells by address ("POA!D8+3"). The
// reader's own notes (hidden rows skipped) close the listing. Throws InputError as open_source.
void inspect_rows(const std::filesystem::path& path, const OpenOptions& options, std::ostream& out);

// What a row's reader says of it beyond its cells, for both listings (PDF pages and the other
// inputs): " (título)" for a dump's `## …` heading; for a laid-out row its facts (RowLayout):
// " (centrada, negrita, más grande, sangrada, sobre las etiquetas)" for a line cut whole,
// " (abierta arriba)" for a row the page break may have cut. Whether a row is a title is the
// recogniser's call, made after inspect's listing.
void put_row_facts(std::ostream& out, const CellRow& row);

}  // namespace poa::extractor
