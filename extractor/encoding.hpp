// Encoding detection for text dumps: BOMs, strict UTF-8 validation, then ICU charset detection.
#pragma once

#include <string>
#include <string_view>

namespace poa::extractor {

// How the encoding of an input was established, so a caller can tell a sure answer from a guess.
enum class EncodingSource {
  kBom,        // a UTF-8 or UTF-16 byte-order mark
  kValidUtf8,  // no BOM, but the bytes are valid UTF-8 (pure ASCII included)
  kDetected,   // ICU's charset detector named the encoding
  kFallback,   // detection failed; windows-1252 was assumed (every byte maps)
};

// The input converted to UTF-8 (BOM removed) and what was decided about it.
struct DecodedText {
  std::string utf8;
  // The name reported in SourceInfo::encoding: "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE",
  // the detected name ("windows-1252", "ISO-8859-1", …) or kFallbackEncoding.
  std::string encoding;
  EncodingSource source = EncodingSource::kValidUtf8;
  int confidence = 0;  // ICU's 0–100 for kDetected, else 0
};

// What SourceInfo::encoding says when detection failed and windows-1252 was assumed.
inline constexpr std::string_view kFallbackEncoding = "windows-1252 (por omisión)";

// Strict UTF-8 check: no overlong forms, no surrogates, nothing above U+10FFFF, no truncation.
bool is_valid_utf8(std::string_view bytes);

// Detects the encoding of `bytes` and converts them to UTF-8. Never throws on bad input: bytes
// that the chosen encoding cannot map become U+FFFD (BOM cases) or trigger the windows-1252
// fallback (detected cases), so the result is always valid UTF-8.
DecodedText decode_to_utf8(std::string_view bytes);

}  // namespace poa::extractor
