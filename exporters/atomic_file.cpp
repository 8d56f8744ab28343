// Temporary-name-then-rename output files, so no reader ever sees half an output.
#include "exporters/atomic_file.hpp"

#include "model/os_error.hpp"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <ostream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>

namespace poa::exporters {
namespace {

OutputError write_error(const std::filesystem::path& path, int err) {
  return OutputError(path, "no se pudo escribir", err);
}

const std::filesystem::path kTempLabel = "(archivo temporal)";
const std::filesystem::path kStdoutLabel = "(salida estándar)";

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
  // A unique hidden name: the pid separates concurrent processes, the counter the files of one
  // process. "x" (O_EXCL) refuses to reuse a name left behind by a crashed run.
  static std::atomic<unsigned> counter{0};
  for (int attempt = 0; attempt < 100 && file_ == nullptr; ++attempt) {
    temp_ = temp_path_for(target_, counter++);
    // Registered before it exists, so no moment is left where a signal would orphan it.
    registration_.emplace(temp_);
    file_ = std::fopen(temp_.c_str(), "wbx");
    if (file_ == nullptr && errno != EEXIST) break;
  }
  if (file_ == nullptr) {
    const int err = errno;
    registration_.reset();
    throw OutputError(target_, "no se pudo crear", err);
  }
}

AtomicFile::~AtomicFile() {
  if (!committed_) discard();
}

void AtomicFile::write(std::string_view bytes) {
  if (file_ == nullptr || committed_) throw std::logic_error("AtomicFile::write after commit");
  if (bytes.empty()) return;
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    throw write_error(target_, errno);
  }
  size_ += bytes.size();
}

void AtomicFile::truncate(std::uint64_t size) {
  if (file_ == nullptr || committed_) throw std::logic_error("AtomicFile::truncate after commit");
  if (size > size_) throw std::logic_error("AtomicFile::truncate beyond the end");
  // Buffered bytes first, so none of them lands after the cut.
  if (std::fflush(file_) != 0) throw write_error(target_, errno);
  if (::ftruncate(::fileno(file_), static_cast<off_t>(size)) != 0) {
    throw write_error(target_, errno);
  }
  if (std::fseek(file_, static_cast<long>(size), SEEK_SET) != 0) throw write_error(target_, errno);
  size_ = size;
}

std::filesystem::path AtomicFile::commit() {
  if (file_ == nullptr || committed_) throw std::logic_error("AtomicFile::commit called twice");
  // fclose flushes: a full disk is often only reported here.
  const int closed = std::fclose(file_);
  file_ = nullptr;
  if (closed != 0) throw write_error(target_, errno);
  std::error_code ec;
  std::filesystem::rename(temp_, target_, ec);
  if (ec) throw OutputError(target_, "no se pudo poner en su lugar", ec.value());
  committed_ = true;
  registration_.reset();
  return target_;
}

void AtomicFile::discard() noexcept {
  if (file_ != nullptr) {
    std::fclose(file_);
    file_ = nullptr;
  }
  std::error_code ignored;
  std::filesystem::remove(temp_, ignored);
  registration_.reset();
}

std::filesystem::path create_output_folder(const std::filesystem::path& folder) {
  if (folder.empty()) return {};
  std::error_code ec;
  std::filesystem::path outermost;
  for (std::filesystem::path p = folder; !p.empty() && !std::filesystem::exists(p, ec) && !ec;
       p = p.parent_path()) {
    outermost = p;
    if (p == p.parent_path()) break;
  }
  std::filesystem::create_directories(folder, ec);
  if (ec) throw OutputError(folder, "no se pudo crear la carpeta", ec.value());
  if (!std::filesystem::is_directory(folder, ec))
    throw OutputError(folder, "no se pudo crear la carpeta", "existe y no es una carpeta");
  return outermost;
}

void remove_created_folders(const std::filesystem::path& folder,
                            const std::filesystem::path& outermost) noexcept {
  if (outermost.empty()) return;
  std::error_code ec;
  for (std::filesystem::path p = folder; !p.empty(); p = p.parent_path()) {
    if (!std::filesystem::remove(p, ec) || ec) return;  // not empty (or gone): stop climbing
    if (p == outermost) return;
  }
}

SpoolFile::SpoolFile() : file_(std::tmpfile()) {
  if (file_ == nullptr) throw OutputError(kTempLabel, "no se pudo crear", errno);
}

SpoolFile::~SpoolFile() {
  std::fclose(file_);
}

void SpoolFile::write(std::string_view bytes) {
  if (bytes.empty()) return;
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    throw write_error(kTempLabel, errno);
  }
}

void SpoolFile::copy_to(std::ostream& out) {
  std::rewind(file_);
  char buffer[1 << 16];
  std::size_t n = 0;
  errno = 0;
  while (out && (n = std::fread(buffer, 1, sizeof buffer, file_)) > 0) {
    out.write(buffer, static_cast<std::streamsize>(n));
  }
  out.flush();
  // A stdout on a full disk (or /dev/full) fails only here: say so rather than exit 0.
  if (!out) throw write_error(kStdoutLabel, errno != 0 ? errno : EIO);
  std::fseek(file_, 0, SEEK_END);
}

}  // namespace poa::exporters
