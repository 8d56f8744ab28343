// Number formats: sections, literals, digit placeholders with grouping and rounding on the
// decimal digits (never on binary floats), percentages, currency brackets and dates.
#include "extractor/number_format.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace poa::extractor {
namespace {

// A non-negative number as decimal digits: value = 0.DIGITS × 10^point (digits without
// leading or trailing zeros; empty for zero).
struct Digits {
  std::string digits;
  int point = 0;
};

// Excel keeps 15 significant digits: round there first, so 0.30000000000000004 is 0.3.
Digits to_digits(double v) {
  Digits d;
  if (v == 0 || !std::isfinite(v)) return d;
  std::array<char, 40> buf{};
  std::snprintf(buf.data(), buf.size(), "%.14e", std::fabs(v));
  const std::string_view s(buf.data());
  const std::size_t e = s.find('e');
  d.digits.assign(1, s[0]).append(s.substr(2, e - 2));
  int exponent = 0;
  std::from_chars(s.data() + e + (s[e + 1] == '+' ? 2 : 1), s.data() + s.size(), exponent);
  d.point = exponent + 1;
  while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back();
  return d;
}

// Rounds half away from zero to `decimals` places (a negative count rounds to tens, …).
Digits rounded(Digits d, int decimals) {
  const int keep = d.point + decimals;
  if (keep >= static_cast<int>(d.digits.size())) return d;
  if (keep < 0) return Digits{};
  const bool up = d.digits[static_cast<std::size_t>(keep)] >= '5';
  d.digits.resize(static_cast<std::size_t>(keep));
  if (up) {
    int i = keep - 1;
    for (; i >= 0 && d.digits[static_cast<std::size_t>(i)] == '9'; --i)
      d.digits[static_cast<std::size_t>(i)] = '0';
    if (i < 0) {
      d.digits.insert(d.digits.begin(), '1');
      ++d.point;
    } else {
      ++d.digits[static_cast<std::size_t>(i)];
    }
  }
  while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back();
  if (d.digits.empty()) d.point = 0;
  return d;
}

std::string integer_part(const Digits& d) {
  if (d.point <= 0) return "";
  std::string out = d.digits.substr(0, std::min<std::size_t>(d.digits.size(), d.point));
  out.append(static_cast<std::size_t>(d.point) - out.size(), '0');
  return out;
}

std::string fraction_part(const Digits& d) {
  // 0.05 is digits "5" at point -1: the zeros between the point and the digits come first.
  if (d.point < 0) return std::string(static_cast<std::size_t>(-d.point), '0') + d.digits;
  if (d.point >= static_cast<int>(d.digits.size())) return "";
  return d.digits.substr(static_cast<std::size_t>(d.point));
}

std::string general(double v) {
  const Digits d = to_digits(v);
  if (d.digits.empty()) return "0";
  std::string whole = integer_part(d);
  if (whole.empty()) whole.push_back('0');
  const std::string fraction = fraction_part(d);
  return (v < 0 ? "-" : "") + whole + (fraction.empty() ? "" : "." + fraction);
}

std::string group_thousands(const std::string& whole) {
  std::string out;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) out += ',';
    out += whole[i];
  }
  return out;
}

// One section split into what the number pattern needs and the literal text around it.
struct Section {
  std::string before, after;  // literals before the first digit placeholder, and after it
  int int_zeros = 0;          // '0' placeholders before the point: minimum integer digits
  int frac_zeros = 0;         // '0' after the point: decimals always shown
  int frac_places = 0;        // every placeholder after the point: decimals at most
  bool grouping = false;      // a ',' between digit placeholders
  int scale_thousands = 0;    // trailing ',' after the last placeholder: ÷1000 each
  int percent = 0;            // '%' signs: ×100 each
  bool has_digits = false;
  bool is_date = false;
  bool is_text = false;  // '@': the section formats text
};

bool is_date_letter(char c) {
  switch (c) {
    case 'y':
    case 'Y':
    case 'm':
    case 'M':
    case 'd':
    case 'D':
    case 'h':
    case 'H':
    case 's':
    case 'S':
      return true;
    default:
      return false;
  }
}

