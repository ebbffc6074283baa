// The knowledge commons over the store: cases written as drafts, reviewed and published,
// versioned; imports all or nothing and idempotent; search with facets and snippets; similar
// cases; transfer analysis of a stored case. On both backends.

#include "ecosol/knowledge/service.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "test_paths.h"
#include "test_store.h"

namespace ecosol::knowledge {
namespace {

using nlohmann::json;

const std::string kFrameworks = ::ecosol::testing::SourceDir() + "/frameworks";

json HousingCase() {
  return json::parse(R"({
    "id": "qc-housing-coop",
    "title": {"en": "Credit-union-backed housing co-operative",
              "fr": "Coopérative d'habitation soutenue par une caisse"},
    "summary": {"en": "Tenants own their building together; the credit union lends the mortgage.",
                "fr": "Les locataires possèdent ensemble leur immeuble; la caisse prête."},
    "themes": ["housing"], "sdgs": [11, 1], "countries": ["CA"], "type": "case_study",
    "stage": "impact", "year": 1990,
    "origin": {"id": "montreal", "socio_cultural": {"trust": "high"},
               "socio_economic": {"informal_share": 0.1,
                                  "finance_mechanisms": ["credit_union", "bank_loans"]}},
    "core_elements": [{"id": "member_mortgage", "label": {"en": "Mortgage from the credit union"},
      "relies_on": [{"feature": "finance_mechanisms", "op": "includes", "value": "credit_union"},
                    {"feature": "trust", "op": "at_least", "value": "medium"}]}]
  })");
}

json OtherCase(const std::string& id, const std::string& title, const std::string& theme, int sdg) {
  return {{"id", id},
          {"title", {{"en", title}}},
          {"summary", {{"en", title + " run by its members"}}},
          {"themes", json::array({theme})},
          {"sdgs", json::array({sdg})},
          {"type", "solution"}};
}

class KnowledgeServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  KnowledgeServiceTest()
      : db_(GetParam()), clock_(std::chrono::sys_days{std::chrono::year{2026} / 11 / 30}) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    auto fw = TransferFrameworkIn(kFrameworks);
    ASSERT_TRUE(fw.ok()) << fw.status().ToString();
    fw_ = *fw;
  }

  json Search(CaseSearchRequest q) {
    auto r = SearchCases(db_.store(), *fw_, q);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : json();
  }

  std::string WriteFile(const std::string& name, const std::string& content) {
    auto path = std::filesystem::temp_directory_path() /
                (std::to_string(::getpid()) + "-" + GetParam() + "-" + name);
    std::ofstream(path) << content;
    files_.push_back(path);
    return path.string();
  }

  void TearDown() override {
    for (const auto& f : files_) std::filesystem::remove(f);
  }

  testing::TestStore db_;
  FakeClock clock_;
  std::shared_ptr<const TransferFramework> fw_;
  std::vector<std::filesystem::path> files_;
};

