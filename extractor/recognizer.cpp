// The recogniser: header blocks and activity tables out of cell rows, for every reader.
//
// It is a small state machine over the rows. A row holding header labels opens (or extends) a
// header block; the block's rows are kept and resolved when the activity table's column header
// arrives, so values can be matched to labels by column with the whole block in view. Table
// rows become activities by the columns the column header gave. Rows that follow a page break
// with no heading of their own are attached to the preceding action and reported.
#include "extractor/recognizer.hpp"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "extractor/labels.hpp"
#include "extractor/poa_evidence.hpp"
#include "extractor/sheet_reader.hpp"
#include "text/unicode.hpp"
#include "text/values.hpp"

namespace poa::extractor {
namespace {

// A value joined from several cells is as sure as its least sure part (OCR'd pages only).
void join_confidence(Origin& into, const std::optional<double>& part) {
  if (part && (!into.confidence || *part < *into.confidence)) into.confidence = part;
}

// Canonical template grid, row by row: which fields share a label row. Used to guess a field
// whose label is missing from the labels that are present beside it.
constexpr int kCanonicalGroup[kHeaderFieldCount] = {
    0, 0, 0,  // SECRETARÍA, NOMBRE DE LA ACCIÓN, BENEFICIARIOS
    1, 1, 1,  // PRINCIPIO RECTOR, NÚMERO DE ACCIÓN, META
    2, 2,     // LÍNEA ESTRATÉGICA, INVERSIÓN APROXIMADA
    3, 3, 3,  // ESTRATEGIA, PROPÓSITO, PARTIDA PRESUPUESTAL
};

// The parts of the one classifier (labels.hpp) that the recogniser asks for one at a time; a
// cell read by OCR (it has a confidence) is matched tolerantly.
std::optional<LabelMatch> header_label(const Cell& cell) {
  return classify_cell(cell.text, {.column = false, .ocr = cell.confidence.has_value()}).header;
}
std::optional<ColumnRole> column_label(std::string_view text, bool ocr) {
  return classify_cell(text, {.header = false, .ocr = ocr}).column;
}
std::optional<ColumnRole> column_label(const Cell& cell) {
  return column_label(cell.text, cell.confidence.has_value());
}

// How a column's label is printed, for messages.
const char* column_title(ColumnRole role) {
  static constexpr const char* kMonths[12] = {"ENE", "FEB", "MAR", "ABR", "MAY", "JUN",
                                              "JUL", "AGO", "SEP", "OCT", "NOV", "DIC"};
  if (const std::optional<int> m = month_of(role)) return kMonths[*m];
  switch (role) {
    case ColumnRole::kActividad:
      return "ACTIVIDAD";
    case ColumnRole::kArea:
      return "ÁREA RESPONSABLE";
    case ColumnRole::kUnidad:
      return "UNIDAD DE MEDIDA";
    case ColumnRole::kInversion:
      return "INVERSIÓN";
    case ColumnRole::kIndicador:
      return "INDICADOR";
    case ColumnRole::kAnual:
      return "PROGRAMACIÓN ANUAL";
    case ColumnRole::kMensual:
      return "PROGRAMACIÓN MENSUAL";
    default:
      return "columna";
  }
}

// Titles, the recogniser's one rule for every reader: a line the text marks as a heading (a
// dump's `## …`), a one-cell row naming the plan (handle_cells), or a line a laid-out page
// cut whole that stands out (centred, bold, set larger, or indented alone on a character grid)
// and names the plan or stands above the page's labels (RowLayout). The first two kinds are
// read here, before any other rule: a row set apart from the page is no table header and no
// lone label waiting for the row below.
bool is_set_apart_title(const CellRow& row) {
  if (row.kind == RowKind::kTitle) return true;
  if (row.cells.size() != 1 || !row.layout || !row.layout->stands_out()) return false;
  return row.layout->above_labels ||
         classify_cell(row.cells[0].text, {.header = false, .column = false, .title = true}).title;
}

int group_of(HeaderField f) {
  return kCanonicalGroup[static_cast<int>(f)];
}

// `3`, `3.`, `3)`, `#3`, `No. 3`: what a column numbering the rows holds.
bool is_row_number(const std::string& text) {
  return text::parse_integer(text).has_value() ||
         text::is_digits(std::string_view(text).substr(0, text.find_last_not_of(".)-") + 1));
}

// What kind of value a cell holds, for placing values whose label is missing.
bool could_be(HeaderField field, const std::string& text) {
  const std::string clean = text::normalize_text(text);
  switch (field) {
    case HeaderField::kNumero:
      return text::is_digits(clean) && clean.size() <= 4;
    case HeaderField::kInversion:
      // Money: a currency sign, or grouping/decimals that a bare count would not have.
      return text::parse_money(clean).has_value() && !text::is_digits(clean) && clean != "-" &&
             clean != "–" && clean != "—";
    case HeaderField::kPartidas: {
      const auto items = text::parse_partidas(clean);
      return items.has_value() && !items->empty() &&
             std::all_of(items->begin(), items->end(),
                         [](const std::string& s) { return s.size() >= 4; });
    }
    case HeaderField::kBeneficiarios:
      return !text::is_digits(clean) && text::parse_beneficiaries(clean).has_value();
    case HeaderField::kLineaEstrategica:
    case HeaderField::kEstrategia: {
      const CodedText coded = text::parse_coded_text(clean);
      if (!coded.codigo) return false;
      const auto depth = std::count(coded.codigo->begin(), coded.codigo->end(), '.');
      return field == HeaderField::kEstrategia ? depth >= 2 : depth <= 1;
    }
    default:
      return false;  // free text fields cannot be told apart by their type
  }
}

// Why a value whose cell holds ink the OCR could not read (kUnreadInk) is doubted.
constexpr std::string_view kUnreadInkDoubt =
    "la celda tiene tinta que el OCR no pudo leer (tinta sin leer): el valor puede faltar";

// A raw field read from one cell, with the cell's box when the reader laid the page out. Ink the
// OCR could not read is no text, and the field says so.
RawField field_from(const std::string& text, const Origin& origin, const std::optional<Box>& box,
                    bool inferred = false) {
  if (text == kUnreadInk) return RawField{{}, origin, inferred, box, std::string(kUnreadInkDoubt)};
  return RawField{text, origin, inferred, box};
}

// More text for a field (a wrapped line, a cell split in two); its box grows to cover the cell
// when the cell is on the field's page. A cell merged over rows that a page break cuts is drawn
// again from its start on the next page (Calc, sweep seeds 26, 156): text on a later page that
// begins with all of the field's text repeats it, and so do lines there that add up to all of
// it, one at a time (seed 156: the field then reads its text twice).
void extend_field(RawField& field, const std::string& text, const Origin& origin,
                  const std::optional<Box>& box) {
  if (text == kUnreadInk) {
    if (field.doubt.empty()) field.doubt = kUnreadInkDoubt;
  } else if (origin.page != field.origin.page && !field.text.empty() &&
             text.starts_with(field.text)) {
    field.text = text;
  } else {
    if (!field.text.empty()) field.text += ' ';
    field.text += text;
    const std::size_t half = field.text.size() / 2;
    if (origin.page != field.origin.page && field.text.size() % 2 == 1 && field.text[half] == ' ' &&
        field.text.compare(0, half, field.text, half + 1, half) == 0) {
      field.text.resize(half);
    }
  }
  if (!box || origin.page != field.origin.page) return;
  if (!field.box) {
    field.box = box;
    return;
  }
  field.box = Box{std::min(field.box->x0, box->x0), std::min(field.box->y0, box->y0),
                  std::max(field.box->x1, box->x1), std::max(field.box->y1, box->y1)};
}

struct BlockCell {
  Cell cell;
  Origin origin;
  std::optional<LabelMatch> label;
};

struct BlockRow {
  std::vector<BlockCell> cells;
  bool has_label = false;
  bool after_break = false;  // the first row after a page break
};

// A label in force: the column it sits at and the field it names.
struct ActiveLabel {
  int column;
  HeaderField field;
  std::optional<Box> box;  // the label cell's, when the reader laid the page out
  int span = 1;            // grid columns the label cell covers (a workbook's merged cell)
};

// How far from a value (in lines of the leftover's height) a leftover line of the header block
// may lie and still be taken for a piece of it.
constexpr double kStrayReachLines = 3;
// Two OCR'd cells are one line cut in two when they share this much of their height and lie
// less than this share of it apart (a word's space is about a third of the line's height).
constexpr double kSplitLineShare = 0.6, kSplitLineGap = 0.6;
// A one-word cell this many times as tall as its line's others was read out of scale.
constexpr double kOutOfScale = 1.6;

class HeaderBlockResolver {
 public:
  explicit HeaderBlockResolver(RawAction& action, std::vector<UnrecognizedText>& unrecognized)
      : action_(action), unrecognized_(unrecognized) {}

