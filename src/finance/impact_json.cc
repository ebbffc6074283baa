// The impact export's writers (impact.h): CSV (RFC 4180), JSON-LD aligned with the Common
// Impact Data Standard, and plain JSON for the web page.

#include <cctype>
#include <cmath>
#include <cstdio>
#include <set>
#include <string>

#include "ecosol/finance/impact.h"  // IWYU pragma: associated

namespace ecosol::finance {
namespace {

using nlohmann::json;

// ---- Writing.

std::string FormatCents(std::int64_t cents) {
  const bool negative = cents < 0;
  const auto magnitude =
      negative ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
  char buf[48];
  std::snprintf(buf, sizeof(buf), "%s%llu.%02llu", negative ? "-" : "",
                static_cast<unsigned long long>(magnitude / 100),
                static_cast<unsigned long long>(magnitude % 100));
  return buf;
}

std::string FormatDouble(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.*f", decimals, value);
  return buf;
}

std::string UnitText(ImpactUnit unit, const std::string& currency) {
  switch (unit) {
    case ImpactUnit::kMoney:
      return currency;
    case ImpactUnit::kCount:
      return "count";
    case ImpactUnit::kPercent:
      return "%";
    case ImpactUnit::kRatio:
      return "ratio";
    case ImpactUnit::kPoints:
      return "points";
  }
  return "";
}

const ImpactIndicator& Definition(const ImpactValue& v) {
  return *FindImpactIndicator(v.indicator);
}

std::string OrganisationName(const ImpactReport& r, const std::string& id) {
  for (const ImpactOrganisation& o : r.organisations) {
    if (o.id == id) return o.name;
  }
  return "";
}

std::string FundName(const ImpactReport& r, const std::string& id) {
  for (const ImpactFund& f : r.funds) {
    if (f.id == id) return f.name;
  }
  return id;
}

// The indicator's name, with the fund's name for a fund's figure.
std::string ValueName(const ImpactReport& r, const ImpactValue& v) {
  std::string name(Definition(v).name);
  if (!v.fund_id.empty()) name += " (" + FundName(r, v.fund_id) + ")";
  return name;
}

std::string CsvField(const std::string& field) {
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) out += (c == '"') ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// Percent-encodes everything but RFC 3986 unreserved characters, for ids inside IRIs.
std::string Encode(const std::string& s) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return out;
}

}  // namespace

std::string FormatImpactValue(const ImpactValue& value) {
  switch (Definition(value).unit) {
    case ImpactUnit::kMoney:
      return FormatCents(value.amount);
    case ImpactUnit::kCount:
      return std::to_string(value.amount);
    case ImpactUnit::kPercent:
    case ImpactUnit::kRatio:
      return FormatDouble(value.number, 4);
    case ImpactUnit::kPoints:
      return FormatDouble(value.number, 2);
  }
  return "";
}

