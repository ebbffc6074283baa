// Co-operatives UK's register extract and economy file read: the crosswalks, dates and SIC codes,
// the real files (named rows checked field by field) and malformed input. Imports are in
// coops_uk_import_test.cc.

#include "ecosol/interop/coops_uk.h"

#include <gtest/gtest.h>

#include "coops_uk_testing.h"
#include "test_paths.h"

namespace ecosol::interop {
namespace {

using namespace coops_uk_testing;  // NOLINT(google-build-using-namespace): test helpers

// --- crosswalks, dates, SIC codes -------------------------------------------------------------

TEST(CoopsUkTest, TheCompiledCrosswalksAreTheSharedOnes) {
  for (const char* name : {"crosswalk-sic-division-to-ica-activity.csv",
                           "crosswalk-legal-ownership-to-structure-membership.csv"}) {
    EXPECT_EQ(Read(::ecosol::testing::SourceDir() + "/data/coops-uk/" + name), Read(Shared(name)))
        << name << ": the copy in data/coops-uk differs from the shared one";
  }
  auto sic = ParseSicCrosswalk(Read(Shared("crosswalk-sic-division-to-ica-activity.csv")));
  auto legal =
      ParseLegalCrosswalk(Read(Shared("crosswalk-legal-ownership-to-structure-membership.csv")));
  ASSERT_TRUE(sic.ok() && legal.ok());
  EXPECT_EQ(CoopsUkCrosswalk().ica_of_division, *sic);
  EXPECT_EQ(CoopsUkCrosswalk().ica_of_division.size(), 88u);
  EXPECT_EQ(CoopsUkCrosswalk().ica_of_division.at("94"), "ICA280");
  ASSERT_EQ(CoopsUkCrosswalk().structure_of.size(), legal->size());
  EXPECT_EQ(CoopsUkCrosswalk().structure_of.size(), 90u);
  const auto& society = CoopsUkCrosswalk().structure_of.at({"Society", "Consumers"});
  EXPECT_EQ(society.structure, "OS130");
  EXPECT_EQ(society.membership, "BMT10");
  const auto& unspecified = CoopsUkCrosswalk().structure_of.at({"Unspecified", "Unspecified"});
  EXPECT_EQ(unspecified.structure, "");
  EXPECT_EQ(unspecified.membership, "");
  EXPECT_FALSE(ParseSicCrosswalk("SIC Division,Activity ID\n4,ICA10\n").ok());
  EXPECT_FALSE(ParseLegalCrosswalk("Legal Form\nSociety\n").ok());
}

TEST(CoopsUkTest, DatesAreDayMonthYear) {
  EXPECT_EQ(IsoDateOfDayMonthYear("11/8/1863"), "1863-08-11");
  EXPECT_EQ(IsoDateOfDayMonthYear("09/06/2017"), "2017-06-09");
  EXPECT_EQ(IsoDateOfDayMonthYear("29/2/2016"), "2016-02-29");
  for (const char* bad : {"29/2/2015", "31/4/2001", "13/13/2001", "2001-02-03", "1/2/01",
                          "1/2/2001 00:00", "", "a/b/cdef", "0/1/2001", "1//2001"}) {
    EXPECT_EQ(IsoDateOfDayMonthYear(bad), "") << bad;
  }
}

TEST(CoopsUkTest, SicCodesKeepTheirDigits) {
  EXPECT_EQ(SicDigits("UKSIC07-9499"), "9499");
  EXPECT_EQ(SicDigits("uksic07-01"), "01");
  EXPECT_EQ(SicDigits("84110"), "84110");
  for (const char* bad : {"UKSIC07-", "UKSIC07-1", "UKSIC07-123456", "UKSIC03-9499", "94.99", ""}) {
    EXPECT_EQ(SicDigits(bad), "") << bad;
  }
}

// --- the real register --------------------------------------------------------------------------

TEST(CoopsUkTest, EveryOrganisationOfTheRegisterReads) {
  auto parsed = ReadCoopsUkRegister(Read(RegisterFile()), {});
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->records, 8371);
  for (const auto& e : parsed->rejected) ADD_FAILURE() << Text(e);
  ASSERT_EQ(parsed->rows.size(), 8371u);

