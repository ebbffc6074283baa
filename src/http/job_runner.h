#pragma once

// Private to the http module: background jobs of a server (screening the whole registry). Each
// job is a row of the store's jobs table, updated as it progresses, so that any server process
// can report it (GET /api/v1/jobs/{id}); the work runs on a thread of this process.
//
// Thread safety: all methods may be called from any thread. Destroying the runner asks running
// jobs to stop (they stop after their current batch and are marked failed: "stopped by the
// server's shutdown") and waits for them.

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace ecosol::http {

class JobRunner {
 public:
  JobRunner() = default;
  ~JobRunner();
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;

  // Runs `work` on a new thread; `work` should return soon once `stopping()` is true.
  void Start(std::function<void()> work);
  bool stopping() const { return stopping_.load(); }
  // For /metrics: jobs started since the server started, and those still running.
  long long started() const { return started_.load(); }
  long long running() const { return started_.load() - finished_.load(); }

 private:
  std::atomic<bool> stopping_{false};
  std::atomic<long long> started_{0};
  std::atomic<long long> finished_{0};
  std::mutex mu_;
  std::vector<std::thread> threads_;  // guarded by mu_
};

}  // namespace ecosol::http
