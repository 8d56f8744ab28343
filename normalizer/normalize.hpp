// RawDocument -> typed Document, plus the cross-checks that produce warnings; also one action at
// a time, for a document streamed through the pipeline.
#pragma once

#include <optional>

#include "model/cell_row.hpp"
#include "model/document.hpp"
#include "model/raw_action.hpp"
#include "normalizer/confidence.hpp"

namespace poa::normalizer {

// Types every field (INVALID_VALUE keeps the raw text in the diagnostic), then validates:
// MISSING_FIELD, MONTHLY_SUM_MISMATCH, INVESTMENT_SUM_MISMATCH, UNKNOWN_BUDGET_ITEM. Diagnostics
// already on the raw document and actions are carried over first. Never throws for content.
// The same as normalize_head + normalize_action for each action + normalize_tail.
Document normalize(const RawDocument& raw, const SourceInfo& source,
                   double min_confidence = kDefaultMinConfidence);

// One action with its own diagnostics (the raw action's first, then the checks'). An action
// needs nothing from the rest of the document, so it can be normalised as soon as it is read.
// Values read by OCR get LOW_CONFIDENCE under `min_confidence` (confidence.hpp).
Action normalize_action(const RawAction& raw, double min_confidence = kDefaultMinConfidence);

// fuente, ejercicio and municipio, from the year and the municipio the recogniser found (or
// none).
DocumentHead normalize_head(const std::optional<RawField>& year,
                            const std::optional<RawField>& municipio, const SourceInfo& source);

// The document-level diagnostics in their order (the recogniser's, ENCODING_DETECTED, the year's,
// UNRECOGNIZED_TEXT) and no_reconocido.
DocumentTail normalize_tail(const RawDocumentTail& raw, const SourceInfo& source);

}  // namespace poa::normalizer
