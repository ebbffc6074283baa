// Co-operatives UK's files imported into the registry on both backends: the real register and
// economy file, all or nothing, dry runs, re-imports replacing figures by key, deleted actors,
// round trips through the ESSGlobal CSV and GeoJSON, and the register, the economy file and the
// standard CSV meeting on one actor.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "coops_uk_testing.h"
#include "ecosol/interop/coops_uk.h"
#include "ecosol/interop/importer.h"
#include "test_store.h"

namespace ecosol::interop {
namespace {

using namespace coops_uk_testing;  // NOLINT(google-build-using-namespace): test helpers

std::string WriteTemp(const std::string& content) {
  static int n = 0;
  auto path = std::filesystem::temp_directory_path() /
              ("ecosol_coops_" + std::to_string(::getpid()) + "_" + std::to_string(n++) + ".csv");
  std::ofstream(path, std::ios::binary) << content;
  return path.string();
}

class CoopsUkImportTest : public ::testing::TestWithParam<std::string> {
 protected:
  CoopsUkImportTest()
      : db_(GetParam()), clock_(std::chrono::sys_days{std::chrono::year{2026} / 11 / 29}) {}
  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    registry_ = std::make_unique<registry::Registry>(db_.store(), clock_);
    ASSERT_TRUE(registry_->LoadTaxonomies(testing::TaxonomyFolder()).ok());
  }
  void TearDown() override {
    for (const std::string& path : temps_) std::filesystem::remove(path);
  }

  Result<registry::ImportReport> Import(const std::string& format, const std::string& content,
                                        bool skip_invalid = false, bool dry_run = false) {
    temps_.push_back(WriteTemp(content));
    FileImportOptions o;
    o.format = format;
    o.source = format == "coops-uk" ? "cuk-register" : "cuk-economy";
    o.skip_invalid = skip_invalid;
    o.dry_run = dry_run;
    return ImportFile(*registry_, temps_.back(), o);
  }

  model::Actor ActorOf(const std::string& cuk_id) {
    auto id = db_.store().FindByIdentifier("coops-uk", cuk_id);
    EXPECT_TRUE(id.ok() && id->has_value()) << cuk_id;
    if (!id.ok() || !id->has_value()) return {};
    auto actor = registry_->GetActor(**id);
    EXPECT_TRUE(actor.ok());
    return actor.ok() ? *actor : model::Actor{};
  }

  // The actor's figures as "name period value unit as_of source".
  std::vector<std::string> FiguresOf(const std::string& cuk_id) {
    auto stored = db_.store().Indicators(ActorOf(cuk_id).id);
    EXPECT_TRUE(stored.ok());
    std::vector<std::string> out;
    for (const auto& i : stored.ok() ? *stored : std::vector<store::IndicatorRecord>{}) {
      out.push_back(i.name + " " + i.period + " " + IndicatorToJson(i)["value"].dump() + " " +
                    i.unit + " " + i.as_of + " " + i.source);
    }
    return out;
  }

  testing::TestStore db_;
  FakeClock clock_;
  std::unique_ptr<registry::Registry> registry_;
  std::vector<std::string> temps_;
};

// The real files: the register whole, then the economy file, which names 67 organisations the
// register lacks (and Co-ops UK's totals): refused as a whole, then imported without those rows.
TEST_P(CoopsUkImportTest, TheRealRegisterThenTheEconomyFileImport) {
  FileImportOptions o;
  o.format = "coops-uk";
  auto report = ImportFile(*registry_, RegisterFile(), o);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  for (const auto& e : report->rejected) ADD_FAILURE() << Text(e);
  EXPECT_TRUE(report->committed);
  EXPECT_EQ(report->imported, 8371);
  EXPECT_EQ(*db_.store().CountActors(), 8371);
  model::Actor group = ActorOf("R000001");
  EXPECT_EQ(group.id, "coops-uk-r000001");
  EXPECT_EQ(group.founded, "1863-08-11");
  EXPECT_EQ(group.territory, "GB/lancashire/manchester");
  EXPECT_EQ(group.provenance.at("founded").source, "organisations-2017");

  o.format = "coops-uk-economy";
  auto refused = ImportFile(*registry_, EconomyFile(), o);
  ASSERT_TRUE(refused.ok()) << refused.status().ToString();
  EXPECT_FALSE(refused->committed);
  ASSERT_EQ(refused->rejected.size(), 406u);  // 378 rows of unknown organisations, 28 totals
  EXPECT_EQ(Text(refused->rejected[0]),
            "96 CUK Organisation ID: 'R003636': no actor has this coops-uk identifier (import "
            "the organisations first, then their figures)");
  EXPECT_EQ(*db_.store().CountIndicators(), 0);

  o.skip_invalid = true;
  auto written = ImportFile(*registry_, EconomyFile(), o);
  ASSERT_TRUE(written.ok()) << written.status().ToString();
  EXPECT_TRUE(written->committed);
  EXPECT_EQ(written->imported, 113045);
  EXPECT_EQ(written->rejected.size(), 406u);
  EXPECT_EQ(*db_.store().CountIndicators(), 113045);
  auto figures = FiguresOf("R000001");
  EXPECT_EQ(figures.size(), 30u);
  EXPECT_NE(std::find(figures.begin(), figures.end(),
                      "turnover 2016 9301000000 GBP 2016-01-02 economy-2011-2016"),
            figures.end());
  EXPECT_NE(std::find(figures.begin(), figures.end(),
                      "employees 2011 108273 people 2011-01-01 economy-2011-2016"),
            figures.end());

  auto again = ImportFile(*registry_, EconomyFile(), o);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->unchanged, 113045);
  EXPECT_EQ(again->imported + again->updated, 0);
}

