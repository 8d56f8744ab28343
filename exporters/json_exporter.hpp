// JSON output (the contract in schema/poa.schema.json), written with RapidJSON.
#pragma once

#include <memory>
#include <string>

#include "exporters/exporter.hpp"
#include "model/document.hpp"

namespace poa::exporters {

// The whole document as pretty-printed UTF-8 JSON (2-space indent, keys in contract order,
// numbers exact and locale-independent, a final newline).
std::string to_json(const Document& doc);

// Reads what to_json wrote back into a Document (for `poa pnt` on JSON inputs and round-trip
// tests). Throws poa::InputError (INVALID_VALUE) naming what is wrong when `json` is not a poa
// document of a schema_version it knows.
Document document_from_json(std::string_view json, const std::string& path);

// One `<stem>.json` per document in options.out_dir, or the document on stdout.
std::unique_ptr<Exporter> make_json_exporter(const ExportOptions& options);

}  // namespace poa::exporters
