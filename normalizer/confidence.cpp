// LOW_CONFIDENCE: how sure the OCR was of each value, with the document's arithmetic as a second
// opinion (a sum that adds up confirms its numbers; one that does not points at the least sure),
// and the form's own structure as a third (a cell every row fills left empty, a field whose text
// does not fit it, a row split off the one above, a word spelt two ways).
#include "normalizer/confidence.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "text/unicode.hpp"
#include "text/values.hpp"

namespace poa::normalizer {
namespace {

constexpr const char* kMonthLabels[12] = {"ENE", "FEB", "MAR", "ABR", "MAY", "JUN",
                                          "JUL", "AGO", "SEP", "OCT", "NOV", "DIC"};
// Why an empty value of a page read by OCR is doubted.
constexpr std::string_view kLost =
    "vacío en una página leída por OCR: la lectura o la maquetación pudo perderlo";
constexpr std::string_view kSplitOff =
    "empieza en minúscula: parece el final de la celda de la fila anterior, separado por el OCR";
constexpr std::string_view kSplitBelow =
    "la fila siguiente empieza en minúscula en esta columna: el texto puede estar cortado";
constexpr std::string_view kTextBelow =
    "el campo de debajo tiene texto que no es suyo: este valor puede estar incompleto";
constexpr std::string_view kHoldsLost =
    "termina o empieza con lo que parece el valor de un campo perdido: puede haberlo tomado";
constexpr std::string_view kSpansColumns =
    "se extiende sobre dos columnas del encabezado y falta un campo: puede haber tomado su valor";
constexpr std::string_view kGluedLabel =
    "tiene palabras en mayúsculas que parecen una etiqueta del formato pegada al valor";
// Words shorter than this are left out of the spelling and label checks (articles, `de`, `LED`).
constexpr std::size_t kLabelWordBytes = 4;
// How much of an activity's name a message quotes to say which row it is.
constexpr std::size_t kRowNameBytes = 40;

// The header fields of free text (a strategy's code aside): any words fit them.
constexpr HeaderField kFreeTextFields[] = {HeaderField::kSecretaria,       HeaderField::kNombre,
                                           HeaderField::kPrincipioRector,  HeaderField::kMeta,
                                           HeaderField::kLineaEstrategica, HeaderField::kEstrategia,
                                           HeaderField::kProposito};

struct Checked {
  const RawField* field;
  std::string label;
  bool number;
};

void lower(std::optional<double>& least, const std::optional<RawField>& f) {
  if (f && f->origin.confidence && (!least || *f->origin.confidence < *least)) {
    least = f->origin.confidence;
  }
}

std::string row_name(const Activity& a) {
  if (!a.actividad) return {};
  std::string name = *a.actividad;
  if (name.size() > kRowNameBytes) {
    std::size_t cut = kRowNameBytes;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name = name.substr(0, cut) + "…";
  }
  return name;
}

bool sum_adds_up(const Activity& a) {
  if (!a.programacion_anual) return false;
  Decimal sum = Decimal::from_int(0);
  for (const auto& m : a.programacion_mensual) {
    if (m) sum += *m;
  }
  return sum == *a.programacion_anual;
}

// The least sure number of `fields` (not already reported), or nullptr.
const Checked* least_sure_number(const std::vector<Checked>& fields,
                                 const std::vector<const RawField*>& reported) {
  const Checked* least = nullptr;
  for (const Checked& c : fields) {
    if (!c.number || !c.field->origin.confidence) continue;
    if (std::find(reported.begin(), reported.end(), c.field) != reported.end()) continue;
    if (!least || *c.field->origin.confidence < *least->field->origin.confidence) least = &c;
  }
  return least;
}

// Whether any value of the action was read by OCR: only then does the layout's structure say
// something about the OCR (a born-digital page's empty cell is as the author left it).
bool read_by_ocr(const RawAction& raw) {
  auto ocr = [](const std::optional<RawField>& f) { return f && f->origin.confidence; };
  if (std::any_of(raw.fields.begin(), raw.fields.end(), ocr)) return true;
  return std::any_of(raw.activities.begin(), raw.activities.end(), [&](const RawActivity& a) {
    return ocr(a.actividad) || ocr(a.area_responsable) || ocr(a.unidad_medida) ||
           ocr(a.inversion) || ocr(a.indicador) || ocr(a.programacion_anual) ||
           std::any_of(a.meses.begin(), a.meses.end(), ocr);
  });
}

bool blank(const std::optional<RawField>& f) {
  return !f || text::normalize_text(f->text).empty();
}

// Why a header field's text, present, did not give a value that fits the field; empty when it
// did. A strategy needs its code (`1.2.3 …`): the OCR lost or misread it otherwise.
std::string_view header_misfit(const Action& a, HeaderField f) {
  switch (f) {
    case HeaderField::kNumero:
      return a.numero ? "" : "no es un número entero";
    case HeaderField::kInversion:
      return a.inversion_aproximada ? "" : "no es un importe";
    case HeaderField::kBeneficiarios:
      return a.beneficiarios ? "" : "no son cifras de beneficiarios";
    case HeaderField::kPartidas:
      return a.partidas_presupuestales.empty() ? "no son claves de partida" : "";
    case HeaderField::kLineaEstrategica:
    case HeaderField::kEstrategia: {
      const std::optional<CodedText>& c =
          f == HeaderField::kEstrategia ? a.estrategia : a.linea_estrategica;
      return c && c->codigo ? "" : "le falta su clave numérica (p. ej. «1.2»)";
    }
    default:
      return "";
  }
}

// The value of a field whose label the OCR lost is joined to the field beside it, at its start
// or its end (up to four words, the field keeping one of its own): whether `text` starts or ends
// with what reads as a value of `lost`'s type. Fields of free text have no type to read.
bool ends_with_value_of(std::string_view text, HeaderField lost) {
  std::vector<std::string_view> words;
  for (std::size_t k = 0; k < text.size();) {
    const std::size_t end = std::min(text.find(' ', k), text.size());
    if (end > k) words.push_back(text.substr(k, end - k));
    k = end + 1;
  }
  auto fits = [&](std::size_t from, std::size_t count) {
    const std::string_view piece(words[from].data(),
                                 words[from + count - 1].end() - words[from].begin());
    switch (lost) {
      case HeaderField::kBeneficiarios: {
        // Both counts (`M 10 H 12`): a lone number in a text is more often its own.
        const std::optional<Beneficiaries> b = text::parse_beneficiaries(piece);
        return b && b->mujeres && b->hombres;
      }
      case HeaderField::kInversion:
        return piece.starts_with('$') && text::parse_money(piece).has_value();
      case HeaderField::kPartidas:
        return text::parse_partidas(piece).has_value();
      case HeaderField::kNumero:
        return count == 1 && text::is_digits(piece);
      default:
        return false;
    }
  };
  for (std::size_t count = 1; count <= 4 && count < words.size(); ++count) {
    if (fits(0, count) || fits(words.size() - count, count)) return true;
  }
  return false;
}

// Whether `field`'s box runs over two values side by side in another row band of the header: a
// value within its column lies over one value of each other band at most (a centred number's
// box starts inside its column, so column starts alone say nothing), one holding the cells of two
// fields lies over the two columns.
bool spans_two_columns(const RawField& field,
                       const std::array<std::optional<RawField>, kHeaderFieldCount>& fields) {
  // Points two extents must share to overlap (a ruling's width, a skewed line).
  constexpr double kSlack = 6;
  auto across = [](const Box& a, const Box& b) {
    return std::min(a.x1, b.x1) - std::max(a.x0, b.x0) > kSlack;
  };
  auto same_band = [](const Box& a, const Box& b) {
    return std::min(a.y1, b.y1) > std::max(a.y0, b.y0);
  };
  if (!field.box) return false;
  const Box& f = *field.box;
  std::vector<Box> below_or_above;  // the other bands' values under or over `field`
  for (const std::optional<RawField>& other : fields) {
    if (!other || &*other == &field || !other->box || other->origin.page != field.origin.page) {
      continue;
    }
    if (!same_band(*other->box, f) && across(*other->box, f)) below_or_above.push_back(*other->box);
  }
  for (std::size_t i = 0; i < below_or_above.size(); ++i) {
    for (std::size_t j = i + 1; j < below_or_above.size(); ++j) {
      const Box& a = below_or_above[i];
      const Box& b = below_or_above[j];
      if (same_band(a, b) && !across(a, b)) return true;
    }
  }
  return false;
}

// A word's spelling with case set aside but accents kept: `Tesorería` and `TESORERÍA` are one
// spelling, `Tesoreria` another.
std::string spelling(std::string_view word) {
  std::string out(word);
  for (std::size_t k = 0; k < out.size(); ++k) {
    const auto c = static_cast<unsigned char>(out[k]);
    if (c >= 'A' && c <= 'Z') out[k] = static_cast<char>(c - 'A' + 'a');
    // Latin-1 capitals (À…Þ) after 0xC3: their small letters are 0x20 further.
    const bool capital = k > 0 && static_cast<unsigned char>(out[k - 1]) == 0xC3 && c >= 0x80 &&
                         c <= 0x9E && c != 0x97;
    if (capital) out[k] = static_cast<char>(c + 0x20);
  }
  return out;
}

// The words of a text: runs of letters (any byte of a UTF-8 sequence counts as one).
std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = std::string_view::npos;
  for (std::size_t k = 0; k <= text.size(); ++k) {
    const bool letter =
        k < text.size() && (std::isalpha(static_cast<unsigned char>(text[k])) != 0 ||
                            static_cast<unsigned char>(text[k]) >= 0x80);
    if (letter && start == std::string_view::npos) start = k;
    if (!letter && start != std::string_view::npos) {
      out.push_back(text.substr(start, k - start));
      start = std::string_view::npos;
    }
  }
  return out;
}

// A value in mixed case holding two capitalised words in a row (`NUMERODE ACCION Finanzas
// Sanas`): a label of the form the OCR glued onto the value.
bool glued_label(std::string_view text) {
  if (text::is_upper_case(text)) return false;  // a form written in capitals throughout
  std::size_t run = 0;
  for (const std::string_view w : words_of(text)) {
    if (w.size() < kLabelWordBytes) continue;  // `DE` in `NÚMERO DE ACCIÓN`
    run = text::is_upper_case(w) ? run + 1 : 0;
    if (run >= 2) return true;
  }
  return false;
}

// Words a POA's areas, units and strategies write with an accent (or ñ) whose accent-less spelling
// is no other word of a form (or not a likely one: `modulo`, `publica` are verb forms), lower
// case: the OCR drops a thin accent and is sure of the letters. Words ending in `-ción`/`-sión`
// need no entry (accent_lost).
constexpr std::string_view kAccented[] = {
    "tesorería",   "secretaría", "contraloría", "oficialía", "regiduría",   "consejería",
    "ecología",    "tecnología", "módulo",      "módulos",   "área",        "áreas",
    "público",     "pública",    "públicos",    "públicas",  "jurídico",    "jurídica",
    "técnico",     "técnica",    "económico",   "económica", "número",      "vehículo",
    "vehículos",   "kilómetro",  "kilómetros",  "política",  "políticas",   "análisis",
    "diagnóstico", "eléctrico",  "eléctrica",   "médico",    "médica",      "clínica",
    "campaña",     "campañas",   "compañía",    "gráfico",   "electrónico", "electrónica",
    "energía",     "vía",        "vías",        "cómputo",   "teléfono",    "depósito",
    "artículo",    "artículos",  "metodología", "catálogo",  "crédito",     "trámite",
    "trámites",    "periódico",  "línea",       "líneas",    "estratégica", "propósito",
    "órgano",      "índice",     "días",        "préstamo",  "auditoría",   "asesoría",
    "cartografía", "tipografía", "fotografía",  "mecánico",  "básico",      "básica",
    "académico",   "histórico",  "turístico",   "física",    "físico",
};

// How a word read by OCR without any accent is written with one, when Spanish spells it so: a
// singular `-cion`/`-sion` noun always (`Inversion`), the words of kAccented. Empty otherwise.
std::string accent_lost(std::string_view word) {
  if (std::any_of(word.begin(), word.end(), [](char c) { return (c & 0x80) != 0; })) return {};
  std::string folded(word);
  for (char& c : folded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (folded.size() > 5 && (folded.ends_with("cion") || folded.ends_with("sion"))) {
    return folded.substr(0, folded.size() - 2) + "ón";
  }
  static const std::map<std::string, std::string_view> kByFolded = [] {
    std::map<std::string, std::string_view> by;
    for (const std::string_view accented : kAccented)
      by.emplace(text::fold_accents(accented), accented);
    return by;
  }();
  const auto found = kByFolded.find(folded);
  return found == kByFolded.end() ? std::string() : std::string(found->second);
}

// What the layout lost or mangled on pages read by OCR, said once per value where the threshold
// and the sums have not said it already.
class LayoutDoubts {
 public:
  LayoutDoubts(const RawAction& raw, const Action& action, Diagnostics& found,
               std::vector<const RawField*>& reported)
      : raw_(raw), action_(action), found_(found), reported_(reported) {}

  void check() {
    check_header();
    // A table that writes its zeros (`-`, `0`) leaves no month empty: an empty one was lost.
    for (const Activity& a : action_.activities) {
      for (const auto& m : a.programacion_mensual) {
        if (m && *m == Decimal::from_int(0)) writes_zeros_ = true;
      }
    }
    for (std::size_t i = 0; i < raw_.activities.size() && i < action_.activities.size(); ++i) {
      check_row(i);
    }
    check_spellings();
    check_accents();
  }

 private:
  using Member = std::optional<RawField> RawActivity::*;
  struct TextCell {
    Member member;
    const char* column;
  };
  static constexpr TextCell kTextCells[] = {{&RawActivity::actividad, "ACTIVIDAD"},
                                            {&RawActivity::area_responsable, "ÁREA RESPONSABLE"},
                                            {&RawActivity::unidad_medida, "UNIDAD DE MEDIDA"},
                                            {&RawActivity::indicador, "INDICADOR"}};

  void doubt(const std::optional<RawField>& f, const std::string& label, const Origin& fallback,
             std::string_view why) {
    if (f && std::find(reported_.begin(), reported_.end(), &*f) != reported_.end()) return;
    found_.push_back(diag::ocr_doubt(label, f ? text::normalize_text(f->text) : std::string(),
                                     f ? f->origin : fallback, why));
    if (f) reported_.push_back(&*f);
  }

  std::string row_label(std::size_t i, const char* column) const {
    const std::string name = row_name(action_.activities[i]);
    return name.empty() ? std::string(column) : std::string(column) + "» de «" + name;
  }

  void check_header() {
    for (int f = 0; f < kHeaderFieldCount; ++f) {
      const auto field = static_cast<HeaderField>(f);
      const std::optional<RawField>& rf = raw_.field(field);
      const char* label = header_field_label(field);
      if (blank(rf)) {
        doubt(rf, label, raw_.origin, rf && !rf->doubt.empty() ? rf->doubt : kLost);
      } else if (const std::string_view why = header_misfit(action_, field); !why.empty()) {
        doubt(rf, label, raw_.origin, why);
        doubt_value_above(*rf);
      } else if (!rf->doubt.empty()) {
        doubt(rf, label, raw_.origin, rf->doubt);
      } else if (rf->origin.confidence && glued_label(rf->text)) {
        doubt(rf, label, raw_.origin, kGluedLabel);
      }
    }
    for (int f = 0; f < kHeaderFieldCount; ++f) {
      if (blank(raw_.fields[static_cast<std::size_t>(f)])) {
        doubt_holders_of_lost(static_cast<HeaderField>(f));
      }
    }
  }

  // A header field lost (its label misread beyond matching) leaves its value to the field beside
  // where the label stood, which then reads right but holds a foreign value. Doubted: a free-text
  // field whose start or end reads as the lost field's type (a typed field holding more than its
  // value is a misfit already), and a field whose box runs over a column of the block's grid (the
  // lost value's cell joined to its own). Fields within their own column are left alone: one lost
  // label does not cast doubt on the whole block (OCR'd fields always carry their boxes).
  void doubt_holders_of_lost(HeaderField lost) {
    for (int f = 0; f < kHeaderFieldCount; ++f) {
      const auto field = static_cast<HeaderField>(f);
      const std::optional<RawField>& rf = raw_.field(field);
      if (field == lost || blank(rf) || !rf->origin.confidence) continue;
      const bool free_text = std::find(std::begin(kFreeTextFields), std::end(kFreeTextFields),
                                       field) != std::end(kFreeTextFields);
      if (free_text && ends_with_value_of(text::normalize_text(rf->text), lost)) {
        doubt(rf, header_field_label(field), raw_.origin, kHoldsLost);
      } else if (spans_two_columns(*rf, raw_.fields)) {
        doubt(rf, header_field_label(field), raw_.origin, kSpansColumns);
      }
    }
  }

  // Text that does not fit its field is most often the end of the value right above it (its box
  // over the field's, on the same page), whose cell the OCR split: that value is cut.
  void doubt_value_above(const RawField& misfit) {
    if (!misfit.box) return;
    const Box& m = *misfit.box;
    std::optional<HeaderField> nearest;
    double gap = 0;
    for (int f = 0; f < kHeaderFieldCount; ++f) {
      const std::optional<RawField>& rf = raw_.fields[static_cast<std::size_t>(f)];
      if (!rf || &*rf == &misfit || !rf->box || rf->origin.page != misfit.origin.page) continue;
      const Box& b = *rf->box;
      const double above = m.y0 - b.y1;  // PDF points, y down
      if (std::min(b.x1, m.x1) <= std::max(b.x0, m.x0) || above < -1) continue;
      if (!nearest || above < gap) {
        nearest = static_cast<HeaderField>(f);
        gap = above;
      }
    }
    if (nearest) {
      doubt(raw_.field(*nearest), header_field_label(*nearest), raw_.origin, kTextBelow);
    }
  }

  void check_row(std::size_t i) {
    const RawActivity& ra = raw_.activities[i];
    const Activity& a = action_.activities[i];
    // The end of the cells above split off into a row of its own: a text cell starting in lower
    // case. Both rows are cut.
    const bool split =
        i > 0 && std::any_of(std::begin(kTextCells), std::end(kTextCells), [&](const TextCell& t) {
          const std::optional<RawField>& f = ra.*t.member;
          return f && f->origin.confidence &&
                 text::starts_lower_case(text::normalize_text(f->text));
        });
    for (const TextCell& t : kTextCells) {
      const std::optional<RawField>& f = ra.*t.member;
      if (blank(f)) {
        doubt(f, row_label(i, t.column), ra.origin, f && !f->doubt.empty() ? f->doubt : kLost);
      } else if (!f->doubt.empty()) {
        doubt(f, row_label(i, t.column), ra.origin, f->doubt);
      } else if (split) {
        doubt(f, row_label(i, t.column), ra.origin, kSplitOff);
        const RawActivity& above = raw_.activities[i - 1];
        if (!blank(above.*t.member)) {
          doubt(above.*t.member, row_label(i - 1, t.column), above.origin, kSplitBelow);
        }
      } else if (f->origin.confidence && glued_label(f->text)) {
        doubt(f, row_label(i, t.column), ra.origin, kGluedLabel);
      }
    }
    auto number = [&](const std::optional<RawField>& f, const char* column, bool typed,
                      std::string_view misfit) {
      if (blank(f)) {
        doubt(f, row_label(i, column), ra.origin, f && !f->doubt.empty() ? f->doubt : kLost);
      } else if (!typed) {
        doubt(f, row_label(i, column), ra.origin, misfit);
      }
    };
    number(ra.inversion, "INVERSIÓN", a.inversion.has_value(), "no es un importe");
    number(ra.programacion_anual, "PROGRAMACIÓN ANUAL", a.programacion_anual.has_value(),
           "no es una cantidad");
    const bool adds_up = sum_adds_up(a);
    for (std::size_t m = 0; m < 12; ++m) {
      const std::optional<RawField>& f = ra.meses[m];
      // An empty month is the author's when the months add up and the table leaves its zeros
      // empty.
      // Ink the OCR could not read (a field with a doubt) is not such a month.
      if (blank(f) && (!f || f->doubt.empty()) && adds_up && !writes_zeros_) continue;
      number(f, kMonthLabels[m], a.programacion_mensual[m].has_value(), "no es una cantidad");
    }
  }

  // A word the OCR read without the accent Spanish writes on it (`Tesoreria`): doubted, not
  // corrected (the reading may be right: a form in capitals without accents).
  void check_accents() {
    for (const Value& v : text_values()) {
      if (blank(*v.field) || !(*v.field)->origin.confidence) continue;
      const std::string text = text::normalize_text((*v.field)->text);
      for (const std::string_view w : words_of(text)) {
        if (w.size() < kLabelWordBytes) continue;
        const std::string accented = accent_lost(w);
        if (accented.empty()) continue;
        doubt(
            *v.field, v.label, *v.fallback,
            "«" + std::string(w) + "» se escribe «" + accented + "»: el OCR pudo perder el acento");
        break;
      }
    }
  }

  struct Value {
    const std::optional<RawField>* field;
    std::string label;
    const Origin* fallback;
  };
  // The action's text values: the free-text header fields and the text cells of each row.
  std::vector<Value> text_values() const {
    std::vector<Value> values;
    for (const HeaderField f : kFreeTextFields) {
      values.push_back({&raw_.field(f), header_field_label(f), &raw_.origin});
    }
    for (std::size_t i = 0; i < raw_.activities.size() && i < action_.activities.size(); ++i) {
      for (const TextCell& t : kTextCells) {
        values.push_back(
            {&(raw_.activities[i].*t.member), row_label(i, t.column), &raw_.activities[i].origin});
      }
    }
    return values;
  }

  // A word spelt two ways in the action's values (`Tesorería`, `Tesoreria`): the rarer spelling
  // read by OCR is doubted (both when as common), since the form writes a name one way.
  void check_spellings() {
    const std::vector<Value> values = text_values();
    // folded word -> spelling -> (how often, as first written)
    std::map<std::string, std::map<std::string, std::pair<int, std::string>>> seen;
    for (const Value& v : values) {
      if (blank(*v.field)) continue;
      const std::string text = text::normalize_text((*v.field)->text);
      for (const std::string_view w : words_of(text)) {
        if (w.size() < kLabelWordBytes) continue;
        auto& entry = seen[text::fold_accents(w)][spelling(w)];
        if (entry.first++ == 0) entry.second = std::string(w);
      }
    }
    for (const Value& v : values) {
      if (blank(*v.field) || !(*v.field)->origin.confidence) continue;
      const std::string text = text::normalize_text((*v.field)->text);
      for (const std::string_view w : words_of(text)) {
        if (w.size() < kLabelWordBytes) continue;
        const auto& spellings = seen[text::fold_accents(w)];
        if (spellings.size() < 2) continue;
        const auto& mine = spellings.at(spelling(w));
        const auto other =
            std::max_element(spellings.begin(), spellings.end(), [&](const auto& a, const auto& b) {
              const bool a_mine = a.first == spelling(w), b_mine = b.first == spelling(w);
              return (a_mine ? -1 : a.second.first) < (b_mine ? -1 : b.second.first);
            });
        if (mine.first > other->second.first) continue;
        doubt(*v.field, v.label, *v.fallback,
              "«" + std::string(w) + "» se escribe «" + other->second.second +
                  "» en otro valor de la acción: una de las dos lecturas está mal");
        break;
      }
    }
  }

  const RawAction& raw_;
  const Action& action_;
  Diagnostics& found_;
  std::vector<const RawField*>& reported_;
  bool writes_zeros_ = false;
};

}  // namespace

void check_confidence(const RawAction& raw, Action& action, double min_confidence) {
  std::optional<double> header_least;
  for (const auto& f : raw.fields) lower(header_least, f);
  if (header_least) action.origin.confidence = header_least;

  std::optional<Decimal> investments;
  for (const Activity& a : action.activities) {
    if (a.inversion) investments = investments ? *investments + *a.inversion : *a.inversion;
  }
  const bool investments_add_up =
      action.inversion_aproximada && investments && *investments == *action.inversion_aproximada;

  Diagnostics found;
  std::vector<const RawField*> reported;
  auto report = [&](const Checked& c, std::string_view why) {
    found.push_back(diag::low_confidence(c.label, text::normalize_text(c.field->text),
                                         c.field->origin, min_confidence,
                                         why.empty() ? c.field->doubt : why));
    reported.push_back(c.field);
  };

  std::vector<Checked> header;
  for (int f = 0; f < kHeaderFieldCount; ++f) {
    const auto field = static_cast<HeaderField>(f);
    const std::optional<RawField>& rf = raw.field(field);
    if (!rf || !rf->origin.confidence) continue;
    header.push_back(Checked{&*rf, header_field_label(field), field == HeaderField::kInversion});
  }
  for (const Checked& c : header) {
    const bool confirmed = c.number && investments_add_up;
    if (*c.field->origin.confidence < min_confidence && !confirmed) report(c, {});
  }

  std::vector<Checked> investment_cells = header;  // candidates when the investments disagree
  std::erase_if(investment_cells, [](const Checked& c) { return !c.number; });
  for (std::size_t i = 0; i < raw.activities.size() && i < action.activities.size(); ++i) {
    const RawActivity& ra = raw.activities[i];
    Activity& a = action.activities[i];
    std::optional<double> least;
    const std::string name = row_name(a);
    auto label = [&](const char* column) {
      return name.empty() ? std::string(column) : std::string(column) + "» de «" + name;
    };
    std::vector<Checked> cells;
    auto add = [&](const std::optional<RawField>& f, const char* column, bool number) {
      lower(least, f);
      if (f && f->origin.confidence) cells.push_back(Checked{&*f, label(column), number});
    };
    add(ra.actividad, "ACTIVIDAD", false);
    add(ra.area_responsable, "ÁREA RESPONSABLE", false);
    add(ra.unidad_medida, "UNIDAD DE MEDIDA", false);
    add(ra.inversion, "INVERSIÓN", false);  // money: confirmed by the action's sum, not the row's
    add(ra.indicador, "INDICADOR", false);
    add(ra.programacion_anual, "PROGRAMACIÓN ANUAL", true);
    for (int m = 0; m < 12; ++m) add(ra.meses[static_cast<std::size_t>(m)], kMonthLabels[m], true);
    if (least) a.origin.confidence = least;
    if (cells.empty()) continue;
    if (ra.inversion && ra.inversion->origin.confidence) {
      investment_cells.push_back(Checked{&*ra.inversion, label("INVERSIÓN"), true});
    }

    const bool row_adds_up = sum_adds_up(a);
    for (const Checked& c : cells) {
      const bool is_investment = c.field == (ra.inversion ? &*ra.inversion : nullptr);
      const bool confirmed = (c.number && row_adds_up) || (is_investment && investments_add_up);
      if (*c.field->origin.confidence < min_confidence && !confirmed) report(c, {});
    }
    // A schedule that does not add up: its least sure number is the first suspect, unless one
    // of its numbers is reported already.
    const bool number_reported = std::any_of(cells.begin(), cells.end(), [&](const Checked& c) {
      return c.number && std::find(reported.begin(), reported.end(), c.field) != reported.end();
    });
    if (a.programacion_anual && !row_adds_up && !number_reported) {
      if (const Checked* c = least_sure_number(cells, reported)) {
        report(*c, "la suma de los meses no coincide con la programación anual");
      }
    }
  }
  const bool investment_reported =
      std::any_of(investment_cells.begin(), investment_cells.end(), [&](const Checked& c) {
        return std::find(reported.begin(), reported.end(), c.field) != reported.end();
      });
  if (action.inversion_aproximada && investments && !investments_add_up && !investment_reported) {
    if (const Checked* c = least_sure_number(investment_cells, reported)) {
      report(*c,
             "la suma de las inversiones por actividad no coincide con la inversión aproximada");
    }
  }
  if (read_by_ocr(raw)) {
    LayoutDoubts(raw, action, found, reported).check();
  } else {
    // A born-digital page's text is sure; the recogniser may still doubt where it put it.
    for (int f = 0; f < kHeaderFieldCount; ++f) {
      const std::optional<RawField>& rf = raw.fields[static_cast<std::size_t>(f)];
      if (!rf || rf->doubt.empty()) continue;
      found.push_back(diag::layout_doubt(header_field_label(static_cast<HeaderField>(f)),
                                         text::normalize_text(rf->text), rf->origin, rf->doubt));
    }
  }
  action.diagnostics.insert(action.diagnostics.end(), found.begin(), found.end());
}

}  // namespace poa::normalizer
