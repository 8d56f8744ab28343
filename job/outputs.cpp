// The output folder of a convert run: manifest.csv written and read back, and the check that a
// run replaces only what earlier runs of the same inputs produced there.
#include "job/outputs.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "exporters/atomic_file.hpp"
#include "exporters/csv_records.hpp"
#include "model/os_error.hpp"

namespace poa::job {
namespace {

namespace fs = std::filesystem;

// The columns of a manifest, sorted (a manifest read back may list them in any order).
constexpr const char* kColumns[] = {"acciones", "actividades", "archivo", "avisos",
                                    "codigo",   "estado",      "salidas", "sha256"};
constexpr const char* kHeader = "archivo,sha256,estado,codigo,acciones,actividades,avisos,salidas";

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : "; ") + s;
  return out;
}

std::vector<std::string> split_salidas(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find("; ", start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  return out;
}

std::size_t count(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  return n;
}

// The inputs the manifest says have rows or a file in `name`.
std::vector<std::string> owners_of(const std::vector<ManifestRow>& manifest,
                                   const std::string& name) {
  std::vector<std::string> out;
  for (const ManifestRow& r : manifest)
    if (std::find(r.salidas.begin(), r.salidas.end(), name) != r.salidas.end())
      out.push_back(r.archivo);
  return out;
}

// The inputs manifest.csv says have rows or a file in `name` and that are not among `inputs`;
// nullopt when no run recorded the file at all.
std::optional<std::vector<std::string>> foreign_owners(const std::vector<ManifestRow>& manifest,
                                                       const std::string& name,
                                                       const std::set<std::string>& inputs) {
  const std::vector<std::string> owners = owners_of(manifest, name);
  if (owners.empty()) return std::nullopt;
  std::vector<std::string> others;
  for (const std::string& o : owners)
    if (!inputs.count(o)) others.push_back(o);
  return others;
}

std::string first_names(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < 3; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > 3) out += "… (" + std::to_string(names.size()) + " en total)";
  return out;
}

std::string read_head(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string text(4096, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  const auto records = exporters::csv_records(text);
  return records.empty() ? std::string() : std::string(records.front());
}

bool read_whole(const fs::path& path, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return in || in.eof();
}

// The rows of a manifest's text; nullopt when its header is not a manifest's.
std::optional<std::vector<ManifestRow>> manifest_rows(std::string_view text) {
  const std::vector<std::string_view> records = exporters::csv_records(text);
  std::vector<std::string> header;
  if (!records.empty()) header = exporters::csv_fields(records.front());
  std::vector<std::string> sorted = header;
  std::sort(sorted.begin(), sorted.end());
  if (!std::equal(sorted.begin(), sorted.end(), std::begin(kColumns), std::end(kColumns)))
    return std::nullopt;
  std::vector<ManifestRow> rows;
  for (std::size_t i = 1; i < records.size(); ++i) {
    const std::vector<std::string> f = exporters::csv_fields(records[i]);
    auto at = [&](const char* name) {
      const auto it = std::find(header.begin(), header.end(), name);
      const auto k = static_cast<std::size_t>(it - header.begin());
      return k < f.size() ? f[k] : std::string();
    };
    rows.push_back({at("archivo"), at("sha256"), at("estado"), at("codigo"), count(at("acciones")),
                    count(at("actividades")), count(at("avisos")), split_salidas(at("salidas"))});
  }
  return rows;
}

std::string manifest_records(const std::vector<ManifestRow>& rows) {
  std::string out;
  for (const ManifestRow& r : rows) {
    out += exporters::csv_quoted(r.archivo) + ',' + r.sha256 + ',' + r.estado + ',' + r.codigo +
           ',' + std::to_string(r.actions) + ',' + std::to_string(r.activities) + ',' +
           std::to_string(r.warnings) + ',' + exporters::csv_quoted(joined(r.salidas)) + "\r\n";
  }
  return out;
}

}  // namespace

std::string manifest_csv(const std::vector<ManifestRow>& rows) {
  return std::string(kHeader) + "\r\n" + manifest_records(rows);
}

std::optional<std::vector<ManifestRow>> read_manifest(const fs::path& out_dir, std::string& why) {
  const fs::path path = out_dir / kManifestName;
  std::error_code ec;
  if (!fs::exists(path, ec)) return std::vector<ManifestRow>{};
  std::string text;
  if (!read_whole(path, text)) {
    why = path.string() + ": no se pudo leer";
    return std::nullopt;
  }
  std::optional<std::vector<ManifestRow>> rows = manifest_rows(text);
  if (!rows) why = path.string() + ": no es un manifiesto de poa (columnas distintas)";
  return rows;
}

std::vector<ManifestRow> merge_manifest(const std::vector<ManifestRow>& earlier,
                                        const std::vector<ManifestRow>& now) {
  std::set<std::string> named;
  for (const ManifestRow& r : now) named.insert(r.archivo);
  std::vector<ManifestRow> out;
  for (const ManifestRow& r : earlier)
    if (!named.count(r.archivo)) out.push_back(r);
  out.insert(out.end(), now.begin(), now.end());
  return out;
}

