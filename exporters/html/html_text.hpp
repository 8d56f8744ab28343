// Escaping for the review page: every value from a document goes through one of these.
#pragma once

#include <string>
#include <string_view>

namespace poa::exporters::html {

// Text or a double-quoted attribute value: & < > " ' as character references, C0 controls
// other than tab and newline dropped. Safe in element content and in "…" attributes alike.
std::string escape(std::string_view text);

// A relative URL path written by us (a stem, `mun001/poa.html`): each byte outside
// [A-Za-z0-9-._~/] percent-encoded, so a file name never becomes a scheme, a query or markup;
// the result still needs escape() in an attribute (it holds none of its specials).
std::string url_path(std::string_view path);

}  // namespace poa::exporters::html
