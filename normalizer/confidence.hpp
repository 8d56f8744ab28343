// Values read by OCR: their confidence onto the typed action, and LOW_CONFIDENCE where it is under
// the threshold or where the document's own arithmetic points at a value.
#pragma once

#include "model/document.hpp"
#include "model/raw_action.hpp"

namespace poa::normalizer {

// `--ocr-min-confidence`'s default: Tesseract's LSTM gives well-printed words 0.9 and more.
inline constexpr double kDefaultMinConfidence = 0.85;

// Sets action.origen / each activity's origen confidence to its least sure field, and appends
// LOW_CONFIDENCE to action.avisos: for each field under `min_confidence` (except numbers that
// their row's or action's sum confirms), and for the least sure number of a row whose months do
// not add up to its annual figure, or of an action whose investments do not add up. Does nothing
// for values not read by OCR. `action` is `raw` normalised (its activities in the same order).
void check_confidence(const RawAction& raw, Action& action, double min_confidence);

}  // namespace poa::normalizer
