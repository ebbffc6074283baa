#include "actor_doc.h"

#include <gtest/gtest.h>

#include "ecosol/model/json.h"
#include "ecosol/store/accounts.h"
#include "ecosol/store/store.h"

namespace ecosol::store {
namespace {

using model::Actor;

Actor FullActor() {
  Actor a;
  a.id = "cuk-1";
  a.kind = model::ActorKind::kNetwork;
  a.name = "Quote \" backslash \\ tab\t newline\n control \x01 accents é ü 中文";
  a.names = {{"fr", "Coopérative"}, {"es", "Cooperativa"}};
  a.description = {{"en", "line one\nline two"}};
  a.legal_form = "Society";
  a.structures = {"OS130", "OS20"};
  a.activities = {"ICA280"};
  a.primary_activity = "ICA280";
  a.membership_types = {"BMT20"};
  a.qualifiers = {"QF10"};
  a.claims = {"cooperative"};
  a.address = {"1 Street\nBuilding", "Leeds", "West Yorkshire", "LS1 1AA", "GB"};
  a.territory = "GB/west-yorkshire/leeds";
  a.location = model::Location{53.799722, -1.549167, model::LocationPrecision::kApproximate};
  a.website = "https://example.coop/";
  a.contacts = {{"email", "a@example.coop"}};
  a.founded = "1844-12-21";
  a.dissolved = "2020-01-01";
  a.identifiers = {{"coops-uk", "R000001"}};
  a.attributes = {{"sic_code", "93200"}};
  a.provenance = {{"name", {"coops-uk", "2026-11-28", "import"}},
                  {"address", {"coops-uk", "2026-11-28", "import"}},
                  {"website", {"api", "2026-11-29", "api"}}};
  a.version = 7;
  a.updated_at = "2026-11-29T10:00:00Z";
  a.deleted = true;
  return a;
}

TEST(ActorDocTest, RoundTripsEveryField) {
  Actor a = FullActor();
  std::string doc = ActorToStoredDoc(a);
  auto back = ActorFromStoredDoc(doc);
  ASSERT_TRUE(back.ok()) << back.status().ToString() << "\n" << doc;
  EXPECT_EQ(*back, a);
  // Valid JSON by nlohmann's reading too, with provenance grouped by source, date and method.
  auto j = model::ParseJson(doc);
  ASSERT_TRUE(j.ok());
  ASSERT_TRUE((*j)["provenance"].is_array());
  EXPECT_EQ((*j)["provenance"].size(), 2u);
}

TEST(ActorDocTest, LeavesEmptyFieldsOutAndReadsThemBackEmpty) {
  Actor a;
  a.id = "x";
  a.name = "X";
  a.version = 1;
  std::string doc = ActorToStoredDoc(a);
  EXPECT_EQ(doc, R"({"id":"x","kind":"organisation","name":"X","version":1})");
  auto back = ActorFromStoredDoc(doc);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, a);
}

TEST(ActorDocTest, CoordinatesReadBackExactly) {
  Actor a = FullActor();
  for (double v : {0.1, -179.999999, 1e-7, 51.50735112345678, 0.0}) {
    a.location = model::Location{v, -v, model::LocationPrecision::kExact};
    auto back = ActorFromStoredDoc(ActorToStoredDoc(a));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->location->lat, v);
    EXPECT_EQ(back->location->lon, -v);
  }
}

// Documents written before the compact form (the API's JSON form, provenance per field) are
// still read.
TEST(ActorDocTest, ReadsTheEarlierDocumentForm) {
  Actor a = FullActor();
  auto back = ActorFromStoredDoc(model::ActorToJson(a).dump());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, a);
}

TEST(ActorDocTest, CorruptDocumentIsAnInternalError) {
  EXPECT_EQ(ActorFromStoredDoc("{").status().code(), StatusCode::kInternal);
  EXPECT_EQ(ActorFromStoredDoc(R"({"provenance":[{"source":"x"}]})").status().code(),
            StatusCode::kInternal);
}

TEST(ActorDocTest, EncodeActorLeavesDeletedActorsOutOfSearch) {
  Actor a = FullActor();
  EncodedActor deleted = EncodeActor(a);
  EXPECT_TRUE(deleted.name_forms.empty());
  EXPECT_TRUE(deleted.body_forms.empty());
  a.deleted = false;
  EncodedActor live = EncodeActor(a);
  EXPECT_NE(live.name_forms.find("cooperative"), std::string::npos);
  EXPECT_NE(live.body_forms.find("leeds"), std::string::npos);
  EXPECT_EQ(live.actor, a);
}

// An import hashes each document it creates for the audit log (store::Sha256Hex, by OpenSSL):
// the FIPS 180-2 examples, one and several blocks, and an empty input.
TEST(ActorDocTest, DocumentHashesAreStandardSha256) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(Sha256Hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

}  // namespace
}  // namespace ecosol::store
