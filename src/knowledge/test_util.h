#pragma once

// Shared by the knowledge module's tests: the project's framework and small builders.

#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "ecosol/knowledge/framework.h"
#include "test_paths.h"

namespace ecosol::knowledge::testing {

inline std::string FrameworkPath() {
  return ::ecosol::testing::SourceDir() + "/frameworks/transfer-context.yaml";
}

// frameworks/transfer-context.yaml, loaded once.
inline std::shared_ptr<const TransferFramework> Real() {
  static auto framework = LoadTransferFramework(FrameworkPath());
  EXPECT_TRUE(framework.ok()) << framework.status().message();
  return framework.ok() ? *framework : nullptr;
}

}  // namespace ecosol::knowledge::testing
