// Documents streamed one action at a time: the same bytes as whole documents, and nothing left
// behind by an input refused part-way.
#include <gtest/gtest.h>

#include "test_files.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "exporters/csv_exporter.hpp"
#include "exporters/json_exporter.hpp"
#include "extractor/recognizer.hpp"
#include "extractor/source.hpp"
#include "job/convert.hpp"

namespace poa {
namespace {

namespace fs = std::filesystem;
using job::BatchOptions;
using job::BatchResult;
using job::convert_file;
using job::ConvertOptions;
using job::run_convert;

const fs::path kSample = "fixtures/text/sample/sample_secretaria_planeacion/input.txt";
const fs::path kPdf = "fixtures/pdf/long_table_repeated_header/input.pdf";

using test::read_file;

std::set<std::string> names_in(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

// Every fixture input that converts: input.txt / input.pdf outside the error fixtures.
std::vector<fs::path> fixture_inputs() {
  std::vector<fs::path> found;
  for (const auto& e : fs::recursive_directory_iterator("fixtures")) {
    const std::string name = e.path().filename().string();
    if (e.path().string().find("errors") != std::string::npos) continue;
    if (name == "input.txt" || name == "input.pdf") found.push_back(e.path());
  }
  std::sort(found.begin(), found.end());
  return found;
}

// What run_convert printed before streaming: Document::all_diagnostics() and the summary.
std::string expected_stderr(const fs::path& file, const Document& doc) {
  std::string out;
  std::size_t warnings = 0;
  std::size_t activities = 0;
  for (const Diagnostic& d : doc.all_diagnostics()) {
    if (d.severity != Severity::kInfo) ++warnings;
    out += format_diagnostic(d) + "\n";
  }
  for (const Action& a : doc.actions) activities += a.activities.size();
  out += file.string() + ": " + std::to_string(doc.actions.size()) + " acciones, " +
         std::to_string(activities) + " actividades, " + std::to_string(warnings) + " avisos\n";
  return out;
}

class StreamingTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = poa::test::fresh_test_dir("poa_streaming"); }
  void TearDown() override { fs::remove_all(dir_); }

  BatchOptions json_and_csv(const fs::path& out) const {
    BatchOptions options;
    options.formats = {exporters::Format::kJson, exporters::Format::kCsv};
    options.export_options.out_dir = out;
    return options;
  }

