// A cheap look at a PDF's object numbering before poppler opens it: poppler sizes its
// cross-reference table from what the file claims, so a 600-byte file that claims object
// 10,000,000 costs it 400 MB and seconds. Such a file is refused first.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace poa::extractor {

// The highest object count `bytes` claims anywhere: `N G obj` headers (N + 1), xref-table
// subsection headers (`first count` above a `0000000000 65535 f` style entry: first + count), an
// integer `/Size`, and the pairs of an `/Index [first count …]` array. 0 when it claims none.
// Text split across calls is not seen: pass overlapping chunks (PdfObjectClaims does).
std::uint64_t claimed_objects(std::string_view bytes);

// How many objects a file of `file_bytes` may claim: one per 4 bytes (the smallest real object
// takes more, even packed in an object stream), plus 1024 for small files. Poppler's table for
// that many stays within a few times the file's size.
std::uint64_t max_objects_for(std::uint64_t file_bytes);

// Reads `path` once in chunks and, when it claims more objects than max_objects_for its size, a
// Spanish reason for refusing it (PDF_DAMAGED); nullopt when it does not (or cannot be read:
// poppler then says why).
std::optional<std::string> hostile_xref(const std::filesystem::path& path);

}  // namespace poa::extractor
