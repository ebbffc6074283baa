#include "sql_store.h"

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <unordered_set>

#include "actor_doc.h"
#include "ecosol/base/clock.h"
#include "ecosol/base/strings.h"
#include "ecosol/model/json.h"
#include "ecosol/text/search_text.h"

namespace ecosol::store {
namespace {

using model::Actor;
using model::Relationship;

constexpr char kCursorSep = '\x1f';

std::string Text(const SqlRow& row, size_t i) { return row.at(i).value_or(""); }

long long Int(const SqlRow& row, size_t i) {
  long long v = 0;
  ParseInt64(Text(row, i), &v);
  return v;
}

Result<Relationship> RelationshipFromDoc(const std::string& doc) {
  auto j = model::ParseJson(doc);
  if (!j.ok()) return Internal("stored relationship document is corrupt");
  return model::RelationshipFromJson(*j, true);
}

void Append(SqlFragment* to, const SqlFragment& piece, std::string_view joiner) {
  if (piece.sql.empty()) return;
  if (!to->sql.empty()) to->sql += joiner;
  to->sql += piece.sql;
  to->params.insert(to->params.end(), piece.params.begin(), piece.params.end());
}

// "OS20" < "OS100": letters compare as text, a trailing number as a number.
bool NaturalLess(const std::string& a, const std::string& b) {
  auto split = [](const std::string& s) {
    size_t i = s.find_last_not_of("0123456789");
    size_t cut = i == std::string::npos ? 0 : i + 1;
    long long n = -1;
    if (cut < s.size()) ParseInt64(s.substr(cut), &n);
    return std::make_pair(s.substr(0, cut), n);
  };
  auto [pa, na] = split(a);
  auto [pb, nb] = split(b);
  if (pa != pb || na < 0 || nb < 0) return a < b;
  return na < nb;
}

}  // namespace

// --- schema and transactions -------------------------------------------------------------------

Status SqlStore::Migrate() {
  const auto& migrations = Migrations();
  const int latest = static_cast<int>(migrations.size());
  // Fast path, with no lock: a current schema (every start but the first after an upgrade) is
  // read and left alone, so opening never waits for a writer. A new database has no
  // schema_migrations table yet; that error only sends it down the locked path.
  auto seen = SchemaVersion();
  if (seen.ok() && *seen == latest) return Status::Ok();
  // Several servers may start together on one database. All pending migrations run in one
  // transaction under the backend's migration lock (SQLite: the write lock that BEGIN IMMEDIATE
  // takes; PostgreSQL: a transaction-level advisory lock), and the version is read again under
  // it: the first process migrates, the others then find the schema current. A failed
  // migration rolls back the whole upgrade.
  Status s = InTransaction([&]() -> Status {
    const std::string lock = MigrationLockSql();
    if (!lock.empty()) ECOSOL_RETURN_IF_ERROR(conn().ExecScript(lock));
    ECOSOL_RETURN_IF_ERROR(conn().ExecScript(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
        "applied_at TEXT NOT NULL)"));
    auto current = SchemaVersion();
    if (!current.ok()) return current.status();
    if (*current > latest) {
      return Status(StatusCode::kConflict, "database schema version " + std::to_string(*current) +
                                               " is newer than this ecosol (" +
                                               std::to_string(latest) + "): upgrade ecosol");
    }
    for (int i = *current; i < latest; ++i) {
      Status m = conn().ExecScript(migrations[static_cast<size_t>(i)]);
      if (m.ok()) {
        m = conn().Exec("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                        {static_cast<long long>(i + 1), FormatTimestamp(SystemClock().Now())});
      }
      ECOSOL_RETURN_IF_ERROR(m.WithContext("migration " + std::to_string(i + 1)));
    }
    return Status::Ok();
  });
  return s;
}

Result<int> SqlStore::SchemaVersion() {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(
      conn().Exec("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", {}, &rows));
  return static_cast<int>(Int(rows.at(0), 0));
}

Status SqlStore::InTransaction(const std::function<Status()>& body) {
  if (transaction_depth_ > 0) return body();
  ECOSOL_RETURN_IF_ERROR(conn().ExecScript(BeginSql()));
  ++transaction_depth_;
  Status s = body();
  // Deferred indexes are built before the commit (a rollback undoes their dropping).
  if (s.ok()) s = EndBulkLoad();
  indexes_deferred_ = false;
  changed_ = false;
  --transaction_depth_;
  if (!s.ok()) {
    Status rb = conn().ExecScript("ROLLBACK");
    (void)rb;  // the body's error is the one to report
    EndBulkLoadSettings();
    return s;
  }
  Status c = conn().ExecScript("COMMIT");
  if (!c.ok()) {
    Status rb = conn().ExecScript("ROLLBACK");
    (void)rb;
  }
  EndBulkLoadSettings();
  return c;
}

void SqlStore::EndBulkLoadSettings() {
  if (!bulk_loading_) return;
  bulk_loading_ = false;
  const std::string_view sql = AfterBulkLoadSql();
  // A connection that fails here keeps the larger page cache of the load: more memory, the same
  // results; the transaction's outcome is what the caller needs to hear about.
  if (!sql.empty()) (void)conn().ExecScript(sql);
}

Status SqlConnection::ExecIdNumbers(std::string_view sql, const std::vector<SqlValue>& params,
                                    std::vector<std::pair<long long, double>>* out) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(Exec(sql, params, &rows));
  out->reserve(out->size() + rows.size());
  for (const SqlRow& r : rows) {
    long long id = 0;
    if (r.size() < 2 || !r[0] || !ParseInt64(*r[0], &id)) {
      return Internal("expected an id and a number from: " + std::string(sql));
    }
    out->emplace_back(id, r[1] ? std::strtod(r[1]->c_str(), nullptr) : 0.0);
  }
  return Status::Ok();
}

Status SqlStore::InReadSnapshot(const std::function<Status()>& body) {
  if (transaction_depth_ > 0) return body();
  ECOSOL_RETURN_IF_ERROR(conn().ExecScript(ReadSnapshotSql()));
  Status s = body();
  Status end = conn().ExecScript(s.ok() ? "COMMIT" : "ROLLBACK");
  return s.ok() ? end : s;
}

Status SqlStore::Write(const std::function<Status()>& body) {
  return InTransaction([&]() -> Status {
    if (!changed_) {
      // A transaction that changes the registry moves the generation on at its first write, in
      // the same commit: the rows it writes carry the generation they become visible in. On
      // PostgreSQL the row lock also orders concurrent writers, so that generations follow the
      // order of the commits.
      SqlRows rows;
      ECOSOL_RETURN_IF_ERROR(
          conn().Exec("UPDATE registry_state SET generation = generation + 1 WHERE id = 1 "
                      "RETURNING generation",
                      {}, &rows));
      if (rows.empty()) return Internal("registry_state has no row: the schema is damaged");
      write_generation_ = Int(rows[0], 0);
      changed_ = true;
    }
    return body();
  });
}

Result<long long> SqlStore::Generation() {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(
      conn().Exec("SELECT generation FROM registry_state WHERE id = 1", {}, &rows));
  if (rows.empty()) return Internal("registry_state has no row: the schema is damaged");
  return Int(rows[0], 0);
}

Result<bool> SqlStore::BeginBulkLoad() {
  if (transaction_depth_ == 0) return Internal("BeginBulkLoad outside a transaction");
  ECOSOL_RETURN_IF_ERROR(conn().ExecScript(BulkLoadSql()));
  bulk_loading_ = true;
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec("SELECT 1 FROM actors LIMIT 1", {}, &rows));
  const bool empty = rows.empty();
  if (empty && !indexes_deferred_) {
    auto deferred = DeferIndexes();
    if (!deferred.ok()) return deferred.status();
    indexes_deferred_ = *deferred;
  }
  return empty;
}

