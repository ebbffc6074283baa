#include "ecosol/screening/screening.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "ecosol/screening/framework.h"
#include "ecosol/screening/service.h"
#include "stored_result.h"
#include "test_paths.h"
#include "test_store.h"

namespace ecosol::screening {
namespace {

using nlohmann::json;

std::string FrameworksDir() { return ::ecosol::testing::SourceDir() + "/frameworks"; }
std::string CuesDir() { return ::ecosol::testing::SourceDir() + "/data/clauses"; }

std::shared_ptr<const Catalogue> Real() {
  static auto catalogue = LoadFrameworks(FrameworksDir());
  EXPECT_TRUE(catalogue.ok()) << catalogue.status().message();
  return catalogue.ok() ? *catalogue : nullptr;
}

json Texts(const std::string& s) { return {{"en", s}, {"fr", s}, {"es", s}, {"pt", s}}; }

json Explanations() {
  return {{"met", Texts("ok")}, {"not_met", Texts("no")}, {"insufficient_evidence", Texts("?")}};
}

json Criterion(const std::string& id, const std::string& severity, const json& rule,
               const std::vector<std::string>& facts) {
  return {{"id", id},
          {"principle", "p"},
          {"severity", severity},
          {"facts", facts},
          {"rule", rule},
          {"source", {{"ref", "s"}, {"article", "art. 1"}}},
          {"explanation", Explanations()}};
}

// A vector, not a json: `json x = {one_json}` is a copy under clang and a one-element array
// under gcc, so a single criterion would not be a list under clang.
json TinyFramework(const std::vector<json>& criteria) {
  return {{"id", "tiny"},
          {"version", "1"},
          {"subject", "organisation"},
          {"kind", "definition"},
          {"title", Texts("Tiny")},
          {"description", Texts("A test framework")},
          {"sources", {{{"id", "s"}, {"title", "A law"}}}},
          {"principles", {{{"id", "p"}, {"title", Texts("P")}}}},
          {"criteria", json(criteria)}};
}

json Omov() {
  return Criterion("omov", "hard",
                   {{"==", {{{"var", "governance.voting_rule"}}, "one_member_one_vote"}}},
                   {"governance.voting_rule"});
}

json Dividends(const std::string& severity) {
  return Criterion("dividends", severity, {{"<=", {{{"var", "profits.dividends"}}, 0.5}}},
                   {"profits.dividends"});
}

Framework Parse(const json& doc) {
  auto f = ParseFramework(doc, Real()->facts(), "tiny.yaml");
  EXPECT_TRUE(f.ok()) << f.status().message();
  return f.ok() ? std::move(*f) : Framework{};
}

Profile ProfileOf(const json& doc) {
  auto p = ParseProfile(doc, *Real());
  EXPECT_TRUE(p.ok()) << p.status().message();
  return p.ok() ? std::move(*p) : Profile{};
}

TEST(YamlTest, PlainScalarsAreTypedAndQuotedOnesStayText) {
  auto j = YamlToJson("a: true\nb: 0.5\nc: \"1.0\"\nd: ~\ne: [1, x]\n", "t.yaml");
  ASSERT_TRUE(j.ok());
  EXPECT_EQ((*j)["a"], true);
  EXPECT_EQ((*j)["b"], 0.5);
  EXPECT_EQ((*j)["c"], "1.0");
  EXPECT_TRUE((*j)["d"].is_null());
  EXPECT_EQ((*j)["e"], json::parse(R"([1, "x"])"));
  auto bad = YamlToJson("a: [1, 2\n", "bad.yaml");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("bad.yaml: line"), std::string::npos);
}

TEST(FrameworkTest, ProjectFrameworksAllLoad) {
  auto c = Real();
  ASSERT_TRUE(c);
  for (const char* id :
       {"un-ilo", "ica-cooperative", "fr-ess", "it-impresa-sociale", "kr-social-enterprise",
        "uk-social-enterprise-mark", "uk-cic", "es-social-economy", "br-solidarity-economy",
        "mx-less", "social-innovation-strength", "innovation-policy-social-dimension"}) {
    EXPECT_NE(c->Find(id), nullptr) << id;
  }
  const Framework* un = c->Find("un-ilo");
  ASSERT_NE(un, nullptr);
  std::vector<std::string> principles;
  for (const Principle& p : un->principles) principles.push_back(p.id);
  EXPECT_EQ(principles,
            (std::vector<std::string>{"general_interest", "voluntary_cooperation",
                                      "democratic_governance", "autonomy", "primacy_of_people"}));
}

// Frameworks of other modules share the folder; their kind keeps them out of the catalogue,
// which would otherwise reject them for lacking criteria.
TEST(FrameworkTest, FrameworksOfOtherModulesAreLeftAside) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "ecosol_screening_kinds_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const char* name :
       {"facts.yaml", "statutes-facts.yaml", "un-ilo.yaml", "transfer-context.yaml",
        "building-blocks.yaml", "partner-assets.yaml"}) {
    fs::copy_file(fs::path(FrameworksDir()) / name, dir / name);
  }
  auto catalogue = LoadFrameworks(dir.string());
  ASSERT_TRUE(catalogue.ok()) << catalogue.status().message();
  EXPECT_NE((*catalogue)->Find("un-ilo"), nullptr);
  EXPECT_EQ((*catalogue)->Find("transfer-context"), nullptr);
  EXPECT_EQ((*catalogue)->Find("building-blocks"), nullptr);
  fs::remove_all(dir);
}

