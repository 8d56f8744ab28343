// JSON -> Document: reads back exactly what to_json writes, numbers taken from their text.
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "exporters/json_exporter.hpp"

namespace poa::exporters {
namespace {

// A minimal DOM that, unlike rapidjson::Document with kParseNumbersAsStringsFlag, still knows
// whether a value was a number or a string: "4" and 4 are different types in the contract.
struct Member;
struct Node {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  std::string text;  // the number's literal text, or the string
  // Not std::pair<std::string, Node>: a pair needs Node complete here, and clang refuses it.
  std::vector<Member> members;
  std::vector<Node> items;
};
struct Member {
  std::string key;
  Node value;
};

class TreeBuilder : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, TreeBuilder> {
 public:
  bool Null() { return add(Node{}); }
  bool Bool(bool) { return add(Node{Node::Kind::kBool, {}, {}, {}}); }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool) {
    return add(Node{Node::Kind::kNumber, std::string(s, n), {}, {}});
  }
  bool String(const char* s, rapidjson::SizeType n, bool) {
    return add(Node{Node::Kind::kString, std::string(s, n), {}, {}});
  }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    keys_.emplace_back(s, n);
    return true;
  }
  bool StartObject() {
    open_.push_back(Node{Node::Kind::kObject, {}, {}, {}});
    return true;
  }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool StartArray() {
    open_.push_back(Node{Node::Kind::kArray, {}, {}, {}});
    return true;
  }
  bool EndArray(rapidjson::SizeType) { return close(); }

  Node take_root() { return std::move(root_); }

 private:
  bool close() {
    Node done = std::move(open_.back());
    open_.pop_back();
    return add(std::move(done));
  }
  bool add(Node n) {
    if (open_.empty()) {
      root_ = std::move(n);
    } else if (open_.back().kind == Node::Kind::kObject) {
      open_.back().members.push_back(Member{std::move(keys_.back()), std::move(n)});
      keys_.pop_back();
    } else {
      open_.back().items.push_back(std::move(n));
    }
    return true;
  }

  std::vector<Node> open_;
  std::vector<std::string> keys_;
  Node root_;
};

const char* parse_error_text(rapidjson::ParseErrorCode code) {
  switch (code) {
    case rapidjson::kParseErrorDocumentEmpty:
      return "el documento está vacío";
    case rapidjson::kParseErrorDocumentRootNotSingular:
      return "hay contenido después del valor principal";
    case rapidjson::kParseErrorObjectMissName:
      return "falta el nombre de una clave";
    case rapidjson::kParseErrorObjectMissColon:
      return "falta «:» después de una clave";
    case rapidjson::kParseErrorObjectMissCommaOrCurlyBracket:
      return "falta «,» o «}»";
    case rapidjson::kParseErrorArrayMissCommaOrSquareBracket:
      return "falta «,» o «]»";
    case rapidjson::kParseErrorStringMissQuotationMark:
      return "un texto no tiene comillas de cierre";
    case rapidjson::kParseErrorStringInvalidEncoding:
      return "un texto no es UTF-8 válido";
    case rapidjson::kParseErrorStringEscapeInvalid:
    case rapidjson::kParseErrorStringUnicodeEscapeInvalidHex:
    case rapidjson::kParseErrorStringUnicodeSurrogateInvalid:
      return "una secuencia de escape no es válida";
    case rapidjson::kParseErrorNumberTooBig:
    case rapidjson::kParseErrorNumberMissFraction:
    case rapidjson::kParseErrorNumberMissExponent:
      return "un número no es válido";
    default:
      return "la sintaxis no es válida";
  }
}

// Walks the tree, naming every complaint by its JSON path ("acciones[0].actividades[2].inversion").
class DocumentReader {
 public:
  explicit DocumentReader(std::string path) : path_(std::move(path)) {}

  [[noreturn]] void fail(const std::string& at, const std::string& what) const {
    throw InputError(diag::make(DiagnosticCode::kInvalidValue, Severity::kError,
                                "documento JSON de poa no válido en «" + at + "»: " + what,
                                Origin{path_, {}, {}, {}}, at));
  }

  void expect(const Node& n, Node::Kind kind, const std::string& at, const char* what) const {
    if (n.kind != kind) fail(at, std::string("se esperaba ") + what);
  }

  const Node& member(const Node& obj, std::string_view key, const std::string& at) const {
    for (const auto& [k, v] : obj.members) {
      if (k == key) return v;
    }
    fail(join(at, key), "falta la clave");
  }

