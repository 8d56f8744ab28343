// Whether a document is a POA: the positive evidence its actions show (header labels and an
// activity table headed ENE…DIC), and the signs of what else it is, so a refusal can say why.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "model/cell_row.hpp"

namespace poa::extractor {

// The months a row names as column labels (ENE…DIC, Enero…, dotted, or the initials
// `E F M A M J J A S O N D`), bit m for month m: 0xFFF when the whole year heads one row.
// On a row read by OCR, one month name may be misread beyond recognition (`DICIEMBRE` read
// `ONIMADE`): when the row names the other eleven in order, in consecutive columns, that month is
// counted as named too.
std::uint16_t months_named(const CellRow& row);
inline constexpr std::uint16_t kWholeYear = 0xFFF;

// The month an OCR'd row's header leaves unnamed among eleven named in consecutive columns, and
// the column it must head (the gap between its neighbours, or the column past the end): nullopt
// on any other row, and always on rows not read by OCR.
struct MisreadMonth {
  int month = 0;
  int column = 0;
};
std::optional<MisreadMonth> misread_month(const CellRow& row);

// What one action showed of a POA's structure, as the recogniser closed it.
struct ActionEvidence {
  int labels = 0;           // distinct header fields named by a label in its header block
  int header_values = 0;    // header fields that got a value (labelled or placed)
  bool table = false;       // an activity-table column header was seen for it
  bool whole_year = false;  // one of its table's header rows names all twelve months
  int activities = 0;
  int named_activities = 0;  // activities whose ACTIVIDAD cell has text
};

// The thresholds, each read from the structure of a POA (the sample template and its variants).
struct EvidenceConfig {
  // A POA's header block names eleven fields; the sparsest fixture (labels missing) still names
  // nine. Three is well below that, and more than the two (`DEPENDENCIA`, `PARTIDA`) a budget
  // calendar or a letter shows by chance.
  int min_labels = 3;
  // An action without its table is a known gap (fixtures/unseen4/action_without_table), but
  // at least this share (percent) of the actions must show labels and an ENE…DIC table.
  int min_evidenced_percent = 50;
  // An action with no activity name and at most this many header values carries no data (a
  // blank template, or a table of some other kind that happened to match); a document whose
  // actions are more than this share (percent) of those is refused.
  int max_values_of_hollow_action = 1;
  int max_hollow_percent = 50;
  // A page with this many distinct indicator-report labels (Nivel del indicador, Resumen
  // narrativo, Método de cálculo, Frecuencia de medición…) is an indicator sheet (MIR).
  int mir_labels_per_sheet = 3;
  // After this many indicator sheets with no ENE…DIC table header yet, the document is refused
  // without reading further (a MIR report has one indicator per page, hundreds of pages).
  int mir_sheets_to_stop = 3;
  // A text whose non-blank lines are at least this share (percent) code-like, and at least
  // `min_code_lines` of them, is source code.
  int min_code_percent = 30;
  int min_code_lines = 5;
  // Markdown: headings other than a POA title, list items, fences, links; as for code.
  int min_markdown_percent = 10;
  int min_markdown_lines = 4;
  // JSON (poa's own output given back to it, a schema): most lines are `"key": …` or brackets.
  int min_json_percent = 60;
  // A CSV: most one-cell lines hold several comma- or semicolon-separated values.
  int min_csv_lines = 2;
  int min_csv_percent = 50;
};

// Gathers the evidence row by row (observe_row, before the recogniser handles the row) and
// action by action (observe_action, when an action is closed). Cheap on a POA: once an action
// has shown a POA's structure, rows are only counted, no longer inspected for other kinds.
class PoaEvidence {
 public:
  explicit PoaEvidence(SourceType type, EvidenceConfig config = {});

  // `title`: the recogniser's verdict on the row (its title rule), counted apart from the rows
  // of cells.
  void observe_row(const CellRow& row, bool title);
  void observe_action(const ActionEvidence& action);

  // A reason to refuse now, without reading the rest: only when no action has shown a POA's
  // structure and the document is plainly something else (an indicator report).
  std::optional<std::string> early_refusal() const;

  // At the end of the document: nullopt to accept, else the reason (Spanish, one clause, for
  // "no parece un POA: <reason>").
  std::optional<std::string> refusal() const;

 private:
  bool evidenced(const ActionEvidence& a) const;
  void close_page();
  std::optional<std::string> kind_of_document() const;
  std::string structural_reason() const;

  // The distinct signs of one kind of document seen so far, bit i for sign i of its list.
  struct Signs {
    std::uint32_t seen = 0;
    int count() const;
  };

  SourceType type_;
  EvidenceConfig config_;
  int actions_ = 0;
  int evidenced_ = 0;
  int hollow_ = 0;
  bool any_labels_ = false;          // some action named at least two header labels
  bool any_table_ = false;           // some action had an activity-table header
  bool any_whole_year_ = false;      // some row named ENE…DIC
  bool any_semester_ = false;        // some row named Ene–Jun or Jul–Dic alone
  bool months_in_one_cell_ = false;  // `ENE FEB … DIC` inside one cell (columns not split)
  // Indicator-report labels on the current page, and pages that were indicator sheets.
  Signs mir_page_;
  Signs mir_;
  int mir_sheets_ = 0;
  Signs sipot_;
  // Lines of a text dump, by what they look like.
  int lines_ = 0;
  int cell_rows_ = 0;
  int code_lines_ = 0;
  int json_lines_ = 0;      // `"key": …` or brackets alone
  int json_members_ = 0;    // `"key": …`
  int markdown_lines_ = 0;  // headings other than a POA title, list items, fences, links
  int csv_lines_ = 0;       // one cell holding several comma- or semicolon-separated values
  int titles_ = 0;
  std::string first_title_;
};

}  // namespace poa::extractor
