// /ready, /metrics, request ids, the JSON access log and a stop that lets requests in flight
// finish (docs/operations.md).

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "ecosol/jobs/worker.h"
#include "test_server.h"
#include "test_store.h"

namespace ecosol::http {
namespace {

using nlohmann::json;

// A client on one kept-alive connection: the server answers its requests on one thread, one
// after the other, so each request's metrics and log line are written before the next request
// is read. (Separate connections would race: a request is logged after its response is sent.)
std::unique_ptr<httplib::Client> KeptAlive(testing::TestServer& server) {
  auto c = std::make_unique<httplib::Client>("127.0.0.1", server.port());
  c->set_keep_alive(true);
  c->set_read_timeout(60, 0);
  return c;
}

// The value of the sample `series` (name and labels, exactly) in a metrics text; -1 if absent.
double Sample(const std::string& text, const std::string& series) {
  const size_t at = text.find("\n" + series + " ");
  if (at == std::string::npos) return -1;
  return std::stod(text.substr(at + series.size() + 2));
}

TEST(ObservabilityServerTest, ReadyAndMetrics) {
  testing::TestStore db("sqlite");
  ASSERT_TRUE(db.ok()) << db.error();
  auto server = testing::TestServer::Start(testing::TestServerOptions(db.url(), "obs-admin"));
  ASSERT_TRUE(server.ok()) << server.status().ToString();
  auto c = KeptAlive(**server);
  auto ready = c->Get("/ready");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200);
  const json body = json::parse(ready->body);
  EXPECT_EQ(body["status"], "ready");
  EXPECT_TRUE(body["generation"].is_number_integer());
  EXPECT_EQ(c->Get("/ready?x=1")->status, 400);

