// Label vocabularies of POA templates, matched on folded text (no accents, lower case).
#include "extractor/labels.hpp"

#include <algorithm>
#include <bit>
#include <regex>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text/months.hpp"
#include "text/unicode.hpp"

namespace poa::extractor {
namespace {

using text::fold_for_match;

// Keys are string_views: comparing one with a folded cell checks the sizes first (most differ),
// where a `const char*` cost a strlen per key per cell.
struct HeaderLabelKey {
  std::string_view folded;
  HeaderField field;
};

// Several templates name the same field differently; every key is already folded.
constexpr HeaderLabelKey kHeaderLabels[] = {
    {"secretaria", HeaderField::kSecretaria},
    {"dependencia", HeaderField::kSecretaria},
    {"secretaria o dependencia", HeaderField::kSecretaria},
    {"dependencia o entidad", HeaderField::kSecretaria},
    {"nombre de la accion", HeaderField::kNombre},
    {"nombre de accion", HeaderField::kNombre},
    {"nombre del proyecto", HeaderField::kNombre},
    {"beneficiarios", HeaderField::kBeneficiarios},
    {"beneficiarias", HeaderField::kBeneficiarios},
    {"poblacion beneficiaria", HeaderField::kBeneficiarios},
    {"principio rector", HeaderField::kPrincipioRector},
    {"numero de accion", HeaderField::kNumero},
    {"num de accion", HeaderField::kNumero},
    {"no de accion", HeaderField::kNumero},
    {"n de accion", HeaderField::kNumero},
    {"meta", HeaderField::kMeta},
    {"metas", HeaderField::kMeta},
    {"linea estrategica", HeaderField::kLineaEstrategica},
    {"lineas estrategicas", HeaderField::kLineaEstrategica},
    {"inversion aproximada", HeaderField::kInversion},
    {"inversion total", HeaderField::kInversion},
    {"inversion", HeaderField::kInversion},
    {"estrategia", HeaderField::kEstrategia},
    {"proposito", HeaderField::kProposito},
    {"partida presupuestal", HeaderField::kPartidas},
    {"partidas presupuestales", HeaderField::kPartidas},
    {"partida presupuestaria", HeaderField::kPartidas},
    {"partidas", HeaderField::kPartidas},
    // Wording of other municipalities' versions of the template.
    {"unidad administrativa", HeaderField::kSecretaria},
    {"nombre del programa", HeaderField::kNombre},
    {"poblacion objetivo", HeaderField::kBeneficiarios},
    {"poblacion beneficiada", HeaderField::kBeneficiarios},
    {"eje rector", HeaderField::kPrincipioRector},
    {"monto", HeaderField::kInversion},
    {"monto aproximado", HeaderField::kInversion},
    {"monto asignado", HeaderField::kInversion},
    {"no accion", HeaderField::kNumero},
    {"num accion", HeaderField::kNumero},
    {"inversion estimada", HeaderField::kInversion},
    {"objetivo", HeaderField::kProposito},
    {"objetivo general", HeaderField::kProposito},
    {"partida s", HeaderField::kPartidas},
    {"partidas presupuestarias", HeaderField::kPartidas},
};

struct ColumnLabelKey {
  std::string_view folded;
  ColumnRole role;
};

constexpr ColumnLabelKey kColumnLabels[] = {
    {"actividad", ColumnRole::kActividad},
    {"actividades", ColumnRole::kActividad},
    {"area responsable", ColumnRole::kArea},
    {"areas responsables", ColumnRole::kArea},
    {"responsable", ColumnRole::kArea},
    {"unidad de medida", ColumnRole::kUnidad},
    {"unidad medida", ColumnRole::kUnidad},
    {"inversion aprox por actividad", ColumnRole::kInversion},
    {"inversion aproximada por actividad", ColumnRole::kInversion},
    {"inversion por actividad", ColumnRole::kInversion},
    {"inversion aprox", ColumnRole::kInversion},
    // The rest of a wrapped `INVERSIÓN / APROX. POR / ACTIVIDAD` header whose first line a
    // reader split off.
    {"aprox por actividad", ColumnRole::kInversion},
    // Likewise the second line of `UNIDAD DE / MEDIDA` and `PROGRAMACIÓN / ANUAL` (an OCR'd
    // header band whose first line was misread or read as a line of its own).
    {"medida", ColumnRole::kUnidad},
    {"de medida", ColumnRole::kUnidad},
    {"anual", ColumnRole::kAnual},
    {"inversion", ColumnRole::kInversion},
    {"indicador", ColumnRole::kIndicador},
    {"indicadores", ColumnRole::kIndicador},
    {"programacion anual", ColumnRole::kAnual},
    {"meta anual", ColumnRole::kAnual},
    {"programacion mensual", ColumnRole::kMensual},
    {"calendarizacion", ColumnRole::kMensual},
    {"calendarizacion mensual", ColumnRole::kMensual},
    {"acciones", ColumnRole::kActividad},
    {"descripcion de la actividad", ColumnRole::kActividad},
    {"descripcion de actividades", ColumnRole::kActividad},
    {"unidad responsable", ColumnRole::kArea},
    {"u de medida", ColumnRole::kUnidad},
    {"u medida", ColumnRole::kUnidad},
    {"costo", ColumnRole::kInversion},
    {"costo estimado", ColumnRole::kInversion},
    {"costo total", ColumnRole::kInversion},
    {"presupuesto", ColumnRole::kInversion},
    {"monto", ColumnRole::kInversion},
    {"importe", ColumnRole::kInversion},
    {"total anual", ColumnRole::kAnual},
    {"cantidad anual", ColumnRole::kAnual},
    {"no", ColumnRole::kRowNumber},
    {"num", ColumnRole::kRowNumber},
    {"numero", ColumnRole::kRowNumber},
    {"consecutivo", ColumnRole::kRowNumber},
};

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n')) ++i;
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\n') ++i;
    if (i > start) words.push_back(text.substr(start, i - start));
  }
  return words;
}

