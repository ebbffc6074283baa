#include "ecosol/interop/essglobal_rdf.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
// The test target does not get serd's include directory (PkgConfig::SERD is private to the
// library), so serd.h is named by its path under /usr/include.
#include <serd/serd.h>

#include "ecosol/base/clock.h"
#include "ecosol/interop/importer.h"
#include "test_store.h"

namespace ecosol::interop {
namespace {

using model::Actor;

// An actor with every data field filled, with quotes, backslashes, newlines and non-ASCII text.
Actor FullActor() {
  Actor a;
  a.id = "coop-1";
  a.kind = model::ActorKind::kOrganisation;
  a.name = "Coopérative \"La Fourmi\" \\ Montréal";
  a.names = {{"fr", "La Fourmi"}, {"es", "La Hormiga"}, {"ko", "개미 협동조합"}};
  a.description = {{"en", "Line one\nLine two with \"quotes\" and a \\ backslash"},
                   {"fr", "Épicerie coopérative — 100 % locale\r\n\ttabulée"}};
  a.legal_form = "Society";
  a.structures = {"OS130", "OS60"};
  a.activities = {"ICA210", "ICA280"};
  a.primary_activity = "ICA280";
  a.membership_types = {"BMT10"};
  a.qualifiers = {"Fairtrade", "Agroecological"};
  a.claims = {"cooperative", "sse"};
  a.address = {"12 rue de l'Église", "Montréal", "Québec", "H2X 1Y4", "CA"};
  a.territory = "CA/quebec";
  a.location = model::Location{45.508888, -73.561668, model::LocationPrecision::kExact};
  a.website = "https://fourmi.example.coop/à-propos?x=1&y=2";
  a.contacts = {{"email", "info@fourmi.example"},
                {"phone", "+1 514 555 0100"},
                {"twitter", "@fourmi"},
                {"facebook", "https://facebook.com/fourmi"}};
  a.founded = "1998-04-01";
  a.dissolved = "2024";
  a.identifiers = {{"essglobal", "R000123"},
                   {"companies-house", "IP12345R"},
                   {"same-as", "https://w3id.solidarityeconomy.coop/sea-lod/x/R1 https://ex.org/o"},
                   {"local", "x:y/z w#1"}};
  a.attributes = {{"sic_code", "47110"},
                  {"geo_container", "http://data.ordnancesurvey.co.uk/id/postcodeunit/H2X1Y4"},
                  {"sector", "Retail; \"food\"\n"}};
  return a;
}

// A network with an approximate location, an ESSGlobal legal form code and no id yet.
Actor NetworkActor() {
  Actor a;
  a.kind = model::ActorKind::kNetwork;
  a.name = "Réseau des SCIC";
  a.description = {{"en", "A network"}};
  a.legal_form = "L2";
  a.location = model::Location{48.85, 2.35, model::LocationPrecision::kApproximate};
  a.identifiers = {{"essglobal", "N/1 é"}};
  return a;
}

// What reading gives back: ids are the registry's to assign, so none is read.
Actor AsRead(Actor a) {
  a.id.clear();
  return a;
}

void ExpectSameMappedFields(const Actor& want, const Actor& got) {
  EXPECT_EQ(model::ToString(got.kind), model::ToString(want.kind));
  EXPECT_EQ(got.name, want.name);
  EXPECT_EQ(got.names, want.names);
  EXPECT_EQ(got.description, want.description);
  EXPECT_EQ(got.legal_form, want.legal_form);
  EXPECT_EQ(got.structures, want.structures);
  EXPECT_EQ(got.activities, want.activities);
  EXPECT_EQ(got.primary_activity, want.primary_activity);
  EXPECT_EQ(got.membership_types, want.membership_types);
  EXPECT_EQ(got.qualifiers, want.qualifiers);
  EXPECT_EQ(got.claims, want.claims);
  EXPECT_EQ(got.address, want.address);
  EXPECT_EQ(got.territory, want.territory);
  ASSERT_EQ(got.location.has_value(), want.location.has_value());
  if (want.location) {
    EXPECT_EQ(got.location->lat, want.location->lat);
    EXPECT_EQ(got.location->lon, want.location->lon);
    EXPECT_EQ(got.location->precision, want.location->precision);
  }
  EXPECT_EQ(got.website, want.website);
  EXPECT_EQ(got.contacts, want.contacts);
  EXPECT_EQ(got.founded, want.founded);
  EXPECT_EQ(got.dissolved, want.dissolved);
  EXPECT_EQ(got.identifiers, want.identifiers);
  EXPECT_EQ(got.attributes, want.attributes);
  EXPECT_EQ(got.id, want.id);
}

void ExpectRoundTrip(const Result<ParsedRows>& parsed) {
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  for (const auto& e : parsed->rejected) ADD_FAILURE() << e.field << ": " << e.message;
  ASSERT_EQ(parsed->rows.size(), 2u);
  EXPECT_EQ(parsed->records, 2);
  ExpectSameMappedFields(AsRead(FullActor()), parsed->rows[0].actor);
  ExpectSameMappedFields(AsRead(NetworkActor()), parsed->rows[1].actor);
}

TEST(EssglobalRdfTest, FullActorFillsEveryDataField) {
  // If the model grows a field, this fails: map it (docs/formats/essglobal-rdf.md) and fill it.
  EXPECT_EQ(model::FilledDataFields(FullActor()).size(), 20u);
}

TEST(EssglobalRdfTest, TurtleRoundTripKeepsEveryMappedField) {
  std::string ttl = WriteEssglobalTurtle({FullActor(), NetworkActor()}, {});
  ExpectRoundTrip(ReadEssglobalTurtle(ttl, {}));
}

TEST(EssglobalRdfTest, JsonldRoundTripKeepsEveryMappedField) {
  std::string jsonld = WriteEssglobalJsonld({FullActor(), NetworkActor()}, {});
  ExpectRoundTrip(ReadEssglobalJsonld(jsonld, {}));
}

TEST(EssglobalRdfTest, InitiativeIrisAreBasePlusIdOrIdentifier) {
  EssglobalRdfOptions o;
  o.base_uri = "http://127.0.0.1:8080/api/v1/actors/";
  std::string ttl = WriteEssglobalTurtle({FullActor(), NetworkActor()}, o);
  EXPECT_NE(ttl.find("<http://127.0.0.1:8080/api/v1/actors/coop-1>"), std::string::npos) << ttl;
  EXPECT_NE(ttl.find("<http://127.0.0.1:8080/api/v1/actors/N%2F1%20%C3%A9>"), std::string::npos);
  EXPECT_NE(ttl.find("essglobal:SSEInitiative"), std::string::npos);
  EXPECT_NE(
      ttl.find("<https://dev.lod.coop/essglobal/2.1/standard/organisational-structure/OS130>"),
      std::string::npos);
}

TEST(EssglobalRdfTest, HiddenLocationIsWrittenNowhere) {
  Actor a = NetworkActor();
  a.location->precision = model::LocationPrecision::kHidden;
  std::string ttl = WriteEssglobalTurtle({a}, {});
  std::string jsonld = WriteEssglobalJsonld({a}, {});
  EXPECT_EQ(ttl.find("48.85"), std::string::npos) << ttl;
  EXPECT_EQ(jsonld.find("48.85"), std::string::npos) << jsonld;
  auto back = ReadEssglobalTurtle(ttl, {});
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->rows.size(), 1u);
  EXPECT_FALSE(back->rows[0].actor.location.has_value());
}

// Parses with serd directly (not through our reader): the number of statements, or -1 and
// the errors.
long long SerdStatements(const std::string& text, std::string* errors) {
  struct Count {
    long long statements = 0;
    std::string errors;
  } count;
  auto on_statement = [](void* handle, SerdStatementFlags, const SerdNode*, const SerdNode*,
                         const SerdNode*, const SerdNode*, const SerdNode*,
                         const SerdNode*) -> SerdStatus {
    ++static_cast<Count*>(handle)->statements;
    return SERD_SUCCESS;
  };
  auto on_error = [](void* handle, const SerdError* e) -> SerdStatus {
    static_cast<Count*>(handle)->errors +=
        "line " + std::to_string(e->line) + " column " + std::to_string(e->col) + "; ";
    return SERD_SUCCESS;
  };
  SerdReader* reader =
      serd_reader_new(SERD_TURTLE, &count, nullptr, nullptr, nullptr, on_statement, nullptr);
  serd_reader_set_strict(reader, true);
  serd_reader_set_error_sink(reader, on_error, &count);
  SerdStatus st = serd_reader_read_string(reader, reinterpret_cast<const uint8_t*>(text.c_str()));
  serd_reader_free(reader);
  *errors = count.errors;
  return st == SERD_SUCCESS && count.errors.empty() ? count.statements : -1;
}

std::string WriteTemp(const std::string& content, const std::string& extension) {
  static int n = 0;
  auto path = std::filesystem::temp_directory_path() /
              ("ecosol_rdf_" + std::to_string(::getpid()) + "_" + std::to_string(n++) + extension);
  std::ofstream(path, std::ios::binary) << content;
  return path.string();
}

// Runs `command`, returning its exit status and what it printed (stdout and stderr).
int RunCommand(const std::string& command, std::string* output) {
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return -1;
  char buf[512];
  while (std::fgets(buf, sizeof buf, pipe) != nullptr) *output += buf;
  return ::pclose(pipe);
}

TEST(EssglobalRdfTest, TurtleOutputParsesWithSerdAndRapper) {
  std::string ttl = WriteEssglobalTurtle({FullActor(), NetworkActor()}, {});
  std::string errors;
  long long statements = SerdStatements(ttl, &errors);
  ASSERT_GT(statements, 60) << errors << "\n" << ttl;

  // raptor2-utils must be installed: without rapper this test fails.
  std::string path = WriteTemp(ttl, ".ttl");
  std::string output;
  int status = RunCommand("rapper -i turtle -c '" + path + "'", &output);
  std::filesystem::remove(path);
  ASSERT_EQ(status, 0) << "rapper (raptor2-utils) failed or is not installed:\n" << output;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(output, m, std::regex("returned ([0-9]+) triples"))) << output;
  EXPECT_EQ(std::stoll(m[1].str()), statements) << output;
  EXPECT_EQ(output.find("rror"), std::string::npos) << output;
  EXPECT_EQ(output.find("arning"), std::string::npos) << output;
}

