#include "metrics.h"

#include <cmath>
#include <cstdio>

namespace ecosol::http {
namespace {

// Numbers as Prometheus reads them: integers without a fraction, others with enough digits.
std::string Number(double value) {
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  if (std::isnan(value)) return "NaN";
  char text[32];
  if (value == std::floor(value) && std::abs(value) < 1e15) {
    std::snprintf(text, sizeof text, "%.0f", value);
  } else {
    std::snprintf(text, sizeof text, "%.9g", value);
  }
  return text;
}

}  // namespace

std::string PrometheusLabel(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

void AppendMetric(std::string& out, std::string_view name, std::string_view type,
                  std::string_view help, double value) {
  out.append("# HELP ").append(name).append(" ").append(help).append("\n");
  out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
  out.append(name).append(" ").append(Number(value)).append("\n");
}

void Metrics::RequestFinished(std::string_view method, std::string_view route, int status,
                              double seconds) {
  in_flight_.fetch_sub(1);
  std::lock_guard<std::mutex> lock(mu_);
  ++requests_[{std::string(method), std::string(route), status}];
  Latency& l = latency_[{std::string(method), std::string(route)}];
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      ++l.buckets[i];
      break;
    }
  }
  ++l.count;
  l.sum += seconds;
}

std::string Metrics::Render() const {
  std::string out;
  AppendMetric(out, "ecosol_http_requests_in_flight", "gauge",
               "Requests being answered now (this one included).",
               static_cast<double>(in_flight_.load()));
  std::lock_guard<std::mutex> lock(mu_);
  out +=
      "# HELP ecosol_http_requests_total Requests answered, by method, route template and "
      "status.\n# TYPE ecosol_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    const auto& [method, route, status] = key;
    out += "ecosol_http_requests_total{method=\"" + PrometheusLabel(method) + "\",route=\"" +
           PrometheusLabel(route) + "\",status=\"" + std::to_string(status) + "\"} " +
           std::to_string(count) + "\n";
  }
  out +=
      "# HELP ecosol_http_request_duration_seconds Time from a request's headers read to its "
      "response written.\n# TYPE ecosol_http_request_duration_seconds histogram\n";
  for (const auto& [key, l] : latency_) {
    const std::string labels = "method=\"" + PrometheusLabel(key.first) + "\",route=\"" +
                               PrometheusLabel(key.second) + "\"";
    uint64_t cumulative = 0;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += l.buckets[i];
      out += "ecosol_http_request_duration_seconds_bucket{" + labels + ",le=\"" +
             Number(kBuckets[i]) + "\"} " + std::to_string(cumulative) + "\n";
    }
    out += "ecosol_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} " +
           std::to_string(l.count) + "\n";
    out += "ecosol_http_request_duration_seconds_sum{" + labels + "} " + Number(l.sum) + "\n";
    out += "ecosol_http_request_duration_seconds_count{" + labels + "} " + std::to_string(l.count) +
           "\n";
  }
  return out;
}

}  // namespace ecosol::http
