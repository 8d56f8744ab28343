// Golden files: every fixtures/**/ folder with input.* and expected.json is converted by the real
// pipeline and compared with its expected output, value by value.
//
// POA_UPDATE_GOLDEN=1 rewrites expected.json (and any expected.*.csv present) from the actual
// output instead of comparing: review the diff by hand before committing it. For PDF fixtures
// `origen.linea` is ignored (line numbers within a page are the reader's business) and written
// as null on update; `origen.confianza` (OCR only) is never compared. POA_GOLDEN_IGNORE_MESSAGES=1
// leaves `mensaje` out of the comparison, to see whether the data is right while message wording is
// still being settled.
#include <gtest/gtest.h>

#include <rapidjson/document.h>
#include <rapidjson/reader.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>
#include "test_files.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "exporters/csv_exporter.hpp"
#include "exporters/json_exporter.hpp"
#include "job/convert.hpp"

namespace poa {
namespace {

namespace fs = std::filesystem;
using job::convert_file;

// ---------------------------------------------------------------------------------------------
// A JSON tree that keeps each number's text, so 10000 and 10000.0 compare equal exactly and
// 0.1 is never a double.
struct Json {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  std::string text;  // number text, string, or "true"/"false"
  std::vector<std::pair<std::string, Json>> members;
  std::vector<Json> items;
};

class JsonBuilder : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, JsonBuilder> {
 public:
  bool Null() { return add(Json{}); }
  bool Bool(bool b) { return add(Json{Json::Kind::kBool, b ? "true" : "false", {}, {}}); }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool) {
    return add(Json{Json::Kind::kNumber, std::string(s, n), {}, {}});
  }
  bool String(const char* s, rapidjson::SizeType n, bool) {
    return add(Json{Json::Kind::kString, std::string(s, n), {}, {}});
  }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    keys_.emplace_back(s, n);
    return true;
  }
  bool StartObject() {
    open_.push_back(Json{Json::Kind::kObject, {}, {}, {}});
    return true;
  }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool StartArray() {
    open_.push_back(Json{Json::Kind::kArray, {}, {}, {}});
    return true;
  }
  bool EndArray(rapidjson::SizeType) { return close(); }
  Json root;

 private:
  bool close() {
    Json done = std::move(open_.back());
    open_.pop_back();
    return add(std::move(done));
  }
  bool add(Json v) {
    if (open_.empty()) {
      root = std::move(v);
    } else if (open_.back().kind == Json::Kind::kObject) {
      open_.back().members.emplace_back(std::move(keys_.back()), std::move(v));
      keys_.pop_back();
    } else {
      open_.back().items.push_back(std::move(v));
    }
    return true;
  }
  std::vector<Json> open_;
  std::vector<std::string> keys_;
};

// Parses `text`; on a syntax error returns nullopt and sets `error`.
std::optional<Json> parse_json(const std::string& text, std::string& error) {
  JsonBuilder builder;
  rapidjson::Reader reader;
  rapidjson::StringStream stream(text.c_str());
  const rapidjson::ParseResult ok =
      reader.Parse<rapidjson::kParseNumbersAsStringsFlag>(stream, builder);
  if (!ok) {
    error = "JSON syntax error at byte " + std::to_string(ok.Offset());
    return std::nullopt;
  }
  return std::move(builder.root);
}

// A short rendering of a value for a diff line.
std::string show(const Json& v) {
  std::string out;
  switch (v.kind) {
    case Json::Kind::kNull:
      out = "null";
      break;
    case Json::Kind::kBool:
    case Json::Kind::kNumber:
      out = v.text;
      break;
    case Json::Kind::kString:
      out = "\"" + v.text + "\"";
      break;
    case Json::Kind::kArray:
      out = "[" + std::to_string(v.items.size()) + " items]";
      break;
    case Json::Kind::kObject: {
      out = "{";
      for (const auto& [k, _] : v.members) out += (out.size() > 1 ? ", " : "") + k;
      out += "}";
      break;
    }
  }
  if (out.size() > 120) out = out.substr(0, 117) + "...";
  return out;
}

