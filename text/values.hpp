// Raw cell text -> typed values. Each parser gets non-empty text (callers map an empty cell to
// null before calling) and returns nullopt when the text is not of its type; the caller then
// keeps the raw text and reports INVALID_VALUE.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/decimal.hpp"
#include "model/document.hpp"

namespace poa::text {

// Money -> Decimal at scale 2 (integer cents). Accepts `$10,000.00`, `\$10,000.00`, `$ 10,000`,
// `10,000.00`, `$1,234.5`, `$0.00`, `$10000`, `10,000.00 M.N.`/`MXN`, a lone dash (zero), and a
// leading minus or parentheses for negatives. Thousands separators must be well placed.
std::optional<Decimal> parse_money(std::string_view text);

// Money as POA templates print it, locale-independent: `$10,000.00`, `-$1,234.50`.
std::string format_money(const Decimal& amount);

// A quantity cell (annual programme, a month): `-`, `–`, `—` -> 0; `12`, `1,200`, `0.5`,
// `33.33` -> exact value. Anything else -> nullopt.
std::optional<Decimal> parse_quantity(std::string_view text);

// Written as a quantity: digits, `.`, `,` and dashes (`-`, `–`, `—`) only, as a month or annual
// value is (`1,200`, `33.33`, `-`). The shape a layout sees in a word before any cell is read;
// parse_quantity says whether it is a well-formed one.
bool looks_like_quantity(std::string_view token);

// Holds an ASCII digit somewhere (`Meta 2024`, `$0.00`): text that may carry a value.
bool has_digit(std::string_view text);

// ASCII digits and nothing else (`2024`, not `2,024` nor an empty text).
bool is_digits(std::string_view text);

// A whole number such as the action number: `4`, `04`, `4.`, `No. 4` -> 4.
std::optional<std::int64_t> parse_integer(std::string_view text);

// `M74,535 H 71,612`, `M 74535 H 71612`, `M77,635 H71972`, `Mujeres: 74,535 Hombres: 71,612`,
// `H 10 M 12` (either order) -> mujeres, hombres, total = their sum; a lone number
// (`146,147`) -> total only.
std::optional<Beneficiaries> parse_beneficiaries(std::string_view text);

// `3.5 Rendición de cuentas…` -> {"3.5", "Rendición de cuentas…"}; `3.5.1. Informar` ->
// {"3.5.1", "Informar"}; text with no leading code -> {nullopt, text}. Always succeeds.
CodedText parse_coded_text(std::string_view text);

// `2111, 2611`, `2111,2611`, `2111 2611`, `2111 y 2611`, `2111; 2611` -> {"2111","2611"}.
// Each item is a 3- to 5-digit code. nullopt when anything else is in the text.
std::optional<std::vector<std::string>> parse_partidas(std::string_view text);

// The first plausible year (1990–2100) in a title such as `PROGRAMA OPERATIVO ANUAL 2022`.
std::optional<int> parse_year(std::string_view text);

}  // namespace poa::text
