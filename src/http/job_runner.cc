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
  started_.fetch_add(1);
  threads_.emplace_back([this, work = std::move(work)] {
    work();
    finished_.fetch_add(1);
  });
}

}  // namespace ecosol::http
