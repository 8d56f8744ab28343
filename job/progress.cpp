// The progress line of a batch: counters from the workers, redrawn in place on stderr.
#include "job/progress.hpp"

#include <cmath>
#include <cstdio>
#include <ostream>

namespace poa::job {
namespace {

constexpr auto kRedraw = std::chrono::milliseconds(250);

// "1.2" with one decimal, whatever the locale.
std::string one_decimal(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string duration(double seconds) {
  const long long s = std::llround(seconds);
  if (s < 60) return std::to_string(s) + " s";
  if (s < 3600) return std::to_string(s / 60) + " min " + std::to_string(s % 60) + " s";
  return std::to_string(s / 3600) + " h " + std::to_string(s % 3600 / 60) + " min";
}

// Code points of UTF-8 text (continuation bytes not counted).
std::size_t columns(const std::string& s) {
  std::size_t n = 0;
  for (const char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

// The last `keep` code points of `s`, after an ellipsis when cut: a path's end says most.
std::string tail_of(const std::string& s, std::size_t keep) {
  const std::size_t have = columns(s);
  if (have <= keep) return s;
  if (keep <= 1) return keep == 1 ? "…" : "";
  std::size_t skip = have - (keep - 1);
  std::size_t i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (skip == 0) break;
      --skip;
    }
  }
  return "…" + s.substr(i);
}

}  // namespace

Progress::Progress(std::ostream& out, std::size_t files, std::size_t pages, std::size_t width)
    : out_(out),
      files_(files),
      pages_(pages),
      width_(width),
      start_(std::chrono::steady_clock::now()),
      thread_([this] { ticker(); }) {}

Progress::~Progress() {
  {
    const std::lock_guard lock(mutex_);
    stopped_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Progress::file_started(const std::string& name) {
  const std::lock_guard lock(mutex_);
  current_ = name;
}

std::string Progress::line(double elapsed) const {
  const std::lock_guard lock(mutex_);
  return render(elapsed, current_);
}

std::string Progress::render(double elapsed, const std::string& current) const {
  const std::size_t files = files_done_;
  const std::size_t pages = pages_done_;
  std::string text = "[";
  text.append(std::to_string(files)).append("/").append(std::to_string(files_)).append(" archivos");
  // Pages are a PDF's: a batch of text dumps counts files only.
  const bool by_pages = pages_ > 0;
  if (by_pages) text += ", " + std::to_string(pages) + "/" + std::to_string(pages_) + " páginas";
  const double done = by_pages ? static_cast<double>(pages) : static_cast<double>(files);
  const double total = by_pages ? static_cast<double>(pages_) : static_cast<double>(files_);
  if (elapsed > 0.5 && done > 0) {
    const double rate = done / elapsed;
    text += ", " + one_decimal(rate) + (by_pages ? " pág/s" : " archivos/s");
    if (total > done) text += ", quedan " + duration((total - done) / rate);
  }
  text += "]";
  const std::size_t used = columns(text) + 1;
  if (!current.empty() && width_ > used + 4)
    text.append(" ").append(tail_of(current, width_ - used));
  return text;
}

void Progress::draw_locked() {
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (stopped_) return;
  out_ << '\r' << render(elapsed, current_) << "\x1b[K" << std::flush;
}

void Progress::print(const std::string& lines) {
  const std::lock_guard lock(mutex_);
  out_ << "\r\x1b[K" << lines;
  draw_locked();
}

void Progress::finish(const BatchTotals& t) {
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  {
    const std::lock_guard lock(mutex_);
    stopped_ = true;
    out_ << "\r\x1b[K" << t.converted << " convertidos, " << t.with_warnings << " con avisos, "
         << t.refused << " rechazados; " << t.actions << " acciones, " << t.activities
         << " actividades, " << pages_done_.load() << " páginas en " << one_decimal(elapsed)
         << " s\n"
         << std::flush;
  }
  wake_.notify_all();
}

void Progress::ticker() {
  std::unique_lock lock(mutex_);
  while (!stopped_) {
    draw_locked();
    wake_.wait_for(lock, kRedraw, [this] { return stopped_; });
  }
}

}  // namespace poa::job
