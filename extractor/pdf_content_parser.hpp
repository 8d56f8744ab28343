// A page's content streams read into poppler objects as poppler's Parser reads them, from the
// inflated bytes in memory, and handed to poppler's interpreter (Gfx) operator by operator as
// Gfx::display does. Poppler's Lexer reads every byte through a virtual call and its Parser
// allocates each operator's name and shifts two tokens of lookahead: about a third of the
// reader's instructions on a dense table page. Internal to the PDF reader (pdf_reader.cpp):
// poppler types, not a public header.
#pragma once

#include <poppler/Object.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

class Gfx;
class XRef;

namespace poa::extractor::pdf {

// Reads the objects of a content stream split in parts (the page's /Contents array, each part
// inflated): numbers, names, strings, arrays, dictionaries and operators, with the values
// poppler's Lexer computes (its digit-by-digit arithmetic for reals). Whatever it does not read
// exactly as poppler does — an inline image (its data is not PDF syntax), a name with # escapes,
// a token over a part's end, an integer past 9 digits, R, ) { } — stops it with kOther, and the
// caller hands the rest of the stream to poppler's Parser from the start of the operator
// being read (content streams have no state between operators).
class ContentParser {
 public:
  enum class Read { kArgument, kOperator, kEnd, kOther };
  // A place between two objects: part index and byte offset in it.
  struct Position {
    std::size_t part = 0, offset = 0;
  };

  ContentParser(XRef* xref, const std::vector<std::string>& parts);

  // The next object: an operand into `argument`, or an operator (operator_object() then holds
  // it, owned by the parser), or the end, or kOther (nothing consumed past `position()` is
  // valid then).
  Read next(Object& argument);
  Object* operator_object() { return operator_; }
  Position position() const { return Position{part_, pos_}; }
  // The bytes from `from` to the end as an object poppler's Parser reads: one memory stream, or
  // an array of them when they span parts. They point into the parts given to the constructor.
  Object rest(Position from) const;

 private:
  enum class Token {
    kInt,
    kReal,
    kName,
    kString,
    kOperator,
    kArrayOpen,
    kArrayClose,
    kDictOpen,
    kDictClose,
    kBool,
    kNull,
    kEnd,
    kOther
  };
  Token lex();
  Read object(Object& out, int depth);
  Read value(Token token, Object& out, int depth);
  Object* cached_operator(const char* name, std::size_t length);

  XRef* xref_;
  const std::vector<std::string>& parts_;
  std::size_t part_ = 0, pos_ = 0;
  // The last token's value.
  int int_ = 0;
  double real_ = 0;
  bool bool_ = false;
  std::string text_;  // name, string or operator bytes
  Object* operator_ = nullptr;
  Object fresh_operator_;  // an operator not in the cache
  // Operators by name, made once: every Tj, Td, re… of the page shares one object.
  struct CachedOperator {
    std::uint32_t key = 0;  // the name's bytes and length
    Object object;
  };
  std::vector<CachedOperator> operators_;
};

// Interprets `parts` (the inflated content streams of the page `gfx` draws) as
// gfx.display(contents) does: Gfx::go's loop with ContentParser's objects, and poppler's Parser
// for the rest of the stream from the operator ContentParser stops at.
void display_contents(Gfx& gfx, XRef* xref, const std::vector<std::string>& parts);

}  // namespace poa::extractor::pdf
