// End-to-end tests of the `poa` binary: exit codes, error lines, outputs and what is not written.
#include <gtest/gtest.h>

#include <rapidjson/document.h>
#include <sys/wait.h>
#include "test_files.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

const std::string kSample = "fixtures/text/sample/sample_secretaria_planeacion/input.txt";

struct PoaRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

using poa::test::read_file;

using poa::test::shell_quote;

class CliTest : public testing::Test {
 protected:
  void SetUp() override { dir_ = poa::test::fresh_test_dir("poa_cli"); }
  void TearDown() override { fs::remove_all(dir_); }

  // `stdin_file`: what the run reads as its standard input (none: the test's own).
  PoaRun poa(const std::vector<std::string>& args, const std::string& stdin_file = {}) {
    std::string cmd = shell_quote(POA_BINARY);
    for (const std::string& a : args) cmd += " " + shell_quote(a);
    if (!stdin_file.empty()) cmd += " <" + shell_quote(stdin_file);
    cmd += " >" + shell_quote((dir_ / "stdout").string()) + " 2>" +
           shell_quote((dir_ / "stderr").string());
    const int status = std::system(cmd.c_str());
    PoaRun r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_file(dir_ / "stdout");
    r.err = read_file(dir_ / "stderr");
    return r;
  }

  fs::path write(const std::string& name, const std::string& content) {
    return poa::test::write_file(dir_, name, content);
  }