TEST(EssglobalRdfTest, WritersEscapeQuotesNewlinesAndKeepUtf8) {
  Actor a = NetworkActor();
  a.name = "\"\"\" opens, ends with a quote\"";
  a.description = {{"en", "back\\slash\\\nCR\r tab\t bell\x07 \"\"\"triple\"\"\" end\\"},
                   {"pt-BR", "ação"}};
  a.address.street = "'single' and \"double\" \u2014 \U0001F41C";
  std::string ttl = WriteEssglobalTurtle({a}, {});
  std::string errors;
  EXPECT_GT(SerdStatements(ttl, &errors), 0) << errors << "\n" << ttl;
  EXPECT_NE(ttl.find("ação\"@pt-BR"), std::string::npos) << ttl;  // UTF-8 kept, not \\u-escaped
  std::string path = WriteTemp(ttl, ".ttl");
  std::string output;
  EXPECT_EQ(RunCommand("rapper -i turtle -c '" + path + "'", &output), 0) << output << ttl;
  std::filesystem::remove(path);
  std::string jsonld = WriteEssglobalJsonld({a}, {});
  EXPECT_TRUE(nlohmann::json::accept(jsonld)) << jsonld;
  EXPECT_NE(jsonld.find("ação"), std::string::npos);
  for (const auto& parsed : {ReadEssglobalTurtle(ttl, {}), ReadEssglobalJsonld(jsonld, {})}) {
    ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
    ASSERT_EQ(parsed->rows.size(), 1u);
    ExpectSameMappedFields(AsRead(a), parsed->rows[0].actor);
  }
}

