#include "ranked.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <string>
#include <vector>

namespace ecosol::participation {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

TallyInput Input(Method method, std::vector<std::string> ids, int seats = 1) {
  TallyInput in;
  in.method = method;
  in.seats = seats;
  for (std::string& id : ids) {
    Option o;
    o.id = id;
    o.name = id;
    in.options.push_back(o);
  }
  return in;
}

void Add(TallyInput& in, long long count, std::vector<std::string> ranking, double weight = 1) {
  Ballot b;
  b.count = count;
  b.weight = weight;
  b.ranking = std::move(ranking);
  in.ballots.push_back(b);
}

// "ACBED" -> {"A", "C", "B", "E", "D"}
std::vector<std::string> Letters(const std::string& s) {
  std::vector<std::string> out;
  for (char c : s) out.emplace_back(1, c);
  return out;
}

json MustTally(const TallyInput& in) {
  Result<json> out = TallyRanked(in);
  EXPECT_TRUE(out.ok()) << out.status().ToString();
  return out.ok() ? *out : json::object();
}

// The example of Schulze's paper and the Wikipedia article "Schulze method": 45 voters, 5
// candidates, E wins; the matrices are the published ones.
TallyInput SchulzeWikipedia() {
  TallyInput in = Input(Method::kSchulze, Letters("ABCDE"));
  Add(in, 5, Letters("ACBED"));
  Add(in, 5, Letters("ADECB"));
  Add(in, 8, Letters("BEDAC"));
  Add(in, 3, Letters("CABED"));
  Add(in, 7, Letters("CAEBD"));
  Add(in, 2, Letters("CBADE"));
  Add(in, 7, Letters("DCEBA"));
  Add(in, 8, Letters("EBADC"));
  return in;
}

TEST(SchulzeTest, PublishedFortyFiveVoterExample) {
  const json out = MustTally(SchulzeWikipedia());
  const json d = {{"A", {{"B", 20}, {"C", 26}, {"D", 30}, {"E", 22}}},
                  {"B", {{"A", 25}, {"C", 16}, {"D", 33}, {"E", 18}}},
                  {"C", {{"A", 19}, {"B", 29}, {"D", 17}, {"E", 24}}},
                  {"D", {{"A", 15}, {"B", 12}, {"C", 28}, {"E", 14}}},
                  {"E", {{"A", 23}, {"B", 27}, {"C", 21}, {"D", 31}}}};
  const json p = {{"A", {{"B", 28}, {"C", 28}, {"D", 30}, {"E", 24}}},
                  {"B", {{"A", 25}, {"C", 28}, {"D", 33}, {"E", 24}}},
                  {"C", {{"A", 25}, {"B", 29}, {"D", 29}, {"E", 24}}},
                  {"D", {{"A", 25}, {"B", 28}, {"C", 28}, {"E", 24}}},
                  {"E", {{"A", 25}, {"B", 28}, {"C", 28}, {"D", 31}}}};
  EXPECT_EQ(out["pairwise"], d);
  EXPECT_EQ(out["strongest_paths"], p);
  EXPECT_EQ(out["winners"], json({"E"}));
  EXPECT_EQ(out["ranking"], json({"E", "A", "C", "B", "D"}));
  EXPECT_EQ(out["tie"], false);
  EXPECT_TRUE(out["tie_break"].is_null());
}

TEST(SchulzeTest, SeveralSeatsTakeTheTopOfTheRanking) {
  TallyInput in = SchulzeWikipedia();
  in.seats = 2;
  EXPECT_EQ(MustTally(in)["winners"], json({"E", "A"}));
}

// Whether option c beats every other option pairwise (unranked options share the last place).
bool IsCondorcetWinner(const TallyInput& in, size_t c) {
  const size_t n = in.options.size();
  auto place = [&](const Ballot& b, size_t o) {
    const auto it = std::find(b.ranking.begin(), b.ranking.end(), in.options[o].id);
    return static_cast<size_t>(it - b.ranking.begin());  // unranked: the size, last
  };
  for (size_t y = 0; y < n; ++y) {
    if (y == c) continue;
    long long for_c = 0, for_y = 0;
    for (const Ballot& b : in.ballots) {
      const size_t pc = place(b, c), py = place(b, y);
      if (pc < py) for_c += b.count;
      if (py < pc) for_y += b.count;
    }
    if (for_c <= for_y) return false;
  }
  return true;
}

TEST(SchulzeTest, CondorcetWinnerAlwaysWins) {
  std::mt19937 rng(20261130);
  int with_winner = 0;
  for (int trial = 0; trial < 400; ++trial) {
    const int n = 3 + static_cast<int>(rng() % 4);
    std::vector<std::string> ids;
    for (int i = 0; i < n; ++i) ids.push_back(std::string(1, static_cast<char>('A' + i)));
    TallyInput in = Input(Method::kSchulze, ids);
    const int ballots = 1 + static_cast<int>(rng() % 8);
    for (int b = 0; b < ballots; ++b) {
      std::vector<std::string> ranking = ids;
      std::shuffle(ranking.begin(), ranking.end(), rng);
      ranking.resize(1 + rng() % ids.size());  // partial rankings too
      Add(in, 1 + static_cast<long long>(rng() % 5), ranking);
    }
    for (size_t c = 0; c < ids.size(); ++c) {
      if (!IsCondorcetWinner(in, c)) continue;
      ++with_winner;
      EXPECT_EQ(MustTally(in)["winners"], json({ids[c]})) << "trial " << trial;
    }
  }
  EXPECT_GT(with_winner, 100);  // the property was exercised
}

TEST(SchulzeTest, TieIsBrokenByInputOrderOrBySeed) {
  TallyInput in = Input(Method::kSchulze, {"A", "B"});
  Add(in, 3, {"B", "A"});
  Add(in, 3, {"A", "B"});
  json out = MustTally(in);
  EXPECT_EQ(out["winners"], json({"A"}));
  EXPECT_EQ(out["tie"], true);
  EXPECT_THAT(out["tie_break"].get<std::string>(), HasSubstr("order in which the options"));

  in.tie_break_seed = "2026-11-30 witnesses: Ana, Joao";
  out = MustTally(in);
  EXPECT_EQ(out["tie"], true);
  EXPECT_THAT(out["tie_break"].get<std::string>(), HasSubstr("2026-11-30 witnesses"));
  EXPECT_EQ(out["winners"][0], out["tie_break_order"][0]);
  EXPECT_EQ(MustTally(in), out);  // reproducible from the seed
}

TEST(SchulzeTest, FractionalWeightsScaleThePairwiseMatrix) {
  TallyInput in = Input(Method::kSchulze, {"A", "B", "C"});
  Add(in, 4, {"A", "B"}, 0.25);  // 1 vote
  Add(in, 1, {"C"}, 0.5);
  const json out = MustTally(in);
  EXPECT_EQ(out["pairwise"]["A"], json({{"B", 1}, {"C", 1}}));
  EXPECT_EQ(out["pairwise"]["C"], json({{"A", 0.5}, {"B", 0.5}}));
  EXPECT_EQ(out["pairwise"]["B"], json({{"A", 0}, {"C", 1}}));
  EXPECT_EQ(out["winners"], json({"A"}));
}

// Hand-computed: A leads the first round, C wins the third; 1 ballot is exhausted.
TEST(InstantRunoffTest, ThreeRoundsWithAnExhaustedBallot) {
  TallyInput in = Input(Method::kInstantRunoff, {"A", "B", "C", "D"});
  Add(in, 8, {"A", "B"});
  Add(in, 7, {"B", "C"});
  Add(in, 5, {"C", "B"});
  Add(in, 3, {"D", "C"});
  Add(in, 1, {"D"});
  const json out = MustTally(in);
  ASSERT_EQ(out["rounds"].size(), 3u);
  EXPECT_EQ(out["rounds"][0]["counts"], json({{"A", 8}, {"B", 7}, {"C", 5}, {"D", 4}}));
  EXPECT_EQ(out["rounds"][0]["eliminated"], "D");
  EXPECT_EQ(out["rounds"][0]["exhausted"], 0);
  EXPECT_EQ(out["rounds"][1]["counts"], json({{"A", 8}, {"B", 7}, {"C", 8}}));
  EXPECT_EQ(out["rounds"][1]["eliminated"], "B");
  EXPECT_EQ(out["rounds"][1]["exhausted"], 1);
  EXPECT_EQ(out["rounds"][2]["counts"], json({{"A", 8}, {"C", 15}}));
  EXPECT_TRUE(out["rounds"][2]["eliminated"].is_null());
  EXPECT_EQ(out["winners"], json({"C"}));
  EXPECT_EQ(out["tie"], false);
}

// With no ballot at all, the tie-break order picks the winner and says so.
TEST(InstantRunoffTest, NoBallotsIsATie) {
  TallyInput in = Input(Method::kInstantRunoff, {"A", "B", "C"});
  const json out = MustTally(in);
  EXPECT_EQ(out["winners"], json({"A"}));
  EXPECT_EQ(out["tie"], true);
}

// Exhausted ballots leave the majority: 4 of the 7 votes still counting is enough.
TEST(InstantRunoffTest, MajorityIsOfTheVotesStillCounting) {
  TallyInput in = Input(Method::kInstantRunoff, {"A", "B", "C"});
  Add(in, 4, {"A"});
  Add(in, 3, {"B"});
  Add(in, 2, {"C"});
  const json out = MustTally(in);
  ASSERT_EQ(out["rounds"].size(), 2u);
  EXPECT_EQ(out["rounds"][1]["exhausted"], 2);
  EXPECT_EQ(out["winners"], json({"A"}));
}

TEST(InstantRunoffTest, EliminationTieUsesEarlierRoundsThenInputOrder) {
  TallyInput in = Input(Method::kInstantRunoff, {"A", "B", "C", "D"});
  Add(in, 5, {"A"});
  Add(in, 4, {"B"});
  Add(in, 3, {"C"});
  Add(in, 2, {"D", "C"});
  Add(in, 1, {"D", "B"});
  // Round 1: D (3) goes; round 2: B 5 and C 5 are level, and C had fewer in round 1.
  const json out = MustTally(in);
  EXPECT_EQ(out["rounds"][1]["counts"], json({{"A", 5}, {"B", 5}, {"C", 5}}));
  EXPECT_EQ(out["rounds"][1]["eliminated"], "C");
  EXPECT_EQ(out["tie"], true);
  EXPECT_FALSE(out["tie_break"].is_null());
}

// Hand-computed with 4 options: a ballot ranking m options gives 3, 2, ... to them and
// (3 - m) / 2 to each unranked one. Giving the unranked 0 instead would elect B (12 to 11).
TEST(BordaTest, PartialRankingsShareTheLastPlaces) {
  TallyInput in = Input(Method::kBorda, {"A", "B", "C", "D"});
  Add(in, 3, {"A", "B", "C", "D"});
  Add(in, 2, {"B"});
  Add(in, 1, {"C", "A"});
  const json out = MustTally(in);
  EXPECT_EQ(out["scores"], json({{"A", 13}, {"B", 12.5}, {"C", 8}, {"D", 2.5}}));
  EXPECT_EQ(out["winners"], json({"A"}));
  EXPECT_EQ(out["tie"], false);
}

TEST(BordaTest, WeightsAndSeats) {
  TallyInput in = Input(Method::kBorda, {"A", "B", "C"}, 2);
  Add(in, 2, {"A", "B", "C"}, 0.5);  // A 2, B 1
  Add(in, 1, {"C", "B", "A"}, 1.5);  // C 3, B 1.5
  const json out = MustTally(in);
  EXPECT_EQ(out["scores"], json({{"A", 2}, {"B", 2.5}, {"C", 3}}));
  EXPECT_EQ(out["winners"], json({"C", "B"}));
}

// The example of the Wikipedia article "Single transferable vote" (20 voters choosing 3 foods).
// With the exact Droop quota 20 / 4 = 5 it elects the published three; the counts are by hand.
TEST(StvTest, ThreeSeatsWithASurplusTransfer) {
  TallyInput in =
      Input(Method::kStv, {"Oranges", "Pears", "Chocolate", "Strawberries", "Sweets"}, 3);
  Add(in, 4, {"Oranges"});
  Add(in, 2, {"Pears", "Oranges"});
  Add(in, 8, {"Chocolate", "Strawberries"});
  Add(in, 4, {"Chocolate", "Sweets"});
  Add(in, 1, {"Strawberries"});
  Add(in, 1, {"Sweets"});
  const json out = MustTally(in);
  EXPECT_EQ(out["quota"], 5);
  const json& r = out["rounds"];
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0]["elected"], json({"Chocolate"}));
  const json& surplus = r[0]["transfers"][0];
  EXPECT_EQ(surplus["kind"], "surplus");
  EXPECT_NEAR(surplus["transfer_value"].get<double>(), 7.0 / 12, 1e-9);
  EXPECT_NEAR(surplus["to"]["Strawberries"].get<double>(), 8 * 7.0 / 12, 1e-9);
  EXPECT_NEAR(surplus["to"]["Sweets"].get<double>(), 4 * 7.0 / 12, 1e-9);
  EXPECT_EQ(r[1]["counts"]["Chocolate"], 5);
  EXPECT_EQ(r[1]["elected"], json({"Strawberries"}));
  EXPECT_NEAR(r[1]["transfers"][0]["exhausted"].get<double>(), 2.0 / 3, 1e-9);
  EXPECT_EQ(r[2]["eliminated"], json({"Pears"}));
  EXPECT_EQ(r[3]["counts"]["Oranges"], 6);
  EXPECT_EQ(out["winners"], json({"Chocolate", "Strawberries", "Oranges"}));
  EXPECT_EQ(out["tie"], false);
}