  void resolve(const std::vector<BlockRow>& rows) {
    for (const BlockRow& row : rows) {
      if (row.has_label) {
        resolve_label_row(row);
      } else {
        resolve_value_row(row.cells);
      }
    }
    place_extras();
  }

 private:
  void resolve_label_row(const BlockRow& row) {
    std::vector<ActiveLabel> new_labels;
    std::vector<BlockCell> for_previous_layer;
    const BlockCell* left_label = nullptr;  // the label cell just left of the current cell
    for (const BlockCell& bc : row.cells) {
      if (bc.label) {
        labelled_.insert(bc.label->field);
        labels_at_[bc.cell.column] = bc.label->field;
        if (bc.label->value.empty()) bare_label_columns_.insert(bc.cell.column);
        merged_columns_.erase(bc.cell.column);
        if (!bc.label->value.empty())
          add_value(bc.label->field, bc.label->value, bc.origin, bc.cell.box, false);
        new_labels.push_back({bc.cell.column, bc.label->field, bc.cell.box, bc.cell.span});
        left_label = &bc;
        continue;
      }
      if (left_label != nullptr && !awaits_value_at(bc.cell.column) && !continues_value_at(bc) &&
          fits_beside(left_label->label->field, bc.cell.text)) {
        // A value beside its label on the label row (`PROPÓSITO | Establecer…`).
        add_value(left_label->label->field, bc.cell.text, bc.origin, bc.cell.box, false);
        beside_.insert(left_label->label->field);
        left_label = nullptr;
      } else {
        for_previous_layer.push_back(bc);
      }
    }
    if (!for_previous_layer.empty()) {
      // A row that carries values for the labels above and new labels at once: the new labels
      // join the layer in force instead of replacing it.
      resolve_value_row(for_previous_layer);
      for (const ActiveLabel& l : new_labels) {
        std::erase_if(active_, [&](const ActiveLabel& a) { return a.column == l.column; });
        active_.push_back(l);
      }
    } else {
      active_ = new_labels;
    }
    std::sort(active_.begin(), active_.end(),
              [](const ActiveLabel& a, const ActiveLabel& b) { return a.column < b.column; });
  }

  // Each value goes to the label whose column range holds it: a label owns the columns from its
  // own to the next label's. Within one range the cell nearest the label's column wins; any
  // other is a value whose own label is missing.
  void resolve_value_row(const std::vector<BlockCell>& cells) {
    // Label cells merged one column off their values (every value one column left of a label,
    // none under one) belong to the label beside them, not to the range on their left.
    // A pattern needs two values: one alone left of a label's column is as likely a value
    // whose own label is missing (sweep seed 204: META's, left of BENEFICIARIOS).
    const bool shifted =
        cells.size() >= 2 && std::all_of(cells.begin(), cells.end(), [&](const BlockCell& bc) {
          return label_at(bc.cell.column + 1) && !label_at(bc.cell.column);
        });
    std::map<std::size_t, std::vector<const BlockCell*>> by_owner;
    for (const BlockCell& bc : cells) {
      const std::optional<std::size_t> owner =
          shifted ? label_at(bc.cell.column + 1) : owner_of(bc.cell.column);
      if (!owner) {
        extras_.push_back({bc, -1, std::nullopt, false});
        continue;
      }
      const ActiveLabel& label = active_[*owner];
      if (!shifted && label_missing_at(bc.cell.column) && !awaits_here(label, bc)) {
        // The label row in force leaves empty a column that held a label cell in an earlier
        // row, and no label in force awaits a value there: that column's label cell is missing
        // (sweep seeds 99, 143, 241). The value is placed by type, or as the one free-text
        // field left without a label; the lines below it in that column stay with it; when
        // nothing fits it continues the label above the column.
        extras_.push_back({bc, group_of(label.field), labels_at_.at(bc.cell.column), true});
        continue;
      }
      const std::optional<bool> keep = misplaced(label, bc);
      const bool text_value = is_free_text(label.field) ||
                              label.field == HeaderField::kLineaEstrategica ||
                              label.field == HeaderField::kEstrategia;
      if (!shifted && !keep && beside_.count(label.field) && text_value) {
        // A later row in the range of a value given beside its label: a wrapped line of it,
        // or the value of a label left empty (sweep seeds 8, 71); told apart at the end.
        after_beside_.push_back({bc, group_of(label.field), label.field, true});
        continue;
      }
      if (!shifted && label.column != bc.cell.column) {
        // A value merged over several rows under its label and aligned to their top or bottom
        // lands on a later value row, beside the values of the labels in force (sweep seed
        // 117: META's value on LÍNEA's value row, right of INVERSIÓN's).
        const auto above = labels_at_.find(bc.cell.column);
        if (!label_at(bc.cell.column) && above != labels_at_.end() &&
            (!action_.field(above->second) || merged_columns_.count(bc.cell.column))) {
          add_value(above->second, bc.cell.text, bc.origin, bc.cell.box, false);
          merged_columns_.insert(bc.cell.column);  // its next lines, in this column, follow it
          continue;
        }
      }
      // (Beside labels shifted one column, every value is off its label's column: only a
      // typed line after the label's value is misplaced there, sweep seed 127.)
      if (keep && (!shifted || *keep)) {
        // Placed once the block is read; when no field fits, it is the owner's value as before.
        extras_.push_back({bc, group_of(label.field), label.field, *keep});
        continue;
      }
      by_owner[*owner].push_back(&bc);
    }
    for (auto& [index, owned] : by_owner) {
      const ActiveLabel& label = active_[index];
      join_split_lines(owned);
      std::size_t best = 0;
      for (std::size_t i = 1; i < owned.size(); ++i) {
        if (std::abs(owned[i]->cell.column - label.column) <
            std::abs(owned[best]->cell.column - label.column)) {
          best = i;
        }
      }
      add_value(label.field, owned[best]->cell.text, owned[best]->origin, owned[best]->cell.box,
                false);
      if (read_out_of_scale(*owned[best], cells)) {
        action_.field(label.field)->doubt =
            "la palabra «" + text::normalize_text(owned[best]->cell.text) +
            "» se leyó mucho más alta que su línea: el OCR pudo juntarle o perderle signos";
      }
      for (std::size_t i = 0; i < owned.size(); ++i) {
        if (i != best) extras_.push_back({*owned[i], group_of(label.field), std::nullopt, false});
      }
    }
  }

