#include "listing.h"

namespace ecosol::http {

using nlohmann::json;

namespace {

json LocationJson(const model::Actor& a) {
  if (!a.location) return nullptr;
  return {{"lat", a.location->lat},
          {"lon", a.location->lon},
          {"precision", model::ToString(a.location->precision)}};
}

}  // namespace

json ActorSummary(const model::Actor& a) {
  return {
      {"id", a.id},
      {"kind", model::ToString(a.kind)},
      {"name", a.name},
      {"primary_activity", a.primary_activity.empty() ? json(nullptr) : json(a.primary_activity)},
      {"structures", a.structures},
      {"country", a.address.country},
      {"locality", a.address.locality},
      {"location", LocationJson(a)}};
}

std::string DumpBody(const json& body) {
  return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace ecosol::http
