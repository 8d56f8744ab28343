// The output folder's journal (job/outputs.hpp): what a run killed before writing manifest.csv
// left in place is recorded by the next run, and only that.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "job/outputs.hpp"
#include "test_files.hpp"

namespace {

namespace fs = std::filesystem;
using poa::job::ManifestJournal;
using poa::job::ManifestRow;

ManifestRow row(const std::string& archivo, const std::string& estado,
                std::vector<std::string> salidas, std::size_t actions = 0) {
  return {archivo,           estado == "convertido" ? "ab12" : "", estado, "", actions, actions, 0,
          std::move(salidas)};
}

constexpr const char* kHeader =
    "archivo,sha256,estado,codigo,acciones,actividades,avisos,salidas\r\n";

TEST(ManifestJournalTest, ADeadRunsRecordIsFoldedIntoTheManifest) {
  struct Case {
    const char* name;
    std::vector<ManifestRow> earlier;  // manifest.csv before (empty: none)
    std::vector<ManifestRow> journal;  // the dead run's records, in order
    std::vector<std::string> on_disk;  // files of OUTDIR that exist
    std::string torn;                  // bytes after the last whole record
    std::size_t recorded;
    std::string manifest;  // manifest.csv's records after (when `recorded`: else untouched)
  };
  const std::vector<Case> cases = {
      {"converted input: its row, as it ended",
       {},
       {row("a.txt", "interrumpido", {"a.json"}), row("a.txt", "convertido", {"a.json"}, 3)},
       {"a.json"},
       "",
       1,
       "a.txt,ab12,convertido,,3,3,0,a.json\r\n"},
      {"a later run of the same input replaces the earlier row",
       {row("a.txt", "convertido", {"a.json", "acciones.csv"}, 1)},
       {row("a.txt", "convertido", {"a.json"}, 3)},
       {"a.json", "acciones.csv"},
       "",
       1,
       "a.txt,ab12,convertido,,3,3,0,a.json\r\n"},
      {"begun, its file in place, no earlier row: recorded as interrupted",
       {},
       {row("a.txt", "interrumpido", {"a.json"})},
       {"a.json"},
       "",
       1,
       "a.txt,,interrumpido,,0,0,0,a.json\r\n"},
      {"begun, nothing in place: not recorded",
       {row("b.txt", "convertido", {"b.json"}, 2)},
       {row("a.txt", "interrumpido", {"a.json"})},
       {"b.json"},
       "",
       0,
       ""},
      {"begun over an earlier run's row: that row stays, with the new file added",
       {row("a.txt", "convertido", {"a.json"}, 2)},
       {row("a.txt", "interrumpido", {"a.json", "a.html"})},
       {"a.json", "a.html"},
       "",
       1,
       "a.txt,ab12,convertido,,2,2,0,a.json; a.html\r\n"},
      {"batch files claimed but never put in place are not recorded",
       {row("b.txt", "convertido", {"b.json"}, 2)},
       {row("a.txt", "convertido", {"a.json", "acciones.csv"}, 1)},
       {"a.json", "b.json"},
       "",
       1,
       "b.txt,ab12,convertido,,2,2,0,b.json\r\na.txt,ab12,convertido,,1,1,0,a.json\r\n"},
      {"a record cut by a power cut is dropped",
       {},
       {row("a.txt", "convertido", {"a.json"}, 3)},
       {"a.json", "c.json"},
       "c.txt,ab12,convertido,,1,1,0,c.js",
       1,
       "a.txt,ab12,convertido,,3,3,0,a.json\r\n"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const fs::path dir = poa::test::fresh_test_dir("poa_journal");
    if (!c.earlier.empty())
      poa::test::write_file(dir, "manifest.csv", poa::job::manifest_csv(c.earlier));
    for (const std::string& name : c.on_disk) poa::test::write_file(dir, name, "x");
    {
      std::string why;
      std::optional<ManifestJournal> journal = ManifestJournal::start(dir, why);
      ASSERT_TRUE(journal) << why;
      for (const ManifestRow& r : c.journal) journal->record({r});
    }  // the run dies: its journal stays
    if (!c.torn.empty()) {
      std::ofstream(dir / poa::job::kJournalName, std::ios::app | std::ios::binary) << c.torn;
    }
    const std::string before = poa::test::read_file(dir / "manifest.csv");
    std::string why;
    std::vector<ManifestRow> manifest = *poa::job::read_manifest(dir, why);
    EXPECT_EQ(poa::job::recover_journal(dir, manifest), c.recorded);
    EXPECT_FALSE(fs::exists(dir / poa::job::kJournalName));
    const std::string after = poa::test::read_file(dir / "manifest.csv");
    EXPECT_EQ(after, c.recorded == 0 ? before : kHeader + c.manifest);
    // The caller goes on with what was written.
    if (!after.empty()) {
      EXPECT_EQ(poa::job::manifest_csv(manifest), after);
    }
    fs::remove_all(dir);
  }
}

TEST(ManifestJournalTest, ARunThatEndsRemovesItsJournal) {
  const fs::path dir = poa::test::fresh_test_dir("poa_journal");
  std::string why;
  std::optional<ManifestJournal> journal = ManifestJournal::start(dir, why);
  ASSERT_TRUE(journal) << why;
  journal->record({row("a.txt", "convertido", {"a.json"}, 1)});
  EXPECT_TRUE(fs::exists(dir / poa::job::kJournalName));
  journal->remove();
  EXPECT_FALSE(fs::exists(dir / poa::job::kJournalName));
  std::vector<ManifestRow> manifest;
  EXPECT_EQ(poa::job::recover_journal(dir, manifest), 0u);
  EXPECT_FALSE(fs::exists(dir / "manifest.csv"));
  fs::remove_all(dir);
}

}  // namespace