TallyInput Workers(std::vector<ReservedSeats> reserved, int seats) {
  TallyInput in = Input(Method::kStv, {"A", "B", "C", "D"}, seats);
  in.options[0].category = in.options[1].category = "worker";
  in.options[2].category = in.options[3].category = "user";
  in.reserved = std::move(reserved);
  Add(in, 10, {"A", "B"});
  Add(in, 8, {"B", "A"});
  Add(in, 3, {"C", "D"});
  Add(in, 2, {"D", "C"});
  return in;
}

// By hand: quota 23 / 3. Unreserved, A (10) and B (8) pass it at once. With a seat reserved for
// users, only A may be elected with the quota; B is then excluded because the last seat is
// reserved, D goes as the lowest and C takes the seat.
TEST(StvTest, ReservedSeatChangesTheOutcome) {
  EXPECT_EQ(MustTally(Workers({}, 2))["winners"], json({"A", "B"}));
  const json out = MustTally(Workers({{"user", 1}}, 2));
  const json& r = out["rounds"];
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0]["elected"], json({"A"}));
  EXPECT_NEAR(r[1]["counts"]["B"].get<double>(), 8 + 10 - 23.0 / 3, 1e-9);
  EXPECT_EQ(r[1]["eliminated"], json({"B"}));
  EXPECT_EQ(r[2]["eliminated"], json({"D"}));
  EXPECT_EQ(r[3]["counts"]["C"], 5);
  EXPECT_EQ(out["winners"], json({"A", "C"}));
  EXPECT_EQ(out["reserved"], json({{{"category", "user"}, {"seats", 1}, {"elected", 1}}}));
}

