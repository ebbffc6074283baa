// The impact export (impact.h): reads the portfolio input and tallies each subject (the
// portfolio, each fund, each organisation). impact_json.cc writes the values.
// nlohmann::json exceptions never escape: every access checks the type first.

#include "ecosol/finance/impact.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include "ecosol/base/dates.h"

namespace ecosol::finance {
namespace {

using nlohmann::json;

// ---- The catalogue (IRIS+ codes checked as docs/finance.md says; empty where none matches).

const std::vector<ImpactIndicator>& Catalogue() {
  static const std::vector<ImpactIndicator> kCatalogue = {
      {"organisations_financed", "Organisations financed",
       "Organisations with a loan disbursed by the date or a grant in a saved allocation",
       ImpactUnit::kCount, "", ""},
      {"loans_outstanding_count", "Number of loans outstanding",
       "Loans disbursed, neither fully repaid nor written off", ImpactUnit::kCount, "PI1478", ""},
      {"loans_disbursed_value", "Loans disbursed (value)",
       "Principal of the loans disbursed by the date, written-off loans included",
       ImpactUnit::kMoney, "", ""},
      {"loans_outstanding_principal", "Outstanding principal",
       "Outstanding principal of the loans not written off, without accrued interest",
       ImpactUnit::kMoney, "FP2630", "Loans Receivable Gross"},
      {"par30_at_risk", "Portfolio at risk, 30 days (value)",
       "Whole outstanding principal of the loans more than 30 days in arrears", ImpactUnit::kMoney,
       "FP2635", "Non Performing Loans (Portfolio at Risk) - 30 days"},
      {"par30_ratio", "PAR30 ratio", "Portfolio at risk 30 days over outstanding principal",
       ImpactUnit::kPercent, "", ""},
      {"par90_at_risk", "Portfolio at risk, 90 days (value)",
       "Whole outstanding principal of the loans more than 90 days in arrears", ImpactUnit::kMoney,
       "FP6373", "Non Performing Loans (Portfolio at Risk) - 90 days"},
      {"par90_ratio", "PAR90 ratio", "Portfolio at risk 90 days over outstanding principal",
       ImpactUnit::kPercent, "", ""},
      {"loans_written_off_value", "Loans written off (value)",
       "Principal outstanding on the write-off date, loans written off by the date",
       ImpactUnit::kMoney, "", ""},
      {"loans_written_off_count", "Loans written off", "Loans written off by the date",
       ImpactUnit::kCount, "", ""},
      {"fund_public_capital", "Public capital in funds",
       "Public money in the funds' capital stacks, on the leverage rule's basis",
       ImpactUnit::kMoney, "", ""},
      {"fund_private_capital", "Private capital leveraged",
       "Private money in the funds' capital stacks, on the leverage rule's basis",
       ImpactUnit::kMoney, "", ""},
      {"fund_leverage_ratio", "Leverage ratio", "Private capital per unit of public capital",
       ImpactUnit::kRatio, "", ""},
      {"grants_allocated_value", "Grants allocated (value)",
       "Grants in the funds' saved allocations (the exact, MIP, portfolio)", ImpactUnit::kMoney, "",
       ""},
      {"grants_allocated_count", "Grants allocated", "Applications funded in saved allocations",
       ImpactUnit::kCount, "", ""},
      {"readiness_assessments_count", "Readiness assessments",
       "Investment-readiness assessments made by the date", ImpactUnit::kCount, "", ""},
      {"readiness_mean_total", "Mean readiness total",
       "Mean total score of the readiness assessments (0 to max_total, 14 in ClearlySo's grid)",
       ImpactUnit::kPoints, "", ""},
  };
  return kCatalogue;
}

// ---- Field readers: each error says where, what was expected and how to fix it.

std::string At(const std::string& where, std::string_view key) {
  return where.empty() ? std::string(key) : where + "." + std::string(key);
}

Status RequireObject(const json& doc, const std::string& where) {
  if (doc.is_object()) return Status::Ok();
  return InvalidArgument(where + ": expected a JSON object, got " + doc.dump());
}

// The field, or nullptr when absent or null and not required.
Result<const json*> Field(const json& obj, std::string_view key, const std::string& where,
                          bool required) {
  auto it = obj.find(std::string(key));
  if (it != obj.end() && !it->is_null()) return &*it;
  if (!required) return static_cast<const json*>(nullptr);
  return InvalidArgument(At(where, key) + ": missing; add it (docs/finance.md, \"Impact export\")");
}

Result<std::string> ReadText(const json& obj, std::string_view key, const std::string& where,
                             bool required) {
  auto f = Field(obj, key, where, required);
  if (!f.ok()) return f.status();
  if (*f == nullptr) return std::string();
  if (!(*f)->is_string() || (required && (*f)->get<std::string>().empty())) {
    return InvalidArgument(At(where, key) + ": expected a non-empty string, got " + (*f)->dump());
  }
  return (*f)->get<std::string>();
}

// A whole number from 0; `what` says what it counts ("cents", "days").
Result<std::int64_t> ReadWhole(const json& obj, std::string_view key, const std::string& where,
                               std::string_view what) {
  auto f = Field(obj, key, where, true);
  if (!f.ok()) return f.status();
  const json& v = **f;
  if (!v.is_number_integer() || v.get<std::int64_t>() < 0) {
    return InvalidArgument(At(where, key) + ": expected a whole number of " + std::string(what) +
                           " from 0, got " + v.dump());
  }
  return v.get<std::int64_t>();
}

Result<std::int64_t> ReadCents(const json& obj, std::string_view key, const std::string& where) {
  return ReadWhole(obj, key, where, "cents (1500.00 is written 150000)");
}

Result<double> ReadNumber(const json& obj, std::string_view key, const std::string& where) {
  auto f = Field(obj, key, where, true);
  if (!f.ok()) return f.status();
  if (!(*f)->is_number() || !std::isfinite((*f)->get<double>()) || (*f)->get<double>() < 0) {
    return InvalidArgument(At(where, key) + ": expected a number from 0, got " + (*f)->dump());
  }
  return (*f)->get<double>();
}

Result<bool> ReadFlag(const json& obj, std::string_view key, const std::string& where,
                      bool required) {
  auto f = Field(obj, key, where, required);
  if (!f.ok()) return f.status();
  if (*f == nullptr) return false;
  if (!(*f)->is_boolean()) {
    return InvalidArgument(At(where, key) + ": expected true or false, got " + (*f)->dump());
  }
  return (*f)->get<bool>();
}

Result<std::string> ReadDate(const json& obj, std::string_view key, const std::string& where,
                             bool required) {
  auto text = ReadText(obj, key, where, required);
  if (!text.ok() || text->empty()) return text;
  if (!IsIsoDay(*text)) {
    return InvalidArgument(At(where, key) + ": expected a date YYYY-MM-DD, got \"" + *text + "\"");
  }
  return text;
}

// The array at key (nullptr when absent or null and not required).
Result<const json*> ReadArray(const json& obj, std::string_view key, const std::string& where,
                              bool required) {
  auto f = Field(obj, key, where, required);
  if (!f.ok() || *f == nullptr) return f;
  if (!(*f)->is_array()) {
    return InvalidArgument(At(where, key) + ": expected an array, got " + (*f)->dump());
  }
  return f;
}

std::string Item(const std::string& where, size_t i) {
  return where + "[" + std::to_string(i) + "]";
}

// ---- The input, as read.

struct LoanIn {
  std::string actor_id;
  std::string disbursed_on;  // empty: unknown, counted as disbursed
  std::int64_t principal = 0;
  std::int64_t outstanding = 0;
  int days = 0;
  bool written_off = false;
};

struct ParIn {
  std::string where;
  int days = 0;
  std::int64_t at_risk = 0;
  std::int64_t outstanding = 0;
};

struct GrantIn {
  std::string actor_id;
  std::int64_t amount = 0;  // cents
};

struct FundIn {
  std::int64_t public_amount = 0;
  std::int64_t private_amount = 0;
  bool has_allocation = false;
  std::vector<GrantIn> grants;  // one per application, amount 0 when not funded
};

struct AssessmentIn {
  std::string organisation;
  double total = 0;
};

struct Input {
  ImpactReport head;
  std::map<std::string, size_t> org_index;
  bool has_book = false;
  std::vector<LoanIn> loans;
  std::int64_t written_off_value = 0;
  std::vector<ParIn> par;
  std::vector<FundIn> funds;
  std::vector<AssessmentIn> assessments;  // dated on or before as_of
};

Status KnownOrganisation(const Input& in, const std::string& id, const std::string& where) {
  if (in.org_index.count(id) != 0) return Status::Ok();
  return InvalidArgument(where + ": \"" + id +
                         "\" is not in organisations; add it there (id and name)");
}

Status ParseHead(const json& doc, Input& in) {
  auto as_of = ReadDate(doc, "as_of", "", true);
  if (!as_of.ok()) return as_of.status();
  in.head.as_of = *as_of;
  auto reporter = Field(doc, "reporter", "", true);
  if (!reporter.ok()) return reporter.status();
  ECOSOL_RETURN_IF_ERROR(RequireObject(**reporter, "reporter"));
  auto rid = ReadText(**reporter, "id", "reporter", true);
  if (!rid.ok()) return rid.status();
  auto rname = ReadText(**reporter, "name", "reporter", true);
  if (!rname.ok()) return rname.status();
  in.head.reporter = {*rid, *rname, ""};
  auto currency = ReadText(doc, "currency", "", true);
  if (!currency.ok()) return currency.status();
  if (currency->size() != 3) {
    return InvalidArgument("currency: expected an ISO 4217 code such as \"CAD\", got \"" +
                           *currency + "\"");
  }
  in.head.currency = *currency;
  return Status::Ok();
}

Status ParseOrganisations(const json& doc, Input& in) {
  auto orgs = ReadArray(doc, "organisations", "", true);
  if (!orgs.ok()) return orgs.status();
  for (size_t i = 0; i < (*orgs)->size(); ++i) {
    const json& o = (**orgs)[i];
    const std::string where = Item("organisations", i);
    ECOSOL_RETURN_IF_ERROR(RequireObject(o, where));
    auto id = ReadText(o, "id", where, true);
    if (!id.ok()) return id.status();
    auto name = ReadText(o, "name", where, true);
    if (!name.ok()) return name.status();
    auto territory = ReadText(o, "territory", where, false);
    if (!territory.ok()) return territory.status();
    if (!in.org_index.emplace(*id, i).second) {
      return InvalidArgument(where + ".id: \"" + *id + "\" is listed twice; list it once");
    }
    in.head.organisations.push_back({*id, *name, *territory});
  }
  return Status::Ok();
}

Result<LoanIn> ParseLoan(const json& l, const std::string& where, const Input& in) {
  ECOSOL_RETURN_IF_ERROR(RequireObject(l, where));
  LoanIn loan;
  auto id = ReadText(l, "id", where, true);
  if (!id.ok()) return id.status();
  auto actor = ReadText(l, "actor_id", where, true);
  if (!actor.ok()) return actor.status();
  ECOSOL_RETURN_IF_ERROR(KnownOrganisation(in, *actor, where + ".actor_id"));
  loan.actor_id = *actor;
  auto disbursed = ReadDate(l, "disbursed_on", where, false);
  if (!disbursed.ok()) return disbursed.status();
  loan.disbursed_on = *disbursed;
  auto principal = ReadCents(l, "principal", where);
  if (!principal.ok()) return principal.status();
  loan.principal = *principal;
  auto outstanding = ReadCents(l, "outstanding_principal", where);
  if (!outstanding.ok()) return outstanding.status();
  loan.outstanding = *outstanding;
  auto days = ReadWhole(l, "days_in_arrears", where, "days");
  if (!days.ok()) return days.status();
  loan.days = static_cast<int>(std::min<std::int64_t>(*days, 1 << 20));
  auto written_off = ReadFlag(l, "written_off", where, true);
  if (!written_off.ok()) return written_off.status();
  loan.written_off = *written_off;
  if (loan.written_off && loan.outstanding != 0) {
    return InvalidArgument(where + ".outstanding_principal: a written-off loan has none (got " +
                           std::to_string(loan.outstanding) + "); rebuild the loan book view");
  }
  return loan;
}

Status ParsePar(const json& book, Input& in) {
  auto par = Field(book, "par", "loan_book", true);
  if (!par.ok()) return par.status();
  ECOSOL_RETURN_IF_ERROR(RequireObject(**par, "loan_book.par"));
  auto written_off = ReadCents(**par, "written_off_principal", "loan_book.par");
  if (!written_off.ok()) return written_off.status();
  in.written_off_value = *written_off;
  auto thresholds = ReadArray(**par, "thresholds", "loan_book.par", false);
  if (!thresholds.ok() || *thresholds == nullptr) return thresholds.status();
  for (size_t i = 0; i < (*thresholds)->size(); ++i) {
    const std::string where = Item("loan_book.par.thresholds", i);
    const json& t = (**thresholds)[i];
    ECOSOL_RETURN_IF_ERROR(RequireObject(t, where));
    auto days = ReadWhole(t, "days", where, "days");
    if (!days.ok()) return days.status();
    auto all = Field(t, "all", where, true);
    if (!all.ok()) return all.status();
    ECOSOL_RETURN_IF_ERROR(RequireObject(**all, where + ".all"));
    auto at_risk = ReadCents(**all, "at_risk", where + ".all");
    if (!at_risk.ok()) return at_risk.status();
    auto outstanding = ReadCents(**all, "outstanding", where + ".all");
    if (!outstanding.ok()) return outstanding.status();
    in.par.push_back({where + ".all", static_cast<int>(*days), *at_risk, *outstanding});
  }
  return Status::Ok();
}

Status ParseBook(const json& doc, Input& in) {
  auto book = Field(doc, "loan_book", "", false);
  if (!book.ok() || *book == nullptr) return book.status();
  ECOSOL_RETURN_IF_ERROR(RequireObject(**book, "loan_book"));
  in.has_book = true;
  auto as_of = ReadDate(**book, "as_of", "loan_book", true);
  if (!as_of.ok()) return as_of.status();
  if (*as_of != in.head.as_of) {
    return InvalidArgument("loan_book.as_of: \"" + *as_of + "\" differs from as_of \"" +
                           in.head.as_of + "\"; build the loan book view at as_of");
  }
  ECOSOL_RETURN_IF_ERROR(ParsePar(**book, in));
  auto loans = ReadArray(**book, "loans", "loan_book", true);
  if (!loans.ok()) return loans.status();
  for (size_t i = 0; i < (*loans)->size(); ++i) {
    auto loan = ParseLoan((**loans)[i], Item("loan_book.loans", i), in);
    if (!loan.ok()) return loan.status();
    in.loans.push_back(std::move(*loan));
  }
  return Status::Ok();
}

Status ParseAllocation(const json& alloc, const std::string& where, const Input& in, FundIn& f) {
  ECOSOL_RETURN_IF_ERROR(RequireObject(alloc, where));
  auto apps = ReadArray(alloc, "applications", where, true);
  if (!apps.ok()) return apps.status();
  f.has_allocation = true;
  for (size_t i = 0; i < (*apps)->size(); ++i) {
    const std::string at = Item(where + ".applications", i);
    const json& a = (**apps)[i];
    ECOSOL_RETURN_IF_ERROR(RequireObject(a, at));
    auto actor = ReadText(a, "actor_id", at, true);
    if (!actor.ok()) return actor.status();
    ECOSOL_RETURN_IF_ERROR(KnownOrganisation(in, *actor, at + ".actor_id"));
    auto mip = ReadNumber(a, "mip", at);  // the currency unit (allocation.h)
    if (!mip.ok()) return mip.status();
    f.grants.push_back({*actor, static_cast<std::int64_t>(std::llround(*mip * 100.0))});
  }
  return Status::Ok();
}

Result<FundIn> ParseFund(const json& item, const std::string& where, Input& in) {
  ECOSOL_RETURN_IF_ERROR(RequireObject(item, where));
  auto fund = Field(item, "fund", where, true);
  if (!fund.ok()) return fund.status();
  ECOSOL_RETURN_IF_ERROR(RequireObject(**fund, where + ".fund"));
  auto id = ReadText(**fund, "id", where + ".fund", true);
  if (!id.ok()) return id.status();
  auto name = ReadText(**fund, "name", where + ".fund", false);
  if (!name.ok()) return name.status();
  auto currency = ReadText(**fund, "currency", where + ".fund", false);
  if (!currency.ok()) return currency.status();
  if (!currency->empty() && *currency != in.head.currency) {
    return InvalidArgument(where + ".fund.currency: \"" + *currency + "\" is not the report's " +
                           in.head.currency + "; export each currency on its own");
  }
  in.head.funds.push_back({*id, name->empty() ? *id : *name});
  FundIn f;
  auto leverage = Field(item, "leverage", where, true);
  if (!leverage.ok()) return leverage.status();
  ECOSOL_RETURN_IF_ERROR(RequireObject(**leverage, where + ".leverage"));
  auto pub = ReadCents(**leverage, "public", where + ".leverage");
  if (!pub.ok()) return pub.status();
  auto priv = ReadCents(**leverage, "private", where + ".leverage");
  if (!priv.ok()) return priv.status();
  f.public_amount = *pub;
  f.private_amount = *priv;
  auto alloc = Field(item, "allocation", where, false);
  if (!alloc.ok()) return alloc.status();
  if (*alloc != nullptr)
    ECOSOL_RETURN_IF_ERROR(ParseAllocation(**alloc, where + ".allocation", in, f));
  return f;
}

Status ParseFundsAndAssessments(const json& doc, Input& in) {
  auto funds = ReadArray(doc, "funds", "", false);
  if (!funds.ok()) return funds.status();
  for (size_t i = 0; *funds != nullptr && i < (*funds)->size(); ++i) {
    auto f = ParseFund((**funds)[i], Item("funds", i), in);
    if (!f.ok()) return f.status();
    in.funds.push_back(std::move(*f));
  }
  auto list = ReadArray(doc, "assessments", "", false);
  if (!list.ok()) return list.status();
  for (size_t i = 0; *list != nullptr && i < (*list)->size(); ++i) {
    const std::string where = Item("assessments", i);
    const json& a = (**list)[i];
    ECOSOL_RETURN_IF_ERROR(RequireObject(a, where));
    auto org = ReadText(a, "organisation", where, true);
    if (!org.ok()) return org.status();
    ECOSOL_RETURN_IF_ERROR(KnownOrganisation(in, *org, where + ".organisation"));
    auto date = ReadDate(a, "date", where, true);
    if (!date.ok()) return date.status();
    auto total = ReadNumber(a, "total", where);
    if (!total.ok()) return total.status();
    auto max_total = ReadNumber(a, "max_total", where);
    if (!max_total.ok()) return max_total.status();
    if (*total > *max_total) {
      return InvalidArgument(where + ".total: " + a.at("total").dump() + " is above max_total " +
                             a.at("max_total").dump());
    }
    if (*date <= in.head.as_of) in.assessments.push_back({*org, *total});
  }
  return Status::Ok();
}

// ---- Tallies: what each subject's indicators are computed from.

struct Tally {
  bool portfolio = false;
  bool has_loans = false;
  bool has_funds = false;
  bool has_grants = false;
  int financed = 0;
  int loans_outstanding = 0;
  int written_off_count = 0;
  std::int64_t written_off_value = 0;
  std::int64_t disbursed = 0;
  std::int64_t outstanding = 0;
  std::int64_t par30 = 0;
  std::int64_t par90 = 0;
  std::int64_t public_amount = 0;
  std::int64_t private_amount = 0;
  std::int64_t grants = 0;
  int grants_count = 0;
  int assessments = 0;
  double score_sum = 0;
};

void AddLoan(const LoanIn& loan, const std::string& as_of, Tally& t) {
  t.has_loans = true;
  if (loan.disbursed_on.empty() || loan.disbursed_on <= as_of) t.disbursed += loan.principal;
  if (loan.written_off) {
    ++t.written_off_count;
    return;
  }
  if (loan.outstanding > 0) ++t.loans_outstanding;
  t.outstanding += loan.outstanding;
  if (loan.days > 30) t.par30 += loan.outstanding;  // strictly more than 30 days (loan_book.h)
  if (loan.days > 90) t.par90 += loan.outstanding;
}

void AddFund(const FundIn& f, Tally& t) {
  t.has_funds = true;
  t.public_amount += f.public_amount;
  t.private_amount += f.private_amount;
  t.has_grants = t.has_grants || f.has_allocation;
  for (const GrantIn& g : f.grants) {
    t.grants += g.amount;
    if (g.amount > 0) ++t.grants_count;
  }
}

// The portfolio's PAR as the loans give it must be the one the loan book view reports.
Status CheckPar(const Input& in, const Tally& portfolio) {
  for (const ParIn& p : in.par) {
    if (p.days != 30 && p.days != 90) continue;
    const std::int64_t at_risk = p.days == 30 ? portfolio.par30 : portfolio.par90;
    if (p.at_risk != at_risk || p.outstanding != portfolio.outstanding) {
      return InvalidArgument(p.where + ": at_risk " + std::to_string(p.at_risk) +
                             " and outstanding " + std::to_string(p.outstanding) +
                             " disagree with the loans listed (" + std::to_string(at_risk) + ", " +
                             std::to_string(portfolio.outstanding) +
                             "); build par and loans from the same loan book view");
    }
  }
  return Status::Ok();
}

struct Figure {
  bool present = false;
  std::int64_t amount = 0;
  double number = 0;
};

Figure Amount(bool present, std::int64_t amount) { return {present, amount, 0}; }
Figure Number(bool present, double number) { return {present, 0, number}; }
double Percent(std::int64_t part, std::int64_t whole) {
  return 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

using FigureFn = Figure (*)(const Tally&);

const std::map<std::string_view, FigureFn>& Figures() {
  static const std::map<std::string_view, FigureFn> kFigures = {
      {"organisations_financed", [](const Tally& t) { return Amount(t.portfolio, t.financed); }},
      {"loans_outstanding_count",
       [](const Tally& t) { return Amount(t.has_loans, t.loans_outstanding); }},
      {"loans_disbursed_value", [](const Tally& t) { return Amount(t.has_loans, t.disbursed); }},
      {"loans_outstanding_principal",
       [](const Tally& t) { return Amount(t.has_loans, t.outstanding); }},
      {"par30_at_risk", [](const Tally& t) { return Amount(t.has_loans, t.par30); }},
      {"par30_ratio",
       [](const Tally& t) {
         return Number(t.has_loans && t.outstanding > 0,
                       t.outstanding > 0 ? Percent(t.par30, t.outstanding) : 0);
       }},
      {"par90_at_risk", [](const Tally& t) { return Amount(t.has_loans, t.par90); }},
      {"par90_ratio",
       [](const Tally& t) {
         return Number(t.has_loans && t.outstanding > 0,
                       t.outstanding > 0 ? Percent(t.par90, t.outstanding) : 0);
       }},
      {"loans_written_off_value",
       [](const Tally& t) { return Amount(t.portfolio && t.has_loans, t.written_off_value); }},
      {"loans_written_off_count",
       [](const Tally& t) { return Amount(t.has_loans, t.written_off_count); }},
      {"fund_public_capital", [](const Tally& t) { return Amount(t.has_funds, t.public_amount); }},
      {"fund_private_capital",
       [](const Tally& t) { return Amount(t.has_funds, t.private_amount); }},
      {"fund_leverage_ratio",
       [](const Tally& t) {
         const bool has = t.has_funds && t.public_amount > 0;
         return Number(
             has, has ? static_cast<double>(t.private_amount) / static_cast<double>(t.public_amount)
                      : 0);
       }},
      {"grants_allocated_value", [](const Tally& t) { return Amount(t.has_grants, t.grants); }},
      {"grants_allocated_count",
       [](const Tally& t) { return Amount(t.has_grants, t.grants_count); }},
      {"readiness_assessments_count",
       [](const Tally& t) { return Amount(t.assessments > 0, t.assessments); }},
      {"readiness_mean_total",
       [](const Tally& t) {
         return Number(t.assessments > 0, t.assessments > 0 ? t.score_sum / t.assessments : 0);
       }},
  };
  return kFigures;
}

// Tallies of the portfolio, each fund (loans and grants are not split by fund) and each org.
struct Tallies {
  Tally portfolio;
  std::vector<Tally> funds;
  std::vector<Tally> orgs;
};

Tallies TallyInput(const Input& in) {
  Tallies t;
  t.portfolio.portfolio = true;
  t.portfolio.has_loans = in.has_book;
  t.portfolio.written_off_value = in.written_off_value;
  t.orgs.resize(in.head.organisations.size());
  std::set<std::string> financed;
  for (const LoanIn& loan : in.loans) {
    AddLoan(loan, in.head.as_of, t.portfolio);
    AddLoan(loan, in.head.as_of, t.orgs[in.org_index.at(loan.actor_id)]);
    const bool disbursed = loan.disbursed_on.empty() || loan.disbursed_on <= in.head.as_of;
    if (disbursed && loan.principal > 0) financed.insert(loan.actor_id);
  }
  for (const FundIn& f : in.funds) {
    AddFund(f, t.portfolio);
    Tally fund_tally;
    fund_tally.has_funds = true;
    fund_tally.public_amount = f.public_amount;
    fund_tally.private_amount = f.private_amount;
    t.funds.push_back(fund_tally);
    for (const GrantIn& g : f.grants) {
      Tally& org = t.orgs[in.org_index.at(g.actor_id)];
      org.has_grants = true;
      org.grants += g.amount;
      if (g.amount > 0) ++org.grants_count;
      if (g.amount > 0) financed.insert(g.actor_id);
    }
  }
  for (const AssessmentIn& a : in.assessments) {
    for (Tally* x : {&t.portfolio, &t.orgs[in.org_index.at(a.organisation)]}) {
      ++x->assessments;
      x->score_sum += a.total;
    }
  }
  t.portfolio.financed = static_cast<int>(financed.size());
  return t;
}

void Emit(const ImpactIndicator& ind, const Tally& t, const std::string& organisation_id,
          const std::string& fund_id, std::vector<ImpactValue>& out) {
  const Figure f = Figures().at(ind.id)(t);
  if (!f.present) return;
  out.push_back({std::string(ind.id), organisation_id, fund_id, f.amount, f.number});
}

}  // namespace

const std::vector<ImpactIndicator>& ImpactIndicators() { return Catalogue(); }

const ImpactIndicator* FindImpactIndicator(std::string_view id) {
  for (const ImpactIndicator& ind : Catalogue()) {
    if (ind.id == id) return &ind;
  }
  return nullptr;
}

Result<ImpactReport> ComputeImpact(const json& input) {
  ECOSOL_RETURN_IF_ERROR(RequireObject(input, "input"));
  Input in;
  ECOSOL_RETURN_IF_ERROR(ParseHead(input, in));
  ECOSOL_RETURN_IF_ERROR(ParseOrganisations(input, in));
  ECOSOL_RETURN_IF_ERROR(ParseBook(input, in));
  ECOSOL_RETURN_IF_ERROR(ParseFundsAndAssessments(input, in));
  const Tallies t = TallyInput(in);
  ECOSOL_RETURN_IF_ERROR(CheckPar(in, t.portfolio));
  ImpactReport report = std::move(in.head);
  for (const ImpactIndicator& ind : Catalogue()) {
    Emit(ind, t.portfolio, "", "", report.values);
    for (size_t i = 0; i < t.funds.size(); ++i) {
      Emit(ind, t.funds[i], "", report.funds[i].id, report.values);
    }
    for (size_t i = 0; i < t.orgs.size(); ++i) {
      Emit(ind, t.orgs[i], report.organisations[i].id, "", report.values);
    }
  }
  return report;
}

}  // namespace ecosol::finance
