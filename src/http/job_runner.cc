#include "job_runner.h"

namespace ecosol::http {

JobRunner::~JobRunner() {
  stopping_ = true;
  std::vector<std::thread> threads;
  {
    std::lock_guard<std::mutex> lock(mu_);
    threads.swap(threads_);
  }
  for (std::thread& t : threads) t.join();
}

void JobRunner::Start(std::function<void()> work) {
  std::lock_guard<std::mutex> lock(mu_);
  threads_.emplace_back(std::move(work));
}

}  // namespace ecosol::http
