#include "ecosol/registry/registry.h"

#include <gtest/gtest.h>

#include <set>

#include "test_store.h"

namespace ecosol::registry {
namespace {

using model::Actor;

class RegistryTest : public ::testing::TestWithParam<std::string> {
 protected:
  RegistryTest()
      : db_(GetParam()), clock_(std::chrono::sys_days{std::chrono::year{2026} / 11 / 28}) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    registry_ = std::make_unique<Registry>(db_.store(), clock_);
    Status s = registry_->LoadTaxonomies(testing::TaxonomyFolder());
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  static ImportRow Row(long long line, const std::string& key, const std::string& name) {
    ImportRow row;
    row.line = line;
    row.actor.name = name;
    row.actor.identifiers["coops-uk"] = key;
    row.actor.structures = {"OS115"};
    row.actor.address.country = "GB";
    return row;
  }

  ImportOptions Options() {
    ImportOptions o;
    o.source = "test-source";
    o.id_scheme = "coops-uk";
    o.id_prefix = "cuk";
    return o;
  }

  testing::TestStore db_;
  FakeClock clock_;
  std::unique_ptr<Registry> registry_;
};

TEST_P(RegistryTest, TaxonomyHasLabelsInFourLanguages) {
  auto tax = registry_->taxonomy();
  ASSERT_TRUE(tax.ok());
  EXPECT_TRUE((*tax)->Has("organisational-structure", "OS115"));
  EXPECT_EQ((*tax)->Label("organisational-structure", "OS115", "fr"), "Coopérative");
  EXPECT_EQ((*tax)->Label("activities-ica", "ICA10", "es"), "Agricultura");
  EXPECT_EQ((*tax)->Label("countries", "GB", "pt"), "Reino Unido");
  EXPECT_EQ((*tax)->Terms("base-membership-type").size(), 6u);
}

TEST_P(RegistryTest, CreateValidatesAndStampsProvenance) {
  Actor a;
  a.name = "TIESS";
  a.kind = model::ActorKind::kNetwork;
  a.address.country = "CA";
  a.primary_activity = "ICA200";
  auto created = registry_->CreateActor(a, "api");
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(created->version, 1);
  EXPECT_FALSE(created->id.empty());
  EXPECT_EQ(created->activities, std::vector<std::string>{"ICA200"});
  EXPECT_EQ(created->territory, "CA");
  EXPECT_EQ(created->provenance.at("name").source, "api");
  EXPECT_EQ(created->provenance.at("name").date, "2026-11-28");

  Actor bad;
  bad.structures = {"OS999"};
  bad.address.country = "XX";
  bad.location = model::Location{95, 0, model::LocationPrecision::kExact};
  auto r = registry_->CreateActor(bad, "api");
  ASSERT_FALSE(r.ok());
  const std::string& msg = r.status().message();
  for (const char* field : {"name", "structures", "address.country", "location.lat"}) {
    EXPECT_NE(msg.find(field), std::string::npos) << field << " in " << msg;
  }
}

TEST_P(RegistryTest, UpdateVersionsAndChecksExpectedVersion) {
  Actor a;
  a.id = "x";
  a.name = "X";
  ASSERT_TRUE(registry_->CreateActor(a, "api").ok());
  auto updated = registry_->UpdateActor("x", {{"website", "https://x.coop"}}, 1, "api");
  ASSERT_TRUE(updated.ok()) << updated.status().ToString();
  EXPECT_EQ(updated->version, 2);
  auto primary = registry_->UpdateActor("x", {{"primary_activity", "ICA140"}}, 2, "api");
  ASSERT_TRUE(primary.ok()) << primary.status().ToString();
  EXPECT_EQ(primary->activities, std::vector<std::string>{"ICA140"});
  auto stale = registry_->UpdateActor("x", {{"website", "https://y.coop"}}, 1, "api");
  EXPECT_EQ(stale.status().code(), StatusCode::kConflict);
  auto same = registry_->UpdateActor("x", {{"website", "https://x.coop"}}, std::nullopt, "api");
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->version, 3);  // no change, no new version
  auto history = db_.store().ActorHistory("x");
  ASSERT_TRUE(history.ok());
  EXPECT_EQ(history->size(), 3u);
}

TEST_P(RegistryTest, DeleteIsRecoverable) {
  Actor a;
  a.id = "x";
  a.name = "X";
  ASSERT_TRUE(registry_->CreateActor(a, "api").ok());
  ASSERT_TRUE(registry_->DeleteActor("x").ok());
  EXPECT_EQ(registry_->GetActor("x").status().code(), StatusCode::kNotFound);
  auto restored = registry_->RestoreActor("x");
  ASSERT_TRUE(restored.ok());
  EXPECT_EQ(restored->version, 3);
  EXPECT_TRUE(registry_->GetActor("x").ok());
}

TEST_P(RegistryTest, RelationshipsNeedLiveEndpoints) {
  for (const char* id : {"a", "b"}) {
    Actor x;
    x.id = id;
    x.name = id;
    ASSERT_TRUE(registry_->CreateActor(x, "api").ok());
  }
  model::Relationship r;
  r.from = "a";
  r.to = "missing";
  r.strength = 2;
  auto bad = registry_->CreateRelationship(r, "api");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("to: no actor"), std::string::npos);
  EXPECT_NE(bad.status().message().find("strength"), std::string::npos);
  r.to = "b";
  r.strength = 0.4;
  auto ok = registry_->CreateRelationship(r, "api");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  auto patched = registry_->UpdateRelationship(ok->id, {{"type", "funds"}}, "api");
  ASSERT_TRUE(patched.ok());
  EXPECT_EQ(patched->type, model::RelationshipType::kFunds);
  ASSERT_TRUE(registry_->DeleteRelationship(ok->id).ok());
  EXPECT_TRUE(registry_->RelationshipsOf("a")->empty());
}

