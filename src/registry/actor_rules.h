#pragma once

// Private to the registry module: small rules about actor records shared by the single-record
// service (registry.cc) and bulk import (import.cc).

#include <algorithm>
#include <string_view>

#include "ecosol/model/actor.h"
#include "ecosol/model/relationship.h"
#include "ecosol/registry/taxonomy.h"

namespace ecosol::registry {

// Fields of the actor JSON that carry data (everything but bookkeeping).
inline bool IsDataField(std::string_view f) {
  return f != "id" && f != "provenance" && f != "version" && f != "updated_at" && f != "deleted";
}

// The primary activity is always one of the activities (listed first when it was missing).
inline void AddPrimaryToActivities(model::Actor* a) {
  if (!a->primary_activity.empty() && std::find(a->activities.begin(), a->activities.end(),
                                                a->primary_activity) == a->activities.end()) {
    a->activities.insert(a->activities.begin(), a->primary_activity);
  }
}

// Sets actor->territory from its address (unless it has a territory of its own that is not an
// ancestor of its address's) and returns the chain of territories from its country down. Pure:
// safe on any thread.
std::vector<model::Territory> PlaceActor(model::Actor* actor, const Taxonomy& taxonomy);
// The part of that chain recorded as territory rows, which anyone may list: none for an actor
// that is not public, the country alone when its address is restricted.
std::vector<model::Territory> PublicChain(const model::Actor& actor,
                                          std::vector<model::Territory> chain);

}  // namespace ecosol::registry