TEST_P(KnowledgeServiceTest, ACaseIsADraftUntilAStewardApprovesIt) {
  auto& store = db_.store();
  auto created = CreateCase(store, clock_, *fw_, HousingCase(), "user:ana");
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(created->state.status, "draft");
  EXPECT_EQ(created->version.version, 1);
  EXPECT_EQ(CreateCase(store, clock_, *fw_, HousingCase(), "user:ana").status().code(),
            StatusCode::kConflict);

  // The public sees nothing yet; stewards see the draft.
  EXPECT_EQ(GetCase(store, "qc-housing-coop", 0, false).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(GetCase(store, "qc-housing-coop", 0, true).ok());
  CaseSearchRequest q;
  q.q = "coopérative";
  EXPECT_EQ(Search(q)["total"], 0);

  // Only stewards approve; a return needs a comment; transitions are checked.
  EXPECT_EQ(ReviewCaseAction(store, clock_, "qc-housing-coop", "approve", "", "user:ana", false)
                .status()
                .code(),
            StatusCode::kPermissionDenied);
  ASSERT_TRUE(
      ReviewCaseAction(store, clock_, "qc-housing-coop", "submit", "", "user:ana", false).ok());
  auto twice = ReviewCaseAction(store, clock_, "qc-housing-coop", "submit", "", "user:ana", false);
  EXPECT_EQ(twice.status().code(), StatusCode::kConflict);
  EXPECT_NE(twice.status().message().find("allowed: approve, return, withdraw"), std::string::npos)
      << twice.status().message();
  EXPECT_EQ(ReviewCaseAction(store, clock_, "qc-housing-coop", "return", " ", "user:sam", true)
                .status()
                .code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(ReviewCaseAction(store, clock_, "qc-housing-coop", "publish", "", "user:sam", true)
                .status()
                .code(),
            StatusCode::kInvalidArgument);
  auto approved =
      ReviewCaseAction(store, clock_, "qc-housing-coop", "approve", "ok", "user:sam", true);
  ASSERT_TRUE(approved.ok()) << approved.status().ToString();
  EXPECT_EQ(approved->state.status, "published");
  EXPECT_EQ(approved->state.published_version, 1);

  // Accents, plurals and languages fold: "coopérative" finds it, with a snippet.
  json found = Search(q);
  ASSERT_EQ(found["total"], 1);
  EXPECT_EQ(found["items"][0]["id"], "qc-housing-coop");
  q.lang = "fr";
  found = Search(q);
  EXPECT_EQ(found["items"][0]["title"], "Coopérative d'habitation soutenue par une caisse");
  EXPECT_EQ(found["items"][0]["title_lang"], "fr");
  // The snippet comes from the summary or text in the reader's language, matches marked.
  q.q = "caisses";
  found = Search(q);
  ASSERT_EQ(found["total"], 1);
  EXPECT_NE(found["items"][0]["snippet"].get<std::string>().find("[[caisse]]"), std::string::npos)
      << found["items"][0].dump();

  // An edit is a new draft version: the public keeps reading version 1.
  json edited = HousingCase();
  edited["summary"]["en"] = "Tenants own the building; a caisse populaire lends.";
  EXPECT_EQ(
      UpdateCase(store, clock_, *fw_, "qc-housing-coop", edited, 7, "user:ana").status().code(),
      StatusCode::kConflict);
  auto v2 = UpdateCase(store, clock_, *fw_, "qc-housing-coop", edited, 1, "user:ana");
  ASSERT_TRUE(v2.ok()) << v2.status().ToString();
  EXPECT_EQ(v2->version.version, 2);
  EXPECT_EQ(v2->state.status, "draft");
  auto seen = GetCase(store, "qc-housing-coop", 0, false);
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(seen->version.version, 1);
  EXPECT_EQ(CaseHistory(store, "qc-housing-coop", false)->size(), 1u);
  EXPECT_EQ(CaseHistory(store, "qc-housing-coop", true)->size(), 2u);
  // The same document again writes nothing.
  auto same = UpdateCase(store, clock_, *fw_, "qc-housing-coop", edited, 0, "user:ana");
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->version.version, 2);
  // A renamed document is refused.
  json renamed = edited;
  renamed["id"] = "other";
  EXPECT_EQ(
      UpdateCase(store, clock_, *fw_, "qc-housing-coop", renamed, 0, "user:ana").status().code(),
      StatusCode::kInvalidArgument);
  // A bad document is refused with the path of the fault, and nothing is written.
  json bad = HousingCase();
  bad["stage"] = "finished";
  auto refused = UpdateCase(store, clock_, *fw_, "qc-housing-coop", bad, 0, "user:ana");
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(refused.status().message().find("stage"), std::string::npos);
  EXPECT_EQ(CaseHistory(store, "qc-housing-coop", true)->size(), 2u);
}

TEST_P(KnowledgeServiceTest, SearchCountsFacetsAndChecksItsInput) {
  auto& store = db_.store();
  std::string file = WriteFile(
      "cases.json", json::array({HousingCase(), OtherCase("fish", "Fish use co-op", "ocean", 14),
                                 OtherCase("energy", "Energy co-operative", "energy", 7)})
                        .dump());
  auto report = ImportCaseFile(store, clock_, *fw_, file, "cli:admin");
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->created, 3);
  // Importing again changes nothing.
  report = ImportCaseFile(store, clock_, *fw_, file, "cli:admin");
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->unchanged, 3);
  EXPECT_EQ(report->created, 0);

  CaseSearchRequest q;
  q.q = "cooperative";
  json r = Search(q);
  EXPECT_EQ(r["total"], 2);  // housing and energy; "co-op" is not "cooperative"
  bool seen_sdg11 = false;
  for (const json& v : r["facets"]["sdg"]) {
    if (v["value"] == "11") seen_sdg11 = v["count"] == 1;
  }
  EXPECT_TRUE(seen_sdg11) << r["facets"].dump();
  q.filters["theme"] = {"energy"};
  r = Search(q);
  ASSERT_EQ(r["total"], 1);
  EXPECT_EQ(r["items"][0]["id"], "energy");

  // Bad input: an unknown facet, a limit out of range, an unknown status.
  CaseSearchRequest bad;
  bad.filters["colour"] = {"red"};
  auto refused = SearchCases(store, *fw_, bad);
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(refused.status().message().find("facets: sdg, country"), std::string::npos);
  bad = CaseSearchRequest();
  bad.limit = 0;
  EXPECT_EQ(SearchCases(store, *fw_, bad).status().code(), StatusCode::kInvalidArgument);
  bad.limit = 10;
  bad.drafts = true;
  bad.status = "lost";
  EXPECT_EQ(SearchCases(store, *fw_, bad).status().code(), StatusCode::kInvalidArgument);
}

