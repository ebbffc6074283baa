#pragma once

// Test helpers of the command-line tests (src/cli/*_test.cc): running `ecosol` in-process on a
// test's arguments and catching what it prints, and per-process temporary file names.
//   CliRunner cli(db.url(), CliRunner::Frameworks::kCheckout);
//   ASSERT_EQ(cli.Run({"init"}), 0) << cli.err();
//   EXPECT_NE(cli.out().find("..."), std::string::npos);
//   TestFolder folder("ecosol_cli");  // the running test's own files
//   cli.Run({"import", folder.Write("small.csv", csv)});

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace ecosol::cli::test_support {

class CliRunner {
 public:
  // Whether the commands are given `--frameworks <checkout>/frameworks` or find the frameworks
  // themselves (ECOSOL_FRAMEWORKS, else next to the data folder).
  enum class Frameworks { kNotGiven, kCheckout };

  // `ecosol --data-dir <checkout>/data ...`: for the commands that open no database.
  CliRunner();
  // `ecosol --db <db_url> --data-dir <checkout>/data [--frameworks <checkout>/frameworks] ...`.
  explicit CliRunner(const std::string& db_url, Frameworks frameworks = Frameworks::kNotGiven);

  // Runs `ecosol <global options> args...` with `stdin_text` as its standard input (empty: an
  // empty input, never the terminal's); returns the exit code. What it printed replaces what
  // the previous run printed.
  int Run(const std::vector<std::string>& args, const std::string& stdin_text = "");

  // The standard output and standard error of the last run.
  std::string out() const { return out_.str(); }
  std::string err() const { return err_.str(); }

 private:
  std::vector<std::string> global_args_;
  std::ostringstream out_;
  std::ostringstream err_;
};

// A temporary path of this process, "<gtest TempDir><prefix>-<backend>-<pid><extension>", for a
// parameterised test's file or folder (extension "" for a folder). The backend and the process
// id keep it apart from the other tests of the fixture: `ctest -j` runs them at the same time,
// each in a process of its own, and a name shared by them raced before.
std::string TempPath(const std::string& prefix, const std::string& backend,
                     const std::string& extension = "");

// A folder of the running test's own, "<temp>/<prefix>_<pid>_<test name>", made by the
// constructor and removed with its contents by the destructor. The test's name (with its backend)
// and the process id keep it apart from the tests that `ctest -j` runs at the same time.
class TestFolder {
 public:
  explicit TestFolder(const std::string& prefix);
  ~TestFolder();
  TestFolder(const TestFolder&) = delete;
  TestFolder& operator=(const TestFolder&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Writes `content` (bytes as they are) to the file `name` in the folder; returns its path.
  std::string Write(const std::string& name, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

}  // namespace ecosol::cli::test_support
