// The review report: each document's actions beside the page images (or source lines) they were
// read from, every value linked to its box, every warning on the value it concerns; an index
// with counts and charts. Values from documents are escaped (html_text.hpp) and nothing of them
// becomes script: the pages carry a Content-Security-Policy that allows only the report's own
// stylesheet, script and images.
#include "exporters/html/html_exporter.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <stdexcept>

#include "exporters/atomic_file.hpp"
#include "exporters/html/assets.hpp"
#include "exporters/html/html_charts.hpp"
#include "exporters/html/html_text.hpp"
#include "exporters/html/png_writer.hpp"
#include "extractor/encoding.hpp"
#include "extractor/page_image.hpp"
#include "text/values.hpp"

namespace poa::exporters {
namespace {

namespace fs = std::filesystem;
using html::escape;

constexpr double kDpi = 110;
// A document page of the report goes on in a new part past this size (at an action's start).
constexpr std::uint64_t kPartBytes = std::uint64_t{1} << 20;
// Page figures of a part loaded with the page (the first screen); the rest load as they scroll in.
constexpr int kEagerFigures = 2;

constexpr const char* kMonthNames[12] = {"ene", "feb", "mar", "abr", "may", "jun",
                                         "jul", "ago", "sep", "oct", "nov", "dic"};

// The header fields in the form's reading order, with their labels as shown.
struct HeaderRow {
  HeaderField field;
  const char* label;
};
constexpr HeaderRow kHeaderRows[] = {
    {HeaderField::kNumero, "Número de acción"},
    {HeaderField::kNombre, "Nombre de la acción"},
    {HeaderField::kSecretaria, "Secretaría"},
    {HeaderField::kPrincipioRector, "Principio rector"},
    {HeaderField::kLineaEstrategica, "Línea estratégica"},
    {HeaderField::kEstrategia, "Estrategia"},
    {HeaderField::kMeta, "Meta"},
    {HeaderField::kProposito, "Propósito"},
    {HeaderField::kBeneficiarios, "Beneficiarios"},
    {HeaderField::kInversion, "Inversión aproximada"},
    {HeaderField::kPartidas, "Partidas presupuestales"},
};

// The activity columns: the ValueSource field and the heading.
struct ActivityColumn {
  const char* field;
  const char* label;
  bool number;
};
constexpr ActivityColumn kActivityColumns[] = {
    {"actividad", "Actividad", false},
    {"area_responsable", "Área responsable", false},
    {"unidad_medida", "Unidad de medida", false},
    {"inversion", "Inversión", true},
    {"indicador", "Indicador", false},
    {"programacion_anual", "Programación anual", true},
};

constexpr const char* kCsp =
    "default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'; "
    "base-uri 'none'; form-action 'none'; object-src 'none'";

// The <head> every page of the report shares; `root` leads from the page to OUTDIR.
std::string page_head(const std::string& title, const std::string& root) {
  return "<!DOCTYPE html>\n<html lang=\"es\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"" +
         std::string(kCsp) +
         "\">\n<meta name=\"referrer\" content=\"no-referrer\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         escape(title) + "</title>\n<link rel=\"stylesheet\" href=\"" + root +
         html::kStylesheetName + "\">\n<script src=\"" + root + html::kScriptName +
         "\" defer></script>\n</head>\n";
}

std::string warning_html(const Diagnostic& d) {
  const std::string severity(severity_name(d.severity));
  return "<span class=\"aviso sev-" + escape(severity) + "\" data-codigo=\"" +
         escape(code_name(d.code)) + "\" role=\"note\"><span class=\"codigo\">[" +
         escape(code_name(d.code)) + "]</span> " + escape(d.message) + " <small>(" +
         escape(format_origin(d.origin)) + ")</small></span>";
}

std::string money(const std::optional<Decimal>& d) {
  return d ? text::format_money(*d) : std::string();
}

// Where an origin points: the same page and line (and cell, when both know it).
bool same_place(const Origin& a, const Origin& b) {
  return a.page == b.page && a.line == b.line && (!a.column || !b.column || a.column == b.column);
}

// What one document page of the report needs while its actions stream through.
struct OpenDocument {
  DocumentHead head;
  std::string stem;
  std::string root;        // "../" per folder of the stem
  std::string images_rel;  // the images folder, relative to the page: "poa-paginas"
  fs::path images_dir;
  fs::path created_folder;  // the outermost folder the page's stem created (removed on abort)
  std::optional<AtomicFile> file;
  std::unique_ptr<extractor::PageRenderer> renderer;
  std::map<int, std::pair<double, double>> rendered;  // page -> size in points
  std::vector<fs::path> images;  // images and closed parts written so far (removed on abort)
  int part = 1;                  // the page being written: 1 is <stem>.html, then parte-N.html
  int figures = 0;               // page figures in this part (the first ones load eagerly)
  std::optional<fs::path> first_part;  // <stem>.html once committed (a long document)
  std::vector<std::string> lines;      // a text dump's lines
  int ordinal = 0;
  int refs = 0;
  std::size_t activities = 0;
  std::size_t warnings = 0;
  std::map<std::string, std::size_t> by_code;
};

// One value of an action as the page shows it.
struct ShownValue {
  std::string text;  // escaped already
  const ValueSource* source = nullptr;
  std::string ref;  // data-ref linking it to its box or line ("" when none)
  std::vector<const Diagnostic*> warnings;
};

// One row of the index.
struct IndexRow {
  std::string file;
  std::string stem;
  SourceType type = SourceType::kText;
  std::optional<int> pages;
  std::optional<int> year;
  std::size_t actions = 0, activities = 0, warnings = 0;
  std::map<std::string, std::size_t> by_code;
};

class HtmlExporter : public Exporter {
 public:
  explicit HtmlExporter(ExportOptions options) : options_(std::move(options)) {
    if (options_.to_stdout)
      throw std::invalid_argument("el informe HTML no va a la salida estándar");
  }

