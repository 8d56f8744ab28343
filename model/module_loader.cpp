// Finding and dlopen'ing poa's modules (module_loader.hpp): one handle per module per process.
#include "model/module_loader.hpp"

#include <dlfcn.h>

#include <cstdlib>
#include <map>
#include <mutex>
#include <system_error>

namespace poa {
namespace {

std::filesystem::path executable_folder() {
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : exe.parent_path();
}

[[noreturn]] void unavailable(const std::filesystem::path& file, std::string why) {
  // dlerror() starts with the file's name: said once is enough.
  if (why.starts_with(file.string() + ": ")) why.erase(0, file.string().size() + 2);
  throw ModuleUnavailable("no se pudo cargar el módulo " + file.string() + ": " + why);
}

}  // namespace

std::vector<std::filesystem::path> module_directories() {
  if (const char* dir = std::getenv("POA_MODULE_DIR"); dir != nullptr && *dir != '\0') return {dir};
  std::vector<std::filesystem::path> out;
  if (const std::filesystem::path exe = executable_folder(); !exe.empty()) {
    out.push_back((exe / POA_MODULE_RELDIR).lexically_normal());
    out.push_back(exe);
  }
  out.emplace_back(POA_BUILD_MODULE_DIR);
  return out;
}

const void* load_module(std::string_view name, int abi) {
  static std::mutex mutex;
  static std::map<std::string, const void*, std::less<>> loaded;
  const std::lock_guard<std::mutex> lock(mutex);
  if (const auto it = loaded.find(name); it != loaded.end()) return it->second;

  const std::string file_name = std::string(name) + ".so";
  const std::vector<std::filesystem::path> dirs = module_directories();
  // The first folder that has the file; none has it: the first folder's, for dlerror()'s reason.
  std::filesystem::path file = dirs.front() / file_name;
  for (const std::filesystem::path& dir : dirs) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(dir / file_name, ec)) {
      file = dir / file_name;
      break;
    }
  }
  // RTLD_LOCAL: the module's own copies of our code stay its own (they are hidden anyway).
  void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) unavailable(file, dlerror());
  using Entry = const void* (*)();
  auto entry = reinterpret_cast<Entry>(dlsym(handle, "poa_module_entry"));
  if (entry == nullptr) unavailable(file, dlerror());
  const void* api = entry();
  if (api == nullptr || *static_cast<const int*>(api) != abi) {
    unavailable(file, "es de otra versión de poa (interfaz " +
                          std::to_string(api ? *static_cast<const int*>(api) : 0) + ", se espera " +
                          std::to_string(abi) + ")");
  }
  loaded.emplace(std::string(name), api);
  return api;
}

}  // namespace poa
