#include "cli_test_support.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "ecosol/cli/cli.h"
#include "test_paths.h"

namespace ecosol::cli::test_support {

CliRunner::CliRunner()
    : global_args_{"ecosol", "--data-dir", ::ecosol::testing::SourceDir() + "/data"} {}

CliRunner::CliRunner(const std::string& db_url, Frameworks frameworks)
    : global_args_{"ecosol", "--db", db_url, "--data-dir",
                   ::ecosol::testing::SourceDir() + "/data"} {
  if (frameworks == Frameworks::kCheckout) {
    global_args_.push_back("--frameworks");
    global_args_.push_back(::ecosol::testing::SourceDir() + "/frameworks");
  }
}

int CliRunner::Run(const std::vector<std::string>& args, const std::string& stdin_text) {
  std::vector<const char*> argv;
  argv.reserve(global_args_.size() + args.size());
  for (const auto& a : global_args_) argv.push_back(a.c_str());
  for (const auto& a : args) argv.push_back(a.c_str());
  out_.str("");
  err_.str("");
  std::istringstream in(stdin_text);
  return RunCli(static_cast<int>(argv.size()), argv.data(), out_, err_, in);
}

std::string TempPath(const std::string& prefix, const std::string& backend,
                     const std::string& extension) {
  return ::testing::TempDir() + prefix + "-" + backend + "-" + std::to_string(::getpid()) +
         extension;
}

TestFolder::TestFolder(const std::string& prefix) {
  std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
  for (char& c : name) {
    if (c == '/') c = '_';  // parameterised names are "Test/sqlite"
  }
  path_ = std::filesystem::temp_directory_path() /
          (prefix + "_" + std::to_string(::getpid()) + "_" + name);
  std::filesystem::create_directories(path_);
}

TestFolder::~TestFolder() {
  std::error_code ignored;  // a destructor must not throw; a leftover folder is harmless
  std::filesystem::remove_all(path_, ignored);
}

std::string TestFolder::Write(const std::string& name, const std::string& content) const {
  const std::filesystem::path file = path_ / name;
  std::ofstream(file, std::ios::binary) << content;
  return file.string();
}

}  // namespace ecosol::cli::test_support