TEST_P(RegistryTest, ImportIsAllOrNothingUnlessSkipInvalid) {
  std::vector<ImportRow> rows = {Row(2, "R1", "One"), Row(3, "R2", ""), Row(4, "R1", "Dup")};
  auto report = registry_->Import(rows, Options());
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->committed);
  ASSERT_EQ(report->rejected.size(), 2u);
  EXPECT_EQ(report->rejected[0].line, 3);
  EXPECT_EQ(report->rejected[0].field, "name");
  EXPECT_EQ(report->rejected[1].line, 4);
  EXPECT_EQ(*db_.store().CountActors(), 0);

  ImportOptions skip = Options();
  skip.skip_invalid = true;
  report = registry_->Import(rows, skip);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->committed);
  EXPECT_EQ(report->imported, 1);
  EXPECT_EQ(*db_.store().CountActors(), 1);
}

TEST_P(RegistryTest, ReimportUpdatesInPlaceAndKeepsOtherEdits) {
  ASSERT_TRUE(registry_->Import({Row(2, "R1", "One"), Row(3, "R2", "Two")}, Options()).ok());
  auto id = db_.store().FindByIdentifier("coops-uk", "R1");
  ASSERT_TRUE(id.ok() && id->has_value());
  EXPECT_EQ(**id, "cuk-r1");
  // A steward corrects the website through the API.
  ASSERT_TRUE(registry_->UpdateActor("cuk-r1", {{"website", "https://one.coop"}}, {}, "api").ok());

  auto again = registry_->Import({Row(2, "R1", "One"), Row(3, "R2", "Two")}, Options());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->imported, 0);
  EXPECT_EQ(again->updated, 0);
  EXPECT_EQ(again->unchanged, 2);

  ImportRow changed = Row(3, "R2", "Two Renamed");
  auto third = registry_->Import({Row(2, "R1", "One"), changed}, Options());
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third->updated, 1);
  auto two = registry_->GetActor("cuk-r2");
  EXPECT_EQ(two->name, "Two Renamed");
  EXPECT_EQ(two->version, 2);
  auto one = registry_->GetActor("cuk-r1");
  EXPECT_EQ(one->website, "https://one.coop");
  EXPECT_EQ(*db_.store().CountActors(), 2);
  // The audit log: one entry per import, the API change, and the re-imported change with what it
  // replaced.
  auto log = db_.store().AuditEntries(1, 0);
  ASSERT_TRUE(log.ok());
  std::vector<std::string> actions;
  for (const auto& e : *log) actions.push_back(e.action + " " + e.object_id);
  EXPECT_EQ(actions, (std::vector<std::string>{"actors.create test-source", "import test-source",
                                               "actor.update cuk-r1", "import test-source",
                                               "actor.update cuk-r2", "import test-source"}));
  // Created actors are listed by id with the SHA-256 of their first document.
  auto created = nlohmann::json::parse((*log)[0].after)["created"];
  ASSERT_EQ(created.size(), 2u);
  EXPECT_EQ(created[0][0], "cuk-r1");
  auto history = db_.store().ActorHistory("cuk-r1");
  ASSERT_TRUE(history.ok());
  EXPECT_EQ(created[0][1], store::Sha256Hex(store::EncodeActor(history->front().actor).doc));
  EXPECT_NE((*log)[4].before.find("\"Two\""), std::string::npos);
  EXPECT_NE((*log)[4].after.find("Two Renamed"), std::string::npos);
}