TEST_P(KnowledgeServiceTest, AFailedImportKeepsNothing) {
  auto& store = db_.store();
  json bad = OtherCase("bad", "Bad", "x", 99);  // no SDG 99
  std::string file =
      WriteFile("bad.json", json::array({OtherCase("good", "Good co-op", "food", 2), bad}).dump());
  auto report = ImportCaseFile(store, clock_, *fw_, file, "cli:admin");
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find("case 2"), std::string::npos)
      << report.status().message();
  EXPECT_EQ(*store.CountCases(), 0);
  EXPECT_EQ(ImportCaseFile(store, clock_, *fw_, WriteFile("x.json", "{\"a\":1}"), "cli:admin")
                .status()
                .code(),
            StatusCode::kInvalidArgument);
}

TEST_P(KnowledgeServiceTest, SimilarCasesShareWordsAndFacets) {
  auto& store = db_.store();
  std::string file = WriteFile(
      "similar.json",
      json::array({HousingCase(),
                   OtherCase("uy-housing", "Mutual-aid housing co-operatives", "housing", 11),
                   OtherCase("fish", "Fish use", "ocean", 14),
                   OtherCase("housing-fund", "Community housing fund", "finance", 1)})
          .dump());
  ASSERT_TRUE(ImportCaseFile(store, clock_, *fw_, file, "cli:admin").ok());
  auto similar = SimilarCases(store, *fw_, "qc-housing-coop", 5, false, "en");
  ASSERT_TRUE(similar.ok()) << similar.status().ToString();
  const json& items = (*similar)["items"];
  ASSERT_EQ(items.size(), 2u) << items.dump();
  EXPECT_EQ(items[0]["id"], "uy-housing");  // shares the theme and SDG 11
  EXPECT_EQ(items[1]["id"], "housing-fund");
  EXPECT_FALSE(items[0]["shared"].empty());
  EXPECT_EQ(SimilarCases(store, *fw_, "nope", 5, false, "en").status().code(),
            StatusCode::kNotFound);
}

TEST_P(KnowledgeServiceTest, TransferOfAStoredCaseFlagsWhatTheTargetLacks) {
  auto& store = db_.store();
  std::string file = WriteFile("one.json", json::array({HousingCase()}).dump());
  ASSERT_TRUE(ImportCaseFile(store, clock_, *fw_, file, "cli:admin").ok());
  json target = {{"id", "rural"},
                 {"socio_cultural", {{"trust", "low"}}},
                 {"socio_economic", {{"finance_mechanisms", json::array({"rosca"})}}}};
  auto analysis = TransferOfCase(store, *fw_, "qc-housing-coop", target, false);
  ASSERT_TRUE(analysis.ok()) << analysis.status().ToString();
  EXPECT_EQ((*analysis)["case_version"], 1);
  std::set<std::string> flags;
  for (const json& f : (*analysis)["risk_flags"]) flags.insert(f["id"].get<std::string>());
  EXPECT_TRUE(flags.count("trust_dependency")) << analysis->dump();
  EXPECT_TRUE(flags.count("finance_mechanism_missing")) << analysis->dump();
  target["socio_cultural"]["trust"] = "very";
  auto refused = TransferOfCase(store, *fw_, "qc-housing-coop", target, false);
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(TransferOfCase(store, *fw_, "nope", json::object(), false).status().code(),
            StatusCode::kNotFound);

  json catalogue = ContextCatalogueJson(*fw_, "fr");
  EXPECT_EQ(catalogue["domains"].size(), 7u);
  bool trust_in_french = false;
  for (const json& f : catalogue["features"]) {
    if (f["id"] == "trust") trust_in_french = f["label"] != "Trust" && !f["values"].empty();
  }
  EXPECT_TRUE(trust_in_french);
  ASSERT_EQ(catalogue["flags"].size(), fw_->flags.size());
  EXPECT_EQ(catalogue["flags"][0]["id"], fw_->flags[0].id);
  bool trust_flag = false;
  for (const json& f : catalogue["flags"]) {
    if (f["id"] == "trust_dependency") trust_flag = f["severity"] == "high";
  }
  EXPECT_TRUE(trust_flag);
}

