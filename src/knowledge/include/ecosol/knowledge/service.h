#pragma once

// The knowledge commons over the store (docs/knowledge.md): cases written, versioned and
// reviewed before publication, imported in bulk, searched with facets and snippets, compared
// ("similar cases") and analysed for a transfer.
//
//   auto fw = TransferFrameworkIn("frameworks");
//   auto saved = CreateCase(store, clock, **fw, doc, "user:usr-1");      // a draft, version 1
//   ReviewCaseAction(store, clock, "qc-housing", "submit", "", "user:usr-1", false);
//   ReviewCaseAction(store, clock, "qc-housing", "approve", "", "user:usr-2", true);
//   CaseSearchRequest q;
//   q.q = "coopérative";
//   q.filters["sdg"] = {"11"};
//   auto page = SearchCases(store, **fw, q);                // items with snippets, facets, total
//   auto analysis = TransferOfCase(store, **fw, "qc-housing", target_json, false);
//
// Who may do what is the caller's decision (http asks auth::Authorize): `drafts` says whether the
// reader may see unpublished versions, `may_review` whether the actor of a review is a steward.
// Errors are values: InvalidArgument naming the field, NotFound, Conflict for a stale version or
// a transition the case's status does not allow.
// Thread safety: free functions over the caller's store; TransferFrameworkIn from any thread.

#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ecosol/base/clock.h"
#include "ecosol/base/status.h"
#include "ecosol/knowledge/case.h"
#include "ecosol/knowledge/framework.h"
#include "ecosol/store/store.h"

