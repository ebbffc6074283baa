#pragma once

#include <memory>
#include <string>

#include "ecosol/store/store.h"

namespace ecosol::store {

// Private to the store module; use OpenStore().
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path);
Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url);

}  // namespace ecosol::store
