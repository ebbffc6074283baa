#include "ecosol/registry/merge.h"

#include <gtest/gtest.h>

#include "ecosol/model/json.h"
#include "test_store.h"

namespace ecosol::registry {
namespace {

using model::Actor;
using nlohmann::json;

class MergeTest : public ::testing::TestWithParam<std::string> {
 protected:
  MergeTest() : db_(GetParam()), clock_(std::chrono::sys_days{std::chrono::year{2026} / 11 / 29}) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    registry_ = std::make_unique<Registry>(db_.store(), clock_);
    Status s = registry_->LoadTaxonomies(testing::TaxonomyFolder());
    ASSERT_TRUE(s.ok()) << s.ToString();
    registry_->SetAuditSource("user:steward", "127.0.0.1");

    // The same co-operative from the Co-operatives UK register and from a network's map, and a
    // network both belong to.
    Actor reg;
    reg.id = "cuk-r1";
    reg.name = "Suma Wholefoods Limited";
    reg.legal_form = "Society";
    reg.founded = "1977-01-01";
    reg.activities = {"ICA140"};
    reg.structures = {"OS115"};
    reg.address = {"Dean Clough", "Halifax", "", "HX3 5AN", "GB"};
    reg.identifiers = {{"coops-uk", "R1"}, {"fca", "1234R"}};
    reg.attributes = {{"sic_code", "46390"}};
    Create(reg, "coops-uk-standard-2023");

    Actor map;
    map.id = "map-7";
    map.name = "Suma";
    map.founded = "1975";
    map.website = "https://suma.coop";
    map.description = {{"en", "A workers' co-operative wholesaler"}};
    map.activities = {"ICA140", "ICA230"};
    map.address = {"", "Elland", "", "HX5 9AE", "GB"};
    map.location = model::Location{53.68, -1.83, model::LocationPrecision::kExact};
    map.contacts = {{"email", "info@suma.coop"}};
    map.identifiers = {{"susy", "S-7"}, {"fca", "9999R"}};
    Create(map, "susy-map");

    Actor net;
    net.id = "net";
    net.kind = model::ActorKind::kNetwork;
    net.name = "Co-operatives North";
    net.address.country = "GB";
    Create(net, "seed");

    model::Relationship rel;
    rel.from = "map-7";
    rel.to = "net";
    rel.type = model::RelationshipType::kMemberOf;
    auto created = registry_->CreateRelationship(rel, "susy-map");
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    rel_id_ = created->id;
  }

  void Create(const Actor& a, const std::string& source) {
    auto created = registry_->CreateActor(a, source, "import");
    ASSERT_TRUE(created.ok()) << created.status().ToString();
  }

  MergeRequest Request() {
    MergeRequest r;
    r.survivor = "map-7";
    r.merged = {"cuk-r1"};
    return r;
  }

  testing::TestStore db_;
  FakeClock clock_;
  std::unique_ptr<Registry> registry_;
  std::string rel_id_;
};

TEST_P(MergeTest, SurvivorshipRulesDecideEachFieldAndEveryRecordIsKept) {
  auto merge = registry_->MergeActors(Request());
  ASSERT_TRUE(merge.ok()) << merge.status().ToString();
  EXPECT_EQ(merge->survivor_id, "map-7");
  EXPECT_EQ(merge->who, "user:steward");

  auto s = registry_->GetActor("map-7");
  ASSERT_TRUE(s.ok());
  // The register wins for registered facts (default rules) ...
  EXPECT_EQ(s->name, "Suma Wholefoods Limited");
  EXPECT_EQ(s->provenance.at("name").source, "coops-uk-standard-2023");
  EXPECT_EQ(s->legal_form, "Society");
  EXPECT_EQ(s->founded, "1977-01-01");
  // ... the survivor keeps its own values elsewhere; lists are joined, maps filled key by key.
  EXPECT_EQ(s->website, "https://suma.coop");
  EXPECT_EQ(s->address.locality, "Elland");
  EXPECT_EQ(s->provenance.at("address").source, "susy-map");
  EXPECT_EQ(s->activities, (std::vector<std::string>{"ICA140", "ICA230"}));
  EXPECT_EQ(s->structures, std::vector<std::string>{"OS115"});
  EXPECT_EQ(s->attributes.at("sic_code"), "46390");
  // Identifiers move, except where the survivor has another value in the scheme.
  EXPECT_EQ(s->identifiers.at("coops-uk"), "R1");
  EXPECT_EQ(s->identifiers.at("fca"), "9999R");
  EXPECT_EQ(*db_.store().FindByIdentifier("coops-uk", "R1"), std::optional<std::string>("map-7"));
  EXPECT_EQ(*db_.store().FindByIdentifier("fca", "1234R"), std::optional<std::string>("cuk-r1"));

  // The merged record is kept, deleted, pointing at the survivor, with its history.
  EXPECT_EQ(registry_->GetActor("cuk-r1").status().code(), StatusCode::kNotFound);
  auto kept = db_.store().GetActor("cuk-r1");
  ASSERT_TRUE(kept.ok() && kept->has_value());
  EXPECT_TRUE((*kept)->deleted);
  EXPECT_EQ((*kept)->attributes.at("merged_into"), "map-7");
  EXPECT_EQ((*kept)->name, "Suma Wholefoods Limited");
  auto history = db_.store().ActorHistory("map-7");
  ASSERT_TRUE(history.ok());
  EXPECT_EQ(history->back().change, "merge");
  EXPECT_EQ(history->front().actor.name, "Suma");

  // The record says what was decided, and the rules.
  json j = MergeRecordToJson(*merge);
  EXPECT_EQ(j["merged"], json::array({"cuk-r1"}));
  EXPECT_EQ(j["rules"]["fields"]["name"], json::array({"coops-uk", "*"}));
  bool name_recorded = false;
  for (const json& f : j["fields"]) {
    if (f["field"] == "name") {
      name_recorded = true;
      EXPECT_EQ(f["from"], json::array({"cuk-r1"}));
      EXPECT_EQ(f["before"], "Suma");
    }
  }
  EXPECT_TRUE(name_recorded);
  auto listed = db_.store().Merges("cuk-r1", 0);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].id, merge->id);
}

