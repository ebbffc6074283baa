#pragma once

// Private to the cli module: the settings of `ecosol serve` from a TOML file and the environment
// (docs/operations.md, "Configuration").

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <functional>
#include <optional>
#include <string>

#include "ecosol/base/status.h"

namespace ecosol::cli {

// Reads an environment variable; the tests pass their own.
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;
EnvLookup ProcessEnvironment();

// Fills the options of `serve` (already parsed) that the command line left unset. For each one,
// in order:
// 1. the environment variable ECOSOL_<OPTION> (upper case, dashes as underscores: --db-connections
//    is ECOSOL_DB_CONNECTIONS);
// 2. the key of the same name (dashes as underscores) in the [serve] table of `file` (none when
//    `file` is empty);
// 3. the option's default.
// The top-level key `db` of the file sets the global --db unless the command line or ECOSOL_DB
// did. Values pass the options' own checks. Errors name the file, key and line, or the variable:
// an unknown key or table, a value of the wrong type, one the option refuses, or a file that is
// not TOML. After an error the caller must not serve (some options may have been applied).
Status ApplyServeConfig(CLI::App& serve, const std::string& file, const EnvLookup& env);

}  // namespace ecosol::cli
