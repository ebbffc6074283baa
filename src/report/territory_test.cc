#include "ecosol/report/territory.h"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>

#include "blocks_demo.h"
#include "ecosol/base/clock.h"
#include "ecosol/ecosystem/blocks_service.h"
#include "ecosol/registry/registry.h"
#include "ecosol/text/document.h"
#include "test_paths.h"
#include "test_store.h"

namespace ecosol::report {
namespace {

namespace demo = ecosystem::demo;

std::shared_ptr<const ecosystem::BlocksFramework> Framework() {
  auto f = ecosystem::BlocksFrameworkIn(::ecosol::testing::SourceDir() + "/frameworks");
  EXPECT_TRUE(f.ok()) << f.status().ToString();
  return f.ok() ? *f : nullptr;
}

// Every text of the document, in order.
std::string AllText(const Document& doc) {
  std::string all = doc.title + "\n" + doc.subtitle + "\n";
  for (const Block& b : doc.blocks) {
    all += b.text + "\n";
    for (const auto& i : b.items) all += i + "\n";
    for (const auto& h : b.table.header) all += h + "\t";
    for (const auto& row : b.table.rows) {
      for (const auto& cell : row) all += cell + "\t";
      all += "\n";
    }
    all += b.figure.caption + "\n" + b.figure.alt + "\n";
  }
  return all + doc.footer;
}

const Block* FindHeading(const Document& doc, const std::string& text, size_t* index) {
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    if (doc.blocks[i].kind == BlockKind::kHeading && doc.blocks[i].text == text) {
      *index = i;
      return &doc.blocks[i];
    }
  }
  return nullptr;
}

// The report data of a demo territory, its actors founded between 2015 and 2020 and placed
// around Montreal when `dated`.
TerritoryReportData DataOf(const ecosystem::TerritorySnapshot& s,
                           const ecosystem::BlocksFramework& f, const std::string& lang,
                           bool dated) {
  TerritoryReportData d;
  d.lang = lang;
  d.date = "2026-11-29";
  d.framework = &f;
  auto blocks = ecosystem::AssessTerritory(f, s);
  EXPECT_TRUE(blocks.ok()) << blocks.status().ToString();
  d.blocks = *blocks;
  d.actors = s.actors;
  if (dated) {
    for (size_t i = 0; i < d.actors.size(); ++i) {
      d.actors[i].founded = std::to_string(2015 + i % 6);
      d.actors[i].location = model::Location{45.5 + 0.01 * static_cast<double>(i), -73.6};
    }
    d.actors[0].dissolved = "2019";
  }
  ecosystem::NetworkFilter filter;
  filter.territory = s.territory.id;
  d.network = ecosystem::BuildNetwork(d.actors, s.relationships, filter);
  ecosystem::MetricsOptions options;
  options.language = lang;
  auto metrics = ecosystem::ComputeMetrics(d.network, options);
  EXPECT_TRUE(metrics.ok());
  d.metrics = *metrics;
  ecosystem::TrendsQuery q;
  q.territory = s.territory.id;
  q.territory_name = s.territory.name;
  auto trends = ecosystem::ComputeTrends(d.actors, {}, q);
  EXPECT_TRUE(trends.ok()) << trends.status().ToString();
  d.trends = *trends;
  d.attributions = {"Contains Co-operatives UK open data, licensed under ODC-By 1.0."};
  return d;
}

TEST(TerritoryReportTest, EverySectionInEachLanguageWithNoTextMissing) {
  auto f = Framework();
  ASSERT_NE(f, nullptr);
  for (const char* lang : {"en", "fr", "es", "pt"}) {
    auto doc = BuildTerritoryReport(DataOf(demo::Quebec(), *f, lang, true));
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    EXPECT_EQ(doc->lang, lang);
    const std::string text = AllText(*doc);
    EXPECT_EQ(text.find("(?)"), std::string::npos) << lang << "\n" << text;
    EXPECT_NE(text.find("Quebec"), std::string::npos);
    size_t figures = 0;
    for (const Block& b : doc->blocks) figures += b.kind == BlockKind::kFigure ? 1 : 0;
    EXPECT_EQ(figures, 4u) << lang;  // map, blocks, network, dynamics
  }
}

TEST(TerritoryReportTest, FrenchReportOfAMatureTerritory) {
  auto f = Framework();
  ASSERT_NE(f, nullptr);
  auto doc = BuildTerritoryReport(DataOf(demo::Quebec(), *f, "fr", true));
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->title, "Quebec : rapport sur l'écosystème de l'ESS");
  size_t at = 0;
  ASSERT_NE(FindHeading(*doc, "Synthèse", &at), nullptr);
  // The type and its reason, in French, from the framework.
  EXPECT_NE(doc->blocks[at + 1].text.find("Type d'écosystème : " +
                                          f->type_labels.at("enabling").at("fr")),
            std::string::npos)
      << doc->blocks[at + 1].text;
  const Table& summary = doc->blocks[at + 2].table;
  ASSERT_GE(summary.rows.size(), 4u);
  EXPECT_EQ(summary.rows[2], (std::vector<std::string>{"Population", "8500000"}));
  ASSERT_NE(FindHeading(*doc, "Briques de l'écosystème", &at), nullptr);
  const Table& blocks = doc->blocks[at + 2].table;
  ASSERT_EQ(blocks.rows.size(), 7u);
  EXPECT_EQ(blocks.rows[0][0], f->blocks[0].label.at("fr"));
  ASSERT_NE(FindHeading(*doc, "Réseau", &at), nullptr);
  EXPECT_EQ(doc->blocks[at + 2].kind, BlockKind::kFigure);
  EXPECT_NE(doc->blocks[at + 2].figure.svg.find("<circle"), std::string::npos);
  ASSERT_NE(FindHeading(*doc, "Acteurs les plus centraux", &at), nullptr);
  EXPECT_LE(doc->blocks[at + 1].table.rows.size(), kCentralRows);
  EXPECT_GE(doc->blocks[at + 1].table.rows.size(), 3u);
  ASSERT_NE(FindHeading(*doc, "Dynamique", &at), nullptr);
  EXPECT_EQ(doc->blocks[at + 2].kind, BlockKind::kFigure);
  EXPECT_EQ(doc->blocks[at + 2].figure.caption,
            "Organisations créées, disparues et actives par année, 2015–2020.");
}

