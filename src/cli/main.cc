#include <iostream>

#include "ecosol/cli/cli.h"

int main(int argc, char** argv) { return ecosol::cli::RunCli(argc, argv, std::cout, std::cerr); }
