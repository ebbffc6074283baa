#pragma once

// What the store keeps for social finance (docs/finance.md, store migration 14): versioned JSON
// documents by kind and id (readiness assessments, funders, funds, applications, loans,
// guarantee funds, share registers, campaigns). The finance module checks and interprets the
// documents; the store keeps every version, the head of each, and who wrote it when.

#include <string>

namespace ecosol::store {

// One version of a finance document.
struct FinanceRecord {
  std::string kind;       // "loan", "fund", "assessment", ...
  std::string id;         // unique within its kind
  long long version = 0;  // set by PutFinanceRecord: 1, 2, ...
  std::string actor_id;   // the organisation it concerns, or empty
  std::string parent;     // what it belongs to (the fund of an application or loan), or empty
  std::string doc;        // JSON
  std::string who;
  std::string at;        // ISO 8601 timestamp
  bool deleted = false;  // a deletion is a version too: putting it again restores it
};

// Which heads FinanceRecords lists: one kind; an empty actor_id or parent is any.
struct FinanceQuery {
  std::string kind;
  std::string actor_id;
  std::string parent;
  bool with_deleted = false;
};

}  // namespace ecosol::store
