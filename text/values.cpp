// Parsers for the typed cells of a POA: money, quantities, numbers, beneficiaries, codes, years.
#include "text/values.hpp"

#include <algorithm>
#include <limits>
#include <utility>

#include "text/unicode.hpp"

namespace poa::text {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

bool iends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// "-", "–" (en dash), "—" (em dash) or "−" (minus sign) on its own: the templates' "nothing".
bool is_lone_dash(std::string_view s) {
  return s == "-" || s == "\u2013" || s == "\u2014" || s == "\u2212";
}

// Leading minus in any of the spellings a word processor produces.
bool consume_minus(std::string_view& s) {
  for (const std::string_view m :
       {std::string_view("-"), std::string_view("\u2212"), std::string_view("\u2013")}) {
    if (s.starts_with(m)) {
      s.remove_prefix(m.size());
      return true;
    }
  }
  return false;
}

// Digits with optional well-placed thousands commas (`1,234,567`, or `1234567`), an optional
// `.` and at least one fractional digit. The whole view must match. `max_fraction` < 0 means no
// limit (up to Decimal's 9).
std::optional<Decimal> parse_grouped_number(std::string_view s, int max_fraction) {
  std::size_t i = 0;
  std::string plain;
  plain.reserve(s.size());
  std::size_t group_len = 0;
  bool grouped = false;
  while (i < s.size() && (is_digit(s[i]) || s[i] == ',')) {
    if (s[i] == ',') {
      // The first group has 1–3 digits; every later group exactly 3.
      if (group_len == 0 || (grouped ? group_len != 3 : group_len > 3)) return std::nullopt;
      grouped = true;
      group_len = 0;
    } else {
      plain += s[i];
      ++group_len;
    }
    ++i;
  }
  if (group_len == 0 || (grouped && group_len != 3)) return std::nullopt;
  if (i < s.size()) {
    if (s[i] != '.') return std::nullopt;
    const std::string_view fraction = s.substr(i + 1);
    if (fraction.empty()) return std::nullopt;
    if (max_fraction >= 0 && fraction.size() > static_cast<std::size_t>(max_fraction)) {
      return std::nullopt;
    }
    for (const char c : fraction) {
      if (!is_digit(c)) return std::nullopt;
    }
    plain += '.';
    plain += fraction;
  }
  return Decimal::parse_plain(plain);
}

// `M.N.`, `MN`, `MXN`, `pesos` after the amount, separated by spaces or not.
std::string_view strip_currency_suffix(std::string_view s) {
  for (const std::string_view suffix :
       {std::string_view("M.N."), std::string_view("M.N"), std::string_view("MXN"),
        std::string_view("MN"), std::string_view("pesos")}) {
    if (iends_with(s, suffix)) {
      std::string_view rest = trim(s.substr(0, s.size() - suffix.size()));
      // Only a suffix after a digit; `pesos` alone or `M.N.` alone is not money.
      if (!rest.empty() && is_digit(rest.back())) return rest;
    }
  }
  return s;
}

// Reads one grouped integer (`74,535`, `71612`) at s[i]. A comma continues the number only
// when exactly three digits follow it, so in `74,535, H 71,612` the number ends before `, H`.
std::optional<std::int64_t> read_grouped_integer(std::string_view s, std::size_t& i) {
  std::int64_t value = 0;
  const std::size_t start = i;
  auto append_digit = [&](char c) {
    if (value > (std::numeric_limits<std::int64_t>::max() - 9) / 10) return false;
    value = value * 10 + (c - '0');
    return true;
  };
  while (i < s.size() && is_digit(s[i])) {
    if (!append_digit(s[i++])) return std::nullopt;
  }
  if (i == start) return std::nullopt;
  if (i - start > 3) return value;  // `74535`: not grouped
  auto group_follows = [&] {
    return i + 3 < s.size() && s[i] == ',' && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
           is_digit(s[i + 3]) && (i + 4 == s.size() || !is_digit(s[i + 4]));
  };
  while (group_follows()) {
    for (std::size_t k = 1; k <= 3; ++k) {
      if (!append_digit(s[i + k])) return std::nullopt;
    }
    i += 4;
  }
  return value;
}

}  // namespace

std::optional<Decimal> parse_money(std::string_view text) {
  const std::string normalized = normalize_text(text);
  std::string_view s = normalized;
  if (s.empty()) return std::nullopt;
  if (is_lone_dash(s)) return Decimal::from_cents(0);

  bool negative = false;
  if (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
    negative = true;
    s = trim(s.substr(1, s.size() - 2));
  }
  s = strip_currency_suffix(s);
  if (consume_minus(s)) {
    if (negative) return std::nullopt;
    negative = true;
    s = trim(s);
  }
  // Text dumps escape the dollar sign for Markdown: `\$10,000.00`.
  if (s.starts_with("\\$")) {
    s.remove_prefix(2);
  } else if (s.starts_with("$")) {
    s.remove_prefix(1);
  }
  s = trim(s);
  // Excel's accounting format prints zero as `$ -`.
  if (is_lone_dash(s) && !negative) return Decimal::from_cents(0);
  if (consume_minus(s)) {  // `$-10.00`
    if (negative) return std::nullopt;
    negative = true;
  }
  std::optional<Decimal> value = parse_grouped_number(s, 2);
  if (!value) return std::nullopt;
  Decimal cents = value->rescaled(2);
  if (negative) cents.mantissa = -cents.mantissa;
  return cents;
}

