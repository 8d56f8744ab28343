// Text clean-up with ICU: what every string field goes through before it reaches an exporter.
#pragma once

#include <string>
#include <string_view>

namespace poa::normalizer {

// Unicode NFC; ligatures U+FB00–FB06 expanded (ﬁ -> fi; not full NFKC, which would turn `Nº`
// into `No`); no-break and other Unicode spaces -> ' '; soft hyphen and zero-width characters
// removed; runs of whitespace (tabs, newlines) collapsed to one space; trimmed. Invalid UTF-8
// bytes become U+FFFD.
std::string normalize_text(std::string_view raw);

// normalize_text, then one pair of surrounding quotes removed ("…", “…”, «…», '…').
std::string strip_surrounding_quotes(std::string_view raw);

// A key for matching labels and headers: normalize_text, accents removed, lower-cased,
// punctuation other than letters/digits turned into single spaces, trimmed.
// "NÚMERO DE ACCIÓN" and "numero de accion:" give the same key "numero de accion".
std::string fold_for_match(std::string_view raw);

}  // namespace poa::normalizer