std::string ImpactToCsv(const ImpactReport& r) {
  std::string out =
      "indicator,name,organisation_id,organisation_name,fund_id,value,unit,as_of,iris_code,"
      "iris_name,cids_class\r\n";
  for (const ImpactValue& v : r.values) {
    const ImpactIndicator& ind = Definition(v);
    const std::vector<std::string> fields = {v.indicator,
                                             ValueName(r, v),
                                             v.organisation_id,
                                             OrganisationName(r, v.organisation_id),
                                             v.fund_id,
                                             FormatImpactValue(v),
                                             UnitText(ind.unit, r.currency),
                                             r.as_of,
                                             std::string(ind.iris_code),
                                             std::string(ind.iris_name),
                                             "cids:IndicatorReport"};
    for (size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + CsvField(fields[i]);
    out += "\r\n";
  }
  return out;
}

namespace {

// Vocabularies (docs/finance.md, "Impact export", lists where each term was checked).
constexpr char kCids[] = "https://ontology.commonapproach.org/cids#";
constexpr char kI72[] = "http://ontology.eil.utoronto.ca/ISO21972/iso21972#";
constexpr char kOrg[] = "http://ontology.eil.utoronto.ca/tove/organization#";
constexpr char kProv[] = "http://www.w3.org/ns/prov#";
constexpr char kSchema[] = "http://schema.org/";
constexpr char kXsd[] = "http://www.w3.org/2001/XMLSchema#";
constexpr char kGiin[] = "https://thegiin.org/";

json Ref(const std::string& iri) { return {{"@id", iri}}; }

std::string OrganisationIri(const std::string& id) {
  return "urn:ecosol:organisation:" + Encode(id);
}

// Whom a value is about: the organisation, else the reporter (portfolio and funds).
std::string SubjectIri(const ImpactReport& r, const ImpactValue& v) {
  return OrganisationIri(v.organisation_id.empty() ? r.reporter.id : v.organisation_id);
}

// portfolio, fund/<id> or organisation/<id>: one indicator per subject and indicator id.
std::string SubjectKey(const ImpactValue& v) {
  if (!v.organisation_id.empty()) return "organisation/" + Encode(v.organisation_id);
  if (!v.fund_id.empty()) return "fund/" + Encode(v.fund_id);
  return "portfolio";
}

std::string NodeIri(const ImpactReport& r, const ImpactValue& v, const char* kind) {
  return "urn:ecosol:impact:" + Encode(r.reporter.id) + ":" + r.as_of + ":" + kind + ":" +
         SubjectKey(v) + ":" + v.indicator;
}

std::string IrisIri(std::string_view code) {
  std::string lower(code);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return "https://iris.thegiin.org/metric/5.3/" + lower + "/";
}

json IndicatorNode(const ImpactReport& r, const ImpactValue& v) {
  const ImpactIndicator& ind = Definition(v);
  json node = {{"@id", NodeIri(r, v, "indicator")},
               {"@type", "cids:Indicator"},
               {"org:hasName", ValueName(r, v)},
               {"org:hasIdentifier", v.indicator},
               {"cids:hasDescription", std::string(ind.description)},
               {"cids:unitDescription", UnitText(ind.unit, r.currency)},
               {"cids:forOrganization", Ref(SubjectIri(r, v))},
               {"cids:hasIndicatorReport", json::array({Ref(NodeIri(r, v, "report"))})}};
  if (!ind.iris_code.empty()) node["cids:hasCode"] = json::array({Ref(IrisIri(ind.iris_code))});
  return node;
}

json ReportNode(const ImpactReport& r, const ImpactValue& v) {
  const json at = {{"@value", r.as_of + "T23:59:59"}, {"@type", "xsd:dateTime"}};
  return {{"@id", NodeIri(r, v, "report")},
          {"@type", "cids:IndicatorReport"},
          {"org:hasName", ValueName(r, v) + ", " + r.as_of},
          {"cids:forIndicator", Ref(NodeIri(r, v, "indicator"))},
          {"cids:forOrganization", Ref(SubjectIri(r, v))},
          {"i72:value",
           {{"@type", "i72:Measure"},
            {"i72:hasNumericalValue", FormatImpactValue(v)},
            {"i72:unit_of_measure", UnitText(Definition(v).unit, r.currency)}}},
          {"prov:startedAtTime", at},
          {"prov:endedAtTime", at}};
}

json OrganisationNode(const std::string& id, const std::string& name) {
  return {{"@id", OrganisationIri(id)},
          {"@type", "cids:Organization"},
          {"org:hasLegalName", name},
          {"org:hasIdentifier", id},
          {"cids:hasIndicator", json::array()}};
}

// The IRIS+ metrics the values use, and the GIIN that defines them.
void AddCodes(const ImpactReport& r, json& graph) {
  std::set<std::string_view> codes;
  for (const ImpactValue& v : r.values) {
    if (!Definition(v).iris_code.empty()) codes.insert(Definition(v).iris_code);
  }
  if (codes.empty()) return;
  graph.push_back({{"@id", kGiin},
                   {"@type", "cids:StandardsOrganization"},
                   {"org:hasLegalName", "Global Impact Investing Network (GIIN)"}});
  for (std::string_view code : codes) {
    json node = {{"@id", IrisIri(code)},
                 {"@type", "cids:Code"},
                 {"sch:codeValue", std::string(code)},
                 {"cids:hasSpecification", {{"@value", IrisIri(code)}, {"@type", "xsd:anyURI"}}},
                 {"cids:definedBy", Ref(kGiin)}};
    for (const ImpactIndicator& ind : ImpactIndicators()) {
      if (ind.iris_code == code && !ind.iris_name.empty()) {
        node["org:hasName"] = std::string(ind.iris_name);
      }
    }
    graph.push_back(std::move(node));
  }
}

}  // namespace

json ImpactToJsonLd(const ImpactReport& r) {
  std::vector<json> orgs = {OrganisationNode(r.reporter.id, r.reporter.name)};
  std::map<std::string, size_t> org_at = {{r.reporter.id, 0}};
  for (const ImpactOrganisation& o : r.organisations) {
    org_at.emplace(o.id, orgs.size());
    orgs.push_back(OrganisationNode(o.id, o.name));
  }
  json indicators = json::array();
  for (const ImpactValue& v : r.values) {
    const std::string& subject = v.organisation_id.empty() ? r.reporter.id : v.organisation_id;
    orgs[org_at.at(subject)]["cids:hasIndicator"].push_back(Ref(NodeIri(r, v, "indicator")));
    indicators.push_back(IndicatorNode(r, v));
    indicators.push_back(ReportNode(r, v));
  }
  json graph = json::array();
  for (json& o : orgs) graph.push_back(std::move(o));
  for (json& node : indicators) graph.push_back(std::move(node));
  AddCodes(r, graph);
  return {{"@context",
           {{"cids", kCids},
            {"i72", kI72},
            {"org", kOrg},
            {"prov", kProv},
            {"sch", kSchema},
            {"xsd", kXsd}}},
          {"@graph", std::move(graph)}};
}

json ImpactToJson(const ImpactReport& r) {
  json orgs = json::array();
  for (const ImpactOrganisation& o : r.organisations) {
    orgs.push_back({{"id", o.id}, {"name", o.name}, {"territory", o.territory}});
  }
  json funds = json::array();
  for (const ImpactFund& f : r.funds) funds.push_back({{"id", f.id}, {"name", f.name}});
  json values = json::array();
  for (const ImpactValue& v : r.values) {
    const ImpactIndicator& ind = Definition(v);
    json value = v.number;
    if (ind.unit == ImpactUnit::kMoney) value = static_cast<double>(v.amount) / 100.0;
    if (ind.unit == ImpactUnit::kCount) value = v.amount;
    values.push_back({{"indicator", v.indicator},
                      {"name", ValueName(r, v)},
                      {"organisation_id", v.organisation_id},
                      {"organisation_name", OrganisationName(r, v.organisation_id)},
                      {"fund_id", v.fund_id},
                      {"value", std::move(value)},
                      {"text", FormatImpactValue(v)},
                      {"unit", UnitText(ind.unit, r.currency)},
                      {"iris_code", std::string(ind.iris_code)},
                      {"iris_name", std::string(ind.iris_name)}});
  }
  return {{"as_of", r.as_of},
          {"currency", r.currency},
          {"reporter", {{"id", r.reporter.id}, {"name", r.reporter.name}}},
          {"organisations", std::move(orgs)},
          {"funds", std::move(funds)},
          {"values", std::move(values)}};
}

}  // namespace ecosol::finance
