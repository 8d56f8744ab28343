// Content streams read as poppler's Lexer and Parser read them (see the header); the rules are
// theirs, step by step, and anything else is left to them.
#include "extractor/pdf_content_parser.hpp"

#include <poppler/Array.h>
#include <poppler/Dict.h>
#include <poppler/Gfx.h>
#include <poppler/GfxState.h>
#include <poppler/OutputDev.h>
#include <poppler/Parser.h>
#include <poppler/Stream.h>
#include <poppler/goo/GooString.h>

#include <array>
#include <climits>
#include <cstring>
#include <memory>

#include "extractor/poppler_private.hpp"

namespace poa::extractor::pdf {
namespace {

// poppler's Lexer classes: 1 white space, 2 a delimiter (ends a number, name or operator).
constexpr std::array<unsigned char, 256> kSpecial = [] {
  std::array<unsigned char, 256> table{};
  for (const unsigned char c : {0x00, 0x09, 0x0A, 0x0C, 0x0D, 0x20}) table[c] = 1;
  for (const unsigned char c : {'(', ')', '<', '>', '[', ']', '{', '}', '/', '%'}) table[c] = 2;
  return table;
}();

// Past this the Lexer's next digit may overflow an int: its overflow rules differ between
// poppler versions.
constexpr int kIntegerSafeLimit = (INT_MAX - 9) / 10;
// Poppler's token buffer holds 128 bytes; longer names and operators take its error paths.
constexpr std::size_t kMaxTokenLength = 100;
// Arrays and dictionaries nested deeper than this (poppler allows 500) are left to poppler.
constexpr int kMaxDepth = 32;

bool is_digit(unsigned char c) {
  return c >= '0' && c <= '9';
}

int hex_digit(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// Newer poppler versions turn a string that starts with a UTF-8 byte order mark into UTF-16.
bool starts_with_utf8_bom(std::string_view s) {
  return s.substr(0, 3) == "\xEF\xBB\xBF";
}

// An operator's name of 1 to 3 bytes as a number (every operator of the PDF specification).
constexpr std::uint32_t key_of(const char* name, std::size_t length) {
  std::uint32_t key = static_cast<std::uint32_t>(length);
  for (std::size_t i = 0; i < length; ++i) {
    key |= static_cast<std::uint32_t>(static_cast<unsigned char>(name[i])) << (8 * (i + 1));
  }
  return key;
}

// Makes an object in `slot`, which owns nothing (none, null or a number): assigning a temporary
// would call libpoppler's Object::free twice, once for the old value and once for the temporary.
template <typename... Args>
void construct(Object& slot, Args&&... args) {
  new (&slot) Object(std::forward<Args>(args)...);
}

}  // namespace

ContentParser::ContentParser(XRef* xref, const std::vector<std::string>& parts)
    : xref_(xref), parts_(parts) {}

ContentParser::Token ContentParser::lex() {
  // White space and comments, into the next part as poppler's getChar goes on into it.
  const char* data = nullptr;
  std::size_t size = 0;
  for (;;) {
    if (part_ == parts_.size()) return Token::kEnd;
    data = parts_[part_].data();
    size = parts_[part_].size();
    while (pos_ < size) {
      const auto c = static_cast<unsigned char>(data[pos_]);
      if (kSpecial[c] == 1) {
        ++pos_;
      } else if (c == '%') {
        std::size_t end = pos_ + 1;
        while (end < size && data[end] != '\r' && data[end] != '\n') ++end;
        if (end == size && part_ + 1 < parts_.size()) return Token::kOther;  // over the part's end
        pos_ = end;
      } else {
        break;
      }
    }
    if (pos_ < size) break;
    ++part_;
    pos_ = 0;
  }
  const bool last_part = part_ + 1 == parts_.size();
  // A number, name or operator ends at the part's end only in the last part (poppler's lookChar
  // stops at a part's end in some versions and not in others).
  const auto ends_here = [&](std::size_t end) { return end < size || last_part; };
  const auto c = static_cast<unsigned char>(data[pos_]);
  std::size_t i = pos_ + 1;
  switch (c) {
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
    case '9':
    case '+':
    case '-':
    case '.': {
      // Lexer::getObj's digit-by-digit arithmetic, so that reals are the same doubles.
      const bool negative = c == '-';
      int xi = is_digit(c) ? c - '0' : 0;
      bool real = c == '.';
      if (!real) {
        while (i < size && is_digit(static_cast<unsigned char>(data[i]))) {
          if (xi > kIntegerSafeLimit) return Token::kOther;
          xi = xi * 10 + (data[i] - '0');
          ++i;
        }
        if (i < size && data[i] == '.') {
          real = true;
          ++i;
        }
      }
      if (!real) {
        if (!ends_here(i)) return Token::kOther;
        pos_ = i;
        int_ = negative ? -xi : xi;
        return Token::kInt;
      }
      double xf = xi;
      double scale = 0.1;
      while (i < size && is_digit(static_cast<unsigned char>(data[i]))) {
        xf = xf + scale * (data[i] - '0');
        scale *= 0.1;
        ++i;
      }
      // A minus sign inside a number: poppler versions differ.
      if ((i < size && data[i] == '-') || !ends_here(i)) return Token::kOther;
      pos_ = i;
      real_ = negative ? -xf : xf;
      return Token::kReal;
    }
    case '/': {
      while (i < size && kSpecial[static_cast<unsigned char>(data[i])] == 0) {
        if (data[i] == '#') return Token::kOther;  // an escaped byte
        ++i;
      }
      if (!ends_here(i) || i - pos_ - 1 >= kMaxTokenLength) return Token::kOther;
      text_.assign(data + pos_ + 1, i - pos_ - 1);
      pos_ = i;
      return Token::kName;
    }
    case '(': {
      // Most strings have no escape and no parenthesis inside: their bytes as they are.
      std::size_t end = i;
      while (end < size && data[end] != ')' && data[end] != '(' && data[end] != '\\') ++end;
      if (end < size && data[end] == ')') {
        string_ = std::string_view(data + i, end - i);
        if (starts_with_utf8_bom(string_)) return Token::kOther;
        pos_ = end + 1;
        return Token::kString;
      }
      text_.clear();
      int parens = 1;
      for (;;) {
        if (i >= size) return Token::kOther;  // unterminated in this part
        char b = data[i++];
        if (b == '(') {
          ++parens;
        } else if (b == ')') {
          if (--parens == 0) break;
        } else if (b == '\\') {
          if (i >= size) return Token::kOther;
          b = data[i++];
          switch (b) {
            case 'n':
              b = '\n';
              break;
            case 'r':
              b = '\r';
              break;
            case 't':
              b = '\t';
              break;
            case 'b':
              b = '\b';
              break;
            case 'f':
              b = '\f';
              break;
            case '\\':
            case '(':
            case ')':
              break;
            case '\r':  // a line continuation: nothing
              if (i < size && data[i] == '\n') ++i;
              if (i >= size) return Token::kOther;  // poppler looks at the next part
              continue;
            case '\n':
              continue;
            default:
              if (b >= '0' && b <= '7') {
                int value = b - '0';
                for (int k = 0; k < 2 && i < size && data[i] >= '0' && data[i] <= '7'; ++k) {
                  value = (value << 3) + (data[i++] - '0');
                }
                if (i >= size) return Token::kOther;  // the octal escape may go on
                b = static_cast<char>(value);
              }
              break;
          }
        }
        text_.push_back(b);
      }
      string_ = text_;
      if (starts_with_utf8_bom(string_)) return Token::kOther;
      pos_ = i;
      return Token::kString;
    }
    case '<': {
      if (i < size && data[i] == '<') {
        pos_ = i + 1;
        return Token::kDictOpen;
      }
      text_.clear();
      int high = -1;
      for (;;) {
        if (i >= size) return Token::kOther;  // unterminated in this part
        const auto b = static_cast<unsigned char>(data[i++]);
        if (b == '>') break;
        if (kSpecial[b] == 1) continue;
        const int digit = hex_digit(b);
        if (digit < 0) return Token::kOther;
        if (high < 0) {
          high = digit;
        } else {
          text_.push_back(static_cast<char>((high << 4) | digit));
          high = -1;
        }
      }
      if (high >= 0) text_.push_back(static_cast<char>(high << 4));
      string_ = text_;
      if (starts_with_utf8_bom(string_)) return Token::kOther;
      pos_ = i;
      return Token::kString;  // poppler's Lexer makes the same object of both
    }
    case '>':
      if (i < size && data[i] == '>') {
        pos_ = i + 1;
        return Token::kDictClose;
      }
      return Token::kOther;
    case '[':
      pos_ = i;
      return Token::kArrayOpen;
    case ']':
      pos_ = i;
      return Token::kArrayClose;
    case ')':
    case '{':
    case '}':
      return Token::kOther;
    default: {
      while (i < size && kSpecial[static_cast<unsigned char>(data[i])] == 0) ++i;
      const std::size_t length = i - pos_;
      if (!ends_here(i) || length >= kMaxTokenLength) return Token::kOther;
      const char* name = data + pos_;
      const std::string_view word(name, length);
      pos_ = i;
      if (word == "true" || word == "false") {
        bool_ = word == "true";
        return Token::kBool;
      }
      if (word == "null") return Token::kNull;
      // R makes a reference of the two integers before it; an inline image's data is not PDF
      // syntax and BI's operator reads it with poppler's Parser, which skips the byte after any
      // ID (where the data starts) and reads nothing ahead of it for two objects.
      if (word == "R" || word == "BI" || word == "ID") return Token::kOther;
      operator_name_ = word;
      operator_key_ = length <= 3 ? key_of(name, length) : 0;
      return Token::kOperator;
    }
  }
}

ContentParser::Read ContentParser::value(Token token, Object& out, int depth) {
  switch (token) {
    case Token::kInt:
      construct(out, int_);
      return Read::kArgument;
    case Token::kReal:
      construct(out, real_);
      return Read::kArgument;
    case Token::kName:
      construct(out, objName, text_.c_str());
      return Read::kArgument;
    case Token::kString:
      construct(out, new GooString(string_.data(), string_.size()));
      return Read::kArgument;
    case Token::kBool:
      construct(out, bool_);
      return Read::kArgument;
    case Token::kNull:
      construct(out, objNull);
      return Read::kArgument;
    case Token::kArrayOpen: {
      if (depth >= kMaxDepth) return Read::kOther;
      auto* array = new Array(xref_);
      construct(out, array);
      for (;;) {
        const Token next = lex();
        if (next == Token::kArrayClose) return Read::kArgument;
        Object element;
        if (value(next, element, depth + 1) != Read::kArgument) return Read::kOther;
        array->add(std::move(element));
      }
    }
    case Token::kDictOpen: {
      if (depth >= kMaxDepth) return Read::kOther;
      auto* dict = new Dict(xref_);
      construct(out, dict);
      for (;;) {
        const Token next = lex();
        // Followed by `stream`, poppler's Parser makes an error of it (no stream objects in a
        // content stream) and reads its >> again as an operator.
        if (next == Token::kDictClose) return followed_by_stream() ? Read::kOther : Read::kArgument;
        if (next != Token::kName) return Read::kOther;
        const std::string key = text_;
        Object entry;
        if (value(lex(), entry, depth + 1) != Read::kArgument) return Read::kOther;
        dict->add(key.c_str(), std::move(entry));
      }
    }
    default:
      // An operator inside an array or dictionary, a stray ] or >>, the end inside an array:
      // poppler's Parser makes objects of them that we do not reproduce.
      return Read::kOther;
  }
}

bool ContentParser::followed_by_stream() {
  const std::size_t part = part_, pos = pos_;
  const bool stream = lex() == Token::kOperator && operator_name_ == "stream";
  part_ = part;
  pos_ = pos;
  return stream;
}

ContentParser::Read ContentParser::next(Object& argument) {
  const Token token = lex();
  if (token == Token::kEnd) return Read::kEnd;
  if (token == Token::kOperator) return Read::kOperator;
  return value(token, argument, 0);
}

Object ContentParser::contents() const {
  const auto memory = [&](const std::string& bytes) {
    return Object(static_cast<Stream*>(new MemStream(
        bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(new Dict(xref_)))));
  };
  if (parts_.size() == 1) return memory(parts_[0]);
  auto* array = new Array(xref_);
  for (const std::string& part : parts_) array->add(memory(part));
  return Object(array);
}

std::unique_ptr<Parser> parser_after(XRef* xref, Object& contents, std::size_t skip) {
  auto parser = std::make_unique<Parser>(xref, &contents, false);
  for (std::size_t i = 0; i < skip; ++i) {
    if (parser->getObj().isEOF()) break;
  }
  return parser;
}

// Gfx::go's state and Gfx::execOp's steps, private in poppler (tags in the template's namespace,
// where its friend `member` is declared).
POA_POPPLER_PRIVATE(GfxExecOp, &Gfx::execOp, void (Gfx::*)(Object*, Object*, int));
POA_POPPLER_PRIVATE(GfxFindOp, &Gfx::findOp, const Operator* (Gfx::*)(const char*));
POA_POPPLER_PRIVATE(GfxCheckArg, &Gfx::checkArg, bool (Gfx::*)(Object*, TchkType));
POA_POPPLER_PRIVATE(GfxParser, &Gfx::parser, Parser* Gfx::*);
POA_POPPLER_PRIVATE(GfxOut, &Gfx::out, OutputDev* Gfx::*);
POA_POPPLER_PRIVATE(GfxUpdateLevel, &Gfx::updateLevel, int Gfx::*);
POA_POPPLER_PRIVATE(GfxCommandAborted, &Gfx::commandAborted, bool Gfx::*);
POA_POPPLER_PRIVATE(GfxDisplayDepth, &Gfx::displayDepth, int Gfx::*);
namespace {

// Gfx::go's "periodically update display".
constexpr int kUpdateEvery = 20000;

// Frees what `o` owns (a string, name, array, dictionary…): afterwards it owns nothing, as
// ContentParser::next wants it. A number is left as it is, without a call into libpoppler.
void release(Object& o) {
  switch (o.getType()) {
    case objBool:
    case objInt:
    case objReal:
    case objInt64:
    case objNull:
    case objNone:
      return;
    default:
      o.setToNull();
  }
}

// Poppler's operator table entries of the operators met on a page, by name: Gfx::execOp looks
// each operator up with a binary search of strcmp calls, a tenth of the interpreting.
class OperatorTable {
 public:
  explicit OperatorTable(Gfx& gfx) : gfx_(gfx) {}

