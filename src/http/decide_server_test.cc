// /api/v1/decide/tally: the tally of the body for anyone, clear errors for bad input.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_server.h"
#include "test_store.h"

namespace ecosol::http {
namespace {

using nlohmann::json;

TEST(DecideServerTest, TallyOfTheBody) {
  testing::TestStore db("sqlite");
  ASSERT_TRUE(db.ok()) << db.error();
  auto server = testing::TestServer::Start(testing::TestServerOptions(db.url(), "decide-admin"));
  ASSERT_TRUE(server.ok()) << server.status().ToString();
  // Approval: B is approved by 3 ballots, A by 2.
  json in = {
      {"method", "approval"},
      {"options", {"A", "B"}},
      {"ballots",
       {{{"approve", {"A", "B"}}}, {{"approve", {"B"}}, {"count", 2}}, {{"approve", {"A"}}}}}};
  auto [status, out] = (*server)->Post("/api/v1/decide/tally", in);
  ASSERT_EQ(status, 200) << out.dump();
  EXPECT_EQ(out["winners"], json::array({"B"}));
  EXPECT_EQ(out["decided"], true);
  EXPECT_EQ(out["ballots"]["cast"], 4);

  in["ballots"][0]["approve"][0] = "Z";
  auto [refused, why] = (*server)->Post("/api/v1/decide/tally", in);
  EXPECT_EQ(refused, 400);
  EXPECT_NE(why.dump().find("ballots[0].approve[0]"), std::string::npos) << why.dump();
  EXPECT_EQ((*server)->Post("/api/v1/decide/tally?x=1", in).first, 400);
}

}  // namespace
}  // namespace ecosol::http
