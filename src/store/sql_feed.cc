// The change feed's query (Store::FeedActors), implemented once for both SQL backends. What the
// feed publishes of each actor, and its tombstones, is decided in interop/feed.cc.

#include "actor_doc.h"
#include "ecosol/base/strings.h"
#include "sql_store.h"

namespace ecosol::store {
namespace {

std::string Text(const SqlRow& row, size_t i) { return row.at(i).value_or(""); }

long long Int(const SqlRow& row, size_t i) {
  long long v = 0;
  ParseInt64(Text(row, i), &v);
  return v;
}

}  // namespace

Result<std::vector<FeedActor>> SqlStore::FeedActors(long long after_generation, long long after_rid,
                                                    long long up_to, int limit) {
  if (limit <= 0) return std::vector<FeedActor>();
  // As ActorChanges: the rest of the current generation (one index seek on changed_gen and a
  // range of rid), then the later generations, both along the (changed_gen, rid) index. The
  // document is read only for the actors the public may see.
  const std::string columns =
      "SELECT changed_gen, rid, id, CASE WHEN deleted = 0 AND visibility = 0 THEN doc END "
      "FROM actors ";
  SqlRows rows;
  if (after_generation <= up_to) {
    ECOSOL_RETURN_IF_ERROR(
        conn().Exec(columns + "WHERE changed_gen = ? AND rid > ? ORDER BY rid LIMIT ?",
                    {after_generation, after_rid, static_cast<long long>(limit)}, &rows));
  }
  if (rows.size() < static_cast<size_t>(limit)) {
    ECOSOL_RETURN_IF_ERROR(conn().Exec(
        columns + "WHERE changed_gen > ? AND changed_gen <= ? ORDER BY changed_gen, rid LIMIT ?",
        {after_generation, up_to,
         static_cast<long long>(limit) - static_cast<long long>(rows.size())},
        &rows));
  }
  std::vector<FeedActor> out;
  out.reserve(rows.size());
  for (const SqlRow& row : rows) {
    FeedActor item;
    item.generation = Int(row, 0);
    item.rid = Int(row, 1);
    item.id = Text(row, 2);
    if (row[3]) {
      auto actor = ActorFromStoredDoc(*row[3]);
      if (!actor.ok()) return actor.status();
      item.actor = std::move(*actor);
    }
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace ecosol::store