  static std::string join(const std::string& at, std::string_view key) {
    return at.empty() ? std::string(key) : at + "." + std::string(key);
  }
  static std::string index(const std::string& at, std::size_t i) {
    return at + "[" + std::to_string(i) + "]";
  }

  // Each accessor reads `obj.key`; opt_* accept null.
  const Node& object(const Node& obj, std::string_view key, const std::string& at) const {
    const Node& n = member(obj, key, at);
    expect(n, Node::Kind::kObject, join(at, key), "un objeto");
    return n;
  }
  const Node& array(const Node& obj, std::string_view key, const std::string& at) const {
    const Node& n = member(obj, key, at);
    expect(n, Node::Kind::kArray, join(at, key), "una lista");
    return n;
  }
  std::string text(const Node& obj, std::string_view key, const std::string& at) const {
    const Node& n = member(obj, key, at);
    expect(n, Node::Kind::kString, join(at, key), "un texto");
    return n.text;
  }
  // A key added to the format later: absent in older documents, read as null.
  std::optional<std::string> added_text(const Node& obj, std::string_view key,
                                        const std::string& at) const {
    const bool present = std::any_of(obj.members.begin(), obj.members.end(),
                                     [&](const Member& m) { return m.key == key; });
    return present ? opt_text(obj, key, at) : std::nullopt;
  }
  std::optional<std::string> opt_text(const Node& obj, std::string_view key,
                                      const std::string& at) const {
    const Node& n = member(obj, key, at);
    if (n.kind == Node::Kind::kNull) return std::nullopt;
    expect(n, Node::Kind::kString, join(at, key), "un texto o null");
    return n.text;
  }
  std::optional<Decimal> opt_decimal(const Node& n, const std::string& at) const {
    if (n.kind == Node::Kind::kNull) return std::nullopt;
    expect(n, Node::Kind::kNumber, at, "un número o null");
    // parse_plain refuses exponents (1e4): to_json never writes them and they are not exact.
    std::optional<Decimal> d = Decimal::parse_plain(n.text);
    if (!d) fail(at, "el número «" + n.text + "» no es un decimal exacto sin exponente");
    return d;
  }
  // Money keeps scale 2 (cents), as the normaliser produces it.
  std::optional<Decimal> opt_money(const Node& obj, std::string_view key,
                                   const std::string& at) const {
    std::optional<Decimal> d = opt_decimal(member(obj, key, at), join(at, key));
    if (d && d->scale < 2) d = d->rescaled(2);
    return d;
  }
  std::optional<std::int64_t> opt_int64(const Node& obj, std::string_view key,
                                        const std::string& at) const {
    const std::string here = join(at, key);
    const Node& n = member(obj, key, at);
    if (n.kind == Node::Kind::kNull) return std::nullopt;
    expect(n, Node::Kind::kNumber, here, "un entero o null");
    std::optional<Decimal> d = Decimal::parse_plain(n.text);
    if (!d || !d->is_integer()) fail(here, "se esperaba un entero y se encontró «" + n.text + "»");
    return d->trimmed().mantissa;
  }
  std::optional<int> opt_int(const Node& obj, std::string_view key, const std::string& at) const {
    std::optional<std::int64_t> v = opt_int64(obj, key, at);
    if (!v) return std::nullopt;
    if (*v < std::numeric_limits<int>::min() || *v > std::numeric_limits<int>::max()) {
      fail(join(at, key), "el entero está fuera de rango");
    }
    return static_cast<int>(*v);
  }

  // A key that only some documents have (added to the format later): nullptr when absent.
  static const Node* optional_member(const Node& obj, std::string_view key) {
    for (const auto& [k, v] : obj.members) {
      if (k == key) return &v;
    }
    return nullptr;
  }

  Origin origin(const Node& obj, const std::string& at) const {
    const Node& o = object(obj, "origen", at);
    const std::string here = join(at, "origen");
    // The JSON keeps no file per origin: everything in it comes from fuente.archivo.
    Origin out{archivo_, opt_int(o, "pagina", here), opt_int(o, "linea", here), std::nullopt};
    // `celda` (workbooks) and `confianza` (OCR) were added later: absent in other documents.
    if (optional_member(o, "celda") != nullptr) out.cell = opt_text(o, "celda", here);
    if (const Node* c = optional_member(o, "confianza")) {
      const std::optional<Decimal> d = opt_decimal(*c, join(here, "confianza"));
      if (d) out.confidence = static_cast<double>(d->rescaled(2).mantissa) / 100;
    }
    return out;
  }

