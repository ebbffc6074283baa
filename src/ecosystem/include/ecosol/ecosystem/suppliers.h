#pragma once

// Suppliers for a tender (docs/ecosystem.md, "Suppliers for a tender"): a public buyer describes
// a tender (activities, territory, an optional reservation framework such as EU directive
// 2014/24 article 20 or 77) and gets the SSE suppliers of the territory whose activities match,
// each with a verdict and, per condition of the reservation, its status, the facts read (value
// and where each came from) and a sentence.
//
//   auto tender = TenderFromJson(body, "request body");
//   Status ok = CheckTender(*tender, buyer, *catalogue);        // what, where, how to fix
//   SupplierReport r = FindSuppliers(*tender, buyer, candidates, awards, *catalogue);
//   nlohmann::json out = ToJson(r);                           // texts in en, fr, es, pt
//
// The reservation framework is an ordinary screening framework of kind `tender_reservation`
// (frameworks/eu-2014-24-art20.yaml, eu-2014-24-art77.yaml), evaluated by screening::Screen on
// each candidate's profile with the tender's facts added: tender.buyer, and for article 77's
// condition (d) tender.art77_award_within_3_years, computed from the buyer's past awards.
//
// Pure functions over their arguments: thread-safe.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/model/actor.h"
#include "ecosol/screening/framework.h"
#include "ecosol/screening/screening.h"

namespace ecosol::ecosystem {

// The framework kind of tender reservations, and the framework whose condition (d) reads past
// awards.
inline constexpr char kReservationKind[] = "tender_reservation";
inline constexpr char kArt77Framework[] = "eu-2014-24-art77";
// Article 77(3): a reserved contract lasts at most three years; (d) looks back three years.
inline constexpr int kArt77MaxYears = 3;

struct Tender {
  std::string buyer;      // actor id of the public buyer
  std::string title;      // "Home care for older people"
  std::string reference;  // the buyer's reference, "CCC-2026-014"
  std::string date;       // YYYY-MM-DD: the day the tender is published (or decided)
  // ICA activity codes ("ICA140") or sectors as the registry stores them (attributes["sector"]);
  // a candidate matches when one of its activities or its sector is one of these (codes and
  // sectors compared without regard to case).
  std::vector<std::string> activities;
  std::string territory;    // "GB/wales": candidates placed there or below
  std::string reservation;  // a tender_reservation framework id, or "" for none
  std::optional<double> max_duration_years;
};

// A recorded award: a supplier won a tender of a buyer (a `supplies` relationship from the
// supplier to the buyer, see suppliers_service.h).
struct Award {
  std::string relationship_id;
  std::string supplier;
  std::string buyer;
  std::string date;         // YYYY-MM-DD, the award date
  std::string reservation;  // framework id, or "" when the tender was not reserved
  std::string description;  // names the tender and the article
};

// A candidate supplier: the actor as the reader sees it and its current screening profile
// (registry facts, latest stored profile, statutes), with that profile's version (0: it was
// never screened, only the registry's facts are known).
struct SupplierCandidate {
  model::Actor actor;
  screening::Profile profile;
  long long profile_version = 0;
};

enum class SupplierVerdict { kEligible, kNotEligible, kInsufficientEvidence };
std::string_view ToString(SupplierVerdict v);

struct SupplierResult {
  model::Actor actor;
  std::vector<std::string> matched_activities;  // the tender's activities it matches
  long long profile_version = 0;
  SupplierVerdict verdict = SupplierVerdict::kInsufficientEvidence;
  screening::Profile profile;                     // with the tender's facts
  std::optional<screening::Screening> screening;  // when the tender is reserved
  int decided = 0;                                // conditions met or not met
  int conditions = 0;                             // conditions that apply
  std::vector<Award> recent_awards;               // art. 77 awards of the buyer that (d) counts
};

struct SupplierReport {
  Tender tender;
  std::string buyer_name;
  const screening::Framework* reservation = nullptr;  // null: not reserved
  long long candidates = 0;                           // in the territory with a matching activity
  std::vector<SupplierResult> suppliers;              // eligible first, completeness, name
};

// Reads a tender document: {"buyer", "title", "reference", "date", "activities": [...],
// "territory", "reservation" (optional), "max_duration_years" (optional)}. Unknown keys and wrong
// types are InvalidArgument naming `where` and the key.
Result<Tender> TenderFromJson(const nlohmann::json& doc, const std::string& where);
nlohmann::json TenderToJson(const Tender& t);

// Checks a tender: a buyer (known, `buyer` not null, and a public body: kind public_body or
// structure OS220), a title, a date, at least one activity, a well-formed territory id, a known
// reservation framework of kind tender_reservation, and for article 77 a duration of at most 3
// years. InvalidArgument (NotFound for an unknown buyer) saying what, where and how to fix.
Status CheckTender(const Tender& tender, const model::Actor* buyer,
                   const screening::Catalogue& catalogue);

// Whether an actor is a public body (kind public_body, or the ESSGlobal structure OS220).
bool IsPublicBody(const model::Actor& actor);
// Whether the actor is placed in `territory` or below ("GB/wales" holds "GB/wales/cardiff").
bool InTenderTerritory(const model::Actor& actor, const std::string& territory);
// The tender's activities the actor matches (empty: it does not match).
std::vector<std::string> MatchedActivities(const model::Actor& actor, const Tender& tender);

// The art. 77 awards of the tender's buyer to `supplier` dated in the three years before the
// tender's date (on or after the same day three years earlier, and not after the tender).
std::vector<Award> RecentArt77Awards(const Tender& tender, const std::string& supplier,
                                     const std::vector<Award>& awards);

// The suppliers: each candidate other than the buyer, not a public body, in the territory and
// matching an activity, with its verdict. Without a reservation every such candidate is
// eligible. The tender must have passed CheckTender.
SupplierReport FindSuppliers(const Tender& tender, const model::Actor& buyer,
                             const std::vector<SupplierCandidate>& candidates,
                             const std::vector<Award>& awards,
                             const screening::Catalogue& catalogue);

// {"tender", "buyer": {"id", "name"}, "reservation": {...} | null, "counts": {...},
//  "suppliers": [...]}; texts as {"en", "fr", "es", "pt"} (Localize picks one). The shape is
// documented in docs/http-api.md ("Suppliers for a tender").
nlohmann::json ToJson(const SupplierReport& report);

}  // namespace ecosol::ecosystem
