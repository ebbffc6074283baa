// NormaliseCountry and its friends (countries.h), checked against the ESSGlobal vocabulary.

#include "ecosol/text/countries.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "ecosol/base/strings.h"
#include "test_paths.h"

namespace ecosol::text {
namespace {

TEST(CountriesTest, CodesInAnyCaseWithTheUkException) {
  EXPECT_EQ(NormaliseCountry("uk"), "GB");
  EXPECT_EQ(NormaliseCountry("UK"), "GB");
  EXPECT_EQ(NormaliseCountry("gb"), "GB");
  EXPECT_EQ(NormaliseCountry("Fr"), "FR");
  EXPECT_EQ(NormaliseCountry(" de\t"), "DE");
  EXPECT_EQ(NormaliseCountry("EL"), "GR");
  EXPECT_EQ(NormaliseCountry("FRA"), "FR");
  EXPECT_EQ(NormaliseCountry("deu"), "DE");
  EXPECT_EQ(NormaliseCountry("GBR"), "GB");
  EXPECT_TRUE(IsCountryCode("GB"));
  EXPECT_FALSE(IsCountryCode("UK"));
}

TEST(CountriesTest, NamesInTheLanguagesOfEurope) {
  const std::map<std::string, std::string> names = {
      {"Österreich", "AT"},      {"España", "ES"},
      {"Deutschland", "DE"},     {"Italia", "IT"},
      {"Nederland", "NL"},       {"België", "BE"},
      {"Belgique", "BE"},        {"Schweiz", "CH"},
      {"Suisse", "CH"},          {"Svizzera", "CH"},
      {"Polska", "PL"},          {"Česko", "CZ"},
      {"Česká republika", "CZ"}, {"Magyarország", "HU"},
      {"Sverige", "SE"},         {"Suomi", "FI"},
      {"Ελλάδα", "GR"},          {"România", "RO"},
      {"Hrvatska", "HR"},        {"Slovenija", "SI"},
      {"Allemagne", "DE"},       {"Alemania", "DE"},
      {"Alemanha", "DE"},        {"Germany", "DE"},
      {"Royaume-Uni", "GB"},     {"Reino Unido", "GB"},
      {"Portogallo", "PT"},      {"Éire", "IE"},
      {"Danmark", "DK"},         {"Eesti", "EE"},
      {"Latvija", "LV"},         {"Lietuva", "LT"},
      {"Κύπρος", "CY"},          {"България", "BG"},
      {"Slovensko", "SK"},       {"Norge", "NO"},
      {"Ísland", "IS"},          {"Україна", "UA"},
      {"Россия", "RU"},          {"Lëtzebuerg", "LU"},
      {"Shqipëria", "AL"},       {"Србија", "RS"}};
  for (const auto& [name, code] : names) EXPECT_EQ(NormaliseCountry(name), code) << name;
}

TEST(CountriesTest, TheUnitedKingdomsNationsAreGb) {
  for (const char* name : {"England", "Scotland", "Wales", "Northern Ireland", "SCOTLAND",
                           "england", "Cymru", "Great Britain", "U.K.", "the UK"}) {
    EXPECT_EQ(NormaliseCountry(name), "GB") << name;
  }
}

TEST(CountriesTest, CaseAccentsPunctuationAndSpacesAreFolded) {
  EXPECT_EQ(NormaliseCountry("ÖSTERREICH"), "AT");
  EXPECT_EQ(NormaliseCountry("ÖSterreich"), "AT");
  EXPECT_EQ(NormaliseCountry("osterreich"), "AT");
  EXPECT_EQ(NormaliseCountry("  ESPANA  "), "ES");
  EXPECT_EQ(NormaliseCountry("CÔTE-D'IVOIRE"), "CI");
  EXPECT_EQ(NormaliseCountry("The Netherlands"), "NL");
  EXPECT_EQ(NormaliseCountry("bosnia  and herzegovina"), "BA");
}

TEST(CountriesTest, RegionsWrittenAsCountriesAreTheirCountry) {
  EXPECT_EQ(NormaliseCountry("Democratic Republic of the Congo"), "CD");
  EXPECT_EQ(NormaliseCountry("Republika Srpska"), "BA");
  EXPECT_EQ(NormaliseCountry("Galapagos Province"), "EC");
  EXPECT_EQ(NormaliseCountry("Trinidad"), "TT");
}

TEST(CountriesTest, UnknownValuesAreNotGuessed) {
  for (const char* value : {"", "   ", "Atlantis", "XX", "ZZZ", "Europe", "Korea", "U", "12"}) {
    EXPECT_EQ(NormaliseCountry(value), std::nullopt) << value;
  }
}

TEST(CountriesTest, EveryCountryOfTheEssglobalVocabularyIsCovered) {
  std::ifstream in(::ecosol::testing::SharedDataDir() + "/essglobal/countries-iso.tsv");
  ASSERT_TRUE(in) << "missing ../shared/data/essglobal/countries-iso.tsv";
  std::string line;
  int countries = 0;
  while (std::getline(in, line)) {
    std::vector<std::string> cells = Split(line, '\t');
    if (cells.size() < 3 || cells[1] != "skos:prefLabel") continue;
    const std::string& code = cells[0];
    ++countries;
    EXPECT_TRUE(IsCountryCode(code)) << code;
    EXPECT_EQ(NormaliseCountry(code), code);
    EXPECT_EQ(NormaliseCountry(AsciiLower(code)), code);
    for (size_t i = 3; i < cells.size(); ++i) {
      if (Trim(cells[i]).empty()) continue;
      EXPECT_EQ(NormaliseCountry(cells[i]), code) << "label '" << cells[i] << "'";
    }
  }
  EXPECT_EQ(countries, 249);
}

TEST(CountriesTest, NationalAbbreviationsDependOnWhereThePlaceIs) {
  EXPECT_EQ(NormaliseCountryAt("SR", 48.14, 17.11), "SK");  // Bratislava
  EXPECT_EQ(NormaliseCountryAt("sr", 48.72, 21.26), "SK");  // Košice
  EXPECT_EQ(NormaliseCountryAt("SR", 5.85, -55.2), "SR");   // Paramaribo
  EXPECT_EQ(NormaliseCountry("SR"), "SR");
  EXPECT_EQ(NormaliseCountryAt("CR", 50.08, 14.42), "CZ");  // Prague
  EXPECT_EQ(NormaliseCountryAt("CR", 9.93, -84.08), "CR");  // San José
  EXPECT_EQ(NormaliseCountryAt("Österreich", 48.2, 16.37), "AT");
  EXPECT_EQ(NormaliseCountryAt("Atlantis", 48.2, 16.37), std::nullopt);
}

}  // namespace
}  // namespace ecosol::text
