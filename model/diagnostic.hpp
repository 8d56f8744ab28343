// The one Diagnostic type every stage reports with: a code, a severity, a message and an origin.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace poa {

// Where something came from. Text dumps have no pages (page is empty); PDFs have both a page
// and a line counted within that page. Columns are 1-based cell indexes when known. Workbooks
// name the cell too: `cell` is "Hoja1!C7" (line is then the sheet's row, 7).
struct Origin {
  std::string file;
  std::optional<int> page;
  std::optional<int> line;
  std::optional<int> column;
  std::optional<std::string> cell;
  // Values read by OCR only: how sure the OCR was, 0..1 (the least sure of the words read).
  std::optional<double> confidence;

  friend bool operator==(const Origin&, const Origin&) = default;
};

enum class Severity { kInfo, kWarning, kError };

// Stable codes: other tools read them from the JSON, so only ever add to this list and keep
// `kAllDiagnosticCodes` in step (a test checks every code has a fixture that triggers it).
enum class DiagnosticCode {
  // Content warnings (the document is still converted).
  kMonthlySumMismatch,     // annual programme != sum of the months, or annual missing
  kInvestmentSumMismatch,  // action investment != sum of its activities' investments
  kMissingField,           // a header field or activity cell that should be there is not
  kInvalidValue,           // a value that does not parse as its field's type; raw text kept
  kOrphanRows,             // activity rows after a page break with no heading of their own
  kUnrecognizedText,       // text no rule recognised; kept in `no_reconocido`
  kInferredField,          // a label was missing and the field was inferred from position/type
  kUnknownBudgetItem,      // a partida whose genérica is not in CONAC's catalogue
  kEncodingDetected,       // the input was not UTF-8 and was converted
  // Input errors: the file is refused as a whole.
  kFileUnreadable,   // cannot open or read
  kNotAPoa,          // no POA header block or activity table found
  kPdfEncrypted,     // encrypted and no (or a wrong) password
  kPdfDamaged,       // not a loadable PDF
  kPdfNoText,        // no text layer (a scan) that OCR could read
  // Added later (the list only grows).
  kPageFurnitureDropped,  // info: page numbers, running headers/footers left out of the rows
  // `poa pnt` only: the SIPOT tables checked before upload (never in a document's JSON).
  kSipotEmptyCells,       // a template column left empty in some or all rows; the reason given
  kSipotNotInCatalogue,   // a value not in its column's catalogue: the cell is left empty
  kSipotSkippedActivity,  // an activity that gives no record or sub-table row
  kSipotDateOrder,        // the settings' dates break SIPOT's order (inicio ≤ término ≤ …)
  kSipotInvalidSetting,   // a settings file or option that cannot be taken
  kSipotTemplateRefused,  // the template cannot be read or is not of the fracción
  kSipotNoRecord,         // nothing to upload
  kSipotOtherMunicipio,   // an input of another municipio than the upload's
  // Workbooks (issue 14).
  kHiddenContentSkipped,  // info: a workbook's hidden rows, columns or sheets were not read
  kWorkbookRefused,       // error: a workbook not read on purpose: macros, encryption, .xls
  // OCR (issue 8).
  kLowConfidence,  // a value read by OCR under the threshold, or one the layout doubts
};

inline constexpr DiagnosticCode kAllDiagnosticCodes[] = {
    DiagnosticCode::kMonthlySumMismatch, DiagnosticCode::kInvestmentSumMismatch,
    DiagnosticCode::kMissingField,       DiagnosticCode::kInvalidValue,
    DiagnosticCode::kOrphanRows,         DiagnosticCode::kUnrecognizedText,
    DiagnosticCode::kInferredField,      DiagnosticCode::kUnknownBudgetItem,
    DiagnosticCode::kEncodingDetected,   DiagnosticCode::kFileUnreadable,
    DiagnosticCode::kNotAPoa,            DiagnosticCode::kPdfEncrypted,
    DiagnosticCode::kPdfDamaged,         DiagnosticCode::kPdfNoText,
    DiagnosticCode::kPageFurnitureDropped, DiagnosticCode::kHiddenContentSkipped,
    DiagnosticCode::kWorkbookRefused,      DiagnosticCode::kLowConfidence,
};

// The codes only `poa pnt` reports (a test checks each is triggered by a case of its own).
inline constexpr DiagnosticCode kSipotDiagnosticCodes[] = {
    DiagnosticCode::kSipotEmptyCells,      DiagnosticCode::kSipotNotInCatalogue,
    DiagnosticCode::kSipotSkippedActivity, DiagnosticCode::kSipotDateOrder,
    DiagnosticCode::kSipotInvalidSetting,  DiagnosticCode::kSipotTemplateRefused,
    DiagnosticCode::kSipotNoRecord,        DiagnosticCode::kSipotOtherMunicipio,
};

// "MONTHLY_SUM_MISMATCH", … : the spelling used in JSON and on stderr.
std::string_view code_name(DiagnosticCode code);
// "info", "advertencia", "error": the spelling used in JSON and on stderr.
std::string_view severity_name(Severity severity);

struct Diagnostic {
  DiagnosticCode code{};
  Severity severity = Severity::kWarning;
  std::string message;  // Spanish, one sentence, says what was expected
  Origin origin;
  std::string text;  // the offending text, if any
  std::string hint;  // "did you mean…", if useful

  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

// One line for stderr, e.g. `sample.txt:58: advertencia: … [MONTHLY_SUM_MISMATCH]`,
// `poa.pdf:p3:l12: error: …` or `poa.xlsx:Hoja1!C7: …`.
std::string format_diagnostic(const Diagnostic& d);
// `sample.txt:58` / `poa.pdf:p3:l12` / `poa.xlsx:Hoja1!C7` / `poa.pdf`.
std::string format_origin(const Origin& o);

// Thrown when a whole input must be refused (cannot open, not a POA, encrypted…). Stages
// report everything else as Diagnostics and carry on.
class InputError : public std::runtime_error {
 public:
  explicit InputError(Diagnostic d);
  const Diagnostic& diagnostic() const { return diagnostic_; }

 private:
  Diagnostic diagnostic_;
};

// Named constructors keep the wording consistent across stages.
namespace diag {
Diagnostic make(DiagnosticCode code, Severity severity, std::string message, Origin origin,
                std::string text = {});
Diagnostic invalid_value(std::string_view field, std::string_view text, Origin origin,
                         std::string_view expected);
Diagnostic missing_field(std::string_view field, Origin origin);
Diagnostic unrecognized_text(std::string_view text, Origin origin);
Diagnostic input_error(DiagnosticCode code, std::string message, Origin origin);
// LOW_CONFIDENCE: `field` read by OCR as `text` with origin.confidence under `threshold`; `why`
// (may be empty) adds what else points at it, e.g. a sum that does not add up.
Diagnostic low_confidence(std::string_view field, std::string_view text, Origin origin,
                          double threshold, std::string_view why = {});
// LOW_CONFIDENCE for a value of a page read by OCR that the layout lost or that does not fit its
// field (an empty cell of a column every row fills, money that does not parse): `why` says which.
// `text` is what was read, empty when nothing was.
Diagnostic ocr_doubt(std::string_view field, std::string_view text, Origin origin,
                     std::string_view why);
// LOW_CONFIDENCE for a value of a born-digital page whose text is sure but whose place the reader
// doubts (a field that may hold the value of one whose label is missing): `why` says why.
Diagnostic layout_doubt(std::string_view field, std::string_view text, Origin origin,
                        std::string_view why);
}  // namespace diag

using Diagnostics = std::vector<Diagnostic>;

}  // namespace poa