std::vector<std::string_view> split_sections(std::string_view format) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  bool quoted = false;
  bool bracket = false;
  for (std::size_t i = 0; i < format.size(); ++i) {
    const char c = format[i];
    if (c == '\\' && !quoted) {
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && c == '[') {
      bracket = true;
    } else if (!quoted && c == ']') {
      bracket = false;
    } else if (!quoted && !bracket && c == ';') {
      out.push_back(format.substr(start, i - start));
      start = i + 1;
    }
  }
  out.push_back(format.substr(start));
  return out;
}

// Walks a section once: literals go to `before`/`after`, placeholders into the counters.
Section parse_section(std::string_view s) {
  Section sec;
  bool after_point = false;
  bool in_number = false;  // between the first and last digit placeholder
  int pending_commas = 0;
  auto literal = [&](std::string_view text) {
    if (in_number || sec.has_digits) {
      sec.after += text;
    } else {
      sec.before += text;
    }
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '"') {
      const std::size_t end = s.find('"', i + 1);
      literal(s.substr(i + 1, (end == std::string_view::npos ? s.size() : end) - i - 1));
      i = end == std::string_view::npos ? s.size() : end;
    } else if (c == '\\' && i + 1 < s.size()) {
      literal(s.substr(++i, 1));
    } else if (c == '_' && i + 1 < s.size()) {
      literal(" ");  // a space the width of the next character
      ++i;
    } else if (c == '*' && i + 1 < s.size()) {
      if (s[i + 1] == ' ') literal(" ");  // a fill: one of it is enough in text
      ++i;
    } else if (c == '[') {
      const std::size_t end = s.find(']', i);
      const std::string_view inside =
          s.substr(i + 1, (end == std::string_view::npos ? s.size() : end) - i - 1);
      if (!inside.empty() && inside[0] == '$') {  // [$$-80A], [$€-C0A]: the currency symbol
        literal(inside.substr(1, inside.find('-') == std::string_view::npos
                                     ? std::string_view::npos
                                     : inside.find('-') - 1));
      } else if (!inside.empty() && is_date_letter(inside[0])) {
        sec.is_date = true;  // [h]:mm elapsed time
      }
      i = end == std::string_view::npos ? s.size() : end;
    } else if (c == '0' || c == '#' || c == '?') {
      if (pending_commas > 0 && sec.has_digits && !after_point) sec.grouping = true;
      pending_commas = 0;
      sec.has_digits = true;
      in_number = true;
      if (after_point) {
        ++sec.frac_places;
        if (c == '0') ++sec.frac_zeros;
      } else if (c == '0') {
        ++sec.int_zeros;
      }
    } else if (c == '.' && (in_number || (i + 1 < s.size() && (s[i + 1] == '0' || s[i + 1] == '#' ||
                                                               s[i + 1] == '?')))) {
      after_point = true;
      in_number = true;
    } else if (c == ',' && in_number) {
      ++pending_commas;
    } else if (c == '%') {
      ++sec.percent;
      literal("%");
    } else if (c == '@') {
      sec.is_text = true;
    } else if (is_date_letter(c) && !sec.has_digits) {
      sec.is_date = true;
    } else if (c == 'E' || c == 'e') {
      literal(s.substr(i, 1));
    } else {
      if (in_number) in_number = false;
      literal(s.substr(i, 1));
    }
  }
  sec.scale_thousands = pending_commas;
  return sec;
}

std::string render_digits(double magnitude, const Section& sec) {
  for (int i = 0; i < sec.percent; ++i) magnitude *= 100;
  for (int i = 0; i < sec.scale_thousands; ++i) magnitude /= 1000;
  const Digits d = rounded(to_digits(magnitude), sec.frac_places);
  std::string whole = integer_part(d);
  if (static_cast<int>(whole.size()) < sec.int_zeros)
    whole.insert(0, static_cast<std::size_t>(sec.int_zeros) - whole.size(), '0');
  if (sec.grouping) whole = group_thousands(whole);
  std::string fraction = fraction_part(d);
  if (static_cast<int>(fraction.size()) < sec.frac_zeros)
    fraction.append(static_cast<std::size_t>(sec.frac_zeros) - fraction.size(), '0');
  if (sec.frac_places == 0 || fraction.empty()) return whole;
  return whole + "." + fraction;
}

// Days since 1970-01-01 -> civil date (H. Hinnant's algorithm).
void civil_from_days(std::int64_t z, int& y, int& m, int& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
}

