// Sortition from a public seed: anyone redraws it, the pool's order does not matter, quotas are
// met, and mistakes in the input are named.

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "ecosol/participation/records.h"

namespace ecosol::participation {
namespace {

using nlohmann::json;

json Pool() {
  json pool = json::array();
  for (int i = 0; i < 12; ++i) {
    pool.push_back({{"id", "m" + std::to_string(i)}, {"category", i < 3 ? "worker" : "user"}});
  }
  return pool;
}

json Input() {
  return {{"id", "assembly-2025"},
          {"seed", "lottery 2025-03-01: 4 17 23 31 40"},
          {"witnesses", {"ana", "bob"}},
          {"pool", Pool()},
          {"seats", 5},
          {"quotas", {{{"category", "worker"}, {"min", 2}}}}};
}

json DrawJson(const json& in) {
  auto input = ParseSortition(in);
  EXPECT_TRUE(input.ok()) << input.status().ToString();
  if (!input.ok()) return nullptr;
  auto out = Draw(*input);
  EXPECT_TRUE(out.ok()) << out.status().ToString();
  return out.ok() ? *out : json();
}

std::string ErrorOf(const json& in) {
  auto input = ParseSortition(in);
  if (input.ok()) {
    auto out = Draw(*input);
    return out.ok() ? "" : out.status().message();
  }
  EXPECT_EQ(input.status().code(), StatusCode::kInvalidArgument);
  return input.status().message();
}

TEST(SortitionTest, RedrawingGivesTheSameSelection) {
  json a = DrawJson(Input());
  json b = DrawJson(Input());
  ASSERT_TRUE(a.is_object());
  EXPECT_EQ(a, b);
  EXPECT_EQ(a["selected"].size(), 5u);
  EXPECT_EQ(a["pool_sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(a["ranks"].size(), 12u);
  // Another seed draws otherwise (the chance of the same five is 1 in hundreds).
  json other = Input();
  other["seed"] = "lottery 2025-03-08: 2 9 11 30 44";
  EXPECT_NE(DrawJson(other)["ranks"], a["ranks"]);
}

TEST(SortitionTest, RanksAreTheDocumentedHashes) {
  json out = DrawJson(Input());
  std::vector<std::string> scores;
  for (const json& r : out["ranks"]) {
    EXPECT_EQ(r["score"], Sha256Hex("ecosol-sortition/1\nlottery 2025-03-01: 4 17 23 31 40\n" +
                                    r["id"].get<std::string>()));
    scores.push_back(r["score"]);
  }
  EXPECT_TRUE(std::is_sorted(scores.begin(), scores.end()));
}

TEST(SortitionTest, ThePoolsOrderDoesNotMatter) {
  json in = Input();
  json reversed = in;
  std::reverse(reversed["pool"].begin(), reversed["pool"].end());
  json rotated = in;
  std::rotate(rotated["pool"].begin(), rotated["pool"].begin() + 5, rotated["pool"].end());
  json a = DrawJson(in);
  EXPECT_EQ(DrawJson(reversed), a);
  EXPECT_EQ(DrawJson(rotated), a);
}

TEST(SortitionTest, QuotasAreMetFirstThenRankOrder) {
  json out = DrawJson(Input());
  int workers = 0;
  for (const json& id : out["selected"]) {
    const int n = std::stoi(id.get<std::string>().substr(1));
    if (n < 3) ++workers;
  }
  EXPECT_GE(workers, 2);
  // The first two drawn are the two best-ranked workers.
  std::vector<std::string> ranked_workers;
  for (const json& r : out["ranks"]) {
    if (std::stoi(r["id"].get<std::string>().substr(1)) < 3) ranked_workers.push_back(r["id"]);
  }
  EXPECT_EQ(out["selected"][0], ranked_workers[0]);
  EXPECT_EQ(out["selected"][1], ranked_workers[1]);
  // The other three are the best-ranked of the rest.
  std::set<std::string> rest;
  for (const json& r : out["ranks"]) {
    if (r["id"] != ranked_workers[0] && r["id"] != ranked_workers[1] && rest.size() < 3) {
      rest.insert(r["id"].get<std::string>());
    }
  }
  EXPECT_EQ(rest,
            (std::set<std::string>{out["selected"][2], out["selected"][3], out["selected"][4]}));
}

TEST(SortitionTest, AllThreeWorkersWhenTheQuotaAsksForThem) {
  json in = Input();
  in["quotas"] = {{{"category", "worker"}, {"min", 3}}};
  in["seats"] = 3;
  json out = DrawJson(in);
  EXPECT_EQ(std::set<std::string>(out["selected"].begin(), out["selected"].end()),
            (std::set<std::string>{"m0", "m1", "m2"}));
}

TEST(SortitionTest, PoolOfPlainIds) {
  json in = {
      {"id", "s"}, {"seed", "x"}, {"witnesses", {"w"}}, {"pool", {"a", "b", "c"}}, {"seats", 2}};
  json out = DrawJson(in);
  EXPECT_EQ(out["selected"].size(), 2u);
  EXPECT_EQ(out["pool"], json::parse(R"([{"id": "a"}, {"id": "b"}, {"id": "c"}])"));
}

TEST(SortitionTest, ErrorsNameTheField) {
  json in = Input();
  in["seats"] = 13;
  EXPECT_NE(ErrorOf(in).find("seats"), std::string::npos) << ErrorOf(in);
  in = Input();
  in["quotas"] = {{{"category", "worker"}, {"min", 4}}};
  EXPECT_NE(ErrorOf(in).find("quotas[0].min"), std::string::npos) << ErrorOf(in);
  in = Input();
  in["quotas"] = {{{"category", "worker"}, {"min", 3}}, {{"category", "user"}, {"min", 3}}};
  EXPECT_NE(ErrorOf(in).find("quotas: their mins sum to 6"), std::string::npos) << ErrorOf(in);
  in = Input();
  in["pool"].push_back({{"id", "m4"}});
  EXPECT_NE(ErrorOf(in).find("pool[12]: 'm4' is already pool[4]"), std::string::npos)
      << ErrorOf(in);
  in = Input();
  in["witnesses"] = json::array();
  EXPECT_NE(ErrorOf(in).find("witnesses"), std::string::npos) << ErrorOf(in);
  in.erase("witnesses");
  EXPECT_NE(ErrorOf(in).find("witnesses"), std::string::npos) << ErrorOf(in);
  in = Input();
  in["seed"] = "";
  EXPECT_NE(ErrorOf(in).find("seed"), std::string::npos) << ErrorOf(in);
  in = Input();
  in["sead"] = "typo";
  EXPECT_NE(ErrorOf(in).find("sead: unknown key"), std::string::npos) << ErrorOf(in);
}

TEST(SortitionTest, DrawRefusesSeatsAboveThePoolEvenWithoutParsing) {
  SortitionInput input;
  input.id = "s";
  input.seed = "x";
  input.witnesses = {"w"};
  input.pool = {{"a", ""}, {"b", ""}};
  input.seats = 3;
  auto out = Draw(input);
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.status().message().find("seats"), std::string::npos);
}

}  // namespace
}  // namespace ecosol::participation
