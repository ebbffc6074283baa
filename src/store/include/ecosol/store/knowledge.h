#pragma once

// What the store keeps for the knowledge commons (module knowledge, docs/knowledge.md;
// migration 13): social-innovation cases, every version of each, their review trail, and an
// index for multilingual full-text search with facets.
//
// The store does not read case documents: the knowledge service gives, with each version, the
// text to index and the facet values (knowledge/case_index.h). A case has a head (its latest
// version) and, once a steward approved one, a published version; readers who may not see drafts
// search and read the published version while the head waits for review.
//
// Index entries: one per version that is the head or the published one (one entry when they are
// the same version). Searches choose the published entries or the heads.

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ecosol::store {

// What the search index holds for one version of a case.
struct CaseIndexData {
  std::string title;  // shown and sorted on when there is no query
  // The full-text forms (text::IndexForms) of every title of the case, ranked above the body,
  // and of the body (summary, problem, model, elements, outcomes, text...). The caller makes
  // them, so that an import can prepare them on another thread.
  std::string title_forms;
  std::string body_forms;
  // (facet, value) pairs: ("sdg", "5"), ("country", "IN"), ("stage", "impact")...
  std::vector<std::pair<std::string, std::string>> facets;
  int year = 0;  // 0 when unknown
};

struct CaseVersionRecord {
  std::string case_id;
  long long version = 0;  // set by PutCase: 1, 2, ...
  std::string created_at;
  std::string who;
  std::string change;  // "create", "edit", "import"
  std::string doc;     // the case document (JSON)
};

// The state of a case: its versions and where it stands in review.
struct CaseState {
  std::string id;
  long long head_version = 0;
  long long published_version = 0;  // 0 while no version was approved (or after a withdrawal)
  std::string status;               // of the head: draft | in_review | published | withdrawn
  std::string created_at;           // of version 1
  std::string updated_at;           // of the head
};

// One step of the review trail.
struct CaseReviewRecord {
  std::string case_id;
  long long n = 0;        // set by ReviewCase: 1, 2, ... per case
  std::string action;     // submit | approve | return | withdraw | import
  long long version = 0;  // the version acted on
  std::string who;
  std::string at;
  std::string comment;
};

struct CaseSearchQuery {
  std::string q;          // full-text query (text/search_text.h forms); empty lists by title
  bool any_word = false;  // a case matches when it has any word of q, not all (similar cases)
  // facet -> accepted values: a case matches a facet when it has any of its values, and must
  // match every facet given.
  std::map<std::string, std::vector<std::string>> filters;
  bool heads = false;  // search the heads (drafts included) instead of the published versions
  std::string status;  // with heads: only cases whose head has this status
  std::vector<std::string> exclude_ids;
  std::string changed_since;  // only versions written at or after this timestamp
  bool newest_first = false;  // order by the version's date (newest first) instead of rank/title
  int limit = 20;             // 0: count and facets only
  int offset = 0;
  // Facets to count over the matches. A facet that is also filtered is counted over the matches
  // of every other filter (so that its other values can be added to the choice).
  std::vector<std::string> facets;
  int facet_limit = 30;  // values per facet, most frequent first
};

struct CaseHit {
  std::string id;
  long long version = 0;
  std::string created_at;  // of this version
  std::string doc;
};

struct FacetCount {
  std::string value;
  long long count = 0;
};

struct CaseSearchResult {
  long long total = 0;
  std::vector<CaseHit> hits;
  std::map<std::string, std::vector<FacetCount>> facets;
};

// A transfer of a case to another place (adaptation lineage, FRAME): the case that was adapted,
// the case describing the adapted model where it went, what was changed and how it went. Every
// change is a new version; the earlier ones are kept.
struct TransferRecord {
  std::string id;         // "tr-..."
  long long version = 0;  // set by PutTransfer
  std::string origin_case;
  std::string case_id;  // the adapted case
  std::string outcome;  // ongoing | success | partial | failure
  std::string created_at;
  std::string who;
  std::string doc;  // JSON: target context, adaptations, flags raised before the transfer...
  bool deleted = false;
};

// A saved search or topic whose new and changed cases make a feed (watch).
struct WatchRecord {
  std::string id;  // "w-..."
  std::string owner;
  std::string name;
  std::string query;  // JSON: {q, filters}
  std::string created_at;
  bool deleted = false;
};

}  // namespace ecosol::store