  void begin() override {}

  void begin_document(const DocumentHead& head, const std::string& stem) override {
    if (doc_) throw std::logic_error("HtmlExporter::begin_document with a document open");
    auto doc = std::make_unique<OpenDocument>();
    doc->head = head;
    doc->stem = stem;
    for (char c : stem)
      if (c == '/') doc->root += "../";
    const fs::path page = options_.out_dir / (stem + ".html");
    doc->images_rel = page.stem().string() + "-paginas";
    doc->images_dir = page.parent_path() / doc->images_rel;
    doc->created_folder = create_output_folder(page.parent_path());
    if (head.source.type == SourceType::kPdf) {
      doc->renderer =
          std::make_unique<extractor::PageRenderer>(head.source.path, options_.password);
    } else {
      doc->lines = read_lines(head.source.path);
    }
    doc->file.emplace(page);
    doc_ = std::move(doc);
    write_head();
  }

  void write_action(const Action& action) override {
    if (!doc_) throw std::logic_error("HtmlExporter::write_action with no document open");
    ++doc_->ordinal;
    doc_->activities += action.activities.size();
    count(action.diagnostics);
    add_totals(action);
    if (doc_->file->size() > kPartBytes) next_part();
    doc_->file->write(action_html(action));
  }

  void end_document(const DocumentTail& tail) override {
    if (!doc_) throw std::logic_error("HtmlExporter::end_document with no document open");
    count(tail.diagnostics);
    doc_->file->write(tail_html(tail));
    const fs::path last = doc_->file->commit();
    written_.push_back(doc_->first_part.value_or(last));
    if (!doc_->images.empty()) written_.push_back(doc_->images_dir);
    IndexRow row{doc_->head.source.path,  doc_->stem,      doc_->head.source.type,
                 doc_->head.source.pages, doc_->head.year, static_cast<std::size_t>(doc_->ordinal),
                 doc_->activities,        doc_->warnings,  doc_->by_code};
    rows_.push_back(std::move(row));
    committed_totals_ = totals_;
    doc_.reset();
  }

  void abort_document() noexcept override {
    if (!doc_) return;
    std::error_code ec;
    for (const fs::path& image : doc_->images) fs::remove(image, ec);
    if (doc_->first_part) fs::remove(*doc_->first_part, ec);
    fs::remove(doc_->images_dir, ec);  // only when empty
    remove_created_folders(doc_->images_dir.parent_path(), doc_->created_folder);
    doc_.reset();  // the page's AtomicFile removes its temporary file
    totals_ = committed_totals_;
  }

  void refused_input(const Diagnostic& why) override { refused_.push_back(why); }

  std::vector<fs::path> finish() override {
    write_file(html::kStylesheetName, html::kStylesheet);
    write_file(html::kScriptName, html::kScript);
    write_file("index.html", index_html());
    return std::move(written_);
  }

 private:
  struct Totals {
    std::map<std::string, Decimal> by_secretaria;
    std::array<double, 12> by_month{};
    Decimal unscheduled = Decimal::from_cents(0);
  };

