// Text clean-up with ICU (what every string field goes through) and the one accent folding.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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

// The first token of fold_for_match(raw) (its key up to the first space; "" for an empty key),
// folding only as many words as it takes: the key of `w1 w2 …` is the keys of w1, w2… joined by
// spaces. An ASCII word takes a fast path (the same byte rule as fold_for_match's); others go
// through fold_for_match. The label classifier asks it of every cell: no label whose first word
// differs can match the cell, and most cells (activity text, numbers) stop there.
std::string fold_first_token(std::string_view raw);

// A match key that remembers where each of its bytes came from: `source[i]` is the byte offset
// in the raw text of the character that gave `key[i]` (for a space, of the first character of
// the run it stands for). A match in the key maps back onto the raw text: the PDF layout finds
// month names glued inside a word and cuts the word's glyphs there.
struct MappedKey {
  std::string key;
  std::vector<std::uint32_t> source;
};

// fold_for_match into `out` (its buffers reused), with the source offsets. The key equals
// fold_for_match's except for text outside Latin, which is folded a character at a time here
// rather than as a whole (a mark that composes across characters may differ).
void fold_for_match(std::string_view raw, MappedKey& out);

// Whether the character starting at byte `offset` of `raw` is an upper-case letter.
bool is_upper_at(std::string_view raw, std::size_t offset);

// Whether `text` is written in capitals: it holds an upper-case letter and no lower-case one,
// accented or not (`NÚMERO DE ACCIÓN`, `AÑO 2024`, `Ñ`; digits and punctuation do not count).
// Labels and column headers are set so; a wrapped cell of prose is not.
bool is_upper_case(std::string_view text);

// The byte just past the character starting at `offset` (UTF-8; ill-formed bytes count alone).
std::size_t next_char(std::string_view raw, std::size_t offset);

// Whether `text` (already normalised) starts with a lower-case letter, accented or not. Spanish
// starts a cell with a capital: a lower-case start is a wrapped line of another cell.
bool starts_lower_case(std::string_view text);

}  // namespace poa::text
