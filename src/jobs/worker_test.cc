// The work queue on both backends: a job runs once, goes on from its checkpoint after its worker
// died, is refused to a worker that lost it, is handed back on stopping, and fails with its
// handler's error; threads started with Start() drain the queue.

#include "ecosol/jobs/worker.h"

#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "test_store.h"

namespace ecosol::jobs {
namespace {

using nlohmann::json;
using store::JobRecord;

constexpr int kItems = 10;

class WorkerTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { ASSERT_TRUE(db_.ok()) << db_.error(); }

  store::Store& store() { return db_.store(); }

  // A job of kind "count": items 0..9 in batches of 2; each batch writes one marker row per item
  // (a job of kind "mark" named "<job>-<item>") in the transaction of its checkpoint. `during`
  // runs before each batch.
  static JobHandler Counter(std::function<Status(int item, JobControl&)> during = nullptr) {
    return [during](store::Store& s, const JobRecord& job, JobControl& control) {
      int next = job.checkpoint.empty() ? 0 : std::stoi(job.checkpoint);
      for (int i = next; i < kItems; i += 2) {
        if (control.stopping()) return Result<std::string>(Unavailable("stopped"));
        if (during) {
          Status d = during(i, control);
          if (!d.ok()) return Result<std::string>(d);
        }
        Status batch = s.InTransaction([&]() -> Status {
          ECOSOL_RETURN_IF_ERROR(control.Checkpoint(i + 2, kItems, std::to_string(i + 2)));
          for (int k = i; k < i + 2; ++k) {
            JobRecord mark;
            mark.id = job.id + "-" + std::to_string(k);
            mark.kind = "mark";
            mark.state = "done";
            mark.params = "{}";
            mark.created_at = mark.updated_at = "t";
            mark.who = job.worker;
            ECOSOL_RETURN_IF_ERROR(s.PutJob(mark));
          }
          return Status::Ok();
        });
        if (!batch.ok()) return Result<std::string>(batch);
      }
      return Result<std::string>(json{{"items", kItems}}.dump());
    };
  }

  WorkerOptions Options() {
    WorkerOptions o;
    o.db_url = db_.url();
    o.name = "test";
    o.lease = std::chrono::milliseconds(3000);
    o.poll = std::chrono::milliseconds(20);
    return o;
  }

  JobRecord Queue(const std::string& kind = "count") {
    auto job = Enqueue(store(), kind, json::object(), "ann", "2026-11-30T10:00:00Z");
    EXPECT_TRUE(job.ok()) << job.status().ToString();
    return job.ok() ? *job : JobRecord();
  }

  // The items marked for `job`, and by which workers.
  std::multiset<int> Marks(const JobRecord& job, std::set<std::string>* workers = nullptr) {
    std::multiset<int> out;
    auto listed = store().ListJobs("", "done", 1000);
    EXPECT_TRUE(listed.ok());
    if (!listed.ok()) return out;
    for (const JobRecord& m : *listed) {
      if (m.kind != "mark" || m.id.rfind(job.id + "-", 0) != 0) continue;
      out.insert(std::stoi(m.id.substr(job.id.size() + 1)));
      if (workers) workers->insert(m.who);
    }
    return out;
  }

  JobRecord Get(const std::string& id) { return **store().GetJob(id); }

  static std::multiset<int> All() {
    std::multiset<int> out;
    for (int i = 0; i < kItems; ++i) out.insert(i);
    return out;
  }

