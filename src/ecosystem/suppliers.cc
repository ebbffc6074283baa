// Suppliers for a tender: reading and checking the tender, the territory and activity filters,
// and each candidate's verdict from the screening engine (suppliers.h).

#include "ecosol/ecosystem/suppliers.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

#include "ecosol/base/clock.h"
#include "ecosol/base/strings.h"

namespace ecosol::ecosystem {
namespace {

using nlohmann::json;

Status Bad(const std::string& where, const std::string& what) {
  return InvalidArgument(where + ": " + what);
}

Result<std::string> StringField(const json& doc, const char* key, const std::string& where) {
  auto it = doc.find(key);
  if (it == doc.end() || it->is_null()) return std::string();
  if (!it->is_string()) return Bad(where, std::string(key) + ": expected a string");
  return it->get<std::string>();
}

Result<std::vector<std::string>> Activities(const json& doc, const std::string& where) {
  std::vector<std::string> out;
  auto it = doc.find("activities");
  if (it == doc.end() || it->is_null()) return out;
  if (!it->is_array()) {
    return Bad(where, "activities: expected a list such as [\"ICA140\", \"Social care\"]");
  }
  for (const json& a : *it) {
    if (!a.is_string()) return Bad(where, "activities: each activity must be a string");
    std::string v(Trim(a.get<std::string>()));
    if (!v.empty()) out.push_back(std::move(v));
  }
  return out;
}

std::string Folded(std::string_view s) { return AsciiLower(Trim(s)); }

// The reservation frameworks of the catalogue, for messages: "eu-2014-24-art20, ...".
std::string ReservationIds(const screening::Catalogue& catalogue) {
  std::vector<std::string> ids;
  for (const screening::Framework& f : catalogue.frameworks()) {
    if (f.kind == kReservationKind) ids.push_back(f.id);
  }
  return ids.empty() ? "none" : Join(ids, ", ");
}

Status CheckReservation(const Tender& t, const screening::Catalogue& catalogue) {
  if (t.reservation.empty()) return Status::Ok();
  const screening::Framework* f = catalogue.Find(t.reservation);
  if (!f || f->kind != kReservationKind) {
    return Bad("tender", "reservation: '" + t.reservation +
                             "' is not a tender reservation framework; give one of " +
                             ReservationIds(catalogue) + ", or leave it out for an open tender");
  }
  if (t.reservation == kArt77Framework &&
      (!t.max_duration_years || *t.max_duration_years > kArt77MaxYears)) {
    return Bad("tender", "max_duration_years: a contract reserved under article 77 lasts at most " +
                             std::to_string(kArt77MaxYears) +
                             " years (art. 77(3)); give max_duration_years of 3 or less");
  }
  return Status::Ok();
}

Status CheckBuyer(const Tender& t, const model::Actor* buyer) {
  if (t.buyer.empty()) {
    return Bad("tender", "buyer: required (the actor id of the public buyer, e.g. \"cardiff-cc\")");
  }
  if (!buyer) {
    return NotFound("tender: buyer: no actor with id '" + t.buyer +
                    "' (record the public buyer in the registry first, kind public_body)");
  }
  if (!IsPublicBody(*buyer)) {
    return Bad("tender", "buyer: '" + t.buyer +
                             "' is not a public body (its kind must be public_body, or its "
                             "structures include OS220, government agency)");
  }
  return Status::Ok();
}

Status CheckTerritoryId(const std::string& t) {
  bool bad = t.empty() || t.front() == '/' || t.back() == '/' || t.find("//") != std::string::npos;
  for (char c : t) bad = bad || std::isspace(static_cast<unsigned char>(c));
  if (!bad) return Status::Ok();
  return Bad("tender", "territory: '" + t +
                           "' is not a territory id; write it as GB, GB/wales or GB/wales/cardiff "
                           "(see `ecosol territories list`)");
}

// The candidate's result, its profile with the tender's facts and the screening when reserved.
SupplierResult Evaluate(const Tender& tender, const SupplierCandidate& c,
                        const std::vector<Award>& awards, const screening::Framework* reservation,
                        std::vector<std::string> matched) {
  SupplierResult r;
  r.actor = c.actor;
  r.matched_activities = std::move(matched);
  r.profile_version = c.profile_version;
  r.profile = c.profile;
  if (!reservation) {
    r.verdict = SupplierVerdict::kEligible;
    return r;
  }
  // The tender's facts are the service's, whatever a profile declares.
  r.profile.facts["tender"] = json::object();
  r.profile.facts["tender"]["buyer"] = tender.buyer;
  r.profile.origins["tender.buyer"] = {"tender", "", tender.date, nullptr};
  r.recent_awards = RecentArt77Awards(tender, c.actor.id, awards);
  r.profile.facts["tender"]["art77_award_within_3_years"] = !r.recent_awards.empty();
  r.profile.origins["tender.art77_award_within_3_years"] = {"awards", "", tender.date, nullptr};
  screening::Screening s = screening::Screen(r.profile, *reservation, {});
  for (const screening::PrincipleResult& p : s.principles) {
    for (const screening::CriterionResult& cr : p.criteria) {
      if (cr.status == screening::CriterionStatus::kNotApplicable) continue;
      ++r.conditions;
      if (cr.status != screening::CriterionStatus::kInsufficientEvidence) ++r.decided;
    }
  }
  switch (s.verdict) {
    case screening::Verdict::kConsistent:
      r.verdict = SupplierVerdict::kEligible;
      break;
    case screening::Verdict::kInconsistent:
    case screening::Verdict::kPartiallyConsistent:
      r.verdict = SupplierVerdict::kNotEligible;
      break;
    default:
      r.verdict = SupplierVerdict::kInsufficientEvidence;
  }
  r.screening = std::move(s);
  return r;
}

double Completeness(const SupplierResult& r) {
  return r.conditions == 0 ? 1.0 : static_cast<double>(r.decided) / r.conditions;
}

}  // namespace

std::string_view ToString(SupplierVerdict v) {
  switch (v) {
    case SupplierVerdict::kEligible:
      return "eligible";
    case SupplierVerdict::kNotEligible:
      return "not_eligible";
    case SupplierVerdict::kInsufficientEvidence:
      break;
  }
  return "insufficient_evidence";
}

Result<Tender> TenderFromJson(const json& doc, const std::string& where) {
  if (!doc.is_object()) return Bad(where, "expected a tender object {\"buyer\", \"title\", ...}");
  static const std::set<std::string> kKeys = {
      "buyer",      "title",     "reference",   "date",
      "activities", "territory", "reservation", "max_duration_years"};
  for (const auto& [key, value] : doc.items()) {
    if (!kKeys.count(key)) {
      return Bad(where, "unknown key '" + key + "' (a tender has " +
                            Join({kKeys.begin(), kKeys.end()}, ", ") + ")");
    }
  }
  Tender t;
  std::pair<const char*, std::string*> strings[] = {
      {"buyer", &t.buyer}, {"title", &t.title},         {"reference", &t.reference},
      {"date", &t.date},   {"territory", &t.territory}, {"reservation", &t.reservation}};
  for (auto& [key, field] : strings) {
    auto v = StringField(doc, key, where);
    if (!v.ok()) return v.status();
    *field = std::string(Trim(*v));
  }
  auto activities = Activities(doc, where);
  if (!activities.ok()) return activities.status();
  t.activities = std::move(*activities);
  auto it = doc.find("max_duration_years");
  if (it != doc.end() && !it->is_null()) {
    if (!it->is_number() || !std::isfinite(it->get<double>()) || it->get<double>() <= 0) {
      return Bad(where, "max_duration_years: expected a number of years above 0, such as 3");
    }
    t.max_duration_years = it->get<double>();
  }
  return t;
}

json TenderToJson(const Tender& t) {
  json out = {{"buyer", t.buyer},
              {"title", t.title},
              {"reference", t.reference},
              {"date", t.date},
              {"activities", t.activities},
              {"territory", t.territory},
              {"reservation", t.reservation.empty() ? json() : json(t.reservation)}};
  out["max_duration_years"] = t.max_duration_years ? json(*t.max_duration_years) : json();
  return out;
}

Status CheckTender(const Tender& tender, const model::Actor* buyer,
                   const screening::Catalogue& catalogue) {
  ECOSOL_RETURN_IF_ERROR(CheckBuyer(tender, buyer));
  if (tender.title.empty()) {
    return Bad("tender", "title: required (what is bought, e.g. \"Home care for older people\")");
  }
  if (!IsValidDate(tender.date)) {
    return Bad("tender",
               "date: '" + tender.date + "' is not a date; give the tender's date as YYYY-MM-DD");
  }
  if (tender.activities.empty()) {
    return Bad("tender",
               "activities: give at least one ICA activity code (\"ICA140\") or sector "
               "as the registry stores them");
  }
  ECOSOL_RETURN_IF_ERROR(CheckTerritoryId(tender.territory));
  return CheckReservation(tender, catalogue);
}

bool IsPublicBody(const model::Actor& actor) {
  if (actor.kind == model::ActorKind::kPublicBody) return true;
  return std::any_of(actor.structures.begin(), actor.structures.end(),
                     [](const std::string& s) { return Folded(s) == "os220"; });
}

bool InTenderTerritory(const model::Actor& actor, const std::string& territory) {
  const std::string& t = actor.territory;
  if (t.compare(0, territory.size(), territory) != 0) return false;
  return t.size() == territory.size() || t[territory.size()] == '/';
}

std::vector<std::string> MatchedActivities(const model::Actor& actor, const Tender& tender) {
  std::set<std::string> own;
  for (const std::string& a : actor.activities) own.insert(Folded(a));
  if (!actor.primary_activity.empty()) own.insert(Folded(actor.primary_activity));
  auto sector = actor.attributes.find("sector");
  if (sector != actor.attributes.end()) own.insert(Folded(sector->second));
  std::vector<std::string> out;
  for (const std::string& a : tender.activities) {
    if (own.count(Folded(a))) out.push_back(a);
  }
  return out;
}

std::vector<Award> RecentArt77Awards(const Tender& tender, const std::string& supplier,
                                     const std::vector<Award>& awards) {
  std::vector<Award> out;
  long long year = 0;
  if (tender.date.size() < 10 || !ParseInt64(tender.date.substr(0, 4), &year)) return out;
  // Three years back to the same day; string order is date order for YYYY-MM-DD.
  std::string since = std::to_string(year - kArt77MaxYears) + tender.date.substr(4);
  for (const Award& a : awards) {
    if (a.supplier != supplier || a.buyer != tender.buyer || a.reservation != kArt77Framework) {
      continue;
    }
    if (a.date >= since && a.date <= tender.date) out.push_back(a);
  }
  return out;
}

SupplierReport FindSuppliers(const Tender& tender, const model::Actor& buyer,
                             const std::vector<SupplierCandidate>& candidates,
                             const std::vector<Award>& awards,
                             const screening::Catalogue& catalogue) {
  SupplierReport report;
  report.tender = tender;
  report.buyer_name = buyer.name;
  if (!tender.reservation.empty()) report.reservation = catalogue.Find(tender.reservation);
  for (const SupplierCandidate& c : candidates) {
    if (c.actor.deleted || c.actor.id == tender.buyer || IsPublicBody(c.actor)) continue;
    if (!InTenderTerritory(c.actor, tender.territory)) continue;
    std::vector<std::string> matched = MatchedActivities(c.actor, tender);
    if (matched.empty()) continue;
    ++report.candidates;
    report.suppliers.push_back(Evaluate(tender, c, awards, report.reservation, std::move(matched)));
  }
  std::sort(report.suppliers.begin(), report.suppliers.end(),
            [](const SupplierResult& a, const SupplierResult& b) {
              auto key = [](const SupplierResult& r) {
                return std::make_tuple(r.verdict != SupplierVerdict::kEligible, -Completeness(r),
                                       std::cref(r.actor.name), std::cref(r.actor.id));
              };
              return key(a) < key(b);
            });
  return report;
}

}  // namespace ecosol::ecosystem