TEST(FrameworkTest, UnknownFactIsRejectedWithItsName) {
  json doc =
      TinyFramework({Criterion("x", "hard", {{"var", "governance.votes"}}, {"governance.votes"})});
  auto f = ParseFramework(doc, Real()->facts(), "tiny.yaml");
  ASSERT_FALSE(f.ok());
  EXPECT_NE(f.status().message().find("tiny.yaml: criterion 'x'"), std::string::npos);
  EXPECT_NE(f.status().message().find("unknown fact 'governance.votes'"), std::string::npos);
}

TEST(FrameworkTest, BadRuleIsRejected) {
  json doc = TinyFramework({Criterion("x", "hard", {{"frobnicate", {1, 2}}}, {})});
  auto f = ParseFramework(doc, Real()->facts(), "tiny.yaml");
  ASSERT_FALSE(f.ok());
  EXPECT_NE(f.status().message().find("bad rule"), std::string::npos);
}

TEST(FrameworkTest, FactReadButNotDeclaredIsRejected) {
  json doc = TinyFramework(
      {Criterion("x", "hard", {{"var", "profits.dividends"}}, {"governance.voting_rule"})});
  auto f = ParseFramework(doc, Real()->facts(), "tiny.yaml");
  ASSERT_FALSE(f.ok());
  EXPECT_NE(f.status().message().find("not in its 'facts' list"), std::string::npos);
}

TEST(FrameworkTest, MissingTranslationIsRejected) {
  json doc = TinyFramework({Omov()});
  doc["criteria"][0]["explanation"]["not_met"].erase("pt");
  auto f = ParseFramework(doc, Real()->facts(), "tiny.yaml");
  ASSERT_FALSE(f.ok());
  EXPECT_NE(f.status().message().find("'pt'"), std::string::npos);
}

TEST(FrameworkTest, UnknownKeySeverityAndPrincipleAreRejected) {
  json doc = TinyFramework({Omov()});
  doc["criteria"][0]["severty"] = "hard";
  EXPECT_FALSE(ParseFramework(doc, Real()->facts(), "t").ok());
  doc = TinyFramework({Omov()});
  doc["criteria"][0]["severity"] = "fatal";
  EXPECT_FALSE(ParseFramework(doc, Real()->facts(), "t").ok());
  doc = TinyFramework({Omov()});
  doc["criteria"][0]["principle"] = "q";
  EXPECT_FALSE(ParseFramework(doc, Real()->facts(), "t").ok());
}

