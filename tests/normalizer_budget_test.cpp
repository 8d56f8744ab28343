// Tests for the CONAC budget catalogue lookup.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "normalizer/budget_catalogue.hpp"

namespace poa::normalizer {
namespace {

TEST(BudgetCatalogueTest, FindsByGenerica) {
  struct Case {
    std::string codigo;
    std::optional<std::string> generica_nombre;
    std::string concepto, capitulo;
  };
  const std::vector<Case> cases = {
      {"2111", "Materiales, útiles y equipos menores de oficina", "2100", "2000"},
      {"211", "Materiales, útiles y equipos menores de oficina", "2100", "2000"},
      {"21101", "Materiales, útiles y equipos menores de oficina", "2100", "2000"},
      {"3351", "Servicios de investigación científica y desarrollo", "3300", "3000"},
      {"5151", "Equipo de cómputo y de tecnologías de la información", "5100", "5000"},
      {"111", "Dietas", "1100", "1000"},
      {"991", "ADEFAS", "9900", "9000"},
      {"2000", std::nullopt, "", ""},  // a capítulo, not a genérica
      {"9999", std::nullopt, "", ""},
      {"0001", std::nullopt, "", ""},
      {"21", std::nullopt, "", ""},
      {"211111", std::nullopt, "", ""},
      {"21a1", std::nullopt, "", ""},
  };
  for (const Case& c : cases) {
    const std::optional<BudgetItem> item = find_budget_item(c.codigo);
    ASSERT_EQ(item.has_value(), c.generica_nombre.has_value()) << c.codigo;
    if (!item) continue;
    EXPECT_EQ(item->codigo, c.codigo);
    EXPECT_EQ(item->generica, c.codigo.substr(0, 3));
    EXPECT_EQ(item->generica_nombre, *c.generica_nombre) << c.codigo;
    EXPECT_EQ(item->concepto, c.concepto);
    EXPECT_EQ(item->capitulo, c.capitulo);
  }
}

// Every partida in the real sample is a valid CONAC partida.
TEST(BudgetCatalogueTest, SamplePartidasAreKnown) {
  for (const char* codigo : {"2111", "2611", "2213", "3351", "2151", "2211", "5151", "2441", "2451",
                             "2461", "2471", "2921", "3171", "5111"}) {
    EXPECT_TRUE(find_budget_item(codigo).has_value()) << codigo;
  }
}

}  // namespace
}  // namespace poa::normalizer
