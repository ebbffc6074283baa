// Settings of `ecosol serve` from a TOML file and the environment (serve_config.h).

#include "serve_config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "cli_test_support.h"

namespace ecosol::cli {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// A small `ecosol` with a global --db and a `serve` with options of each kind.
struct Fixture {
  CLI::App app{"test"};
  CLI::App* serve = nullptr;
  std::string db = "data/ecosol.db";
  int port = 8080;
  int threads = 64;
  bool access_log = true;
  std::string metrics = "local";
  std::vector<std::string> cors;
  std::string config;

  Fixture() {
    app.add_option("--db", db)->envname("ECOSOL_DB_UNUSED_IN_TESTS");
    serve = app.add_subcommand("serve");
    serve->add_option("--port", port);
    serve->add_option("--threads", threads)->check(CLI::Range(1, 1024));
    serve->add_option("--access-log", access_log);
    serve->add_option("--metrics", metrics)->check(CLI::IsMember({"local", "public", "off"}));
    serve->add_option("--cors-origin", cors);
    serve->add_option("--config", config);
  }

  Status Run(std::vector<std::string> args, const std::map<std::string, std::string>& env) {
    std::vector<const char*> argv = {"ecosol"};
    for (const std::string& a : args) argv.push_back(a.c_str());
    app.parse(static_cast<int>(argv.size()), argv.data());
    return ApplyServeConfig(*serve, config, [&](const std::string& name) {
      auto it = env.find(name);
      return it == env.end() ? std::nullopt : std::optional<std::string>(it->second);
    });
  }
};

TEST(ServeConfigTest, CommandLineThenEnvironmentThenFileThenDefault) {
  test_support::TestFolder folder("serve_config");
  const std::string file =
      folder.Write("ecosol.toml",
                   "db = \"/srv/ecosol/ecosol.db\"\n"
                   "[serve]\n"
                   "port = 9000\n"
                   "threads = 8\n"
                   "metrics = \"off\"\n"
                   "access_log = false\n"
                   "cors_origin = [\"https://a.example\", \"https://b.example\"]\n");
  Fixture f;
  Status s = f.Run({"serve", "--config", file, "--metrics", "public"},
                   {{"ECOSOL_THREADS", "16"}, {"ECOSOL_METRICS", "off"}});
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(f.metrics, "public");  // the command line beats the environment and the file
  EXPECT_EQ(f.threads, 16);        // the environment beats the file
  EXPECT_EQ(f.port, 9000);         // the file beats the default
  EXPECT_FALSE(f.access_log);
  EXPECT_THAT(f.cors, ElementsAre("https://a.example", "https://b.example"));
  EXPECT_EQ(f.db, "/srv/ecosol/ecosol.db");  // the top-level db, as no --db was given
}

TEST(ServeConfigTest, EnvironmentAloneAndTheDatabaseOfTheCommandLine) {
  test_support::TestFolder folder("serve_config");
  const std::string file = folder.Write("ecosol.toml", "db = \"/srv/other.db\"\n");
  Fixture f;
  Status s = f.Run(
      {"--db", "mine.db", "serve", "--config", file},
      {{"ECOSOL_PORT", "8181"}, {"ECOSOL_CORS_ORIGIN", "https://c.example,https://d.example"}});
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(f.db, "mine.db");
  EXPECT_EQ(f.port, 8181);
  EXPECT_THAT(f.cors, ElementsAre("https://c.example", "https://d.example"));
  EXPECT_EQ(f.threads, 64);  // nothing set it: the default

  Fixture g;  // ECOSOL_DB wins over the file's db
  ASSERT_TRUE(g.Run({"serve", "--config", file}, {{"ECOSOL_DB", "env.db"}}).ok());
  EXPECT_EQ(g.db, "data/ecosol.db") << "left to the --db option's own ECOSOL_DB";
}

TEST(ServeConfigTest, ErrorsNameTheFileKeyAndLineOrTheVariable) {
  test_support::TestFolder folder("serve_config");
  std::string file;
  Fixture a;
  file = folder.Write("ecosol.toml", "[serve]\nport = 9000\nthreds = 8\n");
  Status s = a.Run({"serve", "--config", file}, {});
  EXPECT_THAT(s.message(), HasSubstr(file + ":3: unknown key 'serve.threds'"));
  EXPECT_THAT(s.message(), HasSubstr("known keys: db, port, threads"));

  Fixture b;
  file = folder.Write("ecosol.toml", "[serve]\nmetrics = \"sometimes\"\n");
  s = b.Run({"serve", "--config", file}, {});
  EXPECT_THAT(s.message(), HasSubstr(file + ":2 (serve.metrics)"));
  EXPECT_THAT(s.message(), HasSubstr("sometimes"));

  Fixture c;
  file = folder.Write("ecosol.toml", "[serve]\nport = { a = 1 }\n");
  s = c.Run({"serve", "--config", file}, {});
  EXPECT_THAT(s.message(), HasSubstr("'serve.port' must be a string, number, boolean or array"));

  Fixture d;
  file = folder.Write("ecosol.toml", "[serve]\nport = 9000\n[server]\nport = 1\n");
  s = d.Run({"serve", "--config", file}, {});
  EXPECT_THAT(s.message(), HasSubstr(":3: unknown key 'server'"));

  Fixture e;
  file = folder.Write("ecosol.toml", "[serve\nport = 9000\n");
  s = e.Run({"serve", "--config", file}, {});
  EXPECT_THAT(s.message(), HasSubstr(file + ":1:"));
  EXPECT_THAT(s.message(), HasSubstr("not valid TOML"));

  Fixture g;
  s = g.Run({"serve"}, {{"ECOSOL_THREADS", "5000"}});
  EXPECT_THAT(s.message(), HasSubstr("ECOSOL_THREADS: "));

  Fixture h;
  s = h.Run({"serve", "--config", "/nonexistent/ecosol.toml"}, {});
  EXPECT_THAT(s.message(), HasSubstr("/nonexistent/ecosol.toml"));
}

}  // namespace
}  // namespace ecosol::cli