// Imports are read and written batch by batch (1,000 rows): a rejection far into the input
// still refuses everything written before it.
TEST_P(RegistryTest, LateRejectionRollsBackEarlierBatches) {
  std::vector<ImportRow> rows;
  for (int i = 0; i < 2500; ++i) {
    rows.push_back(Row(i + 2, "R" + std::to_string(i), "Co-op " + std::to_string(i)));
  }
  rows[2200].actor.structures = {"OS999999"};  // unknown code
  std::vector<ImportProgress> seen;
  ImportOptions o = Options();
  o.progress = [&](const ImportProgress& p) { seen.push_back(p); };
  auto report = registry_->Import(rows, o);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_FALSE(report->committed);
  ASSERT_EQ(report->rejected.size(), 1u);
  EXPECT_EQ(report->rejected[0].line, 2202);
  EXPECT_EQ(report->rejected[0].field, "structures");
  EXPECT_EQ(report->imported, 0);
  EXPECT_EQ(*db_.store().CountActors(), 0);
  ASSERT_EQ(seen.size(), 3u);  // one report per batch, the last one complete
  EXPECT_EQ(seen.back().rows, 2500u);
  EXPECT_EQ(seen.back().done, seen.back().total);
  EXPECT_FALSE(seen.back().finishing);  // refused: nothing to finish

  o.skip_invalid = true;
  seen.clear();
  report = registry_->Import(rows, o);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->committed);
  ASSERT_EQ(seen.size(), 4u);  // three batches, then the finishing step
  EXPECT_TRUE(seen.back().finishing);
  EXPECT_EQ(seen.back().rows, 2500u);
  EXPECT_EQ(report->imported, 2499);
  EXPECT_EQ(*db_.store().CountActors(), 2499);
  store::ActorQuery q;
  q.q = "co-op 1999";
  auto page = registry_->ListActors(q);
  ASSERT_TRUE(page.ok());
  ASSERT_FALSE(page->items.empty());
  EXPECT_EQ(page->items[0].name, "Co-op 1999");
}

