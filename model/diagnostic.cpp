// Names and formatting of diagnostics.
#include "model/diagnostic.hpp"

#include "model/os_error.hpp"

#include <cmath>
#include <utility>

namespace poa {

std::string_view code_name(DiagnosticCode code) {
  switch (code) {
    case DiagnosticCode::kMonthlySumMismatch: return "MONTHLY_SUM_MISMATCH";
    case DiagnosticCode::kInvestmentSumMismatch: return "INVESTMENT_SUM_MISMATCH";
    case DiagnosticCode::kMissingField: return "MISSING_FIELD";
    case DiagnosticCode::kInvalidValue: return "INVALID_VALUE";
    case DiagnosticCode::kOrphanRows: return "ORPHAN_ROWS";
    case DiagnosticCode::kUnrecognizedText: return "UNRECOGNIZED_TEXT";
    case DiagnosticCode::kInferredField: return "INFERRED_FIELD";
    case DiagnosticCode::kUnknownBudgetItem: return "UNKNOWN_BUDGET_ITEM";
    case DiagnosticCode::kEncodingDetected: return "ENCODING_DETECTED";
    case DiagnosticCode::kFileUnreadable: return "FILE_UNREADABLE";
    case DiagnosticCode::kNotAPoa: return "NOT_A_POA";
    case DiagnosticCode::kPdfEncrypted: return "PDF_ENCRYPTED";
    case DiagnosticCode::kPdfDamaged: return "PDF_DAMAGED";
    case DiagnosticCode::kPdfNoText: return "PDF_NO_TEXT";
    case DiagnosticCode::kPageFurnitureDropped: return "PAGE_FURNITURE_DROPPED";
    case DiagnosticCode::kSipotEmptyCells: return "SIPOT_EMPTY_CELLS";
    case DiagnosticCode::kSipotNotInCatalogue: return "SIPOT_NOT_IN_CATALOGUE";
    case DiagnosticCode::kSipotSkippedActivity: return "SIPOT_SKIPPED_ACTIVITY";
    case DiagnosticCode::kSipotDateOrder: return "SIPOT_DATE_ORDER";
    case DiagnosticCode::kSipotInvalidSetting: return "SIPOT_INVALID_SETTING";
    case DiagnosticCode::kSipotTemplateRefused: return "SIPOT_TEMPLATE_REFUSED";
    case DiagnosticCode::kSipotNoRecord: return "SIPOT_NO_RECORD";
    case DiagnosticCode::kSipotOtherMunicipio: return "SIPOT_OTHER_MUNICIPIO";
    case DiagnosticCode::kHiddenContentSkipped: return "HIDDEN_CONTENT_SKIPPED";
    case DiagnosticCode::kWorkbookRefused: return "WORKBOOK_REFUSED";
    case DiagnosticCode::kLowConfidence: return "LOW_CONFIDENCE";
  }
  return "UNKNOWN";
}

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::kInfo: return "info";
    case Severity::kWarning: return "advertencia";
    case Severity::kError: return "error";
  }
  return "error";
}

std::string format_origin(const Origin& o) {
  // A newline in a file name (or a workbook's sheet name) must not forge a second diagnostic line.
  std::string out = o.file.empty() ? std::string("<entrada>") : printable_name(o.file);
  // Appended piece by piece: `":p" + std::to_string(…)` inserts at the front of a temporary,
  // where gcc 12 at -O3 reports a false -Wrestrict.
  if (o.cell) {
    out += ':';
    out += printable_name(*o.cell);
  } else if (o.page) {
    out += ":p";
    out += std::to_string(*o.page);
    if (o.line) {
      out += ":l";
      out += std::to_string(*o.line);
    }
  } else if (o.line) {
    out += ':';
    out += std::to_string(*o.line);
  }
  return out;
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = format_origin(d.origin);
  out += ": ";
  out += severity_name(d.severity);
  out += ": ";
  out += d.message;
  if (!d.hint.empty()) out += " (" + d.hint + ")";
  out += " [";
  out += code_name(d.code);
  out += "]";
  return out;
}

InputError::InputError(Diagnostic d)
    : std::runtime_error(format_diagnostic(d)), diagnostic_(std::move(d)) {}

namespace diag {

Diagnostic make(DiagnosticCode code, Severity severity, std::string message, Origin origin,
                std::string text) {
  return Diagnostic{code, severity, std::move(message), std::move(origin), std::move(text), {}};
}

Diagnostic invalid_value(std::string_view field, std::string_view text, Origin origin,
                         std::string_view expected) {
  std::string msg = "valor no válido en «";
  msg += field;
  msg += "»: «";
  msg += text;
  msg += "»; se esperaba ";
  msg += expected;
  return make(DiagnosticCode::kInvalidValue, Severity::kWarning, std::move(msg), std::move(origin),
              std::string(text));
}

Diagnostic missing_field(std::string_view field, Origin origin) {
  std::string msg = "falta el campo «";
  msg += field;
  msg += "»";
  return make(DiagnosticCode::kMissingField, Severity::kWarning, std::move(msg), std::move(origin));
}

Diagnostic unrecognized_text(std::string_view text, Origin origin) {
  std::string msg = "texto no reconocido: «";
  msg += text;
  msg += "»";
  return make(DiagnosticCode::kUnrecognizedText, Severity::kWarning, std::move(msg),
              std::move(origin), std::string(text));
}

Diagnostic input_error(DiagnosticCode code, std::string message, Origin origin) {
  return make(code, Severity::kError, std::move(message), std::move(origin));
}

Diagnostic low_confidence(std::string_view field, std::string_view text, Origin origin,
                          double threshold, std::string_view why) {
  // Two decimals, locale-independent (snprintf with %.2f would follow LC_NUMERIC).
  auto two_decimals = [](double v) {
    const long hundredths = std::lround(v * 100);
    std::string s = std::to_string(hundredths / 100) + ".";
    s += static_cast<char>('0' + (hundredths % 100) / 10);
    s += static_cast<char>('0' + hundredths % 10);
    return s;
  };
  std::string msg = "valor leído por OCR con confianza baja en «";
  msg += field;
  msg += "»: «";
  msg += text;
  msg += "» (confianza ";
  msg += two_decimals(origin.confidence.value_or(0));
  msg += ", mínimo ";
  msg += two_decimals(threshold);
  msg += ")";
  if (!why.empty()) {
    msg += "; ";
    msg += why;
  }
  msg += "; revíselo en el documento";
  return make(DiagnosticCode::kLowConfidence, Severity::kWarning, std::move(msg), std::move(origin),
              std::string(text));
}

namespace {
// LOW_CONFIDENCE for a doubted value: `lead` says which kind of page it is on.
Diagnostic doubt(std::string_view lead, std::string_view field, std::string_view text,
                 Origin origin, std::string_view why) {
  const std::string_view parts[] = {
      lead, field, "»: «", text, "»; ", why, "; revíselo en el documento"};
  std::string msg;
  for (const std::string_view part : parts) msg += part;
  return make(DiagnosticCode::kLowConfidence, Severity::kWarning, std::move(msg), std::move(origin),
              std::string(text));
}
}  // namespace

Diagnostic ocr_doubt(std::string_view field, std::string_view text, Origin origin,
                     std::string_view why) {
  return doubt("valor dudoso de una página leída por OCR en «", field, text, std::move(origin),
               why);
}

Diagnostic layout_doubt(std::string_view field, std::string_view text, Origin origin,
                        std::string_view why) {
  return doubt("valor dudoso en «", field, text, std::move(origin), why);
}

}  // namespace diag
}  // namespace poa
