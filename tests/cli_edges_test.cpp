// End-to-end tests of `poa` at the edges (issue 12): outputs that cannot be written, inputs that
// are not regular files or are too big, interrupted runs, two runs into one folder, odd names.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "test_files.hpp"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using poa::test::read_file;

const std::string kSample = "fixtures/text/sample/sample_secretaria_planeacion/input.txt";

using poa::test::kCleanPoa;

struct PoaRun {
  int exit_code = -1;
  std::string err;  // stderr (and stdout when it was not redirected)
  double seconds = 0;
};

using poa::test::shell_quote;

// How a run is made to fail writing: as another user in a read-only folder (root writes
// anywhere, so root drops to nobody), or with a file-size limit of 0 (every write to a regular
// file fails, as on a full disk; a pipe is not limited, so stderr still gets through).
enum class WriteFault { kNone, kReadOnly, kNoSpace };

std::string fault_prefix(WriteFault fault) {
  switch (fault) {
    case WriteFault::kNone:
      return "";
    case WriteFault::kNoSpace:
      return "ulimit -f 0; ";
    case WriteFault::kReadOnly:
      return ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  }
  return "";
}

bool can_drop_to_nobody() {
  return ::geteuid() != 0 || std::system("command -v setpriv >/dev/null 2>&1") == 0;
}

class CliEdgesTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = poa::test::fresh_test_dir("poa_edges");
    // Another user (nobody) must reach the inputs.
    fs::permissions(dir_, fs::perms::all, fs::perm_options::add);
  }
  void TearDown() override {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir_, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
      if (it->is_directory())
        fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add);
    fs::remove_all(dir_, ec);
  }

  // Runs poa through sh with `prefix`; stdout goes to `stdout_to` (a file, /dev/full…).
  PoaRun poa(const std::vector<std::string>& args, const std::string& prefix = "",
             const std::string& stdout_to = "/dev/null") {
    std::string cmd = prefix + "timeout 60 " + shell_quote(POA_BINARY);
    for (const std::string& a : args) cmd += " " + shell_quote(a);
    cmd += " 2>&1 >" + shell_quote(stdout_to);
    const auto start = std::chrono::steady_clock::now();
    PoaRun r;
    FILE* p = ::popen(("cd " + shell_quote(dir_.string()) + " && " + cmd).c_str(), "r");
    if (p == nullptr) return r;
    std::array<char, 4096> buf;
    for (std::size_t n; (n = std::fread(buf.data(), 1, buf.size(), p)) > 0;)
      r.err.append(buf.data(), n);
    const int status = ::pclose(p);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return r;
  }

  fs::path write(const std::string& name, const std::string& content) {
    return poa::test::write_file(dir_, name, content);
  }

  // Hidden files of ours left in `d` (temporary outputs, the lock).
  static std::vector<std::string> leftovers(const fs::path& d) {
    std::vector<std::string> out;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(d, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (name.find(".tmp-") != std::string::npos || name == ".poa.lock") out.push_back(name);
    }
    return out;
  }

  fs::path dir_;
};

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// ---- 1. Write failures ---------------------------------------------------------------------

struct WriteCase {
  const char* name;
  std::vector<std::string> args;  // IN is the input, OUT the output folder
  WriteFault fault;
  const char* reason;  // the system's reason, in Spanish
};

const std::vector<std::string> kConvert = {"convert", "IN", "-o", "OUT", "-q", "--format"};
const std::vector<std::string> kPnt = {"pnt", "IN", "--fraccion", "iv", "-o", "OUT/sipot.out"};

std::vector<std::string> with(std::vector<std::string> head, const std::vector<std::string>& tail) {
  head.insert(head.end(), tail.begin(), tail.end());
  return head;
}

const char* const kDenied = "permiso denegado";
const char* const kFull = "excede el tamaño máximo";

const std::vector<WriteCase> kWriteCases = {
    {"json_readonly", with(kConvert, {"json"}), WriteFault::kReadOnly, kDenied},
    {"csv_readonly", with(kConvert, {"csv"}), WriteFault::kReadOnly, kDenied},
    {"both_readonly", with(kConvert, {"json,csv"}), WriteFault::kReadOnly, kDenied},
    {"json_full", with(kConvert, {"json"}), WriteFault::kNoSpace, kFull},
    {"csv_full", with(kConvert, {"csv"}), WriteFault::kNoSpace, kFull},
    {"both_full", with(kConvert, {"json,csv"}), WriteFault::kNoSpace, kFull},
    {"pnt_xlsx_readonly", kPnt, WriteFault::kReadOnly, kDenied},
    {"pnt_csv_readonly", with(kPnt, {"--format", "csv"}), WriteFault::kReadOnly, kDenied},
    {"pnt_xlsx_full", kPnt, WriteFault::kNoSpace, kFull},
    {"pnt_csv_full", with(kPnt, {"--format", "csv"}), WriteFault::kNoSpace, kFull},
};

