// Partner matching from the store: offers and wants recorded, versioned, audited, deleted and
// restored; Murmurations imports all or nothing; recommendations and broker gaps over what a
// reader may see. Runs on both backends, on the demo's Quebec.

#include "ecosol/ecosystem/partners_service.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "blocks_demo.h"
#include "ecosol/registry/registry.h"
#include "test_paths.h"
#include "test_store.h"

namespace ecosol::ecosystem {
namespace {

using nlohmann::json;

const std::string kFrameworks = ::ecosol::testing::SourceDir() + "/frameworks";

// A Murmurations offers_wants profile.
json Profile(const std::string& exchange, const std::string& title,
             const std::vector<std::string>& tags) {
  return {{"linked_schemas", {"offers_wants_schema-v0.1.0"}},
          {"exchange_type", exchange},
          {"transaction_type", {"receive-donate", "borrow-lend"}},
          {"tags", tags},
          {"title", title},
          {"description", title + ", for our members."},
          {"geographic_scope", "regional"},
          {"contact_details", {{"email", "contact@example.org"}}}};
}

bool Recommends(const Recommendations& r, const std::string& id) {
  return std::any_of(r.items.begin(), r.items.end(),
                     [&](const Recommendation& x) { return x.partner_id == id; });
}

class PartnersServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  PartnersServiceTest()
      : db_(GetParam()), clock_(std::chrono::sys_days{std::chrono::year{2026} / 11 / 29}) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    auto framework = PartnerFrameworkIn(kFrameworks);
    ASSERT_TRUE(framework.ok()) << framework.status().ToString();
    framework_ = *framework;
    registry::Registry reg(db_.store(), clock_);
    ASSERT_TRUE(reg.LoadTaxonomies(testing::TaxonomyFolder()).ok());
    TerritorySnapshot quebec = demo::Quebec();
    for (model::Actor a : quebec.actors) {
      a.territory = "CA/QC";
      if (a.id == "risq") a.visibility = model::Visibility::kPrivate;
      auto created = reg.CreateActor(a, "test", "api");
      ASSERT_TRUE(created.ok()) << a.id << ": " << created.status().ToString();
    }
    for (const model::Relationship& r : quebec.relationships) {
      ASSERT_TRUE(reg.CreateRelationship(r, "test").ok()) << r.id;
    }
    model::Territory t = quebec.territory;
    t.id = "CA/QC";
    ASSERT_TRUE(db_.store().PutTerritory(t).ok());
    everyone_.audience.everything = true;
  }

  Result<store::OfferWantRecord> Save(const json& doc, const std::string& actor) {
    auto in = OfferWantInput(doc, actor, *framework_, "request body");
    if (!in.ok()) return in.status();
    return SaveOfferWant(db_.store(), clock_, *framework_, *in, author_);
  }

  long long AuditEntries(const std::string& action) {
    auto entries = db_.store().AuditEntries(1, 1000);
    EXPECT_TRUE(entries.ok());
    return std::count_if(entries->begin(), entries->end(),
                         [&](const store::AuditEntry& e) { return e.action == action; });
  }

  testing::TestStore db_;
  FakeClock clock_;
  std::shared_ptr<const PartnerFramework> framework_;
  EditAuthor author_{"user:usr-1", "203.0.113.9"};
  SnapshotScope public_;
  SnapshotScope everyone_;
};

