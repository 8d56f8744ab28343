// The output folder of a convert run: manifest.csv written and read back, and the check that a
// run replaces only what earlier runs of the same inputs produced there.
#include "job/outputs.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>

#include "exporters/csv_records.hpp"

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

}  // namespace

std::string manifest_csv(const std::vector<ManifestRow>& rows) {
  std::string out = std::string(kHeader) + "\r\n";
  for (const ManifestRow& r : rows) {
    out += exporters::csv_quoted(r.archivo) + ',' + r.sha256 + ',' + r.estado + ',' + r.codigo +
           ',' + std::to_string(r.actions) + ',' + std::to_string(r.activities) + ',' +
           std::to_string(r.warnings) + ',' + exporters::csv_quoted(joined(r.salidas)) + "\r\n";
  }
  return out;
}

std::optional<std::vector<ManifestRow>> read_manifest(const fs::path& out_dir, std::string& why) {
  const fs::path path = out_dir / kManifestName;
  std::error_code ec;
  if (!fs::exists(path, ec)) return std::vector<ManifestRow>{};
  std::ifstream in(path, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in && !in.eof()) {
    why = path.string() + ": no se pudo leer";
    return std::nullopt;
  }
  const std::vector<std::string_view> records = exporters::csv_records(text);
  std::vector<std::string> header;
  if (!records.empty()) header = exporters::csv_fields(records.front());
  std::vector<std::string> sorted = header;
  std::sort(sorted.begin(), sorted.end());
  if (!std::equal(sorted.begin(), sorted.end(), std::begin(kColumns), std::end(kColumns))) {
    why = path.string() + ": no es un manifiesto de poa (columnas distintas)";
    return std::nullopt;
  }
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
  for (const std::string& name : plan.json_names) {
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
    const std::vector<std::string> owners = owners_of(manifest, name);
    std::vector<std::string> others;
    for (const std::string& o : owners)
      if (!inputs.count(o)) others.push_back(o);
    if (owners.empty())
      return path.string() + " ya existe y ninguna conversión registrada en " + kManifestName +
             " lo produjo; no se reemplaza: use --append, otra carpeta de salida o bórrelo";
    if (!others.empty())
      return path.string() + " tiene filas de entradas que esta corrida no convierte (" +
             first_names(others) + "); no se reemplaza: use --append para agregar las de esta " +
             "corrida, u otra carpeta de salida";
  }
  return std::nullopt;
}

}  // namespace poa::job
