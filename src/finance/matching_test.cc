// Matching: golden organisations (an informal savings group, a worker co-operative, a social
// enterprise company, a large association) against the project's catalogue; funders both ways;
// bad input.

#include "ecosol/finance/matching.h"

#include <gtest/gtest.h>

#include <set>

#include "catalogue_test_util.h"
#include "ecosol/model/actor.h"

namespace ecosol::finance {
namespace {

using nlohmann::json;
using testing::Mechanisms;
using testing::Readiness;

json Assessment(const std::string& org, int each, int mission_lock) {
  json scores = json::object();
  for (const ReadinessDimension& d : Readiness().dimensions) scores[d.id] = each;
  return {{"organisation", org},
          {"date", "2026-06-01"},
          {"scores", scores},
          {"governance", {{"mission_lock", mission_lock}, {"asset_lock", mission_lock}}}};
}

OrganisationProfile Profile(const json& in) {
  auto p = ParseProfile(Mechanisms(), Readiness(), in);
  EXPECT_TRUE(p.ok()) << p.status().message();
  return p.ok() ? *p : OrganisationProfile{};
}

OrganisationProfile SavingsGroup() {
  return Profile(json::parse(R"({"id": "group-1", "region": "SN/dakar", "sector": "trade",
    "amount_sought": 2000, "facts": {"legal_form": "informal_group",
    "purpose": {"social": true}, "workforce": {"paid_workers": 0},
    "income": {"trading": 0}, "finance": {"stage": "start_up"}}})"));
}

OrganisationProfile WorkerCoop() {
  json in = json::parse(R"({"id": "coop-1", "region": "CA/QC", "sector": "food",
    "amount_sought": 150000, "facts": {"legal_form": "cooperative",
    "governance": {"voting_rule": "one_member_one_vote"}, "purpose": {"social": true},
    "assets": {"asset_lock": true}, "workforce": {"paid_workers": 14},
    "income": {"trading": 900000}, "reporting": {"social_report": true},
    "finance": {"stage": "growth"}}})");
  in["readiness"] = Assessment("coop-1", 2, 2);
  return Profile(in);
}

OrganisationProfile SocialEnterpriseCompany() {
  json in = json::parse(R"({"id": "se-1", "region": "GB/wales", "sector": "energy",
    "amount_sought": 500000, "facts": {"legal_form": "company",
    "governance": {"voting_rule": "capital_proportional"}, "purpose": {"social": true},
    "assets": {"asset_lock": true}, "workforce": {"paid_workers": 30},
    "income": {"trading": 2000000}, "reporting": {"social_report": true},
    "finance": {"stage": "mature"}}})");
  in["readiness"] = Assessment("se-1", 2, 2);
  return Profile(in);
}

OrganisationProfile LargeAssociation() {
  json in = json::parse(R"({"id": "assoc-1", "region": "FR/ara", "sector": "care",
    "amount_sought": 300000, "facts": {"legal_form": "association",
    "governance": {"voting_rule": "one_member_one_vote"}, "purpose": {"social": true},
    "assets": {"asset_lock": true}, "workforce": {"paid_workers": 250},
    "income": {"trading": 6000000}, "reporting": {"social_report": true},
    "finance": {"stage": "mature"}}})");
  in["readiness"] = Assessment("assoc-1", 1, 1);  // total 7: developing, pipeline grant
  return Profile(in);
}

std::set<std::string> WithFit(const MechanismMatch& m, Fit fit) {
  std::set<std::string> out;
  for (const SuitabilityResult& r : m.results) {
    if (r.fit == fit) out.insert(r.mechanism->id);
  }
  return out;
}

const SuitabilityResult& ResultFor(const MechanismMatch& m, const std::string& id) {
  for (const SuitabilityResult& r : m.results) {
    if (r.mechanism->id == id) return r;
  }
  static SuitabilityResult none;
  ADD_FAILURE() << id << " not in the match";
  return none;
}

