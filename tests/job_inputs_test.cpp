// Tests for the one input expansion of the jobs and for telling our own JSON from a POA.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/source.hpp"
#include "job/inputs.hpp"

namespace poa::job {
namespace {

namespace fs = std::filesystem;

fs::path make_tree() {
  const fs::path root = fs::temp_directory_path() / ("poa_inputs_" + std::to_string(::getpid()));
  fs::remove_all(root);
  for (const char* name : {"b.txt", "a.pdf", "sub/c.txt", "out.json", "OUT.CSV", "tabla.xlsx",
                           "x.tmp", ".oculto.txt", ".git/d.txt", "sub/e.JSON"}) {
    fs::create_directories((root / name).parent_path());
    // Content that sniffs as an input (a PDF, a text dump of a table) whatever the name: the
    // folder rules are tested here, the sniffing in input_sniff_test.
    std::ofstream(root / name) << (std::string_view(name).ends_with(".pdf")
                                       ? "%PDF-1.4\n"
                                       : "ACTIVIDAD\tUNIDAD\tANUAL\na\tb\t1\nc\td\t2\n");
  }
  return root;
}

TEST(ExpandInputsTest, FoldersFollowTheRulesFilesAreTakenAsGiven) {
  const fs::path root = make_tree();
  struct Case {
    JsonInFolders json;
    std::vector<fs::path> inputs;
    std::vector<std::string> expected;  // relative to root
    std::size_t errors;
  };
  const std::vector<Case> cases = {
      {JsonInFolders::kSkip, {root}, {"a.pdf", "b.txt", "sub/c.txt"}, 0},
      {JsonInFolders::kTake, {root}, {"a.pdf", "b.txt", "out.json", "sub/c.txt", "sub/e.JSON"}, 0},
      // Named on the command line, a hidden file or our own output is still an input.
      {JsonInFolders::kSkip,
       {root / ".oculto.txt", root / "out.json"},
       {".oculto.txt", "out.json"},
       0},
      {JsonInFolders::kSkip, {root / "no-existe.txt", root / "b.txt"}, {"b.txt"}, 1},
  };
  for (const Case& c : cases) {
    Diagnostics errors;
    std::vector<std::string> got;
    for (const fs::path& p : expand_inputs(c.inputs, c.json, errors))
      got.push_back(p.lexically_relative(root).generic_string());
    EXPECT_EQ(got, c.expected);
    ASSERT_EQ(errors.size(), c.errors);
    for (const Diagnostic& e : errors) {
      EXPECT_EQ(e.code, DiagnosticCode::kFileUnreadable);
      EXPECT_EQ(format_diagnostic(e), (root / "no-existe.txt").string() +
                                          ": error: no existe el archivo o la carpeta "
                                          "[FILE_UNREADABLE]");
    }
  }
  fs::remove_all(root);
}

TEST(GlobMatchesTest, NamesAnywherePathsFromTheTopDoubleStarAnyDepth) {
  struct Case {
    const char* pattern;
    const char* path;
    bool matches;
  };
  const std::vector<Case> cases = {
      {"*.pdf", "poa.pdf", true},
      {"*.pdf", "mun001/poa.pdf", true},  // a name: at any depth
      {"*.pdf", "mun001/poa.txt", false},
      {"borradores", "borradores/v1/poa.pdf", true},  // a folder on the path: all under it
      {"borrador*", "mun/borrador-2/poa.txt", true},
      {"mun*/poa.pdf", "mun001/poa.pdf", true},  // a path: from the top
      {"mun*/poa.pdf", "x/mun001/poa.pdf", false},
      {"mun*/*.pdf", "mun001/sub/poa.pdf", false},  // `*` never crosses a `/`
      {"mun001", "mun0010/poa.pdf", false},
      {"**/anexos/*", "anexos/a.pdf", true},      // `**`: zero folders…
      {"**/anexos/*", "a/b/anexos/a.pdf", true},  // …or several
      {"**/anexos/*", "a/anexos-2/a.pdf", false},
      {"mun001/**", "mun001/a/b/c.pdf", true},
      {"mun001/**/*.txt", "mun001/poa.txt", true},
      {"mun001/**/*.txt", "mun001/a/b/poa.txt", true},
      {"mun001/**/*.txt", "mun002/a/poa.txt", false},
      {"./mun001/*.pdf", "mun001/poa.pdf", true},
      {"[ab].txt", "b.txt", true},
      {"?.txt", "ab.txt", false},
  };
  for (const Case& c : cases)
    EXPECT_EQ(glob_matches(c.pattern, c.path), c.matches) << c.pattern << " " << c.path;
}

TEST(ExpandInputsTest, IncludeAndExcludeFilterFolderFilesOnlyAndSayWhy) {
  const fs::path root = make_tree();
  struct Case {
    InputFilter filter;
    std::vector<fs::path> inputs;
    std::vector<std::string> expected;  // relative to root
    std::vector<std::string> skipped;   // "path: reason"
  };
  const std::vector<Case> cases = {
      {{{}, {"sub"}}, {root}, {"a.pdf", "b.txt"}, {"sub/c.txt: excluido por --exclude"}},
      {{{"*.txt"}, {}}, {root}, {"b.txt", "sub/c.txt"}, {"a.pdf: fuera de --include"}},
      // Exclusion wins over inclusion.
      {{{"*.txt"}, {"b.*"}},
       {root},
       {"sub/c.txt"},
       {"a.pdf: fuera de --include", "b.txt: excluido por --exclude"}},
      // A file named on the command line is taken whatever the patterns.
      {{{"*.pdf"}, {"*.txt"}}, {root / "b.txt"}, {"b.txt"}, {}},
  };
  for (const Case& c : cases) {
    Diagnostics errors;
    std::vector<SkippedInput> skipped;
    std::vector<std::string> got;
    for (const fs::path& p :
         expand_inputs(c.inputs, JsonInFolders::kSkip, errors, &skipped, c.filter))
      got.push_back(p.lexically_relative(root).generic_string());
    EXPECT_EQ(got, c.expected);
    std::vector<std::string> got_skipped;
    for (const SkippedInput& s : skipped)
      got_skipped.push_back(s.path.lexically_relative(root).generic_string() + ": " + s.reason);
    EXPECT_EQ(got_skipped, c.skipped);
    EXPECT_TRUE(errors.empty());
  }
  fs::remove_all(root);
}

TEST(ReadJsonDocumentTest, OnlyContentStartingWithABraceIsJson) {
  const fs::path file = fs::temp_directory_path() / ("poa_json_" + std::to_string(::getpid()));
  const std::vector<std::pair<std::string, bool>> cases = {
      {"{\"schema_version\": 1}", true},
      {" \r\n\t{}", true},
      {"PROGRAMA OPERATIVO ANUAL {2022}", false},
      {"%PDF-1.7", false},
      {"", false},
  };
  for (const auto& [content, is_json] : cases) {
    std::ofstream(file, std::ios::binary) << content;
    const std::optional<std::string> got = extractor::read_json_document(file);
    EXPECT_EQ(got.has_value(), is_json) << content;
    if (got) {
      EXPECT_EQ(*got, content);
    }
  }
  fs::remove(file);
  EXPECT_FALSE(extractor::read_json_document(file).has_value());  // unreadable: not JSON
}

}  // namespace
}  // namespace poa::job
