// Pass 3, line kinds: what each line's text says (header labels, column labels, month names, the
// plan's name, page numbers: the one classifier, labels.hpp) and where it sits (how it stands
// out, in a margin, repeated from the previous page); page furniture is dropped here.
#include "extractor/page_layouter.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

#include "extractor/labels.hpp"
#include "text/unicode.hpp"

namespace poa::extractor::layout::detail {

std::string margin_signature(const Box& b, std::string_view text, const LayoutConfig& config) {
  std::string sig =
      std::to_string(static_cast<long>(std::lround(b.y0 / config.margin_line_step))) + "|";
  for (char c : text) sig += (c >= '0' && c <= '9') ? '#' : c;
  return sig;
}

RowLayout PageLayouter::line_look(const LineData& l) const {
  RowLayout look;
  // A dump has no bold or sizes, and a centred line is moved by the text beside it: a line
  // alone on its text row, indented, stands out there.
  if (config_.char_grid) {
    look.indented = char_grid_indented(l);
    return look;
  }
  const double centre = (l.box.x0 + l.box.x1) / 2;
  look.centred =
      page_.width > 0 && std::abs(centre - page_.width / 2) < config_.centred * page_.width;
  look.bold = true;
  for (std::uint32_t wi : l.words) look.bold = look.bold && page_.words[wi].bold;
  look.larger = l.size > median_size_ * config_.larger_font;
  return look;
}

void PageLayouter::classify_lines() {
  if (!lines_.empty()) {
    std::vector<double> sizes;
    for (const LineData& l : lines_) sizes.push_back(l.size);
    std::nth_element(sizes.begin(), sizes.begin() + static_cast<long>(sizes.size() / 2),
                     sizes.end());
    median_size_ = sizes[sizes.size() / 2];
  }
  const double margin = config_.margin_band * page_.height;
  std::vector<std::string> signatures;
  std::vector<Token> tokens;
  std::vector<GCell> cells;
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    const LineData& l = lines_[i];
    LineInfo& inf = info_[i];
    const std::string& text = out_.lines[i].text;
    // A heading names the plan and stands out; the same words wrapped inside a table cell
    // (`… del Programa Operativo Anual 2023`) are cut with their cell.
    if (classify_cell(text, {.header = false, .column = false, .title = true}).title &&
        stands_out(l)) {
      inf.heading = true;
    }
    // Month names on one line that make the table's month header (labels.hpp's rule).
    tokens.clear();
    for (std::uint32_t wi : l.words) find_months(page_, page_.words[wi], month_scratch_, tokens);
    std::uint16_t named = 0;
    for (const Token& t : tokens) named |= static_cast<std::uint16_t>(1u << t.month);
    inf.months = is_month_header(named);
    if (!inf.months) {
      inf.letter_months = letter_month_run(l);
      inf.months = inf.letter_months >= 0;
    }
    gutter_cells(page_, l, {}, config_, cells);
    bool after_label = false;  // the previous cell was a label alone
    for (const GCell& c : cells) {
      const bool beside = after_label;
      after_label = false;
      std::optional<LabelMatch> match;
      const unsigned char first = static_cast<unsigned char>(c.text[0]);
      // A label cell is short and starts with a letter (not `- META`, `(1) Estrategia`).
      if (c.text.size() <= config_.max_label_length &&
          ((first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z') || first >= 0xC0)) {
        CellClass cls = classify_cell(c.text);
        inf.actividad = inf.actividad || cls.column == ColumnRole::kActividad;
        match = std::move(cls.header);
      }
      if (match) {
        inf.label = true;
        ++inf.labels;
        inf.upper_label = inf.upper_label || text::is_upper_case(c.text);
        label_cells_.push_back(c);
        label_lines_.push_back(static_cast<int>(i));
        after_label = match->value.empty();
      } else if (beside && !(c.bold && text::is_upper_case(c.text))) {
        // Text beside a label on its line (a form laid out label | value) starts a column
        // of its own; a bold capitals piece there is rather a wrapped label's first line.
        value_cells_.push_back(c);
        value_lines_.push_back(static_cast<int>(i));
      }
    }
    // Page furniture: a page number, or a line repeated at the same place on the previous
    // page, standing apart in the top or bottom margin. Labels, headings and month headers
    // repeat on every page of a POA too, and are kept.
    const bool top = l.box.y1 < margin;
    const bool bottom = l.box.y0 > page_.height - margin;
    if (page_.height <= 0 || !(top || bottom) || inf.heading || inf.months || inf.labels > 0) {
      continue;
    }
    // `Página 3 de 4`: furniture wherever it sits in a margin.
    if (classify_cell(text, {.header = false, .column = false, .page_number = true}).page_number) {
      inf.cut = Cut::kDropped;
      continue;
    }
    double gap = kInf;
    // Apart on both sides: a wrapped column label repeated at the top of every page is
    // close to the other lines of its header.
    if (i + 1 < lines_.size()) gap = lines_[i + 1].box.y0 - l.box.y1;
    if (i > 0) gap = std::min(gap, l.box.y0 - lines_[i - 1].box.y1);
    if (gap < config_.furniture_gap * height(l.box)) continue;
    if (is_bare_page_number(text, config_.page_number_max_digits, config_.page_number_max_groups)) {
      inf.cut = Cut::kDropped;
      continue;
    }
    std::string sig = margin_signature(l.box, text, config_);
    if (std::find(state_.previous_margin_lines.begin(), state_.previous_margin_lines.end(), sig) !=
        state_.previous_margin_lines.end()) {
      inf.cut = Cut::kDropped;
    }
    signatures.push_back(std::move(sig));
  }
  state_.previous_margin_lines = std::move(signatures);
}

int PageLayouter::letter_month_run(const LineData& l) const {
  std::vector<std::string_view> words;
  words.reserve(l.words.size());
  for (std::uint32_t wi : l.words) words.emplace_back(page_.words[wi].text);
  const std::optional<std::size_t> at = month_initials_at(words);
  return at ? static_cast<int>(*at) : -1;
}

}  // namespace poa::extractor::layout::detail