  // On a page read by OCR, one line of a value may come cut in two cells at a column border the
  // layout guessed (`… en colonias` | `y comunidades`): cells of one owner on one line, a word's
  // space apart, are one value. Joined into the first, in reading order.
  void join_split_lines(std::vector<const BlockCell*>& owned) {
    std::sort(owned.begin(), owned.end(), [](const BlockCell* a, const BlockCell* b) {
      return a->cell.column < b->cell.column;
    });
    for (std::size_t i = 0; i + 1 < owned.size();) {
      const Cell& left = owned[i]->cell;
      const Cell& right = owned[i + 1]->cell;
      if (!split_line(left, right)) {
        ++i;
        continue;
      }
      joined_.push_back(*owned[i]);
      BlockCell& into = joined_.back();
      into.cell.text += ' ';
      into.cell.text += right.text;
      const Box& a = *left.box;
      const Box& b = *right.box;
      into.cell.box = Box{std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1),
                          std::max(a.y1, b.y1)};
      if (right.confidence && *right.confidence < *into.cell.confidence)
        into.cell.confidence = right.confidence;
      join_confidence(into.origin, right.confidence);
      owned[i] = &into;
      owned.erase(owned.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    }
  }

  // An OCR'd word alone in its cell whose box is far taller than the other cells of its line:
  // Tesseract sized it by something else it took in (a mark, a stroke) and may have swallowed or
  // lost a sign at its end (`domicilio.` read `domicilio`).
  static bool read_out_of_scale(const BlockCell& bc, const std::vector<BlockCell>& line) {
    const Cell& c = bc.cell;
    if (!c.confidence || !c.box || c.text.find(' ') != std::string::npos) return false;
    std::optional<double> others;
    for (const BlockCell& o : line) {
      if (&o == &bc || !o.cell.box || !o.cell.confidence) continue;
      const double h = o.cell.box->y1 - o.cell.box->y0;
      if (!others || h < *others) others = h;
    }
    return others && *others > 0 && c.box->y1 - c.box->y0 > kOutOfScale * *others;
  }

  static bool split_line(const Cell& left, const Cell& right) {
    if (!left.confidence || !right.confidence || !left.box || !right.box) return false;
    const Box& a = *left.box;
    const Box& b = *right.box;
    const double height = std::min(a.y1 - a.y0, b.y1 - b.y0);
    const double shared = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
    const double gap = b.x0 - a.x1;
    return height > 0 && shared > kSplitLineShare * height && gap >= 0 &&
           gap < kSplitLineGap * height;
  }

  // A cell in a label's range that is not that label's value, but one whose label cell was
  // left empty (sweep seeds 2 and 7 of fixtures/tools/calc_sweep.py). nullopt: not misplaced;
  // false: right of a typed label's column yet not of its type (META's text, vertically
  // centred on a line of its own right of NÚMERO DE ACCIÓN), the owner's only while it has no
  // value; true: a line that reads wholly as the value of another typed field after the
  // label's value (`M 6,215 H 5,830` under NOMBRE's), the owner's when no field fits.
  std::optional<bool> misplaced(const ActiveLabel& label, const BlockCell& bc) const {
    const HeaderField f = label.field;
    if (is_typed(f) && bc.cell.column != label.column && !could_be(f, bc.cell.text)) return false;
    if (!action_.field(f)) return std::nullopt;
    for (const HeaderField other :
         {HeaderField::kBeneficiarios, HeaderField::kInversion, HeaderField::kPartidas}) {
      if (other != f && !action_.field(other) && could_be(other, bc.cell.text)) return true;
    }
    return std::nullopt;
  }

  // The label in force right above `column` still has no value: a cell there on a later label
  // row is that label's merged value, centred beside the next labels of the other columns
  // (META over three rows beside LÍNEA ESTRATÉGICA | INVERSIÓN), not the value of the label on
  // its left.
  bool awaits_value_at(int column) const {
    const std::optional<std::size_t> above = label_at(column);
    return above && !action_.field(active_[*above].field);
  }

  // On a page read by OCR, a line on a label row right under a free-text label in force that
  // has its value already is the next line of that value, wrapped beside the new labels (META's
  // lines running down beside LÍNEA ESTRATÉGICA | INVERSIÓN APROXIMADA), not a value of the label
  // on its left. (Born-digital forms put a value beside its label there: PROPÓSITO | Establecer.)
  bool continues_value_at(const BlockCell& bc) const {
    if (!bc.origin.confidence) return false;
    const std::optional<std::size_t> above = label_at(bc.cell.column);
    if (!above) return false;
    const HeaderField f = active_[*above].field;
    return is_free_text(f) && action_.field(f).has_value();
  }

  // A typed label (NÚMERO, INVERSIÓN, PARTIDA, BENEFICIARIOS) takes beside it only a value of its
  // type: other text there is the next line of a value above, or the value of a label left
  // empty (sweep seed 99: META's, right of INVERSIÓN APROXIMADA, whose amount comes below).
  // (Beside its own label a value is read as the normalizer reads it: a bare count is
  // BENEFICIARIOS' total, `-` or `60000` an amount; could_be is stricter, for values that have
  // no label to say what they are.)
  static bool fits_beside(HeaderField label, const std::string& text) {
    const std::string clean = text::normalize_text(text);
    switch (label) {
      case HeaderField::kNumero:
        return text::parse_integer(clean).has_value();
      case HeaderField::kInversion:
        return text::parse_money(clean).has_value();
      case HeaderField::kBeneficiarios:
        return text::parse_beneficiaries(clean).has_value();
      case HeaderField::kPartidas:
        return could_be(label, text);
      default:
        return true;
    }
  }

  static bool is_typed(HeaderField f) {
    return f == HeaderField::kNumero || f == HeaderField::kInversion ||
           f == HeaderField::kPartidas || f == HeaderField::kBeneficiarios;
  }

  // The label whose range holds the cell still awaits its value, and the cell may be it: the
  // label is left of the cell and, where both have boxes, over it (a label centred in a wide
  // cell may fall in a column of its own left of its value's, sweep seed 58).
  static bool overlaps_x(const Box& a, const Box& b) { return a.x0 < b.x1 && b.x0 < a.x1; }
  bool awaits_here(const ActiveLabel& label, const BlockCell& bc) const {
    if (label.column > bc.cell.column || action_.field(label.field)) return false;
    if (label.box && bc.cell.box) return overlaps_x(*label.box, *bc.cell.box);
    // Without geometry (a workbook), a merged label cell covers the columns it spans only.
    return label.span <= 1 || bc.cell.column < label.column + label.span;
  }

  // The label row in force has no label at `column`, where an earlier label row had a label
  // cell whose value is read (and does not run down the column: merged_columns_).
  bool label_missing_at(int column) const {
    const auto above = labels_at_.find(column);
    return above != labels_at_.end() && bare_label_columns_.count(column) && !label_at(column) &&
           action_.field(above->second).has_value() && !merged_columns_.count(column);
  }

  std::optional<std::size_t> label_at(int column) const {
    for (std::size_t i = 0; i < active_.size(); ++i) {
      if (active_[i].column == column) return i;
    }
    return std::nullopt;
  }

