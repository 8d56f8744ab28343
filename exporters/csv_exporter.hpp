// CSV output: acciones.csv, actividades.csv and partidas.csv for the whole batch (RFC 4180, UTF-8).
#pragma once

#include <memory>
#include <string>

#include "exporters/exporter.hpp"
#include "model/document.hpp"

namespace poa::exporters {

// The two tables for one document, as CSV text with header rows (for tests and stdout).
// (`raw`: text exactly as read; otherwise text a spreadsheet would run as a formula is defused.)
std::string acciones_csv(const Document& doc, bool with_header = true, bool raw = false);
std::string actividades_csv(const Document& doc, bool with_header = true, bool raw = false);
// One row per partida presupuestal of each action, with its CONAC genérica name.
std::string partidas_csv(const Document& doc, bool with_header = true, bool raw = false);

// begin() opens temporary acciones.csv, actividades.csv and partidas.csv in options.out_dir,
// write() appends a document's rows, finish() renames both into place. With to_stdout, actividades
// only.
std::unique_ptr<Exporter> make_csv_exporter(const ExportOptions& options);

}  // namespace poa::exporters
