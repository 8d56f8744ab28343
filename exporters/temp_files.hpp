// This run's temporary output files: their names, their removal on SIGINT/SIGTERM, the stale ones
// a killed run left behind, and the lock that keeps two runs out of one output folder.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace poa::exporters {

// The temporary name of the `counter`-th output of this process next to `target`:
// `.NAME.tmp-PID-N` in target's folder. NAME is cut (at a UTF-8 boundary) so that the whole
// name stays within the file system's 255-byte limit whatever the length of the target's name.
std::filesystem::path temp_path_for(const std::filesystem::path& target, unsigned counter);

// True for a name temp_path_for makes (`.X.tmp-PID-N`); `pid` gets the PID.
bool parse_temp_name(const std::string& filename, long& pid);

// While alive, `path` is removed if the process is stopped by SIGINT, SIGTERM or SIGHUP (once
// install_interrupt_cleanup() ran). Up to 32 paths at once; a path beyond that (or longer than
// PATH_MAX) is simply not covered. Movable, not copyable.
class TempRegistration {
 public:
  explicit TempRegistration(const std::filesystem::path& path);
  ~TempRegistration();
  TempRegistration(TempRegistration&& other) noexcept : slot_(other.slot_) { other.slot_ = -1; }
  TempRegistration& operator=(TempRegistration&&) = delete;
  TempRegistration(const TempRegistration&) = delete;
  TempRegistration& operator=(const TempRegistration&) = delete;

 private:
  int slot_ = -1;
};

// Installs the SIGINT/SIGTERM/SIGHUP handler: it removes every registered path, prints one line
// on stderr (`poa: interrumpido (SIGINT); …`) and exits with 128 + the signal (130, 143, 129).
// SIGXFSZ is ignored, so a file-size limit makes a write fail (EFBIG) instead of killing us.
void install_interrupt_cleanup();

// Removes, under `folder` (recursively), temporary files of ours (parse_temp_name) whose process
// is gone (a run killed by SIGKILL or a power cut). A temp file of a live process, or of a PID
// this process cannot see, is left alone. Returns how many were removed. Never throws.
int remove_stale_temps(const std::filesystem::path& folder);

// An exclusive hold on an output folder (`FOLDER/.poa.lock`, flock): a second run into the same
// folder is refused instead of interleaving its batch files with ours. The lock file is removed
// when the hold ends; the kernel releases the hold if the process dies. Not copyable.
class OutputLock {
 public:
  // Takes the lock, or returns nullopt with `why` set (Spanish: who holds it, or why the lock
  // file could not be made).
  static std::optional<OutputLock> acquire(const std::filesystem::path& folder, std::string& why);
  OutputLock(OutputLock&& other) noexcept;
  OutputLock& operator=(OutputLock&&) = delete;
  OutputLock(const OutputLock&) = delete;
  ~OutputLock();

 private:
  OutputLock(int fd, std::filesystem::path path);  // registers `path` for removal on a signal
  int fd_ = -1;
  std::filesystem::path path_;
  TempRegistration registration_;
};

}  // namespace poa::exporters