  // The first row, field by field.
  const model::Actor* group = Find(*parsed, "R000001");
  ASSERT_NE(group, nullptr);
  EXPECT_EQ(parsed->rows.front().line, 2);
  EXPECT_EQ(group->name, "Co-operative Group Limited");
  EXPECT_EQ(group->legal_form, "Society");
  EXPECT_EQ(group->address,
            (model::Address{"1 Angel Square", "Manchester", "Lancashire", "M60 0AG", "GB"}));
  EXPECT_EQ(group->founded, "1863-08-11");
  EXPECT_EQ(group->dissolved, "");
  EXPECT_EQ(group->primary_activity, "ICA260");  // SIC division 47, retail
  EXPECT_EQ(group->structures, std::vector<std::string>{"OS130"});
  EXPECT_EQ(group->membership_types, std::vector<std::string>{"BMT10"});
  EXPECT_EQ(group->attributes, (std::map<std::string, std::string>{
                                   {"trading_name", "The Co-operative Group"},
                                   {"registered_number", "525R"},
                                   {"registrar", "FCA"},
                                   {"sic_code", "4711"},
                                   {"sic_section", "Wholesale and Retail; Vehicle Repair"},
                                   {"sic_description",
                                    "Retail sale in non-specialised stores with food, beverages "
                                    "or tobacco predominating"},
                                   {"sector", "Retail"},
                                   {"ownership_classification", "Consumers"},
                                   {"registered_status", "Live"},
                                   {"uk_nation", "England"}}));

  // A dissolved society; its street spans three lines of the file.
  const model::Actor* anglia = Find(*parsed, "R000006");
  ASSERT_NE(anglia, nullptr);
  EXPECT_EQ(anglia->founded, "1921-03-10");
  EXPECT_EQ(anglia->dissolved, "2013-12-11");
  EXPECT_EQ(anglia->attributes.at("registered_status"), "Dead");
  EXPECT_EQ(anglia->address.street, "Burch House\nSaville Road");

  // Jersey is a country of its own.
  const model::Actor* channel = Find(*parsed, "R000015");
  ASSERT_NE(channel, nullptr);
  EXPECT_EQ(channel->address.country, "JE");
  EXPECT_EQ(channel->attributes.at("uk_nation"), "Jersey");

  // A SIC code written without its prefix: division 84 (public administration) is ICA280.
  const model::Actor* bovey = Find(*parsed, "R021264");
  ASSERT_NE(bovey, nullptr);
  EXPECT_EQ(bovey->attributes.at("sic_code"), "84110");
  EXPECT_EQ(bovey->primary_activity, "ICA280");
  EXPECT_EQ(bovey->structures, std::vector<std::string>{"OS50"});  // Company, Multi-stakeholder
  EXPECT_EQ(bovey->membership_types, std::vector<std::string>{"BMT40"});
  EXPECT_EQ(bovey->attributes.count("sic_description"), 0u);  // no level columns

