// The inspect job.
#include "job/inspect.hpp"

#include <ostream>

#include "extractor/pdf_reader.hpp"
#include "model/diagnostic.hpp"

namespace poa::job {

ExitCode run(const InspectJob& job, std::ostream& out, std::ostream& err) {
  try {
    extractor::inspect_pdf(job.file, job.password, job.page, out);
    return ExitCode::kOk;
  } catch (const InputError& e) {
    err << format_diagnostic(e.diagnostic()) << '\n';
    return ExitCode::kInputFailed;
  }
}

}  // namespace poa::job
