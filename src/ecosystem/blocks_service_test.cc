// The building blocks from the store: the demo's mature Quebec and immature rest of Canada
// written through the registry, read back as readers see them, compared, and perception
// assessments recorded, listed, deleted and restored. Runs on both backends.

#include "ecosol/ecosystem/blocks_service.h"

#include <gtest/gtest.h>

#include <chrono>

#include "blocks_demo.h"
#include "ecosol/registry/registry.h"
#include "test_paths.h"
#include "test_store.h"

namespace ecosol::ecosystem {
namespace {

using nlohmann::json;

const std::string kFrameworks = ::ecosol::testing::SourceDir() + "/frameworks";

const BlockCoverage* BlockOf(const TerritoryReport& r, const std::string& id) {
  for (const BlockCoverage& b : r.blocks) {
    if (b.block == id) return &b;
  }
  return nullptr;
}

const SignalResult* SignalOf(const TerritoryReport& r, const std::string& id) {
  for (const SignalResult& s : r.indicators.signals) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

TEST(BlocksFrameworkInTest, LoadsOncePerFolderAndNamesAMissingFile) {
  auto a = BlocksFrameworkIn(kFrameworks);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  auto b = BlocksFrameworkIn(kFrameworks);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(a->get(), b->get());
  EXPECT_EQ((*a)->blocks.size(), 7u);
  auto missing = BlocksFrameworkIn(::testing::TempDir() + "no-frameworks-here");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("building-blocks.yaml"), std::string::npos);
}

TEST(LocalizeTest, ReplacesFourLanguageTextsOnly) {
  json doc = {
      {"label", {{"en", "Market"}, {"fr", "Marché"}, {"es", "Mercado"}, {"pt", "Mercado"}}},
      {"items", json::array({{{"reason", {{"en", "a"}, {"fr", "b"}, {"es", "c"}, {"pt", "d"}}}}})},
      {"other", {{"en", "only English"}}},
      {"n", 3}};
  json fr = Localize(doc, "fr");
  EXPECT_EQ(fr["label"], "Marché");
  EXPECT_EQ(fr["items"][0]["reason"], "b");
  EXPECT_EQ(fr["other"], doc["other"]);
  EXPECT_EQ(fr["n"], 3);
  EXPECT_TRUE(CheckLanguage("pt").ok());
  EXPECT_NE(CheckLanguage("de").message().find("en, fr, es or pt"), std::string::npos);
}

TEST(ParseTerritoryListTest, TrimsAndSkipsEmptyNames) {
  EXPECT_EQ(ParseTerritoryList(" CA/QC, CA/rest ,,"),
            (std::vector<std::string>{"CA/QC", "CA/rest"}));
  EXPECT_TRUE(ParseTerritoryList("").empty());
}

TEST(PerceptionInputTest, ReadsScoresAndNamesBadKeys) {
  auto in = PerceptionInputFromJson(
      {{"territory", "CA/QC"},
       {"rater_role", "researcher"},
       {"scores",
        {{"market_access.private_buyers", 7}, {"market_access.social_procurement", nullptr}}}});
  ASSERT_TRUE(in.ok()) << in.status().ToString();
  EXPECT_EQ(in->territory, "CA/QC");
  EXPECT_EQ(in->scores.at("market_access.private_buyers"), 7.0);
  EXPECT_FALSE(in->scores.at("market_access.social_procurement").has_value());
  EXPECT_NE(
      PerceptionInputFromJson({{"scores", {{"x", "high"}}}}).status().message().find("scores.x"),
      std::string::npos);
  EXPECT_NE(PerceptionInputFromJson({{"territory", "CA"}}).status().message().find("scores"),
            std::string::npos);
  EXPECT_NE(PerceptionInputFromJson({{"scores", json::object()}, {"rater", "me"}})
                .status()
                .message()
                .find("'rater'"),
            std::string::npos);
  EXPECT_FALSE(PerceptionInputFromJson(json::array()).ok());
}

// Writes a demo territory into the store: its actors (placed under `place`), ties, indicators
// and assessments, and the territory with its name and population.
void WriteDemo(registry::Registry& reg, const TerritorySnapshot& demo, const std::string& place) {
  for (model::Actor a : demo.actors) {
    a.territory = place + (a.territory == demo.territory.id
                               ? ""
                               : "/" + a.territory.substr(a.territory.rfind('/') + 1));
    auto created = reg.CreateActor(a, "test", "api");
    ASSERT_TRUE(created.ok()) << a.id << ": " << created.status().ToString();
  }
  for (const model::Relationship& r : demo.relationships) {
    auto created = reg.CreateRelationship(r, "test");
    ASSERT_TRUE(created.ok()) << r.id << ": " << created.status().ToString();
  }
  model::Territory t = demo.territory;
  t.id = place;
  ASSERT_TRUE(reg.store().PutTerritory(t).ok());
  std::vector<store::IndicatorRecord> records;
  for (const ActorIndicator& i : demo.indicators) {
    records.push_back({i.actor_id, i.name, "2020", 1, i.unit, "test", "2020-12-31", ""});
    records.push_back({i.actor_id, i.name, i.period, i.value, i.unit, "test", "", ""});
  }
  ASSERT_TRUE(reg.store().PutIndicators(records).ok());
  for (store::PerceptionAssessment a : demo.assessments) {
    a.territory = place;
    ASSERT_TRUE(reg.store().PutPerceptionAssessment(a).ok());
  }
}

class BlocksServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  BlocksServiceTest()
      : db_(GetParam()), clock_(std::chrono::sys_days{std::chrono::year{2026} / 11 / 29}) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    auto framework = BlocksFrameworkIn(kFrameworks);
    ASSERT_TRUE(framework.ok()) << framework.status().ToString();
    framework_ = *framework;
    registry::Registry reg(db_.store(), clock_);
    ASSERT_TRUE(reg.LoadTaxonomies(testing::TaxonomyFolder()).ok());
    WriteDemo(reg, demo::Quebec(), "CA/QC");
    WriteDemo(reg, demo::RestOfCanada(), "CA/rest");
  }

