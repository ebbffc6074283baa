// Suppliers for a tender, the engine: articles 20 and 77 of directive 2014/24 on the project's
// frameworks, the territory and activity filters, the order, and tenders that are refused.

#include "ecosol/ecosystem/suppliers.h"

#include <gtest/gtest.h>

#include "ecosol/ecosystem/blocks_service.h"
#include "test_paths.h"

namespace ecosol::ecosystem {
namespace {

using nlohmann::json;

std::shared_ptr<const screening::Catalogue> Catalogue() {
  static auto c = screening::LoadFrameworks(::ecosol::testing::SourceDir() + "/frameworks");
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  return c.ok() ? *c : nullptr;
}

model::Actor Actor(const std::string& id, const std::string& territory,
                   std::vector<std::string> activities = {"ICA140"}) {
  model::Actor a;
  a.id = id;
  a.name = id;
  a.territory = territory;
  a.activities = std::move(activities);
  return a;
}

model::Actor Buyer() {
  model::Actor a = Actor("cardiff-cc", "GB/wales/cardiff", {});
  a.name = "Cardiff Council";
  a.kind = model::ActorKind::kPublicBody;
  return a;
}

SupplierCandidate Candidate(const model::Actor& actor, const json& facts, long long version = 1) {
  auto profile = screening::ParseProfile(facts, *Catalogue());
  EXPECT_TRUE(profile.ok()) << profile.status().ToString();
  return {actor, profile.ok() ? *profile : screening::Profile{}, version};
}

Tender Art(const std::string& reservation) {
  Tender t;
  t.buyer = "cardiff-cc";
  t.title = "Home care for older people";
  t.reference = "CCC-2026-014";
  t.date = "2026-11-29";
  t.activities = {"ICA140"};
  t.territory = "GB/wales";
  t.reservation = reservation;
  t.max_duration_years = 3;
  return t;
}

json Art20Facts(int paid, int vulnerable) {
  return {{"purpose", {{"work_integration", true}}},
          {"workforce", {{"paid_workers", paid}, {"vulnerable_workers", vulnerable}}}};
}

json Art77Facts() {
  return {{"purpose", {{"general_interest", true}}},
          {"profits", {{"distributable", false}}},
          {"governance", {{"voting_rule", "one_member_one_vote"}}}};
}

const SupplierResult* Find(const SupplierReport& r, const std::string& id) {
  for (const SupplierResult& s : r.suppliers) {
    if (s.actor.id == id) return &s;
  }
  return nullptr;
}

json Condition(const json& supplier, const std::string& id) {
  for (const json& c : supplier["conditions"]) {
    if (c["id"] == id) return c;
  }
  return nullptr;
}

TEST(SuppliersTest, ReservationFrameworksLoadButAreNotScreenedByDefault) {
  auto c = Catalogue();
  ASSERT_TRUE(c);
  for (const char* id : {"eu-2014-24-art20", "eu-2014-24-art77"}) {
    const screening::Framework* f = c->Find(id);
    ASSERT_NE(f, nullptr) << id;
    EXPECT_EQ(f->kind, kReservationKind);
  }
  auto profile = screening::ParseProfile(Art77Facts(), *c);
  ASSERT_TRUE(profile.ok());
  for (const screening::Framework* f : screening::DefaultFrameworks(*profile, *c)) {
    EXPECT_NE(f->kind, kReservationKind) << f->id;
  }
}

TEST(SuppliersTest, Art20SharesOfDisadvantagedWorkersDecide) {
  std::vector<SupplierCandidate> candidates = {
      Candidate(Actor("wise-a", "GB/wales/cardiff"), Art20Facts(10, 4)),
      Candidate(Actor("wise-b", "GB/wales"), Art20Facts(10, 2)),
      Candidate(Actor("never-screened", "GB/wales"), json::object(), 0)};
  SupplierReport r = FindSuppliers(Art("eu-2014-24-art20"), Buyer(), candidates, {}, *Catalogue());
  ASSERT_EQ(r.suppliers.size(), 3u);
  EXPECT_EQ(r.suppliers[0].actor.id, "wise-a");
  EXPECT_EQ(r.suppliers[0].verdict, SupplierVerdict::kEligible);
  // Not eligible with every fact known comes before insufficient evidence with none.
  EXPECT_EQ(r.suppliers[1].actor.id, "wise-b");
  EXPECT_EQ(r.suppliers[1].verdict, SupplierVerdict::kNotEligible);
  EXPECT_EQ(r.suppliers[2].verdict, SupplierVerdict::kInsufficientEvidence);
  EXPECT_EQ(r.suppliers[2].decided, 0);

  json out = Localize(ToJson(r), "en");
  EXPECT_EQ(out["counts"]["eligible"], 1);
  json share = Condition(out["suppliers"][1], "art20.disadvantaged_share");
  EXPECT_EQ(share["status"], "not_met");
  EXPECT_EQ(share["facts"][0]["fact"], "workforce.vulnerable_workers");
  EXPECT_EQ(share["facts"][0]["value"], 2);
  EXPECT_EQ(share["facts"][0]["source"], "declared");
  EXPECT_NE(share["text"].get<std::string>().find("30%"), std::string::npos);
  EXPECT_EQ(out["suppliers"][2]["screened"], false);
  EXPECT_NE(out["suppliers"][2]["summary"].get<std::string>().find("never been screened"),
            std::string::npos);
}

TEST(SuppliersTest, Art77AwardTwoYearsBeforeExcludesFourYearsBeforeDoesNot) {
  std::vector<SupplierCandidate> candidates = {
      Candidate(Actor("care-coop", "GB/wales"), Art77Facts())};
  Award award{"award-1", "care-coop", "cardiff-cc", "2024-11-30", "eu-2014-24-art77", "old"};
  SupplierReport recent =
      FindSuppliers(Art("eu-2014-24-art77"), Buyer(), candidates, {award}, *Catalogue());
  ASSERT_EQ(recent.suppliers.size(), 1u);
  EXPECT_EQ(recent.suppliers[0].verdict, SupplierVerdict::kNotEligible);
  ASSERT_EQ(recent.suppliers[0].recent_awards.size(), 1u);
  json d = Condition(ToJson(recent)["suppliers"][0], "art77.no_recent_award");
  EXPECT_EQ(d["status"], "not_met");
  EXPECT_EQ(d["facts"][0]["value"], true);
  EXPECT_EQ(d["facts"][0]["source"], "awards");

  award.date = "2022-11-29";  // four years before
  SupplierReport old =
      FindSuppliers(Art("eu-2014-24-art77"), Buyer(), candidates, {award}, *Catalogue());
  EXPECT_EQ(old.suppliers[0].verdict, SupplierVerdict::kEligible);
  EXPECT_TRUE(old.suppliers[0].recent_awards.empty());

  // An award under article 20, or from another buyer, does not count for (d).
  award.date = "2025-06-01";
  award.reservation = "eu-2014-24-art20";
  EXPECT_TRUE(RecentArt77Awards(Art("eu-2014-24-art77"), "care-coop", {award}).empty());
  award.reservation = "eu-2014-24-art77";
  award.buyer = "newport-cc";
  EXPECT_TRUE(RecentArt77Awards(Art("eu-2014-24-art77"), "care-coop", {award}).empty());
}

TEST(SuppliersTest, Art77ConditionsReadTheProfileWithTheirSources) {
  json capital_led = {
      {"purpose", {{"general_interest", true}}},
      {"profits", {{"distributable", true}, {"dividends", 0.6}, {"patronage_refunds", false}}},
      {"governance",
       {{"voting_rule", "capital_proportional"},
        {"stakeholder_bodies", std::vector<std::string>{"funders"}}}},
      {"control", {{"worker_ownership_share", 0.0}}}};
  std::vector<SupplierCandidate> candidates = {
      Candidate(Actor("care-ltd", "GB/wales"), capital_led),
      Candidate(Actor("care-assoc", "GB/wales"), {{"purpose", {{"general_interest", true}}}})};
  SupplierReport r = FindSuppliers(Art("eu-2014-24-art77"), Buyer(), candidates, {}, *Catalogue());
  EXPECT_EQ(Find(r, "care-ltd")->verdict, SupplierVerdict::kNotEligible);
  EXPECT_EQ(Find(r, "care-assoc")->verdict, SupplierVerdict::kInsufficientEvidence);
  EXPECT_EQ(Find(r, "care-assoc")->decided, 2);  // (a) and (d)
  EXPECT_EQ(Find(r, "care-assoc")->conditions, 4);
  json out = Localize(ToJson(r), "fr");
  json b = Condition(out["suppliers"][0], "art77.reinvested_profits");
  EXPECT_EQ(b["status"], "not_met");
  EXPECT_NE(b["text"].get<std::string>().find("dividendes"), std::string::npos);
  EXPECT_EQ(out["reservation"]["framework"], "eu-2014-24-art77");
}

TEST(SuppliersTest, TerritoryAndActivitiesFilterTheCandidates) {
  model::Actor by_sector = Actor("sector-match", "GB/wales/newport", {});
  by_sector.attributes["sector"] = "Social Care";
  model::Actor council = Actor("other-council", "GB/wales");
  council.structures = {"OS220"};
  std::vector<SupplierCandidate> candidates = {
      Candidate(Actor("in-cardiff", "GB/wales/cardiff"), json::object()),
      Candidate(Actor("other-activity", "GB/wales", {"ICA230"}), json::object()),
      Candidate(Actor("england", "GB/england"), json::object()),
      Candidate(Actor("prefix-only", "GB/walesx"), json::object()),
      Candidate(by_sector, json::object()),
      Candidate(council, json::object()),
      Candidate(Buyer(), json::object())};
  Tender t = Art("");
  t.activities = {"ICA140", "social care"};
  SupplierReport r = FindSuppliers(t, Buyer(), candidates, {}, *Catalogue());
  std::vector<std::string> ids;
  for (const SupplierResult& s : r.suppliers) ids.push_back(s.actor.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"in-cardiff", "sector-match"}));
  EXPECT_EQ(Find(r, "sector-match")->matched_activities, std::vector<std::string>{"social care"});
  // Not reserved: every candidate is eligible and there are no conditions.
  EXPECT_EQ(Find(r, "in-cardiff")->verdict, SupplierVerdict::kEligible);
  EXPECT_TRUE(ToJson(r)["suppliers"][0]["conditions"].empty());
  EXPECT_TRUE(ToJson(r)["reservation"].is_null());
}

