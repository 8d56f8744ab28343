// RawDocument -> Document (or one action at a time): types every field and adds the cross-check
// diagnostics.
#include "normalizer/normalize.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "normalizer/budget_catalogue.hpp"
#include "text/unicode.hpp"
#include "text/values.hpp"

namespace poa::normalizer {
namespace {

constexpr const char* kMonthLabels[12] = {"ENE", "FEB", "MAR", "ABR", "MAY", "JUN",
                                          "JUL", "AGO", "SEP", "OCT", "NOV", "DIC"};

// What each typed field expects, shown in INVALID_VALUE messages.
constexpr std::string_view kExpectInteger = "un número entero, p. ej. «4»";
constexpr std::string_view kExpectMoney = "un importe, p. ej. «$10,000.00»";
constexpr std::string_view kExpectQuantity = "una cantidad, p. ej. «12», «1,200» o «-»";
constexpr std::string_view kExpectBeneficiaries =
    "mujeres y hombres, p. ej. «M 74,535 H 71,612», o un total";
constexpr std::string_view kExpectPartidas =
    "claves de partida de 3 a 5 dígitos, p. ej. «2111, 2611»";

// `1-3, 5, 7-9`.
std::string page_ranges(const std::vector<int>& pages) {
  std::string out;
  for (std::size_t i = 0; i < pages.size();) {
    std::size_t j = i;
    while (j + 1 < pages.size() && pages[j + 1] == pages[j] + 1) ++j;
    if (!out.empty()) out += ", ";
    out += std::to_string(pages[i]);
    if (j > i) {
      out += '-';
      out += std::to_string(pages[j]);
    }
    i = j + 1;
  }
  return out;
}

Diagnostic inferred_field(std::string_view label, const RawField& field, std::string_view cleaned) {
  std::string msg = "no hay etiqueta «";
  msg += label;
  msg += "»; se tomó «";
  msg += cleaned;
  msg += "» por su posición y su tipo";
  return diag::make(DiagnosticCode::kInferredField, Severity::kInfo, std::move(msg), field.origin,
                    std::string(cleaned));
}

// Turns one raw field into a typed value, reporting inference and parse failures into `out`.
// `parse` returns std::optional<T>; an empty cell (after clean-up) is simply null.
class FieldTyper {
 public:
  explicit FieldTyper(Diagnostics& out) : out_(out) {}

  // Cleaned text of a present field, or nullopt for an absent or blank one; reports
  // INFERRED_FIELD when the recogniser placed it without a label.
  std::optional<std::string> text(const std::optional<RawField>& raw, std::string_view label) {
    if (!raw) return std::nullopt;
    std::string cleaned = text::normalize_text(raw->text);
    if (cleaned.empty()) return std::nullopt;
    if (raw->inferred) out_.push_back(inferred_field(label, *raw, cleaned));
    return cleaned;
  }

  template <typename Parse>
  auto typed(const std::optional<RawField>& raw, std::string_view label, std::string_view expected,
             Parse parse) -> decltype(parse(std::string_view{})) {
    const std::optional<std::string> cleaned = text(raw, label);
    if (!cleaned) return std::nullopt;
    auto value = parse(*cleaned);
    if (!value) out_.push_back(diag::invalid_value(label, *cleaned, raw->origin, expected));
    return value;
  }

