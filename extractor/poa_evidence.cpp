// Whether a document is a POA: per-action evidence, and the signs of other kinds of document.
#include "extractor/poa_evidence.hpp"

#include <algorithm>
#include <bit>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "extractor/labels.hpp"
#include "text/unicode.hpp"

namespace poa::extractor {
namespace {

// A sign of another kind of document: a label it prints, as folded text. `whole` signs match
// only a whole cell (`Fin`, `Supuestos`); the others also a cell that starts with them.
struct Sign {
  std::string_view name;  // as shown in a refusal
  std::initializer_list<std::string_view> folded;
  bool whole = false;
};

// The labels of an indicator sheet (Matriz de Indicadores para Resultados and its reports).
// The POA's own `INDICADOR` column and `PROPÓSITO` label are not signs: a POA prints them too.
const Sign kMirSigns[] = {
    {"nivel del indicador", {"nivel de indicador", "nivel del indicador"}},
    {"resumen narrativo", {"resumen narrativo"}},
    {"método de cálculo", {"metodo de calculo"}},
    {"frecuencia de medición", {"frecuencia de medicion", "frecuencia"}},
    {"dimensión del indicador", {"dimension del indicador", "dimension a medir"}},
    {"medios de verificación", {"medios de verificacion"}},
    {"supuestos", {"supuestos"}, true},
    {"línea base", {"linea base", "ano linea base", "ano de linea base"}},
    {"definición del indicador",
     {"definicion del indicador", "nombre del indicador", "tipo de indicador",
      "sentido del indicador"}},
    {"algoritmo", {"algoritmo", "formula"}, true},
    {"niveles Fin/Componente", {"fin", "componente", "componentes"}, true},
    {"interpretación del resultado", {"interpretacion del resultado"}},
    {"variables del cálculo", {"variables del calculo"}},
};

// The printed headers of a SIPOT (PNT) format, filled in.
const Sign kSipotSigns[] = {
    {"Fecha de inicio del periodo que se informa", {"fecha de inicio del periodo que se informa"}},
    {"Fecha de término del periodo que se informa",
     {"fecha de termino del periodo que se informa"}},
    {"Fecha de validación", {"fecha de validacion"}},
    {"Fecha de actualización", {"fecha de actualizacion"}},
    {"Nombre corto", {"nombre corto"}, true},
    {"Tabla Campos", {"tabla campos"}, true},
    {"Área(s) responsable(s)", {"area s responsable s"}},
};

// Longer cells are prose or data, not a label; they are not folded.
constexpr std::size_t kMaxLabelBytes = 100;
// A whole line of a dump aligned with spaces may hold a table's header; longer is prose.
constexpr std::size_t kMaxLineBytes = 400;

// `… ENE FEB MAR … DIC …` (or the full names) inside one cell: a table header whose columns a
// reader did not split, as in a text dump aligned with spaces (`pdftotext -layout`).
bool names_the_year(const std::string& folded) {
  return folded.find("ene feb mar abr may jun jul ago sep oct nov dic") != std::string::npos ||
         folded.find(
             "enero febrero marzo abril mayo junio julio agosto septiembre octubre "
             "noviembre diciembre") != std::string::npos;
}

template <std::size_t N>
std::uint32_t signs_in(const std::string& folded, const Sign (&signs)[N]) {
  std::uint32_t found = 0;
  for (std::size_t i = 0; i < N; ++i) {
    for (std::string_view key : signs[i].folded) {
      const bool hit = folded == key || (!signs[i].whole && folded.size() > key.size() &&
                                         folded.starts_with(key) && folded[key.size()] == ' ');
      if (hit) found |= 1u << i;
    }
  }
  return found;
}

template <std::size_t N>
std::string names_of(std::uint32_t seen, const Sign (&signs)[N], int at_most) {
  std::string out;
  int n = 0;
  for (std::size_t i = 0; i < N && n < at_most; ++i) {
    if ((seen & (1u << i)) == 0) continue;
    if (n++ > 0) out += ", ";
    out += signs[i].name;
  }
  return out;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool starts_with_any(std::string_view s, std::initializer_list<std::string_view> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](std::string_view p) { return s.starts_with(p); });
}

bool ends_with_any(std::string_view s, std::initializer_list<std::string_view> suffixes) {
  return std::any_of(suffixes.begin(), suffixes.end(),
                     [&](std::string_view p) { return s.ends_with(p); });
}

bool is_identifier_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '[' || c == ']';
}

