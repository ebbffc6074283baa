#pragma once

// Private to the cli module: stopping a long-running command (serve, worker) on SIGINT/SIGTERM.

#include <pthread.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <functional>
#include <thread>

namespace ecosol::cli {

// SIGINT and SIGTERM are blocked in every thread and taken by one thread with sigwait(), which
// stops the work outside any signal handler. `ecosol serve`: the server stops accepting
// connections, answers the requests in flight (Listen() returns once they are done) and /ready
// answers 503 meanwhile. `ecosol worker`: jobs in progress are handed back after their batch.
class SignalStopper {
 public:
  // Blocks the signals in this thread and in every thread it creates from now on: call before
  // the server starts its threads.
  SignalStopper() {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGTERM);
    sigaddset(&signals_, SIGUSR1);  // only to wake the waiting thread when serving ends otherwise
    pthread_sigmask(SIG_BLOCK, &signals_, &previous_);
  }
  ~SignalStopper() {
    if (waiter_.joinable()) {
      done_ = true;
      pthread_kill(waiter_.native_handle(), SIGUSR1);
      waiter_.join();
    }
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  }
  SignalStopper(const SignalStopper&) = delete;
  SignalStopper& operator=(const SignalStopper&) = delete;

  // Calls `stop` with the signal's name on the first SIGINT or SIGTERM; a second one ends the
  // process at once.
  void Watch(std::function<void(const char*)> stop) {
    waiter_ = std::thread([this, stop = std::move(stop)] {
      int signal = 0;
      bool stopping = false;
      while (sigwait(&signals_, &signal) == 0) {
        if (done_) return;
        if (signal == SIGUSR1) continue;
        const char* name = signal == SIGTERM ? "SIGTERM" : "SIGINT";
        // A second signal while requests finish: the operator wants out now.
        if (stopping) std::_Exit(128 + signal);
        stop(name);
        stopping = true;
      }
    });
  }

 private:
  sigset_t signals_{};
  sigset_t previous_{};
  std::atomic<bool> done_{false};
  std::thread waiter_;
};

}  // namespace ecosol::cli
