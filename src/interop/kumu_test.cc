#include "ecosol/interop/kumu.h"

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace ecosol::interop {
namespace {

using nlohmann::json;

model::Actor MakeActor(const std::string& id, const std::string& name) {
  model::Actor a;
  a.id = id;
  a.name = name;
  return a;
}

model::Relationship Tie(const std::string& id, const std::string& from, const std::string& to,
                        model::RelationshipType type = model::RelationshipType::kMemberOf) {
  model::Relationship r;
  r.id = id;
  r.from = from;
  r.to = to;
  r.type = type;
  return r;
}

// Label -> Ecosol ID of the blueprint's elements.
std::map<std::string, std::string> IdsByLabel(const json& doc) {
  std::map<std::string, std::string> ids;
  for (const json& e : doc["elements"]) ids[e["label"]] = e["Ecosol ID"];
  return ids;
}

TEST(KumuTest, WritesElementsAndConnectionsOfABlueprint) {
  model::Actor coop = MakeActor("coop", "Food Co-op");
  coop.description = {{"fr", "Coopérative alimentaire"}, {"en", "A food co-op"}};
  coop.claims = {"cooperative"};
  coop.structures = {"OS115"};
  coop.activities = {"ICA140"};
  coop.website = "https://food.example";
  coop.contacts = {{"email", "hi@food.example"}};
  coop.address.country = "GB";
  coop.territory = "GB/wales";
  model::Actor network = MakeActor("net", "Network");
  network.kind = model::ActorKind::kNetwork;
  model::Relationship member = Tie("r1", "coop", "net");
  member.strength = 0.5;
  member.started = "2020-01-01";
  member.description = "since 2020";
  json doc = json::parse(WriteKumu(
      {coop, network}, {member, Tie("r2", "coop", "net", model::RelationshipType::kPartnerOf)}));
  ASSERT_EQ(doc["elements"].size(), 2u);
  const json& e = doc["elements"][0];
  EXPECT_EQ(e["label"], "Food Co-op");
  EXPECT_EQ(e["type"], "Organisation");
  EXPECT_EQ(e["description"], "A food co-op");
  EXPECT_EQ(e["tags"], json::array({"cooperative", "OS115", "ICA140"}));
  EXPECT_EQ(e["Ecosol ID"], "coop");
  EXPECT_EQ(e["url"], "https://food.example");
  EXPECT_EQ(e["email"], "hi@food.example");
  EXPECT_EQ(e["Territory"], "GB/wales");
  EXPECT_EQ(doc["elements"][1]["type"], "Network");
  EXPECT_FALSE(doc["elements"][1].contains("description"));
  ASSERT_EQ(doc["connections"].size(), 2u);
  const json& c = doc["connections"][0];
  EXPECT_EQ(c["from"], "Food Co-op");
  EXPECT_EQ(c["to"], "Network");
  EXPECT_EQ(c["type"], "Member of");
  EXPECT_EQ(c["direction"], "directed");
  EXPECT_EQ(c["Strength"], 0.5);
  EXPECT_EQ(c["Started"], "2020-01-01");
  EXPECT_EQ(c["description"], "since 2020");
  EXPECT_EQ(c["Ecosol ID"], "r1");
  EXPECT_EQ(doc["connections"][1]["direction"], "mutual");
  EXPECT_EQ(doc["connections"][1]["type"], "Partner of");
}

TEST(KumuTest, LabelsAreUniqueAndConnectionsFindTheirEnds) {
  std::vector<model::Actor> actors = {
      MakeActor("a", "Food Co-op"), MakeActor("b", "Food Co-op"), MakeActor("c", "Food Co-op (b)"),
      MakeActor("d", ""),           MakeActor("e", "Unique"),     MakeActor("f", "Food Co-op (b)")};
  json doc = json::parse(WriteKumu(actors, {Tie("r1", "a", "b"), Tie("r2", "b", "c"),
                                            Tie("r3", "d", "e"), Tie("r4", "f", "a")}));
  std::set<std::string> labels;
  for (const json& e : doc["elements"]) labels.insert(e["label"]);
  EXPECT_EQ(labels.size(), actors.size());
  auto ids = IdsByLabel(doc);
  EXPECT_EQ(ids.at("Unique"), "e");
  EXPECT_EQ(ids.at("d"), "d");  // no name: the id
  EXPECT_EQ(ids.at("Food Co-op (a)"), "a");
  const std::vector<std::pair<std::string, std::string>> ends = {
      {"a", "b"}, {"b", "c"}, {"d", "e"}, {"f", "a"}};
  ASSERT_EQ(doc["connections"].size(), ends.size());
  for (size_t i = 0; i < ends.size(); ++i) {
    const json& c = doc["connections"][i];
    EXPECT_EQ(ids.at(c["from"]), ends[i].first) << i;
    EXPECT_EQ(ids.at(c["to"]), ends[i].second) << i;
  }
}

TEST(KumuTest, OnlyRelationshipsBetweenExportedActorsAreWritten) {
  model::Actor gone = MakeActor("gone", "Gone");
  gone.deleted = true;
  model::Relationship deleted = Tie("r4", "a", "b");
  deleted.deleted = true;
  json doc = json::parse(
      WriteKumu({MakeActor("a", "A"), MakeActor("b", "B"), gone, MakeActor("a", "A again")},
                {Tie("r1", "a", "b"), Tie("r2", "a", "elsewhere"), Tie("r3", "gone", "b"), deleted,
                 Tie("r5", "b", "a", model::RelationshipType::kFunds)}));
  ASSERT_EQ(doc["elements"].size(), 2u);
  std::vector<std::string> written;
  for (const json& c : doc["connections"]) written.push_back(c["Ecosol ID"]);
  EXPECT_EQ(written, (std::vector<std::string>{"r1", "r5"}));
}

TEST(KumuTest, OddCharactersAreEscaped) {
  const std::string odd = "Quote \" back\\slash\nnew line\ttab \x01 «Coopérative» Ω 🌱 </script>";
  model::Actor a = MakeActor("odd", odd);
  a.description = {{"en", odd}};
  model::Actor bad = MakeActor("bad", "Bad \xff byte");
  model::Relationship r = Tie("r1", "odd", "bad");
  r.description = odd;
  std::string text = WriteKumu({a, bad}, {r});
  EXPECT_EQ(text.find('\x01'), std::string::npos);
  EXPECT_EQ(text.find("new line\ttab"), std::string::npos);
  json doc = json::parse(text);
  EXPECT_EQ(doc["elements"][0]["label"], odd);
  EXPECT_EQ(doc["elements"][0]["description"], odd);
  EXPECT_EQ(doc["connections"][0]["from"], odd);
  EXPECT_EQ(doc["connections"][0]["description"], odd);
  EXPECT_EQ(doc["elements"][1]["label"], "Bad \xEF\xBF\xBD byte");  // replaced, not thrown
}

TEST(KumuTest, NoActorsIsAnEmptyBlueprint) {
  json doc = json::parse(WriteKumu({}, {Tie("r1", "a", "b")}));
  EXPECT_EQ(doc, json({{"elements", json::array()}, {"connections", json::array()}}));
}

}  // namespace
}  // namespace ecosol::interop
