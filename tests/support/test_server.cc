#include "test_server.h"

#include <chrono>

namespace ecosol::testing {

using nlohmann::json;

http::ServerOptions TestServerOptions(const std::string& db_url, const std::string& admin_token) {
  http::ServerOptions o;
  o.host = "127.0.0.1";
  o.port = 0;
  o.db_url = db_url;
  o.threads = 4;
  o.store_connections = 2;
  o.fast_password_hashing = true;
  o.admin_token = admin_token;
  o.access_log = false;  // tests that read the access log turn it on
  return o;
}

httplib::Headers BearerHeaders(const std::string& token) {
  if (token.empty()) return {};
  return {{"Authorization", "Bearer " + token}};
}

Result<std::unique_ptr<TestServer>> TestServer::Start(const http::ServerOptions& options) {
  auto server = http::Server::Create(options);
  if (!server.ok()) return server.status();
  ECOSOL_RETURN_IF_ERROR((*server)->Bind());
  auto test_server = std::make_unique<TestServer>(Passkey(), std::move(*server), options.host);
  if (!test_server->WaitUntilServing()) {
    return Internal("the test server did not answer /health on port " +
                    std::to_string(test_server->port()));
  }
  return test_server;
}

TestServer::TestServer(Passkey, std::unique_ptr<http::Server> server, const std::string& host)
    : server_(std::move(server)),
      thread_([server = server_.get()] { (void)server->Listen(); }),
      client_(std::make_unique<httplib::Client>(host, server_->port())) {
  client_->set_read_timeout(60, 0);
}

TestServer::~TestServer() {
  server_->Stop();
  thread_.join();
}

// httplib's stop() does nothing to a server that is not listening yet, so Start() returns only
// once it serves, and the destructor's Stop() always ends Listen().
bool TestServer::WaitUntilServing() {
  for (int i = 0; i < 1000; ++i) {
    if (auto res = client_->Get("/health"); res && res->status == 200) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

int TestServer::port() const { return server_->port(); }

httplib::Result TestServer::Send(const std::string& method, const std::string& path,
                                 const std::string& body, const httplib::Headers& headers) {
  httplib::Request req;
  req.method = method;
  req.path = path;
  req.headers = headers;
  if (!body.empty()) {
    req.body = body;
    req.set_header("Content-Type", "application/json");
  } else if (method == "POST" || method == "PUT" || method == "PATCH") {
    req.set_header("Content-Type", "application/json");  // as httplib's Post() with no body
  }
  return client_->send(req);
}

std::pair<int, json> TestServer::Call(const std::string& method, const std::string& path,
                                      const std::string& body, const httplib::Headers& headers) {
  httplib::Result res = Send(method, path, body, headers);
  if (!res) return {0, nullptr};
  json parsed = json::parse(res->body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) parsed = nullptr;
  return {res->status, parsed};
}

std::pair<int, json> TestServer::CallWithToken(const std::string& method, const std::string& path,
                                               const json& body, const std::string& token) {
  return Call(method, path, body.is_null() ? "" : body.dump(), BearerHeaders(token));
}

std::pair<int, json> TestServer::Get(const std::string& path, const std::string& token) {
  return CallWithToken("GET", path, nullptr, token);
}

std::pair<int, json> TestServer::Post(const std::string& path, const json& body,
                                      const std::string& token) {
  return CallWithToken("POST", path, body, token);
}

std::pair<int, json> TestServer::Put(const std::string& path, const json& body,
                                     const std::string& token) {
  return CallWithToken("PUT", path, body, token);
}

std::pair<int, json> TestServer::Patch(const std::string& path, const json& body,
                                       const std::string& token) {
  return CallWithToken("PATCH", path, body, token);
}

std::pair<int, json> TestServer::Delete(const std::string& path, const std::string& token) {
  return CallWithToken("DELETE", path, nullptr, token);
}

}  // namespace ecosol::testing