std::optional<Decimal> parse_quantity(std::string_view text) {
  const std::string normalized = normalize_text(text);
  if (normalized.empty()) return std::nullopt;
  if (is_lone_dash(normalized)) return Decimal::from_int(0);
  return parse_grouped_number(normalized, -1);
}

bool looks_like_quantity(std::string_view token) {
  if (token.empty()) return false;
  for (std::size_t i = 0; i < token.size(); ++i) {
    const auto c = static_cast<unsigned char>(token[i]);
    if (is_digit(static_cast<char>(c)) || c == '.' || c == ',' || c == '-') continue;
    // U+2013 and U+2014 (en and em dash): E2 80 93 / E2 80 94.
    if (c == 0xE2 && i + 2 < token.size() && token.substr(i, 2) == "\xE2\x80" &&
        (token[i + 2] == '\x93' || token[i + 2] == '\x94')) {
      i += 2;
      continue;
    }
    return false;
  }
  return true;
}

bool has_digit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), is_digit);
}

bool is_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_digit);
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
  const std::string normalized = normalize_text(text);
  std::string_view s = normalized;
  // "No. 4", "Nº 4", "N° 4", "Núm. 4", "#4": a number sign in front of the number.
  const std::size_t first_digit = s.find_first_of("0123456789");
  if (first_digit == std::string_view::npos) return std::nullopt;
  const std::string_view prefix = trim(s.substr(0, first_digit));
  if (!prefix.empty() && prefix != "#") {
    static constexpr std::string_view kNumberSigns[] = {"no",     "n",       "num",
                                                        "numero", "n\u00ba", "nro"};
    const std::string key = fold_for_match(prefix);
    bool known = false;
    for (const std::string_view sign : kNumberSigns) known = known || key == sign;
    // A key alone is not enough: `-4` folds to "" and must not read as 4.
    if (!known || !(prefix[0] == 'N' || prefix[0] == 'n')) return std::nullopt;
  }
  s.remove_prefix(first_digit);
  s = trim(s);
  if (s.ends_with('.')) s.remove_suffix(1);
  if (s.empty()) return std::nullopt;
  std::int64_t value = 0;
  for (const char c : s) {
    if (!is_digit(c)) return std::nullopt;
    if (value > (std::numeric_limits<std::int64_t>::max() - 9) / 10) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<Beneficiaries> parse_beneficiaries(std::string_view text) {
  const std::string normalized = normalize_text(text);
  const std::string_view s = normalized;

  // Tokens: numbers and words; punctuation between them only separates.
  enum class Label { kMujeres, kHombres, kTotal, kUnit };
  struct Token {
    bool is_number = false;
    std::int64_t number = 0;
    Label label = Label::kUnit;
  };
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == ' ' || c == ':' || c == ',' || c == ';' || c == '/' || c == '.' || c == '-' ||
        c == '(' || c == ')') {
      ++i;
      continue;
    }
    if (is_digit(c)) {
      const std::optional<std::int64_t> n = read_grouped_integer(s, i);
      if (!n) return std::nullopt;
      tokens.push_back(Token{true, *n, Label::kUnit});
      continue;
    }
    // A word: ASCII letters and any non-ASCII bytes, so unknown accented words are rejected.
    const std::size_t start = i;
    while (i < s.size() && !is_digit(s[i]) && s[i] != ' ' && s[i] != ':' && s[i] != ',' &&
           s[i] != ';' && s[i] != '/' && s[i] != '.' && s[i] != '-' && s[i] != '(' && s[i] != ')') {
      ++i;
    }
    const std::string_view word = s.substr(start, i - start);
    if (iequals(word, "y") || iequals(word, "e")) continue;
    Token t;
    if (iequals(word, "m") || iequals(word, "mujeres") || iequals(word, "mujer")) {
      t.label = Label::kMujeres;
    } else if (iequals(word, "h") || iequals(word, "hombres") || iequals(word, "hombre")) {
      t.label = Label::kHombres;
    } else if (iequals(word, "total") || iequals(word, "t")) {
      t.label = Label::kTotal;
    } else if (iequals(word, "personas") || iequals(word, "habitantes") ||
               iequals(word, "beneficiarios")) {
      t.label = Label::kUnit;
    } else {
      return std::nullopt;
    }
    tokens.push_back(t);
  }

  Beneficiaries out;
  // `146,147` or `146,147 personas`: the total only.
  if (!tokens.empty() && tokens[0].is_number &&
      (tokens.size() == 1 ||
       (tokens.size() == 2 && !tokens[1].is_number && tokens[1].label == Label::kUnit))) {
    out.total = tokens[0].number;
    return out;
  }
  if (tokens.empty() || tokens.size() % 2 != 0) return std::nullopt;
  // Pairs of label and number (`M 74,535 H 71,612`), or number and label (`74,535 mujeres`);
  // the whole text uses one of the two orders.
  const bool label_first = !tokens[0].is_number;
  std::optional<std::int64_t> total;
  for (std::size_t k = 0; k < tokens.size(); k += 2) {
    const Token& label = label_first ? tokens[k] : tokens[k + 1];
    const Token& number = label_first ? tokens[k + 1] : tokens[k];
    if (label.is_number || !number.is_number) return std::nullopt;
    std::optional<std::int64_t>* slot = nullptr;
    switch (label.label) {
      case Label::kMujeres:
        slot = &out.mujeres;
        break;
      case Label::kHombres:
        slot = &out.hombres;
        break;
      case Label::kTotal:
        slot = &total;
        break;
      case Label::kUnit:
        return std::nullopt;
    }
    if (slot->has_value()) return std::nullopt;  // the same label twice
    *slot = number.number;
  }
  if (!out.mujeres && !out.hombres) {
    out.total = total;
    return total ? std::optional<Beneficiaries>(out) : std::nullopt;
  }
  if (out.mujeres && out.hombres) {
    out.total = *out.mujeres + *out.hombres;
    // A stated total that contradicts its parts is not a value we can trust.
    if (total && *total != *out.total) return std::nullopt;
  } else {
    out.total = total;  // one part only: the total is unknown unless stated
  }
  return out;
}

