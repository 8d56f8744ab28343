// Reading a zip package (xlsx, ods, a SIPOT template) as untrusted input: the number of entries,
// each entry's inflated size and the total inflated are capped, whatever the headers claim, and
// an entry whose name is not a plain relative path (`../x`, `/etc/x`) is never listed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace poa::zip {

// The caps. Inflating stops at the cap (a zip bomb costs at most the cap in memory and time);
// the header's declared size is never trusted. The defaults are the workbook inputs'; the SIPOT
// template reader passes its own, smaller ones.
struct Limits {
  std::size_t max_entries = 10'000;  // every entry of the zip's directory, dropped ones included
  std::uint64_t max_entry_bytes = std::uint64_t{64} << 20;
  std::uint64_t max_total_bytes = std::uint64_t{256} << 20;  // over every read() of an Archive
  // Two entries of one name: refused (which one a reader takes is up to it), or the first kept
  // and the others dropped (a package we copy, where only the first is ever written back).
  bool keep_first_of_repeated_names = false;
};

// The package cannot be read: not a zip, damaged, an encrypted entry, or over a cap. The message
// is short Spanish without the file name (the caller names the file).
class ArchiveError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// An entry's modification time as the zip stores it (kept when a package is rewritten).
struct Timestamp {
  int year = 1980, month = 1, day = 1, hour = 0, minute = 0, second = 0;  // month 1–12
};

struct Entry {
  std::string name;
  std::string data;
  Timestamp time;
};

class Archive {
 public:
  // Opens `path` and lists its entries, less folder entries and names that are not a plain
  // relative path (dropped: nothing a package needs, and nothing to copy out). Throws ArchiveError.
  static Archive open(const std::filesystem::path& path, Limits limits = {});
  ~Archive();
  Archive(Archive&&) noexcept;
  Archive& operator=(Archive&&) noexcept;

  // Entry names in the order the zip lists them.
  const std::vector<std::string>& names() const;
  bool contains(std::string_view name) const;
  // The inflated bytes of `name`, or nullopt when there is no such entry. Throws ArchiveError
  // when the entry is damaged, encrypted, or would pass a cap.
  std::optional<std::string> read(std::string_view name);
  // Every entry with its bytes and time, in order (to copy a package with some parts changed).
  std::vector<Entry> read_all();

 private:
  struct Impl;
  explicit Archive(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// True when `head` starts like a zip file (a local file header, or an empty archive's end record).
bool looks_like_zip(std::string_view head);

// False for an entry name that is not a plain relative path: empty, absolute (`/x`), with a
// backslash or a drive (`a\\b`, `C:x`), or with a `..` component.
bool is_safe_entry_name(std::string_view name);

}  // namespace poa::zip
