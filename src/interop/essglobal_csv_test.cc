#include "ecosol/interop/essglobal_csv.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "ecosol/interop/csv.h"
#include "ecosol/interop/importer.h"
#include "test_store.h"

namespace ecosol::interop {
namespace {

std::string CoopsUkFile() { return testing::SharedDataFolder() + "/coops-uk/standard-2023.csv"; }

std::string Header() {
  std::string out;
  AppendCsvRecord(EssglobalCsvColumns(), &out);
  return out;
}

// A valid row with the given overrides (column name -> value).
std::string Row(const std::map<std::string, std::string>& cells) {
  std::vector<std::string> fields;
  for (const std::string& col : EssglobalCsvColumns()) {
    auto it = cells.find(col);
    fields.push_back(it == cells.end() ? "" : it->second);
  }
  std::string out;
  AppendCsvRecord(fields, &out);
  return out;
}

std::string WriteTemp(const std::string& content) {
  static int n = 0;
  auto path = std::filesystem::temp_directory_path() /
              ("ecosol_csv_" + std::to_string(::getpid()) + "_" + std::to_string(n++) + ".csv");
  std::ofstream(path, std::ios::binary) << content;
  return path.string();
}

TEST(EssglobalCsvTest, ReadsEveryRowOfTheCoopsUkFile) {
  auto text = ReadFile(CoopsUkFile());
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EssglobalCsvOptions o;
  o.id_scheme = "coops-uk";
  auto parsed = ReadEssglobalCsv(*text, o);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->records, 7387);
  EXPECT_EQ(static_cast<long long>(parsed->rows.size() + parsed->rejected.size()), 7387);
  const model::Actor& first = parsed->rows.front().actor;
  EXPECT_EQ(first.identifiers.at("coops-uk"), "R006884");
  EXPECT_EQ(first.structures, std::vector<std::string>{"OS130"});
  EXPECT_EQ(first.primary_activity, "ICA280");
  EXPECT_EQ(first.membership_types, std::vector<std::string>{"BMT10"});
  ASSERT_TRUE(first.location.has_value());
  EXPECT_EQ(first.location->precision, model::LocationPrecision::kApproximate);
  EXPECT_NEAR(first.location->lat, 51.608344, 1e-9);
  EXPECT_EQ(first.address.postcode, "CF34 9YY");
  EXPECT_EQ(first.legal_form, "Society");
  EXPECT_EQ(first.attributes.at("sic_code"), "94990");
}

TEST(EssglobalCsvTest, WrongHeaderIsRefusedWithTheColumn) {
  auto parsed = ReadEssglobalCsv("Id,Name\n1,x\n", {});
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.status().message().find("'Identifier'"), std::string::npos);
}

class EssglobalImportTest : public ::testing::TestWithParam<std::string> {
 protected:
  EssglobalImportTest()
      : db_(GetParam()), clock_(std::chrono::sys_days{std::chrono::year{2026} / 11 / 28}) {}
  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    registry_ = std::make_unique<registry::Registry>(db_.store(), clock_);
    ASSERT_TRUE(registry_->LoadTaxonomies(testing::TaxonomyFolder()).ok());
  }
  FileImportOptions Options() {
    FileImportOptions o;
    o.source = "test";
    o.id_scheme = "coops-uk";
    o.id_prefix = "cuk";
    return o;
  }
  testing::TestStore db_;
  FakeClock clock_;
  std::unique_ptr<registry::Registry> registry_;
};

