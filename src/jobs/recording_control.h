#pragma once

// For the job handlers' tests: a JobControl that never stops, records the last checkpoint and
// answers every one with `answer` (Conflict plays a worker that lost its job).

#include <string>

#include "ecosol/jobs/worker.h"

namespace ecosol::jobs {

class RecordingControl : public JobControl {
 public:
  explicit RecordingControl(Status answer = Status::Ok()) : answer_(std::move(answer)) {}
  bool stopping() const override { return false; }
  Status Checkpoint(long long done, long long, const std::string& checkpoint) override {
    done_ = done;
    checkpoint_ = checkpoint;
    return answer_;
  }
  long long done_ = -1;  // -1 until a checkpoint
  std::string checkpoint_;

 private:
  Status answer_;
};

}  // namespace ecosol::jobs