  std::optional<CodedText> coded_text(const Node& obj, std::string_view key,
                                      const std::string& at) const {
    const Node& n = member(obj, key, at);
    if (n.kind == Node::Kind::kNull) return std::nullopt;
    const std::string here = join(at, key);
    expect(n, Node::Kind::kObject, here, "un objeto o null");
    return CodedText{opt_text(n, "codigo", here), opt_text(n, "nombre", here)};
  }

  Diagnostics diagnostics(const Node& obj, const std::string& at) const {
    const Node& list = array(obj, "avisos", at);
    const std::string here = join(at, "avisos");
    Diagnostics out;
    for (std::size_t i = 0; i < list.items.size(); ++i) {
      const std::string item_at = index(here, i);
      const Node& n = list.items[i];
      expect(n, Node::Kind::kObject, item_at, "un objeto");
      Diagnostic d;
      const std::string code = text(n, "codigo", item_at);
      const auto* found =
          std::find_if(std::begin(kAllDiagnosticCodes), std::end(kAllDiagnosticCodes),
                       [&](DiagnosticCode c) { return code_name(c) == code; });
      if (found == std::end(kAllDiagnosticCodes)) {
        fail(join(item_at, "codigo"), "código de aviso desconocido «" + code + "»");
      }
      d.code = *found;
      const std::string severity = text(n, "severidad", item_at);
      bool known = false;
      for (Severity s : {Severity::kInfo, Severity::kWarning, Severity::kError}) {
        if (severity_name(s) == severity) {
          d.severity = s;
          known = true;
        }
      }
      if (!known) fail(join(item_at, "severidad"), "severidad desconocida «" + severity + "»");
      d.message = text(n, "mensaje", item_at);
      d.origin = origin(n, item_at);
      out.push_back(std::move(d));
    }
    return out;
  }

  Activity activity(const Node& n, const std::string& at) const {
    expect(n, Node::Kind::kObject, at, "un objeto");
    Activity a;
    a.actividad = opt_text(n, "actividad", at);
    a.area_responsable = opt_text(n, "area_responsable", at);
    a.unidad_medida = opt_text(n, "unidad_medida", at);
    a.inversion = opt_money(n, "inversion", at);
    a.indicador = opt_text(n, "indicador", at);
    a.programacion_anual =
        opt_decimal(member(n, "programacion_anual", at), join(at, "programacion_anual"));
    const Node& months = array(n, "programacion_mensual", at);
    const std::string months_at = join(at, "programacion_mensual");
    if (months.items.size() != a.programacion_mensual.size()) {
      fail(months_at,
           "se esperaba una lista de 12 meses y tiene " + std::to_string(months.items.size()));
    }
    for (std::size_t m = 0; m < months.items.size(); ++m) {
      a.programacion_mensual[m] = opt_decimal(months.items[m], index(months_at, m));
    }
    a.origin = origin(n, at);
    return a;
  }

  Action action(const Node& n, const std::string& at) const {
    expect(n, Node::Kind::kObject, at, "un objeto");
    Action a;
    a.numero = opt_int64(n, "numero", at);
    a.nombre = opt_text(n, "nombre", at);
    a.secretaria = opt_text(n, "secretaria", at);
    a.principio_rector = opt_text(n, "principio_rector", at);
    a.linea_estrategica = coded_text(n, "linea_estrategica", at);
    a.estrategia = coded_text(n, "estrategia", at);
    a.meta = opt_text(n, "meta", at);
    a.proposito = opt_text(n, "proposito", at);
    const Node& b = member(n, "beneficiarios", at);
    if (b.kind != Node::Kind::kNull) {
      const std::string b_at = join(at, "beneficiarios");
      expect(b, Node::Kind::kObject, b_at, "un objeto o null");
      a.beneficiarios = Beneficiaries{opt_int64(b, "mujeres", b_at), opt_int64(b, "hombres", b_at),
                                      opt_int64(b, "total", b_at)};
    }
    a.inversion_aproximada = opt_money(n, "inversion_aproximada", at);
    const Node& partidas = array(n, "partidas_presupuestales", at);
    for (std::size_t i = 0; i < partidas.items.size(); ++i) {
      expect(partidas.items[i], Node::Kind::kString, index(join(at, "partidas_presupuestales"), i),
             "un texto");
      a.partidas_presupuestales.push_back(partidas.items[i].text);
    }
    const Node& activities = array(n, "actividades", at);
    for (std::size_t i = 0; i < activities.items.size(); ++i) {
      a.activities.push_back(activity(activities.items[i], index(join(at, "actividades"), i)));
    }
    a.origin = origin(n, at);
    a.diagnostics = diagnostics(n, at);
    return a;
  }

