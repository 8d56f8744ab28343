// libFuzzer target: bytes as a SIPOT upload template (.xlsx) -> XlsxTemplate::open, and a template
// it takes filled with no rows (write_filled copies and rewrites every part it keeps).
#include <cstddef>
#include <cstdint>
#include <filesystem>

#include "exporters/pnt/xlsx_template.hpp"
#include "fuzz/fuzz_input_file.hpp"
#include "model/diagnostic.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace pnt = poa::exporters::pnt;
  const std::filesystem::path& in = poa::fuzz::input_file(data, size, "template.xlsx");
  try {
    const pnt::XlsxTemplate tpl = pnt::XlsxTemplate::open(in);
    const std::filesystem::path out = in.parent_path() / (in.filename().string() + "-filled.xlsx");
    tpl.write_filled(out, {}, {});
    std::error_code ignored;
    std::filesystem::remove(out, ignored);
  } catch (const pnt::TemplateError&) {
    // Refused with a Spanish message naming the file: an answer.
  } catch (const poa::InputError&) {
  }
  return 0;
}