TEST_P(KnowledgeServiceTest, TransfersLinkCasesAndFeedTheFlagHistory) {
  auto& store = db_.store();
  std::string file = WriteFile(
      "lineage.json",
      json::array({HousingCase(), OtherCase("sn-housing", "Housing co-op in Dakar", "housing", 11),
                   OtherCase("bo-housing", "Housing co-op in El Alto", "housing", 11)})
          .dump());
  ASSERT_TRUE(ImportCaseFile(store, clock_, *fw_, file, "cli:admin").ok());
  // Flags computed from the target when not given.
  json t1 = {
      {"origin_case", "qc-housing-coop"},
      {"case", "sn-housing"},
      {"target", {{"socio_cultural", {{"trust", "low"}}}}},
      {"adaptations", json::array({{{"element", "member_mortgage"},
                                    {"when", "pre_implementation"},
                                    {"planned", "planned"},
                                    {"description", {{"en", "A tontine replaces the mortgage"}}},
                                    {"fidelity_consistent", false}}})},
      {"outcome", "failure"}};
  auto recorded = RecordTransfer(store, clock_, *fw_, t1, "user:ana");
  ASSERT_TRUE(recorded.ok()) << recorded.status().ToString();
  EXPECT_EQ((*recorded)["version"], 1);
  EXPECT_EQ((*recorded)["flags"], json::array({"trust_dependency"}));
  const std::string id = (*recorded)["id"];
  EXPECT_EQ(id.rfind("tr-qc-housing-coop-", 0), 0u) << id;
  json t2 = {{"origin_case", "qc-housing-coop"},
             {"case", "bo-housing"},
             {"flags", json::array({"trust_dependency", "finance_mechanism_missing"})},
             {"outcome", "success"}};
  ASSERT_TRUE(RecordTransfer(store, clock_, *fw_, t2, "user:ana").ok());
  // The outcome changes: a new version of the same transfer.
  t1["id"] = id;
  t1["outcome"] = "abandoned";
  auto again = RecordTransfer(store, clock_, *fw_, t1, "user:ana");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ((*again)["version"], 2);
  json missing = t2;
  missing["case"] = "nowhere";
  EXPECT_EQ(RecordTransfer(store, clock_, *fw_, missing, "user:ana").status().code(),
            StatusCode::kInvalidArgument);

  auto lineage = LineageOf(store, *fw_, "qc-housing-coop", false);
  ASSERT_TRUE(lineage.ok()) << lineage.status().ToString();
  EXPECT_EQ((*lineage)["transfers"].size(), 2u);
  EXPECT_TRUE((*lineage)["origin"].empty());
  const json& history = (*lineage)["flag_history"];
  EXPECT_EQ(history["transfers_known"], 2);
  EXPECT_EQ(history["failed"], 1);
  EXPECT_EQ(history["flags"][0]["flag"], "trust_dependency");
  EXPECT_EQ(history["flags"][0]["transfers"], 2);
  EXPECT_EQ(history["flags"][0]["failed"], 1);
  auto adapted = LineageOf(store, *fw_, "sn-housing", false);
  ASSERT_TRUE(adapted.ok());
  ASSERT_EQ((*adapted)["origin"].size(), 1u);
  EXPECT_EQ((*adapted)["origin"][0]["outcome"], "abandoned");
}

