#include "ecosol/registry/quality.h"

#include <gtest/gtest.h>

#include "ecosol/registry/registry.h"
#include "test_store.h"

namespace ecosol::registry {
namespace {

using model::Actor;
using nlohmann::json;

std::chrono::sys_days Day(int y, unsigned m, unsigned d) {
  return std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

TEST(IdentifierProblemTest, KnowsCompaniesHouseNumbersAndBlankValues) {
  EXPECT_EQ(IdentifierProblem("companies-house", "01234567"), "");
  EXPECT_EQ(IdentifierProblem("companies-house", "SC399880"), "");
  EXPECT_EQ(IdentifierProblem("companies-house", "IP28374R"), "");
  EXPECT_NE(IdentifierProblem("companies-house", "123456"), "");  // leading zeros lost
  EXPECT_NE(IdentifierProblem("companies-house", "sc399880"), "");
  EXPECT_NE(IdentifierProblem("companies-house", "SC39988X"), "");
  EXPECT_NE(IdentifierProblem("coops-uk", " R006884"), "");
  EXPECT_NE(IdentifierProblem("coops-uk", ""), "");
  // Schemes without a known shape accept any value.
  EXPECT_EQ(IdentifierProblem("coops-uk", "R006884"), "");
}

TEST(LastConfirmedTest, NewestOfConfirmationAndProvenance) {
  Actor a;
  a.provenance["name"] = {"coops-uk", "2023-05-01", "import"};
  a.provenance["website"] = {"api", "2024-02-03T10:00:00Z", "api"};
  EXPECT_EQ(LastConfirmed(a), "2024-02-03");
  a.attributes[kLastConfirmed] = "2025-01-01";
  EXPECT_EQ(LastConfirmed(a), "2025-01-01");
  a.attributes[kLastConfirmed] = "not a date";
  EXPECT_EQ(LastConfirmed(a), "2024-02-03");
  EXPECT_EQ(LastConfirmed(Actor{}), "");
}

class QualityTest : public ::testing::TestWithParam<std::string> {
 protected:
  QualityTest() : db_(GetParam()), clock_(Day(2024, 1, 10)) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    registry_ = std::make_unique<Registry>(db_.store(), clock_);
    Status s = registry_->LoadTaxonomies(testing::TaxonomyFolder());
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  Actor Org(const std::string& id, const std::string& name, const std::string& region,
            const std::string& locality) {
    Actor a;
    a.id = id;
    a.name = name;
    a.address = {"", locality, region, "", "GB"};
    return a;
  }

  void Create(Actor a, const std::string& source) {
    auto created = registry_->CreateActor(std::move(a), source, "import");
    ASSERT_TRUE(created.ok()) << created.status().ToString();
  }

  // Two Welsh actors from coops-uk (one exact, one approximate, one with a website), one English
  // from susy with a hidden location, one French without a place; created on 2024-01-10. A
  // private one; and one stored with codes no taxonomy knows (as an older release could have).
  void Seed() {
    Actor a = Org("a", "Alpha Bakery", "Wales", "Cardiff");
    a.website = "https://alpha.example";
    a.location = model::Location{51.48, -3.18, model::LocationPrecision::kExact};
    a.identifiers["companies-house"] = "01234567";
    Create(a, "coops-uk");
    Actor b = Org("b", "Beta Housing", "Wales", "Swansea");
    b.location = model::Location{51.62, -3.94, model::LocationPrecision::kApproximate};
    b.identifiers["companies-house"] = "123456";
    Create(b, "coops-uk");
    Actor c = Org("c", "Gamma Transport", "England", "Leeds");
    c.location = model::Location{53.8, -1.55, model::LocationPrecision::kHidden};
    Create(c, "susy");
    Actor d;
    d.id = "d";
    d.name = "Delta";
    Create(d, "susy");
    Actor hidden = Org("h", "Hidden Circle", "Wales", "Cardiff");
    hidden.visibility = model::Visibility::kPrivate;
    Create(hidden, "coops-uk");
    clock_.Set(Day(2026, 6, 1));
    Actor bad = Org("x", "Xi Works", "Wales", "Cardiff");
    bad.territory = "GB/wales/cardiff";
    bad.activities = {"ICA999"};
    bad.provenance["name"] = {"coops-uk", "2026-06-01", "import"};
    bad.version = 1;
    ASSERT_TRUE(db_.store().PutActor(bad, "create").ok());
  }

  Result<QualityReport> Report(const std::string& territory = "", bool everything = false) {
    QualityOptions o;
    o.territory = territory;
    o.audience.everything = everything;
    o.page_size = 2;  // several pages
    auto tax = registry_->taxonomy();
    if (!tax.ok()) return tax.status();
    return BuildQualityReport(db_.store(), clock_, **tax, o);
  }

  testing::TestStore db_;
  FakeClock clock_;
  std::unique_ptr<Registry> registry_;
};

const TerritoryQuality* Row(const QualityReport& r, const std::string& id, bool direct = false) {
  for (const TerritoryQuality& t : r.by_territory) {
    if (t.id == id && t.direct == direct) return &t;
  }
  return nullptr;
}

TEST_P(QualityTest, FiguresPerSourceAndTerritory) {
  Seed();
  auto r = Report();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->today, "2026-06-01");
  // The public sees five actors: not the private one.
  EXPECT_EQ(r->total.actors, 5);
  EXPECT_EQ(r->total.filled["name"], 5);
  EXPECT_EQ(r->total.filled["website"], 1);
  EXPECT_EQ(r->total.filled["address"], 4);
  EXPECT_EQ(r->total.location, (std::map<std::string, long long>{
                                   {"exact", 1}, {"approximate", 1}, {"hidden", 1}, {"none", 2}}));
  EXPECT_EQ(r->total.invalid,
            (std::map<std::string, long long>{{"activities", 1}, {"identifiers", 1}}));
  EXPECT_EQ(r->total.with_invalid, 2);
  // Created in January 2024, stale since; the one written in June 2026 is fresh.
  EXPECT_EQ(r->total.due, 4);
  EXPECT_EQ(r->total.staleness["under_2_years"], 0);
  EXPECT_EQ(r->total.staleness["over_2_years"], 4);
  EXPECT_EQ(r->total.staleness["under_90_days"], 1);
  EXPECT_EQ(r->total.oldest_confirmed, "2024-01-10");
  ASSERT_EQ(r->by_source.size(), 2u);
  EXPECT_EQ(r->by_source["coops-uk"].actors, 3);
  EXPECT_EQ(r->by_source["susy"].actors, 2);
  EXPECT_EQ(r->by_source["coops-uk"].invalid["identifiers"], 1);
  // Per country, and the actor with no place on a row of its own.
  ASSERT_NE(Row(*r, "GB"), nullptr);
  EXPECT_EQ(Row(*r, "GB")->figures.actors, 4);
  EXPECT_EQ(Row(*r, "GB")->name, "United Kingdom");
  ASSERT_NE(Row(*r, "", true), nullptr);
  EXPECT_EQ(Row(*r, "", true)->figures.actors, 1);
  EXPECT_EQ(json(QualityReportToJson(*r))["total"]["duplicates"], nullptr);
  // Drilled down into the United Kingdom: its regions.
  auto gb = Report("GB");
  ASSERT_TRUE(gb.ok()) << gb.status().ToString();
  EXPECT_EQ(gb->total.actors, 4);
  ASSERT_EQ(gb->by_territory.size(), 2u);
  EXPECT_EQ(gb->by_territory[0].id, "GB/england");
  EXPECT_EQ(gb->by_territory[1].id, "GB/wales");
  EXPECT_EQ(gb->by_territory[1].figures.actors, 3);
  // An admin's report counts the private actor too.
  auto all = Report("GB/wales", true);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->total.actors, 4);
  EXPECT_EQ(Row(*all, "GB/wales/cardiff")->figures.actors, 3);
}

TEST_P(QualityTest, BadScopesAreRefused) {
  Seed();
  EXPECT_EQ(Report("GB/atlantis").status().code(), StatusCode::kNotFound);
  QualityOptions o;
  o.days = 0;
  auto tax = registry_->taxonomy();
  ASSERT_TRUE(tax.ok());
  EXPECT_EQ(BuildQualityReport(db_.store(), clock_, **tax, o).status().code(),
            StatusCode::kInvalidArgument);
  DueOptions d;
  d.cursor = "yesterday";
  EXPECT_EQ(ListDue(db_.store(), clock_, d).status().code(), StatusCode::kInvalidArgument);
  d.cursor = "";
  d.limit = 0;
  EXPECT_EQ(ListDue(db_.store(), clock_, d).status().code(), StatusCode::kInvalidArgument);
}

TEST_P(QualityTest, SuspectedDuplicatesLeaveOutPairsDecidedDistinct) {
  Create(Org("p1", "The Phone Co-operative Ltd", "England", "Chipping Norton"), "coops-uk");
  Create(Org("p2", "Phone Co-op", "England", "Chipping Norton"), "susy");
  Create(Org("q", "Quite Another Thing", "England", "Leeds"), "susy");
  auto tax = registry_->taxonomy();
  ASSERT_TRUE(tax.ok());
  QualityOptions o;
  o.duplicates = true;
  auto r = BuildQualityReport(db_.store(), clock_, **tax, o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->total.duplicates, 2);
  EXPECT_EQ(r->by_source["susy"].duplicates, 1);
  EXPECT_EQ(QualityReportToJson(*r)["total"]["duplicates"], 2);
  ASSERT_TRUE(db_.store().PutDedupDecision({"p1", "p2", "distinct", "2024-01-10", "test"}).ok());
  r = BuildQualityReport(db_.store(), clock_, **tax, o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total.duplicates, 0);
}

TEST_P(QualityTest, DueListIsOldestFirstPagedAndFiltered) {
  Seed();
  clock_.Set(Day(2025, 3, 1));
  ASSERT_TRUE(registry_->UpdateActor("c", {{"website", "https://gamma.example"}}, {}, "api").ok());
  clock_.Set(Day(2026, 6, 1));
  DueOptions o;
  o.limit = 2;
  o.page_size = 3;
  auto first = ListDue(db_.store(), clock_, o);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->total, 4);
  ASSERT_EQ(first->items.size(), 2u);
  EXPECT_EQ(first->items[0].id, "a");
  EXPECT_EQ(first->items[0].last_confirmed, "2024-01-10");
  EXPECT_EQ(first->items[0].days, 873);
  EXPECT_EQ(first->items[1].id, "b");
  ASSERT_FALSE(first->next_cursor.empty());
  o.cursor = first->next_cursor;
  auto second = ListDue(db_.store(), clock_, o);
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->items.size(), 2u);
  EXPECT_EQ(second->items[0].id, "d");
  EXPECT_EQ(second->items[1].id, "c");  // edited in March 2025
  EXPECT_EQ(second->items[1].last_confirmed, "2025-03-01");
  EXPECT_TRUE(second->next_cursor.empty());
  // Over 500 days only the two-year-old ones; in England only Gamma; from susy two.
  DueOptions since;
  since.days = 500;
  EXPECT_EQ(ListDue(db_.store(), clock_, since)->total, 3);
  DueOptions england;
  england.territory = "GB/england";
  EXPECT_EQ(ListDue(db_.store(), clock_, england)->total, 1);
  DueOptions susy;
  susy.source = "susy";
  EXPECT_EQ(ListDue(db_.store(), clock_, susy)->total, 2);
  json j = DuePageToJson(*second, 365);
  EXPECT_EQ(j["items"][1]["confirmed_by"], "api");
  EXPECT_EQ(j["next_cursor"], nullptr);
}

