// Seeded random POA documents for round-trip tests and benchmarks: realistic and self-consistent.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "model/document.hpp"

namespace poa::testgen {

// A small, portable random source: std::mt19937_64's output is fixed by the standard, and the
// distributions below are our own, so a seed gives the same document on every machine and
// standard library (libstdc++'s and libc++'s distributions differ).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}
  std::uint64_t next() { return engine_(); }
  // Uniform integer in [lo, hi] (inclusive); lo <= hi.
  std::int64_t uniform(std::int64_t lo, std::int64_t hi);
  // Uniform double in [0, 1).
  double unit();
  double uniform_real(double lo, double hi) { return lo + (hi - lo) * unit(); }
  bool chance(double p) { return unit() < p; }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(uniform(0, static_cast<std::int64_t>(items.size()) - 1))];
  }

 private:
  std::mt19937_64 engine_;
};

struct GeneratorOptions {
  int min_actions = 1;
  int max_actions = 6;
  int min_activities = 1;
  int max_activities = 60;
  // Most real actions have a handful of activities; a document is "long" (activities drawn
  // from the whole range) with this probability, otherwise activities are drawn from
  // [min_activities, min(max_activities, short_max_activities)]. Keeps the test suite fast.
  double long_probability = 0.08;
  int short_max_activities = 8;
};

// A random POA: every field filled (so a correct reader has nothing to warn about), annual =
// sum of the months, the action's investment = the sum of its activities', partidas from
// CONAC's catalogue. `fuente`, `origen` and `avisos` are left empty. Deterministic per seed.
Document generate_document(std::uint64_t seed, const GeneratorOptions& options = {});

// Gives runs of consecutive activities of each action the same ÁREA RESPONSABLE (what a
// merged cell over them shows), drawn from a stream of its own seeded from `seed`.
void share_areas(Document& doc, std::uint64_t seed);

// How the generator writes a value into a cell, so the renderer draws what a spreadsheet shows.
// `$10,000.00`, `$0.00`.
std::string format_money(const Decimal& money);
// Quantities: `-` for zero, `1,200` (with `thousands`) or `1200`.
std::string format_quantity(const Decimal& value, bool thousands);

// Beneficiaries as written in the cell, in one of the shapes the normaliser accepts; `style`
// picks the shape (any value; taken modulo the number of shapes).
std::string format_beneficiaries(const Beneficiaries& b, int style);

// Compares the data fields of two documents (ejercicio; every action field; every activity
// field and month), ignoring fuente, origen, avisos and no_reconocido. Returns one line per
// difference, naming the action and activity (1-based), the field, and expected vs actual.
std::vector<std::string> compare_data(const Document& expected, const Document& actual);

// Real CONAC genéricas the generator draws partidas from (4-digit específicas: genérica + 1).
const std::vector<std::string>& partida_pool();

}  // namespace poa::testgen