  // The entry for `name` (`key` as ContentParser::operator_key()), nullptr when poppler has none.
  const Operator* find(std::string_view name, std::uint32_t key) {
    if (key == 0) return (gfx_.*member(GfxFindOp{}))(std::string(name).c_str());
    Slot& slot = slots_[(key * 2654435761U) >> (32 - kSlotBits)];
    if (slot.key != key) {
      char zero_ended[4] = {};
      name.copy(zero_ended, 3);
      slot = Slot{key, (gfx_.*member(GfxFindOp{}))(zero_ended)};
    }
    return slot.op;
  }

 private:
  static constexpr int kSlotBits = 6;
  struct Slot {
    std::uint32_t key = 0;
    const Operator* op = nullptr;
  };
  Gfx& gfx_;
  std::array<Slot, std::size_t{1} << kSlotBits> slots_{};
};

// Gfx::execOp: the operator's function when the operands are what it takes, else execOp itself
// (it drops extra operands, refuses too few or the wrong types, reports an unknown operator).
void execute(Gfx& gfx, const Operator* op, std::string_view name, Object* args, int num_args) {
  bool direct =
      op != nullptr && (op->numArgs >= 0 ? num_args == op->numArgs : num_args <= -op->numArgs);
  for (int i = 0; direct && i < num_args; ++i) {
    direct = (gfx.*member(GfxCheckArg{}))(&args[i], op->tchk[i]);
  }
  if (direct) {
    (gfx.*(op->func))(args, num_args);
    return;
  }
  Object command(objCmd, std::string(name).c_str());
  (gfx.*member(GfxExecOp{}))(&command, args, num_args);
}

constexpr std::uint32_t kFillRgb = key_of("rg", 2);
constexpr std::uint32_t kStrokeRgb = key_of("RG", 2);

// Whether an rg or RG on this page makes the colour space it finds in use: the page has no
// /DefaultRGB and the state's default RGB space is plain DeviceRGB.
bool rgb_makes_device_rgb(GfxState* state, GfxResources* resources) {
  if (!resources->lookupColorSpace("DefaultRGB").isNull()) return false;
  const std::unique_ptr<GfxColorSpace> space(state->copyDefaultRGBColorSpace());
  return space && space->getMode() == csDeviceRGB;
}

// An rg or RG (`fill` or not) whose three operands give the colour in use, in DeviceRGB with no
// pattern: poppler would look /DefaultRGB up in the resources, make a new DeviceRGB space and
// set the same colour (a twentieth of the interpreting of a table drawn cell by cell), and no
// output device of ours follows colour updates.
bool repeats_rgb(GfxState* state, bool fill, const Object* args) {
  GfxColorSpace* space = fill ? state->getFillColorSpace() : state->getStrokeColorSpace();
  if ((fill ? state->getFillPattern() : state->getStrokePattern()) != nullptr || !space ||
      space->getMode() != csDeviceRGB) {
    return false;
  }
  const GfxColor* colour = fill ? state->getFillColor() : state->getStrokeColor();
  for (int i = 0; i < 3; ++i) {
    if (!args[i].isNum() || dblToCol(args[i].getNum()) != colour->c[i]) return false;
  }
  return true;
}

// Gfx::go's loop over a page's contents: its operands, and what it does after each operator.
// ContentParser's objects first; poppler's Parser's from where ContentParser stops.
class Interpreter {
 public:
  explicit Interpreter(Gfx& gfx)
      : gfx_(gfx),
        update_level_(gfx.*member(GfxUpdateLevel{})),
        command_aborted_(gfx.*member(GfxCommandAborted{})),
        out_(gfx.*member(GfxOut{})),
        operators_(gfx) {}
  ~Interpreter() { drop_operands(); }