bool is_single_word(std::string_view folded) {
  return folded.find(' ') == std::string_view::npos;
}

// What follows `words[k..]` in the original text, without a leading ':' or '-' separator.
std::string remainder_after(std::string_view text, std::string_view last_label_word) {
  const std::size_t end =
      static_cast<std::size_t>(last_label_word.data() - text.data()) + last_label_word.size();
  std::string_view rest = text.substr(end);
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == ':' || rest.front() == '-' ||
                           rest.front() == '\t')) {
    rest.remove_prefix(1);
  }
  return std::string(rest);
}

// Whether a and b spell the same once spaces are ignored; allocates nothing (it runs for every
// key on every cell that may be a label).
bool equal_ignoring_spaces(std::string_view a, std::string_view b) {
  std::size_t i = 0, j = 0;
  for (;;) {
    while (i < a.size() && a[i] == ' ') ++i;
    while (j < b.size() && b[j] == ' ') ++j;
    if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
    if (a[i++] != b[j++]) return false;
  }
}

// The key whose spelling equals `folded` once spaces are ignored (a label broken mid-word).
template <typename Key, std::size_t N>
const Key* match_ignoring_spaces(const Key (&keys)[N], std::string_view folded) {
  for (const Key& key : keys) {
    if (equal_ignoring_spaces(key.folded, folded)) return &key;
  }
  return nullptr;
}

// What a cell's first token (text::fold_first_token) can start, looked up before anything else of
// the cell is folded: a header label's first word, or its beginning (four letters or more, not
// the whole word: a narrow cell can break a label inside a word, `PROGRAMAC`/`IÓN ANUAL`,
// `BENEFICIARIO`/`S`); the same for the column labels and month names.
struct FirstToken {
  bool header_word = false;
  bool header_start = false;
  bool column_word = false;
  bool column_start = false;
};

