#include "ecosol/interop/csv_mapping.h"

#include <gtest/gtest.h>

#include <map>

#include "ecosol/base/clock.h"
#include "ecosol/interop/importer.h"
#include "test_paths.h"
#include "test_store.h"

namespace ecosol::interop {
namespace {

std::string SourceFile(const std::string& path) {
  auto text = ReadFile(::ecosol::testing::SourceDir() + "/" + path);
  EXPECT_TRUE(text.ok()) << text.status().ToString();
  return text.ok() ? *text : "";
}

const char kNetworkCsv[] = "tests/data/csv-mapping/adherents-reseau.csv";
const char kNetworkMapping[] = "data/mappings/reseau-occitanie.yaml";
const char kCoopsMapping[] = "data/mappings/coops-uk-standard.yaml";

CsvMapping MustParse(const std::string& yaml) {
  auto m = ParseCsvMapping(yaml, "m.yaml");
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  return m.ok() ? *m : CsvMapping{};
}

// Reads `csv` through the mapping `yaml`; fails the test when the mapping is refused.
ParsedRows Read(const std::string& yaml, const std::string& csv) {
  auto rows = ReadMappedCsv(csv, MustParse(yaml));
  EXPECT_TRUE(rows.ok()) << rows.status().ToString();
  return rows.ok() ? *rows : ParsedRows{};
}

const model::Actor& Only(const ParsedRows& rows) {
  static const model::Actor none;
  EXPECT_EQ(rows.rows.size(), 1u);
  for (const auto& e : rows.rejected)
    ADD_FAILURE() << e.line << " " << e.field << ": " << e.message;
  return rows.rows.empty() ? none : rows.rows.front().actor;
}

// --- the example mapping of a network's spreadsheet -------------------------------------------

TEST(CsvMappingTest, ExampleMappingReadsTheNetworkSpreadsheet) {
  auto mapping = ParseCsvMapping(SourceFile(kNetworkMapping), "reseau-occitanie.yaml");
  ASSERT_TRUE(mapping.ok()) << mapping.status().ToString();
  EXPECT_EQ(mapping->source, "reseau-occitanie");
  EXPECT_EQ(mapping->id_scheme, "reseau-occitanie");
  EXPECT_NE(mapping->attribution.find("CC BY 4.0"), std::string::npos);
  auto parsed = ReadMappedCsv(SourceFile(kNetworkCsv), *mapping);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  for (const auto& e : parsed->rejected) ADD_FAILURE() << e.line << " " << e.field << e.message;
  ASSERT_EQ(parsed->rows.size(), 5u);
  const registry::ImportRow& jardins = parsed->rows[0];
  EXPECT_EQ(jardins.line, 3);  // the title line and the header come first
  const model::Actor& a = jardins.actor;
  EXPECT_EQ(a.identifiers.at("reseau-occitanie"), "OC-0012");
  EXPECT_EQ(a.name, "Les Jardins du Lauragais");
  EXPECT_EQ(a.legal_form, "SCIC");
  EXPECT_EQ(a.structures, std::vector<std::string>{"OS100"});
  EXPECT_EQ(a.claims, std::vector<std::string>{"cooperative"});
  EXPECT_EQ(a.activities, std::vector<std::string>{"ICA10"});  // two sectors, one code
  EXPECT_EQ(a.primary_activity, "ICA10");
  EXPECT_EQ(a.address.street, "12 chemin de la Borde");
  EXPECT_EQ(a.address.postcode, "31290");
  EXPECT_EQ(a.address.locality, "Villefranche-de-Lauragais");
  EXPECT_EQ(a.address.region, "Haute-Garonne");
  EXPECT_EQ(a.address.country, "FR");
  EXPECT_EQ(a.attributes.at("country_original"), "France");
  ASSERT_TRUE(a.location.has_value());
  EXPECT_DOUBLE_EQ(a.location->lat, 43.3997);  // decimal commas
  EXPECT_DOUBLE_EQ(a.location->lon, 1.7189);
  EXPECT_EQ(a.website, "https://jardins-lauragais.example.fr");
  EXPECT_EQ(a.contacts.at("email"), "contact@jardins-lauragais.example.fr");
  EXPECT_EQ(a.contacts.at("phone"), "05 61 00 00 12");
  EXPECT_EQ(a.founded, "2011-09-14");
  EXPECT_EQ(a.identifiers.at("siret"), "52912345600017");
  EXPECT_EQ(a.attributes.at("esus_approved"), "yes");
  EXPECT_EQ(a.description.at("fr"),
            "Maraîchage biologique et paniers hebdomadaires ; chantier d'insertion.");
  const model::Actor& ecit = parsed->rows[1].actor;
  EXPECT_EQ(ecit.address.street, "3 place du Vigan, Bâtiment B");  // two columns joined
  EXPECT_EQ(ecit.founded, "2016");                                 // the second date format
  EXPECT_NE(ecit.description.at("fr").find("\nLes toits"), std::string::npos);
  const model::Actor& velo = parsed->rows[2].actor;
  EXPECT_EQ(parsed->rows[2].line, 6);  // the previous record spans two lines
  EXPECT_TRUE(velo.claims.empty());    // an association claims nothing (unmapped: skip)
  EXPECT_EQ(velo.structures, std::vector<std::string>{"OS20"});
  EXPECT_EQ(velo.activities, (std::vector<std::string>{"ICA220", "ICA280"}));
  EXPECT_EQ(velo.primary_activity, "ICA220");
  EXPECT_FALSE(velo.location.has_value());
  EXPECT_EQ(velo.attributes.count("esus_approved"), 1u);
  EXPECT_EQ(parsed->rows[3].actor.structures, std::vector<std::string>{"OS60"});
  EXPECT_EQ(parsed->rows[3].actor.founded, "1998-06-01");
}

// --- each feature of the language ---------------------------------------------------------------

TEST(CsvMappingTest, DelimiterHeaderRowAndDecimalComma) {
  auto rows = Read(
      "csv: {delimiter: tab, decimal: ',', header_row: 2}\n"
      "id: Ref\nfields: {name: Nom, location.lat: Lat, location.lon: Lon}\n",
      "Title\nRef\tNom\tLat\tLon\nA1\tAlpha\t48,85\t2,35\n");
  const model::Actor& a = Only(rows);
  EXPECT_EQ(a.identifiers.at("csv"), "A1");  // default id scheme
  ASSERT_TRUE(a.location.has_value());
  EXPECT_DOUBLE_EQ(a.location->lat, 48.85);
  EXPECT_EQ(a.location->precision, model::LocationPrecision::kExact);
}

TEST(CsvMappingTest, Windows1252IsConvertedToUtf8) {
  auto rows = Read("csv: {encoding: windows-1252}\nid: Ref\nfields: {name: Nom}\n",
                   "Ref,Nom\nA1,Caf\xe9 \x80uro\n");
  EXPECT_EQ(Only(rows).name, "Caf\xc3\xa9 \xe2\x82\xacuro");
  auto latin1 =
      Read("csv: {encoding: latin-1}\nid: Ref\nfields: {name: Nom}\n", "Ref,Nom\nA1,Caf\xe9\n");
  EXPECT_EQ(Only(latin1).name, "Caf\xc3\xa9");
}

TEST(CsvMappingTest, ConstantsDefaultsAndColumnFallbacks) {
  auto rows = Read(
      "id: Ref\n"
      "fields:\n"
      "  name: {columns: [Nom court, Nom]}\n"
      "  address.country: {value: ES}\n"
      "  claims: {value: [cooperative, sse]}\n"
      "  kind: {value: network}\n"
      "  legal_form: {column: Forma, default: Cooperativa}\n"
      "  names.eu: Izena\n"
      "  description: Descripción\n",
      "Ref,Nom court,Nom,Forma,Izena,Descripción\nX,,Xarxa Llarga,,Sarea,Una xarxa\n");
  const model::Actor& a = Only(rows);
  EXPECT_EQ(a.name, "Xarxa Llarga");  // the first non-empty of the columns
  EXPECT_EQ(a.address.country, "ES");
  EXPECT_EQ(a.attributes.count("country_original"), 0u);  // already the code
  EXPECT_EQ(a.claims, (std::vector<std::string>{"cooperative", "sse"}));
  EXPECT_EQ(a.kind, model::ActorKind::kNetwork);
  EXPECT_EQ(a.legal_form, "Cooperativa");
  EXPECT_EQ(a.names.at("eu"), "Sarea");
  EXPECT_EQ(a.description.at("en"), "Una xarxa");  // no lang: the caller's default
}

TEST(CsvMappingTest, SplitPatternMapAndUnmapped) {
  const std::string yaml =
      "id: Ref\n"
      "fields:\n"
      "  name: Nom\n"
      "  activities: {column: Codes, split: ' / ', pattern: 'ICA-?([0-9]+)'}\n"
      "  structures: {column: Tipo, split: ',', map: {Cooperativa de trabajo: OS60}, "
      "unmapped: keep}\n"
      "  qualifiers: {column: Tipo, split: ',', map: {Cooperativa de trabajo: Q1}, "
      "unmapped: skip}\n"
      "  contacts.web: {column: Web, otherwise: 'yes', default: 'no'}\n"
      "  attributes.member: {column: Socio, map: {' OUI ': 'yes', 'no': 'no'}}\n";
  auto rows = Read(yaml,
                   "Ref,Nom,Codes,Tipo,Web,Socio\n"
                   "1,Uno,ICA-140 / ICA230,\"cooperativa de TRABAJO, OS115\",x.es,oui\n");
  const model::Actor& a = Only(rows);
  EXPECT_EQ(a.activities, (std::vector<std::string>{"140", "230"}));  // group 1 kept
  EXPECT_EQ(a.structures, (std::vector<std::string>{"OS60", "OS115"}));
  EXPECT_EQ(a.qualifiers, std::vector<std::string>{"Q1"});
  EXPECT_EQ(a.contacts.at("web"), "yes");
  EXPECT_EQ(a.attributes.at("member"), "yes");  // case and spaces ignored (ASCII case only)
  auto empty = Read(yaml, "Ref,Nom,Codes,Tipo,Web,Socio\n2,Dos,,,,no\n");
  EXPECT_EQ(Only(empty).contacts.at("web"), "no");
}

TEST(CsvMappingTest, DatesPrecisionAndCountryByPlace) {
  auto rows = Read(
      "id: Ref\n"
      "fields:\n"
      "  name: Nom\n"
      "  founded: {column: Fondé, date: ['%m/%d/%Y', '%Y-%m']}\n"
      "  dissolved: {column: Fin, date: '%d.%m.%Y'}\n"
      "  address.country: Pays\n"
      "  location.lat: Lat\n"
      "  location.lon: Lon\n"
      "  location.precision: {value: approximate}\n",
      "Ref,Nom,Fondé,Fin,Pays,Lat,Lon\n"
      "1,Uno,7/4/2001,1.2.2020,SR,48.14,17.11\n"
      "2,Dos,2003-05,,sr,,\n");
  ASSERT_EQ(rows.rows.size(), 2u);
  const model::Actor& a = rows.rows[0].actor;
  EXPECT_EQ(a.founded, "2001-07-04");
  EXPECT_EQ(a.dissolved, "2020-02-01");
  EXPECT_EQ(a.address.country, "SK");  // "SR" in Europe: Slovenská republika
  EXPECT_EQ(a.attributes.at("country_original"), "SR");
  EXPECT_EQ(a.location->precision, model::LocationPrecision::kApproximate);
  EXPECT_EQ(rows.rows[1].actor.founded, "2003-05");
  EXPECT_EQ(rows.rows[1].actor.address.country, "SR");  // no place: Suriname
}

// --- malformed mappings -------------------------------------------------------------------------

struct BadMapping {
  std::string yaml;
  std::string expected;  // a part of the message, with the line
};

TEST(CsvMappingTest, MalformedMappingsAreRefusedWithTheirLine) {
  const std::string ok_id = "id: Ref\n";
  const std::vector<BadMapping> cases = {
      {"id: [unclosed\n", "m.yaml: line 2:"},
      {"", "line 1: the mapping is empty"},
      {"fields: {name: Nom}\n", "line 1: id: required"},
      {ok_id + "fields: {}\n", "line 2: fields: required"},
      {ok_id + "fields:\n  website: Web\n", "line 3: fields.name: required"},
      {ok_id + "colums: x\nfields: {name: Nom}\n", "line 2: colums: unknown key"},
      {ok_id + "fields:\n  name: Nom\n  adress.city: Ville\n",
       "line 4: fields.adress.city: unknown field"},
      {ok_id + "fields:\n  name: Nom\n  description.French: D\n", "'French' is not a language"},
      {ok_id + "fields:\n  name: Nom\n  contacts.E Mail: M\n", "'E Mail' is not a key"},
      {ok_id + "fields:\n  name: {column: Nom, colum: X}\n",
       "line 3: fields.name.colum: unknown key"},
      {ok_id + "fields:\n  name: {column: Nom, value: X}\n",
       "exactly one of column, columns and value"},
      {ok_id + "fields:\n  name: {column: Nom,\n    pattern: '([a-z'}\n",
       "line 4: fields.name.pattern: '([a-z' is not a regular expression"},
      {ok_id + "fields:\n  name: {column: Nom, pattern: '(a)(b)'}\n",
       "more than one capture group"},
      {ok_id + "fields:\n  name: Nom\n  founded: {column: F, date: '%d/%m'}\n",
       "line 4: fields.founded.date: '%d/%m' has no %Y"},
      {ok_id + "fields:\n  name: Nom\n  founded: {column: F, date: '%Y %H'}\n", "'%H'"},
      {ok_id + "fields:\n  name: {column: Nom, split: ';'}\n", "only list fields"},
      {ok_id + "fields:\n  name: {column: Nom, join: ' '}\n", "join: needs `columns:`"},
      {ok_id + "fields:\n  name: {column: Nom, unmapped: keep}\n", "unmapped: needs `map:`"},
      {ok_id + "fields:\n  name: {column: Nom, map: {a: b}, unmapped: drop}\n",
       "'drop' is not error, keep or skip"},
      {ok_id + "fields:\n  name: {column: Nom, map: {a: b}, otherwise: c, unmapped: skip}\n",
       "not both"},
      {ok_id + "fields:\n  name: {column: Nom, map: {Oui: y, OUI: z}}\n", "listed twice"},
      {ok_id + "fields:\n  name: Nom\n  name: Nom2\n", "line 4: fields.name: listed twice"},
      {ok_id + "fields:\n  name: {column: Nom, value: ''}\n", "exactly one"},
      {ok_id + "fields:\n  name: Nom\n  claims: {value: ''}\n", "cannot be empty"},
      {"id: {value: X}\nfields: {name: Nom}\n", "a constant cannot be every record's id"},
      {"id: {column: Ref, scheme: 'My Scheme'}\nfields: {name: Nom}\n", "not an identifier scheme"},
      {"source: {name: Réseau Occitanie}\n" + ok_id + "fields: {name: Nom}\n",
       "line 1: source.name: 'Réseau Occitanie' is not a source name"},
      {"csv: {delimiter: ';;'}\n" + ok_id + "fields: {name: Nom}\n", "line 1: csv.delimiter"},
      {"csv: {encoding: utf-16}\n" + ok_id + "fields: {name: Nom}\n", "not one of utf-8"},
      {"csv: {decimal: ' '}\n" + ok_id + "fields: {name: Nom}\n", "csv.decimal"},
      {"csv: {header_row: 0}\n" + ok_id + "fields: {name: Nom}\n", "csv.header_row"},
      {"lang: français\n" + ok_id + "fields: {name: Nom}\n", "line 1: lang: 'français'"},
  };
  for (const BadMapping& c : cases) {
    auto m = ParseCsvMapping(c.yaml, "m.yaml");
    ASSERT_FALSE(m.ok()) << c.yaml;
    EXPECT_EQ(m.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(m.status().message().find(c.expected), std::string::npos)
        << c.yaml << "\n -> " << m.status().message();
  }
}

TEST(CsvMappingTest, EveryMappingProblemIsListedAtOnce) {
  auto m = ParseCsvMapping("id: Ref\nfields:\n  name: Nom\n  adress: A\n  website: {colum: W}\n",
                           "m.yaml");
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("line 4: fields.adress"), std::string::npos);
  EXPECT_NE(m.status().message().find("line 5: fields.website.colum"), std::string::npos);
}

TEST(CsvMappingTest, ColumnsMissingFromTheHeaderNameTheYamlLine) {
  CsvMapping m = MustParse("id: Ref\nfields:\n  name: Nom\n  address.postcode: Code Postal\n");
  auto rows = ReadMappedCsv("Ref;Nom;Code postal\n1;Uno;31000\n", m);
  ASSERT_FALSE(rows.ok());  // the default delimiter is ','
  EXPECT_NE(rows.status().message().find("m.yaml: line 1: id: column 'Ref' is not in the header"),
            std::string::npos)
      << rows.status().message();
  CsvMapping semi = MustParse(
      "csv: {delimiter: ';'}\nid: Ref\nfields:\n  name: Nom\n  address.postcode: Code Postal\n");
  rows = ReadMappedCsv("Ref;Nom;Code postal\n1;Uno;31000\n", semi);
  ASSERT_FALSE(rows.ok());
  EXPECT_NE(rows.status().message().find("line 5: fields.address.postcode: column 'Code Postal'"),
            std::string::npos);
  EXPECT_NE(rows.status().message().find("Did you mean 'Code postal'?"), std::string::npos);
  rows = ReadMappedCsv("Ref;Nom;Nom\n1;a;b\n", semi);
  ASSERT_FALSE(rows.ok());
  EXPECT_NE(rows.status().message().find("appears 2 times"), std::string::npos);
  EXPECT_FALSE(ReadMappedCsv("", semi).ok());  // no header at all
}

// --- malformed rows -----------------------------------------------------------------------------

TEST(CsvMappingTest, MalformedRowsAreRejectedWithLineAndColumn) {
  CsvMapping m = MustParse(
      "id: Ref\n"
      "fields:\n"
      "  name: Nom\n"
      "  kind: {column: Type, map: {Réseau: network, Entreprise: organisation}}\n"
      "  founded: {column: Date, date: '%d/%m/%Y'}\n"
      "  address.country: Pays\n"
      "  location.lat: Lat\n"
      "  location.lon: Lon\n"
      "  identifiers.siret: {column: Siret, pattern: '[0-9]{14}'}\n");
  const std::string header = "Ref,Nom,Type,Date,Pays,Lat,Lon,Siret\n";
  struct Row {
    std::string csv;
    std::string column;
    std::string message;
  };
  const std::vector<Row> rows = {
      {"1,Uno,Cooperative,,,,,", "Type", "'Cooperative' is not in the map"},
      {"1,Uno,,31/02/2020,,,,", "Date", "'31/02/2020' is not a date in the form %d/%m/%Y"},
      {"1,Uno,,,Atlantis,,,", "Pays", "'Atlantis' is not a country"},
      {"1,Uno,,,,91.5,2,", "Lat", "is not a latitude between -90 and 90"},
      {"1,Uno,,,,abc,2,", "Lat", "decimal commas?"},
      {"1,Uno,,,,45,,", "Lat", "a latitude without a longitude"},
      {"1,Uno,,,,,,123", "Siret", "does not match the pattern"},
      {",Uno,,,,,,", "Ref", "the record's id is empty"},
      {"1,Uno,,,,,," + std::string(1001, '1'), "Siret", "too long to match the pattern"},
      {"1,Uno,,,,,", "", "wrong cell count: the header (line 1) has 8 columns, this row 7"},
      {"1,\"Uno,,,,,,", "", "bad quoting"},
      {"1,Un\xff,,,,,,", "Nom", "invalid UTF-8"},
  };
  for (const Row& r : rows) {
    auto parsed = ReadMappedCsv(header + "0,Good,,,,,,\n" + r.csv + "\n", m);
    ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
    EXPECT_EQ(parsed->rows.size(), 1u) << r.csv;
    ASSERT_EQ(parsed->rejected.size(), 1u) << r.csv;
    const registry::FieldError& e = parsed->rejected[0];
    EXPECT_EQ(e.line, 3) << r.csv;
    EXPECT_EQ(e.field, r.column) << r.csv;
    EXPECT_NE(e.message.find(r.message), std::string::npos) << r.csv << " -> " << e.message;
  }
  // A kind that is not an actor kind, after the map.
  CsvMapping kinds = MustParse("id: Ref\nfields: {name: Nom, kind: Type}\n");
  auto parsed = ReadMappedCsv("Ref,Nom,Type\n1,Uno,club\n", kinds);
  ASSERT_TRUE(parsed.ok());
  ASSERT_EQ(parsed->rejected.size(), 1u);
  EXPECT_NE(parsed->rejected[0].message.find("'club' is not an actor kind"), std::string::npos);
}

TEST(CsvMappingTest, RegistryErrorsNameTheMappedColumn) {
  CsvMapping m =
      MustParse("id: Ref\nfields:\n  name: Nom\n  structures: {column: Statut, map: {X: OS1}}\n");
  EXPECT_EQ(MappedColumnOf(m, "structures"), "Statut");
  EXPECT_EQ(MappedColumnOf(m, "identifier"), "Ref");
  EXPECT_EQ(MappedColumnOf(m, "website"), "website");
  CsvMapping loc = MustParse(
      "id: Ref\nfields:\n  name: {columns: [Nom, Raison sociale]}\n  location.lat: Lat\n");
  EXPECT_EQ(MappedColumnOf(loc, "name"), "Nom + Raison sociale");
  EXPECT_EQ(MappedColumnOf(loc, "location"), "Lat");
}

// --- the Co-ops UK standard file, read through a mapping ----------------------------------------

TEST(CsvMappingTest, CoopsUkMappingReadsTheStandardFileAsItsOwnReaderDoes) {
  auto text = ReadFile(testing::SharedDataFolder() + "/coops-uk/standard-2023.csv");
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  auto mapping = ParseCsvMapping(SourceFile(kCoopsMapping), "coops-uk-standard.yaml");
  ASSERT_TRUE(mapping.ok()) << mapping.status().ToString();
  auto mapped = ReadMappedCsv(*text, *mapping);
  ASSERT_TRUE(mapped.ok()) << mapped.status().ToString();
  EssglobalCsvOptions eo;
  eo.id_scheme = "coops-uk";
  auto standard = ReadEssglobalCsv(*text, eo);
  ASSERT_TRUE(standard.ok());
  EXPECT_EQ(mapped->rejected.size(), standard->rejected.size());
  ASSERT_EQ(mapped->rows.size(), standard->rows.size());
  EXPECT_GT(mapped->rows.size(), 7000u);
  size_t differences = 0;
  for (size_t i = 0; i < mapped->rows.size(); ++i) {
    const auto& a = mapped->rows[i];
    const auto& b = standard->rows[i];
    if (a.line != b.line || !(a.actor == b.actor)) {
      if (++differences <= 3) {
        ADD_FAILURE() << "line " << a.line << ": " << a.actor.name << " differs from line "
                      << b.line << ": " << b.actor.name;
      }
    }
  }
  EXPECT_EQ(differences, 0u);
}

// --- importing: all or nothing, and round trips -------------------------------------------------

class CsvMappingImportTest : public ::testing::TestWithParam<std::string> {
 protected:
  CsvMappingImportTest()
      : db_(GetParam()),
        fresh_(GetParam()),
        clock_(std::chrono::sys_days{std::chrono::year{2026} / 11 / 29}) {}
  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    ASSERT_TRUE(fresh_.ok()) << fresh_.error();
    registry_ = std::make_unique<registry::Registry>(db_.store(), clock_);
    ASSERT_TRUE(registry_->LoadTaxonomies(testing::TaxonomyFolder()).ok());
    fresh_registry_ = std::make_unique<registry::Registry>(fresh_.store(), clock_);
    ASSERT_TRUE(fresh_registry_->LoadTaxonomies(testing::TaxonomyFolder()).ok());
  }