std::vector<std::string> FailedRules(const SuitabilityResult& r) {
  std::vector<std::string> out;
  for (const RuleOutcome& o : r.outcomes) {
    if (o.kind == rules::Outcome::Kind::kFalse) out.push_back(o.rule->id);
  }
  return out;
}

TEST(MatchingTest, InformalSavingsGroupIsNeverOfferedEquity) {
  MechanismMatch m = MatchMechanisms(Mechanisms(), SavingsGroup());
  EXPECT_EQ(WithFit(m, Fit::kFits),
            (std::set<std::string>{"grant", "match_funding", "member_loans", "microfinance",
                                   "revolving_fund", "rosca", "solidarity_savings"}));
  for (const char* equity :
       {"equity_with_votes", "quasi_equity", "member_capital", "community_shares"}) {
    EXPECT_EQ(ResultFor(m, equity).fit, Fit::kDoesNotFit) << equity;
    EXPECT_EQ(FailedRules(ResultFor(m, equity))[0], "formal_entity") << equity;
  }
  EXPECT_TRUE(WithFit(m, Fit::kUnknown).empty());
}

TEST(MatchingTest, WorkerCoopKeepsDemocraticControl) {
  MechanismMatch m = MatchMechanisms(Mechanisms(), WorkerCoop());
  const std::set<std::string> fits = WithFit(m, Fit::kFits);
  for (const char* id : {"member_capital", "member_loans", "cooperative_bank_loan", "quasi_equity",
                         "community_shares", "guarantee_fund", "grant"}) {
    EXPECT_TRUE(fits.count(id)) << id;
  }
  EXPECT_EQ(WithFit(m, Fit::kDoesNotFit),
            (std::set<std::string>{"equity_with_votes", "microfinance", "rosca"}));
  EXPECT_EQ(FailedRules(ResultFor(m, "equity_with_votes")),
            (std::vector<std::string>{"issues_shares_to_investors", "not_one_member_one_vote"}));
  json out = MechanismMatchToJson(Mechanisms(), WorkerCoop(), m, "en");
  json equity;
  for (const json& r : out["mechanisms"]) {
    if (r["mechanism"] == "equity_with_votes") equity = r;
  }
  EXPECT_EQ(equity["fit"], "does_not_fit");
  EXPECT_EQ(equity["failed"][1]["change"],
            "keep one member, one vote and use instruments without votes (quasi-equity, member "
            "shares)");
  EXPECT_EQ(equity["failed"][1]["source"]["article"], "principle 2");
  EXPECT_EQ(out["readiness"]["pipeline"], "repayable_finance");
}

TEST(MatchingTest, SocialEnterpriseCompanyCanTakeVotingEquityButNotMemberShares) {
  MechanismMatch m = MatchMechanisms(Mechanisms(), SocialEnterpriseCompany());
  EXPECT_EQ(ResultFor(m, "equity_with_votes").fit, Fit::kFits);
  EXPECT_EQ(ResultFor(m, "quasi_equity").fit, Fit::kFits);
  EXPECT_EQ(FailedRules(ResultFor(m, "member_capital")),
            std::vector<std::string>{"cooperative_form"});
  EXPECT_EQ(FailedRules(ResultFor(m, "member_loans")), std::vector<std::string>{"member_based"});
}

TEST(MatchingTest, SocialEnterpriseWithoutAssetLockIsToldToAdoptOne) {
  OrganisationProfile p = SocialEnterpriseCompany();
  p.facts["assets"]["asset_lock"] = false;
  MechanismMatch m = MatchMechanisms(Mechanisms(), p);
  EXPECT_EQ(FailedRules(ResultFor(m, "equity_with_votes")),
            std::vector<std::string>{"mission_locked"});
}

