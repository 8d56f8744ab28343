// Zip reading with minizip, every size bounded by Limits.
#include "zip/archive.hpp"

#include <minizip/unzip.h>

#include <algorithm>
#include <array>
#include <map>
#include <utility>

namespace poa::zip {

struct Archive::Impl {
  unzFile file = nullptr;
  Limits limits;
  std::vector<std::string> names;
  std::map<std::string, unz64_file_pos, std::less<>> positions;
  std::map<std::string, Timestamp, std::less<>> times;
  std::uint64_t total = 0;

  ~Impl() {
    if (file != nullptr) unzClose(file);
  }

  std::string read_current(std::string_view name) {
    unz_file_info64 info{};
    if (unzGetCurrentFileInfo64(file, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) {
      throw ArchiveError("zip dañado (" + std::string(name) + ")");
    }
    if ((info.flag & 1U) != 0) throw ArchiveError("parte cifrada en el zip: " + std::string(name));
    if (unzOpenCurrentFile(file) != UNZ_OK) {
      throw ArchiveError("zip dañado (" + std::string(name) + ")");
    }
    std::string data;
    std::array<char, std::size_t{64} * 1024> chunk{};
    for (;;) {
      const int got = unzReadCurrentFile(file, chunk.data(), static_cast<unsigned>(chunk.size()));
      if (got < 0) {
        unzCloseCurrentFile(file);
        throw ArchiveError("zip dañado o truncado (" + std::string(name) + ")");
      }
      if (got == 0) break;
      const auto n = static_cast<std::uint64_t>(got);
      if (data.size() + n > limits.max_entry_bytes || total + n > limits.max_total_bytes) {
        unzCloseCurrentFile(file);
        throw ArchiveError("demasiado grande al descomprimirlo (" + std::string(name) +
                           "; máximo " + std::to_string(limits.max_entry_bytes >> 20) +
                           " MiB por parte y " + std::to_string(limits.max_total_bytes >> 20) +
                           " MiB en total)");
      }
      total += n;
      data.append(chunk.data(), static_cast<std::size_t>(got));
    }
    // A CRC error shows up on close.
    if (unzCloseCurrentFile(file) != UNZ_OK) {
      throw ArchiveError("zip dañado (" + std::string(name) + ")");
    }
    return data;
  }
};

Archive::Archive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Archive::~Archive() = default;
Archive::Archive(Archive&&) noexcept = default;
Archive& Archive::operator=(Archive&&) noexcept = default;

Archive Archive::open(const std::filesystem::path& path, Limits limits) {
  auto impl = std::make_unique<Impl>();
  impl->limits = limits;
  impl->file = unzOpen64(path.string().c_str());
  if (impl->file == nullptr) throw ArchiveError("no es un zip legible (dañado o truncado)");
  std::size_t seen = 0;
  int rc = unzGoToFirstFile(impl->file);
  for (; rc == UNZ_OK; rc = unzGoToNextFile(impl->file)) {
    if (++seen > limits.max_entries) {
      throw ArchiveError("demasiadas partes en el zip (más de " +
                         std::to_string(limits.max_entries) + ")");
    }
    unz_file_info64 info{};
    std::array<char, 1024> name{};
    if (unzGetCurrentFileInfo64(impl->file, &info, name.data(), name.size(), nullptr, 0, nullptr,
                                0) != UNZ_OK) {
      throw ArchiveError("zip dañado");
    }
    unz64_file_pos pos{};
    unzGetFilePos64(impl->file, &pos);
    std::string entry(name.data());
    // Dropped: a name that climbs out (`../…`, `/…`), and a folder entry (it holds nothing).
    if (!is_safe_entry_name(entry) || entry.ends_with('/')) continue;
    if (!impl->positions.emplace(entry, pos).second) {
      if (limits.keep_first_of_repeated_names) continue;
      throw ArchiveError("nombre repetido en el zip: " + entry);
    }
    const tm_unz& d = info.tmu_date;
    impl->times[entry] = Timestamp{static_cast<int>(d.tm_year), static_cast<int>(d.tm_mon) + 1,
                                   static_cast<int>(d.tm_mday), static_cast<int>(d.tm_hour),
                                   static_cast<int>(d.tm_min),  static_cast<int>(d.tm_sec)};
    impl->names.push_back(std::move(entry));
  }
  if (rc != UNZ_END_OF_LIST_OF_FILE) throw ArchiveError("zip dañado");
  return Archive(std::move(impl));
}

const std::vector<std::string>& Archive::names() const {
  return impl_->names;
}

bool Archive::contains(std::string_view name) const {
  return impl_->positions.find(name) != impl_->positions.end();
}

std::optional<std::string> Archive::read(std::string_view name) {
  const auto it = impl_->positions.find(name);
  if (it == impl_->positions.end()) return std::nullopt;
  unz64_file_pos pos = it->second;
  if (unzGoToFilePos64(impl_->file, &pos) != UNZ_OK) {
    throw ArchiveError("zip dañado (" + std::string(name) + ")");
  }
  return impl_->read_current(name);
}

std::vector<Entry> Archive::read_all() {
  std::vector<Entry> out;
  out.reserve(impl_->names.size());
  for (const std::string& name : impl_->names) {
    std::optional<std::string> data = read(name);
    out.push_back(Entry{name, std::move(*data), impl_->times.at(name)});
  }
  return out;
}

bool is_safe_entry_name(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.find('\\') != std::string_view::npos ||
      name.find(':') != std::string_view::npos) {
    return false;
  }
  for (std::size_t start = 0; start <= name.size();) {
    std::size_t end = name.find('/', start);
    if (end == std::string_view::npos) end = name.size();
    if (name.substr(start, end - start) == "..") return false;
    start = end + 1;
  }
  return true;
}

bool looks_like_zip(std::string_view head) {
  return head.substr(0, 4) == std::string_view("PK\x03\x04", 4) ||
         head.substr(0, 4) == std::string_view("PK\x05\x06", 4);
}

}  // namespace poa::zip
