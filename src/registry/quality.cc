// Data quality: the report per source and territory, the actors due for confirmation, and
// confirmations. docs/quality.md explains the figures.

#include "ecosol/registry/quality.h"

#include <algorithm>
#include <chrono>
#include <queue>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "ecosol/base/strings.h"
#include "ecosol/model/json.h"
#include "ecosol/registry/dedup.h"
#include "ecosol/registry/registry.h"

namespace ecosol::registry {
namespace {

using nlohmann::json;

// Days since 1970-01-01 of an ISO date ("YYYY", "YYYY-MM" count from their first day).
std::optional<long long> DayNumber(const std::string& date) {
  if (!IsValidDate(date)) return std::nullopt;
  long long y = 0, m = 1, d = 1;
  if (!ParseInt64(date.substr(0, 4), &y)) return std::nullopt;
  if (date.size() >= 7 && !ParseInt64(date.substr(5, 2), &m)) return std::nullopt;
  if (date.size() >= 10 && !ParseInt64(date.substr(8, 2), &d)) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year(static_cast<int>(y)),
                                  std::chrono::month(static_cast<unsigned>(m)),
                                  std::chrono::day(static_cast<unsigned>(d))};
  return std::chrono::sys_days(ymd).time_since_epoch().count();
}

// The date part of a provenance date or timestamp, when it is one.
std::string DatePart(const std::string& value) {
  std::string date = value.substr(0, std::min<size_t>(value.size(), 10));
  return IsValidDate(date) ? date : "";
}

struct Confirmation {
  std::string date;  // "" when none
  std::string by;
};

Confirmation ConfirmationOf(const model::Actor& a) {
  Confirmation c;
  for (const auto& [field, p] : a.provenance) {
    std::string date = DatePart(p.date);
    if (date > c.date) c = {date, p.source};
  }
  auto attr = a.attributes.find(kLastConfirmed);
  if (attr != a.attributes.end() && IsValidDate(attr->second) && attr->second >= c.date) {
    auto p = a.provenance.find(kLastConfirmed);
    c = {attr->second, p == a.provenance.end() ? "" : p->second.source};
  }
  return c;
}

std::string SourceOf(const model::Actor& a) {
  auto p = a.provenance.find("name");
  return p == a.provenance.end() ? "" : p->second.source;
}

bool InTerritory(const std::string& territory, const std::string& scope) {
  return scope.empty() || territory == scope || StartsWith(territory, scope + "/");
}

Status CheckScope(store::Store& store, const QualityScope& scope) {
  if (scope.page_size < 1) return InvalidArgument("page size: at least 1");
  if (scope.territory.empty()) return Status::Ok();
  auto t = store.GetTerritory(scope.territory);
  if (!t.ok()) return t.status();
  if (!t->has_value()) {
    return NotFound("territory: no territory '" + scope.territory +
                    "' (ids are paths such as GB/wales; see GET /api/v1/territories)");
  }
  return Status::Ok();
}

Status CheckDays(int days) {
  if (days < 1 || days > 36500) return InvalidArgument("days: a whole number from 1 to 36500");
  return Status::Ok();
}

// Calls `visit(seen, stored)` for every actor in the scope, `seen` being the actor as the reader
// sees it, reading the registry page by page in id order.
Status Scan(store::Store& store, const QualityScope& scope,
            const std::function<void(const model::Actor&, const model::Actor&)>& visit) {
  ActorViewFn view = scope.view;
  if (!view) {
    if (scope.audience.public_only()) {
      view = [](model::Actor a) { return PublicView(std::move(a)); };
    } else {
      view = [](model::Actor a) { return std::optional<model::Actor>(std::move(a)); };
    }
  }
  store::ActorQuery q;
  q.by_id = true;
  q.stored_docs = true;
  q.limit = scope.page_size;
  q.audience = scope.audience;
  while (true) {
    auto page = store.ListActors(q);
    if (!page.ok()) return page.status();
    for (const store::StoredActor& stored : page->stored) {
      auto actor = store::DecodeStoredActor(stored.doc);
      if (!actor.ok()) return actor.status();
      std::optional<model::Actor> seen = view(*actor);
      if (!seen || !InTerritory(seen->territory, scope.territory)) continue;
      if (scope.source && SourceOf(*seen) != *scope.source) continue;
      visit(*seen, *actor);
    }
    if (page->next_cursor.empty()) return Status::Ok();
    q.cursor = std::move(page->next_cursor);
  }
}

// The report's row an actor placed in `territory` falls in: (direct, id).
std::pair<bool, std::string> RowOf(const std::string& territory, const std::string& scope) {
  if (territory == scope) return {true, scope};
  size_t start = scope.empty() ? 0 : scope.size() + 1;
  size_t slash = territory.find('/', start);
  return {false, territory.substr(0, slash)};
}

// The field a validation problem counts against.
std::string CheckedFieldOf(const std::string& field) {
  if (field == "address.country") return field;
  return field.substr(0, field.find('.'));
}

std::string StalenessOf(long long age) {
  if (age < 90) return "under_90_days";
  if (age < 365) return "under_1_year";
  if (age < 730) return "under_2_years";
  return "over_2_years";
}

// What the report learns of one actor, added to each set of figures it belongs to.
struct ActorFacts {
  std::vector<std::string_view> filled;
  std::set<std::string> invalid;
  std::string location;
  std::string staleness;
  bool due = false;
  std::string confirmed;
};

ActorFacts FactsOf(const model::Actor& seen, const model::Actor& stored, const Taxonomy& taxonomy,
                   long long today, int days) {
  ActorFacts f;
  f.filled = model::FilledDataFields(seen);
  for (const FieldError& e : ValidateActor(seen, taxonomy))
    f.invalid.insert(CheckedFieldOf(e.field));
  for (const auto& [scheme, value] : seen.identifiers) {
    if (!IdentifierProblem(scheme, value).empty()) f.invalid.insert("identifiers");
  }
  f.location = stored.location ? std::string(model::ToString(stored.location->precision)) : "none";
  f.confirmed = ConfirmationOf(seen).date;
  std::optional<long long> day = DayNumber(f.confirmed);
  if (!day) {
    f.staleness = "never";
    f.due = true;
  } else {
    f.staleness = StalenessOf(today - *day);
    f.due = today - *day > days;
  }
  return f;
}

void Add(const ActorFacts& f, QualityFigures* q) {
  q->actors += 1;
  for (std::string_view field : f.filled) {
    if (field != "kind" && field != "dissolved") q->filled[std::string(field)] += 1;
  }
  for (const std::string& field : f.invalid) q->invalid[field] += 1;
  if (!f.invalid.empty()) q->with_invalid += 1;
  q->location[f.location] += 1;
  q->staleness[f.staleness] += 1;
  if (f.due) q->due += 1;
  if (!f.confirmed.empty() && (q->oldest_confirmed.empty() || f.confirmed < q->oldest_confirmed)) {
    q->oldest_confirmed = f.confirmed;
  }
}

// Actor id -> the actors it is suspected to duplicate: the pairs of FindDuplicates's clusters
// that no steward decided are distinct.
Result<std::unordered_map<std::string, std::vector<std::string>>> SuspectedPairs(
    store::Store& store, double threshold) {
  DedupOptions options;
  options.threshold = threshold;
  auto clusters = FindDuplicates(store, options);
  if (!clusters.ok()) return clusters.status();
  auto decisions = store.DedupDecisions();
  if (!decisions.ok()) return decisions.status();
  std::set<std::pair<std::string, std::string>> distinct;
  for (const store::DedupDecision& d : *decisions) {
    if (d.decision == "distinct") distinct.emplace(d.a_id, d.b_id);
  }
  std::unordered_map<std::string, std::vector<std::string>> partners;
  for (const DuplicateCluster& c : *clusters) {
    for (const DuplicateCluster::Pair& p : c.pairs) {
      if (distinct.count(std::minmax(p.a, p.b))) continue;
      partners[p.a].push_back(p.b);
      partners[p.b].push_back(p.a);
    }
  }
  return partners;
}

json FiguresToJson(const QualityFigures& f, bool duplicates_checked) {
  json staleness = json::object();
  for (const char* k :
       {"under_90_days", "under_1_year", "under_2_years", "over_2_years", "never"}) {
    auto it = f.staleness.find(k);
    staleness[k] = it == f.staleness.end() ? 0 : it->second;
  }
  json location = json::object();
  for (const char* k : {"exact", "approximate", "hidden", "none"}) {
    auto it = f.location.find(k);
    location[k] = it == f.location.end() ? 0 : it->second;
  }
  return {
      {"actors", f.actors},
      {"filled", f.filled},
      {"invalid", f.invalid},
      {"with_invalid", f.with_invalid},
      {"location", location},
      {"staleness", staleness},
      {"due", f.due},
      {"oldest_confirmed", f.oldest_confirmed.empty() ? json(nullptr) : json(f.oldest_confirmed)},
      {"duplicates", duplicates_checked ? json(f.duplicates) : json(nullptr)}};
}

}  // namespace

