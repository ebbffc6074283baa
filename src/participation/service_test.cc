// Participatory processes over a real store (service.h), on SQLite and PostgreSQL.

#include "ecosol/participation/service.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>

#include "test_store.h"

namespace ecosol::participation {
namespace {

using nlohmann::json;

const Caller kConvener{"user:steward", {"usr-steward"}, true};
const Caller kAna{"user:ana", {"usr-ana", "ana@example.org"}, false};
const Caller kBob{"user:bob", {"usr-bob"}, false};
const Caller kCy{"user:cy", {"usr-cy"}, false};

json Process() {
  return json::parse(R"({
    "id": "budget-2027", "title": "Participatory budget 2027",
    "organisations": ["coop-a", "network-b"],
    "phases": [{"id": "diag", "kind": "diagnosis"}, {"id": "props", "kind": "proposals"},
               {"id": "delib", "kind": "deliberation"}, {"id": "vote", "kind": "decision"},
               {"id": "follow", "kind": "accountability"}],
    "participants": [
      {"id": "ana", "kind": "person", "account": "ana@example.org", "college": "workers"},
      {"id": "bob", "kind": "person", "account": "usr-bob", "college": "users"},
      {"id": "cy", "kind": "person", "account": "usr-cy", "college": "supporters"},
      {"id": "coop-a", "kind": "organisation", "delegate": "cy", "college": "users",
       "mandate": "General assembly of 2026-10-01"}
    ]})");
}

class ParticipationServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  ParticipationServiceTest()
      : db_(GetParam()),
        clock_(std::chrono::sys_days{std::chrono::year{2026} / 11 / 30}),
        svc_(db_.store(), clock_) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    auto created = svc_.PutProcess(Process(), 0, kConvener);
    ASSERT_TRUE(created.ok()) << created.status().ToString();
  }

  void Phase(const std::string& phase) {
    auto moved = svc_.SetPhase("budget-2027", phase, kConvener);
    ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  }

  std::string Propose(const std::string& title, const std::string& author, const Caller& as) {
    auto r = svc_.PutItem("budget-2027", "proposal",
                          {{"title", title}, {"body", "..."}, {"author", author}}, 0, as);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? (*r)["id"].get<std::string>() : "";
  }

  testing::TestStore db_;
  FakeClock clock_;
  ParticipationService svc_;
};

TEST_P(ParticipationServiceTest, ProcessesAreCheckedAndOnlyConvenersRunThem) {
  json bad = Process();
  bad["id"] = "other";
  bad["participants"][3].erase("delegate");
  auto refused = svc_.PutProcess(bad, 0, kConvener);
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(refused.status().message().find("participants[3].delegate"), std::string::npos)
      << refused.status().message();
  bad = Process();
  bad["id"] = "other";
  bad["phases"][1]["kind"] = "voting";
  EXPECT_NE(svc_.PutProcess(bad, 0, kConvener).status().message().find("phases[1].kind"),
            std::string::npos);
  json fresh = Process();
  fresh["id"] = "other";
  EXPECT_EQ(svc_.PutProcess(fresh, 0, kAna).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(svc_.SetPhase("budget-2027", "props", kAna).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(svc_.SetPhase("budget-2027", "nope", kConvener).status().code(),
            StatusCode::kInvalidArgument);
  // Conveners named by the process may run it.
  json named = Process();
  named["conveners"] = json::array({"usr-bob"});
  ASSERT_TRUE(svc_.PutProcess(named, 1, kConvener).ok());
  EXPECT_TRUE(svc_.SetPhase("budget-2027", "props", kBob).ok());

  auto list = svc_.ListProcesses();
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0]["phase"]["id"], "props");
  EXPECT_EQ((*list)[0]["participants"], 4);
}

