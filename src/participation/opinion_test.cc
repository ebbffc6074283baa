// Opinion maps from the JSON form to the groups, their representative statements and the
// group-informed consensus, on planted camps and on cases small enough to compute by hand.

#include "ecosol/participation/opinion.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>

namespace ecosol::participation {
namespace {

using nlohmann::json;

json MapJson(const json& in) {
  auto input = ParseOpinionInput(in);
  EXPECT_TRUE(input.ok()) << input.status().ToString();
  if (!input.ok()) return nullptr;
  auto out = OpinionMap(*input);
  EXPECT_TRUE(out.ok()) << out.status().ToString();
  return out.ok() ? *out : json();
}

std::string ErrorOf(const json& in) {
  auto input = ParseOpinionInput(in);
  if (!input.ok()) return input.status().message();
  auto out = OpinionMap(*input);
  return out.ok() ? "no error" : out.status().message();
}

// 40 participants "a0".. agree with s1..s5 and disagree with s6..s10, 40 "b0".. the reverse;
// everyone agrees with s11 (but for 6 passes and 2 disagreements); s12..s30 are noise. Each
// camp vote is flipped with probability 0.05, passed with 0.05 and left unseen with 0.1.
json PlantedCamps(unsigned seed) {
  std::mt19937 rng(7);
  auto unit = [&] { return static_cast<double>(rng() % 10000) / 10000.0; };
  json statements = json::array(), votes = json::array();
  for (int s = 1; s <= 30; ++s) {
    statements.push_back(
        {{"id", "s" + std::to_string(s)}, {"text", "statement " + std::to_string(s)}});
  }
  for (int camp = 0; camp < 2; ++camp) {
    for (int i = 0; i < 40; ++i) {
      const std::string who = std::string(camp == 0 ? "a" : "b") + std::to_string(i);
      for (int s = 1; s <= 30; ++s) {
        int vote = s <= 10 ? ((s <= 5) == (camp == 0) ? 1 : -1) : s == 11 ? 1 : 0;
        if (s <= 10 && unit() < 0.05) vote = -vote;
        if (s > 11) vote = static_cast<int>(rng() % 3) - 1;
        if (s == 11 && i < 4) vote = i < 3 ? 0 : -1;
        if (s <= 10 && unit() < 0.05) vote = 0;
        if (s != 11 && unit() < 0.1) continue;  // unseen
        votes.push_back(
            {{"participant", who}, {"statement", "s" + std::to_string(s)}, {"vote", vote}});
      }
    }
  }
  return {{"statements", statements}, {"votes", votes}, {"seed", seed}};
}

TEST(OpinionTest, TwoPlantedCampsMakeTwoGroups) {
  const json out = MapJson(PlantedCamps(1));
  ASSERT_TRUE(out.is_object());
  EXPECT_EQ(out["participants"], 80);
  EXPECT_EQ(out["placed"], 80);
  EXPECT_EQ(out["k"], 2);
  EXPECT_EQ(out["silhouette"].size(), 4u);
  for (const char* k : {"3", "4", "5"}) EXPECT_GT(out["silhouette"]["2"], out["silhouette"][k]);
  // Each camp falls in one group, the camps in different groups, and on either side of the
  // first component.
  std::map<char, std::set<size_t>> groups;
  std::map<char, std::set<bool>> side;
  for (const json& p : out["points"]) {
    const char camp = p["participant"].get<std::string>()[0];
    groups[camp].insert(p["group"].get<size_t>());
    side[camp].insert(p["x"].get<double>() > 0);
  }
  ASSERT_EQ(groups['a'].size(), 1u);
  ASSERT_EQ(groups['b'].size(), 1u);
  EXPECT_NE(*groups['a'].begin(), *groups['b'].begin());
  EXPECT_EQ(side['a'].size(), 1u);
  EXPECT_EQ(side['b'].size(), 1u);
  const auto ratio = out["pca"]["explained_variance_ratio"];
  EXPECT_GT(ratio[0].get<double>(), 2 * ratio[1].get<double>());
  // The representative statements of camp a's group are the planted ones, as planted.
  const json& rep = out["groups"][*groups['a'].begin()]["representative"];
  ASSERT_EQ(rep.size(), 5u);
  for (const json& r : rep) {
    const int s = std::stoi(r["statement"].get<std::string>().substr(1));
    ASSERT_LE(s, 10) << r.dump();
    EXPECT_EQ(r["direction"], s <= 5 ? "agree" : "disagree") << r.dump();
    EXPECT_GT(r["z"].get<double>(), 1.2816);
    EXPECT_GT(r["share"].get<double>(), r["share_others"].get<double>());
  }
  for (const json& r : out["groups"][*groups['b'].begin()]["representative"]) {
    const int s = std::stoi(r["statement"].get<std::string>().substr(1));
    ASSERT_LE(s, 10) << r.dump();
    EXPECT_EQ(r["direction"], s <= 5 ? "disagree" : "agree") << r.dump();
  }
  // The statement both camps agree with leads the consensus; every statement is listed.
  EXPECT_EQ(out["consensus"][0]["statement"], "s11");
  EXPECT_EQ(out["consensus"].size(), 30u);
  EXPECT_EQ(out["colleges"], nullptr);
}

TEST(OpinionTest, SameSeedSameMap) {
  EXPECT_EQ(MapJson(PlantedCamps(42)).dump(), MapJson(PlantedCamps(42)).dump());
  json other = MapJson(PlantedCamps(43));
  EXPECT_EQ(other["seed"], 43);
  EXPECT_EQ(other["k"], 2);
}

TEST(OpinionTest, FixedKTriesOnlyThatK) {
  json in = PlantedCamps(1);
  in["k"] = 3;
  const json out = MapJson(in);
  EXPECT_EQ(out["k"], 3);
  EXPECT_EQ(out["groups"].size(), 3u);
  EXPECT_EQ(out["silhouette"].size(), 1u);
  EXPECT_TRUE(out["silhouette"].contains("3"));
  // Groups are numbered by size, largest first.
  EXPECT_GE(out["groups"][0]["size"], out["groups"][1]["size"]);
  EXPECT_GE(out["groups"][1]["size"], out["groups"][2]["size"]);
}

// p1, p2 agree with a and disagree with b; p3, p4 the reverse; c is agreed by all but p4, who
// passes. p5 declared a college but did not vote; p6 voted once, below min_votes 2.
json Tiny() {
  json votes = json::array();
  auto vote = [&](const char* p, const char* s, json v) {
    votes.push_back({{"participant", p}, {"statement", s}, {"vote", v}});
  };
  vote("p1", "a", "agree"), vote("p1", "b", "disagree"), vote("p1", "c", 1);
  vote("p2", "a", 1), vote("p2", "b", -1), vote("p2", "c", 1);
  vote("p3", "a", -1), vote("p3", "b", 1), vote("p3", "c", 1);
  vote("p4", "a", -1), vote("p4", "b", 1), vote("p4", "c", "pass");
  vote("p6", "a", 1);
  return {{"statements", {"a", "b", {{"id", "c"}, {"text", "We share the premises"}}}},
          {"participants",
           {{{"id", "p1"}, {"college", "users"}},
            {{"id", "p2"}, {"college", "workers"}},
            {{"id", "p3"}, {"college", "users"}},
            {{"id", "p4"}, {"college", "workers"}},
            {{"id", "p5"}, {"college", "supporters"}},
            {{"id", "p6"}, {"college", "users"}}}},
          {"votes", votes},
          {"k", 2},
          {"min_votes", 2}};
}

TEST(OpinionTest, GroupInformedConsensusByHand) {
  const json out = MapJson(Tiny());
  EXPECT_EQ(out["participants"], 6);
  EXPECT_EQ(out["placed"], 4);
  for (const json& p : out["points"]) EXPECT_NE(p["participant"], "p6");
  std::map<std::string, int> group;
  for (const json& p : out["points"]) group[p["participant"]] = p["group"];
  EXPECT_EQ(group["p1"], group["p2"]);
  EXPECT_EQ(group["p3"], group["p4"]);
  EXPECT_NE(group["p1"], group["p3"]);
  // c: (2+1)/(2+2) x (1+1)/(2+2) = 0.375; a and b: (2+1)/(2+2) x (0+1)/(2+2) = 0.1875, tied
  // and listed by id. p6's vote on a is not counted: p6 is in no group.
  const json& c = out["consensus"];
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0]["statement"], "c");
  EXPECT_EQ(c[0]["text"], "We share the premises");
  EXPECT_DOUBLE_EQ(c[0]["gic"].get<double>(), 0.375);
  EXPECT_EQ(c[0]["pass"], 1);
  EXPECT_EQ(c[1]["statement"], "a");
  EXPECT_DOUBLE_EQ(c[1]["gic"].get<double>(), 0.1875);
  EXPECT_EQ(c[1]["votes"], 4);
  EXPECT_EQ(c[2]["statement"], "b");
  EXPECT_DOUBLE_EQ(c[2]["gic"].get<double>(), 0.1875);
}

