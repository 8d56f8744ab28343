// Document -> JSON text in the contract's key order, and the exporter writing one file per input
// as its actions come (the JSON is never held whole in memory).
#include "exporters/json_exporter.hpp"

#include <rapidjson/prettywriter.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include "exporters/atomic_file.hpp"

namespace poa::exporters {
namespace {

// A RapidJSON output stream that hands its bytes to `sink` in chunks: a file, a spool, or a
// string. Whatever the sink, the writer calls are the same, so to_json() and the streaming
// exporter write the same bytes.
class ChunkedStream {
 public:
  using Ch = char;
  explicit ChunkedStream(std::function<void(std::string_view)> sink) : sink_(std::move(sink)) {
    buffer_.reserve(kChunk);
  }
  void Put(char c) {
    buffer_.push_back(c);
    if (buffer_.size() >= kChunk) Flush();
  }
  void Flush() {
    if (buffer_.empty()) return;
    sink_(buffer_);
    buffer_.clear();
  }

 private:
  static constexpr std::size_t kChunk = 1 << 16;
  std::function<void(std::string_view)> sink_;
  std::string buffer_;
};

using Writer = rapidjson::PrettyWriter<ChunkedStream>;

// Thin helpers so the contract below reads as a list of keys. Every optional writes null when
// empty: the contract never uses "" or 0 for "unknown".
void key(Writer& w, std::string_view k) {
  w.Key(k.data(), static_cast<rapidjson::SizeType>(k.size()));
}

void string(Writer& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void nullable_string(Writer& w, const std::optional<std::string>& s) {
  if (s) {
    string(w, *s);
  } else {
    w.Null();
  }
}

// Decimals go out as their exact text, never through a double (1234.5 must not become
// 1234.4999…).
void number(Writer& w, const std::optional<Decimal>& d) {
  if (!d) {
    w.Null();
    return;
  }
  const std::string text = d->to_string();
  w.RawValue(text.data(), text.size(), rapidjson::kNumberType);
}

void integer(Writer& w, const std::optional<std::int64_t>& v) {
  if (v) {
    w.Int64(*v);
  } else {
    w.Null();
  }
}

void integer(Writer& w, const std::optional<int>& v) {
  if (v) {
    w.Int(*v);
  } else {
    w.Null();
  }
}

// Page and line, and a workbook's cell: the file is `fuente.archivo`, and columns are the
// reader's business. `celda` is written only when known, so other inputs' JSON is unchanged;
// `confianza` (values read by OCR only) with two decimals, spelled the same on every locale.
void origin(Writer& w, const Origin& o) {
  w.StartObject();
  key(w, "pagina");
  integer(w, o.page);
  key(w, "linea");
  integer(w, o.line);
  if (o.cell) {
    key(w, "celda");
    string(w, *o.cell);
  }
  if (o.confidence) {
    key(w, "confianza");
    const Decimal c = Decimal::from_cents(std::lround(std::clamp(*o.confidence, 0.0, 1.0) * 100));
    const std::string text = c.to_fixed(2);
    w.RawValue(text.c_str(), text.size(), rapidjson::kNumberType);
  }
  w.EndObject();
}

void coded_text(Writer& w, const std::optional<CodedText>& c) {
  if (!c) {
    w.Null();
    return;
  }
  w.StartObject();
  key(w, "codigo");
  nullable_string(w, c->codigo);
  key(w, "nombre");
  nullable_string(w, c->nombre);
  w.EndObject();
}

void beneficiaries(Writer& w, const std::optional<Beneficiaries>& b) {
  if (!b) {
    w.Null();
    return;
  }
  w.StartObject();
  key(w, "mujeres");
  integer(w, b->mujeres);
  key(w, "hombres");
  integer(w, b->hombres);
  key(w, "total");
  integer(w, b->total);
  w.EndObject();
}

void diagnostics(Writer& w, const Diagnostics& list) {
  w.StartArray();
  for (const Diagnostic& d : list) {
    w.StartObject();
    key(w, "codigo");
    string(w, code_name(d.code));
    key(w, "severidad");
    string(w, severity_name(d.severity));
    key(w, "mensaje");
    string(w, d.message);
    key(w, "origen");
    origin(w, d.origin);
    w.EndObject();
  }
  w.EndArray();
}

void activity(Writer& w, const Activity& a) {
  w.StartObject();
  key(w, "actividad");
  nullable_string(w, a.actividad);
  key(w, "area_responsable");
  nullable_string(w, a.area_responsable);
  key(w, "unidad_medida");
  nullable_string(w, a.unidad_medida);
  key(w, "inversion");
  number(w, a.inversion);
  key(w, "indicador");
  nullable_string(w, a.indicador);
  key(w, "programacion_anual");
  number(w, a.programacion_anual);
  key(w, "programacion_mensual");
  w.StartArray();
  for (const std::optional<Decimal>& m : a.programacion_mensual) number(w, m);
  w.EndArray();
  key(w, "origen");
  origin(w, a.origin);
  w.EndObject();
}

void action(Writer& w, const Action& a) {
  w.StartObject();
  key(w, "numero");
  integer(w, a.numero);
  key(w, "nombre");
  nullable_string(w, a.nombre);
  key(w, "secretaria");
  nullable_string(w, a.secretaria);
  key(w, "principio_rector");
  nullable_string(w, a.principio_rector);
  key(w, "linea_estrategica");
  coded_text(w, a.linea_estrategica);
  key(w, "estrategia");
  coded_text(w, a.estrategia);
  key(w, "meta");
  nullable_string(w, a.meta);
  key(w, "proposito");
  nullable_string(w, a.proposito);
  key(w, "beneficiarios");
  beneficiaries(w, a.beneficiarios);
  key(w, "inversion_aproximada");
  number(w, a.inversion_aproximada);
  key(w, "partidas_presupuestales");
  w.StartArray();
  for (const std::string& p : a.partidas_presupuestales) string(w, p);
  w.EndArray();
  key(w, "actividades");
  w.StartArray();
  for (const Activity& act : a.activities) activity(w, act);
  w.EndArray();
  key(w, "origen");
  origin(w, a.origin);
  key(w, "avisos");
  diagnostics(w, a.diagnostics);
  w.EndObject();
}

void source(Writer& w, const SourceInfo& s) {
  w.StartObject();
  key(w, "archivo");
  string(w, s.path);
  key(w, "tipo");
  string(w, source_type_name(s.type));
  key(w, "sha256");
  string(w, s.sha256);
  key(w, "paginas");
  integer(w, s.pages);
  key(w, "codificacion");
  if (s.encoding.empty()) {
    w.Null();
  } else {
    string(w, s.encoding);
  }
  if (!s.ocr_pages.empty()) {
    key(w, "paginas_ocr");
    w.StartArray();
    for (int page : s.ocr_pages) w.Int(page);
    w.EndArray();
  }
  w.EndObject();
}

// One document being written: the stream and the writer that keeps its nesting between calls.
// The default target encoding is UTF-8, so accented letters are written as they are, not as
// \u escapes; only quotes, backslashes and control characters are escaped.
struct JsonDocumentWriter {
  explicit JsonDocumentWriter(std::function<void(std::string_view)> sink)
      : stream(std::move(sink)), w(stream) {
    w.SetIndent(' ', 2);
  }

  // Everything up to and including the opening `[` of `acciones`.
  void head(const DocumentHead& h) {
    w.StartObject();
    key(w, "schema_version");
    w.Int(1);
    key(w, "fuente");
    source(w, h.source);
    key(w, "ejercicio");
    integer(w, h.year);
    key(w, "municipio");
    nullable_string(w, h.municipio);
    key(w, "acciones");
    w.StartArray();
  }

  // From the closing `]` of `acciones` to the final newline; flushes everything to the sink.
  void tail(const DocumentTail& t) {
    w.EndArray();
    key(w, "avisos");
    diagnostics(w, t.diagnostics);
    key(w, "no_reconocido");
    w.StartArray();
    for (const UnrecognizedText& u : t.unrecognized) {
      w.StartObject();
      key(w, "texto");
      string(w, u.text);
      key(w, "origen");
      origin(w, u.origin);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    stream.Put('\n');
    stream.Flush();
  }

  ChunkedStream stream;
  Writer w;
};

class JsonExporter final : public Exporter {
 public:
  explicit JsonExporter(ExportOptions options) : options_(std::move(options)) {}

  void begin() override {
    if (!options_.to_stdout) create_output_folder(options_.out_dir);
  }

  void begin_document(const DocumentHead& head, const std::string& stem) override {
    if (writer_) throw std::logic_error("JsonExporter::begin_document with a document open");
    std::function<void(std::string_view)> sink;
    if (options_.to_stdout) {
      // Spooled, so a document refused part-way prints nothing.
      spool_.emplace();
      sink = [this](std::string_view bytes) { spool_->write(bytes); };
    } else {
      const std::filesystem::path path = options_.out_dir / (stem + ".json");
      folder_ = path.parent_path();
      created_folder_ = create_output_folder(folder_);  // a stem may name subfolders
      file_.emplace(path);
      sink = [this](std::string_view bytes) { file_->write(bytes); };
    }
    writer_ = std::make_unique<JsonDocumentWriter>(std::move(sink));
    writer_->head(head);
  }

  void write_action(const Action& a) override {
    if (!writer_) throw std::logic_error("JsonExporter::write_action with no document open");
    action(writer_->w, a);
  }

  void end_document(const DocumentTail& tail) override {
    if (!writer_) throw std::logic_error("JsonExporter::end_document with no document open");
    writer_->tail(tail);
    writer_.reset();
    if (options_.to_stdout) {
      spool_->copy_to(std::cout);
      spool_.reset();
    } else {
      written_.push_back(file_->commit());
      file_.reset();
      created_folder_.clear();
    }
  }

  void abort_document() noexcept override {
    writer_.reset();  // first: its sink points at the file or the spool
    file_.reset();    // an uncommitted AtomicFile removes its temporary file
    spool_.reset();
    remove_created_folders(folder_, created_folder_);
    created_folder_.clear();
  }

  std::vector<std::filesystem::path> finish() override { return std::move(written_); }

 private:
  ExportOptions options_;
  std::optional<AtomicFile> file_;
  std::optional<SpoolFile> spool_;
  std::filesystem::path folder_;          // the open document's folder
  std::filesystem::path created_folder_;  // the outermost folder that document created, if any
  std::unique_ptr<JsonDocumentWriter> writer_;
  std::vector<std::filesystem::path> written_;
};

}  // namespace

std::string to_json(const Document& doc) {
  std::string out;
  JsonDocumentWriter writer([&out](std::string_view bytes) { out.append(bytes); });
  writer.head(doc.head());
  for (const Action& a : doc.actions) action(writer.w, a);
  writer.tail(doc.tail());
  return out;
}

std::unique_ptr<Exporter> make_json_exporter(const ExportOptions& options) {
  return std::make_unique<JsonExporter>(options);
}

}  // namespace poa::exporters