  PerceptionAuthor Author(const std::string& rater, bool admin = false) {
    return {rater, admin, rater, "local"};
  }

  testing::TestStore db_;
  FakeClock clock_;
  std::shared_ptr<const BlocksFramework> framework_;
  SnapshotScope admin_;  // the public's view unless set
};

TEST_P(BlocksServiceTest, SnapshotHoldsTheTerritoryItsTiesPartnersIndicatorsAndRatings) {
  auto s = LoadTerritorySnapshot(db_.store(), admin_, "CA/QC");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->territory.name, "Quebec");
  EXPECT_EQ(s->territory.population, 8500000);
  EXPECT_EQ(s->actors.size(), 12u);
  EXPECT_EQ(s->relationships.size(), 16u);
  EXPECT_TRUE(s->partners.empty());
  ASSERT_EQ(s->indicators.size(), 1u);  // the latest of two periods
  EXPECT_EQ(s->indicators[0].period, "2025");
  EXPECT_EQ(s->indicators[0].value, 42);
  EXPECT_EQ(s->assessments.size(), 3u);

  auto rest = LoadTerritorySnapshot(db_.store(), admin_, "CA/rest");
  ASSERT_TRUE(rest.ok()) << rest.status().ToString();
  EXPECT_EQ(rest->actors.size(), 6u);  // placed below CA/rest
  auto country = LoadTerritorySnapshot(db_.store(), admin_, "CA");
  ASSERT_TRUE(country.ok());
  EXPECT_EQ(country->actors.size(), 18u);

  auto unknown = LoadTerritorySnapshot(db_.store(), admin_, "CA/YT");
  EXPECT_EQ(unknown.status().code(), StatusCode::kNotFound);
  EXPECT_NE(unknown.status().message().find("'CA/YT'"), std::string::npos);
  EXPECT_EQ(LoadTerritorySnapshot(db_.store(), admin_, "quebec").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(LoadTerritorySnapshot(db_.store(), admin_, "").status().code(),
            StatusCode::kInvalidArgument);
}