// Two seats reserved for the two users: both are elected at once, then only one worker fits.
TEST(StvTest, CategoryWithJustEnoughCandidatesIsElected) {
  const json out = MustTally(Workers({{"user", 2}}, 3));
  EXPECT_EQ(out["rounds"][0]["elected"], json({"C", "D"}));
  EXPECT_EQ(out["winners"], json({"C", "D", "A"}));
}

// College weights change the outcome: counted by head, C and A win; weighted, C and B.
TEST(StvTest, WeightedCollegeBallots) {
  TallyInput in = Input(Method::kStv, {"A", "B", "C"}, 2);
  Add(in, 3, {"A", "B"}, 0.5);
  Add(in, 1, {"B"}, 2);
  Add(in, 4, {"C", "A"}, 0.25);
  Add(in, 2, {"C"}, 0.75);
  json out = MustTally(in);
  EXPECT_EQ(out["quota"], 2);
  EXPECT_EQ(out["rounds"][0]["counts"], json({{"A", 1.5}, {"B", 2}, {"C", 2.5}}));
  EXPECT_EQ(out["rounds"][1]["counts"], json({{"A", 1.7}, {"B", 2}, {"C", 2}}));
  EXPECT_EQ(out["rounds"][1]["eliminated"], json({"A"}));
  EXPECT_EQ(out["winners"], json({"C", "B"}));
  for (Ballot& b : in.ballots) b.weight = 1;
  EXPECT_EQ(MustTally(in)["winners"], json({"C", "A"}));
}