// One hashed lookup a cell: every cell of every line asks, and scanning the vocabularies' first
// words and their beginnings cost ~1,500 instructions a cell.
FirstToken first_token_kinds(std::string_view token) {
  using Map = std::unordered_map<std::string_view, FirstToken>;
  static const Map kMap = [] {
    Map map;
    auto add = [&](std::string_view key, bool FirstToken::*word, bool FirstToken::*start) {
      const std::string_view first = key.substr(0, key.find(' '));
      map[first].*word = true;
      for (std::size_t n = 4; n < first.size(); ++n) map[first.substr(0, n)].*start = true;
    };
    for (const HeaderLabelKey& key : kHeaderLabels) {
      add(key.folded, &FirstToken::header_word, &FirstToken::header_start);
    }
    for (const ColumnLabelKey& key : kColumnLabels) {
      add(key.folded, &FirstToken::column_word, &FirstToken::column_start);
    }
    for (const text::MonthName& name : text::month_names()) {
      add(name.folded, &FirstToken::column_word, &FirstToken::column_start);
    }
    return map;
  }();
  if (token.empty()) return {};
  const auto it = kMap.find(token);
  return it == kMap.end() ? FirstToken{} : it->second;
}

// Letters OCR may misread in a label of `length` letters (spaces not counted): none in a short
// word (`META`, `ENE`: one letter changed makes another word), then one in four.
std::size_t misread_allowance(std::size_t length) {
  constexpr std::size_t kMinLength = 5, kLettersPerEdit = 4, kMaxEdits = 4;
  return length < kMinLength ? 0 : std::min(length / kLettersPerEdit, kMaxEdits);
}

// Levenshtein distance between `a` and `b` ignoring their spaces, or `limit + 1` as soon as it
// is known to exceed `limit` (folded text: one byte a letter).
std::size_t distance_within(std::string_view a, std::string_view b, std::size_t limit) {
  thread_local std::string x, y;
  thread_local std::vector<std::size_t> row;
  x.clear();
  y.clear();
  for (char c : a) {
    if (c != ' ') x += c;
  }
  for (char c : b) {
    if (c != ' ') y += c;
  }
  if ((x.size() > y.size() ? x.size() - y.size() : y.size() - x.size()) > limit) return limit + 1;
  row.resize(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    std::size_t best = row[0];
    for (std::size_t j = 1; j <= y.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = above;
      best = std::min(best, row[j]);
    }
    if (best > limit) return limit + 1;
  }
  return row[y.size()];
}

// The meaning (a field, a role) of the key nearest `folded` within its misread allowance, when
// exactly one meaning is nearest: OCR'd cells only (a born-digital label is spelt right).
template <typename Meaning>
struct NearestKey {
  std::optional<Meaning> meaning;
  std::size_t distance = 0;
  bool tie = false;

  void offer(std::string_view key, Meaning m, std::string_view folded) {
    std::size_t letters = 0;
    for (char c : key) letters += c != ' ';
    const std::size_t allowed = misread_allowance(letters);
    if (allowed == 0) return;
    const std::size_t d = distance_within(key, folded, allowed);
    if (d > allowed) return;
    if (!meaning || d < distance) {
      meaning = m;
      distance = d;
      tie = false;
    } else if (d == distance && m != *meaning) {
      tie = true;
    }
  }
  std::optional<Meaning> result() const { return tie ? std::nullopt : meaning; }
};

// Folded cells longer than this are no label even misread (the longest key has 36 letters).
constexpr std::size_t kMaxMisreadLabel = 48;