TEST(EssglobalRdfTest, JsonldOutputIsJsonAndEveryContextTermIsAnIri) {
  std::string jsonld = WriteEssglobalJsonld({FullActor(), NetworkActor()}, {});
  ASSERT_TRUE(nlohmann::json::accept(jsonld));
  auto doc = nlohmann::json::parse(jsonld);
  ASSERT_TRUE(doc["@context"].is_object());
  ASSERT_EQ(doc["@graph"].size(), 2u);
  const auto& ctx = doc["@context"];
  auto expand = [&ctx](const std::string& value) {
    size_t colon = value.find(':');
    if (colon != std::string::npos && ctx.contains(value.substr(0, colon)) &&
        ctx[value.substr(0, colon)].is_string()) {
      return ctx[value.substr(0, colon)].get<std::string>() + value.substr(colon + 1);
    }
    return value;
  };
  std::regex absolute("^https?://[^ ]+[/#]([A-Za-z][-A-Za-z]*)?$");
  int terms = 0;
  for (const auto& [term, def] : ctx.items()) {
    ++terms;
    std::string id = def.is_string() ? def.get<std::string>() : def.value("@id", "");
    EXPECT_TRUE(std::regex_match(expand(id), absolute)) << term << " -> " << expand(id);
    if (def.is_object() && def.contains("@type") && def["@type"] != "@id") {
      EXPECT_TRUE(std::regex_match(expand(def["@type"].get<std::string>()), absolute)) << term;
    }
  }
  EXPECT_GT(terms, 40);
  for (const auto& node : doc["@graph"]) {
    for (const auto& [key, value] : node.items()) {
      EXPECT_TRUE(key[0] == '@' || ctx.contains(key)) << "no context term for " << key;
    }
  }
  EXPECT_EQ(doc["@graph"][0]["@type"], "SSEInitiative");
  EXPECT_EQ(nlohmann::json::parse(EssglobalJsonldContext())["@context"], ctx);
}