TEST_P(CoopsUkImportTest, MalformedRegistersChangeNothing) {
  auto first = Import("coops-uk", Register({Organisation("R1", "Alpha Bakery Co-operative"),
                                            Organisation("R2", "Beta Housing Co-operative")}));
  ASSERT_TRUE(first.ok() && first->committed) << first.status().ToString();
  EXPECT_EQ(first->imported, 2);
  const model::Actor before = ActorOf("R1");

  auto bad = Import("coops-uk",
                    Register({Organisation("R1", "Alpha Bakery Renamed"),
                              Organisation("R3", "Gamma", {{"Incorporation Date", "2001-02-03"}}),
                              Organisation("R4", "Delta", {{"Dissolved Date", "1/1/1990"}}),
                              Organisation("R5", "")}));
  ASSERT_TRUE(bad.ok()) << bad.status().ToString();
  EXPECT_FALSE(bad->committed);
  ASSERT_EQ(bad->rejected.size(), 3u);
  EXPECT_EQ(Text(bad->rejected[0]),
            "3 Incorporation Date: '2001-02-03' is not a date d/m/yyyy (day/month/year, e.g. "
            "11/8/1863)");
  EXPECT_EQ(Text(bad->rejected[1]), "4 Dissolved Date: is before the founding date");
  EXPECT_EQ(Text(bad->rejected[2]), "5 Registered Name: is required");
  EXPECT_EQ(ActorOf("R1"), before);
  EXPECT_EQ(*db_.store().CountActors(), 2);

  auto header = Import("coops-uk", Csv({"Registered Name"}, {{{"Registered Name", "X"}}}));
  ASSERT_FALSE(header.ok());
  EXPECT_NE(header.status().message().find("the column 'CUK Organisation ID' is missing"),
            std::string::npos);
  EXPECT_EQ(*db_.store().CountActors(), 2);
}

