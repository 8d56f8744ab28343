// End-to-end tests of `poa convert` on batches (issue 9): `-j` writes the same bytes as one job,
// the progress line shows on a terminal or when asked and never otherwise.
#include <gtest/gtest.h>

#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "test_files.hpp"

namespace {

namespace fs = std::filesystem;
using poa::test::read_file;
using poa::test::shell_quote;

// A mixed batch: text dumps, PDFs and refused files (not a POA, damaged PDF, empty).
const std::vector<std::string> kMixedBatch = {
    "fixtures/text/sample/sample_secretaria_planeacion/input.txt",
    "fixtures/pdf/long_table_repeated_header/input.pdf",
    "fixtures/errors/not_a_poa_text/input.txt",
    "fixtures/pdf",
    "fixtures/errors/pdf_damaged",
    "fixtures/text/money",
    "fixtures/errors/empty_file/input.txt",
    // The scans under fixtures/pdf take seconds of OCR each: the batch path is the same without
    // them (OCR has its own tests), and --exclude is part of what a batch is given.
    "--exclude",
    "scans",
};

struct PoaRun {
  int exit_code = -1;
  std::string err;
};

class CliBatchTest : public testing::Test {
 protected:
  void SetUp() override { dir_ = poa::test::fresh_test_dir("poa_batch"); }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs poa with stderr into a file (not a terminal).
  PoaRun poa(const std::vector<std::string>& args) {
    std::string cmd = shell_quote(POA_BINARY);
    for (const std::string& a : args) cmd += " " + shell_quote(a);
    cmd += " >/dev/null 2>" + shell_quote((dir_ / "stderr").string());
    int status = 0;
    poa::test::run_command(cmd, &status);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(dir_ / "stderr")};
  }

  // Runs poa with stdin, stdout and stderr on a pseudo-terminal; what it printed there.
  PoaRun poa_on_terminal(const std::vector<std::string>& args) {
    std::vector<std::string> argv_text = {POA_BINARY};
    argv_text.insert(argv_text.end(), args.begin(), args.end());
    std::vector<char*> argv;
    argv.reserve(argv_text.size() + 1);
    for (std::string& a : argv_text) argv.push_back(a.data());
    argv.push_back(nullptr);
    int master = -1;
    const pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
    if (pid == 0) {
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    PoaRun r;
    if (pid < 0) return r;
    char buf[4096];
    for (ssize_t n; (n = ::read(master, buf, sizeof buf)) > 0;) r.err.append(buf, std::size_t(n));
    ::close(master);
    int status = 0;
    ::waitpid(pid, &status, 0);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
  }

  // Every file under `root`, relative, with its bytes.
  static std::vector<std::pair<std::string, std::string>> tree(const fs::path& root) {
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& e : fs::recursive_directory_iterator(root))
      if (e.is_regular_file())
        files.emplace_back(fs::relative(e.path(), root).string(), read_file(e.path()));
    std::sort(files.begin(), files.end());
    return files;
  }

  fs::path dir_;
};

TEST_F(CliBatchTest, ParallelJobsWriteTheSameBytesAsOne) {
  struct Case {
    std::string formats;
    std::vector<std::string> extra;
  };
  const std::vector<Case> cases = {
      {"json,csv", {}},
      {"json,csv", {"-q"}},
      {"csv", {"--csv-raw"}},
  };
  for (const Case& c : cases) {
    std::vector<std::pair<std::string, std::string>> first;
    std::string first_err;
    for (const std::string jobs : {"1", "2", "5"}) {
      const fs::path out = dir_ / ("out-" + jobs);
      fs::remove_all(out);
      std::vector<std::string> args = {"convert"};
      args.insert(args.end(), kMixedBatch.begin(), kMixedBatch.end());
      args.insert(args.end(), {"-o", out.string(), "--format", c.formats, "-j", jobs});
      args.insert(args.end(), c.extra.begin(), c.extra.end());
      const PoaRun r = poa(args);
      EXPECT_EQ(r.exit_code, 1) << r.err;  // the refused inputs
      // Outputs under out-N: the same relative names and bytes, stderr the same lines in order.
      if (jobs == "1") {
        first = tree(out);
        first_err = r.err;
        EXPECT_NE(first_err.find("NOT_A_POA"), std::string::npos) << first_err;
        continue;
      }
      EXPECT_EQ(tree(out), first) << c.formats << " -j " << jobs;
      EXPECT_EQ(r.err, first_err) << c.formats << " -j " << jobs;
    }
  }
}