constexpr std::array<std::string_view, 12> kMonths = {
    "enero", "febrero", "marzo",      "abril",   "mayo",      "junio",
    "julio", "agosto",  "septiembre", "octubre", "noviembre", "diciembre"};
constexpr std::array<std::string_view, 7> kWeekdays = {"domingo", "lunes",   "martes", "miércoles",
                                                       "jueves",  "viernes", "sábado"};

std::string two(int v) {
  std::string s = std::to_string(v);
  if (v < 10) s.insert(0, 1, '0');
  return s;
}

std::string render_date(double serial, std::string_view s, bool date1904) {
  const double whole_days = std::floor(serial);
  auto seconds = static_cast<std::int64_t>(std::llround((serial - whole_days) * 86400));
  auto days = static_cast<std::int64_t>(whole_days);
  if (seconds >= 86400) {
    seconds -= 86400;
    ++days;
  }
  int y = 1900, m = 1, d = 0;
  if (date1904) {
    civil_from_days(days - 24107, y, m, d);  // 1904-01-01 is day -24107 from 1970
  } else if (days < 61) {
    if (days == 60) {
      y = 1900, m = 2, d = 29;  // Lotus's phantom leap day, kept by Excel
    } else {
      civil_from_days(days - 25568, y, m, d);  // 1899-12-31 + serial
    }
  } else {
    civil_from_days(days - 25569, y, m, d);  // 1899-12-30 + serial
  }
  const int weekday = static_cast<int>(((days - 25569) % 7 + 7 + 4) % 7);
  const int hour = static_cast<int>(seconds / 3600), minute = static_cast<int>(seconds / 60 % 60),
            second = static_cast<int>(seconds % 60);
  const bool twelve =
      s.find("AM/PM") != std::string_view::npos || s.find("am/pm") != std::string_view::npos;
  std::string out;
  bool last_was_hour = false;
  for (std::size_t i = 0; i < s.size();) {
    const char c = static_cast<char>(s[i] | 0x20);
    std::size_t run = 1;
    while (i + run < s.size() && static_cast<char>(s[i + run] | 0x20) == c && is_date_letter(s[i]))
      ++run;
    if (s[i] == '"') {
      const std::size_t end = s.find('"', i + 1);
      out += s.substr(i + 1, (end == std::string_view::npos ? s.size() : end) - i - 1);
      i = end == std::string_view::npos ? s.size() : end + 1;
      continue;
    }
    if (s[i] == '\\' && i + 1 < s.size()) {
      out += s[i + 1];
      i += 2;
      continue;
    }
    if (s[i] == '[') {
      const std::size_t end = s.find(']', i);
      const std::string_view inside =
          s.substr(i + 1, end == std::string_view::npos ? 0 : end - i - 1);
      if (!inside.empty() && (inside[0] | 0x20) == 'h')
        out += std::to_string(days * 24 + hour);  // elapsed hours
      i = end == std::string_view::npos ? s.size() : end + 1;
      continue;
    }
    if (s.substr(i, 5) == "AM/PM" || s.substr(i, 5) == "am/pm") {
      out += hour < 12 ? "a. m." : "p. m.";
      i += 5;
      continue;
    }
    if (!is_date_letter(s[i])) {
      if (s[i] != '_' && s[i] != '*' && s[i] != '@') out += s[i];
      i += (s[i] == '_' || s[i] == '*') ? 2 : 1;
      continue;
    }
    // `m` right after an hour, or right before seconds, is minutes.
    std::size_t next = i + run;
    while (next < s.size() && !is_date_letter(s[next])) ++next;
    const bool minutes =
        c == 'm' && (last_was_hour || (next < s.size() && (s[next] | 0x20) == 's'));
    switch (c) {
      case 'y':
        out += run <= 2 ? two(y % 100) : std::to_string(y);
        break;
      case 'm':
        if (minutes) {
          out += run >= 2 ? two(minute) : std::to_string(minute);
        } else if (run >= 5) {
          out += kMonths[static_cast<std::size_t>(m - 1)].substr(0, 1);
        } else if (run == 4) {
          out += kMonths[static_cast<std::size_t>(m - 1)];
        } else if (run == 3) {
          out += kMonths[static_cast<std::size_t>(m - 1)].substr(0, 3);
        } else {
          out += run == 2 ? two(m) : std::to_string(m);
        }
        break;
      case 'd':
        if (run >= 4) {
          out += kWeekdays[static_cast<std::size_t>(weekday)];
        } else if (run == 3) {
          out += kWeekdays[static_cast<std::size_t>(weekday)].substr(0, 3);
        } else {
          out += run == 2 ? two(d) : std::to_string(d);
        }
        break;
      case 'h': {
        const int h = twelve ? (hour % 12 == 0 ? 12 : hour % 12) : hour;
        out += run >= 2 ? two(h) : std::to_string(h);
        break;
      }
      case 's':
        out += run >= 2 ? two(second) : std::to_string(second);
        break;
      default:
        break;
    }
    last_was_hour = c == 'h';
    i += run;
  }
  return out;
}