namespace ecosol::knowledge {

inline constexpr char kTransferFrameworkFile[] = "transfer-context.yaml";

// `<frameworks_dir>/transfer-context.yaml`, loaded on the first call for that folder and shared.
Result<std::shared_ptr<const TransferFramework>> TransferFrameworkIn(
    const std::string& frameworks_dir);

// The facets a search counts, in the order pages show them.
const std::vector<std::string>& CaseFacetNames();

// A case as stored: its state, the version read and that version's document.
struct StoredCase {
  store::CaseState state;
  store::CaseVersionRecord version;
  nlohmann::json doc;
};
// {"id", "version", "status", "published_version", "created_at", "updated_at", "who", "change",
//  "doc"}
nlohmann::json StoredCaseToJson(const StoredCase& c);

// Writes version 1 of a new case, a draft. Conflict when the id exists.
Result<StoredCase> CreateCase(store::Store& store, const Clock& clock,
                              const TransferFramework& framework, const nlohmann::json& doc,
                              const std::string& who);
// Writes a new version (a draft) of an existing case. `base_version` > 0 must be the head
// (Conflict otherwise); the document's id must be `id`. Nothing is written when the document
// equals the head's (the head is returned).
Result<StoredCase> UpdateCase(store::Store& store, const Clock& clock,
                              const TransferFramework& framework, const std::string& id,
                              const nlohmann::json& doc, long long base_version,
                              const std::string& who);
// A case as a reader sees it: with `drafts`, the head (or `version` when > 0); otherwise the
// published version (NotFound when there is none, and for other versions).
Result<StoredCase> GetCase(store::Store& store, const std::string& id, long long version,
                           bool drafts);
// The versions a reader may see, oldest first (without `drafts`: up to the published one).
Result<std::vector<store::CaseVersionRecord>> CaseHistory(store::Store& store,
                                                          const std::string& id, bool drafts);

// Review actions and the status they lead to:
//   submit    draft -> in_review                         (any contributor)
//   approve   in_review (or draft) -> published          (stewards)
//   return    in_review -> draft, a comment is required  (stewards)
//   withdraw  published or in_review -> withdrawn        (stewards)
// Conflict names the status and the actions it allows; PermissionDenied when a steward's action
// is asked without `may_review`.
Result<StoredCase> ReviewCaseAction(store::Store& store, const Clock& clock, const std::string& id,
                                    const std::string& action, const std::string& comment,
                                    const std::string& who, bool may_review);

// Bulk import of case documents, published at once (an import is reviewed by whoever runs it):
// new ids are created, changed ones get a new version, unchanged ones are left alone. One
// transaction: a bad document fails the whole import, naming it, and nothing is kept.
struct CaseImportReport {
  long long read = 0;
  long long created = 0;
  long long updated = 0;
  long long unchanged = 0;
  std::vector<std::string> warnings;  // values an importer could not read ("line 12: ...")
};
nlohmann::json CaseImportReportToJson(const CaseImportReport& report);
// `progress` (optional) is called every 500 documents with the number read so far.
using ImportProgress = std::function<void(long long read)>;
// A JSON array of case documents (data/knowledge/seed-cases.json).
Result<CaseImportReport> ImportCaseFile(store::Store& store, const Clock& clock,
                                        const TransferFramework& framework, const std::string& path,
                                        const std::string& who,
                                        const ImportProgress& progress = nullptr);
// The UNDP SDG Innovation Commons export (JSON Lines, knowledge/undp.h).
Result<CaseImportReport> ImportUndpFile(store::Store& store, const Clock& clock,
                                        const TransferFramework& framework, const std::string& path,
                                        const std::string& who,
                                        const ImportProgress& progress = nullptr);

// A search as the API and CLI ask it.
struct CaseSearchRequest {
  std::string q;
  std::map<std::string, std::vector<std::string>> filters;  // facet -> values (CaseFacetNames)
  bool drafts = false;  // search the heads (stewards) instead of the published versions
  std::string status;   // with drafts: only this status
  int limit = 20;       // 1..100
  int offset = 0;
  std::string lang = "en";  // the language titles and summaries are shown in, when they have it
  bool facets = true;
  bool newest_first = false;  // by the date of the version found instead of relevance or title
  std::string changed_since;  // only versions written at or after this timestamp
};
// {"total", "items": [{"id", "version", "status", "title", "title_lang", "summary", "snippet",
//   "type", "year", "countries", "sdgs", "themes", "stage", "strength", "updated_at"}],
//  "facets": {"sdg": [{"value", "count"}], ...}}
// InvalidArgument for an unknown facet, a bad limit or offset.
Result<nlohmann::json> SearchCases(store::Store& store, const TransferFramework& framework,
                                   const CaseSearchRequest& request);
// Cases sharing the most with `id`: its title, themes and SDGs as an any-word query, re-ranked by
// shared SDGs, themes, countries and type. {"items": [... as search, plus "score", "shared"]}.
Result<nlohmann::json> SimilarCases(store::Store& store, const TransferFramework& framework,
                                    const std::string& id, int limit, bool drafts,
                                    const std::string& lang);

// Actors of a territory that offer one of some asset types (the ecosystem module's partner
// index answers it; the caller passes it in, as modules do not call each other):
// [{"id", "name", "territory", "asset_type", "offer"}].
using LocalPartnerFinder = std::function<Result<nlohmann::json>(
    const std::vector<std::string>& asset_types, const std::string& territory)>;

// The transfer analysis of a stored case (the version the reader may see) to `context`, a
// context profile document that may also name the target's "territory" (an id of the registry's
// territories): TransferAnalysisToJson plus "case_version", "territory" and "local_partners":
// per risk flag, the actors of the territory who offer the asset types the flag lists
// ([{"flag", "element", "assets", "actors"}]; empty without a territory or a finder).
Result<nlohmann::json> TransferOfCase(store::Store& store, const TransferFramework& framework,
                                      const std::string& case_id, const nlohmann::json& context,
                                      bool drafts, const LocalPartnerFinder& partners = nullptr);

// The catalogue a transfer wizard builds its form from: {"domains": [{"id", "label"}],
// "features": [{"id", "domain", "type", "label", "question", "values": [{"id", "label"}],
// "min", "max"}]}, labels in `lang`.
nlohmann::json ContextCatalogueJson(const TransferFramework& framework, const std::string& lang);

// --- adaptation lineage (lineage.h) ---
// Records a transfer (a new version when its id exists; an id "tr-<origin>-<8 hex>" is made when
// it has none). Both cases must exist. Without "flags", the flags are those of a transfer
// analysis of the origin case to "target" (none when there is no target). Returns the stored
// document with "version".
Result<nlohmann::json> RecordTransfer(store::Store& store, const Clock& clock,
                                      const TransferFramework& framework, const nlohmann::json& doc,
                                      const std::string& who);
// Where a case came from and where it went: {"case", "origin": [transfers to it],
// "transfers": [transfers from it], "flag_history": FlagHistoryToJson over every transfer}.
// NotFound for a case the reader may not read.
Result<nlohmann::json> LineageOf(store::Store& store, const TransferFramework& framework,
                                 const std::string& case_id, bool drafts);

// --- watch: saved searches and their Atom feeds ---
// Saves a search {"name", "q", filters by facet: "sdg": ["5"], ...} for `owner`; returns the
// watch {"id", "name", "query", "created_at"}. The id ("w-" and 16 random hex digits) is the
// feed's address: it names no one and shows only published cases.
Result<nlohmann::json> SaveWatch(store::Store& store, const Clock& clock, const nlohmann::json& doc,
                                 const std::string& owner);
// The owner's watches, by name.
Result<nlohmann::json> WatchesOf(store::Store& store, const std::string& owner);
// Deletes a watch of `owner` (NotFound for another owner's or an unknown one).
Status DeleteWatch(store::Store& store, const std::string& id, const std::string& owner);
// The search a watch saved.
Result<CaseSearchRequest> WatchSearch(store::Store& store, const std::string& id);
// An Atom feed (RFC 4287) of the newest published versions matching `request` (at most 50):
// one entry per case, its link `<site>/#/knowledge/cases/<id>`, updated at the version's date.
Result<std::string> CasesFeedAtom(store::Store& store, const TransferFramework& framework,
                                  CaseSearchRequest request, const std::string& title,
                                  const std::string& site, const std::string& feed_id);

}  // namespace ecosol::knowledge