// The header label of a cell whose first folded word is `first` and whose whole key is
// `folded()` (computed once, on demand, and shared with the other parts of the class).
template <typename Folded>
std::optional<LabelMatch> header_label(std::string_view cell_text, const FirstToken& first,
                                       Folded&& folded_key, bool ocr) {
  const bool intact = first.header_word;
  if (!intact && !ocr && !first.header_start) return std::nullopt;
  const std::string& folded = folded_key();
  if (folded.empty()) return std::nullopt;
  for (const HeaderLabelKey& key : kHeaderLabels) {
    if (folded == key.folded) return LabelMatch{key.field, {}};
  }
  if (const HeaderLabelKey* key = match_ignoring_spaces(kHeaderLabels, folded)) {
    return LabelMatch{key->field, {}};
  }
  if (ocr && folded.size() <= kMaxMisreadLabel) {
    NearestKey<HeaderField> nearest;
    for (const HeaderLabelKey& key : kHeaderLabels) nearest.offer(key.folded, key.field, folded);
    if (const std::optional<HeaderField> field = nearest.result()) return LabelMatch{*field, {}};
  }
  if (!intact) return std::nullopt;
  // A label followed by its value in the same cell. Try the longest prefixes first.
  const std::vector<std::string_view> words = split_words(cell_text);
  const std::size_t max_words = words.size() < 5 ? words.size() : 5;
  for (std::size_t k = max_words; k >= 1; --k) {
    if (k == words.size()) continue;  // the whole cell was tried above
    std::string prefix;
    for (std::size_t i = 0; i < k; ++i) {
      if (i) prefix += ' ';
      prefix += words[i];
    }
    const std::string folded_prefix = fold_for_match(prefix);
    for (const HeaderLabelKey& key : kHeaderLabels) {
      if (folded_prefix != key.folded) continue;
      // `META Llevar a cabo…` is more likely a value than a label: a single-word label needs a
      // colon to claim the rest of the cell.
      if (is_single_word(key.folded) && words[k - 1].back() != ':' &&
          !(k < words.size() && words[k].front() == ':')) {
        continue;
      }
      std::string value = remainder_after(cell_text, words[k - 1]);
      if (value.empty()) return LabelMatch{key.field, {}};
      return LabelMatch{key.field, std::move(value)};
    }
  }
  return std::nullopt;
}

template <typename Folded>
std::optional<ColumnRole> column_label(const FirstToken& first, Folded&& folded_key, bool ocr,
                                       bool& misread) {
  if (!ocr && !first.column_word && !first.column_start) {
    return std::nullopt;
  }
  const std::string& folded = folded_key();
  if (folded.empty() || folded.size() > 60) return std::nullopt;
  for (const ColumnLabelKey& key : kColumnLabels) {
    if (folded == key.folded) return key.role;
  }
  if (const ColumnLabelKey* key = match_ignoring_spaces(kColumnLabels, folded)) return key->role;
  if (const std::optional<int> month = text::month_from_folded(folded)) return month_role(*month);
  if (ocr && folded.size() <= kMaxMisreadLabel) {
    NearestKey<ColumnRole> nearest;
    for (const ColumnLabelKey& key : kColumnLabels) nearest.offer(key.folded, key.role, folded);
    for (const text::MonthName& name : text::month_names()) {
      nearest.offer(name.folded, month_role(name.month), folded);
    }
    misread = nearest.result().has_value();
    return nearest.result();
  }
  return std::nullopt;
}

bool is_named_page_number(const std::string& folded) {
  const std::vector<std::string_view> words = split_words(folded);
  if (words.empty()) return false;
  auto is_number = [](std::string_view w) {
    if (w.empty() || w.size() > 5) return false;
    for (char c : w) {
      if (c < '0' || c > '9') return false;
    }
    return true;
  };
  std::size_t i = 0;
  if (words[0] == "pagina" || words[0] == "pag" || words[0] == "hoja" || words[0] == "p") ++i;
  if (i == 0) return false;  // a bare number may be a value: only named page numbers are furniture
  if (i >= words.size() || !is_number(words[i])) return false;
  ++i;
  if (i == words.size()) return true;
  return i + 2 == words.size() && words[i] == "de" && is_number(words[i + 1]);
}

// Bytes: a text at least this long names the plan in a sentence; it is not its title.
constexpr std::size_t kMaxTitleBytes = 120;

// Whether the key of `text` may hold a `p`: only `p`, `P` or a character outside ASCII can
// give one. A line without any cannot name the plan; most lines are spared the folding.
bool may_hold_p(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    return c == 'p' || c == 'P' || static_cast<unsigned char>(c) >= 0x80;
  });
}

