// The text forms of the finance answers (finance_text.h).

#include "finance_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iomanip>
#include <sstream>

namespace ecosol::cli::finance_text {

using nlohmann::json;

// Engine answers are read without exceptions: a missing or mistyped key reads as empty.
const json& At(const json& j, const char* key) {
  static const json kNull;
  if (!j.is_object()) return kNull;
  auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}

std::string Str(const json& j, const char* key) {
  const json& v = At(j, key);
  return v.is_string() ? v.get<std::string>() : "";
}

double Num(const json& j, const char* key) {
  const json& v = At(j, key);
  return v.is_number() ? v.get<double>() : 0;
}

long long Int(const json& j, const char* key) {
  const json& v = At(j, key);
  return v.is_number() ? v.get<long long>() : 0;
}

// 106619 -> "1,066.19".
std::string Money(long long cents) {
  const unsigned long long v = cents < 0 ? 0ULL - static_cast<unsigned long long>(cents)
                                         : static_cast<unsigned long long>(cents);
  std::string whole = std::to_string(v / 100);
  for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) {
    whole.insert(static_cast<size_t>(i), ",");
  }
  char fraction[4];
  std::snprintf(fraction, sizeof fraction, "%02llu", v % 100);
  return (cents < 0 ? "-" : "") + whole + "." + fraction;
}

std::string MoneyOf(const json& j, const char* key) { return Money(Int(j, key)); }

// Allocation amounts are in currency units (doubles), not cents.
std::string Units(double amount) { return Money(std::llround(amount * 100)); }

std::string Fixed(double value, int decimals) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(decimals) << value;
  return s.str();
}

std::string Percent(double ratio) { return Fixed(ratio * 100, 2) + "%"; }

std::string Join(const json& list) {
  std::string out;
  for (const json& v : list)
    out += (out.empty() ? "" : ", ") + (v.is_string() ? v.get<std::string>() : v.dump());
  return out;
}

