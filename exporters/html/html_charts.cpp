// The review page's inline SVG charts; every label goes through escape().
#include "exporters/html/html_charts.hpp"

#include <algorithm>
#include <cstdio>

#include "exporters/html/html_text.hpp"

namespace poa::exporters::html {
namespace {

constexpr const char* kMonths[12] = {"ene", "feb", "mar", "abr", "may", "jun",
                                     "jul", "ago", "sep", "oct", "nov", "dic"};

double max_value(const std::vector<Bar>& bars) {
  double m = 0;
  for (const Bar& b : bars) m = std::max(m, b.value);
  return m;
}

}  // namespace

std::string coordinate(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  std::replace(s.begin(), s.end(), ',', '.');
  return s;
}

std::string month_bars(const std::array<std::optional<Decimal>, 12>& months) {
  double max = 0;
  for (const auto& m : months)
    if (m) max = std::max(max, m->to_double());
  std::string label = "Programación mensual:";
  std::string bars;
  for (int i = 0; i < 12; ++i) {
    label += std::string(i ? "; " : " ") + kMonths[i] + " " +
             (months[i] ? months[i]->to_string() : std::string("vacío"));
    if (!months[i]) continue;
    const double v = months[i]->to_double();
    const double h = max > 0 && v > 0 ? std::max(1.5, 18.0 * v / max) : 0.8;
    bars += "<rect x=\"" + std::to_string(i * 7) + "\" y=\"" + coordinate(19 - h) +
            "\" width=\"5\" height=\"" + coordinate(h) + "\"" + (v > 0 ? "" : " class=\"cero\"") +
            "/>";
  }
  return "<svg class=\"meses\" viewBox=\"0 0 82 20\" width=\"82\" height=\"20\" role=\"img\" "
         "aria-label=\"" +
         escape(label) + "\">" + bars + "</svg>";
}

std::string bar_rows(const std::vector<Bar>& bars, const std::string& title) {
  constexpr int kRow = 22;
  constexpr double kLabel = 260, kWidth = 300;
  const double max = max_value(bars);
  const int height = static_cast<int>(bars.size()) * kRow + 4;
  std::string out = "<svg class=\"grafica\" viewBox=\"0 0 700 " + std::to_string(height) +
                    "\" role=\"img\" aria-label=\"" + escape(title) + "\"><title>" + escape(title) +
                    "</title>";
  int y = 2;
  for (const Bar& b : bars) {
    const double w = max > 0 ? std::max(1.0, kWidth * b.value / max) : 1.0;
    std::string label = b.label;
    // Long names cut on a character boundary (the full name is in the title).
    if (b.label.size() > 40) {
      std::size_t cut = 38;
      while (cut > 0 && (static_cast<unsigned char>(b.label[cut]) & 0xC0) == 0x80) --cut;
      label = b.label.substr(0, cut) + "…";
    }
    out += "<g><title>" + escape(b.label + ": " + b.printed) + "</title><text x=\"" +
           coordinate(kLabel - 6) + "\" y=\"" + std::to_string(y + 15) + "\" text-anchor=\"end\">" +
           escape(label) + "</text><rect x=\"" + coordinate(kLabel) + "\" y=\"" +
           std::to_string(y + 3) + "\" width=\"" + coordinate(w) + "\" height=\"14\"/><text x=\"" +
           coordinate(kLabel + w + 6) + "\" y=\"" + std::to_string(y + 15) + "\">" +
           escape(b.printed) + "</text></g>";
    y += kRow;
  }
  return out + "</svg>";
}

std::string bar_columns(const std::vector<Bar>& bars, const std::string& title) {
  constexpr double kHeight = 120, kStep = 52;
  const double max = max_value(bars);
  const double width = kStep * static_cast<double>(bars.size()) + 10;
  std::string out = "<svg class=\"grafica\" viewBox=\"0 0 " + coordinate(width) +
                    " 160\" role=\"img\" aria-label=\"" + escape(title) + "\"><title>" +
                    escape(title) + "</title>";
  double x = 10;
  for (const Bar& b : bars) {
    const double h = max > 0 && b.value > 0 ? std::max(1.0, kHeight * b.value / max) : 0.0;
    out += "<g><title>" + escape(b.label + ": " + b.printed) + "</title><rect x=\"" +
           coordinate(x) + "\" y=\"" + coordinate(10 + kHeight - h) + "\" width=\"36\" height=\"" +
           coordinate(h) + "\"/><text x=\"" + coordinate(x + 18) + "\" y=\"" +
           coordinate(kHeight + 28) + "\" text-anchor=\"middle\">" + escape(b.label) +
           "</text></g>";
    x += kStep;
  }
  return out + "</svg>";
}

}  // namespace poa::exporters::html
