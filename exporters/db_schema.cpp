// The tables, indexes and views of poa's databases, and their DDL in SQLite's and PostgreSQL's
// dialects.
#include "exporters/db_schema.hpp"

#include <stdexcept>

namespace poa::exporters {
namespace {

using T = ColumnType;

constexpr std::string_view kCascade = " ON DELETE CASCADE";

struct Index {
  std::string_view name;
  std::string_view table;
  std::string_view columns;
  bool unique = false;
  int since = 1;
};

struct View {
  std::string_view name;
  std::string_view select;  // the same text in both dialects
  int since = 1;
};

// Every link column is indexed (the unique index on (link, ordinal) serves the link).
const std::vector<Index> kIndexes = {
    {"acciones_documento", "acciones", "documento_id, ordinal", true},
    {"acciones_secretaria", "acciones", "secretaria"},
    {"actividades_accion", "actividades", "accion_id, ordinal", true},
    {"partidas_accion", "partidas", "accion_id, ordinal", true},
    {"partidas_generica", "partidas", "generica"},
    {"avisos_documento", "avisos", "documento_id"},
    {"avisos_accion", "avisos", "accion_id"},
    {"avisos_codigo", "avisos", "codigo"},
    {"no_reconocido_documento", "no_reconocido", "documento_id"},
};

// GROUP BY names every column it selects (PostgreSQL wants them; the CONAC names follow from the
// partida, so the groups are those of the partida alone). ROUND(…, 2): pesos with two decimals
// in PostgreSQL (its division alone gives sixteen).
const std::vector<View> kViews = {
    {"mensual_por_secretaria", R"sql(
SELECT d.ejercicio, a.secretaria, m.mes,
       SUM(CAST(m.valor AS NUMERIC)) AS total,
       COUNT(*) AS actividades
FROM programacion_mensual m
JOIN actividades t ON t.id = m.actividad_id
JOIN acciones a ON a.id = t.accion_id
JOIN documentos d ON d.id = a.documento_id
GROUP BY d.ejercicio, a.secretaria, m.mes)sql"},
    {"inversion_por_partida", R"sql(
SELECT d.ejercicio, p.partida, p.generica, p.generica_nombre, p.capitulo,
       COUNT(*) AS acciones,
       SUM(a.inversion_aproximada_centavos) AS inversion_centavos,
       ROUND(SUM(a.inversion_aproximada_centavos) / 100.0, 2) AS inversion
FROM partidas p
JOIN acciones a ON a.id = p.accion_id
JOIN documentos d ON d.id = a.documento_id
GROUP BY d.ejercicio, p.partida, p.generica, p.generica_nombre, p.capitulo)sql"},
};

std::array<Table, kTableCount> make_tables() {
  const Column id{"id", T::kId};
  const Column pagina{"pagina", T::kInteger};
  const Column linea{"linea", T::kInteger};
  return {{
      {TableId::kDocumentos,
       "documentos",
       {id,
        {"archivo", T::kText, "NOT NULL"},
        {"sha256", T::kText, "NOT NULL UNIQUE"},
        {"tipo", T::kText, "NOT NULL CHECK (tipo IN ('pdf', 'texto'))"},
        {"codificacion", T::kText},
        {"paginas", T::kInteger},
        {"ejercicio", T::kInteger},
        {"convertido_en", T::kText, "NOT NULL"},
        {"version_poa", T::kText, "NOT NULL"},
        {"municipio", T::kText, {}, 2}}},
      {TableId::kAcciones,
       "acciones",
       {id,
        {"documento_id", T::kInteger, "NOT NULL REFERENCES documentos (id)"},
        {"ordinal", T::kInteger, "NOT NULL"},
        {"accion_clave", T::kText, "NOT NULL"},
        {"numero", T::kInteger},
        {"nombre", T::kText},
        {"secretaria", T::kText},
        {"principio_rector", T::kText},
        {"linea_estrategica_codigo", T::kText},
        {"linea_estrategica_nombre", T::kText},
        {"estrategia_codigo", T::kText},
        {"estrategia_nombre", T::kText},
        {"meta", T::kText},
        {"proposito", T::kText},
        {"beneficiarios_mujeres", T::kInteger},
        {"beneficiarios_hombres", T::kInteger},
        {"beneficiarios_total", T::kInteger},
        {"inversion_aproximada", T::kDecimal},
        {"inversion_aproximada_centavos", T::kCents},
        pagina,
        linea}},
      {TableId::kActividades,
       "actividades",
       {id,
        {"accion_id", T::kInteger, "NOT NULL REFERENCES acciones (id)"},
        {"ordinal", T::kInteger, "NOT NULL"},
        {"actividad", T::kText},
        {"area_responsable", T::kText},
        {"unidad_medida", T::kText},
        {"inversion", T::kDecimal},
        {"inversion_centavos", T::kCents},
        {"indicador", T::kText},
        {"programacion_anual", T::kDecimal},
        pagina,
        linea}},
      {TableId::kProgramacionMensual,
       "programacion_mensual",
       {{"actividad_id", T::kInteger, "NOT NULL REFERENCES actividades (id)"},
        {"mes", T::kInteger, "NOT NULL CHECK (mes BETWEEN 1 AND 12)"},
        {"valor", T::kDecimal, "NOT NULL"}},
       "actividad_id, mes"},
      {TableId::kPartidas,
       "partidas",
       {id,
        {"accion_id", T::kInteger, "NOT NULL REFERENCES acciones (id)"},
        {"ordinal", T::kInteger, "NOT NULL"},
        {"partida", T::kText, "NOT NULL"},
        {"generica", T::kText},
        {"generica_nombre", T::kText},
        {"concepto", T::kText},
        {"capitulo", T::kText}}},
      {TableId::kAvisos,
       "avisos",
       {id,
        {"documento_id", T::kInteger, "NOT NULL REFERENCES documentos (id)"},
        {"accion_id", T::kInteger, "REFERENCES acciones (id)"},
        {"ordinal", T::kInteger, "NOT NULL"},
        {"codigo", T::kText, "NOT NULL"},
        {"severidad", T::kText, "NOT NULL"},
        {"mensaje", T::kText, "NOT NULL"},
        pagina,
        linea}},
      {TableId::kNoReconocido,
       "no_reconocido",
       {id,
        {"documento_id", T::kInteger, "NOT NULL REFERENCES documentos (id)"},
        {"ordinal", T::kInteger, "NOT NULL"},
        {"texto", T::kText, "NOT NULL"},
        pagina,
        linea}},
  }};
}

std::string_view type_name(ColumnType type, Dialect dialect) {
  const bool pg = dialect == Dialect::kPostgres;
  switch (type) {
    case T::kId:
      return pg ? "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY" : "INTEGER PRIMARY KEY";
    case T::kInteger:
    case T::kCents:
      return pg ? "BIGINT" : "INTEGER";
    case T::kText:
      return "TEXT";
    case T::kDecimal:
      return pg ? "NUMERIC" : "TEXT";
  }
  return "TEXT";
}

// "name TYPE constraints", with the cascade on every foreign key (rows go with their document).
std::string column_ddl(const Column& c, Dialect dialect) {
  std::string ddl = std::string(c.name) + " " + std::string(type_name(c.type, dialect));
  if (!c.constraints.empty()) ddl.append(" ").append(c.constraints);
  if (c.constraints.find("REFERENCES") != std::string_view::npos) ddl += kCascade;
  return ddl;
}

std::string create_table(const Table& table, int version, Dialect dialect) {
  std::string ddl = "CREATE TABLE " + std::string(table.name) + " (";
  bool first = true;
  for (const Column& c : table.columns) {
    if (c.since > version) continue;
    ddl += (first ? "\n  " : ",\n  ") + column_ddl(c, dialect);
    first = false;
  }
  if (!table.primary_key.empty())
    ddl += ",\n  PRIMARY KEY (" + std::string(table.primary_key) + ")";
  ddl += "\n)";
  // A table keyed by its columns needs no rowid of its own.
  if (!table.primary_key.empty() && dialect == Dialect::kSqlite) ddl += " WITHOUT ROWID";
  return ddl + ";\n";
}

}  // namespace

const std::array<Table, kTableCount>& schema_tables() {
  static const std::array<Table, kTableCount> tables = make_tables();
  return tables;
}

const Table& schema_table(TableId id) {
  const Table& table = schema_tables().at(static_cast<std::size_t>(id));
  if (table.id != id) throw std::logic_error("schema_tables() out of TableId order");
  return table;
}

std::vector<std::string_view> row_columns(const Table& table) {
  std::vector<std::string_view> names;
  for (const Column& c : table.columns)
    if (c.type != ColumnType::kId) names.push_back(c.name);
  return names;
}

std::vector<std::string> migration_steps(Dialect dialect) {
  std::vector<std::string> steps;
  for (int version = 1; version <= kDatabaseSchemaVersion; ++version) {
    std::string step;
    // Every table came with version 1 (a table a later version adds would carry its `since`).
    for (const Table& table : schema_tables()) {
      if (version == 1) {
        step += create_table(table, version, dialect);
        continue;
      }
      for (const Column& c : table.columns)
        if (c.since == version)
          step += "ALTER TABLE " + std::string(table.name) + " ADD COLUMN " +
                  column_ddl(c, dialect) + ";\n";
    }
    for (const Index& index : kIndexes)
      if (index.since == version)
        step += std::string(index.unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ") +
                std::string(index.name) + " ON " + std::string(index.table) + " (" +
                std::string(index.columns) + ");\n";
    for (const View& view : kViews)
      if (view.since == version)
        step += "CREATE VIEW " + std::string(view.name) + " AS" + std::string(view.select) + ";\n";
    steps.push_back(std::move(step));
  }
  return steps;
}

std::string newer_schema_reason(long long version) {
  return "la creó una versión más nueva de poa (esquema " + std::to_string(version) +
         "; esta versión conoce hasta el " + std::to_string(kDatabaseSchemaVersion) + ")";
}

}  // namespace poa::exporters