  std::optional<std::size_t> owner_of(int column) const {
    if (active_.empty()) return std::nullopt;
    std::size_t owner = 0;
    for (std::size_t i = 0; i < active_.size(); ++i) {
      if (active_[i].column <= column) owner = i;
    }
    return owner;
  }

  void add_value(HeaderField field, const std::string& text, const Origin& origin,
                 const std::optional<Box>& box, bool inferred) {
    std::optional<RawField>& slot = action_.field(field);
    if (!slot) {
      slot = field_from(text, origin, box, inferred);
    } else {
      extend_field(*slot, text, origin, box);  // a value wrapped over several lines
      join_confidence(slot->origin, origin.confidence);
    }
  }

  // Values whose label is missing: the field is chosen among those with no label in this block,
  // first in the label row the value sits under, then anywhere, by the type of the value.
  // A misplaced cell (one with an owner) may also go to the one free-text field of the whole
  // block left unlabelled and empty, and the lines of one such value, in one column, stay
  // together; when nothing fits it is its owner's after all.
  void place_extras() {
    // A single line after a value given beside its label is the one free-text field of the
    // block whose label is missing, if there is one; else (or when there are several lines:
    // a wrapped value) it continues that value.
    const std::optional<HeaderField> lone =
        after_beside_.size() == 1
            ? only_free_text_field_left(kAnyGroup, after_beside_[0].bc.cell.text)
            : std::nullopt;
    std::set<HeaderField> took_lines;  // fields given the lines after their value
    for (const Extra& e : after_beside_) {
      add_value(lone.value_or(*e.owner), e.bc.cell.text, e.bc.origin, e.bc.cell.box,
                lone.has_value());
      if (!lone) took_lines.insert(*e.owner);
    }
    std::optional<std::pair<int, HeaderField>> last;  // column and field of the last placed
    for (const auto& [bc, group, owner, owner_always] : extras_) {
      std::optional<HeaderField> chosen;
      for (int pass = 0; pass < 2 && !chosen; ++pass) {
        for (int f = 0; f < kHeaderFieldCount; ++f) {
          const auto field = static_cast<HeaderField>(f);
          if (labelled_.count(field) || action_.field(field)) continue;
          if (pass == 0 && group_of(field) != group) continue;
          if (could_be(field, bc.cell.text)) {
            chosen = field;
            break;
          }
        }
      }
      // The next line in the column of the last placed value goes on with it, unless it reads
      // wholly as the value of a typed field still without label and value (`5`, then
      // `$10,000.00` two rows below: NÚMERO's and INVERSIÓN's labels both missing).
      if (owner && last && last->first == bc.cell.column && !chosen) chosen = last->second;
      if (!chosen) chosen = only_free_text_field_left(group, bc.cell.text);
      if (!chosen && owner) chosen = only_free_text_field_left(kAnyGroup, bc.cell.text);
      if (owner && !chosen && (owner_always || !action_.field(*owner))) chosen = owner;
      if (owner && chosen) last = {bc.cell.column, *chosen};
      if (chosen) {
        add_value(*chosen, bc.cell.text, bc.origin, bc.cell.box, chosen != owner);
      } else {
        unrecognized_.push_back({bc.cell.text, bc.origin});
        doubt_nearest_field(bc);
      }
    }
    doubt_takers_of_lost(took_lines);
  }

  // The lines after a value given beside its label are that value's wrapped lines, or the
  // value of a row whose label cell is empty; when the one free-text field of the block without
  // a label has no value either and those lines could not be told apart, the fields that took
  // them may hold its value: said on each, on every page (a wrong value must not look right;
  // sweep seed 2349). (Several free-text fields without labels: a form that has fewer fields.)
  void doubt_takers_of_lost(const std::set<HeaderField>& takers) {
    const std::optional<HeaderField> lost = only_free_text_field_left(kAnyGroup, {});
    if (!lost) return;
    for (const HeaderField f : takers) {
      std::optional<RawField>& taker = action_.field(f);
      if (!taker || !taker->doubt.empty()) continue;
      taker->doubt = std::string(
                         "tomó como suyas las líneas sin etiqueta que siguen a su valor, y "
                         "falta el campo «") +
                     header_field_label(*lost) + "»: pueden ser su valor";
    }
  }

  // On a page read by OCR, a line left over in the header block is most often a piece of the
  // value nearest to it (beside it on its line, or under it) that the OCR's cells split off:
  // that value may be cut. (A born-digital page's leftovers are the author's.)
  void doubt_nearest_field(const BlockCell& bc) {
    if (!bc.origin.confidence || !bc.cell.box) return;
    const Box& stray = *bc.cell.box;
    const double reach = kStrayReachLines * (stray.y1 - stray.y0);
    RawField* nearest = nullptr;
    double distance = 0, nearest_area = 0;
    for (std::optional<RawField>& f : action_.fields) {
      if (!f || !f->box || f->origin.page != bc.origin.page) continue;
      const Box& b = *f->box;
      // PDF points, y down; 0 along an axis where the boxes overlap.
      const double dx = std::max({0.0, b.x0 - stray.x1, stray.x0 - b.x1});
      const double dy = std::max({0.0, b.y0 - stray.y1, stray.y0 - b.y1});
      // Of values as near, the smaller box is the more telling (a value that swallowed its
      // neighbours' lines spans them all).
      const double area = (b.x1 - b.x0) * (b.y1 - b.y0);
      if (dx + dy > reach ||
          (nearest && (dx + dy > distance || (dx + dy == distance && area >= nearest_area)))) {
        continue;
      }
      nearest = &*f;
      distance = dx + dy;
      nearest_area = area;
    }
    if (nearest != nullptr) {
      nearest->doubt = "quedó suelta la línea «" + text::normalize_text(bc.cell.text) +
                       "» junto a él: el valor puede estar incompleto";
    }
  }

  // A free-text value (META, PROPÓSITO…) cannot be told by its type; it is placed by position
  // alone when exactly one free-text field of its label row is still unlabelled and empty.
  std::optional<HeaderField> only_free_text_field_left(int group, const std::string& text) const {
    if (group < 0 || text::is_digits(text::normalize_text(text))) return std::nullopt;
    std::optional<HeaderField> only;
    for (int f = 0; f < kHeaderFieldCount; ++f) {
      const auto field = static_cast<HeaderField>(f);
      if ((group != kAnyGroup && group_of(field) != group) || labelled_.count(field) ||
          action_.field(field)) {
        continue;
      }
      if (!is_free_text(field)) continue;
      if (only) return std::nullopt;
      only = field;
    }
    return only;
  }

  static bool is_free_text(HeaderField f) {
    return f == HeaderField::kSecretaria || f == HeaderField::kNombre ||
           f == HeaderField::kPrincipioRector || f == HeaderField::kMeta ||
           f == HeaderField::kProposito;
  }

  RawAction& action_;
  std::vector<UnrecognizedText>& unrecognized_;
  std::deque<BlockCell> joined_;  // cells join_split_lines made, kept while the block resolves
  std::vector<ActiveLabel> active_;
  std::set<HeaderField> labelled_;
  static constexpr int kAnyGroup = 1000;  // only_free_text_field_left: in any label row

