// What the recogniser hands the normaliser: each field's raw text and where it came from.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "model/cell_row.hpp"
#include "model/diagnostic.hpp"

namespace poa {

// The header-block fields of an acción, in the order the usual template shows them.
enum class HeaderField {
  kSecretaria,
  kNombre,
  kBeneficiarios,
  kPrincipioRector,
  kNumero,
  kMeta,
  kLineaEstrategica,
  kInversion,
  kEstrategia,
  kProposito,
  kPartidas,
};
inline constexpr int kHeaderFieldCount = 11;

// The JSON key of a header field ("secretaria", "numero", …) and the label as printed
// ("SECRETARÍA", "NÚMERO DE ACCIÓN", …) for messages.
const char* header_field_key(HeaderField f);
const char* header_field_label(HeaderField f);

// A raw value: text joined from one or more cells (wrapped lines joined by a space).
struct RawField {
  std::string text;
  Origin origin;
  bool inferred = false;  // no label named it: placed by position and value type
  // Laid-out pages only: the union of the boxes of the cells the text was joined from, all on
  // the origin's page (a cell on another page adds its text but not its box).
  std::optional<Box> box;
  // Why the layout doubts the text, in Spanish (on a page read by OCR: a line of its cell was
  // left over, so the text may be cut; on any page: it may hold a lost field's value); empty
  // when it does not.
  std::string doubt;

  friend bool operator==(const RawField&, const RawField&) = default;
};

// One row of an activity table; each cell's raw text, or nullopt when the cell is empty.
struct RawActivity {
  std::optional<RawField> actividad;
  std::optional<RawField> area_responsable;
  std::optional<RawField> unidad_medida;
  std::optional<RawField> inversion;
  std::optional<RawField> indicador;
  std::optional<RawField> programacion_anual;
  std::array<std::optional<RawField>, 12> meses;
  Origin origin;        // the row's first line
  bool orphan = false;  // came after a page break with no heading: attached to this action

  friend bool operator==(const RawActivity&, const RawActivity&) = default;
};

struct RawAction {
  std::array<std::optional<RawField>, kHeaderFieldCount> fields;  // indexed by HeaderField
  std::vector<RawActivity> activities;
  Origin origin;            // the first line of the header block
  Diagnostics diagnostics;  // found while recognising this action (ORPHAN_ROWS, …)

  std::optional<RawField>& field(HeaderField f) { return fields[static_cast<int>(f)]; }
  const std::optional<RawField>& field(HeaderField f) const { return fields[static_cast<int>(f)]; }
};

struct UnrecognizedText {
  std::string text;
  Origin origin;

  friend bool operator==(const UnrecognizedText&, const UnrecognizedText&) = default;
};

// What is known of a document once its last action has been handed out (the streaming
// recogniser's finish()): everything of a RawDocument but the actions.
struct RawDocumentTail {
  std::optional<RawField> year;
  // The municipio a letterhead or the title names above the first action (labels.hpp
  // municipio_of): the name alone, as written.
  std::optional<RawField> municipio;
  std::vector<UnrecognizedText> unrecognized;
  DroppedLines furniture;   // page numbers the recogniser left out (a tab dump's `Página 2 de 5`)
  Diagnostics diagnostics;  // not tied to one action
};

// A whole recognised document: the actions and the tail (year, from the title, e.g. "2022";
// unrecognised text; document-level diagnostics), the tail's fields declared once.
struct RawDocument : RawDocumentTail {
  std::vector<RawAction> actions;

  RawDocumentTail& tail() { return *this; }
  const RawDocumentTail& tail() const { return *this; }
};

}  // namespace poa