TEST(TerritoryReportTest, AnImmatureTerritoryListsItsMissingLinksAndUndatedDynamics) {
  auto f = Framework();
  ASSERT_NE(f, nullptr);
  auto doc = BuildTerritoryReport(DataOf(demo::RestOfCanada(), *f, "en", false));
  ASSERT_TRUE(doc.ok());
  size_t at = 0;
  ASSERT_NE(FindHeading(*doc, "Missing links", &at), nullptr);
  const Block& missing = doc->blocks[at + 1];
  ASSERT_EQ(missing.kind, BlockKind::kBullets);
  EXPECT_NE(std::find(missing.items.begin(), missing.items.end(),
                      "no finance intermediary federated with the apex body"),
            missing.items.end());
  ASSERT_NE(FindHeading(*doc, "Map", &at), nullptr);
  EXPECT_EQ(doc->blocks[at + 1].text,
            "No actor of the territory has a location that may be shown.");
  ASSERT_NE(FindHeading(*doc, "Dynamics", &at), nullptr);
  EXPECT_EQ(doc->blocks[at + 1].text.rfind("No organisation of the territory has a usable", 0), 0u);
}

TEST(TerritoryReportTest, BadLanguageIsRefused) {
  auto f = Framework();
  ASSERT_NE(f, nullptr);
  auto data = DataOf(demo::Quebec(), *f, "en", false);
  data.lang = "de";
  auto doc = BuildTerritoryReport(data);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kInvalidArgument);
}

// From the store: the demo's two territories written through the registry.
class TerritoryReportStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  TerritoryReportStoreTest()
      : db_(GetParam()), clock_(std::chrono::sys_days{std::chrono::year{2026} / 11 / 29}) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    registry::Registry reg(db_.store(), clock_);
    ASSERT_TRUE(reg.LoadTaxonomies(testing::TaxonomyFolder()).ok());
    ecosystem::TerritorySnapshot qc = demo::Quebec();
    for (size_t i = 0; i < qc.actors.size(); ++i) {
      model::Actor a = qc.actors[i];
      a.territory = "CA/QC";
      a.founded = std::to_string(2010 + i % 5);
      ASSERT_TRUE(reg.CreateActor(a, "test", "api").ok()) << a.id;
    }
    for (const auto& r : qc.relationships) ASSERT_TRUE(reg.CreateRelationship(r, "test").ok());
    ASSERT_TRUE(db_.store().PutTerritory(qc.territory).ok());
    ASSERT_TRUE(db_.store().PutSourceAttribution("test", "Test data, CC0.").ok());
  }

  testing::TestStore db_;
  FakeClock clock_;
};

TEST_P(TerritoryReportStoreTest, HtmlAndPdfOfATerritoryFromTheStore) {
  auto f = Framework();
  ASSERT_NE(f, nullptr);
  ecosystem::SnapshotScope scope;
  auto doc = TerritoryReportFor(db_.store(), scope, *f, "CA/QC", "pt", "2026-11-29");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  const std::string html = RenderHtml(*doc);
  EXPECT_NE(html.find("<html lang=\"pt\">"), std::string::npos);
  EXPECT_NE(html.find("Quebec: relatório do ecossistema da ESS"), std::string::npos);
  EXPECT_NE(html.find("Test data, CC0."), std::string::npos);
  EXPECT_NE(html.find("Organizações criadas, extintas e ativas por ano, 2010–2014."),
            std::string::npos);
  auto pdf = RenderPdf(*doc);
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  auto text = text::ExtractDocumentText(*pdf, "pdf");
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  for (const char* expected : {"Quebec: relatório do ecossistema da", "Componentes do ecossistema",
                               "Atores mais centrais", "Chantier de l'économie sociale"}) {
    EXPECT_NE(text->find(expected), std::string::npos) << expected << "\n" << text->substr(0, 400);
  }
  auto unknown = TerritoryReportFor(db_.store(), scope, *f, "CA/XX", "pt", "2026-11-29");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), StatusCode::kNotFound);
  auto bad_lang = TerritoryReportFor(db_.store(), scope, *f, "CA/QC", "it", "2026-11-29");
  EXPECT_EQ(bad_lang.status().code(), StatusCode::kInvalidArgument);
}

INSTANTIATE_TEST_SUITE_P(Backends, TerritoryReportStoreTest,
                         ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::report