CodedText parse_coded_text(std::string_view text) {
  const std::string normalized = normalize_text(text);
  const std::string_view s = normalized;
  CodedText out;
  // The code: 1–4 dot-separated numbers, an optional final dot.
  std::size_t i = 0;
  int parts = 0;
  while (parts < 4) {
    const std::size_t start = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i == start) break;
    ++parts;
    if (i < s.size() && s[i] == '.' && parts < 4 && i + 1 < s.size() && is_digit(s[i + 1])) {
      ++i;
      continue;
    }
    break;
  }
  std::size_t code_end = i;
  if (parts > 0 && i < s.size() && s[i] == '.') ++i;  // `3.5.1. Informar`
  const bool at_end = i == s.size();
  if (parts == 0 || (!at_end && s[i] != ' ' && s[i] != '-' && s[i] != ')')) {
    if (!s.empty()) out.nombre = std::string(s);
    return out;
  }
  out.codigo = std::string(s.substr(0, code_end));
  // The name after `3.5 `, `3.5.- `, `3.5) ` or `3.5 – `.
  std::string_view rest = s.substr(i);
  for (bool changed = true; changed;) {
    changed = false;
    for (const std::string_view sep :
         {std::string_view(" "), std::string_view("-"), std::string_view(")"),
          std::string_view(":"), std::string_view("\u2013"), std::string_view("\u2014")}) {
      if (rest.starts_with(sep)) {
        rest.remove_prefix(sep.size());
        changed = true;
      }
    }
  }
  if (!rest.empty()) out.nombre = std::string(rest);
  return out;
}

std::optional<std::vector<std::string>> parse_partidas(std::string_view text) {
  const std::string normalized = normalize_text(text);
  const std::string_view s = normalized;
  std::vector<std::string> items;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    // `-` separates too (`2111-2611`): a range of partidas is not something a POA writes,
    // and every item must still be a whole 3- to 5-digit code.
    auto is_separator = [](char ch) {
      return ch == ' ' || ch == ',' || ch == ';' || ch == '/' || ch == '-';
    };
    if (is_separator(c)) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < s.size() && !is_separator(s[i])) ++i;
    const std::string_view item = s.substr(start, i - start);
    if (iequals(item, "y")) continue;
    if (item.size() < 3 || item.size() > 5) return std::nullopt;
    for (const char d : item) {
      if (!is_digit(d)) return std::nullopt;
    }
    items.emplace_back(item);
  }
  if (items.empty()) return std::nullopt;
  return items;
}

std::optional<int> parse_year(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_digit(text[i])) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    if (i - start != 4) continue;  // part of a longer or shorter number
    const int year = (text[start] - '0') * 1000 + (text[start + 1] - '0') * 100 +
                     (text[start + 2] - '0') * 10 + (text[start + 3] - '0');
    if (year >= 1990 && year <= 2100) return year;
  }
  return std::nullopt;
}

std::string format_money(const Decimal& amount) {
  std::string fixed = amount.to_fixed(2);
  const bool negative = !fixed.empty() && fixed[0] == '-';
  if (negative) fixed.erase(0, 1);
  const std::size_t point = fixed.find('.');
  const std::string_view integer = std::string_view(fixed).substr(0, point);
  // Built forwards, a comma before each group of three from the right: gcc 12 at -O3 warned
  // falsely (-Wrestrict) on inserting the commas and on `"$" + integer + …`.
  std::string out = negative ? "-$" : "$";
  for (std::size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0) out += ',';
    out += integer[i];
  }
  out.append(fixed, point);
  return out;
}

}  // namespace poa::text