  Document document(const Node& root) {
    expect(root, Node::Kind::kObject, "(raíz)", "un objeto");
    // The version first: a future format should be refused for its version, not for a key.
    const Node& version = member(root, "schema_version", "");
    if (version.kind != Node::Kind::kNumber || version.text != "1") {
      fail("schema_version", "se esperaba la versión 1 y se encontró «" +
                                 (version.kind == Node::Kind::kNull ? "null" : version.text) + "»");
    }
    Document doc;
    const Node& f = object(root, "fuente", "");
    doc.source.path = text(f, "archivo", "fuente");
    archivo_ = doc.source.path;
    const std::string tipo = text(f, "tipo", "fuente");
    const auto* type = std::find_if(std::begin(kAllSourceTypes), std::end(kAllSourceTypes),
                                    [&](SourceType t) { return source_type_name(t) == tipo; });
    if (type == std::end(kAllSourceTypes)) {
      fail("fuente.tipo",
           "se esperaba «pdf», «texto», «xlsx», «ods» o «csv» y se encontró «" + tipo + "»");
    }
    doc.source.type = *type;
    doc.source.sha256 = text(f, "sha256", "fuente");
    doc.source.pages = opt_int(f, "paginas", "fuente");
    doc.source.encoding = opt_text(f, "codificacion", "fuente").value_or("");
    if (const Node* pages = optional_member(f, "paginas_ocr")) {
      expect(*pages, Node::Kind::kArray, "fuente.paginas_ocr", "una lista");
      for (std::size_t i = 0; i < pages->items.size(); ++i) {
        const std::string at = index("fuente.paginas_ocr", i);
        const Node& n = pages->items[i];
        expect(n, Node::Kind::kNumber, at, "un número de página");
        const std::optional<Decimal> d = Decimal::parse_plain(n.text);
        if (!d || !d->is_integer() || d->trimmed().mantissa < 1 ||
            d->trimmed().mantissa > 1 << 30) {
          fail(at, "se esperaba un número de página y se encontró «" + n.text + "»");
        }
        doc.source.ocr_pages.push_back(static_cast<int>(d->trimmed().mantissa));
      }
    }
    doc.year = opt_int(root, "ejercicio", "");
    doc.municipio = added_text(root, "municipio", "");
    const Node& actions = array(root, "acciones", "");
    for (std::size_t i = 0; i < actions.items.size(); ++i) {
      doc.actions.push_back(action(actions.items[i], index("acciones", i)));
    }
    doc.diagnostics = diagnostics(root, "");
    const Node& unknown = array(root, "no_reconocido", "");
    for (std::size_t i = 0; i < unknown.items.size(); ++i) {
      const std::string at = index("no_reconocido", i);
      expect(unknown.items[i], Node::Kind::kObject, at, "un objeto");
      doc.unrecognized.push_back(
          UnrecognizedText{text(unknown.items[i], "texto", at), origin(unknown.items[i], at)});
    }
    return doc;
  }

 private:
  std::string path_;
  std::string archivo_;
};

}  // namespace

Document document_from_json(std::string_view json, const std::string& path) {
  TreeBuilder builder;
  rapidjson::Reader reader;
  rapidjson::MemoryStream stream(json.data(), json.size());
  constexpr unsigned kFlags =
      rapidjson::kParseNumbersAsStringsFlag | rapidjson::kParseValidateEncodingFlag;
  const rapidjson::ParseResult ok = reader.Parse<kFlags>(stream, builder);
  if (!ok) {
    // Point at the line, which is what an editor shows.
    const std::size_t offset = std::min(ok.Offset(), json.size());
    const int line = 1 + static_cast<int>(std::count(json.begin(), json.begin() + offset, '\n'));
    throw InputError(diag::make(DiagnosticCode::kInvalidValue, Severity::kError,
                                std::string("el JSON no es válido: ") + parse_error_text(ok.Code()),
                                Origin{path, std::nullopt, line, std::nullopt}));
  }
  return DocumentReader(path).document(builder.take_root());
}

}  // namespace poa::exporters
