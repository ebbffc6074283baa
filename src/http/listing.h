#pragma once

// Private to the http module: how listings of actors are written (GET /api/v1/actors), shared
// by the handler and the box index so that both give the same bytes.

#include <nlohmann/json.hpp>
#include <string>

#include "ecosol/model/actor.h"

namespace ecosol::http {

// The summary of an actor in a listing (the caller applies registry::PublicView first).
nlohmann::json ActorSummary(const model::Actor& actor);

// A response body: compact, UTF-8 kept as is, invalid UTF-8 replaced.
std::string DumpBody(const nlohmann::json& body);

}  // namespace ecosol::http
