// CONAC's Clasificador por Objeto del Gasto, compiled in from fixtures/../spec data.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace poa::normalizer {

struct BudgetItem {
  std::string codigo;  // as looked up: "2111"
  std::string generica;        // "211"
  std::string generica_nombre;  // "Materiales, útiles y equipos menores de oficina"
  std::string concepto;        // "2100"
  std::string capitulo;        // "2000"
};

// Looks up a partida (3-digit genérica or 4-/5-digit específica) by its genérica, the level
// whose names CONAC fixes nationally. nullopt when the genérica is not in the catalogue.
std::optional<BudgetItem> find_budget_item(std::string_view codigo);

}  // namespace poa::normalizer
