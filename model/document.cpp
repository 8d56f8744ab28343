// Field names of the raw model and document-wide helpers.
#include "model/document.hpp"

namespace poa {

const char* header_field_key(HeaderField f) {
  switch (f) {
    case HeaderField::kSecretaria:
      return "secretaria";
    case HeaderField::kNombre:
      return "nombre";
    case HeaderField::kBeneficiarios:
      return "beneficiarios";
    case HeaderField::kPrincipioRector:
      return "principio_rector";
    case HeaderField::kNumero:
      return "numero";
    case HeaderField::kMeta:
      return "meta";
    case HeaderField::kLineaEstrategica:
      return "linea_estrategica";
    case HeaderField::kInversion:
      return "inversion_aproximada";
    case HeaderField::kEstrategia:
      return "estrategia";
    case HeaderField::kProposito:
      return "proposito";
    case HeaderField::kPartidas:
      return "partidas_presupuestales";
  }
  return "";
}

const char* header_field_label(HeaderField f) {
  switch (f) {
    case HeaderField::kSecretaria:
      return "SECRETARÍA";
    case HeaderField::kNombre:
      return "NOMBRE DE LA ACCIÓN";
    case HeaderField::kBeneficiarios:
      return "BENEFICIARIOS";
    case HeaderField::kPrincipioRector:
      return "PRINCIPIO RECTOR";
    case HeaderField::kNumero:
      return "NÚMERO DE ACCIÓN";
    case HeaderField::kMeta:
      return "META";
    case HeaderField::kLineaEstrategica:
      return "LÍNEA ESTRATÉGICA";
    case HeaderField::kInversion:
      return "INVERSIÓN APROXIMADA";
    case HeaderField::kEstrategia:
      return "ESTRATEGIA";
    case HeaderField::kProposito:
      return "PROPÓSITO";
    case HeaderField::kPartidas:
      return "PARTIDA PRESUPUESTAL";
  }
  return "";
}

Diagnostics Document::all_diagnostics() const {
  Diagnostics out = diagnostics;
  for (const Action& a : actions) out.insert(out.end(), a.diagnostics.begin(), a.diagnostics.end());
  return out;
}

}  // namespace poa
