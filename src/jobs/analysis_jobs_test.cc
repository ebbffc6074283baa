// The "report" and "analytics" jobs on both backends: computed as whoever started them sees the
// registry and kept as the job's output; params checked before anything is queued; a worker
// that lost the job stores nothing, and an attempt after the output was stored only reports it.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "ecosol/jobs/worker.h"
#include "ecosol/registry/registry.h"
#include "recording_control.h"
#include "test_paths.h"
#include "test_store.h"

namespace ecosol::jobs {
namespace {

using nlohmann::json;
using store::JobRecord;

class AnalysisJobTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    registry::Registry reg(store(), SystemClock());
    ASSERT_TRUE(reg.LoadTaxonomies(testing::TaxonomyFolder()).ok());
    ASSERT_TRUE(store().PutTerritory({"CA/QC", "CA", "Quebec", "region", 8500000}).ok());
    auto add = [&](const std::string& id, const std::string& name, model::ActorKind kind,
                   model::Visibility visibility) {
      model::Actor a;
      a.id = id;
      a.name = name;
      a.kind = kind;
      a.territory = "CA/QC";
      a.visibility = visibility;
      a.structures = {"OS60"};
      a.founded = "2012";
      a.location = model::Location{45.5, -73.6};
      ASSERT_TRUE(reg.CreateActor(a, "test", "api").ok()) << id;
    };
    add("chantier", "Chantier de l'économie sociale", model::ActorKind::kNetwork,
        model::Visibility::kPublic);
    add("coop", "Coop du quartier", model::ActorKind::kOrganisation, model::Visibility::kPublic);
    add("secret", "Coopérative discrète", model::ActorKind::kOrganisation,
        model::Visibility::kPrivate);
    for (const char* from : {"coop", "secret"}) {
      model::Relationship r;
      r.from = from;
      r.to = "chantier";
      r.type = model::RelationshipType::kMemberOf;
      ASSERT_TRUE(reg.CreateRelationship(r, "test").ok()) << from;
    }
    for (auto [id, disabled] : {std::pair{"usr-ann", false}, {"usr-gone", true}}) {
      store::UserRecord u;
      u.id = id;
      u.email = std::string(id) + "@example.org";
      u.name = id;
      u.password_hash = "x";
      u.created_at = "2026-12-01T10:00:00Z";
      u.disabled = disabled;
      ASSERT_TRUE(store().PutUser(u).ok()) << id;
    }
    services_.frameworks_dir = ::ecosol::testing::SourceDir() + "/frameworks";
  }

  store::Store& store() { return db_.store(); }

  JobRecord Queue(const std::string& kind, const json& params, const std::string& who) {
    auto job = EnqueueAnalysis(store(), kind, params, who, "2026-12-01T10:00:00Z");
    EXPECT_TRUE(job.ok()) << job.status().ToString();
    return job.ok() ? *job : JobRecord();
  }

  // Runs the job with a worker and returns its row.
  JobRecord Run(const JobRecord& job) {
    WorkerOptions o;
    o.db_url = db_.url();
    o.name = "test";
    Worker worker(o, StandardHandlers(services_));
    auto ran = worker.RunOne(store(), "w1");
    EXPECT_TRUE(ran.ok() && *ran) << ran.status().ToString();
    return **store().GetJob(job.id);
  }

  store::JobOutput Output(const std::string& id) {
    auto out = store().GetJobOutput(id);
    EXPECT_TRUE(out.ok() && out->has_value()) << id;
    return out.ok() && out->has_value() ? **out : store::JobOutput();
  }

  JobServices services_;
  testing::TestStore db_{GetParam()};
};

