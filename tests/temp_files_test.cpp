// Temporary output names, the output-folder lock, and input size strings (issue 12).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "exporters/temp_files.hpp"
#include "extractor/input_file.hpp"

namespace {

namespace fs = std::filesystem;
using poa::exporters::parse_temp_name;
using poa::exporters::temp_path_for;

TEST(TempFilesTest, TempNamesFitNameMaxAndAreRecognised) {
  struct Case {
    std::string target;
    std::string stem_starts;
  };
  const std::string ene = "\xC3\xB1";  // ñ, two bytes: never cut in half
  const std::vector<Case> cases = {
      {"out/acciones.csv", ".acciones.csv.tmp-"},
      {"out/" + std::string(250, 'a') + ".json", "." + std::string(200, 'a') + ".tmp-"},
      {"out/a" + std::string(150, 'x') +
           [&] {
             std::string s;
             for (int i = 0; i < 60; ++i) s += ene;
             return s;
           }(),
       ".a"},
  };
  for (const Case& c : cases) {
    const fs::path temp = temp_path_for(c.target, 12);
    const std::string name = temp.filename().string();
    EXPECT_LE(name.size(), 255u) << name;
    EXPECT_EQ(name.rfind(c.stem_starts, 0), 0u) << name;
    EXPECT_EQ(temp.parent_path(), fs::path("out"));
    // Not cut inside a UTF-8 sequence: the byte before ".tmp-" is not a lead byte alone.
    const std::size_t tmp = name.rfind(".tmp-");
    EXPECT_NE(static_cast<unsigned char>(name[tmp - 1]), 0xC3u) << name;
    long pid = 0;
    EXPECT_TRUE(parse_temp_name(name, pid));
    EXPECT_EQ(pid, ::getpid());
  }
  struct NameCase {
    const char* name;
    bool ours;
  };
  for (const NameCase& c : std::vector<NameCase>{{".a.tmp-123-0", true},
                                                 {".a.b.tmp-9-10", true},
                                                 {"a.tmp-123-0", false},
                                                 {".a.tmp-123", false},
                                                 {".a.tmp-x-1", false},
                                                 {".tmp-1-1", false},
                                                 {".a.tmp-0-1", false},
                                                 {".a.tmp-1-1b", false}}) {
    long pid = 0;
    EXPECT_EQ(parse_temp_name(c.name, pid), c.ours) << c.name;
  }
}

TEST(TempFilesTest, OneLockPerFolder) {
  const fs::path dir = fs::temp_directory_path() / ("poa_lock_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  {
    std::string why;
    auto first = poa::exporters::OutputLock::acquire(dir, why);
    ASSERT_TRUE(first) << why;
    EXPECT_TRUE(fs::exists(dir / ".poa.lock"));
    // flock is per open file: a second acquire in the same process is refused too.
    auto second = poa::exporters::OutputLock::acquire(dir, why);
    EXPECT_FALSE(second);
    EXPECT_NE(why.find("pid " + std::to_string(::getpid())), std::string::npos) << why;
  }
  EXPECT_FALSE(fs::exists(dir / ".poa.lock"));  // removed when released
  std::string why;
  EXPECT_TRUE(poa::exporters::OutputLock::acquire(dir, why)) << why;
  fs::remove_all(dir);
}

TEST(InputSizeTest, ParsesAndPrintsSizes) {
  using poa::extractor::format_byte_size;
  using poa::extractor::parse_byte_size;
  struct Case {
    const char* text;
    std::optional<std::uint64_t> bytes;
  };
  for (const Case& c : std::vector<Case>{{"1048576", 1048576},
                                         {"64M", 64u << 20},
                                         {"64MiB", 64u << 20},
                                         {"500k", 500u << 10},
                                         {"1G", std::uint64_t{1} << 30},
                                         {"2gb", std::uint64_t{2} << 30},
                                         {"0", std::nullopt},
                                         {"", std::nullopt},
                                         {"M", std::nullopt},
                                         {"12X", std::nullopt},
                                         {"-5", std::nullopt},
                                         {"99999999999999999999G", std::nullopt}}) {
    EXPECT_EQ(parse_byte_size(c.text), c.bytes) << c.text;
  }
  EXPECT_EQ(format_byte_size(64u << 20), "64 MiB");
  EXPECT_EQ(format_byte_size(1536), "1.5 KiB");
  EXPECT_EQ(format_byte_size(12), "12 bytes");
  EXPECT_EQ(format_byte_size(std::uint64_t{2} << 30), "2 GiB");
}

}  // namespace