TEST_P(CoopsUkImportTest, FiguresAreAllOrNothingAndReplacedByKey) {
  auto orgs = Import("coops-uk", Register({Organisation("R1", "Alpha Bakery Co-operative"),
                                           Organisation("R2", "Beta Housing Co-operative")}));
  ASSERT_TRUE(orgs.ok() && orgs->committed);
  const std::vector<std::string> alpha = {
      "members 2016 12 people 2016-03-31 cuk-economy",
      "turnover 2016 125000 GBP 2016-03-31 cuk-economy",
  };

  // A dry run checks and writes nothing.
  auto dry = Import("coops-uk-economy", Economy({Figures("R1", "2016")}), false, true);
  ASSERT_TRUE(dry.ok()) << dry.status().ToString();
  EXPECT_FALSE(dry->committed);
  EXPECT_TRUE(dry->rejected.empty());
  EXPECT_EQ(*db_.store().CountIndicators(), 0);

  auto first = Import("coops-uk-economy", Economy({Figures("R1", "2016"), Figures("R2", "2016")}));
  ASSERT_TRUE(first.ok() && first->committed) << first.status().ToString();
  EXPECT_EQ(first->imported, 4);
  EXPECT_EQ(FiguresOf("R1"), alpha);
  // The audit log records the import of figures, with its counts.
  auto head = db_.store().AuditHead();
  ASSERT_TRUE(head.ok());
  auto last = db_.store().AuditEntries(head->first, 1);
  ASSERT_TRUE(last.ok() && last->size() == 1u);
  EXPECT_EQ((*last)[0].action, "indicators.import");
  EXPECT_EQ((*last)[0].object_id, "cuk-economy");
  EXPECT_EQ(nlohmann::json::parse((*last)[0].after)["imported"], 4);

  // A figure that is not a number refuses the file: R1's new turnover is not written.
  auto bad = Import("coops-uk-economy", Economy({Figures("R1", "2016", {{"Turnover", "130000"}}),
                                                 Figures("R2", "2016", {{"Employees", "three"}})}));
  ASSERT_TRUE(bad.ok()) << bad.status().ToString();
  EXPECT_FALSE(bad->committed);
  ASSERT_EQ(bad->rejected.size(), 1u);
  EXPECT_EQ(bad->rejected[0].line, 3);
  EXPECT_EQ(bad->rejected[0].field, "Employees");
  EXPECT_EQ(FiguresOf("R1"), alpha);

  // An organisation the registry lacks, likewise.
  auto unknown =
      Import("coops-uk-economy",
             Economy({Figures("R1", "2016", {{"Turnover", "130000"}}), Figures("R9", "2016")}));
  ASSERT_TRUE(unknown.ok());
  EXPECT_FALSE(unknown->committed);
  ASSERT_EQ(unknown->rejected.size(), 1u);
  EXPECT_EQ(unknown->rejected[0].field, "CUK Organisation ID");
  EXPECT_EQ(FiguresOf("R1"), alpha);

  // Kept out with --skip-invalid; the rest replaces the figures of the same key.
  auto skipped = Import("coops-uk-economy",
                        Economy({Figures("R1", "2016", {{"Turnover", "130000"}}),
                                 Figures("R9", "2016"), Figures("R2", "2016")}),
                        true);
  ASSERT_TRUE(skipped.ok() && skipped->committed);
  EXPECT_EQ(skipped->updated, 1);
  EXPECT_EQ(skipped->unchanged, 3);
  EXPECT_EQ(skipped->imported, 0);
  EXPECT_EQ(FiguresOf("R1")[1], "turnover 2016 130000 GBP 2016-03-31 cuk-economy");
  EXPECT_EQ(*db_.store().CountIndicators(), 4);

  // A deleted actor takes no figures.
  ASSERT_TRUE(registry_->DeleteActor(ActorOf("R2").id).ok());
  auto deleted = Import("coops-uk-economy", Economy({Figures("R2", "2015")}));
  ASSERT_TRUE(deleted.ok());
  ASSERT_EQ(deleted->rejected.size(), 1u);
  EXPECT_NE(deleted->rejected[0].message.find("which is deleted"), std::string::npos);
  EXPECT_EQ(*db_.store().CountIndicators(), 4);
}

