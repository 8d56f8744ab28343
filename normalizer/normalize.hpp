// RawDocument -> typed Document, plus the cross-checks that produce warnings.
#pragma once

#include "model/cell_row.hpp"
#include "model/document.hpp"
#include "model/raw_action.hpp"

namespace poa::normalizer {

// Types every field (INVALID_VALUE keeps the raw text in the diagnostic), then validates:
// MISSING_FIELD, MONTHLY_SUM_MISMATCH, INVESTMENT_SUM_MISMATCH, UNKNOWN_BUDGET_ITEM. Diagnostics
// already on the raw document and actions are carried over first. Never throws for content.
Document normalize(const RawDocument& raw, const SourceInfo& source);

}  // namespace poa::normalizer
