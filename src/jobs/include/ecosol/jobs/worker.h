#pragma once

// The work queue: background jobs (screening the whole registry, ...) are rows of the store's
// jobs table. Any server or `ecosol worker` process sharing the database may run them: a worker
// claims a job (Store::ClaimJob; FOR UPDATE SKIP LOCKED on PostgreSQL), holds it under a lease
// it renews while it works, and commits each batch of work together with the job's checkpoint.
// When a worker dies its lease runs out and another worker goes on from the last checkpoint, so
// a job is finished even when workers are killed, and no batch is done twice: a worker that lost
// its lease has its next commit refused (docs/operations.md, "Background jobs").
//
//   jobs::Worker worker(options, jobs::StandardHandlers(services));
//   worker.Start();                    // options.threads threads claim and run jobs
//   ...Enqueue(store, "screening", params, who, now); worker.Wake();
//   worker.Stop();                     // jobs in progress are handed back after their batch
//
// Thread safety: Worker's methods may be called from any thread.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "ecosol/base/clock.h"
#include "ecosol/base/status.h"
#include "ecosol/ecosystem/metrics.h"
#include "ecosol/ecosystem/network.h"
#include "ecosol/interop/importer.h"
#include "ecosol/registry/taxonomy.h"
#include "ecosol/screening/framework.h"
#include "ecosol/store/store.h"
#include "ecosol/text/statutes.h"