bool same_number(const std::string& a, const std::string& b) {
  const std::optional<Decimal> da = Decimal::parse_plain(a);
  const std::optional<Decimal> db = Decimal::parse_plain(b);
  if (da && db) return *da == *db;
  return a == b;  // exponents or out of range: only the same spelling is equal
}

struct DiffOptions {
  bool ignore_origin_lines = false;  // PDF fixtures
  bool ignore_messages = false;
  bool low_confidence_pruned = false;  // internal: this avisos list is pruned already
};

const Json* member_of(const Json& obj, const std::string& key) {
  for (const auto& [k, v] : obj.members) {
    if (k == key) return &v;
  }
  return nullptr;
}

bool is_low_confidence(const Json& aviso) {
  const Json* code = member_of(aviso, "codigo");
  return code != nullptr && code->text == "LOW_CONFIDENCE";
}

// A LOW_CONFIDENCE message without its figures: "… (confianza 0.62, mínimo 0.85) …" -> "… …".
std::string without_figures(const std::string& message) {
  const std::size_t open = message.find(" (confianza ");
  const std::size_t close = message.find(')', open == std::string::npos ? 0 : open);
  if (open == std::string::npos || close == std::string::npos) return message;
  return message.substr(0, open) + message.substr(close + 1);
}

// LOW_CONFIDENCE avisos hang on how sure Tesseract was, which moves with its version and the
// machine's image libraries: those the expected file lists must be there (message compared
// without its figures); others, on values that were read right, are left out of the comparison.
// A value read wrong still differs where the value is.
void prune_low_confidence(Json& expected, Json& actual) {
  std::vector<std::string> wanted;
  for (Json& e : expected.items) {
    if (!is_low_confidence(e)) continue;
    for (auto& [k, v] : e.members) {
      if (k == "mensaje") v.text = without_figures(v.text);
    }
    if (const Json* m = member_of(e, "mensaje")) wanted.push_back(m->text);
  }
  std::vector<Json> kept;
  for (Json& a : actual.items) {
    if (is_low_confidence(a)) {
      for (auto& [k, v] : a.members) {
        if (k == "mensaje") v.text = without_figures(v.text);
      }
      const Json* m = member_of(a, "mensaje");
      const auto it = m ? std::find(wanted.begin(), wanted.end(), m->text) : wanted.end();
      if (it == wanted.end()) continue;
      wanted.erase(it);
    }
    kept.push_back(std::move(a));
  }
  actual.items = std::move(kept);
}

