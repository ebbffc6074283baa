// The import path of indicators: find the actors, check, compare with what is stored, write the
// new and changed figures in one transaction.

#include "ecosol/interop/indicators.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace ecosol::interop {
namespace {

using store::IndicatorRecord;

// Where each key's actor is: its id, or why there is none.
struct Resolved {
  std::string actor_id;
  std::string problem;
};

class ActorFinder {
 public:
  ActorFinder(store::Store& store, const std::string& id_scheme)
      : store_(store), id_scheme_(id_scheme) {}

  Result<const Resolved*> Find(const std::string& key) {
    auto [it, fresh] = cache_.try_emplace(key);
    if (!fresh) return &it->second;
    auto id = store_.FindByIdentifier(id_scheme_, key);
    if (!id.ok()) return id.status();
    if (!id->has_value()) {
      it->second.problem = "'" + key + "': no actor has this " + id_scheme_ +
                           " identifier (import the organisations first, then their figures)";
      return &it->second;
    }
    auto actor = store_.GetActor(**id);
    if (!actor.ok()) return actor.status();
    if (!actor->has_value() || (*actor)->deleted) {
      it->second.problem = "'" + key + "' belongs to actor '" + **id +
                           "', which is deleted (restore it to import its figures)";
      return &it->second;
    }
    it->second.actor_id = **id;
    return &it->second;
  }

 private:
  store::Store& store_;
  const std::string& id_scheme_;
  std::unordered_map<std::string, Resolved> cache_;
};

void SortByLine(std::vector<registry::FieldError>* errors) {
  std::stable_sort(errors->begin(), errors->end(),
                   [](const auto& a, const auto& b) { return a.line < b.line; });
}

// Gives each row its actor; rows that cannot have one are rejected (once per line).
Status Resolve(store::Store& store, const IndicatorImportOptions& options, ParsedIndicators& parsed,
               std::vector<IndicatorRow>* valid, std::vector<registry::FieldError>* rejected) {
  ActorFinder finder(store, options.id_scheme);
  std::set<long long> refused_lines;
  // (actor, name, period) -> line: the same figure twice would silently keep only the last.
  std::map<std::tuple<std::string, std::string, std::string>, long long> seen;
  for (IndicatorRow& row : parsed.rows) {
    if (refused_lines.count(row.line)) continue;
    auto found = finder.Find(row.key);
    if (!found.ok()) return found.status();
    const Resolved& r = **found;
    std::string problem = r.problem;
    if (problem.empty()) {
      auto [it, fresh] =
          seen.try_emplace({r.actor_id, row.record.name, row.record.period}, row.line);
      if (!fresh && it->second != row.line) {
        problem = "the " + row.record.name + " of " + row.record.period + " of actor '" +
                  r.actor_id + "' is also on line " + std::to_string(it->second);
      }
    }
    if (!problem.empty()) {
      refused_lines.insert(row.line);
      rejected->push_back({row.line, parsed.key_column, problem});
      continue;
    }
    row.record.actor_id = r.actor_id;
    row.record.source = options.source;
    valid->push_back(std::move(row));
  }
  // A line refused for one of its figures is refused whole.
  std::erase_if(*valid, [&](const IndicatorRow& row) { return refused_lines.count(row.line); });
  return Status::Ok();
}

bool SameFigure(const IndicatorRecord& a, const IndicatorRecord& b) {
  return a.value == b.value && a.unit == b.unit && a.as_of == b.as_of;
}

// Compares the rows with the stored figures of their actors; returns those to write.
Result<std::vector<IndicatorRecord>> Changes(store::Store& store, std::vector<IndicatorRow> rows,
                                             const std::string& recorded_at,
                                             registry::ImportReport* report) {
  std::map<std::string, std::vector<IndicatorRecord>> by_actor;
  for (IndicatorRow& row : rows) {
    row.record.recorded_at = recorded_at;
    by_actor[row.record.actor_id].push_back(std::move(row.record));
  }
  std::vector<IndicatorRecord> changes;
  for (auto& [actor_id, records] : by_actor) {
    auto stored = store.Indicators(actor_id);
    if (!stored.ok()) return stored.status();
    std::map<std::tuple<std::string, std::string, std::string>, const IndicatorRecord*> before;
    for (const IndicatorRecord& s : *stored) before[{s.name, s.period, s.source}] = &s;
    for (IndicatorRecord& r : records) {
      auto it = before.find({r.name, r.period, r.source});
      if (it == before.end()) {
        ++report->imported;
      } else if (SameFigure(*it->second, r)) {
        ++report->unchanged;
        continue;
      } else {
        ++report->updated;
      }
      changes.push_back(std::move(r));
    }
  }
  return changes;
}

}  // namespace

Result<registry::ImportReport> ImportIndicators(store::Store& store, ParsedIndicators parsed,
                                                const IndicatorImportOptions& options) {
  if (options.source.empty()) return InvalidArgument("source: required (the figures' provenance)");
  if (options.id_scheme.empty()) {
    return InvalidArgument("id_scheme: required (the scheme of the identifiers naming actors)");
  }
  registry::ImportReport report;
  report.rejected = std::move(parsed.rejected);
  std::vector<IndicatorRow> valid;
  ECOSOL_RETURN_IF_ERROR(Resolve(store, options, parsed, &valid, &report.rejected));
  SortByLine(&report.rejected);
  if (options.dry_run || (!report.rejected.empty() && !options.skip_invalid)) return report;
  const Clock& clock = options.clock ? *options.clock : SystemClock();
  registry::ImportReport counts;
  Status s = store.InTransaction([&]() -> Status {
    auto changes = Changes(store, std::move(valid), FormatTimestamp(clock.Now()), &counts);
    if (!changes.ok()) return changes.status();
    ECOSOL_RETURN_IF_ERROR(store.PutIndicators(*changes));
    if (options.before_commit) {
      registry::ImportReport written = counts;
      written.rejected = report.rejected;
      written.committed = true;
      ECOSOL_RETURN_IF_ERROR(options.before_commit(written));
    }
    if (changes->empty()) return Status::Ok();
    store::AuditEntry e;
    e.at = FormatTimestamp(clock.Now());
    e.who = options.audit_who;
    e.address = options.audit_address;
    e.action = "indicators.import";
    e.object_type = "source";
    e.object_id = options.source;
    e.after = nlohmann::json{{"imported", counts.imported},
                             {"updated", counts.updated},
                             {"unchanged", counts.unchanged}}
                  .dump();
    return store.AppendAudit(&e);
  });
  if (!s.ok()) return s;
  report.imported = counts.imported;
  report.updated = counts.updated;
  report.unchanged = counts.unchanged;
  report.committed = true;
  return report;
}

nlohmann::json IndicatorToJson(const IndicatorRecord& i) {
  nlohmann::json value = i.value;
  // Counts and money in whole units read better as integers (9301000000, not 9301000000.0).
  if (std::trunc(i.value) == i.value && std::fabs(i.value) < 9.0e15) {
    value = static_cast<long long>(i.value);
  }
  return {{"name", i.name},
          {"period", i.period},
          {"value", value},
          {"unit", i.unit},
          {"source", i.source},
          {"as_of", i.as_of},
          {"recorded_at", i.recorded_at}};
}

nlohmann::json IndicatorsToJson(const std::string& actor_id,
                                const std::vector<IndicatorRecord>& indicators) {
  nlohmann::json items = nlohmann::json::array();
  for (const IndicatorRecord& i : indicators) items.push_back(IndicatorToJson(i));
  return {{"actor_id", actor_id}, {"items", std::move(items)}};
}

}  // namespace ecosol::interop
