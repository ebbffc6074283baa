#pragma once

// Social finance over the store (docs/finance.md, "Service"): finance documents kept as
// versioned records (store/finance.h), checked by the engines before they are written, and the
// views the CLI, the API and the web pages show: an organisation's finance, a fund with its
// capital stack and waterfall, a fund's allocation, and the loan book with its portfolio at risk.
//
//   auto fw = FinanceFrameworksIn("frameworks");
//   PutRecordRequest put{.kind = "loan", .id = "L-1", .doc = loan_json, .who = "user:usr-1"};
//   auto saved = PutRecord(store, clock, **fw, put);          // version 1, checked by ParseLoan
//   auto book = LoanBookView(store, **fw, {.as_of = "2026-06-30"});   // PAR30, PAR90, positions
//
// Record kinds and what their document holds (each checked by the engine that reads it):
//   funder          a funder (matching.h ParseFunder); actor_id: the funder's actor, if any
//   profile         {"facts": {...}, "region"?, "sector"?, "amount_sought"?}: what an
//                   organisation's finance profile adds to its registry record; id = actor_id
//   assessment      a readiness assessment (readiness.h ParseAssessment); actor_id = its
//                   "organisation"; id defaults to "<organisation>-<date>"
//   fund            a fund (fund.h ParseFund: id, name, currency, tranches) plus, optionally,
//                   "leverage": a leverage rule (ParseLeverageRule) and "allocation": {"rules":
//                   allocation rules, "options"?: solver options} (allocation.h)
//   application     an application (allocation.h ParseAllocationApplication); parent = the
//                   fund; actor_id = the applying organisation (both required)
//   loan            a loan (loan_book.h ParseLoan); actor_id = the borrower (required); parent =
//                   the fund that lent it, if any
//   guarantee_fund  a guarantee fund with its guarantees and calls (guarantee_fund.h)
//   share_register  a co-operative's member shares and withdrawal requests (share_capital.h);
//                   actor_id = the co-operative
//   campaign        a match-funded campaign (match.h ParseCampaign) plus "rule": its match rule
//                   (ParseMatchRule); parent = the fund, if any
//   allocation      a saved allocation of a fund (written by AllocateFund with save); id = the
//                   fund's id; not written by hand
// A record's id, inside its document ("id", for the kinds that have one), must equal the
// record's id; the service fills it in when the document has none.
//
// Who may do what is the caller's decision (http asks auth::Authorize). Errors are values:
// InvalidArgument naming the field, NotFound, Conflict for a stale base version.
// Thread safety: free functions over the caller's store; FinanceFrameworksIn from any thread.

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "ecosol/base/clock.h"
#include "ecosol/base/status.h"
#include "ecosol/finance/impact.h"
#include "ecosol/finance/mechanisms.h"
#include "ecosol/finance/readiness.h"
#include "ecosol/store/finance.h"
#include "ecosol/store/store.h"