  static std::vector<std::string> read_lines(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string text = extractor::decode_to_utf8(bytes).utf8;
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos < text.size()) {
      std::size_t end = pos;
      while (end < text.size() && text[end] != '\n' && text[end] != '\r') ++end;
      lines.push_back(text.substr(pos, end - pos));
      pos = end + ((end + 1 < text.size() && text[end] == '\r' && text[end + 1] == '\n') ? 2 : 1);
    }
    return lines;
  }

  void count(const Diagnostics& diagnostics) {
    for (const Diagnostic& d : diagnostics) {
      ++doc_->by_code[std::string(code_name(d.code))];
      if (d.severity != Severity::kInfo) ++doc_->warnings;
    }
  }

  void add_totals(const Action& action) {
    std::optional<Decimal> amount = action.inversion_aproximada;
    if (!amount) {
      for (const Activity& a : action.activities)
        if (a.inversion) amount = amount ? *amount + *a.inversion : *a.inversion;
    }
    if (amount) {
      // "Secretaría de Planeación." and "Secretaría de Planeación" are one secretaría.
      std::string key = action.secretaria.value_or("(sin secretaría)");
      while (!key.empty() && (key.back() == '.' || key.back() == ' ')) key.pop_back();
      auto it = totals_.by_secretaria.find(key);
      if (it == totals_.by_secretaria.end()) {
        totals_.by_secretaria.emplace(key, *amount);
      } else {
        it->second += *amount;
      }
    }
    // Each activity's investment spread over its months in proportion to its programme.
    for (const Activity& a : action.activities) {
      if (!a.inversion) continue;
      double sum = 0;
      for (const auto& m : a.programacion_mensual)
        if (m && m->to_double() > 0) sum += m->to_double();
      if (sum <= 0) {
        totals_.unscheduled += *a.inversion;
        continue;
      }
      for (int i = 0; i < 12; ++i) {
        const auto& m = a.programacion_mensual[i];
        if (m && m->to_double() > 0)
          totals_.by_month[i] += a.inversion->to_double() * m->to_double() / sum;
      }
    }
  }

  void write_file(const std::string& name, const std::string& content) {
    AtomicFile file(options_.out_dir / name);
    file.write(content);
    written_.push_back(file.commit());
  }

  // Where a part's links lead: to OUTDIR, to the images folder, to a part.
  std::string part_root() const { return doc_->root + (doc_->part > 1 ? "../" : ""); }
  std::string images_prefix() const {
    return doc_->part > 1 ? std::string() : html::url_path(doc_->images_rel) + "/";
  }
  std::string part_href(int part) const {
    const std::string name = part > 1 ? "parte-" + std::to_string(part) + ".html"
                                      : fs::path(doc_->stem).filename().string() + ".html";
    if (doc_->part > 1) return html::url_path(part > 1 ? name : "../" + name);
    return html::url_path(part > 1 ? doc_->images_rel + "/" + name : name);
  }

  void write_head() {
    const SourceInfo& s = doc_->head.source;
    const std::string part =
        doc_->part > 1 ? " (parte " + std::to_string(doc_->part) + ")" : std::string();
    std::string out = page_head("Revisión — " + s.path + part, part_root());
    out +=
        "<body class=\"documento\">\n<a class=\"saltar\" href=\"#contenido\">Saltar al "
        "contenido</a>\n<header>\n<nav><a href=\"" +
        part_root() + "index.html\">← Índice de la revisión</a>" +
        (doc_->part > 1 ? " · <a href=\"" + escape(part_href(doc_->part - 1)) + "\">← Parte " +
                              std::to_string(doc_->part - 1) + "</a>"
                        : std::string()) +
        "</nav>\n<h1>Revisión: " + escape(s.path) + part + "</h1>\n<p class=\"fuente\">";
    out += s.type == SourceType::kPdf
               ? "PDF" + (s.pages ? ", " + std::to_string(*s.pages) + " páginas" : std::string())
               : "Texto (" + escape(s.encoding) + ")";
    out += doc_->head.year ? " · ejercicio " + std::to_string(*doc_->head.year)
                           : std::string(" · sin ejercicio");
    out += " · sha256 " + escape(s.sha256) +
           "</p>\n<p>Pase el cursor o el foco (Tab) por un valor "
           "para ver de dónde se leyó; Intro salta a su caja. Un documento largo sigue en partes "
           "(el enlace está al pie); los avisos del documento están al final de la última.</p>"
           "\n</header>\n<main id=\"contenido\">\n";
    doc_->file->write(out);
  }

