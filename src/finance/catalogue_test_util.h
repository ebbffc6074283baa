#pragma once

// Shared by the tests of the mechanisms catalogue, readiness and matching: the project's
// frameworks, loaded once.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "ecosol/finance/mechanisms.h"
#include "ecosol/finance/readiness.h"
#include "test_paths.h"

namespace ecosol::finance::testing {

inline std::string FrameworkPath(const std::string& name) {
  return ::ecosol::testing::SourceDir() + "/frameworks/" + name;
}

// frameworks/finance-mechanisms.yaml.
inline const MechanismCatalogue& Mechanisms() {
  static auto catalogue = LoadMechanismCatalogue(FrameworkPath("finance-mechanisms.yaml"));
  EXPECT_TRUE(catalogue.ok()) << catalogue.status().message();
  if (!catalogue.ok()) std::abort();
  return **catalogue;
}

// frameworks/finance-readiness.yaml.
inline const ReadinessFramework& Readiness() {
  static auto framework = LoadReadinessFramework(FrameworkPath("finance-readiness.yaml"));
  EXPECT_TRUE(framework.ok()) << framework.status().message();
  if (!framework.ok()) std::abort();
  return **framework;
}

}  // namespace ecosol::finance::testing
