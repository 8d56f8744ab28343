// Tests for the cell parsers (money, quantities, numbers, beneficiaries, codes, partidas, years).
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "text/values.hpp"

namespace poa::text {
namespace {

// An expected Decimal written as mantissa and scale, or nothing for "rejected".
struct DecimalCase {
  std::string input;
  std::optional<Decimal> expected;
};

void PrintTo(const DecimalCase& c, std::ostream* os) {
  *os << "«" << c.input << "»";
}

Decimal cents(std::int64_t c) {
  return Decimal::from_cents(c);
}

class ParseMoneyTest : public testing::TestWithParam<DecimalCase> {};

TEST_P(ParseMoneyTest, Parses) {
  const std::optional<Decimal> got = parse_money(GetParam().input);
  ASSERT_EQ(got.has_value(), GetParam().expected.has_value())
      << (got ? got->to_string() : std::string("nullopt"));
  if (got) {
    EXPECT_EQ(*got, *GetParam().expected) << got->to_string();
    EXPECT_EQ(got->scale, 2) << "money keeps scale 2";
  }
}

INSTANTIATE_TEST_SUITE_P(
    Accepted, ParseMoneyTest,
    testing::Values(
        DecimalCase{"$10,000.00", cents(1000000)}, DecimalCase{"\\$10,000.00", cents(1000000)},
        DecimalCase{"$ 10,000", cents(1000000)}, DecimalCase{"10,000.00", cents(1000000)},
        DecimalCase{"$1,234.5", cents(123450)}, DecimalCase{"$0.00", cents(0)},
        DecimalCase{"$ -", cents(0)}, DecimalCase{"$-", cents(0)}, DecimalCase{"\\$ –", cents(0)},
        DecimalCase{"$10000", cents(1000000)}, DecimalCase{"10,000.00 M.N.", cents(1000000)},
        DecimalCase{"$10,000.00 MXN", cents(1000000)}, DecimalCase{"$10,000.00 MN", cents(1000000)},
        DecimalCase{"10,000 pesos", cents(1000000)}, DecimalCase{"10,000.00M.N.", cents(1000000)},
        DecimalCase{"-", cents(0)}, DecimalCase{"\u2013", cents(0)},
        DecimalCase{"\u2014", cents(0)}, DecimalCase{"-$500.00", cents(-50000)},
        DecimalCase{"$-500.00", cents(-50000)}, DecimalCase{"($1,500.25)", cents(-150025)},
        DecimalCase{"$1,234,567.89", cents(123456789)},
        DecimalCase{"  $\xC2\xA0"
                    "150,000.00 ",
                    cents(15000000)},
        DecimalCase{"999", cents(99900)}));

INSTANTIATE_TEST_SUITE_P(
    Rejected, ParseMoneyTest,
    testing::Values(DecimalCase{"1,23,4", std::nullopt}, DecimalCase{"$1,23", std::nullopt},
                    DecimalCase{"$1234,567", std::nullopt}, DecimalCase{"$,100", std::nullopt},
                    DecimalCase{"$100,", std::nullopt}, DecimalCase{"$10.000", std::nullopt},
                    DecimalCase{"$10.", std::nullopt}, DecimalCase{"$", std::nullopt},
                    DecimalCase{"diez mil", std::nullopt},
                    DecimalCase{"$10,000.00 aprox", std::nullopt}, DecimalCase{"10k", std::nullopt},
                    DecimalCase{"M.N.", std::nullopt}, DecimalCase{"-(10)", std::nullopt},
                    DecimalCase{"(-10)", std::nullopt}, DecimalCase{"$10 000", std::nullopt},
                    DecimalCase{"1.2.3", std::nullopt}, DecimalCase{"--", std::nullopt},
                    DecimalCase{"", std::nullopt},
                    DecimalCase{"$99999999999999999999", std::nullopt}));

class ParseQuantityTest : public testing::TestWithParam<DecimalCase> {};

TEST_P(ParseQuantityTest, Parses) {
  const std::optional<Decimal> got = parse_quantity(GetParam().input);
  ASSERT_EQ(got.has_value(), GetParam().expected.has_value())
      << (got ? got->to_string() : std::string("nullopt"));
  if (got) {
    // Exact value and the digits as written (scale).
    EXPECT_EQ(got->mantissa, GetParam().expected->mantissa);
    EXPECT_EQ(got->scale, GetParam().expected->scale);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Accepted, ParseQuantityTest,
    testing::Values(DecimalCase{"-", Decimal{0, 0}}, DecimalCase{"\u2013", Decimal{0, 0}},
                    DecimalCase{"\u2014", Decimal{0, 0}}, DecimalCase{"12", Decimal{12, 0}},
                    DecimalCase{"0", Decimal{0, 0}}, DecimalCase{"1,200", Decimal{1200, 0}},
                    DecimalCase{"1,200,000", Decimal{1200000, 0}},
                    DecimalCase{"0.5", Decimal{5, 1}}, DecimalCase{"33.33", Decimal{3333, 2}},
                    DecimalCase{"1,200.5", Decimal{12005, 1}},
                    DecimalCase{" 400 ", Decimal{400, 0}}));

INSTANTIATE_TEST_SUITE_P(
    Rejected, ParseQuantityTest,
    testing::Values(DecimalCase{"50%", std::nullopt}, DecimalCase{"12 %", std::nullopt},
                    DecimalCase{"1,20", std::nullopt}, DecimalCase{"1,23,4", std::nullopt},
                    DecimalCase{"doce", std::nullopt}, DecimalCase{"12 piezas", std::nullopt},
                    DecimalCase{"$12", std::nullopt}, DecimalCase{".5", std::nullopt},
                    DecimalCase{"5.", std::nullopt}, DecimalCase{"--", std::nullopt},
                    DecimalCase{"-5", std::nullopt}, DecimalCase{"", std::nullopt}));

struct IntegerCase {
  std::string input;
  std::optional<std::int64_t> expected;
};

TEST(ParseIntegerTest, Table) {
  const std::vector<IntegerCase> cases = {
      {"4", 4},
      {"04", 4},
      {"4.", 4},
      {"No. 4", 4},
      {"No.4", 4},
      {"no 4", 4},
      {"Nº 4", 4},
      {"N° 4", 4},
      {"Núm. 12", 12},
      {"NÚM. 12", 12},
      {"#7", 7},
      {" 11 ", 11},
      {"4.5", std::nullopt},
      {"4a", std::nullopt},
      {"-4", std::nullopt},
      {"cuatro", std::nullopt},
      {"No.", std::nullopt},
      {"Acción 4", std::nullopt},
      {"4 5", std::nullopt},
      {"", std::nullopt},
      {"99999999999999999999", std::nullopt},
  };
  for (const IntegerCase& c : cases) {
    EXPECT_EQ(parse_integer(c.input), c.expected) << "«" << c.input << "»";
  }
}

struct BeneficiariesCase {
  std::string input;
  std::optional<Beneficiaries> expected;
};

TEST(ParseBeneficiariesTest, Table) {
  const Beneficiaries sample{74535, 71612, 146147};
  const std::vector<BeneficiariesCase> cases = {
      {"M74,535 H 71,612", sample},
      {"M 74535 H 71612", sample},
      {"M74,535 H71,612", sample},
      {"M77,635 H71972", Beneficiaries{77635, 71972, 149607}},
      {"Mujeres: 74,535 Hombres: 71,612", sample},
      {"Mujeres: 74,535, Hombres: 71,612", sample},
      {"MUJERES 74,535 HOMBRES 71,612", sample},
      {"M: 74,535 / H: 71,612", sample},
      {"H 10 M 12", Beneficiaries{12, 10, 22}},
      {"Hombres: 10 Mujeres: 12", Beneficiaries{12, 10, 22}},
      {"74,535 mujeres y 71,612 hombres", sample},
      {"M 10 H 12 Total 22", Beneficiaries{10, 12, 22}},
      {"146,147", Beneficiaries{std::nullopt, std::nullopt, 146147}},
      {"146147", Beneficiaries{std::nullopt, std::nullopt, 146147}},
      {"146,147 personas", Beneficiaries{std::nullopt, std::nullopt, 146147}},
      {"Mujeres 50", Beneficiaries{50, std::nullopt, std::nullopt}},
      {"M 0 H 0", Beneficiaries{0, 0, 0}},
      // Rejected.
      {"M 10 H 12 Total 30", std::nullopt},  // a total that contradicts its parts
      {"M 10 M 12", std::nullopt},
      {"M 10 H", std::nullopt},
      {"M H 10 12", std::nullopt},
      {"Población en general", std::nullopt},
      {"M 74.5 H 3", std::nullopt},
      {"M 1,23 H 4", std::nullopt},
      {"10 20", std::nullopt},
      {"niños 30", std::nullopt},
      {"", std::nullopt},
  };
  for (const BeneficiariesCase& c : cases) {
    EXPECT_EQ(parse_beneficiaries(c.input), c.expected) << "«" << c.input << "»";
  }
}

struct CodedCase {
  std::string input;
  CodedText expected;
};

TEST(ParseCodedTextTest, Table) {
  const std::vector<CodedCase> cases = {
      {"3.5 Rendición de cuentas y acceso a la información",
       {"3.5", "Rendición de cuentas y acceso a la información"}},
      {"3.5.1. Informar", {"3.5.1", "Informar"}},
      {"3.5.1 Informar", {"3.5.1", "Informar"}},
      {"3 Gobierno", {"3", "Gobierno"}},
      {"3. Gobierno", {"3", "Gobierno"}},
      {"1.2.3.4 Cuatro niveles", {"1.2.3.4", "Cuatro niveles"}},
      {"3.5.- Rendición", {"3.5", "Rendición"}},
      {"3.5 - Rendición", {"3.5", "Rendición"}},
      {"3.5) Rendición", {"3.5", "Rendición"}},
      {"  3.5\xC2\xA0 Rendición  ", {"3.5", "Rendición"}},
      {"3.5", {"3.5", std::nullopt}},
      // No leading code: the whole text is the name.
      {"Rendición de cuentas", {std::nullopt, "Rendición de cuentas"}},
      {"1.2.3.4.5 Cinco niveles", {std::nullopt, "1.2.3.4.5 Cinco niveles"}},
      {"3.5Rendición", {std::nullopt, "3.5Rendición"}},
      {"1er lugar", {std::nullopt, "1er lugar"}},
      {"Eje 3.5 Rendición", {std::nullopt, "Eje 3.5 Rendición"}},
  };
  for (const CodedCase& c : cases) {
    EXPECT_EQ(parse_coded_text(c.input), c.expected) << "«" << c.input << "»";
  }
}

struct PartidasCase {
  std::string input;
  std::optional<std::vector<std::string>> expected;
};

TEST(ParsePartidasTest, Table) {
  const std::vector<std::string> two = {"2111", "2611"};
  const std::vector<PartidasCase> cases = {
      {"2111, 2611", two},
      {"2111,2611", two},
      {"2111 2611", two},
      {"2111 y 2611", two},
      {"2111 Y 2611", two},
      {"2111; 2611", two},
      {"2111/2611", two},
      {"2111-2611", two},  // a list: a range of partidas is not something a POA writes
      {"2111,\n2611", two},
      {"3351", std::vector<std::string>{"3351"}},
      {"211", std::vector<std::string>{"211"}},
      {"21101, 2611", std::vector<std::string>{"21101", "2611"}},
      {"2111, 2441, 2451, 2461", std::vector<std::string>{"2111", "2441", "2451", "2461"}},
      {"2111, 2611,", two},
      // Rejected.
      {"21", std::nullopt},
      {"211111", std::nullopt},
      {"2111, papelería", std::nullopt},
      {"2111-26", std::nullopt},
      {"PARTIDA 2111", std::nullopt},
      {"2111 e 2611", std::nullopt},
      {", ;", std::nullopt},
      {"", std::nullopt},
  };
  for (const PartidasCase& c : cases) {
    EXPECT_EQ(parse_partidas(c.input), c.expected) << "«" << c.input << "»";
  }
}

TEST(ParseYearTest, Table) {
  const std::vector<std::pair<std::string, std::optional<int>>> cases = {
      {"PROGRAMA OPERATIVO ANUAL 2022", 2022},
      {"2022", 2022},
      {"POA2023", 2023},
      {"Ejercicio fiscal 1990", 1990},
      {"Año 2100", 2100},
      {"Acción 12 del 2021 al 2024", 2021},
      {"Folio 12345 año 2022", 2022},  // a 5-digit number is not a year
      {"1989 y luego 2001", 2001},
      {"2101", std::nullopt},
      {"1989", std::nullopt},
      {"PROGRAMA OPERATIVO ANUAL", std::nullopt},
      {"20222", std::nullopt},
      {"", std::nullopt},
  };
  for (const auto& [input, expected] : cases) {
    EXPECT_EQ(parse_year(input), expected) << "«" << input << "»";
  }
}

// The shape tests the layout and the recogniser share (before a value is parsed).
TEST(ValueShapeTest, Table) {
  struct Case {
    std::string text;
    bool quantity, digit, digits;
  };
  const std::vector<Case> cases = {
      {"1,200", true, true, false},   {"33.33", true, true, false},
      {"-", true, false, false},      {"\u2013", true, false, false},
      {"\u2014", true, false, false}, {"2024", true, true, true},
      {"$0.00", false, true, false},  {"Meta 2024", false, true, false},
      {"ENE", false, false, false},   {"", false, false, false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(looks_like_quantity(c.text), c.quantity) << c.text;
    EXPECT_EQ(has_digit(c.text), c.digit) << c.text;
    EXPECT_EQ(is_digits(c.text), c.digits) << c.text;
  }
}

}  // namespace
}  // namespace poa::text
