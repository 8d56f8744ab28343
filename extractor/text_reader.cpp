// The text-dump reader: decoded text -> lines -> title, cell and page-break rows, one at a time.
#include "extractor/text_reader.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "extractor/encoding.hpp"
#include "extractor/source.hpp"

namespace poa::extractor {
namespace {

// ---------------------------------------------------------------------------------------------
// Cell cleaning

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Characters markdown writers (and spreadsheet-to-markdown converters) escape with a backslash.
constexpr std::string_view kMarkdownEscapable = "$*_#|\\`[]()<>-.!+{}";

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Named entities: the XML five, &nbsp;, and what Word/Excel HTML exports write for Spanish text.
struct NamedEntity {
  std::string_view name;
  std::uint32_t code_point;
};
constexpr NamedEntity kNamedEntities[] = {
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},      {"apos", '\''},
    {"nbsp", 0xA0},    {"aacute", 0xE1},  {"eacute", 0xE9},  {"iacute", 0xED},   {"oacute", 0xF3},
    {"uacute", 0xFA},  {"ntilde", 0xF1},  {"uuml", 0xFC},    {"Aacute", 0xC1},   {"Eacute", 0xC9},
    {"Iacute", 0xCD},  {"Oacute", 0xD3},  {"Uacute", 0xDA},  {"Ntilde", 0xD1},   {"Uuml", 0xDC},
    {"iquest", 0xBF},  {"iexcl", 0xA1},   {"ordm", 0xBA},    {"ordf", 0xAA},     {"deg", 0xB0},
    {"laquo", 0xAB},   {"raquo", 0xBB},   {"ndash", 0x2013}, {"mdash", 0x2014},  {"lsquo", 0x2018},
    {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"hellip", 0x2026}, {"bull", 0x2022},
    {"middot", 0xB7},  {"euro", 0x20AC},  {"cent", 0xA2},    {"pound", 0xA3},    {"sect", 0xA7},
    {"copy", 0xA9},    {"reg", 0xAE},     {"shy", 0xAD},     {"times", 0xD7},
};

// HTML (and so Word's HTML export) reads numeric references 128–159 as Windows-1252, so
// `&#150;` is an en dash, not a C1 control. Zero means "undefined in Windows-1252".
constexpr std::array<std::uint16_t, 32> kWindows1252C1 = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

// Decodes the entity at text[0] == '&'. Returns the decoded UTF-8 and the bytes consumed, or
// nullopt when it is not a complete entity we know (then the `&` is kept as text).
std::optional<std::pair<std::string, std::size_t>> parse_entity(std::string_view text) {
  const std::size_t semi = text.find(';', 1);
  if (semi == std::string_view::npos || semi > 12) return std::nullopt;
  const std::string_view body = text.substr(1, semi - 1);
  std::string out;
  if (body.size() >= 2 && body[0] == '#') {
    const bool hex = body[1] == 'x' || body[1] == 'X';
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 7) return std::nullopt;
    std::uint32_t cp = 0;
    for (char c : digits) {
      int value = -1;
      if (is_ascii_digit(c)) value = c - '0';
      if (hex && c >= 'a' && c <= 'f') value = c - 'a' + 10;
      if (hex && c >= 'A' && c <= 'F') value = c - 'A' + 10;
      if (value < 0) return std::nullopt;
      cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(value);
    }
    if (cp >= 0x80 && cp <= 0x9F && kWindows1252C1[cp - 0x80] != 0) cp = kWindows1252C1[cp - 0x80];
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
    append_utf8(out, cp);
    return std::pair{out, semi + 1};
  }
  for (const NamedEntity& entity : kNamedEntities) {
    if (entity.name == body) {
      append_utf8(out, entity.code_point);
      return std::pair{out, semi + 1};
    }
  }
  return std::nullopt;
}