  std::vector<std::string> files_in(const fs::path& d) {
    std::vector<std::string> names;
    if (!fs::exists(d)) return names;
    for (const auto& e : fs::directory_iterator(d)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

  fs::path dir_;
};

using poa::test::kCleanPoa;

TEST_F(CliTest, ConvertsCleanInputWithExitZero) {
  const fs::path in = write("clean.txt", kCleanPoa);
  const PoaRun r = poa(
      {"convert", in.string(), "-o", (dir_ / "out").string(), "--format", "json,csv", "--strict"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(files_in(dir_ / "out"),
            (std::vector<std::string>{"acciones.csv", "actividades.csv", "clean.json",
                                      "manifest.csv", "partidas.csv"}));
  EXPECT_NE(r.err.find("clean.txt: 1 acciones, 1 actividades, 0 avisos"), std::string::npos)
      << r.err;
  rapidjson::Document json;
  json.Parse(read_file(dir_ / "out" / "clean.json").c_str());
  ASSERT_FALSE(json.HasParseError());
  EXPECT_EQ(json["ejercicio"].GetInt(), 2023);
  EXPECT_EQ(json["acciones"][0]["numero"].GetInt(), 3);
}

TEST_F(CliTest, StrictWithWarningsExitsThree) {
  const PoaRun r = poa({"convert", kSample, "-o", (dir_ / "out").string(), "--strict"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("advertencia"), std::string::npos);
  EXPECT_NE(r.err.find("[ORPHAN_ROWS]"), std::string::npos);
  // Without --strict the same input is a success.
  EXPECT_EQ(poa({"convert", kSample, "-o", (dir_ / "out2").string()}).exit_code, 0);
}

TEST_F(CliTest, WarningLinesNameFileAndLine) {
  const PoaRun r = poa({"convert", kSample, "-o", (dir_ / "out").string()});
  // The orphan rows of action 5 start on line 58 of the sample.
  EXPECT_NE(r.err.find(kSample + ":58: advertencia: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(kSample + ": 8 acciones, 49 actividades,"), std::string::npos) << r.err;
}

TEST_F(CliTest, RefusedInputGetsOneLineAndTheBatchGoesOn) {
  const fs::path good = write("in/a_good.txt", kCleanPoa);
  // A table (so a folder run takes it) that is not a POA.
  const fs::path bad = write("in/b_letter.txt",
                             "Estimado ciudadano:\tLe informamos\tque…\nFecha\tLugar\tHora\n"
                             "1 de marzo\tPlaza\t10:00\n");
  const PoaRun r = poa(
      {"convert", (dir_ / "in").string(), "-o", (dir_ / "out").string(), "--format", "json,csv"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(bad.string() + ": error: no parece un POA"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("[NOT_A_POA]"), std::string::npos);
  // The good input is written; nothing at all for the refused one, and no temporary files.
  EXPECT_EQ(files_in(dir_ / "out"),
            (std::vector<std::string>{"a_good.json", "acciones.csv", "actividades.csv",
                                      "manifest.csv", "partidas.csv"}));
  const std::string csv = read_file(dir_ / "out" / "actividades.csv");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 2) << csv;  // header + one activity
  // Every input refused: not even the output folder is left behind.
  const PoaRun none = poa({"convert", bad.string(), "-o", (dir_ / "out-none").string()});
  EXPECT_EQ(none.exit_code, 1) << none.err;
  EXPECT_FALSE(fs::exists(dir_ / "out-none")) << none.err;
  // A PDF refused only once read (its JSON and HTML pages already begun) in a subfolder of the
  // input: the subfolder its outputs would have gone to is not left behind either.
  fs::create_directories(dir_ / "in" / "sub");
  fs::copy_file("fixtures/errors/not_a_poa_pdf/input.pdf", dir_ / "in" / "sub" / "c.pdf");
  for (const char* jobs : {"1", "2"}) {
    const fs::path out = dir_ / (std::string("out-sub-j") + jobs);
    const PoaRun sub = poa({"convert", (dir_ / "in").string(), "-o", out.string(), "--format",
                            "json,html", "-j", jobs});
    EXPECT_EQ(sub.exit_code, 1) << sub.err;
    EXPECT_NE(sub.err.find("c.pdf: error: no parece un POA"), std::string::npos) << sub.err;
    EXPECT_TRUE(fs::exists(out / "a_good.json")) << sub.err;
    EXPECT_FALSE(fs::exists(out / "sub")) << "-j " << jobs << ": " << sub.err;
  }
}

TEST_F(CliTest, BatchWithEveryInputRefusedLeavesTheBatchCsvsAsTheyWere) {
  const fs::path good = write("in/poa.txt", kCleanPoa);
  const std::string out = (dir_ / "out").string();
  ASSERT_EQ(poa({"convert", good.string(), "-o", out, "--format", "csv"}).exit_code, 0);
  const std::string before = read_file(dir_ / "out" / "actividades.csv");
  const fs::path bad = write("bad.txt", "no es un POA\n");
  // With --append the CSVs may take this run's rows: none, as its only input is refused.
  const PoaRun r = poa({"convert", bad.string(), "-o", out, "--format", "csv", "--append"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(read_file(dir_ / "out" / "actividades.csv"), before);  // not a header-only file
  EXPECT_EQ(files_in(dir_ / "out"), (std::vector<std::string>{"acciones.csv", "actividades.csv",
                                                              "manifest.csv", "partidas.csv"}));
}

TEST_F(CliTest, InspectAndPntRefuseWhatTheyCannotDo) {
  struct Case {
    const char* name;
    std::vector<std::string> args;
    int exit_code;
    std::string err;  // a part of stderr
  };
  const std::string pdf = "fixtures/pdf/wrapped_cells/input.pdf";
  const std::string missing = (dir_ / "no_existe.pdf").string();
  const std::string dash = (dir_ / "-").string();
  const std::vector<Case> cases = {
      {"inspect_missing_file",
       {"inspect", missing},
       1,
       missing + ": error: no existe el archivo [FILE_UNREADABLE]"},
      {"inspect_page_out_of_range",
       {"inspect", pdf, "--page", "99"},
       2,
       "error: la página 99 no existe; " + pdf + " tiene 1 página"},
      // Pages count from 1: 0 or -1 is out of range too, not "every page".
      {"inspect_page_zero", {"inspect", pdf, "--page", "0"}, 2, "error: la página 0 no existe"},
      {"inspect_page_negative", {"inspect", pdf, "--page=-1"}, 2, "error: la página -1 no existe"},
      // A missing file is "no existe", with the same [CODE] in every command.
      {"convert_missing_file",
       {"convert", missing, "-o", (dir_ / "out").string()},
       1,
       missing + ": error: no existe el archivo o la carpeta [FILE_UNREADABLE]"},
      {"pnt_missing_file",
       {"pnt", missing, "--fraccion", "iv", "-o", (dir_ / "t.xlsx").string()},
       1,
       "poa pnt: " + missing + ": error: no existe el archivo o la carpeta [FILE_UNREADABLE]"},
      {"pnt_csv_with_a_subtable_to_stdout",
       {"pnt", kSample, "--fraccion", "iv", "--format", "csv", "-o", "-"},
       2,
       "poa pnt: -o - con --format csv: la fracción IV lleva una subtabla"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const PoaRun r = poa(c.args);
    EXPECT_EQ(r.exit_code, c.exit_code) << r.err;
    EXPECT_NE(r.err.find(c.err), std::string::npos) << r.err;
  }
  EXPECT_FALSE(fs::exists("-"));  // never a file named "-"
  const PoaRun version = poa({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out.rfind("poa ", 0), 0u) << version.out;
}

TEST_F(CliTest, OutputsMirrorTheInputTreeSoSameNamesNeverCollide) {
  write("in/mun001/poa.txt", kCleanPoa);
  write("in/mun002/poa.txt", kCleanPoa);
  const fs::path single = write("otro/poa.txt", kCleanPoa);
  const fs::path out = dir_ / "out";
  const PoaRun r = poa({"convert", (dir_ / "in").string(), "-o", out.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(files_in(out), (std::vector<std::string>{"manifest.csv", "mun001", "mun002"}));
  EXPECT_EQ(files_in(out / "mun001"), (std::vector<std::string>{"poa.json"}));
  EXPECT_EQ(files_in(out / "mun002"), (std::vector<std::string>{"poa.json"}));
  // A file named directly is named by its own name.
  const PoaRun named = poa({"convert", single.string(), "-o", (dir_ / "out2").string()});
  EXPECT_EQ(named.exit_code, 0) << named.err;
  EXPECT_EQ(files_in(dir_ / "out2"), (std::vector<std::string>{"manifest.csv", "poa.json"}));
}

TEST_F(CliTest, FolderRunPicksInputsByContentAndListsWhatItSkipped) {
  write("in/a_poa.txt", kCleanPoa);
  write("in/make.py",
        "import sys\nimport csv\n\ndef main():\n    rows = list(csv.reader(sys.stdin))\n"
        "    print(len(rows))\n\nif __name__ == \"__main__\":\n    main()\n");
  write("in/notas.md", "# Notas\n\n- revisar el POA\n");
  write("in/logo.png", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16));
  const PoaRun r = poa({"convert", (dir_ / "in").string(), "-o", (dir_ / "out").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;  // skipped files are not failures
  EXPECT_EQ(files_in(dir_ / "out"), (std::vector<std::string>{"a_poa.json", "manifest.csv"}));
  const std::string in = (dir_ / "in").string();
  const std::string last_line = "poa: omitidos 3 archivos: binario: " + in +
                                "/logo.png; texto sin tabla: " + in + "/make.py, " + in +
                                "/notas.md\n";
  EXPECT_TRUE(r.err.ends_with(last_line)) << r.err;
  // A file named on the command line is always read (and refused with its reason).
  const PoaRun named = poa({"convert", in + "/make.py", "-o", (dir_ / "out2").string()});
  EXPECT_EQ(named.exit_code, 1);
  EXPECT_NE(named.err.find("es código fuente"), std::string::npos) << named.err;
  // --include/--exclude pick by the path under the folder; what they leave out is listed too
  // (and never opened: the PNG is not said to be "binario").
  const PoaRun filtered = poa({"convert", in, "--exclude", "*.png", "--include", "*.txt",
                               "--include", "*.md", "-o", (dir_ / "out3").string()});
  EXPECT_EQ(filtered.exit_code, 0) << filtered.err;
  EXPECT_TRUE(filtered.err.ends_with("poa: omitidos 3 archivos: excluido por --exclude: " + in +
                                     "/logo.png; fuera de --include: " + in +
                                     "/make.py; texto sin tabla: " + in + "/notas.md\n"))
      << filtered.err;
}

TEST_F(CliTest, MissingFileIsAFailedInput) {
  const fs::path in = write("clean.txt", kCleanPoa);
  const std::string missing = (dir_ / "no_existe.pdf").string();
  const PoaRun r = poa({"convert", missing, in.string(), "-o", (dir_ / "out").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(missing + ": error: no existe"), std::string::npos) << r.err;
  EXPECT_EQ(files_in(dir_ / "out"), (std::vector<std::string>{"clean.json", "manifest.csv"}));
}

TEST_F(CliTest, StdoutTakesOneInputAndOneFormat) {
  const fs::path in = write("clean.txt", kCleanPoa);
  PoaRun r = poa({"convert", in.string(), "-o", "-"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  rapidjson::Document json;
  json.Parse(r.out.c_str());
  ASSERT_FALSE(json.HasParseError()) << r.out;
  EXPECT_EQ(json["schema_version"].GetInt(), 1);

  r = poa({"convert", in.string(), "-o", "-", "--format", "csv"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("archivo,ejercicio,accion_numero", 0), 0u) << r.out;

  r = poa({"convert", in.string(), kSample, "-o", "-"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("una sola entrada y un solo formato"), std::string::npos) << r.err;
  r = poa({"convert", in.string(), "-o", "-", "--format", "json,csv"});
  EXPECT_EQ(r.exit_code, 2);
}

TEST_F(CliTest, DashReadsStdinAndPntWritesToStdout) {
  const std::string pdf = "fixtures/pdf/sample_secretaria_planeacion/input.pdf";
  const fs::path out = dir_ / "out";
  // A text dump and a PDF piped in: named "(entrada estándar)", written as stdin.json.
  for (const std::string& input : {kSample, pdf}) {
    SCOPED_TRACE(input);
    fs::remove_all(out);
    const PoaRun r = poa({"convert", "-", "-o", out.string(), "--format", "json,csv"}, input);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("(entrada estándar): 8 acciones"), std::string::npos) << r.err;
    EXPECT_NE(read_file(out / "stdin.json").find(R"x("archivo": "(entrada estándar)")x"),
              std::string::npos);
    EXPECT_NE(read_file(out / "acciones.csv").find("\n(entrada estándar),"), std::string::npos);
    EXPECT_NE(read_file(out / "manifest.csv").find("\n(entrada estándar),"), std::string::npos);
  }
  // Stdin larger than --max-input-size is refused whatever it holds (it has no size up front).
  PoaRun r = poa({"convert", "-", "-o", "-", "--max-input-size", "1K"}, pdf);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("(entrada estándar): error: la entrada estándar mide más de 1 KiB"),
            std::string::npos)
      << r.err;
  // pnt reads it too, and writes its table to stdout: the CSV of a fracción without a
  // sub-table, or a workbook into a pipe (a terminal is refused).
  r = poa({"pnt", "-", "--fraccion", "vi", "--format", "csv", "-o", "-"}, kSample);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("\xEF\xBB\xBF", 0), 0u) << r.out.substr(0, 200);
  EXPECT_NE(r.err.find("escrito (salida estándar)"), std::string::npos) << r.err;
  r = poa({"pnt", kSample, "--fraccion", "iv", "-o", "-"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("PK", 0), 0u);
  EXPECT_FALSE(fs::exists("-"));  // never a file named "-"
  EXPECT_TRUE(files_in(fs::temp_directory_path()).empty() ||
              std::none_of(fs::directory_iterator(fs::temp_directory_path()), {},
                           [](const fs::directory_entry& e) {
                             return e.path().filename().string().starts_with("poa-pnt-stdout");
                           }));
}

struct UsageCase {
  const char* name;
  std::vector<std::string> args;
  const char* message;
};

class CliUsageTest : public CliTest, public testing::WithParamInterface<UsageCase> {};

TEST_P(CliUsageTest, ExitsTwoWithAMessage) {
  const PoaRun r = poa(GetParam().args);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find(GetParam().message), std::string::npos) << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    Usage, CliUsageTest,
    testing::Values(
        // CLI11's own errors, in Spanish like every other line.
        UsageCase{
            "no_command", {}, "poa: se requiere un subcomando: convert, review, inspect o pnt"},
        UsageCase{"unknown_format",
                  {"convert", kSample, "-o", "x", "--format", "xml"},
                  "formato desconocido «xml»"},
        UsageCase{"no_output", {"convert", kSample}, "poa: falta la opción obligatoria --output"},
        UsageCase{"unknown_option",
                  {"convert", kSample, "-o", "x", "--frobnicate"},
                  "poa: argumento no esperado: --frobnicate"},
        UsageCase{"bad_number",
                  {"inspect", "fixtures/pdf/wrapped_cells/input.pdf", "--page", "abc"},
                  "poa: valor no válido: --page = abc"},
        UsageCase{
            "svg_without_page",
            {"inspect", "fixtures/pdf/sample_secretaria_planeacion/input.pdf", "--svg", "x.svg"},
            "--svg requiere --page"},
        UsageCase{"sqlite_to_stdout",
                  {"convert", kSample, "-o", "-", "--format", "sqlite"},
                  "sqlite escribe un archivo (use --db)"},
        UsageCase{
            "postgres_to_stdout",
            {"convert", kSample, "-o", "-", "--db", "postgresql://poa@/poa?host=/nonexistent"},
            "con --db postgresql://… indique -o CARPETA"},
        UsageCase{"incremental_without_database",
                  {"convert", kSample, "-o", "x", "--incremental"},
                  "--incremental omite lo que ya está en la base: requiere --format sqlite o --db"},
        UsageCase{"no_jobs", {"convert", kSample, "-o", "x", "-j", "0"}, "-j"}),
    [](const testing::TestParamInfo<UsageCase>& info) { return std::string(info.param.name); });

TEST_F(CliTest, InspectSvgDrawsOnePage) {
  const fs::path svg = dir_ / "p1.svg";
  const PoaRun r = poa({"inspect", "fixtures/pdf/sample_secretaria_planeacion/input.pdf", "--page",
                        "1", "--svg", svg.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("-- celdas"), std::string::npos);
  const std::string text = read_file(svg);
  EXPECT_EQ(text.rfind("<?xml", 0), 0u);
  EXPECT_NE(text.find(">SECRETARÍA</text>"), std::string::npos);
  EXPECT_EQ(poa::test::listing(dir_), (std::vector<std::string>{"p1.svg", "stderr", "stdout"}));
}

// A workbook through the binary: inspect lists cells by address, --sheet picks one sheet, and
// diagnostics name their cell.
TEST_F(CliTest, WorkbooksAreReadByCellAndSheet) {
  const std::string book = "fixtures/sheets/xlsx-sheet-per-action-hidden/input.xlsx";
  const PoaRun shown = poa({"inspect", book, "--sheet", "Acción 34"});
  EXPECT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(shown.out.find("tipo: xlsx"), std::string::npos);
  EXPECT_NE(shown.out.find("'Acción 34'!A4 [A4+3 \"Secretaría de Servicios Públicos\"]"),
            std::string::npos)
      << shown.out;
  EXPECT_EQ(shown.out.find("Acción 21"), std::string::npos);  // only the sheet asked for

  const PoaRun one = poa({"convert", book, "-o", "-", "--sheet", "2"});
  EXPECT_EQ(one.exit_code, 0) << one.err;
  EXPECT_NE(one.out.find("\"celda\": \"'Acción 21'!A3\""), std::string::npos) << one.out;
  EXPECT_EQ(one.out.find("\"numero\": 34"), std::string::npos);

  const PoaRun missing = poa({"convert", book, "-o", "-", "--sheet", "Resumen"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("no hay hoja «Resumen»"), std::string::npos) << missing.err;

  const PoaRun warned =
      poa({"convert", "fixtures/sheets/xlsx-one-sheet-merged-breaks/input.xlsx", "-o", "-"});
  EXPECT_NE(warned.err.find("input.xlsx:POA!A52: advertencia: falta la programación anual"),
            std::string::npos)
      << warned.err;
}

TEST_F(CliTest, CsvBomFlagPutsABomOnEachCsv) {
  const fs::path in = write("clean.txt", kCleanPoa);
  ASSERT_EQ(
      poa({"convert", in.string(), "-o", (dir_ / "out").string(), "--format", "csv", "--csv-bom"})
          .exit_code,
      0);
  for (const char* name : {"acciones.csv", "actividades.csv"}) {
    EXPECT_EQ(read_file(dir_ / "out" / name)
                  .rfind("\xEF\xBB\xBF"
                         "archivo,",
                         0),
              0u)
        << name;
  }
}

// Runs into one output folder, one after another: a run never replaces what earlier runs of
// other inputs wrote there (exit 2, nothing changed), `--append` adds to the batch CSVs without
// duplicating, and manifest.csv lists every input with its status and outputs. "@x" is a path
// under the case's folder.
struct OutputStep {
  std::vector<std::string> args;
  int exit;
  std::string said;  // on stderr, when not empty
};
struct OutputCase {
  const char* name;
  std::vector<std::pair<std::string, std::string>> files;  // written before the first step
  std::vector<OutputStep> steps;
  long activity_lines;                         // lines of out/actividades.csv at the end (-1: none)
  std::vector<std::string> manifest_has;       // in out/manifest.csv at the end
  std::pair<std::string, std::string> kept{};  // a file whose content must still be this
};

const char* kNotAPoaTable =
    "Estimado ciudadano:\tLe informamos\tque…\nFecha\tLugar\tHora\n1 de marzo\tPlaza\t10:00\n";

const std::vector<OutputCase> kOutputCases = {
    {"folder_b_into_a_outdir_is_refused",
     {{"A/x.txt", kCleanPoa}, {"B/y.txt", kCleanPoa}},
     {{{"convert", "@A", "-o", "@out", "--format", "json,csv"}, 0, ""},
      {{"convert", "@B", "-o", "@out", "--format", "json,csv"},
       2,
       "/out/acciones.csv tiene filas de entradas que esta corrida no convierte (@A/x.txt); no se "
       "reemplaza: use --append"}},
     2,
     {"@A/x.txt,"},
     {}},
    {"format_list_before_the_input",
     {{"A/x.txt", kCleanPoa}},
     {{{"convert", "--format", "json,csv", "@A/x.txt", "-o", "@out"}, 0, ""}},
     2,
     {",convertido,,1,1,0,x.json; acciones.csv; actividades.csv; partidas.csv\r\n"},
     {}},
    {"append_adds_another_folders_rows",
     {{"A/x.txt", kCleanPoa}, {"B/y.txt", kCleanPoa}},
     {{{"convert", "@A", "-o", "@out", "--format", "json,csv"}, 0, ""},
      {{"convert", "@B", "-o", "@out", "--format", "json,csv", "--append"}, 0, ""}},
     3,
     {"@A/x.txt,", "@B/y.txt,",
      ",convertido,,1,1,0,y.json; acciones.csv; actividades.csv; partidas.csv\r\n"},
     {}},
    {"append_of_the_same_input_replaces_its_rows",
     {{"A/x.txt", kCleanPoa}},
     {{{"convert", "@A", "-o", "@out", "--format", "csv"}, 0, ""},
      {{"convert", "@A", "-o", "@out", "--format", "csv", "--append"}, 0, ""}},
     2,
     {},
     {}},
    {"rerun_of_a_subset_is_refused",
     {{"A/x.txt", kCleanPoa}, {"A/z.txt", kCleanPoa}},
     {{{"convert", "@A", "-o", "@out", "--format", "csv"}, 0, ""},
      {{"convert", "@A/x.txt", "-o", "@out", "--format", "csv"}, 2, "(@A/z.txt)"}},
     3,
     {},
     {}},
    {"rerun_of_the_same_inputs_replaces",
     {{"A/x.txt", kCleanPoa}},
     {{{"convert", "@A", "-o", "@out", "--format", "json,csv"}, 0, ""},
      {{"convert", "@A", "-o", "@out", "--format", "json,csv"}, 0, ""}},
     2,
     {},
     {}},
    {"a_json_no_run_wrote_is_never_touched",
     {{"A/x.txt", kCleanPoa}, {"out/x.json", "mío"}},
     {{{"convert", "@A/x.txt", "-o", "@out"},
       2,
       "/out/x.json ya existe y ninguna conversión registrada en manifest.csv lo produjo; no se "
       "toca"}},
     -1,
     {},
     {"out/x.json", "mío"}},
    {"csv_with_other_columns_is_not_appended_to",
     {{"A/x.txt", kCleanPoa}, {"out/actividades.csv", "a,b\r\n1,2\r\n"}},
     {{{"convert", "@A", "-o", "@out", "--format", "csv", "--append"}, 2, "otras columnas"}},
     2,
     {},
     {"out/actividades.csv", "a,b\r\n1,2\r\n"}},
    {"manifest_lists_refused_inputs_with_their_code",
     {{"A/x.txt", kCleanPoa}, {"A/bad.txt", kNotAPoaTable}},
     {{{"convert", "@A", "-o", "@out", "--format", "json,csv"}, 1, "[NOT_A_POA]"}},
     2,
     {"archivo,sha256,estado,codigo,acciones,actividades,avisos,salidas\r\n", "@A/bad.txt,",
      ",rechazado,NOT_A_POA,0,0,0,\r\n",
      ",convertido,,1,1,0,x.json; acciones.csv; actividades.csv; partidas.csv\r\n"},
     {}},
};

TEST_F(CliTest, OutputFolderHoldsOnlyWhatItsRunsProduced) {
  for (const OutputCase& c : kOutputCases) {
    SCOPED_TRACE(c.name);
    const fs::path root = dir_ / c.name;
    auto at = [&](std::string s) {
      for (std::size_t p; (p = s.find('@')) != std::string::npos;)
        s.replace(p, 1, root.string() + "/");
      return s;
    };
    for (const auto& [name, text] : c.files) write(std::string(c.name) + "/" + name, text);
    for (const OutputStep& step : c.steps) {
      std::vector<std::string> args;
      for (const std::string& a : step.args) args.push_back(at(a));
      const PoaRun r = poa(args);
      EXPECT_EQ(r.exit_code, step.exit) << r.err;
      if (!step.said.empty()) {
        EXPECT_NE(r.err.find(at(step.said)), std::string::npos) << r.err;
      }
    }
    const std::string activities = read_file(root / "out" / "actividades.csv");
    if (c.activity_lines >= 0) {
      EXPECT_EQ(std::count(activities.begin(), activities.end(), '\n'), c.activity_lines)
          << activities;
    }
    const std::string manifest = read_file(root / "out" / "manifest.csv");
    for (const std::string& m : c.manifest_has)
      EXPECT_NE(manifest.find(at(m)), std::string::npos) << at(m) << "\n" << manifest;
    if (!c.kept.first.empty()) {
      EXPECT_EQ(read_file(root / c.kept.first), c.kept.second);
    }
    for (const std::string& f : poa::test::listing(root / "out"))
      EXPECT_EQ(f.find(".tmp-"), std::string::npos) << f;  // no temporary file left
  }
}

// The options `poa <command> --help` lists (--help itself left out).
std::vector<std::string> help_options(const std::string& help) {
  std::vector<std::string> out;
  for (std::size_t at = help.find("--"); at != std::string::npos; at = help.find("--", at)) {
    std::size_t end = at + 2;
    while (end < help.size() &&
           (std::isalnum(static_cast<unsigned char>(help[end])) || help[end] == '-'))
      ++end;
    std::string option = help.substr(at, end - at);
    at = end;
    if (option != "--help" && option.size() >= 4) out.push_back(std::move(option));
  }
  return out;
}

// What a text says of one command: the bash completion's `<command>_opts` list; the man page's
// synopsis line of `poa <command>` and its own section.
std::string completion_of(const std::string& completion, const std::string& command) {
  const std::size_t at = completion.find("local " + command + "_opts=\"");
  if (at == std::string::npos) return {};
  const std::size_t begin = completion.find('"', at) + 1;
  return completion.substr(begin, completion.find('"', begin) - begin);
}
std::string man_of(const std::string& man, const std::string& command) {
  auto chunk = [&](const std::string& from, const std::string& to) {
    const std::size_t at = man.find(from);
    if (at == std::string::npos) return std::string();
    return man.substr(at, man.find(to, at + from.size()) - at);
  };
  std::string upper = command;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return chunk(".B poa " + command + "\n", ".br\n") + chunk(".SH " + upper + "\n", ".SH ");
}

// The bash completion and the man page are written by hand from the help: every option the help
// of each command lists must be in both, under that command (so a new flag cannot be forgotten).
TEST_F(CliTest, CompletionAndManPageNameEveryOptionOfTheHelp) {
  const std::string completion = read_file(fs::path(POA_SOURCE_DIR) / "cli/share/poa.bash");
  std::string man = read_file(fs::path(POA_SOURCE_DIR) / "cli/share/poa.1");
  for (std::size_t p; (p = man.find("\\-")) != std::string::npos;) man.replace(p, 2, "-");
  ASSERT_FALSE(completion.empty());
  ASSERT_FALSE(man.empty());
  for (const char* command : {"convert", "review", "inspect", "pnt"}) {
    const PoaRun r = poa({command, "--help"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const std::string completes = completion_of(completion, command);
    const std::string manual = man_of(man, command);
    const std::vector<std::string> options = help_options(r.out);
    EXPECT_GT(options.size(), 2u) << r.out;
    for (const std::string& option : options) {
      EXPECT_NE(completes.find(option + ' '), std::string::npos) << command << " " << option;
      EXPECT_NE(manual.find(option), std::string::npos) << command << " " << option;
    }
  }
}

// review reads its inputs as convert does: the input options are one definition
// (cli/input_options.hpp), so each is in both helps.
TEST_F(CliTest, ReviewHasEveryInputOptionOfConvert) {
  const std::vector<std::string> convert = help_options(poa({"convert", "--help"}).out);
  const std::vector<std::string> review = help_options(poa({"review", "--help"}).out);
  for (const char* option :
       {"--password", "--max-input-size", "--jobs", "--include", "--exclude", "--municipio",
        "--sheet", "--ocr", "--ocr-lang", "--dpi", "--ocr-min-confidence"}) {
    EXPECT_NE(std::find(convert.begin(), convert.end(), option), convert.end()) << option;
    EXPECT_NE(std::find(review.begin(), review.end(), option), review.end()) << option;
  }
}

}  // namespace
