// The entry of the module poa_ocr_tesseract.so (module_loader.hpp): Tesseract engines for the
// PDF reader's OcrPool.
#include "extractor/ocr_reader.hpp"
#include "model/module_loader.hpp"

namespace poa::extractor::ocr {
namespace {

std::unique_ptr<PageOcr> make_tesseract_engine(const std::string& language) {
  return std::make_unique<OcrEngine>(language);
}

const OcrModule kModule{kOcrModuleAbi, &make_tesseract_engine};

}  // namespace
}  // namespace poa::extractor::ocr

POA_MODULE_ENTRY(&poa::extractor::ocr::kModule)
