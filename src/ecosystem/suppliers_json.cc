// Suppliers for a tender as JSON (the shape is in docs/http-api.md, "Suppliers for a tender").
// Texts are {"en", "fr", "es", "pt"} objects that the CLI and the API localise.

#include <cmath>
#include <string>

#include "ecosol/base/strings.h"
#include "ecosol/ecosystem/suppliers.h"

namespace ecosol::ecosystem {
namespace {

using nlohmann::json;

json TextJson(const screening::Text& text) {
  json out = json::object();
  for (const char* lang : {"en", "fr", "es", "pt"}) {
    auto it = text.find(lang);
    out[lang] = it != text.end() ? it->second : text.count("en") ? text.at("en") : "";
  }
  return out;
}

// The value at a dotted path of the facts; null when absent.
json FactValue(const json& facts, const std::string& path) {
  const json* at = &facts;
  for (const std::string& step : Split(path, '.')) {
    if (!at->is_object()) return nullptr;
    auto it = at->find(step);
    if (it == at->end()) return nullptr;
    at = &*it;
  }
  return *at;
}

json FactsRead(const std::vector<std::string>& paths, const screening::Profile& profile) {
  json out = json::array();
  for (const std::string& path : paths) {
    json value = FactValue(profile.facts, path);
    json item = {{"fact", path}};
    if (value.is_null()) {
      item["missing"] = true;
      out.push_back(std::move(item));
      continue;
    }
    item["value"] = value;
    auto it = profile.origins.find(path);
    item["source"] = it == profile.origins.end() ? "declared" : it->second.source;
    if (it != profile.origins.end()) {
      if (!it->second.by.empty()) item["by"] = it->second.by;
      if (!it->second.date.empty()) item["date"] = it->second.date;
      if (!it->second.evidence.is_null()) item["statutes"] = it->second.evidence;
    }
    out.push_back(std::move(item));
  }
  return out;
}

json SourceJson(const screening::Framework& f, const screening::SourceRef& ref) {
  json out = {{"ref", ref.ref}, {"article", ref.article}};
  if (const screening::Source* s = f.FindSource(ref.ref)) {
    out["title"] = s->title;
    if (!s->url.empty()) out["url"] = s->url;
  }
  return out;
}

json ConditionsJson(const SupplierResult& r) {
  json out = json::array();
  if (!r.screening) return out;
  const screening::Framework& f = *r.screening->framework;
  for (const screening::PrincipleResult& p : r.screening->principles) {
    for (const screening::CriterionResult& cr : p.criteria) {
      if (cr.status == screening::CriterionStatus::kNotApplicable) continue;
      const screening::Criterion& c = *cr.criterion;
      std::string status(screening::ToString(cr.status));
      json item = {{"id", c.id},
                   {"condition", TextJson(p.principle->title)},
                   {"status", status},
                   {"facts", FactsRead(c.facts, r.profile)},
                   {"source", SourceJson(f, c.source)},
                   {"text", TextJson(c.explanation.at(status))}};
      if (!cr.missing.empty()) item["missing"] = cr.missing;
      out.push_back(std::move(item));
    }
  }
  return out;
}

std::string Count(int n) { return std::to_string(n); }

json Summary(const SupplierResult& r, bool reserved) {
  if (r.verdict == SupplierVerdict::kEligible && !reserved) {
    return {{"en", "Eligible: the tender is not reserved, and its territory and activities match."},
            {"fr",
             "Éligible : le marché n'est pas réservé, et son territoire et ses activités "
             "correspondent."},
            {"es",
             "Elegible: la licitación no está reservada, y su territorio y sus actividades "
             "coinciden."},
            {"pt",
             "Elegível: o concurso não é reservado, e o seu território e as suas atividades "
             "correspondem."}};
  }
  if (r.verdict == SupplierVerdict::kEligible) {
    return {{"en", "Eligible: meets every condition of the reservation."},
            {"fr", "Éligible : remplit toutes les conditions de la réservation."},
            {"es", "Elegible: cumple todas las condiciones de la reserva."},
            {"pt", "Elegível: cumpre todas as condições da reserva."}};
  }
  if (r.verdict == SupplierVerdict::kNotEligible) {
    return {{"en", "Not eligible: fails a condition of the reservation (see the conditions)."},
            {"fr",
             "Non éligible : ne remplit pas une condition de la réservation (voir les "
             "conditions)."},
            {"es", "No elegible: no cumple una condición de la reserva (véanse las condiciones)."},
            {"pt", "Não elegível: não cumpre uma condição da reserva (ver as condições)."}};
  }
  std::string open = Count(r.conditions - r.decided), all = Count(r.conditions);
  return {{"en", open + " of " + all + " conditions lack evidence" +
                     (r.profile_version == 0 ? ": it has never been screened."
                                             : "; complete its "
                                               "screening profile.")},
          {"fr", open + " conditions sur " + all + " manquent d'éléments" +
                     (r.profile_version == 0 ? " : elle n'a jamais été évaluée."
                                             : " ; complétez son profil d'évaluation.")},
          {"es", "A " + open + " de " + all + " condiciones les faltan datos" +
                     (r.profile_version == 0 ? ": nunca ha sido evaluada."
                                             : "; complete su perfil de evaluación.")},
          {"pt", "Faltam dados a " + open + " de " + all + " condições" +
                     (r.profile_version == 0 ? ": nunca foi avaliada."
                                             : "; complete o seu perfil de avaliação.")}};
}

json ActorJson(const model::Actor& a) {
  json out = {{"id", a.id},
              {"name", a.name},
              {"kind", model::ToString(a.kind)},
              {"territory", a.territory},
              {"activities", a.activities}};
  auto sector = a.attributes.find("sector");
  out["sector"] = sector != a.attributes.end() ? json(sector->second) : json();
  return out;
}

json SupplierJson(const SupplierResult& r, bool reserved) {
  json awards = json::array();
  for (const Award& a : r.recent_awards) {
    awards.push_back({{"relationship_id", a.relationship_id},
                      {"date", a.date},
                      {"reservation", a.reservation},
                      {"description", a.description}});
  }
  double completeness = r.conditions == 0 ? 1.0 : static_cast<double>(r.decided) / r.conditions;
  return {{"actor", ActorJson(r.actor)},
          {"verdict", ToString(r.verdict)},
          {"summary", Summary(r, reserved)},
          {"screened", r.profile_version > 0},
          {"profile_version", r.profile_version},
          {"matched_activities", r.matched_activities},
          {"evidence",
           {{"decided", r.decided},
            {"conditions", r.conditions},
            {"completeness", std::round(completeness * 1000) / 1000}}},
          {"conditions", ConditionsJson(r)},
          {"recent_art77_awards", awards}};
}

json ReservationJson(const screening::Framework* f) {
  if (!f) return nullptr;
  json sources = json::array();
  for (const screening::Source& s : f->sources) {
    sources.push_back({{"id", s.id}, {"title", s.title}, {"url", s.url}});
  }
  return {{"framework", f->id},
          {"version", f->version},
          {"title", TextJson(f->title)},
          {"sources", sources}};
}

}  // namespace

json ToJson(const SupplierReport& report) {
  json suppliers = json::array();
  long long eligible = 0, not_eligible = 0, insufficient = 0;
  for (const SupplierResult& r : report.suppliers) {
    suppliers.push_back(SupplierJson(r, report.reservation != nullptr));
    if (r.verdict == SupplierVerdict::kEligible) ++eligible;
    if (r.verdict == SupplierVerdict::kNotEligible) ++not_eligible;
    if (r.verdict == SupplierVerdict::kInsufficientEvidence) ++insufficient;
  }
  return {{"tender", TenderToJson(report.tender)},
          {"buyer", {{"id", report.tender.buyer}, {"name", report.buyer_name}}},
          {"reservation", ReservationJson(report.reservation)},
          {"counts",
           {{"candidates", report.candidates},
            {"eligible", eligible},
            {"not_eligible", not_eligible},
            {"insufficient_evidence", insufficient}}},
          {"suppliers", suppliers}};
}

}  // namespace ecosol::ecosystem
