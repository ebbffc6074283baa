#pragma once

// The territory report (docs/reports.md): a territory's SSE ecosystem on a few pages, in en, fr,
// es or pt: the summary (ecosystem type and why, hard figures), a map of its actors, the
// coverage of the seven building blocks with their evidence and the missing links, the network
// picture with the most central actors and the network-weaving stage, and the dynamics (births,
// deaths and active organisations per year), then sources and method.
//
//   auto framework = ecosystem::BlocksFrameworkIn("frameworks");
//   auto doc = TerritoryReportFor(store, scope, **framework, "CA/QC", "fr", "2026-11-29");
//   std::string html = RenderHtml(*doc);
//   auto pdf = RenderPdf(*doc);
//
// Errors are values: InvalidArgument for a language other than en/fr/es/pt or a malformed
// territory id, NotFound for an unknown territory, and the store's errors.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/ecosystem/blocks.h"
#include "ecosol/ecosystem/metrics.h"
#include "ecosol/ecosystem/network.h"
#include "ecosol/ecosystem/service.h"
#include "ecosol/ecosystem/trends.h"
#include "ecosol/report/document.h"
#include "ecosol/store/store.h"

namespace ecosol::report {

// Network pictures draw at most this many actors (the most connected ones).
inline constexpr size_t kMaxDrawnNodes = 250;
// Actors named on the network picture and listed as the most central.
inline constexpr size_t kNamedNodes = 8;
inline constexpr size_t kCentralRows = 10;

// What the report shows, already computed.
struct TerritoryReportData {
  std::string lang = "en";
  std::string date;  // ISO day the report is made
  const ecosystem::BlocksFramework* framework = nullptr;
  ecosystem::TerritoryReport blocks;
  std::vector<model::Actor> actors;  // placed in the territory, as the reader sees them
  ecosystem::Network network;        // ties between those actors
  ecosystem::NetworkMetrics metrics;
  std::optional<ecosystem::Trends> trends;  // of the territory, no breakdown
  std::vector<std::string> attributions;    // the data sources' licence credits
};

// The document. InvalidArgument for another language or a missing framework; Internal when the
// network cannot be laid out.
Result<Document> BuildTerritoryReport(const TerritoryReportData& data);

// Loads everything from the store as `scope`'s reader sees it and builds the document.
Result<Document> TerritoryReportFor(store::Store& store, const ecosystem::SnapshotScope& scope,
                                    const ecosystem::BlocksFramework& framework,
                                    const std::string& territory_id, const std::string& lang,
                                    const std::string& date);

}  // namespace ecosol::report