  struct Extra {
    BlockCell bc;
    int group;                         // the canonical group it sat under, -1 none
    std::optional<HeaderField> owner;  // the label whose range holds a misplaced cell
    bool owner_always = false;         // see misplaced()
  };
  std::map<int, HeaderField> labels_at_;  // the last label seen at each column
  std::set<int> bare_label_columns_;      // columns where a label cell had no value of its own
  std::set<int> merged_columns_;          // columns whose value continues below other labels
  std::vector<Extra> extras_;
  std::set<HeaderField> beside_;     // fields whose value sat beside their label
  std::vector<Extra> after_beside_;  // value rows in the range of such a field
};

}  // namespace

// The state machine. Rows are pulled only until an action is closed; closed actions wait in
// `ready_` (at most two: a held label row and the row after it can each open a block).
class Recognizer {
 public:
  explicit Recognizer(RowReader& reader)
      : reader_(reader), file_(reader.info().path), evidence_(reader.info().type) {}

  std::optional<RawAction> next_action() {
    while (ready_.empty() && !at_end_) {
      if (std::optional<CellRow> row = reader_.next()) {
        evidence_.observe_row(*row, is_set_apart_title(*row));
        // Plainly something else (an indicator report): refused before reading the rest.
        if (std::optional<std::string> reason = evidence_.early_refusal()) refuse(*reason);
        handle(*row);
      } else {
        at_end_ = true;
        if (held_) handle_cells(*std::exchange(held_, std::nullopt));
        finish_block();
        close_action();
      }
    }
    if (ready_.empty()) return std::nullopt;
    RawAction action = std::move(ready_.front());
    ready_.pop_front();
    return action;
  }

  const std::optional<RawField>& year() const { return tail_.year; }
  const std::optional<RawField>& municipio() const { return tail_.municipio; }

  RawDocumentTail finish() {
    if (!at_end_ || !ready_.empty() || finished_) {
      throw std::logic_error("ActionStream::finish before the end of the actions, or twice");
    }
    finished_ = true;
    if (std::optional<std::string> reason = evidence_.refusal()) refuse(*reason);
    for (Diagnostic& d : reader_.reader_diagnostics()) tail_.diagnostics.push_back(std::move(d));
    return std::move(tail_);
  }

 private:
  [[noreturn]] void refuse(const std::string& reason) const {
    throw InputError(diag::input_error(DiagnosticCode::kNotAPoa, "no parece un POA: " + reason,
                                       Origin{file_, {}, {}, {}}));
  }

  enum class State { kIdle, kBlock, kTable };

  Origin origin_of(const CellRow& row, const Cell* cell = nullptr) const {
    Origin o{file_, {}, row.line, {}};
    if (row.page_is_physical) o.page = row.page;
    if (cell != nullptr) {
      o.column = cell->column + 1;
      o.confidence = cell->confidence;
    }
    // A workbook's row is named by its first cell, a cell by its own address.
    if (!row.sheet.empty() && (cell != nullptr || !row.cells.empty())) {
      o.cell = sheet_cell_name(row.sheet, cell != nullptr ? cell->column : row.cells[0].column,
                               row.line);
    }
    return o;
  }

  void handle(const CellRow& row) {
    const bool title = is_set_apart_title(row);
    if (held_) {
      CellRow held = *std::exchange(held_, std::nullopt);
      if (row.kind == RowKind::kCells && !title && is_table_header(row)) {
        handle_cells(with_first_line(held, row));
        return;
      }
      handle_cells(held);
    }
    if (row.kind == RowKind::kPageBreak) {
      after_break_ = true;
      // Whether the table ran up to the break: only then may a row the break cut open (the
      // reader's geometry, RowLayout) be the rest of the table's last activity.
      table_at_break_ = state_ == State::kTable;
      return;
    }
    if (title) {
      handle_title(row);
      return;
    }
    // A lone label outside a header block may be the first line of a wrapped table header
    // (`INVERSIÓN` over `APROX. POR ACTIVIDAD`) or the start of a new block: the next row tells.
    if (state_ != State::kBlock && row.cells.size() == 1) {
      const std::optional<LabelMatch> label = header_label(row.cells[0]);
      if (label && label->value.empty()) {
        held_ = row;
        return;
      }
    }
    handle_cells(row);
  }

  // The table header with a line that a reader gave as a row of its own joined to the cell
  // below it (or kept as a cell of its own when nothing is below it). The line is a header
  // word either way, so nothing of it is lost to `no_reconocido`.
  static CellRow with_first_line(const CellRow& line, CellRow header) {
    for (const Cell& part : line.cells) {
      auto below = std::find_if(header.cells.begin(), header.cells.end(),
                                [&](const Cell& c) { return c.column == part.column; });
      if (below == header.cells.end()) {
        header.cells.push_back(part);
        continue;
      }
      // Join only where that makes (or keeps) a column label; a reader that put the line in
      // the wrong column must not spoil a label that reads right on its own.
      std::string joined = part.text + " " + below->text;
      const bool ocr = part.confidence || below->confidence;
      if (column_label(joined, ocr) || !column_label(below->text, ocr)) {
        below->text = std::move(joined);
      }
    }
    std::sort(header.cells.begin(), header.cells.end(),
              [](const Cell& a, const Cell& b) { return a.column < b.column; });
    header.line = line.line;
    return header;
  }

  void handle_cells(const CellRow& row) {
    if (row.cells.empty()) return;
    if (row.cells.size() == 1) {
      const CellClass cls =
          classify_cell(row.cells[0].text,
                        {.header = false, .column = false, .title = true, .page_number = true});
      if (cls.page_number) {
        tail_.furniture.add(row.cells[0].text, row.page);
        return;
      }
      if (cls.title) {
        handle_title(row);
        return;
      }
    }
    bool rest_of_cut_row = false;
    const bool table_header = is_table_header(row);
    if (table_header) {
      handle_table_header(row);
    } else if (state_ == State::kTable && has_numbers_in_numeric_columns(row)) {
      // A table row whose text happens to read like a label (a unit `Número`) is still a row.
      rest_of_cut_row = handle_table_row(row);
    } else if (has_header_label(row)) {
      handle_label_row(row);
    } else if (state_ == State::kBlock) {
      block_rows_.push_back(to_block_row(row));
    } else if (state_ == State::kTable || (after_break_ && action_ && !columns_.empty())) {
      rest_of_cut_row = handle_table_row(row);
    } else {
      keep_unrecognized(row);
    }
    // The rest of a row cut by the page break does not end the break: the rows after it are
    // still the ones that follow the break.
    if (!rest_of_cut_row) after_break_ = false;
    // Past the repeated column header, the first row of the page is behind us.
    if (!table_header) table_at_break_ = false;
  }

  // The page break cut this row out of the table's last activity: the reader saw its cells open
  // at the top of the page (geometry), the table ran up to the break, and it has an activity.
  bool is_rest_of_cut_row(const CellRow& row) const {
    return row.layout && row.layout->open_at_top && table_at_break_ && action_ &&
           !action_->activities.empty();
  }

  void handle_title(const CellRow& row) {
    std::string text;
    for (const Cell& c : row.cells) {
      if (!text.empty()) text += ' ';
      text += c.text;
    }
    finish_block();
    state_ = State::kIdle;
    orphan_run_ = false;
    after_break_ = false;
    if (classify_cell(text, {.header = false, .column = false, .title = true}).title) {
      if (!tail_.year && text::parse_year(text)) tail_.year = RawField{text, origin_of(row), false};
      take_municipio(text, row, true);
      return;
    }
    if (take_municipio(text, row, false)) return;
    // A running title repeated on every page is kept once.
    if (seen_titles_.insert(text).second) tail_.unrecognized.push_back({text, origin_of(row)});
  }