TEST(MatchingTest, LargeAssociationIsTooBigForMicrofinanceAndNotYetReadyForQuasiEquity) {
  MechanismMatch m = MatchMechanisms(Mechanisms(), LargeAssociation());
  EXPECT_EQ(FailedRules(ResultFor(m, "microfinance")), std::vector<std::string>{"micro_size"});
  EXPECT_EQ(FailedRules(ResultFor(m, "quasi_equity")), std::vector<std::string>{"repayable_ready"});
  EXPECT_EQ(FailedRules(ResultFor(m, "equity_with_votes")),
            (std::vector<std::string>{"issues_shares_to_investors", "not_one_member_one_vote",
                                      "repayable_ready"}));
  for (const char* id : {"outcome_contract", "public_procurement", "cooperative_bank_loan",
                         "member_loans", "grant", "blended_grant_loan"}) {
    EXPECT_EQ(ResultFor(m, id).fit, Fit::kFits) << id;
  }
}

TEST(MatchingTest, RankingIsExplainedAndFollowsItsKeys) {
  MechanismMatch m = MatchMechanisms(Mechanisms(), WorkerCoop());
  ASSERT_FALSE(m.ordered_by.empty());
  // Fits first, internal money first among them, then those that do not fit, closest first.
  EXPECT_EQ(m.results.front().fit, Fit::kFits);
  EXPECT_EQ(m.results.front().mechanism->axes.origin, "internal");
  EXPECT_EQ(m.results.back().mechanism->id, "equity_with_votes");  // two failed rules
  bool seen_external = false;
  for (const SuitabilityResult& r : m.results) {
    if (r.fit != Fit::kFits) break;
    if (r.mechanism->axes.origin == "external") seen_external = true;
    EXPECT_FALSE(seen_external && r.mechanism->axes.origin == "internal") << r.mechanism->id;
  }
  json out = MechanismMatchToJson(Mechanisms(), WorkerCoop(), m, "pt");
  EXPECT_EQ(out["mechanisms"][0]["rank"], 1);
  EXPECT_EQ(out["ordered_by"].size(), m.ordered_by.size());
}

TEST(MatchingTest, ProfileFromAnInformalGroupActorIsNeverOfferedEquity) {
  model::Actor a;
  a.id = "tontine-1";
  a.kind = model::ActorKind::kInformalGroup;
  a.territory = "CI/abidjan";
  OrganisationProfile p = ProfileFromActor(Mechanisms(), a);
  EXPECT_EQ(p.facts["legal_form"], "informal_group");
  EXPECT_EQ(p.region, "CI/abidjan");
  MechanismMatch m = MatchMechanisms(Mechanisms(), p);
  EXPECT_EQ(ResultFor(m, "equity_with_votes").fit, Fit::kDoesNotFit);
  EXPECT_EQ(ResultFor(m, "rosca").fit, Fit::kFits);
  EXPECT_EQ(ResultFor(m, "grant").fit, Fit::kUnknown);  // purpose.social not in the record

  model::Actor coop;
  coop.id = "c";
  coop.structures = {"OS80"};
  EXPECT_EQ(ProfileFromActor(Mechanisms(), coop).facts["legal_form"], "cooperative");
}

TEST(MatchingTest, BadProfileInputIsRejected) {
  auto p = ParseProfile(Mechanisms(), Readiness(), json::parse(R"({"facts": {}})"));
  EXPECT_EQ(p.status().message(), "id: needs the organisation's id");
  p = ParseProfile(Mechanisms(), Readiness(),
                   json::parse(R"({"id": "x", "facts": {"finance": {"stage": "seed"}}})"));
  EXPECT_EQ(p.status().message(),
            "facts.finance.stage: 'seed' is not one of idea, start_up, growth, mature");
  json in = {{"id", "x"}, {"readiness", Assessment("y", 1, 1)}};
  p = ParseProfile(Mechanisms(), Readiness(), in);
  EXPECT_EQ(p.status().message(), "readiness[0]: assesses 'y', not 'x'");
  in["readiness"] = Assessment("x", 3, 1);
  p = ParseProfile(Mechanisms(), Readiness(), in);
  EXPECT_EQ(p.status().message(),
            "readiness[0]: scores.documents: 3 is not a score (use 0, 1 or 2)");
}

