// Parsing and validating a fund's capital stack, and the leverage rule (fund.h).

#include "ecosol/finance/fund.h"

#include <set>

#include "fund_amounts.h"

namespace ecosol::finance {
namespace {

using funds_internal::ReadCents;
using funds_internal::ReadNumber;
using funds_internal::ReadText;
using nlohmann::json;

constexpr std::string_view kSources[] = {"public", "private"};
constexpr std::string_view kInstruments[] = {"grant", "equity", "quasi_equity", "subordinated_debt",
                                             "senior_debt"};

std::string OneOf(const auto& names) {
  std::string out;
  for (std::string_view n : names) out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

// Looks `name` up in `names`; the index is the enum's value (same order as the enums).
Result<size_t> Choice(const json& t, const std::string& key, const std::string& where,
                      const auto& names) {
  auto name = ReadText(t, key, where);
  if (!name.ok()) return name.status();
  for (size_t i = 0; i < std::size(names); ++i) {
    if (names[i] == *name) return i;
  }
  return InvalidArgument(where + ": " + key + " '" + *name + "' is not one of " + OneOf(names));
}

Result<Tranche> ParseTranche(const json& t, const std::string& where) {
  if (!t.is_object()) return InvalidArgument(where + ": expected a map {id, source, ...}");
  Tranche out;
  auto id = ReadText(t, "id", where);
  auto name = ReadText(t, "name", where, id.ok() ? *id : "");
  auto source = Choice(t, "source", where, kSources);
  auto instrument = Choice(t, "instrument", where, kInstruments);
  auto committed = ReadCents(t, "committed", where);
  auto drawn = ReadCents(t, "drawn", where, committed.ok() ? *committed : 0);
  for (const Status& s : {id.status(), name.status(), source.status(), instrument.status(),
                          committed.status(), drawn.status()}) {
    ECOSOL_RETURN_IF_ERROR(s);
  }
  out.id = *id;
  out.name = *name;
  out.source = static_cast<CapitalSource>(*source);
  out.instrument = static_cast<Instrument>(*instrument);
  out.committed = *committed;
  out.drawn = *drawn;
  if (auto r = t.find("target_return"); r != t.end() && !r->is_null()) {
    auto rate = ReadNumber(t, "target_return", where, 0.0, 1.0);
    if (!rate.ok()) return rate.status();
    out.target_return = *rate;
  }
  auto order = t.find("loss_order");
  if (order == t.end() || !order->is_number_integer()) {
    return InvalidArgument(where + ": needs 'loss_order', a whole number (1 absorbs losses first)");
  }
  auto order_value = order->get<std::int64_t>();
  if (order_value < 1 || order_value > 1000) {
    return InvalidArgument(where +
                           ": 'loss_order' must be from 1 (absorbs losses first) to 1000, "
                           "got " +
                           order->dump());
  }
  out.loss_order = static_cast<int>(order_value);
  return out;
}

Status ValidateTranche(const Tranche& t, const std::string& where) {
  if (t.id.empty()) return InvalidArgument(where + ": needs an 'id'");
  if (t.committed < 0 || t.drawn < 0 || t.committed > funds_internal::kMaxCents) {
    return InvalidArgument(where + ": amounts must be from 0 to " +
                           std::to_string(funds_internal::kMaxCents) + " cents");
  }
  if (t.drawn > t.committed) {
    return InvalidArgument(where + ": drawn " + funds_internal::FormatCents(t.drawn) +
                           " is more than committed " + funds_internal::FormatCents(t.committed) +
                           "; raise the commitment or lower what is drawn");
  }
  if (t.loss_order < 1) return InvalidArgument(where + ": 'loss_order' must be 1 or more");
  if (t.target_return && (*t.target_return < 0.0 || *t.target_return > 1.0)) {
    return InvalidArgument(where + ": 'target_return' must be from 0 to 1 (5% is written 0.05)");
  }
  if (t.instrument == Instrument::kGrant && t.target_return) {
    return InvalidArgument(where +
                           ": a grant earns no return; set 'target_return' to null or "
                           "change the instrument");
  }
  return Status::Ok();
}

}  // namespace

std::string_view ToString(CapitalSource source) { return kSources[static_cast<size_t>(source)]; }

std::string_view ToString(Instrument instrument) {
  return kInstruments[static_cast<size_t>(instrument)];
}

Status ValidateFund(const Fund& fund) {
  std::string where = "fund '" + fund.id + "'";
  if (fund.id.empty()) return InvalidArgument("fund: needs an 'id'");
  if (fund.tranches.empty()) {
    return InvalidArgument(where + ": needs at least one tranche in 'tranches'");
  }
  std::set<std::string> ids;
  for (size_t i = 0; i < fund.tranches.size(); ++i) {
    const Tranche& t = fund.tranches[i];
    std::string at = where + ": tranches[" + std::to_string(i) + "]";
    ECOSOL_RETURN_IF_ERROR(ValidateTranche(t, at));
    if (!ids.insert(t.id).second) {
      return InvalidArgument(at + ": id '" + t.id +
                             "' is used twice; give each tranche its own id");
    }
  }
  return Status::Ok();
}

Result<Fund> ParseFund(const json& doc) {
  if (!doc.is_object()) return InvalidArgument("fund: expected a map {id, tranches}");
  Fund fund;
  auto id = ReadText(doc, "id", "fund");
  if (!id.ok()) return id.status();
  fund.id = *id;
  std::string where = "fund '" + fund.id + "'";
  auto name = ReadText(doc, "name", where, fund.id);
  auto currency = ReadText(doc, "currency", where, "");
  if (!name.ok()) return name.status();
  if (!currency.ok()) return currency.status();
  fund.name = *name;
  fund.currency = *currency;
  auto tranches = doc.find("tranches");
  if (tranches == doc.end() || !tranches->is_array()) {
    return InvalidArgument(where + ": needs 'tranches', a list of tranches");
  }
  for (size_t i = 0; i < tranches->size(); ++i) {
    auto t = ParseTranche((*tranches)[i], where + ": tranches[" + std::to_string(i) + "]");
    if (!t.ok()) return t.status();
    fund.tranches.push_back(std::move(*t));
  }
  ECOSOL_RETURN_IF_ERROR(ValidateFund(fund));
  return fund;
}

// Subordination is paid for: a tranche that absorbs losses earlier should not target less than
// one that absorbs them later, unless it is concessional (GIIN, Catalytic First-Loss Capital,
// 2013: first-loss providers often accept below-market returns on purpose), so this is advice.
std::vector<std::string> StackWarnings(const Fund& fund) {
  std::vector<std::string> out;
  for (const Tranche& junior : fund.tranches) {
    for (const Tranche& senior : fund.tranches) {
      if (senior.loss_order <= junior.loss_order || !junior.target_return ||
          !senior.target_return || *senior.target_return <= *junior.target_return) {
        continue;
      }
      out.push_back("tranche '" + senior.id + "' (loss order " + std::to_string(senior.loss_order) +
                    ") targets " + json(*senior.target_return).dump() + " but the more junior '" +
                    junior.id + "' (loss order " + std::to_string(junior.loss_order) + ") only " +
                    json(*junior.target_return).dump() +
                    ": is the junior tranche concessional on purpose?");
    }
  }
  return out;
}

LeverageRule CanadaSocialFinanceFundLeverage() {
  return {2.0, false,
          "Canada, Social Finance Fund: at least $2 of private capital per $1 of public money "
          "(DOMAIN.md section 5)"};
}

Result<LeverageRule> ParseLeverageRule(const json& doc) {
  if (!doc.is_object()) return InvalidArgument("leverage rule: expected a map");
  LeverageRule rule;
  auto min = ReadNumber(doc, "min_private_per_public", "leverage rule", 0.0, 1000.0);
  auto basis = ReadText(doc, "basis", "leverage rule", "committed");
  auto source = ReadText(doc, "source", "leverage rule", "");
  for (const Status& s : {min.status(), basis.status(), source.status()}) {
    ECOSOL_RETURN_IF_ERROR(s);
  }
  if (*basis != "committed" && *basis != "drawn") {
    return InvalidArgument("leverage rule: basis '" + *basis + "' is not one of committed, drawn");
  }
  rule.min_private_per_public = *min;
  rule.on_drawn = *basis == "drawn";
  rule.source = *source;
  return rule;
}

// Leverage = private / public (Canada's Social Finance Fund states it as $ private per $ public).
LeverageCheck CheckLeverage(const Fund& fund, const LeverageRule& rule) {
  LeverageCheck check;
  check.rule = rule;
  for (const Tranche& t : fund.tranches) {
    std::int64_t amount = rule.on_drawn ? t.drawn : t.committed;
    (t.source == CapitalSource::kPublic ? check.public_amount : check.private_amount) += amount;
  }
  if (check.public_amount > 0) {
    check.ratio =
        static_cast<double>(check.private_amount) / static_cast<double>(check.public_amount);
  }
  check.private_needed =
      funds_internal::CeilTimes(check.public_amount, rule.min_private_per_public);
  check.shortfall = std::max<std::int64_t>(0, check.private_needed - check.private_amount);
  check.passes = check.shortfall == 0;
  return check;
}

}  // namespace ecosol::finance
