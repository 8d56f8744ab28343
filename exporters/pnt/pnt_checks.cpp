// Checks of SIPOT tables before upload: date rules of the settings, per-cell gaps with a reason.
#include "exporters/pnt/pnt_checks.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <tuple>
#include <utility>

namespace poa::exporters::pnt {
namespace {

bool before(const Date& a, const Date& b) {
  return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
}

// "el ajuste «fecha_inicio» (--fecha-inicio)".
std::string setting_named(std::string key) {
  std::string option = key;
  std::replace(option.begin(), option.end(), '_', '-');
  return "el ajuste «" + key + "» (--" + option + ")";
}

// The setting a field comes from, when it comes from one alone.
std::optional<std::string> setting_of(Field f) {
  switch (f) {
    case Field::kFechaInicio:
    case Field::kFechaTermino:
    case Field::kFechaValidacion:
    case Field::kFechaActualizacion:
    case Field::kAreaResponsable:
    case Field::kHipervinculo:
    case Field::kNota:
    case Field::kDimension:
    case Field::kDefinicion:
    case Field::kMetodoCalculo:
    case Field::kLineaBase:
    case Field::kSentido:
    case Field::kFuente:
      return std::string(field_key(f));
    default:
      return std::nullopt;
  }
}

// Whether the setting behind `key` holds a value.
bool setting_given(const Settings& s, const std::string& key) {
  const std::vector<std::pair<const char*, bool>> given = {
      {"fecha_inicio", s.fecha_inicio.has_value()},
      {"fecha_termino", s.fecha_termino.has_value()},
      {"fecha_validacion", s.fecha_validacion.has_value()},
      {"fecha_actualizacion", s.fecha_actualizacion.has_value()},
      {"area_responsable", s.area_responsable.has_value()},
      {"hipervinculo", s.hipervinculo.has_value()},
      {"nota", s.nota.has_value()},
      {"dimension", s.dimension.has_value()},
      {"definicion", s.definicion.has_value()},
      {"metodo_calculo", s.metodo_calculo.has_value()},
      {"linea_base", s.linea_base.has_value()},
      {"sentido", s.sentido.has_value()},
      {"fuente", s.fuente.has_value()},
  };
  for (const auto& [k, v] : given)
    if (key == k) return v;
  return false;
}

// Why a column of `field` (nullopt: a column poa does not know) is empty in some row, and
// whether a POA could ever fill it.
struct GapReason {
  std::string why;
  bool expected = false;  // no POA has it: info, not a warning
};

GapReason gap_reason(std::optional<Field> field, const TemplateColumn& col, const Settings& s) {
  if (!field) return {"poa no reconoce esta columna; llénela a mano", false};
  if (const auto key = setting_of(*field)) {
    if (setting_given(s, *key) && col.type_code == "9")
      return {"el valor de " + setting_named(*key) + " no está en el catálogo de la columna"};
    return {"falta " + setting_named(*key)};
  }
  switch (*field) {
    case Field::kEjercicio:
      return {"el POA no dice su año; dé " + setting_named("ejercicio")};
    case Field::kPrograma:
      return {"falta " + setting_named("programa") + " y el POA no dice su año"};
    case Field::kDenominacionArea:
      return {"la acción no tiene Secretaría"};
    case Field::kObjetivo:
      return {"la acción no tiene propósito, meta ni nombre"};
    case Field::kIndicador:
    case Field::kSubIndicador:
      return {"la actividad no tiene indicador"};
    case Field::kUnidadMedida:
    case Field::kSubUnidad:
      return {"la actividad no tiene unidad de medida"};
    case Field::kMetasProgramadas:
    case Field::kSubMeta:
      return {"la actividad no tiene programación anual"};
    case Field::kFrecuencia:
      return {
          "no se infiere de los meses programados (no están espaciados igual todo el año); "
          "dé " +
          setting_named("frecuencia")};
    case Field::kSubtabla:
      return {"la acción no tiene actividades con indicador, meta o unidad"};
    case Field::kMetasAjustadas:
    case Field::kAvance:
      return {"un POA tiene lo programado, no lo realizado", true};
    default:
      return {"el POA y los ajustes no la llenan"};
  }
}

// Sheet rows as ranges: {8, 9, 10, 12} -> "8–10, 12"; at most `limit` ranges, then "…".
std::string row_ranges(const std::vector<int>& rows, std::size_t limit = 12) {
  std::string out;
  std::size_t ranges = 0;
  for (std::size_t i = 0; i < rows.size();) {
    std::size_t j = i;
    while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1) ++j;
    if (ranges == limit) return out + ", …";
    if (!out.empty()) out += ", ";
    out += std::to_string(rows[i]);
    if (j > i) out += "–" + std::to_string(rows[j]);
    ++ranges;
    i = j + 1;
  }
  return out;
}

void sheet_gaps(const TemplateSheet& sheet, bool main_sheet, const std::vector<OutRow>& rows,
                const Settings& settings, Diagnostics& out) {
  if (rows.empty()) return;
  for (const TemplateColumn& col : sheet.columns) {
    if (col.header.empty()) continue;
    std::vector<int> empty;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto c = static_cast<std::size_t>(col.index);
      if (c >= rows[i].size() || rows[i][c].kind == OutCell::Kind::kEmpty)
        empty.push_back(sheet.first_data_row + static_cast<int>(i));
    }
    if (empty.empty()) continue;
    const std::optional<Field> field =
        main_sheet ? match_main_header(col.header, col.type_code) : match_sub_header(col.header);
    const GapReason reason = gap_reason(field, col, settings);
    std::string header = col.header;
    std::replace(header.begin(), header.end(), '\n', ' ');
    std::string message = "«" + header + "» vacía en ";
    if (empty.size() == rows.size())
      message += "todas las filas (" + std::to_string(rows.size()) + ")";
    else
      message += std::to_string(empty.size()) + " de " + std::to_string(rows.size()) +
                 " filas: " + row_ranges(empty);
    message += "; " + reason.why;
    out.push_back(diag::make(DiagnosticCode::kSipotEmptyCells,
                             reason.expected ? Severity::kInfo : Severity::kWarning,
                             std::move(message), Origin{sheet.name, {}, {}, col.index + 1}));
  }
}

