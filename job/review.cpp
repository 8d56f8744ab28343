// The review job: the convert job with the review report as its one format.
#include "job/review.hpp"

#include "job/convert.hpp"

namespace poa::job {

ExitCode run(const ReviewJob& job, std::ostream& err) {
  ConvertJob convert;
  convert.inputs = job.inputs;
  convert.output = job.output;
  convert.formats = {exporters::Format::kHtml};
  convert.strict = job.strict;
  convert.quiet = job.quiet;
  convert.filter = job.filter;
  convert.municipio = job.municipio;
  convert.password = job.password;
  convert.max_input_bytes = job.max_input_bytes;
  convert.sheet = job.sheet;
  convert.ocr = job.ocr;
  convert.min_confidence = job.min_confidence;
  // One input at a time unless asked: the page rendering (in the exporter, on this thread) is the
  // cost, and a poppler document per worker beside it would only add memory.
  convert.jobs = job.jobs == 0 ? 1 : job.jobs;
  return run(convert, err);
}

}  // namespace poa::job