Status SqlStore::EndBulkLoad() {
  if (!indexes_deferred_) return Status::Ok();
  indexes_deferred_ = false;
  return BuildDeferredIndexes();
}

// --- actors ---------------------------------------------------------------------------------

Result<long long> SqlStore::WriteActorRow(const EncodedActor& e, bool fresh,
                                          std::string_view change) {
  const Actor& a = e.actor;
  // The columns (and the spatial index over them) hold the coordinates anyone may know of.
  const std::optional<model::Location> shown = model::PublicLocation(a);
  SqlValue lat = shown ? SqlValue(shown->lat) : SqlValue(nullptr);
  SqlValue lon = shown ? SqlValue(shown->lon) : SqlValue(nullptr);
  // The territory column serves counts anyone may read: with a restricted address it holds the
  // country alone (the document keeps the actor's territory).
  std::string territory = a.field_visibility.count("address")
                              ? a.territory.substr(0, a.territory.find('/'))
                              : a.territory;
  // Built value by value: a braced list would copy each string (the document among them) twice.
  std::vector<SqlValue> params;
  params.reserve(17);
  params.emplace_back(a.id);
  params.emplace_back(std::string(model::ToString(a.kind)));
  params.emplace_back(a.name);
  params.emplace_back(e.sort_name);
  params.emplace_back(a.address.country);
  params.emplace_back(std::move(territory));
  params.emplace_back(std::move(lat));
  params.emplace_back(std::move(lon));
  params.emplace_back(a.deleted ? 1LL : 0LL);
  params.emplace_back(a.version);
  params.emplace_back(a.updated_at);
  params.emplace_back(std::string(change));
  params.emplace_back(e.doc);
  params.emplace_back(write_generation_);
  params.emplace_back(static_cast<long long>(a.visibility));
  static constexpr std::string_view columns =
      "INSERT INTO actors (id, kind, name, sort_name, country, territory, lat, lon, deleted, "
      "version, updated_at, change, doc, changed_gen, visibility";
  static constexpr std::string_view values =
      ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
  if (fresh) {
    // A new actor: a plain insert with its full-text forms, which inserts nothing when the id
    // is taken. The statement's text is made once per store.
    if (insert_new_actor_sql_.empty()) {
      auto [text_columns, text_values] = TextColumnsOfNewRow();
      insert_new_actor_sql_ = std::string(columns) + text_columns + std::string(values) +
                              text_values + ") ON CONFLICT (id) DO NOTHING";
      insert_new_actor_has_forms_ = !text_columns.empty();
    }
    if (insert_new_actor_has_forms_) {
      params.emplace_back(e.name_forms);
      params.emplace_back(e.body_forms);
    }
    auto rid = conn().InsertRow(insert_new_actor_sql_, params, "rid");
    if (!rid.ok()) return rid.status();
    if (!rid->has_value()) return Conflict("id: an actor '" + a.id + "' already exists");
    return **rid;
  }
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(
      std::string(columns) + std::string(values) +
          ") ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, "
          "sort_name = excluded.sort_name, country = excluded.country, "
          "territory = excluded.territory, lat = excluded.lat, "
          "lon = excluded.lon, deleted = excluded.deleted, version = excluded.version, "
          "updated_at = excluded.updated_at, change = excluded.change, doc = excluded.doc, "
          "changed_gen = excluded.changed_gen, visibility = excluded.visibility "
          "RETURNING rid",
      params, &rows));
  if (rows.empty()) return Internal("actor write returned no row id");
  return Int(rows[0], 0);
}

