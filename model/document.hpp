// The typed POA the normaliser produces and every exporter writes. The POA form's own fields keep
// the form's names (secretaria, meta, programacion_anual…: the JSON keys of the output contract,
// schema/poa.schema.json); the structure around them is named in English like the rest of the
// C++ (actions, activities, origin, diagnostics), and only the exporters speak the Spanish keys
// (acciones, actividades, origen, avisos). Unknown values are nullopt, never "" or 0.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/cell_row.hpp"
#include "model/decimal.hpp"
#include "model/diagnostic.hpp"
#include "model/raw_action.hpp"

namespace poa {

// "3.5 Rendición de cuentas…" -> codigo "3.5", nombre "Rendición de cuentas…".
struct CodedText {
  std::optional<std::string> codigo;
  std::optional<std::string> nombre;
  friend bool operator==(const CodedText&, const CodedText&) = default;
};

struct Beneficiaries {
  std::optional<std::int64_t> mujeres;
  std::optional<std::int64_t> hombres;
  std::optional<std::int64_t> total;
  friend bool operator==(const Beneficiaries&, const Beneficiaries&) = default;
};

struct Activity {
  std::optional<std::string> actividad;
  std::optional<std::string> area_responsable;
  std::optional<std::string> unidad_medida;
  std::optional<Decimal> inversion;  // money, scale 2
  std::optional<std::string> indicador;
  std::optional<Decimal> programacion_anual;
  std::array<std::optional<Decimal>, 12>
      programacion_mensual;  // ENE..DIC; "-" -> 0, empty -> nullopt
  Origin origin;
  friend bool operator==(const Activity&, const Activity&) = default;
};

struct Action {
  std::optional<std::int64_t> numero;
  std::optional<std::string> nombre;
  std::optional<std::string> secretaria;
  std::optional<std::string> principio_rector;
  std::optional<CodedText> linea_estrategica;
  std::optional<CodedText> estrategia;
  std::optional<std::string> meta;
  std::optional<std::string> proposito;
  std::optional<Beneficiaries> beneficiarios;
  std::optional<Decimal> inversion_aproximada;       // money, scale 2
  std::vector<std::string> partidas_presupuestales;  // as written: "2111", "21101"
  std::vector<Activity> activities;
  Origin origin;
  Diagnostics diagnostics;
};

// The parts of a Document written before its actions (JSON key order: fuente, ejercicio) and
// after them (avisos, no_reconocido), for exporters that take a document one action at a time.
// A Document is made of them (head, actions, tail), so a whole document hands its head and tail
// to the streaming calls by reference, without copying.
struct DocumentHead {
  SourceInfo source;
  std::optional<int> year;
};

struct DocumentTail {
  Diagnostics diagnostics;  // not tied to one action
  std::vector<UnrecognizedText> unrecognized;
};

// {source, year} + actions + {diagnostics, unrecognized}: the head and tail are base classes, so
// their fields read as the document's own (doc.source) and each is declared once.
struct Document : DocumentHead, DocumentTail {
  std::vector<Action> actions;

  DocumentHead& head() { return *this; }
  const DocumentHead& head() const { return *this; }
  DocumentTail& tail() { return *this; }
  const DocumentTail& tail() const { return *this; }

  // Every diagnostic, document-level first, then each action's, in order.
  [[nodiscard]] Diagnostics all_diagnostics() const;
};

}  // namespace poa
