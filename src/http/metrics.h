#pragma once

// The server's metrics in the Prometheus text format, version 0.0.4 (GET /metrics;
// docs/operations.md): requests by method, route template and status; a latency histogram by
// method and route; requests in flight. The server adds its gauges (database pool, jobs,
// response cache, process) when it renders them.
//
// Written by hand: Debian 12 packages no C++ Prometheus client (prometheus-cpp is not in
// bookworm), and the text format is a few lines of counters. Routes are the OpenAPI templates
// ("/api/v1/actors/{id}"), never raw paths, so that the number of series stays bounded.

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

namespace ecosol::http {

class Metrics {
 public:
  // The histogram's upper bounds, in seconds (then +Inf).
  static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1,    2.5,   10};

  void RequestStarted() { in_flight_.fetch_add(1); }
  // A request answered: `route` is its template ("static" for web app files, "unmatched" for
  // no route), `seconds` from its headers read to its response written.
  void RequestFinished(std::string_view method, std::string_view route, int status, double seconds);
  long long in_flight() const { return in_flight_.load(); }

  // The exposition of the request metrics (HELP and TYPE lines, then the series).
  std::string Render() const;

 private:
  struct Latency {
    std::array<uint64_t, kBuckets.size()> buckets{};  // not cumulative; summed when rendered
    uint64_t count = 0;
    double sum = 0;
  };

  std::atomic<long long> in_flight_{0};
  mutable std::mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, uint64_t> requests_;  // guarded by mu_
  std::map<std::pair<std::string, std::string>, Latency> latency_;          // guarded by mu_
};

// A label value in the text format: backslash, double quote and newline escaped.
std::string PrometheusLabel(std::string_view value);
// Appends one metric with its HELP and TYPE lines and a single sample.
void AppendMetric(std::string& out, std::string_view name, std::string_view type,
                  std::string_view help, double value);

}  // namespace ecosol::http