json Funders() {
  return json::parse(R"([
    {"id": "coop-fund", "name": "Co-op development fund",
     "mechanisms": ["quasi_equity", "cooperative_bank_loan"],
     "amount": {"min": 50000, "max": 250000}, "regions": ["CA"],
     "legal_forms": ["cooperative", "mutual"], "min_readiness": "investment_ready"},
    {"id": "village-fund", "mechanisms": ["microfinance", "rosca", "revolving_fund"],
     "amount": {"max": 5000}},
    {"id": "impact-equity", "mechanisms": ["equity_with_votes"], "regions": ["GB", "CA/QC"]}
  ])");
}

std::vector<Funder> ParsedFunders() {
  auto f = ParseFunders(Mechanisms(), Readiness(), Funders());
  EXPECT_TRUE(f.ok()) << f.status().message();
  return f.ok() ? *f : std::vector<Funder>{};
}

TEST(MatchingTest, FundersForAWorkerCoop) {
  std::vector<Funder> funders = ParsedFunders();
  const OrganisationProfile coop = WorkerCoop();
  FunderMatch m = MatchFunders(Mechanisms(), Readiness(), funders, coop);
  ASSERT_EQ(m.results.size(), 3u);
  EXPECT_EQ(m.results[0].funder, "coop-fund");
  EXPECT_EQ(m.results[0].fit, Fit::kFits);
  EXPECT_EQ(m.results[0].fitting_mechanisms,
            (std::vector<std::string>{"quasi_equity", "cooperative_bank_loan"}));
  EXPECT_EQ(m.results[1].fit, Fit::kDoesNotFit);
  EXPECT_EQ(m.results[2].fit, Fit::kDoesNotFit);
  json out = FunderMatchToJson(m);
  // The equity fund covers CA/QC but offers only what would break democratic control.
  const json& equity =
      out["results"][1]["funder"] == "impact-equity" ? out["results"][1] : out["results"][2];
  EXPECT_EQ(equity["eligibility"], "not_eligible");
  EXPECT_EQ(equity["conditions"][0]["outcome"], "failed");
  EXPECT_EQ(equity["conditions"][0]["change"],
            "equity_with_votes: raise capital without votes instead: quasi-equity, subordinated "
            "loans or member shares");
  EXPECT_EQ(equity["conditions"][2]["outcome"], "held");  // region CA/QC
  EXPECT_FALSE(out["ordered_by"].empty());
}

TEST(MatchingTest, FunderConditionsSayWhatWouldHaveToChange) {
  std::vector<Funder> funders = ParsedFunders();
  OrganisationProfile coop = WorkerCoop();
  coop.amount_sought = 400000;
  coop.region = "CAN";  // not covered by "CA"
  Eligibility e = CheckEligibility(Mechanisms(), Readiness(), funders[0], coop);
  EXPECT_EQ(e.fit, Fit::kDoesNotFit);
  EXPECT_EQ(e.conditions[1].detail, "400000 is outside 50000 to 250000");
  EXPECT_EQ(e.conditions[1].change, "ask for an amount from 50000 to 250000");
  EXPECT_EQ(e.conditions[2].kind, rules::Outcome::Kind::kFalse);
  EXPECT_EQ(e.conditions[2].change, "the funder accepts only CA");

  // The same conditions in the reader's language.
  FunderMatch match;
  match.results.push_back(e);
  const json fr = FunderMatchToJson(match, "fr")["results"][0]["conditions"];
  EXPECT_EQ(fr[1]["detail"], "400000 est hors de 50000 à 250000");
  EXPECT_EQ(fr[1]["change"], "demander un montant de 50000 à 250000");
  EXPECT_EQ(fr[2]["detail"], "CAN ne fait pas partie de CA");
  EXPECT_EQ(FunderMatchToJson(match, "pt")["results"][0]["conditions"][2]["change"],
            "o financiador só aceita CA");
  EXPECT_EQ(FunderMatchToJson(match)["results"][0]["conditions"][1]["detail"],
            "400000 is outside 50000 to 250000");

  OrganisationProfile unassessed = WorkerCoop();
  unassessed.readiness.reset();
  unassessed.facts.erase("readiness");
  e = CheckEligibility(Mechanisms(), Readiness(), funders[0], unassessed);
  EXPECT_EQ(e.fit, Fit::kUnknown);  // no assessment: readiness unknown, quasi-equity unknown
  EXPECT_EQ(e.fitting_mechanisms, std::vector<std::string>{"cooperative_bank_loan"});
  EXPECT_EQ(e.conditions[5].detail, "no readiness assessment");
  FunderMatch unknown;
  unknown.results.push_back(e);
  EXPECT_EQ(FunderMatchToJson(unknown, "es")["results"][0]["conditions"][5]["detail"],
            "sin evaluación de la preparación");
}

