// An input file opened safely: only a regular file is an input (a FIFO or a device named on the
// command line is refused without blocking), and its bytes are read with a size cap.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "model/diagnostic.hpp"

namespace poa::extractor {

// The size cap on a text dump (and a JSON read back) unless --max-input-size says otherwise.
// A 300-page POA dumps to a few MiB: 64 MiB is far above any real one, far below trouble.
inline constexpr std::uint64_t kDefaultMaxInputBytes = std::uint64_t{64} << 20;

// "64M", "64MiB", "1G", "500k", "1048576" -> bytes (K/M/G are powers of 1024). nullopt for
// anything else, zero included.
std::optional<std::uint64_t> parse_byte_size(std::string_view text);
// 67108864 -> "64 MiB", 1500 -> "1.5 KiB", 12 -> "12 bytes".
std::string format_byte_size(std::uint64_t bytes);

class InputFile {
 public:
  // Opens `path` for reading without blocking, and refuses (InputError FILE_UNREADABLE, one
  // Spanish line naming the file) what is not a regular file: a folder, a FIFO, a device, a
  // socket. `origin` names the file in that diagnostic.
  static InputFile open(const std::filesystem::path& path, const Origin& origin);
  ~InputFile();
  InputFile(InputFile&& other) noexcept;
  InputFile& operator=(InputFile&&) = delete;
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  // The size the file had when opened.
  std::uint64_t size() const { return size_; }
  // Up to `n` bytes from the current position (fewer at the end). Throws InputError on a read
  // error.
  std::string read(std::size_t n);
  // Everything from the start, in chunks, refused (InputError FILE_UNREADABLE, naming the size
  // and the cap) as soon as it is known to pass `max_bytes` — from the size when opened, or
  // while reading a file that grows. `sha256`, when given, gets the bytes' lowercase hex digest,
  // computed as they are read.
  std::string read_all(std::uint64_t max_bytes, std::string* sha256 = nullptr);

 private:
  InputFile(int fd, std::uint64_t size, Origin origin);
  [[noreturn]] void fail(const std::string& why) const;
  int fd_ = -1;
  std::uint64_t size_ = 0;
  Origin origin_;
};

}  // namespace poa::extractor
