// The 2018–2022 national SIPOT layouts of fracciones IV, V and VI, written with libxlsxwriter.
#include <xlsxwriter.h>

#include <cerrno>
#include <stdexcept>

#include "exporters/pnt/pnt_export.hpp"
#include "model/os_error.hpp"

namespace poa::exporters::pnt {
namespace {

struct ColumnSpec {
  const char* type;
  const char* id;
  const char* header;
};

struct LayoutSpec {
  const char* format_id;
  const char* title;
  const char* description;
  std::vector<ColumnSpec> columns;
  const char* sub_id = nullptr;  // IV: the sub-table's field id
  std::vector<ColumnSpec> sub_columns;
};

constexpr const char* kAreaResponsable =
    "Área(s) responsable(s) que genera(n), posee(n), publica(n) y actualizan la información";

// Copied from the blank templates SIPOT generated (spec/sipot-templates/*-2022.xlsx).
const LayoutSpec& spec(Fraccion f) {
  static const LayoutSpec kIV = {
      "53400",
      "Objetivos y metas institucionales",
      "La información deberá corresponder con las áreas o unidades ejecutoras del gasto que "
      "forman parte del sujeto obligado, para cada una de éstas se publicarán sus metas y "
      "objetivos vinculados a los programas operativos, presupuestarios, sectoriales, regionales "
      "institucionales, especiales, de trabajo y/o anuales en términos de la normatividad "
      "aplicable.",
      {{"1", "512803", "Ejercicio"},
       {"4", "512810", "Fecha de inicio del periodo que se informa"},
       {"4", "512811", "Fecha de término del periodo que se informa"},
       {"2", "512809", "Denominación del área"},
       {"2", "512804", "Descripción breve y clara de cada objetivo institucional"},
       {"10", "512813", "Indicadores y metas asociados a cada objetivo \nTabla_512813"},
       {"7", "512812",
        "Hipervínculo al documento del o los programas operativos, presupuestarios, sectoriales, "
        "entre otros"},
       {"2", "512807", kAreaResponsable},
       {"4", "512805", "Fecha de validación"},
       {"13", "512806", "Fecha de Actualización"},
       {"14", "512808", "Nota"}},
      "512813",
      {{"2", "65794", "Indicadores asociados"},
       {"2", "65795", "Meta del indicador"},
       {"2", "65796", "Unidad de medida"}}};
  static const LayoutSpec kV = {
      "53401",
      "Indicadores de interés público",
      "La información relativa a los indicadores que valoren los resultados del sujeto obligado "
      "en su conjunto, de acuerdo con su misión, objetivos y/o atribuciones previstas en las "
      "disposiciones que los regulen. Se brindará la información de los indicadores relacionados "
      "con temas de interés público o trascendencia social, de tal forma que se posibilite la "
      "consulta por sujeto obligado, año y objetivos, en relación con los planes de desarrollo "
      "nacional, estatal o municipal o programas que se deriven.",
      {{"1", "512817", "Ejercicio"},
       {"4", "512832", "Fecha de inicio del periodo que se informa"},
       {"4", "512833", "Fecha de término del periodo que se informa"},
       {"2", "512818", "Objetivo institucional"},
       {"2", "512824", "Nombre del(os) indicador(es)"},
       {"1", "512814", "Dimensión(es) a medir"},
       {"2", "512819", "Definición del indicador"},
       {"2", "512820", "Método de cálculo"},
       {"1", "512815", "Unidad de medida"},
       {"1", "512827", "Frecuencia de medición"},
       {"1", "512816", "Línea base"},
       {"2", "512822", "Metas programadas"},
       {"2", "512821", "Metas ajustadas en su caso"},
       {"2", "512823", "Avance de las metas al periodo que se informa"},
       {"9", "512830", "Sentido del indicador (catálogo)"},
       {"2", "512829", "Fuente de información que alimenta al indicador"},
       {"2", "512831", kAreaResponsable},
       {"4", "512825", "Fecha de validación"},
       {"13", "512826", "Fecha de actualización"},
       {"14", "512828", "Nota"}}};
  static const LayoutSpec kVI = {
      "53402",
      "Indicadores de resultados",
      "La información de los indicadores de desempeño de sus objetivos institucionales la cual "
      "deberá  publicarse de tal forma que sea posible la consulta por sujeto obligado, año y "
      "área o unidad responsable del programa correspondiente.",
      {{"1", "512837", "Ejercicio"},
       {"4", "512852", "Fecha de inicio del periodo que se informa"},
       {"4", "512853", "Fecha de término del periodo que se informa"},
       {"2", "512843", "Nombre del programa o concepto al que corresponde el indicador"},
       {"1", "512851", "Objetivo institucional"},
       {"1", "512834", "Nombre(s) del(os) indicador(es)"},
       {"1", "512838", "Dimensión(es) a medir"},
       {"2", "512839", "Definición del indicador"},
       {"2", "512840", "Método de cálculo con variables de la fórmula"},
       {"1", "512835", "Unidad de medida"},
       {"1", "512836", "Frecuencia de medición"},
       {"1", "512854", "Línea base"},
       {"2", "512841", "Metas programadas"},
       {"2", "512845", "Metas ajustadas que existan, en su caso"},
       {"2", "512844", "Avance de metas"},
       {"9", "512848", "Sentido del indicador (catálogo)"},
       {"2", "512842", "Fuente de información"},
       {"2", "512849", kAreaResponsable},
       {"4", "512846", "Fecha de validación"},
       {"13", "512847", "Fecha de actualización"},
       {"14", "512850", "Nota"}}};
  switch (f) {
    case Fraccion::kIV:
      return kIV;
    case Fraccion::kV:
      return kV;
    case Fraccion::kVI:
      return kVI;
  }
  return kIV;
}

const std::vector<std::string> kSentido = {"Ascendente", "Descendente"};

void check(lxw_error e, const char* what) {
  if (e != LXW_NO_ERROR)
    throw std::runtime_error(std::string("no se pudo escribir el diseño integrado (") + what +
                             "): " + lxw_strerror(e));
}

}  // namespace

TemplateLayout builtin_layout(Fraccion f) {
  const LayoutSpec& s = spec(f);
  TemplateLayout layout;
  layout.format_id = s.format_id;
  layout.title = s.title;
  layout.main.name = "Reporte de Formatos";
  layout.main.part = "xl/worksheets/sheet1.xml";
  layout.main.header_row = 7;
  layout.main.first_data_row = 8;
  for (std::size_t i = 0; i < s.columns.size(); ++i) {
    TemplateColumn c{
        static_cast<int>(i), s.columns[i].type, s.columns[i].id, s.columns[i].header, {}};
    if (c.type_code == "9") c.catalogue = kSentido;
    layout.main.columns.push_back(std::move(c));
  }
  if (s.sub_id) {
    TemplateSheet sub;
    sub.name = std::string("Tabla_") + s.sub_id;
    sub.part = "xl/worksheets/sheet2.xml";
    sub.header_row = 3;
    sub.first_data_row = 4;
    sub.columns.push_back({0, "", "", "ID", {}});
    for (std::size_t i = 0; i < s.sub_columns.size(); ++i)
      sub.columns.push_back({static_cast<int>(i + 1),
                             s.sub_columns[i].type,
                             s.sub_columns[i].id,
                             s.sub_columns[i].header,
                             {}});
    layout.subtables[s.sub_id] = std::move(sub);
  }
  return layout;
}

void write_builtin_template(Fraccion f, const std::filesystem::path& path) {
  const LayoutSpec& s = spec(f);
  const std::string file = path.string();
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(file.c_str(), &options);
  if (!wb) throw std::runtime_error(file + ": no se puede crear el diseño integrado");

  // The look of SIPOT's templates: white bold Arial on dark grey for titles, grey for labels.
  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_name(title, "Arial");
  format_set_font_color(title, LXW_COLOR_WHITE);
  format_set_bg_color(title, 0x333333);
  format_set_border(title, LXW_BORDER_THIN);
  format_set_align(title, LXW_ALIGN_CENTER);
  format_set_text_wrap(title);
  lxw_format* label = workbook_add_format(wb);
  format_set_font_name(label, "Arial");
  format_set_font_size(label, 10);
  format_set_bg_color(label, 0xE1E1E1);
  format_set_border(label, LXW_BORDER_THIN);
  lxw_format* header = workbook_add_format(wb);
  format_set_font_name(header, "Arial");
  format_set_font_size(header, 10);
  format_set_bg_color(header, 0xE1E1E1);
  format_set_border(header, LXW_BORDER_THIN);
  format_set_align(header, LXW_ALIGN_CENTER);
  format_set_text_wrap(header);

  lxw_worksheet* ws = workbook_add_worksheet(wb, "Reporte de Formatos");
  lxw_worksheet* sub =
      s.sub_id ? workbook_add_worksheet(wb, (std::string("Tabla_") + s.sub_id).c_str()) : nullptr;
  const bool has_catalogue = f != Fraccion::kIV;
  lxw_worksheet* hidden = has_catalogue ? workbook_add_worksheet(wb, "Hidden_1") : nullptr;

  lxw_row_col_options hide{};
  hide.hidden = LXW_TRUE;
  const auto last = static_cast<lxw_col_t>(s.columns.size() - 1);
  check(worksheet_set_row_opt(ws, 0, LXW_DEF_ROW_HEIGHT, nullptr, &hide), "fila 1");
  check(worksheet_set_row_opt(ws, 3, LXW_DEF_ROW_HEIGHT, nullptr, &hide), "fila 4");
  check(worksheet_set_row_opt(ws, 4, LXW_DEF_ROW_HEIGHT, nullptr, &hide), "fila 5");
  check(worksheet_write_string(ws, 0, 0, s.format_id, nullptr), "id");
  check(worksheet_merge_range(ws, 1, 0, 1, 2, "TÍTULO", title), "título");
  check(worksheet_merge_range(ws, 1, 3, 1, 5, "NOMBRE CORTO", title), "nombre corto");
  check(worksheet_merge_range(ws, 1, 6, 1, 8, "DESCRIPCIÓN", title), "descripción");
  check(worksheet_merge_range(ws, 2, 0, 2, 2, s.title, label), "título");
  check(worksheet_merge_range(ws, 2, 3, 2, 5, s.title, label), "nombre corto");
  check(worksheet_merge_range(ws, 2, 6, 2, 8, s.description, label), "descripción");
  check(worksheet_merge_range(ws, 5, 0, 5, last, "Tabla Campos", title), "Tabla Campos");
  for (std::size_t i = 0; i < s.columns.size(); ++i) {
    const auto c = static_cast<lxw_col_t>(i);
    check(worksheet_write_string(ws, 3, c, s.columns[i].type, nullptr), "tipos");
    check(worksheet_write_string(ws, 4, c, s.columns[i].id, nullptr), "ids");
    check(worksheet_write_string(ws, 6, c, s.columns[i].header, header), "encabezados");
    check(worksheet_set_column(ws, c, c, 24, nullptr), "ancho");
    if (std::string(s.columns[i].type) == "9") {
      // As SIPOT does: the catalogue sheet, a name Hidden_<sheet><0-based column>, and a list
      // validation over the data rows 8–201.
      const std::string name = "Hidden_1" + std::to_string(i);
      check(workbook_define_name(wb, name.c_str(), "=Hidden_1!$A$1:$A$2"), "nombre");
      lxw_data_validation dv{};
      dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
      const std::string formula = "=" + name;
      dv.value_formula = const_cast<char*>(formula.c_str());
      check(worksheet_data_validation_range(ws, 7, c, 200, c, &dv), "validación");
    }
  }
  if (hidden) {
    for (std::size_t i = 0; i < kSentido.size(); ++i)
      check(worksheet_write_string(hidden, static_cast<lxw_row_t>(i), 0, kSentido[i].c_str(),
                                   nullptr),
            "catálogo");
  }
  if (sub) {
    check(worksheet_set_row_opt(sub, 0, LXW_DEF_ROW_HEIGHT, nullptr, &hide), "fila 1");
    check(worksheet_set_row_opt(sub, 1, LXW_DEF_ROW_HEIGHT, nullptr, &hide), "fila 2");
    check(worksheet_write_string(sub, 2, 0, "ID", title), "ID");
    for (std::size_t i = 0; i < s.sub_columns.size(); ++i) {
      const auto c = static_cast<lxw_col_t>(i + 1);
      check(worksheet_write_string(sub, 0, c, s.sub_columns[i].type, nullptr), "tipos");
      check(worksheet_write_string(sub, 1, c, s.sub_columns[i].id, nullptr), "ids");
      check(worksheet_write_string(sub, 2, c, s.sub_columns[i].header, title), "encabezados");
      check(worksheet_set_column(sub, c, c, 24, nullptr), "ancho");
    }
  }
  // The file is written here: a full disk shows up as this error, with errno saying why.
  errno = 0;
  if (workbook_close(wb) != LXW_NO_ERROR) {
    throw OutputError(path, "no se pudo escribir el diseño integrado", errno != 0 ? errno : EIO);
  }
}

}  // namespace poa::exporters::pnt