Status SqlStore::WriteActorCodes(long long rid, bool fresh, const Actor& a) {
  if (!fresh) ECOSOL_RETURN_IF_ERROR(conn().Exec("DELETE FROM actor_codes WHERE rid = ?", {rid}));
  auto put = [&](const char* scheme, const std::vector<std::string>& codes) -> Status {
    std::vector<std::string> unique = codes;
    std::sort(unique.begin(), unique.end());
    unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
    for (const std::string& code : unique) {
      ECOSOL_RETURN_IF_ERROR(conn().Exec(
          "INSERT INTO actor_codes (scheme, code, rid) VALUES (?, ?, ?)", {scheme, code, rid}));
    }
    return Status::Ok();
  };
  std::vector<std::string> activities = a.activities;
  if (!a.primary_activity.empty()) activities.push_back(a.primary_activity);
  ECOSOL_RETURN_IF_ERROR(put("activity", activities));
  return put("structure", a.structures);
}

Status SqlStore::WriteIdentifiers(bool fresh, const Actor& a) {
  if (!fresh) {
    ECOSOL_RETURN_IF_ERROR(conn().Exec("DELETE FROM actor_identifiers WHERE actor_id = ?", {a.id}));
  }
  for (const auto& [scheme, value] : a.identifiers) {
    auto inserted = conn().InsertRow(
        "INSERT INTO actor_identifiers (scheme, value, actor_id) VALUES (?, ?, ?) "
        "ON CONFLICT (scheme, value) DO NOTHING",
        {scheme, value, a.id}, "");
    if (!inserted.ok()) return inserted.status();
    if (inserted->has_value()) continue;
    SqlRows rows;
    ECOSOL_RETURN_IF_ERROR(
        conn().Exec("SELECT actor_id FROM actor_identifiers WHERE scheme = ? AND value = ?",
                    {scheme, value}, &rows));
    return Conflict("identifiers." + scheme + ": '" + value + "' already belongs to actor " +
                    (rows.empty() ? std::string("?") : Text(rows[0], 0)));
  }
  return Status::Ok();
}

Status SqlStore::PutEncodedActor(const EncodedActor& e, std::string_view change) {
  const Actor& actor = e.actor;
  const bool fresh = change == "create";
  return Write([&]() -> Status {
    if (!fresh) {
      // The state being replaced becomes history.
      ECOSOL_RETURN_IF_ERROR(conn().Exec(
          "INSERT INTO actor_versions (actor_id, version, changed_at, change, doc) "
          "SELECT id, version, updated_at, change, doc FROM actors WHERE id = ? AND version <> ? "
          "ON CONFLICT (actor_id, version) DO NOTHING",
          {actor.id, actor.version}));
    }
    auto rid = WriteActorRow(e, fresh, change);
    if (!rid.ok()) return rid.status();
    ECOSOL_RETURN_IF_ERROR(IndexText(*rid, fresh, e.name_forms, e.body_forms));
    ECOSOL_RETURN_IF_ERROR(IndexLocation(*rid, fresh, e));
    ECOSOL_RETURN_IF_ERROR(WriteActorCodes(*rid, fresh, actor));
    return WriteIdentifiers(fresh, actor);
  });
}