// Identifiers whose slugs collide get distinct ids, in an empty registry (where the import
// tracks the ids it created) and in one that holds actors (where the store is asked). "R-1-2"
// comes from its identifier to the id that "R 1" was given instead of the taken "cuk-r-1".
TEST_P(RegistryTest, CollidingIdsAreMadeUnique) {
  auto first = registry_->Import(
      {Row(2, "R-1", "One"), Row(3, "R 1", "Two"), Row(4, "R-1-2", "Four")}, Options());
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_TRUE(first->committed);
  auto second = registry_->Import({Row(2, "R.1", "Three")}, Options());
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  ASSERT_TRUE(second->committed);
  std::set<std::string> ids;
  for (const char* key : {"R-1", "R 1", "R.1", "R-1-2"}) {
    auto id = db_.store().FindByIdentifier("coops-uk", key);
    ASSERT_TRUE(id.ok() && id->has_value()) << key;
    ids.insert(**id);
  }
  EXPECT_EQ(ids, (std::set<std::string>{"cuk-r-1", "cuk-r-1-2", "cuk-r-1-3", "cuk-r-1-2-2"}));
  EXPECT_EQ(**db_.store().FindByIdentifier("coops-uk", "R-1-2"), "cuk-r-1-2-2");
}

TEST_P(RegistryTest, ImportPlacesActorsInTheTerritoryChain) {
  ImportRow cardiff = Row(2, "R1", "One");
  cardiff.actor.address.region = "Wales";
  cardiff.actor.address.locality = "Cardiff";
  ImportRow swansea = Row(3, "R2", "Two");
  swansea.actor.address.region = "WALES";  // the same region, written differently
  swansea.actor.address.locality = "Swansea";
  ImportRow leeds = Row(4, "R3", "Three");
  leeds.actor.address.locality = "Leeds";  // no region: the locality is under the country
  auto report = registry_->Import({cardiff, swansea, leeds}, Options());
  ASSERT_TRUE(report.ok() && report->committed);
  EXPECT_EQ(registry_->GetActor("cuk-r1")->territory, "GB/wales/cardiff");
  EXPECT_EQ(registry_->GetActor("cuk-r3")->territory, "GB/leeds");

  auto countries = registry_->ListTerritories("");
  ASSERT_TRUE(countries.ok()) << countries.status().ToString();
  ASSERT_EQ(countries->size(), 1u);
  EXPECT_EQ((*countries)[0].territory.name, "United Kingdom");
  EXPECT_EQ((*countries)[0].actors, 3);
  EXPECT_EQ((*countries)[0].children, 2);  // Leeds and Wales
  auto in_gb = registry_->ListTerritories("GB");
  ASSERT_TRUE(in_gb.ok());
  ASSERT_EQ(in_gb->size(), 2u);
  EXPECT_EQ((*in_gb)[0].territory,
            (model::Territory{"GB/leeds", "GB", "Leeds", "locality", std::nullopt}));
  EXPECT_EQ((*in_gb)[1].territory.name, "Wales");  // the first spelling seen
  EXPECT_EQ((*in_gb)[1].actors, 2);
  auto in_wales = registry_->ListTerritories("GB/wales");
  ASSERT_TRUE(in_wales.ok());
  ASSERT_EQ(in_wales->size(), 2u);
  EXPECT_EQ((*in_wales)[0].territory.level, "locality");
  EXPECT_EQ(registry_->ListTerritories("GB/nowhere").status().code(), StatusCode::kNotFound);
}

TEST_P(RegistryTest, TerritoryFollowsTheAddressUnlessGiven) {
  Actor a;
  a.id = "x";
  a.name = "X";
  a.address = {"", "Montréal", "Québec", "", "CA"};
  a.territory = "CA";  // an ancestor of the address's territory is made precise
  auto created = registry_->CreateActor(a, "api");
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(created->territory, "CA/quebec/montreal");
  EXPECT_EQ(registry_->GetTerritory("CA/quebec")->territory.name, "Québec");

  auto moved = registry_->UpdateActor("x", {{"address", {{"country", "FR"}}}}, {}, "api");
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  EXPECT_EQ(moved->territory, "FR");
  auto given = registry_->UpdateActor("x", {{"territory", "FR/pays-basque"}}, {}, "api");
  ASSERT_TRUE(given.ok()) << given.status().ToString();
  EXPECT_EQ(given->territory, "FR/pays-basque");
  EXPECT_EQ(registry_->GetTerritory("FR/pays-basque")->territory.level, "region");
  auto bad = registry_->UpdateActor("x", {{"territory", "XX/somewhere"}}, {}, "api");
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
}