// HTML elements that turn up in text dumps. A `<word>` that is not one of these is kept as text:
// a POA may well say `<NOMBRE>` or `<5 años`, and nothing is dropped silently.
constexpr std::string_view kHtmlElements[] = {
    "a",     "abbr",   "b",      "big",      "blockquote", "br",    "caption", "center",
    "cite",  "code",   "col",    "colgroup", "dd",         "del",   "div",     "dl",
    "dt",    "em",     "font",   "h1",       "h2",         "h3",    "h4",      "h5",
    "h6",    "hr",     "i",      "img",      "ins",        "kbd",   "li",      "mark",
    "nobr",  "ol",     "p",      "pre",      "q",          "s",     "samp",    "small",
    "span",  "strike", "strong", "sub",      "sup",        "table", "tbody",   "td",
    "tfoot", "th",     "thead",  "tr",       "tt",         "u",     "ul",      "wbr",
};

// Elements that separate words when rendered: removing them must leave a space behind.
constexpr std::string_view kBreakingElements[] = {
    "br", "p",  "div", "li", "tr", "td",    "th", "hr", "h1",         "h2",  "h3",
    "h4", "h5", "h6",  "dd", "dt", "table", "ul", "ol", "blockquote", "pre",
};

struct Tag {
  std::size_t length = 0;
  bool breaking = false;
};

// Recognises an HTML tag or comment at text[0] == '<'. Namespaced tags (`<o:p>` from Word) are
// accepted whatever their name.
std::optional<Tag> parse_tag(std::string_view text) {
  if (text.substr(0, 4) == "<!--") {
    const std::size_t end = text.find("-->", 4);
    if (end == std::string_view::npos) return std::nullopt;
    return Tag{end + 3, false};
  }
  std::size_t i = 1;
  if (i < text.size() && text[i] == '/') ++i;
  if (i >= text.size() || !is_ascii_alpha(text[i])) return std::nullopt;
  std::string name;
  while (i < text.size() &&
         (is_ascii_alpha(text[i]) || is_ascii_digit(text[i]) || text[i] == ':' || text[i] == '-')) {
    name += ascii_lower(text[i]);
    ++i;
  }
  if (i >= text.size() || !(text[i] == '>' || text[i] == '/' || is_ascii_space(text[i]))) {
    return std::nullopt;
  }
  const bool known = name.find(':') != std::string::npos ||
                     std::find(std::begin(kHtmlElements), std::end(kHtmlElements), name) !=
                         std::end(kHtmlElements);
  if (!known) return std::nullopt;
  // Attributes up to the closing `>`; a `>` inside a quoted value does not close the tag.
  char quote = 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      const bool breaking = std::find(std::begin(kBreakingElements), std::end(kBreakingElements),
                                      name) != std::end(kBreakingElements);
      return Tag{i + 1, breaking};
    }
  }
  return std::nullopt;
}

