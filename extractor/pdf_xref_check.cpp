// The object-number scan run on a PDF before poppler sizes its cross-reference table from it.
#include "extractor/pdf_xref_check.hpp"

#include <algorithm>
#include <fstream>
#include <vector>

namespace poa::extractor {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

// Saturates instead of overflowing: a claim of 10^30 objects is as hostile as one of 2^63.
constexpr std::uint64_t kHuge = std::uint64_t{1} << 62;

std::uint64_t add(std::uint64_t a, std::uint64_t b) {
  return std::min(kHuge, a + std::min(b, kHuge));
}

// An unsigned integer at `i` (after any spaces), advancing `i` past it; nullopt when none.
std::optional<std::uint64_t> integer_at(std::string_view s, std::size_t& i) {
  while (i < s.size() && is_space(s[i])) ++i;
  if (i >= s.size() || !is_digit(s[i])) return std::nullopt;
  std::uint64_t v = 0;
  for (; i < s.size() && is_digit(s[i]); ++i) v = std::min(kHuge, v * 10 + (s[i] - '0'));
  return v;
}

// The integer ending just before `end` (digits back to a non-digit), and where it starts.
std::optional<std::uint64_t> integer_before(std::string_view s, std::size_t end,
                                            std::size_t& start) {
  start = end;
  while (start > 0 && is_digit(s[start - 1])) --start;
  if (start == end || end - start > 18) return std::nullopt;
  std::uint64_t v = 0;
  for (std::size_t i = start; i < end; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

// `N G obj`: the number two integers before `obj`.
std::uint64_t object_headers(std::string_view s) {
  std::uint64_t most = 0;
  for (std::size_t at = s.find("obj"); at != std::string_view::npos; at = s.find("obj", at + 3)) {
    std::size_t i = at;
    if (i == 0 || !is_space(s[i - 1])) continue;  // `endobj`, `/objx`…
    while (i > 0 && is_space(s[i - 1])) --i;
    std::size_t start = 0;
    if (!integer_before(s, i, start) || start == 0 || !is_space(s[start - 1])) continue;
    i = start;
    while (i > 0 && is_space(s[i - 1])) --i;
    if (const auto n = integer_before(s, i, start)) most = std::max(most, add(*n, 1));
  }
  return most;
}

// Xref-table subsection headers: a line `first count` followed by a 20-byte entry.
std::uint64_t subsection_headers(std::string_view s) {
  std::uint64_t most = 0;
  // Any entry `oooooooooo ggggg n|f`: the header is the line above the first entry of a run.
  for (std::size_t nl = s.find('\n'); nl != std::string_view::npos; nl = s.find('\n', nl + 1)) {
    const std::size_t line = nl + 1;
    // An entry line: 10 digits, a space, 5 digits, a space, n or f.
    auto is_entry = [&](std::size_t p) {
      if (p + 18 > s.size()) return false;
      for (std::size_t k = 0; k < 10; ++k)
        if (!is_digit(s[p + k])) return false;
      if (s[p + 10] != ' ') return false;
      for (std::size_t k = 11; k < 16; ++k)
        if (!is_digit(s[p + k])) return false;
      return s[p + 16] == ' ' && (s[p + 17] == 'n' || s[p + 17] == 'f');
    };
    if (!is_entry(line)) continue;
    // The line above: `first count`, spaces allowed around.
    std::size_t end = nl;
    while (end > 0 && (s[end - 1] == '\r' || s[end - 1] == ' ')) --end;
    std::size_t start = 0;
    const auto count = integer_before(s, end, start);
    if (!count || start == 0 || s[start - 1] != ' ') continue;
    std::size_t i = start - 1;
    while (i > 0 && s[i - 1] == ' ') --i;
    std::size_t first_start = 0;
    const auto first = integer_before(s, i, first_start);
    if (!first || (first_start > 0 && s[first_start - 1] != '\n' && s[first_start - 1] != '\r'))
      continue;
    most = std::max(most, add(*first, *count));
  }
  return most;
}

// `/Size N` (an integer, not a sampled function's `/Size [..]`) and `/Index [f c f c …]`.
std::uint64_t size_and_index(std::string_view s) {
  std::uint64_t most = 0;
  for (std::size_t at = s.find("/Size"); at != std::string_view::npos;
       at = s.find("/Size", at + 5)) {
    std::size_t i = at + 5;
    if (const auto n = integer_at(s, i)) most = std::max(most, *n);
  }
  for (std::size_t at = s.find("/Index"); at != std::string_view::npos;
       at = s.find("/Index", at + 6)) {
    std::size_t i = at + 6;
    while (i < s.size() && is_space(s[i])) ++i;
    if (i >= s.size() || s[i] != '[') continue;
    ++i;
    for (int pairs = 0; pairs < 4096; ++pairs) {
      const auto first = integer_at(s, i);
      const auto count = first ? integer_at(s, i) : std::nullopt;
      if (!count) break;
      most = std::max(most, add(*first, *count));
    }
  }
  return most;
}

}  // namespace

std::uint64_t claimed_objects(std::string_view bytes) {
  return std::max({object_headers(bytes), subsection_headers(bytes), size_and_index(bytes)});
}

std::uint64_t max_objects_for(std::uint64_t file_bytes) {
  return file_bytes / 4 + 1024;
}

std::optional<std::string> hostile_xref(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  // Chunks overlap by more than the longest claim the scan reads (a header line with two
  // 18-digit numbers, an entry line below it; an /Index array may be cut: its pairs before the
  // cut are still read, and the next chunk starts before it).
  constexpr std::size_t kChunk = std::size_t{1} << 20;
  constexpr std::size_t kOverlap = 4096;
  std::vector<char> buf(kChunk + kOverlap);
  std::size_t kept = 0;
  std::uint64_t size = 0;
  std::uint64_t claimed = 0;
  for (;;) {
    in.read(buf.data() + kept, static_cast<std::streamsize>(kChunk));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) break;
    size += got;
    const std::size_t have = kept + got;
    claimed = std::max(claimed, claimed_objects(std::string_view(buf.data(), have)));
    kept = std::min(kOverlap, have);
    std::copy(buf.begin() + static_cast<std::ptrdiff_t>(have - kept),
              buf.begin() + static_cast<std::ptrdiff_t>(have), buf.begin());
  }
  if (claimed <= max_objects_for(size)) return std::nullopt;
  return "el PDF dice tener " + std::to_string(claimed) + " objetos en " + std::to_string(size) +
         " bytes (su tabla de referencias está dañada o es hostil); no se lee";
}

}  // namespace poa::extractor
