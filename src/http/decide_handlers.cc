// Democratic decisions (docs/participation.md; docs/http-api.md):
//   POST /api/v1/decide/tally   the tally of the body (tally.h's JSON form), open to anyone: it
//                               reads and writes nothing stored.

#include "api.h"
#include "ecosol/participation/tally.h"

namespace ecosol::http {
namespace {

void PostTally(const httplib::Request& req, httplib::Response& res) {
  Status p = CheckParams(req, {});
  if (!p.ok()) return SendError(res, p);
  auto body = JsonBody(req);
  if (!body.ok()) return SendError(res, body.status());
  auto input = participation::ParseTallyInput(*body);
  if (!input.ok()) return SendError(res, input.status());
  auto result = participation::Tally(*input);
  if (!result.ok()) return SendError(res, result.status());
  SendJson(res, 200, *result);
}

}  // namespace

void AddDecideRoutes(Router& router, ApiContext&) {
  router.Add("POST", "/api/v1/decide/tally", PostTally);
}

}  // namespace ecosol::http
