#include <iostream>

#include "ecosol/cli/cli.h"

// jemalloc's settings, read before main (sanitizer builds have no jemalloc and ignore them):
// one arena per CPU instead of four, and freed pages given back to the system by a background
// thread after 1 s instead of kept for 10 s until some later allocation purges them. Under the
// mixed load of docs/benchmarks.md the server then held 460 MB instead of 541 MB, at the same
// throughput. MALLOC_CONF in the environment still overrides them.
extern "C" {
// NOLINTNEXTLINE(readability-identifier-naming): the name jemalloc looks for.
const char* malloc_conf =
    "percpu_arena:percpu,background_thread:true,dirty_decay_ms:1000,"
    "muzzy_decay_ms:0";
}

int main(int argc, char** argv) { return ecosol::cli::RunCli(argc, argv, std::cout, std::cerr); }
