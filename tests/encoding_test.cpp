// Encoding detection and conversion of text dumps: BOMs, UTF-8 validation, ICU detection.
#include "extractor/encoding.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace poa::extractor {
namespace {

struct ValidityCase {
  std::string name;
  std::string bytes;
  bool valid;
};

TEST(IsValidUtf8Test, Cases) {
  const std::vector<ValidityCase> cases = {
      {"empty", "", true},
      {"ascii", "PROGRAMA OPERATIVO ANUAL 2022\t\t$10,000.00", true},
      {"long ascii then accent", std::string(37, 'a') + "\xC3\xAD", true},
      {"two-byte",
       "Secretar\xC3\xAD"
       "a",
       true},
      {"three-byte en dash", "2021 \xE2\x80\x93 2022", true},
      {"four-byte emoji", "\xF0\x9F\x93\x84", true},
      {"max code point", "\xF4\x8F\xBF\xBF", true},
      {"latin-1 byte",
       "Secretar\xED"
       "a",
       false},
      {"lone continuation", "\x80", false},
      {"overlong two-byte", "\xC0\xAF", false},
      {"C1 lead", "\xC1\xBF", false},
      {"overlong three-byte", "\xE0\x80\xAF", false},
      {"surrogate", "\xED\xA0\x80", false},
      {"above U+10FFFF", "\xF4\x90\x80\x80", false},
      {"F5 lead", "\xF5\x80\x80\x80", false},
      {"truncated at end", "abc\xE2\x80", false},
      {"truncated before ascii",
       "\xE2\x80"
       "abc",
       false},
      {"ascii run then bad byte", std::string(16, 'x') + "\xFF" + std::string(16, 'x'), false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(is_valid_utf8(c.bytes), c.valid) << c.name;
  }
}

struct DecodeCase {
  std::string name;
  std::string bytes;
  std::string expected_utf8;
  std::string expected_encoding;
  EncodingSource expected_source;
};

std::string utf16le(std::u16string_view text) {
  std::string out;
  for (char16_t c : text) {
    out += static_cast<char>(c & 0xFF);
    out += static_cast<char>(c >> 8);
  }
  return out;
}

std::string utf16be(std::u16string_view text) {
  std::string out;
  for (char16_t c : text) {
    out += static_cast<char>(c >> 8);
    out += static_cast<char>(c & 0xFF);
  }
  return out;
}

TEST(DecodeToUtf8Test, Cases) {
  const std::string planeacion = "Secretaría de Planeación – 2022";
  const std::vector<DecodeCase> cases = {
      {"pure ascii", "ENE\tFEB\tMAR\r\n", "ENE\tFEB\tMAR\r\n", "UTF-8", EncodingSource::kValidUtf8},
      {"utf-8", planeacion, planeacion, "UTF-8", EncodingSource::kValidUtf8},
      {"utf-8 with BOM", "\xEF\xBB\xBF" + planeacion, planeacion, "UTF-8 (BOM)",
       EncodingSource::kBom},
      {"only a BOM", "\xEF\xBB\xBF", "", "UTF-8 (BOM)", EncodingSource::kBom},
      {"BOM then a stray Latin-1 byte",
       "\xEF\xBB\xBF"
       "Acci\xF3n",
       "Acci\xEF\xBF\xBDn", "UTF-8 (BOM)", EncodingSource::kBom},
      // 0x96 is the en dash, only in Windows-1252: ICU's detector or our C1 rule must say so.
      {"windows-1252",
       "Secretar\xED"
       "a de Planeaci\xF3n \x96 2022",
       planeacion, "windows-1252", EncodingSource::kDetected},
      {"windows-1252 curly quotes",
       "\x93"
       "Capital de la Nueva Gobernanza\x94, Direcci\xF3n de Educaci\xF3n y A\xF1o 2022",
       "“Capital de la Nueva Gobernanza”, Dirección de Educación y Año 2022", "windows-1252",
       EncodingSource::kDetected},
      {"latin-1",
       "Secretar\xED"
       "a de Planeaci\xF3n. N\xFAmero de acci\xF3n: 2022",
       "Secretaría de Planeación. Número de acción: 2022", "ISO-8859-1", EncodingSource::kDetected},
      {"utf-16le with BOM", "\xFF\xFE" + utf16le(u"Secretaría de Planeación – 2022\r\n"),
       planeacion + "\r\n", "UTF-16LE", EncodingSource::kBom},
      {"utf-16be with BOM", "\xFE\xFF" + utf16be(u"Acción\tÁREA"), "Acción\tÁREA", "UTF-16BE",
       EncodingSource::kBom},
      // Bytes Windows-1252 leaves undefined and nothing else to go on: no detector result is
      // trusted, so the fallback maps them (to C1 controls) and says it guessed.
      {"undetectable", "\x81\x8D\x8F\x90\x9D", "\xC2\x81\xC2\x8D\xC2\x8F\xC2\x90\xC2\x9D",
       std::string(kFallbackEncoding), EncodingSource::kFallback},
  };
  for (const auto& c : cases) {
    const DecodedText decoded = decode_to_utf8(c.bytes);
    EXPECT_EQ(decoded.utf8, c.expected_utf8) << c.name;
    EXPECT_EQ(decoded.encoding, c.expected_encoding) << c.name;
    EXPECT_EQ(decoded.source, c.expected_source) << c.name;
    EXPECT_TRUE(is_valid_utf8(decoded.utf8)) << c.name;
    if (c.expected_source == EncodingSource::kDetected) {
      EXPECT_GE(decoded.confidence, 20) << c.name;
    } else {
      EXPECT_EQ(decoded.confidence, 0) << c.name;
    }
  }
}

// Whatever the input, the output is valid UTF-8 and the call does not throw: a small sweep
// over every single byte and every byte pair that starts with a non-ASCII byte.
TEST(DecodeToUtf8Test, AlwaysValidOutput) {
  for (int a = 0; a < 256; ++a) {
    const std::string one(1, static_cast<char>(a));
    EXPECT_TRUE(is_valid_utf8(decode_to_utf8(one).utf8)) << a;
    for (int b = 0; b < 256; b += 7) {
      std::string two = "Acci" + one + static_cast<char>(b) + "n";
      EXPECT_TRUE(is_valid_utf8(decode_to_utf8(two).utf8)) << a << ' ' << b;
    }
  }
}

// A longer Windows-1252 document: the detector sees Spanish and the conversion is exact.
TEST(DecodeToUtf8Test, LongWindows1252Document) {
  std::string bytes;
  std::string expected;
  for (int i = 0; i < 500; ++i) {
    bytes +=
        "Publicaci\xF3n de los Programas Operativos Anuales \x96 Secretar\xED"
        "a\t\\$0.00\r\n";
    expected += "Publicación de los Programas Operativos Anuales – Secretaría\t\\$0.00\r\n";
  }
  const DecodedText decoded = decode_to_utf8(bytes);
  EXPECT_EQ(decoded.encoding, "windows-1252");
  EXPECT_EQ(decoded.utf8, expected);
}

}  // namespace
}  // namespace poa::extractor