TEST_P(PartnersServiceTest, OffersAndWantsAreVersionedAuditedAndRecoverable) {
  auto saved = Save(Profile("want", "Loan for a new kitchen", {"finance"}), "cpe");
  ASSERT_TRUE(saved.ok()) << saved.status().ToString();
  EXPECT_EQ(saved->version, 1);
  EXPECT_EQ(saved->exchange_type, "want");
  EXPECT_EQ(saved->updated_by, "user:usr-1");
  EXPECT_EQ(saved->id.rfind("ow-", 0), 0u);

  auto mine = OffersWantsOf(db_.store(), "cpe", false);
  ASSERT_TRUE(mine.ok()) << mine.status().ToString();
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ((*mine)[0].asset_type, "finance");
  EXPECT_EQ((*mine)[0].title, "Loan for a new kitchen");

  // A new version under the same id.
  json edit = Profile("want", "Loan for a kitchen and an oven", {"finance"});
  edit["id"] = saved->id;
  auto second = Save(edit, "cpe");
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->id, saved->id);
  EXPECT_EQ(second->version, 2);

  ASSERT_TRUE(SetOfferWantDeleted(db_.store(), clock_, saved->id, true, author_).ok());
  EXPECT_TRUE(OffersWantsOf(db_.store(), "cpe", false)->empty());
  EXPECT_EQ(SetOfferWantDeleted(db_.store(), clock_, saved->id, true, author_).status().code(),
            StatusCode::kConflict);
  auto restored = SetOfferWantDeleted(db_.store(), clock_, saved->id, false, author_);
  ASSERT_TRUE(restored.ok());
  EXPECT_EQ(restored->version, 4);
  auto versions = OfferWantVersions(db_.store(), saved->id);
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 4u);
  EXPECT_NE((*versions)[0].doc.find("Loan for a new kitchen"), std::string::npos);
  EXPECT_EQ(AuditEntries("offer_want.put"), 2);
  EXPECT_EQ(AuditEntries("offer_want.delete"), 1);
  EXPECT_EQ(AuditEntries("offer_want.restore"), 1);
  EXPECT_EQ(OfferWantVersions(db_.store(), "ow-none").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(SetOfferWantDeleted(db_.store(), clock_, "ow-none", true, author_).status().code(),
            StatusCode::kNotFound);
}

TEST_P(PartnersServiceTest, BadInputIsRefusedAndChangesNothing) {
  // Not a Murmurations profile: a transaction type the schema does not know.
  json bad = Profile("want", "Loan", {"finance"});
  bad["transaction_type"] = {"swap"};
  auto refused = Save(bad, "cpe");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(refused.status().message().find("transaction_type"), std::string::npos)
      << refused.status().message();
  // An actor that is not in the registry.
  EXPECT_EQ(Save(Profile("offer", "Rooms", {"premises"}), "nobody").status().code(),
            StatusCode::kNotFound);
  // Another actor's id.
  auto theirs = Save(Profile("offer", "Rooms to rent", {"premises"}), "ecotech");
  ASSERT_TRUE(theirs.ok()) << theirs.status().ToString();
  json steal = Profile("offer", "Rooms", {"premises"});
  steal["id"] = theirs->id;
  auto stolen = Save(steal, "cpe");
  EXPECT_EQ(stolen.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(stolen.status().message().find("belongs to actor 'ecotech'"), std::string::npos);
  // Ecosol's own shape without an id is a new one.
  json ours = {{"exchange_type", "offer"},
               {"title", "Vans to lend"},
               {"description", "Two vans."},
               {"geographic_scope", "local"},
               {"transaction_types", {"borrow-lend"}},
               {"tags", {"equipment"}},
               {"contact_details", {{"email", "a@example.org"}}}};
  auto own = Save(ours, "ecotech");
  ASSERT_TRUE(own.ok()) << own.status().ToString();
  EXPECT_EQ(own->id.rfind("ow-", 0), 0u);
  EXPECT_TRUE(SetOfferWantDeleted(db_.store(), clock_, own->id, true, author_).ok());
  // An actor_id in the body that is not the one addressed.
  json other = Profile("offer", "Rooms", {"premises"});
  other["actor_id"] = "ecotech";
  EXPECT_EQ(OfferWantInput(other, "cpe", *framework_, "request body").status().code(),
            StatusCode::kInvalidArgument);

  auto all = OffersWantsOf(db_.store(), "", false);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].title, "Rooms to rent");
  EXPECT_EQ(AuditEntries("offer_want.put"), 2);
}

