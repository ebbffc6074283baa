#include "ecosol/model/json.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace ecosol::model {
namespace {

Actor SampleActor() {
  Actor a;
  a.id = "tiess";
  a.kind = ActorKind::kNetwork;
  a.name = "TIESS";
  a.names = {{"fr", "Territoires innovants en économie sociale et solidaire"}};
  a.description = {{"en", "Liaison and transfer"}};
  a.structures = {"OS200"};
  a.activities = {"ICA200", "ICA280"};
  a.primary_activity = "ICA200";
  a.address.country = "CA";
  a.address.locality = "Montréal";
  a.location = Location{45.5, -73.56, LocationPrecision::kApproximate};
  a.identifiers = {{"neq", "1234"}};
  a.attributes = {{"sector", "Education"}};
  a.provenance = {{"name", Provenance{"seed", "2026-11-28", "declared"}}};
  a.version = 3;
  return a;
}

TEST(ActorJsonTest, RoundTripsEveryField) {
  Actor a = SampleActor();
  auto back = ActorFromJson(ActorToJson(a), /*allow_server_fields=*/true);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, a);
}

// FilledDataFields (used to stamp provenance without building JSON) names exactly the data
// fields that ActorToJson writes with a value.
TEST(ActorJsonTest, FilledDataFieldsAgreeWithTheJsonForm) {
  Actor full = SampleActor();
  full.legal_form = "Co-operative";
  full.membership_types = {"BMT20"};
  full.qualifiers = {"q"};
  full.claims = {"cooperative"};
  full.territory = "CA/montreal";
  full.website = "https://tiess.ca";
  full.contacts = {{"email", "info@tiess.ca"}};
  full.founded = "2013";
  full.dissolved = "2030-01-01";
  Actor sparse;
  sparse.name = "x";
  Actor address_only;
  address_only.address.postcode = "H2X";
  for (const Actor& a : {full, sparse, address_only, Actor{}}) {
    std::vector<std::string> expected;
    const nlohmann::json j = ActorToJson(a);
    for (const auto& [field, value] : j.items()) {
      if (field == "id" || field == "provenance" || field == "version" || field == "updated_at" ||
          field == "deleted" || field == "visibility" || field == "field_visibility") {
        continue;
      }
      bool empty = value.is_null() || (value.is_string() && value.get<std::string>().empty()) ||
                   ((value.is_array() || value.is_object()) && value.empty());
      if (!empty) expected.push_back(field);
    }
    std::vector<std::string> got;
    for (std::string_view f : FilledDataFields(a)) got.emplace_back(f);
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, expected) << j.dump();
  }
  EXPECT_EQ(FilledDataFields(full).size(), 20u);
}

// Found by the fuzzer (fuzz/json_fuzz.cc): a number beyond a double's range threw an exception
// that ParseJson let escape (a 500 from the API, an abort from the CLI).
TEST(ParseJsonTest, NumbersOutOfRangeAreInvalidInput) {
  auto r = ParseJson(R"({"name": "x", "location": {"lat": 1e400, "lon": 0}})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("number"), std::string::npos) << r.status().message();
  EXPECT_FALSE(ParseJson("{\"a\": ").ok());
}

TEST(ActorJsonTest, UnknownFieldIsNamed) {
  auto r = ActorFromJson(nlohmann::json{{"name", "x"}, {"nmae", "y"}});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("nmae"), std::string::npos);
}

TEST(ActorJsonTest, ServerFieldsAreRejectedFromClients) {
  auto r = ActorFromJson(nlohmann::json{{"name", "x"}, {"version", 4}});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("version"), std::string::npos);
}

TEST(ActorJsonTest, WrongTypesAndBadEnumsAreErrors) {
  EXPECT_FALSE(ActorFromJson(nlohmann::json{{"structures", "OS10"}}).ok());
  auto r = ActorFromJson(nlohmann::json{{"kind", "company"}});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("informal_group"), std::string::npos);
  auto loc = ActorFromJson(
      nlohmann::json::parse(R"({"location": {"lat": 1, "lon": 2, "precision": "fuzzy"}})"));
  EXPECT_FALSE(loc.ok());
}

TEST(ActorJsonTest, PatchChangesOnlyGivenFieldsAndNullClears) {
  Actor a = SampleActor();
  ASSERT_TRUE(ApplyActorPatch(nlohmann::json::parse(R"({"website": "https://tiess.ca",
      "location": null})"),
                              &a)
                  .ok());
  EXPECT_EQ(a.website, "https://tiess.ca");
  EXPECT_FALSE(a.location.has_value());
  EXPECT_EQ(a.name, "TIESS");
  EXPECT_FALSE(ApplyActorPatch(nlohmann::json{{"id", "other"}}, &a).ok());
}

TEST(ActorJsonTest, SameDataIgnoresVersionsAndDates) {
  Actor a = SampleActor();
  Actor b = a;
  b.version = 9;
  b.provenance["name"].date = "2030-01-01";
  EXPECT_TRUE(SameData(a, b));
  b.website = "x";
  EXPECT_FALSE(SameData(a, b));
}

TEST(RelationshipJsonTest, RoundTripsAndRejectsBadType) {
  Relationship r{"rel-1",      "tiess", "ripess", RelationshipType::kMemberOf,
                 "2018-01-01", "",      0.7,      "member",
                 {},           2,       "",       false};
  auto back = RelationshipFromJson(RelationshipToJson(r), true);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, r);
  EXPECT_FALSE(RelationshipFromJson(nlohmann::json{{"type", "likes"}}).ok());
}

TEST(ParseJsonTest, ErrorSaysWhere) {
  auto r = ParseJson("{\"a\": \n ,}");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("line 2"), std::string::npos) << r.status().message();
}

}  // namespace
}  // namespace ecosol::model