  enum class Outcome { kEnd, kAborted, kHandOver };
  // Runs the operators `reader` reads. On kHandOver, `operator_start` is the number of objects
  // read before the operator it stopped in, whose operands are dropped.
  Outcome run(ContentParser& reader, bool rgb_in_place, std::size_t& operator_start) {
    std::size_t objects = 0;
    for (;;) {
      Object& operand = slot();
      const ContentParser::Read read = reader.next(operand);
      if (read == ContentParser::Read::kEnd) return Outcome::kEnd;
      if (read == ContentParser::Read::kOther) {
        operand.setToNull();
        drop_operands();
        return Outcome::kHandOver;
      }
      ++objects;
      command_aborted_ = false;
      if (read == ContentParser::Read::kArgument) {
        keep(operand);
        continue;
      }
      const std::string_view name = reader.operator_name();
      const std::uint32_t key = reader.operator_key();
      const bool same_colour = rgb_in_place && (key == kFillRgb || key == kStrokeRgb) &&
                               num_args_ == 3 &&
                               repeats_rgb(gfx_.getState(), key == kFillRgb, args_.data());
      if (!same_colour) execute(gfx_, operators_.find(name, key), name, args_.data(), num_args_);
      if (!operator_done()) return Outcome::kAborted;
      operator_start = objects;
    }
  }