TEST(EssglobalRdfTest, JsonldExpandedFormIsRead) {
  const std::string es = "https://w3id.solidarityeconomy.coop/essglobal/V2a/vocab/";
  const std::string st = "https://w3id.solidarityeconomy.coop/essglobal/V2a/standard/";
  nlohmann::json doc = nlohmann::json::array(
      {{{"@id", "https://example.org/sse/42"},
        {"@type", {es + "SSEInitiative"}},
        {"http://purl.org/goodrelations/v1#name", {{{"@value", "Coop 42"}}}},
        {"http://purl.org/dc/terms/description",
         {{{"@value", "Une coopérative"}, {"@language", "fr"}}}},
        {es + "organisationalStructure", {{{"@id", st + "organisational-structure/OS130"}}}},
        {es + "hasAddress", {{{"@id", "_:a"}}}},
        {"http://www.w3.org/2003/01/geo/wgs84_pos#lat", {{{"@value", 43.6}}}},
        {"http://www.w3.org/2003/01/geo/wgs84_pos#long", {{{"@value", "1.44"}}}}},
       {{"@id", "_:a"},
        {"http://www.w3.org/2006/vcard/ns#locality", {{{"@value", "Toulouse"}}}},
        {"http://www.w3.org/2006/vcard/ns#country-name", {{{"@value", "fr"}}}}}});
  auto parsed = ReadEssglobalJsonld(doc.dump(), {});
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  ASSERT_EQ(parsed->rows.size(), 1u);
  const Actor& a = parsed->rows[0].actor;
  EXPECT_EQ(a.name, "Coop 42");
  EXPECT_EQ(a.description.at("fr"), "Une coopérative");
  EXPECT_EQ(a.structures, std::vector<std::string>{"OS130"});
  EXPECT_EQ(a.address.locality, "Toulouse");
  EXPECT_EQ(a.address.country, "FR");
  ASSERT_TRUE(a.location.has_value());
  EXPECT_DOUBLE_EQ(a.location->lat, 43.6);
  EXPECT_DOUBLE_EQ(a.location->lon, 1.44);
  EXPECT_EQ(a.identifiers.at("essglobal"), "42");
}

