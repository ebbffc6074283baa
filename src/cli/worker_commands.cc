// `ecosol worker [--threads N] [--lease-seconds S] [--poll-ms MS] [--name NAME] [--once]` runs
// background jobs from the database's queue (ecosol/jobs/worker.h), beside or instead of the
// servers' own worker threads; `ecosol jobs list|show` shows the queue.

#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>

#include "context.h"
#include "ecosol/jobs/worker.h"
#include "ecosol/registry/taxonomy.h"
#include "signal_stopper.h"

namespace ecosol::cli {
namespace {

using nlohmann::json;

struct WorkerArgs {
  int threads = 1;
  int lease_seconds = 30;
  int poll_ms = 1000;
  std::string name;
  bool once = false;
  std::string murmurations_schemas;
};

void RunWorker(Context& ctx, const WorkerArgs& a) {
  auto session = OpenSession(ctx, true);
  if (!session.ok()) return Fail(ctx, session.status());
  auto taxonomy = registry::Taxonomy::Load(*session->store);
  if (!taxonomy.ok()) return Fail(ctx, taxonomy.status());
  jobs::JobServices services;
  services.taxonomy = std::make_shared<const registry::Taxonomy>(std::move(*taxonomy));
  auto frameworks = screening::LoadFrameworks(FrameworksDir(ctx));
  if (!frameworks.ok()) return Fail(ctx, frameworks.status());
  services.frameworks = *frameworks;
  auto clauses = text::ClauseAnalyzer::Load(std::filesystem::path(DataDir(ctx)) / "clauses");
  if (!clauses.ok()) return Fail(ctx, clauses.status());
  services.clauses = *clauses;
  services.murmurations_schemas = a.murmurations_schemas;
  services.frameworks_dir = FrameworksDir(ctx);
  jobs::WorkerOptions o;
  o.db_url = ctx.db;
  o.name = a.name;
  o.threads = a.threads;
  o.lease = std::chrono::seconds(a.lease_seconds);
  o.poll = std::chrono::milliseconds(a.poll_ms);
  // One JSON line per event on standard error, as the server logs.
  auto log_mu = std::make_shared<std::mutex>();
  std::ostream* err = ctx.err;
  o.log = [log_mu, err](const std::string& level, const std::string& msg, const json& fields) {
    json line = {{"time", FormatTimestamp(SystemClock().Now())}, {"level", level}, {"msg", msg}};
    if (fields.is_object()) line.update(fields);
    std::lock_guard<std::mutex> lock(*log_mu);
    *err << line.dump() << "\n" << std::flush;
  };
  SignalStopper stopper;  // before the worker starts its threads
  jobs::Worker worker(o, jobs::StandardHandlers(services));
  std::string kinds;
  for (const std::string& k : worker.kinds()) kinds += (kinds.empty() ? "" : ", ") + k;
  if (a.once) {
    // Runs the jobs waiting now, one after the other, and ends.
    long long ran = 0;
    while (true) {
      auto one = worker.RunOne(*session->store, worker.name() + "/0");
      if (!one.ok()) return Fail(ctx, one.status());
      if (!*one) break;
      ++ran;
    }
    jobs::Worker::Stats st = worker.stats();
    *ctx.out << "ran " << ran << " job(s): " << st.done << " done, " << st.failed << " failed, "
             << st.lost << " taken over by other workers\n";
    return;
  }
  std::mutex mu;
  std::condition_variable cv;
  bool stop = false;
  stopper.Watch([&](const char* signal) {
    std::lock_guard<std::mutex> lock(mu);
    *ctx.err << json{{"time", FormatTimestamp(SystemClock().Now())},
                     {"level", "info"},
                     {"msg", "stopping: jobs in progress are handed back after their batch"},
                     {"signal", signal}}
                    .dump()
             << "\n"
             << std::flush;
    stop = true;
    cv.notify_all();
  });
  worker.Start();
  *ctx.out << "Ecosol worker " << worker.name() << " runs jobs (" << kinds << ") on " << a.threads
           << " thread(s); stop it with Ctrl-C or SIGTERM\n"
           << std::flush;
  {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return stop; });
  }
  worker.Stop();
  *ctx.out << "Ecosol worker has stopped; jobs in progress were handed back\n" << std::flush;
}

void PrintJob(Context& ctx, const store::JobRecord& j) {
  *ctx.out << j.id << "  " << j.kind << "  " << j.state << "  " << j.done << "/" << j.total
           << "  attempts " << j.attempts << "  " << (j.worker.empty() ? "-" : j.worker) << "  "
           << j.created_at << "  " << j.who << "\n";
  if (!j.error.empty()) *ctx.out << "  error: " << j.error << "\n";
}

