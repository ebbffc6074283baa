// Parsing and checking framework files. Every check names the file and the entry, and says what
// would make it right: a framework author reads these messages, not the code.

#include "ecosol/screening/framework.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace ecosol::screening {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::vector<std::string>& Languages() {
  static const std::vector<std::string> kLanguages = {"en", "fr", "es", "pt"};
  return kLanguages;
}

Status Bad(const std::string& where, const std::string& what) {
  return InvalidArgument(where + ": " + what);
}

Result<std::string> String(const json& obj, const char* key, const std::string& where,
                           bool required = true) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (!required) return std::string();
    return Bad(where, std::string("'") + key + "' is missing");
  }
  if (!it->is_string()) return Bad(where, std::string("'") + key + "' must be a string");
  return it->get<std::string>();
}

Result<Text> ParseText(const json& obj, const char* key, const std::string& where,
                       bool all_languages) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_object()) {
    return Bad(where, std::string("'") + key + "' must be a map of language -> text");
  }
  Text text;
  for (const auto& [lang, value] : it->items()) {
    if (!value.is_string() || value.get<std::string>().empty()) {
      return Bad(where, std::string("'") + key + "." + lang + "' must be a non-empty string");
    }
    text[lang] = value.get<std::string>();
  }
  for (const std::string& lang : Languages()) {
    if (!text.count(lang) && (all_languages || lang == "en")) {
      return Bad(where, std::string("'") + key + "' has no '" + lang +
                            "' text (every text needs en, fr, es and pt)");
    }
  }
  return text;
}

Result<std::vector<std::string>> StringList(const json& obj, const char* key,
                                            const std::string& where) {
  std::vector<std::string> out;
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return out;
  if (!it->is_array()) return Bad(where, std::string("'") + key + "' must be a list");
  for (const json& v : *it) {
    if (!v.is_string()) return Bad(where, std::string("'") + key + "' must list strings");
    out.push_back(v.get<std::string>());
  }
  return out;
}

Result<Severity> ParseSeverity(const json& obj, const std::string& where) {
  auto s = String(obj, "severity", where);
  if (!s.ok()) return s.status();
  if (*s == "hard") return Severity::kHard;
  if (*s == "strong") return Severity::kStrong;
  if (*s == "soft") return Severity::kSoft;
  return Bad(where, "severity '" + *s + "' is not one of hard, strong, soft");
}

Status CheckKeys(const json& obj, const std::set<std::string>& allowed, const std::string& where) {
  if (!obj.is_object()) return Bad(where, "must be a map");
  for (const auto& [key, value] : obj.items()) {
    if (!allowed.count(key)) {
      std::string list;
      for (const std::string& k : allowed) list += (list.empty() ? "" : ", ") + k;
      return Bad(where, "unknown key '" + key + "' (expected one of: " + list + ")");
    }
  }
  return Status::Ok();
}

// Compiles a rule and checks the facts it reads: each must be in the catalogue and, when
// `declared` is given, in the entry's `facts` list (so that the list a reader sees is the truth).
Result<std::shared_ptr<const rules::Rule>> CompileRule(const json& source,
                                                       const std::vector<FactSpec>& facts,
                                                       const std::vector<std::string>* declared,
                                                       const std::string& where) {
  auto rule = rules::Rule::Compile(source);
  if (!rule.ok()) return Bad(where, "bad rule: " + rule.status().message());
  for (const std::string& path : rule->Vars()) {
    bool known =
        std::any_of(facts.begin(), facts.end(), [&](const FactSpec& f) { return f.path == path; });
    if (!known) {
      return Bad(where, "reads unknown fact '" + path +
                            "' (facts are listed in frameworks/facts.yaml; check the spelling "
                            "or add the fact there)");
    }
    if (declared && std::find(declared->begin(), declared->end(), path) == declared->end()) {
      return Bad(where, "rule reads '" + path + "', which is not in its 'facts' list");
    }
  }
  return std::make_shared<const rules::Rule>(std::move(*rule));
}