  testing::TestStore db_{GetParam()};
};

TEST_P(WorkerTest, RunsAJobOnceAndRecordsItsResult) {
  JobRecord job = Queue();
  Worker worker(Options(), {{"count", Counter()}});
  auto ran = worker.RunOne(store(), "w1");
  ASSERT_TRUE(ran.ok()) << ran.status().ToString();
  EXPECT_TRUE(*ran);
  JobRecord row = Get(job.id);
  EXPECT_EQ(row.state, "done");
  EXPECT_EQ(row.done, kItems);
  EXPECT_EQ(row.total, kItems);
  EXPECT_EQ(row.attempts, 1);
  EXPECT_EQ(row.worker, "w1");
  EXPECT_EQ(json::parse(row.result)["items"], kItems);
  EXPECT_EQ(Marks(job), All());
  EXPECT_FALSE(*worker.RunOne(store(), "w1"));  // nothing left
  EXPECT_EQ(worker.stats().done, 1);
  json shown = JobToJson(row);
  EXPECT_EQ(shown["state"], "done");
  EXPECT_EQ(shown["attempts"], 1);
  EXPECT_EQ(shown["result"]["items"], kItems);
}

// A worker died after two batches (its lease ran out): the next worker goes on from the
// checkpoint, and every item is done once in all.
TEST_P(WorkerTest, GoesOnFromTheCheckpointOfADeadWorker) {
  JobRecord job = Queue();
  auto dead = store().ClaimJob("dead", {"count"}, 60000, "t");
  ASSERT_TRUE(dead.ok() && dead->has_value());
  auto partial = Counter([](int item, JobControl&) {
    return item >= 4 ? Status(StatusCode::kInternal, "killed") : Status::Ok();
  });
  class Passive : public JobControl {
   public:
    Passive(store::Store& s, JobRecord j) : s_(s), j_(std::move(j)) {}
    bool stopping() const override { return false; }
    Status Checkpoint(long long done, long long total, const std::string& cp) override {
      JobRecord r = j_;
      r.done = done;
      r.total = total;
      r.checkpoint = cp;
      return s_.UpdateClaimedJob(r, -1);  // and the lease runs out at once
    }
    store::Store& s_;
    JobRecord j_;
  } passive(store(), **dead);
  EXPECT_FALSE(partial(store(), **dead, passive).ok());
  EXPECT_EQ(Marks(job).size(), 4u);

  Worker worker(Options(), {{"count", Counter()}});
  ASSERT_TRUE(*worker.RunOne(store(), "w2"));
  JobRecord row = Get(job.id);
  EXPECT_EQ(row.state, "done");
  EXPECT_EQ(row.attempts, 2);
  std::set<std::string> workers;
  EXPECT_EQ(Marks(job, &workers), All());
  EXPECT_EQ(workers, (std::set<std::string>{"dead", "w2"}));
}

// A worker whose lease ran out while it still worked (paused, cut off from the database) and
// whose job another worker took: its next batch is rolled back, and it leaves the job alone.
TEST_P(WorkerTest, AWorkerThatLostItsJobWritesNothingMore) {
  JobRecord job = Queue();
  auto other = store::OpenStore(db_.url());
  ASSERT_TRUE(other.ok());
  bool taken = false;
  Worker worker(Options(), {{"count", Counter([&](int item, JobControl&) -> Status {
                               if (item == 4 && !taken) {
                                 // The lease runs out and another worker claims the job.
                                 JobRecord held = **(*other)->GetJob(job.id);
                                 EXPECT_TRUE((*other)->UpdateClaimedJob(held, -1).ok());
                                 auto claim = (*other)->ClaimJob("thief", {"count"}, 60000, "t");
                                 EXPECT_TRUE(claim.ok() && claim->has_value());
                                 taken = true;
                               }
                               return Status::Ok();
                             })}});
  ASSERT_TRUE(*worker.RunOne(store(), "w1"));
  EXPECT_TRUE(taken);
  EXPECT_EQ(worker.stats().lost, 1);
  JobRecord row = Get(job.id);
  EXPECT_EQ(row.state, "running");
  EXPECT_EQ(row.worker, "thief");
  EXPECT_EQ(row.done, 4);
  EXPECT_EQ(Marks(job).size(), 4u);  // items 0-3 only
}

TEST_P(WorkerTest, StoppingHandsTheJobBack) {
  JobRecord job = Queue();
  Worker* self = nullptr;
  Worker worker(Options(), {{"count", Counter([&](int item, JobControl&) {
                               if (item == 2) self->Stop();
                               return Status::Ok();
                             })}});
  self = &worker;
  ASSERT_TRUE(*worker.RunOne(store(), "w1"));
  JobRecord row = Get(job.id);
  EXPECT_EQ(row.state, "queued");
  EXPECT_EQ(row.attempts, 0);  // the claim is not counted
  EXPECT_EQ(row.worker, "");
  EXPECT_EQ(row.checkpoint, "4");
  EXPECT_EQ(worker.stats().handed_back, 1);
  Worker next(Options(), {{"count", Counter()}});
  ASSERT_TRUE(*next.RunOne(store(), "w2"));
  EXPECT_EQ(Get(job.id).state, "done");
  EXPECT_EQ(Marks(job), All());
}

TEST_P(WorkerTest, AHandlerErrorFailsTheJobWithItsMessage) {
  JobRecord job = Queue();
  Worker worker(Options(), {{"count", Counter([](int item, JobControl&) {
                               return item == 6 ? InvalidArgument("frameworks: no 'xyz'")
                                                : Status::Ok();
                             })}});
  ASSERT_TRUE(*worker.RunOne(store(), "w1"));
  JobRecord row = Get(job.id);
  EXPECT_EQ(row.state, "failed");
  EXPECT_EQ(row.error, "frameworks: no 'xyz'");
  EXPECT_EQ(row.done, 6);
  EXPECT_EQ(worker.stats().failed, 1);
  // Kinds this worker does not run are left for others.
  JobRecord foreign = Queue("report");
  EXPECT_FALSE(*worker.RunOne(store(), "w1"));
  EXPECT_EQ(Get(foreign.id).state, "queued");
}

TEST_P(WorkerTest, ThreadsDrainTheQueue) {
  std::vector<JobRecord> jobs;
  for (int i = 0; i < 6; ++i) jobs.push_back(Queue());
  WorkerOptions o = Options();
  o.threads = 2;
  Worker worker(o, {{"count", Counter()}});
  worker.Start();
  worker.Wake();
  for (int tries = 0; tries < 500 && worker.stats().done < 6; ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  worker.Stop();
  EXPECT_EQ(worker.stats().done, 6);
  for (const JobRecord& job : jobs) {
    EXPECT_EQ(Get(job.id).state, "done") << job.id;
    EXPECT_EQ(Marks(job), All()) << job.id;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, WorkerTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::jobs