TEST_P(ParticipationServiceTest, ProposalsAmendmentsResponsesAndResultsFollowThePhases) {
  auto early =
      svc_.PutItem("budget-2027", "proposal", {{"title", "Bikes"}, {"author", "ana"}}, 0, kAna);
  EXPECT_EQ(early.status().code(), StatusCode::kConflict);
  EXPECT_NE(early.status().message().find("'proposals' phase"), std::string::npos);
  Phase("props");
  const std::string bikes = Propose("Bike repair workshop", "ana", kAna);
  EXPECT_EQ(bikes, "budget-2027-proposal-1");
  // Nobody writes as someone else; an organisation writes through its delegate.
  EXPECT_EQ(svc_.PutItem("budget-2027", "proposal", {{"title", "X"}, {"author", "ana"}}, 0, kBob)
                .status()
                .code(),
            StatusCode::kPermissionDenied);
  const std::string shop = Propose("Shared shop", "coop-a", kCy);
  EXPECT_FALSE(shop.empty());
  EXPECT_EQ(
      svc_.PutItem("budget-2027", "proposal", {{"title", "X"}, {"author", "zed"}}, 0, kConvener)
          .status()
          .code(),
      StatusCode::kInvalidArgument);

  Phase("delib");
  auto amendment = svc_.PutItem(
      "budget-2027", "amendment",
      {{"proposal", bikes}, {"text", "Open on Saturdays too"}, {"author", "bob"}}, 0, kBob);
  ASSERT_TRUE(amendment.ok()) << amendment.status().ToString();
  auto comment =
      svc_.PutItem("budget-2027", "comment",
                   {{"on", (*amendment)["id"]}, {"text", "Yes!"}, {"author", "ana"}}, 0, kAna);
  ASSERT_TRUE(comment.ok()) << comment.status().ToString();
  EXPECT_EQ(svc_.PutItem("budget-2027", "amendment",
                         {{"proposal", "nope"}, {"text", "x"}, {"author", "bob"}}, 0, kBob)
                .status()
                .code(),
            StatusCode::kInvalidArgument);

  // An institutional response has a deadline and, unless pending, a justification.
  json response = {{"proposal", bikes},
                   {"by", "city-council"},
                   {"answer", "rejected"},
                   {"deadline", "2026-12-15"}};
  EXPECT_EQ(svc_.PutItem("budget-2027", "response", response, 0, kAna).status().code(),
            StatusCode::kPermissionDenied);
  auto unjustified = svc_.PutItem("budget-2027", "response", response, 0, kConvener);
  EXPECT_NE(unjustified.status().message().find("response.justification"), std::string::npos);
  response.erase("deadline");
  response["justification"] = "No space";
  EXPECT_NE(svc_.PutItem("budget-2027", "response", response, 0, kConvener)
                .status()
                .message()
                .find("response.deadline"),
            std::string::npos);
  json pending = {{"proposal", shop},
                  {"by", "city-council"},
                  {"answer", "pending"},
                  {"deadline", "2026-11-01"}};
  ASSERT_TRUE(svc_.PutItem("budget-2027", "response", pending, 0, kConvener).ok());
  response["deadline"] = "2026-12-15";
  response["answer"] = "partially_accepted";
  ASSERT_TRUE(svc_.PutItem("budget-2027", "response", response, 0, kConvener).ok());

  Phase("follow");
  auto result = svc_.PutItem("budget-2027", "result",
                             {{"title", "Workshop opened"},
                              {"proposals", json::array({bikes})},
                              {"status", "in_progress"},
                              {"progress", 60}},
                             0, kConvener);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(svc_.PutItem("budget-2027", "result",
                         {{"title", "x"}, {"proposals", json::array({"nope"})}}, 0, kConvener)
                .status()
                .code(),
            StatusCode::kInvalidArgument);

  auto view = svc_.GetProposal("budget-2027", bikes);
  ASSERT_TRUE(view.ok()) << view.status().ToString();
  EXPECT_EQ((*view)["amendments"].size(), 1u);
  EXPECT_EQ((*view)["responses"][0]["answer"], "partially_accepted");
  EXPECT_EQ((*view)["responses"][0]["answered_at"], "2026-11-30");
  EXPECT_EQ((*view)["results"][0]["progress"], 60);
  auto process = svc_.GetProcess("budget-2027");
  ASSERT_TRUE(process.ok());
  ASSERT_EQ((*process)["proposals"].size(), 2u);
  EXPECT_EQ((*process)["proposals"][0]["amendments"], 1);
  EXPECT_EQ((*process)["proposals"][1]["response"]["overdue"], true);  // pending, past deadline
  EXPECT_EQ((*process)["phase"]["kind"], "accountability");

  auto report = svc_.VerifyProcess("budget-2027");
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok) << ToJson(*report).dump(2);
  EXPECT_EQ(report->records, (*process)["log"]["entries"].get<long long>());
}

json ApprovalDecision(bool secret) {
  return {{"id", "grants"},
          {"title", "Which projects?"},
          {"secret", secret},
          {"input",
           {{"method", "approval"},
            {"options", json::array({"bikes", "shop", "garden"})},
            {"quorum", {{"min_ballots", 3}}}}}};
}

