// Social finance over the store: records checked before they are written, versioned, deleted
// and restored; bundles all or nothing; the organisation, fund, allocation and loan-book views.
// On both backends.

#include "ecosol/finance/service.h"

#include <gtest/gtest.h>

#include <chrono>

#include "ecosol/model/actor.h"
#include "ecosol/registry/registry.h"
#include "test_paths.h"
#include "test_store.h"

namespace ecosol::finance {
namespace {

using nlohmann::json;

const std::string kFrameworks = ::ecosol::testing::SourceDir() + "/frameworks";

// 10,000.00 in four tranches: grant (first loss) 1,000, junior 2,000, senior 5,000 and public
// 2,000 senior (fund_test.cc).
json FundDoc() {
  json fund = json::parse(R"({"id": "fund-1", "name": "Solidarity fund", "currency": "CAD",
    "tranches": [
    {"id": "grant", "source": "private", "instrument": "grant", "committed": 100000,
     "target_return": null, "loss_order": 1},
    {"id": "junior", "source": "private", "instrument": "quasi_equity", "committed": 200000,
     "target_return": 0.08, "loss_order": 2},
    {"id": "senior", "source": "private", "instrument": "senior_debt", "committed": 500000,
     "target_return": 0.04, "loss_order": 3},
    {"id": "public", "source": "public", "instrument": "senior_debt", "committed": 200000,
     "target_return": 0.02, "loss_order": 3}],
    "leverage": {"min_private_per_public": 2, "source": "Canada SFF"},
    "allocation": {"rules": {"budget": 100}}})");
  return fund;
}

// All-or-nothing applications (min = requested) for a budget of 100: a (60, impact 60) and
// c (40, impact 45) fill it for 105; any pair with b (50, impact 40) does worse. Each brings
// twice its grant in private money, so the fund's 2:1 leverage rule holds.
json Application(const std::string& id, double requested, double impact) {
  return {{"id", id},
          {"requested", requested},
          {"min_grant", requested},
          {"impact_score", impact},
          {"private_capital", 2 * requested},
          {"region", "CA/QC"}};
}

// 12,000.00 at 12%, monthly annuity over 12 months: 1,066.19 a month (loan_par_test.cc).
json Loan(const std::string& id, const std::string& disbursed_on,
          const std::vector<std::string>& paid_on) {
  json payments = json::array();
  for (const std::string& d : paid_on) payments.push_back({{"date", d}, {"amount", 106619}});
  return {{"id", id},
          {"terms",
           {{"principal", 1200000},
            {"annual_rate", 0.12},
            {"method", "annuity"},
            {"frequency", "monthly"},
            {"periods", 12},
            {"disbursed_on", disbursed_on}}},
          {"payments", payments}};
}

json Assessment(const std::string& date, int score) {
  return {{"organisation", "coop-1"},
          {"date", date},
          {"scores",
           {{"individual", score},
            {"proposition", score},
            {"people", score},
            {"performance", score},
            {"plan", score},
            {"growth_capital", score},
            {"documents", score}}},
          {"governance", {{"mission_lock", 2}, {"asset_lock", 2}}}};
}

class FinanceServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  FinanceServiceTest()
      : db_(GetParam()), clock_(std::chrono::sys_days{std::chrono::year{2026} / 7 / 1}) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    auto fw = FinanceFrameworksIn(kFrameworks);
    ASSERT_TRUE(fw.ok()) << fw.status().ToString();
    fw_ = *fw;
  }

  Result<store::FinanceRecord> Put(const std::string& kind, const std::string& id, json doc,
                                   long long base = 0, const std::string& actor = "",
                                   const std::string& parent = "") {
    PutRecordRequest put;
    put.kind = kind;
    put.id = id;
    put.doc = std::move(doc);
    put.base_version = base;
    put.actor_id = actor;
    put.parent = parent;
    put.who = "user:usr-1";
    return PutRecord(db_.store(), clock_, *fw_, put);
  }

  void AddCoop() {
    registry::Registry reg(db_.store(), clock_);
    ASSERT_TRUE(reg.LoadTaxonomies(testing::TaxonomyFolder()).ok());
    model::Actor a;
    a.id = "coop-1";
    a.name = "Coop Un";
    a.kind = model::ActorKind::kOrganisation;
    a.legal_form = "cooperative";
    a.territory = "CA/quebec";
    auto created = reg.CreateActor(a, "test", "api");
    ASSERT_TRUE(created.ok()) << created.status().ToString();
  }

  testing::TestStore db_;
  FakeClock clock_;
  std::shared_ptr<const FinanceFrameworks> fw_;
};

