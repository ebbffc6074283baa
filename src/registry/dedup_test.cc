#include "ecosol/registry/dedup.h"

#include <gtest/gtest.h>

#include "ecosol/registry/registry.h"
#include "test_store.h"

namespace ecosol::registry {
namespace {

model::Actor Org(const std::string& id, const std::string& name, const std::string& postcode,
                 const std::string& locality, std::optional<model::Location> location = {}) {
  model::Actor a;
  a.id = id;
  a.name = name;
  a.address.country = "GB";
  a.address.postcode = postcode;
  a.address.locality = locality;
  a.location = location;
  return a;
}

TEST(NormaliseNameTest, StripsLegalFormsAccentsAndCase) {
  EXPECT_EQ(NormaliseName("The Phone Co-operative Ltd."), "phone");
  EXPECT_EQ(NormaliseName("PHONE CO-OP LIMITED"), "phone");
  EXPECT_EQ(NormaliseName("Société Coopérative d'Intérêt Collectif Énergie Partagée"),
            "energie partagee");
  EXPECT_EQ(NormaliseName("SCIC Énergie Partagée"), "energie partagee");
  EXPECT_EQ(NormaliseName("Suma Wholefoods Community Interest Company"), "suma wholefoods");
  EXPECT_EQ(NormaliseName("Cooperativa de Trabajo La Juanita"), "trabajo juanita");
  // Nothing but legal words: kept, so that the record still has a key.
  EXPECT_EQ(NormaliseName("The Co-operative Society"), "the co operative society");
  EXPECT_EQ(NormaliseName(""), "");
}

TEST(JaroWinklerTest, KnownValues) {
  EXPECT_NEAR(JaroWinkler("martha", "marhta"), 0.961, 0.001);
  EXPECT_NEAR(JaroWinkler("dwayne", "duane"), 0.840, 0.001);
  EXPECT_NEAR(JaroWinkler("dixon", "dicksonx"), 0.813, 0.001);
  EXPECT_EQ(JaroWinkler("same", "same"), 1);
  EXPECT_EQ(JaroWinkler("abc", "xyz"), 0);
  EXPECT_EQ(JaroWinkler("", "x"), 0);
}

TEST(ScorePairTest, NamesPlacesAndIdentifiers) {
  MatchRecord phone = MatchRecordOf(Org("a", "The Phone Co-op Ltd", "OX7 5AB", "Chipping Norton"));
  MatchRecord phone2 =
      MatchRecordOf(Org("b", "Phone Co-operative Limited", "ox75ab", "Chipping Norton"));
  PairScore same = ScorePair(phone, phone2);
  EXPECT_DOUBLE_EQ(same.score, 1.0);
  EXPECT_EQ(same.reasons, (std::vector<std::string>{"same name", "same postcode OX75AB"}));

  // The same name in another town is another organisation.
  MatchRecord elsewhere = MatchRecordOf(Org("c", "Phone Co-op", "M1 1AA", "Manchester"));
  EXPECT_LT(ScorePair(phone, elsewhere).score, 0.85);
  // A typo at the same place matches; without a place it does not.
  MatchRecord typo = MatchRecordOf(Org("d", "The Phone Coop Ltd", "OX7 5AB", ""));
  typo.name_key = "phnoe";
  typo.tokens = {"phnoe"};
  EXPECT_GE(ScorePair(phone, typo).score, 0.85);
  MatchRecord nowhere = typo;
  nowhere.postcode.clear();
  EXPECT_LT(ScorePair(phone, nowhere).score, 0.85);
  // A shared identifier decides; different identifiers in one scheme cap the score.
  model::Actor x = Org("e", "Alpha Housing", "", "");
  model::Actor y = Org("f", "Completely Different", "", "");
  x.identifiers["companies-house"] = "IP12345";
  y.identifiers["companies-house"] = "IP12345";
  EXPECT_DOUBLE_EQ(ScorePair(MatchRecordOf(x), MatchRecordOf(y)).score, 1.0);
  y.identifiers["companies-house"] = "IP99999";
  y.name = "Alpha Housing";
  EXPECT_DOUBLE_EQ(ScorePair(MatchRecordOf(x), MatchRecordOf(y)).score, 0.5);
  // Different countries never match.
  model::Actor fr = x;
  fr.address.country = "FR";
  fr.identifiers.clear();
  x.identifiers.clear();
  EXPECT_EQ(ScorePair(MatchRecordOf(x), MatchRecordOf(fr)).score, 0);
}

TEST(FindClustersTest, ClustersAcrossSourcesAndKeepsDistinctOnesApart) {
  std::vector<MatchRecord> records = {
      MatchRecordOf(Org("cuk-1", "Suma Wholefoods Ltd", "HX5 9DN", "Elland")),
      MatchRecordOf(Org("map-7", "SUMA WHOLEFOODS", "HX5 9DN", "Elland")),
      MatchRecordOf(Org("net-3", "Wholefoods Suma", "", "Elland")),
      MatchRecordOf(Org("cuk-2", "Unicorn Grocery", "M21 9NP", "Manchester")),
      MatchRecordOf(Org("cuk-3", "Unicorn Grocery", "BS1 1AA", "Bristol")),
      MatchRecordOf(Org("geo-1", "Green Bakery", "", "", model::Location{51.4545, -2.5879})),
      MatchRecordOf(
          Org("geo-2", "The Green Bakery Co-op", "", "", model::Location{51.4550, -2.5870})),
  };
  auto clusters = FindClusters(records, {});
  ASSERT_TRUE(clusters.ok());
  ASSERT_EQ(clusters->size(), 2u);
  std::vector<std::vector<std::string>> ids;
  for (const DuplicateCluster& c : *clusters) ids.push_back(c.ids);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::vector<std::string>>{{"cuk-1", "map-7", "net-3"},
                                                        {"geo-1", "geo-2"}}));
  for (const DuplicateCluster& c : *clusters) {
    EXPECT_GE(c.score, 0.85);
    EXPECT_FALSE(c.pairs.empty());
    EXPECT_FALSE(c.pairs[0].reasons.empty());
  }
  // Stopping through progress is reported, not taken for "no duplicates".
  DedupOptions stop;
  stop.progress = [](long long, long long) { return false; };
  std::vector<MatchRecord> many;
  for (int i = 0; i < 20000; ++i) {
    many.push_back(MatchRecordOf(
        Org("r" + std::to_string(i), "Name " + std::to_string(i), "PC" + std::to_string(i), "")));
  }
  EXPECT_EQ(FindClusters(many, stop).status().code(), StatusCode::kUnavailable);
}