  fs::path dir_;
};

TEST_F(StreamingTest, StreamedOutputEqualsWholeDocumentOnEveryFixture) {
  const std::vector<fs::path> inputs = fixture_inputs();
  ASSERT_GE(inputs.size(), 20u) << "fixtures not found: run from the repository root";
  int n = 0;
  for (const fs::path& input : inputs) {
    SCOPED_TRACE(input.string());
    const fs::path out = dir_ / std::to_string(++n);
    std::ostringstream err;
    const BatchResult result = run_convert({input}, json_and_csv(out), err);
    Document doc;
    try {
      doc = convert_file(input);  // recognize() + normalize(): the whole document
    } catch (const InputError& e) {
      // A case poa cannot read yet (expected.todo.json) may be refused: streamed, it is refused
      // with the same line, and nothing of it is written.
      EXPECT_TRUE(fs::exists(input.parent_path() / "expected.todo.json")) << e.what();
      EXPECT_EQ(result.failed, 1u);
      EXPECT_EQ(err.str(), format_diagnostic(e.diagnostic()) + "\n");
      EXPECT_FALSE(fs::exists(out / "input.json"));
      continue;
    }
    ASSERT_EQ(result.converted, 1u) << err.str();
    EXPECT_EQ(read_file(out / "input.json"), exporters::to_json(doc));
    EXPECT_EQ(read_file(out / "acciones.csv"), exporters::acciones_csv(doc));
    EXPECT_EQ(read_file(out / "actividades.csv"), exporters::actividades_csv(doc));
    EXPECT_EQ(err.str(), expected_stderr(input, doc));
  }
}

TEST_F(StreamingTest, ActionStreamHandsOutWhatRecognizeCollects) {
  for (const fs::path& input : {kSample, kPdf}) {
    SCOPED_TRACE(input.string());
    auto whole_reader = extractor::open_source(input);
    const RawDocument whole = extractor::recognize(*whole_reader);

    auto reader = extractor::open_source(input);
    extractor::ActionStream stream(*reader);
    std::size_t i = 0;
    while (std::optional<RawAction> action = stream.next_action()) {
      ASSERT_LT(i, whole.actions.size());
      EXPECT_EQ(action->fields, whole.actions[i].fields);
      EXPECT_EQ(action->activities, whole.actions[i].activities);
      EXPECT_EQ(action->diagnostics, whole.actions[i].diagnostics);
      // The year comes from the title above the first action: known when it is handed out.
      EXPECT_TRUE(stream.year().has_value());
      ++i;
    }
    EXPECT_EQ(i, whole.actions.size());
    const RawDocumentTail tail = stream.finish();
    EXPECT_EQ(tail.year, whole.year);
    EXPECT_EQ(tail.unrecognized, whole.unrecognized);
    EXPECT_EQ(tail.furniture, whole.furniture);
    EXPECT_THROW(stream.finish(), std::logic_error);
  }
}

TEST_F(StreamingTest, AbortDropsTheJsonFileAndCutsTheCsvBackToWhereTheDocumentBegan) {
  const Document first = convert_file(kPdf);
  const Document refused = convert_file(kSample);
  ASSERT_GE(refused.actions.size(), 3u);
  exporters::ExportOptions options;
  options.out_dir = dir_;
  auto json = exporters::make_json_exporter(options);
  auto csv = exporters::make_csv_exporter(options);
  for (auto* out : {json.get(), csv.get()}) {
    out->begin();
    out->write(first, "first");
    out->begin_document(refused.head(), "refused");
    for (std::size_t i = 0; i < 3; ++i) out->write_action(refused.actions[i]);
    out->abort_document();
    out->abort_document();  // nothing open: does nothing
  }
  // Only the CSV files' temporaries (the batch is still open): no trace of refused.json.
  for (const std::string& name : names_in(dir_)) {
    EXPECT_TRUE(name == "first.json" || name.starts_with(".acciones.csv.tmp-") ||
                name.starts_with(".actividades.csv.tmp-") || name.starts_with(".partidas.csv.tmp-"))
        << name;
  }
  for (auto* out : {json.get(), csv.get()}) {
    out->write(first, "last");
    out->finish();
  }
  EXPECT_EQ(names_in(dir_), (std::set<std::string>{"first.json", "last.json", "acciones.csv",
                                                   "actividades.csv", "partidas.csv"}));
  EXPECT_EQ(read_file(dir_ / "last.json"), exporters::to_json(first));
  EXPECT_EQ(read_file(dir_ / "acciones.csv"),
            exporters::acciones_csv(first) + exporters::acciones_csv(first, false));
  EXPECT_EQ(read_file(dir_ / "actividades.csv"),
            exporters::actividades_csv(first) + exporters::actividades_csv(first, false));
}

// std::cout captured for the exporters that write to stdout.
class CoutCapture {
 public:
  CoutCapture() : old_(std::cout.rdbuf(buffer_.rdbuf())) {}
  ~CoutCapture() { std::cout.rdbuf(old_); }
  std::string text() const { return buffer_.str(); }

 private:
  std::ostringstream buffer_;
  std::streambuf* old_;
};

TEST_F(StreamingTest, AbortOnStdoutPrintsNothingOfTheDocument) {
  const Document doc = convert_file(kSample);
  struct Case {
    exporters::Format format;
    std::string after_begin;  // what begin() prints
    std::string whole;        // what write(doc) prints
  };
  const std::string csv_header = exporters::actividades_csv(Document{}, true);
  const std::vector<Case> cases = {
      {exporters::Format::kJson, "", exporters::to_json(doc)},
      {exporters::Format::kCsv, csv_header, exporters::actividades_csv(doc, false)},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(exporters::format_name(c.format));
    exporters::ExportOptions options;
    options.to_stdout = true;
    auto out = exporters::make_exporter(c.format, options);
    CoutCapture capture;
    out->begin();
    out->begin_document(doc.head(), "x");
    out->write_action(doc.actions.at(0));
    out->abort_document();
    EXPECT_EQ(capture.text(), c.after_begin);
    out->write(doc, "x");
    out->finish();
    EXPECT_EQ(capture.text(), c.after_begin + c.whole);
  }
}

// A reader that gives up (as a damaged page would) after `rows` rows of a real input.
class FailingReader : public RowReader {
 public:
  FailingReader(std::unique_ptr<RowReader> inner, int rows, std::string file)
      : inner_(std::move(inner)), rows_left_(rows), file_(std::move(file)) {}
  std::optional<CellRow> next() override {
    if (rows_left_-- == 0) {
      throw InputError(diag::input_error(DiagnosticCode::kFileUnreadable,
                                         "no se pudo leer el resto del archivo",
                                         Origin{file_, {}, {}, {}}));
    }
    return inner_->next();
  }
  const SourceInfo& info() const override { return inner_->info(); }