TEST_P(QualityTest, ConfirmationIsAVersionAndResetsStaleness) {
  Seed();
  auto before = db_.store().GetActor("a");
  ASSERT_TRUE(before.ok() && before->has_value());
  auto confirmed = ConfirmActor(db_.store(), clock_, "a", {"user:u-1", "203.0.113.5"});
  ASSERT_TRUE(confirmed.ok()) << confirmed.status().ToString();
  EXPECT_EQ(confirmed->version, (*before)->version + 1);
  EXPECT_EQ(confirmed->attributes.at(kLastConfirmed), "2026-06-01");
  EXPECT_EQ(confirmed->provenance.at(kLastConfirmed),
            (model::Provenance{"user:u-1", "2026-06-01", "confirmed"}));
  // The other fields keep their provenance.
  EXPECT_EQ(confirmed->provenance.at("website"), (*before)->provenance.at("website"));
  EXPECT_EQ(LastConfirmed(*confirmed), "2026-06-01");
  auto stored = db_.store().GetActor("a");
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->attributes.at(kLastConfirmed), "2026-06-01");
  auto audit = db_.store().AuditEntries(1, 0);
  ASSERT_TRUE(audit.ok());
  ASSERT_FALSE(audit->empty());
  EXPECT_EQ(audit->back().action, "actor.confirm");
  EXPECT_EQ(audit->back().who, "user:u-1");
  // The same confirmation again the same day changes nothing.
  auto again = ConfirmActor(db_.store(), clock_, "a", {"user:u-1", "203.0.113.5"});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->version, confirmed->version);
  // No longer due.
  auto due = ListDue(db_.store(), clock_, DueOptions{});
  ASSERT_TRUE(due.ok());
  EXPECT_EQ(due->total, 3);
  for (const DueActor& d : due->items) EXPECT_NE(d.id, "a");
  // Unknown and deleted actors cannot be confirmed.
  EXPECT_EQ(ConfirmActor(db_.store(), clock_, "nope", {"cli:x"}).status().code(),
            StatusCode::kNotFound);
  ASSERT_TRUE(registry_->DeleteActor("b").ok());
  EXPECT_EQ(ConfirmActor(db_.store(), clock_, "b", {"cli:x"}).status().code(),
            StatusCode::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, QualityTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::registry
