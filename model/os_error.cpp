// Spanish reasons for system errors, and OutputError.
#include "model/os_error.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace poa {

std::string os_reason(int err) {
  switch (err) {
    case ENOSPC:
      return "no queda espacio en el dispositivo";
    case EDQUOT:
      return "se agotó la cuota de disco";
    case EFBIG:
      return "el archivo excede el tamaño máximo permitido";
    case EACCES:
    case EPERM:
      return "permiso denegado";
    case EROFS:
      return "el sistema de archivos es de solo lectura";
    case ENOENT:
      return "no existe el archivo o la carpeta";
    case ENOTDIR:
      return "una parte de la ruta no es una carpeta";
    case EISDIR:
      return "es una carpeta";
    case EEXIST:
      return "el archivo ya existe";
    case ENAMETOOLONG:
      return "el nombre es demasiado largo";
    case EIO:
      return "error de entrada/salida";
    case EMFILE:
    case ENFILE:
      return "demasiados archivos abiertos";
    case ENOMEM:
      return "no hay memoria suficiente";
    case EXDEV:
      return "no se puede renombrar entre sistemas de archivos distintos";
    case EBUSY:
      return "el recurso está ocupado";
    case ETXTBSY:
      return "el archivo está en uso";
    case ELOOP:
      return "demasiados enlaces simbólicos en la ruta";
    case EINVAL:
      return "argumento no válido";
    case EPIPE:
      return "la tubería se cerró";
    case ENXIO:
      return "no hay dispositivo ni dirección";
    default:
      break;
  }
  return std::string(std::strerror(err)) + " (errno " + std::to_string(err) + ")";
}

std::string printable_name(const std::string& name) {
  std::string out;
  out.reserve(name.size());
  for (const char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (u < 0x20 || u == 0x7F) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X", u);
      out += hex;
    } else {
      out += c;
    }
  }
  return out;
}

OutputError::OutputError(const std::filesystem::path& path, const std::string& what, int err)
    : OutputError(path, what, os_reason(err)) {}

OutputError::OutputError(const std::filesystem::path& path, const std::string& what,
                         const std::string& reason)
    : std::runtime_error(printable_name(path.string()) + ": " + what + ": " + reason),
      path_(path) {}

}  // namespace poa
