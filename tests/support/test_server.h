#pragma once

// Test helper: an HTTP server on a free loopback port, serving on its own thread until the
// holder goes away, with a client and JSON request helpers.
//
//   testing::TestStore db("sqlite");
//   auto server = testing::TestServer::Start(testing::TestServerOptions(db.url(), "admin"));
//   ASSERT_TRUE(server.ok()) << server.status().ToString();
//   auto [status, actor] = (*server)->Get("/api/v1/actors/tiess", "admin");
//   EXPECT_EQ(status, 200);
//   auto [created, body] = (*server)->Post("/api/v1/actors", {{"name", "New co-op"}}, "admin");
//
// Thread safety: the server serves on its own threads; a TestServer and its client are used by
// one test thread at a time.

#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <utility>

#include "ecosol/base/status.h"
#include "ecosol/http/server.h"

namespace ecosol::testing {

// Options for a server on a free loopback port over `db_url`, serving the API only: port 0,
// threads 4, store_connections 2, fast password hashing, admin token `admin_token` (empty: none).
http::ServerOptions TestServerOptions(const std::string& db_url,
                                      const std::string& admin_token = "");

// "Authorization: Bearer <token>"; no header when `token` is empty.
httplib::Headers BearerHeaders(const std::string& token);

class TestServer {
  struct Passkey {  // only Start() constructs
    explicit Passkey() = default;
  };

 public:
  // Creates, binds and starts the server on a thread and waits until /health answers 200.
  // Errors: those of Server::Create and Bind; Internal when /health does not answer in time.
  static Result<std::unique_ptr<TestServer>> Start(const http::ServerOptions& options);
  TestServer(Passkey, std::unique_ptr<http::Server> server, const std::string& host);
  ~TestServer();  // stops the server and joins its thread
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  int port() const;
  http::Server& server() { return *server_; }
  httplib::Client& client() { return *client_; }  // read timeout 60 s

  // Sends `method` (GET, POST, PUT, PATCH or DELETE) with `headers` and `body`, as it is
  // (application/json; empty: no body): for requests the JSON helpers below cannot make, such
  // as invalid JSON, cookies, or reading the response's headers.
  httplib::Result Send(const std::string& method, const std::string& path, const std::string& body,
                       const httplib::Headers& headers);
  // Send(), answered as {status (0 when no response), body parsed as JSON (null when empty or
  // not JSON)}.
  std::pair<int, nlohmann::json> Call(const std::string& method, const std::string& path,
                                      const std::string& body, const httplib::Headers& headers);

  // Requests with an optional bearer token; {status (0 when no response), body parsed as JSON
  // (null when not JSON)}. A null `body` sends no body.
  std::pair<int, nlohmann::json> Get(const std::string& path, const std::string& token = "");
  std::pair<int, nlohmann::json> Post(const std::string& path, const nlohmann::json& body,
                                      const std::string& token = "");
  std::pair<int, nlohmann::json> Put(const std::string& path, const nlohmann::json& body,
                                     const std::string& token = "");
  std::pair<int, nlohmann::json> Patch(const std::string& path, const nlohmann::json& body,
                                       const std::string& token = "");
  std::pair<int, nlohmann::json> Delete(const std::string& path, const std::string& token = "");

 private:
  bool WaitUntilServing();
  std::pair<int, nlohmann::json> CallWithToken(const std::string& method, const std::string& path,
                                               const nlohmann::json& body,
                                               const std::string& token);

  std::unique_ptr<http::Server> server_;
  std::thread thread_;  // runs server_->Listen()
  std::unique_ptr<httplib::Client> client_;
};

}  // namespace ecosol::testing