 private:
  Diagnostics& out_;
};

Activity normalize_activity(const RawActivity& raw, Diagnostics& diagnostics) {
  FieldTyper typer(diagnostics);
  Activity a;
  a.origin = raw.origin;
  a.actividad = typer.text(raw.actividad, "ACTIVIDAD");
  if (!a.actividad) diagnostics.push_back(diag::missing_field("actividad", raw.origin));
  a.area_responsable = typer.text(raw.area_responsable, "ÁREA RESPONSABLE");
  a.unidad_medida = typer.text(raw.unidad_medida, "UNIDAD DE MEDIDA");
  a.inversion =
      typer.typed(raw.inversion, "INVERSIÓN APROX. POR ACTIVIDAD", kExpectMoney, text::parse_money);
  a.indicador = typer.text(raw.indicador, "INDICADOR");
  a.programacion_anual = typer.typed(raw.programacion_anual, "PROGRAMACIÓN ANUAL", kExpectQuantity,
                                     text::parse_quantity);
  for (int m = 0; m < 12; ++m) {
    a.programacion_mensual[m] =
        typer.typed(raw.meses[m], kMonthLabels[m], kExpectQuantity, text::parse_quantity);
  }

  std::optional<Decimal> month_sum;
  for (const auto& month : a.programacion_mensual) {
    if (month) month_sum = month_sum ? *month_sum + *month : *month;
  }
  if (a.programacion_anual) {
    // With no month filled in, the months add up to 0: an annual target with no schedule.
    const Decimal sum = month_sum.value_or(Decimal::from_int(0));
    if (sum != *a.programacion_anual) {
      diagnostics.push_back(diag::make(DiagnosticCode::kMonthlySumMismatch, Severity::kWarning,
                                       "programación anual " + a.programacion_anual->to_string() +
                                           " ≠ suma de los meses " + sum.to_string(),
                                       raw.origin));
    }
  } else if (month_sum && !(raw.programacion_anual &&
                            !text::normalize_text(raw.programacion_anual->text).empty())) {
    // Only when the annual cell is really empty: an unreadable one already got INVALID_VALUE.
    diagnostics.push_back(
        diag::make(DiagnosticCode::kMonthlySumMismatch, Severity::kWarning,
                   "falta la programación anual; la suma de los meses es " + month_sum->to_string(),
                   raw.origin));
  }
  return a;
}

}  // namespace

Action normalize_action(const RawAction& raw) {
  Action action;
  action.origin = raw.origin;
  action.diagnostics = raw.diagnostics;
  Diagnostics& diagnostics = action.diagnostics;
  FieldTyper typer(diagnostics);

  for (int f = 0; f < kHeaderFieldCount; ++f) {
    const auto field = static_cast<HeaderField>(f);
    const std::optional<RawField>& rf = raw.field(field);
    const char* label = header_field_label(field);
    bool present = true;
    switch (field) {
      case HeaderField::kSecretaria:
        action.secretaria = typer.text(rf, label);
        present = action.secretaria.has_value();
        break;
      case HeaderField::kNombre:
        action.nombre = typer.text(rf, label);
        present = action.nombre.has_value();
        break;
      case HeaderField::kMeta:
        action.meta = typer.text(rf, label);
        present = action.meta.has_value();
        break;
      case HeaderField::kProposito:
        action.proposito = typer.text(rf, label);
        present = action.proposito.has_value();
        break;
      case HeaderField::kPrincipioRector:
        if (auto t = typer.text(rf, label)) {
          std::string stripped = text::strip_surrounding_quotes(*t);
          if (!stripped.empty()) action.principio_rector = std::move(stripped);
        }
        present = action.principio_rector.has_value();
        break;
      case HeaderField::kLineaEstrategica:
      case HeaderField::kEstrategia: {
        std::optional<CodedText> coded;
        if (auto t = typer.text(rf, label)) coded = text::parse_coded_text(*t);
        (field == HeaderField::kEstrategia ? action.estrategia : action.linea_estrategica) = coded;
        present = coded.has_value();
        break;
      }
      case HeaderField::kNumero:
        action.numero = typer.typed(rf, label, kExpectInteger, text::parse_integer);
        present = rf && !text::normalize_text(rf->text).empty();
        break;
      case HeaderField::kBeneficiarios:
        action.beneficiarios =
            typer.typed(rf, label, kExpectBeneficiaries, text::parse_beneficiaries);
        present = rf && !text::normalize_text(rf->text).empty();
        break;
      case HeaderField::kInversion:
        action.inversion_aproximada = typer.typed(rf, label, kExpectMoney, text::parse_money);
        present = rf && !text::normalize_text(rf->text).empty();
        break;
      case HeaderField::kPartidas: {
        auto partidas = typer.typed(rf, label, kExpectPartidas, text::parse_partidas);
        present = rf && !text::normalize_text(rf->text).empty();
        if (!partidas) break;
        action.partidas_presupuestales = std::move(*partidas);
        for (const std::string& codigo : action.partidas_presupuestales) {
          if (find_budget_item(codigo)) continue;
          diagnostics.push_back(diag::make(
              DiagnosticCode::kUnknownBudgetItem, Severity::kWarning,
              "la partida «" + codigo + "» no está en el Clasificador por Objeto del Gasto del " +
                  "CONAC (partida genérica " + codigo.substr(0, 3) + ")",
              rf->origin, codigo));
        }
        break;
      }
    }
    // A blank field counts as missing: there is nothing to report in its place.
    if (!present) {
      diagnostics.push_back(diag::missing_field(label, raw.origin));
    }
  }

  action.activities.reserve(raw.activities.size());
  for (const RawActivity& ra : raw.activities) {
    action.activities.push_back(normalize_activity(ra, diagnostics));
  }

  if (action.inversion_aproximada) {
    // An action with no activity at all has nothing to spend its investment on: its sum is 0.
    std::optional<Decimal> sum;
    if (action.activities.empty()) sum = Decimal::from_cents(0);
    for (const Activity& a : action.activities) {
      if (a.inversion) sum = sum ? *sum + *a.inversion : *a.inversion;
    }
    if (sum && *sum != *action.inversion_aproximada) {
      const std::optional<RawField>& inv = raw.field(HeaderField::kInversion);
      diagnostics.push_back(
          diag::make(DiagnosticCode::kInvestmentSumMismatch, Severity::kWarning,
                     "inversión aproximada " + text::format_money(*action.inversion_aproximada) +
                         " ≠ suma de las inversiones por actividad " + text::format_money(*sum),
                     inv ? inv->origin : raw.origin));
    }
  }
  return action;
}

DocumentHead normalize_head(const std::optional<RawField>& year,
                            const std::optional<RawField>& municipio, const SourceInfo& source) {
  DocumentHead head;
  head.source = source;
  if (year) head.year = text::parse_year(text::normalize_text(year->text));
  if (municipio) {
    std::string name = text::normalize_text(municipio->text);
    if (!name.empty()) head.municipio = std::move(name);
  }
  return head;
}

DocumentTail normalize_tail(const RawDocumentTail& raw, const SourceInfo& source) {
  DocumentTail doc;
  doc.diagnostics = raw.diagnostics;
  const Origin file_origin{source.path, std::nullopt, std::nullopt, std::nullopt};

  if (!source.encoding.empty() && !source.encoding.starts_with("UTF-8")) {
    doc.diagnostics.push_back(diag::make(
        DiagnosticCode::kEncodingDetected, Severity::kInfo,
        "el archivo no estaba en UTF-8: se leyó como " + source.encoding + " y se convirtió",
        file_origin, source.encoding));
  }
  DroppedLines dropped = source.furniture;
  dropped.add(raw.furniture);
  if (dropped.count > 0) {
    std::string message = dropped.count == 1 ? "se omitió 1 línea" : "se omitieron ";
    if (dropped.count > 1) {
      message += std::to_string(dropped.count);
      message += " líneas";
    }
    message += " de numeración de página o encabezados y pies repetidos (";
    message += dropped.pages.size() == 1 ? "página " : "páginas ";
    message += page_ranges(dropped.pages);
    message += "), la primera: «";
    message += text::normalize_text(dropped.first);
    message += "»";
    doc.diagnostics.push_back(diag::make(DiagnosticCode::kPageFurnitureDropped, Severity::kInfo,
                                         std::move(message), file_origin,
                                         text::normalize_text(dropped.first)));
  }

  if (raw.year) {
    const std::string cleaned = text::normalize_text(raw.year->text);
    if (raw.year->inferred && !cleaned.empty()) {
      doc.diagnostics.push_back(inferred_field("PROGRAMA OPERATIVO ANUAL", *raw.year, cleaned));
    }
    if (!text::parse_year(cleaned)) {
      Diagnostic d = diag::missing_field("ejercicio", raw.year->origin);
      d.text = cleaned;
      doc.diagnostics.push_back(std::move(d));
    }
  } else {
    doc.diagnostics.push_back(diag::missing_field("ejercicio", file_origin));
  }

  for (const UnrecognizedText& u : raw.unrecognized) {
    std::string cleaned = text::normalize_text(u.text);
    if (cleaned.empty()) continue;  // only invisible characters: nothing to show
    doc.diagnostics.push_back(diag::unrecognized_text(cleaned, u.origin));
    doc.unrecognized.push_back(UnrecognizedText{std::move(cleaned), u.origin});
  }
  return doc;
}

Document normalize(const RawDocument& raw, const SourceInfo& source) {
  Document doc;
  doc.head() = normalize_head(raw.year, raw.municipio, source);
  doc.actions.reserve(raw.actions.size());
  for (const RawAction& ra : raw.actions) doc.actions.push_back(normalize_action(ra));
  doc.tail() = normalize_tail(raw.tail(), source);
  return doc;
}

}  // namespace poa::normalizer