Result<std::optional<Actor>> SqlStore::GetActor(const std::string& id) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec("SELECT doc FROM actors WHERE id = ?", {id}, &rows));
  if (rows.empty()) return std::optional<Actor>();
  auto actor = ActorFromStoredDoc(Text(rows[0], 0));
  if (!actor.ok()) return actor.status();
  return std::optional<Actor>(std::move(*actor));
}

Result<bool> SqlStore::ActorIdTaken(const std::string& id) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec("SELECT 1 FROM actors WHERE id = ?", {id}, &rows));
  return !rows.empty();
}

Result<std::optional<std::string>> SqlStore::FindByIdentifier(const std::string& scheme,
                                                              const std::string& value) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(
      conn().Exec("SELECT actor_id FROM actor_identifiers WHERE scheme = ? AND value = ?",
                  {scheme, value}, &rows));
  if (rows.empty()) return std::optional<std::string>();
  return std::optional<std::string>(Text(rows[0], 0));
}

SqlFragment SqlStore::AudienceCondition(const Audience& audience) {
  if (audience.everything) return {};
  auto in_list = [](const std::vector<std::string>& ids, SqlFragment* f) {
    f->sql += "a.id IN (";
    for (size_t i = 0; i < ids.size(); ++i) {
      f->sql += i ? ", ?" : "?";
      f->params.push_back(ids[i]);
    }
    f->sql += ")";
  };
  SqlFragment cond{"(a.visibility = 0", {}};
  if (!audience.actor_ids.empty()) {
    cond.sql += " OR ";
    in_list(audience.actor_ids, &cond);
  }
  if (!audience.network_ids.empty() || !audience.territories.empty()) {
    cond.sql += " OR (a.visibility = 1 AND (";
    bool first = true;
    if (!audience.network_ids.empty()) {
      in_list(audience.network_ids, &cond);
      first = false;
    }
    for (const std::string& t : audience.territories) {
      // The territory or below it (see CountActorsIn).
      cond.sql += first ? "" : " OR ";
      first = false;
      cond.sql += "a.territory = ? OR (a.territory >= ? AND a.territory < ?)";
      cond.params.insert(cond.params.end(), {t, t + "/", t + "0"});
    }
    cond.sql += "))";
  }
  cond.sql += ")";
  return cond;
}

SqlFragment SqlStore::FilterConditions(const ActorQuery& q) const {
  SqlFragment where;
  if (!q.include_deleted) Append(&where, {"a.deleted = 0", {}}, " AND ");
  if (q.kind) Append(&where, {"a.kind = ?", {std::string(model::ToString(*q.kind))}}, " AND ");
  if (!q.country.empty()) Append(&where, {"a.country = ?", {q.country}}, " AND ");
  if (!q.activity.empty()) {
    Append(&where,
           {"a.rid IN (SELECT rid FROM actor_codes WHERE scheme = 'activity' AND code = ?)",
            {q.activity}},
           " AND ");
  }
  if (!q.structure.empty()) {
    Append(&where,
           {"a.rid IN (SELECT rid FROM actor_codes WHERE scheme = 'structure' AND code = ?)",
            {q.structure}},
           " AND ");
  }
  if (q.bbox) Append(&where, BBoxCondition(*q.bbox), " AND ");
  if (!q.verdict.empty()) {
    Append(&where,
           {"a.id IN (SELECT actor_id FROM latest_verdicts WHERE framework = ? AND verdict = ?)",
            {q.verdict_framework.empty() ? std::string("un-ilo") : q.verdict_framework, q.verdict}},
           " AND ");
  }
  Append(&where, AudienceCondition(q.audience), " AND ");
  return where;
}

