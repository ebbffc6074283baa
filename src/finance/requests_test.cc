// The finance operations as JSON requests: what the CLI and the API will send and receive.

#include "ecosol/finance/requests.h"

#include <gtest/gtest.h>

#include "catalogue_test_util.h"

namespace ecosol::finance {
namespace {

using nlohmann::json;
using testing::Mechanisms;
using testing::Readiness;

json Assessment(const std::string& date, int each) {
  json scores = json::object();
  for (const ReadinessDimension& d : Readiness().dimensions) scores[d.id] = each;
  return {{"organisation", "coop-1"},
          {"date", date},
          {"scores", scores},
          {"governance", {{"mission_lock", 2}, {"asset_lock", 2}}}};
}

TEST(RequestsTest, MatchGivesMechanismsAndFundersInTheLanguageAsked) {
  json request = json::parse(R"({"lang": "pt",
    "organisation": {"id": "group-1", "region": "SN", "amount_sought": 1000,
      "facts": {"legal_form": "informal_group", "purpose": {"social": true},
                "workforce": {"paid_workers": 0}}},
    "funders": [{"id": "f", "mechanisms": ["rosca", "equity_with_votes"]}]})");
  auto out = MatchRequest(Mechanisms(), Readiness(), request);
  ASSERT_TRUE(out.ok()) << out.status().message();
  const json& first = (*out)["mechanisms"]["mechanisms"][0];
  EXPECT_EQ(first["fit"], "fits");
  EXPECT_EQ((*out)["funders"]["results"][0]["eligibility"], "eligible");
  EXPECT_EQ((*out)["funders"]["results"][0]["fitting_mechanisms"], json::array({"rosca"}));
  bool saw_rosca = false;
  for (const json& m : (*out)["mechanisms"]["mechanisms"]) {
    if (m["mechanism"] == "rosca") {
      saw_rosca = true;
      EXPECT_EQ(m["label"], "Associação rotativa de poupança e crédito");
    }
  }
  EXPECT_TRUE(saw_rosca);
}

TEST(RequestsTest, BadRequestsSayWhatIsWrong) {
  auto out = MatchRequest(Mechanisms(), Readiness(), json::parse(R"({"lang": "de"})"));
  EXPECT_EQ(out.status().message(), "lang: \"de\" is not one of en, fr, es, pt");
  out = MatchRequest(Mechanisms(), Readiness(), json::parse(R"({"organisation": {"id": "x",
      "facts": {"legal_form": "coop"}}})"));
  EXPECT_EQ(out.status().message().substr(0, 46), "organisation: facts.legal_form: 'coop' is not ");
  out = ApplicantsRequest(Mechanisms(), Readiness(),
                          json::parse(R"({"funder": {"id": "f", "mechanisms": ["grant"]},
                                          "organisations": {}})"));
  EXPECT_EQ(out.status().message(), "organisations: expected a list of profiles");
  out = ReadinessRequest(Readiness(), json::parse("[]"));
  EXPECT_EQ(out.status().message(), "request: expected a JSON object");
}

TEST(RequestsTest, ApplicantsAreRankedForAFunder) {
  json request = json::parse(R"({"funder": {"id": "f", "mechanisms": ["grant"],
      "regions": ["FR"]},
    "organisations": [
      {"id": "a", "region": "BE", "facts": {"purpose": {"social": true}}},
      {"id": "b", "region": "FR/idf", "facts": {"purpose": {"social": true}}}]})");
  auto out = ApplicantsRequest(Mechanisms(), Readiness(), request);
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_EQ((*out)["results"][0]["organisation"], "b");
  EXPECT_EQ((*out)["results"][0]["eligibility"], "eligible");
  EXPECT_EQ((*out)["results"][1]["eligibility"], "not_eligible");
}

TEST(RequestsTest, ReadinessGivesLatestHistoryAndChange) {
  json request = {{"lang", "es"},
                  {"assessments", {Assessment("2026-09-01", 2), Assessment("2026-01-15", 1)}}};
  auto out = ReadinessRequest(Readiness(), request);
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_EQ((*out)["latest"]["date"], "2026-09-01");
  EXPECT_EQ((*out)["latest"]["pipeline"]["label"], "Financiación reembolsable");
  EXPECT_EQ((*out)["history"][0]["date"], "2026-01-15");
  EXPECT_EQ((*out)["history"][0]["pipeline"], "grant");
  EXPECT_EQ((*out)["change"]["total"]["change"], 7);

  json one = {{"assessments", json::array({Assessment("2026-01-15", 1)})}};
  out = ReadinessRequest(Readiness(), one);
  ASSERT_TRUE(out.ok());
  EXPECT_TRUE((*out)["change"].is_null());

  json mixed = request;
  mixed["assessments"][1]["organisation"] = "other";
  out = ReadinessRequest(Readiness(), mixed);
  EXPECT_EQ(out.status().message(),
            "assessments[1]: assesses 'other', not 'coop-1' (give one organisation's "
            "assessments)");
}

}  // namespace
}  // namespace ecosol::finance
