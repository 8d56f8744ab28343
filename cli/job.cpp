// The conversion job: reader -> recogniser -> normaliser.
#include "cli/job.hpp"

#include "extractor/recognizer.hpp"
#include "extractor/source.hpp"
#include "normalizer/normalize.hpp"

namespace poa {

Document convert_file(const std::filesystem::path& path, const ConvertOptions& options) {
  auto reader = extractor::open_source(path, extractor::OpenOptions{options.password});
  RawDocument raw = extractor::recognize(*reader);
  return normalizer::normalize(raw, reader->info());
}

}  // namespace poa
