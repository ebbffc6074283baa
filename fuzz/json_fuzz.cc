// libFuzzer target for the JSON request parser: the bytes of an HTTP request body go through
// model::ParseJson and then the actor and relationship codecs, as in the API's handlers.
//
// Besides crashes, hangs and sanitizer reports, it checks the codecs' contract: no exception
// leaves them (json.h), and what they accept survives a round trip through its JSON text.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ecosol/model/json.h"

namespace {

using nlohmann::json;

[[noreturn]] void Fail(const char* what) {
  std::fprintf(stderr, "json_fuzz: %s\n", what);
  std::abort();
}

// An accepted actor, written and parsed again, reads back the same.
void CheckActorRoundTrip(const ecosol::model::Actor& actor) {
  const std::string text = ecosol::model::ActorToJson(actor).dump();
  auto again = ecosol::model::ParseJson(text);
  if (!again.ok()) Fail("ActorToJson wrote JSON that ParseJson refuses");
  auto back = ecosol::model::ActorFromJson(*again, /*allow_server_fields=*/true);
  if (!back.ok()) Fail("ActorFromJson refuses what ActorToJson wrote");
  if (!(*back == actor)) Fail("an actor changed in a JSON round trip");
}

void CheckRelationshipRoundTrip(const ecosol::model::Relationship& rel) {
  const std::string text = ecosol::model::RelationshipToJson(rel).dump();
  auto again = ecosol::model::ParseJson(text);
  if (!again.ok()) Fail("RelationshipToJson wrote JSON that ParseJson refuses");
  auto back = ecosol::model::RelationshipFromJson(*again, /*allow_server_fields=*/true);
  if (!back.ok()) Fail("RelationshipFromJson refuses what RelationshipToJson wrote");
  if (!(*back == rel)) Fail("a relationship changed in a JSON round trip");
}

void FuzzActor(const json& j) {
  for (bool server_fields : {false, true}) {
    auto actor = ecosol::model::ActorFromJson(j, server_fields);
    if (actor.ok()) CheckActorRoundTrip(*actor);
  }
  // A patch (PATCH /api/v1/actors/{id}) on an actor that already holds data.
  ecosol::model::Actor actor;
  actor.id = "fuzz-1";
  actor.name = "Fuzz co-operative";
  actor.activities = {"ICA140"};
  if (ecosol::model::ApplyActorPatch(j, &actor).ok()) CheckActorRoundTrip(actor);
}

void FuzzRelationship(const json& j) {
  for (bool server_fields : {false, true}) {
    auto rel = ecosol::model::RelationshipFromJson(j, server_fields);
    if (rel.ok()) CheckRelationshipRoundTrip(*rel);
  }
  ecosol::model::Relationship rel;
  rel.id = "fuzz-r1";
  rel.from = "fuzz-1";
  rel.to = "fuzz-2";
  if (ecosol::model::ApplyRelationshipPatch(j, &rel).ok()) CheckRelationshipRoundTrip(rel);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto j = ecosol::model::ParseJson(text);
  if (!j.ok()) return 0;
  FuzzActor(*j);
  FuzzRelationship(*j);
  // Seed files hold {"actors": [...], "relationships": [...]} (interop's JSON import).
  if (j->is_object()) {
    for (const char* key : {"actors", "relationships"}) {
      auto it = j->find(key);
      if (it == j->end() || !it->is_array()) continue;
      for (const json& item : *it) {
        if (key[0] == 'a') {
          FuzzActor(item);
        } else {
          FuzzRelationship(item);
        }
      }
    }
  }
  return 0;
}