TEST(ScreenTest, HardFailureMakesThePrincipleNotMetAndTheVerdictInconsistent) {
  Framework f = Parse(TinyFramework({Omov(), Dividends("strong")}));
  Screening s = Screen(ProfileOf({{"governance", {{"voting_rule", "capital_proportional"}}},
                                  {"profits", {{"dividends", 0.2}}}}),
                       f, {});
  ASSERT_EQ(s.principles.size(), 1u);
  EXPECT_EQ(s.principles[0].status, PrincipleStatus::kNotMet);
  EXPECT_EQ(s.verdict, Verdict::kInconsistent);
}

TEST(ScreenTest, StrongFailureAloneIsPartlyMet) {
  Framework f = Parse(TinyFramework({Omov(), Dividends("strong")}));
  Screening s = Screen(ProfileOf({{"governance", {{"voting_rule", "one_member_one_vote"}}},
                                  {"profits", {{"dividends", 0.8}}}}),
                       f, {});
  EXPECT_EQ(s.principles[0].status, PrincipleStatus::kPartlyMet);
  EXPECT_EQ(s.verdict, Verdict::kPartiallyConsistent);
}

TEST(ScreenTest, MissingHardFactIsInsufficientEvidenceNeverPassOrFail) {
  Framework f = Parse(TinyFramework({Omov(), Dividends("soft")}));
  Profile p = ProfileOf({{"profits", {{"dividends", 0.1}}}});
  Screening s = Screen(p, f, {});
  EXPECT_EQ(s.principles[0].criteria[0].status, CriterionStatus::kInsufficientEvidence);
  EXPECT_EQ(s.principles[0].criteria[0].missing,
            std::vector<std::string>{"governance.voting_rule"});
  EXPECT_EQ(s.principles[0].status, PrincipleStatus::kInsufficientEvidence);
  EXPECT_EQ(s.verdict, Verdict::kInsufficientEvidence);
  // A null fact is as unknown as an absent one.
  Profile q = ProfileOf({{"governance", {{"voting_rule", nullptr}}}});
  EXPECT_EQ(Screen(q, f, {}).verdict, Verdict::kInsufficientEvidence);
}

TEST(ScreenTest, MissingSoftFactDoesNotBlockAMetPrinciple) {
  Framework f = Parse(TinyFramework({Omov(), Dividends("soft")}));
  Screening s =
      Screen(ProfileOf({{"governance", {{"voting_rule", "one_member_one_vote"}}}}), f, {});
  EXPECT_EQ(s.principles[0].criteria[1].status, CriterionStatus::kInsufficientEvidence);
  EXPECT_EQ(s.verdict, Verdict::kConsistent);
}

TEST(ScreenTest, CriteriaThatDoNotApplyAreLeftOut) {
  json dividends = Dividends("hard");
  dividends["applies_when"] = {{"==", {{{"var", "legal_form"}}, "company"}}};
  Framework f = Parse(TinyFramework({Omov(), dividends}));
  Screening s = Screen(ProfileOf({{"legal_form", "association"},
                                  {"governance", {{"voting_rule", "one_member_one_vote"}}},
                                  {"profits", {{"dividends", 0.9}}}}),
                       f, {});
  EXPECT_EQ(s.principles[0].criteria[1].status, CriterionStatus::kNotApplicable);
  EXPECT_EQ(s.verdict, Verdict::kConsistent);
}

TEST(ScreenTest, OptionCriteriaRunOnlyWhenTheOptionIsOn) {
  json doc = TinyFramework({Omov(), Dividends("hard")});
  doc["options"] = {{{"id", "strict"}, {"title", Texts("Strict")}}};
  doc["criteria"][1]["option"] = "strict";
  Framework f = Parse(doc);
  Profile p = ProfileOf({{"governance", {{"voting_rule", "one_member_one_vote"}}},
                         {"profits", {{"dividends", 0.9}}}});
  EXPECT_EQ(Screen(p, f, {}).verdict, Verdict::kConsistent);
  EXPECT_EQ(Screen(p, f, {{"strict"}}).verdict, Verdict::kInconsistent);
}