// `name = …` / `self.x += …` at the start of a line: an assignment.
bool is_assignment(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && is_identifier_char(s[i])) ++i;
  if (i == 0) return false;
  while (i < s.size() && s[i] == ' ') ++i;
  if (i < s.size() && (s[i] == '+' || s[i] == '-' || s[i] == '*' || s[i] == '|')) ++i;
  return i + 1 < s.size() && s[i] == '=' && s[i + 1] != '=';
}

// `name(…` at the start of a line: a call, or a CMake or Makefile command.
bool is_call(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && is_identifier_char(s[i])) ++i;
  return i > 0 && i < s.size() && s[i] == '(';
}

// A line of a program: a keyword that opens a statement, or the punctuation that ends one.
bool looks_like_code(std::string_view line) {
  line = trimmed(line);
  if (line.empty()) return false;
  if (starts_with_any(
          line,
          {"def ",     "class ",  "import ",     "from ",     "#include", "#!",      "#define",
           "#pragma",  "return",  "if __name__", "function ", "const ",   "let ",    "var ",
           "package ", "using ",  "namespace ",  "struct ",   "fn ",      "public:", "private:",
           "for (",    "while (", "try:",        "except",    "elif ",    "else:",   "print(",
           "self.",    "//",      "/*",          "@"})) {
    return true;
  }
  if (ends_with_any(line, {"{", "}", ";", "):", "};", "*/", "(", ",)", "])", "[", "]"})) {
    return true;
  }
  // Shell: its keywords and expansions.
  if (starts_with_any(line, {"set -", "echo ", "if [", "fi", "then", "done", "do ", "export ",
                             "local ", "exit ", "case ", "esac", "sudo ", "apt-get "}) ||
      line.find("$(") != std::string_view::npos || line.find("${") != std::string_view::npos ||
      line.find("&&") != std::string_view::npos) {
    return true;
  }
  return is_assignment(line) || is_call(line);
}

// A line of JSON: `"key": …`.
bool is_json_member(std::string_view line) {
  line = trimmed(line);
  return line.starts_with('"') && line.find("\":") != std::string_view::npos;
}

// Brackets and commas alone: JSON's, or the end of a block of code.
bool is_brackets(std::string_view line) {
  line = trimmed(line);
  return !line.empty() && line.find_first_not_of("{}[], ;") == std::string_view::npos;
}

// A line of markdown other than a heading: a list item, a fence, a quote, a link, `code`.
bool looks_like_markdown(std::string_view line) {
  line = trimmed(line);
  if (starts_with_any(line, {"- ", "* ", "+ ", "```", "> ", "|---", "| ---"})) return true;
  if (line.size() > 2 && line[0] >= '0' && line[0] <= '9' &&
      (line.substr(1, 2) == ". " || line.substr(1, 2) == ") ")) {
    return true;
  }
  const std::size_t tick = line.find('`');
  return line.find("](") != std::string_view::npos ||
         (tick != std::string_view::npos && line.find('`', tick + 1) != std::string_view::npos);
}

// One cell holding a record of several comma- or semicolon-separated values.
bool looks_like_csv(const CellRow& row) {
  if (row.cells.size() != 1) return false;
  const std::string& t = row.cells[0].text;
  const auto commas = std::count(t.begin(), t.end(), ',');
  const auto semicolons = std::count(t.begin(), t.end(), ';');
  return std::max(commas, semicolons) >= 3;
}

std::string row_text(const CellRow& row) {
  std::string text;
  for (const Cell& c : row.cells) {
    if (!text.empty()) text += ' ';
    text += c.text;
  }
  return text;
}

}  // namespace

namespace {

// Bit m for each month the row's cells name, and the column of each (of its first naming).
std::uint16_t month_cells(const CellRow& row, std::array<int, 12>* columns) {
  std::uint16_t mask = 0;
  for (const Cell& c : row.cells) {
    const std::optional<ColumnRole> role =
        classify_cell(c.text, {.header = false, .ocr = c.confidence.has_value()}).column;
    if (!role) continue;
    const std::optional<int> m = month_of(*role);
    if (!m) continue;
    const auto bit = static_cast<std::uint16_t>(1u << *m);
    if (columns && !(mask & bit)) (*columns)[static_cast<std::size_t>(*m)] = c.column;
    mask |= bit;
  }
  return mask;
}

}  // namespace