// Over random elections with random reservations: every seat is filled, by distinct options,
// and every reservation is met.
TEST(StvTest, ReservationsAreAlwaysMet) {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 300; ++trial) {
    const int n = 3 + static_cast<int>(rng() % 5);
    std::vector<std::string> ids;
    for (int i = 0; i < n; ++i) ids.push_back(std::string(1, static_cast<char>('A' + i)));
    TallyInput in = Input(Method::kStv, ids, 1 + static_cast<int>(rng() % size_t(n - 1)));
    int users = 0;
    for (Option& o : in.options) {
      o.category = rng() % 3 == 0 ? "user" : "worker";
      users += o.category == "user";
    }
    const int reserved = std::min(users, static_cast<int>(rng() % size_t(in.seats + 1)));
    in.reserved = {{"user", reserved}};
    for (int b = 0; b < 1 + static_cast<int>(rng() % 10); ++b) {
      std::vector<std::string> ranking = ids;
      std::shuffle(ranking.begin(), ranking.end(), rng);
      ranking.resize(1 + rng() % ids.size());
      Add(in, 1 + static_cast<long long>(rng() % 4), ranking, 0.5 + double(rng() % 3));
    }
    const json out = MustTally(in);
    std::vector<std::string> winners = out["winners"].get<std::vector<std::string>>();
    ASSERT_EQ(winners.size(), size_t(in.seats)) << "trial " << trial;
    std::sort(winners.begin(), winners.end());
    EXPECT_EQ(std::unique(winners.begin(), winners.end()), winners.end()) << "trial " << trial;
    int won = 0;
    for (const std::string& w : winners) won += in.options[size_t(w[0] - 'A')].category == "user";
    EXPECT_GE(won, reserved) << "trial " << trial << ": " << out.dump();
  }
}