namespace ecosol::finance {

inline constexpr char kMechanismsFile[] = "finance-mechanisms.yaml";
inline constexpr char kReadinessFile[] = "finance-readiness.yaml";

struct FinanceFrameworks {
  std::shared_ptr<const MechanismCatalogue> mechanisms;
  std::shared_ptr<const ReadinessFramework> readiness;
};

// `<frameworks_dir>/finance-mechanisms.yaml` and `finance-readiness.yaml`, loaded on the first
// call for that folder and shared.
Result<std::shared_ptr<const FinanceFrameworks>> FinanceFrameworksIn(
    const std::string& frameworks_dir);

// The record kinds above, in that order.
const std::vector<std::string>& FinanceRecordKinds();

// Checks a document of a kind as its engine reads it. InvalidArgument naming the field, or the
// kind when it is not one of FinanceRecordKinds() (or is "allocation").
Status CheckFinanceDocument(const FinanceFrameworks& fw, const std::string& kind,
                            const nlohmann::json& doc);

// {"kind", "id", "version", "actor_id", "parent", "doc" (parsed), "who", "at", "deleted"}
nlohmann::json FinanceRecordToJson(const store::FinanceRecord& record);

struct PutRecordRequest {
  std::string kind;
  std::string id;
  nlohmann::json doc;
  std::string actor_id;  // empty: taken from the document where the kind has one (see above)
  std::string parent;    // empty: none
  // The version the writer read: 0 for a new record (Conflict when it exists), -1 to write
  // over whatever is there (imports and the demo).
  long long base_version = 0;
  std::string who;
};

// Checks, then writes a new version. Nothing is written when the document, actor and parent
// equal the current (not deleted) version's: that version is returned.
Result<store::FinanceRecord> PutRecord(store::Store& store, const Clock& clock,
                                       const FinanceFrameworks& fw, PutRecordRequest request);
// Writes a deletion (a version with deleted set); putting the record again restores it.
// NotFound when there is no such record or it is deleted already; Conflict for a stale base.
Result<store::FinanceRecord> DeleteRecord(store::Store& store, const Clock& clock,
                                          const std::string& kind, const std::string& id,
                                          long long base_version, const std::string& who);
// A version (0: the current one). NotFound when there is none; a deleted current version is
// returned (deleted set) so that callers can show it and restore it.
Result<store::FinanceRecord> GetRecord(store::Store& store, const std::string& kind,
                                       const std::string& id, long long version = 0);

// Writes every record of a bundle {"<kind>": [{"id", "actor_id"?, "parent"?, "doc"}...], ...}
// in one transaction, after checking all of them: all are written or none. Base version -1.
struct FinanceImportSummary {
  int written = 0;    // new versions
  int unchanged = 0;  // equal to the current version
};
Result<FinanceImportSummary> ImportFinanceBundle(store::Store& store, const Clock& clock,
                                                 const FinanceFrameworks& fw,
                                                 const nlohmann::json& bundle,
                                                 const std::string& who);

// An organisation's finance: {"actor": {"id", "name", "territory"}, "profile": the facts used,
// "readiness": ReadinessRequest's answer over its assessments, or null, "mechanisms":
// MechanismMatchToJson, "funders": FunderMatchToJson over every stored funder, "applications":
// [record], "loans": [{"record", "position": LoanPositionToJson}] at `as_of`, "share_register":
// WithdrawalPlanToJson or null}. NotFound when the actor is not in the registry.
struct OrganisationFinanceRequest {
  std::string actor_id;
  std::string lang = "en";
  std::string as_of;  // YYYY-MM-DD; empty: today by the clock
};
Result<nlohmann::json> OrganisationFinance(store::Store& store, const Clock& clock,
                                           const FinanceFrameworks& fw,
                                           const OrganisationFinanceRequest& request);

// A stored funder's eligible applicants among the organisations finance knows (those with a
// profile, an assessment or an application), ranked: FunderMatchToJson. Each organisation is
// seen as on its finance page (registry record, stored profile, latest assessment).
Result<nlohmann::json> FunderApplicants(store::Store& store, const FinanceFrameworks& fw,
                                        const std::string& funder_id,
                                        const std::string& lang = "en");

// The funds: {"items": [{"id", "name", "currency", "committed", "public", "private",
// "leverage": LeverageCheckToJson, "applications", "loans"}]}, by id.
Result<nlohmann::json> FundList(store::Store& store);

// One fund: {"record", "fund": FundToJson, "warnings": [...], "leverage": LeverageCheckToJson
// (the fund's rule, else Canada's 2:1), "waterfall": WaterfallToJson of `loss` (default: 10% of
// the drawn total, the capital that absorbs losses), "losses": [WaterfallToJson at 0%, 10%, ...,
// 100% of the drawn total] for the chart, "applications": [record], "allocation": the saved
// allocation record or null, "loans": {"count", "outstanding"}}.
struct FundViewRequest {
  std::string fund_id;
  std::optional<std::int64_t> loss;  // cents
  std::string as_of;                 // for the loans' outstanding principal; empty: today
};
Result<nlohmann::json> FundView(store::Store& store, const Clock& clock,
                                const FundViewRequest& request);

// Allocates a fund: the problem is the fund's "allocation" rules (its leverage rule when the
// rules give none) over its applications (not deleted). Answers AllocationResultToJson plus
// "applications": [{"id", "actor_id", "requested", "mip", "greedy"}] and "fund". With `save`,
// writes the answer as the fund's "allocation" record (a new version). InvalidArgument when
// the fund has no allocation rules or no applications.
struct AllocateFundRequest {
  std::string fund_id;
  bool save = false;
  std::optional<double> time_limit_seconds;
  std::string who;
};
Result<nlohmann::json> AllocateFund(store::Store& store, const Clock& clock,
                                    const AllocateFundRequest& request);

// The loan book at a date: {"as_of", "par": PortfolioAtRiskToJson, "loans": [{"id",
// "actor_id", "actor_name", "parent", "principal", "disbursed_on", "outstanding_principal",
// "days_in_arrears", "restructured", "written_off"}], "funds": [parent ids]}. `fund` keeps the
// loans of one fund; thresholds default to 30 and 90 days.
struct LoanBookRequest {
  std::string as_of;  // empty: today
  std::string fund;
  std::vector<int> thresholds;
};
Result<nlohmann::json> LoanBookView(store::Store& store, const Clock& clock,
                                    const LoanBookRequest& request);

// A stored guarantee fund evaluated (guarantee_fund.h): {"record", "report":
// GuaranteeFundReportToJson}: what each loan's guarantee covers and costs, each call paid and
// what limited it, the exposure and the capacity left. NotFound when there is none.
Result<nlohmann::json> GuaranteeFundView(store::Store& store, const std::string& id);

// A stored match-funded campaign evaluated at `as_of` (match.h): {"record", "match":
// MatchResultToJson}: raised, backers, the match earned and owed now, what limits it, whether it
// is released and what blocks it. `as_of` empty: today.
Result<nlohmann::json> CampaignView(store::Store& store, const Clock& clock, const std::string& id,
                                    const std::string& as_of);

// The impact export (impact.h) of what is stored: the loan book (of `fund`, or every loan), the
// funds (that one, or all) with their saved allocations, and the readiness assessments of the
// organisations, at `as_of`. The currency is the funds' (`currency` when given; funds in
// another currency are refused: export each currency on its own); "XXX" (no currency) when
// there is no fund.
struct ImpactRequest {
  std::string as_of;  // empty: today
  std::string fund;   // empty: the whole portfolio
  std::string currency;
  std::string reporter_id = "ecosol";
  std::string reporter_name = "Ecosol";
};
Result<ImpactReport> ImpactOfStore(store::Store& store, const Clock& clock,
                                   const FinanceFrameworks& fw, const ImpactRequest& request);

}  // namespace ecosol::finance