Result<SourceRef> ParseSourceRef(const json& obj, const Framework& f, const std::string& where) {
  auto it = obj.find("source");
  if (it == obj.end() || !it->is_object()) {
    return Bad(where, "'source' must be a map {ref, article}");
  }
  ECOSOL_RETURN_IF_ERROR(CheckKeys(*it, {"ref", "article"}, where + ": source"));
  SourceRef ref;
  auto r = String(*it, "ref", where + ": source");
  if (!r.ok()) return r.status();
  ref.ref = *r;
  if (!f.FindSource(ref.ref)) {
    return Bad(where, "source ref '" + ref.ref + "' is not listed in the framework's sources");
  }
  auto article = String(*it, "article", where + ": source", false);
  if (!article.ok()) return article.status();
  ref.article = *article;
  return ref;
}

Status ParseCriterion(const json& c, const std::vector<FactSpec>& facts, Framework& f,
                      const std::string& file) {
  std::string where = file + ": criterion";
  auto id = String(c, "id", where);
  if (!id.ok()) return id.status();
  where += " '" + *id + "'";
  ECOSOL_RETURN_IF_ERROR(CheckKeys(c,
                                   {"id", "principle", "severity", "facts", "rule", "applies_when",
                                    "option", "source", "explanation"},
                                   where));
  Criterion cr;
  cr.id = *id;
  auto principle = String(c, "principle", where);
  if (!principle.ok()) return principle.status();
  cr.principle = *principle;
  bool known = std::any_of(f.principles.begin(), f.principles.end(),
                           [&](const Principle& p) { return p.id == cr.principle; });
  if (!known) return Bad(where, "principle '" + cr.principle + "' is not in 'principles'");
  auto severity = ParseSeverity(c, where);
  if (!severity.ok()) return severity.status();
  cr.severity = *severity;
  auto list = StringList(c, "facts", where);
  if (!list.ok()) return list.status();
  cr.facts = *list;
  if (!c.contains("rule")) return Bad(where, "'rule' is missing");
  auto rule = CompileRule(c["rule"], facts, &cr.facts, where);
  if (!rule.ok()) return rule.status();
  cr.rule = *rule;
  if (c.contains("applies_when")) {
    auto when = CompileRule(c["applies_when"], facts, nullptr, where + ": applies_when");
    if (!when.ok()) return when.status();
    cr.applies_when = *when;
  }
  auto option = String(c, "option", where, false);
  if (!option.ok()) return option.status();
  cr.option = *option;
  if (!cr.option.empty() && std::none_of(f.options.begin(), f.options.end(),
                                         [&](const Option& o) { return o.id == cr.option; })) {
    return Bad(where, "option '" + cr.option + "' is not in the framework's 'options'");
  }
  auto source = ParseSourceRef(c, f, where);
  if (!source.ok()) return source.status();
  cr.source = *source;
  auto expl = c.find("explanation");
  if (expl == c.end() || !expl->is_object()) return Bad(where, "'explanation' is missing");
  ECOSOL_RETURN_IF_ERROR(
      CheckKeys(*expl, {"met", "not_met", "insufficient_evidence"}, where + ": explanation"));
  for (const char* outcome : {"met", "not_met", "insufficient_evidence"}) {
    auto text = ParseText(*expl, outcome, where + ": explanation", true);
    if (!text.ok()) return text.status();
    cr.explanation[outcome] = *text;
  }
  if (std::any_of(f.criteria.begin(), f.criteria.end(),
                  [&](const Criterion& other) { return other.id == cr.id; })) {
    return Bad(where, "the id is used twice");
  }
  f.criteria.push_back(std::move(cr));
  return Status::Ok();
}