TEST_P(ParticipationServiceTest, SecretBallotsAreCountedVerifiedAndKeptApartFromTheRoll) {
  EXPECT_EQ(svc_.OpenDecision("budget-2027", ApprovalDecision(true), kConvener).status().code(),
            StatusCode::kConflict);  // not in a decision phase
  Phase("vote");
  json with_ballots = ApprovalDecision(true);
  with_ballots["input"]["ballots"] = json::array();
  EXPECT_EQ(svc_.OpenDecision("budget-2027", with_ballots, kConvener).status().code(),
            StatusCode::kInvalidArgument);
  json roll = ApprovalDecision(true);
  roll["roll"] = json::array({"ana", "bob", "cy"});
  auto opened = svc_.OpenDecision("budget-2027", roll, kConvener);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ((*opened)["decision"]["input"]["quorum"]["eligible"], 3);

  auto a = svc_.CastBallot("budget-2027", "grants", "ana",
                           {{"approve", json::array({"bikes", "garden"})}}, kAna);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ((*a)["commitment"].get<std::string>().size(), 64u);
  EXPECT_EQ(
      svc_.CastBallot("budget-2027", "grants", "ana", {{"approve", json::array({"shop"})}}, kAna)
          .status()
          .code(),
      StatusCode::kConflict);  // once only
  EXPECT_EQ(
      svc_.CastBallot("budget-2027", "grants", "bob", {{"approve", json::array({"shop"})}}, kAna)
          .status()
          .code(),
      StatusCode::kPermissionDenied);  // not as someone else
  EXPECT_EQ(
      svc_.CastBallot("budget-2027", "grants", "coop-a", {{"approve", json::array({"shop"})}}, kCy)
          .status()
          .code(),
      StatusCode::kPermissionDenied);  // not on the roll
  auto bad =
      svc_.CastBallot("budget-2027", "grants", "bob", {{"approve", json::array({"pool"})}}, kBob);
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("ballot.approve"), std::string::npos)
      << bad.status().message();
  EXPECT_EQ(svc_.CastBallot("budget-2027", "grants", "bob",
                            {{"approve", json::array({"shop"})}, {"count", 5}}, kBob)
                .status()
                .code(),
            StatusCode::kInvalidArgument);
  auto b =
      svc_.CastBallot("budget-2027", "grants", "bob", {{"approve", json::array({"garden"})}}, kBob);
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  auto c =
      svc_.CastBallot("budget-2027", "grants", "cy", {{"approve", json::array({"shop"})}}, kCy);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  auto paper = svc_.AddPaperBallots(
      "budget-2027", "grants",
      {{"ballots",
        json::array({{{"approve", json::array({"garden"})}, {"count", 4}, {"channel", "paper"}}})},
       {"note", "Assembly of 2026-11-29"}},
      kConvener);
  ASSERT_TRUE(paper.ok()) << paper.status().ToString();
  EXPECT_EQ((*paper)["paper"], 4);
  auto before = svc_.Receipt("budget-2027", "grants", (*a)["commitment"]);
  ASSERT_TRUE(before.ok());
  EXPECT_EQ((*before)["closed"], false);

  EXPECT_EQ(svc_.CloseDecision("budget-2027", "grants", kAna).status().code(),
            StatusCode::kPermissionDenied);
  auto closed = svc_.CloseDecision("budget-2027", "grants", kConvener);
  ASSERT_TRUE(closed.ok()) << closed.status().ToString();
  EXPECT_EQ((*closed)["status"], "closed");
  EXPECT_EQ((*closed)["result"]["winners"], json::array({"garden"}));
  EXPECT_EQ((*closed)["result"]["ballots"]["cast"], 7);
  EXPECT_EQ(
      svc_.CastBallot("budget-2027", "grants", "cy", {{"approve", json::array({"shop"})}}, kCy)
          .status()
          .code(),
      StatusCode::kConflict);

  // The roll names voters and no ballot; the closing entry holds ballots and no voter, sorted
  // by commitment.
  auto log = svc_.Log("budget-2027", 1, 0);
  ASSERT_TRUE(log.ok());
  std::vector<std::string> commitments;
  for (const json& e : *log) {
    if (e["kind"] == "voted") {
      EXPECT_FALSE(e["body"].contains("ballot"));
      EXPECT_EQ(e["who"], "");
      EXPECT_EQ(e["at"], "2026-11-30");
    }
    if (e["kind"] == "decision_closed") {
      for (const json& bl : e["body"]["ballots"]) {
        EXPECT_FALSE(bl.contains("voter"));
        commitments.push_back(bl["commitment"]);
      }
    }
  }
  ASSERT_EQ(commitments.size(), 3u);
  EXPECT_TRUE(std::is_sorted(commitments.begin(), commitments.end()));

  for (const auto* receipt : {&*a, &*b, &*c}) {
    auto inclusion = svc_.Receipt("budget-2027", "grants", (*receipt)["commitment"]);
    ASSERT_TRUE(inclusion.ok()) << inclusion.status().ToString();
    EXPECT_EQ((*inclusion)["included"], true);
    std::vector<std::string> proof = (*inclusion)["proof"];
    EXPECT_TRUE(VerifyMerkleProof((*receipt)["commitment"], (*inclusion)["index"],
                                  (*inclusion)["tree_size"], proof, (*inclusion)["merkle_root"]));
  }
  auto stranger = svc_.Receipt("budget-2027", "grants", std::string(64, 'a'));
  ASSERT_TRUE(stranger.ok());
  EXPECT_EQ((*stranger)["included"], false);

  auto report = svc_.VerifyProcess("budget-2027");
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok) << ToJson(*report).dump(2);
  EXPECT_EQ(report->decisions_closed, 1);
}