std::optional<MisreadMonth> misread_month(const CellRow& row) {
  const bool ocr = std::any_of(row.cells.begin(), row.cells.end(),
                               [](const Cell& c) { return c.confidence.has_value(); });
  if (!ocr) return std::nullopt;
  std::array<int, 12> columns{};
  const std::uint16_t mask = month_cells(row, &columns);
  if (std::popcount(mask) != 11) return std::nullopt;
  const int missing = std::countr_one(mask);
  // The named months one column apart, in order, and two apart across the missing one.
  int previous = -1;
  for (int m = 0; m < 12; ++m) {
    if (m == missing) continue;
    const int column = columns[static_cast<std::size_t>(m)];
    if (previous >= 0) {
      const int step = m - 1 == missing ? 2 : 1;
      if (column - columns[static_cast<std::size_t>(previous)] != step) return std::nullopt;
    }
    previous = m;
  }
  const int column =
      missing == 0 ? columns[1] - 1 : columns[static_cast<std::size_t>(missing) - 1] + 1;
  if (column < 0) return std::nullopt;
  return MisreadMonth{missing, column};
}

std::uint16_t months_named(const CellRow& row) {
  if (!month_initials(row).empty()) return kWholeYear;
  const std::uint16_t mask = month_cells(row, nullptr);
  if (std::popcount(mask) != 11) return mask;
  const std::optional<MisreadMonth> misread = misread_month(row);
  return misread ? kWholeYear : mask;
}

int PoaEvidence::Signs::count() const {
  return std::popcount(seen);
}

PoaEvidence::PoaEvidence(SourceType type, EvidenceConfig config) : type_(type), config_(config) {}

void PoaEvidence::observe_row(const CellRow& row, bool title) {
  if (row.kind == RowKind::kPageBreak) {
    close_page();
    return;
  }
  ++lines_;
  if (title) {
    ++titles_;
    if (first_title_.empty()) first_title_ = row_text(row);
  } else {
    ++cell_rows_;
  }
  // Once an action has shown a POA's structure the other kinds are out of question; the rows
  // are not inspected further (this keeps a long POA's cost at one count per row).
  if (evidenced_ > 0) return;

  const std::uint16_t months = months_named(row);
  any_whole_year_ = any_whole_year_ || months == kWholeYear;
  any_semester_ = any_semester_ || months == 0x03F || months == 0xFC0;

  for (const Cell& c : row.cells) {
    if (c.text.size() > kMaxLineBytes) continue;
    const std::string folded = text::fold_for_match(c.text);
    if (!months_in_one_cell_) months_in_one_cell_ = names_the_year(folded);
    if (c.text.size() > kMaxLabelBytes) continue;
    mir_page_.seen |= signs_in(folded, kMirSigns);
    sipot_.seen |= signs_in(folded, kSipotSigns);
  }
  mir_.seen |= mir_page_.seen;

  if (type_ != SourceType::kText) return;
  const std::string text = row_text(row);
  if (title) {
    // A heading other than the plan's title (`# poa`, `## Using it`, a `# comment` in a script).
    if (!classify_cell(text, {.header = false, .column = false, .title = true}).title) {
      ++markdown_lines_;
    }
    return;
  }
  const bool member = is_json_member(text);
  if (member) ++json_members_;
  if (member || is_brackets(text)) ++json_lines_;
  if (!member && looks_like_code(text)) ++code_lines_;
  if (looks_like_markdown(text)) ++markdown_lines_;
  if (looks_like_csv(row)) ++csv_lines_;
}

void PoaEvidence::close_page() {
  if (mir_page_.count() >= config_.mir_labels_per_sheet) ++mir_sheets_;
  mir_page_ = {};
}

bool PoaEvidence::evidenced(const ActionEvidence& a) const {
  return a.labels >= config_.min_labels && a.whole_year;
}

void PoaEvidence::observe_action(const ActionEvidence& action) {
  ++actions_;
  if (evidenced(action)) ++evidenced_;
  if (action.named_activities == 0 && action.header_values <= config_.max_values_of_hollow_action)
    ++hollow_;
  any_labels_ = any_labels_ || action.labels >= 2;
  any_table_ = any_table_ || action.table;
  any_whole_year_ = any_whole_year_ || action.whole_year;
}

