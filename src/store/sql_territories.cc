// The territory hierarchy, implemented once for both SQL backends. Ids are paths, so the
// descendants of a territory are found with a prefix match on the id.

#include "ecosol/base/strings.h"
#include "sql_store.h"

namespace ecosol::store {
namespace {

using model::Territory;

std::string Text(const SqlRow& row, size_t i) { return row.at(i).value_or(""); }

std::optional<long long> OptionalInt(const SqlRow& row, size_t i) {
  long long v = 0;
  if (!row.at(i) || !ParseInt64(*row.at(i), &v)) return std::nullopt;
  return v;
}

SqlValue OptionalValue(std::optional<long long> v) { return v ? SqlValue(*v) : SqlValue(nullptr); }

Territory TerritoryFromRow(const SqlRow& row) {
  return {Text(row, 0), Text(row, 1), Text(row, 2), Text(row, 3), OptionalInt(row, 4)};
}

constexpr char kColumns[] = "SELECT id, parent_id, name, level, population FROM territories";

}  // namespace

Status SqlStore::PutTerritory(const Territory& t) {
  return Write([&] {
    return conn().Exec(
        "INSERT INTO territories (id, parent_id, name, level, population) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET parent_id = excluded.parent_id, name = excluded.name, "
        "level = excluded.level, "
        "population = COALESCE(excluded.population, territories.population)",
        {t.id, t.parent_id, t.name, t.level, OptionalValue(t.population)});
  });
}

Result<std::optional<Territory>> SqlStore::GetTerritory(const std::string& id) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(std::string(kColumns) + " WHERE id = ?", {id}, &rows));
  if (rows.empty()) return std::optional<Territory>();
  return std::optional<Territory>(TerritoryFromRow(rows[0]));
}

Result<std::vector<Territory>> SqlStore::Territories(const std::string& parent_id) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(
      std::string(kColumns) + " WHERE parent_id = ? ORDER BY name, id", {parent_id}, &rows));
  std::vector<Territory> out;
  out.reserve(rows.size());
  for (const SqlRow& row : rows) out.push_back(TerritoryFromRow(row));
  return out;
}

Status SqlStore::SetTerritoryPopulation(const std::string& id,
                                        std::optional<long long> population) {
  return Write([&]() -> Status {
    SqlRows rows;
    ECOSOL_RETURN_IF_ERROR(
        conn().Exec("UPDATE territories SET population = ? WHERE id = ? RETURNING id",
                    {OptionalValue(population), id}, &rows));
    if (rows.empty()) return NotFound("no territory with id '" + id + "'");
    return Status::Ok();
  });
}

Result<long long> SqlStore::CountActorsIn(const std::string& territory_id) {
  // The descendants of "GB/wales" are the ids from "GB/wales/" up to (excluding) "GB/wales0",
  // '0' being the byte after '/': a range both backends answer from the index on the column
  // (byte order: SQLite's default collation, "C" in PostgreSQL).
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(
      conn().Exec("SELECT COUNT(*) FROM actors WHERE deleted = 0 AND visibility = 0 AND "
                  "(territory = ? OR "
                  "(territory >= ? AND territory < ?))",
                  {territory_id, territory_id + "/", territory_id + "0"}, &rows));
  long long n = 0;
  ParseInt64(Text(rows.at(0), 0), &n);
  return n;
}

}  // namespace ecosol::store
