// Encoding detection and conversion to UTF-8 for text dumps (ICU ucsdet_* and ucnv_*).
#include "extractor/encoding.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace poa::extractor {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";

// Below this ICU confidence a match is noise: ICU offers UTF-16 at 10 for any even-length
// 8-bit text, and converting Spanish Latin-1 as UTF-16 would "succeed" with CJK garbage.
constexpr int kMinConfidence = 20;
// The detector only needs a sample; the C1 check below still looks at every byte.
constexpr std::size_t kDetectionSample = std::size_t{1} << 20;

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using UniqueConverter = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};
using UniqueDetector = std::unique_ptr<UCharsetDetector, DetectorCloser>;

bool starts_with(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

// Converts `bytes` from `charset` to UTF-8 in one streaming pass. With `strict`, a byte sequence
// the charset does not define makes the conversion fail (nullopt) instead of becoming U+FFFD,
// so a wrong guess from the detector can be rejected.
std::optional<std::string> convert_to_utf8(std::string_view bytes, const char* charset,
                                           bool strict) {
  UErrorCode err = U_ZERO_ERROR;
  UniqueConverter source(ucnv_open(charset, &err));
  if (U_FAILURE(err)) return std::nullopt;
  UniqueConverter target(ucnv_open("UTF-8", &err));
  if (U_FAILURE(err)) return std::nullopt;
  if (strict) {
    ucnv_setToUCallBack(source.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
    if (U_FAILURE(err)) return std::nullopt;
  }

  std::string out(bytes.size() + bytes.size() / 2 + 16, '\0');
  UChar pivot[1024];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  const char* src = bytes.data();
  const char* const src_end = bytes.data() + bytes.size();
  char* dst = out.data();
  bool reset = true;
  for (;;) {
    err = U_ZERO_ERROR;
    ucnv_convertEx(target.get(), source.get(), &dst, out.data() + out.size(), &src, src_end, pivot,
                   &pivot_source, &pivot_target, pivot + std::size(pivot), reset, /*flush=*/true,
                   &err);
    reset = false;  // continue where the previous call stopped
    if (err == U_BUFFER_OVERFLOW_ERROR) {
      const std::size_t used = static_cast<std::size_t>(dst - out.data());
      out.resize(out.size() * 2);
      dst = out.data() + used;
      continue;
    }
    if (U_FAILURE(err)) return std::nullopt;
    out.resize(static_cast<std::size_t>(dst - out.data()));
    return out;
  }
}

// Windows-1252 puts curly quotes, dashes and € in 0x80–0x9F, where ISO-8859-1 has unused C1
// controls; real Spanish documents that contain those bytes are Windows-1252.
bool has_c1_bytes(std::string_view bytes) {
  return std::any_of(bytes.begin(), bytes.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return b >= 0x80 && b <= 0x9F;
  });
}

struct Candidate {
  std::string name;
  int confidence = 0;
};

// ICU's matches, best first, without the ones that cannot be right or are too weak to trust.
std::vector<Candidate> detect_candidates(std::string_view bytes) {
  std::vector<Candidate> out;
  UErrorCode err = U_ZERO_ERROR;
  UniqueDetector detector(ucsdet_open(&err));
  if (U_FAILURE(err)) return out;
  // Skip `<b>`-style markup so tags do not dilute the language statistics.
  ucsdet_enableInputFilter(detector.get(), true);
  const std::string_view sample = bytes.substr(0, kDetectionSample);
  ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &err);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &err);
  if (U_FAILURE(err) || matches == nullptr) return out;
  for (int32_t i = 0; i < count; ++i) {
    UErrorCode match_err = U_ZERO_ERROR;
    const char* name = ucsdet_getName(matches[i], &match_err);
    const int confidence = ucsdet_getConfidence(matches[i], &match_err);
    if (U_FAILURE(match_err) || name == nullptr) continue;
    // We only get here when the bytes are not valid UTF-8.
    if (std::strcmp(name, "UTF-8") == 0) continue;
    if (confidence < kMinConfidence) continue;
    out.push_back({name, confidence});
  }
  return out;
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* const end = p + bytes.size();
  while (p < end) {
    // ASCII fast path, eight bytes at a time: text dumps are mostly ASCII.
    while (end - p >= 8) {
      std::uint64_t word;
      std::memcpy(&word, p, sizeof word);
      if (word & 0x8080808080808080ULL) break;
      p += 8;
    }
    if (p == end) break;
    const unsigned char b = *p;
    if (b < 0x80) {
      ++p;
      continue;
    }
    int length = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (b >= 0xC2 && b <= 0xDF) {
      length = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      length = 3;
      if (b == 0xE0) lo = 0xA0;  // overlong
      if (b == 0xED) hi = 0x9F;  // UTF-16 surrogates
    } else if (b >= 0xF0 && b <= 0xF4) {
      length = 4;
      if (b == 0xF0) lo = 0x90;  // overlong
      if (b == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
      return false;  // continuation byte, C0/C1 overlong lead, or F5..FF
    }
    if (end - p < length) return false;
    if (p[1] < lo || p[1] > hi) return false;
    for (int i = 2; i < length; ++i) {
      if (p[i] < 0x80 || p[i] > 0xBF) return false;
    }
    p += length;
  }
  return true;
}

DecodedText decode_to_utf8(std::string_view bytes) {
  DecodedText result;
  if (starts_with(bytes, kUtf8Bom)) {
    const std::string_view rest = bytes.substr(kUtf8Bom.size());
    result.source = EncodingSource::kBom;
    result.encoding = "UTF-8 (BOM)";
    // Trust the BOM; stray invalid bytes become U+FFFD rather than changing the encoding.
    result.utf8 = is_valid_utf8(rest) ? std::string(rest)
                                      : convert_to_utf8(rest, "UTF-8", false).value_or("");
    return result;
  }
  for (const auto& [bom, name] : {std::pair{kUtf16LeBom, "UTF-16LE"}, {kUtf16BeBom, "UTF-16BE"}}) {
    if (starts_with(bytes, bom)) {
      result.source = EncodingSource::kBom;
      result.encoding = name;
      result.utf8 = convert_to_utf8(bytes.substr(bom.size()), name, false).value_or("");
      return result;
    }
  }
  if (is_valid_utf8(bytes)) {
    result.source = EncodingSource::kValidUtf8;
    result.encoding = "UTF-8";
    result.utf8 = std::string(bytes);
    return result;
  }

  const bool c1 = has_c1_bytes(bytes);
  for (Candidate& candidate : detect_candidates(bytes)) {
    if (candidate.name == "ISO-8859-1" && c1) candidate.name = "windows-1252";
    if (auto utf8 = convert_to_utf8(bytes, candidate.name.c_str(), true)) {
      result.source = EncodingSource::kDetected;
      result.encoding = candidate.name;
      result.confidence = candidate.confidence;
      result.utf8 = std::move(*utf8);
      return result;
    }
  }

  result.source = EncodingSource::kFallback;
  result.encoding = std::string(kFallbackEncoding);
  // ICU's windows-1252 maps the five bytes Microsoft left undefined to C1 controls, so this
  // cannot fail; value_or only guards against a broken ICU data file.
  result.utf8 = convert_to_utf8(bytes, "windows-1252", false).value_or("");
  return result;
}

}  // namespace poa::extractor