const std::vector<std::string>& QualityFields() {
  static const std::vector<std::string> fields = {
      "name",        "names",      "description",      "legal_form",
      "structures",  "activities", "primary_activity", "membership_types",
      "qualifiers",  "claims",     "address",          "territory",
      "location",    "website",    "contacts",         "founded",
      "identifiers", "attributes"};
  return fields;
}

const std::vector<std::string>& CheckedFields() {
  static const std::vector<std::string> fields = {
      "structures", "activities",      "primary_activity", "membership_types",
      "qualifiers", "address.country", "territory",        "location",
      "founded",    "dissolved",       "website",          "identifiers",
      "name",       "names",           "description",      "claims"};
  return fields;
}

std::string IdentifierProblem(const std::string& scheme, const std::string& value) {
  if (Trim(value).empty()) return "is empty";
  if (Trim(value).size() != value.size()) return "has spaces at its start or end";
  if (scheme != "companies-house") return "";
  auto digits = [&](size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
      if (value[i] < '0' || value[i] > '9') return false;
    }
    return true;
  };
  auto upper = [&](size_t i) { return value[i] >= 'A' && value[i] <= 'Z'; };
  bool ok = value.size() == 8 && (digits(0, 8) || (upper(0) && upper(1) && digits(2, 8)) ||
                                  (upper(0) && upper(1) && digits(2, 7) && value[7] == 'R'));
  return ok ? "" : "is not 8 characters: digits, or two capital letters and six digits";
}