  static bool is_table_header(const CellRow& row) {
    int labels = 0;
    std::uint16_t months = 0;
    bool actividad = false;
    for (const Cell& c : row.cells) {
      const std::optional<ColumnRole> role = column_label(c);
      if (!role) continue;
      if (const std::optional<int> m = month_of(*role)) {
        months |= static_cast<std::uint16_t>(1u << *m);
      } else {
        ++labels;
        actividad = actividad || *role == ColumnRole::kActividad;
      }
    }
    // The month rule is the layout's too (labels.hpp).
    return (actividad && labels >= 3) || is_month_header(months) || !month_initials(row).empty();
  }

  static bool has_header_label(const CellRow& row) {
    return std::any_of(row.cells.begin(), row.cells.end(),
                       [](const Cell& c) { return header_label(c).has_value(); });
  }

  BlockRow to_block_row(const CellRow& row) const {
    BlockRow br;
    br.after_break = after_break_;
    for (const Cell& c : row.cells) {
      BlockCell bc{c, origin_of(row, &c), header_label(c)};
      br.has_label = br.has_label || bc.label.has_value();
      br.cells.push_back(std::move(bc));
    }
    return br;
  }

  void handle_label_row(const CellRow& row) {
    BlockRow br = to_block_row(row);
    if (state_ != State::kBlock || starts_another_block(br)) start_action(row);
    for (const BlockCell& bc : br.cells) {
      if (bc.label) block_labels_.insert(bc.label->field);
    }
    block_rows_.push_back(std::move(br));
  }

  // Inside a block, labels seen before mean the next action's block has begun (actions with no
  // table in between). One stray repeated label (a table header word wrapped onto a line of its
  // own, like `INVERSIÓN`) is not enough unless it opens the template's first label row.
  bool starts_another_block(const BlockRow& br) const {
    int repeated = 0;
    for (const BlockCell& bc : br.cells) {
      if (!bc.label || !block_labels_.count(bc.label->field)) continue;
      ++repeated;
      if (group_of(bc.label->field) == 0) return true;
    }
    return repeated >= 2;
  }

  void start_action(const CellRow& row) {
    finish_block();
    close_action();
    open_action(row);
    block_labels_.clear();
    orphan_run_ = false;
    state_ = State::kBlock;
  }

  void finish_block() {
    if (state_ != State::kBlock || !action_) return;
    HeaderBlockResolver(*action_, tail_.unrecognized).resolve(block_rows_);
    block_rows_.clear();
  }

  void open_action(const CellRow& row) {
    opened_action_ = true;
    action_.emplace();
    action_->origin = origin_of(row);
    columns_.clear();
    action_table_ = false;
    action_whole_year_ = false;
  }

  void close_action() {
    if (action_) {
      evidence_.observe_action(evidence_of(*action_));
      ready_.push_back(std::move(*action_));
    }
    action_.reset();
  }

  // What the action showed of a POA: its block's labels, its values, its table's months.
  ActionEvidence evidence_of(const RawAction& action) const {
    ActionEvidence e;
    e.labels = static_cast<int>(block_labels_.size());
    e.header_values = static_cast<int>(std::count_if(action.fields.begin(), action.fields.end(),
                                                     [](const auto& f) { return f.has_value(); }));
    e.table = action_table_;
    e.whole_year = action_whole_year_;
    e.activities = static_cast<int>(action.activities.size());
    e.named_activities = static_cast<int>(
        std::count_if(action.activities.begin(), action.activities.end(),
                      [](const RawActivity& a) { return a.actividad.has_value(); }));
    return e;
  }

  void handle_table_header(const CellRow& row) {
    if (state_ == State::kBlock) {
      drop_cut_column_header();
      finish_block();
      columns_.clear();
    } else if (!action_) {
      // A table with no header block before it: keep its rows under an action of their own.
      open_action(row);
    } else if (state_ != State::kTable) {
      // The column header repeated on a new page: the table goes on, no warning.
      columns_.clear();
    }
    state_ = State::kTable;
    orphan_run_ = false;
    action_table_ = true;
    action_whole_year_ = action_whole_year_ || months_named(row) == kWholeYear;
    const std::vector<const Cell*> initials = month_initials(row);
    for (std::size_t m = 0; m < initials.size(); ++m) {
      columns_[initials[m]->column] = month_role(static_cast<int>(m));
    }
    if (!initials.empty()) return;
    for (const Cell& c : row.cells) {
      const std::optional<ColumnRole> role = column_label(c);
      if (role == ColumnRole::kMensual) continue;  // the month row names those columns
      if (role) {
        columns_[c.column] = *role;
      } else if (c.text == "#") {
        columns_[c.column] = ColumnRole::kRowNumber;
      } else if (!columns_.count(c.column)) {
        // A column no rule knows still owns its cells: they must not run into the column on
        // their left.
        columns_[c.column] = ColumnRole::kUnknown;
      }
    }
    // A month name OCR misread beyond recognition: its place among the others names it.
    if (const std::optional<MisreadMonth> misread = misread_month(row)) {
      const auto known = columns_.find(misread->column);
      if (known == columns_.end() || known->second == ColumnRole::kUnknown) {
        columns_[misread->column] = month_role(misread->month);
      }
    }
    const bool ocr = std::any_of(row.cells.begin(), row.cells.end(),
                                 [](const Cell& c) { return c.confidence.has_value(); });
    if (ocr) {
      const std::map<int, ColumnRole> known = columns_;
      place_misread_column();
      doubt_loose_column_labels(row, known);
    }
  }

  // A page break inside the column header, before its month row (sweep seeds 726, 2328): the
  // reader, seeing no table on the page before, gave the header's lines there (and those on the
  // next page before the line it recognised) as rows of the header block. The block's last rows
  // without labels, holding only the column labels' words and naming ACTIVIDAD and two more
  // column labels between them, are the header repeated after the break when the break falls
  // among them or right after them, not values (a lost label's value would else take them for
  // wrapped lines of the value above).
  void drop_cut_column_header() {
    std::size_t first = block_rows_.size();
    bool cut = after_break_;
    while (first > 0 && !block_rows_[first - 1].has_label &&
           std::all_of(block_rows_[first - 1].cells.begin(), block_rows_[first - 1].cells.end(),
                       [](const BlockCell& bc) { return only_column_label_words(bc.cell.text); })) {
      --first;
      cut = cut || block_rows_[first].after_break;
    }
    if (!cut) return;
    std::vector<std::string> words;
    for (std::size_t i = first; i < block_rows_.size(); ++i) {
      for (const BlockCell& bc : block_rows_[i].cells) {
        std::stringstream ss(bc.cell.text);
        for (std::string w; ss >> w;) words.push_back(std::move(w));
      }
    }
    if (names_column_labels(words)) {
      block_rows_.erase(block_rows_.begin() + static_cast<std::ptrdiff_t>(first),
                        block_rows_.end());
    }
  }

  // The words, read in order, hold ACTIVIDAD and two more column labels (is_table_header's
  // count), each label the longest run of words it matches.
  static bool names_column_labels(const std::vector<std::string>& words) {
    constexpr std::size_t kLabelWords = 5;  // `INVERSIÓN APROXIMADA POR ACTIVIDAD`, the longest
    int labels = 0;
    bool actividad = false;
    for (std::size_t i = 0; i < words.size();) {
      std::size_t taken = 1;
      for (std::size_t n = std::min(kLabelWords, words.size() - i); n >= 1; --n) {
        std::string span = words[i];
        for (std::size_t k = 1; k < n; ++k) span += ' ' + words[i + k];
        const std::optional<ColumnRole> role = column_label(span, false);
        if (role && !month_of(*role)) {
          ++labels;
          actividad = actividad || *role == ColumnRole::kActividad;
          taken = n;
          break;
        }
      }
      i += taken;
    }
    return actividad && labels >= 3;
  }