TEST(EssglobalRdfTest, JsonldRemoteContextAndBadJsonAreRefused) {
  auto remote = ReadEssglobalJsonld(R"({"@context": "https://example.org/ctx.jsonld"})", {});
  ASSERT_FALSE(remote.ok());
  EXPECT_NE(remote.status().message().find("remote"), std::string::npos);
  auto bad = ReadEssglobalJsonld("{\n  \"@graph\": [\n    {\"@id\": }\n  ]\n}", {});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("line 3, column"), std::string::npos)
      << bad.status().message();
}

// A hand-written document in the style of the DigitalCommons / SEA linked open data.
constexpr char kDigitalCommonsTurtle[] =
    R"(@prefix essglobal: <https://w3id.solidarityeconomy.coop/essglobal/V2a/vocab/> .
@prefix standard: <https://w3id.solidarityeconomy.coop/essglobal/V2a/standard/> .
@prefix gr: <http://purl.org/goodrelations/v1#> .
@prefix dc: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
@prefix geo: <http://www.w3.org/2003/01/geo/wgs84_pos#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rov: <http://www.w3.org/ns/regorg#> .
@prefix osspatialrelations: <http://data.ordnancesurvey.co.uk/ontology/spatialrelations/> .
@prefix ospostcode: <http://data.ordnancesurvey.co.uk/id/postcodeunit/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@base <https://w3id.solidarityeconomy.coop/sea-lod/coops-uk/> .

<R006884>
    a essglobal:SSEInitiative ;
    gr:name "Cwm Farm Co-operative Ltd" ;
    dc:description "A community-owned farm shop and café in the valleys." ;
    foaf:homepage <http://www.cwmfarm.example.coop> ;
    essglobal:organisationalStructure <https://w3id.solidarityeconomy.coop/essglobal/V2a/standard/organisational-structure/OS130> ;
    essglobal:primaryActivity <https://w3id.solidarityeconomy.coop/essglobal/V2a/standard/activities-ica/ICA280> ;
    essglobal:economicSector <https://w3id.solidarityeconomy.coop/essglobal/V2a/standard/activities-ica/ICA210> ;
    essglobal:baseMembershipType <https://w3id.solidarityeconomy.coop/essglobal/V2a/standard/base-membership-type/BMT10> ;
    essglobal:legalForm <https://w3id.solidarityeconomy.coop/essglobal/V2a/standard/legal-form/L2> ;
    owl:sameAs <http://data.solidarityeconomy.coop/coops-uk/2017/R006884> ;
    rov:hasRegisteredOrganization <http://business.data.gov.uk/id/company/IP29876R> ;
    essglobal:hasAddress [
        a essglobal:Address ;
        vcard:street-address "Heol y Cwm" ;
        vcard:locality "Maesteg" ;
        vcard:region "Bridgend" ;
        vcard:postal-code "CF34 9YY" ;
        vcard:country-name "UK" ;
        osspatialrelations:within ospostcode:CF349YY
    ] .

ospostcode:CF349YY geo:lat "51.608344"^^xsd:decimal ; geo:long "-3.651532"^^xsd:decimal .

<R012345> a essglobal:SSEInitiative ;
    gr:name "Brixton Solar Energy Co-op"@en ;
    essglobal:qualifier standard:qualifiers\/Fairtrade ;
    geo:lat 51.4613 ;
    geo:long -0.1156 .
)";

