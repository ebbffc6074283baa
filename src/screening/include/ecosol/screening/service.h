#pragma once

// Screening actors of the registry: their profiles (versioned), dated assessments, the history of
// what changed between two assessments, and screening the whole registry as a job.
//
//   ScreeningService service(registry, catalogue, analyzer, SystemClock());
//   auto saved = service.SaveProfile("coop-x", profile_json, statutes, "user:usr-1");
//   auto results = service.ScreenActor("coop-x", request, "user:usr-1");   // stored
//   auto history = service.History("coop-x", "en");
//
// An actor's profile is what the registry knows (legal form from its structure codes, country,
// claims; provenance "registry") overlaid with its latest stored profile (declared, assessor),
// then with what its stored statutes say (provenance "statutes", which wins).
//
// Thread safety: one service per thread (it uses the registry's store); the catalogue and the
// analyzer are shared immutable snapshots.

#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ecosol/base/clock.h"
#include "ecosol/base/status.h"
#include "ecosol/registry/registry.h"
#include "ecosol/screening/screening.h"
#include "ecosol/text/statutes.h"

namespace ecosol::screening {

struct ScreenRequest {
  std::vector<std::string> frameworks;  // empty: DefaultFrameworks
  std::vector<std::string> options;     // "esus"
  std::string lang = "en";              // language of explanations
  std::string statutes_lang = "auto";   // language of statutes text
};

struct Statutes {
  std::string name;  // file name, for the record
  std::string text;  // plain UTF-8 text (text::ExtractDocumentText)
};

struct JobProgress {
  long long done = 0;
  long long total = 0;
};

// Where a screening of the whole registry stands after a committed page: enough to go on from
// there in another process (a job's checkpoint, ScreenAllStateToJson).
struct ScreenAllState {
  std::string cursor;  // the listing cursor after the last page done ("" before the first)
  long long done = 0;
  long long assessments = 0;
  nlohmann::json verdicts = nlohmann::json::object();  // framework -> verdict -> count
  bool complete = false;  // the last page is done: nothing is left to screen
};
nlohmann::json ScreenAllStateToJson(const ScreenAllState& state);
// InvalidArgument when `doc` is not such a state.
Result<ScreenAllState> ScreenAllStateFromJson(const nlohmann::json& doc);

// The facts the registry gives for an actor: name, jurisdiction, legal form (from kind and the
// ESSGlobal structure codes), claims.
nlohmann::json RegistryFacts(const model::Actor& actor);

// Evaluates `request.frameworks` (or the defaults) on a profile:
// {"subject", "profile": <ProfileToJson>, "conflicts": [{fact, declared, statutes,
// statutes_evidence}], "statutes": <analysis or absent>, "results": [...]}.
// Unknown framework or option names: InvalidArgument listing the known ones.
Result<nlohmann::json> Evaluate(const Profile& profile, const Catalogue& catalogue,
                                const ScreenRequest& request,
                                const text::StatutesAnalysis* statutes);

class ScreeningService {
 public:
  ScreeningService(registry::Registry& registry, std::shared_ptr<const Catalogue> catalogue,
                   std::shared_ptr<const text::ClauseAnalyzer> analyzer, const Clock& clock);

  // Screens a profile document (and statutes) without storing anything.
  Result<nlohmann::json> ScreenDocument(const nlohmann::json& profile_doc, const Statutes* statutes,
                                        const ScreenRequest& request);

  // Checks and stores a new version of the actor's profile (and statutes, if given; without,
  // the previous version's statutes are kept). NotFound for an unknown actor.
  Result<long long> SaveProfile(const std::string& actor_id, const nlohmann::json& profile_doc,
                                const Statutes* statutes, const std::string& who);
  // The actor's current profile, with the statutes analysis when it has statutes.
  Result<nlohmann::json> ActorProfile(const std::string& actor_id);

  // Screens an actor and stores one assessment per framework; returns Evaluate's document with
  // "actor" and the assessment ids.
  Result<nlohmann::json> ScreenActor(const std::string& actor_id, const ScreenRequest& request,
                                     const std::string& who);

  // Screens every non-deleted actor (un-ilo and the defaults, or the named frameworks), storing
  // the assessments in batches; `progress` is called after each batch and stops the work by
  // returning false (Cancelled; the batches done so far stay stored). Returns
  // {"actors", "assessments", "verdicts": {framework: {verdict: count}}}.
  // The actors are read in id order, `page_size` to a transaction.
  // To go on with a screening stopped earlier, pass the state it had reached as `start`.
  // `commit`, when set, runs inside the transaction that stores each page, with the state after
  // that page: a job records its checkpoint there, so that a page and the checkpoint are stored
  // together or not at all. An error from it rolls the page back and ends the screening.
  Result<nlohmann::json> ScreenAll(
      const ScreenRequest& request, const std::string& who,
      const std::function<bool(const JobProgress&)>& progress, int page_size = 5000,
      const ScreenAllState& start = {},
      const std::function<Status(const ScreenAllState&)>& commit = nullptr);

  // The actor's assessments, newest last per framework, each with what changed since the
  // previous one of its framework (verdict, principles, criteria, red flags).
  Result<nlohmann::json> History(const std::string& actor_id, const std::string& lang);

 private:
  // The actor's profile from the registry's facts and a stored profile record (may be null);
  // the statutes analysis, when it has statutes, goes to *statutes (may be null).
  Result<Profile> ProfileFrom(const model::Actor& actor, const store::ProfileRecord* record,
                              std::optional<text::StatutesAnalysis>* statutes,
                              bool for_batch = false);
  // One assessment record per screening, decided at `now` (a timestamp).
  static std::vector<store::AssessmentRecord> Records(const std::string& actor_id,
                                                      long long profile_version,
                                                      const std::vector<Screening>& screenings,
                                                      const ScreenRequest& request,
                                                      const std::string& who,
                                                      const std::string& now);
  // A batch's page: the actors with their latest stored profiles, read by one thread and
  // evaluated by another (ScreenAll).
  struct BatchPage;
  struct BatchResult;
  BatchResult EvaluatePage(const BatchPage& page, const ScreenRequest& request,
                           const std::string& who, const std::string& now);
  // The actor's profile at a stored version (0: the latest; *profile_version tells which, 0 when
  // it has none).
  Result<Profile> LoadProfile(const model::Actor& actor, long long version,
                              long long* profile_version,
                              std::optional<text::StatutesAnalysis>* statutes);
  // A stored assessment with its texts and evidence, reproduced from its profile version when
  // the framework is still at the version it used.
  nlohmann::json Expand(const model::Actor& actor, const store::AssessmentRecord& record,
                        const nlohmann::json& stored, const std::string& lang,
                        std::map<long long, std::optional<Profile>>* profiles);
  Result<nlohmann::json> ScreenAndStore(const model::Actor& actor, const ScreenRequest& request,
                                        const std::string& who);

  registry::Registry& registry_;
  std::shared_ptr<const Catalogue> catalogue_;
  std::shared_ptr<const text::ClauseAnalyzer> analyzer_;
  const Clock& clock_;
};

// What changed from one stored result to the next: [{"what": "verdict"|"principle"|"criterion"|
// "red_flag", "id", "from", "to"}].
nlohmann::json Changes(const nlohmann::json& before, const nlohmann::json& after);

}  // namespace ecosol::screening