TEST_P(BlocksServiceTest, QuebecIsEnablingAndTheRestOfCanadaIsNot) {
  auto qc = TerritoryBlocks(db_.store(), admin_, *framework_, "CA/QC");
  ASSERT_TRUE(qc.ok()) << qc.status().ToString();
  EXPECT_EQ(qc->type.type, EcosystemType::kEnabling);
  EXPECT_EQ(qc->raters, 3);
  ASSERT_NE(SignalOf(*qc, "finance_federated_with_apex"), nullptr);
  EXPECT_TRUE(SignalOf(*qc, "finance_federated_with_apex")->present);
  ASSERT_NE(BlockOf(*qc, "market_access"), nullptr);
  EXPECT_TRUE(BlockOf(*qc, "market_access")->covered);

  auto rest = TerritoryBlocks(db_.store(), admin_, *framework_, "CA/rest");
  ASSERT_TRUE(rest.ok()) << rest.status().ToString();
  EXPECT_NE(rest->type.type, EcosystemType::kEnabling);
  EXPECT_FALSE(SignalOf(*rest, "finance_federated_with_apex")->present);
  EXPECT_FALSE(BlockOf(*rest, "market_access")->covered);
}

TEST_P(BlocksServiceTest, ComparisonExplainsTheMissingLinks) {
  auto c = CompareTerritories(db_.store(), admin_, *framework_, {"CA/QC", "CA/rest"});
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->territories, (std::vector<std::string>{"CA/QC", "CA/rest"}));
  EXPECT_EQ(c->names, (std::vector<std::string>{"Quebec", "Rest of Canada"}));
  bool federation_gap = false;
  for (const Difference& d : c->differences) {
    if (d.about == "finance_federated_with_apex") {
      federation_gap = d.ahead == std::vector<std::string>{"CA/QC"} &&
                       d.behind == std::vector<std::string>{"CA/rest"};
    }
  }
  EXPECT_TRUE(federation_gap);

  EXPECT_EQ(CompareTerritories(db_.store(), admin_, *framework_, {"CA/QC"}).status().code(),
            StatusCode::kInvalidArgument);
  auto twice = CompareTerritories(db_.store(), admin_, *framework_, {"CA/QC", "CA/rest", "CA/QC"});
  EXPECT_EQ(twice.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(twice.status().message().find("twice"), std::string::npos);
  EXPECT_EQ(
      CompareTerritories(db_.store(), admin_, *framework_, {"CA/QC", "CA/YT"}).status().code(),
      StatusCode::kNotFound);
}

TEST_P(BlocksServiceTest, ThePublicDoesNotSeePrivateActors) {
  registry::Registry reg(db_.store(), clock_);
  model::Actor hidden = demo::MakeActor("hidden-apex", "Hidden apex", model::ActorKind::kNetwork,
                                        "CA/rest", {"OS180"});
  hidden.visibility = model::Visibility::kPrivate;
  ASSERT_TRUE(reg.CreateActor(hidden, "test", "api").ok());
  auto pub = LoadTerritorySnapshot(db_.store(), admin_, "CA/rest");
  ASSERT_TRUE(pub.ok());
  EXPECT_EQ(pub->actors.size(), 6u);
  SnapshotScope everything;
  everything.audience.everything = true;
  auto all = LoadTerritorySnapshot(db_.store(), everything, "CA/rest");
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->actors.size(), 7u);
}