std::optional<std::string> check_outputs(const OutputPlan& plan,
                                         const std::vector<ManifestRow>& manifest) {
  const std::set<std::string> inputs(plan.inputs.begin(), plan.inputs.end());
  std::error_code ec;
  std::vector<std::string> per_input = plan.json_names;
  per_input.insert(per_input.end(), plan.html_names.begin(), plan.html_names.end());
  for (const std::string& name : per_input) {
    const fs::path path = plan.out_dir / name;
    if (!fs::exists(path, ec)) continue;
    const std::vector<std::string> owners = owners_of(manifest, name);
    const bool ours =
        !owners.empty() &&
        std::all_of(owners.begin(), owners.end(), [&](const auto& o) { return inputs.count(o); });
    if (!ours) {
      return path.string() + " ya existe y " +
             (owners.empty()
                  ? std::string("ninguna conversión registrada en ") + kManifestName + " lo produjo"
                  : "es de " + first_names(owners)) +
             "; no se toca: use otra carpeta de salida o bórrelo";
    }
  }
  for (const auto& [name, head] : plan.csv_heads) {
    const fs::path path = plan.out_dir / name;
    if (!fs::exists(path, ec)) continue;
    if (plan.append) {
      if (read_head(path) != head)
        return path.string() + " tiene otras columnas que las de esta versión; no se le pueden " +
               "agregar filas: use otra carpeta de salida";
      continue;
    }
    const auto others = foreign_owners(manifest, name, inputs);
    if (!others)
      return path.string() + " ya existe y ninguna conversión registrada en " + kManifestName +
             " lo produjo; no se reemplaza: use --append, otra carpeta de salida o bórrelo";
    if (!others->empty())
      return path.string() + " tiene filas de entradas que esta corrida no convierte (" +
             first_names(*others) + "); no se reemplaza: use --append para agregar las de esta " +
             "corrida, u otra carpeta de salida";
  }
  for (const std::string& name : plan.html_batch_names) {
    const fs::path path = plan.out_dir / name;
    if (!fs::exists(path, ec)) continue;
    const auto others = foreign_owners(manifest, name, inputs);
    if (!others)
      return path.string() + " ya existe y ninguna conversión registrada en " + kManifestName +
             " lo produjo; no se reemplaza: use otra carpeta de salida o bórrelo";
    if (!others->empty())
      return path.string() + " es de la revisión de entradas que esta corrida no convierte (" +
             first_names(*others) + "); no se reemplaza: nombre todas las entradas o use otra " +
             "carpeta de salida";
  }
  return std::nullopt;
}

std::optional<ManifestJournal> ManifestJournal::start(const fs::path& out_dir, std::string& why) {
  const fs::path path = out_dir / kJournalName;
  const int fd =
      ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) {
    why = "no se puede escribir " + printable_name(path.string()) + ": " + os_reason(errno);
    return std::nullopt;
  }
  ManifestJournal journal(fd, path);
  const std::string header = std::string(kHeader) + "\r\n";
  if (::write(fd, header.data(), header.size()) != static_cast<ssize_t>(header.size())) {
    why = "no se puede escribir " + printable_name(path.string()) + ": " + os_reason(errno);
    journal.remove();
    return std::nullopt;
  }
  return journal;
}

ManifestJournal::ManifestJournal(ManifestJournal&& other) noexcept
    : fd_(other.fd_), path_(std::move(other.path_)) {
  other.fd_ = -1;
}

ManifestJournal::~ManifestJournal() {
  if (fd_ >= 0) ::close(fd_);
}

void ManifestJournal::record(const std::vector<ManifestRow>& rows) {
  if (fd_ < 0 || rows.empty()) return;
  const std::string text = manifest_records(rows);
  // O_APPEND, one write: a record is in the file whole or not at all, unless the disk is full.
  const ssize_t ignored = ::write(fd_, text.data(), text.size());
  (void)ignored;
}

void ManifestJournal::remove() {
  if (fd_ < 0) return;
  ::close(fd_);
  fd_ = -1;
  std::error_code ec;
  fs::remove(path_, ec);
}

std::size_t recover_journal(const fs::path& out_dir, std::vector<ManifestRow>& manifest) {
  const fs::path path = out_dir / kJournalName;
  std::error_code ec;
  if (!fs::is_regular_file(fs::symlink_status(path, ec))) return 0;
  std::string text;
  read_whole(path, text);
  // A record cut by a power cut has no line end: it is dropped (its files, if any, were not yet
  // renamed into place: each record is written before the files it names).
  const std::size_t end = text.rfind("\r\n");
  text.resize(end == std::string::npos ? 0 : end + 2);
  std::vector<ManifestRow> rows = manifest_rows(text).value_or(std::vector<ManifestRow>{});
  // The last record of each input is what the dead run got to; in the order first recorded.
  std::map<std::string, std::size_t> last;
  std::vector<ManifestRow> latest;
  for (ManifestRow& row : rows) {
    const auto [it, added] = last.emplace(row.archivo, latest.size());
    if (added)
      latest.push_back(std::move(row));
    else
      latest[it->second] = std::move(row);
  }
  // What the dead run claimed is kept where it is on disk. An input it had only begun keeps the
  // row an earlier run left for it (with any new file of its own added); with none and no file
  // put in place, it is not recorded at all.
  std::vector<ManifestRow> recorded;
  for (ManifestRow& row : latest) {
    std::erase_if(row.salidas, [&](const std::string& name) {
      std::error_code missing;
      return !fs::exists(fs::symlink_status(out_dir / name, missing));
    });
    if (row.estado == kBegun) {
      const auto it = std::find_if(manifest.begin(), manifest.end(),
                                   [&](const ManifestRow& m) { return m.archivo == row.archivo; });
      if (it != manifest.end()) {
        for (const std::string& name : row.salidas)
          if (std::find(it->salidas.begin(), it->salidas.end(), name) == it->salidas.end())
            it->salidas.push_back(name);
        row = *it;
      } else if (row.salidas.empty()) {
        continue;
      }
    }
    recorded.push_back(std::move(row));
  }
  if (!recorded.empty()) {
    manifest = merge_manifest(manifest, recorded);
    exporters::AtomicFile file(out_dir / kManifestName);
    file.write(manifest_csv(manifest));
    file.commit();
  }
  fs::remove(path, ec);
  return recorded.size();
}

}  // namespace poa::job