// Appends one line per difference: `path: expected X, actual Y`.
void diff(const Json& expected, const Json& actual, const std::string& path,
          const DiffOptions& options, std::vector<std::string>& out) {
  const std::string where = path.empty() ? "(root)" : path;
  const bool avisos =
      path == "avisos" || (path.size() > 7 && path.compare(path.size() - 7, 7, ".avisos") == 0);
  if (avisos && expected.kind == Json::Kind::kArray && actual.kind == Json::Kind::kArray) {
    Json e = expected, a = actual;
    prune_low_confidence(e, a);
    DiffOptions inner = options;
    inner.low_confidence_pruned = true;
    if (!options.low_confidence_pruned) {
      diff(e, a, path, inner, out);
      return;
    }
  }
  if (expected.kind != actual.kind) {
    out.push_back(where + ": expected " + show(expected) + ", actual " + show(actual));
    return;
  }
  switch (expected.kind) {
    case Json::Kind::kNull:
      return;
    case Json::Kind::kBool:
    case Json::Kind::kString:
      if (expected.text != actual.text) {
        out.push_back(where + ": expected " + show(expected) + ", actual " + show(actual));
      }
      return;
    case Json::Kind::kNumber:
      if (!same_number(expected.text, actual.text)) {
        out.push_back(where + ": expected " + show(expected) + ", actual " + show(actual));
      }
      return;
    case Json::Kind::kArray: {
      const std::size_t common = std::min(expected.items.size(), actual.items.size());
      for (std::size_t i = 0; i < common; ++i) {
        diff(expected.items[i], actual.items[i], path + "[" + std::to_string(i) + "]", options,
             out);
      }
      if (expected.items.size() != actual.items.size()) {
        out.push_back(where + ": expected " + std::to_string(expected.items.size()) +
                      " items, actual " + std::to_string(actual.items.size()));
      }
      return;
    }
    case Json::Kind::kObject: {
      const bool is_origin =
          path == "origen" || (path.size() > 7 && path.compare(path.size() - 7, 7, ".origen") == 0);
      auto skipped = [&](const std::string& key) {
        // OCR confidences move with Tesseract's version and the machine's image libraries; the
        // values read are compared, how sure the OCR was is not (LOW_CONFIDENCE avisos are).
        return (is_origin && key == "confianza") ||
               (options.ignore_origin_lines && is_origin && key == "linea") ||
               (options.ignore_messages && key == "mensaje");
      };
      auto find = [](const Json& obj, const std::string& key) -> const Json* {
        for (const auto& [k, v] : obj.members) {
          if (k == key) return &v;
        }
        return nullptr;
      };
      const std::string prefix = path.empty() ? "" : path + ".";
      for (const auto& [key, value] : expected.members) {
        if (skipped(key)) continue;
        const Json* other = find(actual, key);
        if (other == nullptr) {
          out.push_back(prefix + key + ": missing (expected " + show(value) + ")");
        } else {
          diff(value, *other, prefix + key, options, out);
        }
      }
      for (const auto& [key, value] : actual.members) {
        if (!skipped(key) && find(expected, key) == nullptr) {
          out.push_back(prefix + key + ": unexpected (actual " + show(value) + ")");
        }
      }
      return;
    }
  }
}

std::vector<std::string> json_differences(const std::string& expected, const std::string& actual,
                                          const DiffOptions& options = {}) {
  std::string error;
  const std::optional<Json> e = parse_json(expected, error);
  if (!e) return {"expected: " + error};
  const std::optional<Json> a = parse_json(actual, error);
  if (!a) return {"actual: " + error};
  std::vector<std::string> out;
  diff(*e, *a, "", options, out);
  return out;
}

std::string report(const std::vector<std::string>& differences) {
  constexpr std::size_t kShown = 60;
  std::string out = std::to_string(differences.size()) + " difference(s):\n";
  for (std::size_t i = 0; i < differences.size() && i < kShown; ++i) {
    out += "  " + differences[i] + "\n";
  }
  if (differences.size() > kShown) {
    out += "  … and " + std::to_string(differences.size() - kShown) + " more\n";
  }
  return out;
}