std::optional<std::string> PoaEvidence::early_refusal() const {
  if (evidenced_ > 0 || any_whole_year_ || mir_sheets_ < config_.mir_sheets_to_stop) {
    return std::nullopt;
  }
  return kind_of_document();
}

std::optional<std::string> PoaEvidence::refusal() const {
  if (evidenced_ > 0 && evidenced_ * 100 >= actions_ * config_.min_evidenced_percent) {
    if (hollow_ * 100 <= actions_ * config_.max_hollow_percent) return std::nullopt;
    return std::to_string(hollow_) + " de " + std::to_string(actions_) +
           " acciones están vacías (sin nombre de actividad ni datos de encabezado): ¿una "
           "plantilla sin llenar?";
  }
  if (evidenced_ == 0) {
    if (std::optional<std::string> kind = kind_of_document()) return kind;
  }
  return structural_reason();
}

std::optional<std::string> PoaEvidence::kind_of_document() const {
  if (json_members_ > 0 && json_lines_ * 100 >= lines_ * config_.min_json_percent) {
    return "parece un archivo JSON (¿una salida de poa?), no un POA";
  }
  const int percent = lines_ > 0 ? 100 * code_lines_ / lines_ : 0;
  if (code_lines_ >= config_.min_code_lines && percent >= config_.min_code_percent) {
    return "es código fuente (" + std::to_string(code_lines_) + " de " + std::to_string(lines_) +
           " líneas son de un programa)";
  }
  if (markdown_lines_ >= config_.min_markdown_lines &&
      markdown_lines_ * 100 >= lines_ * config_.min_markdown_percent) {
    return "parece un README o documento markdown (títulos #, listas, bloques de código)";
  }
  if (sipot_.count() >= 2) {
    return "parece un formato SIPOT ya llenado (" + names_of(sipot_.seen, kSipotSigns, 3) + ")";
  }
  const bool mir_sheet = mir_sheets_ > 0 || mir_page_.count() >= config_.mir_labels_per_sheet;
  if (mir_sheet) {
    std::string why = names_of(mir_.seen, kMirSigns, 4);
    if (any_semester_) why += "; meses por semestre (Ene–Jun, Jul–Dic)";
    return "parece un reporte de indicadores (MIR): " + why;
  }
  if (csv_lines_ >= config_.min_csv_lines &&
      csv_lines_ * 100 >= cell_rows_ * config_.min_csv_percent) {
    return "parece un CSV (valores separados por comas en cada línea), no un POA exportado a texto "
           "con tabuladores ni a PDF";
  }
  return std::nullopt;
}

std::string PoaEvidence::structural_reason() const {
  if (cell_rows_ == 0 && titles_ > 0) {
    return "solo hay un título («" + first_title_ + "»), sin acciones ni tabla de actividades";
  }
  if (months_in_one_cell_ && !any_whole_year_ && evidenced_ == 0) {
    return "los meses ENE…DIC están en una sola celda, sin columnas: parece texto alineado con "
           "espacios (como el de pdftotext -layout); convierta el PDF o exporte el POA con "
           "tabuladores";
  }
  if (!any_labels_ && !any_table_) {
    return "no se encontró ningún bloque de encabezado de acción (SECRETARÍA, NOMBRE DE LA "
           "ACCIÓN, …) ni tabla de actividades (ACTIVIDAD, … ENE … DIC)";
  }
  if (!any_whole_year_ && evidenced_ == 0) {
    std::string why = "no hay tabla de actividades con los meses ENE…DIC en un encabezado";
    if (any_semester_) why += " (los meses van por semestre: Ene–Jun, Jul–Dic)";
    return why;
  }
  if (evidenced_ == 0) {
    return "ninguna acción tiene a la vez su bloque de encabezado (SECRETARÍA, NOMBRE DE LA "
           "ACCIÓN, …) y una tabla de actividades con ENE…DIC";
  }
  return "solo " + std::to_string(evidenced_) + " de " + std::to_string(actions_) +
         " acciones tienen bloque de encabezado y tabla de actividades con ENE…DIC";
}

}  // namespace poa::extractor
