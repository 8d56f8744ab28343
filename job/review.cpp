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
  convert.password = job.password;
  convert.max_input_bytes = job.max_input_bytes;
  return run(convert, err);
}

}  // namespace poa::job
