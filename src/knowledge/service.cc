#include "ecosol/knowledge/service.h"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <fstream>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "ecosol/base/xml.h"
#include "ecosol/knowledge/case_index.h"
#include "ecosol/knowledge/context.h"
#include "ecosol/knowledge/lineage.h"
#include "ecosol/knowledge/transfer.h"
#include "ecosol/knowledge/undp.h"
#include "ecosol/text/search_text.h"

namespace ecosol::knowledge {
namespace {

using nlohmann::json;

// The text of `t` in `lang`, else English, else the first language; with the language used.
std::pair<std::string, std::string> Pick(const Text& t, const std::string& lang) {
  for (const std::string& l : {lang, std::string("en")}) {
    auto it = t.find(l);
    if (it != t.end() && !it->second.empty()) return {it->second, l};
  }
  for (const auto& [l, s] : t) {
    if (!s.empty()) return {s, l};
  }
  return {"", ""};
}

std::string Shorten(const std::string& s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t cut = s.rfind(' ', max_bytes);
  if (cut == std::string::npos || cut < max_bytes / 2) cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
  return s.substr(0, cut) + "…";
}

store::CaseIndexData IndexOf(const Case& c) {
  store::CaseIndexData index;
  index.title = Pick(c.title, "en").first;
  CaseText text = CaseSearchText(c);
  index.title_forms = text::IndexForms(text.title);
  index.body_forms = text::IndexForms(text.body);
  index.facets = CaseFacets(c);
  index.year = c.year.value_or(0);
  return index;
}

Result<StoredCase> Load(store::Store& store, const std::string& id, long long version) {
  auto state = store.GetCaseState(id);
  if (!state.ok()) return state.status();
  if (!state->has_value()) return NotFound("case '" + id + "' not found");
  auto v = store.GetCaseVersion(id, version);
  if (!v.ok()) return v.status();
  if (!v->has_value()) {
    return NotFound("case '" + id + "' has no version " + std::to_string(version));
  }
  json doc = json::parse((*v)->doc, nullptr, false);
  if (doc.is_discarded()) return Internal("case '" + id + "': the stored document is corrupt");
  return StoredCase{**state, **v, std::move(doc)};
}

Result<Case> Parsed(const TransferFramework& framework, const json& doc) {
  if (!doc.is_object()) return InvalidArgument("a case document must be a JSON object");
  return ParseCase(framework, doc);
}

const std::set<std::string>& KnownFacets() {
  static const std::set<std::string> known(CaseFacetNames().begin(), CaseFacetNames().end());
  return known;
}

// The search item of a case document.
json ItemOf(const store::CaseHit& hit, const json& doc_json, const Case* c,
            const std::string& status, const std::vector<std::vector<std::string>>& terms,
            const std::string& lang) {
  json item = {{"id", hit.id}, {"version", hit.version}, {"updated_at", hit.created_at}};
  if (!status.empty()) item["status"] = status;
  if (c == nullptr) {
    item["title"] = hit.id;
    return item;
  }
  auto [title, title_lang] = Pick(c->title, lang);
  item["title"] = title;
  item["title_lang"] = title_lang;
  auto [summary, summary_lang] = Pick(c->summary, lang);
  item["summary"] = Shorten(summary, 300);
  std::string snippet;
  if (!terms.empty()) {
    for (const Text* t : {&c->summary, &c->text, &c->problem, &c->model}) {
      for (const std::string& l : {lang, std::string("en")}) {
        auto it = t->find(l);
        if (it != t->end()) snippet = text::Snippet(it->second, terms);
        if (!snippet.empty()) break;
      }
      for (auto it = t->begin(); snippet.empty() && it != t->end(); ++it) {
        snippet = text::Snippet(it->second, terms);
      }
      if (!snippet.empty()) break;
    }
  }
  item["snippet"] = snippet;
  item["type"] = c->type;
  if (c->year) item["year"] = *c->year;
  item["countries"] = c->countries;
  item["sdgs"] = c->sdgs;
  item["themes"] = c->themes;
  item["stage"] = c->stage;
  item["strength"] = c->strength ? c->strength->level : std::string();
  (void)doc_json;
  return item;
}

Status CheckLimit(int limit, int offset) {
  if (limit < 1 || limit > 100) {
    return InvalidArgument("limit: " + std::to_string(limit) + " is not between 1 and 100");
  }
  if (offset < 0) return InvalidArgument("offset: must be 0 or more");
  return Status::Ok();
}

// Reads a whole JSON array of case documents.
Result<json> ReadCaseArray(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot read '" + path + "'");
  std::stringstream ss;
  ss << in.rdbuf();
  json doc = json::parse(ss.str(), nullptr, false);
  if (doc.is_discarded()) {
    return InvalidArgument(path + ": not valid JSON; expected an array of case documents");
  }
  if (!doc.is_array()) return InvalidArgument(path + ": expected a JSON array of case documents");
  return doc;
}

// An imported document made ready to write: checked, in canonical form, with its index data.
// Pure: imports prepare documents on another thread than the one writing them.
struct PreparedCase {
  std::string id;
  std::string doc;  // canonical JSON
  store::CaseIndexData index;
};

Result<PreparedCase> Prepare(const TransferFramework& framework, const json& doc,
                             const std::string& where) {
  auto c = Parsed(framework, doc);
  if (!c.ok()) return c.status().WithContext(where);
  return PreparedCase{c->id, CaseToJson(framework, *c).dump(), IndexOf(*c)};
}

// Writes one prepared document (published) unless the head is the same; counts it.
Status WritePrepared(store::Store& store, const Clock& clock, PreparedCase p,
                     const std::string& who, const std::string& where, CaseImportReport* report) {
  auto head = store.GetCaseVersion(p.id, 0);
  if (!head.ok()) return head.status();
  if (head->has_value() && (*head)->doc == p.doc) {
    auto state = store.GetCaseState(p.id);
    if (!state.ok()) return state.status();
    if (state->has_value() && (*state)->status == "published") {
      ++report->unchanged;
      return Status::Ok();
    }
  }
  store::CaseVersionRecord v{p.id,
                             0,
                             FormatTimestamp(clock.Now()),
                             who,
                             head->has_value() ? "import" : "create",
                             std::move(p.doc)};
  ECOSOL_RETURN_IF_ERROR(store.PutCase(&v, p.index, -1, "published").WithContext(where));
  ++(head->has_value() ? report->updated : report->created);
  return Status::Ok();
}

Status ImportOne(store::Store& store, const Clock& clock, const TransferFramework& framework,
                 const json& doc, const std::string& who, const std::string& where,
                 CaseImportReport* report) {
  auto prepared = Prepare(framework, doc, where);
  if (!prepared.ok()) return prepared.status();
  return WritePrepared(store, clock, std::move(*prepared), who, where, report);
}

// `prefix` and 16 hex digits from the system's random source (/dev/urandom).
std::string RandomId(const std::string& prefix) {
  static const char kHex[] = "0123456789abcdef";
  std::random_device rd;
  std::string id = prefix;
  for (int word = 0; word < 2; ++word) {
    uint32_t bits = rd();
    for (int i = 0; i < 8; ++i, bits >>= 4) id += kHex[bits & 0xf];
  }
  return id;
}

Result<TransferLineage> StoredLineage(const TransferFramework& framework,
                                      const store::TransferRecord& r) {
  json doc = json::parse(r.doc, nullptr, false);
  if (doc.is_discarded())
    return Internal("transfer '" + r.id + "': the stored document is corrupt");
  return ParseTransferLineage(framework, doc);
}

}  // namespace

Result<std::shared_ptr<const TransferFramework>> TransferFrameworkIn(
    const std::string& frameworks_dir) {
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<const TransferFramework>> loaded;
  std::lock_guard<std::mutex> lock(mu);
  auto it = loaded.find(frameworks_dir);
  if (it != loaded.end()) return it->second;
  auto fw = LoadTransferFramework(frameworks_dir + "/" + kTransferFrameworkFile);
  if (!fw.ok()) return fw.status();
  loaded[frameworks_dir] = *fw;
  return *fw;
}

const std::vector<std::string>& CaseFacetNames() {
  static const std::vector<std::string> names = {
      "sdg", "country", "theme", "stage", "type", "strength", "policy_field", "language", "source"};
  return names;
}

json StoredCaseToJson(const StoredCase& c) {
  return {{"id", c.state.id},
          {"version", c.version.version},
          {"head_version", c.state.head_version},
          {"published_version", c.state.published_version},
          {"status", c.state.status},
          {"created_at", c.state.created_at},
          {"updated_at", c.version.created_at},
          {"who", c.version.who},
          {"change", c.version.change},
          {"doc", c.doc}};
}

Result<StoredCase> CreateCase(store::Store& store, const Clock& clock,
                              const TransferFramework& framework, const json& doc,
                              const std::string& who) {
  auto c = Parsed(framework, doc);
  if (!c.ok()) return c.status();
  json canonical = CaseToJson(framework, *c);
  store::CaseVersionRecord v{c->id, 0,        FormatTimestamp(clock.Now()),
                             who,   "create", canonical.dump()};
  ECOSOL_RETURN_IF_ERROR(store.PutCase(&v, IndexOf(*c), 0, "draft"));
  return Load(store, c->id, v.version);
}

Result<StoredCase> UpdateCase(store::Store& store, const Clock& clock,
                              const TransferFramework& framework, const std::string& id,
                              const json& doc, long long base_version, const std::string& who) {
  auto c = Parsed(framework, doc);
  if (!c.ok()) return c.status();
  if (c->id != id) {
    return InvalidArgument("id: the document's id '" + c->id + "' is not the case's id '" + id +
                           "'; a case cannot be renamed, create a new one");
  }
  auto head = Load(store, id, 0);
  if (!head.ok()) return head.status();
  if (base_version > 0 && base_version != head->state.head_version) {
    return Conflict("case '" + id + "' is at version " + std::to_string(head->state.head_version) +
                    ", not " + std::to_string(base_version) +
                    ": someone changed it since; reload it and apply your change again");
  }
  json canonical = CaseToJson(framework, *c);
  if (canonical == head->doc && head->state.status != "withdrawn") return head;
  store::CaseVersionRecord v{id, 0, FormatTimestamp(clock.Now()), who, "edit", canonical.dump()};
  ECOSOL_RETURN_IF_ERROR(store.PutCase(&v, IndexOf(*c), head->state.head_version, "draft"));
  return Load(store, id, v.version);
}

Result<StoredCase> GetCase(store::Store& store, const std::string& id, long long version,
                           bool drafts) {
  auto state = store.GetCaseState(id);
  if (!state.ok()) return state.status();
  if (!state->has_value()) return NotFound("case '" + id + "' not found");
  if (drafts) return Load(store, id, version);
  long long published = (*state)->published_version;
  if (published == 0) return NotFound("case '" + id + "' is not published");
  if (version > 0 && version != published) {
    return NotFound("case '" + id + "': version " + std::to_string(version) +
                    " is not published (version " + std::to_string(published) + " is)");
  }
  return Load(store, id, published);
}

Result<std::vector<store::CaseVersionRecord>> CaseHistory(store::Store& store,
                                                          const std::string& id, bool drafts) {
  auto state = store.GetCaseState(id);
  if (!state.ok()) return state.status();
  if (!state->has_value()) return NotFound("case '" + id + "' not found");
  if (!drafts && (*state)->published_version == 0) {
    return NotFound("case '" + id + "' is not published");
  }
  auto versions = store.CaseVersions(id);
  if (!versions.ok()) return versions.status();
  if (!drafts) {
    long long last = (*state)->published_version;
    versions->erase(
        std::remove_if(versions->begin(), versions->end(),
                       [&](const store::CaseVersionRecord& v) { return v.version > last; }),
        versions->end());
  }
  return versions;
}

Result<StoredCase> ReviewCaseAction(store::Store& store, const Clock& clock, const std::string& id,
                                    const std::string& action, const std::string& comment,
                                    const std::string& who, bool may_review) {
  struct Transition {
    std::vector<std::string> from;
    std::string to;
    bool steward;
  };
  static const std::map<std::string, Transition> transitions = {
      {"submit", {{"draft"}, "in_review", false}},
      {"approve", {{"in_review", "draft"}, "published", true}},
      {"return", {{"in_review"}, "draft", true}},
      {"withdraw", {{"published", "in_review"}, "withdrawn", true}},
  };
  auto t = transitions.find(action);
  if (t == transitions.end()) {
    return InvalidArgument("action: '" + action +
                           "' is not one of submit, approve, return, withdraw");
  }
  if (t->second.steward && !may_review) {
    return Status(StatusCode::kPermissionDenied,
                  "only stewards and admins may " + action + " a case");
  }
  if (action == "return" && comment.find_first_not_of(" \t\r\n") == std::string::npos) {
    return InvalidArgument("comment: say what the author should change when returning a case");
  }
  auto state = store.GetCaseState(id);
  if (!state.ok()) return state.status();
  if (!state->has_value()) return NotFound("case '" + id + "' not found");
  const std::string& status = (*state)->status;
  const auto& from = t->second.from;
  if (std::find(from.begin(), from.end(), status) == from.end()) {
    std::string allowed;
    for (const auto& [name, tr] : transitions) {
      if (std::find(tr.from.begin(), tr.from.end(), status) != tr.from.end()) {
        allowed += (allowed.empty() ? "" : ", ") + name;
      }
    }
    return Conflict("case '" + id + "' is " + status + ": it cannot be " + action +
                    (action.back() == 'e' ? "d" : "ed") + " (allowed: " +
                    (allowed.empty() ? "none; edit it to make a new draft" : allowed) + ")");
  }
  store::CaseReviewRecord r{
      id, 0, action, (*state)->head_version, who, FormatTimestamp(clock.Now()), comment};
  ECOSOL_RETURN_IF_ERROR(store.ReviewCase(&r, t->second.to));
  return Load(store, id, 0);
}

json CaseImportReportToJson(const CaseImportReport& r) {
  return {{"read", r.read},
          {"created", r.created},
          {"updated", r.updated},
          {"unchanged", r.unchanged},
          {"warnings", r.warnings}};
}

Result<CaseImportReport> ImportCaseFile(store::Store& store, const Clock& clock,
                                        const TransferFramework& framework, const std::string& path,
                                        const std::string& who, const ImportProgress& progress) {
  auto docs = ReadCaseArray(path);
  if (!docs.ok()) return docs.status();
  CaseImportReport report;
  Status s = store.InTransaction([&]() -> Status {
    for (size_t i = 0; i < docs->size(); ++i) {
      const json& doc = (*docs)[i];
      std::string where = path + ": case " + std::to_string(i + 1);
      ECOSOL_RETURN_IF_ERROR(ImportOne(store, clock, framework, doc, who, where, &report));
      ++report.read;
      if (progress && report.read % 500 == 0) progress(report.read);
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return report;
}

Result<CaseImportReport> ImportUndpFile(store::Store& store, const Clock& clock,
                                        const TransferFramework& framework, const std::string& path,
                                        const std::string& who, const ImportProgress& progress) {
  // Two stages: a reader thread maps, checks and indexes the records (most of the work: HTML
  // stripping, language detection, folding and stemming 7,000 long texts), this thread writes
  // them in one transaction. A bounded queue between them; the first error stops both.
  struct Item {
    Result<PreparedCase> prepared;
    std::vector<std::string> warnings;
    std::string where;
  };
  std::mutex mu;
  std::condition_variable changed;
  std::deque<Item> queue;
  bool done = false;
  bool stop = false;
  Status read_status;
  constexpr size_t kQueued = 256;
  std::thread reader([&] {
    Status s = ReadUndpFile(path, [&](UndpCase c, int line) -> Status {
      std::string where = path + ":" + std::to_string(line);
      Item item{Prepare(framework, c.doc, where), std::move(c.warnings), where};
      std::unique_lock<std::mutex> lock(mu);
      changed.wait(lock, [&] { return queue.size() < kQueued || stop; });
      if (stop) return Unavailable("the import stopped");
      queue.push_back(std::move(item));
      changed.notify_all();
      return Status::Ok();
    });
    std::lock_guard<std::mutex> lock(mu);
    read_status = s;
    done = true;
    changed.notify_all();
  });
  CaseImportReport report;
  Status s = store.InTransaction([&]() -> Status {
    while (true) {
      std::unique_lock<std::mutex> lock(mu);
      changed.wait(lock, [&] { return !queue.empty() || done; });
      if (queue.empty()) return read_status;
      Item item = std::move(queue.front());
      queue.pop_front();
      changed.notify_all();
      lock.unlock();
      if (!item.prepared.ok()) return item.prepared.status();
      for (const std::string& w : item.warnings) report.warnings.push_back(item.where + ": " + w);
      ECOSOL_RETURN_IF_ERROR(
          WritePrepared(store, clock, std::move(*item.prepared), who, item.where, &report));
      ++report.read;
      if (progress && report.read % 500 == 0) progress(report.read);
    }
  });
  {
    std::lock_guard<std::mutex> lock(mu);
    stop = true;
    changed.notify_all();
  }
  reader.join();
  if (!s.ok()) return s;
  return report;
}

Result<json> SearchCases(store::Store& store, const TransferFramework& framework,
                         const CaseSearchRequest& request) {
  ECOSOL_RETURN_IF_ERROR(CheckLimit(request.limit, request.offset));
  for (const auto& [facet, values] : request.filters) {
    if (!KnownFacets().count(facet)) {
      std::string names;
      for (const std::string& n : CaseFacetNames()) names += (names.empty() ? "" : ", ") + n;
      return InvalidArgument(facet + ": not a facet of cases (facets: " + names + ")");
    }
  }
  if (!request.status.empty() && request.status != "draft" && request.status != "in_review" &&
      request.status != "published" && request.status != "withdrawn") {
    return InvalidArgument("status: '" + request.status +
                           "' is not one of draft, in_review, published, withdrawn");
  }
  store::CaseSearchQuery q;
  q.q = request.q;
  q.filters = request.filters;
  q.heads = request.drafts;
  q.status = request.drafts ? request.status : "";
  q.limit = request.limit;
  q.offset = request.offset;
  q.newest_first = request.newest_first;
  q.changed_since = request.changed_since;
  if (request.facets) q.facets = CaseFacetNames();
  auto found = store.SearchCases(q);
  if (!found.ok()) return found.status();
  auto terms = text::QueryTerms(request.q);
  json items = json::array();
  for (const store::CaseHit& hit : found->hits) {
    json doc = json::parse(hit.doc, nullptr, false);
    std::string status;
    if (request.drafts) {
      auto state = store.GetCaseState(hit.id);
      if (!state.ok()) return state.status();
      if (state->has_value()) status = (*state)->status;
    } else {
      status = "published";
    }
    auto c = ParseCase(framework, doc);
    items.push_back(ItemOf(hit, doc, c.ok() ? &*c : nullptr, status, terms, request.lang));
  }
  json facets = json::object();
  for (const auto& [facet, counts] : found->facets) {
    json list = json::array();
    for (const store::FacetCount& fc : counts) {
      list.push_back({{"value", fc.value}, {"count", fc.count}});
    }
    facets[facet] = std::move(list);
  }
  return json{{"total", found->total}, {"items", std::move(items)}, {"facets", std::move(facets)}};
}

Result<json> SimilarCases(store::Store& store, const TransferFramework& framework,
                          const std::string& id, int limit, bool drafts, const std::string& lang) {
  ECOSOL_RETURN_IF_ERROR(CheckLimit(limit, 0));
  auto source = GetCase(store, id, 0, drafts);
  if (!source.ok()) return source.status();
  auto c = ParseCase(framework, source->doc);
  if (!c.ok()) return c.status();
  // The words of its titles and themes, most distinctive first: an any-word query.
  std::string words;
  for (const auto& [l, t] : c->title) words += t + " ";
  for (const std::string& t : c->themes) words += t + " ";
  store::CaseSearchQuery q;
  q.q = words;
  q.any_word = true;
  q.heads = drafts;
  q.exclude_ids = {id};
  q.limit = 50;
  q.facet_limit = 0;
  auto found = store.SearchCases(q);
  if (!found.ok()) return found.status();
  // Re-rank the text matches by what they share.
  std::set<std::string> mine;
  for (const auto& [facet, value] : CaseFacets(*c)) {
    if (facet == "sdg" || facet == "theme" || facet == "country" || facet == "type" ||
        facet == "policy_field") {
      mine.insert(facet + ":" + value);
    }
  }
  struct Scored {
    double score;
    size_t rank;
    json item;
  };
  std::vector<Scored> scored;
  for (size_t i = 0; i < found->hits.size(); ++i) {
    const store::CaseHit& hit = found->hits[i];
    json doc = json::parse(hit.doc, nullptr, false);
    auto other = ParseCase(framework, doc);
    if (!other.ok()) continue;
    json shared = json::array();
    double score = 1.0 / static_cast<double>(i + 1);  // the text rank counts, a little
    for (const auto& [facet, value] : CaseFacets(*other)) {
      if (mine.count(facet + ":" + value)) {
        shared.push_back({{"facet", facet}, {"value", value}});
        score += facet == "theme" ? 2.0 : facet == "sdg" ? 1.5 : 1.0;
      }
    }
    json item = ItemOf(hit, doc, &*other, drafts ? "" : "published", {}, lang);
    item["score"] = std::round(score * 100) / 100;
    item["shared"] = std::move(shared);
    scored.push_back({score, i, std::move(item)});
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const Scored& a, const Scored& b) { return a.score > b.score; });
  json items = json::array();
  for (size_t i = 0; i < scored.size() && i < static_cast<size_t>(limit); ++i) {
    items.push_back(std::move(scored[i].item));
  }
  return json{{"items", std::move(items)}};
}

Result<json> TransferOfCase(store::Store& store, const TransferFramework& framework,
                            const std::string& case_id, const json& context, bool drafts,
                            const LocalPartnerFinder& partners) {
  auto stored = GetCase(store, case_id, 0, drafts);
  if (!stored.ok()) return stored.status();
  auto c = ParseCase(framework, stored->doc);
  if (!c.ok()) return c.status().WithContext("stored case");
  if (!context.is_object()) {
    return InvalidArgument("context: expected a context profile (a JSON object)");
  }
  json profile = context;
  std::string territory;
  if (profile.contains("territory")) {
    if (!profile["territory"].is_string() && !profile["territory"].is_null()) {
      return InvalidArgument("context: 'territory' must be a territory id such as \"IN/UP\"");
    }
    if (profile["territory"].is_string()) territory = profile["territory"].get<std::string>();
    profile.erase("territory");
  }
  auto target = ParseContextProfile(framework, profile, "context");
  if (!target.ok()) return target.status();
  auto analysis = AnalyseTransfer(framework, *c, *target);
  if (!analysis.ok()) return analysis.status();
  json out = TransferAnalysisToJson(*analysis);
  out["case_version"] = stored->version.version;
  out["territory"] = territory;
  json local = json::array();
  if (!territory.empty() && partners) {
    for (const RiskFlag& flag : analysis->risk_flags) {
      const FlagDefinition* def = framework.FindFlag(flag.id);
      if (def == nullptr || def->assets.empty()) continue;
      auto actors = partners(def->assets, territory);
      if (!actors.ok()) return actors.status();
      local.push_back({{"flag", flag.id},
                       {"element", flag.element},
                       {"assets", def->assets},
                       {"actors", std::move(*actors)}});
    }
  }
  out["local_partners"] = std::move(local);
  return out;
}

json ContextCatalogueJson(const TransferFramework& framework, const std::string& lang) {
  json domains = json::array();
  for (const Domain& d : framework.domains) {
    domains.push_back({{"id", d.id}, {"label", Pick(d.label, lang).first}});
  }
  json features = json::array();
  for (const Feature& f : framework.features) {
    json values = json::array();
    const auto& ids = f.type == FeatureType::kLevel ? f.levels : f.values;
    for (const std::string& v : ids) {
      auto it = f.value_labels.find(v);
      values.push_back(
          {{"id", v}, {"label", it == f.value_labels.end() ? v : Pick(it->second, lang).first}});
    }
    json feature = {{"id", f.id},
                    {"domain", f.domain},
                    {"type", std::string(ToString(f.type))},
                    {"label", Pick(f.label, lang).first},
                    {"question", Pick(f.question, lang).first},
                    {"values", std::move(values)}};
    if (f.type == FeatureType::kShare) {
      feature["min"] = 0;
      feature["max"] = 1;
    } else if (f.type == FeatureType::kNumber) {
      feature["min"] = 0;
    }
    features.push_back(std::move(feature));
  }
  json flags = json::array();  // what a recorded transfer may name as raised before it
  for (const FlagDefinition& f : framework.flags) {
    flags.push_back(
        {{"id", f.id}, {"severity", std::string(ToString(f.severity))}, {"assets", f.assets}});
  }
  return {{"id", framework.id},
          {"version", framework.version},
          {"domains", std::move(domains)},
          {"features", std::move(features)},
          {"flags", std::move(flags)}};
}

// --- lineage -------------------------------------------------------------------------------------

Result<json> RecordTransfer(store::Store& store, const Clock& clock,
                            const TransferFramework& framework, const json& doc,
                            const std::string& who) {
  auto t = ParseTransferLineage(framework, doc);
  if (!t.ok()) return t.status();
  for (const std::string& id : {t->origin_case, t->case_id}) {
    auto state = store.GetCaseState(id);
    if (!state.ok()) return state.status();
    if (!state->has_value()) {
      return InvalidArgument("transfer: case '" + id + "' is not in the knowledge commons");
    }
  }
  if (!t->flags_given && !t->target.is_null()) {
    auto analysis = TransferOfCase(store, framework, t->origin_case, t->target, true);
    if (!analysis.ok()) return analysis.status().WithContext("transfer: target");
    for (const json& f : (*analysis)["risk_flags"]) {
      std::string flag = f["id"];
      if (std::find(t->flags.begin(), t->flags.end(), flag) == t->flags.end()) {
        t->flags.push_back(flag);
      }
    }
  }
  if (t->id.empty()) t->id = RandomId("tr-" + t->origin_case.substr(0, 40) + "-").substr(0, 128);
  json stored = TransferLineageToJson(*t);
  store::TransferRecord r{t->id,
                          0,
                          t->origin_case,
                          t->case_id,
                          t->outcome,
                          FormatTimestamp(clock.Now()),
                          who,
                          stored.dump(),
                          false};
  auto existing = store.GetTransfer(t->id);
  if (!existing.ok()) return existing.status();
  if (existing->has_value() && ((*existing)->origin_case != t->origin_case)) {
    return Conflict("transfer '" + t->id + "' is a transfer of '" + (*existing)->origin_case +
                    "', not of '" + t->origin_case + "'");
  }
  ECOSOL_RETURN_IF_ERROR(store.PutTransfer(&r));
  stored["version"] = r.version;
  stored["recorded_at"] = r.created_at;
  stored["who"] = who;
  return stored;
}

Result<json> LineageOf(store::Store& store, const TransferFramework& framework,
                       const std::string& case_id, bool drafts) {
  auto c = GetCase(store, case_id, 0, drafts);
  if (!c.ok()) return c.status();
  auto all = store.Transfers("");
  if (!all.ok()) return all.status();
  std::vector<TransferLineage> lineages;
  json origin = json::array();
  json transfers = json::array();
  for (const store::TransferRecord& r : *all) {
    auto t = StoredLineage(framework, r);
    if (!t.ok()) return t.status();
    json j = TransferLineageToJson(*t);
    j["version"] = r.version;
    j["recorded_at"] = r.created_at;
    if (r.case_id == case_id) origin.push_back(j);
    if (r.origin_case == case_id) transfers.push_back(j);
    lineages.push_back(std::move(*t));
  }
  return json{{"case", case_id},
              {"origin", std::move(origin)},
              {"transfers", std::move(transfers)},
              {"flag_history", FlagHistoryToJson(FlagHistoryOf(lineages))}};
}

// --- watch ---------------------------------------------------------------------------------------

namespace {

// The search a watch document describes: {"q", "<facet>": [values]}.
Result<CaseSearchRequest> WatchQuery(const json& doc, const std::string& where) {
  if (!doc.is_object()) return InvalidArgument(where + ": expected a JSON object");
  CaseSearchRequest r;
  for (auto it = doc.begin(); it != doc.end(); ++it) {
    const std::string& key = it.key();
    if (key == "name" || key == "id") continue;
    if (key == "q") {
      if (!it->is_string()) return InvalidArgument(where + ": 'q' must be text");
      r.q = it->get<std::string>();
      continue;
    }
    if (!KnownFacets().count(key)) {
      return InvalidArgument(where + ": '" + key + "' is neither q nor a facet of cases");
    }
    if (!it->is_array()) return InvalidArgument(where + ": '" + key + "' must be a list");
    for (const json& v : *it) {
      if (!v.is_string() && !v.is_number_integer()) {
        return InvalidArgument(where + ": '" + key + "' must list values");
      }
      r.filters[key].push_back(v.is_string() ? v.get<std::string>() : v.dump());
    }
  }
  return r;
}

json WatchQueryJson(const CaseSearchRequest& r) {
  json q = {{"q", r.q}};
  for (const auto& [facet, values] : r.filters) q[facet] = values;
  return q;
}

json WatchJson(const store::WatchRecord& w) {
  return {{"id", w.id},
          {"name", w.name},
          {"query", json::parse(w.query, nullptr, false)},
          {"created_at", w.created_at}};
}

}  // namespace

Result<json> SaveWatch(store::Store& store, const Clock& clock, const json& doc,
                       const std::string& owner) {
  if (owner.empty()) return InvalidArgument("a watch needs an owner");
  auto q = WatchQuery(doc, "watch");
  if (!q.ok()) return q.status();
  std::string name = doc.is_object() ? doc.value("name", "") : "";
  if (name.find_first_not_of(" \t") == std::string::npos) {
    return InvalidArgument("watch: 'name' is required (what the feed is about)");
  }
  if (q->q.empty() && q->filters.empty()) {
    return InvalidArgument("watch: give words (q) or at least one facet to follow");
  }
  store::WatchRecord w{
      RandomId("w-"), owner, name, WatchQueryJson(*q).dump(), FormatTimestamp(clock.Now()), false};
  ECOSOL_RETURN_IF_ERROR(store.PutWatch(w));
  return WatchJson(w);
}

Result<json> WatchesOf(store::Store& store, const std::string& owner) {
  auto list = store.Watches(owner);
  if (!list.ok()) return list.status();
  json items = json::array();
  for (const store::WatchRecord& w : *list) items.push_back(WatchJson(w));
  return json{{"items", std::move(items)}};
}

Status DeleteWatch(store::Store& store, const std::string& id, const std::string& owner) {
  auto w = store.GetWatch(id);
  if (!w.ok()) return w.status();
  if (!w->has_value() || (*w)->deleted || (*w)->owner != owner) {
    return NotFound("watch '" + id + "' not found");
  }
  store::WatchRecord gone = **w;
  gone.deleted = true;
  return store.PutWatch(gone);
}

Result<CaseSearchRequest> WatchSearch(store::Store& store, const std::string& id) {
  auto w = store.GetWatch(id);
  if (!w.ok()) return w.status();
  if (!w->has_value() || (*w)->deleted) return NotFound("watch '" + id + "' not found");
  json q = json::parse((*w)->query, nullptr, false);
  return WatchQuery(q, "watch '" + id + "'");
}

Result<std::string> CasesFeedAtom(store::Store& store, const TransferFramework& framework,
                                  CaseSearchRequest request, const std::string& title,
                                  const std::string& site, const std::string& feed_id) {
  request.drafts = false;
  request.facets = false;
  request.newest_first = true;
  request.limit = 50;
  request.offset = 0;
  auto found = SearchCases(store, framework, request);
  if (!found.ok()) return found.status();
  std::string updated = "1970-01-01T00:00:00Z";
  for (const json& item : (*found)["items"]) {
    updated = std::max(updated, item.value("updated_at", std::string()));
  }
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      << "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
      << "  <title>" << EscapeXml(title) << "</title>\n"
      << "  <id>" << EscapeXml(feed_id) << "</id>\n"
      << "  <updated>" << EscapeXml(updated) << "</updated>\n"
      << "  <link rel=\"alternate\" href=\"" << EscapeXml(site + "/#/knowledge") << "\"/>\n"
      << "  <author><name>Ecosol knowledge commons</name></author>\n"
      << "  <generator>Ecosol</generator>\n";
  for (const json& item : (*found)["items"]) {
    const std::string id = item["id"];
    const std::string link = site + "/#/knowledge/cases/" + id;
    out << "  <entry>\n"
        << "    <title>" << EscapeXml(item.value("title", id)) << "</title>\n"
        << "    <id>" << EscapeXml(link + "?version=" + std::to_string(item.value("version", 0)))
        << "</id>\n"
        << "    <updated>" << EscapeXml(item.value("updated_at", "")) << "</updated>\n"
        << "    <link rel=\"alternate\" href=\"" << EscapeXml(link) << "\"/>\n";
    std::string summary = item.value("summary", "");
    if (!summary.empty()) out << "    <summary>" << EscapeXml(summary) << "</summary>\n";
    for (const json& theme : item.value("themes", json::array())) {
      out << "    <category term=\"" << EscapeXml(theme.get<std::string>()) << "\"/>\n";
    }
    out << "  </entry>\n";
  }
  out << "</feed>\n";
  return out.str();
}

}  // namespace ecosol::knowledge
