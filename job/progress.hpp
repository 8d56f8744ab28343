// The progress line of a batch on stderr (`poa convert` on a terminal, or `--progress`): one line
// redrawn in place, and a closing summary.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <iosfwd>
#include <mutex>
#include <string>
#include <thread>

namespace poa::job {

// What the closing summary counts.
struct BatchTotals {
  std::size_t converted = 0;
  std::size_t with_warnings = 0;  // converted inputs with an advertencia or an error
  std::size_t refused = 0;
  std::size_t actions = 0;
  std::size_t activities = 0;
};

// Thread-safe: workers count pages and start files while the batch prints its inputs' lines
// through print(), which clears the line, writes them and redraws it. A thread redraws the line
// a few times a second (rate and ETA move while a long PDF is read). The line is cut to
// `width` columns so it never wraps (a wrapped line cannot be redrawn in place).
class Progress {
 public:
  Progress(std::ostream& out, std::size_t files, std::size_t pages, std::size_t width = 100);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void file_started(const std::string& name);
  void pages_read(std::size_t n) { pages_done_ += n; }
  void file_done() { ++files_done_; }
  // Writes `lines` (whole lines, each ending in '\n') above the progress line.
  void print(const std::string& lines);
  // Clears the line for good and writes the summary: `N convertidos, N con avisos, N rechazados;
  // N acciones, N actividades, N páginas en 1.2 s`. Call once, at the end.
  void finish(const BatchTotals& totals);

  // The line as drawn after `elapsed` seconds (for tests): `[3/10 archivos, 120/400 páginas,
  // 35.2 pág/s, quedan 8 s] mun003/poa.pdf`.
  std::string line(double elapsed_seconds) const;

 private:
  std::string render(double elapsed_seconds, const std::string& current) const;
  void draw_locked();  // with mutex_ held
  void ticker();

  std::ostream& out_;
  const std::size_t files_;
  const std::size_t pages_;
  const std::size_t width_;
  const std::chrono::steady_clock::time_point start_;
  std::atomic<std::size_t> files_done_{0};
  std::atomic<std::size_t> pages_done_{0};
  mutable std::mutex mutex_;
  std::string current_;  // the file last started
  bool stopped_ = false;
  std::condition_variable wake_;
  std::thread thread_;
};

}  // namespace poa::job