std::string LastConfirmed(const model::Actor& actor) { return ConfirmationOf(actor).date; }

Result<QualityReport> BuildQualityReport(store::Store& store, const Clock& clock,
                                         const Taxonomy& taxonomy, const QualityOptions& options) {
  ECOSOL_RETURN_IF_ERROR(CheckDays(options.days));
  ECOSOL_RETURN_IF_ERROR(CheckScope(store, options));
  QualityReport report;
  report.today = FormatDate(clock.Now());
  report.territory = options.territory;
  report.source = options.source;
  report.days = options.days;
  report.duplicates_checked = options.duplicates;
  const long long today = *DayNumber(report.today);
  std::unordered_map<std::string, std::vector<std::string>> partners;
  if (options.duplicates) {
    auto pairs = SuspectedPairs(store, options.duplicate_threshold);
    if (!pairs.ok()) return pairs.status();
    partners = std::move(*pairs);
  }
  std::map<std::pair<bool, std::string>, QualityFigures> rows;
  // Suspected duplicates the reader sees, with the figures they count in.
  std::unordered_map<std::string, std::vector<QualityFigures*>> suspects;
  ECOSOL_RETURN_IF_ERROR(
      Scan(store, options, [&](const model::Actor& seen, const model::Actor& stored) {
        ActorFacts facts = FactsOf(seen, stored, taxonomy, today, options.days);
        std::vector<QualityFigures*> figures = {&report.total, &report.by_source[SourceOf(seen)],
                                                &rows[RowOf(seen.territory, options.territory)]};
        for (QualityFigures* f : figures) Add(facts, f);
        if (partners.count(seen.id)) suspects[seen.id] = figures;
      }));
  // A pair counts when the reader sees both of its actors (std::map keeps the pointers valid).
  for (const auto& [id, figures] : suspects) {
    const auto& others = partners[id];
    if (std::none_of(others.begin(), others.end(),
                     [&](const std::string& o) { return suspects.count(o) > 0; })) {
      continue;
    }
    for (QualityFigures* f : figures) f->duplicates += 1;
  }
  for (auto& [key, figures] : rows) {
    TerritoryQuality row{key.second, "", key.first, std::move(figures)};
    if (!row.id.empty()) {
      auto t = store.GetTerritory(row.id);
      if (!t.ok()) return t.status();
      if (t->has_value()) row.name = (*t)->name;
    }
    report.by_territory.push_back(std::move(row));
  }
  if (!options.territory.empty()) {
    auto t = store.GetTerritory(options.territory);
    if (t.ok() && t->has_value()) report.territory_name = (*t)->name;
  }
  return report;
}

