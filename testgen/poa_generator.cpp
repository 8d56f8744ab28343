// Seeded random POA documents: Spanish word lists, real CONAC partidas, sums that add up.
#include "testgen/poa_generator.hpp"

#include <algorithm>
#include <sstream>

namespace poa::testgen {

std::int64_t Rng::uniform(std::int64_t lo, std::int64_t hi) {
  // Rejection sampling on the raw 64-bit output: exact and independent of the standard library.
  const std::uint64_t range = static_cast<std::uint64_t>(hi - lo) + 1;
  if (range == 0) return static_cast<std::int64_t>(next());  // the whole 64-bit range
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % range;
  std::uint64_t v = next();
  while (v >= limit) v = next();
  return lo + static_cast<std::int64_t>(v % range);
}

double Rng::unit() {
  return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

namespace {

const std::vector<std::string> kSecretarias = {
    "Secretaría de Planeación.",
    "Secretaría de Planeación",
    "Secretaría de Desarrollo Económico",
    "Secretaría de Obras Públicas",
    "Secretaría del Ayuntamiento",
    "Tesorería Municipal",
    "Secretaría de Bienestar Social",
    "Dirección de Protección Civil y Bomberos",
    "Contraloría Municipal",
    "Secretaría de Servicios Públicos Municipales",
    "Instituto Municipal de las Mujeres",
    "Secretaría de Seguridad Pública y Tránsito",
    "Sistema Municipal DIF",
    "Dirección de Ecología y Medio Ambiente",
    "Secretaría de Educación, Cultura y Deporte",
    "Unidad de Transparencia y Acceso a la Información",
};

const std::vector<std::string> kPrincipios = {
    "Capital de la Nueva Gobernanza",  "Bienestar para Todas y Todos",  "Municipio Seguro y en Paz",
    "Desarrollo Económico Sostenible", "Ciudad Ordenada y Sustentable", "Igualdad Sustantiva",
    "Gobierno Abierto y Honesto",
};

const std::vector<std::string> kLineas = {
    "Rendición de cuentas y acceso a la información",
    "Planeación y evaluación para la mejora continua",
    "Infraestructura urbana para el bienestar",
    "Seguridad ciudadana con enfoque de proximidad",
    "Fomento al empleo y a la economía local",
    "Protección del medio ambiente y manejo de residuos",
    "Atención a grupos en situación de vulnerabilidad",
    "Finanzas públicas sanas",
    "Cultura, deporte y recreación para la niñez",
};

// Nouns that open an activity or action name ("Elaboración de …").
const std::vector<std::string> kOpeners = {
    "Elaboración",  "Revisión",      "Supervisión",    "Aplicación",
    "Integración",  "Difusión",      "Capacitación",   "Atención",
    "Gestión",      "Actualización", "Rehabilitación", "Instalación",
    "Seguimiento",  "Coordinación",  "Evaluación",     "Impresión",
    "Organización", "Publicación",   "Recolección",    "Mantenimiento",
    "Adquisición",  "Entrega",       "Realización",    "Dar contestación a",
    "Recabar",      "Asistir a",     "Subir",          "Solicitar",
    "Contar con",
};

const std::vector<std::string> kWords = {
    "información",   "solicitudes",    "ciudadanía",    "dependencias",
    "municipio",     "programa",       "proyectos",     "obras",
    "públicas",      "niñas",          "niños",         "año",
    "compañía",      "señalización",   "vías",          "alumbrado",
    "público",       "espacios",       "jóvenes",       "mujeres",
    "comunidades",   "rurales",        "campaña",       "reuniones",
    "vecinales",     "presupuesto",    "participativo", "trámites",
    "servicios",     "técnicos",       "plataforma",    "nacional",
    "transparencia", "tablas",         "designadas",    "cabildo",
    "acuerdos",      "diseño",         "logística",     "eventos",
    "cívicos",       "educación",      "básica",        "salud",
    "mental",        "prevención",     "violencia",     "género",
    "residuos",      "sólidos",        "árboles",       "reforestación",
    "parques",       "jardines",       "peñascos",      "caminos",
    "sacacosechas",  "pavimentación",  "calles",        "colonias",
    "padrón",        "contribuyentes", "predial",       "catastro",
    "licencias",     "comercio",       "mercado",       "artesanías",
    "turismo",       "pequeñas",       "empresas",      "créditos",
    "becas",         "estudiantes",    "útiles",        "escolares",
    "deportivas",    "ligas",          "bibliotecas",   "lectura",
    "música",        "danza",          "festival",      "tradiciones",
    "diagnóstico",   "indicadores",    "desempeño",     "auditoría",
    "archivo",       "digitalización", "expedientes",   "inventario",
    "bienes",        "muebles",        "vehículos",     "combustible",
    "protección",    "civil",          "simulacros",    "refugios",
    "temporales",    "contingencias",  "agua",          "potable",
    "drenaje",       "pozos",          "tanques",       "bombeo",
};

const std::vector<std::string> kConnectors = {"de",  "la",  "del", "para", "en",  "y",    "los",
                                              "las", "con", "a",   "el",   "por", "sobre"};

const std::vector<std::string> kAreas = {
    "Dpto. Seguimiento",       "Planeación.",           "Comunicación Social.",
    "Dirección de Obras",      "Coordinación Técnica",  "Unidad de Transparencia",
    "Área Jurídica",           "Jefatura de Compras",   "Departamento de Ingresos",
    "Subdirección de Cultura", "Enlace Administrativo", "Oficialía Mayor",
};

const std::vector<std::string> kUnits = {
    "Solicitud", "Documento", "Capacitación", "Registro",         "Informe",
    "Reunión",   "Campaña",   "Obra",         "Luminaria",        "Metro cuadrado",
    "Taller",    "Evento",    "Expediente",   "Persona",          "Beca",
    "Contrato",  "Kilómetro", "Publicación",  "Punto de acuerdo", "USB y disco duro",
    "Árbol",     "Visita",    "Reporte",      "Servicio",
};

const std::vector<std::string> kIndicatorHeads = {
    "Número de", "Porcentaje de", "Total de", "Cantidad de", "Número de acciones de",
};

const std::vector<std::string> kParticiples = {
    "atendidas",  "elaborados", "realizadas", "entregados", "publicadas", "revisados",
    "concluidos", "asistidas",  "instaladas", "impartidos", "aprobados",  "difundidas",
};

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// `count` words: an opener, then content words with a connector now and then; optionally a
// number or a year, as real activities mention ("las 9 tablas", "2023").
std::string phrase(Rng& rng, int count, bool allow_numbers) {
  std::string out = rng.pick(kOpeners);
  int words = 1 + static_cast<int>(std::count(out.begin(), out.end(), ' '));
  bool last_connector = false;
  while (words < count) {
    std::string w;
    if (!last_connector && words + 1 < count && rng.chance(0.35)) {
      w = rng.pick(kConnectors);
      last_connector = true;
    } else if (allow_numbers && rng.chance(0.04)) {
      w = rng.chance(0.5) ? std::to_string(rng.uniform(2, 40))
                          : std::to_string(rng.uniform(2019, 2026));
      last_connector = false;
    } else {
      w = rng.pick(kWords);
      last_connector = false;
    }
    out += ' ';
    out += w;
    ++words;
  }
  return out;
}

// Word count skewed short: most cells hold a few words, some a long sentence.
int word_count(Rng& rng, int lo, int hi) {
  if (rng.chance(0.7)) return static_cast<int>(rng.uniform(lo, std::min(hi, lo + 10)));
  return static_cast<int>(rng.uniform(lo, hi));
}

Decimal random_money(Rng& rng) {
  if (rng.chance(0.4)) return Decimal::from_cents(0);
  const int digits = static_cast<int>(rng.uniform(3, 7));  // $100 .. $9,999,999
  std::int64_t pesos = rng.uniform(1, 9);
  for (int i = 1; i < digits; ++i) pesos = pesos * 10 + (rng.chance(0.5) ? 0 : rng.uniform(0, 9));
  const std::int64_t cents = rng.chance(0.5) ? 0 : rng.uniform(0, 99);
  return Decimal::from_cents(pesos * 100 + cents);
}

Activity random_activity(Rng& rng) {
  Activity a;
  a.actividad = phrase(rng, word_count(rng, 2, 40), true);
  a.area_responsable = rng.pick(kAreas);
  a.unidad_medida = rng.pick(kUnits);
  a.inversion = random_money(rng);
  a.indicador = rng.pick(kIndicatorHeads) + " " + rng.pick(kWords) + " " + rng.pick(kParticiples);
  // Months: a few non-zero ones; occasionally large (thousands separator) or with decimals.
  const bool decimals = rng.chance(0.05);
  const std::int64_t max_value = rng.chance(0.1) ? 5000 : (rng.chance(0.5) ? 50 : 9);
  const int nonzero = rng.chance(0.2) ? 12 : static_cast<int>(rng.uniform(1, 5));
  Decimal annual = decimals ? Decimal{0, 2} : Decimal::from_int(0);
  for (auto& m : a.programacion_mensual) m = Decimal::from_int(0);
  for (int i = 0; i < nonzero; ++i) {
    const int month = nonzero == 12 ? i : static_cast<int>(rng.uniform(0, 11));
    Decimal v =
        decimals ? Decimal{rng.uniform(1, 9999), 2} : Decimal::from_int(rng.uniform(1, max_value));
    // Keep the value as a spreadsheet would print it: 12.50 shows as 12.5.
    v = v.trimmed();
    *a.programacion_mensual[static_cast<std::size_t>(month)] += v;
  }
  for (auto& m : a.programacion_mensual) {
    *m = m->trimmed();
    annual += *m;
  }
  a.programacion_anual = annual.trimmed();
  return a;
}

Action random_action(Rng& rng, const GeneratorOptions& options, bool long_doc) {
  Action act;
  act.numero = rng.uniform(1, 60);
  act.secretaria = rng.pick(kSecretarias);
  act.nombre = capitalised(phrase(rng, static_cast<int>(rng.uniform(2, 9)), false));
  act.principio_rector = rng.pick(kPrincipios);
  const int eje = static_cast<int>(rng.uniform(1, 5));
  const int linea = static_cast<int>(rng.uniform(1, 9));
  const std::string linea_code = std::to_string(eje) + "." + std::to_string(linea);
  act.linea_estrategica = CodedText{linea_code, rng.pick(kLineas)};
  act.estrategia = CodedText{linea_code + "." + std::to_string(rng.uniform(1, 9)),
                             capitalised(phrase(rng, word_count(rng, 1, 30), false))};
  act.meta = phrase(rng, word_count(rng, 3, 30), true);
  act.proposito = phrase(rng, word_count(rng, 3, 40), false);
  Beneficiaries b;
  if (rng.chance(0.15)) {
    b.total = rng.uniform(10, 300000);
  } else {
    b.mujeres = rng.uniform(5, 99999);
    b.hombres = rng.uniform(5, 99999);
    b.total = *b.mujeres + *b.hombres;
  }
  act.beneficiarios = b;
  const auto& pool = partida_pool();
  const int n_partidas = static_cast<int>(rng.uniform(1, 4));
  for (int i = 0; i < n_partidas; ++i) {
    const std::string& p = rng.pick(pool);
    if (std::find(act.partidas_presupuestales.begin(), act.partidas_presupuestales.end(), p) ==
        act.partidas_presupuestales.end())
      act.partidas_presupuestales.push_back(p);
  }
  const int hi = long_doc ? options.max_activities
                          : std::min(options.max_activities, options.short_max_activities);
  const int n =
      static_cast<int>(rng.uniform(options.min_activities, std::max(hi, options.min_activities)));
  Decimal total = Decimal::from_cents(0);
  for (int i = 0; i < n; ++i) {
    act.activities.push_back(random_activity(rng));
    total += *act.activities.back().inversion;
  }
  act.inversion_aproximada = total;
  return act;
}

std::string group_thousands(std::string digits) {
  std::string out;
  const int n = static_cast<int>(digits.size());
  for (int i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += ',';
    out += digits[static_cast<std::size_t>(i)];
  }
  return out;
}

template <typename T>
std::string show(const std::optional<T>& v) {
  if (!v) return "(nulo)";
  if constexpr (std::is_same_v<T, std::string>) {
    return "«" + *v + "»";
  } else if constexpr (std::is_same_v<T, Decimal>) {
    return v->to_string();
  } else {
    return std::to_string(*v);
  }
}

template <typename T>
void check(std::vector<std::string>& out, const std::string& where, const char* field,
           const std::optional<T>& expected, const std::optional<T>& actual) {
  if (expected == actual) return;
  out.push_back(where + " " + field + ": esperado " + show(expected) + ", obtenido " +
                show(actual));
}

}  // namespace

const std::vector<std::string>& partida_pool() {
  // Específicas (genérica + "1") of genéricas in CONAC's Clasificador por Objeto del Gasto.
  static const std::vector<std::string> pool = {
      "2111", "2121", "2141", "2151", "2161", "2171", "2211", "2213", "2461", "2471", "2481",
      "2491", "2531", "2611", "2711", "2721", "2911", "2941", "3111", "3141", "3171", "3181",
      "3221", "3251", "3311", "3331", "3341", "3351", "3361", "3411", "3451", "3511", "3521",
      "3551", "3571", "3611", "3661", "3711", "3751", "3821", "3831", "3921", "4411", "4421",
      "5111", "5151", "5191", "5211", "5231", "5411", "5651", "5671", "6121", "6141", "6151",
  };
  return pool;
}

std::string format_money(const Decimal& money) {
  const Decimal m = money.rescaled(std::max(money.scale, 2));
  std::string fixed = m.to_fixed(2);  // "-1234.50"
  std::string sign;
  if (!fixed.empty() && fixed[0] == '-') {
    sign = "-";
    fixed.erase(0, 1);
  }
  const auto dot = fixed.find('.');
  return sign + "$" + group_thousands(fixed.substr(0, dot)) + fixed.substr(dot);
}

std::string format_quantity(const Decimal& value, bool thousands) {
  if (value == Decimal::from_int(0)) return "-";
  std::string text = value.to_string();
  if (!thousands) return text;
  std::string sign;
  if (text[0] == '-') {
    sign = "-";
    text.erase(0, 1);
  }
  const auto dot = text.find('.');
  const std::string frac = dot == std::string::npos ? "" : text.substr(dot);
  return sign + group_thousands(text.substr(0, dot)) + frac;
}

std::string format_beneficiaries(const Beneficiaries& b, int style) {
  auto grouped = [](std::int64_t v) { return group_thousands(std::to_string(v)); };
  if (!b.mujeres || !b.hombres) return b.total ? grouped(*b.total) : std::string{};
  const std::int64_t m = *b.mujeres, h = *b.hombres;
  switch (((style % 5) + 5) % 5) {
    case 0:
      return "M" + grouped(m) + " H " + grouped(h);
    case 1:
      return "M " + std::to_string(m) + " H " + std::to_string(h);
    case 2:
      return "Mujeres: " + grouped(m) + " Hombres: " + grouped(h);
    case 3:
      return "H " + grouped(h) + " M " + grouped(m);
    default:
      return "M" + grouped(m) + " H" + std::to_string(h);
  }
}

Document generate_document(std::uint64_t seed, const GeneratorOptions& options) {
  Rng rng(seed);
  Document doc;
  doc.year = static_cast<int>(rng.uniform(2019, 2026));
  const bool long_doc = rng.chance(options.long_probability);
  const int n = static_cast<int>(rng.uniform(options.min_actions, options.max_actions));
  for (int i = 0; i < n; ++i) doc.actions.push_back(random_action(rng, options, long_doc));
  return doc;
}

void share_areas(Document& doc, std::uint64_t seed) {
  Rng rng(seed ^ 0xbb67ae8584caa73bULL);
  for (Action& action : doc.actions) {
    auto& acts = action.activities;
    for (std::size_t i = 1; i < acts.size(); ++i) {
      if (rng.chance(0.4)) acts[i].area_responsable = acts[i - 1].area_responsable;
    }
  }
}

std::vector<std::string> compare_data(const Document& expected, const Document& actual) {
  std::vector<std::string> out;
  check(out, "documento", "ejercicio", expected.year, actual.year);
  if (expected.actions.size() != actual.actions.size()) {
    out.push_back("documento: esperadas " + std::to_string(expected.actions.size()) +
                  " acciones, obtenidas " + std::to_string(actual.actions.size()));
  }
  const std::size_t n = std::min(expected.actions.size(), actual.actions.size());
  for (std::size_t i = 0; i < n; ++i) {
    const Action& e = expected.actions[i];
    const Action& a = actual.actions[i];
    const std::string where = "acción " + std::to_string(i + 1);
    check(out, where, "numero", e.numero, a.numero);
    check(out, where, "nombre", e.nombre, a.nombre);
    check(out, where, "secretaria", e.secretaria, a.secretaria);
    check(out, where, "principio_rector", e.principio_rector, a.principio_rector);
    auto coded = [&](const char* field, const std::optional<CodedText>& x,
                     const std::optional<CodedText>& y) {
      const std::string f = field;
      check(out, where, (f + ".codigo").c_str(), x ? x->codigo : std::nullopt,
            y ? y->codigo : std::nullopt);
      check(out, where, (f + ".nombre").c_str(), x ? x->nombre : std::nullopt,
            y ? y->nombre : std::nullopt);
    };
    coded("linea_estrategica", e.linea_estrategica, a.linea_estrategica);
    coded("estrategia", e.estrategia, a.estrategia);
    check(out, where, "meta", e.meta, a.meta);
    check(out, where, "proposito", e.proposito, a.proposito);
    auto ben = [](const std::optional<Beneficiaries>& b, int which) -> std::optional<std::int64_t> {
      if (!b) return std::nullopt;
      return which == 0 ? b->mujeres : which == 1 ? b->hombres : b->total;
    };
    check(out, where, "beneficiarios.mujeres", ben(e.beneficiarios, 0), ben(a.beneficiarios, 0));
    check(out, where, "beneficiarios.hombres", ben(e.beneficiarios, 1), ben(a.beneficiarios, 1));
    check(out, where, "beneficiarios.total", ben(e.beneficiarios, 2), ben(a.beneficiarios, 2));
    check(out, where, "inversion_aproximada", e.inversion_aproximada, a.inversion_aproximada);
    if (e.partidas_presupuestales != a.partidas_presupuestales) {
      auto join = [](const std::vector<std::string>& v) {
        std::string s;
        for (const auto& p : v) s += (s.empty() ? "" : ", ") + p;
        return "[" + s + "]";
      };
      out.push_back(where + " partidas_presupuestales: esperado " +
                    join(e.partidas_presupuestales) + ", obtenido " +
                    join(a.partidas_presupuestales));
    }
    if (e.activities.size() != a.activities.size()) {
      out.push_back(where + ": esperadas " + std::to_string(e.activities.size()) +
                    " actividades, obtenidas " + std::to_string(a.activities.size()));
    }
    const std::size_t m = std::min(e.activities.size(), a.activities.size());
    for (std::size_t j = 0; j < m; ++j) {
      const Activity& x = e.activities[j];
      const Activity& y = a.activities[j];
      const std::string w = where + ", actividad " + std::to_string(j + 1);
      check(out, w, "actividad", x.actividad, y.actividad);
      check(out, w, "area_responsable", x.area_responsable, y.area_responsable);
      check(out, w, "unidad_medida", x.unidad_medida, y.unidad_medida);
      check(out, w, "inversion", x.inversion, y.inversion);
      check(out, w, "indicador", x.indicador, y.indicador);
      check(out, w, "programacion_anual", x.programacion_anual, y.programacion_anual);
      static const char* kMonths[] = {"ENE", "FEB", "MAR", "ABR", "MAY", "JUN",
                                      "JUL", "AGO", "SEP", "OCT", "NOV", "DIC"};
      for (std::size_t k = 0; k < 12; ++k) {
        check(out, w, (std::string("programacion_mensual.") + kMonths[k]).c_str(),
              x.programacion_mensual[k], y.programacion_mensual[k]);
      }
    }
  }
  return out;
}

}  // namespace poa::testgen
