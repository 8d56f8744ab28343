// XML parts of zip packages (SpreadsheetML, OpenDocument) read with pugixml under one rule set:
// no DTD (so no entity can expand), element names compared without their prefix, and cell
// references checked against Excel's limits.
#pragma once

#include <optional>
#include <pugixml.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace poa::xml {

// Excel's grid: 16,384 columns (A–XFD) by 1,048,576 rows. A reference outside it is refused.
inline constexpr int kMaxColumns = 16'384;
inline constexpr int kMaxRows = 1'048'576;

// The part is not well-formed XML, or declares a DTD. Spanish message naming the part.
class XmlError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Parses `data` (the bytes of `part`) into `doc`. pugixml never expands entities beyond the five
// predefined ones and character references; a DOCTYPE is refused outright all the same, since no
// package part has a reason to carry one. Throws XmlError.
void load(pugi::xml_document& doc, std::string_view data, std::string_view part);

// Removes every `<!DOCTYPE …>` (with its internal subset `[…]`) from an XML part, for a package
// that is copied rather than refused (the SIPOT template: its DTD must not reach our output).
// False when a DOCTYPE is there but never closed.
bool strip_doctype(std::string& xml);

// The local part of an element or attribute name ("x:row" -> "row"): writers differ in prefixes.
std::string_view local_name(std::string_view qualified);
std::string_view local_name(const pugi::xml_node& node);

// The first element child / every element child with that local name.
pugi::xml_node child(const pugi::xml_node& parent, std::string_view local);
std::vector<pugi::xml_node> children(const pugi::xml_node& parent, std::string_view local);

// The attribute with that local name ("r:id", "table:name" …), or an empty one.
pugi::xml_attribute attribute(const pugi::xml_node& node, std::string_view local);

// A cell of the grid: 1-based row, 0-based column (A = 0).
struct CellRef {
  int row = 1;
  int column = 0;
  friend bool operator==(const CellRef&, const CellRef&) = default;
};

// "AB12", "$AB$12" -> {12, 27}; nullopt when it is not a reference or lies outside Excel's grid.
std::optional<CellRef> parse_cell_ref(std::string_view ref);

// "A", "B", … "AA" for a 0-based column index.
std::string column_letters(int index);

// The text of a SpreadsheetML string item (<si> or <is>): plain <t> or the rich-text runs'
// <r><t> joined; phonetic runs (<rPh>) are not text. `_xHHHH_` escapes are decoded.
std::string string_item_text(const pugi::xml_node& item);

}  // namespace poa::xml
