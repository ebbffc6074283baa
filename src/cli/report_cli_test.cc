// `ecosol ecosystem report`: the territory report of the seed ecosystem as HTML and PDF, and
// clear errors; the report and the network's measures queued with --background, run by `ecosol
// worker --once` and saved with `ecosol jobs output`. Both backends.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_test_support.h"
#include "ecosol/text/document.h"
#include "test_paths.h"
#include "test_store.h"

namespace ecosol::cli {
namespace {

using test_support::CliRunner;

class ReportCliTest : public ::testing::TestWithParam<std::string> {
 protected:
  ReportCliTest() : db_(GetParam()) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    ASSERT_EQ(Run({"init"}), 0) << cli_.err();
    ASSERT_EQ(Run({"import", ::ecosol::testing::SourceDir() + "/data/demo/seed-ecosystem.json",
                   "--format", "ecosol-json"}),
              0)
        << cli_.err();
    dir_ = test_support::TempPath("report-cli", GetParam());
    std::filesystem::create_directories(dir_);
  }

  void TearDown() override { std::filesystem::remove_all(dir_); }

  int Run(const std::vector<std::string>& args) { return cli_.Run(args); }

  testing::TestStore db_;
  std::string dir_;
  CliRunner cli_{db_.url(), CliRunner::Frameworks::kCheckout};
};

TEST_P(ReportCliTest, HtmlOnStandardOutputAndPdfToAFile) {
  ASSERT_EQ(Run({"ecosystem", "report", "--territory", "CA", "--lang", "fr"}), 0) << cli_.err();
  const std::string html = cli_.out();
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<html lang=\"fr\">"), std::string::npos);
  EXPECT_NE(html.find("Canada : rapport sur l&#39;écosystème de l&#39;ESS"), std::string::npos);
  EXPECT_NE(html.find("Chantier de l&#39;économie sociale"), std::string::npos);

  const std::string pdf_file = dir_ + "/canada.pdf";
  ASSERT_EQ(Run({"ecosystem", "report", "--territory", "CA", "--lang", "es", "-o", pdf_file}), 0)
      << cli_.err();
  EXPECT_NE(cli_.out().find("wrote " + pdf_file + " (pdf, "), std::string::npos) << cli_.out();
  EXPECT_FALSE(std::filesystem::exists(pdf_file + ".part"));
  auto text = text::ExtractDocumentText(std::filesystem::path(pdf_file));
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_NE(text->find("Canada: informe del ecosistema"), std::string::npos);
  EXPECT_NE(text->find("Componentes del ecosistema"), std::string::npos);

  const std::string html_file = dir_ + "/canada.html";
  ASSERT_EQ(Run({"ecosystem", "report", "--territory", "CA", "-o", html_file}), 0) << cli_.err();
  std::ifstream in(html_file);
  std::stringstream written;
  written << in.rdbuf();
  EXPECT_NE(written.str().find("Canada: SSE ecosystem report"), std::string::npos);
}

TEST_P(ReportCliTest, BadRequestsAreRefusedAndWriteNothing) {
  const std::string pdf_file = dir_ + "/none.pdf";
  EXPECT_NE(Run({"ecosystem", "report", "--territory", "XX", "-o", pdf_file}), 0);
  EXPECT_NE(cli_.err().find("no territory with id 'XX'"), std::string::npos) << cli_.err();
  EXPECT_FALSE(std::filesystem::exists(pdf_file));
  EXPECT_NE(Run({"ecosystem", "report", "--territory", "CA", "--format", "pdf"}), 0);
  EXPECT_NE(cli_.err().find("give the file to write with -o FILE.pdf"), std::string::npos)
      << cli_.err();
  EXPECT_NE(Run({"ecosystem", "report", "--territory", "CA", "--format", "docx"}), 0);
  EXPECT_NE(cli_.err().find("expected html or pdf"), std::string::npos) << cli_.err();
  EXPECT_NE(Run({"ecosystem", "report", "--territory", "CA", "--lang", "de"}), 0);
  EXPECT_NE(Run({"ecosystem", "report", "--territory", "CA", "-o", dir_ + "/missing/x.html"}), 0);
  EXPECT_NE(cli_.err().find("cannot write"), std::string::npos) << cli_.err();
}

