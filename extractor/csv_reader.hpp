// Reader for CSV files as spreadsheets save them: `,` or `;` between cells, quoted cells that
// may hold separators, quotes and line breaks, an optional first line `sep=;`. A tab-separated
// file stays with the text-dump reader, which already reads spreadsheets' tab exports.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "extractor/encoding.hpp"
#include "model/cell_row.hpp"

namespace poa::extractor {

struct CsvDialect {
  char separator = ',';
  bool sep_line = false;  // the separator came from a first line `sep=X` (not a row)
};

// The dialect of `utf8` when it is a spreadsheet's CSV, judged by structure: a first line
// `sep=X`, or at least three records in the first 64 KiB, and most of the records, split by `,`
// or `;` into the same number of cells (four or more), more consistently than by tabs. nullopt
// for anything else (a tab dump, prose, a `pdftotext -layout` dump).
std::optional<CsvDialect> sniff_csv(std::string_view utf8);

// Rows of cells by field index; `line` is the record's first physical line. `sha256` is of the
// file's bytes, `text` the file decoded (encoding reported as for text dumps).
std::unique_ptr<RowReader> make_csv_reader(DecodedText text, std::string sha256, std::string path,
                                           CsvDialect dialect);

}  // namespace poa::extractor