TEST(ScreenTest, FrameworkThatDoesNotApplySaysSo) {
  json doc = TinyFramework({Omov()});
  doc["applies_when"] = {{"==", {{{"var", "jurisdiction"}}, "IT"}}};
  Framework f = Parse(doc);
  EXPECT_EQ(Screen(ProfileOf({{"jurisdiction", "FR"}}), f, {}).verdict, Verdict::kNotApplicable);
}

TEST(ProfileTest, BadInputIsRejectedWithThePathAndTheFix) {
  auto c = Real();
  auto unknown = ParseProfile({{"governance", {{"votes", 1}}}}, *c);
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("unknown fact 'governance.votes'"), std::string::npos);
  auto share = ParseProfile({{"profits", {{"dividends", 35}}}}, *c);
  ASSERT_FALSE(share.ok());
  EXPECT_NE(share.status().message().find("0.35 for 35%"), std::string::npos);
  auto form = ParseProfile({{"legal_form", "llc"}}, *c);
  ASSERT_FALSE(form.ok());
  EXPECT_NE(form.status().message().find("one of: cooperative"), std::string::npos);
  EXPECT_FALSE(ParseProfile(json::array(), *c).ok());
}

TEST(ProfileTest, StatutesWinOverDeclaredFactsAndRaiseAConflict) {
  auto c = Real();
  Profile p = ProfileOf(
      {{"legal_form", "cooperative"}, {"governance", {{"voting_rule", "one_member_one_vote"}}}});
  text::StatutesAnalysis a;
  a.language = "en";
  a.clauses.push_back({"capital_weighted_voting",
                       text::Polarity::kAffirmed,
                       std::nullopt,
                       {10, 60, "voting rights in proportion to shares held"}});
  ApplyStatutes(a, *c, &p);
  EXPECT_EQ(p.facts["governance"]["voting_rule"], "capital_proportional");
  EXPECT_EQ(p.origins["governance.voting_rule"].source, "statutes");
  ASSERT_EQ(p.conflicts.size(), 1u);
  EXPECT_EQ(p.conflicts[0].declared, "one_member_one_vote");
  Framework f = Parse(TinyFramework({Omov()}));
  Screening s = Screen(p, f, {});
  EXPECT_EQ(s.verdict, Verdict::kInconsistent);
  ASSERT_EQ(s.red_flags.size(), 1u);
  EXPECT_EQ(s.red_flags[0].id, "declared_vs_statutes_conflict");
  json out = ToJson(s, p, "fr");
  EXPECT_EQ(out["red_flags"][0]["evidence"][0]["statutes_evidence"]["start"], 10);
  EXPECT_EQ(out["principles"][0]["criteria"][0]["evidence"][0]["source"], "statutes");
}

TEST(DecisionTest, TheBatchTextIsTheDecisionDocument) {
  json dividends = Dividends("hard");
  dividends["option"] = "strict";
  json doc = TinyFramework({Omov(), dividends});
  doc["options"] = {{{"id", "strict"}, {"title", Texts("Strict")}}};
  Framework f = Parse(doc);
  Profile p = ProfileOf({{"profits", {{"dividends", 0.9}}}});
  p.conflicts.push_back({"profits.dividends", 0.1, 0.9, {{"clause", "profit_distribution_cap"}}});
  Screening s = Screen(p, f, {{"strict"}});
  json parsed = json::parse(DecisionText(s, {"strict"}));
  EXPECT_EQ(parsed, Decision(s, {"strict"}));
  EXPECT_EQ(parsed["principles"][0]["criteria"]["omov"],
            json::array({"insufficient_evidence", {"governance.voting_rule"}}));
  EXPECT_EQ(parsed["red_flags"][0]["id"], "declared_vs_statutes_conflict");
  // Options are user input: quotes, backslashes and control characters are escaped.
  std::vector<std::string> odd = {"a\"b\\c\n\x01"};
  EXPECT_EQ(json::parse(DecisionText(s, odd))["options"][0], odd[0]);
}

