// A fuzz input as a page's content streams: the bytes cut into parts at each byte 0x1E, as a
// /Contents array gives them (fuzz_content_parser, fuzz_page_content).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace poa::fuzz {

// The record separator: a byte content streams do not use (poppler reads it as a regular
// character, like the other control bytes the mutations bring).
constexpr std::uint8_t kPartSeparator = 0x1E;

inline std::vector<std::string> content_parts(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> parts(1);
  for (std::size_t i = 0; i < size; ++i) {
    if (data[i] == kPartSeparator) {
      parts.emplace_back();
    } else {
      parts.back().push_back(static_cast<char>(data[i]));
    }
  }
  return parts;
}

}  // namespace poa::fuzz