// The harness's own comparison, table-driven: it must catch what matters and only that.
TEST(GoldenDiffTest, ReportsDifferingPaths) {
  struct Case {
    const char* name;
    const char* expected;
    const char* actual;
    std::vector<std::string> differences;
    DiffOptions options;
  };
  const std::vector<Case> cases = {
      {"equal", R"({"a": [1, "x", null, true]})", R"({"a":[1,"x",null,true]})", {}, {}},
      {"numbers by value", R"({"n": 10000, "m": 0.5})", R"({"n": 10000.0, "m": 0.50})", {}, {}},
      {"key order is free", R"({"a": 1, "b": 2})", R"({"b": 2, "a": 1})", {}, {}},
      {"exact beyond double",
       R"({"n": 1234567890123456.78})",
       R"({"n": 1234567890123456.79})",
       {"n: expected 1234567890123456.78, actual 1234567890123456.79"},
       {}},
      {"number vs text", R"({"n": 4})", R"({"n": "4"})", {"n: expected 4, actual \"4\""}, {}},
      {"null vs value",
       R"({"a": {"b": null}})",
       R"({"a": {"b": 0}})",
       {"a.b: expected null, actual 0"},
       {}},
      {"missing and extra keys",
       R"({"a": 1, "b": 2})",
       R"({"a": 1, "c": 3})",
       {"b: missing (expected 2)", "c: unexpected (actual 3)"},
       {}},
      {"nested array path",
       R"({"x": [{"y": [1, 2]}]})",
       R"({"x": [{"y": [1, 3]}]})",
       {"x[0].y[1]: expected 2, actual 3"},
       {}},
      {"array length", R"([1, 2, 3])", R"([1, 2])", {"(root): expected 3 items, actual 2"}, {}},
      {"pdf line ignored",
       R"({"origen": {"pagina": 2, "linea": null}})",
       R"({"origen": {"pagina": 2, "linea": 14}})",
       {},
       DiffOptions{true, false}},
      {"pdf page still compared",
       R"({"a": [{"origen": {"pagina": 2, "linea": null}}]})",
       R"({"a": [{"origen": {"pagina": 3, "linea": 14}}]})",
       {"a[0].origen.pagina: expected 2, actual 3"},
       DiffOptions{true, false}},
      {"linea outside origen still compared",
       R"({"linea": 1})",
       R"({"linea": 2})",
       {"linea: expected 1, actual 2"},
       DiffOptions{true, false}},
      {"text line compared",
       R"({"origen": {"linea": 5}})",
       R"({"origen": {"linea": 6}})",
       {"origen.linea: expected 5, actual 6"},
       {}},
      {"ocr confidence not compared",
       R"({"a": [{"origen": {"pagina": 1, "linea": 3}}]})",
       R"({"a": [{"origen": {"pagina": 1, "linea": 3, "confianza": 0.91}}]})",
       {},
       {}},
      {"low confidence on a value read right is not compared",
       R"j({"avisos": [{"codigo": "X"}]})j",
       R"j({"avisos": [{"codigo": "X"},
                       {"codigo": "LOW_CONFIDENCE", "mensaje": "m (confianza 0.5, mínimo 0.85)"}]})j",
       {},
       {}},
      {"expected low confidence must be there, figures aside",
       R"j({"avisos": [{"codigo": "LOW_CONFIDENCE",
                        "mensaje": "en «ENE»: «3» (confianza 0.40, mínimo 0.85); revíselo"}]})j",
       R"j({"avisos": [{"codigo": "LOW_CONFIDENCE",
                        "mensaje": "en «ENE»: «3» (confianza 0.61, mínimo 0.85); revíselo"}]})j",
       {},
       {}},
      {"expected low confidence missing",
       R"j({"avisos": [{"codigo": "LOW_CONFIDENCE",
                        "mensaje": "en «ENE»: «3» (confianza 0.40, mínimo 0.85)"}]})j",
       R"j({"avisos": []})j",
       {"avisos: expected 1 items, actual 0"},
       {}},
      {"messages ignored on request",
       R"({"mensaje": "a", "codigo": "X"})",
       R"({"mensaje": "b", "codigo": "Y"})",
       {"codigo: expected \"X\", actual \"Y\""},
       DiffOptions{false, true}},
      {"bad json", "{", "{}", {"expected: JSON syntax error at byte 1"}, {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(json_differences(c.expected, c.actual, c.options), c.differences) << c.name;
  }
}

// ---------------------------------------------------------------------------------------------
// Fixture discovery.

struct GoldenCase {
  std::string name;  // test name: the folder under fixtures/ with non-alphanumerics as '_'
  fs::path dir;      // relative to the repo root, e.g. fixtures/pdf/wrapped_cells
  fs::path input;    // dir / input.txt or input.pdf
};