json QualityReportToJson(const QualityReport& r) {
  json by_source = json::array();
  for (const auto& [source, figures] : r.by_source) {
    json j = FiguresToJson(figures, r.duplicates_checked);
    j["source"] = source;
    by_source.push_back(std::move(j));
  }
  json by_territory = json::array();
  for (const TerritoryQuality& t : r.by_territory) {
    json j = FiguresToJson(t.figures, r.duplicates_checked);
    j["id"] = t.id;
    j["name"] = t.name;
    j["direct"] = t.direct;
    by_territory.push_back(std::move(j));
  }
  return {{"today", r.today},
          {"territory", r.territory},
          {"territory_name", r.territory_name},
          {"source", r.source ? json(*r.source) : json(nullptr)},
          {"days", r.days},
          {"duplicates_checked", r.duplicates_checked},
          {"fields", QualityFields()},
          {"checked_fields", CheckedFields()},
          {"total", FiguresToJson(r.total, r.duplicates_checked)},
          {"by_source", by_source},
          {"by_territory", by_territory}};
}

namespace {

// Due actors are ordered by (last confirmation, id); a cursor is the key of the last one shown.
std::string CursorOf(const DueActor& a) { return a.last_confirmed + "|" + a.id; }

bool Before(const DueActor& a, const DueActor& b) {
  return std::tie(a.last_confirmed, a.id) < std::tie(b.last_confirmed, b.id);
}

Result<std::pair<std::string, std::string>> ParseDueCursor(const std::string& cursor) {
  size_t bar = cursor.find('|');
  if (bar == std::string::npos || (bar > 0 && !IsValidDate(cursor.substr(0, bar))) ||
      bar + 1 == cursor.size()) {
    return InvalidArgument("cursor: '" + cursor +
                           "' is not a cursor of this list (pass next_cursor as given)");
  }
  return std::make_pair(cursor.substr(0, bar), cursor.substr(bar + 1));
}

}  // namespace

