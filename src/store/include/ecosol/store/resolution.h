#pragma once

// What the store keeps for entity resolution, indicators and federation (migration 10):
// merges of duplicate actors (reversible: each records what it changed), stewards' decisions
// that two actors are distinct (so the review queue does not offer them again), dated
// indicators per actor (turnover, employees, members... by year, from a source) and the state
// of pulling other instances' change feeds.

#include <string>
#include <vector>

namespace ecosol::store {

struct MergeRecord {
  std::string id;  // "mrg-..."
  std::string survivor_id;
  std::vector<std::string> merged_ids;  // the actors merged into the survivor
  std::string created_at;
  std::string who;
  // JSON: the survivorship rules applied, the versions each actor had before the merge and the
  // fields the survivor took (registry/merge.h reads and writes it).
  std::string doc;
  std::string undone_at;  // empty while the merge stands
  std::string undone_by;
};

// A steward's decision on a pair of actors; a_id < b_id.
struct DedupDecision {
  std::string a_id;
  std::string b_id;
  std::string decision;  // "distinct"
  std::string decided_at;
  std::string who;
};

// A dated figure about an actor: its turnover in the economic year 2016, its employees...
struct IndicatorRecord {
  std::string actor_id;
  std::string name;    // "turnover", "employees", "members", ...
  std::string period;  // "2016" (a year) or an ISO date
  double value = 0;
  std::string unit;    // "GBP", "people", ...
  std::string source;  // provenance source
  std::string as_of;   // the date the figure describes (a year end), ISO
  std::string recorded_at;
};

// Another instance this one pulls the change feed of (ecosol sync URL).
struct SyncPeer {
  std::string url;
  std::string cursor;     // the feed's `next` position after the last pull
  std::string last_sync;  // when the last pull committed
  long long pulled = 0;   // items pulled in all
};

}  // namespace ecosol::store