// gtest prints a parameter on failure: show the folder, not its bytes.
void PrintTo(const GoldenCase& c, std::ostream* os) {
  *os << c.dir.generic_string();
}

std::string slurp(const fs::path& p) {
  return test::read_file(p);
}

void spill(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
}

bool env_flag(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr && std::string(v) == "1";
}

std::vector<GoldenCase> discover_cases() {
  // Inputs are named relative to the repo root, as fuente.archivo in expected.json shows them.
  // CTest runs us there; running the binary by hand from elsewhere works too.
  std::error_code ec;
  fs::current_path(POA_SOURCE_DIR, ec);
  std::vector<GoldenCase> cases;
  if (!fs::is_directory("fixtures")) return cases;
  for (const auto& entry : fs::recursive_directory_iterator("fixtures")) {
    if (!entry.is_regular_file() || entry.path().filename() != "expected.json") continue;
    const fs::path dir = entry.path().parent_path();
    fs::path input;
    for (const auto& f : fs::directory_iterator(dir)) {
      if (f.is_regular_file() && f.path().stem() == "input") input = f.path();
    }
    if (input.empty()) continue;
    std::string name = fs::relative(dir, "fixtures").generic_string();
    for (char& c : name) {
      if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    }
    cases.push_back(GoldenCase{name, dir, input});
  }
  std::sort(cases.begin(), cases.end(),
            [](const GoldenCase& a, const GoldenCase& b) { return a.name < b.name; });
  return cases;
}

TEST(GoldenDiscoveryTest, FindsTextAndPdfFixtures) {
  const std::vector<GoldenCase> cases = discover_cases();
  for (const char* extension : {".xlsx", ".ods", ".csv"}) {
    EXPECT_TRUE(std::any_of(cases.begin(), cases.end(), [&](const GoldenCase& c) {
      return c.input.extension() == extension;
    })) << "no golden case with an input" << extension;
  }
  EXPECT_TRUE(std::any_of(cases.begin(), cases.end(),
                          [](const GoldenCase& c) { return c.input.extension() == ".txt"; }));
  EXPECT_TRUE(std::any_of(cases.begin(), cases.end(),
                          [](const GoldenCase& c) { return c.input.extension() == ".pdf"; }));
}

class GoldenTest : public ::testing::TestWithParam<GoldenCase> {
 protected:
  static bool is_pdf() { return GetParam().input.extension() == ".pdf"; }

  // Runs the real pipeline once per fixture; a refused input fails the test with its diagnostic.
  static std::optional<Document> convert() {
    try {
      return convert_file(GetParam().input);
    } catch (const InputError& e) {
      ADD_FAILURE() << "convert_file refused the input: " << e.what();
    } catch (const std::exception& e) {
      ADD_FAILURE() << "convert_file threw: " << e.what();
    }
    return std::nullopt;
  }
};

TEST_P(GoldenTest, JsonMatchesExpected) {
  const std::optional<Document> doc = convert();
  if (!doc) return;
  const std::string actual = exporters::to_json(*doc);
  const fs::path expected_path = GetParam().dir / "expected.json";

  // The exporter's own output must read back to itself, on real documents too.
  EXPECT_EQ(exporters::to_json(exporters::document_from_json(actual, "actual.json")), actual);

  if (env_flag("POA_UPDATE_GOLDEN")) {
    Document written = *doc;
    if (is_pdf()) {
      // Keep the PDF fixtures' convention: line numbers are not part of the contract there.
      auto clear = [](Origin& o) { o.line = std::nullopt; };
      for (Action& a : written.actions) {
        clear(a.origin);
        for (Activity& act : a.activities) clear(act.origin);
        for (Diagnostic& d : a.diagnostics) clear(d.origin);
      }
      for (Diagnostic& d : written.diagnostics) clear(d.origin);
      for (UnrecognizedText& u : written.unrecognized) clear(u.origin);
    }
    spill(expected_path, exporters::to_json(written));
    std::cout << "[ UPDATED  ] " << expected_path.generic_string() << "\n";
    return;
  }
  const std::vector<std::string> differences = json_differences(
      slurp(expected_path), actual, DiffOptions{is_pdf(), env_flag("POA_GOLDEN_IGNORE_MESSAGES")});
  EXPECT_TRUE(differences.empty()) << expected_path.generic_string() << ": " << report(differences);
}

