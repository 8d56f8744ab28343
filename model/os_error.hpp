// Failures of the system around the data (a full disk, a read-only folder): the reason in Spanish
// and the one exception type for an output that could not be written.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

namespace poa {

// The system's reason for `err` (an errno value) in Spanish, e.g. ENOSPC -> "no queda espacio en
// el dispositivo". The C library's own text is English unless a Spanish locale is installed, so
// the usual reasons are spelled here; a rare one falls back to strerror with its number.
std::string os_reason(int err);

// A file name as it goes into a one-line message: control characters (a newline in a name
// would forge a second line) are written as \n, \t, \xNN; everything else as it is.
std::string printable_name(const std::string& name);

// An output could not be written: `what` failed on `path` for the system's reason `err`. The
// message is the one line the user sees: `OUT/acciones.csv: no se pudo escribir: no queda
// espacio en el dispositivo`. Jobs report it and exit 1; the file is left as it was.
class OutputError : public std::runtime_error {
 public:
  OutputError(const std::filesystem::path& path, const std::string& what, int err);
  OutputError(const std::filesystem::path& path, const std::string& what,
              const std::string& reason);
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// An output that can take nothing more in this run: a database whose connection was lost. A batch
// drops that output (one line) and goes on writing the others.
class OutputLost : public OutputError {
 public:
  using OutputError::OutputError;
};

}  // namespace poa