TEST(OpinionTest, CollegeConsensusIsOverColleges) {
  const json out = MapJson(Tiny());
  const json& colleges = out["colleges"];
  ASSERT_TRUE(colleges.is_object());
  ASSERT_EQ(colleges["groups"].size(), 3u);
  EXPECT_EQ(colleges["groups"][0]["id"], "supporters");
  EXPECT_EQ(colleges["groups"][0]["size"], 1);
  EXPECT_EQ(colleges["groups"][0]["voters"], 0);
  EXPECT_EQ(colleges["groups"][1]["id"], "users");
  EXPECT_EQ(colleges["groups"][1]["size"], 3);
  // Users p1, p3 and p6 (below min_votes, but a member of the college), workers p2 and p4; the
  // supporters did not vote and do not count. a: users (2+1)/(3+2) x workers (1+1)/(2+2) = 0.3;
  // b: (1+1)/(2+2) x (1+1)/(2+2) = 0.25; c: (2+1)/(2+2) x (1+1)/(2+2) = 0.375.
  const json& c = colleges["consensus"];
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0]["statement"], "c");
  EXPECT_DOUBLE_EQ(c[0]["gic"].get<double>(), 0.375);
  EXPECT_EQ(c[1]["statement"], "a");
  EXPECT_DOUBLE_EQ(c[1]["gic"].get<double>(), 0.3);
  EXPECT_EQ(c[1]["votes"], 5);
  EXPECT_EQ(c[2]["statement"], "b");
  EXPECT_DOUBLE_EQ(c[2]["gic"].get<double>(), 0.25);
}