TEST_P(KnowledgeServiceTest, WatchesAreSavedSearchesWithAnAtomFeed) {
  auto& store = db_.store();
  std::string file = WriteFile(
      "watch.json",
      json::array({HousingCase(), OtherCase("fish", "Fish & chips co-op <best>", "ocean", 14)})
          .dump());
  ASSERT_TRUE(ImportCaseFile(store, clock_, *fw_, file, "cli:admin").ok());
  auto w = SaveWatch(store, clock_, {{"name", "Oceans"}, {"sdg", json::array({14})}}, "user:ana");
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  const std::string id = (*w)["id"];
  EXPECT_EQ(id.size(), 18u);
  EXPECT_EQ(SaveWatch(store, clock_, {{"name", "All"}}, "user:ana").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(SaveWatch(store, clock_, {{"name", "x"}, {"colour", json::array({"red"})}}, "user:ana")
                .status()
                .code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ((*WatchesOf(store, "user:ana"))["items"].size(), 1u);
  EXPECT_TRUE((*WatchesOf(store, "user:bob"))["items"].empty());

  auto search = WatchSearch(store, id);
  ASSERT_TRUE(search.ok());
  auto feed = CasesFeedAtom(store, *fw_, *search, "Oceans", "https://ecosol.example",
                            "urn:ecosol:watch:" + id);
  ASSERT_TRUE(feed.ok()) << feed.status().ToString();
  EXPECT_NE(feed->find("<feed xmlns=\"http://www.w3.org/2005/Atom\">"), std::string::npos);
  EXPECT_NE(feed->find("<title>Fish &amp; chips co-op &lt;best&gt;</title>"), std::string::npos)
      << *feed;
  EXPECT_NE(feed->find("https://ecosol.example/#/knowledge/cases/fish"), std::string::npos);
  EXPECT_EQ(feed->find("qc-housing-coop"), std::string::npos);  // not SDG 14

  EXPECT_EQ(DeleteWatch(store, id, "user:bob").code(), StatusCode::kNotFound);
  ASSERT_TRUE(DeleteWatch(store, id, "user:ana").ok());
  EXPECT_EQ(WatchSearch(store, id).status().code(), StatusCode::kNotFound);
}

TEST_P(KnowledgeServiceTest, UndpImportIsAllOrNothingAndIdempotent) {
  auto& store = db_.store();
  auto record = [](const std::string& id, const std::string& title,
                   const std::string& what =
                       "small farmers who share a solar-powered cold store "
                       "so that their vegetables keep for days") {
    return json({{"id", id},
                 {"title", title},
                 {"type", "solution"},
                 {"year", "2022"},
                 {"countries", json::array({"Zambia", "Atlantis"})},
                 {"sdgs", json::array({"2. Zero hunger"})},
                 {"thematic_areas", json::array({"Food"})},
                 {"methods", json::array()},
                 {"latlng", ""},
                 {"text", "## Solution\n\nWhat is it?: A cooperative of " + what + "."}})
        .dump();
  };
  std::string good =
      record("cold_store", "Shared cold store") + "\n" +
      record("seed_bank", "Community seed bank",
             "farmers who keep and exchange the seeds of local varieties each year") +
      "\n";
  std::string file = WriteFile("undp.jsonl", good);
  auto report = ImportUndpFile(store, clock_, *fw_, file, "cli:admin");
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->created, 2);
  EXPECT_EQ(report->warnings.size(), 2u);  // Atlantis, once per record
  EXPECT_NE(report->warnings[0].find(":1: "), std::string::npos) << report->warnings[0];
  report = ImportUndpFile(store, clock_, *fw_, file, "cli:admin");
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->unchanged, 2);
  CaseSearchRequest q;
  q.q = "cold store";
  q.filters["country"] = {"ZM"};
  EXPECT_EQ(Search(q)["total"], 1);

  // A bad line stops the import, names the line, and keeps nothing of it.
  std::string bad = WriteFile(
      "bad.jsonl", record("third", "Third") + "\n{not json\n" + record("fourth", "Fourth") + "\n");
  auto refused = ImportUndpFile(store, clock_, *fw_, bad, "cli:admin");
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find(":2"), std::string::npos) << refused.status().message();
  EXPECT_EQ(*store.CountCases(), 2);
  EXPECT_EQ(
      ImportUndpFile(store, clock_, *fw_, "/nonexistent/undp.jsonl", "cli:admin").status().code(),
      StatusCode::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, KnowledgeServiceTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::knowledge
