// ContentParser against poppler's own Parser, which it reproduces, as the reader uses it: the
// objects it reads compared with poppler's (numbers to the last bit, names, strings, arrays,
// dictionaries, operators), and where it stops (kOther), poppler's Parser reading on from the
// start of that operator (parser_after) compared with poppler's Parser reading from the
// beginning. Shared by tests/pdf_content_parser_test.cpp and fuzz/fuzz_content_parser.cpp.
#pragma once

// First: poppler's Array.h and Dict.h need its Object.h before them.
#include "extractor/pdf_content_parser.hpp"

#include <poppler/Array.h>
#include <poppler/Dict.h>
#include <poppler/Object.h>
#include <poppler/Parser.h>
#include <poppler/Stream.h>
#include <poppler/goo/GooString.h>

#include <cstddef>
#include <cstring>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace poa::extractor::pdf {

// The same object, numbers compared bit for bit.
inline bool same(const Object& a, const Object& b) {
  if (a.getType() != b.getType()) return false;
  switch (a.getType()) {
    case objBool:
      return a.getBool() == b.getBool();
    case objInt:
      return a.getInt() == b.getInt();
    case objInt64:
      return a.getInt64() == b.getInt64();
    case objReal: {
      const double x = a.getReal(), y = b.getReal();
      return std::memcmp(&x, &y, sizeof x) == 0;
    }
    case objString:
      return a.getString()->toStr() == b.getString()->toStr();
    case objHexString:
      return a.getHexString()->toStr() == b.getHexString()->toStr();
    case objName:
      return std::strcmp(a.getName(), b.getName()) == 0;
    case objCmd:
      return std::strcmp(a.getCmd(), b.getCmd()) == 0;
    case objArray: {
      if (a.arrayGetLength() != b.arrayGetLength()) return false;
      for (int i = 0; i < a.arrayGetLength(); ++i) {
        if (!same(a.arrayGetNF(i), b.arrayGetNF(i))) return false;
      }
      return true;
    }
    case objDict: {
      const Dict* x = a.getDict();
      const Dict* y = b.getDict();
      if (x->getLength() != y->getLength()) return false;
      for (int i = 0; i < x->getLength(); ++i) {
        if (std::strcmp(x->getKey(i), y->getKey(i)) != 0) return false;
        if (!same(x->getValNF(i), y->getValNF(i))) return false;
      }
      return true;
    }
    case objRef:
      return a.getRef() == b.getRef();
    default:
      return true;  // null, EOF, error: the type says it all
  }
}

inline std::string show(const Object& o) {
  std::ostringstream out;
  switch (o.getType()) {
    case objInt:
      out << o.getInt();
      break;
    case objReal:
      out.precision(17);
      out << o.getReal();
      break;
    case objName:
      out << '/' << o.getName();
      break;
    case objCmd:
      out << o.getCmd();
      break;
    case objString:
      out << '(' << o.getString()->toStr() << ')';
      break;
    default:
      out << o.getTypeName();
  }
  return out.str();
}

// Memory streams over `parts`, as poppler's Parser reads a page's /Contents.
inline Object as_contents(const std::vector<std::string>& parts) {
  const auto memory = [](const std::string& bytes) {
    return Object(static_cast<Stream*>(
        new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull))));
  };
  if (parts.size() == 1) return memory(parts[0]);
  auto* array = new Array(nullptr);
  for (const std::string& p : parts) array->add(memory(p));
  return Object(array);
}

// The objects poppler's Parser reads from `contents` (a stream or an array of streams).
inline std::vector<Object> poppler_objects(Object& contents) {
  Parser parser(nullptr, &contents, false);
  std::vector<Object> out;
  for (Object o = parser.getObj(); !o.isEOF(); o = parser.getObj()) out.push_back(std::move(o));
  return out;
}

struct Outcome {
  std::string difference;  // "" when every object ours read is poppler's
  bool stopped = false;    // ours stopped (kOther) before the end
};

// Ours against poppler's on `parts`, and poppler's Parser past the objects ours read before the
// operator it stopped in against poppler's from the beginning.
inline Outcome compare(const std::vector<std::string>& parts) {
  Object contents = as_contents(parts);
  const std::vector<Object> expected = poppler_objects(contents);
  ContentParser ours(nullptr, parts);
  Outcome outcome;
  // An operator's objects are compared when its operator is read: ours may stop at any of them
  // (R after two integers), and then poppler reads them all again.
  std::vector<Object> pending;
  std::size_t k = 0;  // objects compared
  for (;;) {
    Object object;
    const ContentParser::Read read = ours.next(object);
    if (read == ContentParser::Read::kOther) {
      outcome.stopped = true;
      break;
    }
    if (read == ContentParser::Read::kArgument) {
      pending.push_back(std::move(object));
      continue;
    }
    if (read == ContentParser::Read::kOperator) {
      pending.emplace_back(objCmd, std::string(ours.operator_name()).c_str());
    }
    for (const Object& got : pending) {
      if (k >= expected.size() || !same(got, expected[k])) {
        outcome.difference = "object " + std::to_string(k) + ": " + show(got) + " vs " +
                             (k < expected.size() ? show(expected[k]) : "the end");
        return outcome;
      }
      ++k;
    }
    pending.clear();
    if (read == ContentParser::Read::kEnd) break;
  }
  const std::size_t operator_first = k;
  if (!outcome.stopped) {
    if (k != expected.size()) outcome.difference = "ended after " + std::to_string(k) + " objects";
    return outcome;
  }
  Object all = ours.contents();
  const std::unique_ptr<Parser> parser = parser_after(nullptr, all, operator_first);
  std::vector<Object> resumed;
  for (Object o = parser->getObj(); !o.isEOF(); o = parser->getObj())
    resumed.push_back(std::move(o));
  if (operator_first + resumed.size() != expected.size()) {
    outcome.difference = "poppler past the operator's start read " +
                         std::to_string(resumed.size()) + " objects, not " +
                         std::to_string(expected.size() - operator_first);
    return outcome;
  }
  for (std::size_t i = 0; i < resumed.size(); ++i) {
    if (!same(resumed[i], expected[operator_first + i])) {
      outcome.difference = "resumed object " + std::to_string(i) + ": " + show(resumed[i]);
      return outcome;
    }
  }
  return outcome;
}

}  // namespace poa::extractor::pdf