TEST(OpinionTest, ParticipantBelowMinVotesIsNotPlaced) {
  json in = Tiny();
  in["min_votes"] = 3;  // p6 has 1 vote, the others 3
  EXPECT_EQ(MapJson(in)["placed"], 4);
  in["votes"].push_back({{"participant", "p6"}, {"statement", "b"}, {"vote", -1}});
  in["votes"].push_back({{"participant", "p6"}, {"statement", "c"}, {"vote", 1}});
  const json out = MapJson(in);
  EXPECT_EQ(out["placed"], 5);
  bool p6_placed = false;
  for (const json& p : out["points"]) p6_placed |= p["participant"] == "p6";
  EXPECT_TRUE(p6_placed);
  in["min_votes"] = 4;
  EXPECT_EQ(ErrorOf(in),
            "min_votes: 0 participant(s) cast at least 4 vote(s), fewer than the 2 the groups "
            "need; lower min_votes or gather more votes");
}

TEST(OpinionTest, ErrorsNameTheField) {
  json in = Tiny();
  in["votes"][2]["statement"] = "s9";
  EXPECT_EQ(ErrorOf(in), "votes[2].statement: 's9' is not a statement (statements: a, b, c)");
  in = Tiny();
  in["votes"].push_back({{"participant", "p2"}, {"statement", "a"}, {"vote", -1}});
  EXPECT_EQ(ErrorOf(in),
            "votes[13]: 'p2' already voted on 'a' in votes[3]; keep one vote per participant and "
            "statement");
  in = Tiny();
  in["votes"][1]["vote"] = "maybe";
  EXPECT_EQ(ErrorOf(in),
            "votes[1].vote: expected 1 or \"agree\", -1 or \"disagree\", 0 or \"pass\"; got "
            "\"maybe\"");
  in["votes"][1]["vote"] = 2;
  EXPECT_EQ(ErrorOf(in).substr(0, 23), "votes[1].vote: expected");
  for (int k : {1, 6, -1}) {
    in = Tiny();
    in["k"] = k;
    EXPECT_EQ(ErrorOf(in), "k: " + std::to_string(k) +
                               " groups asked; give 2 to 5, or 0 to choose k by the silhouette");
  }
  in = Tiny();
  in["statements"] = {"a"};
  EXPECT_EQ(ErrorOf(in).substr(0, 31), "statements: 1 given; an opinion");
  in = Tiny();
  in["statements"] = {"a", "b", "c"};  // the statements Tiny's votes name, and 1,998 more
  for (int s = 3; s < 2001; ++s) in["statements"].push_back("s" + std::to_string(s));
  EXPECT_EQ(ErrorOf(in).substr(0, 50), "statements: 2001 given; an opinion map takes at mo");
  in = Tiny();
  in["statements"] = {"a", "b", "a"};
  EXPECT_EQ(ErrorOf(in).substr(0, 39), "statements[2].id: 'a' is already statem");
  in = Tiny();
  in["votes"][0]["weight"] = 2;
  EXPECT_EQ(ErrorOf(in).substr(0, 31), "votes[0].weight: unknown field;");
  in = Tiny();
  in["votes"][4].erase("participant");
  EXPECT_EQ(ErrorOf(in), "votes[4].participant: missing; give a string");
}

TEST(OpinionTest, StructInputIsCheckedToo) {
  OpinionInput in;
  in.statements = {{"a", ""}, {"b", ""}};
  in.votes = {{"p1", "a", 1}, {"p1", "b", 3}};
  auto out = OpinionMap(in);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().message(),
            "votes[1].vote: 3 is not a vote; give 1 (agree), -1 (disagree) or 0 (pass)");
  in.votes = {{"p1", "a", 1}, {"p1", "b", -1}, {"p2", "a", 1}, {"p2", "b", -1}};
  in.min_votes = 1;
  out = OpinionMap(in);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().message().substr(0, 6), "votes:");  // everyone voted alike
}

}  // namespace
}  // namespace ecosol::participation
