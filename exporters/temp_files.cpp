// Temporary output files: names, removal on SIGINT/SIGTERM, stale ones, the output-folder lock.
#include "exporters/temp_files.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>
#include <string_view>
#include <system_error>

#include "model/os_error.hpp"

namespace poa::exporters {
namespace {

// Room left for `.`, `.tmp-`, a PID and a counter within NAME_MAX (255).
constexpr std::size_t kMaxTempStem = 200;

// Slots the signal handler reads: 0 free, 1 being filled or emptied, 2 a live path.
constexpr std::size_t kSlots = 32;
std::array<std::atomic<int>, kSlots> g_state{};
std::array<std::array<char, PATH_MAX>, kSlots> g_paths{};

void write_stderr(std::string_view text) {
  // write(2) is async-signal-safe; a short or failed write is of no consequence here.
  const ssize_t ignored = ::write(STDERR_FILENO, text.data(), text.size());
  (void)ignored;
}

extern "C" void on_interrupt(int sig) {
  for (std::size_t i = 0; i < kSlots; ++i)
    if (g_state[i].load() == 2) ::unlink(g_paths[i].data());
  const char* name = sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : "SIGHUP";
  write_stderr("\npoa: interrumpido (");
  write_stderr(name);
  write_stderr("); se borraron los archivos temporales de esta ejecución\n");
  ::_exit(128 + sig);
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

std::filesystem::path temp_path_for(const std::filesystem::path& target, unsigned counter) {
  std::string name = target.filename().string();
  if (name.size() > kMaxTempStem) {
    std::size_t cut = kMaxTempStem;
    // Not inside a UTF-8 sequence: back up over continuation bytes.
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name.resize(cut);
  }
  const std::filesystem::path folder =
      target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  return folder /
         ("." + name + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter));
}

bool parse_temp_name(const std::string& filename, long& pid) {
  if (filename.size() < 2 || filename[0] != '.') return false;
  const std::size_t tmp = filename.rfind(".tmp-");
  if (tmp == std::string::npos || tmp == 0) return false;
  const std::string_view rest = std::string_view(filename).substr(tmp + 5);
  const std::size_t dash = rest.find('-');
  if (dash == std::string_view::npos) return false;
  const std::string_view pid_text = rest.substr(0, dash);
  if (!all_digits(pid_text) || !all_digits(rest.substr(dash + 1)) || pid_text.size() > 9)
    return false;
  pid = std::stol(std::string(pid_text));
  return pid > 0;
}

TempRegistration::TempRegistration(const std::filesystem::path& path) {
  const std::string& text = path.native();
  if (text.size() >= PATH_MAX) return;
  for (std::size_t i = 0; i < kSlots; ++i) {
    int expected = 0;
    if (!g_state[i].compare_exchange_strong(expected, 1)) continue;
    std::memcpy(g_paths[i].data(), text.c_str(), text.size() + 1);
    g_state[i].store(2);
    slot_ = static_cast<int>(i);
    return;
  }
}

TempRegistration::~TempRegistration() {
  if (slot_ < 0) return;
  g_state[static_cast<std::size_t>(slot_)].store(1);
  g_state[static_cast<std::size_t>(slot_)].store(0);
}

void install_interrupt_cleanup() {
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  // While one signal is being handled the others wait, so the handler runs once.
  sigaddset(&action.sa_mask, SIGINT);
  sigaddset(&action.sa_mask, SIGTERM);
  sigaddset(&action.sa_mask, SIGHUP);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    // A signal the caller ignores (nohup, a background job) stays ignored.
    struct sigaction old {};
    if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    ::sigaction(sig, &action, nullptr);
  }
  // Past a file-size limit (ulimit -f) a write then fails with EFBIG and is reported as such,
  // instead of the process being killed with a half-written temporary file.
  std::signal(SIGXFSZ, SIG_IGN);
}

int remove_stale_temps(const std::filesystem::path& folder) {
  namespace fs = std::filesystem;
  int removed = 0;
  std::error_code ec;
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
  // Outputs mirror the input folders, a few levels deep; an OUTDIR that is a whole home folder
  // must not cost a walk of all of it.
  constexpr int kMaxDepth = 8;
  constexpr long kMaxEntries = 200000;
  long seen = 0;
  for (; !ec && it != fs::recursive_directory_iterator() && seen < kMaxEntries;
       it.increment(ec), ++seen) {
    if (it.depth() >= kMaxDepth) it.disable_recursion_pending();
    long pid = 0;
    if (!parse_temp_name(it->path().filename().string(), pid)) continue;
    if (pid == ::getpid()) continue;
    std::error_code type_ec;
    if (!it->is_regular_file(type_ec) || it->is_symlink(type_ec)) continue;
    // ESRCH: no such process. EPERM means it exists under another user: leave it.
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;
    std::error_code rm_ec;
    if (fs::remove(it->path(), rm_ec)) ++removed;
  }
  return removed;
}

OutputLock::OutputLock(int fd, std::filesystem::path path)
    : fd_(fd), path_(std::move(path)), registration_(path_) {}

OutputLock::OutputLock(OutputLock&& other) noexcept
    : fd_(other.fd_), path_(std::move(other.path_)), registration_(std::move(other.registration_)) {
  other.fd_ = -1;
}

OutputLock::~OutputLock() {
  if (fd_ < 0) return;
  // Removed while still held, so a run that opened it meanwhile sees it gone (acquire checks)
  // and no lock file is left behind.
  ::unlink(path_.c_str());
  ::close(fd_);
}

std::optional<OutputLock> OutputLock::acquire(const std::filesystem::path& folder,
                                              std::string& why) {
  const std::filesystem::path path = folder / ".poa.lock";
  for (int attempt = 0; attempt < 10; ++attempt) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) {
      why = "no se puede escribir en la carpeta: " + os_reason(errno);
      return std::nullopt;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      const int err = errno;
      char pid[32] = {};
      const ssize_t n = ::pread(fd, pid, sizeof pid - 1, 0);
      ::close(fd);
      if (err != EWOULDBLOCK) {
        why =
            "no se pudo tomar el candado " + printable_name(path.string()) + ": " + os_reason(err);
        return std::nullopt;
      }
      std::string holder = n > 0 ? std::string(pid, static_cast<std::size_t>(n)) : "";
      while (!holder.empty() && (holder.back() == '\n' || holder.back() == ' ')) holder.pop_back();
      why = "otra ejecución de poa" + (all_digits(holder) ? " (pid " + holder + ")" : "") +
            " está escribiendo en esta carpeta; espere a que termine o use otra carpeta";
      return std::nullopt;
    }
    // The holder before us may have removed the file between our open and our flock: then we
    // hold a lock nobody else will see. Try again on the file now at the path.
    struct stat held {};
    struct stat named {};
    if (::fstat(fd, &held) != 0 || ::stat(path.c_str(), &named) != 0 ||
        held.st_ino != named.st_ino || held.st_dev != named.st_dev) {
      ::close(fd);
      continue;
    }
    const std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd, 0) == 0) {
      const ssize_t ignored = ::pwrite(fd, pid.data(), pid.size(), 0);
      (void)ignored;
    }
    return OutputLock(fd, path);
  }
  why = "no se pudo tomar el candado " + printable_name(path.string());
  return std::nullopt;
}

}  // namespace poa::exporters