TEST_P(FinanceServiceTest, RecordsAreCheckedVersionedDeletedAndRestored) {
  auto v1 = Put("fund", "fund-1", FundDoc());
  ASSERT_TRUE(v1.ok()) << v1.status().ToString();
  EXPECT_EQ(v1->version, 1);
  EXPECT_EQ(v1->at, "2026-07-01T00:00:00Z");

  // The same document again writes nothing.
  auto same = Put("fund", "fund-1", FundDoc(), 1);
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->version, 1);

  json changed = FundDoc();
  changed["name"] = "Renamed";
  auto v2 = Put("fund", "fund-1", changed, 1);
  ASSERT_TRUE(v2.ok()) << v2.status().ToString();
  EXPECT_EQ(v2->version, 2);

  // A write from version 1 after version 2 is refused.
  changed["name"] = "Stale";
  auto stale = Put("fund", "fund-1", changed, 1);
  EXPECT_EQ(stale.status().code(), StatusCode::kConflict);
  EXPECT_NE(stale.status().message().find("is at version 2, not 1"), std::string::npos);
  // A new record whose id exists is refused too.
  EXPECT_EQ(Put("fund", "fund-1", FundDoc(), 0).status().code(), StatusCode::kConflict);

  // A bad document is refused with the field named, and nothing is written.
  json bad = FundDoc();
  bad["tranches"][0]["committed"] = -5;
  auto refused = Put("fund", "fund-1", bad, 2);
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  json misspelt = FundDoc();
  misspelt["alocation"] = json::object();
  EXPECT_EQ(Put("fund", "fund-1", misspelt, 2).status().message(),
            "fund.alocation: unknown field; known fields: id, name, currency, tranches, "
            "leverage, allocation");
  json wrong_id = FundDoc();
  wrong_id["id"] = "fund-2";
  EXPECT_EQ(Put("fund", "fund-1", wrong_id, 2).status().message(),
            "fund.id: \"fund-2\" differs from the record id 'fund-1'; make them equal");
  EXPECT_EQ(GetRecord(db_.store(), "fund", "fund-1")->version, 2);

  auto deleted = DeleteRecord(db_.store(), clock_, "fund", "fund-1", 2, "user:usr-2");
  ASSERT_TRUE(deleted.ok()) << deleted.status().ToString();
  EXPECT_TRUE(deleted->deleted);
  EXPECT_EQ(deleted->version, 3);
  EXPECT_EQ(DeleteRecord(db_.store(), clock_, "fund", "fund-1", 3, "u").status().code(),
            StatusCode::kNotFound);
  auto list = FundList(db_.store());
  ASSERT_TRUE(list.ok());
  EXPECT_TRUE((*list)["items"].empty());

  // Putting it again restores it.
  auto restored = Put("fund", "fund-1", FundDoc(), 3);
  ASSERT_TRUE(restored.ok()) << restored.status().ToString();
  EXPECT_FALSE(restored->deleted);
  EXPECT_EQ(restored->version, 4);
  EXPECT_EQ(GetRecord(db_.store(), "fund", "fund-1", 2)->version, 2);
  EXPECT_EQ(GetRecord(db_.store(), "fund", "nope").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(GetRecord(db_.store(), "bond", "x").status().message(),
            "kind: unknown finance record kind 'bond' (known: funder, profile, assessment, "
            "fund, application, loan, guarantee_fund, share_register, campaign, allocation)");
}

