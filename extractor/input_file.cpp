// Opening inputs without blocking, and reading them with a cap.
#include "extractor/input_file.hpp"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <memory>

#include "model/os_error.hpp"

namespace poa::extractor {
namespace {

// What a non-regular file is, for the refusal.
std::string kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "es una carpeta, no un archivo";
  if (S_ISFIFO(mode))
    return "es una tubería (FIFO), no un archivo; guarde el contenido en un archivo";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "es un dispositivo, no un archivo";
  if (S_ISSOCK(mode)) return "es un socket, no un archivo";
  return "no es un archivo regular";
}

std::string hex(const unsigned char* digest, unsigned length) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(std::size_t{length} * 2);
  for (unsigned i = 0; i < length; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0xF];
  }
  return out;
}

}  // namespace

std::optional<std::uint64_t> parse_byte_size(std::string_view text) {
  std::uint64_t value = 0;
  std::size_t i = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    if (value > (std::uint64_t{1} << 50)) return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(text[i] - '0');
  }
  if (i == 0) return std::nullopt;
  std::string unit(text.substr(i));
  for (char& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  int shift = 0;
  if (unit.empty() || unit == "B") {
    shift = 0;
  } else if (unit == "K" || unit == "KB" || unit == "KIB") {
    shift = 10;
  } else if (unit == "M" || unit == "MB" || unit == "MIB") {
    shift = 20;
  } else if (unit == "G" || unit == "GB" || unit == "GIB") {
    shift = 30;
  } else {
    return std::nullopt;
  }
  if (value == 0 || value > (std::uint64_t{1} << (62 - shift))) return std::nullopt;
  return value << shift;
}

std::string format_byte_size(std::uint64_t bytes) {
  static constexpr const char* kUnits[] = {"KiB", "MiB", "GiB", "TiB"};
  if (bytes < 1024) return std::to_string(bytes) + " bytes";
  double v = static_cast<double>(bytes) / 1024;
  std::size_t unit = 0;
  while (v >= 1024 && unit + 1 < std::size(kUnits)) {
    v /= 1024;
    ++unit;
  }
  char text[32];
  if (v == static_cast<double>(static_cast<std::uint64_t>(v)))
    std::snprintf(text, sizeof text, "%.0f %s", v, kUnits[unit]);
  else
    std::snprintf(text, sizeof text, "%.1f %s", v, kUnits[unit]);
  return text;
}

InputFile InputFile::open(const std::filesystem::path& path, const Origin& origin) {
  // O_NONBLOCK: opening a FIFO with no writer must not hang; a regular file ignores the flag.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    const int err = errno;
    throw InputError(diag::input_error(DiagnosticCode::kFileUnreadable,
                                       "no se puede abrir el archivo: " + os_reason(err), origin));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    const std::string why = S_ISREG(st.st_mode) ? os_reason(errno) : kind_of(st.st_mode);
    ::close(fd);
    throw InputError(diag::input_error(DiagnosticCode::kFileUnreadable, why, origin));
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  return InputFile(fd, static_cast<std::uint64_t>(st.st_size), origin);
}

InputFile::InputFile(int fd, std::uint64_t size, Origin origin)
    : fd_(fd), size_(size), origin_(std::move(origin)) {}

InputFile::InputFile(InputFile&& other) noexcept
    : fd_(other.fd_), size_(other.size_), origin_(std::move(other.origin_)) {
  other.fd_ = -1;
}

InputFile::~InputFile() {
  if (fd_ >= 0) ::close(fd_);
}

void InputFile::fail(const std::string& why) const {
  throw InputError(diag::input_error(DiagnosticCode::kFileUnreadable, why, origin_));
}

std::string InputFile::read(std::size_t n) {
  std::string out(n, '\0');
  std::size_t got = 0;
  while (got < n) {
    const ssize_t r = ::read(fd_, out.data() + got, n - got);
    if (r == 0) break;
    if (r < 0) {
      if (errno == EINTR) continue;
      fail("error al leer el archivo: " + os_reason(errno));
    }
    got += static_cast<std::size_t>(r);
  }
  out.resize(got);
  return out;
}

std::string InputFile::read_all(std::uint64_t max_bytes, std::string* sha256) {
  auto too_big = [&](std::uint64_t size, bool at_least) {
    fail("el archivo mide " + std::string(at_least ? "más de " : "") + format_byte_size(size) +
         ", más que el límite de " + format_byte_size(max_bytes) +
         " para una entrada de texto (--max-input-size)");
  };
  // Refused at once from its size: a 2 GB file costs nothing to turn down.
  if (size_ > max_bytes) too_big(size_, false);
  if (::lseek(fd_, 0, SEEK_SET) != 0) fail("error al leer el archivo: " + os_reason(errno));
  const std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (sha256 != nullptr && (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1))
    fail("no se pudo calcular el SHA-256");
  std::string bytes;
  bytes.reserve(static_cast<std::size_t>(size_));
  constexpr std::size_t kChunk = std::size_t{1} << 16;
  for (;;) {
    std::string chunk = read(kChunk);
    if (chunk.empty()) break;
    // The file may grow while read (a log being written): the cap holds on what is read.
    if (bytes.size() + chunk.size() > max_bytes) too_big(max_bytes, true);
    if (sha256 != nullptr) EVP_DigestUpdate(ctx.get(), chunk.data(), chunk.size());
    bytes += chunk;
  }
  if (sha256 != nullptr) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned length = 0;
    EVP_DigestFinal_ex(ctx.get(), digest, &length);
    *sha256 = hex(digest, length);
  }
  return bytes;
}

}  // namespace poa::extractor
