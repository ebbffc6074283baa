// The JSON form of funds and of the waterfall, distribution and leverage results (fund.h).
// Field names are stable: the HTTP API, the CLI and the capital-stack chart read them. Amounts
// are integer cents; shares and ratios are numbers (0.25 = 25%).

#include "ecosol/finance/fund.h"

namespace ecosol::finance {
namespace {

using nlohmann::json;

json OptionalNumber(const std::optional<double>& value) {
  return value ? json(*value) : json(nullptr);
}

}  // namespace

json FundToJson(const Fund& fund) {
  json tranches = json::array();
  for (const Tranche& t : fund.tranches) {
    tranches.push_back({{"id", t.id},
                        {"name", t.name},
                        {"source", std::string(ToString(t.source))},
                        {"instrument", std::string(ToString(t.instrument))},
                        {"committed", t.committed},
                        {"drawn", t.drawn},
                        {"target_return", OptionalNumber(t.target_return)},
                        {"loss_order", t.loss_order}});
  }
  return {{"id", fund.id},
          {"name", fund.name},
          {"currency", fund.currency},
          {"tranches", std::move(tranches)}};
}

json WaterfallToJson(const LossWaterfall& w) {
  json rows = json::array();
  for (const TrancheLoss& t : w.tranches) {
    rows.push_back({{"id", t.id},
                    {"loss_order", t.loss_order},
                    {"amount", t.amount},
                    {"absorbed", t.absorbed},
                    {"remaining", t.remaining},
                    {"share_lost", t.share_lost},
                    {"attachment", t.attachment},
                    {"detachment", t.detachment}});
  }
  return {{"fund", w.fund_id},          {"loss", w.loss},
          {"total", w.total},           {"absorbed", w.absorbed},
          {"unabsorbed", w.unabsorbed}, {"tranches", std::move(rows)}};
}

json GainDistributionToJson(const GainDistribution& d) {
  json rows = json::array();
  for (const TrancheGain& t : d.tranches) {
    rows.push_back({{"id", t.id},
                    {"loss_order", t.loss_order},
                    {"due", t.due},
                    {"paid", t.paid},
                    {"shortfall", t.shortfall},
                    {"residual", t.residual}});
  }
  return {{"fund", d.fund_id},
          {"gain", d.gain},
          {"residual_policy", std::string(ToString(d.policy))},
          {"retained", d.retained},
          {"tranches", std::move(rows)}};
}

json LeverageCheckToJson(const LeverageCheck& c) {
  return {{"public", c.public_amount},
          {"private", c.private_amount},
          {"ratio", OptionalNumber(c.ratio)},
          {"private_needed", c.private_needed},
          {"shortfall", c.shortfall},
          {"passes", c.passes},
          {"rule",
           {{"min_private_per_public", c.rule.min_private_per_public},
            {"basis", c.rule.on_drawn ? "drawn" : "committed"},
            {"source", c.rule.source}}}};
}

}  // namespace ecosol::finance
