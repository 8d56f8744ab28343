// Optional parts of poa built as plugins (CMake MODULE libraries): OCR with Tesseract
// (poa_ocr_tesseract.so) and PostgreSQL with libpq (poa_postgres.so). They are dlopen'ed the
// first time they are needed, so a run that needs neither does not load their ~60 libraries.
//
// Where a module is looked for, first found wins:
//   1. $POA_MODULE_DIR, when set (and only there: an override for packagers and tests);
//   2. <folder of the running executable>/<bin to lib/poa> (an installed poa:
//      /usr/bin/poa -> /usr/lib/<multiarch>/poa/; `cmake --install` puts the modules there);
//   3. the executable's own folder (the build tree: build/poa beside build/poa_*.so);
//   4. the build tree these libraries were compiled in (the tests, and programs that link poa's
//      libraries from a build tree).
// A program that links poa's libraries and is installed elsewhere sets POA_MODULE_DIR to the
// folder holding the modules (or installs them beside it, rule 3).
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace poa {

// A module that cannot be used: what() is one Spanish line naming the module's file and the
// reason (dlerror()'s), e.g. `no se pudo cargar el módulo /usr/lib/poa/poa_postgres.so:
// libpq.so.5: cannot open shared object file: No such file or directory`.
class ModuleUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The folders searched, in order (see above).
std::vector<std::filesystem::path> module_directories();

// The data module `name` (file `<name>.so`) exports as its entry: what its C function
// `poa_module_entry()` returns, checked to declare interface version `abi`. Loaded once per
// process (thread-safe) and never unloaded. Throws ModuleUnavailable.
const void* load_module(std::string_view name, int abi);

// Each module defines its entry with this (once, in one of its files): `api` is a pointer to
// a struct whose first member is `int abi`.
#define POA_MODULE_ENTRY(api)                                                        \
  extern "C" __attribute__((visibility("default"))) const void* poa_module_entry() { \
    return api;                                                                      \
  }

}  // namespace poa
