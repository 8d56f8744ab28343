// The inspect job.
#include "job/inspect.hpp"

#include <stdexcept>

#include <ostream>

#include <fstream>

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
    std::ifstream in(job.file, std::ios::binary);
    std::string head(1024, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (in.gcount() > 0 && extractor::detect_source_type(head) != SourceType::kPdf) {
      if (job.page || job.svg) {
        err << "error: --page y --svg son solo para PDF\n";
        return ExitCode::kUsage;
      }
      extractor::inspect_rows(job.file, extractor::OpenOptions{job.password, job.sheet}, out);
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
