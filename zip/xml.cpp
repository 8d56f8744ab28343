// pugixml under the packages' rule set, and SpreadsheetML's cell references and string items.
#include "zip/xml.hpp"

#include <cstdint>

namespace poa::xml {
namespace {

// parse_doctype only so that a DOCTYPE shows up as a node and can be refused.
constexpr unsigned kParseFlags = pugi::parse_default | pugi::parse_declaration |
                                 pugi::parse_ws_pcdata_single | pugi::parse_doctype;

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// ST_Xstring: a character XML cannot carry is written `_xHHHH_` (`_x000D_` for CR).
std::string decode_xstring(std::string_view s) {
  if (s.find("_x") == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
      std::uint32_t cp = 0;
      bool ok = true;
      for (std::size_t k = 2; k < 6; ++k) {
        const int v = hex_value(s[i + k]);
        ok = ok && v >= 0;
        cp = cp * 16 + static_cast<std::uint32_t>(v < 0 ? 0 : v);
      }
      if (ok && !(cp >= 0xD800 && cp <= 0xDFFF)) {
        append_utf8(out, cp);
        i += 6;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

}  // namespace

void load(pugi::xml_document& doc, std::string_view data, std::string_view part) {
  const pugi::xml_parse_result ok = doc.load_buffer(data.data(), data.size(), kParseFlags);
  if (!ok) {
    throw XmlError("XML no válido en " + std::string(part) + " (" + ok.description() + ")");
  }
  for (pugi::xml_node n : doc.children()) {
    if (n.type() == pugi::node_doctype) {
      throw XmlError("declaración DOCTYPE en " + std::string(part) +
                     ": no se admiten DTD ni entidades");
    }
  }
}

bool strip_doctype(std::string& xml) {
  constexpr std::string_view kDoctype = "<!DOCTYPE";
  for (std::size_t at = xml.find(kDoctype); at != std::string::npos; at = xml.find(kDoctype, at)) {
    int depth = 0;
    char quote = 0;
    std::size_t i = at + kDoctype.size();
    for (; i < xml.size(); ++i) {
      const char c = xml[i];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        ++depth;
      } else if (c == ']') {
        --depth;
      } else if (c == '>' && depth <= 0) {
        break;
      }
    }
    if (i >= xml.size()) return false;
    xml.erase(at, i + 1 - at);
  }
  return true;
}

std::string_view local_name(std::string_view qualified) {
  const auto colon = qualified.find(':');
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

std::string_view local_name(const pugi::xml_node& node) {
  return local_name(std::string_view(node.name()));
}

pugi::xml_node child(const pugi::xml_node& parent, std::string_view local) {
  for (pugi::xml_node c : parent.children())
    if (c.type() == pugi::node_element && local_name(c) == local) return c;
  return {};
}

std::vector<pugi::xml_node> children(const pugi::xml_node& parent, std::string_view local) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c : parent.children())
    if (c.type() == pugi::node_element && local_name(c) == local) out.push_back(c);
  return out;
}

pugi::xml_attribute attribute(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_attribute a : node.attributes())
    if (local_name(std::string_view(a.name())) == local) return a;
  return {};
}

std::optional<CellRef> parse_cell_ref(std::string_view ref) {
  std::size_t i = 0;
  if (i < ref.size() && ref[i] == '$') ++i;
  int column = 0;
  const std::size_t letters = i;
  for (; i < ref.size() && i - letters < 4; ++i) {
    char c = ref[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + (c - 'A' + 1);
  }
  if (i == letters || column > kMaxColumns) return std::nullopt;
  if (i < ref.size() && ref[i] == '$') ++i;
  const std::size_t digits = i;
  int row = 0;
  for (; i < ref.size() && i - digits < 8 && ref[i] >= '0' && ref[i] <= '9'; ++i)
    row = row * 10 + (ref[i] - '0');
  if (i != ref.size() || i == digits || row < 1 || row > kMaxRows) return std::nullopt;
  return CellRef{row, column - 1};
}

std::string column_letters(int index) {
  std::string s;
  for (int n = index + 1; n > 0; n = (n - 1) / 26) s.insert(s.begin(), char('A' + (n - 1) % 26));
  return s;
}

std::string string_item_text(const pugi::xml_node& item) {
  std::string out;
  for (pugi::xml_node c : item.children()) {
    if (local_name(c) == "t") {
      out += c.text().get();
    } else if (local_name(c) == "r") {
      out += child(c, "t").text().get();
    }
  }
  return decode_xstring(out);
}

}  // namespace poa::xml