TEST(EssglobalRdfTest, DigitalCommonsTurtleIsRead) {
  EssglobalRdfOptions o;
  o.id_scheme = "coops-uk";
  auto parsed = ReadEssglobalTurtle(kDigitalCommonsTurtle, o);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  for (const auto& e : parsed->rejected) ADD_FAILURE() << e.field << ": " << e.message;
  ASSERT_EQ(parsed->rows.size(), 2u);
  const Actor& a = parsed->rows[0].actor;
  EXPECT_EQ(parsed->rows[0].line, 16);
  EXPECT_EQ(a.name, "Cwm Farm Co-operative Ltd");
  EXPECT_EQ(a.description.at("en"), "A community-owned farm shop and café in the valleys.");
  EXPECT_EQ(a.website, "http://www.cwmfarm.example.coop");
  EXPECT_EQ(a.structures, std::vector<std::string>{"OS130"});
  EXPECT_EQ(a.primary_activity, "ICA280");
  EXPECT_EQ(a.activities, std::vector<std::string>{"ICA210"});
  EXPECT_EQ(a.membership_types, std::vector<std::string>{"BMT10"});
  EXPECT_EQ(a.legal_form, "L2");
  EXPECT_EQ(a.identifiers.at("coops-uk"), "R006884");
  EXPECT_EQ(a.identifiers.at("companies-house"), "IP29876R");
  EXPECT_EQ(a.identifiers.at("same-as"),
            "http://data.solidarityeconomy.coop/coops-uk/2017/R006884");
  EXPECT_EQ(a.address, (model::Address{"Heol y Cwm", "Maesteg", "Bridgend", "CF34 9YY", "GB"}));
  EXPECT_EQ(a.attributes.at("geo_container"),
            "http://data.ordnancesurvey.co.uk/id/postcodeunit/CF349YY");
  ASSERT_TRUE(a.location.has_value());
  EXPECT_EQ(a.location->precision, model::LocationPrecision::kApproximate);
  EXPECT_DOUBLE_EQ(a.location->lat, 51.608344);
  EXPECT_DOUBLE_EQ(a.location->lon, -3.651532);

  const Actor& b = parsed->rows[1].actor;
  EXPECT_EQ(parsed->rows[1].line, 39);
  EXPECT_EQ(b.name, "Brixton Solar Energy Co-op");
  EXPECT_EQ(b.qualifiers, std::vector<std::string>{"Fairtrade"});
  ASSERT_TRUE(b.location.has_value());
  EXPECT_EQ(b.location->precision, model::LocationPrecision::kExact);
  EXPECT_DOUBLE_EQ(b.location->lon, -0.1156);
}

TEST(EssglobalRdfTest, SyntaxErrorNamesLineAndColumnAndReadsNothing) {
  std::string ttl = WriteEssglobalTurtle({FullActor()}, {});
  ttl +=
      "<https://ecosol.example/actors/x> a essglobal:SSEInitiative ;\n"
      "    gr:name \"unterminated .\n";
  auto parsed = ReadEssglobalTurtle(ttl, {});
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
  long long last_line = std::count(ttl.begin(), ttl.end(), '\n');
  EXPECT_NE(parsed.status().message().find("line " + std::to_string(last_line) + ", column "),
            std::string::npos)
      << parsed.status().message();

  auto undeclared = ReadEssglobalTurtle("<http://x.org/a> a nope:Thing .\n", {});
  ASSERT_FALSE(undeclared.ok());
  EXPECT_NE(undeclared.status().message().find("nope:Thing"), std::string::npos);
}

TEST(EssglobalRdfTest, NodeWithoutNameIsRejectedWithItsIri) {
  const std::string ttl =
      "@prefix essglobal: <http://purl.org/essglobal/vocab/> .\n"
      "@prefix gr: <http://purl.org/goodrelations/v1#> .\n"
      "<http://x.org/sse/named> a essglobal:SSEInitiative ; gr:name \"Named\" .\n"
      "<http://x.org/sse/nameless> a essglobal:SSEInitiative ;\n"
      "    essglobal:organisationalStructure <http://x.org/activities-ica/ICA10> .\n";
  auto parsed = ReadEssglobalTurtle(ttl, {});
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->records, 2);
  ASSERT_EQ(parsed->rows.size(), 1u);
  EXPECT_EQ(parsed->rows[0].actor.name, "Named");
  ASSERT_EQ(parsed->rejected.size(), 2u);
  for (const auto& e : parsed->rejected) {
    EXPECT_EQ(e.line, 4);
    EXPECT_NE(e.message.find("<http://x.org/sse/nameless>"), std::string::npos) << e.message;
  }
  EXPECT_EQ(parsed->rejected[0].field, "structures");
  EXPECT_NE(parsed->rejected[0].message.find("organisational-structure"), std::string::npos);
  EXPECT_EQ(parsed->rejected[1].field, "name");
}