TEST_P(EssglobalImportTest, EveryBadRowIsReportedWithLineFieldAndReason) {
  std::string os = "https://dev.lod.coop/essglobal/2.1/standard/organisational-structure/";
  std::string file = Header() + Row({{"Identifier", "A1"}, {"Name", "Good"}}) +  // line 2
                     Row({{"Identifier", "A2"},
                          {"Name", "Far"},
                          {"Latitude", "91"},
                          {"Longitude", "0"}}) +                         // line 3
                     Row({{"Identifier", "A3"}, {"Name", "Bad\xff"}}) +  // line 4
                     "A4,too,few\n" +                                    // line 5
                     Row({{"Identifier", "A5"},
                          {"Name", "Code"},
                          {"Organisational Structure", os + "OS999"}}) +  // line 6
                     "A6,ab\"c" +
                     std::string(28, ',') + "\n" +                        // line 7
                     Row({{"Identifier", "A7"}, {"Name", "Also good"}});  // line 8
  std::string path = WriteTemp(file);
  auto report = ImportFile(*registry_, path, Options());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_FALSE(report->committed);
  EXPECT_EQ(*db_.store().CountActors(), 0);  // all-or-nothing
  ASSERT_EQ(report->rejected.size(), 5u);
  EXPECT_EQ(report->rejected[0].line, 3);
  EXPECT_EQ(report->rejected[0].field, "Latitude");
  EXPECT_EQ(report->rejected[1].line, 4);
  EXPECT_EQ(report->rejected[1].field, "Name");
  EXPECT_NE(report->rejected[1].message.find("UTF-8"), std::string::npos);
  EXPECT_EQ(report->rejected[2].line, 5);
  EXPECT_NE(report->rejected[2].message.find("column count"), std::string::npos);
  EXPECT_EQ(report->rejected[3].line, 6);
  EXPECT_EQ(report->rejected[3].field, "Organisational Structure");
  EXPECT_NE(report->rejected[3].message.find("OS999"), std::string::npos);
  EXPECT_EQ(report->rejected[4].line, 7);
  EXPECT_NE(report->rejected[4].message.find("quot"), std::string::npos);

  FileImportOptions skip = Options();
  skip.skip_invalid = true;
  report = ImportFile(*registry_, path, skip);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->committed);
  EXPECT_EQ(report->imported, 2);
  EXPECT_EQ(report->rejected.size(), 5u);
  EXPECT_EQ(*db_.store().CountActors(), 2);
  std::filesystem::remove(path);
}

TEST_P(EssglobalImportTest, ExportThenReimportChangesNothing) {
  std::string file =
      Header() +
      Row({{"Identifier", "A1"},
           {"Name", "Coopérative, \"quoted\""},
           {"Description", "two\nlines"},
           {"Country ID", "FR"},
           {"Latitude", "48.85"},
           {"Longitude", "2.35"},
           {"Membership Type",
            "https://dev.lod.coop/essglobal/2.1/standard/base-membership-type/BMT30"},
           {"Website", "https://example.coop"},
           {"SIC Code", "10710"}}) +
      Row({{"Identifier", "A2"},
           {"Name", "Second"},
           {"Geo Container Latitude", "51.5"},
           {"Geo Container Longitude", "-0.1"}});
  std::string path = WriteTemp(file);
  auto first = ImportFile(*registry_, path, Options());
  ASSERT_TRUE(first.ok() && first->committed);
  EXPECT_EQ(first->imported, 2);
  auto exported = ExportActors(*registry_, {"essglobal-csv", "coops-uk"});
  ASSERT_TRUE(exported.ok());
  std::string path2 = WriteTemp(*exported);
  auto again = ImportFile(*registry_, path2, Options());
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  ASSERT_TRUE(again->rejected.empty()) << again->rejected[0].message;
  EXPECT_EQ(again->unchanged, 2);
  EXPECT_EQ(again->updated, 0);
  EXPECT_EQ(again->imported, 0);
  std::filesystem::remove(path);
  std::filesystem::remove(path2);
}

TEST_P(EssglobalImportTest, CoopsUkFileImportsAndReimportChangesNothing) {
  FileImportOptions o = Options();
  o.claims = {"cooperative"};
  auto report = ImportFile(*registry_, CoopsUkFile(), o);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  for (const auto& e : report->rejected)
    ADD_FAILURE() << e.line << " " << e.field << " " << e.message;
  EXPECT_TRUE(report->committed);
  EXPECT_EQ(report->imported, 7387);
  EXPECT_EQ(*db_.store().CountActors(), 7387);
  auto again = ImportFile(*registry_, CoopsUkFile(), o);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->unchanged, 7387);
  EXPECT_EQ(again->updated + again->imported, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, EssglobalImportTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::interop