// A source lists an organisation once: a record matching two of another source's records is
// joined to the better one only, and the two are not chained into one cluster.
TEST(FindClustersTest, ARecordJoinsOnlyItsBestMatchInAnotherSource) {
  // Co-operatives UK lists two societies (their numbers differ), the map one.
  auto from = [](const std::string& source, model::Actor a, const std::string& number = "") {
    a.provenance["name"] = {source, "2026-11-29", "import"};
    if (!number.empty()) a.identifiers["coops-uk"] = number;
    return MatchRecordOf(a);
  };
  std::vector<MatchRecord> records = {
      from("cuk", Org("cuk-1", "Hebden Bridge Wholefoods", "HX7 8AD", "Hebden Bridge"), "IP1"),
      from("cuk", Org("cuk-2", "Hebden Bridge Wholefood", "HX7 8AD", "Hebden Bridge"), "IP2"),
      from("map", Org("map-1", "HEBDEN BRIDGE WHOLEFOODS LTD", "HX7 8AD", "Hebden Bridge")),
  };
  ASSERT_GE(ScorePair(records[1], records[2]).score, 0.85);  // a match on its own
  auto clusters = FindClusters(records, {});
  ASSERT_TRUE(clusters.ok());
  ASSERT_EQ(clusters->size(), 1u);
  EXPECT_EQ((*clusters)[0].ids, (std::vector<std::string>{"cuk-1", "map-1"}));
}

class FindDuplicatesTest : public ::testing::TestWithParam<std::string> {};

TEST_P(FindDuplicatesTest, ReadsTheRegistry) {
  testing::TestStore db(GetParam());
  ASSERT_TRUE(db.ok()) << db.error();
  Registry registry(db.store(), SystemClock());
  ASSERT_TRUE(registry.LoadTaxonomies(testing::TaxonomyFolder()).ok());
  ASSERT_TRUE(
      registry.CreateActor(Org("a1", "Suma Wholefoods Ltd", "HX5 9DN", "Elland"), "cuk").ok());
  ASSERT_TRUE(registry.CreateActor(Org("a2", "Suma Wholefoods", "HX5 9DN", "Elland"), "map").ok());
  ASSERT_TRUE(registry.CreateActor(Org("a3", "Other Co-op", "HX5 9DN", "Elland"), "map").ok());
  auto clusters = FindDuplicates(db.store(), {});
  ASSERT_TRUE(clusters.ok()) << clusters.status().message();
  ASSERT_EQ(clusters->size(), 1u);
  EXPECT_EQ((*clusters)[0].ids, (std::vector<std::string>{"a1", "a2"}));
  // Deleted actors are not candidates.
  ASSERT_TRUE(registry.DeleteActor("a2").ok());
  clusters = FindDuplicates(db.store(), {});
  ASSERT_TRUE(clusters.ok());
  EXPECT_TRUE(clusters->empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, FindDuplicatesTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::registry
