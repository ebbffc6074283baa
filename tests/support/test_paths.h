#pragma once

// Where the tests find the checkout and the shared data, known to this one library only (its
// compile definitions), so that the test sources themselves do not depend on the folder the
// checkout is in and ccache can reuse their objects across clones (scripts/build-env.sh).

#include <string>

namespace ecosol::testing {

// The checkout's root folder ("/work/main"), without a trailing slash.
const std::string& SourceDir();
// The shared open datasets ("<checkout>/../shared/data").
const std::string& SharedDataDir();

}  // namespace ecosol::testing
