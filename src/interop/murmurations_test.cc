#include "ecosol/interop/murmurations.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "test_store.h"

namespace ecosol::interop {
namespace {

using Json = nlohmann::json;
using FieldSet = std::set<std::pair<long long, std::string>>;

constexpr const char* kOrgSchema = "organizations_schema-v1.0.0";

std::string Folder() { return testing::SharedDataFolder() + "/murmurations"; }

const MurmurationsSchemas& Schemas() {
  static const std::shared_ptr<const MurmurationsSchemas> schemas = [] {
    auto loaded = MurmurationsSchemas::Load(Folder());
    EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
    return loaded.ok() ? *loaded : nullptr;
  }();
  return *schemas;
}

std::string Example(const std::string& suffix) {
  std::ifstream in(Folder() + "/organizations_schema-v1.0.0-example-import" + suffix + ".csv",
                   std::ios::binary);
  EXPECT_TRUE(in.good()) << Folder();
  return std::string(std::istreambuf_iterator<char>(in), {});
}

FieldSet Fields(const ParsedRows& parsed) {
  FieldSet out;
  for (const auto& e : parsed.rejected) out.insert({e.line, e.field});
  return out;
}

std::set<std::string> Paths(const std::vector<SchemaViolation>& violations) {
  std::set<std::string> out;
  for (const auto& v : violations) out.insert(v.path);
  return out;
}

// Every violation of the profile against the organizations schema and the default schema.
std::vector<SchemaViolation> Violations(const Json& profile) {
  std::vector<SchemaViolation> out;
  for (const std::string& schema : {std::string(kOrgSchema), Schemas().default_schema()}) {
    auto v = Schemas().Validate(profile, schema);
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    if (v.ok()) out.insert(out.end(), v->begin(), v->end());
  }
  return out;
}

std::string Describe(const std::vector<SchemaViolation>& violations) {
  std::string out;
  for (const auto& v : violations) out += v.path + ": " + v.message + "\n";
  return out;
}

// An actor with every field the mapping carries.
model::Actor FullActor() {
  model::Actor a;
  a.id = "full-1";
  a.name = "Coopérative du Quartier";
  a.website = "https://quartier.coop";
  a.description["en"] = "A neighbourhood co-operative, \"quoted\", with a comma";
  a.contacts = {{"email", "hello@quartier.coop"},
                {"phone", "+33 1 23 45 67 89"},
                {"contact_form", "https://quartier.coop/contact"},
                {"facebook", "https://facebook.com/quartier"},
                {"url", "https://blog.quartier.coop"}};
  a.address = {"1 rue de la Paix", "Paris", "Île-de-France", "01234", "FR"};
  a.location = model::Location{48.8566, 2.3522, model::LocationPrecision::kExact};
  a.founded = "2001-03-04";
  a.dissolved = "2020";
  a.identifiers["murmurations"] = "q-1";
  a.attributes = {
      {"nickname", "QdQ"},
      {"mission", "Share tools"},
      {"status", "on_hold"},
      {"full_address", "1 rue de la Paix, 75002 Paris, France"},
      {"image", "https://quartier.coop/logo.png"},
      {"header_image", "https://quartier.coop/header.png"},
      {"rss", "https://quartier.coop/feed"},
      {"geographic_scope", "local"},
      {"unique_id", "QDQ-0001"},
      {"tags", "tools; sharing, lending; 42"},
      {"images", R"([{"name":"Shop","url":"https://quartier.coop/shop.jpg"}])"},
      {"relationships",
       R"([{"object_url":"https://ripess.eu","predicate_url":"https://schema.org/memberOf"}])"}};
  return a;
}

std::filesystem::path TempFolder() {
  static int n = 0;
  auto path = std::filesystem::temp_directory_path() /
              ("ecosol_murm_" + std::to_string(::getpid()) + "_" + std::to_string(n++));
  std::filesystem::create_directories(path / "schemas");
  std::filesystem::create_directories(path / "fields");
  return path;
}

void Write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

TEST(MurmurationsSchemasTest, LoadsTheLibraryFolder) {
  std::vector<std::string> names = Schemas().Names();
  EXPECT_EQ(names, (std::vector<std::string>{"default-v2.1.0", "offers_wants_schema-v0.1.0",
                                             kOrgSchema, "people_schema-v0.1.0"}));
  EXPECT_EQ(Schemas().default_schema(), "default-v2.1.0");
  EXPECT_EQ(Schemas().TypeAt(kOrgSchema, {"geolocation", "lat"}), "number");
  EXPECT_EQ(Schemas().TypeAt(kOrgSchema, {"starts_at"}), "number");
  EXPECT_EQ(Schemas().TypeAt(kOrgSchema, {"tags"}), "array");
  EXPECT_EQ(Schemas().TypeAt(kOrgSchema, {"tags", "[]"}), "string");
  EXPECT_EQ(Schemas().TypeAt(kOrgSchema, {"urls", "[]", "url"}), "string");
  EXPECT_EQ(Schemas().TypeAt(kOrgSchema, {"postal_code"}), "");
}

TEST(MurmurationsSchemasTest, MissingFolderSaysWhatToGive) {
  auto loaded = MurmurationsSchemas::Load("/nonexistent/murmurations");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), StatusCode::kNotFound);
  EXPECT_NE(loaded.status().message().find("/nonexistent/murmurations"), std::string::npos);
  EXPECT_NE(loaded.status().message().find("schemas/ and fields/"), std::string::npos);
}

TEST(MurmurationsSchemasTest, BrokenSchemaFolderNamesTheFile) {
  auto dir = TempFolder();
  Write(dir / "schemas" / "mine-v1.0.0.json",
        R"({"type": "object", "properties": {"x": {"$ref": "../fields/absent.json"}}})");
  auto loaded = MurmurationsSchemas::Load(dir);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("mine-v1.0.0.json"), std::string::npos);
  EXPECT_NE(loaded.status().message().find("absent.json"), std::string::npos);

  Write(dir / "schemas" / "mine-v1.0.0.json", R"({"type": "object", )");
  loaded = MurmurationsSchemas::Load(dir);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("not valid JSON"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(MurmurationsSchemasTest, ValidateGivesEveryViolationWithItsPath) {
  Json profile = {{"linked_schemas", {kOrgSchema}},
                  {"name", "X"},
                  {"primary_url", "ftp://x.org"},
                  {"status", "dead"},
                  {"geolocation", {{"lat", 100}, {"lon", 0}}},
                  {"urls", {{{"name", "a"}, {"url", "https://a.org"}}, {{"url", "nope"}}}},
                  {"tags", {"a", "a"}}};
  auto v = Schemas().Validate(profile, kOrgSchema);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(Paths(*v), (std::set<std::string>{"primary_url", "status", "geolocation.lat",
                                              "urls[1].url", "tags"}))
      << Describe(*v);
  const std::map<std::string, std::string> expected = {
      {"primary_url", "'ftp://x.org' does not match the pattern ^https?://.*"},
      {"status", "'dead' is not one of active, completed, cancelled, on_hold, in_planning"},
      {"geolocation.lat", "100 Expected number less than or equal to 90"},
      {"urls[1].url", "'nope' does not match the pattern ^https?://.*"}};
  for (const auto& violation : *v) {
    auto it = expected.find(violation.path);
    EXPECT_EQ(violation.message, it == expected.end() ? violation.message : it->second);
  }
  v = Schemas().Validate(Json{{"tags", {"a"}}}, kOrgSchema);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(Paths(*v), (std::set<std::string>{"name", "linked_schemas"})) << Describe(*v);
}

// std::regex overflows the stack on long strings: patterns never see them.
TEST(MurmurationsSchemasTest, LongValuesAreReportedWithoutCrashing) {
  Json profile = {{"linked_schemas", {kOrgSchema}},
                  {"name", "x"},
                  {"primary_url", "https://" + std::string(1000000, 'a')},
                  {"description", std::string(1000000, 'b')},
                  {std::string(3000, 'k'), 1}};
  auto v = Schemas().Validate(profile, Schemas().default_schema());
  ASSERT_TRUE(v.ok());
  ASSERT_EQ(v->size(), 2u) << Describe(*v);
  EXPECT_EQ((*v)[0].path, "");
  EXPECT_NE((*v)[0].message.find("property name 3000 bytes long"), std::string::npos);
  EXPECT_EQ((*v)[1].path, "primary_url");
  EXPECT_NE((*v)[1].message.find("1000008 bytes long"), std::string::npos);
  v = Schemas().Validate(profile, kOrgSchema);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(Paths(*v), (std::set<std::string>{"", "primary_url"})) << Describe(*v);
}

TEST(MurmurationsSchemasTest, UnknownSchemaListsTheKnownOnes) {
  auto v = Schemas().Validate(Json::object(), "organisations_schema-v9");
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(v.status().message().find("organisations_schema-v9"), std::string::npos);
  EXPECT_NE(v.status().message().find(kOrgSchema), std::string::npos);
  MurmurationsOptions o;
  o.schema = "organisations_schema-v9";
  auto parsed = ReadMurmurationsCsv(Example(""), Schemas(), o);
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.status().message().find("organisations_schema-v9"), std::string::npos);
  EXPECT_FALSE(ReadMurmurationsProfiles("{}", Schemas(), o).ok());
}

TEST(MurmurationsCsvTest, ReadsTheValidExample) {
  auto parsed = ReadMurmurationsCsv(Example(""), Schemas(), {});
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  for (const auto& e : parsed->rejected)
    ADD_FAILURE() << e.line << " " << e.field << " " << e.message;
  EXPECT_EQ(parsed->records, 1);
  ASSERT_EQ(parsed->rows.size(), 1u);
  EXPECT_EQ(parsed->rows[0].line, 2);
  const model::Actor& a = parsed->rows[0].actor;
  EXPECT_EQ(a.identifiers.at("murmurations"), "1");
  EXPECT_EQ(a.name, "Example Company");
  EXPECT_EQ(a.website, "https://example.com");
  EXPECT_EQ(a.description.at("en"), "This is an example Organisation");
  EXPECT_EQ(a.attributes.at("nickname"), "eg");
  EXPECT_EQ(a.attributes.at("mission"), "Our mission is to do X");
  EXPECT_EQ(a.attributes.at("status"), "active");
  EXPECT_EQ(a.attributes.at("tags"), "School; College; University; Private limited company; Co-op");
  EXPECT_EQ(a.contacts.at("facebook"), "https://facebook.com/example");
  EXPECT_EQ(a.contacts.at("instagram"), "https://instagram.com/example");
  EXPECT_EQ(a.contacts.at("phone"), "001 310 276 2251");
  EXPECT_EQ(a.address.country, "US");
  EXPECT_EQ(a.attributes.at("full_address"), "1 The street, The Village, The Town, Country 90210");
  ASSERT_TRUE(a.location.has_value());
  EXPECT_DOUBLE_EQ(a.location->lat, 34.068321);
  EXPECT_DOUBLE_EQ(a.location->lon, -118.406967);
  EXPECT_EQ(a.founded, "2022-05-06");
  EXPECT_EQ(a.dissolved, "2029-12-13");
  EXPECT_EQ(a.attributes.at("geographic_scope"), "international");
  EXPECT_EQ(a.attributes.at("rss"), "https://example.com/rss");
  auto relationships = Json::parse(a.attributes.at("relationships"));
  ASSERT_EQ(relationships.size(), 2u);
  EXPECT_EQ(relationships[1]["object_url"], "https://murmurations.network/");
  EXPECT_EQ(Json::parse(a.attributes.at("images"))[0]["name"], "Our office in Beverly Hills");
}

TEST(MurmurationsCsvTest, ExampleWithErrorsNamesEveryBadRowAndColumn) {
  auto parsed = ReadMurmurationsCsv(Example("-with-errors"), Schemas(), {});
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->records, 2);
  EXPECT_TRUE(parsed->rows.empty());
  // Line 2: "htttps://" in primary_url. Line 3: a longitude of -999, and the oid of line 2.
  EXPECT_EQ(Fields(*parsed), (FieldSet{{2, "primary_url"}, {3, "oid"}, {3, "geolocation.lon"}}));
  ASSERT_EQ(parsed->rejected.size(), 3u);
  EXPECT_EQ(parsed->rejected[0].message,
            "'htttps://example.com' does not match the pattern ^https?://.*");
  EXPECT_EQ(parsed->rejected[1].field, "oid");  // a row's problems come in column order
  EXPECT_NE(parsed->rejected[1].message.find("line 2"), std::string::npos);
  EXPECT_EQ(parsed->rejected[2].message, "-999 Expected number greater than or equal to -180");
}

TEST(MurmurationsCsvTest, MalformedRowsAreRejectedByLine) {
  std::string csv =
      "oid,name,geolocation.lat,geolocation.lon\n"
      "a,Good,1.5,2\n"
      "b,Too few\n"
      "c,\"Bad \"quote,1,2\n"
      "d,Bad\xff,1,2\n"
      "e,Half,1,\n"
      "f,Words,north,2\n";
  auto parsed = ReadMurmurationsCsv(csv, Schemas(), {});
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->records, 6);
  ASSERT_EQ(parsed->rows.size(), 1u);
  EXPECT_EQ(parsed->rows[0].actor.location->lat, 1.5);
  EXPECT_EQ(
      Fields(*parsed),
      (FieldSet{{3, ""}, {4, ""}, {5, "name"}, {6, "geolocation.lon"}, {7, "geolocation.lat"}}));
  const std::map<long long, std::string> expected = {
      {3, "column count"}, {4, "quot"}, {5, "UTF-8"}, {6, "is required"}, {7, "'north'"}};
  for (const auto& e : parsed->rejected) {
    EXPECT_NE(e.message.find(expected.at(e.line)), std::string::npos) << e.message;
  }
}

TEST(MurmurationsCsvTest, BadHeadersAreRefusedWithTheColumn) {
  const std::pair<const char*, const char*> cases[] = {
      {"", "empty"},
      {"name,oid\nx,1\n", "first column must be oid"},
      {"oid,tags[x]\n1,a\n", "'tags[x]' is not a field path"},
      {"oid,urls[0]..url\n1,a\n", "column 2"},
      {"oid,tags,tags[0]\n1,a,b\n", "'tags' and 'tags[0]'"},
      {"oid,urls[0].url,urls[0]\n1,a,b\n", "disagree"},
      {"oid,name,name\n1,a,b\n", "'name' repeats"},
  };
  for (const auto& [csv, expected] : cases) {
    auto parsed = ReadMurmurationsCsv(csv, Schemas(), {});
    ASSERT_FALSE(parsed.ok()) << csv;
    EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(parsed.status().message().find(expected), std::string::npos)
        << csv << " -> " << parsed.status().message();
  }
}

TEST(MurmurationsCsvTest, PathsNestAndGapsCloseUp) {
  std::string csv =
      "oid,name,urls[0].name,urls[0].url,urls[1].name,urls[1].url,tags(list-1),tags(list-0),"
      "tags[0],postal_code,starts_at\n"
      "1,A,,,Blog,https://blog.a.org,\"x,y\\,z\",w,v,01234,1672531200\n"
      "2,B,,,Blog,not a url,,,,,\n";
  auto parsed = ReadMurmurationsCsv(csv, Schemas(), {});
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  ASSERT_EQ(parsed->rows.size(), 1u);
  const model::Actor& a = parsed->rows[0].actor;
  EXPECT_EQ(a.contacts.at("blog"), "https://blog.a.org");
  EXPECT_EQ(a.attributes.at("tags"), "w; x; y,z; v");
  EXPECT_EQ(a.address.postcode, "01234");  // not a number: the schema does not say so
  EXPECT_EQ(a.founded, "2023");            // 1 January at midnight stands for a bare year
  // The second row's only URL sits in urls[0] of the profile, but the error names the column.
  EXPECT_EQ(Fields(*parsed), (FieldSet{{3, "urls[1].url"}}));
}

TEST(MurmurationsCsvTest, CountryNamesAreNormalised) {
  std::string csv =
      "oid,name,country_name,country_iso_3166\n"
      "1,A,USA,\n"
      "2,B,Österreich,\n"
      "3,C,Atlantis,\n"
      "4,D,France,DE\n";
  auto parsed = ReadMurmurationsCsv(csv, Schemas(), {});
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  ASSERT_EQ(parsed->rows.size(), 4u);
  EXPECT_EQ(parsed->rows[0].actor.address.country, "US");
  EXPECT_EQ(parsed->rows[1].actor.address.country, "AT");
  EXPECT_EQ(parsed->rows[2].actor.address.country, "");
  EXPECT_EQ(parsed->rows[2].actor.attributes.at("country_name"), "Atlantis");
  EXPECT_EQ(parsed->rows[3].actor.address.country, "DE");  // the code wins over the name
}

TEST(MurmurationsCsvTest, WriteThenReadGivesTheSameActors) {
  auto first = ReadMurmurationsCsv(Example(""), Schemas(), {});
  ASSERT_TRUE(first.ok());
  std::vector<model::Actor> actors;
  for (const auto& row : first->rows) actors.push_back(row.actor);
  actors.push_back(FullActor());
  std::string csv = WriteMurmurationsCsv(actors);
  auto again = ReadMurmurationsCsv(csv, Schemas(), {});
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  for (const auto& e : again->rejected)
    ADD_FAILURE() << e.line << " " << e.field << " " << e.message;
  ASSERT_EQ(again->rows.size(), actors.size()) << csv;
  model::Actor expected = FullActor();
  expected.id.clear();  // the id is the registry's; the oid comes back as the identifier
  EXPECT_EQ(again->rows[0].actor, actors[0]);
  EXPECT_EQ(again->rows[1].actor, expected) << csv;
  EXPECT_EQ(csv.substr(0, csv.find('\n')).find("oid,name,nickname,primary_url,tags[0]"), 0u);
}

TEST(MurmurationsProfileTest, EveryExampleActorAndAFullOneAreValid) {
  auto parsed = ReadMurmurationsCsv(Example(""), Schemas(), {});
  ASSERT_TRUE(parsed.ok());
  std::vector<model::Actor> actors;
  for (const auto& row : parsed->rows) actors.push_back(row.actor);
  actors.push_back(FullActor());
  ASSERT_EQ(actors.size(), 2u);
  for (const model::Actor& a : actors) {
    Json profile = MurmurationsProfile(a, "https://ecosol.example/");
    auto violations = Violations(profile);
    EXPECT_TRUE(violations.empty()) << profile.dump(2) << "\n" << Describe(violations);
    EXPECT_EQ(profile["linked_schemas"], Json::array({kOrgSchema}));
  }
  Json full = MurmurationsProfile(FullActor(), "https://ecosol.example/");
  EXPECT_EQ(full["profile_url"], "https://ecosol.example/murmurations/full-1.json");
  EXPECT_EQ(full["starts_at"], 983664000);  // 2001-03-04T00:00:00Z
  EXPECT_EQ(full["ends_at"], 1577836800);   // 2020-01-01T00:00:00Z
  EXPECT_EQ(full["geolocation"]["lat"], 48.8566);
  EXPECT_EQ(full["contact_details"]["contact_form"], "https://quartier.coop/contact");
  EXPECT_EQ(full["tags"], Json({"tools", "sharing, lending", "42"}));
}

TEST(MurmurationsProfileTest, OnlyPublishableValuesGoOut) {
  model::Actor a;
  a.id = "x";
  a.name = std::string(150, 'a');
  for (int i = 0; i < 100; ++i) a.name += "é";  // 250 characters, 350 bytes
  a.website = "www.no-scheme.org";
  a.location = model::Location{48.85661, 2.35222, model::LocationPrecision::kApproximate};
  a.attributes = {{"status", "Live"}, {"geographic_scope", "galactic"}, {"images", "not json"}};
  a.contacts = {{"twitter", "@x"}};
  Json profile = MurmurationsProfile(a, "https://e.org");
  EXPECT_TRUE(Violations(profile).empty()) << profile.dump(2);
  EXPECT_EQ(profile["name"].get<std::string>().size(), 150u + 100u);  // 200 characters
  EXPECT_FALSE(profile.contains("primary_url"));
  EXPECT_FALSE(profile.contains("status"));
  EXPECT_FALSE(profile.contains("geographic_scope"));
  EXPECT_FALSE(profile.contains("images"));
  EXPECT_FALSE(profile.contains("urls"));
  EXPECT_EQ(profile["geolocation"]["lat"], 48.86);  // approximate: rounded as in listings
  a.location->precision = model::LocationPrecision::kHidden;
  EXPECT_FALSE(MurmurationsProfile(a, "https://e.org").contains("geolocation"));
}

TEST(MurmurationsProfilesTest, ReadsProfilesAndRejectsByPosition) {
  Json full = MurmurationsProfile(FullActor(), "https://ecosol.example");
  Json other = {{"linked_schemas", {"people_schema-v0.1.0"}}, {"name", "P"}, {"oid", "p"}};
  Json bad = {{"linked_schemas", {kOrgSchema}}, {"name", "B"}, {"primary_url", "b.org"}};
  Json anonymous = {{"linked_schemas", {kOrgSchema}}, {"name", "N"}};
  Json array = Json::array({full, 7, other, bad, anonymous});
  auto parsed = ReadMurmurationsProfiles(array.dump(), Schemas(), {});
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->records, 5);
  ASSERT_EQ(parsed->rows.size(), 1u);
  model::Actor expected = FullActor();
  expected.id.clear();
  expected.identifiers["murmurations"] = "full-1";  // the profile's oid is the actor id
  EXPECT_EQ(parsed->rows[0].actor, expected);
  EXPECT_EQ(Fields(*parsed),
            (FieldSet{{2, ""}, {3, "linked_schemas"}, {4, "primary_url"}, {5, "oid"}}));

  auto single = ReadMurmurationsProfiles(full.dump(), Schemas(), {});
  ASSERT_TRUE(single.ok());
  EXPECT_EQ(single->rows.size(), 1u);
  auto broken = ReadMurmurationsProfiles("{\"name\": ", Schemas(), {});
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.status().message().find("not valid JSON"), std::string::npos);
  auto deep =
      ReadMurmurationsProfiles(std::string(100000, '[') + std::string(100000, ']'), Schemas(), {});
  ASSERT_FALSE(deep.ok());
  EXPECT_NE(deep.status().message().find("deeper than 32"), std::string::npos);
}

}  // namespace
}  // namespace ecosol::interop