Status ParseRedFlag(const json& c, const std::vector<FactSpec>& facts, Framework& f,
                    const std::string& file) {
  std::string where = file + ": red flag";
  auto id = String(c, "id", where);
  if (!id.ok()) return id.status();
  where += " '" + *id + "'";
  ECOSOL_RETURN_IF_ERROR(
      CheckKeys(c, {"id", "severity", "facts", "rule", "source", "explanation"}, where));
  if (*id == "declared_vs_statutes_conflict") {
    return Bad(where, "this id is reserved: the engine raises it itself");
  }
  RedFlag flag;
  flag.id = *id;
  auto severity = ParseSeverity(c, where);
  if (!severity.ok()) return severity.status();
  flag.severity = *severity;
  auto list = StringList(c, "facts", where);
  if (!list.ok()) return list.status();
  flag.facts = *list;
  if (!c.contains("rule")) return Bad(where, "'rule' is missing");
  auto rule = CompileRule(c["rule"], facts, &flag.facts, where);
  if (!rule.ok()) return rule.status();
  flag.rule = *rule;
  auto source = ParseSourceRef(c, f, where);
  if (!source.ok()) return source.status();
  flag.source = *source;
  auto text = ParseText(c, "explanation", where, true);
  if (!text.ok()) return text.status();
  flag.explanation = *text;
  if (std::any_of(f.red_flags.begin(), f.red_flags.end(),
                  [&](const RedFlag& other) { return other.id == flag.id; })) {
    return Bad(where, "the id is used twice");
  }
  f.red_flags.push_back(std::move(flag));
  return Status::Ok();
}

Status ParseHeader(const json& doc, const std::vector<FactSpec>& facts, Framework& f,
                   const std::string& where) {
  static const std::regex kId("[a-z0-9]+(-[a-z0-9]+)*");
  auto id = String(doc, "id", where);
  if (!id.ok()) return id.status();
  if (!std::regex_match(*id, kId)) {
    return Bad(where, "id '" + *id + "' must be lower case letters and digits joined by '-'");
  }
  f.id = *id;
  auto version = String(doc, "version", where);
  if (!version.ok()) return version.status();
  f.version = *version;
  auto subject = String(doc, "subject", where);
  if (!subject.ok()) return subject.status();
  f.subject = *subject;
  if (f.subject != "organisation" && f.subject != "initiative" && f.subject != "programme") {
    return Bad(where, "subject '" + f.subject + "' is not organisation, initiative or programme");
  }
  auto kind = String(doc, "kind", where);
  if (!kind.ok()) return kind.status();
  f.kind = *kind;
  // tender_reservation: the conditions a public buyer may reserve a contract on (EU directive
  // 2014/24 art. 20 and 77), evaluated by ecosystem/suppliers.h against a tender.
  static const std::set<std::string> kKinds = {
      "definition", "national_scheme", "label", "innovation", "policy", "tender_reservation"};
  if (!kKinds.count(f.kind)) return Bad(where, "kind '" + f.kind + "' is not a known kind");
  auto jurisdiction = String(doc, "jurisdiction", where, false);
  if (!jurisdiction.ok()) return jurisdiction.status();
  f.jurisdiction = *jurisdiction;
  auto title = ParseText(doc, "title", where, true);
  if (!title.ok()) return title.status();
  f.title = *title;
  auto description = ParseText(doc, "description", where, true);
  if (!description.ok()) return description.status();
  f.description = *description;
  if (doc.contains("applies_when")) {
    auto when = CompileRule(doc["applies_when"], facts, nullptr, where + ": applies_when");
    if (!when.ok()) return when.status();
    f.applies_when = *when;
  }
  return Status::Ok();
}

