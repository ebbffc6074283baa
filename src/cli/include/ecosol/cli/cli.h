#pragma once

// The `ecosol` command. RunCli parses arguments and runs one subcommand, writing results to `out`
// and errors to `err`; it returns the process exit code (0 success, 1 failure, 2 bad usage).
// Kept apart from main() so that tests run the real command in-process.

#include <iosfwd>

namespace ecosol::cli {

int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);
// The same, reading passwords from `in` instead of the standard input.
int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
           std::istream& in);

}  // namespace ecosol::cli
