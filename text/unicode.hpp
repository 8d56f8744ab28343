// Text clean-up with ICU (what every string field goes through) and the one accent folding.
#pragma once

#include <string>
#include <string_view>

namespace poa::text {

// Unicode NFC; ligatures U+FB00–FB06 expanded (ﬁ -> fi; not full NFKC, which would turn `Nº`
// into `No`); no-break and other Unicode spaces -> ' '; soft hyphen and zero-width characters
// removed; runs of whitespace (tabs, newlines) collapsed to one space; trimmed. Invalid UTF-8
// bytes become U+FFFD.
std::string normalize_text(std::string_view raw);

// normalize_text, then one pair of surrounding quotes removed ("…", “…”, «…», '…').
std::string strip_surrounding_quotes(std::string_view raw);

// normalize_text, then accents removed and lower-cased; punctuation and other characters are
// kept. "Área(s) RESPONSABLE(s)" -> "area(s) responsable(s)". For matching text whose
// punctuation matters (SIPOT column headers).
std::string fold_accents(std::string_view raw);

// A key for matching labels and headers: fold_accents, then every run of characters other than
// letters and digits turned into one space, trimmed.
// "NÚMERO DE ACCIÓN" and "numero de accion:" give the same key "numero de accion".
std::string fold_for_match(std::string_view raw);

}  // namespace poa::text
