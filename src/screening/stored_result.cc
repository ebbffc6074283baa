#include "stored_result.h"

#include "ecosol/screening/screening.h"

namespace ecosol::screening {
namespace {

using nlohmann::json;

const std::string& In(const Text& text, const std::string& lang) {
  auto it = text.find(lang);
  if (it == text.end()) it = text.find("en");
  static const std::string kEmpty;
  return it == text.end() ? kEmpty : it->second;
}

const Criterion* FindCriterion(const Framework& f, const std::string& id) {
  for (const Criterion& c : f.criteria) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

const RedFlag* FindFlag(const Framework& f, const std::string& id) {
  for (const RedFlag& r : f.red_flags) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

// A map id -> status of every principle, criterion and red flag of a stored result.
std::map<std::string, std::string> Statuses(const json& result, const char* what) {
  std::map<std::string, std::string> out;
  if (!result.is_object()) return out;
  if (std::string(what) == "red_flag") {
    for (const json& f : result.value("red_flags", json::array()))
      out[f.value("id", "")] = "raised";
    return out;
  }
  for (const json& p : result.value("principles", json::array())) {
    if (std::string(what) == "principle") {
      out[p.value("id", "")] = p.value("status", "");
      continue;
    }
    const json criteria = p.value("criteria", json::array());
    if (criteria.is_object()) {  // the stored form: id -> status or [status, missing]
      for (const auto& [id, c] : criteria.items()) {
        out[id] = c.is_array() && !c.empty() ? c[0].get<std::string>() : c.get<std::string>();
      }
      continue;
    }
    for (const json& c : criteria) out[c.value("id", "")] = c.value("status", "");
  }
  return out;
}

}  // namespace

json Decision(const Screening& s, const std::vector<std::string>& options) {
  json out = {{"framework", s.framework->id},
              {"version", s.framework->version},
              {"verdict", ToString(s.verdict)},
              {"options", options}};
  json principles = json::array();
  for (const PrincipleResult& p : s.principles) {
    json criteria = json::object();
    for (const CriterionResult& c : p.criteria) {
      criteria[c.criterion->id] = c.missing.empty() ? json(ToString(c.status))
                                                    : json::array({ToString(c.status), c.missing});
    }
    principles.push_back(
        {{"id", p.principle->id}, {"status", ToString(p.status)}, {"criteria", criteria}});
  }
  out["principles"] = std::move(principles);
  json flags = json::array();
  for (const FlagResult& f : s.red_flags) {
    json item = {{"id", f.id}, {"severity", ToString(f.severity)}};
    // The engine's own flags carry their evidence; a framework's are reproduced from the profile.
    if (!f.flag) item["evidence"] = f.evidence;
    flags.push_back(std::move(item));
  }
  out["red_flags"] = std::move(flags);
  json unchecked = json::object();
  for (const FlagResult& f : s.unchecked_flags) unchecked[f.id] = f.missing;
  out["unchecked_flags"] = std::move(unchecked);
  return out;
}

namespace {

// A JSON string literal. Ids and fact paths are plain ASCII; anything else is escaped.
void Quoted(std::string* out, std::string_view s) {
  *out += '"';
  for (char c : s) {
    if (c == '"' || c == '\\') {
      *out += '\\';
      *out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      static constexpr char kHex[] = "0123456789abcdef";
      *out += "\\u00";
      *out += kHex[(c >> 4) & 15];
      *out += kHex[c & 15];
    } else {
      *out += c;
    }
  }
  *out += '"';
}

void List(std::string* out, const std::vector<std::string>& items) {
  *out += '[';
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) *out += ',';
    Quoted(out, items[i]);
  }
  *out += ']';
}

void RaisedFlag(std::string* out, const FlagResult& f) {
  *out += "{\"id\":";
  Quoted(out, f.id);
  *out += ",\"severity\":\"";
  *out += ToString(f.severity);
  *out += '"';
  if (!f.flag) *out += ",\"evidence\":" + f.evidence.dump();
  *out += '}';
}

}  // namespace

// Writes what Decision() builds (the two parse to equal documents).
std::string DecisionText(const Screening& s, const std::vector<std::string>& options) {
  std::string out = "{\"framework\":";
  out.reserve(2048);
  Quoted(&out, s.framework->id);
  out += ",\"options\":";
  List(&out, options);
  out += ",\"principles\":[";
  for (size_t i = 0; i < s.principles.size(); ++i) {
    const PrincipleResult& p = s.principles[i];
    out += i ? ",{\"criteria\":{" : "{\"criteria\":{";
    for (size_t j = 0; j < p.criteria.size(); ++j) {
      const CriterionResult& c = p.criteria[j];
      if (j) out += ',';
      Quoted(&out, c.criterion->id);
      out += ':';
      if (c.missing.empty()) {
        Quoted(&out, ToString(c.status));
      } else {
        out += '[';
        Quoted(&out, ToString(c.status));
        out += ',';
        List(&out, c.missing);
        out += ']';
      }
    }
    out += "},\"id\":";
    Quoted(&out, p.principle->id);
    out += ",\"status\":";
    Quoted(&out, ToString(p.status));
    out += '}';
  }
  out += "],\"red_flags\":[";
  for (size_t i = 0; i < s.red_flags.size(); ++i) {
    if (i) out += ',';
    RaisedFlag(&out, s.red_flags[i]);
  }
  out += "],\"unchecked_flags\":{";
  for (size_t i = 0; i < s.unchecked_flags.size(); ++i) {
    if (i) out += ',';
    Quoted(&out, s.unchecked_flags[i].id);
    out += ':';
    List(&out, s.unchecked_flags[i].missing);
  }
  out += "},\"verdict\":";
  Quoted(&out, ToString(s.verdict));
  out += ",\"version\":";
  Quoted(&out, s.framework->version);
  out += '}';
  return out;
}

json ReadableForm(json stored, const Framework* f) {
  if (!stored.is_object()) return stored;
  for (json& p : stored["principles"]) {
    json& criteria = p["criteria"];
    if (!criteria.is_object()) continue;  // already a list (assessments stored before)
    json list = json::array();
    auto add = [&](const std::string& id, const json& c) {
      json item = {{"id", id}};
      if (c.is_array() && c.size() == 2) {
        item["status"] = c[0];
        item["missing"] = c[1];
      } else {
        item["status"] = c;
      }
      if (f) {
        if (const Criterion* criterion = FindCriterion(*f, id)) {
          item["severity"] = ToString(criterion->severity);
        }
      }
      list.push_back(std::move(item));
    };
    if (f) {  // in the framework's order, then any it no longer has
      for (const Criterion& c : f->criteria) {
        if (criteria.contains(c.id)) add(c.id, criteria[c.id]);
      }
      for (const auto& [id, c] : criteria.items()) {
        if (!FindCriterion(*f, id)) add(id, c);
      }
    } else {
      for (const auto& [id, c] : criteria.items()) add(id, c);
    }
    criteria = std::move(list);
  }
  json& unchecked = stored["unchecked_flags"];
  if (unchecked.is_object()) {
    json list = json::array();
    for (const auto& [id, missing] : unchecked.items()) {
      list.push_back({{"id", id}, {"missing", missing}});
    }
    unchecked = std::move(list);
  }
  return stored;
}

json Localise(json stored, const Framework* f, const std::string& lang) {
  stored = ReadableForm(std::move(stored), f);
  if (!f || !stored.is_object()) return stored;
  if (stored.value("version", "") != f->version) stored["texts_from_version"] = f->version;
  stored["title"] = In(f->title, lang);
  for (json& p : stored["principles"]) {
    for (const Principle& principle : f->principles) {
      if (principle.id == p.value("id", "")) p["title"] = In(principle.title, lang);
    }
    for (json& c : p["criteria"]) {
      const Criterion* criterion = FindCriterion(*f, c.value("id", ""));
      if (!criterion) continue;
      auto it = criterion->explanation.find(c.value("status", ""));
      if (it != criterion->explanation.end()) c["explanation"] = In(it->second, lang);
      if (const Source* s = f->FindSource(criterion->source.ref)) {
        c["source"]["title"] = s->title;
        c["source"]["verified"] = s->verified;
        if (!s->url.empty()) c["source"]["url"] = s->url;
      }
    }
  }
  for (json& flag : stored["red_flags"]) {
    if (const RedFlag* r = FindFlag(*f, flag.value("id", ""))) {
      flag["explanation"] = In(r->explanation, lang);
    }
  }
  return stored;
}

json Changes(const json& before, const json& after) {
  json out = json::array();
  if (before.value("verdict", "") != after.value("verdict", "")) {
    out.push_back({{"what", "verdict"},
                   {"id", after.value("framework", "")},
                   {"from", before.value("verdict", "")},
                   {"to", after.value("verdict", "")}});
  }
  for (const char* what : {"principle", "criterion", "red_flag"}) {
    auto from = Statuses(before, what);
    auto to = Statuses(after, what);
    for (const auto& [id, status] : to) {
      auto it = from.find(id);
      std::string old = it == from.end() ? "" : it->second;
      if (old != status) out.push_back({{"what", what}, {"id", id}, {"from", old}, {"to", status}});
    }
    for (const auto& [id, status] : from) {
      if (!to.count(id)) out.push_back({{"what", what}, {"id", id}, {"from", status}, {"to", ""}});
    }
  }
  return out;
}

}  // namespace ecosol::screening
