// LOW_CONFIDENCE: how sure the OCR was of each value, with the document's arithmetic as a second
// opinion (a sum that adds up confirms its numbers; one that does not points at the least sure),
// and the form's own structure as a third (a cell every row fills left empty, a field whose text
// does not fit it).
#include "normalizer/confidence.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "text/unicode.hpp"

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
// How much of an activity's name a message quotes to say which row it is.
constexpr std::size_t kRowNameBytes = 40;

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

// Spanish text starts a cell with a capital: a lower-case start is a line of another cell.
bool starts_lower_case(std::string_view text) {
  if (text.empty()) return false;
  const auto lead = static_cast<unsigned char>(text[0]);
  return (lead >= 'a' && lead <= 'z') ||
         (lead == 0xC3 && text.size() > 1 && static_cast<unsigned char>(text[1]) >= 0xA0);
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
                                         c.field->origin, min_confidence, why));
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
  // What the layout lost or mangled on a page read by OCR: said once per value, where the
  // threshold and the sums have not said it already.
  const bool ocr = read_by_ocr(raw);
  auto is_reported = [&](const std::optional<RawField>& f) {
    return f && std::find(reported.begin(), reported.end(), &*f) != reported.end();
  };
  auto doubt = [&](const std::optional<RawField>& f, const std::string& label,
                   const Origin& fallback, std::string_view why) {
    if (is_reported(f)) return;
    found.push_back(diag::ocr_doubt(label, f ? text::normalize_text(f->text) : std::string(),
                                    f ? f->origin : fallback, why));
    if (f) reported.push_back(&*f);
  };
  for (int f = 0; ocr && f < kHeaderFieldCount; ++f) {
    const auto field = static_cast<HeaderField>(f);
    const std::optional<RawField>& rf = raw.field(field);
    if (blank(rf)) {
      doubt(rf, header_field_label(field), raw.origin, kLost);
    } else if (const std::string_view why = header_misfit(action, field); !why.empty()) {
      doubt(rf, header_field_label(field), raw.origin, why);
    } else if (!rf->doubt.empty()) {
      doubt(rf, header_field_label(field), raw.origin, rf->doubt);
    }
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
    auto label_above = [&](const char* column) {
      const std::string above = i > 0 ? row_name(action.activities[i - 1]) : std::string();
      return above.empty() ? std::string(column) : std::string(column) + "» de «" + above;
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
    if (!ocr) continue;
    // Every row of the form fills these: empty, the OCR or the layout lost them.
    using Member = std::optional<RawField> RawActivity::*;
    const std::pair<Member, const char*> texts[] = {
        {&RawActivity::actividad, "ACTIVIDAD"},
        {&RawActivity::area_responsable, "ÁREA RESPONSABLE"},
        {&RawActivity::unidad_medida, "UNIDAD DE MEDIDA"},
        {&RawActivity::indicador, "INDICADOR"}};
    for (const auto& [member, column] : texts) {
      const std::optional<RawField>& f = ra.*member;
      if (blank(f)) {
        doubt(f, label(column), ra.origin, kLost);
      } else if (!f->doubt.empty()) {
        doubt(f, label(column), ra.origin, f->doubt);
      } else if (i > 0 && starts_lower_case(text::normalize_text(f->text))) {
        // The end of the cell above split off into a row of its own: both are cut.
        doubt(f, label(column), ra.origin, kSplitOff);
        const std::optional<RawField>& above = raw.activities[i - 1].*member;
        if (!blank(above)) {
          doubt(above, label_above(column), raw.activities[i - 1].origin, kSplitBelow);
        }
      }
    }
    auto number = [&](const std::optional<RawField>& f, const char* column, bool typed,
                      std::string_view misfit) {
      if (blank(f)) {
        doubt(f, label(column), ra.origin, kLost);
      } else if (!typed) {
        doubt(f, label(column), ra.origin, misfit);
      }
    };
    number(ra.inversion, "INVERSIÓN", a.inversion.has_value(), "no es un importe");
    number(ra.programacion_anual, "PROGRAMACIÓN ANUAL", a.programacion_anual.has_value(),
           "no es una cantidad");
    for (std::size_t m = 0; m < 12; ++m) {
      const std::optional<RawField>& f = ra.meses[m];
      // An empty month is the author's when the months add up to the annual figure.
      if (blank(f) && row_adds_up) continue;
      number(f, kMonthLabels[m], a.programacion_mensual[m].has_value(), "no es una cantidad");
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
  action.diagnostics.insert(action.diagnostics.end(), found.begin(), found.end());
}

}  // namespace poa::normalizer