  // A long document goes on in another page (parte-N.html in the images folder) at an action's
  // start, so no page of the report grows past about kPartBytes.
  void next_part() {
    doc_->file->write("</main>\n<footer><nav class=\"partes\"><a href=\"" +
                      escape(part_href(doc_->part + 1)) + "\">Parte " +
                      std::to_string(doc_->part + 1) + " →</a></nav></footer>\n</body>\n</html>\n");
    const fs::path done = doc_->file->commit();
    if (doc_->part > 1) doc_->images.push_back(done);
    doc_->first_part = doc_->part == 1 ? std::optional<fs::path>(done) : doc_->first_part;
    doc_->file.reset();
    ++doc_->part;
    doc_->figures = 0;
    create_output_folder(doc_->images_dir);
    doc_->file.emplace(doc_->images_dir / ("parte-" + std::to_string(doc_->part) + ".html"));
    write_head();
  }

  std::string next_ref() { return "r" + std::to_string(++doc_->refs); }

  // A value linked to its source: a box on a page, a cell of a text line, or a whole line.
  ShownValue shown(std::string text, const ValueSource* source) {
    ShownValue v{std::move(text), source, {}, {}};
    if (!source) return v;
    if (doc_->head.source.type == SourceType::kPdf) {
      if (source->box && source->origin.page) v.ref = next_ref();
    } else if (source->origin.line) {
      v.ref = line_ref(*source);
    }
    return v;
  }

  // A text dump's cell (a tab-separated line) links one value; a line of another kind links
  // all its values to the whole line.
  std::string line_ref(const ValueSource& s) {
    const int line = *s.origin.line;
    const bool tabbed = line >= 1 && line <= static_cast<int>(doc_->lines.size()) &&
                        doc_->lines[line - 1].find('\t') != std::string::npos;
    if (tabbed && s.origin.column)
      return "l" + std::to_string(line) + "c" + std::to_string(*s.origin.column);
    return "l" + std::to_string(line);
  }

  std::string value_html(const ShownValue& v) {
    std::string out;
    if (v.text.empty()) {
      out = "<span class=\"vacio\">sin dato</span>";
    } else if (!v.ref.empty()) {
      out = "<span class=\"valor\" tabindex=\"0\" data-ref=\"" + v.ref + "\">" + v.text + "</span>";
    } else {
      out = "<span class=\"valor\">" + v.text + "</span>";
    }
    for (const Diagnostic* d : v.warnings) out += warning_html(*d);
    return out;
  }

  std::pair<double, double> render_page(int page);
  std::string action_html(const Action& action);
  std::string figures_html(const std::vector<const ShownValue*>& linked, const std::string& id);
  std::string lines_html(const std::vector<const ShownValue*>& linked, const Action& action);
  std::string tail_html(const DocumentTail& tail);
  std::string index_html() const;

