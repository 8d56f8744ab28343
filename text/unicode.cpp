// Text clean-up with ICU (NFC, ligatures, spaces, invisible characters) and match keys.
#include "text/unicode.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <array>
#include <stdexcept>

namespace poa::text {
namespace {

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// Pure ASCII (or plain Latin, see is_plain_latin) is already NFC and has no ligatures or
// invisible characters, so only whitespace needs work; the vast majority of cells.
std::string collapse_ascii(std::string_view s) {
  // Most text is clean already (single spaces, none at the ends): a copy then.
  bool clean = s.empty() || (s.front() != ' ' && s.back() != ' ');
  for (std::size_t i = 0; clean && i < s.size(); ++i) {
    clean = !is_ascii_space(s[i]) || (s[i] == ' ' && s[i - 1] != ' ');
  }
  if (clean) return std::string(s);
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

// fold_for_match's rule for one ASCII byte: a letter lower-cased, a digit kept; 0 for any other
// byte, which separates words. A table: every byte of most text goes through it.
constexpr std::array<char, 128> kAsciiFold = [] {
  std::array<char, 128> t{};
  for (char c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = c;
  for (char c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = c;
  for (char c = 'A'; c <= 'Z'; ++c)
    t[static_cast<std::size_t>(c)] = static_cast<char>(c - 'A' + 'a');
  return t;
}();

bool is_plain_ascii(std::string_view s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Well-formed UTF-8 whose code points are all below U+0300 (no combining marks, so already
// NFC) and none of them a soft hyphen, NBSP or NEL (which clean_unicode would remove or turn
// into a space): only ASCII whitespace needs work, so ICU can be skipped. Spanish text with
// accents (á é í ó ú ñ ü ¿ ¡ º) takes this path.
bool is_plain_latin(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    // Two-byte sequences C2 80 .. CB BF are U+0080 .. U+02FF.
    if (b < 0xC2 || b > 0xCB || i + 1 >= s.size()) return false;
    const auto c = static_cast<unsigned char>(s[i + 1]);
    if ((c & 0xC0) != 0x80) return false;
    const unsigned cp = ((b & 0x1Fu) << 6) | (c & 0x3Fu);
    if (cp == 0xAD || cp == 0xA0 || cp == 0x85) return false;
    i += 2;
  }
  return true;
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
// applies `form` (NFC, or NFD for match keys). Ligatures and invisibles go first so that a
// combining mark that followed them still composes with the letter before it.
icu::UnicodeString clean_unicode(std::string_view raw, const icu::Normalizer2& form) {
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
  icu::UnicodeString normalized = form.normalize(out, status);
  if (U_FAILURE(status)) return out;
  return normalized;
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

// After NFD: combining marks dropped (accents: "Á" -> "A", "ñ" -> "n") and lower-cased; with
// `separate`, every run of characters other than letters and digits becomes one space (none at
// the ends). The one accent folding: match keys and fold_accents both go through it.
icu::UnicodeString strip_marks(const icu::UnicodeString& decomposed, bool separate) {
  icu::UnicodeString folded;
  bool pending_space = false;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (separate && !u_isalnum(c)) {
      pending_space = !folded.isEmpty();
      continue;
    }
    if (pending_space) folded.append(static_cast<UChar>(u' '));
    pending_space = false;
    folded.append(u_tolower(c));
  }
  return folded;
}

// The ICU route for match keys. NFD straight away: the NFC step of normalize_text would only be
// undone here.
std::string fold_with_icu(std::string_view raw) {
  return to_utf8(strip_marks(clean_unicode(raw, nfd()), /*separate=*/true));
}

// What one code point below U+0370 (Latin, IPA, spacing modifiers, combining diacritics)
// contributes to a match key. Spanish text lives almost entirely here, so fold_for_match can
// skip ICU for it; the table is derived from the ICU route, so both give the same key.
struct LatinFold {
  enum class Kind { kDrop, kSeparator, kLetters, kIcu };
  Kind kind = Kind::kIcu;
  std::string letters;
};
constexpr UChar32 kLatinFoldEnd = 0x370;
using LatinFoldTable = std::array<LatinFold, kLatinFoldEnd>;

// What one code point contributes to a match key, found by folding "a<cp>a" on the ICU route:
// whether cp vanishes, separates, or becomes letters.
LatinFold fold_code_point(UChar32 cp) {
  LatinFold f;
  icu::UnicodeString probe(static_cast<UChar>(u'a'));
  probe.append(cp).append(static_cast<UChar>(u'a'));
  const std::string key = fold_with_icu(to_utf8(probe));
  if (key == "aa") {
    f.kind = LatinFold::Kind::kDrop;
  } else if (key == "a a") {
    f.kind = LatinFold::Kind::kSeparator;
  } else if (key.size() > 2 && key.front() == 'a' && key.back() == 'a' &&
             key.find(' ') == std::string::npos) {
    f.kind = LatinFold::Kind::kLetters;
    f.letters = key.substr(1, key.size() - 2);
  }  // anything else (a mark that composes across the probe…) stays with ICU
  return f;
}

const LatinFoldTable& latin_fold_table() {
  static const LatinFoldTable kTable = [] {
    LatinFoldTable t;
    for (UChar32 cp = 0x80; cp < kLatinFoldEnd; ++cp) {
      t[static_cast<std::size_t>(cp)] = fold_code_point(cp);
    }
    return t;
  }();
  return kTable;
}

}  // namespace

std::string normalize_text(std::string_view raw) {
  if (is_plain_latin(raw)) return collapse_ascii(raw);
  return to_utf8(clean_unicode(raw, nfc()));
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

std::string fold_accents(std::string_view raw) {
  if (is_plain_ascii(raw)) {
    std::string out = collapse_ascii(raw);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString folded = strip_marks(clean_unicode(raw, nfd()), /*separate=*/false);
  icu::UnicodeString composed = nfc().normalize(folded, status);
  return to_utf8(U_FAILURE(status) ? folded : composed);
}

std::string fold_for_match(std::string_view raw) {
  const LatinFoldTable& table = latin_fold_table();
  std::string out;
  out.reserve(raw.size());
  bool pending_space = false;
  auto append = [&](std::string_view letters) {
    if (pending_space) out += ' ';
    pending_space = false;
    out += letters;
  };
  for (std::size_t i = 0; i < raw.size();) {
    const auto byte = static_cast<unsigned char>(raw[i]);
    if (byte < 0x80) {
      // Inline: most text is ASCII, and append's general path cost ~20 instructions a byte.
      ++i;
      if (const char c = kAsciiFold[byte]) {
        if (pending_space) out.push_back(' ');
        pending_space = false;
        out.push_back(c);
      } else {
        pending_space = !out.empty();
      }
      continue;
    }
    UChar32 cp = 0;
    int32_t next = static_cast<int32_t>(i);
    U8_NEXT(raw.data(), next, static_cast<int32_t>(raw.size()), cp);
    // Outside the table (or ill-formed): ICU handles the whole string.
    if (cp < 0 || cp >= kLatinFoldEnd) return fold_with_icu(raw);
    const LatinFold& entry = table[static_cast<std::size_t>(cp)];
    switch (entry.kind) {
      case LatinFold::Kind::kDrop:
        break;
      case LatinFold::Kind::kSeparator:
        pending_space = !out.empty();
        break;
      case LatinFold::Kind::kLetters:
        append(entry.letters);
        break;
      case LatinFold::Kind::kIcu:
        return fold_with_icu(raw);
    }
    i = static_cast<std::size_t>(next);
  }
  return out;
}

std::string fold_first_token(std::string_view raw) {
  std::size_t i = 0;
  while (i < raw.size()) {
    while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\n')) ++i;
    const std::size_t start = i;
    bool ascii = true;
    while (i < raw.size() && raw[i] != ' ' && raw[i] != '\t' && raw[i] != '\n') {
      ascii = ascii && static_cast<unsigned char>(raw[i]) < 0x80;
      ++i;
    }
    if (i == start) break;
    const std::string_view word = raw.substr(start, i - start);
    if (ascii) {
      // The key of ASCII is its runs of letters and digits, folded by kAsciiFold, one space
      // apart: the token is the first run (the common case, without the general fold).
      std::string run;
      for (const char c : word) {
        if (const char folded = kAsciiFold[static_cast<unsigned char>(c)]) {
          run += folded;
        } else if (!run.empty()) {
          break;
        }
      }
      if (run.empty()) continue;
      return run;
    }
    std::string folded = fold_for_match(word);
    if (folded.empty()) continue;
    const std::size_t space = folded.find(' ');
    if (space != std::string::npos) folded.resize(space);
    return folded;
  }
  return {};
}

}  // namespace poa::text

namespace poa::text {

void fold_for_match(std::string_view raw, MappedKey& out) {
  const LatinFoldTable& table = latin_fold_table();
  out.key.clear();
  out.source.clear();
  bool pending_space = false;
  std::uint32_t space_from = 0;  // where the run a pending space stands for began
  auto separate = [&](std::size_t at) {
    if (!pending_space && !out.key.empty()) space_from = static_cast<std::uint32_t>(at);
    pending_space = !out.key.empty();
  };
  auto append = [&](std::string_view letters, std::size_t at) {
    if (pending_space) {
      out.key += ' ';
      out.source.push_back(space_from);
    }
    pending_space = false;
    out.key += letters;
    out.source.insert(out.source.end(), letters.size(), static_cast<std::uint32_t>(at));
  };
  for (std::size_t i = 0; i < raw.size();) {
    const std::size_t at = i;
    const auto byte = static_cast<unsigned char>(raw[i]);
    if (byte < 0x80) {  // most of the text: one byte in, at most one out
      ++i;
      if (const char c = kAsciiFold[byte]) {
        if (pending_space) {
          out.key += ' ';
          out.source.push_back(space_from);
          pending_space = false;
        }
        out.key += c;
        out.source.push_back(static_cast<std::uint32_t>(at));
      } else {
        separate(at);
      }
      continue;
    }
    UChar32 cp = 0;
    int32_t next = static_cast<int32_t>(i);
    U8_NEXT(raw.data(), next, static_cast<int32_t>(raw.size()), cp);
    i = static_cast<std::size_t>(next);
    if (cp < 0) {
      separate(at);  // an ill-formed byte: U+FFFD on the ICU route, which separates
      continue;
    }
    // Outside Latin: one character at a time (rare in POAs, so not cached).
    LatinFold other;
    const LatinFold& entry =
        cp < kLatinFoldEnd ? table[static_cast<std::size_t>(cp)] : (other = fold_code_point(cp));
    switch (entry.kind) {
      case LatinFold::Kind::kDrop:
        break;
      case LatinFold::Kind::kLetters:
        append(entry.letters, at);
        break;
      case LatinFold::Kind::kSeparator:
      case LatinFold::Kind::kIcu:
        separate(at);
        break;
    }
  }
}

bool is_upper_at(std::string_view raw, std::size_t offset) {
  if (offset >= raw.size()) return false;
  const auto byte = static_cast<unsigned char>(raw[offset]);
  if (byte < 0x80) return byte >= 'A' && byte <= 'Z';
  UChar32 cp = 0;
  auto i = static_cast<int32_t>(offset);
  U8_NEXT(raw.data(), i, static_cast<int32_t>(raw.size()), cp);
  return cp >= 0 && u_isupper(cp);
}

bool is_upper_case(std::string_view text) {
  bool upper = false;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      if (byte >= 'a' && byte <= 'z') return false;
      upper = upper || (byte >= 'A' && byte <= 'Z');
      ++i;
      continue;
    }
    UChar32 cp = 0;
    auto at = static_cast<int32_t>(i);
    U8_NEXT(text.data(), at, static_cast<int32_t>(text.size()), cp);
    i = static_cast<std::size_t>(at);
    if (cp < 0) continue;
    if (u_islower(cp)) return false;
    upper = upper || u_isupper(cp);
  }
  return upper;
}

std::size_t next_char(std::string_view raw, std::size_t offset) {
  auto i = static_cast<int32_t>(offset);
  U8_FWD_1(raw.data(), i, static_cast<int32_t>(raw.size()));
  return static_cast<std::size_t>(i);
}

bool starts_lower_case(std::string_view text) {
  if (text.empty() || is_upper_at(text, 0)) return false;
  const std::string first = fold_accents(text.substr(0, next_char(text, 0)));
  return first.size() == 1 && first[0] >= 'a' && first[0] <= 'z';
}

}  // namespace poa::text
