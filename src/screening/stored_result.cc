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
    for (const json& c : p.value("criteria", json::array())) {
      out[c.value("id", "")] = c.value("status", "");
    }
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
    json criteria = json::array();
    for (const CriterionResult& c : p.criteria) {
      json item = {{"id", c.criterion->id},
                   {"status", ToString(c.status)},
                   {"severity", ToString(c.criterion->severity)}};
      if (!c.missing.empty()) item["missing"] = c.missing;
      criteria.push_back(std::move(item));
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
  json unchecked = json::array();
  for (const FlagResult& f : s.unchecked_flags) {
    unchecked.push_back({{"id", f.id}, {"missing", f.missing}});
  }
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

void Flag(std::string* out, const FlagResult& f, bool raised) {
  *out += "{\"id\":";
  Quoted(out, f.id);
  if (raised) {
    *out += ",\"severity\":\"";
    *out += ToString(f.severity);
    *out += '"';
    if (!f.flag) *out += ",\"evidence\":" + f.evidence.dump();
  } else {
    *out += ",\"missing\":";
    List(out, f.missing);
  }
  *out += '}';
}

}  // namespace

std::string DecisionText(const Screening& s, const std::vector<std::string>& options) {
  std::string out = "{\"framework\":";
  out.reserve(2048);
  Quoted(&out, s.framework->id);
  out += ",\"version\":";
  Quoted(&out, s.framework->version);
  out += ",\"verdict\":\"";
  out += ToString(s.verdict);
  out += "\",\"options\":";
  List(&out, options);
  out += ",\"principles\":[";
  for (size_t i = 0; i < s.principles.size(); ++i) {
    const PrincipleResult& p = s.principles[i];
    out += i ? ",{\"id\":" : "{\"id\":";
    Quoted(&out, p.principle->id);
    out += ",\"status\":\"";
    out += ToString(p.status);
    out += "\",\"criteria\":[";
    for (size_t j = 0; j < p.criteria.size(); ++j) {
      const CriterionResult& c = p.criteria[j];
      out += j ? ",{\"id\":" : "{\"id\":";
      Quoted(&out, c.criterion->id);
      out += ",\"status\":\"";
      out += ToString(c.status);
      out += "\",\"severity\":\"";
      out += ToString(c.criterion->severity);
      out += '"';
      if (!c.missing.empty()) {
        out += ",\"missing\":";
        List(&out, c.missing);
      }
      out += '}';
    }
    out += "]}";
  }
  out += "],\"red_flags\":[";
  for (size_t i = 0; i < s.red_flags.size(); ++i) {
    if (i) out += ',';
    Flag(&out, s.red_flags[i], true);
  }
  out += "],\"unchecked_flags\":[";
  for (size_t i = 0; i < s.unchecked_flags.size(); ++i) {
    if (i) out += ',';
    Flag(&out, s.unchecked_flags[i], false);
  }
  out += "]}";
  return out;
}

json Localise(json stored, const Framework* f, const std::string& lang) {
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
