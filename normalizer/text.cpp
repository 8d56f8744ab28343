// Text clean-up with ICU (NFC, ligatures, spaces, invisible characters) and match keys.
#include "normalizer/text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <array>

namespace poa::normalizer {
namespace {

bool is_ascii(std::string_view s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// Pure ASCII is already NFC and has no ligatures or invisible characters, so only whitespace
// needs work; this path is taken for the vast majority of cells.
std::string collapse_ascii(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (const char c : s) {
    if (is_ascii_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

// Characters that carry no text: soft hyphen, zero-width space/joiners, word joiner, BOM.
bool is_invisible(UChar32 c) {
  return c == 0x00AD || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
}

bool is_space(UChar32 c) {
  if (c < 0x80) return is_ascii_space(static_cast<char>(c));
  // Zs covers U+00A0, U+2007, U+202F and the other typographic spaces; the rest are line and
  // paragraph separators a PDF may leave in.
  return u_charType(c) == U_SPACE_SEPARATOR || c == 0x0085 || c == 0x2028 || c == 0x2029;
}

// U+FB00–U+FB06 as plain letters. Only these are expanded: full NFKC would also fold `Nº`.
const char16_t* ligature_expansion(UChar32 c) {
  static constexpr std::array<const char16_t*, 7> kExpansions = {u"ff",  u"fi", u"fl", u"ffi",
                                                                 u"ffl", u"st", u"st"};
  if (c >= 0xFB00 && c <= 0xFB06) return kExpansions[static_cast<std::size_t>(c - 0xFB00)];
  return nullptr;
}

const icu::Normalizer2& nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  // ICU's NFC data is built into libicudata; failing here means a broken installation.
  if (U_FAILURE(status) || n == nullptr) throw std::runtime_error("ICU NFC no disponible");
  return *n;
}

const icu::Normalizer2& nfd() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status) || n == nullptr) throw std::runtime_error("ICU NFD no disponible");
  return *n;
}

// Removes invisible characters, expands ligatures, collapses whitespace and trims, then
// composes to NFC. Ligatures and invisibles go first so that a combining mark that followed
// them still composes with the letter before it.
icu::UnicodeString clean_unicode(std::string_view raw) {
  // fromUTF8 turns ill-formed bytes into U+FFFD.
  const icu::UnicodeString in =
      icu::UnicodeString::fromUTF8(icu::StringPiece(raw.data(), static_cast<int32_t>(raw.size())));
  icu::UnicodeString out;
  bool pending_space = false;
  for (int32_t i = 0; i < in.length();) {
    const UChar32 c = in.char32At(i);
    i += U16_LENGTH(c);
    if (is_invisible(c)) continue;
    if (is_space(c)) {
      pending_space = !out.isEmpty();
      continue;
    }
    if (pending_space) out.append(static_cast<UChar>(u' '));
    pending_space = false;
    if (const char16_t* expansion = ligature_expansion(c)) {
      out.append(icu::UnicodeString(expansion));
    } else {
      out.append(c);
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString composed = nfc().normalize(out, status);
  if (U_FAILURE(status)) return out;
  return composed;
}

std::string to_utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// Drops `n` bytes from each end and trims the spaces that uncovers.
std::string trim_inner(std::string_view s, std::size_t open, std::size_t close) {
  std::string_view inner = s.substr(open, s.size() - open - close);
  while (!inner.empty() && inner.front() == ' ') inner.remove_prefix(1);
  while (!inner.empty() && inner.back() == ' ') inner.remove_suffix(1);
  return std::string(inner);
}

}  // namespace

std::string normalize_text(std::string_view raw) {
  if (is_ascii(raw)) return collapse_ascii(raw);
  return to_utf8(clean_unicode(raw));
}

std::string strip_surrounding_quotes(std::string_view raw) {
  const std::string s = normalize_text(raw);
  struct QuotePair {
    std::string_view open, close;
  };
  static constexpr QuotePair kPairs[] = {
      {"\"", "\""},         {"'", "'"}, {"\u201C", "\u201D"},  // “…”
      {"\u201E", "\u201C"},                                    // „…“
      {"\u00AB", "\u00BB"},                                    // «…»
      {"\u2018", "\u2019"},                                    // ‘…’
      {"\u201D", "\u201D"},  // ”…” (as some word processors leave it)
  };
  for (const QuotePair& q : kPairs) {
    if (s.size() >= q.open.size() + q.close.size() && s.starts_with(q.open) &&
        s.ends_with(q.close)) {
      return trim_inner(s, q.open.size(), q.close.size());
    }
  }
  return s;
}

std::string fold_for_match(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  bool pending_space = false;
  if (is_ascii(raw)) {
    for (const char c : raw) {
      const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alnum) {
        pending_space = !out.empty();
        continue;
      }
      if (pending_space) out += ' ';
      pending_space = false;
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
  }

  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString decomposed = nfd().normalize(clean_unicode(raw), status);
  icu::UnicodeString folded;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    // Accents are combining marks after NFD: dropping them turns "Á" into "A", "ñ" into "n".
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (!u_isalnum(c)) {
      pending_space = !folded.isEmpty();
      continue;
    }
    if (pending_space) folded.append(static_cast<UChar>(u' '));
    pending_space = false;
    folded.append(u_tolower(c));
  }
  return to_utf8(folded);
}

}  // namespace poa::normalizer