Status TallyStatus(const TallyInput& in) { return TallyRanked(in).status(); }

TEST(RankedInputTest, UnknownOptionIsNamed) {
  TallyInput in = Input(Method::kSchulze, {"A", "B", "C"});
  Add(in, 1, {"A", "B"});
  Add(in, 1, {"B", "C", "Z"});
  const Status s = TallyStatus(in);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("ballots[1].ranking[2]: 'Z' is not an option"));
}

TEST(RankedInputTest, RepeatedOptionIsNamed) {
  TallyInput in = Input(Method::kInstantRunoff, {"A", "B", "C"});
  Add(in, 1, {"A", "B", "A"});
  const Status s = TallyStatus(in);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("ballots[0].ranking[2]: 'A' is already ranked at "
                                     "ballots[0].ranking[0]"));
}

TEST(RankedInputTest, MoreSeatsThanOptions) {
  TallyInput in = Input(Method::kStv, {"A", "B", "C"}, 4);
  Add(in, 1, {"A"});
  const Status s = TallyStatus(in);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("seats: 4 seats for 3 options"));
}

// Option ids are looked up packed into a word when at most 8 bytes long, and by their bytes
// when longer: ids that share bytes, differ only in length or hold a NUL byte must stay apart.
TEST(RankedInputTest, SimilarIdsAreToldApart) {
  const std::vector<std::string> options = {
      "a", std::string("\0a", 2), "aa", "abcdefgh", "abcdefghi", "abcdefghj", "abcdefgh0", "b"};
  TallyInput in = Input(Method::kBorda, options);
  // One ballot ranking the options in reverse: Borda gives each a different score.
  std::vector<std::string> reverse(options.rbegin(), options.rend());
  Add(in, 1, reverse);
  const json out = MustTally(in);
  for (size_t i = 0; i < options.size(); ++i) {
    EXPECT_EQ(out["scores"][options[i]], static_cast<int>(i)) << "option " << i;
  }
  Add(in, 1, {""});
  EXPECT_THAT(TallyStatus(in).message(), HasSubstr("ballots[1].ranking[0]: '' is not an option"));
  in.ballots.pop_back();
  Add(in, 1, {"abcdefghk"});
  EXPECT_THAT(TallyStatus(in).message(), HasSubstr("'abcdefghk' is not an option"));
  in.ballots.pop_back();
  Add(in, 1, {std::string("a\0", 2)});
  EXPECT_THAT(TallyStatus(in).message(), HasSubstr("is not an option"));
}

TEST(RankedInputTest, OtherBadInputs) {
  TallyInput in = Input(Method::kApproval, {"A", "B"});
  EXPECT_THAT(TallyStatus(in).message(), HasSubstr("not a ranked method"));
  in.method = Method::kBorda;
  Add(in, 0, {"A"});
  EXPECT_THAT(TallyStatus(in).message(), HasSubstr("ballots[0].count"));
  in.ballots[0].count = 1;
  in.ballots[0].weight = -0.5;
  EXPECT_THAT(TallyStatus(in).message(), HasSubstr("ballots[0].weight"));
  in = Workers({{"user", 3}}, 3);
  EXPECT_THAT(TallyStatus(in).message(), HasSubstr("reserved[0]: 3 seats reserved for 'user'"));
  in = Workers({{"user", 1}}, 2);
  in.method = Method::kBorda;
  EXPECT_THAT(TallyStatus(in).message(), HasSubstr("only with the stv method"));
}

}  // namespace
}  // namespace ecosol::participation
