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
#include <memory>
#include <string>
#include <string_view>
#include <vector>

class Gfx;
class GfxResources;
class Parser;
class XRef;

namespace poa::extractor::pdf {

// Reads the objects of a content stream split in parts (the page's /Contents array, each part
// inflated): numbers, names, strings, arrays, dictionaries and operators, with the values
// poppler's Lexer computes (its digit-by-digit arithmetic for reals). Whatever it does not read
// exactly as poppler does — an inline image (its data is not PDF syntax; BI or ID), a name with #
// escapes, a token over a part's end, an integer past 9 digits, R, ) { }, a dictionary followed by
// `stream` — stops it with kOther, and the caller hands the rest of the stream to poppler's Parser
// from the start of the operator being read (parser_after).
class ContentParser {
 public:
  enum class Read { kArgument, kOperator, kEnd, kOther };

  ContentParser(XRef* xref, const std::vector<std::string>& parts);

  // The next object: an operand into `argument` (which must own nothing — none, null or a
  // number — as the operand is made in place), or an operator (operator_name() and
  // operator_key() then say which), or the end, or kOther (the objects read since the last
  // operator are not to be used then, and `argument` may hold part of an array or dictionary).
  Read next(Object& argument);
  // The last operator's name (valid until the next call), and its bytes and length as one number
  // when it has at most 3 bytes (every operator of the PDF specification), else 0.
  std::string_view operator_name() const { return operator_name_; }
  std::uint32_t operator_key() const { return operator_key_; }
  // The parts as an object poppler's Parser reads: one memory stream, or an array of them. They
  // point into the parts given to the constructor.
  Object contents() const;

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
  Read value(Token token, Object& out, int depth);
  // Whether the next token is the operator `stream` (read ahead, then the position restored).
  bool followed_by_stream();

  XRef* xref_;
  const std::vector<std::string>& parts_;
  std::size_t part_ = 0, pos_ = 0;
  // The last token's value.
  int int_ = 0;
  double real_ = 0;
  bool bool_ = false;
  std::string text_;         // a name's bytes, or a string's with its escapes undone
  std::string_view string_;  // a string's bytes: in text_, or in the part when it has no escape
  std::string_view operator_name_;
  std::uint32_t operator_key_ = 0;
};

// Poppler's Parser over `contents` (ContentParser::contents()), past its first `skip` objects.
// It starts from the beginning, not from the operator ContentParser stopped in, because what it
// reads there depends on what came before (the byte it skips after an ID, its two tokens of
// lookahead); the objects before are ContentParser's, the same ones.
std::unique_ptr<Parser> parser_after(XRef* xref, Object& contents, std::size_t skip);

// Interprets `parts` (the inflated content streams of the page `gfx` draws, whose resources are
// `resources`) as gfx.display(contents) does: Gfx::go's loop with ContentParser's objects, and
// poppler's Parser for the rest of the stream from the operator ContentParser stops at.
void display_contents(Gfx& gfx, XRef* xref, const std::vector<std::string>& parts,
                      GfxResources* resources);

}  // namespace poa::extractor::pdf