Status ParseSources(const json& doc, Framework& f, const std::string& where) {
  auto it = doc.find("sources");
  if (it == doc.end() || !it->is_array() || it->empty()) {
    return Bad(where, "'sources' must list the texts the framework rests on");
  }
  for (const json& s : *it) {
    std::string w = where + ": source";
    ECOSOL_RETURN_IF_ERROR(CheckKeys(s, {"id", "title", "url", "verified"}, w));
    Source src;
    auto id = String(s, "id", w);
    if (!id.ok()) return id.status();
    src.id = *id;
    w += " '" + src.id + "'";
    auto title = String(s, "title", w);
    if (!title.ok()) return title.status();
    src.title = *title;
    auto url = String(s, "url", w, false);
    if (!url.ok()) return url.status();
    src.url = *url;
    if (s.contains("verified")) {
      if (!s["verified"].is_boolean()) return Bad(w, "'verified' must be true or false");
      src.verified = s["verified"].get<bool>();
    }
    if (f.FindSource(src.id)) return Bad(w, "the id is used twice");
    f.sources.push_back(std::move(src));
  }
  return Status::Ok();
}

Status ParseGroups(const json& doc, Framework& f, const std::string& where) {
  for (const char* key : {"options", "principles"}) {
    auto it = doc.find(key);
    if (it == doc.end() || it->is_null()) {
      if (std::string(key) == "principles") return Bad(where, "'principles' is missing");
      continue;
    }
    if (!it->is_array()) return Bad(where, std::string("'") + key + "' must be a list");
    for (const json& item : *it) {
      std::string w = where + ": " + key;
      ECOSOL_RETURN_IF_ERROR(CheckKeys(item, {"id", "title"}, w));
      auto id = String(item, "id", w);
      if (!id.ok()) return id.status();
      auto title = ParseText(item, "title", w + " '" + *id + "'", true);
      if (!title.ok()) return title.status();
      if (std::string(key) == "options") {
        f.options.push_back({*id, *title});
      } else {
        f.principles.push_back({*id, *title});
      }
    }
  }
  return Status::Ok();
}

}  // namespace

std::string_view ToString(Severity severity) {
  switch (severity) {
    case Severity::kHard:
      return "hard";
    case Severity::kStrong:
      return "strong";
    case Severity::kSoft:
      return "soft";
  }
  return "hard";
}

const Source* Framework::FindSource(std::string_view source_id) const {
  for (const Source& s : sources) {
    if (s.id == source_id) return &s;
  }
  return nullptr;
}

Result<Framework> ParseFramework(const json& doc, const std::vector<FactSpec>& facts,
                                 const std::string& where) {
  ECOSOL_RETURN_IF_ERROR(
      CheckKeys(doc,
                {"id", "version", "subject", "kind", "title", "description", "jurisdiction",
                 "applies_when", "sources", "options", "principles", "criteria", "red_flags"},
                where));
  Framework f;
  ECOSOL_RETURN_IF_ERROR(ParseHeader(doc, facts, f, where));
  ECOSOL_RETURN_IF_ERROR(ParseSources(doc, f, where));
  ECOSOL_RETURN_IF_ERROR(ParseGroups(doc, f, where));
  auto criteria = doc.find("criteria");
  if (criteria == doc.end() || !criteria->is_array() || criteria->empty()) {
    return Bad(where, "'criteria' must list at least one criterion");
  }
  for (const json& c : *criteria) ECOSOL_RETURN_IF_ERROR(ParseCriterion(c, facts, f, where));
  if (auto flags = doc.find("red_flags"); flags != doc.end() && !flags->is_null()) {
    if (!flags->is_array()) return Bad(where, "'red_flags' must be a list");
    for (const json& c : *flags) ECOSOL_RETURN_IF_ERROR(ParseRedFlag(c, facts, f, where));
  }
  for (const Principle& p : f.principles) {
    if (std::none_of(f.criteria.begin(), f.criteria.end(),
                     [&](const Criterion& c) { return c.principle == p.id; })) {
      return Bad(where, "principle '" + p.id + "' has no criterion");
    }
  }
  f.document = doc;
  return f;
}

}  // namespace ecosol::screening