TEST_P(ReportCliTest, BackgroundReportsAndMeasuresAreSavedFromTheirJobs) {
  ASSERT_EQ(Run({"ecosystem", "report", "--territory", "CA", "--lang", "fr", "--format", "pdf",
                 "--background", "--json"}),
            0)
      << cli_.err();
  const nlohmann::json report_job = nlohmann::json::parse(cli_.out());
  EXPECT_EQ(report_job["kind"], "report");
  EXPECT_EQ(report_job["state"], "queued");
  const std::string report_id = report_job["id"];
  ASSERT_EQ(
      Run({"ecosystem", "metrics", "--territory", "CA", "--betweenness", "exact", "--background"}),
      0)
      << cli_.err();
  EXPECT_NE(cli_.out().find("ecosol jobs output job-"), std::string::npos) << cli_.out();
  const std::string metrics_id = cli_.out().substr(cli_.out().find("job-"), 20);
  // Not done yet: nothing to save.
  EXPECT_NE(Run({"jobs", "output", report_id, "-o", dir_ + "/early.pdf"}), 0);
  EXPECT_NE(cli_.err().find("is queued"), std::string::npos) << cli_.err();
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/early.pdf"));

  ASSERT_EQ(Run({"worker", "--once"}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("ran 2 job(s): 2 done"), std::string::npos) << cli_.out();

  const std::string pdf_file = dir_ + "/canada.pdf";
  EXPECT_NE(Run({"jobs", "output", report_id}), 0);  // a PDF needs a file
  EXPECT_NE(cli_.err().find("-o ecosol-report-CA-fr.pdf"), std::string::npos) << cli_.err();
  ASSERT_EQ(Run({"jobs", "output", report_id, "-o", pdf_file}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("wrote " + pdf_file + " (application/pdf, "), std::string::npos)
      << cli_.out();
  auto text = text::ExtractDocumentText(std::filesystem::path(pdf_file));
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_NE(text->find("Canada : rapport sur l'écosystème"), std::string::npos);
  // The same report as written at once (the command line sees every actor, as the worker
  // running its job does).
  const std::string now_file = dir_ + "/now.pdf";
  ASSERT_EQ(Run({"ecosystem", "report", "--territory", "CA", "--lang", "fr", "-o", now_file}), 0);
  auto now_text = text::ExtractDocumentText(std::filesystem::path(now_file));
  ASSERT_TRUE(now_text.ok());
  EXPECT_EQ(*text, *now_text);

  ASSERT_EQ(Run({"jobs", "output", metrics_id}), 0) << cli_.err();
  const nlohmann::json measures = nlohmann::json::parse(cli_.out());
  ASSERT_EQ(Run({"ecosystem", "metrics", "--territory", "CA", "--betweenness", "exact", "--json"}),
            0);
  EXPECT_EQ(measures, nlohmann::json::parse(cli_.out()));
  EXPECT_GT(measures["summary"]["nodes"].get<int>(), 3);

  // Bad params are refused before anything is queued.
  EXPECT_NE(Run({"ecosystem", "metrics", "--with-partners", "--background"}), 0);
  EXPECT_NE(cli_.err().find("with_partners: only with a territory"), std::string::npos)
      << cli_.err();
  EXPECT_NE(Run({"ecosystem", "report", "--territory", "CA", "--background", "-o", pdf_file}), 0);
  EXPECT_NE(cli_.err().find("not with --background"), std::string::npos) << cli_.err();
  ASSERT_EQ(Run({"jobs", "list", "--json"}), 0);
  EXPECT_EQ(nlohmann::json::parse(cli_.out())["items"].size(), 2u);
  EXPECT_NE(Run({"jobs", "output", "job-0000000000000000"}), 0);
  EXPECT_NE(cli_.err().find("no job"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportCliTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::cli
