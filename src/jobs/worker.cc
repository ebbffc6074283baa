#include "ecosol/jobs/worker.h"

#include <unistd.h>

#include <random>

namespace ecosol::jobs {

using nlohmann::json;

namespace {

std::string Now() { return FormatTimestamp(SystemClock().Now()); }

std::string DefaultName() {
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return std::string(host[0] ? host : "localhost") + ":" + std::to_string(getpid());
}

// The control a job's handler gets: its checkpoints go through the fenced update, and a refusal
// (the lease ran out and another worker took the job) tells the handler to stop.
class Control : public JobControl {
 public:
  Control(store::Store& store, const store::JobRecord& job, long long lease_ms,
          const std::atomic<bool>& stopping)
      : store_(store), job_(job), lease_ms_(lease_ms), stopping_(stopping) {}

  bool stopping() const override { return stopping_.load() || lost_.load(); }

  Status Checkpoint(long long done, long long total, const std::string& checkpoint) override {
    store::JobRecord row = job_;
    row.state = "running";
    row.done = done;
    row.total = total;
    row.checkpoint = checkpoint;
    row.updated_at = Now();
    Status s = store_.UpdateClaimedJob(row, lease_ms_);
    if (s.code() == StatusCode::kConflict) lost_ = true;
    return s;
  }

  void MarkLost() { lost_ = true; }
  bool lost() const { return lost_.load(); }

 private:
  store::Store& store_;
  const store::JobRecord job_;
  const long long lease_ms_;
  const std::atomic<bool>& stopping_;
  std::atomic<bool> lost_{false};
};

// Renews a job's lease every third of it on a connection of its own, for as long as the job
// runs; a refused renewal marks the job lost.
class Heartbeat {
 public:
  Heartbeat(std::string db_url, store::JobRecord job, std::chrono::milliseconds lease,
            Control* control)
      : thread_([this, url = std::move(db_url), job = std::move(job), lease, control] {
          auto conn = store::OpenStore(url);
          std::unique_lock<std::mutex> lock(mu_);
          while (!done_) {
            if (cv_.wait_for(lock, lease / 3, [this] { return done_; })) break;
            if (!conn.ok()) {
              conn = store::OpenStore(url);
              if (!conn.ok()) continue;
            }
            lock.unlock();
            Status s = (*conn)->RenewJobLease(job, lease.count());
            lock.lock();
            if (s.code() == StatusCode::kConflict) {
              control->MarkLost();
              break;
            }
            if (!s.ok()) conn = Status(s);  // reconnect next time
          }
        }) {}
  ~Heartbeat() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      done_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
  Heartbeat(const Heartbeat&) = delete;
  Heartbeat& operator=(const Heartbeat&) = delete;

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool done_ = false;   // guarded by mu_
  std::thread thread_;  // last: started once the rest is ready
};

}  // namespace

json ScreeningParams(const std::vector<std::string>& frameworks,
                     const std::vector<std::string>& options, const std::string& lang,
                     const std::string& statutes_lang) {
  return {{"frameworks", frameworks},
          {"options", options},
          {"lang", lang},
          {"statutes_lang", statutes_lang}};
}

Result<store::JobRecord> Enqueue(store::Store& store, const std::string& kind, const json& params,
                                 const std::string& who, const std::string& now) {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  store::JobRecord job;
  job.id = "job-";
  uint64_t bits = rng();
  for (int i = 0; i < 16; ++i, bits >>= 4) job.id += kHex[bits & 15];
  job.kind = kind;
  job.state = "queued";
  job.params = params.dump();
  job.created_at = job.updated_at = now;
  job.who = who;
  ECOSOL_RETURN_IF_ERROR(store.PutJob(job));
  return job;
}

json JobToJson(const store::JobRecord& j) {
  json out = {{"id", j.id},
              {"kind", j.kind},
              {"state", j.state},
              {"done", j.done},
              {"total", j.total},
              {"attempts", j.attempts},
              {"worker", j.worker},
              {"created_at", j.created_at},
              {"updated_at", j.updated_at},
              {"who", j.who}};
  if (!j.error.empty()) out["error"] = j.error;
  if (!j.result.empty()) out["result"] = json::parse(j.result, nullptr, false);
  return out;
}

Worker::Worker(WorkerOptions options, std::map<std::string, JobHandler> handlers)
    : options_(std::move(options)),
      handlers_(std::move(handlers)),
      name_(options_.name.empty() ? DefaultName() : options_.name) {}

Worker::~Worker() { Stop(); }

std::vector<std::string> Worker::kinds() const {
  std::vector<std::string> out;
  for (const auto& [kind, handler] : handlers_) out.push_back(kind);
  return out;
}

void Worker::Start() {
  std::lock_guard<std::mutex> lock(mu_);
  if (!threads_.empty() || handlers_.empty()) return;
  stopping_ = false;
  for (int i = 0; i < options_.threads; ++i) threads_.emplace_back([this, i] { Loop(i); });
}

void Worker::Stop() {
  std::vector<std::thread> threads;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
    threads.swap(threads_);
  }
  wake_.notify_all();
  for (std::thread& t : threads) t.join();
}