Result<DuePage> ListDue(store::Store& store, const Clock& clock, const DueOptions& options) {
  ECOSOL_RETURN_IF_ERROR(CheckDays(options.days));
  if (options.limit < 1 || options.limit > 1000) {
    return InvalidArgument("limit: a whole number from 1 to 1000");
  }
  std::optional<DueActor> after;
  if (!options.cursor.empty()) {
    auto key = ParseDueCursor(options.cursor);
    if (!key.ok()) return key.status();
    after = DueActor{};
    after->id = key->second;
    after->last_confirmed = key->first;
  }
  ECOSOL_RETURN_IF_ERROR(CheckScope(store, options));
  const long long today = *DayNumber(FormatDate(clock.Now()));
  // The `limit` + 1 first due actors after the cursor: a heap with the latest on top.
  auto later = [](const DueActor& a, const DueActor& b) { return Before(a, b); };
  std::priority_queue<DueActor, std::vector<DueActor>, decltype(later)> first(later);
  DuePage page;
  const size_t keep = static_cast<size_t>(options.limit) + 1;
  ECOSOL_RETURN_IF_ERROR(Scan(store, options, [&](const model::Actor& seen, const model::Actor&) {
    Confirmation c = ConfirmationOf(seen);
    std::optional<long long> day = DayNumber(c.date);
    if (day && today - *day <= options.days) return;
    page.total += 1;
    DueActor due{seen.id, seen.name, SourceOf(seen),         seen.territory,
                 c.date,  c.by,      day ? today - *day : -1};
    if (after && !Before(*after, due)) return;
    if (first.size() < keep) {
      first.push(std::move(due));
    } else if (Before(due, first.top())) {
      first.pop();
      first.push(std::move(due));
    }
  }));
  bool more = first.size() == keep;
  if (more) first.pop();
  while (!first.empty()) {
    page.items.push_back(first.top());
    first.pop();
  }
  std::reverse(page.items.begin(), page.items.end());
  if (more) page.next_cursor = CursorOf(page.items.back());
  return page;
}

json DuePageToJson(const DuePage& page, int days) {
  json items = json::array();
  for (const DueActor& a : page.items) {
    items.push_back(
        {{"id", a.id},
         {"name", a.name},
         {"source", a.source},
         {"territory", a.territory},
         {"last_confirmed", a.last_confirmed.empty() ? json(nullptr) : json(a.last_confirmed)},
         {"confirmed_by", a.confirmed_by},
         {"days", a.days < 0 ? json(nullptr) : json(a.days)}});
  }
  return {{"items", items},
          {"total", page.total},
          {"days", days},
          {"next_cursor", page.next_cursor.empty() ? json(nullptr) : json(page.next_cursor)}};
}

Result<model::Actor> ConfirmActor(store::Store& store, const Clock& clock, const std::string& id,
                                  const Confirmer& confirmer) {
  if (confirmer.who.empty()) return InvalidArgument("confirm: who confirms is required");
  model::Actor actor;
  Status s = store.InTransaction([&]() -> Status {
    auto current = store.GetActor(id);
    if (!current.ok()) return current.status();
    if (!current->has_value() || (*current)->deleted)
      return NotFound("no actor with id '" + id + "'");
    const std::string before = model::ActorToJson(**current).dump();
    actor = std::move(**current);
    const std::string today = FormatDate(clock.Now());
    const model::Provenance confirmation{confirmer.who, today, kConfirmedMethod};
    auto prev = actor.provenance.find(kLastConfirmed);
    if (actor.attributes[kLastConfirmed] == today && prev != actor.provenance.end() &&
        prev->second == confirmation) {
      return Status::Ok();
    }
    actor.attributes[kLastConfirmed] = today;
    actor.provenance[kLastConfirmed] = confirmation;
    // Attributes filled by this confirmation alone get its provenance; others keep theirs.
    actor.provenance.try_emplace("attributes", confirmation);
    actor.version += 1;
    actor.updated_at = FormatTimestamp(clock.Now());
    ECOSOL_RETURN_IF_ERROR(store.PutActor(actor, "update"));
    store::AuditEntry e;
    e.at = actor.updated_at;
    e.who = confirmer.who;
    e.address = confirmer.address;
    e.action = "actor.confirm";
    e.object_type = "actor";
    e.object_id = id;
    e.before = before;
    e.after = model::ActorToJson(actor).dump();
    return store.AppendAudit(&e);
  });
  if (!s.ok()) return s;
  return actor;
}

}  // namespace ecosol::registry