TEST_P(RegistryTest, PopulationCanBeSetAndCleared) {
  ASSERT_TRUE(registry_->Import({Row(2, "R1", "One")}, Options()).ok());
  ASSERT_TRUE(registry_->SetPopulation("GB", 67000000).ok());
  EXPECT_EQ(registry_->GetTerritory("GB")->territory.population, 67000000);
  // A later import does not erase it.
  ImportRow again = Row(2, "R1", "One renamed");
  ASSERT_TRUE(registry_->Import({again}, Options()).ok());
  EXPECT_EQ(registry_->GetTerritory("GB")->territory.population, 67000000);
  ASSERT_TRUE(registry_->SetPopulation("GB", std::nullopt).ok());
  EXPECT_FALSE(registry_->GetTerritory("GB")->territory.population.has_value());
  EXPECT_EQ(registry_->SetPopulation("GB", -1).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(registry_->SetPopulation("ZZ", 1).code(), StatusCode::kNotFound);
  EXPECT_EQ(registry_->GetTerritory("ZZ").status().code(), StatusCode::kNotFound);
}

TEST_P(RegistryTest, PublicViewHidesHiddenLocations) {
  Actor a;
  a.location = model::Location{1, 2, model::LocationPrecision::kHidden};
  EXPECT_FALSE(PublicView(a)->location.has_value());
  a.location = model::Location{51.48163, -3.17909, model::LocationPrecision::kApproximate};
  auto rounded = PublicView(a)->location;
  ASSERT_TRUE(rounded.has_value());
  EXPECT_DOUBLE_EQ(rounded->lat, 51.48);
  EXPECT_DOUBLE_EQ(rounded->lon, -3.18);
  // Its members see it exactly.
  EXPECT_DOUBLE_EQ(ViewAs(a, model::Visibility::kPrivate)->location->lat, 51.48163);
}

TEST_P(RegistryTest, ViewsKeepWhatEachLevelMaySee) {
  Actor a;
  a.id = "x";
  a.name = "Safe routes";
  a.description = {{"en", "Women's e-rickshaw network"}};
  a.contacts = {{"phone", "+91 0000"}};
  a.address = {"12 Lane", "Lucknow", "Uttar Pradesh", "226001", "IN"};
  a.territory = "IN/uttar-pradesh/lucknow";
  a.provenance["contacts"] = {"s", "2026-01-01", "api"};
  a.field_visibility = {{"contacts", model::Visibility::kPrivate},
                        {"address", model::Visibility::kNetwork}};
  auto pub = PublicView(a);
  ASSERT_TRUE(pub.has_value());
  EXPECT_TRUE(pub->contacts.empty());
  EXPECT_FALSE(pub->provenance.count("contacts"));
  EXPECT_EQ(pub->address, (model::Address{"", "", "", "", "IN"}));
  EXPECT_EQ(pub->territory, "IN");
  EXPECT_TRUE(pub->field_visibility.empty());
  EXPECT_EQ(pub->description, a.description);
  auto net = ViewAs(a, model::Visibility::kNetwork);
  EXPECT_TRUE(net->contacts.empty());
  EXPECT_EQ(net->address.locality, "Lucknow");
  EXPECT_EQ(*ViewAs(a, model::Visibility::kPrivate), a);
  a.visibility = model::Visibility::kNetwork;
  EXPECT_FALSE(PublicView(a).has_value());
  EXPECT_TRUE(ViewAs(a, model::Visibility::kNetwork).has_value());
}

INSTANTIATE_TEST_SUITE_P(Backends, RegistryTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::registry