TEST_P(ParticipationServiceTest, OpenVotesShowTheBallotBesideTheVoterAndSortitionIsRecorded) {
  Phase("vote");
  auto opened = svc_.OpenDecision("budget-2027", ApprovalDecision(false), kConvener);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  ASSERT_TRUE(
      svc_.CastBallot("budget-2027", "grants", "ana", {{"approve", json::array({"bikes"})}}, kAna)
          .ok());
  // The organisation votes through its delegate.
  ASSERT_TRUE(
      svc_.CastBallot("budget-2027", "grants", "coop-a", {{"approve", json::array({"bikes"})}}, kCy)
          .ok());
  auto view = svc_.DecisionView("budget-2027", "grants", "ana");
  ASSERT_TRUE(view.ok());
  EXPECT_EQ((*view)["voted"], 2);
  EXPECT_EQ((*view)["has_voted"], true);
  auto log = svc_.Log("budget-2027", 1, 0);
  ASSERT_TRUE(log.ok());
  EXPECT_EQ(log->back()["body"]["ballot"]["approve"], json::array({"bikes"}));
  EXPECT_EQ(log->back()["who"], "user:cy");
  auto closed = svc_.CloseDecision("budget-2027", "grants", kConvener);
  ASSERT_TRUE(closed.ok()) << closed.status().ToString();
  // Quorum of 3 ballots not met: nothing decided.
  EXPECT_EQ((*closed)["result"]["decided"], false);

  json lot = {{"id", "citizens-panel"},
              {"seed", "EuroMillions 2026-11-27: 4 11 23 38 45"},
              {"witnesses", json::array({"bailiff", "ana"})},
              {"pool", json::array({"ana", "bob", "cy"})},
              {"seats", 2}};
  EXPECT_EQ(svc_.Sortition("budget-2027", lot, kAna).status().code(),
            StatusCode::kPermissionDenied);
  auto drawn = svc_.Sortition("budget-2027", lot, kConvener);
  ASSERT_TRUE(drawn.ok()) << drawn.status().ToString();
  EXPECT_EQ((*drawn)["selected"].size(), 2u);
  EXPECT_EQ(svc_.Sortition("budget-2027", lot, kConvener).status().code(), StatusCode::kConflict);
  auto report = svc_.VerifyProcess("budget-2027");
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok) << ToJson(*report).dump(2);
  EXPECT_EQ(report->sortitions, 1);
}