TEST(EssglobalRdfTest, ActorWithoutIdOrIdentifierIsABlankNodeThatIsNotReadBack) {
  Actor a = NetworkActor();
  a.identifiers.clear();
  for (const auto& parsed : {ReadEssglobalTurtle(WriteEssglobalTurtle({a}, {}), {}),
                             ReadEssglobalJsonld(WriteEssglobalJsonld({a}, {}), {})}) {
    ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
    EXPECT_EQ(parsed->records, 1);
    EXPECT_TRUE(parsed->rows.empty());
    ASSERT_EQ(parsed->rejected.size(), 1u);
    EXPECT_EQ(parsed->rejected[0].field, "identifier");
  }
}

class EssglobalRdfImportTest : public ::testing::Test {
 protected:
  EssglobalRdfImportTest()
      : db_("sqlite"), clock_(std::chrono::sys_days{std::chrono::year{2026} / 11 / 29}) {}
  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    registry_ = std::make_unique<registry::Registry>(db_.store(), clock_);
    ASSERT_TRUE(registry_->LoadTaxonomies(testing::TaxonomyFolder()).ok());
  }
  FileImportOptions Options(const std::string& format) {
    FileImportOptions o;
    o.format = format;
    o.source = "test";
    o.id_scheme = "coops-uk";
    return o;
  }
  testing::TestStore db_;
  FakeClock clock_;
  std::unique_ptr<registry::Registry> registry_;
};

TEST_F(EssglobalRdfImportTest, DigitalCommonsTurtleImportsAndReimportChangesNothing) {
  auto report = ImportText(*registry_, kDigitalCommonsTurtle, "dc.ttl", Options("essglobal-ttl"));
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  for (const auto& e : report->rejected)
    ADD_FAILURE() << e.line << " " << e.field << " " << e.message;
  EXPECT_TRUE(report->committed);
  EXPECT_EQ(report->imported, 2);
  auto again = ImportText(*registry_, kDigitalCommonsTurtle, "dc.ttl", Options("essglobal-ttl"));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->unchanged, 2);
}

TEST_F(EssglobalRdfImportTest, MalformedTurtleChangesNothing) {
  std::string ttl = std::string(kDigitalCommonsTurtle) + "<R9> a essglobal:SSEInitiative ; gr:name";
  auto report = ImportText(*registry_, ttl, "bad.ttl", Options("essglobal-ttl"));
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find("line 44, column"), std::string::npos)
      << report.status().message();
  EXPECT_EQ(*db_.store().CountActors(), 0);
}

// Full actors in, through the registry, out as the public export, and in again: nothing changes.
TEST_F(EssglobalRdfImportTest, ExportReimportsUnchangedInBothFormats) {
  Actor network = NetworkActor();
  network.identifiers = {{"coops-uk", "N1"}};
  Actor full = FullActor();
  full.identifiers["coops-uk"] = "F1";
  std::string ttl = WriteEssglobalTurtle({full, network}, {});
  auto first = ImportText(*registry_, ttl, "full.ttl", Options("essglobal-ttl"));
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  for (const auto& e : first->rejected)
    ADD_FAILURE() << e.line << " " << e.field << " " << e.message;
  ASSERT_TRUE(first->committed);
  for (const std::string format : {"essglobal-ttl", "essglobal-jsonld"}) {
    ExportOptions eo;
    eo.format = format;
    eo.id_scheme = "coops-uk";
    auto exported = ExportActors(*registry_, eo);
    ASSERT_TRUE(exported.ok()) << exported.status().ToString();
    auto again = ImportText(*registry_, *exported, "export", Options(format));
    ASSERT_TRUE(again.ok()) << again.status().ToString();
    for (const auto& e : again->rejected)
      ADD_FAILURE() << e.line << " " << e.field << " " << e.message;
    EXPECT_EQ(again->unchanged, 2) << format << "\n" << *exported;
    EXPECT_EQ(again->imported + again->updated, 0) << format;
  }
}

}  // namespace
}  // namespace ecosol::interop