void ExpectRefused(const Tender& t, const model::Actor* buyer, const std::string& words,
                   StatusCode code = StatusCode::kInvalidArgument) {
  Status s = CheckTender(t, buyer, *Catalogue());
  ASSERT_FALSE(s.ok()) << words;
  EXPECT_EQ(s.code(), code) << s.ToString();
  EXPECT_NE(s.message().find(words), std::string::npos) << s.ToString();
}

TEST(SuppliersTest, BadTendersAreRefusedSayingWhatAndHowToFix) {
  model::Actor buyer = Buyer();
  EXPECT_TRUE(CheckTender(Art("eu-2014-24-art77"), &buyer, *Catalogue()).ok());
  Tender t = Art("un-ilo");
  ExpectRefused(t, &buyer, "reservation: 'un-ilo' is not a tender reservation framework");
  t = Art("eu-2014-24-art77");
  t.max_duration_years = 4;
  ExpectRefused(t, &buyer, "at most 3 years (art. 77(3))");
  t.max_duration_years.reset();
  ExpectRefused(t, &buyer, "max_duration_years");
  t = Art("eu-2014-24-art20");
  t.max_duration_years = 4;  // article 20 sets no limit
  EXPECT_TRUE(CheckTender(t, &buyer, *Catalogue()).ok());
  t.activities.clear();
  ExpectRefused(t, &buyer, "activities: give at least one");
  t = Art("");
  t.territory = "GB//wales";
  ExpectRefused(t, &buyer, "territory: 'GB//wales' is not a territory id");
  t = Art("");
  t.date = "29/11/2026";
  ExpectRefused(t, &buyer, "YYYY-MM-DD");
  ExpectRefused(Art(""), nullptr, "no actor with id 'cardiff-cc'", StatusCode::kNotFound);
  model::Actor coop = Actor("cardiff-cc", "GB/wales");
  ExpectRefused(Art(""), &coop, "is not a public body");
}

TEST(SuppliersTest, TenderDocumentsAreReadStrictly) {
  json doc = {{"buyer", "cardiff-cc"},   {"title", "Home care"},
              {"date", "2026-11-29"},    {"activities", {"ICA140"}},
              {"territory", "GB/wales"}, {"reservation", "eu-2014-24-art77"},
              {"max_duration_years", 3}};
  auto t = TenderFromJson(doc, "request body");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->activities, std::vector<std::string>{"ICA140"});
  EXPECT_EQ(TenderToJson(*t)["max_duration_years"], 3.0);
  doc["budget"] = 100;
  auto bad = TenderFromJson(doc, "request body");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("unknown key 'budget'"), std::string::npos);
  doc.erase("budget");
  doc["activities"] = "ICA140";
  EXPECT_FALSE(TenderFromJson(doc, "request body").ok());
}

}  // namespace
}  // namespace ecosol::ecosystem
