// Checks of SIPOT tables before upload: the settings' date rules and the cells left empty, why.
#pragma once

#include <vector>

#include "exporters/pnt/pnt_export.hpp"
#include "exporters/pnt/pnt_model.hpp"
#include "exporters/pnt/xlsx_template.hpp"
#include "model/diagnostic.hpp"
#include "model/document.hpp"

namespace poa::exporters::pnt {

// SIPOT's order of the dates the settings give: inicio ≤ término ≤ actualización ≤ validación,
// and, with `ejercicio` set, a period inside that year. One SIPOT_DATE_ORDER error per broken
// rule (only rules whose dates are both set); empty when the dates are in order.
Diagnostics check_dates(const Settings& settings);

// The period set (inicio or término) against each document's own year, when `ejercicio` is not
// set: a SIPOT_DATE_ORDER warning per document whose year is not the period's.
Diagnostics check_period_year(const Settings& settings, const std::vector<Document>& docs);

// One SIPOT_EMPTY_CELLS diagnostic per template column (main sheet, then each sub-table) with
// an empty cell in some row: how many of how many rows, which sheet rows (as ranges: `8–10,
// 12`), and why (the setting to give, or what the POA lacks). Columns a POA can never fill
// (Metas ajustadas, Avance: a POA has what is programmed, not what was done) are info; every
// other gap is a warning. A sheet with no rows reports nothing.
Diagnostics check_gaps(const TemplateLayout& layout, const BoundTables& bound,
                       const Settings& settings);

}  // namespace poa::exporters::pnt
