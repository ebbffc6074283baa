// Births, deaths, active organisations and indicators on a hand-worked registry of Welsh
// organisations (every expected figure is worked out in the comments).

#include "ecosol/ecosystem/trends.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "trends_internal.h"

namespace ecosol::ecosystem {
namespace {

using nlohmann::json;

model::Actor Org(std::string id, std::string territory, std::string founded,
                 std::string dissolved = "", std::string sector = "") {
  model::Actor a;
  a.id = std::move(id);
  a.name = a.id;
  a.territory = std::move(territory);
  a.founded = std::move(founded);
  a.dissolved = std::move(dissolved);
  if (!sector.empty()) a.attributes["sector"] = std::move(sector);
  return a;
}

// In GB/wales unless said otherwise; usable dates: a1, a2, a3, a4.
//   a1 founded 2010           Housing  ICA260  OS130 + OS60
//   a2 2011 - 2013-06-30      Housing  ICA260 (as a URI, lower case)  OS130  network
//   a3 2012-03 - 2012-11-01   Retail   ICA140
//   a4 2008 - 2011-02-02      Retail
//   a5 no founding date, dissolved 2012   Retail
//   a6 founded "1998-13-01" (no such month)
//   a7 GB/walesx, 2011        (not in GB/wales)
//   a8 2012, deleted
//   a9 2009, dissolved "soon" Agriculture
//   a10 GB/england, 2011
std::vector<model::Actor> Registry() {
  std::vector<model::Actor> v;
  v.push_back(Org("a1", "GB/wales/cardiff", "2010-05-01", "", "Housing"));
  v.back().primary_activity = "ICA260";
  v.back().structures = {"OS130",
                         "https://dev.lod.coop/essglobal/2.1/standard/"
                         "organisational-structure/OS60"};
  v.push_back(Org("a2", "GB/wales", "2011", "2013-06-30", " Housing "));
  v.back().primary_activity = "https://dev.lod.coop/essglobal/2.1/standard/activities/ica260";
  v.back().structures = {"OS130"};
  v.back().kind = model::ActorKind::kNetwork;
  v.push_back(Org("a3", "GB/wales", "2012-03", "2012-11-01", "Retail"));
  v.back().primary_activity = "ICA140";
  v.push_back(Org("a4", "GB/wales", "2008-01-01", "2011-02-02", "Retail"));
  v.push_back(Org("a5", "GB/wales", "", "2012-01-01", "Retail"));
  v.push_back(Org("a6", "GB/wales", "1998-13-01"));
  v.push_back(Org("a7", "GB/walesx", "2011"));
  v.push_back(Org("a8", "GB/wales", "2012"));
  v.back().deleted = true;
  v.push_back(Org("a9", "GB/wales", "2009", "soon", "Agriculture"));
  v.push_back(Org("a10", "GB/england", "2011"));
  return v;
}

store::IndicatorRecord Figure(std::string actor, std::string name, std::string period, double value,
                              std::string as_of, std::string unit = "GBP",
                              std::string source = "economy") {
  store::IndicatorRecord r;
  r.actor_id = std::move(actor);
  r.name = std::move(name);
  r.period = std::move(period);
  r.value = value;
  r.as_of = std::move(as_of);
  r.unit = std::move(unit);
  r.source = std::move(source);
  return r;
}

// Turnover (GBP), by year, of the actors in GB/wales:
//   2011: a1 100, a4 30 (a second source's 35 describes an earlier year end: superseded)
//   2012: a1 150, a2 50 (a3's 999 is in EUR: left out)
//   2013: a1 150 (the 2012 accounts again: repeated), a2 80, a5 20
// Employees: a2 3 in 2012, 4 in 2013. a7's 1000 is outside GB/wales; a1's "FY12" is no period.
std::vector<store::IndicatorRecord> Figures() {
  return {Figure("a1", "turnover", "2011", 100, "2011-12-31"),
          Figure("a1", "turnover", "2012", 150, "2012-12-31"),
          Figure("a1", "turnover", "2013", 150, "2012-12-31"),
          Figure("a1", "turnover", "FY12", 7, "2012-12-31"),
          Figure("a2", "turnover", "2012", 50, "2012-03-31"),
          Figure("a2", "turnover", "2013-03-31", 80, "2013-03-31"),
          Figure("a4", "turnover", "2011", 35, "2011-03-31", "GBP", "zz-other"),
          Figure("a4", "turnover", "2011", 30, "2011-12-31"),
          Figure("a3", "turnover", "2012", 999, "2012-12-31", "EUR"),
          Figure("a5", "turnover", "2013", 20, "2013-12-31"),
          Figure("a7", "turnover", "2012", 1000, "2012-12-31"),
          Figure("a2", "employees", "2012", 3, "2012-03-31", "people"),
          Figure("a2", "employees", "2013", 4, "2013-03-31", "people")};
}

TrendsQuery Wales(std::string dimension = "none") {
  TrendsQuery q;
  q.territory = "GB/wales";
  q.dimension = std::move(dimension);
  q.from_year = 2011;
  q.to_year = 2013;
  return q;
}

Trends Compute(const TrendsQuery& q) {
  auto t = ComputeTrends(Registry(), Figures(), q);
  EXPECT_TRUE(t.ok()) << t.status().ToString();
  return t.ok() ? *t : Trends();
}

const TrendGroup* Group(const Trends& t, const std::string& key) {
  for (const TrendGroup& g : t.groups) {
    if (g.key == key) return &g;
  }
  return nullptr;
}

size_t IndicatorIndex(const Trends& t, const std::string& name) {
  for (size_t k = 0; k < t.indicators.size(); ++k) {
    if (t.indicators[k].name == name) return k;
  }
  ADD_FAILURE() << "no indicator " << name;
  return 0;
}

// Active at the start of 2011: a1 (2010) and a4 (dissolved in 2011). 2011: a2 born, a4 dies;
// 2012: a3 born and dies; 2013: a2 dies.
TEST(TrendsTest, CountsBirthsDeathsAndActiveOrganisationsPerYear) {
  Trends t = Compute(Wales());
  ASSERT_EQ(t.from_year, 2011);
  ASSERT_EQ(t.to_year, 2013);
  ASSERT_EQ(t.total.years.size(), 3u);
  const auto& y = t.total.years;
  EXPECT_EQ(y[0].year, 2011);
  EXPECT_EQ(y[0].active_start, 2);
  EXPECT_EQ(y[0].births, 1);
  EXPECT_EQ(y[0].deaths, 1);
  EXPECT_EQ(y[0].active_end, 2);
  EXPECT_EQ(y[1].births, 1);
  EXPECT_EQ(y[1].deaths, 1);
  EXPECT_EQ(y[1].active_end, 2);
  EXPECT_EQ(y[2].active_start, 2);
  EXPECT_EQ(y[2].births, 0);
  EXPECT_EQ(y[2].deaths, 1);
  EXPECT_EQ(y[2].net_change, -1);
  EXPECT_EQ(y[2].active_end, 1);
  EXPECT_DOUBLE_EQ(y[0].birth_rate, 50);
  EXPECT_DOUBLE_EQ(y[0].death_rate, 50);
  EXPECT_DOUBLE_EQ(y[2].birth_rate, 0);
  EXPECT_DOUBLE_EQ(y[2].death_rate, 50);
  // a1..a6 and a9: a7 is in GB/walesx, a8 is deleted, a10 in England.
  EXPECT_EQ(t.total.actors, 7);
  EXPECT_FALSE(t.groups_overlap);
  EXPECT_TRUE(t.groups.empty());
}

TEST(TrendsTest, CountsUndatedActorsApartAndWarnsAboutUnreadableDates) {
  Trends t = Compute(Wales());
  EXPECT_EQ(t.total.unknown_founded, 2);            // a5 (no date), a6 (month 13)
  EXPECT_EQ(t.total.unknown_founded_dissolved, 1);  // a5
  EXPECT_EQ(t.total.unusable_dissolved, 1);         // a9 ("soon")
  // a6, a9, the "FY12" period and the EUR figure.
  ASSERT_EQ(t.warnings_total, 4);
  ASSERT_EQ(t.warnings.size(), 4u);
  EXPECT_EQ(t.warnings[0].actor_id, "a6");
  EXPECT_EQ(t.warnings[0].field, "founded");
  EXPECT_EQ(t.warnings[0].value, "1998-13-01");
  EXPECT_EQ(t.warnings[1].actor_id, "a9");
  EXPECT_EQ(t.warnings[1].field, "dissolved");
  EXPECT_EQ(t.warnings[2].actor_id, "a1");
  EXPECT_EQ(t.warnings[2].field, "indicator:turnover");
  EXPECT_EQ(t.warnings[2].value, "FY12");
  EXPECT_EQ(t.warnings[3].actor_id, "");
  EXPECT_NE(t.warnings[3].message.find("1 figures in another unit than GBP"), std::string::npos)
      << t.warnings[3].message;
  // Each says what is wrong with a stable kind, and in the four languages.
  EXPECT_EQ(t.warnings[0].kind, "founded");
  EXPECT_EQ(t.warnings[1].kind, "dissolved");
  EXPECT_EQ(t.warnings[2].kind, "period");
  EXPECT_EQ(t.warnings[3].kind, "other_units");
  for (const TrendsWarning& w : t.warnings) {
    ASSERT_EQ(w.text.size(), 4u) << w.kind;
    EXPECT_EQ(w.text.at("en"), w.message);
    for (const auto& [lang, text] : w.text) {
      EXPECT_EQ(text.find('{'), std::string::npos) << lang << ": " << text;
    }
  }
  EXPECT_EQ(t.warnings[3].text.at("fr"),
            "1 chiffres dans une autre unité que GBP sont laissés hors des sommes");
  auto fr = TrendsToJson(t, "fr");
  ASSERT_TRUE(fr.ok());
  EXPECT_EQ((*fr)["warnings"][2]["kind"], "period");
  EXPECT_EQ((*fr)["warnings"][2]["message"],
            "la période n'est ni une année ni une date : le chiffre est laissé de côté");
  auto all = TrendsToJson(t);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ((*all)["warnings"][2]["message"],
            "period is not a year or a date: the figure is left out");
}

TEST(TrendsTest, DissolvedBeforeFoundedIsLeftOutWithAWarning) {
  std::vector<model::Actor> actors = {Org("x", "GB", "2015", "2012")};
  auto t = ComputeTrends(actors, {}, TrendsQuery());
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->total.unusable_dissolved, 1);
  EXPECT_EQ(t->from_year, 0);  // no usable date at all
  ASSERT_EQ(t->warnings.size(), 1u);
  EXPECT_NE(t->warnings[0].message.find("before the founding date 2015"), std::string::npos);
  EXPECT_EQ(t->warnings[0].kind, "dissolved_before_founded");
  EXPECT_EQ(t->warnings[0].text.at("es"),
            "anterior a la fecha de creación 2015: el actor queda fuera de los recuentos anuales");
}

TEST(TrendsTest, SummarisesTheSpanWithCagrAndPeaks) {
  Trends t = Compute(Wales());
  const TrendSummary& s = t.total.summary;
  EXPECT_EQ(s.births, 2);
  EXPECT_EQ(s.deaths, 3);
  EXPECT_EQ(s.active_start, 2);
  EXPECT_EQ(s.active_end, 1);
  EXPECT_DOUBLE_EQ(s.cagr, std::pow(0.5, 1.0 / 3) - 1);  // -20.63% a year over 3 years
  ASSERT_TRUE(s.peak_birth_year.has_value());
  EXPECT_EQ(*s.peak_birth_year, 2011);  // 1 in 2011 and 1 in 2012: the first
  EXPECT_EQ(s.peak_births, 1);
  EXPECT_EQ(*s.peak_death_year, 2011);
}

TEST(TrendsTest, DescribesTheTrendInFourLanguages) {
  Trends t = Compute(Wales());
  const auto& text = t.total.summary.text;
  EXPECT_EQ(text.at("en"),
            "All organisations, GB/wales: 2 births and 3 deaths in 2011-2013; active "
            "organisations fell from 2 to 1 (-20.6% a year). Most births: 2011 (1). Most deaths: "
            "2011 (1). 3 organisations without usable dates are not counted.");
  EXPECT_EQ(text.at("fr"),
            "Toutes les organisations, GB/wales : 2 créations et 3 dissolutions en 2011-2013 ; le "
            "nombre d'organisations actives est passé de 2 à 1 (-20,6 % par an). Le plus de "
            "créations : 2011 (1). Le plus de dissolutions : 2011 (1). 3 organisations sans dates "
            "utilisables ne sont pas comptées.");
  EXPECT_EQ(text.at("es"),
            "Todas las organizaciones, GB/wales: 2 creaciones y 3 disoluciones en 2011-2013; el "
            "número de organizaciones activas pasó de 2 a 1 (-20,6 % al año). Más creaciones: "
            "2011 (1). Más disoluciones: 2011 (1). 3 organizaciones sin fechas utilizables no se "
            "cuentan.");
  EXPECT_EQ(text.at("pt"),
            "Todas as organizações, GB/wales: 2 criações e 3 dissoluções em 2011-2013; o número "
            "de organizações ativas passou de 2 para 1 (-20,6% ao ano). Mais criações: 2011 (1). "
            "Mais dissoluções: 2011 (1). 3 organizações sem datas utilizáveis não são contadas.");
}

TEST(TrendsTest, SentencesUseTheTerritoryNameSingularsAndRisingCounts) {
  TrendsQuery q = Wales("sector");
  q.territory_name = "Wales";
  Trends t = Compute(q);
  const TrendGroup* housing = Group(t, "Housing");
  ASSERT_NE(housing, nullptr);
  // Housing: a1 active at the start, a2 born 2011 and dead 2013: 1 -> 1.
  EXPECT_EQ(housing->summary.text.at("en"),
            "Housing, Wales: 1 birth and 1 death in 2011-2013; active organisations stayed at 1. "
            "Most births: 2011 (1). Most deaths: 2013 (1).");
  TrendsQuery one = Wales();
  one.from_year = 2011;
  one.to_year = 2011;
  one.territory = "GB";
  auto g = ComputeTrends(Registry(), {}, one);
  ASSERT_TRUE(g.ok());
  // GB in 2011: a1, a4 (and a9, undated) at the start; a2, a7, a10 born, a4 dies: 2 -> 4.
  EXPECT_EQ(g->total.summary.text.at("en"),
            "All organisations, GB: 3 births and 1 death in 2011; active organisations rose from "
            "2 to 4 (+100.0% a year). 3 organisations without usable dates are not counted.");
}

TEST(TrendsTest, TerritoryIncludesSubTerritoriesByPrefixAndSlashOnly) {
  TrendsQuery q = Wales();
  q.territory = "GB/walesx";
  Trends x = Compute(q);
  EXPECT_EQ(x.total.actors, 1);  // a7 only
  EXPECT_EQ(x.total.years[0].births, 1);
  EXPECT_EQ(x.total.years[0].active_end, 1);
  // And GB/wales does not take a7's birth: 1 birth in 2011 (a2), not 2.
  EXPECT_EQ(Compute(Wales()).total.years[0].births, 1);
  q.territory = "GB";
  Trends gb = Compute(q);
  EXPECT_EQ(gb.total.actors, 9);           // a1..a10 but the deleted a8
  EXPECT_EQ(gb.total.years[0].births, 3);  // a2, a7, a10
  q.territory = "";
  EXPECT_EQ(Compute(q).total.actors, 9);
}

TEST(TrendsTest, BreaksDownBySector) {
  Trends t = Compute(Wales("sector"));
  ASSERT_EQ(t.groups.size(), 4u);
  EXPECT_EQ(t.groups[0].key, "Agriculture");
  EXPECT_EQ(t.groups[1].key, "Housing");  // a2's " Housing " is trimmed
  EXPECT_EQ(t.groups[2].key, "Retail");
  EXPECT_EQ(t.groups[3].key, "unspecified");  // a6
  const TrendGroup& retail = t.groups[2];
  EXPECT_EQ(retail.actors, 3);  // a3, a4, a5
  EXPECT_EQ(retail.unknown_founded, 1);
  // a4 at the start, dead in 2011; a3 born and dead in 2012 with nobody active at its start.
  EXPECT_EQ(retail.years[0].active_start, 1);
  EXPECT_EQ(retail.years[0].deaths, 1);
  EXPECT_EQ(retail.years[0].active_end, 0);
  EXPECT_EQ(retail.years[1].births, 1);
  EXPECT_EQ(retail.years[1].deaths, 1);
  EXPECT_TRUE(std::isnan(retail.years[1].birth_rate));
  EXPECT_TRUE(std::isnan(retail.years[1].death_rate));
  EXPECT_DOUBLE_EQ(retail.summary.cagr, -1);  // 1 -> 0: -100% a year
  const TrendGroup& housing = t.groups[1];
  EXPECT_EQ(housing.years[2].deaths, 1);
  EXPECT_DOUBLE_EQ(housing.years[2].death_rate, 50);  // a1 and a2 at the start of 2013
  EXPECT_EQ(t.groups[0].unusable_dissolved, 1);       // a9
  // The total does not depend on the breakdown.
  EXPECT_EQ(t.total.years[2].active_end, 1);
}

TEST(TrendsTest, BreaksDownByActivityKindAndStructure) {
  Trends activity = Compute(Wales("activity"));
  ASSERT_EQ(activity.groups.size(), 3u);
  EXPECT_EQ(activity.groups[0].key, "ICA140");
  EXPECT_EQ(activity.groups[1].key, "ICA260");  // a1 and a2 (URI, lower case)
  EXPECT_EQ(activity.groups[1].actors, 2);
  EXPECT_EQ(activity.groups[2].key, "unspecified");
  EXPECT_EQ(activity.groups[2].actors, 4);  // a4, a5, a6, a9

  Trends kind = Compute(Wales("kind"));
  ASSERT_EQ(kind.groups.size(), 2u);
  EXPECT_EQ(kind.groups[0].key, "network");
  EXPECT_EQ(kind.groups[0].years[0].births, 1);  // a2, with none active before
  EXPECT_TRUE(std::isnan(kind.groups[0].years[0].birth_rate));
  EXPECT_EQ(kind.groups[1].key, "organisation");
  EXPECT_EQ(kind.groups[1].actors, 6);

  Trends structure = Compute(Wales("structure"));
  EXPECT_TRUE(structure.groups_overlap);  // a1 is OS130 and OS60
  ASSERT_EQ(structure.groups.size(), 3u);
  EXPECT_EQ(structure.groups[0].key, "OS130");
  EXPECT_EQ(structure.groups[0].actors, 2);
  EXPECT_EQ(structure.groups[1].key, "OS60");
  EXPECT_EQ(structure.groups[1].actors, 1);
  EXPECT_EQ(structure.groups[2].key, "unspecified");
  EXPECT_EQ(structure.groups[2].actors, 5);
}

TEST(TrendsTest, SumsCountsAndMediansOfIndicators) {
  Trends t = Compute(Wales());
  ASSERT_EQ(t.indicators.size(), 2u);
  EXPECT_EQ(t.indicators[0].name, "employees");  // sorted
  EXPECT_EQ(t.indicators[0].unit, "people");
  EXPECT_EQ(t.indicators[1].name, "turnover");
  EXPECT_EQ(t.indicators[1].unit, "GBP");
  EXPECT_EQ(t.indicators[1].figures, 7);
  EXPECT_EQ(t.indicators[1].other_units, 1);
  const size_t k = 1;
  const auto& y = t.total.years;
  EXPECT_EQ(y[0].indicators[k].count, 2);
  EXPECT_DOUBLE_EQ(y[0].indicators[k].sum, 130);  // 30, not 35: the later year end wins
  EXPECT_DOUBLE_EQ(y[0].indicators[k].median, 65);
  EXPECT_DOUBLE_EQ(y[1].indicators[k].sum, 200);
  EXPECT_DOUBLE_EQ(y[1].indicators[k].median, 100);
  EXPECT_EQ(y[2].indicators[k].count, 3);  // a5 reports though its founding year is unknown
  EXPECT_DOUBLE_EQ(y[2].indicators[k].sum, 250);
  EXPECT_DOUBLE_EQ(y[2].indicators[k].median, 80);
  EXPECT_EQ(y[2].indicators[k].repeated, 1);  // a1's 2012 accounts
  EXPECT_DOUBLE_EQ(y[1].indicators[0].sum, 3);
  EXPECT_TRUE(std::isnan(y[0].indicators[0].median));
}

// 2012: of a1 and a2, only a1 reported in 2011: 100 -> 150, +50%, where the sums say +53.8%.
// 2013: a1 repeats its accounts and a5 did not report in 2012: only a2, 50 -> 80, +60%, where
// the sums say +25%.
TEST(TrendsTest, SameSampleChangeIgnoresNewReportersAndRepeatedAccounts) {
  Trends t = Compute(Wales());
  const size_t k = IndicatorIndex(t, "turnover");
  const auto& y = t.total.years;
  EXPECT_EQ(y[0].indicators[k].same_sample_actors, 0);
  EXPECT_TRUE(std::isnan(y[0].indicators[k].same_sample_change));
  EXPECT_EQ(y[1].indicators[k].same_sample_actors, 1);
  EXPECT_DOUBLE_EQ(y[1].indicators[k].same_sample_previous, 100);
  EXPECT_DOUBLE_EQ(y[1].indicators[k].same_sample_current, 150);
  EXPECT_DOUBLE_EQ(y[1].indicators[k].same_sample_change, 50);
  EXPECT_DOUBLE_EQ(y[1].indicators[k].same_sample_change_pct, 50);
  EXPECT_EQ(y[2].indicators[k].same_sample_actors, 1);
  EXPECT_DOUBLE_EQ(y[2].indicators[k].same_sample_change, 30);
  EXPECT_DOUBLE_EQ(y[2].indicators[k].same_sample_change_pct, 60);
  const size_t e = IndicatorIndex(t, "employees");
  EXPECT_DOUBLE_EQ(y[2].indicators[e].same_sample_change_pct, 100.0 / 3);
}

TEST(TrendsTest, SameSampleChangeOfANegativeSumIsRelativeToItsSize) {
  std::vector<model::Actor> actors = {Org("p", "GB", "2000")};
  std::vector<store::IndicatorRecord> figures = {
      Figure("p", "profit_before_tax", "2015", -200, "2015-12-31"),
      Figure("p", "profit_before_tax", "2016", -50, "2016-12-31")};
  TrendsQuery q;
  q.from_year = 2015;
  auto t = ComputeTrends(actors, figures, q);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->to_year, 2016);
  EXPECT_DOUBLE_EQ(t->total.years[1].indicators[0].same_sample_change, 150);
  EXPECT_DOUBLE_EQ(t->total.years[1].indicators[0].same_sample_change_pct, 75);  // a rise
}

