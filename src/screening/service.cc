// The registry side of screening: profiles and assessments in the store, and the batch job.

#include "ecosol/screening/service.h"

#include <algorithm>
#include <chrono>
#include <future>
#include <optional>
#include <random>
#include <unordered_map>

#include "profile_facts.h"
#include "stored_result.h"

namespace ecosol::screening {
namespace {

using nlohmann::json;

// Time-ordered ids ("asm-" + microseconds in hex + a random tail): a batch's inserts append to
// the end of the id index instead of touching pages all over it (measured: 8 GB of writes for
// 100,000 random ids, see docs/benchmarks.md).
std::string NewId(std::string_view prefix) {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  std::string id(prefix);
  for (int shift = 52; shift >= 0; shift -= 4) {
    id += kHex[(static_cast<uint64_t>(micros) >> shift) & 15];
  }
  uint64_t bits = rng();
  for (int i = 0; i < 8; ++i, bits >>= 4) id += kHex[bits & 15];
  return id;
}

std::string LegalFormOf(const model::Actor& a) {
  if (a.kind == model::ActorKind::kInformalGroup) return "informal_group";
  if (a.kind == model::ActorKind::kPublicBody) return "public_body";
  static const std::map<std::string, std::string> kByStructure = {
      {"OS10", "self_help_group"}, {"OS20", "association"},     {"OS30", "social_enterprise"},
      {"OS40", "association"},     {"OS50", "company"},         {"OS60", "cooperative"},
      {"OS70", "cooperative"},     {"OS80", "cooperative"},     {"OS90", "cooperative"},
      {"OS100", "cooperative"},    {"OS110", "cooperative"},    {"OS115", "cooperative"},
      {"OS120", "company"},        {"OS160", "informal_group"}, {"OS170", "mutual"},
      {"OS210", "cooperative"},    {"OS220", "public_body"},    {"OS240", "cooperative"}};
  for (const std::string& code : a.structures) {
    auto it = kByStructure.find(code);
    if (it != kByStructure.end()) return it->second;
  }
  return "";
}

std::string CountryOf(const model::Actor& a) {
  if (!a.address.country.empty()) return a.address.country;
  return a.territory.substr(0, a.territory.find('/'));
}

Status CheckRequest(const Catalogue& catalogue, const ScreenRequest& request) {
  for (const std::string& id : request.frameworks) {
    if (catalogue.Find(id)) continue;
    std::string known;
    for (const Framework& f : catalogue.frameworks()) known += (known.empty() ? "" : ", ") + f.id;
    return InvalidArgument("framework: unknown framework '" + id + "' (known: " + known + ")");
  }
  for (const std::string& option : request.options) {
    bool found = false;
    for (const Framework& f : catalogue.frameworks()) {
      for (const Option& o : f.options) found |= o.id == option;
    }
    if (!found) return InvalidArgument("option: no framework has an option '" + option + "'");
  }
  static const std::vector<std::string> kLangs = {"en", "fr", "es", "pt"};
  if (std::find(kLangs.begin(), kLangs.end(), request.lang) == kLangs.end()) {
    return InvalidArgument("lang: '" + request.lang + "' is not one of en, fr, es, pt");
  }
  return Status::Ok();
}

std::vector<const Framework*> Chosen(const Profile& profile, const Catalogue& catalogue,
                                     const ScreenRequest& request) {
  if (request.frameworks.empty()) return DefaultFrameworks(profile, catalogue);
  std::vector<const Framework*> out;
  for (const std::string& id : request.frameworks) out.push_back(catalogue.Find(id));
  return out;
}

// Overlays the stored document's facts on the registry's.
void Overlay(json* base, const json& over) {
  for (const auto& [key, value] : over.items()) {
    if (value.is_object() && base->contains(key) && (*base)[key].is_object()) {
      Overlay(&(*base)[key], value);
    } else {
      (*base)[key] = value;
    }
  }
}

}  // namespace

json RegistryFacts(const model::Actor& actor) {
  json facts = {{"name", actor.name}};
  std::string country = CountryOf(actor);
  if (!country.empty()) facts["jurisdiction"] = country;
  std::string form = LegalFormOf(actor);
  if (!form.empty()) facts["legal_form"] = form;
  static const std::vector<std::string> kClaims = {"sse",
                                                   "social_economy",
                                                   "solidarity_economy",
                                                   "cooperative",
                                                   "social_enterprise",
                                                   "mutual",
                                                   "association",
                                                   "foundation",
                                                   "esus",
                                                   "cic",
                                                   "impresa_sociale",
                                                   "kr_social_enterprise",
                                                   "social_enterprise_mark",
                                                   "b_corp"};
  json claims = json::array();
  for (const std::string& c : actor.claims) {
    if (std::find(kClaims.begin(), kClaims.end(), c) != kClaims.end()) claims.push_back(c);
  }
  if (std::find(actor.structures.begin(), actor.structures.end(), "OS120") !=
          actor.structures.end() &&
      std::find(claims.begin(), claims.end(), "cic") == claims.end()) {
    claims.push_back("cic");
  }
  if (!claims.empty()) facts["claims"] = std::move(claims);
  return facts;
}

namespace {

std::vector<Screening> RunFrameworks(const Profile& profile, const Catalogue& catalogue,
                                     const ScreenRequest& request) {
  std::vector<Screening> out;
  ScreenOptions options{request.options};
  for (const Framework* f : Chosen(profile, catalogue, request)) {
    out.push_back(Screen(profile, *f, options));
  }
  return out;
}

json EvaluationJson(const Profile& profile, const std::vector<Screening>& screenings,
                    const std::string& lang, const text::StatutesAnalysis* statutes) {
  json out = {{"subject", profile.subject}, {"profile", ProfileToJson(profile)}};
  json conflicts = json::array();
  for (const Conflict& c : profile.conflicts) {
    conflicts.push_back({{"fact", c.fact},
                         {"declared", c.declared},
                         {"statutes", c.statutes},
                         {"statutes_evidence", c.evidence}});
  }
  out["conflicts"] = std::move(conflicts);
  if (statutes) out["statutes"] = text::ToJson(*statutes);
  json results = json::array();
  for (const Screening& s : screenings) results.push_back(ToJson(s, profile, lang));
  out["results"] = std::move(results);
  return out;
}

}  // namespace

Result<json> Evaluate(const Profile& profile, const Catalogue& catalogue,
                      const ScreenRequest& request, const text::StatutesAnalysis* statutes) {
  ECOSOL_RETURN_IF_ERROR(CheckRequest(catalogue, request));
  return EvaluationJson(profile, RunFrameworks(profile, catalogue, request), request.lang,
                        statutes);
}

ScreeningService::ScreeningService(registry::Registry& registry,
                                   std::shared_ptr<const Catalogue> catalogue,
                                   std::shared_ptr<const text::ClauseAnalyzer> analyzer,
                                   const Clock& clock)
    : registry_(registry),
      catalogue_(std::move(catalogue)),
      analyzer_(std::move(analyzer)),
      clock_(clock) {}

Result<json> ScreeningService::ScreenDocument(const json& profile_doc, const Statutes* statutes,
                                              const ScreenRequest& request) {
  auto profile = ParseProfile(profile_doc, *catalogue_);
  if (!profile.ok()) return profile.status();
  std::optional<text::StatutesAnalysis> analysis;
  if (statutes && !statutes->text.empty()) {
    auto a = analyzer_->Analyze(statutes->text, request.statutes_lang);
    if (!a.ok()) return a.status().WithContext("statutes");
    analysis = std::move(*a);
    ApplyStatutes(*analysis, *catalogue_, &*profile);
  }
  return Evaluate(*profile, *catalogue_, request, analysis ? &*analysis : nullptr);
}

Result<long long> ScreeningService::SaveProfile(const std::string& actor_id, const json& doc,
                                                const Statutes* statutes, const std::string& who) {
  auto actor = registry_.GetActor(actor_id);
  if (!actor.ok()) return actor.status();
  auto profile = ParseProfile(doc, *catalogue_);
  if (!profile.ok()) return profile.status();
  store::ProfileRecord record;
  record.actor_id = actor_id;
  record.created_at = FormatTimestamp(clock_.Now());
  record.who = who;
  record.doc = ProfileToJson(*profile).dump();
  if (statutes) {
    auto analysis = analyzer_->Analyze(statutes->text, "auto");
    if (!analysis.ok()) return analysis.status().WithContext("statutes");
    record.statutes_name = statutes->name;
    record.statutes_text = statutes->text;
  } else {
    auto previous = registry_.store().GetProfile(actor_id, 0);
    if (!previous.ok()) return previous.status();
    if (*previous) {
      record.statutes_name = (*previous)->statutes_name;
      record.statutes_text = (*previous)->statutes_text;
    }
  }
  ECOSOL_RETURN_IF_ERROR(registry_.store().PutProfile(&record));
  return record.version;
}

Result<Profile> ScreeningService::ProfileFrom(const model::Actor& actor,
                                              const store::ProfileRecord* record,
                                              std::optional<text::StatutesAnalysis>* statutes,
                                              bool for_batch) {
  json facts = RegistryFacts(actor);
  json provenance = json::object();
  if (record) {
    json stored = json::parse(record->doc, nullptr, false);
    if (stored.is_object()) {
      if (stored.contains("provenance")) provenance = stored["provenance"];
      stored.erase("provenance");
      Overlay(&facts, stored);
    }
  }
  Result<Profile> profile = Profile{};
  if (for_batch) {
    // Stored profiles were checked when saved and registry facts are well-formed: a batch skips
    // the checks and the provenance, which only its verdicts' evidence would show.
    profile->facts = std::move(facts);
    profile->subject = SubjectOf(profile->facts);
  } else {
    facts["provenance"] = std::move(provenance);
    profile = ParseProfile(facts, *catalogue_, "registry");
  }
  if (!profile.ok()) return profile.status().WithContext("stored profile of '" + actor.id + "'");
  if (record && !record->statutes_text.empty()) {
    auto analysis = analyzer_->Analyze(record->statutes_text, "auto");
    if (!analysis.ok()) return analysis.status().WithContext("statutes of '" + actor.id + "'");
    ApplyStatutes(*analysis, *catalogue_, &*profile);
    if (statutes) *statutes = std::move(*analysis);
  }
  return profile;
}

Result<Profile> ScreeningService::LoadProfile(const model::Actor& actor, long long version,
                                              long long* profile_version,
                                              std::optional<text::StatutesAnalysis>* statutes) {
  auto record = registry_.store().GetProfile(actor.id, version);
  if (!record.ok()) return record.status();
  *profile_version = *record ? (*record)->version : 0;
  return ProfileFrom(actor, *record ? &**record : nullptr, statutes);
}

Result<json> ScreeningService::ActorProfile(const std::string& actor_id) {
  auto actor = registry_.GetActor(actor_id);
  if (!actor.ok()) return actor.status();
  long long version = 0;
  std::optional<text::StatutesAnalysis> statutes;
  auto profile = LoadProfile(*actor, 0, &version, &statutes);
  if (!profile.ok()) return profile.status();
  json out = {{"actor", actor_id},
              {"version", version},
              {"subject", profile->subject},
              {"profile", ProfileToJson(*profile)}};
  if (statutes) {
    auto record = registry_.store().GetProfile(actor_id, 0);
    if (!record.ok()) return record.status();
    out["statutes"] = text::ToJson(*statutes);
    out["statutes"]["name"] = (*record)->statutes_name;
    out["statutes"]["text"] = (*record)->statutes_text;
  }
  return out;
}

std::vector<store::AssessmentRecord> ScreeningService::Records(
    const std::string& actor_id, long long profile_version,
    const std::vector<Screening>& screenings, const ScreenRequest& request, const std::string& who,
    const std::string& now) {
  std::vector<store::AssessmentRecord> records;
  for (const Screening& s : screenings) {
    store::AssessmentRecord record;
    record.id = NewId("asm-");
    record.actor_id = actor_id;
    record.framework = s.framework->id;
    record.framework_version = s.framework->version;
    record.verdict = std::string(ToString(s.verdict));
    record.created_at = now;
    record.who = who;
    record.profile_version = profile_version;
    record.result = DecisionText(s, request.options);
    records.push_back(std::move(record));
  }
  return records;
}

Result<json> ScreeningService::ScreenAndStore(const model::Actor& actor,
                                              const ScreenRequest& request,
                                              const std::string& who) {
  long long version = 0;
  std::optional<text::StatutesAnalysis> statutes;
  auto profile = LoadProfile(actor, 0, &version, &statutes);
  if (!profile.ok()) return profile.status();
  std::vector<Screening> screenings = RunFrameworks(*profile, *catalogue_, request);
  std::vector<store::AssessmentRecord> records =
      Records(actor.id, version, screenings, request, who, FormatTimestamp(clock_.Now()));
  json ids = json::array();
  for (store::AssessmentRecord& record : records) {
    ECOSOL_RETURN_IF_ERROR(registry_.store().AddAssessment(&record));
    ids.push_back(record.id);
  }
  json out = EvaluationJson(*profile, screenings, request.lang, statutes ? &*statutes : nullptr);
  out["actor"] = actor.id;
  out["assessments"] = std::move(ids);
  out["date"] = records.empty() ? "" : records[0].created_at;
  return out;
}

Result<json> ScreeningService::ScreenActor(const std::string& actor_id,
                                           const ScreenRequest& request, const std::string& who) {
  ECOSOL_RETURN_IF_ERROR(CheckRequest(*catalogue_, request));
  auto actor = registry_.GetActor(actor_id);
  if (!actor.ok()) return actor.status();
  return ScreenAndStore(*actor, request, who);
}

struct ScreeningService::BatchPage {
  std::vector<store::StoredActor> actors;      // undecoded: the worker decodes them
  std::vector<store::ProfileRecord> profiles;  // the latest of those that have one
  std::string next_cursor;                     // the listing's cursor after this page
};

struct ScreeningService::BatchResult {
  Status status;
  std::vector<store::AssessmentRecord> records;
};

ScreeningService::BatchResult ScreeningService::EvaluatePage(const BatchPage& page,
                                                             const ScreenRequest& request,
                                                             const std::string& who,
                                                             const std::string& now) {
  std::unordered_map<std::string_view, const store::ProfileRecord*> by_actor;
  for (const store::ProfileRecord& r : page.profiles) by_actor[r.actor_id] = &r;
  auto evaluate = [&](size_t begin, size_t end) {
    BatchResult out;
    out.records.reserve(end - begin);
    for (size_t i = begin; i < end; ++i) {
      const store::StoredActor& stored = page.actors[i];
      auto actor = store::DecodeStoredActor(stored.doc);
      if (!actor.ok()) {
        out.status = actor.status().WithContext("actor '" + stored.id + "'");
        return out;
      }
      auto it = by_actor.find(stored.id);
      const store::ProfileRecord* record = it == by_actor.end() ? nullptr : it->second;
      auto profile = ProfileFrom(*actor, record, nullptr, /*for_batch=*/true);
      if (!profile.ok()) {
        out.status = profile.status();
        return out;
      }
      auto batch = Records(stored.id, record ? record->version : 0,
                           RunFrameworks(*profile, *catalogue_, request), request, who, now);
      std::move(batch.begin(), batch.end(), std::back_inserter(out.records));
    }
    return out;
  };
  // Two halves at once: with the store's thread waiting on the disk part of the time, both
  // cores are kept busy.
  const size_t n = page.actors.size();
  std::future<BatchResult> second = std::async(std::launch::async, evaluate, n / 2, n);
  BatchResult out = evaluate(0, n / 2);
  BatchResult rest = second.get();
  if (out.status.ok()) out.status = rest.status;
  std::move(rest.records.begin(), rest.records.end(), std::back_inserter(out.records));
  return out;
}

json ScreenAllStateToJson(const ScreenAllState& state) {
  return {{"cursor", state.cursor},
          {"done", state.done},
          {"assessments", state.assessments},
          {"verdicts", state.verdicts},
          {"complete", state.complete}};
}

Result<ScreenAllState> ScreenAllStateFromJson(const json& doc) {
  if (!doc.is_object() || !doc.contains("cursor") || !doc["cursor"].is_string() ||
      !doc.contains("done") || !doc["done"].is_number_integer() || !doc.contains("assessments") ||
      !doc["assessments"].is_number_integer() || !doc.contains("verdicts") ||
      !doc["verdicts"].is_object() || (doc.contains("complete") && !doc["complete"].is_boolean())) {
    return InvalidArgument(
        "screening checkpoint: expected {\"cursor\", \"done\", \"assessments\", \"verdicts\"}, "
        "not " +
        doc.dump().substr(0, 200));
  }
  ScreenAllState state;
  state.cursor = doc["cursor"].get<std::string>();
  state.done = doc["done"].get<long long>();
  state.assessments = doc["assessments"].get<long long>();
  state.verdicts = doc["verdicts"];
  state.complete = doc.value("complete", false);
  return state;
}

Result<json> ScreeningService::ScreenAll(
    const ScreenRequest& request, const std::string& who,
    const std::function<bool(const JobProgress&)>& progress, int page_size,
    const ScreenAllState& start, const std::function<Status(const ScreenAllState&)>& commit) {
  ECOSOL_RETURN_IF_ERROR(CheckRequest(*catalogue_, request));
  store::Store& store = registry_.store();
  auto total = store.CountActors();
  if (!total.ok()) return total.status();
  ScreenAllState state = start;
  auto summary = [&state] {
    return json{
        {"actors", state.done}, {"assessments", state.assessments}, {"verdicts", state.verdicts}};
  };
  if (state.complete) return summary();  // stopped after its last page, before it was told
  JobProgress p{state.done, std::max(*total, state.done)};
  // In id order, so that the rows written per actor (the assessments' and latest verdicts'
  // indexes lead with the actor id) land next to each other instead of all over the indexes.
  store::ActorQuery q;
  q.by_id = true;
  q.limit = page_size;  // one transaction per page: larger pages, fewer commits
  q.stored_docs = true;
  q.audience.everything = true;
  q.cursor = state.cursor;
  bool more = true;
  auto read_page = [&]() -> Result<BatchPage> {
    auto listed = store.ListActors(q);
    if (!listed.ok()) return listed.status();
    BatchPage page;
    page.actors = std::move(listed->stored);
    std::vector<std::string> ids;
    ids.reserve(page.actors.size());
    for (const store::StoredActor& actor : page.actors) ids.push_back(actor.id);
    auto stored = store.LatestProfiles(ids);
    if (!stored.ok()) return stored.status();
    page.profiles = std::move(*stored);
    more = !listed->next_cursor.empty();
    q.cursor = listed->next_cursor;
    page.next_cursor = listed->next_cursor;
    return page;
  };
  // Commits of a few megabytes each, one after the other: the log is copied back into the
  // database on another thread meanwhile (SQLite).
  ECOSOL_RETURN_IF_ERROR(store.BackgroundCheckpoints(true));
  struct CheckpointsBack {
    store::Store& store;
    ~CheckpointsBack() { (void)store.BackgroundCheckpoints(false).ok(); }
  } checkpoints_back{store};
  // Stores an evaluated page (with the state after it, for `commit`) and reports progress.
  auto write = [&](const BatchResult& result, long long actors,
                   const std::string& cursor) -> Status {
    ScreenAllState after = state;
    for (const store::AssessmentRecord& r : result.records) {
      json& count = after.verdicts[r.framework][r.verdict];
      count = count.is_null() ? 1LL : count.get<long long>() + 1;
    }
    after.assessments += static_cast<long long>(result.records.size());
    after.done += actors;
    after.cursor = cursor;
    after.complete = cursor.empty();
    if (commit) {
      Status stored = store.InTransaction([&]() -> Status {
        ECOSOL_RETURN_IF_ERROR(commit(after));
        return store.AddAssessments(result.records);
      });
      if (!stored.ok()) return stored;
    } else {
      ECOSOL_RETURN_IF_ERROR(store.AddAssessments(result.records));
    }
    state = std::move(after);
    p.done = state.done;
    p.total = std::max(p.total, p.done);
    if (progress && !progress(p)) {
      return Status(StatusCode::kUnavailable,
                    "screening stopped after " + std::to_string(p.done) + " actors");
    }
    return Status::Ok();
  };
  // A pipeline: while workers evaluate one page (CPU only, no store access; EvaluatePage), this
  // thread writes the previous page's assessments and reads the next page. The store is used
  // from this thread alone. Measured in docs/benchmarks.md ("Screening the whole registry").
  auto current = read_page();
  if (!current.ok()) return current.status();
  std::optional<BatchResult> previous;
  long long previous_size = 0;
  std::string previous_cursor;
  while (true) {
    const std::string now = FormatTimestamp(clock_.Now());
    const BatchPage& page = *current;
    std::future<BatchResult> evaluated = std::async(
        std::launch::async, [&, now]() { return EvaluatePage(page, request, who, now); });
    Status io = previous ? write(*previous, previous_size, previous_cursor) : Status::Ok();
    std::optional<Result<BatchPage>> next;
    if (io.ok() && more) next = read_page();
    BatchResult result = evaluated.get();  // always joined before `page` goes away
    ECOSOL_RETURN_IF_ERROR(io);
    ECOSOL_RETURN_IF_ERROR(result.status);
    previous = std::move(result);
    previous_size = static_cast<long long>(page.actors.size());
    previous_cursor = page.next_cursor;
    if (!next) break;
    if (!next->ok()) return next->status();
    current = std::move(*next);
  }
  ECOSOL_RETURN_IF_ERROR(write(*previous, previous_size, previous_cursor));  // the last page
  return summary();
}

json ScreeningService::Expand(const model::Actor& actor, const store::AssessmentRecord& record,
                              const json& stored, const std::string& lang,
                              std::map<long long, std::optional<Profile>>* profiles) {
  const Framework* f = catalogue_->Find(record.framework);
  if (!f || f->version != record.framework_version || !stored.is_object()) {
    return Localise(stored, f, lang);
  }
  auto cached = profiles->find(record.profile_version);
  if (cached == profiles->end()) {
    long long version = 0;
    std::optional<text::StatutesAnalysis> statutes;
    auto p = LoadProfile(actor, record.profile_version, &version, &statutes);
    cached = profiles
                 ->emplace(record.profile_version,
                           p.ok() ? std::optional<Profile>(std::move(*p)) : std::nullopt)
                 .first;
  }
  if (!cached->second) return Localise(stored, f, lang);
  ScreenOptions options{stored.value("options", std::vector<std::string>{})};
  Screening screening = Screen(*cached->second, *f, options);
  json full = ToJson(screening, *cached->second, lang);
  // The registry's own facts may have changed since: then the stored decision stands, with the
  // current texts.
  if (!Changes(stored, Decision(screening, options.options)).empty()) {
    json out = Localise(stored, f, lang);
    out["reproduced"] = false;
    return out;
  }
  full["options"] = options.options;
  return full;
}

Result<json> ScreeningService::History(const std::string& actor_id, const std::string& lang) {
  auto actor = registry_.GetActor(actor_id);
  if (!actor.ok()) return actor.status();
  auto records = registry_.store().Assessments(actor_id, "");
  if (!records.ok()) return records.status();
  json items = json::array();
  const store::AssessmentRecord* previous = nullptr;
  json previous_result;
  std::map<long long, std::optional<Profile>> profiles;
  for (const store::AssessmentRecord& r : *records) {
    json result = json::parse(r.result, nullptr, false);
    json item = {{"id", r.id},
                 {"framework", r.framework},
                 {"framework_version", r.framework_version},
                 {"n", r.n},
                 {"date", r.created_at},
                 {"who", r.who},
                 {"profile_version", r.profile_version},
                 {"verdict", r.verdict},
                 {"result", Expand(*actor, r, result, lang, &profiles)}};
    if (previous && previous->framework == r.framework) {
      item["changes"] = Changes(previous_result, result);
    }
    items.push_back(std::move(item));
    previous = &r;
    previous_result = std::move(result);
  }
  return json{{"actor", actor_id}, {"items", std::move(items)}};
}

}  // namespace ecosol::screening