TEST_P(FinanceServiceTest, ApplicationsBelongToAStoredFund) {
  EXPECT_EQ(Put("application", "a", Application("a", 60, 60), 0, "", "fund-1").status().message(),
            "actor_id: an application comes from an organisation; give its actor id");
  EXPECT_EQ(Put("application", "a", Application("a", 60, 60), 0, "coop-1").status().message(),
            "parent: an application belongs to a fund; give the fund's id");
  EXPECT_EQ(
      Put("application", "a", Application("a", 60, 60), 0, "coop-1", "fund-9").status().message(),
      "parent: no fund 'fund-9'; write the fund first or leave the parent out");
  ASSERT_TRUE(Put("fund", "fund-1", FundDoc()).ok());
  json bad = Application("a", 60, 60);
  bad["impact"] = 3;
  EXPECT_EQ(Put("application", "a", bad, 0, "coop-1", "fund-1").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_TRUE(Put("application", "a", Application("a", 60, 60), 0, "coop-1", "fund-1").ok());
}

TEST_P(FinanceServiceTest, BundlesAreWrittenWholeOrNotAtAll) {
  json bundle = {
      {"application", json::array({{{"id", "a"},
                                    {"parent", "fund-1"},
                                    {"actor_id", "coop-1"},
                                    {"doc", Application("a", 60, 60)}}})},
      {"fund", json::array({{{"id", "fund-1"}, {"doc", FundDoc()}}})},
      {"loan",
       json::array(
           {{{"id", "L1"}, {"actor_id", "coop-1"}, {"doc", Loan("L1", "2026-01-01", {})}}})}};
  json broken = bundle;
  broken["loan"][0]["doc"]["terms"]["periods"] = 0;
  auto refused = ImportFinanceBundle(db_.store(), clock_, *fw_, broken, "import");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().message().rfind("loan[0]: ", 0), 0u) << refused.status().message();
  EXPECT_TRUE((*FundList(db_.store()))["items"].empty());

  // Funds are written before their applications, whatever the bundle's order.
  auto imported = ImportFinanceBundle(db_.store(), clock_, *fw_, bundle, "import");
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  EXPECT_EQ(imported->written, 3);
  auto again = ImportFinanceBundle(db_.store(), clock_, *fw_, bundle, "import");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->written, 0);
  EXPECT_EQ(again->unchanged, 3);
}

TEST_P(FinanceServiceTest, FundViewShowsTheStackLeverageAndWaterfall) {
  ASSERT_TRUE(Put("fund", "fund-1", FundDoc()).ok());
  FundViewRequest request;
  request.fund_id = "fund-1";
  request.loss = 150000;
  auto view = FundView(db_.store(), clock_, request);
  ASSERT_TRUE(view.ok()) << view.status().ToString();
  const json& w = (*view)["waterfall"];
  EXPECT_EQ(w["loss"], 150000);
  EXPECT_EQ(w["tranches"][0]["id"], "grant");
  EXPECT_EQ(w["tranches"][0]["absorbed"], 100000);
  EXPECT_EQ(w["tranches"][1]["absorbed"], 50000);
  EXPECT_EQ(w["tranches"][2]["absorbed"], 0);
  ASSERT_EQ((*view)["losses"].size(), 11u);
  EXPECT_EQ((*view)["losses"][10]["loss"], 1000000);
  EXPECT_EQ((*view)["losses"][10]["unabsorbed"], 0);
  // 8,000 private for 2,000 public: 4 per 1, the 2:1 rule passes.
  EXPECT_EQ((*view)["leverage"]["passes"], true);
  EXPECT_DOUBLE_EQ((*view)["leverage"]["ratio"].get<double>(), 4.0);
  EXPECT_TRUE((*view)["allocation"].is_null());

  // Without a loss: 10% of the committed total.
  request.loss.reset();
  EXPECT_EQ((*FundView(db_.store(), clock_, request))["waterfall"]["loss"], 100000);
  // Losses fall on drawn capital: with half of the public tranche drawn, the chart runs to
  // 9,000.00 and the default loss is 900.00.
  json half_drawn = FundDoc();
  half_drawn["tranches"][3]["drawn"] = 100000;
  ASSERT_TRUE(Put("fund", "fund-1", half_drawn, 1).ok());
  auto drawn = FundView(db_.store(), clock_, request);
  ASSERT_TRUE(drawn.ok()) << drawn.status().ToString();
  EXPECT_EQ((*drawn)["losses"][10]["loss"], 900000);
  EXPECT_EQ((*drawn)["losses"][10]["unabsorbed"], 0);
  EXPECT_EQ((*drawn)["waterfall"]["loss"], 90000);

  request.fund_id = "nope";
  EXPECT_EQ(FundView(db_.store(), clock_, request).status().code(), StatusCode::kNotFound);
}