// The compact stored form reads back as lists in the framework's order with severities; a
// decision stored before it (criteria already listed) reads the same, and the two compare.
TEST(DecisionTest, StoredFormsReadBackReadable) {
  Framework f = Parse(TinyFramework({Omov(), Dividends("strong")}));
  Profile p = ProfileOf({{"profits", {{"dividends", 0.2}}}});
  Screening s = Screen(p, f, {});
  json stored = Decision(s, {});
  json readable = ReadableForm(stored, &f);
  const json& criteria = readable["principles"][0]["criteria"];
  ASSERT_EQ(criteria.size(), 2u);
  EXPECT_EQ(criteria[0], json({{"id", "omov"},
                               {"status", "insufficient_evidence"},
                               {"missing", {"governance.voting_rule"}},
                               {"severity", "hard"}}));
  EXPECT_EQ(criteria[1], json({{"id", "dividends"}, {"status", "met"}, {"severity", "strong"}}));
  ASSERT_TRUE(readable["unchecked_flags"].is_array());
  // Without the framework, the criteria are still listed, by id.
  EXPECT_EQ(ReadableForm(stored, nullptr)["principles"][0]["criteria"][0]["id"], "dividends");
  // The older form is left as it is, and compares equal to the compact one.
  EXPECT_EQ(ReadableForm(readable, &f), readable);
  EXPECT_TRUE(Changes(readable, stored).empty()) << Changes(readable, stored).dump();
  Screening paid = Screen(ProfileOf({{"profits", {{"dividends", 0.9}}}}), f, {});
  json changes = Changes(readable, Decision(paid, {}));
  ASSERT_FALSE(changes.empty());
  bool dividends_changed = false;
  for (const json& c : changes) {
    if (c["id"] == "dividends") dividends_changed = c["from"] == "met" && c["to"] == "not_met";
  }
  EXPECT_TRUE(dividends_changed) << changes.dump();
}

class ServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    auto analyzer = text::ClauseAnalyzer::Load(CuesDir());
    ASSERT_TRUE(analyzer.ok()) << analyzer.status().message();
    registry_ = std::make_unique<registry::Registry>(db_.store(), SystemClock());
    ASSERT_TRUE(registry_->LoadTaxonomies(testing::TaxonomyFolder()).ok());
    service_ = std::make_unique<ScreeningService>(*registry_, Real(), *analyzer, SystemClock());
    model::Actor a;
    a.id = "coop";
    a.name = "Coop";
    a.structures = {"OS60"};
    a.address.country = "FR";
    a.claims = {"cooperative"};
    auto created = registry_->CreateActor(a, "test");
    ASSERT_TRUE(created.ok()) << created.status().message();
  }
  // Informal groups "group-0" ... beside the co-operative of SetUp.
  void AddGroups(int n) {
    for (int i = 0; i < n; ++i) {
      model::Actor a;
      a.id = "group-" + std::to_string(i);
      a.name = "Group " + std::to_string(i);
      a.kind = model::ActorKind::kInformalGroup;
      ASSERT_TRUE(registry_->CreateActor(a, "test").ok());
    }
  }

  testing::TestStore db_{GetParam()};
  std::unique_ptr<registry::Registry> registry_;
  std::unique_ptr<ScreeningService> service_;
};

TEST_P(ServiceTest, RegistryFactsFeedTheProfile) {
  auto profile = service_->ActorProfile("coop");
  ASSERT_TRUE(profile.ok()) << profile.status().message();
  EXPECT_EQ((*profile)["profile"]["legal_form"], "cooperative");
  EXPECT_EQ((*profile)["profile"]["jurisdiction"], "FR");
  EXPECT_EQ((*profile)["profile"]["provenance"]["legal_form"]["source"], "registry");
}