// Every format of both commands: exit 1 (pnt too, not the usage code 2), the reason once, no
// "fallo interno", earlier outputs and the folder exactly as they were.
TEST_F(CliEdgesTest, WriteFailuresAreOneLineAndLeaveOutputsAsTheyWere) {
  const fs::path in = write("clean.txt", kCleanPoa);
  // Every file of `d` with its bytes.
  const auto snapshot = [](const fs::path& d) {
    std::vector<std::pair<std::string, std::string>> files;
    for (const std::string& name : poa::test::listing(d))
      files.emplace_back(name, read_file(d / name));
    return files;
  };
  for (const WriteCase& c : kWriteCases) {
    SCOPED_TRACE(c.name);
    if (c.fault == WriteFault::kReadOnly && !can_drop_to_nobody()) continue;
    const fs::path out = dir_ / c.name;
    fs::create_directories(out);
    std::vector<std::string> args = c.args;
    for (std::string& a : args) {
      if (a.rfind("IN", 0) == 0) a = in.string() + a.substr(2);
      if (a.rfind("OUT", 0) == 0) a = out.string() + a.substr(3);
    }
    // The earlier outputs are poa's own (a first run made them), so the second run may replace
    // them: only the fault stops it.
    const PoaRun first = poa(args);
    ASSERT_EQ(first.exit_code, 0) << first.err;
    const auto earlier = snapshot(out);
    ASSERT_FALSE(earlier.empty());
    if (c.fault == WriteFault::kReadOnly) fs::permissions(out, fs::perms(0555));
    const PoaRun r = poa(args, fault_prefix(c.fault));
    fs::permissions(out, fs::perms(0755));
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(count(r.err, c.reason), 1u) << "one line per failure: " << r.err;
    EXPECT_EQ(r.err.find("fallo interno"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("terminate"), std::string::npos) << r.err;
    EXPECT_EQ(snapshot(out), earlier);
  }
}

TEST_F(CliEdgesTest, StdoutThatCannotBeWrittenFailsWithOneLine) {
  const fs::path in = write("clean.txt", kCleanPoa);
  for (const char* format : {"json", "csv"}) {
    SCOPED_TRACE(format);
    const PoaRun r =
        poa({"convert", in.string(), "-o", "-", "--format", format, "-q"}, "", "/dev/full");
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(count(r.err, "(salida estándar): no se pudo escribir: no queda espacio"), 1u)
        << r.err;
    EXPECT_EQ(r.err.find("fallo interno"), std::string::npos) << r.err;
  }
}

// ---- 2. Inputs that are not regular files, or too big ------------------------------------

TEST_F(CliEdgesTest, OnlyRegularFilesAreReadAndBigOnesAreRefusedAtOnce) {
  ASSERT_EQ(::mkfifo((dir_ / "tuberia.txt").c_str(), 0644), 0);
  // A text head and then two sparse gigabytes.
  {
    std::string head;
    while (head.size() < 4096) head += "a\tb\tc\n";
    write("enorme.txt", head);
    fs::resize_file(dir_ / "enorme.txt", std::uintmax_t{2} << 30);
  }
  write("ceros.txt", "");
  fs::resize_file(dir_ / "ceros.txt", std::uintmax_t{2} << 30);
  write("clean.txt", kCleanPoa);
  struct Case {
    const char* name;
    std::vector<std::string> args;
    int exit_code;
    const char* says;  // empty: converted
  };
  const std::vector<Case> cases = {
      {"fifo", {"tuberia.txt"}, 1, "es una tubería (FIFO)"},
      {"device", {"/dev/zero"}, 1, "es un dispositivo"},
      {"sparse_text", {"enorme.txt"}, 1, "más que el límite de 64 MiB"},
      {"sparse_zeros", {"ceros.txt"}, 1, "contenido binario"},
      {"over_cap", {"clean.txt", "--max-input-size", "512"}, 1, "más que el límite de 512 bytes"},
      {"under_cap", {"clean.txt", "--max-input-size", "64k"}, 0, ""},
      {"bad_cap", {"clean.txt", "--max-input-size", "mucho"}, 2, "tamaño no válido"},
      {"pnt_fifo", {"tuberia.txt"}, 1, "es una tubería (FIFO)"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const bool pnt = std::string(c.name).rfind("pnt_", 0) == 0;
    std::vector<std::string> args = {pnt ? "pnt" : "convert"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    for (const char* a : {"-o", pnt ? "out/x.xlsx" : "out"}) args.push_back(a);
    if (pnt) args.insert(args.end(), {"--fraccion", "iv"});
    fs::create_directories(dir_ / "out");
    const PoaRun r = poa(args);
    EXPECT_EQ(r.exit_code, c.exit_code) << r.err;
    if (*c.says != '\0') {
      EXPECT_NE(r.err.find(c.says), std::string::npos) << r.err;
    }
    // Refused from what the file is or its size, never by reading gigabytes.
    EXPECT_LT(r.seconds, 20.0);
  }
  // In a folder, a FIFO is not an input (and does not block the walk).
  const PoaRun r =
      poa({"convert", dir_.string(), "-o", (dir_ / "out2").string(), "--max-input-size", "16K"});
  EXPECT_NE(r.exit_code, -1) << r.err;
  EXPECT_LT(r.seconds, 20.0);
}

// ---- 4. Interrupted runs, stale temporary files, two runs at once ----------------------

// Starts poa with `args` (signals at their defaults, whatever ours are), stderr to `err_file`,
// standard input from `stdin_fd`.
pid_t spawn_poa(const std::vector<std::string>& args, const fs::path& err_file, int stdin_fd) {
  std::vector<std::string> argv_s = {POA_BINARY};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, stdin_fd, 0);
  posix_spawn_file_actions_addopen(&actions, 2, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGTERM);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
  pid_t pid = -1;
  if (posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), environ) != 0) pid = -1;
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  return pid;
}

