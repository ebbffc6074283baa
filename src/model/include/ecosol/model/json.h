#pragma once

// JSON forms of the model types, as documented in docs/http-api.md. Parsing is strict: unknown
// fields, wrong types and bad enum values are errors naming the field, so that a typo in an
// import file or an API call never silently drops data. No exception leaves these functions.

#include <nlohmann/json.hpp>

#include "ecosol/base/status.h"
#include "ecosol/model/actor.h"
#include "ecosol/model/relationship.h"

namespace ecosol::model {

nlohmann::json ActorToJson(const Actor& actor);
// Parses a whole actor. `allow_server_fields` lets "version", "updated_at" and "deleted" through
// (for stored documents); API input leaves it false.
Result<Actor> ActorFromJson(const nlohmann::json& j, bool allow_server_fields = false);
// Applies a partial update (JSON merge-patch semantics on top-level fields: a null clears the
// field) to `actor`.
Status ApplyActorPatch(const nlohmann::json& patch, Actor* actor);

nlohmann::json RelationshipToJson(const Relationship& rel);
Result<Relationship> RelationshipFromJson(const nlohmann::json& j,
                                          bool allow_server_fields = false);
Status ApplyRelationshipPatch(const nlohmann::json& patch, Relationship* rel);

// Parses text as JSON; the error says where ("line 3, column 7: ...").
Result<nlohmann::json> ParseJson(std::string_view text);

}  // namespace ecosol::model