TEST_F(CliBatchTest, ProgressShowsOnATerminalOrWhenAskedAndNeverOtherwise) {
  struct Case {
    bool terminal;
    std::vector<std::string> flags;
    bool progress;
  };
  const std::vector<Case> cases = {
      {false, {}, false},
      {false, {"--progress"}, true},
      {false, {"--progress", "--no-progress"}, false},
      {true, {}, true},
      {true, {"--no-progress"}, false},
      {true, {"-j", "1"}, true},
  };
  int n = 0;
  for (const Case& c : cases) {
    std::vector<std::string> args = {"convert"};
    args.insert(args.end(), kMixedBatch.begin(), kMixedBatch.end());
    args.insert(args.end(), {"-o", (dir_ / ("out" + std::to_string(++n))).string()});
    args.insert(args.end(), c.flags.begin(), c.flags.end());
    const PoaRun r = c.terminal ? poa_on_terminal(args) : poa(args);
    const std::string what = (c.terminal ? "terminal" : "file") + std::string(" case ") +
                             std::to_string(n) + ":\n" + r.err;
    EXPECT_EQ(r.exit_code, 1) << what;
    // The summary lines of the inputs are there either way.
    EXPECT_NE(r.err.find("input.txt: "), std::string::npos) << what;
    EXPECT_EQ(r.err.find("\x1b[K") != std::string::npos, c.progress) << what;
    EXPECT_EQ(r.err.find("\r[") != std::string::npos, c.progress) << what;
    const bool summary = r.err.find(" convertidos, ") != std::string::npos &&
                         r.err.find(" rechazados; ") != std::string::npos &&
                         r.err.find(" páginas en ") != std::string::npos;
    EXPECT_EQ(summary, c.progress) << what;
    if (!c.terminal && !c.progress) {
      EXPECT_EQ(r.err.find('\r'), std::string::npos) << what;
    }
  }
}

// A scan read by OCR (seconds a page) counts its pages on the progress line like any PDF, and
// prints nothing else about them: --no-progress on a terminal printed the reader's own «OCR, 1 de
// 1 páginas» lines. One page of the document is a scan.
TEST_F(CliBatchTest, AScanShowsItsPagesOnTheProgressLineAndNothingWithNoProgress) {
  const std::string scan = "fixtures/pdf/scans/mixed_text_and_scan/input.pdf";
  const PoaRun shown = poa_on_terminal({"convert", scan, "-o", (dir_ / "out1").string()});
  EXPECT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(shown.err.find("\r[0/1 archivos, "), std::string::npos) << shown.err;
  EXPECT_NE(shown.err.find("/2 páginas"), std::string::npos) << shown.err;
  EXPECT_EQ(shown.err.find("OCR, "), std::string::npos) << shown.err;
  const PoaRun quiet =
      poa_on_terminal({"convert", scan, "-o", (dir_ / "out2").string(), "--no-progress"});
  EXPECT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_EQ(quiet.err.find('\r' + std::string("[")), std::string::npos) << quiet.err;
  EXPECT_EQ(quiet.err.find("OCR, "), std::string::npos) << quiet.err;
  EXPECT_NE(quiet.err.find("input.pdf: "), std::string::npos) << quiet.err;
}

TEST_F(CliBatchTest, ReadOnlyDatabaseIsOneLineAndLeftAsItWas) {
  // Root writes anywhere: the run drops to nobody, as the edge tests do.
  const std::string as_nobody =
      ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  const fs::path db = dir_ / "ro.sqlite";
  ASSERT_EQ(poa({"convert", kMixedBatch[0], "-o", (dir_ / "out1").string(), "--db", db.string()})
                .exit_code,
            0);
  fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  fs::permissions(dir_, fs::perms::all);
  const std::string before = read_file(db);
  int status = 0;
  const std::string err = poa::test::run_command(
      as_nobody + shell_quote(POA_BINARY) + " convert " + shell_quote(kMixedBatch[1]) + " -o " +
          shell_quote((dir_ / "out2").string()) + " --db " + shell_quote(db.string()) +
          " 2>&1 >/dev/null",
      &status);
  EXPECT_EQ(WEXITSTATUS(status), 1) << err;
  EXPECT_EQ(err, "poa: error: " + db.string() + ": no se pudo abrir: la base es de solo lectura\n");
  EXPECT_EQ(read_file(db), before);
}

}  // namespace
