// The UNDP SDG Innovation Commons as case documents (undp.h): one record mapped field by field,
// the summary picked from the form's text, and the whole export of ../shared/data mapped into
// documents that ParseCase accepts, with unique ids.

#include "ecosol/knowledge/undp.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "ecosol/knowledge/case.h"
#include "test_util.h"

namespace ecosol::knowledge {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::Real;

json Record() {
  return json::parse(R"js({
    "id": "100__fish_use__japan_innovation_challenge_",
    "title": "100% Fish Use (Japan Innovation Challenge)", "type": "learningplan",
    "year": "2023", "countries": ["Samoa", "Atlantis", "samoa"],
    "sdgs": ["2. Zero hunger", "14. Life below water", "Life on land"],
    "thematic_areas": ["Innovation challenges", "ocean"], "methods": ["Solutions Mapping"],
    "latlng": "-13.754595654027641,-172.16124929903555",
    "text": "## Title\n\nPlease provide a name for your action learning plan.: 100% Fish Use\n## Challenge statement\n\nChallenge type: If you are working on multiple challenges, please indicate if this is your \"big bet\" or \"exploratory\" challenge.: Please note: we ask you to only submit a maximum of 3 challenges - 1x Big Bet, 2x Exploratory. Each challenge must be submitted individually.\n\nChallenge statement: What is your challenge? (Please answer in specific terms: \"Our challenge is that...\u201d.): Our challenge revolves around devising strategies to establish sustainable economic practices for harnessing Samoa's ocean resources.\n\nThe fish catch is &amp; was <b>underused</b> by the communities of the coast.\n\nBackground: What is the history of your challenge?: <div class=\"group\">\n\n</div>"
  })js");
}

TEST(UndpTest, ARecordBecomesACaseDocument) {
  auto c = CaseFromUndpRecord(Record());
  ASSERT_TRUE(c.ok()) << c.status().message();
  const json& doc = c->doc;
  EXPECT_EQ(doc["id"], "undp-100__fish_use__japan_innovation_challenge_");
  EXPECT_EQ(doc["title"],
            json::parse(R"js({"en": "100% Fish Use (Japan Innovation Challenge)"})js"));
  EXPECT_EQ(doc["summary"]["en"],
            "Our challenge revolves around devising strategies to establish sustainable economic "
            "practices for harnessing Samoa's ocean resources. The fish catch is & was underused "
            "by the communities of the coast.");
  EXPECT_EQ(doc["type"], "learning_plan");
  EXPECT_EQ(doc["stage"], "idea");
  EXPECT_EQ(doc["year"], 2023);
  EXPECT_EQ(doc["countries"], json::array({"WS"}));
  EXPECT_EQ(doc["sdgs"], json::array({2, 14}));
  EXPECT_EQ(doc["themes"], json::array({"innovation challenges", "ocean"}));
  EXPECT_EQ(doc["methods"], json::array({"solutions mapping"}));
  EXPECT_EQ(doc["location"]["lat"], -13.754595654027641);
  EXPECT_EQ(doc["location"]["lon"], -172.16124929903555);
  EXPECT_EQ(doc["strength"]["level"], "unassessed");
  EXPECT_EQ(doc["source"]["id"], "100__fish_use__japan_innovation_challenge_");
  EXPECT_EQ(doc["source"]["licence"], "MIT");
  EXPECT_EQ(doc["text"]["en"].get<std::string>().find("<div"), std::string::npos);
  EXPECT_EQ(c->warnings, (std::vector<std::string>{
                             "countries: 'Atlantis' is not a known country",
                             "sdgs: 'Life on land' does not start with a goal number 1 to 17"}));
  auto parsed = ParseCase(*Real(), doc);
  EXPECT_TRUE(parsed.ok()) << parsed.status().message();
}

TEST(UndpTest, TypesMapToCaseTypesAndStages) {
  const std::map<std::string, std::pair<std::string, std::string>> expected = {
      {"solution", {"solution", "implementation"}},
      {"experiment", {"experiment", "testing"}},
      {"learningplan", {"learning_plan", "idea"}}};
  for (const auto& [type, mapped] : expected) {
    json record = Record();
    record["type"] = type;
    auto c = CaseFromUndpRecord(record);
    ASSERT_TRUE(c.ok()) << c.status().message();
    EXPECT_EQ(c->doc["type"], mapped.first);
    EXPECT_EQ(c->doc["stage"], mapped.second);
  }
  json record = Record();
  record["type"] = "blog";
  auto c = CaseFromUndpRecord(record);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().message(),
            "UNDP record '100__fish_use__japan_innovation_challenge_': type 'blog' is not "
            "solution, experiment or learningplan");
}

