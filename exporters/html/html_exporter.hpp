// The review report (`poa review`, `convert --format html`): OUTDIR/index.html and one page per
// document, static and self-contained (no network; opens from file://).
#pragma once

#include <memory>

#include "exporters/exporter.hpp"

namespace poa::exporters {

// Per document `<stem>.html` and, for a PDF, `<stem>-paginas/pNNNN.png` (each page an action's
// values are on, rendered once at 110 dpi); at finish() index.html, poa-revision.css and
// poa-revision.js. Every file is written under a temporary name and renamed; a document refused
// part-way leaves no page and no image. Throws std::invalid_argument for `to_stdout`.
std::unique_ptr<Exporter> make_html_exporter(const ExportOptions& options);

}  // namespace poa::exporters