bool is_general(std::string_view s) {
  if (s.size() != 7) return s.empty();
  for (std::size_t i = 0; i < 7; ++i)
    if ((s[i] | 0x20) != "general"[i]) return false;
  return true;
}

}  // namespace

std::string render_number(std::string_view value, std::string_view format, bool date1904) {
  double v = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
  if (ec != std::errc() || end != value.data() + value.size() || !std::isfinite(v))
    return std::string(value);
  const std::vector<std::string_view> sections = split_sections(format);
  // One section serves every value (a minus sign added); with two or more, the second is for
  // negatives (signs are in the format) and the third for zero.
  std::size_t pick = 0;
  if (v < 0 && sections.size() >= 2) pick = 1;
  if (v == 0 && sections.size() >= 3) pick = 2;
  std::string_view chosen = sections[pick];
  if (is_general(chosen)) return pick == 1 ? general(-v) : general(v);
  const Section sec = parse_section(chosen);
  if (sec.is_date) return render_date(v, chosen, date1904);
  const bool minus = v < 0 && pick == 0;
  // A number in a text-formatted cell (`@`) shows as General; "-" for zero is a literal section.
  if (!sec.has_digits && sec.is_text) return general(v);
  if (!sec.has_digits) return sec.before + sec.after;
  return (minus ? "-" : "") + sec.before + render_digits(std::fabs(v), sec) + sec.after;
}

std::string_view builtin_number_format(int id) {
  switch (id) {
    case 1:
      return "0";
    case 2:
      return "0.00";
    case 3:
      return "#,##0";
    case 4:
      return "#,##0.00";
    case 5:
      return "\"$\"#,##0;\\-\"$\"#,##0";
    case 6:
      return "\"$\"#,##0;[Red]\\-\"$\"#,##0";
    case 7:
      return "\"$\"#,##0.00;\\-\"$\"#,##0.00";
    case 8:
      return "\"$\"#,##0.00;[Red]\\-\"$\"#,##0.00";
    case 9:
      return "0%";
    case 10:
      return "0.00%";
    case 11:
      return "0.00E+00";
    case 14:
      return "dd/mm/yyyy";
    case 15:
      return "d-mmm-yy";
    case 16:
      return "d-mmm";
    case 17:
      return "mmm-yy";
    case 18:
      return "h:mm AM/PM";
    case 19:
      return "h:mm:ss AM/PM";
    case 20:
      return "h:mm";
    case 21:
      return "h:mm:ss";
    case 22:
      return "dd/mm/yyyy h:mm";
    case 37:
      return "#,##0 ;(#,##0)";
    case 38:
      return "#,##0 ;[Red](#,##0)";
    case 39:
      return "#,##0.00;(#,##0.00)";
    case 40:
      return "#,##0.00;[Red](#,##0.00)";
    case 41:
      return "_-* #,##0_-;\\-* #,##0_-;_-* \"-\"_-;_-@_-";
    case 42:
      return "_-\"$\"* #,##0_-;\\-\"$\"* #,##0_-;_-\"$\"* \"-\"_-;_-@_-";
    case 43:
      return "_-* #,##0.00_-;\\-* #,##0.00_-;_-* \"-\"??_-;_-@_-";
    case 44:
      return "_-\"$\"* #,##0.00_-;\\-\"$\"* #,##0.00_-;_-\"$\"* \"-\"??_-;_-@_-";
    case 45:
      return "mm:ss";
    case 46:
      return "[h]:mm:ss";
    case 47:
      return "mm:ss.0";
    case 49:
      return "@";
    default:
      return "";
  }
}

}  // namespace poa::extractor