TEST(UndpTest, TheLanguageIsDetectedAndUnknownOnesAreUnd) {
  json record = Record();
  record["title"] = "Éplucheuse de manioc";
  record["text"] =
      "Cette machine est le fruit de la créativité et de la passion de son inventeur. Elle se "
      "positionne comme une solution pour les femmes rurales et pour la filière du manioc, qui "
      "est au coeur de la sécurité alimentaire dans les communautés.";
  auto c = CaseFromUndpRecord(record);
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->doc["title"], json::parse(R"({"fr": "Éplucheuse de manioc"})"));
  EXPECT_TRUE(c->doc["summary"]["fr"].get<std::string>().starts_with("Cette machine"));
  record["title"] = "Бизнес";
  record["text"] = "Проект помогает фермерам продавать продукцию.";
  c = CaseFromUndpRecord(record);
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_TRUE(c->doc["title"].contains("und"));
}

TEST(UndpTest, LongSummariesAreCutAtAWord) {
  std::string words;
  for (int i = 0; i < 200; ++i) words += "word" + std::to_string(i) + " ";
  const std::string summary = UndpSummary(words, 100);
  EXPECT_LE(summary.size(), 100u + 3);
  EXPECT_TRUE(summary.ends_with("\xE2\x80\xA6")) << summary;
  EXPECT_TRUE(summary.starts_with("word0 word1 "));
  EXPECT_EQ(UndpSummary("NEED: What need does this answer?: power"), "");
  EXPECT_EQ(StripHtml("a <div class=\"group\">b</div> &lt;3 &nbsp;x < y"), "a b <3  x < y");
}

TEST(UndpTest, CutIdsGetAHashOfTheTitle) {
  const std::string cut(80, 'a');
  const std::string a = UndpCaseId(cut, "House 1");
  const std::string b = UndpCaseId(cut, "House 2");
  EXPECT_NE(a, b);
  EXPECT_EQ(a, UndpCaseId(cut, "House 1"));
  EXPECT_EQ(a.size(), 5 + 80 + 1 + 8u);
  EXPECT_EQ(UndpCaseId("Short ID/x", "t"), "undp-short_id_x");
  EXPECT_TRUE(IsValidCaseId(UndpCaseId(std::string(300, 'z'), "t")));
}

fs::path TempFile(const std::string& name, const std::string& content) {
  fs::path path = fs::temp_directory_path() / name;
  std::ofstream(path) << content;
  return path;
}

TEST(UndpTest, ReadingAFileNamesTheLineOfBadJson) {
  const fs::path path =
      TempFile("undp_test_bad.jsonl", Record().dump() + "\n\n{\"id\": \"x\", \"title\"\n");
  std::vector<int> lines;
  Status status = ReadUndpFile(path.string(), [&](UndpCase, int line) {
    lines.push_back(line);
    return Status::Ok();
  });
  fs::remove(path);
  EXPECT_EQ(lines, std::vector<int>{1});
  EXPECT_EQ(status.message(), path.string() + ":3: not a JSON object");
  EXPECT_EQ(
      ReadUndpFile("/nonexistent/undp.jsonl", [](UndpCase, int) { return Status::Ok(); }).code(),
      StatusCode::kNotFound);
}

TEST(UndpTest, TheCallersErrorStopsTheReading) {
  const fs::path path = TempFile("undp_test_stop.jsonl", Record().dump() + "\n" + Record().dump());
  int calls = 0;
  Status status = ReadUndpFile(path.string(), [&](UndpCase, int) {
    ++calls;
    return Conflict("stop");
  });
  fs::remove(path);
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(status.message(), "stop");
}

// The whole export: every record maps to a document ParseCase accepts, ids are unique.
TEST(UndpTest, EveryRecordOfTheExportIsAValidCase) {
  const std::string path =
      ::ecosol::testing::SharedDataDir() + "/undp-sdg-innovation-commons.jsonl";
  ASSERT_TRUE(fs::exists(path)) << "missing " << path
                                << ": the UNDP SDG Innovation Commons export (../shared/data)";
  std::set<std::string> ids;
  std::map<std::string, int> warnings;
  int records = 0;
  int summaries = 0;
  const auto start = std::chrono::steady_clock::now();
  Status status = ReadUndpFile(path, [&](UndpCase c, int line) {
    ++records;
    summaries += c.doc.contains("summary") ? 1 : 0;
    for (const std::string& w : c.warnings) ++warnings[w];
    EXPECT_TRUE(ids.insert(c.doc["id"].get<std::string>()).second)
        << "line " << line << ": id " << c.doc["id"] << " again";
    auto parsed = ParseCase(*Real(), c.doc);
    EXPECT_TRUE(parsed.ok()) << "line " << line << ": " << parsed.status().message();
    return Status::Ok();
  });
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(records, 7413);
  EXPECT_GE(summaries, records * 9 / 10);
  for (const auto& [w, n] : warnings) std::cout << "  " << n << "x " << w << "\n";
  std::cout << records << " records mapped and parsed in " << ms << " ms, " << summaries
            << " with a summary\n";
}

}  // namespace
}  // namespace ecosol::knowledge