void Worker::Wake() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++wakes_;
  }
  wake_.notify_all();
}

Worker::Stats Worker::stats() const {
  return {claimed_.load(),     done_.load(), failed_.load(),
          handed_back_.load(), lost_.load(), running_.load()};
}

void Worker::Log(const std::string& level, const std::string& msg, json fields) const {
  if (!options_.log) return;
  fields["component"] = "worker";
  options_.log(level, msg, fields);
}

void Worker::Loop(int index) {
  const std::string name = name_ + "/" + std::to_string(index);
  std::unique_ptr<store::Store> store;
  long long seen = 0;
  bool failing = false;  // log a failing database once, not at every poll
  while (!stopping_) {
    Result<bool> ran = false;
    if (!store) {
      auto opened = store::OpenStore(options_.db_url);
      if (opened.ok()) {
        store = std::move(*opened);
      } else {
        ran = opened.status();
      }
    }
    if (store) ran = RunOne(*store, name);
    if (!ran.ok()) {
      if (!failing) {
        Log("error", "the work queue cannot be read; trying again",
            {{"worker", name}, {"error", ran.status().ToString()}});
      }
      failing = true;
      store.reset();  // a connection the database dropped is opened again
    } else {
      if (failing) Log("info", "the work queue answers again", {{"worker", name}});
      failing = false;
      if (*ran) continue;  // there may be more: look again at once
    }
    std::unique_lock<std::mutex> lock(mu_);
    wake_.wait_for(lock, options_.poll, [&] { return stopping_.load() || wakes_ != seen; });
    seen = wakes_;
  }
}

Result<bool> Worker::RunOne(store::Store& store, const std::string& name) {
  const long long lease_ms = options_.lease.count();
  auto claimed = store.ClaimJob(name, kinds(), lease_ms, Now());
  if (!claimed.ok()) return claimed.status();
  if (!claimed->has_value()) return false;
  const store::JobRecord job = **claimed;
  ++claimed_;
  ++running_;
  Log("info", job.attempts > 1 ? "job taken over" : "job claimed",
      {{"job", job.id}, {"kind", job.kind}, {"attempt", job.attempts}, {"worker", name}});
  Control control(store, job, lease_ms, stopping_);
  Result<std::string> result = std::string();
  {
    Heartbeat heartbeat(options_.db_url, job, options_.lease, &control);
    try {
      result = handlers_.at(job.kind)(store, job, control);
    } catch (const std::exception& e) {
      result = Status(StatusCode::kInternal, std::string("the job's handler failed: ") + e.what());
    }
  }
  --running_;
  auto lost = [&] {
    ++lost_;
    Log("warning", "job taken over by another worker: this worker's lease ran out",
        {{"job", job.id}, {"worker", name}});
    return true;
  };
  if (control.lost()) return lost();
  // What the job's committed batches recorded (not what a rolled-back one tried to).
  auto current = store.GetJob(job.id);
  if (!current.ok()) return current.status();
  if (!current->has_value()) return NotFound("job '" + job.id + "' vanished while it ran");
  store::JobRecord row = **current;
  row.worker = job.worker;
  row.attempts = job.attempts;
  row.updated_at = Now();
  if (result.ok()) {
    row.state = "done";
    row.result = *result;
    row.error.clear();
  } else if (stopping_) {
    row.state = "queued";  // handed back: another worker goes on from the checkpoint
  } else if (result.status().code() == StatusCode::kUnavailable) {
    // The database or another resource failed: let the lease run out now, so that another
    // attempt (counted) starts soon.
    ++handed_back_;
    Log("warning", "job interrupted; another attempt will go on with it",
        {{"job", job.id}, {"worker", name}, {"error", result.status().ToString()}});
    Status s = store.RenewJobLease(row, 0);
    if (s.code() == StatusCode::kConflict) return lost();
    if (!s.ok()) return s;
    return true;
  } else {
    row.state = "failed";
    row.error = result.status().message();
  }
  Status s = store.UpdateClaimedJob(row, lease_ms);
  if (s.code() == StatusCode::kConflict) return lost();
  if (!s.ok()) return s;
  if (row.state == "done") ++done_;
  if (row.state == "failed") ++failed_;
  if (row.state == "queued") ++handed_back_;
  Log(row.state == "failed" ? "warning" : "info", "job " + row.state,
      {{"job", job.id}, {"worker", name}, {"done", row.done}, {"error", row.error}});
  return true;
}

}  // namespace ecosol::jobs