  // A column label of a page read by OCR recognised only loosely (a letter or two misread, or
  // placed by the labels beside it): the column's cells may not be that column's, so the action
  // says which label was read how (LOW_CONFIDENCE). `known` is columns_ before
  // place_misread_column.
  void doubt_loose_column_labels(const CellRow& row, const std::map<int, ColumnRole>& known) {
    if (!action_) return;
    for (const Cell& c : row.cells) {
      const auto role = columns_.find(c.column);
      if (role == columns_.end() || role->second == ColumnRole::kUnknown ||
          role->second == ColumnRole::kRowNumber) {
        continue;
      }
      const CellClass look = classify_cell(c.text, {.header = false, .ocr = true});
      const auto before = known.find(c.column);
      const bool placed = before == known.end() || before->second != role->second;
      const bool exact = look.column == role->second && !look.column_misread;
      if (exact && !placed) continue;
      action_->diagnostics.push_back(diag::ocr_doubt(
          column_title(role->second), text::normalize_text(c.text), origin_of(row, &c),
          placed || !look.column
              ? "el encabezado de columna no se pudo leer y se tomó por su lugar entre los otros: "
                "compruebe que los valores de la columna son suyos"
              : "el encabezado de columna se reconoció solo de forma aproximada (letras mal "
                "leídas): compruebe que los valores de la columna son suyos"));
    }
  }

  // Likewise a column label of the template misread beyond recognition (`INDICADOR` read
  // `Ieoicanne`): the one column no rule knew, between the columns of the labels the template
  // puts before and after it, is that label's.
  void place_misread_column() {
    static constexpr ColumnRole kOrder[] = {ColumnRole::kActividad, ColumnRole::kArea,
                                            ColumnRole::kUnidad,    ColumnRole::kInversion,
                                            ColumnRole::kIndicador, ColumnRole::kAnual};
    auto column_of = [&](ColumnRole role) -> std::optional<int> {
      for (const auto& [column, r] : columns_) {
        if (r == role) return column;
      }
      return std::nullopt;
    };
    for (std::size_t k = 1; k + 1 < std::size(kOrder); ++k) {
      if (column_of(kOrder[k])) continue;
      const std::optional<int> before = column_of(kOrder[k - 1]);
      const std::optional<int> after = column_of(kOrder[k + 1]);
      if (!before || !after) continue;
      std::vector<int> unknown;
      for (auto it = columns_.upper_bound(*before); it != columns_.end() && it->first < *after;
           ++it) {
        unknown.push_back(it->second == ColumnRole::kUnknown ? it->first : -1);
      }
      if (unknown.size() == 1 && unknown[0] >= 0) columns_[unknown[0]] = kOrder[k];
    }
  }

  bool has_numbers_in_numeric_columns(const CellRow& row) const {
    return std::any_of(row.cells.begin(), row.cells.end(), [&](const Cell& c) {
      const std::optional<ColumnRole> role = role_of(c.column);
      return role && is_numeric_role(*role) &&
             (text::parse_quantity(c.text) || text::parse_money(c.text));
    });
  }

  static bool is_numeric_role(ColumnRole role) {
    return role == ColumnRole::kAnual || role == ColumnRole::kInversion || month_of(role);
  }

  std::optional<ColumnRole> role_of(int column) const {
    auto it = columns_.upper_bound(column);
    if (it == columns_.begin())
      return columns_.empty() ? std::nullopt : std::optional(columns_.begin()->second);
    return std::prev(it)->second;
  }

  static std::optional<RawField>* slot_for(RawActivity& a, ColumnRole role) {
    if (const std::optional<int> m = month_of(role)) return &a.meses[static_cast<std::size_t>(*m)];
    switch (role) {
      case ColumnRole::kActividad:
        return &a.actividad;
      case ColumnRole::kArea:
        return &a.area_responsable;
      case ColumnRole::kUnidad:
        return &a.unidad_medida;
      case ColumnRole::kInversion:
        return &a.inversion;
      case ColumnRole::kIndicador:
        return &a.indicador;
      case ColumnRole::kAnual:
        return &a.programacion_anual;
      default:
        return nullptr;
    }
  }

  // A row of the activity table. Returns true when it was the rest of the activity above, cut by
  // the page break.
  bool handle_table_row(const CellRow& row) {
    state_ = State::kTable;
    int numeric_cells = 0;
    int text_cells = 0;
    for (const Cell& c : row.cells) {
      const std::optional<ColumnRole> role = role_of(c.column);
      if (role && is_numeric_role(*role)) {
        ++numeric_cells;
      } else {
        ++text_cells;
      }
    }
    // The rest of the previous page's last activity, which the page break cut.
    if (is_rest_of_cut_row(row)) {
      append_wrapped_text(action_->activities.back(), row);
      return true;
    }
    if (continues_row_above(row)) {
      append_wrapped_text(action_->activities.back(), row);
      return false;
    }
    const bool adjacent = last_row_line_ && row.line == *last_row_line_ + 1 &&
                          row.page == last_row_page_ && !after_break_;
    if (numeric_cells == 0 && text_cells < 3) {
      if (adjacent && !action_->activities.empty()) {
        append_wrapped_text(action_->activities.back(), row);
        return false;
      }
      // Not a row of the table (a signature, a note): the table has ended.
      state_ = State::kIdle;
      keep_unrecognized(row);
      return false;
    }

    // Rows that follow a page break with no heading of their own continue the action above.
    if (after_break_) {
      orphan_run_ = true;
      orphan_diagnostic_.reset();
    }
    RawActivity activity;
    activity.origin = origin_of(row);
    activity.orphan = orphan_run_;
    const Cell* in_number_column = nullptr;
    for (const Cell& c : row.cells) {
      const std::optional<ColumnRole> role = role_of(c.column);
      if (role == ColumnRole::kRowNumber) {
        // The row's own number (`3`, `3.`, `#3`) carries nothing; words there (a TOTAL label
        // merged over the number and activity cells) are settled once the row is read.
        if (!is_row_number(c.text)) in_number_column = &c;
        continue;
      }
      std::optional<RawField>* slot = role ? slot_for(activity, *role) : nullptr;
      if (slot != nullptr && !*slot) {
        *slot = field_from(c.text, origin_of(row, &c), c.box);
      } else if (slot != nullptr && !is_numeric_role(*role)) {
        extend_field(**slot, c.text, origin_of(row, &c), c.box);  // a cell split in two
        join_confidence((*slot)->origin, c.confidence);
      } else {
        // No column for it, or a second number in a numeric column: keep it where it is seen.
        tail_.unrecognized.push_back({c.text, origin_of(row, &c)});
      }
    }
    if (in_number_column != nullptr) {
      if (!activity.actividad) {
        activity.actividad = field_from(in_number_column->text, origin_of(row, in_number_column),
                                        in_number_column->box);
      } else {
        tail_.unrecognized.push_back({in_number_column->text, origin_of(row, in_number_column)});
      }
    }
    if (is_total_row(activity)) {
      check_total_row(activity);
      remember(row);
      return false;
    }
    if (orphan_run_) report_orphan(row);
    action_->activities.push_back(std::move(activity));
    remember(row);
    return false;
  }