TEST_P(ServiceTest, AssessmentsAreStoredAndHistoryShowsWhatChanged) {
  ScreenRequest request;
  request.frameworks = {"un-ilo"};
  auto first = service_->ScreenActor("coop", request, "tester");
  ASSERT_TRUE(first.ok()) << first.status().message();
  // Everything an SSE-washing company looks like, whatever un-ilo's thresholds are.
  json doc = {{"legal_form", "company"},
              {"governance",
               {{"voting_rule", "capital_proportional"}, {"stakeholder_bodies", json::array()}}},
              {"control", {{"for_profit_share", 1.0}, {"founder_family_share", 1.0}}},
              {"capital", {{"venture_terms", true}}},
              {"profits", {{"distributable", true}, {"dividends", 0.9}, {"shares_listed", true}}},
              {"assets", {{"asset_lock", false}, {"dissolution_to", "members"}}}};
  Statutes statutes{"statuts.txt",
                    "Article 12. Les droits de vote sont proportionnels au capital détenu."};
  auto version = service_->SaveProfile("coop", doc, &statutes, "tester");
  ASSERT_TRUE(version.ok()) << version.status().message();
  EXPECT_EQ(*version, 1);
  auto second = service_->ScreenActor("coop", request, "tester");
  ASSERT_TRUE(second.ok());
  EXPECT_EQ((*second)["results"][0]["verdict"], "inconsistent");
  auto history = service_->History("coop", "en");
  ASSERT_TRUE(history.ok());
  ASSERT_EQ((*history)["items"].size(), 2u);
  const json& changes = (*history)["items"][1]["changes"];
  bool verdict_changed = false;
  for (const json& c : changes) verdict_changed |= c["what"] == "verdict";
  EXPECT_TRUE(verdict_changed) << changes.dump();
  EXPECT_FALSE(
      (*history)["items"][1]["result"]["principles"][0]["title"].get<std::string>().empty());
  // The registry filter finds it by its latest verdict.
  store::ActorQuery q;
  q.verdict = "inconsistent";
  auto page = registry_->ListActors(q);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 1u);
}

TEST_P(ServiceTest, BadProfileChangesNothing) {
  auto bad = service_->SaveProfile("coop", {{"profits", {{"dividends", 2}}}}, nullptr, "tester");
  ASSERT_FALSE(bad.ok());
  EXPECT_FALSE(db_.store().GetProfile("coop", 0)->has_value());
  EXPECT_EQ(service_->SaveProfile("nobody", json::object(), nullptr, "t").status().code(),
            StatusCode::kNotFound);
}

TEST_P(ServiceTest, ScreeningTheRegistryReportsProgress) {
  AddGroups(7);
  std::vector<long long> seen;
  auto summary =
      service_->ScreenAll({{"un-ilo"}, {}, "en", "auto"}, "tester", [&](const JobProgress& p) {
        seen.push_back(p.done);
        return true;
      });
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  EXPECT_EQ((*summary)["actors"], 8);
  EXPECT_EQ((*summary)["assessments"], 8);
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.back(), 8);
}

