// The typed POA the normaliser produces and every exporter writes. Field names follow the JSON
// output contract (schema/poa.schema.json); unknown values are nullopt, never "" or 0.
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
  Origin origen;
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
  std::vector<Activity> actividades;
  Origin origen;
  Diagnostics avisos;
};

// The parts of a Document written before its actions (JSON key order: fuente, ejercicio) and
// after them (avisos, no_reconocido), for exporters that take a document one action at a time.
// A Document is made of them (head, acciones, tail), so a whole document hands its head and tail
// to the streaming calls by reference, without copying.
struct DocumentHead {
  SourceInfo fuente;
  std::optional<int> ejercicio;
};

struct DocumentTail {
  Diagnostics avisos;  // not tied to one action
  std::vector<UnrecognizedText> no_reconocido;
};

// {fuente, ejercicio} + acciones + {avisos, no_reconocido}: the head and tail are base
// classes, so their fields are named as before (doc.fuente) and each is declared once.
struct Document : DocumentHead, DocumentTail {
  std::vector<Action> acciones;

  DocumentHead& head() { return *this; }
  const DocumentHead& head() const { return *this; }
  DocumentTail& tail() { return *this; }
  const DocumentTail& tail() const { return *this; }

  // Every diagnostic, document-level first, then each action's, in order.
  [[nodiscard]] Diagnostics all_diagnostics() const;
};

}  // namespace poa
