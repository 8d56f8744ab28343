// Finds header blocks and activity tables in the cell-row intermediate, whatever the reader.
#pragma once

#include <memory>
#include <optional>

#include "model/cell_row.hpp"
#include "model/raw_action.hpp"

namespace poa::extractor {

class Recognizer;

// The recogniser as a stream: pulls rows from `reader` only as far as it needs to hand out the
// next action, so a long document never sits in memory whole. An action is complete only when
// the next header block (or a table of its own) begins or the input ends, because rows after a
// page break with no heading still belong to it.
class ActionStream {
 public:
  explicit ActionStream(RowReader& reader);
  ~ActionStream();
  ActionStream(const ActionStream&) = delete;
  ActionStream& operator=(const ActionStream&) = delete;

  // The next complete action, or nullopt at the end of the input. Throws what the reader throws,
  // and poa::InputError NOT_A_POA as soon as the input is plainly another kind of document (an
  // indicator report, page after page): the caller drops what it wrote of the input.
  std::optional<RawAction> next_action();

  // The year from the first POA title read so far. Once set it never changes, so a caller can
  // write it out before the actions as soon as it is known.
  const std::optional<RawField>& year() const;

  // The municipio a letterhead or title line names before the first action (the first one), or
  // nullopt. Settled once the first action has been handed out: a caller that writes it before
  // the actions holds back none.
  const std::optional<RawField>& municipio() const;

  // Everything but the actions: year, unrecognised text, document diagnostics. Call once, after
  // next_action() returned nullopt (std::logic_error otherwise). Throws poa::InputError NOT_A_POA,
  // with the reason, unless at least half of the actions showed a POA's structure (header labels
  // and an activity table headed ENE…DIC) and most of them carry data (extractor/poa_evidence.hpp).
  RawDocumentTail finish();

 private:
  std::unique_ptr<Recognizer> impl_;
};

// Pulls every row from `reader` and groups them into actions (ActionStream collected). Rows that
// no rule recognises are kept in RawDocument::unrecognized with their origin. Throws
// poa::InputError NOT_A_POA as ActionStream does.
RawDocument recognize(RowReader& reader);

}  // namespace poa::extractor
