// The POA -> SIPOT mapping: fracciones, user settings, logical fields and header matching.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/decimal.hpp"
#include "model/document.hpp"

namespace poa::exporters::pnt {

// The three transparency obligations a POA feeds (LGTAIP art. 70).
enum class Fraccion { kIV, kV, kVI };

// "iv"/"IV"/"4" -> kIV, "v"/"5", "vi"/"6"; nullopt for anything else.
std::optional<Fraccion> fraccion_from_name(std::string_view name);
const char* fraccion_name(Fraccion f);  // "IV", "V", "VI"

// A calendar date (proleptic Gregorian).
struct Date {
  int year = 0, month = 0, day = 0;
  friend bool operator==(const Date&, const Date&) = default;
};

// Accepts dd/mm/aaaa and aaaa-mm-dd; nullopt for anything else or an impossible date.
std::optional<Date> parse_date(std::string_view text);
std::string format_date(const Date& d);  // dd/mm/aaaa
// Excel's 1900 date system serial number (1 = 1900-01-01; correct from 1900-03-01 on).
std::int64_t excel_serial(const Date& d);

// What a SIPOT column means, independent of its header wording and field id.
enum class Field {
  kEjercicio,
  kFechaInicio,
  kFechaTermino,
  kDenominacionArea,
  kPrograma,
  kObjetivo,
  kIndicador,
  kDimension,
  kDefinicion,
  kMetodoCalculo,
  kUnidadMedida,
  kFrecuencia,
  kLineaBase,
  kMetasProgramadas,
  kMetasAjustadas,
  kAvance,
  kSentido,
  kFuente,
  kSubtabla,  // the main-sheet cell that holds a sub-table id
  kHipervinculo,
  kAreaResponsable,
  kFechaValidacion,
  kFechaActualizacion,
  kNota,
  // Sub-table (Tabla_<id>) columns.
  kSubId,
  kSubIndicador,
  kSubMeta,
  kSubUnidad,
};

// A stable snake_case name for messages and tests ("fecha_inicio", "sub_meta", …).
const char* field_key(Field f);

// Case-, accent- and spacing-insensitive form of a header: text::fold_accents (lower case,
// accents removed, whitespace collapsed, punctuation kept), and the decorations that vary between
// templates dropped
// ("(Redactados con perspectiva de género)", "(catálogo)", "Tabla_512813").
std::string fold_header(std::string_view text);

// The field a main-sheet column holds, judged from its header text and its row-4 type code.
// nullopt for a column this tool does not know (it stays empty and is reported).
std::optional<Field> match_main_header(std::string_view header, std::string_view type_code);
// The same for a sub-table column (ID, indicador, meta, unidad).
std::optional<Field> match_sub_header(std::string_view header);

// A value before it meets a column: the column's type code decides how it is written.
using Value = std::variant<std::string, Decimal, Date, std::int64_t>;
using Values = std::map<Field, Value>;

// Which POA field describes the objective of an action.
enum class ObjetivoSource { kProposito, kMeta, kAccion };

// What a POA does not contain. Never invented: whatever is unset stays empty and is listed.
struct Settings {
  std::optional<int> year;  // overrides the POA's own year
  std::optional<Date> fecha_inicio, fecha_termino, fecha_validacion, fecha_actualizacion;
  std::optional<std::string> area_responsable;  // área that generates/publishes the information
  std::optional<std::string> hipervinculo;      // URL where the POA is published
  std::optional<std::string> nota, dimension, frecuencia, sentido, metodo_calculo, linea_base,
      fuente, definicion, programa;
  ObjetivoSource objetivo = ObjetivoSource::kProposito;
  bool frecuencia_inferida = true;  // infer Frecuencia from the programmed months when unset
};

// One key of the settings file (and its command-line option --<key with dashes>).
struct SettingKey {
  const char* key;
  const char* help;  // Spanish, for --help
};
const std::vector<SettingKey>& setting_keys();

// Sets `key` (as in setting_keys(), dashes or underscores) to `value`. Returns a Spanish error
// message when the key is unknown or the value invalid (bad date, URL without http(s)/ftp).
std::optional<std::string> apply_setting(Settings& settings, std::string_view key,
                                         std::string_view value);

// Reads `key = value` lines (UTF-8; `#` starts a comment line; blank lines ignored) into
// `settings`. Throws poa::InputError with a SIPOT_INVALID_SETTING diagnostic whose origin names
// the file and the line.
void load_settings_file(const std::filesystem::path& path, Settings& settings);

// One main-sheet record and, for fracción IV, its sub-table rows (all sharing `sub_id`).
struct Record {
  Values values;
  std::optional<std::int64_t> sub_id;
  std::vector<Values> sub_rows;
  std::string source;  // the input file, for messages
};

struct Table {
  Fraccion fraccion = Fraccion::kIV;
  std::vector<Record> records;
  // What the mapping had to skip (an activity without an indicator, …): SIPOT_SKIPPED_ACTIVITY
  // with the activity's origin; a warning in IV (the activity is lost to the sub-table), info in
  // V and VI (an activity without an indicator is no indicator).
  Diagnostics notes;
};

// The mapping POA -> SIPOT records (docs/pnt.md): IV one record per action with a sub-table row
// per activity; V and VI one record per activity that has an indicator. Sub-table ids run
// 1, 2, 3… over the whole batch, in input order.
Table build_table(Fraccion fraccion, const std::vector<Document>& docs, const Settings& settings);

// "Mensual", "Bimestral", "Trimestral", "Cuatrimestral", "Semestral" or "Anual" when the
// programmed (non-zero) months are exactly evenly spaced over the year; nullopt otherwise.
std::optional<std::string> infer_frecuencia(const Activity& activity);

}  // namespace poa::exporters::pnt