bool is_poa_title(const std::string& folded) {
  return folded.find("programa operativo anual") != std::string::npos ||
         folded.rfind("poa ", 0) == 0 || folded == "poa";
}

// The lower-case letter a month initial cell holds (`E`, `e`, `É`, `E.`), 0 for anything else.
char initial_of(std::string_view text) {
  if (text.size() == 1) {
    const char c = text[0];
    if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
    return c >= 'a' && c <= 'z' ? c : 0;
  }
  if (text.empty() || text.size() > 8) return 0;  // longer text folds to more than a letter
  // Each ASCII letter or digit stays in the key: two of them, or a digit, are no initial. Most
  // cells asked are numbers (every row of the table is asked), which need no folding then.
  int alnum = 0;
  for (const char c : text) {
    if (c >= '0' && c <= '9') return 0;
    alnum += (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }
  if (alnum > 1) return 0;
  const std::string folded = fold_for_match(text);
  return folded.size() == 1 ? folded[0] : 0;
}

// Where a municipio's name starts in a folded key (after `municipio de `…), npos when the key
// names none; anywhere after a space with `anywhere`, else only at the start.
std::size_t municipio_name_at(const std::string& key, bool anywhere) {
  static const std::regex kMarker(
      "(^| )((h|honorable) )?(ayuntamiento( constitucional)?( del municipio)?|municipio( libre)?|"
      "gobierno municipal|presidencia municipal) de ",
      std::regex::optimize);
  std::smatch m;
  const auto flags =
      anywhere ? std::regex_constants::match_default : std::regex_constants::match_continuous;
  if (!std::regex_search(key, m, kMarker, flags)) return std::string::npos;
  return static_cast<std::size_t>(m.position(0) + m.length(0));
}

bool is_year_word(std::string_view word) {
  return word.size() >= 4 && (word.starts_with("19") || word.starts_with("20")) &&
         std::all_of(word.begin(), word.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::optional<std::string> municipio_of(std::string_view line, bool in_title) {
  if (line.size() > 200) return std::nullopt;  // a paragraph, not a letterhead
  thread_local text::MappedKey key;
  text::fold_for_match(line, key);
  const std::size_t at = municipio_name_at(key.key, in_title);
  if (at == std::string::npos || at >= key.key.size()) return std::nullopt;
  // Back to the raw text, cut where the name ends.
  std::string_view rest = line.substr(key.source[at]);
  for (std::string_view stop : {",", "|", " - ", " – ", " — ", "(", "["}) {
    rest = rest.substr(0, rest.find(stop));
  }
  std::string name;
  int words = 0;
  for (std::size_t pos = 0; pos < rest.size();) {
    const std::size_t start = rest.find_first_not_of(' ', pos);
    if (start == std::string_view::npos) break;
    std::size_t end = rest.find(' ', start);
    if (end == std::string_view::npos) end = rest.size();
    const std::string_view word = rest.substr(start, end - start);
    if (is_year_word(word)) break;
    if (++words > 8) return std::nullopt;
    if (!name.empty()) name += ' ';
    name += word;
    pos = end;
  }
  name = text::normalize_text(name);
  while (!name.empty() &&
         (name.back() == '.' || name.back() == ':' || name.back() == ';' || name.back() == '-'))
    name.pop_back();
  name = text::normalize_text(name);
  if (fold_for_match(name).empty()) return std::nullopt;
  return name;
}

namespace {

// What the label vocabularies say of a cell, by its text and what was asked (the last byte of
// the key). A POA repeats its column header on every page and its labels in every action: the
// few texts whose first token may start a label come back again and again, and matching one
// costs ~2,000 instructions (folding it, comparing it with every key). Per thread; emptied
// when full, so its memory stays bounded whatever the document.
struct LabelParts {
  std::optional<LabelMatch> header;
  std::optional<ColumnRole> column;
  bool column_misread = false;
};
struct LabelCache {
  std::string key;
  std::unordered_map<std::string, LabelParts> parts;
};
constexpr std::size_t kLabelCacheSize = 4096;

LabelCache& label_cache() {
  thread_local LabelCache cache;
  return cache;
}

}  // namespace

CellClass classify_cell(std::string_view cell_text, CellLook look) {
  CellClass out;
  std::string folded;
  bool have_folded = false;
  auto folded_key = [&]() -> const std::string& {
    if (!have_folded) folded = fold_for_match(cell_text);
    have_folded = true;
    return folded;
  };
  if (look.header || look.column) {
    // Only a cell whose first token may start a label goes on (header_label and column_label
    // give nothing to the others).
    const FirstToken first = first_token_kinds(text::fold_first_token(cell_text));
    const bool header = look.header && (look.ocr || first.header_word || first.header_start);
    const bool column = look.column && (look.ocr || first.column_word || first.column_start);
    if (header || column) {
      LabelCache& cache = label_cache();
      cache.key.assign(cell_text);
      cache.key +=
          static_cast<char>('0' + (header ? 1 : 0) + (column ? 2 : 0) + (look.ocr ? 4 : 0));
      if (const auto it = cache.parts.find(cache.key); it != cache.parts.end()) {
        out.header = it->second.header;
        out.column = it->second.column;
        out.column_misread = it->second.column_misread;
      } else {
        if (header) out.header = header_label(cell_text, first, folded_key, look.ocr);
        if (column) out.column = column_label(first, folded_key, look.ocr, out.column_misread);
        if (cache.parts.size() >= kLabelCacheSize) cache.parts.clear();
        cache.parts.emplace(cache.key, LabelParts{out.header, out.column, out.column_misread});
      }
    }
  }
  if (look.title) {
    out.title =
        cell_text.size() < kMaxTitleBytes && may_hold_p(cell_text) && is_poa_title(folded_key());
  }
  if (look.page_number) out.page_number = is_named_page_number(folded_key());
  return out;
}

bool only_column_label_words(std::string_view text) {
  static const std::unordered_set<std::string_view> kWords = [] {
    std::unordered_set<std::string_view> words;
    for (const ColumnLabelKey& key : kColumnLabels) {
      for (const std::string_view w : split_words(key.folded)) words.insert(w);
    }
    return words;
  }();
  const std::string folded = fold_for_match(text);
  const std::vector<std::string_view> words = split_words(folded);
  return !words.empty() && std::all_of(words.begin(), words.end(),
                                       [](std::string_view w) { return kWords.count(w) > 0; });
}

std::optional<std::size_t> month_initials_at(const std::vector<std::string_view>& texts) {
  static constexpr std::string_view kInitials = "efmamjjasond";
  std::size_t run = 0;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const char c = initial_of(texts[i]);
    if (c != 0 && c == kInitials[run]) {
      if (++run == kInitials.size()) return i + 1 - run;
    } else {
      run = c == kInitials[0] ? 1 : 0;
    }
  }
  return std::nullopt;
}

bool is_month_header(std::uint16_t months) {
  return std::popcount(static_cast<std::uint16_t>(months & 0xFFF)) >= 6;
}

bool is_bare_page_number(std::string_view text, int max_digits, int max_groups) {
  int digits = 0;
  int groups = 0;
  bool in_digits = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      ++digits;
      if (!in_digits) ++groups;
      in_digits = true;
      continue;
    }
    in_digits = false;
    if (c == ' ' || c == '-' || c == '/' || c == 'd' || c == 'e' || c == '|') continue;
    return false;
  }
  return digits > 0 && digits <= max_digits && groups <= max_groups;
}

std::vector<const Cell*> month_initials(const CellRow& row) {
  std::vector<std::string_view> texts;
  texts.reserve(row.cells.size());
  for (const Cell& c : row.cells) texts.emplace_back(c.text);
  const std::optional<std::size_t> at = month_initials_at(texts);
  std::vector<const Cell*> run;
  if (!at) return run;
  for (std::size_t m = 0; m < 12; ++m) run.push_back(&row.cells[*at + m]);
  return run;
}

}  // namespace poa::extractor