TEST_P(MergeTest, RelationshipsFollowTheSurvivor) {
  MergeRequest r = Request();
  r.survivor = "cuk-r1";
  r.merged = {"map-7"};
  ASSERT_TRUE(registry_->MergeActors(r).ok());
  auto rels = registry_->RelationshipsOf("cuk-r1");
  ASSERT_TRUE(rels.ok());
  ASSERT_EQ(rels->size(), 1u);
  EXPECT_EQ((*rels)[0].from, "cuk-r1");
  EXPECT_EQ((*rels)[0].to, "net");
}

TEST_P(MergeTest, CustomRulesAndDryRun) {
  MergeRequest r = Request();
  auto rules = SurvivorshipRulesFromJson(
      json{{"default", {"coops-uk", "*"}}, {"fields", {{"website", {"susy"}}}}});
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  r.rules = *rules;
  r.dry_run = true;
  auto preview = registry_->MergeActors(r);
  ASSERT_TRUE(preview.ok()) << preview.status().ToString();
  json result = json::parse(preview->doc)["result"];
  EXPECT_EQ(result["address"]["locality"], "Halifax");  // the register wins everywhere now
  EXPECT_EQ(result["website"], "https://suma.coop");
  // Nothing written.
  EXPECT_TRUE(registry_->GetActor("cuk-r1").ok());
  EXPECT_EQ(registry_->GetActor("map-7")->version, 1);
  EXPECT_TRUE(db_.store().Merges("", 0)->empty());

  EXPECT_EQ(SurvivorshipRulesFromJson(json{{"fields", {{"colour", {"*"}}}}}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(SurvivorshipRulesFromJson(json{{"default", json::array()}}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(SurvivorshipRulesFromJson(json{{"order", {"*"}}}).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_P(MergeTest, BadRequestsChangeNothing) {
  MergeRequest r = Request();
  r.merged = {"nobody"};
  EXPECT_EQ(registry_->MergeActors(r).status().code(), StatusCode::kNotFound);
  r.merged = {"map-7"};
  EXPECT_EQ(registry_->MergeActors(r).status().code(), StatusCode::kInvalidArgument);
  r.merged = {};
  EXPECT_EQ(registry_->MergeActors(r).status().code(), StatusCode::kInvalidArgument);
  r.merged = {"cuk-r1", "cuk-r1"};
  EXPECT_EQ(registry_->MergeActors(r).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(registry_->GetActor("map-7")->version, 1);
  EXPECT_EQ(registry_->GetActor("cuk-r1")->version, 1);
  EXPECT_TRUE(db_.store().Merges("", 0)->empty());
}

TEST_P(MergeTest, UnmergeRestoresEveryRecordAndKeepsLaterEdits) {
  auto merge = registry_->MergeActors(Request());
  ASSERT_TRUE(merge.ok()) << merge.status().ToString();
  // A steward edits the survivor's legal form after the merge.
  auto edited = registry_->UpdateActor("map-7", json{{"legal_form", "Co-operative society"}},
                                       std::nullopt, "api");
  ASSERT_TRUE(edited.ok()) << edited.status().ToString();

  auto undone = registry_->UnmergeActors(merge->id);
  ASSERT_TRUE(undone.ok()) << undone.status().ToString();
  EXPECT_FALSE(undone->undone_at.empty());
  EXPECT_EQ(undone->undone_by, "user:steward");

  auto s = registry_->GetActor("map-7");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->name, "Suma");
  EXPECT_EQ(s->founded, "1975");
  EXPECT_EQ(s->legal_form, "Co-operative society");  // edited since: kept
  EXPECT_EQ(s->activities, (std::vector<std::string>{"ICA140", "ICA230"}));
  EXPECT_EQ(s->identifiers.count("coops-uk"), 0u);
  EXPECT_EQ(s->provenance.at("name").source, "susy-map");

  auto r = registry_->GetActor("cuk-r1");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->name, "Suma Wholefoods Limited");
  EXPECT_EQ(r->identifiers.at("coops-uk"), "R1");
  EXPECT_EQ(r->attributes.count("merged_into"), 0u);
  EXPECT_EQ(r->version, 3);  // created, merged, unmerged
  EXPECT_EQ(*db_.store().FindByIdentifier("coops-uk", "R1"), std::optional<std::string>("cuk-r1"));

  json j = MergeRecordToJson(*undone);
  EXPECT_EQ(j["undo"]["kept"], json::array({"legal_form"}));
  EXPECT_EQ(registry_->UnmergeActors(merge->id).status().code(), StatusCode::kConflict);
  EXPECT_EQ(registry_->UnmergeActors("mrg-none").status().code(), StatusCode::kNotFound);
}

TEST_P(MergeTest, UnmergeMovesRelationshipsBack) {
  MergeRequest r = Request();
  r.survivor = "cuk-r1";
  r.merged = {"map-7"};
  auto merge = registry_->MergeActors(r);
  ASSERT_TRUE(merge.ok());
  ASSERT_TRUE(registry_->UnmergeActors(merge->id).ok());
  auto rel = registry_->RelationshipsOf("map-7");
  ASSERT_TRUE(rel.ok());
  ASSERT_EQ(rel->size(), 1u);
  EXPECT_EQ((*rel)[0].id, rel_id_);
  EXPECT_TRUE(registry_->RelationshipsOf("cuk-r1")->empty());
}

TEST_P(MergeTest, UnmergeRefusesWhenAMergedRecordWasRestored) {
  auto merge = registry_->MergeActors(Request());
  ASSERT_TRUE(merge.ok());
  ASSERT_TRUE(registry_->RestoreActor("cuk-r1").ok());
  Status s = registry_->UnmergeActors(merge->id).status();
  EXPECT_EQ(s.code(), StatusCode::kConflict);
  EXPECT_NE(s.message().find("cuk-r1"), std::string::npos);
  EXPECT_TRUE((*db_.store().GetMerge(merge->id))->undone_at.empty());
}

TEST_P(MergeTest, DistinctDecisionsLeaveTheReviewQueue) {
  Actor a;
  a.id = "cuk-r2";
  a.name = "Unicorn Grocery Limited";
  a.address = {"89 Albany Road", "Manchester", "", "M21 0BN", "GB"};
  Create(a, "coops-uk-standard-2023");
  a.id = "map-8";
  a.name = "Unicorn Grocery";
  a.website = "https://unicorn-grocery.coop";
  Create(a, "susy-map");
  const std::vector<std::string> pair = {"cuk-r2", "map-8"};
  DedupOptions o;
  auto before = PendingDuplicates(db_.store(), o);
  ASSERT_TRUE(before.ok()) << before.status().ToString();
  bool found = false;
  for (const auto& c : *before) found = found || c.ids == pair;
  ASSERT_TRUE(found) << "the two Unicorn records should be a candidate cluster";

  ASSERT_TRUE(DecideDistinct(db_.store(), "map-8", "cuk-r2", true, "user:s", "t").ok());
  auto after = PendingDuplicates(db_.store(), o);
  ASSERT_TRUE(after.ok());
  for (const auto& c : *after) {
    EXPECT_NE(c.ids, pair);
  }
  ASSERT_TRUE(DecideDistinct(db_.store(), "map-8", "cuk-r2", false, "user:s", "t").ok());
  EXPECT_EQ(PendingDuplicates(db_.store(), o)->size(), before->size());

  EXPECT_EQ(DecideDistinct(db_.store(), "map-7", "map-7", true, "u", "t").code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(DecideDistinct(db_.store(), "map-7", "ghost", true, "u", "t").code(),
            StatusCode::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, MergeTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::registry
