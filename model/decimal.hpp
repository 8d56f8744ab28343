// Exact decimal numbers for money and quantities: never a binary float in arithmetic.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace poa {

// A decimal value `mantissa × 10^-scale`. Money keeps scale 2 (integer cents); quantities keep
// the digits they were written with. Arithmetic and comparison align scales exactly.
struct Decimal {
  std::int64_t mantissa = 0;
  int scale = 0;  // digits after the decimal point, 0..9

  static Decimal from_int(std::int64_t v) { return Decimal{v, 0}; }
  static Decimal from_cents(std::int64_t cents) { return Decimal{cents, 2}; }

  // Parses a plain ASCII number: optional '-', digits, optional '.' and digits. No grouping,
  // no currency. Returns nullopt on anything else or on overflow.
  static std::optional<Decimal> parse_plain(std::string_view text);

  // The same value at a larger scale (exact); scale must be >= this->scale.
  [[nodiscard]] Decimal rescaled(int new_scale) const;
  // Removes trailing fractional zeros: 10.50 -> 10.5, 3.00 -> 3.
  [[nodiscard]] Decimal trimmed() const;
  [[nodiscard]] bool is_integer() const;

  // Canonical text, locale-independent, trailing zeros trimmed: "10000", "1234.5", "-0.25".
  [[nodiscard]] std::string to_string() const;
  // Text with exactly `digits` decimals (rounding half away from zero when shortening): "10000.00".
  [[nodiscard]] std::string to_fixed(int digits) const;
  [[nodiscard]] double to_double() const;  // for display and schema checks only

  friend Decimal operator+(const Decimal& a, const Decimal& b);
  friend Decimal operator-(const Decimal& a, const Decimal& b);
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);
  friend bool operator==(const Decimal& a, const Decimal& b) { return (a <=> b) == 0; }
  Decimal& operator+=(const Decimal& o) { return *this = *this + o; }
};

}  // namespace poa