  // Runs the operators poppler's `parser` reads, to the end.
  void run(Parser& parser) {
    for (;;) {
      Object object = parser.getObj();
      if (object.isEOF()) return;
      command_aborted_ = false;
      if (!object.isCmd()) {
        Object& operand = slot();
        operand = std::move(object);
        keep(operand);
        continue;
      }
      (gfx_.*member(GfxExecOp{}))(&object, args_.data(), num_args_);
      if (!operator_done()) return;
    }
  }

 private:
  Object& slot() {
    return num_args_ < maxArgs ? args_[static_cast<std::size_t>(num_args_)] : extra_;
  }
  void keep(Object& operand) {
    if (&operand == &extra_) {
      release(extra_);  // poppler drops it too ("Too many args in content stream")
    } else {
      ++num_args_;
    }
  }
  void drop_operands() {
    for (int i = 0; i < num_args_; ++i) args_[static_cast<std::size_t>(i)].setToNull();
    num_args_ = 0;
  }
  // After an operator: its operands freed, the display updated now and then; false when the
  // operator aborted the drawing.
  bool operator_done() {
    for (int i = 0; i < num_args_; ++i) release(args_[static_cast<std::size_t>(i)]);
    num_args_ = 0;
    if (++update_level_ >= kUpdateEvery) {
      out_->dump();
      update_level_ = 0;
    }
    if (command_aborted_) {
      command_aborted_ = false;
      return false;
    }
    return true;
  }

