// The POA -> SIPOT mapping, settings parsing and tolerant header matching.
#include "exporters/pnt/pnt_model.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <sstream>
#include <utility>

#include "text/unicode.hpp"

namespace poa::exporters::pnt {
namespace {

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

bool contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}

bool is_leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

std::optional<int> parse_int(std::string_view s) {
  if (s.empty() || s.size() > 9) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

// Days from 1970-01-01 (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::optional<Fraccion> fraccion_from_name(std::string_view name) {
  const std::string n = lower_ascii(trim(name));
  if (n == "iv" || n == "4") return Fraccion::kIV;
  if (n == "v" || n == "5") return Fraccion::kV;
  if (n == "vi" || n == "6") return Fraccion::kVI;
  return std::nullopt;
}

const char* fraccion_name(Fraccion f) {
  switch (f) {
    case Fraccion::kIV:
      return "IV";
    case Fraccion::kV:
      return "V";
    case Fraccion::kVI:
      return "VI";
  }
  return "";
}

std::optional<Date> parse_date(std::string_view text) {
  const std::string t = trim(text);
  std::optional<int> y, m, d;
  if (t.size() == 10 && t[2] == '/' && t[5] == '/') {
    d = parse_int(std::string_view(t).substr(0, 2));
    m = parse_int(std::string_view(t).substr(3, 2));
    y = parse_int(std::string_view(t).substr(6, 4));
  } else if (t.size() == 10 && t[4] == '-' && t[7] == '-') {
    y = parse_int(std::string_view(t).substr(0, 4));
    m = parse_int(std::string_view(t).substr(5, 2));
    d = parse_int(std::string_view(t).substr(8, 2));
  }
  if (!y || !m || !d || *y < 1901 || *y > 9999 || *m < 1 || *m > 12 || *d < 1 ||
      *d > days_in_month(*y, *m)) {
    return std::nullopt;
  }
  return Date{*y, *m, *d};
}

std::string format_date(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
  return buf;
}

std::int64_t excel_serial(const Date& d) {
  // Excel's day 0 is 1899-12-30 once its fictitious 1900-02-29 is behind us.
  return days_from_civil(d.year, d.month, d.day) - days_from_civil(1899, 12, 30);
}

const char* field_key(Field f) {
  switch (f) {
    case Field::kEjercicio:
      return "ejercicio";
    case Field::kFechaInicio:
      return "fecha_inicio";
    case Field::kFechaTermino:
      return "fecha_termino";
    case Field::kDenominacionArea:
      return "denominacion_area";
    case Field::kPrograma:
      return "programa";
    case Field::kObjetivo:
      return "objetivo";
    case Field::kIndicador:
      return "indicador";
    case Field::kDimension:
      return "dimension";
    case Field::kDefinicion:
      return "definicion";
    case Field::kMetodoCalculo:
      return "metodo_calculo";
    case Field::kUnidadMedida:
      return "unidad_medida";
    case Field::kFrecuencia:
      return "frecuencia";
    case Field::kLineaBase:
      return "linea_base";
    case Field::kMetasProgramadas:
      return "metas_programadas";
    case Field::kMetasAjustadas:
      return "metas_ajustadas";
    case Field::kAvance:
      return "avance";
    case Field::kSentido:
      return "sentido";
    case Field::kFuente:
      return "fuente";
    case Field::kSubtabla:
      return "subtabla";
    case Field::kHipervinculo:
      return "hipervinculo";
    case Field::kAreaResponsable:
      return "area_responsable";
    case Field::kFechaValidacion:
      return "fecha_validacion";
    case Field::kFechaActualizacion:
      return "fecha_actualizacion";
    case Field::kNota:
      return "nota";
    case Field::kSubId:
      return "sub_id";
    case Field::kSubIndicador:
      return "sub_indicador";
    case Field::kSubMeta:
      return "sub_meta";
    case Field::kSubUnidad:
      return "sub_unidad";
  }
  return "";
}

std::string fold_header(std::string_view text) {
  std::string folded = text::fold_accents(text);
  // Decorations that differ between generations and states.
  for (std::string_view deco : {"(redactados con perspectiva de genero)", "(catalogo)"}) {
    for (std::size_t p; (p = folded.find(deco)) != std::string::npos;) folded.erase(p, deco.size());
  }
  for (std::size_t p; (p = folded.find("tabla_")) != std::string::npos;) {
    std::size_t e = p + 6;
    while (e < folded.size() && std::isalnum(static_cast<unsigned char>(folded[e]))) ++e;
    folded.erase(p, e - p);
  }
  std::string out;
  for (char c : folded) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::optional<Field> match_main_header(std::string_view header, std::string_view type_code) {
  const std::string h = fold_header(header);
  const std::string type = trim(type_code);
  // The type code is authoritative where it is specific to one kind of field.
  if (type == "10") return Field::kSubtabla;
  if (type == "13") return Field::kFechaActualizacion;
  if (type == "14") return Field::kNota;
  if (type == "12") return Field::kEjercicio;
  // Ordered rules: the first that matches wins, so specific phrases come before generic words
  // ("metas ajustadas" before "meta", "area(s) responsable(s)" before "area").
  struct Rule {
    std::vector<std::string_view> all;  // every one must occur
    Field field;
  };
  static const std::vector<Rule> kRules = {
      {{"ejercicio"}, Field::kEjercicio},
      {{"fecha", "inicio"}, Field::kFechaInicio},
      {{"fecha", "termino"}, Field::kFechaTermino},
      {{"fecha", "validacion"}, Field::kFechaValidacion},
      {{"fecha", "actualizacion"}, Field::kFechaActualizacion},
      {{"hipervinculo"}, Field::kHipervinculo},
      {{"responsable", "informacion"}, Field::kAreaResponsable},
      {{"indicadores y metas asociados"}, Field::kSubtabla},
      {{"denominacion", "area"}, Field::kDenominacionArea},
      {{"programa o concepto"}, Field::kPrograma},
      {{"nombre del programa"}, Field::kPrograma},
      {{"metas ajustadas"}, Field::kMetasAjustadas},
      {{"meta ajustada"}, Field::kMetasAjustadas},
      {{"metas programadas"}, Field::kMetasProgramadas},
      {{"meta programada"}, Field::kMetasProgramadas},
      {{"avance"}, Field::kAvance},
      {{"linea base"}, Field::kLineaBase},
      {{"sentido"}, Field::kSentido},
      {{"fuente"}, Field::kFuente},
      {{"frecuencia"}, Field::kFrecuencia},
      {{"unidad de medida"}, Field::kUnidadMedida},
      {{"metodo de calculo"}, Field::kMetodoCalculo},
      {{"definicion"}, Field::kDefinicion},
      {{"dimension"}, Field::kDimension},
      {{"objetivo"}, Field::kObjetivo},
      {{"indicador"}, Field::kIndicador},
      {{"nota"}, Field::kNota},
  };
  for (const Rule& r : kRules) {
    if (std::all_of(r.all.begin(), r.all.end(), [&](std::string_view w) { return contains(h, w); }))
      return r.field;
  }
  return std::nullopt;
}

std::optional<Field> match_sub_header(std::string_view header) {
  const std::string h = fold_header(header);
  if (h == "id") return Field::kSubId;
  if (contains(h, "unidad")) return Field::kSubUnidad;
  if (h.rfind("meta", 0) == 0) return Field::kSubMeta;  // "Meta del indicador"
  if (contains(h, "indicador")) return Field::kSubIndicador;
  if (contains(h, "meta")) return Field::kSubMeta;
  return std::nullopt;
}

const std::vector<SettingKey>& setting_keys() {
  static const std::vector<SettingKey> kKeys = {
      {"ejercicio", "Ejercicio (año) a reportar; por omisión el del POA"},
      {"fecha_inicio", "Fecha de inicio del periodo que se informa (dd/mm/aaaa)"},
      {"fecha_termino", "Fecha de término del periodo que se informa (dd/mm/aaaa)"},
      {"area_responsable",
       "Área(s) responsable(s) que genera(n), posee(n), publica(n) y actualizan la información"},
      {"hipervinculo", "URL donde está publicado el POA (http://, https:// o ftp://)"},
      {"fecha_validacion", "Fecha de validación (dd/mm/aaaa)"},
      {"fecha_actualizacion", "Fecha de actualización (dd/mm/aaaa)"},
      {"nota", "Nota para cada registro"},
      {"dimension", "Dimensión a medir (p. ej. Eficacia)"},
      {"frecuencia", "Frecuencia de medición; si falta se infiere de los meses programados"},
      {"sentido", "Sentido del indicador: un valor del catálogo (Ascendente/Descendente)"},
      {"metodo_calculo", "Método de cálculo"},
      {"linea_base", "Línea base"},
      {"fuente", "Fuente de información que alimenta al indicador"},
      {"definicion", "Definición del indicador"},
      {"programa", "Nombre del programa (VI); por omisión \"Programa Operativo Anual <año>\""},
      {"objetivo", "De dónde sale el objetivo: proposito (omisión), meta o accion"},
  };
  return kKeys;
}

std::optional<std::string> apply_setting(Settings& s, std::string_view raw_key,
                                         std::string_view raw_value) {
  std::string key = lower_ascii(trim(raw_key));
  std::replace(key.begin(), key.end(), '-', '_');
  const std::string value = trim(raw_value);
  auto date = [&](std::optional<Date>& slot) -> std::optional<std::string> {
    if (value.empty()) return slot.reset(), std::nullopt;
    slot = parse_date(value);
    if (!slot) return "fecha no válida en «" + key + "»: «" + value + "» (use dd/mm/aaaa)";
    return std::nullopt;
  };
  auto text = [&](std::optional<std::string>& slot) -> std::optional<std::string> {
    if (value.empty())
      slot.reset();
    else
      slot = value;
    return std::nullopt;
  };
  if (key == "ejercicio") {
    const auto y = parse_int(value);
    if (!y || *y < 1990 || *y > 2200) return "ejercicio no válido: «" + value + "»";
    s.year = *y;
    return std::nullopt;
  }
  if (key == "fecha_inicio" || key == "inicio") return date(s.fecha_inicio);
  if (key == "fecha_termino" || key == "termino") return date(s.fecha_termino);
  if (key == "fecha_validacion") return date(s.fecha_validacion);
  if (key == "fecha_actualizacion") return date(s.fecha_actualizacion);
  if (key == "hipervinculo") {
    const std::string l = lower_ascii(value);
    if (!value.empty() && l.rfind("http://", 0) != 0 && l.rfind("https://", 0) != 0 &&
        l.rfind("ftp://", 0) != 0) {
      return "el hipervínculo debe empezar con http://, https:// o ftp://: «" + value + "»";
    }
    return text(s.hipervinculo);
  }
  if (key == "area_responsable") return text(s.area_responsable);
  if (key == "nota") return text(s.nota);
  if (key == "dimension") return text(s.dimension);
  if (key == "frecuencia") return text(s.frecuencia);
  if (key == "sentido") return text(s.sentido);
  if (key == "metodo_calculo") return text(s.metodo_calculo);
  if (key == "linea_base") return text(s.linea_base);
  if (key == "fuente") return text(s.fuente);
  if (key == "definicion") return text(s.definicion);
  if (key == "programa") return text(s.programa);
  if (key == "objetivo") {
    const std::string v = fold_header(value);
    if (v == "proposito")
      s.objetivo = ObjetivoSource::kProposito;
    else if (v == "meta")
      s.objetivo = ObjetivoSource::kMeta;
    else if (v == "accion")
      s.objetivo = ObjetivoSource::kAccion;
    else
      return "valor no válido para «objetivo»: «" + value + "» (proposito, meta o accion)";
    return std::nullopt;
  }
  return "clave desconocida: «" + key + "»";
}

namespace {

[[noreturn]] void refuse_setting(const std::filesystem::path& path, std::optional<int> line,
                                 std::string message) {
  throw InputError(diag::input_error(DiagnosticCode::kSipotInvalidSetting, std::move(message),
                                     Origin{path.string(), {}, line, {}}));
}

}  // namespace

void load_settings_file(const std::filesystem::path& path, Settings& settings) {
  std::ifstream in(path, std::ios::binary);
  if (!in) refuse_setting(path, std::nullopt, "no se puede leer el archivo de ajustes");
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::string t = trim(line);
    if (t.empty() || t[0] == '#' || t[0] == ';' || t[0] == '[') continue;
    const auto eq = t.find('=');
    if (eq == std::string::npos) {
      refuse_setting(path, number, "se esperaba «clave = valor»");
    }
    std::string value = trim(std::string_view(t).substr(eq + 1));
    // Values may be written in double quotes (as in many .ini files); the quotes are dropped.
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
      value = value.substr(1, value.size() - 2);
    if (auto err = apply_setting(settings, std::string_view(t).substr(0, eq), value))
      refuse_setting(path, number, std::move(*err));
  }
}

std::optional<std::string> infer_frecuencia(const Activity& a) {
  std::vector<int> months;
  for (int m = 0; m < 12; ++m) {
    const auto& v = a.programacion_mensual[m];
    if (v && *v != Decimal{}) months.push_back(m);
  }
  if (months.empty()) return std::nullopt;
  static const std::array<std::pair<int, const char*>, 6> kPeriods = {{{1, "Mensual"},
                                                                       {2, "Bimestral"},
                                                                       {3, "Trimestral"},
                                                                       {4, "Cuatrimestral"},
                                                                       {6, "Semestral"},
                                                                       {12, "Anual"}}};
  for (const auto& [period, name] : kPeriods) {
    if (static_cast<int>(months.size()) != 12 / period || months[0] >= period) continue;
    bool even = true;
    for (std::size_t i = 1; i < months.size(); ++i)
      even = even && months[i] - months[i - 1] == period;
    if (even) return std::string(name);
  }
  return std::nullopt;
}

namespace {

void put_text(Values& v, Field f, const std::optional<std::string>& s) {
  if (s && !trim(*s).empty()) v[f] = trim(*s);
}

void put_date(Values& v, Field f, const std::optional<Date>& d) {
  if (d) v[f] = *d;
}

// Columns every fracción shares: period, year, responsible area, dates, note.
Values common_values(const Document& doc, const Settings& s) {
  Values v;
  if (s.year)
    v[Field::kEjercicio] = std::int64_t{*s.year};
  else if (doc.year)
    v[Field::kEjercicio] = std::int64_t{*doc.year};
  put_date(v, Field::kFechaInicio, s.fecha_inicio);
  put_date(v, Field::kFechaTermino, s.fecha_termino);
  put_text(v, Field::kAreaResponsable, s.area_responsable);
  put_date(v, Field::kFechaValidacion, s.fecha_validacion);
  put_date(v, Field::kFechaActualizacion, s.fecha_actualizacion);
  put_text(v, Field::kNota, s.nota);
  put_text(v, Field::kHipervinculo, s.hipervinculo);
  return v;
}

std::optional<std::string> objetivo_of(const Action& a, ObjetivoSource src) {
  auto nonempty = [](const std::optional<std::string>& s) { return s && !trim(*s).empty(); };
  // The chosen field first, then the others, so an action missing one still gets an objective
  // taken from its own text.
  std::vector<const std::optional<std::string>*> order;
  switch (src) {
    case ObjetivoSource::kProposito:
      order = {&a.proposito, &a.meta, &a.nombre};
      break;
    case ObjetivoSource::kMeta:
      order = {&a.meta, &a.proposito, &a.nombre};
      break;
    case ObjetivoSource::kAccion:
      order = {&a.nombre, &a.proposito, &a.meta};
      break;
  }
  for (const auto* o : order)
    if (nonempty(*o)) return trim(**o);
  return std::nullopt;
}

Diagnostic skipped_activity(const Document& doc, const Activity& act, Severity severity,
                            std::string message) {
  Origin named = act.origin;
  if (named.file.empty()) named.file = doc.source.path;
  return diag::make(DiagnosticCode::kSipotSkippedActivity, severity, std::move(message),
                    std::move(named), act.actividad.value_or(std::string()));
}

}  // namespace

Table build_table(Fraccion fraccion, const std::vector<Document>& docs, const Settings& s) {
  Table table;
  table.fraccion = fraccion;
  std::int64_t next_sub_id = 1;
  for (const Document& doc : docs) {
    const Values common = common_values(doc, s);
    const std::optional<int> year = s.year ? s.year : doc.year;
    for (const Action& action : doc.actions) {
      const auto objetivo = objetivo_of(action, s.objetivo);
      if (fraccion == Fraccion::kIV) {
        Record r;
        r.source = doc.source.path;
        r.values = common;
        put_text(r.values, Field::kDenominacionArea, action.secretaria);
        put_text(r.values, Field::kObjetivo, objetivo);
        for (const Activity& act : action.activities) {
          Values sub;
          put_text(sub, Field::kSubIndicador, act.indicador);
          if (act.programacion_anual) sub[Field::kSubMeta] = *act.programacion_anual;
          put_text(sub, Field::kSubUnidad, act.unidad_medida);
          if (sub.empty()) {
            table.notes.push_back(
                skipped_activity(doc, act, Severity::kWarning,
                                 "actividad sin indicador, meta ni unidad; no va a la subtabla"));
            continue;
          }
          r.sub_rows.push_back(std::move(sub));
        }
        if (!r.sub_rows.empty()) {
          r.sub_id = next_sub_id++;
          r.values[Field::kSubtabla] = *r.sub_id;
          for (Values& sub : r.sub_rows) sub[Field::kSubId] = *r.sub_id;
        }
        table.records.push_back(std::move(r));
        continue;
      }
      for (const Activity& act : action.activities) {
        if (!act.indicador || trim(*act.indicador).empty()) {
          table.notes.push_back(skipped_activity(doc, act, Severity::kInfo,
                                                 "actividad sin indicador; no genera registro"));
          continue;
        }
        Record r;
        r.source = doc.source.path;
        r.values = common;
        if (s.programa)
          put_text(r.values, Field::kPrograma, s.programa);
        else if (year)
          r.values[Field::kPrograma] = "Programa Operativo Anual " + std::to_string(*year);
        put_text(r.values, Field::kObjetivo, objetivo);
        put_text(r.values, Field::kIndicador, act.indicador);
        put_text(r.values, Field::kDimension, s.dimension);
        put_text(r.values, Field::kDefinicion, s.definicion);
        put_text(r.values, Field::kMetodoCalculo, s.metodo_calculo);
        put_text(r.values, Field::kUnidadMedida, act.unidad_medida);
        if (s.frecuencia)
          put_text(r.values, Field::kFrecuencia, s.frecuencia);
        else if (s.frecuencia_inferida)
          put_text(r.values, Field::kFrecuencia, infer_frecuencia(act));
        put_text(r.values, Field::kLineaBase, s.linea_base);
        if (act.programacion_anual) r.values[Field::kMetasProgramadas] = *act.programacion_anual;
        put_text(r.values, Field::kSentido, s.sentido);
        put_text(r.values, Field::kFuente, s.fuente);
        table.records.push_back(std::move(r));
      }
    }
  }
  return table;
}

}  // namespace poa::exporters::pnt