// Import the register, export it, import the export into a fresh registry: the ESSGlobal CSV
// keeps every field it has a column for; GeoJSON (which carries any attribute and the dates)
// keeps every field.
TEST_P(CoopsUkImportTest, RoundTripsKeepEveryMappedField) {
  auto first =
      Import("coops-uk",
             Register({Organisation("R1", "Alpha Bakery Co-operative Limited",
                                    {{"Trading Name", "Alpha Bakery"},
                                     {"Registered Number", "IP00123"},
                                     {"Registrar", "FCA"},
                                     {"Registered Street", "Unit 1\nMill Lane"},
                                     {"Registered State/Province", "West Yorkshire"},
                                     {"SIC section", "Manufacturing"},
                                     {"SIC code  - level 4", "UKSIC07-1071"},
                                     {"SIC code  - level 4 description", "Manufacture of bread"},
                                     {"Sector - Simplified, High Level", "Food"},
                                     {"Dissolved Date", "31/12/2015"},
                                     {"Registered Status", "Dead"}}),
                       Organisation("R2", "Channel Co-operative",
                                    {{"UK Nation", "Jersey"},
                                     {"Legal Form", "Company"},
                                     {"Ownership Classification", "Multi-stakeholder"},
                                     {"SIC Code", "84110"}})}));
  ASSERT_TRUE(first.ok() && first->committed) << first.status().ToString();
  std::vector<model::Actor> originals = {ActorOf("R1"), ActorOf("R2")};
  ASSERT_EQ(originals[0].attributes.size(), 10u);

  for (const std::string format : {"essglobal-csv", "geojson"}) {
    SCOPED_TRACE(format);
    auto exported = ExportActors(*registry_, {format, "coops-uk"});
    ASSERT_TRUE(exported.ok()) << exported.status().ToString();
    testing::TestStore fresh(GetParam());
    ASSERT_TRUE(fresh.ok()) << fresh.error();
    registry::Registry other(fresh.store(), clock_);
    ASSERT_TRUE(other.LoadTaxonomies(testing::TaxonomyFolder()).ok());
    temps_.push_back(WriteTemp(*exported));
    FileImportOptions o;
    o.format = format;
    o.source = "cuk-register";
    o.id_scheme = "coops-uk";
    auto again = ImportFile(other, temps_.back(), o);
    ASSERT_TRUE(again.ok() && again->committed) << again.status().ToString();
    ASSERT_TRUE(again->rejected.empty()) << Text(again->rejected[0]);
    EXPECT_EQ(again->imported, 2);
    for (const model::Actor& a : originals) {
      auto id = fresh.store().FindByIdentifier("coops-uk", a.identifiers.at("coops-uk"));
      ASSERT_TRUE(id.ok() && id->has_value());
      auto b = other.GetActor(**id);
      ASSERT_TRUE(b.ok());
      EXPECT_EQ(b->id, a.id);
      EXPECT_EQ(b->name, a.name);
      EXPECT_EQ(b->identifiers, a.identifiers);
      EXPECT_EQ(b->legal_form, a.legal_form);
      EXPECT_EQ(b->structures, a.structures);
      EXPECT_EQ(b->primary_activity, a.primary_activity);
      EXPECT_EQ(b->activities, a.activities);
      EXPECT_EQ(b->membership_types, a.membership_types);
      EXPECT_EQ(b->address, a.address);
      EXPECT_EQ(b->territory, a.territory);
      if (format == "geojson") {
        EXPECT_TRUE(model::SameData(*b, a)) << a.name;
        continue;
      }
      // The standard CSV's columns for Co-ops UK's attributes; it has none for the dates and
      // for the register's other attributes (docs/formats/coops-uk.md).
      for (const char* key : {"sic_code", "sic_section", "sector", "ownership_classification"}) {
        EXPECT_EQ(b->attributes.count(key) ? b->attributes.at(key) : "",
                  a.attributes.count(key) ? a.attributes.at(key) : "")
            << key;
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, CoopsUkImportTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

// Co-ops UK's standard CSV (imported with the "coops-uk" scheme, as `ecosol demo` does), the
// register and the economy file all name R000001: one actor gets the three sources' data.
TEST(CoopsUkMeetingTest, StandardRegisterAndEconomyMeetOnOneActor) {
  testing::TestStore db("sqlite");
  ASSERT_TRUE(db.ok()) << db.error();
  registry::Registry registry(db.store(), SystemClock());
  ASSERT_TRUE(registry.LoadTaxonomies(testing::TaxonomyFolder()).ok());
  FileImportOptions standard;
  standard.source = "coops-uk-standard-2023";
  standard.id_scheme = "coops-uk";
  standard.id_prefix = "cuk";
  auto s = ImportFile(registry, Shared("standard-2023.csv"), standard);
  ASSERT_TRUE(s.ok() && s->committed) << s.status().ToString();
  ASSERT_EQ(s->imported, 7387);

  FileImportOptions o;
  o.format = "coops-uk";
  auto r = ImportFile(registry, RegisterFile(), o);
  ASSERT_TRUE(r.ok() && r->committed) << r.status().ToString();
  // 5,540 organisations are in both files; the register adds 2,831.
  EXPECT_EQ(r->imported, 2831);
  EXPECT_EQ(r->updated + r->unchanged, 5540);
  EXPECT_EQ(*db.store().CountActors(), 7387 + 2831);

  o.format = "coops-uk-economy";
  o.skip_invalid = true;
  auto e = ImportFile(registry, EconomyFile(), o);
  ASSERT_TRUE(e.ok() && e->committed) << e.status().ToString();
  EXPECT_EQ(e->imported, 113045);

  auto id = db.store().FindByIdentifier("coops-uk", "R000001");
  ASSERT_TRUE(id.ok() && id->has_value());
  EXPECT_EQ(**id, "cuk-r000001");  // the standard file's actor
  auto group = registry.GetActor(**id);
  ASSERT_TRUE(group.ok());
  // The standard file's fields stay; the register fills the fields it lacked.
  EXPECT_EQ(group->provenance.at("name").source, "coops-uk-standard-2023");
  ASSERT_TRUE(group->location.has_value());
  EXPECT_EQ(group->founded, "1863-08-11");
  EXPECT_EQ(group->provenance.at("founded").source, "organisations-2017");
  auto figures = db.store().Indicators(**id);
  ASSERT_TRUE(figures.ok());
  EXPECT_EQ(figures->size(), 30u);
}

}  // namespace
}  // namespace ecosol::interop
