// The review report's own stylesheet and script, written beside its pages (the pages'
// Content-Security-Policy allows files of the report's own origin, and nothing inline).
#pragma once

namespace poa::exporters::html {

inline constexpr const char* kStylesheetName = "poa-revision.css";
inline constexpr const char* kScriptName = "poa-revision.js";

extern const char* const kStylesheet;
extern const char* const kScript;

}  // namespace poa::exporters::html