  ExportOptions options_;
  std::unique_ptr<OpenDocument> doc_;
  std::vector<IndexRow> rows_;
  std::vector<Diagnostic> refused_;
  std::vector<fs::path> written_;
  Totals totals_;
  Totals committed_totals_;
};

const ValueSource* find_source(const std::vector<ValueSource>& sources, std::string_view field) {
  for (const ValueSource& s : sources)
    if (s.field == field) return &s;
  return nullptr;
}

std::string header_text(const Action& a, HeaderField f) {
  auto coded = [](const std::optional<CodedText>& c) {
    if (!c) return std::string();
    std::string out = c->codigo.value_or("");
    if (c->nombre) out += (out.empty() ? "" : " ") + *c->nombre;
    return out;
  };
  switch (f) {
    case HeaderField::kSecretaria:
      return a.secretaria.value_or("");
    case HeaderField::kNombre:
      return a.nombre.value_or("");
    case HeaderField::kBeneficiarios: {
      if (!a.beneficiarios) return {};
      const Beneficiaries& b = *a.beneficiarios;
      auto n = [](const std::optional<std::int64_t>& v) {
        return v ? std::to_string(*v) : std::string("—");
      };
      return "mujeres " + n(b.mujeres) + " · hombres " + n(b.hombres) + " · total " + n(b.total);
    }
    case HeaderField::kPrincipioRector:
      return a.principio_rector.value_or("");
    case HeaderField::kNumero:
      return a.numero ? std::to_string(*a.numero) : std::string();
    case HeaderField::kMeta:
      return a.meta.value_or("");
    case HeaderField::kLineaEstrategica:
      return coded(a.linea_estrategica);
    case HeaderField::kInversion:
      return money(a.inversion_aproximada);
    case HeaderField::kEstrategia:
      return coded(a.estrategia);
    case HeaderField::kProposito:
      return a.proposito.value_or("");
    case HeaderField::kPartidas: {
      std::string out;
      for (const std::string& p : a.partidas_presupuestales) out += (out.empty() ? "" : ", ") + p;
      return out;
    }
  }
  return {};
}

std::string activity_text(const Activity& a, int column) {
  switch (column) {
    case 0:
      return a.actividad.value_or("");
    case 1:
      return a.area_responsable.value_or("");
    case 2:
      return a.unidad_medida.value_or("");
    case 3:
      return money(a.inversion);
    case 4:
      return a.indicador.value_or("");
    case 5:
      return a.programacion_anual ? a.programacion_anual->to_string() : std::string();
    default: {
      const auto& m = a.programacion_mensual[static_cast<std::size_t>(column - 6)];
      return m ? m->to_string() : std::string();
    }
  }
}

std::string activity_field(int column) {
  return column < 6 ? std::string(kActivityColumns[column].field)
                    : "mes" + std::to_string(column - 5);
}

std::string column_label(int column) {
  return column < 6 ? std::string(kActivityColumns[column].label)
                    : std::string(kMonthNames[column - 6]);
}

std::pair<double, double> HtmlExporter::render_page(int page) {
  if (auto it = doc_->rendered.find(page); it != doc_->rendered.end()) return it->second;
  const std::pair<double, double> size = doc_->renderer->page_size(page);
  doc_->rendered[page] = size;
  const extractor::PageImage image = doc_->renderer->render(page, kDpi);
  if (image.width <= 0) return size;
  char name[32];
  std::snprintf(name, sizeof name, "p%04d.png", page);
  create_output_folder(doc_->images_dir);
  AtomicFile file(doc_->images_dir / name);
  file.write(html::encode_png(image));
  doc_->images.push_back(file.commit());
  return size;
}

std::string HtmlExporter::action_html(const Action& action) {
  const std::string id = "accion-" + std::to_string(doc_->ordinal);
  constexpr int kColumns = 18;  // six fields and twelve months
  std::vector<ShownValue> header;
  header.reserve(std::size(kHeaderRows));
  for (const HeaderRow& r : kHeaderRows)
    header.push_back(shown(escape(header_text(action, r.field)),
                           find_source(action.sources, header_field_key(r.field))));
  std::vector<std::vector<ShownValue>> rows;
  for (const Activity& a : action.activities) {
    std::vector<ShownValue> row;
    row.reserve(kColumns);
    for (int c = 0; c < kColumns; ++c)
      row.push_back(shown(escape(activity_text(a, c)), find_source(a.sources, activity_field(c))));
    rows.push_back(std::move(row));
  }

  // Each warning on the value it concerns: the cell its origin names, the field a MISSING_FIELD
  // names, the row of an activity (its annual programme for MONTHLY_SUM_MISMATCH); else above.
  std::vector<const Diagnostic*> loose;
  for (const Diagnostic& d : action.diagnostics) {
    ShownValue* target = nullptr;
    auto at_cell = [&](std::vector<ShownValue>& values) {
      for (ShownValue& v : values)
        if (!target && v.source && d.origin.column && v.source->origin.column &&
            same_place(d.origin, v.source->origin))
          target = &v;
    };
    at_cell(header);
    for (auto& row : rows) at_cell(row);
    if (!target && d.code == DiagnosticCode::kMissingField) {
      for (std::size_t i = 0; i < std::size(kHeaderRows) && !target; ++i) {
        const std::string quoted =
            std::string("«") + header_field_label(kHeaderRows[i].field) + "»";
        if (d.message.find(quoted) != std::string::npos) target = &header[i];
      }
    }
    for (std::size_t i = 0; i < action.activities.size() && !target; ++i) {
      const Origin& o = action.activities[i].origin;
      if (o.line && o.page == d.origin.page && o.line == d.origin.line)
        target = &rows[i][d.code == DiagnosticCode::kMonthlySumMismatch ? 5 : 0];
    }
    if (!target && d.code == DiagnosticCode::kInvestmentSumMismatch) target = &header[9];
    if (target) {
      target->warnings.push_back(&d);
    } else {
      loose.push_back(&d);
    }
  }

  std::string out = "<section class=\"accion\" id=\"" + id + "\" data-accion=\"" +
                    (action.numero ? std::to_string(*action.numero) : std::string()) +
                    "\" aria-labelledby=\"" + id + "-t\">\n<h2 id=\"" + id + "-t\">Acción " +
                    (action.numero ? std::to_string(*action.numero) : std::string("sin número")) +
                    (action.nombre ? ": " + escape(*action.nombre) : std::string()) +
                    "</h2>\n<div class=\"accion-cuerpo\">\n<div class=\"datos\">\n";
  for (const Diagnostic* d : loose) out += warning_html(*d) + "\n";
  out += "<dl class=\"campos\">\n";
  for (std::size_t i = 0; i < header.size(); ++i) {
    out += "<dt>" + std::string(kHeaderRows[i].label) + "</dt><dd data-campo=\"" +
           header_field_key(kHeaderRows[i].field) + "\"" +
           (header[i].warnings.empty() ? "" : " class=\"con-aviso\"") + ">" +
           value_html(header[i]) + "</dd>\n";
  }
  out += "</dl>\n<table class=\"actividades\">\n<caption>Actividades (" +
         std::to_string(rows.size()) + ")</caption>\n<thead><tr><th scope=\"col\">#</th>";
  for (int c = 0; c < 6; ++c) out += "<th scope=\"col\">" + column_label(c) + "</th>";
  out += "<th scope=\"col\">Programación mensual</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    out += "<tr data-actividad=\"" + std::to_string(i + 1) + "\"><th scope=\"row\">" +
           std::to_string(i + 1) + "</th>";
    for (int c = 0; c < 6; ++c) {
      const bool warned = !rows[i][c].warnings.empty();
      out += "<td data-campo=\"" + activity_field(c) + "\" class=\"" +
             (kActivityColumns[c].number ? "num" : "texto") + (warned ? " con-aviso" : "") + "\">" +
             value_html(rows[i][c]) + "</td>";
    }
    out += "<td class=\"mensual\">" + html::month_bars(action.activities[i].programacion_mensual) +
           "<div class=\"mes-valores\">";
    for (int c = 6; c < kColumns; ++c) {
      if (rows[i][c].text.empty() && rows[i][c].warnings.empty()) continue;
      out += " <span class=\"mes\">" + column_label(c) + " " + value_html(rows[i][c]) + "</span>";
    }
    out += "</div></td></tr>\n";
  }
  out += "</tbody>\n</table>\n</div>\n";

