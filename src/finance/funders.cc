// Funders: their eligibility, the funders that fit an organisation and the eligible applicants
// of a funder (matching.h).

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <tuple>

#include "catalogue_util.h"
#include "ecosol/finance/matching.h"
#include "ecosol/rules/framework_file.h"

namespace ecosol::finance {
namespace {

using catalogue_internal::Join;
using nlohmann::json;
using Kind = rules::Outcome::Kind;

Result<std::optional<double>> ParseAmount(const json& amount, const std::string& key) {
  if (!amount.contains(key) || amount[key].is_null()) return std::optional<double>();
  if (!amount[key].is_number() || amount[key].get<double>() < 0) {
    return InvalidArgument("amount." + key + ": " + amount[key].dump() +
                           " must be a number of at least 0");
  }
  return std::optional<double>(amount[key].get<double>());
}

Status ParseAmounts(const json& in, Funder* f) {
  if (!in.contains("amount")) return Status::Ok();
  const json& amount = in["amount"];
  if (!amount.is_object()) return InvalidArgument("amount: must be {min, max}");
  auto min = ParseAmount(amount, "min");
  if (!min.ok()) return min.status();
  auto max = ParseAmount(amount, "max");
  if (!max.ok()) return max.status();
  f->amount_min = *min;
  f->amount_max = *max;
  if (f->amount_min && f->amount_max && *f->amount_min > *f->amount_max) {
    return InvalidArgument("amount: min is above max (swap them)");
  }
  return Status::Ok();
}

Status CheckIn(const std::vector<std::string>& given, const std::vector<std::string>& known,
               const std::string& key, const std::string& what) {
  for (size_t i = 0; i < given.size(); ++i) {
    if (std::find(known.begin(), known.end(), given[i]) == known.end()) {
      return InvalidArgument(key + "[" + std::to_string(i) + "]: unknown " + what + " '" +
                             given[i] + "' (known: " + Join(known) + ")");
    }
  }
  return Status::Ok();
}

Result<Funder> Parse(const MechanismCatalogue& catalogue, const ReadinessFramework& rf,
                     const json& in) {
  if (!in.is_object()) return InvalidArgument("funder: expected an object");
  Funder f;
  f.id = in.value("id", "");
  if (f.id.empty()) return InvalidArgument("id: needs the funder's id");
  f.name = in.value("name", "");
  for (auto [key, list] :
       {std::pair{"mechanisms", &f.mechanisms}, std::pair{"regions", &f.regions},
        std::pair{"sectors", &f.sectors}, std::pair{"legal_forms", &f.legal_forms}}) {
    auto values = catalogue_internal::ParseStrings(in, key, key);
    if (!values.ok()) return values.status();
    *list = std::move(*values);
  }
  std::vector<std::string> mechanism_ids;
  for (const Mechanism& m : catalogue.mechanisms) mechanism_ids.push_back(m.id);
  if (f.mechanisms.empty()) {
    return InvalidArgument("mechanisms: list at least one of " + Join(mechanism_ids));
  }
  ECOSOL_RETURN_IF_ERROR(CheckIn(f.mechanisms, mechanism_ids, "mechanisms", "mechanism"));
  const FactDefinition* forms = catalogue.FindFact("legal_form");
  if (forms != nullptr) {
    ECOSOL_RETURN_IF_ERROR(CheckIn(f.legal_forms, forms->values, "legal_forms", "legal form"));
  }
  f.min_readiness = in.value("min_readiness", "");
  if (!f.min_readiness.empty() && rf.FindStage(f.min_readiness) == nullptr) {
    std::vector<std::string> stages;
    for (const ReadinessStep& s : rf.stages) stages.push_back(s.id);
    return InvalidArgument("min_readiness: unknown readiness stage '" + f.min_readiness +
                           "' (known: " + Join(stages) + ")");
  }
  ECOSOL_RETURN_IF_ERROR(ParseAmounts(in, &f));
  return f;
}

// The texts of the conditions, in en, fr, es and pt; {name} is an argument.
const std::map<std::string, std::array<const char*, 4>>& Messages() {
  static const std::map<std::string, std::array<const char*, 4>> messages = {
      {"mechanism.fits",
       {"fitting mechanisms: {list}", "mécanismes adaptés : {list}", "mecanismos adecuados: {list}",
        "mecanismos adequados: {list}"}},
      {"mechanism.unknown",
       {"may fit, facts missing: {list}", "pourrait convenir, faits manquants : {list}",
        "podría encajar, faltan datos: {list}", "pode servir, faltam dados: {list}"}},
      {"mechanism.none",
       {"none of its mechanisms fits ({list})", "aucun de ses mécanismes ne convient ({list})",
        "ninguno de sus mecanismos encaja ({list})", "nenhum dos seus mecanismos serve ({list})"}},
      {"amount.any", {"any amount", "tout montant", "cualquier importe", "qualquer montante"}},
      {"amount.missing",
       {"the amount sought is not given", "le montant recherché n'est pas indiqué",
        "no se indica el importe buscado", "o montante pretendido não é indicado"}},
      {"amount.outside",
       {"{amount} is outside {min} to {max}", "{amount} est hors de {min} à {max}",
        "{amount} está fuera de {min} a {max}", "{amount} está fora de {min} a {max}"}},
      {"amount.within",
       {"{amount} is within {min} to {max}", "{amount} est entre {min} et {max}",
        "{amount} está entre {min} y {max}", "{amount} está entre {min} e {max}"}},
      {"amount.ask",
       {"ask for an amount from {min} to {max}", "demander un montant de {min} à {max}",
        "pedir un importe de {min} a {max}", "pedir um montante de {min} a {max}"}},
      {"any", {"any", "sans limite", "sin límite", "sem limite"}},
      {"list.any",
       {"any {what}", "{what} : sans restriction", "{what}: sin restricción",
        "{what}: sem restrição"}},
      {"list.missing",
       {"the {what} is not given", "{what} : non indiqué", "{what}: no indicado",
        "{what}: não indicado"}},
      {"list.accepted",
       {"{value} is accepted", "{value} est accepté", "{value} es aceptado", "{value} é aceite"}},
      {"list.refused",
       {"{value} is not among {list}", "{value} ne fait pas partie de {list}",
        "{value} no está entre {list}", "{value} não está entre {list}"}},
      {"list.only",
       {"the funder accepts only {list}", "le financeur n'accepte que {list}",
        "el financiador solo acepta {list}", "o financiador só aceita {list}"}},
      {"region", {"region", "région", "región", "região"}},
      {"sector", {"sector", "secteur", "sector", "setor"}},
      {"legal_form", {"legal form", "forme juridique", "forma jurídica", "forma jurídica"}},
      {"readiness.none",
       {"no minimum readiness", "pas de préparation minimale", "sin preparación mínima",
        "sem preparação mínima"}},
      {"readiness.missing",
       {"no readiness assessment", "pas d'évaluation de la préparation",
        "sin evaluación de la preparación", "sem avaliação da preparação"}},
      {"readiness.reaches",
       {"stage {stage} reaches {min}", "le stade {stage} atteint {min}",
        "la etapa {stage} alcanza {min}", "a etapa {stage} atinge {min}"}},
      {"readiness.below",
       {"stage {stage} is below {min}", "le stade {stage} est en dessous de {min}",
        "la etapa {stage} está por debajo de {min}", "a etapa {stage} está abaixo de {min}"}},
      {"readiness.raise",
       {"raise the readiness scores to reach {min} (weakest: {weakest})",
        "relever les scores de préparation pour atteindre {min} (les plus faibles : {weakest})",
        "subir las puntuaciones de preparación hasta {min} (las más débiles: {weakest})",
        "subir as pontuações de preparação até {min} (as mais fracas: {weakest})"}},
  };
  return messages;
}

int LanguageIndex(const std::string& lang) {
  if (lang == "fr") return 1;
  if (lang == "es") return 2;
  if (lang == "pt") return 3;
  return 0;
}

// The message `key` in `lang` with its {arguments} replaced. The arguments "what" (region,
// sector, legal_form) and a "max" of "any" are words, translated too.
std::string Render(const std::string& key, const std::string& lang,
                   const std::map<std::string, std::string>& args) {
  auto it = Messages().find(key);
  if (it == Messages().end()) return key;
  std::string text = it->second[static_cast<size_t>(LanguageIndex(lang))];
  for (auto [name, value] : args) {
    if ((name == "what" || (name == "max" && value == "any")) && Messages().count(value)) {
      value = Messages().at(value)[static_cast<size_t>(LanguageIndex(lang))];
    }
    const std::string slot = "{" + name + "}";
    for (size_t at = text.find(slot); at != std::string::npos; at = text.find(slot, at)) {
      text.replace(at, slot.size(), value);
      at += value.size();
    }
  }
  return text;
}

Condition Make(std::string id, Kind kind, std::string detail_key, std::string change_key,
               std::map<std::string, std::string> args) {
  Condition c;
  c.id = std::move(id);
  c.kind = kind;
  c.detail_key = std::move(detail_key);
  c.change_key = std::move(change_key);
  c.args = std::move(args);
  c.detail = Render(c.detail_key, "en", c.args);
  if (!c.change_key.empty()) c.change = Render(c.change_key, "en", c.args);
  return c;
}

std::string ChangeIn(const Condition& c, const std::string& lang) {
  if (!c.rule_change.empty())
    return c.args.at("mechanism") + ": " + InLanguage(c.rule_change, lang);
  return c.change_key.empty() ? "" : Render(c.change_key, lang, c.args);
}

Condition MechanismCondition(const MechanismCatalogue& c, const Funder& f,
                             const OrganisationProfile& p, std::vector<std::string>* fitting) {
  std::vector<std::string> unknown;
  std::string failed_mechanism;  // the first mechanism with a failed rule, and that rule's change
  Text change;
  for (const std::string& id : f.mechanisms) {
    const Mechanism* m = c.FindMechanism(id);
    if (m == nullptr) continue;  // ParseFunder checked the ids
    SuitabilityResult r = CheckSuitability(c, *m, p.facts);
    if (r.fit == Fit::kFits) fitting->push_back(id);
    if (r.fit == Fit::kUnknown) unknown.push_back(id);
    for (const RuleOutcome& o : r.outcomes) {
      if (failed_mechanism.empty() && o.kind == Kind::kFalse) {
        failed_mechanism = id;
        change = o.rule->change;
      }
    }
  }
  if (!fitting->empty()) {
    return Make("mechanism", Kind::kTrue, "mechanism.fits", "", {{"list", Join(*fitting)}});
  }
  if (!unknown.empty()) {
    return Make("mechanism", Kind::kUnknown, "mechanism.unknown", "", {{"list", Join(unknown)}});
  }
  Condition none = Make("mechanism", Kind::kFalse, "mechanism.none", "",
                        {{"list", Join(f.mechanisms)}, {"mechanism", failed_mechanism}});
  if (!failed_mechanism.empty()) {
    none.rule_change = std::move(change);
    none.change = ChangeIn(none, "en");
  }
  return none;
}

// 50000 rather than 50000.0; fractions as JSON writes them.
std::string Amount(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  return json(v).dump();
}

Condition AmountCondition(const Funder& f, const OrganisationProfile& p) {
  if (!f.amount_min && !f.amount_max) return Make("amount", Kind::kTrue, "amount.any", "", {});
  if (!p.amount_sought) return Make("amount", Kind::kUnknown, "amount.missing", "", {});
  const double a = *p.amount_sought;
  // "any" is a message of its own; English is kept in `args` and rendered per language.
  std::map<std::string, std::string> args = {{"amount", Amount(a)},
                                             {"min", f.amount_min ? Amount(*f.amount_min) : "0"},
                                             {"max", f.amount_max ? Amount(*f.amount_max) : "any"}};
  if ((f.amount_min && a < *f.amount_min) || (f.amount_max && a > *f.amount_max)) {
    return Make("amount", Kind::kFalse, "amount.outside", "amount.ask", std::move(args));
  }
  return Make("amount", Kind::kTrue, "amount.within", "", std::move(args));
}

// "CA" covers "CA" and "CA/QC/...", not "CAN".
bool Covers(const std::string& region, const std::string& territory) {
  return territory == region ||
         (territory.size() > region.size() && territory.compare(0, region.size(), region) == 0 &&
          territory[region.size()] == '/');
}

Condition ListCondition(const std::string& id, const std::vector<std::string>& allowed,
                        const std::string& value, bool by_territory) {
  std::map<std::string, std::string> args = {
      {"what", id}, {"value", value}, {"list", Join(allowed)}};
  if (allowed.empty()) return Make(id, Kind::kTrue, "list.any", "", std::move(args));
  if (value.empty()) return Make(id, Kind::kUnknown, "list.missing", "", std::move(args));
  for (const std::string& a : allowed) {
    if (by_territory ? Covers(a, value) : a == value) {
      return Make(id, Kind::kTrue, "list.accepted", "", std::move(args));
    }
  }
  return Make(id, Kind::kFalse, "list.refused", "list.only", std::move(args));
}

Condition ReadinessCondition(const ReadinessFramework& rf, const Funder& f,
                             const OrganisationProfile& p) {
  if (f.min_readiness.empty()) return Make("readiness", Kind::kTrue, "readiness.none", "", {});
  if (!p.readiness) return Make("readiness", Kind::kUnknown, "readiness.missing", "", {});
  std::map<std::string, std::string> args = {{"stage", p.readiness->stage->id},
                                             {"min", f.min_readiness},
                                             {"weakest", Join(p.readiness->weakest)}};
  if (rf.StageRank(p.readiness->stage->id) >= rf.StageRank(f.min_readiness)) {
    return Make("readiness", Kind::kTrue, "readiness.reaches", "", std::move(args));
  }
  return Make("readiness", Kind::kFalse, "readiness.below", "readiness.raise", std::move(args));
}

int Count(const Eligibility& e, Kind kind) {
  return static_cast<int>(std::count_if(e.conditions.begin(), e.conditions.end(),
                                        [&](const Condition& c) { return c.kind == kind; }));
}

json ConditionToJson(const Condition& c, const std::string& lang) {
  const char* held = c.kind == Kind::kTrue ? "held" : c.kind == Kind::kFalse ? "failed" : "unknown";
  const std::string detail = c.detail_key.empty() ? c.detail : Render(c.detail_key, lang, c.args);
  json out = {{"condition", c.id}, {"outcome", held}, {"detail", detail}};
  const std::string change =
      c.change_key.empty() && c.rule_change.empty() ? c.change : ChangeIn(c, lang);
  if (!change.empty()) out["change"] = change;
  return out;
}

}  // namespace

Result<Funder> ParseFunder(const MechanismCatalogue& catalogue, const ReadinessFramework& rf,
                           const json& in) {
  auto f = rules::ParseGuarded("funder", [&] { return Parse(catalogue, rf, in); });
  if (!f.ok() && in.is_object() && in.contains("id") && in["id"].is_string()) {
    return f.status().WithContext("funder '" + in["id"].get<std::string>() + "'");
  }
  return f;
}

Result<std::vector<Funder>> ParseFunders(const MechanismCatalogue& catalogue,
                                         const ReadinessFramework& rf, const json& in) {
  if (!in.is_array()) return InvalidArgument("funders: expected a list");
  std::vector<Funder> out;
  for (size_t i = 0; i < in.size(); ++i) {
    auto f = ParseFunder(catalogue, rf, in[i]);
    if (!f.ok()) return f.status().WithContext("funders[" + std::to_string(i) + "]");
    out.push_back(std::move(*f));
  }
  return out;
}

Eligibility CheckEligibility(const MechanismCatalogue& catalogue, const ReadinessFramework& rf,
                             const Funder& funder, const OrganisationProfile& profile) {
  Eligibility e;
  e.funder = funder.id;
  e.organisation = profile.id;
  if (profile.readiness) e.readiness_total = profile.readiness->total;
  e.conditions.push_back(MechanismCondition(catalogue, funder, profile, &e.fitting_mechanisms));
  e.conditions.push_back(AmountCondition(funder, profile));
  e.conditions.push_back(ListCondition("region", funder.regions, profile.region, true));
  e.conditions.push_back(ListCondition("sector", funder.sectors, profile.sector, false));
  const json* form = catalogue_internal::FindPath(profile.facts, "legal_form");
  e.conditions.push_back(ListCondition("legal_form", funder.legal_forms,
                                       form && form->is_string() ? form->get<std::string>() : "",
                                       false));
  e.conditions.push_back(ReadinessCondition(rf, funder, profile));
  e.fit = Count(e, Kind::kFalse) > 0     ? Fit::kDoesNotFit
          : Count(e, Kind::kUnknown) > 0 ? Fit::kUnknown
                                         : Fit::kFits;
  return e;
}

FunderMatch MatchFunders(const MechanismCatalogue& catalogue, const ReadinessFramework& rf,
                         const std::vector<Funder>& funders, const OrganisationProfile& profile) {
  FunderMatch match;
  for (const Funder& f : funders)
    match.results.push_back(CheckEligibility(catalogue, rf, f, profile));
  auto key = [](const Eligibility& e) {
    return std::make_tuple(static_cast<int>(e.fit), -static_cast<int>(e.fitting_mechanisms.size()),
                           Count(e, Kind::kFalse) + Count(e, Kind::kUnknown));
  };
  std::stable_sort(match.results.begin(), match.results.end(),
                   [&](const Eligibility& a, const Eligibility& b) { return key(a) < key(b); });
  match.ordered_by = {"eligibility: eligible, then unknown, then not eligible",
                      "more of the funder's mechanisms that fit first",
                      "fewer failed or unknown conditions first", "input order"};
  return match;
}

FunderMatch EligibleApplicants(const MechanismCatalogue& catalogue, const ReadinessFramework& rf,
                               const Funder& funder,
                               const std::vector<OrganisationProfile>& organisations) {
  FunderMatch match;
  for (const OrganisationProfile& p : organisations) {
    match.results.push_back(CheckEligibility(catalogue, rf, funder, p));
  }
  auto key = [](const Eligibility& e) {
    const int total = e.readiness_total.value_or(-1);
    return std::make_tuple(static_cast<int>(e.fit), -total);
  };
  std::stable_sort(match.results.begin(), match.results.end(),
                   [&](const Eligibility& a, const Eligibility& b) { return key(a) < key(b); });
  match.ordered_by = {"eligibility: eligible, then unknown, then not eligible",
                      "higher readiness total first (no assessment last)", "input order"};
  return match;
}

json FunderMatchToJson(const FunderMatch& match, const std::string& lang) {
  json results = json::array();
  for (size_t i = 0; i < match.results.size(); ++i) {
    const Eligibility& e = match.results[i];
    json conditions = json::array();
    for (const Condition& c : e.conditions) conditions.push_back(ConditionToJson(c, lang));
    const char* fit = e.fit == Fit::kFits         ? "eligible"
                      : e.fit == Fit::kDoesNotFit ? "not_eligible"
                                                  : "unknown";
    results.push_back({{"rank", i + 1},
                       {"funder", e.funder},
                       {"organisation", e.organisation},
                       {"eligibility", fit},
                       {"fitting_mechanisms", e.fitting_mechanisms},
                       {"conditions", std::move(conditions)}});
  }
  return {{"ordered_by", match.ordered_by}, {"results", std::move(results)}};
}

}  // namespace ecosol::finance