TEST_P(FinanceServiceTest, AllocationOfAStoredFundIsOptimalAndSaved) {
  ASSERT_TRUE(Put("fund", "fund-1", FundDoc()).ok());
  AllocateFundRequest request;
  request.fund_id = "fund-1";
  request.who = "user:usr-2";
  EXPECT_EQ(AllocateFund(db_.store(), clock_, request).status().message(),
            "fund 'fund-1' has no applications; add applications with the fund as parent");
  ASSERT_TRUE(Put("application", "a", Application("a", 60, 60), 0, "coop-1", "fund-1").ok());
  ASSERT_TRUE(Put("application", "b", Application("b", 50, 40), 0, "coop-2", "fund-1").ok());
  ASSERT_TRUE(Put("application", "c", Application("c", 40, 45), 0, "coop-3", "fund-1").ok());

  auto answer = AllocateFund(db_.store(), clock_, request);
  ASSERT_TRUE(answer.ok()) << answer.status().ToString();
  EXPECT_EQ((*answer)["status"], "optimal");
  EXPECT_NEAR((*answer)["impact"].get<double>(), 105, 1e-6);
  ASSERT_EQ((*answer)["applications"].size(), 3u);
  EXPECT_EQ((*answer)["applications"][0]["actor_id"], "coop-1");
  EXPECT_NEAR((*answer)["applications"][0]["mip"].get<double>(), 60, 1e-6);
  EXPECT_NEAR((*answer)["applications"][1]["mip"].get<double>(), 0, 1e-6);
  EXPECT_FALSE(answer->contains("saved"));
  // Without private money the leverage rule (taken from the fund) allows no grant at all.
  ASSERT_TRUE(Put(
                  "application", "c",
                  [] {
                    json c = Application("c", 40, 45);
                    c["private_capital"] = 0;
                    return c;
                  }(),
                  1, "coop-3", "fund-1")
                  .ok());
  auto without = AllocateFund(db_.store(), clock_, request);
  ASSERT_TRUE(without.ok()) << without.status().ToString();
  EXPECT_NEAR((*without)["impact"].get<double>(), 60, 1e-6);
  ASSERT_TRUE(Put("application", "c", Application("c", 40, 45), 2, "coop-3", "fund-1").ok());
  EXPECT_EQ(GetRecord(db_.store(), "allocation", "fund-1").status().code(), StatusCode::kNotFound);

  request.save = true;
  auto saved = AllocateFund(db_.store(), clock_, request);
  ASSERT_TRUE(saved.ok()) << saved.status().ToString();
  EXPECT_EQ((*saved)["saved"]["version"], 1);
  FundViewRequest view_request;
  view_request.fund_id = "fund-1";
  auto view = FundView(db_.store(), clock_, view_request);
  ASSERT_TRUE(view.ok());
  EXPECT_NEAR((*view)["allocation"]["doc"]["impact"].get<double>(), 105, 1e-6);
  EXPECT_EQ((*view)["allocation"]["who"], "user:usr-2");
  EXPECT_EQ((*view)["applications"].size(), 3u);

  // An allocation cannot be written by hand.
  EXPECT_EQ(Put("allocation", "fund-1", json::object(), 1).status().message(),
            "kind: 'allocation' records are written by the allocation of a fund, not by hand");
}

