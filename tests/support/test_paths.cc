#include "test_paths.h"

namespace ecosol::testing {

const std::string& SourceDir() {
  static const std::string dir = ECOSOL_SOURCE_DIR;
  return dir;
}

const std::string& SharedDataDir() {
  static const std::string dir = ECOSOL_SHARED_DATA_DIR;
  return dir;
}

}  // namespace ecosol::testing