Diagnostic date_order(std::string message) {
  return diag::make(DiagnosticCode::kSipotDateOrder, Severity::kError, std::move(message),
                    Origin{"ajustes", {}, {}, {}});
}

}  // namespace

Diagnostics check_dates(const Settings& s) {
  Diagnostics out;
  struct Rule {
    const std::optional<Date>& earlier;
    const std::optional<Date>& later;
    const char* message;  // "%later% … %earlier%"
  };
  const Rule rules[] = {
      {s.fecha_inicio, s.fecha_termino,
       "la fecha de término del periodo (%2) es anterior a la de "
       "inicio (%1)"},
      {s.fecha_termino, s.fecha_actualizacion,
       "la fecha de actualización (%2) es anterior al término del periodo (%1)"},
      {s.fecha_actualizacion, s.fecha_validacion,
       "la fecha de validación (%2) es anterior a la de actualización (%1)"},
  };
  for (const Rule& r : rules) {
    if (!r.earlier || !r.later || !before(*r.later, *r.earlier)) continue;
    std::string m = r.message;
    m.replace(m.find("%2"), 2, format_date(*r.later));
    m.replace(m.find("%1"), 2, format_date(*r.earlier));
    out.push_back(date_order(std::move(m)));
  }
  if (s.year) {
    for (const auto& [date, name] :
         {std::pair{&s.fecha_inicio, "inicio"}, std::pair{&s.fecha_termino, "término"}}) {
      if (*date && (*date)->year != *s.year)
        out.push_back(date_order(std::string("la fecha de ") + name + " del periodo (" +
                                 format_date(**date) + ") no es del ejercicio " +
                                 std::to_string(*s.year)));
    }
  }
  return out;
}

Diagnostics check_period_year(const Settings& s, const std::vector<Document>& docs) {
  Diagnostics out;
  const std::optional<Date>& period = s.fecha_inicio ? s.fecha_inicio : s.fecha_termino;
  if (s.year || !period) return out;
  for (const Document& doc : docs) {
    if (!doc.year || *doc.year == period->year) continue;
    out.push_back(diag::make(DiagnosticCode::kSipotDateOrder, Severity::kWarning,
                             "el POA es del ejercicio " + std::to_string(*doc.year) +
                                 " y el periodo (" + format_date(*period) + ") de otro año",
                             Origin{doc.source.path, {}, {}, {}}));
  }
  return out;
}

Diagnostics check_gaps(const TemplateLayout& layout, const BoundTables& bound,
                       const Settings& settings) {
  Diagnostics out;
  sheet_gaps(layout.main, true, bound.main, settings, out);
  for (const auto& [id, sheet] : layout.subtables) {
    const auto rows = bound.subtables.find(id);
    if (rows != bound.subtables.end()) sheet_gaps(sheet, false, rows->second, settings, out);
  }
  return out;
}

}  // namespace poa::exporters::pnt