  FileImportOptions NetworkOptions() {
    FileImportOptions o;
    o.format = "csv";
    o.mapping = SourceFile(kNetworkMapping);
    o.mapping_name = "reseau-occitanie.yaml";
    return o;
  }

  // Every actor of a registry by its identifier in `scheme`.
  static std::map<std::string, model::Actor> ByIdentifier(registry::Registry& reg,
                                                          const std::string& scheme) {
    std::map<std::string, model::Actor> out;
    store::ActorQuery q;
    q.limit = 1000;
    auto page = reg.ListActors(q);
    EXPECT_TRUE(page.ok());
    if (!page.ok()) return out;
    for (model::Actor& a : page->items) {
      auto full = reg.GetActor(a.id);
      EXPECT_TRUE(full.ok());
      if (full.ok()) out[full->identifiers[scheme]] = *full;
    }
    return out;
  }

  testing::TestStore db_;
  testing::TestStore fresh_;
  FakeClock clock_;
  std::unique_ptr<registry::Registry> registry_;
  std::unique_ptr<registry::Registry> fresh_registry_;
};

TEST_P(CsvMappingImportTest, ImportsWithTheMappingsSourceAndIsAllOrNothing) {
  const std::string csv = ::ecosol::testing::SourceDir() + "/" + kNetworkCsv;
  auto report = ImportFile(*registry_, csv, NetworkOptions());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  for (const auto& e : report->rejected) ADD_FAILURE() << e.line << " " << e.field << e.message;
  EXPECT_TRUE(report->committed);
  EXPECT_EQ(report->imported, 5);
  auto actors = ByIdentifier(*registry_, "reseau-occitanie");
  ASSERT_EQ(actors.count("OC-0012"), 1u);
  EXPECT_EQ(actors["OC-0012"].provenance.at("name").source, "reseau-occitanie");
  EXPECT_EQ(actors["OC-0012"].territory.substr(0, 2), "FR");
  auto attributions = db_.store().SourceAttributions();
  ASSERT_TRUE(attributions.ok());
  ASSERT_EQ(attributions->size(), 1u);
  EXPECT_NE(attributions->front().find("Occitanie"), std::string::npos);
  auto again = ImportFile(*registry_, csv, NetworkOptions());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->unchanged, 5);

