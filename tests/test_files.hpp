// Small file helpers shared by the tests: read a file whole, list a folder, a fresh temp folder.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace poa::test {

// The file's bytes, or "" when it cannot be read.
inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The names in `dir`, sorted.
inline std::vector<std::string> listing(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Writes `content` to `dir/name` (folders made as needed); returns the path.
inline std::filesystem::path write_file(const std::filesystem::path& dir, const std::string& name,
                                        const std::string& content) {
  const std::filesystem::path p = dir / name;
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
  return p;
}

// `<tmp>/<name>`, removed if it was there (not created: some tests check who creates it).
inline std::filesystem::path fresh_temp_path(const std::string& name) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / name;
  std::filesystem::remove_all(dir);
  return dir;
}

// A small POA whose numbers all add up: it converts with no warning at all.
inline constexpr const char* kCleanPoa =
    "## PROGRAMA OPERATIVO ANUAL 2023\n\n"
    "SECRETARÍA\t\tNOMBRE DE LA ACCIÓN\t\tBENEFICIARIOS\n"
    "Secretaría de Obras\t\tBacheo\t\tM 10 H 12\n"
    "PRINCIPIO RECTOR\t\tNÚMERO DE ACCIÓN\t\tMETA\n"
    "Ciudad ordenada\t\t3\t\tBachear 100 calles\n"
    "LINEA ESTRATEGICA\t\tINVERSIÓN APROXIMADA\n"
    "2.1 Infraestructura\t\t$1,500.00\n"
    "ESTRATEGIA\t\tPROPÓSITO\t\tPARTIDA PRESUPUESTAL\n"
    "2.1.1 Mantener vialidades\t\tCalles transitables\t\t2111\n"
    "ACTIVIDAD\tÁREA RESPONSABLE\tUNIDAD DE MEDIDA\tINVERSIÓN APROX. POR ACTIVIDAD\tINDICADOR\t"
    "PROGRAMACIÓN ANUAL\tPROGRAMACIÓN MENSUAL\n"
    "\t\t\t\t\t\tENE\tFEB\tMAR\tABR\tMAY\tJUN\tJUL\tAGO\tSEP\tOCT\tNOV\tDIC\n"
    "Bacheo de calles\tObras\tCalle\t$1,500.00\tCalles bacheadas\t100\t50\t50\t-\t-\t-\t-\t-\t-"
    "\t-\t-\t-\t-\n";

// `s` as one word for the shell: in single quotes, each ' written as '\''.
inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs `cmd` through the shell; returns its stdout, and its wait status in `status` if given.
inline std::string run_command(const std::string& cmd, int* status = nullptr) {
  std::string out;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (p == nullptr) return out;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  const int rc = ::pclose(p);
  if (status != nullptr) *status = rc;
  return out;
}

// `<tmp>/<prefix>_<pid>_<test name>`, emptied and created: the running test's own folder.
inline std::filesystem::path fresh_test_dir(const std::string& prefix) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      (prefix + "_" + std::to_string(::getpid()) + "_" +
       ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace poa::test