 private:
  std::unique_ptr<RowReader> inner_;
  int rows_left_;
  std::string file_;
};

int count_rows(const fs::path& input) {
  auto reader = extractor::open_source(input);
  int rows = 0;
  while (reader->next()) ++rows;
  return rows;
}

TEST_F(StreamingTest, InputRefusedMidStreamLeavesNothingWhileTheOthersAreWritten) {
  const int half = count_rows(kSample) / 2;
  {
    // The failure really comes after actions were handed out.
    FailingReader reader(extractor::open_source(kSample), half, "broken.txt");
    extractor::ActionStream stream(reader);
    int actions = 0;
    auto drain = [&] {
      while (stream.next_action()) ++actions;
    };
    EXPECT_THROW(drain(), InputError);
    EXPECT_GE(actions, 2);
  }
  // Not a POA only at the end: lone labels open actions, but no block has two labels.
  const fs::path late_refusal = dir_ / "late.txt";
  std::ofstream(late_refusal) << "## PROGRAMA OPERATIVO ANUAL 2022\n\nSECRETARÍA\tA\n"
                                 "SECRETARÍA\tB\nSECRETARÍA\tC\n";
  {
    auto reader = extractor::open_source(late_refusal);
    extractor::ActionStream stream(*reader);
    int actions = 0;
    while (stream.next_action()) ++actions;
    EXPECT_GE(actions, 2);
    EXPECT_THROW(stream.finish(), InputError);
  }

  // Not a POA before the end: an indicator report, refused at its fourth page, after the
  // actions its DEPENDENCIA / NOMBRE DEL PROGRAMA rows opened were handed out.
  const fs::path early_refusal = "fixtures/errors/mir_indicator_report/input.txt";
  {
    auto reader = extractor::open_source(early_refusal);
    extractor::ActionStream stream(*reader);
    int actions = 0;
    auto drain = [&] {
      while (stream.next_action()) ++actions;
    };
    EXPECT_THROW(drain(), InputError);
    EXPECT_GE(actions, 2);
  }

  const fs::path out = dir_ / "out";
  BatchOptions options = json_and_csv(out);
  // first.txt and last.pdf are the fixtures; broken.txt is the sample failing half-way.
  const std::map<std::string, fs::path> real = {
      {"first.txt", kPdf}, {"broken.txt", kSample}, {"last.pdf", kSample}};
  options.open = [&](const fs::path& file,
                     const ConvertOptions& convert) -> std::unique_ptr<RowReader> {
    if (file == late_refusal || file == early_refusal) return extractor::open_source(file);
    auto reader =
        extractor::open_source(real.at(file.string()), extractor::OpenOptions{convert.password});
    if (file == "broken.txt")
      return std::make_unique<FailingReader>(std::move(reader), half, "broken.txt");
    return reader;
  };
  std::ostringstream err;
  const BatchResult result = run_convert(
      {"first.txt", "broken.txt", late_refusal, early_refusal, "last.pdf"}, options, err);
  EXPECT_EQ(result.converted, 2u) << err.str();
  EXPECT_EQ(result.failed, 3u) << err.str();
  EXPECT_NE(err.str().find("broken.txt: error: no se pudo leer el resto del archivo "
                           "[FILE_UNREADABLE]"),
            std::string::npos)
      << err.str();
  EXPECT_NE(err.str().find(late_refusal.string() + ": error: no parece un POA"), std::string::npos)
      << err.str();
  EXPECT_NE(err.str().find(early_refusal.string() + ": error: no parece un POA: parece un reporte"),
            std::string::npos)
      << err.str();

  const Document first = convert_file(kPdf);
  const Document last = convert_file(kSample);
  EXPECT_EQ(names_in(out), (std::set<std::string>{"first.json", "last.json", "acciones.csv",
                                                  "actividades.csv", "partidas.csv"}));
  EXPECT_EQ(read_file(out / "first.json"), exporters::to_json(first));
  EXPECT_EQ(read_file(out / "last.json"), exporters::to_json(last));
  EXPECT_EQ(read_file(out / "acciones.csv"),
            exporters::acciones_csv(first) + exporters::acciones_csv(last, false));
  EXPECT_EQ(read_file(out / "actividades.csv"),
            exporters::actividades_csv(first) + exporters::actividades_csv(last, false));
}

}  // namespace
}  // namespace poa
