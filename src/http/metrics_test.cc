#include "metrics.h"

#include <gtest/gtest.h>

#include <string>

namespace ecosol::http {
namespace {

bool Has(const std::string& text, const std::string& line) {
  return text.find(line + "\n") != std::string::npos;
}

TEST(MetricsTest, CountsRequestsByRouteAndStatusWithACumulativeHistogram) {
  Metrics m;
  m.RequestStarted();
  m.RequestStarted();
  m.RequestStarted();
  EXPECT_EQ(m.in_flight(), 3);
  m.RequestFinished("GET", "/api/v1/actors/{id}", 200, 0.004);
  m.RequestFinished("GET", "/api/v1/actors/{id}", 404, 0.3);
  EXPECT_EQ(m.in_flight(), 1);
  const std::string out = m.Render();
  EXPECT_TRUE(Has(out, "# TYPE ecosol_http_requests_total counter")) << out;
  EXPECT_TRUE(Has(out, "ecosol_http_requests_in_flight 1")) << out;
  EXPECT_TRUE(
      Has(out,
          R"(ecosol_http_requests_total{method="GET",route="/api/v1/actors/{id}",status="200"} 1)"))
      << out;
  EXPECT_TRUE(
      Has(out,
          R"(ecosol_http_requests_total{method="GET",route="/api/v1/actors/{id}",status="404"} 1)"))
      << out;
  const std::string series =
      R"(ecosol_http_request_duration_seconds_bucket{method="GET",route="/api/v1/actors/{id}",le=)";
  // 0.004 s falls in the 0.005 bucket, 0.3 s in the 0.5 one; buckets are cumulative.
  EXPECT_TRUE(Has(out, series + R"("0.0025"} 0)")) << out;
  EXPECT_TRUE(Has(out, series + R"("0.005"} 1)")) << out;
  EXPECT_TRUE(Has(out, series + R"("0.25"} 1)")) << out;
  EXPECT_TRUE(Has(out, series + R"("0.5"} 2)")) << out;
  EXPECT_TRUE(Has(out, series + R"("+Inf"} 2)")) << out;
  EXPECT_TRUE(Has(
      out,
      R"(ecosol_http_request_duration_seconds_count{method="GET",route="/api/v1/actors/{id}"} 2)"))
      << out;
  EXPECT_TRUE(Has(
      out,
      R"(ecosol_http_request_duration_seconds_sum{method="GET",route="/api/v1/actors/{id}"} 0.304)"))
      << out;
}

TEST(MetricsTest, LabelsAreEscapedAndGaugesWritten) {
  EXPECT_EQ(PrometheusLabel("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
  std::string out;
  AppendMetric(out, "ecosol_jobs_running", "gauge", "Jobs running.", 2);
  AppendMetric(out, "ecosol_x_seconds", "counter", "Seconds.", 1.5);
  EXPECT_EQ(out,
            "# HELP ecosol_jobs_running Jobs running.\n# TYPE ecosol_jobs_running gauge\n"
            "ecosol_jobs_running 2\n# HELP ecosol_x_seconds Seconds.\n"
            "# TYPE ecosol_x_seconds counter\necosol_x_seconds 1.5\n");
}

}  // namespace
}  // namespace ecosol::http
