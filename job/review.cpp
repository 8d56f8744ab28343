// The review job: the convert job with the review report as its one format.
#include "job/review.hpp"

namespace poa::job {

ExitCode run(const ReviewJob& job, std::ostream& err) {
  ConvertJob convert;
  convert.inputs = job.inputs;
  convert.output = job.output;
  convert.formats = {exporters::Format::kHtml};
  convert.strict = job.strict;
  convert.quiet = job.quiet;
  convert.input = job.input;
  // One input at a time unless asked: the page rendering (in the exporter, on this thread) is the
  // cost, and a poppler document per worker beside it would only add memory.
  if (convert.input.jobs == 0) convert.input.jobs = 1;
  return run(convert, err);
}

}  // namespace poa::job