Result<ActorPage> SqlStore::ListByName(const ActorQuery& q) {
  // A listing by box alone may come from the spatial index alone.
  std::optional<SqlFragment> by_box;
  if (q.bbox && !q.by_id && !q.stored_docs && !q.kind && q.country.empty() && q.activity.empty() &&
      q.structure.empty() && q.verdict.empty() && !q.include_deleted && q.audience.public_only()) {
    auto listing = BBoxListing(*q.bbox);
    if (!listing.ok()) return listing.status();
    by_box = std::move(*listing);
  }
  SqlFragment where = by_box ? SqlFragment{} : FilterConditions(q);
  if (!q.cursor.empty()) {
    std::string raw;
    auto parts =
        Base64UrlDecode(q.cursor, &raw) ? Split(raw, kCursorSep) : std::vector<std::string>{};
    if (parts.size() != 3 || parts[0] != (q.by_id ? "i" : "n")) {
      return InvalidArgument("cursor: not a cursor of this listing; start again without it");
    }
    if (q.by_id) {
      Append(&where, {"a.id > ?", {parts[2]}}, " AND ");
    } else {
      Append(
          &where,
          {"(a.sort_name > ? OR (a.sort_name = ? AND a.id > ?))", {parts[1], parts[1], parts[2]}},
          " AND ");
    }
  }
  // Rows are chosen on the narrow columns first and their documents fetched afterwards, so that
  // a large match set never reads every document.
  // (A batch reading stored documents takes them in the same walk: a page of thousands of
  // actors, where one statement per document would cost more than the reading.)
  SqlFragment sql{q.stored_docs ? "SELECT a.rid, a.sort_name, a.id, a.doc FROM actors a"
                                : "SELECT a.rid, a.sort_name, a.id FROM actors a",
                  where.params};
  if (by_box) {
    sql = *by_box;
    Append(&sql, where, " AND ");
    sql.sql += " ORDER BY a.sort_name, a.id LIMIT ?";
  } else {
    if (!where.sql.empty()) sql.sql += " WHERE " + where.sql;
    sql.sql += " ORDER BY " + (q.by_id ? std::string("a.id") : NameOrder(q)) + " LIMIT ?";
  }
  sql.params.push_back(static_cast<long long>(q.limit + 1));
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(sql.sql, sql.params, &rows));
  ActorPage page;
  if (rows.size() > static_cast<size_t>(q.limit)) {
    rows.resize(static_cast<size_t>(q.limit));
    const SqlRow& last = rows.back();
    page.next_cursor =
        Base64UrlEncode(std::string(q.by_id ? "i" : "n") + std::string(1, kCursorSep) +
                        Text(last, 1) + std::string(1, kCursorSep) + Text(last, 2));
  }
  if (q.stored_docs) {
    page.stored.reserve(rows.size());
    for (SqlRow& row : rows)
      page.stored.push_back({Text(row, 2), std::move(row.at(3)).value_or("")});
    return page;
  }
  auto actors = DocumentsOf(rows);
  if (!actors.ok()) return actors.status();
  page.items = std::move(*actors);
  return page;
}

Result<std::vector<Actor>> SqlStore::DocumentsOf(const SqlRows& rid_rows) {
  std::vector<Actor> out;
  out.reserve(rid_rows.size());
  for (const SqlRow& row : rid_rows) {
    SqlRows doc;
    ECOSOL_RETURN_IF_ERROR(
        conn().Exec("SELECT doc FROM actors WHERE rid = ?", {Int(row, 0)}, &doc));
    if (doc.empty()) return Internal("an actor disappeared while being read");
    auto actor = ActorFromStoredDoc(Text(doc[0], 0));
    if (!actor.ok()) return actor.status();
    out.push_back(std::move(*actor));
  }
  return out;
}

std::string SqlStore::NameOrder(const ActorQuery&) const { return "a.sort_name, a.id"; }

Result<ActorPage> SqlStore::ListBySearch(const ActorQuery& q) {
  long long offset = 0;
  if (!q.cursor.empty()) {
    std::string raw;
    auto parts =
        Base64UrlDecode(q.cursor, &raw) ? Split(raw, kCursorSep) : std::vector<std::string>{};
    if (parts.size() != 2 || parts[0] != "o" || !ParseInt64(parts[1], &offset) || offset < 0) {
      return InvalidArgument("cursor: not a cursor of this search; start again without it");
    }
  }
  auto terms = text::QueryTerms(q.q);
  ActorPage page;
  if (terms.empty()) return page;
  SqlFragment where = FilterConditions(q);
  ECOSOL_RETURN_IF_ERROR(PrepareActorRank());
  // The words and who may see what, but no other filter.
  const bool audience_only = !q.include_deleted && !q.kind && q.country.empty() &&
                             q.activity.empty() && q.structure.empty() && !q.bbox &&
                             q.verdict.empty();
  const bool index_first = audience_only && RanksMatchesInIndexFirst();
  SqlFragment sql;
  SqlRows rows;
  bool answered = false;
  if (!q.include_deleted && where.sql == "a.deleted = 0") {
    // Only the words: rank in the full-text index alone (deleted actors are not indexed).
    sql = RankedMatches(MatchQuery(terms));
  } else if (index_first) {
    // Ranked in the index alone, then the best rows are kept when the reader may see them:
    // ranking every match joined to its actor costs a row lookup per match, and most actors
    // are public. When too few of them are left, by the join below, in the same order.
    auto kept = RankedThenSeen(MatchQuery(terms), where, offset, q.limit + 1, &rows);
    if (!kept.ok()) return kept.status();
    answered = *kept;
  }
  if (!answered && sql.sql.empty()) {
    SqlFragment from = SearchFrom(MatchQuery(terms));
    sql = {"SELECT a.rid FROM " + from.sql, from.params};
    Append(&sql, where, " AND ");
    sql.sql += " ORDER BY " + RankExpression() + (index_first ? ", a.rid" : ", a.sort_name, a.id");
  }
  if (!answered) {
    sql.sql += " LIMIT ? OFFSET ?";
    sql.params.push_back(static_cast<long long>(q.limit + 1));
    sql.params.push_back(offset);
    ECOSOL_RETURN_IF_ERROR(conn().Exec(sql.sql, sql.params, &rows));
  }
  page.matched_rids.reserve(rows.size());
  for (const SqlRow& row : rows) page.matched_rids.push_back(Int(row, 0));
  if (rows.size() > static_cast<size_t>(q.limit)) {
    rows.resize(static_cast<size_t>(q.limit));
    page.next_cursor =
        Base64UrlEncode("o" + std::string(1, kCursorSep) + std::to_string(offset + q.limit));
  }
  auto actors = DocumentsOf(rows);
  if (!actors.ok()) return actors.status();
  page.items = std::move(*actors);
  return page;
}