TEST_P(PartnersServiceTest, ImportIsAllOrNothing) {
  json list = json::array();
  json a = Profile("want", "Training in co-op governance", {"training"});
  a["actor_id"] = "cpe";
  json b = Profile("offer", "Meeting rooms", {"premises"});
  b["actor_id"] = "ecotech";
  json broken = Profile("offer", "Vans", {"equipment"});  // no actor_id
  list.push_back(a);
  list.push_back(b);
  list.push_back(broken);
  auto failed = ImportOffersWants(db_.store(), clock_, *framework_, list, "", author_);
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.status().message().find("entry 3"), std::string::npos)
      << failed.status().message();
  EXPECT_TRUE(OffersWantsOf(db_.store(), "", true)->empty());

  list[2]["actor_id"] = "nobody";
  failed = ImportOffersWants(db_.store(), clock_, *framework_, list, "", author_);
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.status().message().find("entry 3"), std::string::npos);
  EXPECT_TRUE(OffersWantsOf(db_.store(), "", true)->empty());

  list.erase(2);
  auto done =
      ImportOffersWants(db_.store(), clock_, *framework_, {{"offers_wants", list}}, "", author_);
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  EXPECT_EQ(*done, 2);
  EXPECT_EQ(OffersWantsOf(db_.store(), "", false)->size(), 2u);
  // Importing the same file again changes nothing (ids come from the profiles); a changed entry
  // is a new version of the same one.
  ASSERT_TRUE(ImportOffersWants(db_.store(), clock_, *framework_, list, "", author_).ok());
  auto after = OffersWantsOf(db_.store(), "", false);
  ASSERT_EQ(after->size(), 2u);
  EXPECT_EQ(OfferWantVersions(db_.store(), (*after)[0].id)->size(), 1u);
  EXPECT_EQ(AuditEntries("offer_want.put"), 2);
  list[0]["description"] = "Training in co-op governance, for our board.";
  ASSERT_TRUE(ImportOffersWants(db_.store(), clock_, *framework_, list, "", author_).ok());
  EXPECT_EQ(OffersWantsOf(db_.store(), "", false)->size(), 2u);
  EXPECT_EQ(AuditEntries("offer_want.put"), 3);
}

TEST_P(PartnersServiceTest, RecommendsWhatTheReaderMaySee) {
  ASSERT_TRUE(Save(Profile("want", "Loan for a new kitchen", {"finance"}), "cpe").ok());
  PartnerQuery q;
  q.actor_id = "cpe";
  auto all = PartnersFor(db_.store(), everyone_, kFrameworks, q, clock_);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(all->needs_source, NeedsSource::kDeclared);
  // Both finance intermediaries offer finance; the private one only to who may see it.
  EXPECT_TRUE(Recommends(*all, "fiducie"));
  EXPECT_TRUE(Recommends(*all, "risq"));
  for (const Recommendation& r : all->items) {
    EXPECT_GT(r.score, 0);
    for (const char* lang : {"en", "fr", "es", "pt"}) EXPECT_FALSE(r.explanation.at(lang).empty());
  }
  auto seen = PartnersFor(db_.store(), public_, kFrameworks, q, clock_);
  ASSERT_TRUE(seen.ok()) << seen.status().ToString();
  EXPECT_TRUE(Recommends(*seen, "fiducie"));
  EXPECT_FALSE(Recommends(*seen, "risq"));

  // The private actor cannot be asked about by the public.
  q.actor_id = "risq";
  EXPECT_EQ(PartnersFor(db_.store(), public_, kFrameworks, q, clock_).status().code(),
            StatusCode::kNotFound);
}

TEST_P(PartnersServiceTest, BrokerGapsNeedAKnownTerritory) {
  auto gaps = BrokerGapsIn(db_.store(), everyone_, kFrameworks, "CA/QC", clock_);
  ASSERT_TRUE(gaps.ok()) << gaps.status().ToString();
  EXPECT_EQ(gaps->territory, "CA/QC");
  EXPECT_EQ(BrokerGapsIn(db_.store(), everyone_, kFrameworks, "CA/XX", clock_).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(
      BrokerGapsIn(db_.store(), everyone_, kFrameworks, "not a territory!", clock_).status().code(),
      StatusCode::kInvalidArgument);
}

TEST_P(PartnersServiceTest, StampMovesWithEveryWrite) {
  auto before = OffersWantsStamp(db_.store());
  ASSERT_TRUE(before.ok());
  auto saved = Save(Profile("offer", "Rooms", {"premises"}), "ecotech");
  ASSERT_TRUE(saved.ok());
  auto after = OffersWantsStamp(db_.store());
  EXPECT_NE(*before, *after);
  ASSERT_TRUE(SetOfferWantDeleted(db_.store(), clock_, saved->id, true, author_).ok());
  EXPECT_NE(*after, *OffersWantsStamp(db_.store()));
}

INSTANTIATE_TEST_SUITE_P(Backends, PartnersServiceTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::ecosystem