TEST_P(FinanceServiceTest, LoanBookParCountsTheWholeBalanceOfLateLoans) {
  ASSERT_TRUE(Put("fund", "fund-1", FundDoc()).ok());
  // A: five instalments paid on time, 7,173.48 outstanding on 1 July.
  ASSERT_TRUE(Put("loan", "A",
                  Loan("A", "2026-01-01",
                       {"2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01"}),
                  0, "coop-1", "fund-1")
                  .ok());
  // B: two paid, the 15 April instalment unpaid: 77 days late, 10,098.16 outstanding.
  ASSERT_TRUE(
      Put("loan", "B", Loan("B", "2026-01-15", {"2026-02-15", "2026-03-15"}), 0, "coop-2").ok());
  EXPECT_EQ(Put("loan", "D", Loan("D", "2026-01-15", {})).status().message(),
            "actor_id: a loan has a borrower; give the borrower's actor id");
  // A payment larger than what is owed is refused when the loan is written.
  json overpaid = Loan("C", "2026-01-01", {});
  overpaid["payments"].push_back({{"date", "2026-02-01"}, {"amount", 9999999}});
  auto refused = Put("loan", "C", overpaid, 0, "coop-2");
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(refused.status().message().find("payment"), std::string::npos)
      << refused.status().message();

  LoanBookRequest request;
  auto book = LoanBookView(db_.store(), clock_, request);
  ASSERT_TRUE(book.ok()) << book.status().ToString();
  EXPECT_EQ((*book)["as_of"], "2026-07-01");
  const json& par30 = (*book)["par"]["thresholds"][0];
  EXPECT_EQ(par30["days"], 30);
  EXPECT_EQ(par30["all"]["at_risk"], 1009816);
  EXPECT_EQ(par30["all"]["outstanding"], 717348 + 1009816);
  EXPECT_NEAR(par30["all"]["ratio"].get<double>(), 1009816.0 / (717348 + 1009816), 1e-12);
  EXPECT_EQ((*book)["par"]["thresholds"][1]["all"]["at_risk"], 0);  // PAR90
  ASSERT_EQ((*book)["loans"].size(), 2u);
  EXPECT_EQ((*book)["loans"][1]["days_in_arrears"], 77);
  EXPECT_EQ((*book)["funds"], json::array({"fund-1"}));

  // One fund's loans; an earlier date; a bad date.
  request.fund = "fund-1";
  request.as_of = "2026-05-01";
  request.thresholds = {1};
  auto one = LoanBookView(db_.store(), clock_, request);
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  EXPECT_EQ((*one)["loans"].size(), 1u);
  EXPECT_EQ((*one)["par"]["thresholds"].size(), 1u);
  request.as_of = "2026-02-30";
  EXPECT_EQ(LoanBookView(db_.store(), clock_, request).status().code(),
            StatusCode::kInvalidArgument);

  // The impact export of the same book: PAR30 at risk is B's whole balance.
  auto impact = ImpactOfStore(db_.store(), clock_, *fw_, {});
  ASSERT_TRUE(impact.ok()) << impact.status().ToString();
  EXPECT_EQ(impact->currency, "CAD");
  EXPECT_EQ(impact->as_of, "2026-07-01");
  bool saw_par = false;
  for (const ImpactValue& v : impact->values) {
    if (v.indicator == "par30_at_risk" && v.organisation_id.empty() && v.fund_id.empty()) {
      saw_par = true;
      EXPECT_EQ(v.amount, 1009816);
    }
  }
  EXPECT_TRUE(saw_par);
  const std::string csv = ImpactToCsv(*impact);
  EXPECT_EQ(csv.rfind("indicator,name,organisation_id", 0), 0u) << csv.substr(0, 80);
  ImpactRequest other;
  other.currency = "EUR";
  EXPECT_EQ(ImpactOfStore(db_.store(), clock_, *fw_, other).status().code(),
            StatusCode::kInvalidArgument);  // the fund is in CAD
}

TEST_P(FinanceServiceTest, OrganisationFinanceJoinsRegistryProfileReadinessAndLoans) {
  AddCoop();
  EXPECT_EQ(OrganisationFinance(db_.store(), clock_, *fw_, {"nobody", "en", ""}).status().code(),
            StatusCode::kNotFound);
  ASSERT_TRUE(Put("assessment", "", Assessment("2026-01-10", 1)).ok());
  auto later = Put("assessment", "", Assessment("2026-06-10", 2));
  ASSERT_TRUE(later.ok()) << later.status().ToString();
  EXPECT_EQ(later->id, "coop-1-2026-06-10");
  EXPECT_EQ(later->actor_id, "coop-1");
  ASSERT_TRUE(Put("profile", "coop-1",
                  {{"facts",
                    {{"governance", {{"voting_rule", "one_member_one_vote"}}},
                     {"purpose", {{"social", true}}},
                     {"income", {{"trading", 900000}}}}},
                   {"amount_sought", 50000}})
                  .ok());
  ASSERT_TRUE(Put("funder", "f1",
                  {{"id", "f1"}, {"name", "Caisse"}, {"mechanisms", {"cooperative_bank_loan"}}})
                  .ok());
  ASSERT_TRUE(Put("loan", "A", Loan("A", "2026-01-01", {"2026-02-01"}), 0, "coop-1").ok());

  auto view = OrganisationFinance(db_.store(), clock_, *fw_, {"coop-1", "en", ""});
  ASSERT_TRUE(view.ok()) << view.status().ToString();
  EXPECT_EQ((*view)["actor"]["name"], "Coop Un");
  EXPECT_EQ((*view)["profile"]["facts"]["legal_form"], "cooperative");
  EXPECT_EQ((*view)["profile"]["amount_sought"], 50000);
  EXPECT_EQ((*view)["readiness"]["latest"]["total"], 14);
  EXPECT_EQ((*view)["readiness"]["history"].size(), 2u);
  EXPECT_EQ((*view)["readiness"]["change"]["total"]["change"], 7);
  ASSERT_EQ((*view)["funders"]["results"].size(), 1u);
  EXPECT_EQ((*view)["funders"]["results"][0]["funder"], "f1");
  // A one-member-one-vote co-operative is never offered equity with outside votes.
  bool saw_equity = false;
  for (const json& m : (*view)["mechanisms"]["mechanisms"]) {
    if (m["mechanism"] != "equity_with_votes") continue;
    saw_equity = true;
    EXPECT_EQ(m["fit"], "does_not_fit");
  }
  EXPECT_TRUE(saw_equity);
  ASSERT_EQ((*view)["loans"].size(), 1u);
  EXPECT_EQ((*view)["loans"][0]["position"]["loan_id"], "A");
  EXPECT_GT((*view)["loans"][0]["position"]["days_in_arrears"].get<int>(), 90);
  EXPECT_TRUE((*view)["share_register"].is_null());

  // The funder's applicants: the organisations finance knows, seen as on their pages.
  auto applicants = FunderApplicants(db_.store(), *fw_, "f1");
  ASSERT_TRUE(applicants.ok()) << applicants.status().ToString();
  ASSERT_EQ((*applicants)["results"].size(), 1u);
  EXPECT_EQ((*applicants)["results"][0]["organisation"], "coop-1");
  EXPECT_EQ(FunderApplicants(db_.store(), *fw_, "f9").status().code(), StatusCode::kNotFound);

  // A profile's id is its actor's; an assessment's organisation is its actor.
  EXPECT_EQ(Put("profile", "coop-1", {{"facts", json::object()}}, 1, "coop-2").status().message(),
            "profile: its id 'coop-1' must be the actor's id 'coop-2'");
  EXPECT_EQ(
      Put("profile", "coop-9", {{"facts", json::object()}, {"colour", "red"}}).status().message(),
      "profile.colour: unknown field; known fields: facts, region, sector, amount_sought");
}