Result<bool> SqlStore::RankedThenSeen(const std::string& match, const SqlFragment& where,
                                      long long offset, long long count, SqlRows* rows) {
  const long long wanted = offset + count;
  const long long take = wanted * 2 + 100;
  if (take > 20000) return false;  // deep pages: by the join
  SqlFragment ranked = RankedMatches(match);
  ranked.sql += " LIMIT ?";
  ranked.params.push_back(take);
  SqlRows candidates;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(ranked.sql, ranked.params, &candidates));
  std::string ids = "[";
  for (size_t i = 0; i < candidates.size(); ++i) {
    ids += (i ? "," : "") + Text(candidates[i], 0);
  }
  ids += "]";
  SqlFragment seen{"SELECT a.rid FROM actors a WHERE a.rid IN (" + RowIdsInJsonArraySql() + ")",
                   {ids}};
  Append(&seen, where, " AND ");
  SqlRows visible;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(seen.sql, seen.params, &visible));
  std::unordered_set<long long> ok;
  for (const SqlRow& r : visible) ok.insert(Int(r, 0));
  std::vector<const SqlRow*> in_order;
  for (const SqlRow& r : candidates) {
    if (ok.count(Int(r, 0))) in_order.push_back(&r);
  }
  const bool all_matches_read = static_cast<long long>(candidates.size()) < take;
  if (static_cast<long long>(in_order.size()) < wanted && !all_matches_read) return false;
  rows->clear();
  for (long long i = offset; i < static_cast<long long>(in_order.size()) && i < wanted; ++i) {
    rows->push_back(*in_order[static_cast<size_t>(i)]);
  }
  return true;
}

Result<ActorPage> SqlStore::ListActors(const ActorQuery& q) {
  if (q.limit < 1) return InvalidArgument("limit: must be at least 1");
  if ((q.by_id || q.stored_docs) && !q.q.empty()) {
    return InvalidArgument(
        "q: a search lists decoded actors by relevance; not with by_id or stored_docs");
  }
  return q.q.empty() ? ListByName(q) : ListBySearch(q);
}

Result<SearchChanges> SqlStore::SearchChangesSince(long long since, const std::string& q,
                                                   size_t max_changes) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(
      conn().Exec("SELECT rid FROM actors WHERE changed_gen > ? ORDER BY changed_gen, rid LIMIT ?",
                  {since, static_cast<long long>(max_changes) + 1}, &rows));
  SearchChanges out;
  if (rows.size() > max_changes) {
    out.too_many = true;
    return out;
  }
  const auto terms = text::QueryTerms(q);
  const std::string match = terms.empty() ? std::string() : MatchQuery(terms);
  for (const SqlRow& row : rows) {
    SearchChanges::Changed c;
    c.rid = Int(row, 0);
    if (!match.empty()) {
      auto matches = RowMatches(terms, match, c.rid);
      if (!matches.ok()) return matches.status();
      c.matches = *matches;
    }
    out.changed.push_back(c);
  }
  return out;
}

Result<bool> SqlStore::RowMatches(const std::vector<std::vector<std::string>>&,
                                  const std::string& match, long long rid) {
  SqlRows hit;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(MatchesRowSql(), {match, rid}, &hit));
  return !hit.empty();
}