  // No legal form and no ownership classification: the crosswalk's Unspecified, no codes.
  const model::Actor* agency = Find(*parsed, "R001317");
  ASSERT_NE(agency, nullptr);
  EXPECT_EQ(agency->legal_form, "");
  EXPECT_TRUE(agency->structures.empty());
  EXPECT_TRUE(agency->membership_types.empty());
  EXPECT_EQ(agency->attributes.at("registrar"), "Legal Form is not defined");
}

TEST(CoopsUkTest, BadRegisterRowsAreRejectedWithLineAndColumn) {
  std::string file = Register(
      {Organisation("R1", "Good One", {{"Registered Street", "Unit 1\nMill Lane"}}),  // lines 2-3
       Organisation("R2", "Bad Date", {{"Incorporation Date", "31/2/2001"}}),
       Organisation("R3", "Unknown Division", {{"SIC Code", "UKSIC07-0499"}}),
       Organisation("R4", "Malformed Sic", {{"SIC Code", "SIC 9499"}}),
       Organisation("R5", "Strange Form", {{"Legal Form", "Plc"}}),
       Organisation("R6", "Strange Owners", {{"Ownership Classification", "Investors"}}),
       Organisation("R7", "Nowhere", {{"UK Nation", "Atlantis"}}),
       Organisation("R8", "Reversed", {{"Dissolved Date", "1/1/1990"}}),
       Organisation("R9", "Good Two")});
  auto parsed = ReadCoopsUkRegister(file, {});
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->records, 9);
  ASSERT_EQ(parsed->rejected.size(), 6u);
  EXPECT_EQ(Text(parsed->rejected[0]),
            "4 Incorporation Date: '31/2/2001' is not a date d/m/yyyy (day/month/year, e.g. "
            "11/8/1863)");
  EXPECT_EQ(
      Text(parsed->rejected[1]),
      "5 SIC Code: 'UKSIC07-0499': division 04 is not a UK SIC 2007 division of the "
      "crosswalk to ICA activities (data/coops-uk/crosswalk-sic-division-to-ica-activity.csv)");
  EXPECT_EQ(Text(parsed->rejected[2]),
            "6 SIC Code: 'SIC 9499' is not a UK SIC 2007 code: write UKSIC07- and 2 to 5 digits "
            "(e.g. UKSIC07-9499), or the digits alone");
  EXPECT_EQ(parsed->rejected[3].line, 7);
  EXPECT_EQ(parsed->rejected[3].field, "Legal Form");
  EXPECT_NE(parsed->rejected[3].message.find("'Plc' is not a legal form"), std::string::npos);
  EXPECT_NE(parsed->rejected[3].message.find("'Society'"), std::string::npos);
  EXPECT_EQ(parsed->rejected[4].line, 8);
  EXPECT_EQ(parsed->rejected[4].field, "Ownership Classification");
  EXPECT_NE(parsed->rejected[4].message.find("'Investors' is not an ownership classification"),
            std::string::npos);
  EXPECT_EQ(parsed->rejected[5].line, 9);
  EXPECT_EQ(parsed->rejected[5].field, "UK Nation");
  // The dates in the wrong order are the registry's to refuse (see the import tests).
  ASSERT_EQ(parsed->rows.size(), 3u);
  EXPECT_EQ(parsed->rows[0].actor.address.street, "Unit 1\nMill Lane");
  EXPECT_EQ(parsed->rows[1].line, 10);
  EXPECT_EQ(parsed->rows[2].line, 11);
}

TEST(CoopsUkTest, ARegisterHeaderMustHaveEveryColumnAndNoOther) {
  std::vector<std::string> columns = CoopsUkRegisterColumns();
  columns.erase(columns.begin());
  auto missing = ReadCoopsUkRegister(Csv(columns, {}), {});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(missing.status().message(),
            "line 1: the column 'CUK Organisation ID' is missing (is this Co-operatives UK's "
            "register extract? see docs/formats/coops-uk.md)");
  columns.push_back("Notes");
  columns.push_back("CUK Organisation ID");
  auto unknown = ReadCoopsUkRegister(Csv(columns, {}), {});
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("column 26 'Notes' is not a column of"),
            std::string::npos)
      << unknown.status().message();
  EXPECT_FALSE(ReadCoopsUkRegister("", {}).ok());
  // Any order will do.
  columns.erase(columns.end() - 2);
  auto reordered = ReadCoopsUkRegister(Csv(columns, {Organisation("R1", "Reordered Columns")}), {});
  ASSERT_TRUE(reordered.ok()) << reordered.status().ToString();
  ASSERT_EQ(reordered->rows.size(), 1u);
  EXPECT_EQ(reordered->rows[0].actor.identifiers.at("coops-uk"), "R1");
  EXPECT_EQ(reordered->rows[0].actor.founded, "1999-03-02");
}

// --- the economy file ---------------------------------------------------------------------------

TEST(CoopsUkTest, EveryFigureOfTheEconomyFileReads) {
  auto parsed = ReadCoopsUkEconomy(Read(EconomyFile()));
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->records, 32292);
  EXPECT_EQ(parsed->key_column, "CUK Organisation ID");
  // Only Co-ops UK's 28 totals ("N/a") are refused here; unknown organisations are the import's.
  for (const auto& e : parsed->rejected) {
    if (e.message.find("a total of Co-operatives UK's") == std::string::npos)
      ADD_FAILURE() << Text(e);
  }
  ASSERT_EQ(parsed->rejected.size(), 28u);
  EXPECT_EQ(parsed->rejected[0].line, 32266);
  EXPECT_EQ(parsed->rejected[0].message,
            "'N/a' (Unregistered co-op data 2011): a total of Co-operatives UK's, not an "
            "organisation; only organisations' figures are imported");
  EXPECT_EQ(parsed->rows.size(), 114348u);
  std::map<std::string, store::IndicatorRecord> group_2016;
  for (const IndicatorRow& row : parsed->rows) {
    if (row.key == "R000001" && row.record.period == "2016")
      group_2016[row.record.name] = row.record;
  }
  ASSERT_EQ(group_2016.size(), 5u);
  EXPECT_EQ(group_2016["turnover"].value, 9301000000.0);
  EXPECT_EQ(group_2016["turnover"].unit, "GBP");
  EXPECT_EQ(group_2016["turnover"].as_of, "2016-01-02");
  EXPECT_EQ(group_2016["profit_before_tax"].value, 23000000.0);
  EXPECT_EQ(group_2016["member_funds"].value, 8769000000.0);
  EXPECT_EQ(group_2016["members"].value, 8400000.0);
  EXPECT_EQ(group_2016["members"].unit, "people");
  EXPECT_EQ(group_2016["employees"].value, 69078.0);
}