TEST_P(GoldenTest, ExpectedJsonFollowsTheSchema) {
  static const rapidjson::SchemaDocument* schema = [] {
    rapidjson::Document dom;
    dom.Parse(slurp(fs::path(POA_SOURCE_DIR) / "schema/poa.schema.json").c_str());
    EXPECT_FALSE(dom.HasParseError()) << "schema/poa.schema.json does not parse";
    return new rapidjson::SchemaDocument(dom);
  }();
  rapidjson::Document dom;
  const std::string text = slurp(GetParam().dir / "expected.json");
  ASSERT_FALSE(dom.Parse(text.c_str()).HasParseError()) << "expected.json does not parse";
  rapidjson::SchemaValidator validator(*schema);
  if (!dom.Accept(validator)) {
    rapidjson::StringBuffer where;
    validator.GetInvalidDocumentPointer().StringifyUriFragment(where);
    ADD_FAILURE() << "expected.json breaks the schema's `" << validator.GetInvalidSchemaKeyword()
                  << "` at " << where.GetString();
  }
}

// CRLF-separated records, so a mismatch names its line.
std::vector<std::string> csv_differences(const std::string& expected, const std::string& actual) {
  auto lines = [](const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t at; (at = text.find("\r\n", start)) != std::string::npos; start = at + 2) {
      out.push_back(text.substr(start, at - start));
    }
    if (start < text.size()) out.push_back(text.substr(start));
    return out;
  };
  const std::vector<std::string> e = lines(expected), a = lines(actual);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < std::max(e.size(), a.size()); ++i) {
    const std::string ev = i < e.size() ? e[i] : "(none)";
    const std::string av = i < a.size() ? a[i] : "(none)";
    if (ev != av) {
      out.push_back("record " + std::to_string(i + 1) + ":\n    expected " + ev +
                    "\n    actual   " + av);
    }
  }
  return out;
}

// Only the fixtures that hold an expected CSV get this test (no skipped noise for the others).
class GoldenCsvTest : public GoldenTest {};

std::vector<GoldenCase> cases_with_expected_csv() {
  std::vector<GoldenCase> out;
  for (const GoldenCase& c : discover_cases()) {
    if (fs::exists(c.dir / "expected.acciones.csv") ||
        fs::exists(c.dir / "expected.actividades.csv") ||
        fs::exists(c.dir / "expected.partidas.csv")) {
      out.push_back(c);
    }
  }
  return out;
}

TEST_P(GoldenCsvTest, CsvMatchesExpected) {
  const fs::path acciones = GetParam().dir / "expected.acciones.csv";
  const fs::path actividades = GetParam().dir / "expected.actividades.csv";
  const fs::path partidas = GetParam().dir / "expected.partidas.csv";
  const std::optional<Document> doc = convert();
  if (!doc) return;
  const std::pair<fs::path, std::string> tables[] = {
      {acciones, exporters::acciones_csv(*doc)},
      {actividades, exporters::actividades_csv(*doc)},
      {partidas, exporters::partidas_csv(*doc)},
  };
  for (const auto& [path, actual] : tables) {
    if (!fs::exists(path)) continue;
    if (env_flag("POA_UPDATE_GOLDEN")) {
      spill(path, actual);
      std::cout << "[ UPDATED  ] " << path.generic_string() << "\n";
      continue;
    }
    const std::vector<std::string> differences = csv_differences(slurp(path), actual);
    EXPECT_TRUE(differences.empty()) << path.generic_string() << ": " << report(differences);
  }
}

