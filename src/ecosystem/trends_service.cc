// Trends over a reader's snapshot of the registry (trends_service.h).

#include "ecosol/ecosystem/trends_service.h"

#include "ecosol/base/strings.h"
#include "ecosol/ecosystem/blocks_service.h"

namespace ecosol::ecosystem {

Result<Trends> TrendsFor(store::Store& store, const SnapshotScope& scope, TrendsQuery query) {
  if (!query.territory.empty()) {
    auto territory = KnownTerritory(store, query.territory);
    if (!territory.ok()) return territory.status();
    if (query.territory_name.empty()) query.territory_name = territory->name;
  }
  auto snapshot = LoadSnapshot(store, scope);
  if (!snapshot.ok()) return snapshot.status();
  auto indicators = store.AllIndicators();
  if (!indicators.ok()) return indicators.status();
  return ComputeTrends(snapshot->actors, *indicators, query);
}

std::vector<std::string> ParseNameList(std::string_view list) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    if (comma == std::string_view::npos) comma = list.size();
    std::string name(Trim(list.substr(start, comma - start)));
    if (!name.empty()) out.push_back(std::move(name));
    start = comma + 1;
  }
  return out;
}

}  // namespace ecosol::ecosystem
