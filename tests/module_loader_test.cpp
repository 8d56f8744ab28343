// The optional modules (model/module_loader.hpp): found in the build tree, refused in one line
// naming the file and the reason, and never linked into `poa` itself.
#include "model/module_loader.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "exporters/postgres_exporter.hpp"
#include "extractor/ocr_engine.hpp"
#include "test_files.hpp"

namespace poa {
namespace {

// Sets POA_MODULE_DIR for one test; unsets it after.
class ModuleDir {
 public:
  explicit ModuleDir(const std::filesystem::path& dir) {
    ::setenv("POA_MODULE_DIR", dir.c_str(), 1);
  }
  ~ModuleDir() { ::unsetenv("POA_MODULE_DIR"); }
  ModuleDir(const ModuleDir&) = delete;
  ModuleDir& operator=(const ModuleDir&) = delete;
};

TEST(ModuleLoaderTest, BuildTreeModulesLoad) {
  ::unsetenv("POA_MODULE_DIR");
  struct Case {
    const char* name;
    int abi;
  };
  for (const Case& c : {Case{extractor::ocr::kOcrModuleName, extractor::ocr::kOcrModuleAbi},
                        Case{exporters::kPostgresModuleName, exporters::kPostgresModuleAbi}}) {
    const void* api = load_module(c.name, c.abi);
    ASSERT_NE(api, nullptr) << c.name;
    EXPECT_EQ(*static_cast<const int*>(api), c.abi) << c.name;
    EXPECT_EQ(load_module(c.name, c.abi), api) << c.name << ": loaded once";
  }
}

TEST(ModuleLoaderTest, UnusableModuleIsOneLineNamingItsFile) {
  const std::filesystem::path dir = test::fresh_test_dir("modules");
  test::write_file(dir, "poa_junk.so", "not an ELF file\n");
  // A real module asked for with another interface version: a module of another poa.
  std::filesystem::copy_file(std::filesystem::path(POA_MODULE_BUILD_DIR) / "poa_postgres.so",
                             dir / "poa_other_version.so");
  const ModuleDir env(dir);
  struct Case {
    const char* name;
    int abi;
    const char* reason;
  };
  for (const Case& c :
       {Case{"poa_missing", 1, "cannot open shared object file"}, Case{"poa_junk", 1, "too short"},
        Case{"poa_other_version", 99, "es de otra versión de poa"}}) {
    try {
      load_module(c.name, c.abi);
      ADD_FAILURE() << c.name << " loaded";
    } catch (const ModuleUnavailable& e) {
      const std::string what = e.what();
      const std::string file = (dir / (std::string(c.name) + ".so")).string();
      EXPECT_EQ(what.rfind("no se pudo cargar el módulo " + file + ": ", 0), 0U) << what;
      EXPECT_NE(what.find(c.reason), std::string::npos) << what;
      EXPECT_EQ(what.find('\n'), std::string::npos) << what;
    }
  }
}

// The point of the modules: `poa` starts without Tesseract, Leptonica, OpenMP or libpq; nor
// cairo and its X11 libraries (the review report writes its PNGs with libpng).
TEST(ModuleLoaderTest, PoaLinksNoModuleLibrary) {
  const std::string libraries = test::run_command("ldd " + test::shell_quote(POA_BINARY));
  ASSERT_NE(libraries.find("libc.so"), std::string::npos) << libraries;
  for (const char* library : {"libtesseract", "liblept", "libgomp", "libpq", "libcairo", "libX11"})
    EXPECT_EQ(libraries.find(library), std::string::npos) << library << " in:\n" << libraries;
}

// A scan without its OCR module: that input is refused in one line (exit 1), no crash.
TEST(ModuleLoaderTest, ScanWithoutOcrModuleIsRefused) {
  const std::filesystem::path out = test::fresh_test_dir("modules_out");
  const std::string scan =
      std::string(POA_SOURCE_DIR) + "/fixtures/pdf/scans/wrapped_cells_300dpi_skewed/input.pdf";
  int status = 0;
  const std::string err = test::run_command(
      "POA_MODULE_DIR=/nonexistent " + test::shell_quote(POA_BINARY) + " convert " +
          test::shell_quote(scan) + " -o " + test::shell_quote(out.string()) + " 2>&1",
      &status);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 1) << status << "\n" << err;
  EXPECT_NE(err.find("no se pudo cargar el módulo /nonexistent/poa_ocr_tesseract.so: "),
            std::string::npos)
      << err;
  EXPECT_NE(err.find("[PDF_NO_TEXT]"), std::string::npos) << err;
}

}  // namespace
}  // namespace poa