// Pages are evaluated on a worker while the previous one is written: every actor is screened
// once, progress follows the pages, and stopping keeps what was written.
TEST_P(ServiceTest, ScreeningTheRegistryInPages) {
  AddGroups(7);
  std::vector<long long> seen;
  auto summary = service_->ScreenAll(
      {{"un-ilo"}, {}, "en", "auto"}, "tester",
      [&](const JobProgress& p) {
        seen.push_back(p.done);
        return true;
      },
      /*page_size=*/3);
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  EXPECT_EQ(seen, (std::vector<long long>{3, 6, 8}));
  EXPECT_EQ((*summary)["assessments"], 8);
  long long counted = 0;
  for (const auto& [verdict, n] : (*summary)["verdicts"]["un-ilo"].items())
    counted += n.get<long long>();
  EXPECT_EQ(counted, 8);
  for (const std::string id : {"coop", "group-0", "group-6"}) {
    auto records = db_.store().Assessments(id, "un-ilo");
    ASSERT_TRUE(records.ok());
    EXPECT_EQ(records->size(), 1u) << id;
  }
  // Stopped after the first page: that page's assessments stay, the others are not written.
  seen.clear();
  auto stopped = service_->ScreenAll(
      {{"un-ilo"}, {}, "en", "auto"}, "tester",
      [&](const JobProgress& p) {
        seen.push_back(p.done);
        return false;
      },
      /*page_size=*/3);
  EXPECT_EQ(stopped.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(seen, (std::vector<long long>{3}));
  int second = 0;
  for (const std::string id :
       {"coop", "group-0", "group-1", "group-2", "group-3", "group-4", "group-5", "group-6"}) {
    auto records = db_.store().Assessments(id, "un-ilo");
    ASSERT_TRUE(records.ok());
    second += records->size() == 2 ? 1 : 0;
  }
  EXPECT_EQ(second, 3);
}

// A screening stopped part-way goes on from its last committed state (as a job does in
// another process): every actor is screened once in all. A refused commit rolls its page back.
TEST_P(ServiceTest, ScreeningTheRegistryGoesOnFromACheckpoint) {
  AddGroups(7);
  const ScreenRequest request{{"un-ilo"}, {}, "en", "auto"};
  // The second page's commit is refused: only the first page stays, and the last state
  // committed is the one after it.
  std::vector<ScreenAllState> committed;
  int commits = 0;
  auto refused = service_->ScreenAll(request, "tester", nullptr, /*page_size=*/3, {},
                                     [&](const ScreenAllState& s) -> Status {
                                       if (++commits == 2)
                                         return Status(StatusCode::kConflict, "lease lost");
                                       committed.push_back(s);
                                       return Status::Ok();
                                     });
  EXPECT_EQ(refused.status().code(), StatusCode::kConflict);
  ASSERT_EQ(committed.size(), 1u);
  EXPECT_EQ(committed[0].done, 3);
  EXPECT_FALSE(committed[0].complete);
  EXPECT_FALSE(committed[0].cursor.empty());
  // The state survives a trip through its JSON form (a job's checkpoint).
  auto restored = ScreenAllStateFromJson(ScreenAllStateToJson(committed[0]));
  ASSERT_TRUE(restored.ok()) << restored.status().message();
  EXPECT_EQ(restored->cursor, committed[0].cursor);
  EXPECT_FALSE(ScreenAllStateFromJson(json{{"done", 3}}).ok());
  // Going on from there screens the other five actors, and the summary counts all eight.
  std::vector<long long> seen;
  auto resumed = service_->ScreenAll(
      request, "tester",
      [&](const JobProgress& p) {
        seen.push_back(p.done);
        return true;
      },
      /*page_size=*/3, *restored,
      [&](const ScreenAllState& s) {
        committed.push_back(s);
        return Status::Ok();
      });
  ASSERT_TRUE(resumed.ok()) << resumed.status().message();
  EXPECT_EQ(seen, (std::vector<long long>{6, 8}));
  EXPECT_EQ((*resumed)["actors"], 8);
  EXPECT_EQ((*resumed)["assessments"], 8);
  EXPECT_TRUE(committed.back().complete);
  for (const std::string id :
       {"coop", "group-0", "group-1", "group-2", "group-3", "group-4", "group-5", "group-6"}) {
    auto records = db_.store().Assessments(id, "un-ilo");
    ASSERT_TRUE(records.ok());
    EXPECT_EQ(records->size(), 1u) << id;
  }
  // A state after the last page: nothing is screened again.
  auto again = service_->ScreenAll(request, "tester", nullptr, 3, committed.back());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ((*again)["actors"], 8);
  EXPECT_EQ(db_.store().Assessments("coop", "un-ilo")->size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, ServiceTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::screening
