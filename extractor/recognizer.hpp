// Finds header blocks and activity tables in the cell-row intermediate, whatever the reader.
#pragma once

#include "model/cell_row.hpp"
#include "model/raw_action.hpp"

namespace poa::extractor {

// Pulls every row from `reader` and groups them into actions. Rows that no rule recognises are
// kept in RawDocument::unrecognized with their origin. Throws poa::InputError NOT_A_POA when
// neither a header block nor an activity table was found.
RawDocument recognize(RowReader& reader);

}  // namespace poa::extractor
