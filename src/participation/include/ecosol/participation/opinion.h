#pragma once

// Opinion maps as in Polis (docs/participation.md, "Opinion map"): participants vote agree,
// disagree or pass on short statements; the map places each participant on a plane by the two
// principal components of the vote matrix, finds opinion groups by k-means (k chosen by the
// silhouette over 2..5), names the statements that set each group apart, and ranks every
// statement by group-informed consensus: how far every group, not just the majority, agrees.
//
//   auto input = ParseOpinionInput(json::parse(R"({"statements": ["s1", "s2", "s3"],
//       "votes": [{"participant": "ana", "statement": "s1", "vote": "agree"}, ...],
//       "min_votes": 2})"));
//   auto map = OpinionMap(*input);   // {"points", "k", "groups", "consensus", "colleges", ...}
//
// When participants declare a stakeholder college (a SCIC's users, workers, supporters...),
// the same representative statements and consensus are computed over the colleges as well.
//
// Errors are values: InvalidArgument naming the field and index, what is wrong and how to fix
// it ("votes[12].statement: 's9' is not a statement (statements: s1, s2, ...)").
// Thread safety: pure functions.

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "ecosol/base/status.h"

namespace ecosol::participation {

struct OpinionVote {
  std::string participant;
  std::string statement;
  int vote = 0;  // 1 agree, -1 disagree, 0 pass
};

struct OpinionInput {
  std::vector<std::pair<std::string, std::string>> statements;  // id, text (text may be empty)
  // Every participant listed in the input -> declared college ("" when none). Participants
  // who only appear in `votes` have no college.
  std::map<std::string, std::string> college;
  std::vector<OpinionVote> votes;  // at most one per participant and statement
  int k = 0;                       // 0: chosen by the silhouette over 2..5; else fixed, 2..5
  // Participants with fewer votes (passes included) are not placed on the map nor counted in
  // its groups and group-informed consensus; they still count in their college. At least 1
  // vote is always needed to be placed.
  int min_votes = 7;
  unsigned seed = 0;  // k-means++ seed: same input and seed => same output
};

// Reads {"statements": [id | {"id", "text"?}], "participants"?: [id | {"id", "college"?}],
// "votes": [{"participant", "statement", "vote": 1 | -1 | 0 | "agree" | "disagree" | "pass"}],
// "k"?, "min_votes"?, "seed"?}. Unknown keys are refused. Then checks it as OpinionMap does.
Result<OpinionInput> ParseOpinionInput(const nlohmann::json& in);

// Computes the map. Checks first: 2 to 2000 statements with distinct non-empty ids, every vote
// on a known statement by a named participant with a value in {-1, 0, 1}, one vote per
// participant and statement, k 0 or 2..5, min_votes >= 0, and at least max(k, 2) participants
// with min_votes votes who do not all vote alike. Returns
//   {"participants", "placed", "statements", "votes", "min_votes", "seed",
//    "pca": {"explained_variance_ratio": [r1, r2], "top_loadings": [[{"statement",
//            "loading"}] x 5, [...]]},
//    "points": [{"participant", "x", "y", "group"}],        // placed participants only
//    "k", "silhouette": {"2": s2, ...},                     // the k's tried
//    "groups": [{"id", "size", "centroid": [x, y], "representative": [{"statement", "text",
//                "direction", "agree", "disagree", "pass", "votes", "share", "share_others",
//                "repness", "z"}]}],                       // up to 5 per group
//    "consensus": [{"statement", "text", "gic", "agree", "disagree", "pass", "votes"}],
//    "colleges": null | {"groups": [{"id", "size", "voters", "representative"}],
//                        "consensus": [...]}}
// Groups are numbered by size, largest first. Consensus lists every statement by GIC
// descending, ties by id.
Result<nlohmann::json> OpinionMap(const OpinionInput& input);

}  // namespace ecosol::participation
