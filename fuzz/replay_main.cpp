// The fuzz targets without libFuzzer (any compiler): runs LLVMFuzzerTestOneInput once on every
// file named, or found in a folder named, then on `-runs=N` inputs mutated from them, so the
// normal test suite replays the seed corpora and any crash kept in fuzz/regressions/ through each
// target and fuzzes each for a moment. The mutations are drawn from `-seed=S` (default 1): the
// same inputs on every machine, so a failure is reproduced by running the same command. A
// `-dict=FILE` in libFuzzer's format adds its tokens to the ones inserted. Longer, coverage-guided
// runs need the libFuzzer build (docs/fuzzing.md).
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

std::string read_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The mutated input being run, and where a crash leaves it (written by the signal handler only:
// writing every input to disk first would cost more than running it).
const std::string* g_current = nullptr;
char g_crash_path[4096] = {};

extern "C" void save_crashing_input(int signal) {
  if (g_current != nullptr) {
    const int fd = ::open(g_crash_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      const char* data = g_current->data();
      std::size_t left = g_current->size();
      while (left > 0) {
        const ssize_t n = ::write(fd, data, left);
        if (n <= 0) break;
        data += n;
        left -= static_cast<std::size_t>(n);
      }
      ::close(fd);
    }
    static constexpr char kSaved[] = "la entrada mutada que hizo caer el proceso quedó en ";
    (void)!::write(STDERR_FILENO, kSaved, sizeof kSaved - 1);
    (void)!::write(STDERR_FILENO, g_crash_path, std::strlen(g_crash_path));
    (void)!::write(STDERR_FILENO, "\n", 1);
  }
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

void run_one(const std::string& bytes) {
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

// Tokens of the grammars the five targets read (POA dumps, PDF syntax, SIPOT XML, our JSON, the
// settings file): inserting one reaches deeper than a random byte does.
constexpr std::string_view kTokens[] = {"\t",        "\n",
                                        "\r\n",      "|",
                                        " ",         "-",
                                        "$",         ",",
                                        ".",         "0",
                                        "9",         "ENE",
                                        "DIC",       "ANUAL",
                                        "ACTIVIDAD", "SECRETARÍA",
                                        "META",      "PARTIDA PRESUPUESTAL",
                                        "$1,000.00", "-1e309",
                                        "\xc3",      "\xef\xbb\xbf",
                                        "\xff\xfe",  "obj",
                                        "endobj",    "stream",
                                        "endstream", "<<",
                                        ">>",        "/Length 99999",
                                        "xref",      "trailer",
                                        "R",         "<c r=\"",
                                        "<row r=\"", "\"",
                                        "{",         "}",
                                        "[",         "]",
                                        "null",      "=",
                                        "#",         "\\",
                                        "\\u0000",   "99999999999999999999"};

// The tokens of a libFuzzer dictionary: each line's text between its first and last double quote,
// with \\, \" and \xHH undone; blank lines and # comments skipped.
std::vector<std::string> dictionary_tokens(const std::filesystem::path& file) {
  std::vector<std::string> tokens;
  std::ifstream in(file, std::ios::binary);
  for (std::string line; std::getline(in, line);) {
    const std::size_t open = line.find('"');
    const std::size_t close = line.rfind('"');
    if (line.empty() || line[0] == '#' || open == std::string::npos || close <= open) continue;
    std::string token;
    for (std::size_t i = open + 1; i < close; ++i) {
      if (line[i] == '\\' && i + 1 < close && line[i + 1] == 'x' && i + 3 < close) {
        token.push_back(static_cast<char>(std::stoi(line.substr(i + 2, 2), nullptr, 16)));
        i += 3;
      } else if (line[i] == '\\' && i + 1 < close) {
        token.push_back(line[++i]);
      } else {
        token.push_back(line[i]);
      }
    }
    tokens.push_back(std::move(token));
  }
  return tokens;
}

// One random edit of `bytes`: libFuzzer's commonest mutators, without its coverage feedback.
void mutate_once(std::string& bytes, const std::vector<std::string>& seeds,
                 const std::vector<std::string>& tokens, std::mt19937_64& rng) {
  auto below = [&rng](std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(rng() % n); };
  const std::size_t at = below(bytes.size() + 1);
  switch (below(7)) {
    case 0:  // flip a bit
      if (!bytes.empty()) bytes[below(bytes.size())] ^= static_cast<char>(1U << below(8));
      break;
    case 1:  // a byte set to anything
      if (!bytes.empty()) bytes[below(bytes.size())] = static_cast<char>(rng());
      break;
    case 2:  // a range deleted
      bytes.erase(std::min(at, bytes.size()), 1 + below(64));
      break;
    case 3: {  // a range repeated
      if (bytes.empty()) break;
      const std::size_t from = below(bytes.size());
      const std::string piece = bytes.substr(from, 1 + below(256));
      bytes.insert(at, piece);
      break;
    }
    case 4:  // a token inserted
      bytes.insert(at, tokens[below(tokens.size())]);
      break;
    case 5: {  // a token written over what is there
      const std::string& token = tokens[below(tokens.size())];
      bytes.replace(std::min(at, bytes.size()), token.size(), token);
      break;
    }
    default: {  // spliced: this input's head, another seed's tail
      const std::string& other = seeds[below(seeds.size())];
      bytes = bytes.substr(0, at) + other.substr(below(other.size() + 1));
      break;
    }
  }
}

// Parses `-name=value` (libFuzzer's flag spelling) into `value`; false when `arg` is not it.
bool flag(std::string_view arg, std::string_view name, std::string& value) {
  if (arg.size() <= name.size() + 2 || arg[0] != '-' || arg.substr(1, name.size()) != name ||
      arg[name.size() + 1] != '=')
    return false;
  value = arg.substr(name.size() + 2);
  return true;
}

bool flag(std::string_view arg, std::string_view name, std::uint64_t& value) {
  std::string text;
  if (!flag(arg, name, text)) return false;
  value = std::strtoull(text.c_str(), nullptr, 10);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t runs = 0;
  std::uint64_t seed = 1;
  std::string dictionary;
  std::vector<std::filesystem::path> files;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (flag(arg, "runs", runs) || flag(arg, "seed", seed) || flag(arg, "dict", dictionary))
      continue;
    const std::filesystem::path path = arg;
    if (!std::filesystem::is_directory(path)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::filesystem::path> found;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path))
      if (entry.is_regular_file()) found.push_back(entry.path());
    std::sort(found.begin(), found.end());  // the same order on every machine
    files.insert(files.end(), found.begin(), found.end());
  }
  if (files.empty()) {
    std::cerr << "ninguna entrada: no se encontraron las semillas\n";
    return 1;
  }
  std::vector<std::string> seeds;
  seeds.reserve(files.size());
  for (const auto& file : files) {
    seeds.push_back(read_bytes(file));
    run_one(seeds.back());
  }
  std::cout << seeds.size() << " entradas sin fallo\n";
  if (runs == 0) return 0;

  const std::string crash_path =
      (std::filesystem::temp_directory_path() /
       (std::filesystem::path(argv[0]).filename().string() + "-caida-" + std::to_string(seed)))
          .string();
  std::strncpy(g_crash_path, crash_path.c_str(), sizeof g_crash_path - 1);
  for (int signal : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL})
    std::signal(signal, save_crashing_input);
  std::vector<std::string> tokens(std::begin(kTokens), std::end(kTokens));
  if (!dictionary.empty()) {
    std::vector<std::string> more = dictionary_tokens(dictionary);
    if (more.empty()) {
      std::cerr << "el diccionario " << dictionary << " no tiene fichas o no se pudo leer\n";
      return 1;
    }
    std::cout << more.size() << " fichas del diccionario " << dictionary << "\n";
    tokens.insert(tokens.end(), std::make_move_iterator(more.begin()),
                  std::make_move_iterator(more.end()));
  }
  std::cout << "mutaciones (-seed=" << seed << ")" << std::endl;
  std::mt19937_64 rng(seed);
  for (std::uint64_t i = 0; i < runs; ++i) {
    std::string bytes = seeds[static_cast<std::size_t>(rng() % seeds.size())];
    for (std::uint64_t edits = 1 + rng() % 4; edits > 0; --edits)
      mutate_once(bytes, seeds, tokens, rng);
    g_current = &bytes;
    run_one(bytes);
    g_current = nullptr;
  }
  std::cout << runs << " entradas mutadas sin fallo\n";
  return 0;
}