  // Two requests for unknown actors: counted under the route template, not the raw paths.
  EXPECT_EQ(c->Get("/api/v1/actors/nobody")->status, 404);
  EXPECT_EQ(c->Get("/api/v1/actors/nobody-else")->status, 404);
  EXPECT_EQ(c->Get("/api/v1/no-such-route")->status, 404);
  auto res = c->Get("/metrics");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  const std::string& text = res->body;
  EXPECT_EQ(
      Sample(
          text,
          R"(ecosol_http_requests_total{method="GET",route="/api/v1/actors/{id}",status="404"})"),
      2)
      << text;
  EXPECT_EQ(text.find("nobody"), std::string::npos) << "raw paths must not become labels";
  EXPECT_EQ(
      Sample(text, R"(ecosol_http_requests_total{method="GET",route="unmatched",status="404"})"), 1)
      << text;
  EXPECT_EQ(Sample(text, R"(ecosol_http_requests_total{method="GET",route="/ready",status="200"})"),
            1)
      << text;
  EXPECT_EQ(
      Sample(
          text,
          R"(ecosol_http_request_duration_seconds_count{method="GET",route="/api/v1/actors/{id}"})"),
      2)
      << text;
  // The /metrics request itself, and perhaps the start-up probe's /health still being logged.
  EXPECT_GE(Sample(text, "ecosol_http_requests_in_flight"), 1) << text;
  EXPECT_EQ(Sample(text, "ecosol_db_pool_connections"), 2) << text;
  EXPECT_GE(Sample(text, "ecosol_db_pool_connections_idle"), 1) << text;
  EXPECT_EQ(Sample(text, "ecosol_jobs_running"), 0) << text;
  EXPECT_EQ(Sample(text, "ecosol_jobs_claimed_total"), 0) << text;
  // The shared queue, one sample per state: a job queued in the database shows.
  EXPECT_EQ(Sample(text, R"(ecosol_jobs{state="queued"})"), 0) << text;
  ASSERT_TRUE(jobs::Enqueue(db.store(), "unknown-kind", nlohmann::json::object(), "t",
                            "2026-11-30T00:00:00Z")
                  .ok());
  auto again = c->Get("/metrics");
  ASSERT_TRUE(again);
  EXPECT_EQ(Sample(again->body, R"(ecosol_jobs{state="queued"})"), 1) << again->body;
  EXPECT_EQ(Sample(again->body, R"(ecosol_jobs{state="done"})"), 0) << again->body;
  EXPECT_EQ(Sample(text, "ecosol_draining"), 0) << text;
  EXPECT_GT(Sample(text, "process_resident_memory_bytes"), 1e6) << text;
  EXPECT_GT(Sample(text, "process_start_time_seconds"), 1.7e9) << text;
}

TEST(ObservabilityServerTest, MetricsCanBeTurnedOff) {
  testing::TestStore db("sqlite");
  ASSERT_TRUE(db.ok()) << db.error();
  ServerOptions o = testing::TestServerOptions(db.url());
  o.metrics_access = "off";
  auto server = testing::TestServer::Start(o);
  ASSERT_TRUE(server.ok()) << server.status().ToString();
  auto [status, body] = (*server)->Get("/metrics");
  EXPECT_EQ(status, 404);
  EXPECT_NE(body.dump().find("--metrics off"), std::string::npos) << body.dump();
}

TEST(ObservabilityServerTest, RequestIdsAndTheAccessLog) {
  testing::TestStore db("sqlite");
  ASSERT_TRUE(db.ok()) << db.error();
  ServerOptions o = testing::TestServerOptions(db.url());
  o.access_log = true;
  auto server = testing::TestServer::Start(o);
  ASSERT_TRUE(server.ok()) << server.status().ToString();
  const std::regex generated("[0-9a-f]{16}");
  auto c = KeptAlive(**server);
  ::testing::internal::CaptureStderr();
  auto given = c->Get("/api/v1/actors/nobody", {{"X-Request-Id", "proxy-42.a:b_c"}});
  auto invalid = c->Get("/ready", {{"X-Request-Id", "two words"}});
  // Two public searches: the second is answered from the cache.
  auto none = c->Get("/api/v1/actors?q=secretword&limit=5");
  auto again = c->Get("/api/v1/actors?q=secretword&limit=5");
  (void)c->Get("/ready");  // once answered, the four above are logged (same connection)
  const std::string log = ::testing::internal::GetCapturedStderr();
  ASSERT_TRUE(given && invalid && none && again);
  const std::set<std::string> ids = {
      given->get_header_value("X-Request-Id"), invalid->get_header_value("X-Request-Id"),
      none->get_header_value("X-Request-Id"), again->get_header_value("X-Request-Id")};
  EXPECT_EQ(given->get_header_value("X-Request-Id"), "proxy-42.a:b_c");
  EXPECT_TRUE(std::regex_match(invalid->get_header_value("X-Request-Id"), generated));
  EXPECT_TRUE(std::regex_match(none->get_header_value("X-Request-Id"), generated));
  EXPECT_NE(none->get_header_value("X-Request-Id"), again->get_header_value("X-Request-Id"));

  // One JSON line per request, with its id.
  std::istringstream lines(log);
  int requests = 0;
  json actor_line;
  std::vector<json> search_lines;
  for (std::string line; std::getline(lines, line);) {
    const json entry = json::parse(line, nullptr, false);
    ASSERT_FALSE(entry.is_discarded()) << "not JSON: " << line;
    if (entry.value("msg", "") != "request" || !ids.count(entry.value("request_id", ""))) {
      continue;  // the start-up probe, or the last request, logged or not yet
    }
    ++requests;
    if (entry.value("request_id", "") == "proxy-42.a:b_c") actor_line = entry;
    if (entry.value("path", "") == "/api/v1/actors") search_lines.push_back(entry);
  }
  EXPECT_EQ(requests, 4) << log;
  ASSERT_TRUE(actor_line.is_object()) << log;
  EXPECT_EQ(actor_line["level"], "info");
  EXPECT_EQ(actor_line["method"], "GET");
  EXPECT_EQ(actor_line["path"], "/api/v1/actors/nobody");
  EXPECT_EQ(actor_line["route"], "/api/v1/actors/{id}");
  EXPECT_EQ(actor_line["status"], 404);
  EXPECT_TRUE(actor_line["duration_ms"].is_number());
  EXPECT_EQ(actor_line["remote"], "127.0.0.1");
  EXPECT_TRUE(std::regex_match(actor_line["time"].get<std::string>(),
                               std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")));
  EXPECT_FALSE(actor_line.contains("params"));
  EXPECT_FALSE(actor_line.contains("cache"));
  // A search's line names its parameters but never their values, and how the cache answered.
  EXPECT_EQ(log.find("secretword"), std::string::npos) << log;
  ASSERT_EQ(search_lines.size(), 2u) << log;
  EXPECT_EQ(search_lines[0]["params"], "limit,q");
  EXPECT_EQ(search_lines[0]["cache"], "miss");
  EXPECT_EQ(search_lines[1]["cache"], "hit");
  EXPECT_EQ(again->get_header_value("X-Cache"), "hit");
}

// A stop lets the request being answered finish: a large tally still gets its result, and the
// server then refuses new connections.
TEST(ObservabilityServerTest, StopFinishesTheRequestsInFlight) {
  testing::TestStore db("sqlite");
  ASSERT_TRUE(db.ok()) << db.error();
  ServerOptions o = testing::TestServerOptions(db.url());
  o.max_body_bytes = 64u << 20;
  auto server = testing::TestServer::Start(o);
  ASSERT_TRUE(server.ok()) << server.status().ToString();
  // 400,000 ranked ballots over 5 options (about 14 MB of JSON): long enough to stop during it.
  std::string body = R"({"method":"schulze","options":["a","b","c","d","e"],"ballots":[)";
  const char* rankings[] = {R"(["a","b","c","d","e"])", R"(["b","c","a","e","d"])",
                            R"(["c","a","b","d","e"])", R"(["e","d","c","b","a"])"};
  for (int i = 0; i < 400000; ++i) {
    body += std::string(i ? "," : "") + R"({"ranking":)" + rankings[i % 4] + "}";
  }
  body += "]}";
  std::atomic<bool> answered{false};
  std::chrono::steady_clock::time_point answered_at;
  int status = 0;
  json result;
  std::thread client([&] {
    httplib::Client c("127.0.0.1", (*server)->port());
    c.set_read_timeout(120, 0);
    c.set_write_timeout(120, 0);
    auto res = c.Post("/api/v1/decide/tally", body, "application/json");
    answered_at = std::chrono::steady_clock::now();
    if (res) {
      status = res->status;
      result = json::parse(res->body, nullptr, false);
    }
    answered = true;
  });
  // Wait until the tally is in flight (the /metrics request counts itself too). One kept-alive
  // connection: with a new one per request, the previous /metrics request could still be
  // counted (it is logged after its response is sent) and pass for the tally.
  auto metrics = KeptAlive(**server);
  bool in_flight = false;
  for (int i = 0; i < 2000 && !in_flight && !answered; ++i) {
    auto res = metrics->Get("/metrics");
    in_flight =
        res && res->status == 200 && Sample(res->body, "ecosol_http_requests_in_flight") >= 2;
    if (!in_flight) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ASSERT_TRUE(in_flight) << "the tally never showed as in flight";
  const auto stopped_at = std::chrono::steady_clock::now();
  (*server)->server().Stop();
  client.join();
  EXPECT_GT(answered_at, stopped_at) << "the tally finished before the stop: make it larger";
  ASSERT_EQ(status, 200) << result.dump().substr(0, 300);
  EXPECT_EQ(result["ballots"]["cast"], 400000);
  EXPECT_EQ(result["winners"].size(), 1u);
  // No new connections once stopped.
  httplib::Client late("127.0.0.1", (*server)->port());
  late.set_connection_timeout(1, 0);
  EXPECT_FALSE(late.Get("/ready"));
}

}  // namespace
}  // namespace ecosol::http