  // A code the taxonomy does not know, found by the registry: reported against the column, and
  // the batch (with a good new row) is refused whole.
  std::string text = SourceFile(kNetworkCsv);
  text += "OC-0099;Nouvelle SCOP;SCOP;Bâtiment;;;;Foix;Ariège;France;;;;;;;;Non;\n";
  FileImportOptions bad = NetworkOptions();
  bad.mapping +=
      "  membership_types: {column: Statut juridique, map: {SCOP: BMT999}, "
      "unmapped: skip}\n";
  auto refused = ImportText(*registry_, text, "adherents.csv", bad);
  ASSERT_TRUE(refused.ok()) << refused.status().ToString();
  EXPECT_FALSE(refused->committed);
  ASSERT_FALSE(refused->rejected.empty());
  EXPECT_EQ(refused->rejected.front().field, "Statut juridique");
  EXPECT_EQ(*db_.store().CountActors(), 5);
  // A row the mapping cannot read refuses the batch too.
  std::string unreadable =
      SourceFile(kNetworkCsv) + "OC-0100;Autre;SCOP;Pêche;;;;Sète;Hérault;France;;;;;;;;Non;\n";
  auto refused_row = ImportText(*registry_, unreadable, "adherents.csv", NetworkOptions());
  ASSERT_TRUE(refused_row.ok());
  EXPECT_FALSE(refused_row->committed);
  ASSERT_EQ(refused_row->rejected.size(), 2u);  // activities and primary_activity read it
  for (const registry::FieldError& e : refused_row->rejected) {
    EXPECT_EQ(e.line, 9);
    EXPECT_EQ(e.field, "Secteur(s)");
    EXPECT_NE(e.message.find("'Pêche' is not in the map"), std::string::npos) << e.message;
  }
  EXPECT_EQ(*db_.store().CountActors(), 5);
  // A malformed mapping or none: a clear error, nothing read.
  FileImportOptions none = NetworkOptions();
  none.mapping.clear();
  auto no_mapping = ImportText(*registry_, text, "adherents.csv", none);
  ASSERT_FALSE(no_mapping.ok());
  EXPECT_NE(no_mapping.status().message().find("reseau-occitanie.yaml: line 1"), std::string::npos);
  EXPECT_EQ(*db_.store().CountActors(), 5);
}