  // Where the values came from.
  std::vector<const ShownValue*> linked;
  for (std::size_t i = 0; i < header.size(); ++i)
    if (!header[i].ref.empty()) linked.push_back(&header[i]);
  for (const auto& row : rows)
    for (const ShownValue& v : row)
      if (!v.ref.empty()) linked.push_back(&v);
  out += "<div class=\"paginas\">\n";
  out += doc_->head.source.type == SourceType::kPdf ? figures_html(linked, id)
                                                    : lines_html(linked, action);
  out += "</div>\n</div>\n</section>\n";
  return out;
}

std::string HtmlExporter::figures_html(const std::vector<const ShownValue*>& linked,
                                       const std::string& id) {
  std::map<int, std::string> boxes;  // page -> its <rect>s
  // A box says what it is by lighting its value (no text of its own: a long document has 30k).
  for (const ShownValue* v : linked) {
    const Box& b = *v->source->box;
    const bool warned = !v->warnings.empty();
    boxes[*v->source->origin.page] +=
        "<rect class=\"caja" + std::string(warned ? " con-aviso" : "") + "\" data-ref=\"" + v->ref +
        "\" x=\"" + html::coordinate(b.x0 - 1) + "\" y=\"" + html::coordinate(b.y0 - 1) +
        "\" width=\"" + html::coordinate(b.x1 - b.x0 + 2) + "\" height=\"" +
        html::coordinate(b.y1 - b.y0 + 2) + "\"/>";
  }
  std::string out;
  for (const auto& [page, rects] : boxes) {
    const auto [w, h] = render_page(page);
    if (w <= 0 || h <= 0) continue;
    const std::string src = images_prefix() + "p" +
                            (page < 1000 ? std::string(page < 10    ? "000"
                                                       : page < 100 ? "00"
                                                                    : "0")
                                         : "") +
                            std::to_string(page) + ".png";
    const std::string n = std::to_string(page);
    const std::string href = escape(src);
    out += "<figure class=\"pagina\" id=\"";
    out += id;
    out += "-p" + n + "\"><figcaption>Página ";
    out += n;
    out += " · <a href=\"" + href + "\">imagen a tamaño completo</a></figcaption>";
    out += "<div class=\"lienzo\"><img src=\"" + href + "\" loading=\"";
    out += ++doc_->figures > kEagerFigures ? "lazy" : "eager";
    out += "\" decoding=\"async\" width=\"" + std::to_string(std::lround(w * kDpi / 72));
    out += "\" height=\"" + std::to_string(std::lround(h * kDpi / 72));
    out += "\" alt=\"Página " + n + " del documento\"><svg class=\"cajas\" viewBox=\"0 0 ";
    out += html::coordinate(w) + " " + html::coordinate(h) + "\" preserveAspectRatio=\"none\">";
    out += rects;
    out += "</svg></div></figure>\n";
  }
  return out;
}