TEST_P(BlocksServiceTest, RecordsListsDeletesAndRestoresAssessments) {
  PerceptionInput in{
      "CA/rest",
      "funder",
      {{"market_access.private_buyers", 6}, {"market_access.social_procurement", {}}}};
  auto a = RecordPerception(db_.store(), clock_, *framework_, in, Author("user:alice"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->id.rfind("pa-", 0), 0u);
  EXPECT_EQ(a->id.size(), 19u);
  EXPECT_EQ(a->date, "2026-11-29");
  EXPECT_EQ(a->framework, "building-blocks");
  EXPECT_EQ(a->rater, "user:alice");
  auto stored = db_.store().GetPerceptionAssessment(a->id);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ(**stored, *a);

  auto listed = ListPerception(db_.store(), "CA/rest", false);
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->size(), 3u);
  auto stamp = BlocksInputsStamp(db_.store(), {"CA/rest"});
  ASSERT_TRUE(stamp.ok());

  // Someone else may not delete it; its rater may, once; an admin restores it.
  EXPECT_EQ(
      SetPerceptionDeleted(db_.store(), clock_, a->id, true, Author("user:bob")).status().code(),
      StatusCode::kPermissionDenied);
  auto deleted = SetPerceptionDeleted(db_.store(), clock_, a->id, true, Author("user:alice"));
  ASSERT_TRUE(deleted.ok()) << deleted.status().ToString();
  EXPECT_TRUE(deleted->deleted);
  EXPECT_EQ(
      SetPerceptionDeleted(db_.store(), clock_, a->id, true, Author("user:alice")).status().code(),
      StatusCode::kConflict);
  EXPECT_EQ(ListPerception(db_.store(), "CA/rest", false)->size(), 2u);
  EXPECT_EQ(ListPerception(db_.store(), "CA/rest", true)->size(), 3u);
  auto after_delete = BlocksInputsStamp(db_.store(), {"CA/rest"});
  ASSERT_TRUE(after_delete.ok());
  EXPECT_NE(*after_delete, *stamp);
  auto restored = SetPerceptionDeleted(db_.store(), clock_, a->id, false, Author("cli:root", true));
  ASSERT_TRUE(restored.ok()) << restored.status().ToString();
  EXPECT_FALSE(restored->deleted);
  EXPECT_EQ(
      SetPerceptionDeleted(db_.store(), clock_, "pa-none", true, Author("x", true)).status().code(),
      StatusCode::kNotFound);

  // Each write is in the audit log.
  auto audit = db_.store().AuditEntries(1, 0);
  ASSERT_TRUE(audit.ok());
  std::vector<std::string> actions;
  for (const store::AuditEntry& e : *audit) {
    if (e.object_type == "perception_assessment") actions.push_back(e.action + " " + e.who);
  }
  EXPECT_EQ(actions,
            (std::vector<std::string>{"perception.add user:alice", "perception.delete user:alice",
                                      "perception.restore cli:root"}));
  EXPECT_EQ(ListPerception(db_.store(), "CA/YT", false).status().code(), StatusCode::kNotFound);
}

TEST_P(BlocksServiceTest, BadRatingsAreRefusedAndNothingIsWritten) {
  auto count = [&] { return db_.store().PerceptionAssessments("CA/rest", true)->size(); };
  const size_t before = count();
  auto record = [&](PerceptionInput in) {
    return RecordPerception(db_.store(), clock_, *framework_, in, Author("user:alice")).status();
  };
  Status high = record({"CA/rest", "funder", {{"market_access.private_buyers", 11}}});
  EXPECT_EQ(high.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(high.message().find("market_access.private_buyers"), std::string::npos);
  Status unknown = record({"CA/rest", "funder", {{"market_access.cheap_loans", 5}}});
  EXPECT_EQ(unknown.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(unknown.message().find("market_access.cheap_loans"), std::string::npos);
  EXPECT_EQ(record({"CA/YT", "funder", {{"market_access.private_buyers", 5}}}).code(),
            StatusCode::kNotFound);
  EXPECT_EQ(record({"CA/rest", "funder", {}}).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(record({"", "funder", {{"market_access.private_buyers", 5}}}).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(
      RecordPerception(db_.store(), clock_, *framework_,
                       {"CA/rest", "funder", {{"market_access.private_buyers", 5}}}, Author(""))
          .status()
          .code(),
      StatusCode::kInvalidArgument);
  EXPECT_EQ(count(), before);
}

INSTANTIATE_TEST_SUITE_P(Backends, BlocksServiceTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::ecosystem