namespace ecosol::jobs {

// What a running job may do besides its work.
class JobControl {
 public:
  virtual ~JobControl() = default;
  // True once the worker is asked to stop or has lost the job: return soon (with any error).
  virtual bool stopping() const = 0;
  // Call inside the transaction that stores a batch of the job's work: records the progress and
  // the checkpoint (where a later attempt goes on from) with it. Conflict when the worker no
  // longer holds the job: the transaction must then roll back.
  virtual Status Checkpoint(long long done, long long total, const std::string& checkpoint) = 0;
};

// Runs one kind of job (its params and checkpoint are in `job`) on a store connection of the
// worker; returns the result as JSON text.
using JobHandler = std::function<Result<std::string>(
    store::Store& store, const store::JobRecord& job, JobControl& control)>;

// What the standard handlers need: the snapshots a server loads at start.
struct JobServices {
  std::shared_ptr<const registry::Taxonomy> taxonomy;
  std::shared_ptr<const screening::Catalogue> frameworks;  // null: no screening jobs
  std::shared_ptr<const text::ClauseAnalyzer> clauses;
  const Clock* clock = &SystemClock();
  std::string murmurations_schemas;  // for imports of format "murmurations"
  std::string frameworks_dir;        // for reports (its building-blocks.yaml); "": no reports
};

// The job kinds Ecosol runs: "import" (an uploaded file; EnqueueImport), "report" and
// "analytics" (EnqueueAnalysis) and "screening" (every actor of the registry; params as
// ScreeningParams gives them) when frameworks are loaded.
std::map<std::string, JobHandler> StandardHandlers(const JobServices& services);

// The params of a screening job: {"frameworks": [...], "options": [...], "lang", "statutes_lang"}.
nlohmann::json ScreeningParams(const std::vector<std::string>& frameworks,
                               const std::vector<std::string>& options, const std::string& lang,
                               const std::string& statutes_lang);

// The params of an import job: the options of interop::ImportText (but murmurations_schemas,
// which the worker has) and the address it was asked from, for the audit log.
nlohmann::json ImportParams(const interop::FileImportOptions& options, const std::string& address);
// Queues an import of `content` (the file's bytes; `file_name` names it in messages) with the
// job's file, in one transaction. Its result is interop::ImportReportToJson's report; a refused
// import is a finished job whose report says "committed": false.
Result<store::JobRecord> EnqueueImport(store::Store& store,
                                       const interop::FileImportOptions& options,
                                       const std::string& file_name, std::string_view content,
                                       const std::string& who, const std::string& address,
                                       const std::string& now);

// A "report" job: the territory report (docs/reports.md) as a standalone HTML page or a PDF.
// Params {"territory": "CA/QC", "lang": "en"|"fr"|"es"|"pt", "format": "html"|"pdf"}.
struct ReportRequest {
  std::string territory;
  std::string lang = "en";
  std::string format = "html";
};
Result<ReportRequest> ReportRequestOf(const nlohmann::json& params);
nlohmann::json ReportParams(const ReportRequest& request);

// An "analytics" job: the measures of the network of actors, as GET /api/v1/ecosystem/metrics
// gives them. Params as that endpoint's (territory, type as "funds,partner_of", as_of,
// with_partners as true/false, betweenness, samples and seed as numbers, lang).
struct AnalyticsRequest {
  ecosystem::NetworkFilter filter;
  ecosystem::MetricsOptions options;
  nlohmann::json params;  // every param, defaults filled in: what the job stores
};
Result<AnalyticsRequest> AnalyticsRequestOf(const nlohmann::json& params);

// Queues a "report" or "analytics" job after checking its params (InvalidArgument naming the
// one that is wrong; unknown ones too; NotFound for a territory the registry does not have). The
// job runs as `who` sees the registry ("user:<id>", and "token:<id>" for its owner, as that user's
// grants allow when it runs; "admin-token" and "cli:..." everything). Its result names its output
// ({"output": {"name", "content_type", "bytes"}, ...}), which Store::GetJobOutput gives: the
// report's HTML or PDF, the measures' JSON.
Result<store::JobRecord> EnqueueAnalysis(store::Store& store, const std::string& kind,
                                         const nlohmann::json& params, const std::string& who,
                                         const std::string& now);

// Writes a new queued job ("job-" and 16 hex digits) and returns it; workers pick it up.
Result<store::JobRecord> Enqueue(store::Store& store, const std::string& kind,
                                 const nlohmann::json& params, const std::string& who,
                                 const std::string& now);

// A job as the API and the CLI show it: {"id", "kind", "state", "done", "total", "attempts",
// "worker", "created_at", "updated_at", "who", "error"?, "result"?}.
nlohmann::json JobToJson(const store::JobRecord& job);

struct WorkerOptions {
  std::string db_url;
  // This process's name in the jobs table ("" for host:pid); thread i adds "/i".
  std::string name;
  int threads = 1;
  // How long a claim holds without renewal: a dead worker's job waits that long before another
  // worker takes it over. Renewed every third of it.
  std::chrono::milliseconds lease{30000};
  // How often an idle worker looks for jobs (Wake() makes it look at once).
  std::chrono::milliseconds poll{1000};
  // Log lines (level, message, fields); none when empty.
  std::function<void(const std::string&, const std::string&, const nlohmann::json&)> log;
};

class Worker {
 public:
  Worker(WorkerOptions options, std::map<std::string, JobHandler> handlers);
  ~Worker();  // Stop()
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  // Starts options.threads threads that claim and run jobs until Stop().
  void Start();
  // Asks the threads to stop and waits for them: a job in progress stops after its current
  // batch and is handed back to the queue (another worker goes on with it).
  void Stop();
  // A job was queued: idle threads look now.
  void Wake();
  // Claims and runs one job on the calling thread with `store` (tests; `ecosol worker --once`):
  // false when no job was waiting.
  Result<bool> RunOne(store::Store& store, const std::string& name);

  // The kinds this worker runs, and for /metrics what it did since it started.
  std::vector<std::string> kinds() const;
  struct Stats {
    long long claimed = 0;      // jobs claimed (taken over ones included)
    long long done = 0;         // finished
    long long failed = 0;       // failed with an error
    long long handed_back = 0;  // given back unfinished (stopping, or the database failed)
    long long lost = 0;         // taken over by another worker after this one's lease ran out
    long long running = 0;      // running now
  };
  Stats stats() const;
  const std::string& name() const { return name_; }

 private:
  void Loop(int index);
  void Log(const std::string& level, const std::string& msg, nlohmann::json fields) const;

  WorkerOptions options_;
  std::map<std::string, JobHandler> handlers_;
  std::string name_;
  std::atomic<bool> stopping_{false};
  std::mutex mu_;
  std::condition_variable wake_;
  long long wakes_ = 0;  // guarded by mu_
  std::vector<std::thread> threads_;
  std::atomic<long long> claimed_{0}, done_{0}, failed_{0}, handed_back_{0}, lost_{0}, running_{0};
};

}  // namespace ecosol::jobs