TEST_P(FinanceServiceTest, GuaranteeFundsAndCampaignsAreEvaluated) {
  // 65% cover of two loans; a call on one of them (guarantee_fund_test.cc's shape).
  json fund = json::parse(R"({"fund": {"capital": 1000000, "coverage": 0.65, "leverage": 3},
    "guarantees": [{"loan_id": "L1", "outstanding": 400000},
                   {"loan_id": "L2", "outstanding": 200000}],
    "calls": [{"loan_id": "L1", "loss": 100000}]})");
  ASSERT_TRUE(Put("guarantee_fund", "g1", fund).ok());
  auto g = GuaranteeFundView(db_.store(), "g1");
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ((*g)["report"]["guarantees"][0]["guaranteed"], 260000);
  EXPECT_EQ((*g)["report"]["calls"][0]["paid"], 65000);
  EXPECT_EQ(GuaranteeFundView(db_.store(), "g9").status().code(), StatusCode::kNotFound);

  // A 1:1 match up to 1,000.00, released once 25% of the 4,000.00 target comes from 2 backers.
  json campaign = json::parse(R"({"id": "c1", "target": 400000, "deadline": "2026-07-31",
    "pledges": [{"backer": "ana", "amount": 60000, "date": "2026-06-01"},
                {"backer": "ben", "amount": 50000, "date": "2026-06-20"}],
    "rule": {"id": "one-to-one", "clauses": [{"kind": "ratio", "match_per_unit": 1},
             {"kind": "cap", "amount": 100000},
             {"kind": "release_trigger", "share_of_target": 0.25, "min_backers": 2}]}})");
  auto put = Put("campaign", "c1", campaign);
  ASSERT_TRUE(put.ok()) << put.status().ToString();
  auto before = CampaignView(db_.store(), clock_, "c1", "2026-06-10");
  ASSERT_TRUE(before.ok()) << before.status().ToString();
  EXPECT_EQ((*before)["match"]["released"], false);  // one backer, 600.00 of the 1,000.00 needed
  auto after = CampaignView(db_.store(), clock_, "c1", "2026-06-30");
  ASSERT_TRUE(after.ok()) << after.status().ToString();
  EXPECT_EQ((*after)["match"]["released"], true);
  EXPECT_EQ((*after)["match"]["limited_by"], "cap");
  EXPECT_EQ(CampaignView(db_.store(), clock_, "c1", "30/06").status().code(),
            StatusCode::kInvalidArgument);
}

INSTANTIATE_TEST_SUITE_P(Backends, FinanceServiceTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::finance
