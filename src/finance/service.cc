#include "ecosol/finance/service.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <set>
#include <utility>

#include "ecosol/finance/allocation.h"
#include "ecosol/finance/fund.h"
#include "ecosol/finance/guarantee_fund.h"
#include "ecosol/finance/loan_book.h"
#include "ecosol/finance/loan_schedule.h"
#include "ecosol/finance/match.h"
#include "ecosol/finance/matching.h"
#include "ecosol/finance/requests.h"
#include "ecosol/finance/share_capital.h"
#include "ecosol/model/actor.h"

namespace ecosol::finance {
namespace {

using nlohmann::json;
using store::FinanceQuery;
using store::FinanceRecord;

// The kinds whose document carries its own "id".
bool KindHasId(const std::string& kind) {
  return kind == "funder" || kind == "fund" || kind == "application" || kind == "loan" ||
         kind == "campaign";
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

Status CheckKind(const std::string& kind) {
  const auto& kinds = FinanceRecordKinds();
  if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
    return InvalidArgument("kind: unknown finance record kind '" + kind +
                           "' (known: " + Join(kinds) + ")");
  }
  return Status();
}

Result<json> DocOf(const FinanceRecord& r) {
  json doc = json::parse(r.doc, nullptr, false);
  if (doc.is_discarded()) {
    return Internal("finance record " + r.kind + " '" + r.id + "' v" + std::to_string(r.version) +
                    ": the stored document is not JSON");
  }
  return doc;
}

// The current, not deleted records of a query, with their documents.
Result<std::vector<std::pair<FinanceRecord, json>>> Heads(store::Store& store,
                                                          const FinanceQuery& query) {
  auto records = store.FinanceRecords(query);
  if (!records.ok()) return records.status();
  std::vector<std::pair<FinanceRecord, json>> out;
  for (FinanceRecord& r : *records) {
    if (r.deleted) continue;
    auto doc = DocOf(r);
    if (!doc.ok()) return doc.status();
    out.emplace_back(std::move(r), std::move(*doc));
  }
  return out;
}

FinanceQuery Query(std::string kind, std::string actor_id = "", std::string parent = "") {
  FinanceQuery q;
  q.kind = std::move(kind);
  q.actor_id = std::move(actor_id);
  q.parent = std::move(parent);
  return q;
}

// `as_of`, or today by the clock.
Result<LoanDate> AsOf(const Clock& clock, const std::string& as_of) {
  return ParseLoanDate(as_of.empty() ? FormatDate(clock.Now()) : as_of, "as_of");
}

// A fund record's document without the keys the service adds to ParseFund's.
json FundPart(const json& doc) {
  json fund = doc;
  fund.erase("leverage");
  fund.erase("allocation");
  return fund;
}

Status CheckFund(const json& doc) {
  if (!doc.is_object()) return InvalidArgument("fund: expected a map {id, tranches, ...}");
  static const std::set<std::string> known = {"id",       "name",     "currency",
                                              "tranches", "leverage", "allocation"};
  for (const auto& [key, value] : doc.items()) {
    if (!known.count(key)) {
      return InvalidArgument("fund." + key +
                             ": unknown field; known fields: id, name, currency, tranches, "
                             "leverage, allocation");
    }
  }
  auto fund = ParseFund(FundPart(doc));
  if (!fund.ok()) return fund.status();
  if (doc.contains("leverage")) {
    auto rule = ParseLeverageRule(doc["leverage"]);
    if (!rule.ok()) return InvalidArgument("fund.leverage: " + rule.status().message());
  }
  if (doc.contains("allocation")) {
    const json& a = doc["allocation"];
    if (!a.is_object() || !a.contains("rules")) {
      return InvalidArgument("fund.allocation: expected {\"rules\": {...}, \"options\"?: {...}}");
    }
    for (const auto& [key, value] : a.items()) {
      if (key != "rules" && key != "options") {
        return InvalidArgument("fund.allocation." + key +
                               ": unknown field; known fields: rules, options");
      }
    }
    auto rules = ParseAllocationRules(a["rules"]);
    if (!rules.ok()) return InvalidArgument("fund.allocation." + rules.status().message());
    if (a.contains("options")) {
      auto options = ParseSolverOptions(a["options"]);
      if (!options.ok()) return InvalidArgument("fund.allocation." + options.status().message());
    }
  }
  return Status();
}

Status CheckProfile(const FinanceFrameworks& fw, const json& doc) {
  if (!doc.is_object()) return InvalidArgument("profile: expected a map {facts, ...}");
  for (const auto& [key, value] : doc.items()) {
    if (key != "facts" && key != "region" && key != "sector" && key != "amount_sought") {
      return InvalidArgument("profile." + key +
                             ": unknown field; known fields: facts, region, sector, "
                             "amount_sought");
    }
  }
  json probe = doc;
  probe["id"] = "profile";
  if (!probe.contains("facts")) probe["facts"] = json::object();
  auto profile = ParseProfile(*fw.mechanisms, *fw.readiness, probe);
  if (!profile.ok()) return InvalidArgument("profile: " + profile.status().message());
  return Status();
}

Status CheckCampaign(const json& doc) {
  if (!doc.is_object() || !doc.contains("rule")) {
    return InvalidArgument("campaign.rule: missing; give the match rule of the campaign");
  }
  json campaign = doc;
  campaign.erase("rule");
  auto c = ParseCampaign(campaign);
  if (!c.ok()) return c.status();
  auto rule = ParseMatchRule(doc["rule"]);
  if (!rule.ok()) return InvalidArgument("campaign.rule: " + rule.status().message());
  return Status();
}

// Sets the document's id to the record's (or refuses a different one) and the actor from the
// document where the kind has one.
Status Normalise(PutRecordRequest& r) {
  if (r.id.empty() && r.kind == "assessment" && r.doc.is_object() &&
      r.doc.value("organisation", "") != "" && r.doc.value("date", "") != "") {
    r.id = r.doc["organisation"].get<std::string>() + "-" + r.doc["date"].get<std::string>();
  }
  if (r.id.empty()) return InvalidArgument("id: missing; give the record's id");
  if (r.id.find('/') != std::string::npos || r.id.size() > 200) {
    return InvalidArgument("id '" + r.id + "': use at most 200 characters and no '/'");
  }
  if (!r.doc.is_object()) {
    return InvalidArgument(r.kind + ": the document must be a JSON object, not " +
                           std::string(r.doc.type_name()));
  }
  if (KindHasId(r.kind)) {
    if (!r.doc.contains("id")) r.doc["id"] = r.id;
    if (!r.doc["id"].is_string() || r.doc["id"].get<std::string>() != r.id) {
      return InvalidArgument(r.kind + ".id: " + r.doc["id"].dump() +
                             " differs from the record id '" + r.id + "'; make them equal");
    }
  }
  if (r.kind == "assessment") {
    const std::string org = r.doc.value("organisation", "");
    if (r.actor_id.empty()) r.actor_id = org;
    if (r.actor_id != org) {
      return InvalidArgument("assessment.organisation: '" + org + "' differs from the actor '" +
                             r.actor_id + "'");
    }
  }
  if (r.kind == "loan" && r.actor_id.empty()) {
    return InvalidArgument("actor_id: a loan has a borrower; give the borrower's actor id");
  }
  if (r.kind == "application" && r.actor_id.empty()) {
    return InvalidArgument(
        "actor_id: an application comes from an organisation; give its actor id");
  }
  if (r.kind == "profile") {
    if (r.actor_id.empty()) r.actor_id = r.id;
    if (r.actor_id != r.id) {
      return InvalidArgument("profile: its id '" + r.id + "' must be the actor's id '" +
                             r.actor_id + "'");
    }
  }
  return Status();
}

// The loans of a query with their positions at `as_of`.
struct LoanRow {
  FinanceRecord record;
  Loan loan;
  LoanPosition position;
};
Result<std::vector<LoanRow>> LoansAt(store::Store& store, const FinanceQuery& query,
                                     LoanDate as_of) {
  auto heads = Heads(store, query);
  if (!heads.ok()) return heads.status();
  std::vector<LoanRow> out;
  for (auto& [record, doc] : *heads) {
    auto loan = ParseLoan(doc, "loan '" + record.id + "'");
    if (!loan.ok()) return loan.status();
    auto position = LoanPositionAt(*loan, as_of);
    if (!position.ok()) return position.status();
    out.push_back({std::move(record), std::move(*loan), std::move(*position)});
  }
  return out;
}

std::int64_t Committed(const Fund& fund) {
  std::int64_t total = 0;
  for (const Tranche& t : fund.tranches) total += t.committed;
  return total;
}

Result<LeverageRule> FundLeverage(const json& doc) {
  if (!doc.contains("leverage")) return CanadaSocialFinanceFundLeverage();
  return ParseLeverageRule(doc["leverage"]);
}

Result<store::FinanceRecord> RequireRecord(store::Store& store, const std::string& kind,
                                           const std::string& id) {
  auto r = store.GetFinanceRecord(kind, id);
  if (!r.ok()) return r.status();
  if (!r->has_value() || (*r)->deleted) {
    return NotFound("no " + kind + " '" + id + "'" + (r->has_value() ? " (it was deleted)" : ""));
  }
  return std::move(**r);
}

// An organisation as the matching engine sees it: its registry record's facts
// (ProfileFromActor), its stored profile merged over them, and the readiness of its latest
// stored assessment. `assessments` keeps the assessment documents, oldest first by id.
struct StoredOrganisation {
  OrganisationProfile profile;
  json assessments = json::array();
};
Result<StoredOrganisation> StoredProfile(store::Store& store, const FinanceFrameworks& fw,
                                         const model::Actor& a) {
  StoredOrganisation out;
  out.profile = ProfileFromActor(*fw.mechanisms, a);
  OrganisationProfile& profile = out.profile;
  auto stored_profile = store.GetFinanceRecord("profile", a.id);
  if (!stored_profile.ok()) return stored_profile.status();
  if (stored_profile->has_value() && !(*stored_profile)->deleted) {
    auto doc = DocOf(**stored_profile);
    if (!doc.ok()) return doc.status();
    if (doc->contains("facts")) profile.facts.merge_patch((*doc)["facts"]);
    if (doc->contains("region")) profile.region = (*doc)["region"].get<std::string>();
    if (doc->contains("sector")) profile.sector = (*doc)["sector"].get<std::string>();
    if (doc->contains("amount_sought")) {
      profile.amount_sought = (*doc)["amount_sought"].get<double>();
    }
  }
  auto assessments = Heads(store, Query("assessment", a.id));
  if (!assessments.ok()) return assessments.status();
  std::vector<ReadinessResult> scored;
  for (const auto& [record, doc] : *assessments) {
    out.assessments.push_back(doc);
    auto parsed = ParseAssessment(*fw.readiness, doc);
    if (!parsed.ok()) return parsed.status();
    scored.push_back(ScoreAssessment(*fw.readiness, *parsed));
  }
  if (auto latest = Latest(scored)) SetReadiness(profile, *latest);
  return out;
}

}  // namespace

Result<std::shared_ptr<const FinanceFrameworks>> FinanceFrameworksIn(
    const std::string& frameworks_dir) {
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<const FinanceFrameworks>> loaded;
  std::lock_guard<std::mutex> lock(mu);
  auto it = loaded.find(frameworks_dir);
  if (it != loaded.end()) return it->second;
  auto mechanisms = LoadMechanismCatalogue(frameworks_dir + "/" + kMechanismsFile);
  if (!mechanisms.ok()) return mechanisms.status();
  auto readiness = LoadReadinessFramework(frameworks_dir + "/" + kReadinessFile);
  if (!readiness.ok()) return readiness.status();
  auto fw = std::make_shared<FinanceFrameworks>();
  fw->mechanisms = *mechanisms;
  fw->readiness = *readiness;
  loaded[frameworks_dir] = fw;
  return std::shared_ptr<const FinanceFrameworks>(fw);
}

const std::vector<std::string>& FinanceRecordKinds() {
  static const std::vector<std::string> kinds = {
      "funder", "profile",        "assessment",     "fund",     "application",
      "loan",   "guarantee_fund", "share_register", "campaign", "allocation"};
  return kinds;
}

Status CheckFinanceDocument(const FinanceFrameworks& fw, const std::string& kind, const json& doc) {
  ECOSOL_RETURN_IF_ERROR(CheckKind(kind));
  if (kind == "funder") return ParseFunder(*fw.mechanisms, *fw.readiness, doc).status();
  if (kind == "profile") return CheckProfile(fw, doc);
  if (kind == "assessment") return ParseAssessment(*fw.readiness, doc).status();
  if (kind == "fund") return CheckFund(doc);
  if (kind == "application") return ParseAllocationApplication(doc, "application").status();
  if (kind == "loan") {
    auto loan = ParseLoan(doc, "loan");
    if (!loan.ok()) return loan.status();
    // A loan whose payments or restructurings do not fit its schedule is refused now, not
    // when the book is read.
    return LoanPositionAt(*loan, LoanDate(std::chrono::year{9999} / 12 / 31)).status();
  }
  if (kind == "guarantee_fund") return ParseGuaranteeFund(doc).status();
  if (kind == "share_register") return ParseShareCapital(doc).status();
  if (kind == "campaign") return CheckCampaign(doc);
  return InvalidArgument("kind: '" + kind +
                         "' records are written by the allocation of a fund, not by hand");
}

json FinanceRecordToJson(const FinanceRecord& r) {
  json doc = json::parse(r.doc, nullptr, false);
  return {{"kind", r.kind},       {"id", r.id},
          {"version", r.version}, {"actor_id", r.actor_id},
          {"parent", r.parent},   {"doc", doc.is_discarded() ? json(nullptr) : doc},
          {"who", r.who},         {"at", r.at},
          {"deleted", r.deleted}};
}

Result<FinanceRecord> PutRecord(store::Store& store, const Clock& clock,
                                const FinanceFrameworks& fw, PutRecordRequest request) {
  ECOSOL_RETURN_IF_ERROR(CheckKind(request.kind));
  ECOSOL_RETURN_IF_ERROR(Normalise(request));
  ECOSOL_RETURN_IF_ERROR(CheckFinanceDocument(fw, request.kind, request.doc));
  if (request.kind == "application" && request.parent.empty()) {
    return InvalidArgument("parent: an application belongs to a fund; give the fund's id");
  }
  if (!request.parent.empty() &&
      (request.kind == "application" || request.kind == "loan" || request.kind == "campaign")) {
    auto fund = store.GetFinanceRecord("fund", request.parent);
    if (!fund.ok()) return fund.status();
    if (!fund->has_value() || (*fund)->deleted) {
      return InvalidArgument("parent: no fund '" + request.parent +
                             "'; write the fund first or leave the parent out");
    }
  }
  auto current = store.GetFinanceRecord(request.kind, request.id);
  if (!current.ok()) return current.status();
  if (current->has_value()) {
    const FinanceRecord& head = **current;
    if (request.base_version >= 0 && request.base_version != head.version) {
      return Conflict(request.kind + " '" + request.id + "' is at version " +
                      std::to_string(head.version) + ", not " +
                      std::to_string(request.base_version) +
                      ": someone wrote it in between; reload it and make the change again");
    }
    if (!head.deleted && head.actor_id == request.actor_id && head.parent == request.parent) {
      auto doc = DocOf(head);
      if (doc.ok() && *doc == request.doc) return head;
    }
  } else if (request.base_version > 0) {
    return Conflict(request.kind + " '" + request.id + "' does not exist, so it has no version " +
                    std::to_string(request.base_version));
  }
  FinanceRecord record;
  record.kind = request.kind;
  record.id = request.id;
  record.actor_id = request.actor_id;
  record.parent = request.parent;
  record.doc = request.doc.dump();
  record.who = request.who;
  record.at = FormatTimestamp(clock.Now());
  const long long expected = current->has_value() ? (**current).version : 0;
  ECOSOL_RETURN_IF_ERROR(store.PutFinanceRecord(&record, expected));
  return record;
}

Result<FinanceRecord> DeleteRecord(store::Store& store, const Clock& clock, const std::string& kind,
                                   const std::string& id, long long base_version,
                                   const std::string& who) {
  ECOSOL_RETURN_IF_ERROR(CheckKind(kind));
  auto head = RequireRecord(store, kind, id);
  if (!head.ok()) return head.status();
  if (base_version >= 0 && base_version != head->version) {
    return Conflict(kind + " '" + id + "' is at version " + std::to_string(head->version) +
                    ", not " + std::to_string(base_version) +
                    ": someone wrote it in between; reload it before deleting");
  }
  FinanceRecord record = *head;
  record.deleted = true;
  record.who = who;
  record.at = FormatTimestamp(clock.Now());
  ECOSOL_RETURN_IF_ERROR(store.PutFinanceRecord(&record, head->version));
  return record;
}

Result<FinanceRecord> GetRecord(store::Store& store, const std::string& kind, const std::string& id,
                                long long version) {
  ECOSOL_RETURN_IF_ERROR(CheckKind(kind));
  auto r = store.GetFinanceRecord(kind, id, version);
  if (!r.ok()) return r.status();
  if (!r->has_value()) {
    return NotFound("no " + kind + " '" + id + "'" +
                    (version > 0 ? " at version " + std::to_string(version) : ""));
  }
  return std::move(**r);
}

Result<FinanceImportSummary> ImportFinanceBundle(store::Store& store, const Clock& clock,
                                                 const FinanceFrameworks& fw, const json& bundle,
                                                 const std::string& who) {
  if (!bundle.is_object()) {
    return InvalidArgument("bundle: expected a map {\"<kind>\": [{\"id\", \"doc\"}, ...]}");
  }
  // Parents first: funds before what belongs to them.
  std::vector<PutRecordRequest> puts;
  std::vector<std::string> order = FinanceRecordKinds();
  for (const auto& [kind, items] : bundle.items()) {
    ECOSOL_RETURN_IF_ERROR(CheckKind(kind));
    if (!items.is_array()) return InvalidArgument(kind + ": expected an array of records");
  }
  std::stable_partition(order.begin(), order.end(),
                        [](const std::string& k) { return k == "fund"; });
  for (const std::string& kind : order) {
    if (!bundle.contains(kind)) continue;
    const json& items = bundle[kind];
    for (size_t i = 0; i < items.size(); ++i) {
      const json& item = items[i];
      const std::string where = kind + "[" + std::to_string(i) + "]";
      if (!item.is_object() || !item.contains("doc")) {
        return InvalidArgument(where + ": expected {\"id\", \"actor_id\"?, \"parent\"?, \"doc\"}");
      }
      PutRecordRequest put;
      put.kind = kind;
      put.id = item.value("id", "");
      put.actor_id = item.value("actor_id", "");
      put.parent = item.value("parent", "");
      put.doc = item["doc"];
      put.base_version = -1;
      put.who = who;
      Status normal = Normalise(put);
      if (normal.ok()) normal = CheckFinanceDocument(fw, kind, put.doc);
      if (!normal.ok()) return InvalidArgument(where + ": " + normal.message());
      puts.push_back(std::move(put));
    }
  }
  FinanceImportSummary summary;
  Status s = store.InTransaction([&]() -> Status {
    summary = {};
    for (PutRecordRequest& put : puts) {
      auto before = store.GetFinanceRecord(put.kind, put.id);
      if (!before.ok()) return before.status();
      auto written = PutRecord(store, clock, fw, put);
      if (!written.ok()) {
        return Status(written.status().code(),
                      put.kind + " '" + put.id + "': " + written.status().message());
      }
      const bool same = before->has_value() && (**before).version == written->version;
      ++(same ? summary.unchanged : summary.written);
    }
    return Status();
  });
  if (!s.ok()) return s;
  return summary;
}

Result<json> OrganisationFinance(store::Store& store, const Clock& clock,
                                 const FinanceFrameworks& fw,
                                 const OrganisationFinanceRequest& request) {
  auto actor = store.GetActor(request.actor_id);
  if (!actor.ok()) return actor.status();
  if (!actor->has_value()) return NotFound("no actor '" + request.actor_id + "' in the registry");
  auto as_of = AsOf(clock, request.as_of);
  if (!as_of.ok()) return as_of.status();
  const model::Actor& a = **actor;

  auto stored = StoredProfile(store, fw, a);
  if (!stored.ok()) return stored.status();
  OrganisationProfile& profile = stored->profile;
  json readiness = nullptr;
  if (!stored->assessments.empty()) {
    auto answer = ReadinessRequest(*fw.readiness,
                                   {{"assessments", stored->assessments}, {"lang", request.lang}});
    if (!answer.ok()) return answer.status();
    readiness = std::move(*answer);
  }

  auto funder_heads = Heads(store, Query("funder"));
  if (!funder_heads.ok()) return funder_heads.status();
  std::vector<Funder> funders;
  for (const auto& [record, doc] : *funder_heads) {
    auto f = ParseFunder(*fw.mechanisms, *fw.readiness, doc);
    if (!f.ok()) return f.status();
    funders.push_back(std::move(*f));
  }

  json applications = json::array();
  auto apps = Heads(store, Query("application", a.id));
  if (!apps.ok()) return apps.status();
  for (const auto& [record, doc] : *apps) applications.push_back(FinanceRecordToJson(record));

  json loans = json::array();
  auto rows = LoansAt(store, Query("loan", a.id), *as_of);
  if (!rows.ok()) return rows.status();
  for (const LoanRow& row : *rows) {
    loans.push_back({{"record", FinanceRecordToJson(row.record)},
                     {"position", LoanPositionToJson(row.position)}});
  }

  json share_register = nullptr;
  auto registers = Heads(store, Query("share_register", a.id));
  if (!registers.ok()) return registers.status();
  if (!registers->empty()) {
    auto input = ParseShareCapital(registers->front().second);
    if (!input.ok()) return input.status();
    auto plan = PlanShareWithdrawals(*input);
    if (!plan.ok()) return plan.status();
    share_register = WithdrawalPlanToJson(*plan);
  }

  json facts = profile.facts;
  return json{
      {"actor", {{"id", a.id}, {"name", a.name}, {"territory", a.territory}}},
      {"as_of", FormatLoanDate(*as_of)},
      {"profile",
       {{"region", profile.region},
        {"sector", profile.sector},
        {"amount_sought", profile.amount_sought ? json(*profile.amount_sought) : json()},
        {"facts", facts}}},
      {"readiness", readiness},
      {"mechanisms", MechanismMatchToJson(*fw.mechanisms, profile,
                                          MatchMechanisms(*fw.mechanisms, profile), request.lang)},
      {"funders", FunderMatchToJson(MatchFunders(*fw.mechanisms, *fw.readiness, funders, profile),
                                    request.lang)},
      {"applications", applications},
      {"loans", loans},
      {"share_register", share_register}};
}

Result<json> FundList(store::Store& store) {
  auto funds = Heads(store, Query("fund"));
  if (!funds.ok()) return funds.status();
  json items = json::array();
  for (const auto& [record, doc] : *funds) {
    auto fund = ParseFund(FundPart(doc));
    if (!fund.ok()) return fund.status();
    auto rule = FundLeverage(doc);
    if (!rule.ok()) return rule.status();
    std::int64_t pub = 0;
    std::int64_t priv = 0;
    for (const Tranche& t : fund->tranches) {
      (t.source == CapitalSource::kPublic ? pub : priv) += t.committed;
    }
    auto apps = Heads(store, Query("application", "", record.id));
    if (!apps.ok()) return apps.status();
    auto loans = Heads(store, Query("loan", "", record.id));
    if (!loans.ok()) return loans.status();
    items.push_back({{"id", fund->id},
                     {"name", fund->name},
                     {"currency", fund->currency},
                     {"committed", Committed(*fund)},
                     {"public", pub},
                     {"private", priv},
                     {"leverage", LeverageCheckToJson(CheckLeverage(*fund, *rule))},
                     {"applications", apps->size()},
                     {"loans", loans->size()},
                     {"version", record.version}});
  }
  return json{{"items", items}};
}

Result<json> FundView(store::Store& store, const Clock& clock, const FundViewRequest& request) {
  auto record = RequireRecord(store, "fund", request.fund_id);
  if (!record.ok()) return record.status();
  auto doc = DocOf(*record);
  if (!doc.ok()) return doc.status();
  auto fund = ParseFund(FundPart(*doc));
  if (!fund.ok()) return fund.status();
  auto rule = FundLeverage(*doc);
  if (!rule.ok()) return rule.status();
  auto as_of = AsOf(clock, request.as_of);
  if (!as_of.ok()) return as_of.status();

  // Losses fall on drawn capital (AllocateLoss): the default and the chart's steps are shares
  // of the drawn total, not of what is committed.
  std::int64_t total = 0;
  for (const Tranche& t : fund->tranches) total += t.drawn;
  const std::int64_t loss = request.loss ? *request.loss : total / 10;
  if (loss < 0) return InvalidArgument("loss: must not be negative");
  auto waterfall = AllocateLoss(*fund, loss);
  if (!waterfall.ok()) return waterfall.status();
  json losses = json::array();
  for (int step = 0; step <= 10; ++step) {
    auto w = AllocateLoss(*fund, total * step / 10);
    if (!w.ok()) return w.status();
    losses.push_back(WaterfallToJson(*w));
  }

  json applications = json::array();
  auto apps = Heads(store, Query("application", "", fund->id));
  if (!apps.ok()) return apps.status();
  for (const auto& [r, d] : *apps) applications.push_back(FinanceRecordToJson(r));

  json allocation = nullptr;
  auto saved = store.GetFinanceRecord("allocation", fund->id);
  if (!saved.ok()) return saved.status();
  if (saved->has_value() && !(*saved)->deleted) allocation = FinanceRecordToJson(**saved);

  auto rows = LoansAt(store, Query("loan", "", fund->id), *as_of);
  if (!rows.ok()) return rows.status();
  std::int64_t outstanding = 0;
  for (const LoanRow& row : *rows) outstanding += row.position.outstanding_principal;

  return json{{"record", FinanceRecordToJson(*record)},
              {"fund", FundToJson(*fund)},
              {"warnings", StackWarnings(*fund)},
              {"leverage", LeverageCheckToJson(CheckLeverage(*fund, *rule))},
              {"waterfall", WaterfallToJson(*waterfall)},
              {"losses", losses},
              {"applications", applications},
              {"allocation", allocation},
              {"loans", {{"count", rows->size()}, {"outstanding", outstanding}}},
              {"as_of", FormatLoanDate(*as_of)}};
}

Result<json> AllocateFund(store::Store& store, const Clock& clock,
                          const AllocateFundRequest& request) {
  auto record = RequireRecord(store, "fund", request.fund_id);
  if (!record.ok()) return record.status();
  auto doc = DocOf(*record);
  if (!doc.ok()) return doc.status();
  if (!doc->contains("allocation")) {
    return InvalidArgument(
        "fund '" + request.fund_id +
        "' has no allocation rules; add \"allocation\": {\"rules\": {\"budget\": "
        "...}} to the fund");
  }
  json problem = {{"rules", (*doc)["allocation"]["rules"]}, {"applications", json::array()}};
  if ((*doc)["allocation"].contains("options")) {
    problem["options"] = (*doc)["allocation"]["options"];
  }
  if (!problem["rules"].contains("leverage_ratio") && doc->contains("leverage")) {
    auto rule = ParseLeverageRule((*doc)["leverage"]);
    if (!rule.ok()) return rule.status();
    problem["rules"]["leverage_ratio"] = rule->min_private_per_public;
  }
  if (request.time_limit_seconds) {
    if (!problem.contains("options")) problem["options"] = json::object();
    problem["options"]["time_limit_seconds"] = *request.time_limit_seconds;
  }
  auto apps = Heads(store, Query("application", "", request.fund_id));
  if (!apps.ok()) return apps.status();
  if (apps->empty()) {
    return InvalidArgument("fund '" + request.fund_id +
                           "' has no applications; add applications with the fund as parent");
  }
  std::vector<std::string> actors;
  for (const auto& [r, d] : *apps) {
    problem["applications"].push_back(d);
    actors.push_back(r.actor_id);
  }
  auto parsed = ParseAllocationProblem(problem);
  if (!parsed.ok())
    return InvalidArgument("fund '" + request.fund_id + "': " + parsed.status().message());
  auto result = Allocate(*parsed);
  if (!result.ok()) return result.status();
  json answer = AllocationResultToJson(*result);
  json rows = json::array();
  for (size_t i = 0; i < parsed->applications.size(); ++i) {
    const Application& a = parsed->applications[i];
    rows.push_back(
        {{"id", a.id},
         {"actor_id", actors[i]},
         {"requested", a.requested},
         {"mip", i < result->mip.amounts.size() ? result->mip.amounts[i] : 0.0},
         {"greedy", i < result->greedy.amounts.size() ? result->greedy.amounts[i] : 0.0}});
  }
  answer["applications"] = rows;
  answer["fund"] = request.fund_id;
  answer["fund_version"] = record->version;
  if (request.save) {
    PutRecordRequest put;
    put.kind = "allocation";
    put.id = request.fund_id;
    put.parent = request.fund_id;
    put.doc = answer;
    put.doc["saved_at"] = FormatTimestamp(clock.Now());
    put.who = request.who;
    auto current = store.GetFinanceRecord("allocation", request.fund_id);
    if (!current.ok()) return current.status();
    FinanceRecord saved;
    saved.kind = put.kind;
    saved.id = put.id;
    saved.parent = put.parent;
    saved.doc = put.doc.dump();
    saved.who = put.who;
    saved.at = FormatTimestamp(clock.Now());
    const long long expected = current->has_value() ? (**current).version : 0;
    ECOSOL_RETURN_IF_ERROR(store.PutFinanceRecord(&saved, expected));
    answer["saved"] = FinanceRecordToJson(saved);
  }
  return answer;
}

Result<json> LoanBookView(store::Store& store, const Clock& clock, const LoanBookRequest& request) {
  auto as_of = AsOf(clock, request.as_of);
  if (!as_of.ok()) return as_of.status();
  std::vector<int> thresholds =
      request.thresholds.empty() ? std::vector<int>{30, 90} : request.thresholds;
  for (int t : thresholds) {
    if (t < 0) return InvalidArgument("thresholds: days in arrears must not be negative");
  }
  if (!request.fund.empty()) {
    auto fund = RequireRecord(store, "fund", request.fund);
    if (!fund.ok()) return fund.status();
  }
  auto rows = LoansAt(store, Query("loan", "", request.fund), *as_of);
  if (!rows.ok()) return rows.status();
  LoanBook book;
  std::set<std::string> funds;
  std::map<std::string, std::string> names;
  json loans = json::array();
  for (const LoanRow& row : *rows) {
    book.loans.push_back(row.loan);
    if (!row.record.parent.empty()) funds.insert(row.record.parent);
    std::string name;
    if (!row.record.actor_id.empty()) {
      auto it = names.find(row.record.actor_id);
      if (it == names.end()) {
        auto actor = store.GetActor(row.record.actor_id);
        if (!actor.ok()) return actor.status();
        it = names.emplace(row.record.actor_id, actor->has_value() ? (**actor).name : "").first;
      }
      name = it->second;
    }
    loans.push_back({{"id", row.record.id},
                     {"actor_id", row.record.actor_id},
                     {"actor_name", name},
                     {"parent", row.record.parent},
                     {"principal", row.loan.terms.principal},
                     {"disbursed_on", FormatLoanDate(row.loan.terms.disbursed_on)},
                     {"outstanding_principal", row.position.outstanding_principal},
                     {"days_in_arrears", row.position.days_in_arrears},
                     {"restructured", row.position.restructured},
                     {"written_off", row.position.written_off}});
  }
  auto report = PortfolioAtRisk(book, *as_of, thresholds);
  if (!report.ok()) return report.status();
  return json{{"as_of", FormatLoanDate(*as_of)},
              {"par", PortfolioAtRiskToJson(*report)},
              {"loans", loans},
              {"funds", funds}};
}

Result<ImpactReport> ImpactOfStore(store::Store& store, const Clock& clock,
                                   const FinanceFrameworks& fw, const ImpactRequest& request) {
  auto as_of = AsOf(clock, request.as_of);
  if (!as_of.ok()) return as_of.status();
  LoanBookRequest book_request;
  book_request.as_of = FormatLoanDate(*as_of);
  book_request.fund = request.fund;
  auto book = LoanBookView(store, clock, book_request);
  if (!book.ok()) return book.status();

  std::set<std::string> actors;
  for (const json& loan : (*book)["loans"]) {
    if (!loan["actor_id"].get<std::string>().empty()) actors.insert(loan["actor_id"]);
  }
  std::string currency = request.currency;
  json funds = json::array();
  auto fund_heads = Heads(store, Query("fund"));
  if (!fund_heads.ok()) return fund_heads.status();
  for (const auto& [record, doc] : *fund_heads) {
    if (!request.fund.empty() && record.id != request.fund) continue;
    auto fund = ParseFund(FundPart(doc));
    if (!fund.ok()) return fund.status();
    auto rule = FundLeverage(doc);
    if (!rule.ok()) return rule.status();
    if (currency.empty()) currency = fund->currency;
    json allocation = nullptr;
    auto saved = store.GetFinanceRecord("allocation", record.id);
    if (!saved.ok()) return saved.status();
    if (saved->has_value() && !(*saved)->deleted) {
      auto answer = DocOf(**saved);
      if (!answer.ok()) return answer.status();
      allocation = std::move(*answer);
      for (const json& a : allocation.value("applications", json::array())) {
        const std::string actor = a.value("actor_id", "");
        if (!actor.empty()) actors.insert(actor);
      }
    }
    funds.push_back({{"fund", FundToJson(*fund)},
                     {"leverage", LeverageCheckToJson(CheckLeverage(*fund, *rule))},
                     {"allocation", allocation}});
  }

  json assessments = json::array();
  auto stored = Heads(store, Query("assessment"));
  if (!stored.ok()) return stored.status();
  for (const auto& [record, doc] : *stored) {
    auto parsed = ParseAssessment(*fw.readiness, doc);
    if (!parsed.ok()) return parsed.status();
    const ReadinessResult scored = ScoreAssessment(*fw.readiness, *parsed);
    actors.insert(parsed->organisation);
    assessments.push_back({{"organisation", parsed->organisation},
                           {"date", parsed->date},
                           {"total", scored.total},
                           {"max_total", scored.max_total},
                           {"stage", scored.stage ? json(scored.stage->id) : json()}});
  }

  json organisations = json::array();
  for (const std::string& id : actors) {
    auto actor = store.GetActor(id);
    if (!actor.ok()) return actor.status();
    organisations.push_back({{"id", id},
                             {"name", actor->has_value() ? (**actor).name : id},
                             {"territory", actor->has_value() ? (**actor).territory : ""}});
  }
  json input = {{"as_of", FormatLoanDate(*as_of)},
                {"reporter", {{"id", request.reporter_id}, {"name", request.reporter_name}}},
                {"currency", currency.empty() ? "XXX" : currency},
                {"organisations", organisations},
                {"loan_book", *book},
                {"funds", funds},
                {"assessments", assessments}};
  return ComputeImpact(input);
}

Result<json> FunderApplicants(store::Store& store, const FinanceFrameworks& fw,
                              const std::string& funder_id, const std::string& lang) {
  auto record = RequireRecord(store, "funder", funder_id);
  if (!record.ok()) return record.status();
  auto doc = DocOf(*record);
  if (!doc.ok()) return doc.status();
  auto funder = ParseFunder(*fw.mechanisms, *fw.readiness, *doc);
  if (!funder.ok()) return funder.status();
  // The organisations finance knows: those with a profile, an assessment or an application.
  std::set<std::string> ids;
  for (const char* kind : {"profile", "assessment", "application"}) {
    auto heads = Heads(store, Query(kind));
    if (!heads.ok()) return heads.status();
    for (const auto& [r, d] : *heads) {
      if (!r.actor_id.empty()) ids.insert(r.actor_id);
    }
  }
  std::vector<OrganisationProfile> organisations;
  for (const std::string& id : ids) {
    auto actor = store.GetActor(id);
    if (!actor.ok()) return actor.status();
    if (!actor->has_value()) continue;  // no longer in the registry
    auto stored = StoredProfile(store, fw, **actor);
    if (!stored.ok()) return stored.status();
    organisations.push_back(std::move(stored->profile));
  }
  return FunderMatchToJson(
      EligibleApplicants(*fw.mechanisms, *fw.readiness, *funder, organisations), lang);
}

Result<json> GuaranteeFundView(store::Store& store, const std::string& id) {
  auto record = RequireRecord(store, "guarantee_fund", id);
  if (!record.ok()) return record.status();
  auto doc = DocOf(*record);
  if (!doc.ok()) return doc.status();
  auto input = ParseGuaranteeFund(*doc);
  if (!input.ok()) return input.status();
  auto report = EvaluateGuaranteeFund(*input);
  if (!report.ok()) return report.status();
  return json{{"record", FinanceRecordToJson(*record)},
              {"report", GuaranteeFundReportToJson(*report)}};
}

Result<json> CampaignView(store::Store& store, const Clock& clock, const std::string& id,
                          const std::string& as_of) {
  auto date = AsOf(clock, as_of);
  if (!date.ok()) return date.status();
  auto record = RequireRecord(store, "campaign", id);
  if (!record.ok()) return record.status();
  auto doc = DocOf(*record);
  if (!doc.ok()) return doc.status();
  json campaign_doc = *doc;
  campaign_doc.erase("rule");
  auto campaign = ParseCampaign(campaign_doc);
  if (!campaign.ok()) return campaign.status();
  auto rule = ParseMatchRule((*doc)["rule"]);
  if (!rule.ok()) return rule.status();
  auto match = EvaluateMatch(*campaign, *rule, FormatLoanDate(*date));
  if (!match.ok()) return match.status();
  return json{{"record", FinanceRecordToJson(*record)}, {"match", MatchResultToJson(*match)}};
}

}  // namespace ecosol::finance