TEST(TrendsTest, ReportsOnlyTheIndicatorsAsked) {
  TrendsQuery q = Wales("sector");
  q.indicators = {"turnover", "members"};
  Trends t = Compute(q);
  ASSERT_EQ(t.indicators.size(), 2u);
  EXPECT_EQ(t.indicators[0].name, "turnover");
  EXPECT_EQ(t.indicators[1].name, "members");  // none found: reported empty
  EXPECT_EQ(t.indicators[1].figures, 0);
  const TrendGroup* housing = Group(t, "Housing");
  ASSERT_NE(housing, nullptr);
  ASSERT_EQ(housing->years[1].indicators.size(), 2u);
  EXPECT_DOUBLE_EQ(housing->years[1].indicators[0].sum, 200);  // a1 150 + a2 50
  EXPECT_EQ(housing->years[1].indicators[1].count, 0);
  EXPECT_EQ(t.warnings_total, 4);  // a6, a9, "FY12", EUR
  q.indicators = {"employees"};
  Trends e = Compute(q);
  EXPECT_EQ(e.warnings_total, 2);  // turnover's "FY12" and EUR are not read when not asked
  EXPECT_EQ(e.indicators[0].figures, 2);
}

TEST(TrendsTest, DefaultSpanIsTheDataWithinTheYearsAQueryMayName) {
  TrendsQuery q = Wales();
  q.from_year.reset();
  q.to_year.reset();
  Trends t = Compute(q);
  EXPECT_EQ(t.from_year, 2008);  // a4 founded; a9 (2009) has an unusable dissolved date
  EXPECT_EQ(t.to_year, 2013);
  EXPECT_EQ(t.total.years.size(), 6u);
  EXPECT_EQ(t.total.years[0].active_start, 0);
  q.from_year = 2012;
  EXPECT_EQ(Compute(q).to_year, 2013);
  q.from_year.reset();
  q.to_year = 2010;
  Trends early = Compute(q);
  EXPECT_EQ(early.from_year, 2008);
  EXPECT_EQ(early.total.years.back().active_end, 2);  // a4 and a1

  std::vector<model::Actor> old = {Org("rochdale", "GB", "1750-01-01"), Org("n", "GB", "1801")};
  auto o = ComputeTrends(old, {}, TrendsQuery());
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o->from_year, 1800);
  EXPECT_EQ(o->total.years[0].active_start, 1);
  EXPECT_EQ(o->to_year, 1801);
}

