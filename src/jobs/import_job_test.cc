// The "import" job on both backends: the stored file imported once and removed, a refused import
// finished with its report, an import rolled back when its worker lost the job, and an attempt
// after a committed import that only reports it.

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

std::string Collection(const std::vector<std::pair<std::string, double>>& features) {
  json items = json::array();
  for (const auto& [id, lat] : features) {
    items.push_back({{"type", "Feature"},
                     {"id", id},
                     {"geometry", {{"type", "Point"}, {"coordinates", {-1.5, lat}}}},
                     {"properties", {{"name", "Co-op " + id}, {"addr:country", "UK"}}}});
  }
  return json{{"type", "FeatureCollection"}, {"features", items}}.dump();
}

class ImportJobTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    registry::Registry reg(store(), SystemClock());
    ASSERT_TRUE(reg.LoadTaxonomies(testing::TaxonomyFolder()).ok());
    auto taxonomy = registry::Taxonomy::Load(store());
    ASSERT_TRUE(taxonomy.ok());
    services_.taxonomy = std::make_shared<const registry::Taxonomy>(std::move(*taxonomy));
  }

  store::Store& store() { return db_.store(); }

  JobRecord Queue(const std::string& content) {
    interop::FileImportOptions o;
    o.format = "geojson";
    o.source = "jobs-test";
    auto job = EnqueueImport(store(), o, "upload.geojson", content, "ann", "192.0.2.1",
                             "2026-12-01T10:00:00Z");
    EXPECT_TRUE(job.ok()) << job.status().ToString();
    return job.ok() ? *job : JobRecord();
  }

  WorkerOptions Options() {
    WorkerOptions o;
    o.db_url = db_.url();
    o.name = "test";
    return o;
  }

  JobRecord Get(const std::string& id) { return **store().GetJob(id); }
  bool HasInput(const std::string& id) { return store().GetJobInput(id)->has_value(); }
  long long Count() { return *store().CountActors(); }

  JobServices services_;
  testing::TestStore db_{GetParam()};
};

TEST_P(ImportJobTest, ImportsTheStoredFileOnceAndRemovesIt) {
  JobRecord job = Queue(Collection({{"a", 53.8}, {"b", 53.9}}));
  EXPECT_EQ(job.kind, "import");
  EXPECT_EQ(job.state, "queued");
  ASSERT_TRUE(HasInput(job.id));
  EXPECT_EQ((*store().GetJobInput(job.id))->name, "upload.geojson");
  Worker worker(Options(), StandardHandlers(services_));
  auto ran = worker.RunOne(store(), "w1");
  ASSERT_TRUE(ran.ok()) << ran.status().ToString();
  EXPECT_TRUE(*ran);
  JobRecord row = Get(job.id);
  ASSERT_EQ(row.state, "done") << row.error;
  json result = json::parse(row.result);
  EXPECT_EQ(result["imported"], 2);
  EXPECT_EQ(result["committed"], true);
  EXPECT_EQ(row.done, 2);
  EXPECT_EQ(Count(), 2);
  EXPECT_FALSE(HasInput(job.id));
  // The actors' writes are audited as the job's starter, from where they asked.
  auto head = store().AuditHead();
  ASSERT_TRUE(head.ok());
  auto entries = store().AuditEntries(head->first, 1);
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries->size(), 1u);
  EXPECT_EQ((*entries)[0].who, "ann");
  EXPECT_EQ((*entries)[0].address, "192.0.2.1");
}

TEST_P(ImportJobTest, ARefusedImportFinishesWithItsReportAndWritesNothing) {
  JobRecord job = Queue(Collection({{"a", 53.8}, {"bad", 200}}));
  Worker worker(Options(), StandardHandlers(services_));
  ASSERT_TRUE(*worker.RunOne(store(), "w1"));
  JobRecord row = Get(job.id);
  ASSERT_EQ(row.state, "done") << row.error;
  json result = json::parse(row.result);
  EXPECT_EQ(result["committed"], false);
  ASSERT_EQ(result["rejected"].size(), 1u);
  EXPECT_EQ(row.done, 1);  // the rejected row
  EXPECT_EQ(row.total, 1);
  EXPECT_EQ(Count(), 0);
  EXPECT_FALSE(HasInput(job.id));
}

// The checkpoint is written in the import's transaction: refused (another worker holds the job),
// the whole import rolls back and the file stays for the worker that holds it.
TEST_P(ImportJobTest, AWorkerThatLostTheJobHasItsImportRolledBack) {
  JobRecord job = Queue(Collection({{"a", 53.8}, {"b", 53.9}}));
  auto handlers = StandardHandlers(services_);
  RecordingControl lost(Conflict("another worker holds the job"));
  auto result = handlers["import"](store(), job, lost);
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(Count(), 0);
  EXPECT_TRUE(HasInput(job.id));
  Worker worker(Options(), std::move(handlers));
  ASSERT_TRUE(*worker.RunOne(store(), "w2"));
  EXPECT_EQ(Get(job.id).state, "done");
  EXPECT_EQ(Count(), 2);
}

// A worker that dies after the import committed leaves the job running with its checkpoint; the
// next attempt reports the import without importing again.
TEST_P(ImportJobTest, AnAttemptAfterTheCommitOnlyReportsIt) {
  JobRecord job = Queue(Collection({{"a", 53.8}, {"b", 53.9}}));
  auto handlers = StandardHandlers(services_);
  RecordingControl first;
  auto report = handlers["import"](store(), job, first);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(json::parse(*report)["imported"], 2);
  EXPECT_EQ(first.done_, 2);
  EXPECT_FALSE(HasInput(job.id));
  const long long audited = store().AuditHead()->first;
  job.checkpoint = first.checkpoint_;
  RecordingControl second;
  auto again = handlers["import"](store(), job, second);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(json::parse(*again)["imported"], 2);   // the first attempt's report
  EXPECT_EQ(store().AuditHead()->first, audited);  // nothing written
  EXPECT_EQ(second.done_, -1);
  // Without its file and without a committed checkpoint, the job fails with a clear error.
  job.checkpoint.clear();
  auto gone = handlers["import"](store(), job, second);
  ASSERT_FALSE(gone.ok());
  EXPECT_NE(gone.status().message().find("send the import again"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, ImportJobTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::jobs