  // `TOTAL | | | $95,000.00 | | 22 | …`: the table's own sums, not an activity.
  static bool is_total_row(const RawActivity& a) {
    if (!a.actividad || a.area_responsable || a.unidad_medida || a.indicador) return false;
    const std::string label = text::fold_for_match(a.actividad->text);
    return label == "total" || label == "totales" || label == "total general" ||
           label == "gran total" || label == "suma" || label == "suma total" || label == "subtotal";
  }

  // The TOTAL row is recognised and checked against the activities above it; only a total that
  // disagrees is reported.
  void check_total_row(const RawActivity& total) {
    if (!total.inversion) return;
    const std::optional<Decimal> stated = text::parse_money(total.inversion->text);
    if (!stated) return;
    Decimal sum = Decimal::from_cents(0);
    for (const RawActivity& a : action_->activities) {
      if (!a.inversion) continue;
      if (const std::optional<Decimal> v = text::parse_money(a.inversion->text)) sum += *v;
    }
    if (sum == *stated) return;
    action_->diagnostics.push_back(
        diag::make(DiagnosticCode::kInvestmentSumMismatch, Severity::kWarning,
                   "la fila TOTAL de la tabla dice " + stated->to_fixed(2) +
                       " pero la suma de las inversiones por actividad es " + sum.to_fixed(2),
                   total.inversion->origin, total.inversion->text));
  }

  // Wrapped text of the row above, from a reader that gives one row per line.
  // On a page read by OCR, the wrapped lines of a tall row come out as a row of their own when
  // the row's cells are not all found (a text cell's second line, a number centred lower): such
  // a row starts a text cell in lower case, and its numbers fill only cells the row above left
  // empty. (A born-digital page's rows are as drawn: left as they are.)
  bool continues_row_above(const CellRow& row) {
    if (action_->activities.empty() || after_break_ || last_row_page_ != row.page) return false;
    RawActivity& prev = action_->activities.back();
    bool ocr = false, lower_start = false;
    for (const Cell& c : row.cells) {
      if (c.confidence) ocr = true;
      const std::optional<ColumnRole> role = role_of(c.column);
      if (!role) return false;
      if (is_numeric_role(*role)) {
        std::optional<RawField>* slot = slot_for(prev, *role);
        if (slot == nullptr || *slot) return false;
      } else if (text::starts_lower_case(text::normalize_text(c.text))) {
        lower_start = true;
      }
    }
    return ocr && lower_start;
  }

  void append_wrapped_text(RawActivity& prev, const CellRow& row) {
    for (const Cell& c : row.cells) {
      const std::optional<ColumnRole> role = role_of(c.column);
      std::optional<RawField>* slot = role ? slot_for(prev, *role) : nullptr;
      if (slot == nullptr) continue;
      if (*slot) {
        extend_field(**slot, c.text, origin_of(row, &c), c.box);
        join_confidence((*slot)->origin, c.confidence);
      } else {
        *slot = field_from(c.text, origin_of(row, &c), c.box);
      }
    }
    remember(row);
  }

  // One warning per run of orphan rows, counting the rows as they come.
  void report_orphan(const CellRow& row) {
    if (!orphan_diagnostic_) {
      action_->diagnostics.push_back(
          diag::make(DiagnosticCode::kOrphanRows, Severity::kWarning, "", origin_of(row)));
      orphan_diagnostic_ = action_->diagnostics.size() - 1;
      orphan_count_ = 0;
    }
    ++orphan_count_;
    std::string who = "la acción anterior";
    if (const auto& numero = action_->field(HeaderField::kNumero)) {
      who = "la acción " + text::normalize_text(numero->text);
    }
    action_->diagnostics[*orphan_diagnostic_].message =
        std::to_string(orphan_count_) +
        (orphan_count_ == 1 ? " fila de actividades sigue" : " filas de actividades siguen") +
        " a un salto de página sin encabezado de tabla; se agregaron a " + who;
  }

  void remember(const CellRow& row) {
    last_row_line_ = row.line;
    last_row_page_ = row.page;
  }

  void keep_unrecognized(const CellRow& row) {
    std::string text;
    for (const Cell& c : row.cells) {
      if (!text.empty()) text += " | ";
      text += c.text;
    }
    const bool letterhead = take_municipio(text, row, false);
    // With no title, a line naming the plan or the fiscal year (a footer `Tesorería - POA 2024`,
    // `Ejercicio fiscal 2024`) gives the year, reported as inferred.
    if (!tail_.year && names_the_year(text)) {
      tail_.year = RawField{text, origin_of(row), true};
      return;
    }
    if (letterhead) return;
    tail_.unrecognized.push_back({text, origin_of(row)});
  }

  // A letterhead or title naming the municipio: the first one before any action is the
  // document's; the same name again (a running letterhead) is taken as read. False when the
  // line names none, or another one (then it is text like any other).
  bool take_municipio(const std::string& text, const CellRow& row, bool in_title) {
    const std::optional<std::string> name = municipio_of(text, in_title);
    if (!name) return false;
    if (!tail_.municipio) {
      if (opened_action_) return false;
      tail_.municipio = RawField{*name, origin_of(row), false};
      return true;
    }
    return text::fold_for_match(*name) == text::fold_for_match(tail_.municipio->text);
  }

  static bool names_the_year(const std::string& text) {
    if (!text::parse_year(text)) return false;
    const std::string folded = " " + text::fold_for_match(text) + " ";
    return folded.find(" poa ") != std::string::npos ||
           folded.find(" programa operativo anual ") != std::string::npos ||
           folded.find(" ejercicio ") != std::string::npos;
  }

  RowReader& reader_;
  std::string file_;
  RawDocumentTail tail_;
  std::deque<RawAction> ready_;  // closed, not yet handed out
  bool at_end_ = false;
  bool finished_ = false;
  State state_ = State::kIdle;
  std::optional<RawAction> action_;
  std::optional<CellRow> held_;  // a lone label row waiting for the row after it
  std::vector<BlockRow> block_rows_;
  std::set<HeaderField> block_labels_;
  std::map<int, ColumnRole> columns_;
  std::set<std::string> seen_titles_;
  bool after_break_ = false;
  bool table_at_break_ = false;  // the last page break came inside a table (state kTable)
  bool opened_action_ = false;   // a header block has begun: no letterhead names the municipio now
  bool orphan_run_ = false;
  std::optional<std::size_t> orphan_diagnostic_;  // the warning of the current orphan run
  int orphan_count_ = 0;
  PoaEvidence evidence_;
  bool action_table_ = false;       // the open action has an activity-table column header
  bool action_whole_year_ = false;  // and one of its header rows names ENE…DIC
  std::optional<int> last_row_line_;
  int last_row_page_ = 0;
};

ActionStream::ActionStream(RowReader& reader) : impl_(std::make_unique<Recognizer>(reader)) {}
ActionStream::~ActionStream() = default;

std::optional<RawAction> ActionStream::next_action() {
  return impl_->next_action();
}

const std::optional<RawField>& ActionStream::year() const {
  return impl_->year();
}

const std::optional<RawField>& ActionStream::municipio() const {
  return impl_->municipio();
}

RawDocumentTail ActionStream::finish() {
  return impl_->finish();
}

RawDocument recognize(RowReader& reader) {
  ActionStream stream(reader);
  RawDocument doc;
  while (std::optional<RawAction> action = stream.next_action()) {
    doc.actions.push_back(std::move(*action));
  }
  doc.tail() = stream.finish();
  return doc;
}

}  // namespace poa::extractor
