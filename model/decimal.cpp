// Exact decimal arithmetic over a 64-bit mantissa.
#include "model/decimal.hpp"

#include <cassert>
#include <cstdlib>
#include <limits>

namespace poa {
namespace {

constexpr int kMaxScale = 9;

std::int64_t pow10(int n) {
  std::int64_t p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

}  // namespace

std::optional<Decimal> Decimal::parse_plain(std::string_view text) {
  if (text.empty()) return std::nullopt;
  bool negative = false;
  std::size_t i = 0;
  if (text[0] == '-') {
    negative = true;
    i = 1;
  }
  std::int64_t mantissa = 0;
  int scale = 0;
  bool seen_point = false;
  bool seen_digit = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.') {
      if (seen_point) return std::nullopt;
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    seen_digit = true;
    if (seen_point) {
      if (scale == kMaxScale) return std::nullopt;
      ++scale;
    }
    if (mantissa > (std::numeric_limits<std::int64_t>::max() - (c - '0')) / 10) return std::nullopt;
    mantissa = mantissa * 10 + (c - '0');
  }
  if (!seen_digit) return std::nullopt;
  return Decimal{negative ? -mantissa : mantissa, scale};
}

Decimal Decimal::rescaled(int new_scale) const {
  assert(new_scale >= scale && new_scale <= kMaxScale);
  return Decimal{mantissa * pow10(new_scale - scale), new_scale};
}

Decimal Decimal::trimmed() const {
  Decimal d = *this;
  while (d.scale > 0 && d.mantissa % 10 == 0) {
    d.mantissa /= 10;
    --d.scale;
  }
  return d;
}

bool Decimal::is_integer() const { return trimmed().scale == 0; }

std::string Decimal::to_string() const {
  const Decimal d = trimmed();
  return d.to_fixed(d.scale);
}

std::string Decimal::to_fixed(int digits) const {
  Decimal d = *this;
  if (digits > d.scale) {
    d = d.rescaled(digits);
  } else if (digits < d.scale) {
    const std::int64_t div = pow10(d.scale - digits);
    std::int64_t q = d.mantissa / div;
    const std::int64_t r = d.mantissa % div;
    if (std::llabs(r) * 2 >= div) q += d.mantissa < 0 ? -1 : 1;
    d = Decimal{q, digits};
  }
  const bool negative = d.mantissa < 0;
  std::string digits_text = std::to_string(negative ? -d.mantissa : d.mantissa);
  if (d.scale > 0) {
    // (Built by appending rather than insert(): GCC 12 at -O3 warns falsely on insert here.)
    const auto scale = static_cast<std::size_t>(d.scale);
    if (digits_text.size() <= scale) {
      digits_text = std::string(scale + 1 - digits_text.size(), '0') + digits_text;
    }
    const std::size_t units = digits_text.size() - scale;
    std::string with_point = digits_text.substr(0, units);
    with_point += '.';
    with_point.append(digits_text, units, scale);
    digits_text = std::move(with_point);
  }
  return negative ? "-" + digits_text : digits_text;
}

double Decimal::to_double() const {
  return static_cast<double>(mantissa) / static_cast<double>(pow10(scale));
}

Decimal operator+(const Decimal& a, const Decimal& b) {
  const int s = a.scale > b.scale ? a.scale : b.scale;
  return Decimal{a.rescaled(s).mantissa + b.rescaled(s).mantissa, s};
}

Decimal operator-(const Decimal& a, const Decimal& b) {
  const int s = a.scale > b.scale ? a.scale : b.scale;
  return Decimal{a.rescaled(s).mantissa - b.rescaled(s).mantissa, s};
}

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  const int s = a.scale > b.scale ? a.scale : b.scale;
  return a.rescaled(s).mantissa <=> b.rescaled(s).mantissa;
}

}  // namespace poa