// The fields the essglobal-csv format carries survive import (mapping), export, import.
TEST_P(CsvMappingImportTest, RoundTripThroughEssglobalCsvKeepsEveryMappedField) {
  const std::string csv = ::ecosol::testing::SourceDir() + "/" + kNetworkCsv;
  auto report = ImportFile(*registry_, csv, NetworkOptions());
  ASSERT_TRUE(report.ok() && report->committed);
  ExportOptions eo;
  eo.id_scheme = "reseau-occitanie";
  auto exported = ExportActors(*registry_, eo);
  ASSERT_TRUE(exported.ok()) << exported.status().ToString();
  FileImportOptions io;
  io.format = "essglobal-csv";
  io.source = "reseau-occitanie";
  io.id_scheme = "reseau-occitanie";
  io.lang = "fr";
  auto back = ImportText(*fresh_registry_, *exported, "export.csv", io);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  for (const auto& e : back->rejected) ADD_FAILURE() << e.line << " " << e.field << e.message;
  EXPECT_EQ(back->imported, 5);
  auto first = ByIdentifier(*registry_, "reseau-occitanie");
  auto second = ByIdentifier(*fresh_registry_, "reseau-occitanie");
  ASSERT_EQ(first.size(), 5u);
  ASSERT_EQ(second.size(), 5u);
  for (const auto& [id, a] : first) {
    const model::Actor& b = second[id];
    SCOPED_TRACE(id);
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.description, b.description);
    EXPECT_EQ(a.legal_form, b.legal_form);
    EXPECT_EQ(a.structures, b.structures);
    EXPECT_EQ(a.activities, b.activities);
    EXPECT_EQ(a.primary_activity, b.primary_activity);
    EXPECT_EQ(a.address, b.address);
    EXPECT_EQ(a.territory, b.territory);
    EXPECT_EQ(a.location.has_value(), b.location.has_value());
    if (a.location && b.location) {
      EXPECT_NEAR(a.location->lat, b.location->lat, 1e-6);
      EXPECT_NEAR(a.location->lon, b.location->lon, 1e-6);
    }
    EXPECT_EQ(a.website, b.website);
    EXPECT_EQ(a.contacts, b.contacts);
  }
}