std::string HtmlExporter::lines_html(const std::vector<const ShownValue*>& linked,
                                     const Action& action) {
  constexpr int kMaxLines = 400;  // an action's source lines shown at most
  std::set<std::string> refs;
  int first = action.origin.line.value_or(0), last = first;
  for (const ShownValue* v : linked) {
    refs.insert(v->ref);
    const int line = *v->source->origin.line;
    if (first == 0 || line < first) first = line;
    last = std::max(last, line);
  }
  for (const Activity& a : action.activities)
    if (a.origin.line) last = std::max(last, *a.origin.line);
  const int total = static_cast<int>(doc_->lines.size());
  if (first < 1 || first > total) return {};
  last = std::min({last, total, first + kMaxLines - 1});
  std::string out = "<ol class=\"lineas\" start=\"" + std::to_string(first) +
                    "\" aria-label=\"Líneas " + std::to_string(first) + " a " +
                    std::to_string(last) + " del archivo\">\n";
  for (int n = first; n <= last; ++n) {
    const std::string& line = doc_->lines[static_cast<std::size_t>(n - 1)];
    const std::string whole = "l" + std::to_string(n);
    out += "<li>";
    if (line.find('\t') != std::string::npos) {
      std::size_t start = 0;
      for (int column = 1;; ++column) {
        const std::size_t tab = line.find('\t', start);
        const std::string cell =
            line.substr(start, tab == std::string::npos ? std::string::npos : tab - start);
        const std::string ref = whole + "c" + std::to_string(column);
        out += refs.count(ref)
                   ? "<span class=\"celda\" data-ref=\"" + ref + "\">" + escape(cell) + "</span>"
                   : escape(cell);
        if (tab == std::string::npos) break;
        out += '\t';
        start = tab + 1;
      }
    } else if (refs.count(whole)) {
      out += "<span class=\"celda\" data-ref=\"" + whole + "\">" + escape(line) + "</span>";
    } else {
      out += escape(line);
    }
    out += "</li>\n";
  }
  return out + "</ol>\n";
}

std::string HtmlExporter::tail_html(const DocumentTail& tail) {
  std::string out =
      "<section id=\"avisos-documento\" aria-labelledby=\"avisos-documento-t\">\n"
      "<h2 id=\"avisos-documento-t\">Avisos del documento</h2>\n";
  if (doc_->ordinal == 0) out += "<p>El documento no tiene acciones.</p>\n";
  if (tail.diagnostics.empty()) out += "<p>Ninguno.</p>\n";
  for (const Diagnostic& d : tail.diagnostics) out += warning_html(d) + "\n";
  out += "</section>\n";
  if (!tail.unrecognized.empty()) {
    out +=
        "<section id=\"no-reconocido\" aria-labelledby=\"no-reconocido-t\">\n<h2 "
        "id=\"no-reconocido-t\">Texto no reconocido (" +
        std::to_string(tail.unrecognized.size()) + ")</h2>\n<ul>\n";
    for (const UnrecognizedText& u : tail.unrecognized)
      out += "<li>" + escape(u.text) + " <small>(" + escape(format_origin(u.origin)) +
             ")</small></li>\n";
    out += "</ul>\n</section>\n";
  }
  return out +
         "</main>\n<footer><p>Informe de revisión escrito por "
         "poa.</p></footer>\n</body>\n</html>\n";
}