  Gfx& gfx_;
  int& update_level_;
  bool& command_aborted_;
  OutputDev* out_;
  OperatorTable operators_;
  std::array<Object, maxArgs> args_;
  Object extra_;  // an operand past maxArgs
  int num_args_ = 0;
};

}  // namespace

void display_contents(Gfx& gfx, XRef* xref, const std::vector<std::string>& parts,
                      GfxResources* resources) {
  int& display_depth = gfx.*member(GfxDisplayDepth{});
  if (display_depth > 100) return;
  ++display_depth;
  gfx.pushStateGuard();
  gfx.*member(GfxUpdateLevel{}) = 1;
  {
    Interpreter interpreter(gfx);
    ContentParser reader(xref, parts);
    std::size_t operator_start = 0;
    if (interpreter.run(reader, rgb_makes_device_rgb(gfx.getState(), resources), operator_start) ==
        Interpreter::Outcome::kHandOver) {
      // The operator being read is read again by poppler, from its first operand on.
      Object contents = reader.contents();
      const std::unique_ptr<Parser> parser = parser_after(xref, contents, operator_start);
      Parser*& gfx_parser = gfx.*member(GfxParser{});
      gfx_parser = parser.get();  // inline images read their data from it
      interpreter.run(*parser);
      gfx_parser = nullptr;
    }
  }  // operands left without an operator freed
  gfx.popStateGuard();
  if (gfx.*member(GfxUpdateLevel{}) > 0) (gfx.*member(GfxOut{}))->dump();
  --display_depth;
}

}  // namespace poa::extractor::pdf