// Trims ASCII whitespace and U+00A0 (what `&nbsp;` decodes to) from both ends.
std::string_view trim(std::string_view s) {
  constexpr std::string_view kNbsp = "\xC2\xA0";
  for (;;) {
    if (!s.empty() && is_ascii_space(s.front())) {
      s.remove_prefix(1);
    } else if (s.substr(0, 2) == kNbsp) {
      s.remove_prefix(2);
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() && is_ascii_space(s.back())) {
      s.remove_suffix(1);
    } else if (s.size() >= 2 && s.substr(s.size() - 2) == kNbsp) {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Line classification

// A markdown ATX heading: up to three spaces, 1–6 `#`, then a space, a tab or the end of line.
// Returns the heading's text (without the closing `#` run, if any), or nullopt.
std::optional<std::string_view> heading_text(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  std::size_t hashes = 0;
  while (i + hashes < line.size() && line[i + hashes] == '#') ++hashes;
  if (hashes == 0 || hashes > 6) return std::nullopt;
  i += hashes;
  if (i < line.size() && line[i] != ' ' && line[i] != '\t') return std::nullopt;
  std::string_view text = line.substr(i);
  // `## Título ##`: the closing run goes if a space precedes it (markdown's rule).
  std::string_view body = text;
  while (!body.empty() && (body.back() == ' ' || body.back() == '\t')) body.remove_suffix(1);
  std::size_t closing = 0;
  while (closing < body.size() && body[body.size() - 1 - closing] == '#') ++closing;
  if (closing > 0 && closing < body.size() &&
      (body[body.size() - 1 - closing] == ' ' || body[body.size() - 1 - closing] == '\t')) {
    body.remove_suffix(closing);
  } else if (closing > 0 && closing == body.size()) {
    body = {};
  }
  return body;
}

// True when the character at `pos` is preceded by an odd number of backslashes.
bool is_escaped(std::string_view s, std::size_t pos) {
  std::size_t backslashes = 0;
  while (pos > backslashes && s[pos - 1 - backslashes] == '\\') ++backslashes;
  return backslashes % 2 == 1;
}

// The cells of a markdown pipe-table line (`| a | b |`), or nullopt when the line is not one.
// Cells keep their escapes; clean_text_cell removes them later.
std::optional<std::vector<std::string_view>> pipe_cells(std::string_view line) {
  const std::string_view t = trim(line);
  if (t.size() < 2 || t.front() != '|' || t.back() != '|' || is_escaped(t, t.size() - 1)) {
    return std::nullopt;
  }
  const std::string_view inner = t.substr(1, t.size() - 2);
  std::vector<std::string_view> cells;
  std::size_t start = 0;
  for (std::size_t i = 0; i < inner.size(); ++i) {
    if (inner[i] == '\\') {
      ++i;  // whatever follows is escaped, a `|` included
    } else if (inner[i] == '|') {
      cells.push_back(inner.substr(start, i - start));
      start = i + 1;
    }
  }
  cells.push_back(inner.substr(start));
  return cells;
}

// `|---|:---:|--:|`: every cell is dashes with optional alignment colons.
bool is_separator_row(const std::vector<std::string_view>& cells) {
  return std::all_of(cells.begin(), cells.end(), [](std::string_view raw) {
    std::string_view c = trim(raw);
    if (!c.empty() && c.front() == ':') c.remove_prefix(1);
    if (!c.empty() && c.back() == ':') c.remove_suffix(1);
    return !c.empty() && c.find_first_not_of('-') == std::string_view::npos;
  });
}

enum class LineKind { kBlank, kSkip, kRow };

// Spreadsheets saving "Text (Tab delimited)" quote a cell that holds a line break, a tab or a
// quote: `"Rehabilitación de<LF>alumbrado"`, `"""Ciudad Ordenada"""`. Only a quote at the start of
// a cell opens such a quoted cell.
bool has_unclosed_quote(std::string_view record) {
  bool in_quotes = false;
  bool cell_start = true;
  for (std::size_t i = 0; i < record.size(); ++i) {
    const char c = record[i];
    if (!in_quotes) {
      if (cell_start && c == '"') {
        in_quotes = true;
        cell_start = false;
        continue;
      }
      cell_start = c == '\t';
    } else if (c == '"') {
      if (i + 1 < record.size() && record[i + 1] == '"') {
        ++i;
      } else {
        in_quotes = false;
      }
    }
  }
  return in_quotes;
}

// Tab-separated cells of one record; tabs inside a quoted cell do not split it.
std::vector<std::string_view> split_tab_record(std::string_view record) {
  std::vector<std::string_view> cells;
  bool in_quotes = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < record.size(); ++i) {
    const char c = record[i];
    if (c == '"' && (in_quotes || i == start)) {
      if (in_quotes && i + 1 < record.size() && record[i + 1] == '"') {
        ++i;
      } else {
        in_quotes = !in_quotes;
      }
    } else if (c == '\t' && !in_quotes) {
      cells.push_back(record.substr(start, i - start));
      start = i + 1;
    }
  }
  cells.push_back(record.substr(start));
  if (in_quotes) {
    // A quote that never closes is an ordinary character: split at every tab.
    cells.clear();
    start = 0;
    for (std::size_t tab = record.find('\t'); tab != std::string_view::npos;
         tab = record.find('\t', start)) {
      cells.push_back(record.substr(start, tab - start));
      start = tab + 1;
    }
    cells.push_back(record.substr(start));
  }
  return cells;
}

// The text of a spreadsheet-quoted cell: outer quotes off, `""` -> `"`, line breaks -> spaces.
// A cell that is merely written between quotes (`"Capital de la Nueva Gobernanza"`) is kept as
// it is: only a cell holding a line break, a tab or a doubled quote was quoted by the exporter.
std::string unquote_cell(std::string_view cell) {
  const bool quoted =
      cell.size() >= 2 && cell.front() == '"' && cell.back() == '"' &&
      (cell.find('\n') != std::string_view::npos || cell.find('\t') != std::string_view::npos ||
       cell.substr(1, cell.size() - 2).find("\"\"") != std::string_view::npos);
  if (!quoted) return std::string(cell);
  std::string out;
  out.reserve(cell.size());
  for (std::size_t i = 1; i + 1 < cell.size(); ++i) {
    if (cell[i] == '"' && i + 2 < cell.size() && cell[i + 1] == '"') {
      out += '"';
      ++i;
    } else if (cell[i] == '\n' || cell[i] == '\r') {
      out += ' ';
    } else {
      out += cell[i];
    }
  }
  return out;
}

struct ParsedLine {
  LineKind kind = LineKind::kBlank;
  CellRow row;
};

ParsedLine parse_line(std::string_view line) {
  ParsedLine parsed;
  if (auto heading = heading_text(line)) {
    // A title is one cell; tabs inside it (spreadsheet padding) are just spacing.
    std::string title;
    std::size_t start = 0;
    while (start <= heading->size()) {
      std::size_t tab = heading->find('\t', start);
      if (tab == std::string_view::npos) tab = heading->size();
      std::string part = clean_text_cell(heading->substr(start, tab - start));
      if (!part.empty()) {
        if (!title.empty()) title += ' ';
        title += part;
      }
      start = tab + 1;
    }
    if (title.empty()) return parsed;
    parsed.kind = LineKind::kRow;
    parsed.row.kind = RowKind::kTitle;
    parsed.row.cells.push_back(Cell{std::move(title), 0, 1, std::nullopt});
    return parsed;
  }

  std::vector<std::string_view> raw_cells;
  if (auto pipes = pipe_cells(line)) {
    if (is_separator_row(*pipes)) {
      parsed.kind = LineKind::kSkip;
      return parsed;
    }
    raw_cells = std::move(*pipes);
  } else {
    raw_cells = split_tab_record(line);
  }
  for (std::size_t column = 0; column < raw_cells.size(); ++column) {
    std::string text = clean_text_cell(unquote_cell(raw_cells[column]));
    if (text.empty()) continue;  // the other cells keep their index, so gaps stay visible
    parsed.row.cells.push_back(Cell{std::move(text), static_cast<int>(column), 1, std::nullopt});
  }
  if (!parsed.row.cells.empty()) parsed.kind = LineKind::kRow;
  return parsed;
}

// ---------------------------------------------------------------------------------------------
// The reader

class TextReader final : public RowReader {
 public:
  TextReader(DecodedText decoded, std::string sha256, std::string path) {
    info_.path = std::move(path);
    info_.type = SourceType::kText;
    info_.sha256 = std::move(sha256);
    info_.pages = std::nullopt;
    info_.encoding = std::move(decoded.encoding);
    text_ = std::move(decoded.utf8);
  }

  std::optional<CellRow> next() override {
    if (queued_) return std::exchange(queued_, std::nullopt);
    std::string_view line;
    while (next_record(line)) {
      ParsedLine parsed = parse_line(line);
      if (parsed.kind == LineKind::kBlank) {
        ++blank_run_;
        continue;
      }
      // A run of two or more blank lines between content starts a new page; the break is
      // numbered with the first line after the run, even if that line is a skipped separator.
      if (blank_run_ >= 2 && emitted_any_ && !pending_break_line_)
        pending_break_line_ = record_line_;
      blank_run_ = 0;
      if (parsed.kind == LineKind::kSkip) continue;

      CellRow row = std::move(parsed.row);
      row.line = record_line_;
      row.page_is_physical = false;
      emitted_any_ = true;
      if (pending_break_line_) {
        ++page_;
        CellRow page_break;
        page_break.kind = RowKind::kPageBreak;
        page_break.line = *std::exchange(pending_break_line_, std::nullopt);
        page_break.page = page_;
        page_break.page_is_physical = false;
        row.page = page_;
        queued_ = std::move(row);
        return page_break;
      }
      row.page = page_;
      return row;
    }
    return std::nullopt;
  }

  const SourceInfo& info() const override { return info_; }

 private:
  // The next record: a physical line, or several when a quoted cell holds line breaks (joined
  // with LF). A quote never closed within kMaxRecordLines is taken for a stray character and
  // the record is its first line alone. `record_line_` is the record's first line.
  bool next_record(std::string_view& record) {
    static constexpr int kMaxRecordLines = 50;
    if (!next_line(record)) return false;
    record_line_ = line_no_;
    if (!has_unclosed_quote(record)) return true;
    const std::size_t after_first = pos_;
    record_storage_.assign(record);
    for (int extra = 1; extra < kMaxRecordLines; ++extra) {
      std::string_view more;
      if (!next_line(more)) break;
      record_storage_ += '\n';
      record_storage_ += more;
      if (!has_unclosed_quote(record_storage_)) {
        record = record_storage_;
        return true;
      }
    }
    pos_ = after_first;
    line_no_ = record_line_;
    return true;
  }

  // The next physical line without its terminator; LF, CRLF and a lone CR each end a line.
  bool next_line(std::string_view& line) {
    if (pos_ >= text_.size()) return false;
    const std::string_view rest = std::string_view(text_).substr(pos_);
    // A plain loop: libstdc++'s find_first_of calls memchr once per character.
    std::size_t end = 0;
    while (end < rest.size() && rest[end] != '\n' && rest[end] != '\r') ++end;
    if (end == rest.size()) end = std::string_view::npos;
    ++line_no_;
    if (end == std::string_view::npos) {
      line = rest;
      pos_ = text_.size();
      return true;
    }
    line = rest.substr(0, end);
    pos_ += end + ((rest[end] == '\r' && end + 1 < rest.size() && rest[end + 1] == '\n') ? 2 : 1);
    return true;
  }

  SourceInfo info_;
  std::string text_;
  std::size_t pos_ = 0;
  int line_no_ = 0;
  int record_line_ = 0;
  std::string record_storage_;
  int page_ = 1;
  int blank_run_ = 0;
  bool emitted_any_ = false;
  std::optional<int> pending_break_line_;
  std::optional<CellRow> queued_;
};

}  // namespace

std::string clean_text_cell(std::string_view raw) {
  raw = trim(raw);
  // Most cells of a dump are empty padding or plain text: no need to scan them twice.
  if (std::none_of(raw.begin(), raw.end(),
                   [](char c) { return c == '\\' || c == '<' || c == '&'; })) {
    return std::string(raw);
  }
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size();) {
    const char c = raw[i];
    if (c == '\\' && i + 1 < raw.size() &&
        kMarkdownEscapable.find(raw[i + 1]) != std::string_view::npos) {
      out += raw[i + 1];
      i += 2;
    } else if (c == '<') {
      if (auto tag = parse_tag(raw.substr(i))) {
        if (tag->breaking && !out.empty() && !is_ascii_space(out.back())) out += ' ';
        i += tag->length;
      } else {
        out += c;  // `a < b`, `<5 años`: not a tag
        ++i;
      }
    } else if (c == '&') {
      if (auto entity = parse_entity(raw.substr(i))) {
        out += entity->first;
        i += entity->second;
      } else {
        out += c;
        ++i;
      }
    } else {
      out += c;
      ++i;
    }
  }
  return std::string(trim(out));
}

std::unique_ptr<RowReader> make_text_reader(std::string_view bytes, std::string path) {
  std::string sha256 = sha256_hex(bytes);
  return make_text_reader(decode_to_utf8(bytes), std::move(sha256), std::move(path));
}

std::unique_ptr<RowReader> make_text_reader(DecodedText text, std::string sha256,
                                            std::string path) {
  return std::make_unique<TextReader>(std::move(text), std::move(sha256), std::move(path));
}

}  // namespace poa::extractor
