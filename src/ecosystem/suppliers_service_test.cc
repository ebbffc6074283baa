// Suppliers for a tender from the store: stored screening profiles decide, awards are recorded
// as audited `supplies` relationships that raise the market-access block, article 77(2)(d)
// reads them, and a refused award writes nothing. Runs on both backends.

#include "ecosol/ecosystem/suppliers_service.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "ecosol/ecosystem/blocks_service.h"
#include "ecosol/registry/registry.h"
#include "test_paths.h"
#include "test_store.h"

namespace ecosol::ecosystem {
namespace {

using nlohmann::json;

const std::string kFrameworks = ::ecosol::testing::SourceDir() + "/frameworks";

class SuppliersServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  SuppliersServiceTest()
      : db_(GetParam()), clock_(std::chrono::sys_days{std::chrono::year{2026} / 11 / 29}) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    auto catalogue = screening::LoadFrameworks(kFrameworks);
    ASSERT_TRUE(catalogue.ok()) << catalogue.status().ToString();
    catalogue_ = *catalogue;
    auto analyzer = text::ClauseAnalyzer::Load(::ecosol::testing::SourceDir() + "/data/clauses");
    ASSERT_TRUE(analyzer.ok()) << analyzer.status().ToString();
    registry_ = std::make_unique<registry::Registry>(db_.store(), clock_);
    ASSERT_TRUE(registry_->LoadTaxonomies(testing::TaxonomyFolder()).ok());
    screening_ =
        std::make_unique<screening::ScreeningService>(*registry_, catalogue_, *analyzer, clock_);
    Create("cardiff-cc", "Cardiff Council", model::ActorKind::kPublicBody, {});
    Create("care-coop", "Gofal Care Co-operative", model::ActorKind::kOrganisation, {"ICA140"});
    Create("care-ltd", "Care Limited", model::ActorKind::kOrganisation, {"ICA140"});
    Create("bakery", "Bakery", model::ActorKind::kOrganisation, {"ICA230"});
    json good = {{"purpose", {{"general_interest", true}}},
                 {"profits", {{"distributable", false}}},
                 {"governance", {{"voting_rule", "one_member_one_vote"}}}};
    ASSERT_TRUE(screening_->SaveProfile("care-coop", good, nullptr, "tester").ok());
    everyone_.audience.everything = true;
  }

  void Create(const std::string& id, const std::string& name, model::ActorKind kind,
              std::vector<std::string> activities) {
    model::Actor a;
    a.id = id;
    a.name = name;
    a.kind = kind;
    a.activities = std::move(activities);
    a.address.country = "GB";
    a.address.region = "Wales";
    a.address.locality = "Cardiff";
    auto created = registry_->CreateActor(a, "test", "api");
    ASSERT_TRUE(created.ok()) << id << ": " << created.status().ToString();
  }

  Tender Art77(const std::string& reference, const std::string& date) {
    Tender t;
    t.buyer = "cardiff-cc";
    t.title = "Home care";
    t.reference = reference;
    t.date = date;
    t.activities = {"ICA140"};
    t.territory = "GB/wales";
    t.reservation = "eu-2014-24-art77";
    t.max_duration_years = 3;
    return t;
  }

  double MarketAccess() {
    auto framework = BlocksFrameworkIn(kFrameworks);
    EXPECT_TRUE(framework.ok());
    auto report = TerritoryBlocks(db_.store(), everyone_, **framework, "GB/wales");
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    for (const BlockCoverage& b : report->blocks) {
      if (b.block == "market_access") return b.hard;
    }
    return -1;
  }

  testing::TestStore db_;
  FakeClock clock_;
  std::shared_ptr<const screening::Catalogue> catalogue_;
  std::unique_ptr<registry::Registry> registry_;
  std::unique_ptr<screening::ScreeningService> screening_;
  SnapshotScope everyone_;
};