// ---------------------------------------------------------------------------------------------
// The same POA as PDF and as workbook: each PDF fixture made from a workbook (source.xlsx beside
// input.pdf) converts from that workbook to the PDF's expected data. What only a printed page
// has is left out: `fuente`, origins (pages vs cells), ORPHAN_ROWS (page overflow, which a sheet
// does not have), PAGE_FURNITURE_DROPPED (page numbers and running footers the print adds) and
// the repeats of a letterhead printed on every page.

bool same_json(const Json& a, const Json& b) {
  std::vector<std::string> out;
  diff(a, b, "", {}, out);
  return out.empty();
}

Json for_parity(const Json& v, const std::string& key = "") {
  Json out = v;
  out.members.clear();
  out.items.clear();
  for (const auto& [k, member] : v.members) {
    if (k != "fuente" && k != "origen") out.members.emplace_back(k, for_parity(member, k));
  }
  for (const Json& item : v.items) {
    Json kept = for_parity(item);
    const bool printed_only =
        std::any_of(kept.members.begin(), kept.members.end(), [](const auto& m) {
          return m.first == "codigo" &&
                 (m.second.text == "ORPHAN_ROWS" || m.second.text == "PAGE_FURNITURE_DROPPED");
        });
    const bool repeat = (key == "avisos" || key == "no_reconocido") &&
                        std::any_of(out.items.begin(), out.items.end(),
                                    [&](const Json& seen) { return same_json(seen, kept); });
    if (!printed_only && !repeat) out.items.push_back(std::move(kept));
  }
  return out;
}

std::vector<GoldenCase> pdf_cases_with_workbook() {
  std::vector<GoldenCase> out;
  for (GoldenCase c : discover_cases()) {
    if (c.input.extension() != ".pdf" || !fs::exists(c.dir / "source.xlsx")) continue;
    c.input = c.dir / "source.xlsx";
    out.push_back(c);
  }
  return out;
}

class SheetParityTest : public GoldenTest {};

TEST_P(SheetParityTest, WorkbookGivesThePdfsData) {
  const std::optional<Document> doc = convert();
  if (!doc) return;
  EXPECT_EQ(doc->source.type, SourceType::kXlsx);
  std::string error;
  const std::optional<Json> expected = parse_json(slurp(GetParam().dir / "expected.json"), error);
  const std::optional<Json> actual = parse_json(exporters::to_json(*doc), error);
  ASSERT_TRUE(expected && actual) << error;
  std::vector<std::string> differences;
  diff(for_parity(*expected), for_parity(*actual), "", {}, differences);
  EXPECT_TRUE(differences.empty()) << GetParam().input.generic_string() << ": "
                                   << report(differences);
}

TEST(SheetParityDiscoveryTest, FindsTheWorkbooksOfPdfFixtures) {
  EXPECT_GE(pdf_cases_with_workbook().size(), 15U);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, SheetParityTest, ::testing::ValuesIn(pdf_cases_with_workbook()),
                         [](const ::testing::TestParamInfo<GoldenCase>& info) {
                           return info.param.name;
                         });

INSTANTIATE_TEST_SUITE_P(Fixtures, GoldenTest, ::testing::ValuesIn(discover_cases()),
                         [](const ::testing::TestParamInfo<GoldenCase>& info) {
                           return info.param.name;
                         });
INSTANTIATE_TEST_SUITE_P(Fixtures, GoldenCsvTest, ::testing::ValuesIn(cases_with_expected_csv()),
                         [](const ::testing::TestParamInfo<GoldenCase>& info) {
                           return info.param.name;
                         });
// Until fixtures exist (a fresh checkout without them), GoldenDiscovery fails, not these.
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GoldenTest);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GoldenCsvTest);

}  // namespace
}  // namespace poa
