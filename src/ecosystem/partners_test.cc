// Partner matching on a small hand-worked ecosystem: a bakery co-operative that wants a loan for
// an oven, a solidarity credit union that offers one (and wants a caterer the bakery could be),
// a fund known only by its territory, a funder already tied to the bakery, two networks they
// share, a university, and an unrelated data co-operative. Scores are worked out by hand in
// the comments (docs/ecosystem.md, "Partner matching").

#include "ecosol/ecosystem/partners.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include "ecosol/rules/yaml_json.h"
#include "test_paths.h"

namespace ecosol::ecosystem {
namespace {

using nlohmann::json;

const std::string kDir = ::ecosol::testing::SourceDir() + "/frameworks/";

std::shared_ptr<const BlocksFramework> Blocks() {
  static auto f = LoadBlocksFramework(kDir + "building-blocks.yaml");
  EXPECT_TRUE(f.ok()) << f.status().ToString();
  return f.ok() ? *f : nullptr;
}

std::shared_ptr<const PartnerFramework> Assets() {
  static auto f = LoadPartnerFramework(kDir + "partner-assets.yaml", *Blocks());
  EXPECT_TRUE(f.ok()) << f.status().ToString();
  return f.ok() ? *f : nullptr;
}

json AssetsDoc() {
  std::ifstream in(kDir + "partner-assets.yaml");
  std::stringstream b;
  b << in.rdbuf();
  auto doc = rules::YamlToJson(b.str(), "partner-assets.yaml");
  EXPECT_TRUE(doc.ok());
  return *doc;
}

model::Actor Actor(const std::string& id, const std::string& name, model::ActorKind kind,
                   const std::string& territory, std::optional<model::Location> where = {}) {
  model::Actor a;
  a.id = id;
  a.name = name;
  a.kind = kind;
  a.territory = territory;
  a.location = where;
  return a;
}

model::Relationship Tie(const std::string& from, const std::string& to) {
  model::Relationship r;
  r.id = from + "-" + to;
  r.from = from;
  r.to = to;
  return r;
}

json Profile(const std::string& exchange, const std::string& title, json tags, json transactions,
             const std::string& item) {
  return {{"linked_schemas", {"offers_wants_schema-v0.1.0"}},
          {"exchange_type", exchange},
          {"item_type", item},
          {"transaction_type", transactions},
          {"tags", tags},
          {"title", title},
          {"description", title + ", described."},
          {"geographic_scope", "regional"},
          {"contact_details", {{"email", "hello@example.org"}}}};
}

OfferWant Ow(const std::string& actor, json profile) {
  auto o = OfferWantFromMurmurations(profile, actor, "fixture", Assets().get());
  EXPECT_TRUE(o.ok()) << o.status().ToString();
  return o.ok() ? *o : OfferWant{};
}

const model::Location kMontreal{45.50, -73.57, model::LocationPrecision::kExact};

struct Fixture {
  std::vector<model::Actor> actors;
  std::vector<model::Relationship> ties;
  std::vector<OfferWant> offers;
};

Fixture Quebec() {
  using K = model::ActorKind;
  Fixture f;
  f.actors = {
      Actor("bakery", "Boulangerie coop", K::kOrganisation, "CA/quebec/montreal", kMontreal),
      Actor("caisse", "Caisse solidaire", K::kFunder, "CA/quebec/montreal", kMontreal),
      Actor("fund2", "Fonds 2", K::kFunder, "CA/quebec/laval"),
      Actor("tiedfund", "Fonds lié", K::kFunder, "CA/quebec/montreal"),
      Actor("tiess", "TIESS", K::kNetwork, "CA/quebec"),
      Actor("chantier", "Chantier", K::kNetwork, "CA/quebec"),
      Actor("univ", "UQAM", K::kUniversity, "CA/quebec/montreal"),
      Actor("stranger", "Data coop", K::kOrganisation, "CA/quebec/montreal", kMontreal),
      Actor("newcoop", "Nouvelle coop", K::kOrganisation, "CA/quebec/montreal")};
  f.actors[0].structures = {"OS115"};
  f.ties = {Tie("bakery", "tiess"),    Tie("caisse", "tiess"), Tie("bakery", "chantier"),
            Tie("caisse", "chantier"), Tie("fund2", "tiess"),  Tie("tiedfund", "bakery"),
            Tie("newcoop", "tiess")};
  f.offers = {
      Ow("bakery",
         Profile("want", "Loan for an oven", {"finance", "oven"}, {"borrow-lend"}, "service")),
      Ow("bakery", Profile("offer", "Bread for events", {"market", "bread"}, {"buy-sell"}, "good")),
      Ow("caisse",
         Profile("offer", "Oven loans", {"finance", "oven", "loans"}, {"borrow-lend"}, "service")),
      Ow("caisse", Profile("want", "Caterer for our AGM", {"market"}, {"buy-sell"}, "good")),
      Ow("stranger", Profile("offer", "Open data", {"data"}, {"receive-donate"}, "service"))};
  OfferWant expired =
      Ow("caisse", Profile("offer", "Old grant", {"finance"}, {"receive-donate"}, "service"));
  expired.expires_at = "2020-01-01T00:00:00Z";
  f.offers.push_back(expired);
  return f;
}

std::shared_ptr<const PartnerIndex> Index(const Fixture& f) {
  auto index = BuildPartnerIndex(*Assets(), *Blocks(), f.actors, f.ties, f.offers, "2026-11-29");
  EXPECT_TRUE(index.ok()) << index.status().ToString();
  return index.ok() ? *index : nullptr;
}

Recommendations Recommend(const PartnerIndex& index, PartnerQuery q) {
  auto r = RecommendPartners(index, q);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : Recommendations{};
}

TEST(PartnerFrameworkTest, LoadsAssetTypesTiedToTheSevenBlocks) {
  auto f = Assets();
  ASSERT_TRUE(f);
  ASSERT_NE(f->FindAssetType("finance"), nullptr);
  EXPECT_EQ(f->FindAssetType("finance")->block, "investment_and_funds");
  EXPECT_EQ(f->FindAssetType("research")->block, "knowledge_transfer");
  EXPECT_EQ(f->FindAssetType("procurement")->label.at("pt"), "contratação pública");
  std::set<std::string> served;
  for (const AssetType& a : f->asset_types) served.insert(a.block);
  EXPECT_EQ(served.size(), 7u);
  EXPECT_DOUBLE_EQ(f->complementarity_weight, 0.5);
  EXPECT_DOUBLE_EQ(f->scope_km.at("local"), 25);
}

TEST(PartnerFrameworkTest, RejectsBadFrameworksSayingWhatAndWhere) {
  auto blocks = Blocks();
  ASSERT_TRUE(blocks);
  auto fails = [&](json doc, const std::string& expected) {
    auto f = ParsePartnerFramework(doc, *blocks, "pa.yaml");
    ASSERT_FALSE(f.ok()) << expected;
    EXPECT_EQ(f.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(f.status().message().find(expected), std::string::npos) << f.status().message();
  };
  json doc = AssetsDoc();
  doc["asset_types"][0]["block"] = "finance_block";
  fails(doc, "pa.yaml: asset type 'finance': serves unknown block 'finance_block'");
  doc = AssetsDoc();
  doc["asset_types"][1]["label"].erase("fr");
  fails(doc, "asset type 'training': 'label' has no text in 'fr'");
  doc = AssetsDoc();
  doc["scoring"]["weights"]["trust"] = 0.3;
  fails(doc, "scoring: weights: the weights add up to 1.05");
  doc = AssetsDoc();
  doc["implicit_offers"][0]["role"] = "bank";
  fails(doc, "implicit offers of role 'bank': not a role of building-blocks.yaml");
  doc = AssetsDoc();
  doc["implicit_offers"][0]["offers"].push_back("gold");
  fails(doc, "offers unknown asset type 'gold'");
  doc = AssetsDoc();
  doc["asset_types"].push_back(doc["asset_types"][0]);
  fails(doc, "asset type 'finance' is listed twice");
  doc = AssetsDoc();
  doc["kind"] = "building_blocks";
  fails(doc, "'kind' must be partner_assets");
}

TEST(PartnerOffersTest, MurmurationsRoundTripKeepsEveryField) {
  json p = Profile("offer", "Oven loans", {"finance", "oven"}, {"borrow-lend"}, "service");
  p["geolocation"] = {{"lat", 45.5}, {"lon", -73.57}};
  p["expires_at"] = 1798675200;
  p["contact_details"]["contact_form"] = "https://caisse.example/contact";
  auto o = OfferWantFromMurmurations(p, "caisse", "profile", Assets().get());
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  EXPECT_EQ(o->asset_type, "finance");  // from the tag
  EXPECT_EQ(o->block, "investment_and_funds");
  EXPECT_EQ(o->expires_at, "2026-12-31T00:00:00Z");
  EXPECT_EQ(o->id.substr(0, 3), "ow-");
  EXPECT_EQ(o->id.size(), 19u);
  EXPECT_EQ(o->source, "murmurations");
  json back = ToMurmurations(*o);
  json expected = p;
  expected["asset_type"] = "finance";
  expected["block"] = "investment_and_funds";
  EXPECT_EQ(back, expected);
  auto again = OfferWantFromMurmurations(back, "caisse", "again", Assets().get());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *o);
  auto api = OfferWantFromJson(ToJson(*o), "api");
  ASSERT_TRUE(api.ok()) << api.status().ToString();
  EXPECT_EQ(*api, *o);
}

TEST(PartnerOffersTest, RejectsProfilesTheSchemaRejects) {
  auto fails = [](json p, const std::string& expected) {
    auto o = OfferWantFromMurmurations(p, "a", "ow.json", Assets().get());
    ASSERT_FALSE(o.ok()) << expected;
    EXPECT_EQ(o.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(o.status().message().find(expected), std::string::npos) << o.status().message();
  };
  json ok = Profile("offer", "Oven loans", {"finance"}, {"borrow-lend"}, "service");
  json p = ok;
  p.erase("title");
  fails(p, "ow.json: 'title' is required");
  p = ok;
  p["exchange_type"] = "swap";
  fails(p, "'exchange_type' is 'swap', not one of offer, want");
  p = ok;
  p["transaction_type"] = {"gift"};
  fails(p, "'transaction_type' holds 'gift'");
  p = ok;
  p["tags"] = {"oven", "oven"};
  fails(p, "'tags' holds 'oven' twice");
  p = ok;
  p["contact_details"] = json::object();
  fails(p, "contact_details needs an email or a contact_form");
  p = ok;
  p["geolocation"] = {{"lat", 95}, {"lon", 0}};
  fails(p, "'geolocation' is out of range");
  p = ok;
  p["linked_schemas"] = {"organizations_schema-v1.0.0"};
  fails(p, "does not name offers_wants_schema-v0.1.0");
  p = ok;
  p["asset_type"] = "unicorn";
  fails(p, "unknown asset type 'unicorn'");
  p = ok;
  p["block"] = "market_access";
  fails(p, "block 'market_access' is not the block of asset type 'finance'");
}

TEST(PartnerIndexTest, LeavesOutExpiredOffersAndCountsImplicitAssets) {
  auto index = Index(Quebec());
  ASSERT_TRUE(index);
  PartnerIndexStats s = StatsOf(*index);
  EXPECT_EQ(s.actors, 9);
  EXPECT_EQ(s.ties, 7);
  EXPECT_EQ(s.offers, 3);  // the expired grant is left out
  EXPECT_EQ(s.wants, 2);
  // caisse, fund2, tiedfund: finance + advice; tiess, chantier: 4 each; univ: 3.
  EXPECT_EQ(s.implicit_offers, 2 + 2 + 2 + 4 + 4 + 3);
}

TEST(PartnerRecommendTest, ScoresWorkedOutByHand) {
  auto index = Index(Quebec());
  ASSERT_TRUE(index);
  PartnerQuery q;
  q.actor_id = "bakery";
  Recommendations r = Recommend(*index, q);
  EXPECT_EQ(r.needs_source, NeedsSource::kDeclared);
  EXPECT_EQ(r.needs_note.at("en"), "Partners for your 1 declared wants.");
  // Candidates: the three funders offering finance; not the networks, the university or the
  // data co-operative. tiedfund is tied to the bakery already.
  EXPECT_EQ(r.candidates_scored, 3);
  EXPECT_EQ(r.tied_left_out, 1);
  ASSERT_EQ(r.items.size(), 2u);
  const Recommendation& caisse = r.items[0];
  EXPECT_EQ(caisse.partner_id, "caisse");
  // "Oven loans" covers "Loan for an oven" fully (asset, both tags, transaction, item): 1; the
  // caisse wants a caterer, which "Bread for events" covers fully: 1. 0.8 x 1 + 0.2 x 1.
  EXPECT_NEAR(caisse.complementarity, 1.0, 1e-12);
  EXPECT_NEAR(caisse.proximity, 1.0, 1e-12);             // same place
  EXPECT_NEAR(caisse.trust, 1 - std::exp(-1.0), 1e-12);  // 2 shared ties
  EXPECT_NEAR(caisse.score, 0.9080301397071394, 1e-12);
  EXPECT_EQ(caisse.shared_ties, 2);
  ASSERT_EQ(caisse.shared_tie_examples.size(), 2u);
  EXPECT_EQ(caisse.shared_tie_examples[0].name, "Chantier");
  EXPECT_EQ(caisse.explanation.at("en"),
            "Caisse solidaire offers finance (Oven loans) for your want “Loan for an oven”; 0 km "
            "away; shared ties: 2 (Chantier, TIESS); in return, they want market outlets (“Caterer "
            "for our AGM”), which you offer.");
  EXPECT_EQ(caisse.explanation.at("fr"),
            "Caisse solidaire propose financement (Oven loans) pour votre besoin « Loan for an "
            "oven »; à 0 km; liens en commun : 2 (Chantier, TIESS); en retour, ils recherchent "
            "débouchés commerciaux (« Caterer for our AGM »), que vous proposez.");
  ASSERT_EQ(caisse.matches.size(), 2u);
  EXPECT_EQ(caisse.matches[0].direction, "forward");
  EXPECT_EQ(caisse.matches[1].direction, "reverse");
  EXPECT_EQ(caisse.matches[1].asset_type, "market");
  const Recommendation& fund2 = r.items[1];
  EXPECT_EQ(fund2.partner_id, "fund2");
  // Only its role's finance: asset 0.6 x 1, the want's tags, transaction and item unsaid by
  // the offer count half: (0.6 + 0.1 + 0.05 + 0.05) / 1 = 0.8; no wants: 0.8 x 0.8 = 0.64.
  EXPECT_NEAR(fund2.complementarity, 0.64, 1e-12);
  EXPECT_NEAR(fund2.proximity, 2.0 / 3.0, 1e-12);  // CA/quebec of CA/quebec/{montreal,laval}
  EXPECT_NEAR(fund2.trust, 1 - std::exp(-0.5), 1e-12);
  EXPECT_NEAR(fund2.score, 0.5850340017385083, 1e-12);
  EXPECT_FALSE(fund2.distance_km.has_value());
  EXPECT_EQ(fund2.matches[0].offer_id, "role:finance_intermediary:finance");
  EXPECT_EQ(fund2.explanation.at("en"),
            "Fonds 2 offers finance (as finance intermediary) for your want “Loan for an oven”; "
            "same territory down to CA/quebec; shared ties: 1 (TIESS).");
}

TEST(PartnerRecommendTest, IncludeTiedAndLimit) {
  auto index = Index(Quebec());
  ASSERT_TRUE(index);
  PartnerQuery q;
  q.actor_id = "bakery";
  q.include_tied = true;
  Recommendations r = Recommend(*index, q);
  ASSERT_EQ(r.items.size(), 3u);
  EXPECT_EQ(r.tied_left_out, 0);
  EXPECT_EQ(r.items[2].partner_id, "tiedfund");  // 0.32 + 0.25 x 1 + 0 = 0.57 < 0.585
  EXPECT_NEAR(r.items[2].score, 0.57, 1e-12);
  EXPECT_TRUE(r.items[2].tied);
  EXPECT_NE(r.items[2].explanation.at("en").find("; no shared ties; already tied to you."),
            std::string::npos)
      << r.items[2].explanation.at("en");
  q.limit = 1;
  r = Recommend(*index, q);
  ASSERT_EQ(r.items.size(), 1u);
  EXPECT_EQ(r.items[0].partner_id, "caisse");
  q.max_km = 10;  // the two unlocated funders are left out
  q.limit = 10;
  r = Recommend(*index, q);
  ASSERT_EQ(r.items.size(), 1u);
}

TEST(PartnerRecommendTest, WithoutWantsLooksAtBlocksNoTieCovers) {
  auto index = Index(Quebec());
  ASSERT_TRUE(index);
  PartnerQuery q;
  q.actor_id = "newcoop";  // tied to TIESS only: capacity building and awareness are covered
  Recommendations r = Recommend(*index, q);
  EXPECT_EQ(r.needs_source, NeedsSource::kLackedBlocks);
  EXPECT_EQ(r.lacked_blocks,
            (std::vector<std::string>{"investment_and_funds", "market_access", "enabling_policy",
                                      "knowledge_transfer", "data_and_measurement"}));
  EXPECT_EQ(r.needs_note.at("en"),
            "You declare no wants: partners for the blocks that neither you nor your ties cover "
            "(investment and funds, market access, enabling policy and regulatory environment, "
            "knowledge transfer, data and measurement).");
  // Offering an asset of those blocks: caisse, fund2, tiedfund, univ, bakery, stranger.
  EXPECT_EQ(r.candidates_scored, 6);
  ASSERT_FALSE(r.items.empty());
  bool university = false;
  for (const Recommendation& item : r.items) {
    if (item.partner_id != "univ") continue;
    university = true;
    EXPECT_EQ(item.explanation.at("en").rfind(
                  "UQAM offers research (as university) for knowledge transfer, which none of "
                  "your ties covers; same territory down to CA/quebec/montreal; ",
                  0),
              0u)
        << item.explanation.at("en");
  }
  EXPECT_TRUE(university);
}

TEST(PartnerRecommendTest, PruningKeepsTheTopOfTheFullRanking) {
  auto index = Index(Quebec());
  ASSERT_TRUE(index);
  PartnerQuery q;
  q.actor_id = "newcoop";
  q.limit = 100;
  Recommendations all = Recommend(*index, q);
  ASSERT_EQ(all.items.size(), 6u);
  for (int limit = 1; limit <= 6; ++limit) {
    q.limit = limit;
    Recommendations some = Recommend(*index, q);
    ASSERT_EQ(some.items.size(), static_cast<size_t>(limit));
    for (int i = 0; i < limit; ++i) {
      EXPECT_EQ(some.items[static_cast<size_t>(i)].partner_id,
                all.items[static_cast<size_t>(i)].partner_id);
      EXPECT_DOUBLE_EQ(some.items[static_cast<size_t>(i)].score,
                       all.items[static_cast<size_t>(i)].score);
    }
  }
  for (size_t i = 1; i < all.items.size(); ++i) {
    EXPECT_GE(all.items[i - 1].score, all.items[i].score);
  }
}

// The bounds that skip candidates (asset masks, what a partner's wants could be covered by)
// must never drop one that belongs in the top: on seeded random registries small enough for a
// limit of 100 to score every candidate, each shorter list is the head of the full ranking.
// Wants and offers mix asset types, blocks without a type, tags alone, unsaid items and
// transactions, every scope, actors without a location, and some queries within a distance.
TEST(PartnerRecommendTest, PruningMatchesTheFullRankingOnRandomRegistries) {
  using K = model::ActorKind;
  const std::vector<std::string> assets = {"finance", "training", "market",  "procurement",
                                           "data",    "research", "advocacy"};
  const std::vector<std::string> blocks = {"investment_and_funds", "market_access",
                                           "knowledge_transfer"};
  const std::vector<std::string> scopes = {"local", "regional", "national", "international"};
  const std::vector<std::string> transactions = {"borrow-lend", "rent-lease", "buy-sell",
                                                 "receive-donate"};
  const std::vector<K> kinds = {K::kOrganisation, K::kOrganisation, K::kNetwork,      K::kFunder,
                                K::kUniversity,   K::kPublicBody,   K::kInformalGroup};
  size_t compared = 0;
  for (unsigned seed = 1; seed <= 6; ++seed) {
    std::mt19937 rng(seed);
    auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
    Fixture f;
    for (int i = 0; i < 70; ++i) {
      std::optional<model::Location> at;
      if (pick(5) != 0) {
        at = model::Location{45.0 + static_cast<double>(pick(300)) / 100.0,
                             -74.0 + static_cast<double>(pick(300)) / 100.0,
                             model::LocationPrecision::kExact};
      }
      std::string id = "a" + std::to_string(i);
      f.actors.push_back(Actor(id, "Actor " + std::to_string(i), kinds[pick(kinds.size())],
                               "CA/quebec/r" + std::to_string(pick(3)), at));
      if (f.actors.back().kind == K::kOrganisation) f.actors.back().structures = {"OS115"};
      for (size_t k = pick(4); k > 0; --k) {
        OfferWant o;
        o.actor_id = id;
        o.id = id + "-" + std::to_string(k);
        o.exchange_type = pick(2) ? "offer" : "want";
        o.title = o.id;
        switch (pick(4)) {
          case 0:  // asset type, named by a tag
            o.asset_type = assets[pick(assets.size())];
            o.tags = {o.asset_type};
            break;
          case 1:  // a block without an asset type
            o.block = blocks[pick(blocks.size())];
            break;
          case 2:  // tags alone
            break;
          default:  // asset type without tags
            o.asset_type = assets[pick(assets.size())];
        }
        if (pick(2)) o.tags.push_back("topic" + std::to_string(pick(4)));
        if (pick(2)) o.item_type = pick(2) ? "good" : "service";
        if (pick(2)) o.transaction_types = {transactions[pick(transactions.size())]};
        o.geographic_scope = scopes[pick(scopes.size())];
        f.offers.push_back(o);
      }
    }
    for (int t = 0; t < 90; ++t) {
      size_t a = pick(f.actors.size()), b = pick(f.actors.size());
      if (a != b) f.ties.push_back(Tie(f.actors[a].id, f.actors[b].id));
    }
    auto index = Index(f);
    ASSERT_TRUE(index);
    for (const model::Actor& a : f.actors) {
      PartnerQuery q;
      q.actor_id = a.id;
      q.include_tied = pick(2) == 0;
      if (pick(4) == 0) q.max_km = static_cast<double>(50 + pick(150));
      q.limit = 100;
      Recommendations all = Recommend(*index, q);
      ASSERT_LT(all.items.size(), 100u) << "the full ranking must fit the limit";
      for (int limit : {1, 3, 7}) {
        q.limit = limit;
        Recommendations some = Recommend(*index, q);
        size_t n = std::min(all.items.size(), static_cast<size_t>(limit));
        ASSERT_EQ(some.items.size(), n) << "seed " << seed << ", actor " << a.id;
        for (size_t i = 0; i < n; ++i) {
          EXPECT_EQ(some.items[i].partner_id, all.items[i].partner_id)
              << "seed " << seed << ", actor " << a.id << ", limit " << limit << ", rank " << i;
          EXPECT_DOUBLE_EQ(some.items[i].score, all.items[i].score);
          ++compared;
        }
      }
    }
  }
  EXPECT_GT(compared, 1000u);  // the registries did yield recommendations to compare
}

TEST(PartnerRecommendTest, QueryForAnAssetTypeAndErrors) {
  auto index = Index(Quebec());
  ASSERT_TRUE(index);
  PartnerQuery q;
  q.actor_id = "bakery";
  q.asset_type = "research";
  Recommendations r = Recommend(*index, q);
  EXPECT_EQ(r.needs_source, NeedsSource::kQuery);
  EXPECT_EQ(r.candidates_scored, 1);
  ASSERT_EQ(r.items.size(), 1u);
  EXPECT_EQ(r.items[0].partner_id, "univ");
  EXPECT_EQ(r.items[0].matches[0].want_id, "asset:research");
  EXPECT_EQ(r.needs_note.at("es"), "Socios que ofrecen investigación, según lo pedido.");
  q.asset_type = "unicorn";
  EXPECT_EQ(RecommendPartners(*index, q).status().code(), StatusCode::kInvalidArgument);
  q.asset_type.clear();
  q.block = "nope";
  EXPECT_EQ(RecommendPartners(*index, q).status().code(), StatusCode::kInvalidArgument);
  q.block.clear();
  q.limit = 101;
  EXPECT_EQ(RecommendPartners(*index, q).status().code(), StatusCode::kInvalidArgument);
  q.limit = 0;
  EXPECT_EQ(RecommendPartners(*index, q).status().code(), StatusCode::kInvalidArgument);
  q.limit = 10;
  q.actor_id = "nobody";
  EXPECT_EQ(RecommendPartners(*index, q).status().code(), StatusCode::kNotFound);
}

TEST(PartnerRecommendTest, JsonCarriesComponentsAndTexts) {
  auto index = Index(Quebec());
  ASSERT_TRUE(index);
  PartnerQuery q;
  q.actor_id = "bakery";
  json j = ToJson(Recommend(*index, q));
  EXPECT_EQ(j["needs"]["source"], "declared");
  EXPECT_EQ(j["recommendations"][0]["partner"]["id"], "caisse");
  EXPECT_DOUBLE_EQ(j["recommendations"][0]["components"]["proximity"].get<double>(), 1.0);
  EXPECT_EQ(j["recommendations"][0]["shared_ties"]["count"], 2);
  EXPECT_TRUE(j["recommendations"][1]["distance_km"].is_null());
  EXPECT_EQ(j["candidates_scored"], 3);
  EXPECT_TRUE(j["recommendations"][0]["explanation"].contains("pt"));
}

Fixture Universities() {
  using K = model::ActorKind;
  Fixture f;
  f.actors = {Actor("u1", "Université 1", K::kUniversity, "XX/a"),
              Actor("u2", "Université 2", K::kUniversity, "XX/b"),
              Actor("c1", "Coop 1", K::kOrganisation, "XX/a"),
              Actor("c2", "Coop 2", K::kOrganisation, "XX"),
              Actor("net", "Réseau", K::kNetwork, "YY")};
  f.actors[2].structures = {"OS115"};
  f.actors[3].structures = {"OS115"};
  f.ties = {Tie("u1", "u2"), Tie("c1", "c2"), Tie("net", "u1")};
  f.offers = {
      Ow("c1", Profile("want", "Study of our members", {"research"}, {"buy-sell"}, "service")),
      Ow("c2", Profile("want", "Research partner", {"research"}, {"buy-sell"}, "service")),
      Ow("net", Profile("offer", "Transfer workshops", {"knowledge"}, {"buy-sell"}, "service"))};
  return f;
}

TEST(PartnerBrokersTest, NoBrokerBetweenUniversitiesAndCooperatives) {
  Fixture f = Universities();
  auto index = Index(f);
  ASSERT_TRUE(index);
  auto report = MissingBrokers(*index, "XX");
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  // Capacity building has universities only (training); knowledge transfer has both sides.
  ASSERT_EQ(report->gaps.size(), 1u);
  const BrokerGap& gap = report->gaps[0];
  EXPECT_EQ(gap.block, "knowledge_transfer");
  EXPECT_EQ(gap.group_a, "cooperative");
  EXPECT_EQ(gap.group_b, "university");
  EXPECT_EQ(gap.actors_a, 2);
  EXPECT_EQ(gap.actors_b, 2);
  EXPECT_EQ(gap.examples_a[0].id, "c1");
  EXPECT_EQ(gap.text.at("en"),
            "no broker between co-operatives and universities for knowledge transfer");
  EXPECT_EQ(gap.text.at("fr"),
            "aucun intermédiaire entre coopératives et universités pour le pilier transfert de "
            "connaissances");
  // The network outside the territory, tied to a university and offering know-how.
  ASSERT_EQ(gap.bridges.size(), 1u);
  EXPECT_EQ(gap.bridges[0].id, "net");
  EXPECT_EQ(gap.bridges[0].side, "b");
  EXPECT_EQ(gap.bridges[0].ties_to_side, 1);
  EXPECT_EQ(ToJson(*report)["gaps"][0]["bridges"][0]["id"], "net");
  // Below the territory only: XX/a holds u1 and c1, still unconnected.
  EXPECT_EQ(MissingBrokers(*index, "XX/a")->gaps.size(), 1u);
  EXPECT_TRUE(MissingBrokers(*index, "YY")->gaps.empty());
}

TEST(PartnerBrokersTest, ATwoPathOrATieClosesTheGap) {
  Fixture f = Universities();
  f.ties.push_back(Tie("net", "c2"));  // net now brokers between u1 and c2
  auto index = Index(f);
  ASSERT_TRUE(index);
  EXPECT_TRUE(MissingBrokers(*index, "XX")->gaps.empty());
  f = Universities();
  f.ties.push_back(Tie("c1", "u2"));
  index = Index(f);
  ASSERT_TRUE(index);
  EXPECT_TRUE(MissingBrokers(*index, "XX")->gaps.empty());
}

TEST(PartnerIndexTest, SkipsEndedTiesAndDissolvedActors) {
  Fixture f = Quebec();
  f.ties[0].ended = "2024-01-01";        // bakery-tiess
  f.actors[5].dissolved = "2025-01-01";  // chantier
  auto index = Index(f);
  ASSERT_TRUE(index);
  EXPECT_EQ(StatsOf(*index).actors, 8);
  PartnerQuery q;
  q.actor_id = "bakery";
  Recommendations r = Recommend(*index, q);
  ASSERT_FALSE(r.items.empty());
  EXPECT_EQ(r.items[0].partner_id, "caisse");
  EXPECT_EQ(r.items[0].shared_ties, 0);
  EXPECT_DOUBLE_EQ(r.items[0].trust, 0);
  EXPECT_EQ(BuildPartnerIndex(*Assets(), *Blocks(), f.actors, f.ties, f.offers, "29/11/2026")
                .status()
                .code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace ecosol::ecosystem