TEST_P(SuppliersServiceTest, StoredProfilesDecideAndUnscreenedActorsLackEvidence) {
  auto r =
      SuppliersFor(db_.store(), everyone_, *screening_, *catalogue_, Art77("T-1", "2026-11-29"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->suppliers.size(), 2u);  // the bakery's activity does not match
  EXPECT_EQ(r->suppliers[0].actor.id, "care-coop");
  EXPECT_EQ(r->suppliers[0].verdict, SupplierVerdict::kEligible);
  EXPECT_EQ(r->suppliers[0].profile_version, 1);
  EXPECT_EQ(r->suppliers[1].actor.id, "care-ltd");
  EXPECT_EQ(r->suppliers[1].verdict, SupplierVerdict::kInsufficientEvidence);
  EXPECT_EQ(r->suppliers[1].profile_version, 0);
}

TEST_P(SuppliersServiceTest, UnknownTerritoryAndBuyerAreNotFound) {
  Tender t = Art77("T-1", "2026-11-29");
  t.territory = "GB/scotland";
  auto r = SuppliersFor(db_.store(), everyone_, *screening_, *catalogue_, t);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  t = Art77("T-1", "2026-11-29");
  t.buyer = "nobody";
  EXPECT_EQ(SuppliersFor(db_.store(), everyone_, *screening_, *catalogue_, t).status().code(),
            StatusCode::kNotFound);
}

TEST_P(SuppliersServiceTest, AnAwardIsAProcurementLinkAndExcludesUnderArticle77For3Years) {
  EXPECT_EQ(MarketAccess(), 0);
  registry_->SetAuditSource("user:buyer", "203.0.113.9");
  auto rel =
      RecordAward(*registry_, *catalogue_, {Art77("T-1", "2024-11-01"), "care-coop", "2024-12-01"});
  ASSERT_TRUE(rel.ok()) << rel.status().ToString();
  EXPECT_EQ(rel->type, model::RelationshipType::kSupplies);
  EXPECT_EQ(rel->from, "care-coop");
  EXPECT_EQ(rel->to, "cardiff-cc");
  EXPECT_EQ(rel->started, "2024-12-01");
  EXPECT_NE(rel->description.find("article 77"), std::string::npos);
  EXPECT_NE(rel->description.find("T-1"), std::string::npos);
  // The procurement_links signal is present: the market-access block gains its 60 points.
  EXPECT_EQ(MarketAccess(), 60);
  auto audit = db_.store().AuditEntries(1, 1000);
  ASSERT_TRUE(audit.ok());
  EXPECT_TRUE(std::any_of(audit->begin(), audit->end(), [](const store::AuditEntry& e) {
    return e.action == "relationship.create" && e.who == "user:buyer";
  }));

  // Two years later the same buyer's next article 77 tender excludes the winner ...
  auto r =
      SuppliersFor(db_.store(), everyone_, *screening_, *catalogue_, Art77("T-2", "2026-11-29"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  // Nobody is eligible: the one with every condition decided comes first.
  ASSERT_EQ(r->suppliers.size(), 2u);
  EXPECT_EQ(r->suppliers[0].actor.id, "care-coop");
  EXPECT_EQ(r->suppliers[0].verdict, SupplierVerdict::kNotEligible);
  ASSERT_EQ(r->suppliers[0].recent_awards.size(), 1u);
  EXPECT_EQ(r->suppliers[0].recent_awards[0].relationship_id, rel->id);
  EXPECT_EQ(r->suppliers[1].actor.id, "care-ltd");
  // ... and recording such an award is refused, writing nothing.
  auto again =
      RecordAward(*registry_, *catalogue_, {Art77("T-2", "2026-11-29"), "care-coop", "2026-12-01"});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kConflict);
  auto rels = registry_->RelationshipsOf("care-coop");
  ASSERT_TRUE(rels.ok());
  EXPECT_EQ(rels->size(), 1u);
  // Four years after the award it is eligible again.
  r = SuppliersFor(db_.store(), everyone_, *screening_, *catalogue_, Art77("T-3", "2028-12-02"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->suppliers[0].actor.id, "care-coop");
  EXPECT_EQ(r->suppliers[0].verdict, SupplierVerdict::kEligible);
}

TEST_P(SuppliersServiceTest, BadAwardsWriteNothing) {
  auto count = [&] {
    auto rels = registry_->RelationshipsOf("cardiff-cc");
    EXPECT_TRUE(rels.ok());
    return rels->size();
  };
  Tender t = Art77("T-1", "2026-11-29");
  EXPECT_EQ(RecordAward(*registry_, *catalogue_, {t, "nobody", "2026-12-01"}).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(RecordAward(*registry_, *catalogue_, {t, "care-coop", "2026-01-01"}).status().code(),
            StatusCode::kInvalidArgument);  // before the tender
  t.max_duration_years = 5;
  EXPECT_EQ(RecordAward(*registry_, *catalogue_, {t, "care-coop", "2026-12-01"}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(count(), 0u);
  t.max_duration_years = 2;
  ASSERT_TRUE(RecordAward(*registry_, *catalogue_, {t, "care-ltd", "2026-12-01"}).ok());
  // The same award twice is a conflict.
  EXPECT_EQ(RecordAward(*registry_, *catalogue_, {t, "care-ltd", "2026-12-01"}).status().code(),
            StatusCode::kConflict);
  EXPECT_EQ(count(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, SuppliersServiceTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::ecosystem