// `ecosol jobs output ID [-o FILE]`: written beside the file and renamed, so that a failure
// never leaves half a file.
void SaveOutput(Context& ctx, const std::string& id, const std::string& file) {
  auto session = OpenSession(ctx, true);
  if (!session.ok()) return Fail(ctx, session.status());
  auto job = session->store->GetJob(id);
  if (!job.ok()) return Fail(ctx, job.status());
  if (!job->has_value()) return Fail(ctx, NotFound("no job '" + id + "'"));
  if ((*job)->state != "done") {
    return Fail(ctx, Conflict("job " + id + " is " + (*job)->state +
                              "; its output is there once it is done (`ecosol jobs show " + id +
                              "` says how far it is)"));
  }
  auto output = session->store->GetJobOutput(id);
  if (!output.ok()) return Fail(ctx, output.status());
  if (!output->has_value()) {
    return Fail(ctx, NotFound("job " + id + " (" + (*job)->kind +
                              ") made no file: its result is in `ecosol jobs show " + id + "`"));
  }
  const store::JobOutput& out = **output;
  if (file.empty()) {
    if (out.content_type == "application/pdf") {
      return Fail(ctx, InvalidArgument("job " + id +
                                       " made a PDF: give the file to write with -o " + out.name));
    }
    *ctx.out << out.content;
    return;
  }
  const std::string tmp = file + ".part";
  {
    std::ofstream stream(tmp, std::ios::binary | std::ios::trunc);
    stream.write(out.content.data(), static_cast<std::streamsize>(out.content.size()));
    if (!stream) {
      std::filesystem::remove(tmp);
      return Fail(ctx, InvalidArgument("-o: cannot write '" + file +
                                       "': check that its folder exists and is writable"));
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, file, ec);
  if (ec) {
    std::filesystem::remove(tmp);
    return Fail(ctx, InvalidArgument("-o: cannot write '" + file + "': " + ec.message()));
  }
  *ctx.out << "wrote " << file << " (" << out.content_type << ", " << out.content.size()
           << " bytes) from " << id << "\n";
}

}  // namespace

void AddWorkerCommands(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<WorkerArgs>();
  CLI::App* worker = app.add_subcommand(
      "worker",
      "Run background jobs (imports, screening the registry, reports, analytics) from the "
      "database's queue");
  worker->add_option("--threads", a->threads, "Jobs run at once")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  worker
      ->add_option("--lease-seconds", a->lease_seconds,
                   "How long a claim holds without renewal (a dead worker's job waits that long)")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  worker->add_option("--poll-ms", a->poll_ms, "How often an idle worker looks for jobs")
      ->check(CLI::Range(10, 600000))
      ->capture_default_str();
  worker->add_option("--name", a->name, "This worker's name in the queue (default: host:pid)");
  worker->add_flag("--once", a->once, "Run the jobs waiting now, then stop");
  worker->add_option("--murmurations-schemas", a->murmurations_schemas,
                     "Folder of the Murmurations JSON Schemas and field files (imports of format "
                     "murmurations)");
  worker->callback([&ctx, a] { RunWorker(ctx, *a); });

  CLI::App* jobs = app.add_subcommand("jobs", "Background jobs in the database's queue");
  jobs->require_subcommand(1);
  struct ListArgs {
    std::string state;
    int limit = 50;
    bool json = false;
  };
  auto l = std::make_shared<ListArgs>();
  CLI::App* list = jobs->add_subcommand("list", "List jobs, newest first");
  list->add_option("--state", l->state, "Only jobs in this state")
      ->check(CLI::IsMember({"queued", "running", "done", "failed"}));
  list->add_option("--limit", l->limit, "At most this many")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  list->add_flag("--json", l->json, "Print JSON");
  list->callback([&ctx, l] {
    auto session = OpenSession(ctx, true);
    if (!session.ok()) return Fail(ctx, session.status());
    auto listed = session->store->ListJobs("", l->state, l->limit);
    if (!listed.ok()) return Fail(ctx, listed.status());
    if (l->json) {
      json items = json::array();
      for (const store::JobRecord& j : *listed) items.push_back(jobs::JobToJson(j));
      *ctx.out << json{{"items", items}}.dump(2) << "\n";
      return;
    }
    if (listed->empty()) *ctx.out << "no jobs\n";
    for (const store::JobRecord& j : *listed) PrintJob(ctx, j);
  });
  auto show_id = std::make_shared<std::string>();
  auto show_json = std::make_shared<bool>(false);
  CLI::App* show = jobs->add_subcommand("show", "Show a job");
  show->add_option("ID", *show_id, "The job's id (job-...)")->required();
  show->add_flag("--json", *show_json, "Print JSON");
  show->callback([&ctx, show_id, show_json] {
    auto session = OpenSession(ctx, true);
    if (!session.ok()) return Fail(ctx, session.status());
    auto job = session->store->GetJob(*show_id);
    if (!job.ok()) return Fail(ctx, job.status());
    if (!job->has_value()) return Fail(ctx, NotFound("no job '" + *show_id + "'"));
    if (*show_json) {
      *ctx.out << jobs::JobToJson(**job).dump(2) << "\n";
      return;
    }
    PrintJob(ctx, **job);
    if (!(*job)->result.empty()) *ctx.out << "  result: " << (*job)->result << "\n";
  });

  struct OutputArgs {
    std::string id;
    std::string file;
  };
  auto o = std::make_shared<OutputArgs>();
  CLI::App* output = jobs->add_subcommand(
      "output", "Save what a finished job made (a report's HTML or PDF, the measures' JSON)");
  output->add_option("ID", o->id, "The job's id (job-...)")->required();
  output->add_option("-o,--output", o->file,
                     "The file to write (default: standard output; a PDF needs a file)");
  output->callback([&ctx, o] { SaveOutput(ctx, o->id, o->file); });
}

}  // namespace ecosol::cli