// GeoJSON carries every field: every mapped one comes back (founded, identifiers, attributes,
// claims included).
TEST_P(CsvMappingImportTest, RoundTripThroughGeojsonKeepsEveryMappedField) {
  const std::string csv = ::ecosol::testing::SourceDir() + "/" + kNetworkCsv;
  auto report = ImportFile(*registry_, csv, NetworkOptions());
  ASSERT_TRUE(report.ok() && report->committed);
  ExportOptions eo;
  eo.format = "geojson";
  eo.id_scheme = "reseau-occitanie";
  auto exported = ExportActors(*registry_, eo);
  ASSERT_TRUE(exported.ok());
  FileImportOptions io;
  io.format = "geojson";
  io.source = "reseau-occitanie";
  io.id_scheme = "reseau-occitanie";
  io.lang = "fr";
  auto back = ImportText(*fresh_registry_, *exported, "export.geojson", io);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  for (const auto& e : back->rejected) ADD_FAILURE() << e.line << " " << e.field << e.message;
  auto first = ByIdentifier(*registry_, "reseau-occitanie");
  auto second = ByIdentifier(*fresh_registry_, "reseau-occitanie");
  ASSERT_EQ(second.size(), 5u);
  for (const auto& [id, a] : first) {
    model::Actor b = second[id];
    SCOPED_TRACE(id);
    b.id = a.id;
    EXPECT_TRUE(model::SameData(a, b))
        << a.name << " founded " << a.founded << "/" << b.founded << ", " << a.attributes.size()
        << "/" << b.attributes.size() << " attributes, " << a.identifiers.size() << "/"
        << b.identifiers.size() << " identifiers";
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, CsvMappingImportTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::interop