TEST_P(AnalysisJobTest, AReportIsWrittenAsItsStarterSeesTheRegistry) {
  JobRecord as_ann = Queue("report", {{"territory", "CA/QC"}, {"lang", "fr"}}, "user:usr-ann");
  EXPECT_EQ(as_ann.kind, "report");
  EXPECT_EQ(json::parse(as_ann.params),
            (json{{"territory", "CA/QC"}, {"lang", "fr"}, {"format", "html"}}));
  JobRecord row = Run(as_ann);
  ASSERT_EQ(row.state, "done") << row.error;
  EXPECT_EQ(row.done, 1);
  json result = json::parse(row.result);
  store::JobOutput html = Output(row.id);
  EXPECT_EQ(html.name, "ecosol-report-CA-QC-fr.html");
  EXPECT_EQ(html.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(result["output"]["name"], html.name);
  EXPECT_EQ(result["output"]["bytes"], html.content.size());
  EXPECT_EQ(result["territory"], "CA/QC");
  EXPECT_NE(html.content.find("<html"), std::string::npos);
  EXPECT_NE(html.content.find("Coop du quartier"), std::string::npos);
  // Ann holds no grant: the private actor is not in her report.
  EXPECT_EQ(html.content.find("Coopérative discrète"), std::string::npos);

  JobRecord as_admin = Queue("report", {{"territory", "CA/QC"}, {"format", "pdf"}}, "admin-token");
  row = Run(as_admin);
  ASSERT_EQ(row.state, "done") << row.error;
  store::JobOutput pdf = Output(row.id);
  EXPECT_EQ(pdf.name, "ecosol-report-CA-QC-en.pdf");
  EXPECT_EQ(pdf.content_type, "application/pdf");
  EXPECT_EQ(pdf.content.rfind("%PDF-", 0), 0u);
}

TEST_P(AnalysisJobTest, AnalyticsAreTheMeasuresOfTheStartersNetwork) {
  JobRecord as_ann = Queue("analytics", {{"territory", "CA/QC"}}, "user:usr-ann");
  JobRecord row = Run(as_ann);
  ASSERT_EQ(row.state, "done") << row.error;
  json result = json::parse(row.result);
  EXPECT_EQ(result["summary"]["nodes"], 2);
  store::JobOutput out = Output(row.id);
  EXPECT_EQ(out.name, "ecosol-metrics-CA-QC.json");
  json measures = json::parse(out.content);
  EXPECT_EQ(measures["summary"], result["summary"]);
  EXPECT_EQ(measures["nodes"].size(), 2u);
  // The command line sees every actor, as the CLI's own `ecosystem metrics` does.
  row =
      Run(Queue("analytics", {{"type", "member_of"}, {"territory", "CA"}, {"with_partners", true}},
                "cli:root"));
  ASSERT_EQ(row.state, "done") << row.error;
  EXPECT_EQ(json::parse(row.result)["summary"]["nodes"], 3);
  EXPECT_EQ(json::parse(row.params)["with_partners"], true);
}

TEST_P(AnalysisJobTest, BadParamsAreRefusedBeforeAnythingIsQueued) {
  const std::vector<std::tuple<std::string, json, std::string>> cases = {
      {"report", json::object(), "territory: give the territory"},
      {"report", {{"territory", "CA/QC"}, {"format", "docx"}}, "format: expected html or pdf"},
      {"report", {{"territory", "CA/QC"}, {"lang", "de"}}, "de"},
      {"report", {{"territory", "CA/QC"}, {"colour", "red"}}, "colour: not a parameter"},
      {"report", {{"territory", 12}}, "territory: expected text"},
      {"analytics", {{"samples", -1}}, "samples: expected a whole number"},
      {"analytics", {{"type", "likes"}}, "likes"},
      {"analytics", {{"with_partners", "yes"}}, "with_partners: expected true or false"},
      {"analytics", {{"with_partners", true}}, "with_partners: only with a territory"},
      {"analytics", {{"as_of", "June"}}, "as_of: expected a day"},
      {"analytics", {{"betweenness", "fast"}}, "fast"},
      {"analytics", json::array(), "params: expected a JSON object"},
      {"screening", json::object(), "kind: 'screening' is not report or analytics"},
  };
  for (const auto& [kind, params, message] : cases) {
    auto job = EnqueueAnalysis(store(), kind, params, "user:usr-ann", "2026-12-01T10:00:00Z");
    ASSERT_FALSE(job.ok()) << params.dump();
    EXPECT_EQ(job.status().code(), StatusCode::kInvalidArgument) << params.dump();
    EXPECT_NE(job.status().message().find(message), std::string::npos) << job.status().message();
  }
  EXPECT_TRUE(store().ListJobs("", "", 10)->empty());
}

TEST_P(AnalysisJobTest, JobsOfUnknownTerritoriesOrDisabledAccountsFailWithTheReason) {
  // Refused when queued...
  auto unknown = EnqueueAnalysis(store(), "analytics", {{"territory", "CA/XX"}}, "user:usr-ann",
                                 "2026-12-01T10:00:00Z");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), StatusCode::kNotFound);
  EXPECT_NE(unknown.status().message().find("no territory with id 'CA/XX'"), std::string::npos);
  EXPECT_TRUE(store().ListJobs("", "", 10)->empty());
  // ...and failed when a job names one anyway (queued by an older release, say).
  auto raw =
      Enqueue(store(), "report", {{"territory", "CA/XX"}}, "user:usr-ann", "2026-12-01T10:00:00Z");
  ASSERT_TRUE(raw.ok());
  JobRecord row = Run(*raw);
  EXPECT_EQ(row.state, "failed");
  EXPECT_NE(row.error.find("CA/XX"), std::string::npos) << row.error;
  row = Run(Queue("analytics", json::object(), "user:usr-gone"));
  EXPECT_EQ(row.state, "failed");
  EXPECT_NE(row.error.find("disabled"), std::string::npos) << row.error;
  EXPECT_FALSE(store().GetJobOutput(row.id)->has_value());
  row = Run(Queue("analytics", json::object(), "token:tok-revoked-long-ago"));
  EXPECT_EQ(row.state, "failed");
  EXPECT_NE(row.error.find("no longer exists"), std::string::npos) << row.error;
  row = Run(Queue("analytics", json::object(), "public"));
  EXPECT_EQ(row.state, "failed");
  EXPECT_NE(row.error.find("view of the registry is unknown"), std::string::npos) << row.error;
}

TEST_P(AnalysisJobTest, ALostJobStoresNothingAndALaterAttemptOnlyReportsTheOutput) {
  JobRecord job = Queue("report", {{"territory", "CA/QC"}}, "user:usr-ann");
  auto handlers = StandardHandlers(services_);
  RecordingControl lost(Conflict("another worker holds the job"));
  EXPECT_FALSE(handlers["report"](store(), job, lost).ok());
  EXPECT_FALSE(store().GetJobOutput(job.id)->has_value());

  RecordingControl first;
  auto result = handlers["report"](store(), job, first);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(first.done_, 1);
  const std::string html = Output(job.id).content;
  // The worker died before finishing the job: the next attempt, even on a worker without the
  // building blocks, reports the stored output without computing it again.
  job.checkpoint = first.checkpoint_;
  JobServices bare;
  RecordingControl second;
  auto again = StandardHandlers(bare)["report"](store(), job, second);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(json::parse(*again), json::parse(*result));
  EXPECT_EQ(second.done_, -1);
  EXPECT_EQ(Output(job.id).content, html);
  // Without the checkpoint such a worker says what it lacks.
  job.checkpoint.clear();
  auto missing = StandardHandlers(bare)["report"](store(), job, second);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("--frameworks"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, AnalysisJobTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::jobs
