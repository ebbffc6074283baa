#include "ecosol/interop/geojson.h"

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "ecosol/base/clock.h"
#include "ecosol/base/strings.h"
#include "ecosol/interop/importer.h"
#include "ecosol/text/countries.h"
#include "test_store.h"

namespace ecosol::interop {
namespace {

using nlohmann::json;

std::string SusyFile() { return testing::SharedDataFolder() + "/susy-initiatives.geojson"; }

const std::string& SusyText() {
  static const std::string text = [] {
    auto t = ReadFile(SusyFile());
    return t.ok() ? *t : std::string();
  }();
  return text;
}

GeojsonOptions SusyOptions() {
  GeojsonOptions o;
  o.id_scheme = "susy";
  return o;
}

std::string Collection(const std::vector<json>& features) {
  return json{{"type", "FeatureCollection"}, {"features", features}}.dump();
}

json Point(double lon, double lat) {
  return {{"type", "Point"}, {"coordinates", json::array({lon, lat})}};
}

json Feature(const json& properties, const json& geometry = Point(2.35, 48.85)) {
  return {{"type", "Feature"}, {"geometry", geometry}, {"properties", properties}};
}

// --- reading SUSY -----------------------------------------------------------------------------

// True when the property `key` with text `value` ended in one of the actor's fields.
bool InAField(const model::Actor& a, const std::string& key, const std::string& raw) {
  std::string value(Trim(raw));
  auto contact = [&](const std::string& k) {
    return a.contacts.count(k) && a.contacts.at(k) == value;
  };
  if (key == "name") return a.name == value;
  if (key == "_id") return a.identifiers.at("susy") == value;
  if (key == "description") return a.description.count("en") && a.description.at("en") == value;
  if (StartsWith(key, "description:")) {
    std::string lang = key.substr(12) == "gr" ? "el" : key.substr(12);
    return a.description.count(lang) && a.description.at(lang) == value;
  }
  if (key == "addr:city") return a.address.locality == value;
  if (key == "addr:postcode") return a.address.postcode == value;
  if (key == "addr:street" || key == "addr:housenumber") {
    return a.address.street.find(value) != std::string::npos;
  }
  if (key == "addr:country") return a.address.country == text::NormaliseCountryAt(value, 48, 17);
  if (key == "website" || key == "contact:website") {
    return a.website == value || a.website == "http://" + value;
  }
  if (StartsWith(key, "contact:")) return contact(key.substr(8));
  return false;
}

std::string Text(const json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

TEST(GeojsonTest, EverySusyFeatureImportsWithoutRejection) {
  ASSERT_FALSE(SusyText().empty()) << "cannot read " << SusyFile();
  auto parsed = ReadGeojson(SusyText(), SusyOptions());
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  for (const auto& e : parsed->rejected)
    ADD_FAILURE() << e.line << " " << e.field << " " << e.message;
  EXPECT_EQ(parsed->records, 1794);
  ASSERT_EQ(parsed->rows.size(), 1794u);
  const model::Actor& first = parsed->rows.front().actor;
  EXPECT_EQ(parsed->rows.front().line, 1);
  EXPECT_EQ(parsed->rows.back().line, 1794);
  EXPECT_EQ(first.name, "Bulgarian Food Bank");
  EXPECT_EQ(first.identifiers.at("susy"), "e98fb9126657fd09e8c7e43217000e20");
  EXPECT_EQ(first.address.country, "BG");
  EXPECT_EQ(first.territory, "BG");
  EXPECT_EQ(first.address.locality, "София");
  EXPECT_EQ(first.address.street, "бул. Васил Левски 106");
  EXPECT_EQ(first.address.postcode, "1000");
  EXPECT_EQ(first.contacts.at("email"), "contact@bgfoodbank.org");
  EXPECT_EQ(first.contacts.at("phone"), "+3592 953 4100");
  EXPECT_EQ(first.website, "");  // "contact:website": "update6" is no website...
  EXPECT_EQ(first.attributes.at("contact:website"), "update6");  // ...and is kept
  EXPECT_EQ(first.attributes.at("type_of_initiative"),
            "agro_empowerment;agroecology_education;bicycle_awareness");
  EXPECT_EQ(first.attributes.at("a"), "b");
  EXPECT_EQ(first.attributes.at("_timestamp"), "1505836684470");
  EXPECT_EQ(first.attributes.count("country_original"), 0u);  // "BG" is the code
  EXPECT_NE(first.description.at("en").find("food industry"), std::string::npos);
  ASSERT_TRUE(first.location.has_value());
  EXPECT_EQ(first.location->precision, model::LocationPrecision::kExact);
  EXPECT_DOUBLE_EQ(first.location->lat, 42.69809702239);
  EXPECT_DOUBLE_EQ(first.location->lon, 23.33513259888);
}

TEST(GeojsonTest, EverySusyPropertyIsInAFieldOrKeptAsAnAttribute) {
  auto parsed = ReadGeojson(SusyText(), SusyOptions());
  ASSERT_TRUE(parsed.ok());
  json doc = json::parse(SusyText());
  ASSERT_EQ(parsed->rows.size(), doc["features"].size());
  size_t attributes = 0, fields = 0;
  for (size_t i = 0; i < parsed->rows.size(); ++i) {
    const model::Actor& a = parsed->rows[i].actor;
    for (const auto& [key, value] : doc["features"][i]["properties"].items()) {
      auto kept = a.attributes.find(key);
      if (kept != a.attributes.end() && kept->second == Text(value)) {
        ++attributes;
      } else if (InAField(a, key, Text(value))) {
        ++fields;
      } else {
        ADD_FAILURE() << "feature " << i + 1 << ": property '" << key << "' = " << value.dump()
                      << " is nowhere in the actor";
      }
    }
  }
  EXPECT_GT(attributes, 10000u);
  EXPECT_GT(fields, 10000u);
}

TEST(GeojsonTest, MessyCountriesNormaliseAndTheOriginalIsKept) {
  // Every distinct addr:country of the SUSY file, with the code it means.
  const std::map<std::string, std::string> expected = {{"Österreich", "AT"},
                                                       {"England", "GB"},
                                                       {"UK", "GB"},
                                                       {"Italy", "IT"},
                                                       {"Portugal", "PT"},
                                                       {"DE", "DE"},
                                                       {"GR", "GR"},
                                                       {"Deutschland", "DE"},
                                                       {"uk", "GB"},
                                                       {"GB", "GB"},
                                                       {"ES", "ES"},
                                                       {"Belgique", "BE"},
                                                       {"Germany", "DE"},
                                                       {"Estonia", "EE"},
                                                       {"Austria", "AT"},
                                                       {"HU", "HU"},
                                                       {"FR", "FR"},
                                                       {"AT", "AT"},
                                                       {"Malta", "MT"},
                                                       {"United Kingdom", "GB"},
                                                       {"Slovenia", "SI"},
                                                       {"France", "FR"},
                                                       {"RO", "RO"},
                                                       {"IT", "IT"},
                                                       {"SR", "SK"},
                                                       {"Croatia", "HR"},
                                                       {"CZ", "CZ"},
                                                       {"Poland", "PL"},
                                                       {"Hungary", "HU"},
                                                       {"FI", "FI"},
                                                       {"Cyprus", "CY"},
                                                       {"Romania", "RO"},
                                                       {"HR", "HR"},
                                                       {"IE", "IE"},
                                                       {"BG", "BG"},
                                                       {"FRANCE", "FR"},
                                                       {"Ελλάδα", "GR"},
                                                       {"Slovakia", "SK"},
                                                       {"SCOTLAND", "GB"},
                                                       {"Latvija", "LV"},
                                                       {"PL", "PL"},
                                                       {"BE", "BE"},
                                                       {"Frace", "FR"},
                                                       {"Ireland", "IE"},
                                                       {"Bulgaria", "BG"},
                                                       {"Cypres", "CY"},
                                                       {"Italu", "IT"},
                                                       {"Finland", "FI"},
                                                       {"Czech Republic", "CZ"},
                                                       {"Greece", "GR"},
                                                       {"Latvia", "LV"},
                                                       {"Portogallo", "PT"},
                                                       {"MT", "MT"},
                                                       {"Slovenija", "SI"},
                                                       {"Belgium", "BE"},
                                                       {"ÖSterreich", "AT"},
                                                       {"România", "RO"},
                                                       {"england", "GB"},
                                                       {"ABERDEEN", "GB"},
                                                       {"Isle of Man", "IM"},
                                                       {"Ghana", "GH"},
                                                       {"Uganda", "UG"},
                                                       {"Kenya", "KE"}};
  auto parsed = ReadGeojson(SusyText(), SusyOptions());
  ASSERT_TRUE(parsed.ok());
  json doc = json::parse(SusyText());
  std::set<std::string> seen;
  for (size_t i = 0; i < parsed->rows.size(); ++i) {
    const model::Actor& a = parsed->rows[i].actor;
    const json& props = doc["features"][i]["properties"];
    if (!props.contains("addr:country")) {
      EXPECT_EQ(a.address.country, "") << i + 1;
      continue;
    }
    std::string raw = props["addr:country"];
    seen.insert(raw);
    auto code = expected.find(raw);
    ASSERT_NE(code, expected.end()) << "a new country value in the file: '" << raw << "'";
    EXPECT_EQ(a.address.country, code->second) << raw;
    EXPECT_EQ(a.territory, code->second) << raw;
    if (raw == code->second) {
      EXPECT_EQ(a.attributes.count("country_original"), 0u) << raw;
    } else {
      ASSERT_EQ(a.attributes.count("country_original"), 1u) << raw;
      EXPECT_EQ(a.attributes.at("country_original"), raw);
    }
  }
  EXPECT_EQ(seen.size(), expected.size());
  for (const char* raw : {"UK", "uk", "GB", "England", "Österreich"}) EXPECT_TRUE(seen.count(raw));
}

TEST(GeojsonTest, SusyRoundTripKeepsEveryMappedField) {
  auto first = ReadGeojson(SusyText(), SusyOptions());
  ASSERT_TRUE(first.ok());
  std::vector<model::Actor> actors;
  for (const auto& row : first->rows) actors.push_back(row.actor);
  std::string written = WriteGeojson(actors, "susy");
  auto again = ReadGeojson(written, SusyOptions());
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_TRUE(again->rejected.empty());
  ASSERT_EQ(again->rows.size(), actors.size());
  for (size_t i = 0; i < actors.size(); ++i) {
    const model::Actor &a = actors[i], &b = again->rows[i].actor;
    EXPECT_EQ(a.name, b.name) << i;
    EXPECT_EQ(a.identifiers, b.identifiers) << i;
    EXPECT_EQ(a.description, b.description) << i;
    EXPECT_EQ(a.address, b.address) << i;
    EXPECT_EQ(a.territory, b.territory) << i;
    EXPECT_EQ(a.location, b.location) << i;
    EXPECT_EQ(a.website, b.website) << i;
    EXPECT_EQ(a.contacts, b.contacts) << i;
    EXPECT_EQ(a.attributes, b.attributes) << i;
    EXPECT_TRUE(a == b) << "feature " << i + 1 << " (" << a.name << ") changed";
  }
}

// --- importing into the registry -------------------------------------------------------------

class GeojsonImportTest : public ::testing::TestWithParam<std::string> {
 protected:
  GeojsonImportTest()
      : db_(GetParam()), clock_(std::chrono::sys_days{std::chrono::year{2026} / 11 / 28}) {}
  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    registry_ = std::make_unique<registry::Registry>(db_.store(), clock_);
    ASSERT_TRUE(registry_->LoadTaxonomies(testing::TaxonomyFolder()).ok());
  }
  testing::TestStore db_;
  FakeClock clock_;
  std::unique_ptr<registry::Registry> registry_;
};

TEST_P(GeojsonImportTest, SusyImportsWholeAndReimportChangesNothing) {
  FileImportOptions o;
  o.format = "geojson";
  o.source = "susy";
  auto report = ImportFile(*registry_, SusyFile(), o);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  for (const auto& e : report->rejected) {
    ADD_FAILURE() << e.line << " " << e.field << " " << e.message;
  }
  EXPECT_TRUE(report->committed);
  EXPECT_EQ(report->imported, 1794);
  EXPECT_EQ(*db_.store().CountActors(), 1794);
  auto again = ImportFile(*registry_, SusyFile(), o);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->unchanged, 1794);
  EXPECT_EQ(again->updated + again->imported, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, GeojsonImportTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

// --- reading edge cases -------------------------------------------------------------------------

TEST(GeojsonTest, AFileThatIsNoFeatureCollectionIsAClearError) {
  auto bad_json = ReadGeojson("{\"type\": \"FeatureCollection\", \"features\": [", {});
  ASSERT_FALSE(bad_json.ok());
  EXPECT_NE(bad_json.status().message().find("JSON"), std::string::npos);
  EXPECT_NE(bad_json.status().message().find("line 1"), std::string::npos);
  auto array = ReadGeojson("[]", {});
  ASSERT_FALSE(array.ok());
  EXPECT_NE(array.status().message().find("FeatureCollection"), std::string::npos);
  auto feature = ReadGeojson(Feature({{"name", "x"}}).dump(), {});
  ASSERT_FALSE(feature.ok());
  EXPECT_NE(feature.status().message().find("\"Feature\""), std::string::npos);
  auto no_features = ReadGeojson("{\"type\": \"FeatureCollection\"}", {});
  ASSERT_FALSE(no_features.ok());
  EXPECT_NE(no_features.status().message().find("\"features\""), std::string::npos);
  auto bad_utf8 = ReadGeojson(Collection({}).insert(1, "\"x\": \"\xff\", "), {});
  ASSERT_FALSE(bad_utf8.ok());
}

TEST(GeojsonTest, AByteOrderMarkIsSkipped) {
  auto parsed = ReadGeojson("\xEF\xBB\xBF" + Collection({Feature({{"name", "x"}})}), {});
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->rows.size(), 1u);
}

TEST(GeojsonTest, BadFeaturesAreRejectedWithTheirIndexAndField) {
  json line = {{"type", "LineString"}, {"coordinates", {{0, 0}, {1, 1}}}};
  std::string text = Collection({
      Feature({{"name", "Good"}, {"addr:country", "fr"}}),                    // 1
      "a string",                                                             // 2
      Feature({{"name", "Line"}}, line),                                      // 3
      Feature({{"name", "Where"}, {"addr:country", "Atlantis"}}),             // 4
      Feature({{"name", "Far"}}, Point(200, 10)),                             // 5
      Feature({{"description", "no name"}}),                                  // 6
      json{{"type", "Feature"}, {"geometry", nullptr}, {"properties", {1}}},  // 7
      Feature({{"name", {"a", "b"}}}),                                        // 8
      json{{"type", "Point"}, {"coordinates", {0, 0}}},                       // 9
      Feature({{"name", "No place"}}, nullptr),                               // 10
  });
  auto parsed = ReadGeojson(text, {});
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->records, 10);
  ASSERT_EQ(parsed->rows.size(), 2u);
  EXPECT_EQ(parsed->rows[0].line, 1);
  EXPECT_EQ(parsed->rows[0].actor.address.country, "FR");
  EXPECT_EQ(parsed->rows[1].line, 10);
  EXPECT_FALSE(parsed->rows[1].actor.location.has_value());
  std::vector<std::pair<long long, std::string>> got;
  for (const auto& e : parsed->rejected) got.emplace_back(e.line, e.field);
  std::vector<std::pair<long long, std::string>> want = {{2, "feature"},
                                                         {3, "geometry"},
                                                         {4, "properties.addr:country"},
                                                         {5, "geometry.coordinates"},
                                                         {6, "properties.name"},
                                                         {7, "properties"},
                                                         {8, "properties.name"},
                                                         {8, "properties.name"},
                                                         {9, "type"}};
  EXPECT_EQ(got, want);
  EXPECT_NE(parsed->rejected[1].message.find("LineString"), std::string::npos);
  EXPECT_NE(parsed->rejected[2].message.find("'Atlantis'"), std::string::npos);
}

TEST(GeojsonTest, AFeatureWithoutIdGetsAStableIdFromItsNameAndPlace) {
  auto id_of = [](const json& feature) {
    auto parsed = ReadGeojson(Collection({feature}), {});
    EXPECT_TRUE(parsed.ok() && parsed->rows.size() == 1);
    return parsed->rows.at(0).actor.identifiers.at("geojson");
  };
  std::string id = id_of(Feature({{"name", "Repair café"}, {"description", "one"}}));
  EXPECT_TRUE(StartsWith(id, "derived-")) << id;
  EXPECT_EQ(id.size(), 8u + 16u);
  EXPECT_EQ(id_of(Feature({{"name", "Repair café"}, {"description", "two"}})), id);
  EXPECT_NE(id_of(Feature({{"name", "Repair café"}}, Point(2.36, 48.85))), id);
  EXPECT_NE(id_of(Feature({{"name", "Repair cafe"}})), id);
  json with_id = Feature({{"name", "Repair café"}});
  with_id["id"] = 42;
  EXPECT_EQ(id_of(with_id), "42");
}

TEST(GeojsonTest, PropertiesThatDisagreeOrHaveNoFieldAreKept) {
  auto parsed = ReadGeojson(Collection({Feature({{"name", " Café \"Ω\" "},
                                                 {"website", "www.example.coop"},
                                                 {"contact:website", "https://other.example"},
                                                 {"email", "a@example.coop"},
                                                 {"contact:email", "a@example.coop"},
                                                 {"contact:phone", "+33 1"},
                                                 {"phone", "+33 2"},
                                                 {"description", "plain"},
                                                 {"description:fr", "en français"},
                                                 {"description:gr", "ελληνικά"},
                                                 {"description_de", "typo key"},
                                                 {"addr:housenumber", "2b"},
                                                 {"addr:country", "France"},
                                                 {"start_date", "1990s"},
                                                 {"end_date", "2019"},
                                                 {"ref:siret", "123"},
                                                 {"organic", true},
                                                 {"capacity", 12},
                                                 {"tags", {"a", "b"}},
                                                 {"image", nullptr}})}),
                            {});
  ASSERT_TRUE(parsed.ok());
  ASSERT_EQ(parsed->rows.size(), 1u) << parsed->rejected.at(0).message;
  const model::Actor& a = parsed->rows[0].actor;
  EXPECT_EQ(a.name, "Café \"Ω\"");
  EXPECT_EQ(a.website, "http://www.example.coop");
  EXPECT_EQ(a.contacts.at("email"), "a@example.coop");
  EXPECT_EQ(a.contacts.at("phone"), "+33 1");
  EXPECT_EQ(a.description.at("en"), "plain");
  EXPECT_EQ(a.description.at("fr"), "en français");
  EXPECT_EQ(a.description.at("el"), "ελληνικά");
  EXPECT_EQ(a.identifiers.at("siret"), "123");
  EXPECT_EQ(a.founded, "");
  EXPECT_EQ(a.dissolved, "2019");
  const std::map<std::string, std::string> kept = {{"contact:website", "https://other.example"},
                                                   {"phone", "+33 2"},
                                                   {"description_de", "typo key"},
                                                   {"addr:housenumber", "2b"},
                                                   {"start_date", "1990s"},
                                                   {"organic", "true"},
                                                   {"capacity", "12"},
                                                   {"tags", "[\"a\",\"b\"]"},
                                                   {"country_original", "France"}};
  EXPECT_EQ(a.attributes, kept);
}

TEST(GeojsonTest, TheStreetLineFollowsTheCountrysOrder) {
  auto street = [](const char* country) {
    auto parsed = ReadGeojson(Collection({Feature({{"name", "x"},
                                                   {"addr:street", "Main Street"},
                                                   {"addr:housenumber", 10},
                                                   {"addr:country", country}})}),
                              {});
    return parsed.ok() && parsed->rows.size() == 1 ? parsed->rows[0].actor.address.street : "";
  };
  EXPECT_EQ(street("England"), "10 Main Street");
  EXPECT_EQ(street("Deutschland"), "Main Street 10");
}

// --- writing --------------------------------------------------------------------------------

model::Actor FullActor() {
  model::Actor a;
  a.id = "eco-1";
  a.kind = model::ActorKind::kInformalGroup;
  a.name = "Coopérative \"L'Ω\"";
  a.names = {{"en", "Omega co-op"}};
  a.description = {{"fr", "Une coopérative"}, {"en", "A co-op\nsecond line"}};
  a.legal_form = "SCOP";
  a.structures = {"OS115"};
  a.activities = {"ICA140", "ICA210"};
  a.primary_activity = "ICA140";
  a.membership_types = {"BMT20"};
  a.qualifiers = {"QUAL10"};
  a.claims = {"cooperative"};
  a.address = {"1 Stryd Fawr", "Cardiff", "Wales", "CF10 1AA", "GB"};
  a.territory = "GB/wales/cardiff";
  a.location = model::Location{51.48, -3.18, model::LocationPrecision::kApproximate};
  a.website = "https://omega.example";
  a.contacts = {{"email", "hi@omega.example"}, {"website", "odd"}, {"mastodon", "@o@x.y"}};
  a.founded = "2001-02-03";
  a.dissolved = "2020-01-01";
  a.identifiers = {{"test", "T1"}, {"companies-house", "IP123"}};
  a.attributes = {{"website", "clash"},
                  {"addr:housenumber", "7"},
                  {"ecosol:kind", "clash too"},
                  {"sic_code", "10710"},
                  {"country_original", "Cymru"}};
  return a;
}

TEST(GeojsonTest, WrittenActorsReadBackWithEveryDataField) {
  model::Actor a = FullActor();
  model::Actor no_country;
  no_country.name = "Nowhere";
  no_country.identifiers = {{"test", "T2"}};
  no_country.location = model::Location{10, 20, model::LocationPrecision::kExact};
  std::string text = WriteGeojson({a, no_country}, "test");
  GeojsonOptions o;
  o.id_scheme = "test";
  auto parsed = ReadGeojson(text, o);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  for (const auto& e : parsed->rejected) ADD_FAILURE() << e.field << " " << e.message;
  ASSERT_EQ(parsed->rows.size(), 2u);
  model::Actor back = parsed->rows[0].actor;
  back.id = a.id;  // the file carries identifiers, not Ecosol ids
  EXPECT_EQ(back, a);
  EXPECT_EQ(back.attributes, a.attributes);
  EXPECT_EQ(back.location, a.location);
  no_country.kind = model::ActorKind::kOrganisation;
  EXPECT_EQ(parsed->rows[1].actor, no_country);
}

TEST(GeojsonTest, WriterProducesAFeatureCollectionOfPoints) {
  model::Actor hidden = FullActor();
  hidden.location->precision = model::LocationPrecision::kHidden;
  json doc = json::parse(WriteGeojson({FullActor(), hidden}, "test"));
  EXPECT_EQ(doc["type"], "FeatureCollection");
  ASSERT_EQ(doc["features"].size(), 2u);
  const json& f = doc["features"][0];
  EXPECT_EQ(f["type"], "Feature");
  EXPECT_EQ(f["id"], "T1");
  EXPECT_EQ(f["geometry"]["type"], "Point");
  EXPECT_EQ(f["geometry"]["coordinates"], json::array({-3.18, 51.48}));
  EXPECT_EQ(f["properties"]["_id"], "T1");
  EXPECT_EQ(f["properties"]["addr:country"], "GB");
  EXPECT_EQ(f["properties"]["ecosol:location_precision"], "approximate");
  EXPECT_EQ(f["properties"]["ecosol:attribute:website"], "clash");
  EXPECT_EQ(f["properties"]["website"], "https://omega.example");
  EXPECT_TRUE(doc["features"][1]["geometry"].is_null());
}

}  // namespace
}  // namespace ecosol::interop