TEST(CoopsUkTest, BadEconomyRowsAreRejectedWithLineAndColumn) {
  auto parsed = ReadCoopsUkEconomy(Economy({
      Figures("R1", "2016"),                                           // 2: good
      Figures("R1", "2015", {{"Turnover", "12,500"}}),                 // 3
      Figures("R1", "2014", {{"Employees", "-3"}}),                    // 4
      Figures("R1", "2013", {{"Memberships", "12.5"}}),                // 5
      Figures("R1", "16", {{"Year End Date", "2016-03-31"}}),          // 6
      Figures("R1", "2012", {{"Year End Date", "31/03/2012"}}),        // 7
      Figures("R1", "2011", {{"Year End Date", ""}}),                  // 8
      Figures("N/a", "2011", {{"Registered Name", "Credit Unions"}}),  // 9
      Figures("", "2011"),                                             // 10
      Figures("R1", "2016", {{"Turnover", "1"}}),                      // 11
      Figures("R1", "2010", {{"Is Most Recent?", "yes"}}),             // 12
      Figures("R2", "2016", {{"Profit before tax", "-1500.5"}}),       // 13: good
      Figures("R3", "2016", {{"Turnover", ""}, {"Memberships", ""}}),  // 14: no figures
  }));
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->records, 13);
  std::vector<std::string> rejected;
  for (const auto& e : parsed->rejected) rejected.push_back(std::to_string(e.line) + " " + e.field);
  EXPECT_EQ(rejected, (std::vector<std::string>{
                          "3 Turnover", "4 Employees", "5 Memberships", "6 Economic Year",
                          "7 Year End Date", "8 Year End Date", "9 CUK Organisation ID",
                          "10 CUK Organisation ID", "11 Economic Year", "12 Is Most Recent?"}));
  EXPECT_EQ(parsed->rejected[0].message,
            "'12,500' is not a number (digits with an optional minus sign and decimal point; no "
            "thousands separators or currency signs)");
  EXPECT_EQ(parsed->rejected[1].message, "'-3' is not a whole number of people (0 or more)");
  EXPECT_EQ(parsed->rejected[8].message, "R1 has figures for 2016 on line 2 already");
  // R1 2016 (turnover, members), R2 2016 (turnover, profit, members).
  ASSERT_EQ(parsed->rows.size(), 5u);
  EXPECT_EQ(parsed->rows[2].key, "R2");
  EXPECT_EQ(parsed->rows[3].record.name, "profit_before_tax");
  EXPECT_EQ(parsed->rows[3].record.value, -1500.5);
  EXPECT_EQ(parsed->rows[3].record.as_of, "2016-03-31");

  std::vector<std::string> columns = CoopsUkEconomyColumns();
  columns.erase(columns.begin());
  auto missing = ReadCoopsUkEconomy(Csv(columns, {}));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(),
            "line 1: the column 'CUK Organisation ID' is missing (is this Co-operatives UK's "
            "economy file? see docs/formats/coops-uk.md)");
}

TEST(CoopsUkTest, WholeFiguresAreJsonIntegers) {
  store::IndicatorRecord r{"a", "turnover", "2016", 9301000000, "GBP", "s", "2016-01-02", "t"};
  EXPECT_EQ(IndicatorToJson(r).dump(),
            "{\"as_of\":\"2016-01-02\",\"name\":\"turnover\",\"period\":\"2016\",\"recorded_at\":"
            "\"t\",\"source\":\"s\",\"unit\":\"GBP\",\"value\":9301000000}");
  r.value = -1500.5;
  EXPECT_EQ(IndicatorToJson(r)["value"], -1500.5);
  EXPECT_EQ(IndicatorsToJson("a", {r})["items"].size(), 1u);
}

}  // namespace
}  // namespace ecosol::interop