TEST(MatchingTest, EligibleApplicantsOfAFunder) {
  std::vector<Funder> funders = ParsedFunders();
  OrganisationProfile second_coop = WorkerCoop();
  second_coop.id = "coop-2";
  second_coop.readiness->total = 12;  // ranks below coop-1 (14)
  std::vector<OrganisationProfile> orgs = {SavingsGroup(), second_coop, LargeAssociation(),
                                           WorkerCoop(), SocialEnterpriseCompany()};
  FunderMatch m = EligibleApplicants(Mechanisms(), Readiness(), funders[0], orgs);
  ASSERT_EQ(m.results.size(), 5u);
  EXPECT_EQ(m.results[0].organisation, "coop-1");
  EXPECT_EQ(m.results[1].organisation, "coop-2");
  EXPECT_EQ(m.results[0].fit, Fit::kFits);
  EXPECT_EQ(m.results[1].fit, Fit::kFits);
  for (size_t i = 2; i < 5; ++i) EXPECT_EQ(m.results[i].fit, Fit::kDoesNotFit);

  FunderMatch village = EligibleApplicants(Mechanisms(), Readiness(), funders[1], orgs);
  EXPECT_EQ(village.results[0].organisation, "group-1");
  EXPECT_EQ(village.results[0].fit, Fit::kFits);
}

TEST(MatchingTest, BadFunderInputIsRejected) {
  json funders = Funders();
  funders[1]["mechanisms"][1] = "bond";
  auto f = ParseFunders(Mechanisms(), Readiness(), funders);
  EXPECT_EQ(f.status().message(),
            "funders[1]: funder 'village-fund': mechanisms[1]: unknown mechanism 'bond' (known: " +
                Mechanisms().MechanismIds() + ")");
  funders = Funders();
  funders[0]["amount"] = {{"min", 10}, {"max", 5}};
  f = ParseFunders(Mechanisms(), Readiness(), funders);
  EXPECT_EQ(f.status().message(),
            "funders[0]: funder 'coop-fund': amount: min is above max (swap them)");
  funders = Funders();
  funders[0]["min_readiness"] = "ready";
  f = ParseFunders(Mechanisms(), Readiness(), funders);
  EXPECT_EQ(f.status().message(),
            "funders[0]: funder 'coop-fund': min_readiness: unknown readiness stage 'ready' "
            "(known: investment_ready, developing, early)");
  funders = Funders();
  funders[2]["legal_forms"] = json::array({"llc"});
  f = ParseFunders(Mechanisms(), Readiness(), funders);
  EXPECT_NE(f.status().message().find("legal_forms[0]: unknown legal form 'llc'"),
            std::string::npos);
  funders = Funders();
  funders[2]["mechanisms"] = json::array();
  f = ParseFunders(Mechanisms(), Readiness(), funders);
  EXPECT_EQ(f.status().message(),
            "funders[2]: funder 'impact-equity': mechanisms: list at least "
            "one of " +
                Mechanisms().MechanismIds());
}

}  // namespace
}  // namespace ecosol::finance
