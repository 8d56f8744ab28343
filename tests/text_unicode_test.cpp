// Tests for the ICU text clean-up (normalize_text, strip_surrounding_quotes, fold_accents,
// fold_for_match) and the month names.
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "text/months.hpp"
#include "text/unicode.hpp"

namespace poa::text {
namespace {

struct TextCase {
  std::string name;
  std::string input;
  std::string expected;
};

void PrintTo(const TextCase& c, std::ostream* os) {
  *os << c.name;
}

class NormalizeTextTest : public testing::TestWithParam<TextCase> {};

TEST_P(NormalizeTextTest, Cleans) {
  EXPECT_EQ(normalize_text(GetParam().input), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, NormalizeTextTest,
    testing::Values(
        TextCase{"empty", "", ""}, TextCase{"only_spaces", " \t\n ", ""},
        TextCase{"ascii_unchanged", "Dpto. Seguimiento", "Dpto. Seguimiento"},
        TextCase{"ascii_trim_collapse", "  a \t\tb\n\nc  ", "a b c"},
        TextCase{"crlf", "Número de\r\nAcción", "Número de Acción"},
        // "e" + U+0301 composes to "é" (NFC).
        TextCase{"nfc_composes", "Secretari\x61\xCC\x81 e\xCC\x81", "Secretariá é"},
        TextCase{"already_nfc", "Planeación", "Planeación"},
        // Plain Latin (all below U+0300) skips ICU: only whitespace changes.
        TextCase{"latin_collapse", " Ñandú \t ¿año?\r\n¡sí! º ", "Ñandú ¿año? ¡sí! º"},
        TextCase{"latin_then_combining", "Ñandu\xCC\x81", "Ñandú"},
        TextCase{"next_line_is_space",
                 "a\xC2\x85"
                 "b",
                 "a b"},
        TextCase{"truncated_utf8", "añ\xC3", "añ\xEF\xBF\xBD"},
        TextCase{"ligature_fi", "\xEF\xAC\x81nanzas", "finanzas"},
        TextCase{"ligature_ff",
                 "e\xEF\xAC\x80"
                 "ecto",
                 "effecto"},
        TextCase{"ligature_fl", "\xEF\xAC\x82ujo", "flujo"},
        TextCase{"ligature_ffi",
                 "o\xEF\xAC\x83"
                 "ce",
                 "office"},
        TextCase{"ligature_ffl",
                 "wa\xEF\xAC\x84"
                 "e",
                 "waffle"},
        TextCase{"ligature_long_st",
                 "\xEF\xAC\x85"
                 "a",
                 "sta"},
        TextCase{"ligature_st",
                 "\xEF\xAC\x86"
                 "a",
                 "sta"},
        // Ligature followed by a combining accent: the accent composes with the expanded "i".
        TextCase{"ligature_then_accent", "\xEF\xAC\x81\xCC\x81n", "f\xC3\xADn"},
        // Not full NFKC: the ordinal indicator and superscripts stay.
        TextCase{"numero_sign_kept", "Nº 4", "Nº 4"}, TextCase{"superscript_kept", "m²", "m²"},
        TextCase{"nbsp",
                 "10\xC2\xA0"
                 "000",
                 "10 000"},
        TextCase{"figure_space",
                 "a\xE2\x80\x87"
                 "b",
                 "a b"},
        TextCase{"narrow_nbsp",
                 "a\xE2\x80\xAF"
                 "b",
                 "a b"},
        TextCase{"em_space_run", "a\xE2\x80\x83\xE2\x80\x83 b", "a b"},
        TextCase{"ideographic_space",
                 "a\xE3\x80\x80"
                 "b",
                 "a b"},
        TextCase{"nbsp_trimmed",
                 "\xC2\xA0"
                 "a\xC2\xA0",
                 "a"},
        TextCase{"soft_hyphen",
                 "Planea\xC2\xAD"
                 "ción",
                 "Planeación"},
        TextCase{"zero_width_space",
                 "a\xE2\x80\x8B"
                 "b",
                 "ab"},
        TextCase{"zwnj_zwj",
                 "a\xE2\x80\x8C\xE2\x80\x8D"
                 "b",
                 "ab"},
        TextCase{"word_joiner",
                 "a\xE2\x81\xA0"
                 "b",
                 "ab"},
        TextCase{"bom", "\xEF\xBB\xBFSECRETARÍA", "SECRETARÍA"},
        TextCase{"line_separator",
                 "a\xE2\x80\xA8"
                 "b",
                 "a b"},
        TextCase{"invalid_utf8",
                 "a\xFF"
                 "b",
                 "a\xEF\xBF\xBD"
                 "b"},
        TextCase{"truncated_utf8", "ab\xC3", "ab\xEF\xBF\xBD"},
        TextCase{"quotes_kept", "«Capital»", "«Capital»"}));

class StripQuotesTest : public testing::TestWithParam<TextCase> {};

TEST_P(StripQuotesTest, Strips) {
  EXPECT_EQ(strip_surrounding_quotes(GetParam().input), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, StripQuotesTest,
    testing::Values(TextCase{"straight", "\"Capital de la Nueva Gobernanza\"",
                             "Capital de la Nueva Gobernanza"},
                    TextCase{"curly", "“Capital”", "Capital"},
                    TextCase{"guillemets", "«Capital»", "Capital"},
                    TextCase{"single", "'Capital'", "Capital"},
                    TextCase{"single_curly", "‘Capital’", "Capital"},
                    TextCase{"spaces_inside", "  “ Capital ”  ", "Capital"},
                    TextCase{"only_one_pair", "\"\"Capital\"\"", "\"Capital\""},
                    TextCase{"no_quotes", "Capital", "Capital"},
                    TextCase{"unbalanced_open", "\"Capital", "\"Capital"},
                    TextCase{"unbalanced_mixed", "«Capital\"", "«Capital\""},
                    TextCase{"inner_quotes_kept", "El «buen» gobierno", "El «buen» gobierno"},
                    TextCase{"lone_quote", "\"", "\""},
                    TextCase{"normalizes_too", "«Capital\xC2\xA0\xC2\xA0Nueva»", "Capital Nueva"}));

class FoldTest : public testing::TestWithParam<TextCase> {};

TEST_P(FoldTest, Folds) {
  EXPECT_EQ(fold_for_match(GetParam().input), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, FoldTest,
    testing::Values(
        TextCase{"upper_accented", "NÚMERO DE ACCIÓN", "numero de accion"},
        TextCase{"lower_colon", "numero de accion:", "numero de accion"},
        TextCase{"upper_plain", "NUMERO DE ACCION", "numero de accion"},
        TextCase{"wrapped", "Número de\nAcción", "numero de accion"},
        TextCase{"decomposed_input", "Nu\xCC\x81mero", "numero"}, TextCase{"enye", "AÑO", "ano"},
        TextCase{"punctuation_runs", "INVERSIÓN APROX. POR ACTIVIDAD",
                 "inversion aprox por actividad"},
        TextCase{"markup_left_over", "<b>PARTIDA PRESUPUESTAL</b>", "b partida presupuestal b"},
        TextCase{"nbsp_and_tabs", "ÁREA\xC2\xA0\tRESPONSABLE", "area responsable"},
        TextCase{"digits_kept", "3.5.1 Informar", "3 5 1 informar"},
        TextCase{"ligature", "\xEF\xAC\x81NAL", "final"}, TextCase{"only_punct", " :-; ", ""},
        TextCase{"empty", "", ""}, TextCase{"soft_hyphen", "PROPÓ\xC2\xADSITO", "proposito"},
        TextCase{"upper_umlaut", "LINGÜÍSTICA", "linguistica"}));

class FoldAccentsTest : public testing::TestWithParam<TextCase> {};

TEST_P(FoldAccentsTest, Folds) {
  EXPECT_EQ(fold_accents(GetParam().input), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, FoldAccentsTest,
    testing::Values(TextCase{"ascii", "Nombre  del\nPrograma", "nombre del programa"},
                    TextCase{"punctuation_kept", "Área(s) RESPONSABLE(s)",
                             "area(s) responsable(s)"},
                    TextCase{"enye_umlaut", "AÑO LINGÜÍSTICO", "ano linguistico"},
                    TextCase{"decomposed_input", "Nu\xCC\x81mero", "numero"},
                    TextCase{"nbsp",
                             "Fecha\xC2\xA0"
                             "de término",
                             "fecha de termino"},
                    TextCase{"other_signs_kept", "Nº 4 – ½", "nº 4 – ½"},
                    TextCase{"empty", "", ""}));

// fold_for_match is fold_accents with the punctuation turned into spaces.
TEST(FoldAccentsTest, AgreesWithTheMatchKey) {
  for (const std::string in :
       {"NÚMERO DE ACCIÓN", "Área(s) RESPONSABLE(s)", "PROPÓ\xC2\xADSITO", "ÆSTHETIC ß",
        "Año\xC2\xA0"
        "Fiscal"}) {
    EXPECT_EQ(fold_for_match(fold_accents(in)), fold_for_match(in)) << in;
  }
}

TEST(MonthNamesTest, EverySpellingNamesItsMonth) {
  const std::vector<std::pair<std::string, std::optional<int>>> cases = {
      {"ene", 0},  {"enero", 0},     {"sep", 8},        {"sept", 8}, {"septiembre", 8},
      {"set", 8},  {"setiembre", 8}, {"dic", 11},       {"mayo", 4}, {"may", 4},
      {"ENE", {}}, {"enero ", {}},   {"primavera", {}}, {"", {}},    {"e", {}},
  };
  for (const auto& [word, month] : cases) EXPECT_EQ(month_from_folded(word), month) << word;
  // Longest first, so a scan at a position prefers the whole name to its abbreviation.
  const auto names = month_names();
  for (std::size_t i = 1; i < names.size(); ++i)
    EXPECT_GE(names[i - 1].folded.size(), names[i].folded.size()) << names[i].folded;
}

// The recogniser treats these as one label; they must share one key.
TEST(FoldTest, LabelVariantsShareKey) {
  const std::vector<std::string> variants = {
      "NÚMERO DE ACCIÓN", "numero de accion:", "NUMERO DE ACCION", "Número de\nAcción",
      "  Número\xC2\xA0"
      "de acción.  "};
  for (const std::string& v : variants) EXPECT_EQ(fold_for_match(v), "numero de accion") << v;
}

// The ASCII fast path and the ICU path must agree on ASCII text.
TEST(FoldTest, AsciiPathMatchesIcuPath) {
  const std::vector<std::string> inputs = {"Dpto. Seguimiento",
                                           "INVERSIÓN",
                                           "a-b_c",
                                           "X  Y\tZ",
                                           "PROPÓ\xC2\xADSITO",
                                           "Nu\xCC\x81mero",
                                           "ÆSTHETIC ß",
                                           "Año\xC2\xA0"
                                           "Fiscal",
                                           "Nº 4",
                                           "½ y ¼"};
  for (const std::string& in : inputs) {
    // Appending a zero-width space forces the ICU path without changing the key.
    EXPECT_EQ(fold_for_match(in), fold_for_match(in + "\xE2\x80\x8B")) << in;
  }
}

// The Latin fast path (code points below U+0370) must give ICU's key for every one of them,
// alone and between letters.
TEST(FoldTest, LatinFastPathMatchesIcuForEveryCodePoint) {
  auto utf8 = [](char32_t cp) {
    std::string s;
    if (cp < 0x800) {
      s += static_cast<char>(0xC0 | (cp >> 6));
    } else {
      s += static_cast<char>(0xE0 | (cp >> 12));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    }
    s += static_cast<char>(0x80 | (cp & 0x3F));
    return s;
  };
  const std::string force_icu = "\xE2\x80\x8B";  // U+200B: outside the table, removed
  for (char32_t cp = 0x80; cp < 0x370; ++cp) {
    // append, not "Xy" + …: gcc 12 at -O3 warns falsely (-Wrestrict) on a literal + a temporary.
    for (const std::string& text : {utf8(cp), std::string("Xy").append(utf8(cp)).append("Z"),
                                    std::string("e").append(utf8(cp))}) {
      EXPECT_EQ(fold_for_match(text), fold_for_match(text + force_icu))
          << "U+" << std::hex << static_cast<unsigned>(cp);
    }
  }
}

// fold_first_token is the first token of the match key: its ASCII fast path and the full fold
// agree (accented words go through the full fold).
TEST(FoldTest, FirstTokenIsTheKeysFirstToken) {
  struct Case {
    std::string raw, token;
  };
  const std::vector<Case> cases = {
      {"NÚMERO DE ACCIÓN", "numero"},
      {"Meta:", "meta"},
      {"- META", "meta"},
      {"(1) Estrategia", "1"},
      {"  -- 3.5.1 Informar", "3"},
      {"$1,200.00", "1"},
      {"Dpto.Seguimiento", "dpto"},
      {"x\ty", "x"},
      {"a\rb", "a"},
      {"ÁREA RESPONSABLE", "area"},
      {"¿Qué?", "que"},
      {"«Capital» 2024", "capital"},
      {"- ÑANDÚ", "nandu"},
      {"PROPÓ\xC2\xADSITO", "proposito"},
      {"\xEF\xAC\x81NAL x", "final"},
      {"Nu\xCC\x81mero 2", "numero"},
      {"Área(s) RESPONSABLE(s)", "area"},
      {"-- ... --", ""},
      {"  ", ""},
      {"", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(fold_first_token(c.raw), c.token) << c.raw;
    const std::string key = fold_for_match(c.raw);
    EXPECT_EQ(fold_first_token(c.raw), key.substr(0, key.find(' '))) << c.raw;
  }
}

// The mapped key is the match key, and each byte points at the character it came from.
TEST(FoldTest, MappedKeyPointsBackAtTheRawText) {
  struct Case {
    std::string raw, key;
    std::vector<std::uint32_t> source;
  };
  const std::vector<Case> cases = {
      {"Ab", "ab", {0, 1}},
      {"ÁREA  x", "area x", {0, 2, 3, 4, 5, 7}},  // Á is two bytes; the space stands for both
      {"(ñ)", "n", {1}},
      {"\xEF\xAC\x81n", "fin", {0, 0, 3}},  // a ligature gives two letters from one character
      {"Nu\xCC\x81m", "num", {0, 1, 4}},    // the combining mark is dropped
      {"", "", {}},
  };
  MappedKey out;
  for (const Case& c : cases) {
    fold_for_match(c.raw, out);
    EXPECT_EQ(out.key, c.key) << c.raw;
    EXPECT_EQ(out.source, c.source) << c.raw;
  }
  for (const std::string in : {"NÚMERO DE ACCIÓN", "Área(s) RESPONSABLE(s)", "PROPÓ\xC2\xADSITO",
                               "ÆSTHETIC ß", "  -3.5.1 Informar- "}) {
    fold_for_match(in, out);
    EXPECT_EQ(out.key, fold_for_match(in)) << in;
  }
}

TEST(MonthNamesTest, FoundInsideText) {
  struct Case {
    std::string raw;
    std::vector<std::tuple<std::size_t, std::size_t, int>> spans;  // bytes [begin, end), month
  };
  const std::vector<Case> cases = {
      {"ENE", {{0, 3, 0}}},
      {"anualEne", {{5, 8, 0}}},           // glued to the cell on its left
      {"EneFeb", {{0, 3, 0}, {3, 6, 1}}},  // two month cells glued
      {"Diciembre.", {{0, 9, 11}}},
      {"SEPTIEMBRE", {{0, 10, 8}}},  // the longest spelling wins
      {"ENERO", {{0, 5, 0}}},
      {"Energía", {}},  // a word that starts like a month
      {"ENEFEB", {}},   // no case change: one unknown word
      {"2022Mar", {{4, 7, 2}}},
      {"Ágosto", {{0, 7, 7}}},  // accents are optional
  };
  MappedKey key;
  std::vector<MonthSpan> spans;
  for (const Case& c : cases) {
    spans.clear();
    find_month_names(c.raw, key, spans);
    std::vector<std::tuple<std::size_t, std::size_t, int>> got;
    for (const MonthSpan& m : spans) got.emplace_back(m.begin, m.end, m.month);
    EXPECT_EQ(got, c.spans) << c.raw;
  }
}

// One capitals test for the layout's label lines and the normaliser's glued OCR labels:
// accented capitals count, and any lower-case letter (accented too) spoils it.
TEST(UpperCaseTest, CapitalsAccentedOrNot) {
  const std::pair<std::string_view, bool> cases[] = {
      {"NÚMERO DE ACCIÓN", true},
      {"AÑO 2024", true},
      {"Ñ", true},
      {"ÉXITO", true},
      {"ACCIóN", false},
      {"Acción", false},
      {"2024", false},
      {"- $ 1,200", false},
      {"", false},
  };
  for (const auto& [input, upper] : cases) EXPECT_EQ(is_upper_case(input), upper) << input;
}

}  // namespace
}  // namespace poa::text