Status SqlStore::ActorChanges(long long since, const std::function<Status(ActorChange&&)>& visit) {
  // In pages along the (changed_gen, rid) index, so that a full scan never holds every
  // document. A page continues the generation of the last row (equality on the first column and
  // a range on the second, which SQLite's planner serves with one index seek, where a row-value
  // comparison would read the generation again from its start), then goes on to later ones.
  constexpr long long kPage = 2000;
  const std::string columns =
      "SELECT changed_gen, rid, sort_name, CASE WHEN lat IS NOT NULL AND deleted = 0 AND "
      "visibility = 0 THEN doc "
      "END FROM actors ";
  long long gen = since, rid = std::numeric_limits<long long>::max();
  while (true) {
    SqlRows rows;
    ECOSOL_RETURN_IF_ERROR(
        conn().Exec(columns + "WHERE changed_gen = ? AND rid > ? ORDER BY rid LIMIT ?",
                    {gen, rid, kPage}, &rows));
    if (rows.size() < static_cast<size_t>(kPage)) {
      ECOSOL_RETURN_IF_ERROR(
          conn().Exec(columns + "WHERE changed_gen > ? ORDER BY changed_gen, rid LIMIT ?",
                      {gen, kPage - static_cast<long long>(rows.size())}, &rows));
    }
    for (SqlRow& row : rows) {
      ActorChange change;
      change.rid = Int(row, 1);
      change.sort_name = Text(row, 2);
      if (row[3]) {
        auto actor = ActorFromStoredDoc(*row[3]);
        if (!actor.ok()) return actor.status();
        change.located = std::move(*actor);
      }
      ECOSOL_RETURN_IF_ERROR(visit(std::move(change)));
    }
    if (rows.size() < static_cast<size_t>(kPage)) return Status::Ok();
    gen = Int(rows.back(), 0);
    rid = Int(rows.back(), 1);
  }
}

Result<std::vector<MapPoint>> SqlStore::MapPoints(const ActorQuery& q, int limit, bool* truncated) {
  ActorQuery filters = q;
  filters.include_deleted = false;
  SqlFragment where = FilterConditions(filters);
  Append(&where, {"a.lat IS NOT NULL", {}}, " AND ");
  SqlFragment sql;
  if (!q.q.empty()) {
    auto terms = text::QueryTerms(q.q);
    if (terms.empty()) return std::vector<MapPoint>();
    sql = SearchFrom(MatchQuery(terms));
    sql.sql = "SELECT a.id, a.lon, a.lat, a.name, a.kind FROM " + sql.sql;
    Append(&sql, where, " AND ");
  } else {
    sql = {"SELECT a.id, a.lon, a.lat, a.name, a.kind FROM actors a WHERE " + where.sql,
           where.params};
  }
  sql.sql += " ORDER BY a.rid LIMIT ?";
  sql.params.push_back(static_cast<long long>(limit + 1));
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(sql.sql, sql.params, &rows));
  *truncated = rows.size() > static_cast<size_t>(limit);
  if (*truncated) rows.resize(static_cast<size_t>(limit));
  std::vector<MapPoint> points;
  points.reserve(rows.size());
  for (const SqlRow& row : rows) {
    MapPoint p;
    p.id = Text(row, 0);
    ParseDouble(Text(row, 1), &p.lon);
    ParseDouble(Text(row, 2), &p.lat);
    p.name = Text(row, 3);
    p.kind = model::ParseActorKind(Text(row, 4)).value_or(model::ActorKind::kOther);
    points.push_back(std::move(p));
  }
  return points;
}

Result<long long> SqlStore::CountActors() {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec("SELECT COUNT(*) FROM actors WHERE deleted = 0", {}, &rows));
  return Int(rows.at(0), 0);
}

Result<std::vector<ActorVersion>> SqlStore::ActorHistory(const std::string& id) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(
      conn().Exec("SELECT version, changed_at, change, doc FROM actor_versions WHERE actor_id = ? "
                  "UNION ALL SELECT version, updated_at, change, doc FROM actors WHERE id = ? "
                  "ORDER BY 1",
                  {id, id}, &rows));
  std::vector<ActorVersion> out;
  for (const SqlRow& row : rows) {
    auto actor = ActorFromStoredDoc(Text(row, 3));
    if (!actor.ok()) return actor.status();
    out.push_back({Int(row, 0), Text(row, 1), Text(row, 2), std::move(*actor)});
  }
  return out;
}

// --- relationships ----------------------------------------------------------------------------