std::string HtmlExporter::index_html() const {
  std::size_t actions = 0, activities = 0, warnings = 0;
  for (const IndexRow& r : rows_) {
    actions += r.actions;
    activities += r.activities;
    warnings += r.warnings;
  }
  std::string out = page_head("Revisión de POA", "");
  out +=
      "<body class=\"indice\">\n<a class=\"saltar\" href=\"#contenido\">Saltar al "
      "contenido</a>\n<header>\n<h1>Revisión de POA</h1>\n<p>" +
      std::to_string(rows_.size()) + " documentos convertidos, " + std::to_string(refused_.size()) +
      " rechazados · " + std::to_string(actions) + " acciones, " + std::to_string(activities) +
      " actividades, " + std::to_string(warnings) +
      " avisos.</p>\n</header>\n<main id=\"contenido\">\n<section id=\"documentos\" "
      "aria-labelledby=\"documentos-t\">\n<h2 id=\"documentos-t\">Documentos</h2>\n"
      "<table>\n<thead><tr><th scope=\"col\">Documento</th><th scope=\"col\">Tipo</th>"
      "<th scope=\"col\">Ejercicio</th><th scope=\"col\">Acciones</th><th "
      "scope=\"col\">Actividades</th><th scope=\"col\">Avisos</th><th scope=\"col\">Por "
      "código</th></tr></thead>\n<tbody>\n";
  for (const IndexRow& r : rows_) {
    out += "<tr data-documento=\"" + escape(r.stem) + "\"><th scope=\"row\"><a href=\"" +
           escape(html::url_path(r.stem + ".html")) + "\">" + escape(r.file) + "</a></th><td>" +
           (r.type == SourceType::kPdf
                ? "PDF" + (r.pages ? " (" + std::to_string(*r.pages) + " págs.)" : std::string())
                : std::string("texto")) +
           "</td><td class=\"num\">" + (r.year ? std::to_string(*r.year) : std::string("—")) +
           "</td><td class=\"num\">" + std::to_string(r.actions) + "</td><td class=\"num\">" +
           std::to_string(r.activities) + "</td><td class=\"num\">" + std::to_string(r.warnings) +
           "</td><td><ul class=\"conteos\">";
    for (const auto& [code, n] : r.by_code)
      out += "<li data-codigo=\"" + escape(code) + "\">" + escape(code) + ": " + std::to_string(n) +
             "</li>";
    out += "</ul></td></tr>\n";
  }
  out += "</tbody>\n</table>\n</section>\n";
  if (!refused_.empty()) {
    out +=
        "<section id=\"rechazados\" aria-labelledby=\"rechazados-t\">\n<h2 "
        "id=\"rechazados-t\">Entradas rechazadas</h2>\n<table>\n<thead><tr><th "
        "scope=\"col\">Archivo</th><th scope=\"col\">Código</th><th "
        "scope=\"col\">Motivo</th></tr></thead>\n<tbody>\n";
    for (const Diagnostic& d : refused_)
      out += "<tr data-codigo=\"" + escape(code_name(d.code)) + "\"><th scope=\"row\">" +
             escape(d.origin.file) + "</th><td>" + escape(code_name(d.code)) + "</td><td>" +
             escape(d.message) + "</td></tr>\n";
    out += "</tbody>\n</table>\n</section>\n";
  }
  std::vector<html::Bar> by_secretaria;
  for (const auto& [name, amount] : committed_totals_.by_secretaria)
    by_secretaria.push_back({name, amount.to_double(), text::format_money(amount)});
  std::sort(by_secretaria.begin(), by_secretaria.end(),
            [](const html::Bar& a, const html::Bar& b) { return a.value > b.value; });
  out +=
      "<section id=\"por-secretaria\" aria-labelledby=\"por-secretaria-t\">\n<h2 "
      "id=\"por-secretaria-t\">Inversión por secretaría</h2>\n";
  out += by_secretaria.empty()
             ? "<p>Ninguna acción indica su inversión.</p>\n"
             : html::bar_rows(by_secretaria, "Inversión aproximada por secretaría") + "\n";
  std::vector<html::Bar> by_month;
  by_month.reserve(12);
  for (int i = 0; i < 12; ++i)
    by_month.push_back({kMonthNames[i], committed_totals_.by_month[static_cast<std::size_t>(i)],
                        text::format_money(Decimal::from_cents(std::llround(
                            committed_totals_.by_month[static_cast<std::size_t>(i)] * 100)))});
  out +=
      "</section>\n<section id=\"por-mes\" aria-labelledby=\"por-mes-t\">\n<h2 "
      "id=\"por-mes-t\">Inversión por mes</h2>\n<p>La inversión de cada actividad, repartida "
      "entre sus meses según su programación mensual (aproximada).";
  if (committed_totals_.unscheduled.to_double() > 0)
    out += " Sin programación mensual: " + text::format_money(committed_totals_.unscheduled) + ".";
  out += "</p>\n" + html::bar_columns(by_month, "Inversión por mes") + "\n</section>\n";
  return out +
         "</main>\n<footer><p>Informe de revisión escrito por "
         "poa.</p></footer>\n</body>\n</html>\n";
}

}  // namespace

std::unique_ptr<Exporter> make_html_exporter(const ExportOptions& options) {
  return std::make_unique<HtmlExporter>(options);
}

}  // namespace poa::exporters