TEST(TrendsTest, NoDataGivesAnEmptyTableAndSaysSo) {
  auto t = ComputeTrends({}, {}, TrendsQuery());
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->from_year, 0);
  EXPECT_TRUE(t->total.years.empty());
  EXPECT_TRUE(std::isnan(t->total.summary.cagr));
  EXPECT_EQ(t->total.summary.text.at("en"),
            "All organisations, all territories: no dated organisations.");
  auto j = TrendsToJson(*t, "en");
  ASSERT_TRUE(j.ok());
  EXPECT_TRUE((*j)["from"].is_null());
}

TEST(TrendsTest, RejectsBadQueriesSayingHowToFixThem) {
  auto expect_invalid = [](const TrendsQuery& q, const std::string& words) {
    auto t = ComputeTrends(Registry(), Figures(), q);
    ASSERT_FALSE(t.ok()) << words;
    EXPECT_EQ(t.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(t.status().message().find(words), std::string::npos) << t.status().message();
  };
  TrendsQuery q = Wales("region");
  expect_invalid(q, "dimension: expected none, sector, activity, kind or structure, got 'region'");
  q = Wales();
  q.from_year = 2016;
  q.to_year = 2011;
  expect_invalid(q, "from_year 2016 is after to_year 2011; swap them");
  q.from_year = 1799;
  expect_invalid(q, "from_year: 1799 is out of range; give a year from 1800 to 2100");
  q.from_year = 2011;
  q.to_year = 2101;
  expect_invalid(q, "to_year: 2101 is out of range");
  q.to_year = 2013;
  q.territory = "GB/";
  expect_invalid(q, "territory: 'GB/' is not a territory id");
  q.territory = "GB/wales";
  q.indicators = {"turnover", ""};
  expect_invalid(q, "indicators: an empty name");
  q.indicators.clear();
  q.from_year = 1800;
  q.to_year = 2100;
  EXPECT_TRUE(ComputeTrends(Registry(), Figures(), q).ok());
}

TEST(TrendsTest, ReadsYearsOfDatesStrictly) {
  using internal::DateYear;
  EXPECT_EQ(DateYear("1998"), 1998);
  EXPECT_EQ(DateYear("1998-07"), 1998);
  EXPECT_EQ(DateYear("2012-02-29"), 2012);
  EXPECT_EQ(DateYear("2013-03-31T00:00:00Z"), 2013);
  EXPECT_EQ(DateYear("2013-03-31 00:00:00"), 2013);
  EXPECT_FALSE(DateYear("2013-02-29"));
  EXPECT_FALSE(DateYear("2013-13"));
  EXPECT_FALSE(DateYear("31/03/2013"));
  EXPECT_FALSE(DateYear("0000"));
  EXPECT_FALSE(DateYear("20130"));
  EXPECT_FALSE(DateYear(""));
}

TEST(TrendsTest, JsonGivesOneLanguageOrAllAndNullsForUndefinedFigures) {
  Trends t = Compute(Wales("sector"));
  auto fr = TrendsToJson(t, "fr");
  ASSERT_TRUE(fr.ok());
  const json& j = *fr;
  EXPECT_EQ(j["from"], 2011);
  EXPECT_EQ(j["query"]["dimension"], "sector");
  EXPECT_TRUE(j["total"]["summary"]["text"].get<std::string>().starts_with(
      "Toutes les organisations, GB/wales : 2 créations"));
  EXPECT_EQ(j["groups"][2]["key"], "Retail");
  EXPECT_TRUE(j["groups"][2]["years"][1]["birth_rate"].is_null());
  EXPECT_EQ(j["total"]["years"][1]["indicators"]["turnover"]["same_sample"]["change"], 50.0);
  EXPECT_TRUE(j["total"]["years"][0]["indicators"]["turnover"]["same_sample"]["change"].is_null());
  EXPECT_EQ(j["total"]["unknown_founded"], 2);
  EXPECT_EQ(j["warnings"][0]["actor_id"], "a6");
  auto all = TrendsToJson(t, "");
  ASSERT_TRUE(all.ok());
  EXPECT_EQ((*all)["total"]["summary"]["text"].size(), 4u);
  EXPECT_TRUE((*all)["total"]["summary"]["text"]["pt"].is_string());
  auto de = TrendsToJson(t, "de");
  ASSERT_FALSE(de.ok());
  EXPECT_EQ(de.status().code(), StatusCode::kInvalidArgument);
}

TEST(TrendsTest, CsvHasOneRowPerGroupAndYear) {
  TrendsQuery q = Wales("sector");
  q.indicators = {"turnover"};
  std::vector<model::Actor> actors = Registry();
  actors[0].attributes["sector"] = "Food, \"drink\"";
  auto t = ComputeTrends(actors, Figures(), q);
  ASSERT_TRUE(t.ok());
  const std::string csv = TrendsToCsv(*t);
  const std::string header =
      "dimension,group,year,births,deaths,active_start,active_end,net_change,birth_rate,"
      "death_rate,turnover_sum,turnover_count,turnover_median,turnover_repeated,"
      "turnover_same_sample_actors,turnover_same_sample_change,turnover_same_sample_change_pct"
      "\r\n";
  EXPECT_EQ(csv.substr(0, header.size()), header);
  EXPECT_NE(csv.find("\r\nnone,all,2011,1,1,2,2,0,50,50,130,2,65,0,0,,\r\n"), std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\r\nnone,all,2013,0,1,2,1,-1,0,50,250,3,80,1,1,30,60\r\n"),
            std::string::npos);
  // a1's sector, quoted; a1 was active at the start of 2011, with 100 of turnover.
  EXPECT_NE(csv.find("\r\nsector,\"Food, \"\"drink\"\"\",2011,0,0,1,1,0,0,0,100,1,100,0,0,,\r\n"),
            std::string::npos)
      << csv;
  // 3 total rows and 3 per group (Agriculture, Food..., Housing, Retail, unspecified) + header.
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 3 + 5 * 3);
}

}  // namespace
}  // namespace ecosol::ecosystem