TEST_F(CliEdgesTest, SignalsRemoveThisRunsTempFilesAndKillLeavesThemForTheNextRun) {
  const std::string sample = read_file(kSample);
  ASSERT_FALSE(sample.empty());
  const std::string poa0 = write("in/poa0.txt", sample).string();
  const std::string poa1 = write("in/poa1.txt", sample).string();
  const std::string poa2 = write("in/poa2.txt", sample).string();
  // Another file whose outputs would be named as poa1's.
  const std::string other_poa1 = write("otra/poa1.txt", sample).string();
  struct Case {
    int sig;
    int exit_code;  // -1: killed, no exit code
    const char* says;
  };
  for (const Case& c : {Case{SIGTERM, 143, "interrumpido (SIGTERM)"},
                        Case{SIGINT, 130, "interrumpido (SIGINT)"}, Case{SIGKILL, -1, ""}}) {
    SCOPED_TRACE(c.sig);
    const fs::path out = dir_ / ("out" + std::to_string(c.sig));
    // The run converts poa0 and poa1, then waits on its standard input (a pipe nobody writes):
    // it is interrupted there, with two JSONs in place and the batch CSVs still temporary.
    int pipe_fds[2];
    ASSERT_EQ(::pipe2(pipe_fds, O_CLOEXEC), 0);
    const pid_t pid = spawn_poa(
        {"convert", poa0, poa1, "-", poa2, "-o", out.string(), "--format", "json,csv", "-q"},
        dir_ / "stderr", pipe_fds[0]);
    ::close(pipe_fds[0]);
    ASSERT_GT(pid, 0);
    // (Its journal records poa1 as converted once poa1.json is in place.)
    const auto poa1_done = [&] {
      return read_file(out / ".poa.diario").find(poa1 + ",7af3b715") != std::string::npos;
    };
    for (int i = 0; i < 12000 && !poa1_done(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    ASSERT_TRUE(poa1_done());
    ASSERT_TRUE(fs::exists(out / "poa1.json"));
    ::kill(pid, c.sig);
    int status = 0;
    ::waitpid(pid, &status, 0);
    ::close(pipe_fds[1]);
    const std::string err = read_file(dir_ / "stderr");
    if (c.exit_code < 0) {
      EXPECT_TRUE(WIFSIGNALED(status));
      EXPECT_FALSE(leftovers(out).empty());  // SIGKILL cannot be caught
    } else {
      ASSERT_TRUE(WIFEXITED(status)) << err;
      EXPECT_EQ(WEXITSTATUS(status), c.exit_code) << err;
      EXPECT_EQ(count(err, "interrumpido"), 1u) << err;
      EXPECT_NE(err.find(c.says), std::string::npos) << err;
      EXPECT_TRUE(leftovers(out).empty()) << leftovers(out).front();
    }
    EXPECT_FALSE(fs::exists(out / "acciones.csv"));
    // The next run into the folder records what the dead one put in place (so poa1.json stays
    // poa1.txt's: another file of that name may not replace it), removes its temporary files,
    // and finishes cleanly.
    const PoaRun next = poa({"convert", poa0, "-o", out.string(), "--format", "json,csv", "-q"});
    EXPECT_EQ(next.exit_code, 0) << next.err;
    EXPECT_NE(next.err.find("una ejecución anterior se interrumpió antes de escribir manifest.csv"),
              std::string::npos)
        << next.err;
    EXPECT_TRUE(leftovers(out).empty()) << leftovers(out).front();
    EXPECT_FALSE(fs::exists(out / ".poa.diario"));
    const std::string manifest = read_file(out / "manifest.csv");
    EXPECT_NE(manifest.find(poa1 + ",7af3b715"), std::string::npos) << manifest;
    EXPECT_NE(manifest.find(",convertido,,8,49,7,poa1.json\r\n"), std::string::npos) << manifest;
    const PoaRun clash =
        poa({"convert", other_poa1, "-o", out.string(), "--format", "json,csv", "-q"});
    EXPECT_EQ(clash.exit_code, 2) << clash.err;
    EXPECT_NE(clash.err.find("poa1.json ya existe y es de " + poa1), std::string::npos)
        << clash.err;
  }
}

TEST_F(CliEdgesTest, StaleTempFilesOfDeadRunsGoOthersStay) {
  // A PID no process has: a child of ours that ended, reaped. PIDs are handed out in increasing
  // order, so its PID comes round again only after every other one below pid_max (a free PID
  // picked from the top of the range is the next one handed out when the count is just below).
  const pid_t dead = ::fork();
  if (dead == 0) ::_exit(0);
  ASSERT_GT(dead, 0);
  ASSERT_EQ(::waitpid(dead, nullptr, 0), dead);
  const fs::path out = dir_ / "out";
  const std::string d = std::to_string(dead);
  const fs::path stale1 = write("out/.acciones.csv.tmp-" + d + "-0", "medio");
  const fs::path stale2 = write("out/sub/.poa.json.tmp-" + d + "-7", "medio");
  const fs::path live = write("out/.otro.json.tmp-" + std::to_string(::getpid()) + "-0", "vivo");
  const fs::path not_ours = write("out/.notas.tmp-abc-1", "ajeno");
  const fs::path in = write("clean.txt", kCleanPoa);
  const PoaRun r = poa({"convert", in.string(), "-o", out.string(), "-q"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(fs::exists(stale1));
  EXPECT_FALSE(fs::exists(stale2));
  EXPECT_TRUE(fs::exists(live));  // its process (this test) is alive
  EXPECT_TRUE(fs::exists(not_ours));
}

TEST_F(CliEdgesTest, ASecondRunIntoTheSameFolderIsRefused) {
  const fs::path out = dir_ / "out";
  fs::create_directories(out);
  const fs::path in = write("clean.txt", kCleanPoa);
  // This process holds the folder as a running poa would.
  const int fd = ::open((out / ".poa.lock").c_str(), O_RDWR | O_CREAT, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX), 0);
  ASSERT_EQ(::write(fd, "12345\n", 6), 6);
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"convert", in.string(), "-o", out.string(), "--format",
                                 "json,csv"},
        std::vector<std::string>{"pnt", in.string(), "--fraccion", "iv", "-o",
                                 (out / "x.xlsx").string()}}) {
    const PoaRun r = poa(args);
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find("otra ejecución de poa (pid 12345)"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out / "acciones.csv"));
    EXPECT_FALSE(fs::exists(out / "x.xlsx"));
  }
  ::close(fd);
  const PoaRun r = poa({"convert", in.string(), "-o", out.string(), "--format", "json,csv"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(out / "acciones.csv"));
  EXPECT_TRUE(leftovers(out).empty()) << leftovers(out).front();
}

// ---- 7. Names ---------------------------------------------------------------------------

TEST_F(CliEdgesTest, LongAndNewlineNamesWork) {
  // 250 bytes: the output's name fits NAME_MAX (255), its temporary name must too.
  const std::string long_name = std::string(246, 'a') + ".txt";
  const fs::path in = write(long_name, kCleanPoa);
  PoaRun r = poa({"convert", in.string(), "-o", (dir_ / "out").string(), "-q"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir_ / "out" / (std::string(246, 'a') + ".json")));
  // A newline in a name is escaped, never a second line.
  const fs::path odd = write("mal\nnombre.txt", "hola\n");
  r = poa({"convert", odd.string(), "-o", (dir_ / "out").string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("mal\\nnombre.txt"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("mal\nnombre"), std::string::npos) << r.err;
}

}  // namespace
