// The options convert and review share (and pnt in part): their one definition and parsing.
#include "cli/input_options.hpp"

#include <cstdint>
#include <ostream>

#include "extractor/input_file.hpp"

namespace poa::cli {

void add_input_filter_options(CLI::App* cmd, job::InputFilter& filter) {
  cmd->add_option("--include", filter.include,
                  "En carpetas, solo los archivos cuya ruta relativa coincide (glob; ** = "
                  "cualquier profundidad; se repite)")
      ->allow_extra_args(false);
  cmd->add_option("--exclude", filter.exclude,
                  "En carpetas, omite los archivos cuya ruta relativa coincide (glob; se repite)")
      ->allow_extra_args(false);
}

void add_municipio_option(CLI::App* cmd, std::optional<std::string>& municipio) {
  cmd->add_option_function<std::string>(
      "--municipio",
      [&municipio](const std::string& name) {
        if (name.find_first_not_of(" \t") != std::string::npos) municipio = name;
      },
      "Municipio (ente) de los POA; sin ella, el de su membrete o título (H. AYUNTAMIENTO DE …)");
}

void add_input_options(CLI::App* cmd, InputArgs& args) {
  cmd->add_option("--password", args.password, "Contraseña de PDF cifrados");
  cmd->add_option("--max-input-size", args.max_input_size,
                  "Tamaño máximo de una entrada que no es PDF: texto, CSV o libro (omisión 64M; "
                  "K, M, G)");
  cmd->add_option("-j,--jobs", args.jobs,
                  "Archivos leídos a la vez (omisión: convert, uno por núcleo; review, uno)")
      ->check(CLI::PositiveNumber);
  add_input_filter_options(cmd, args.filter);
  add_municipio_option(cmd, args.municipio);
  cmd->add_option("--sheet", args.sheet,
                  "Libros (xlsx, ods): solo esta hoja, por nombre o número (desde 1)");
  cmd->add_option("--ocr", args.ocr,
                  "OCR de páginas sin texto (escaneos): auto (solo esas), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("--ocr-lang", args.ocr_lang,
                  "Idioma(s) de Tesseract para el OCR, p. ej. spa o spa+eng");
  cmd->add_option("--dpi", args.dpi, "Resolución para el OCR de páginas que no son una imagen")
      ->check(CLI::Range(72, 1200));
  cmd->add_option("--ocr-min-confidence", args.ocr_min_confidence,
                  "Confianza mínima (0-1) de un valor leído por OCR; debajo: LOW_CONFIDENCE")
      ->check(CLI::Range(0.0, 1.0));
}

std::optional<job::InputSettings> parse_input_args(const InputArgs& args, std::ostream& err) {
  job::InputSettings out;
  job::ConvertOptions& read = out.read;
  if (!args.max_input_size.empty()) {
    const std::optional<std::uint64_t> bytes = extractor::parse_byte_size(args.max_input_size);
    if (!bytes) {
      err << "poa: --max-input-size: tamaño no válido «" << args.max_input_size
          << "» (p. ej. 64M, 1G, 500K)\n";
      return std::nullopt;
    }
    read.max_input_bytes = *bytes;
  }
  out.filter = args.filter;
  read.municipio = args.municipio;
  if (!args.password.empty()) read.password = args.password;
  if (!args.sheet.empty()) read.sheet = args.sheet;
  out.jobs = args.jobs;
  using extractor::OcrMode;
  read.ocr.mode = args.ocr == "always"  ? OcrMode::kAlways
                  : args.ocr == "never" ? OcrMode::kNever
                                        : OcrMode::kAuto;
  read.ocr.language = args.ocr_lang;
  read.ocr.dpi = args.dpi;
  read.min_confidence = args.ocr_min_confidence;
  return out;
}

}  // namespace poa::cli
