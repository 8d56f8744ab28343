// The inspect job.
#include "job/inspect.hpp"

#include <filesystem>
#include <ostream>
#include <stdexcept>

#include "extractor/input_file.hpp"
#include "extractor/inspect_rows.hpp"
#include "extractor/pdf_reader.hpp"
#include "model/diagnostic.hpp"

namespace poa::job {

ExitCode run(const InspectJob& job, std::ostream& out, std::ostream& err) {
  if (job.svg && !job.page) {
    err << "error: --svg requiere --page N (la página a dibujar, desde 1)\n";
    return ExitCode::kUsage;
  }
  try {
    // Only a PDF has words and grids to show; any other input shows its cell rows.
    // A missing file, a FIFO or a device: inspect_pdf says so (never waited on).
    std::error_code ec;
    const std::string head =
        std::filesystem::is_regular_file(job.file, ec)
            ? extractor::InputFile::open(job.file, Origin{job.file.string(), {}, {}, {}}).read(1024)
            : std::string();
    if (!head.empty() && extractor::detect_source_type(head) != SourceType::kPdf) {
      if (job.page || job.svg) {
        err << "error: --page y --svg son solo para PDF\n";
        return ExitCode::kUsage;
      }
      extractor::inspect_rows(
          job.file,
          extractor::OpenOptions{job.password, extractor::kDefaultMaxInputBytes, job.sheet}, out);
      return ExitCode::kOk;
    }
    const int pages = extractor::inspect_pdf(job.file, job.password, job.page, out);
    if (job.page && (*job.page < 1 || *job.page > pages)) {
      err << "error: la página " << *job.page << " no existe; " << job.file.string() << " tiene "
          << pages << (pages == 1 ? " página\n" : " páginas\n");
      return ExitCode::kUsage;
    }
    if (job.svg) extractor::write_pdf_page_svg(job.file, job.password, *job.page, *job.svg);
    return ExitCode::kOk;
  } catch (const InputError& e) {
    err << format_diagnostic(e.diagnostic()) << '\n';
    return ExitCode::kInputFailed;
  } catch (const std::runtime_error& e) {  // the SVG could not be written
    err << "error: " << e.what() << '\n';
    return ExitCode::kInputFailed;
  }
}

}  // namespace poa::job
