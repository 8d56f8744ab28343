// LOW_CONFIDENCE: how sure the OCR was of each value, with the document's arithmetic as a second
// opinion (a sum that adds up confirms its numbers; one that does not points at the least sure).
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
  action.diagnostics.insert(action.diagnostics.end(), found.begin(), found.end());
}

}  // namespace poa::normalizer