// The width of UTF-8 text on a terminal, one column per code point.
size_t Width(const std::string& text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// Columns padded to their widest cell; the first row is the header.
void PrintTable(std::ostream& out, const Rows& rows) {
  std::vector<size_t> width;
  for (const auto& row : rows) {
    width.resize(std::max(width.size(), row.size()), 0);
    for (size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], Width(row[i]));
  }
  for (const auto& row : rows) {
    std::string line = " ";
    for (size_t i = 0; i < row.size(); ++i) {
      line += " " + row[i];
      if (i + 1 < row.size()) line += std::string(width[i] - Width(row[i]), ' ');
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << "\n";
  }
}

void PrintMechanisms(std::ostream& out, const json& match) {
  Rows rows{{"RANK", "MECHANISM", "FIT", "WHY NOT / MISSING"}};
  for (const json& m : At(match, "mechanisms")) {
    std::string why;
    if (!At(m, "failed").empty()) why = Str(At(m, "failed")[0], "reason");
    if (why.empty() && !At(m, "unknown").empty()) {
      why = "missing " + Join(At(At(m, "unknown")[0], "missing"));
    }
    rows.push_back({std::to_string(Int(m, "rank")), Str(m, "mechanism"), Str(m, "fit"), why});
  }
  out << "Mechanisms:\n";
  PrintTable(out, rows);
}

// A FunderMatchToJson answer; `who` is the column shown: "funder" or "organisation".
void PrintEligibility(std::ostream& out, const json& match, const char* who) {
  Rows rows{{"RANK", std::string(who) == "funder" ? "FUNDER" : "ORGANISATION", "ELIGIBILITY",
             "FITTING MECHANISMS", "FIRST CONDITION NOT HELD"}};
  for (const json& r : At(match, "results")) {
    std::string first;
    for (const json& c : At(r, "conditions")) {
      if (Str(c, "outcome") == "held") continue;
      first = Str(c, "condition") + ": " + Str(c, "detail");
      break;
    }
    rows.push_back({std::to_string(Int(r, "rank")), Str(r, who), Str(r, "eligibility"),
                    Join(At(r, "fitting_mechanisms")), first});
  }
  PrintTable(out, rows);
}

void PrintOrganisation(std::ostream& out, const json& of) {
  const json& actor = At(of, "actor");
  out << Str(actor, "name") << " (" << Str(actor, "id") << ", " << Str(actor, "territory") << ")\n";
  const json& latest = At(At(of, "readiness"), "latest");
  if (latest.is_object()) {
    out << "readiness: " << Str(At(latest, "stage"), "id") << ", total " << Int(latest, "total")
        << " of " << Int(latest, "max_total") << ", pipeline " << Str(At(latest, "pipeline"), "id")
        << " (assessed " << Str(latest, "date") << ")\n";
  } else {
    out << "readiness: no assessment\n";
  }
  PrintMechanisms(out, At(of, "mechanisms"));
  out << "Funders:\n";
  PrintEligibility(out, At(of, "funders"), "funder");
  out << "applications: " << At(of, "applications").size() << ", loans: " << At(of, "loans").size()
      << "\n";
}

void PrintReadiness(std::ostream& out, const json& r) {
  const json& latest = At(r, "latest");
  out << Str(latest, "organisation") << ": " << Str(At(latest, "stage"), "label") << " ("
      << Str(At(latest, "stage"), "id") << "), total " << Int(latest, "total") << " of "
      << Int(latest, "max_total") << ", pipeline " << Str(At(latest, "pipeline"), "id")
      << ", assessed " << Str(latest, "date") << "\n"
      << "weakest: " << Join(At(latest, "weakest")) << "\n";
  Rows scores{{"DIMENSION", "SCORE", "MEANING"}};
  for (const char* part : {"scores", "governance"}) {
    for (const json& d : At(latest, part)) {
      scores.push_back({Str(d, "dimension"), std::to_string(Int(d, "score")), Str(d, "meaning")});
    }
  }
  PrintTable(out, scores);
  Rows history{{"DATE", "TOTAL", "STAGE", "PIPELINE"}};
  for (const json& h : At(r, "history")) {
    history.push_back(
        {Str(h, "date"), std::to_string(Int(h, "total")), Str(h, "stage"), Str(h, "pipeline")});
  }
  out << "History:\n";
  PrintTable(out, history);
  const json& change = At(r, "change");
  if (!change.is_object()) return;
  const long long delta = Int(At(change, "total"), "change");
  out << "change " << Str(change, "from") << " -> " << Str(change, "to") << ": total "
      << (delta >= 0 ? "+" : "") << delta << ", stage " << Str(At(change, "stage"), "before")
      << " -> " << Str(At(change, "stage"), "after") << ", pipeline "
      << Str(At(change, "pipeline"), "before") << " -> " << Str(At(change, "pipeline"), "after")
      << "\n";
}

void PrintSchedule(std::ostream& out, const json& s) {
  const json& terms = At(s, "terms");
  out << Str(terms, "method") << ", " << Str(terms, "frequency") << ", " << Int(terms, "periods")
      << " periods from " << Str(terms, "disbursed_on") << ": " << MoneyOf(terms, "principal")
      << " at " << Percent(Num(terms, "annual_rate")) << " a year\n"
      << "instalment " << MoneyOf(s, "regular_instalment") << ", total interest "
      << MoneyOf(s, "total_interest") << ", total paid " << MoneyOf(s, "total_paid")
      << ", effective annual rate " << Percent(Num(s, "effective_annual_rate")) << "\n";
  Rows rows{{"NO", "DUE ON", "PRINCIPAL", "INTEREST", "TOTAL", "BALANCE AFTER"}};
  for (const json& i : At(s, "instalments")) {
    rows.push_back({std::to_string(Int(i, "number")), Str(i, "due_on"), MoneyOf(i, "principal"),
                    MoneyOf(i, "interest"), MoneyOf(i, "total"), MoneyOf(i, "balance_after")});
  }
  PrintTable(out, rows);
}

// PortfolioAtRiskToJson, with the loan rows of LoanBookView or of the report itself.
void PrintPar(std::ostream& out, const json& par, const json& loans) {
  out << "portfolio at risk as of " << Str(par, "as_of") << " (restructured loans included";
  if (Int(par, "written_off_principal") != 0) {
    out << "; written off: " << MoneyOf(par, "written_off_principal");
  }
  out << ")\n";
  Rows figures{{"PAR", "RATIO", "AT RISK", "OUTSTANDING", "LOANS", "RESTRUCTURED", "OTHERS"}};
  for (const json& t : At(par, "thresholds")) {
    const json& all = At(t, "all");
    figures.push_back({"PAR" + std::to_string(Int(t, "days")), Percent(Num(all, "ratio")),
                       MoneyOf(all, "at_risk"), MoneyOf(all, "outstanding"),
                       std::to_string(Int(all, "loans_at_risk")),
                       Percent(Num(At(t, "restructured"), "ratio")),
                       Percent(Num(At(t, "excluding_restructured"), "ratio"))});
  }
  PrintTable(out, figures);
  Rows rows{{"LOAN", "BORROWER", "OUTSTANDING", "DAYS LATE", "STATE"}};
  for (const json& l : loans) {
    std::string id = Str(l, "id").empty() ? Str(l, "loan_id") : Str(l, "id");
    std::string state = At(l, "written_off") == true    ? "written off"
                        : At(l, "restructured") == true ? "restructured"
                                                        : "";
    rows.push_back({id, Str(l, "actor_name").empty() ? Str(l, "actor_id") : Str(l, "actor_name"),
                    MoneyOf(l, "outstanding_principal"), std::to_string(Int(l, "days_in_arrears")),
                    state});
  }
  out << "Loans:\n";
  PrintTable(out, rows);
}

void PrintPortfolio(std::ostream& out, const char* name, const json& p) {
  out << name << ": impact " << Fixed(Num(p, "impact"), 2) << ", " << Int(p, "funded")
      << " funded, allocated " << Units(Num(p, "allocated")) << ", private capital "
      << Units(Num(p, "private_capital")) << ", first loss " << Units(Num(p, "first_loss")) << "\n";
}

void PrintAllocation(std::ostream& out, const json& r) {
  out << "status: " << Str(r, "status") << " (" << Str(r, "solver") << "), impact "
      << Fixed(Num(r, "impact"), 2) << ", bound " << Fixed(Num(r, "best_bound"), 2) << "\n";
  for (const json& why : At(r, "infeasibility")) out << "  infeasible: " << why.dump() << "\n";
  PrintPortfolio(out, "MIP portfolio", At(r, "mip"));
  Rows grants{{"APPLICATION", "AMOUNT", "IMPACT"}};
  for (const json& g : At(At(r, "mip"), "grants")) {
    grants.push_back({Str(g, "id"), Units(Num(g, "amount")), Fixed(Num(g, "impact"), 2)});
  }
  PrintTable(out, grants);
  Rows binding{{"CONSTRAINT", "FAMILY", "ACTIVITY", "LIMIT", "IMPACT COST"}};
  for (const json& c : At(r, "constraints")) {
    if (At(c, "binding") != true) continue;
    binding.push_back({Str(c, "id"), Str(c, "family"), Units(Num(c, "activity")),
                       Units(Num(c, "limit")), Fixed(Num(c, "impact_cost"), 2)});
  }
  out << "Binding constraints (impact they cost):\n";
  if (binding.size() == 1) out << "  none\n";
  if (binding.size() > 1) PrintTable(out, binding);
  PrintPortfolio(out, "Greedy ranking", At(r, "greedy"));
  out << "  the MIP gains "
      << Fixed(Num(At(r, "mip"), "impact") - Num(At(r, "greedy"), "impact"), 2)
      << " impact over the greedy ranking";
  if (!At(r, "greedy_violations").empty()) {
    out << "; the greedy ranking breaks: " << Join(At(r, "greedy_violations"));
  }
  out << "\n";
}

void PrintWaterfall(std::ostream& out, const json& view) {
  const json& fund = At(view, "fund");
  const json& w = At(view, "waterfall");
  out << Str(fund, "name") << " (" << Str(fund, "id") << ", " << Str(fund, "currency")
      << "): a loss of " << MoneyOf(w, "loss") << " on " << MoneyOf(w, "total") << " drawn\n";
  Rows rows{{"ORDER", "TRANCHE", "SOURCE", "INSTRUMENT", "DRAWN", "ABSORBS", "LEFT", "LOST"}};
  for (const json& t : At(w, "tranches")) {
    json info;
    for (const json& f : At(fund, "tranches")) {
      if (Str(f, "id") == Str(t, "id")) info = f;
    }
    rows.push_back({std::to_string(Int(t, "loss_order")), Str(t, "id"), Str(info, "source"),
                    Str(info, "instrument"), MoneyOf(t, "amount"), MoneyOf(t, "absorbed"),
                    MoneyOf(t, "remaining"), Percent(Num(t, "share_lost"))});
  }
  PrintTable(out, rows);
  if (Int(w, "unabsorbed") > 0) out << "beyond all capital: " << MoneyOf(w, "unabsorbed") << "\n";
  const json& lev = At(view, "leverage");
  out << "leverage: " << MoneyOf(lev, "private") << " private for " << MoneyOf(lev, "public")
      << " public (rule: " << Fixed(Num(At(lev, "rule"), "min_private_per_public"), 1) << " to 1): "
      << (At(lev, "passes") == true ? "passes" : "short by " + MoneyOf(lev, "shortfall")) << "\n";
  for (const json& warning : At(view, "warnings"))
    out << "warning: " << Join(json::array({warning})) << "\n";
}

}  // namespace ecosol::cli::finance_text