Status SqlStore::PutRelationship(const Relationship& r, std::string_view change) {
  return Write([&]() -> Status {
    std::string doc = model::RelationshipToJson(r).dump();
    ECOSOL_RETURN_IF_ERROR(conn().Exec(
        "INSERT INTO relationships (id, from_id, to_id, type, deleted, version, updated_at, doc) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET from_id = "
        "excluded.from_id, "
        "to_id = excluded.to_id, type = excluded.type, deleted = excluded.deleted, "
        "version = excluded.version, updated_at = excluded.updated_at, doc = excluded.doc",
        {r.id, r.from, r.to, std::string(model::ToString(r.type)), r.deleted ? 1LL : 0LL, r.version,
         r.updated_at, doc}));
    return conn().Exec(
        "INSERT INTO relationship_versions (relationship_id, version, changed_at, change, doc) "
        "VALUES (?, ?, ?, ?, ?)",
        {r.id, r.version, r.updated_at, std::string(change), doc});
  });
}

Result<std::optional<Relationship>> SqlStore::GetRelationship(const std::string& id) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec("SELECT doc FROM relationships WHERE id = ?", {id}, &rows));
  if (rows.empty()) return std::optional<Relationship>();
  auto rel = RelationshipFromDoc(Text(rows[0], 0));
  if (!rel.ok()) return rel.status();
  return std::optional<Relationship>(std::move(*rel));
}

Result<std::vector<Relationship>> SqlStore::RelationshipsOf(const std::string& actor_id) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(
      "SELECT doc FROM relationships WHERE deleted = 0 AND (from_id = ? OR to_id = ?) ORDER BY id",
      {actor_id, actor_id}, &rows));
  std::vector<Relationship> out;
  for (const SqlRow& row : rows) {
    auto rel = RelationshipFromDoc(Text(row, 0));
    if (!rel.ok()) return rel.status();
    out.push_back(std::move(*rel));
  }
  return out;
}

Result<long long> SqlStore::CountRelationships() {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(
      conn().Exec("SELECT COUNT(*) FROM relationships WHERE deleted = 0", {}, &rows));
  return Int(rows.at(0), 0);
}

Status SqlStore::VisitRelationships(const std::function<Status(Relationship&&)>& visit) {
  // Pages by id, so that a large network is never held as rows and documents at once.
  constexpr long long kPage = 5000;
  std::string after;
  for (;;) {
    SqlRows rows;
    ECOSOL_RETURN_IF_ERROR(conn().Exec(
        "SELECT id, doc FROM relationships WHERE deleted = 0 AND id > ? ORDER BY id LIMIT ?",
        {after, kPage}, &rows));
    for (const SqlRow& row : rows) {
      auto rel = RelationshipFromDoc(Text(row, 1));
      if (!rel.ok()) return rel.status();
      ECOSOL_RETURN_IF_ERROR(visit(std::move(*rel)));
    }
    if (static_cast<long long>(rows.size()) < kPage) return Status::Ok();
    after = Text(rows.back(), 0);
  }
}

// --- data sources ----------------------------------------------------------------------------

Status SqlStore::PutSourceAttribution(const std::string& source, const std::string& attribution) {
  return Write([&] {
    return conn().Exec(
        "INSERT INTO sources (id, attribution) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET "
        "attribution = excluded.attribution",
        {source, attribution});
  });
}

Result<std::vector<std::string>> SqlStore::SourceAttributions() {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(conn().Exec(
      "SELECT attribution FROM sources WHERE attribution <> '' ORDER BY id", {}, &rows));
  std::vector<std::string> out;
  for (const SqlRow& row : rows) out.push_back(Text(row, 0));
  return out;
}

// --- taxonomies ----------------------------------------------------------------------------

Status SqlStore::PutTerms(const std::vector<model::Term>& terms) {
  return Write([&]() -> Status {
    for (const model::Term& t : terms) {
      ECOSOL_RETURN_IF_ERROR(conn().Exec(
          "INSERT INTO terms (scheme, code, labels) VALUES (?, ?, ?) ON CONFLICT (scheme, code) "
          "DO UPDATE SET labels = excluded.labels",
          {t.scheme, t.code, nlohmann::json(t.labels).dump()}));
    }
    return Status::Ok();
  });
}

Result<std::vector<model::Term>> SqlStore::Terms(const std::string& scheme) {
  SqlRows rows;
  ECOSOL_RETURN_IF_ERROR(
      conn().Exec("SELECT code, labels FROM terms WHERE scheme = ?", {scheme}, &rows));
  std::vector<model::Term> out;
  for (const SqlRow& row : rows) {
    model::Term t{scheme, Text(row, 0), {}};
    auto labels = model::ParseJson(Text(row, 1));
    if (!labels.ok() || !labels->is_object()) return Internal("stored term labels are corrupt");
    for (const auto& [lang, label] : labels->items()) {
      if (label.is_string()) t.labels[lang] = label.get<std::string>();
    }
    out.push_back(std::move(t));
  }
  // Natural order of codes: OS10 < OS20 < OS100.
  std::sort(out.begin(), out.end(),
            [](const model::Term& a, const model::Term& b) { return NaturalLess(a.code, b.code); });
  return out;
}

}  // namespace ecosol::store