// Item ids are unique within their process only: two processes may each have a decision "d1".
TEST_P(ParticipationServiceTest, ItemIdsBelongToTheirProcess) {
  json other = Process();
  other["id"] = "other";
  ASSERT_TRUE(svc_.PutProcess(other, 0, kConvener).ok());
  for (const char* process : {"budget-2027", "other"}) {
    ASSERT_TRUE(svc_.SetPhase(process, "vote", kConvener).ok());
    json d = ApprovalDecision(true);
    d["id"] = "d1";
    auto opened = svc_.OpenDecision(process, d, kConvener);
    ASSERT_TRUE(opened.ok()) << process << ": " << opened.status().ToString();
  }
  ASSERT_TRUE(
      svc_.CastBallot("other", "d1", "ana", {{"approve", json::array({"shop"})}}, kAna).ok());
  EXPECT_EQ((*svc_.DecisionView("budget-2027", "d1"))["voted"], 0);
  EXPECT_EQ((*svc_.DecisionView("other", "d1"))["voted"], 1);
  EXPECT_EQ(svc_.DecisionView("budget-2027", "nope").status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(svc_.VerifyProcess("budget-2027")->ok);
  EXPECT_TRUE(svc_.VerifyProcess("other")->ok);
}

TEST_P(ParticipationServiceTest, AScriptRunsWholeOrNotAtAll) {
  json other = Process();
  other["id"] = "scripted";
  json script = {
      {"steps",
       json::array(
           {{{"process", other}},
            {{"phase", "props"}},
            {{"item", {{"kind", "proposal"}, {"doc", {{"title", "Bikes"}, {"author", "ana"}}}}}},
            {{"close", "nope"}}})}};
  auto failed = svc_.RunProcessScript(script, kConvener);
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.status().message().find("steps[3].close"), std::string::npos)
      << failed.status().message();
  EXPECT_EQ(svc_.GetProcess("scripted").status().code(), StatusCode::kNotFound);  // nothing kept
  script["steps"].erase(3);
  auto done = svc_.RunProcessScript(script, kConvener);
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  EXPECT_EQ((*done)["created"], true);
  EXPECT_EQ((*svc_.GetProcess("scripted"))["proposals"].size(), 1u);
  auto again = svc_.RunProcessScript(script, kConvener);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ((*again)["created"], false);
  EXPECT_EQ((*svc_.GetProcess("scripted"))["proposals"].size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, ParticipationServiceTest,
                         ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

// Tampering with the stored rows, as someone with the database file could, is found.
TEST(ParticipationTamperTest, VerifyFindsEveryChangedRow) {
  const char* tamperings[] = {
      // a ballot changed in the closing entry
      "UPDATE decision_log SET body = replace(body, '\"bikes\"]', '\"garden\"]') "
      "WHERE kind = 'decision_closed'",
      // the process document edited without a log entry
      "UPDATE participation_records SET doc = replace(doc, '2027', '2028') WHERE kind = "
      "'process' AND version = 2",
      // an entry removed
      "DELETE FROM decision_log WHERE kind = 'voted' AND seq = (SELECT MIN(seq) FROM "
      "decision_log WHERE kind = 'voted')",
      // a voter replaced on the roll
      "UPDATE decision_log SET body = replace(body, '\"bob\"', '\"cy\"') WHERE kind = "
      "'voted' AND body LIKE '%bob%'",
  };
  for (const char* sql : tamperings) {
    testing::TestStore db("sqlite");
    ASSERT_TRUE(db.ok()) << db.error();
    FakeClock clock(std::chrono::sys_days{std::chrono::year{2026} / 11 / 30});
    ParticipationService svc(db.store(), clock);
    ASSERT_TRUE(svc.PutProcess(Process(), 0, kConvener).ok());
    ASSERT_TRUE(svc.SetPhase("budget-2027", "vote", kConvener).ok());
    ASSERT_TRUE(svc.OpenDecision("budget-2027", ApprovalDecision(true), kConvener).ok());
    ASSERT_TRUE(
        svc.CastBallot("budget-2027", "grants", "ana", {{"approve", json::array({"bikes"})}}, kAna)
            .ok());
    ASSERT_TRUE(
        svc.CastBallot("budget-2027", "grants", "bob", {{"approve", json::array({"shop"})}}, kBob)
            .ok());
    ASSERT_TRUE(svc.CloseDecision("budget-2027", "grants", kConvener).ok());
    ASSERT_TRUE(svc.VerifyProcess("budget-2027")->ok);

    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(db.url().c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sql;
    EXPECT_EQ(sqlite3_changes(raw), 1) << sql;
    sqlite3_close(raw);
    auto report = svc.VerifyProcess("budget-2027");
    ASSERT_TRUE(report.ok());
    EXPECT_FALSE(report->ok) << sql;
    EXPECT_FALSE(report->problems.empty()) << sql;
  }
}

}  // namespace
}  // namespace ecosol::participation
