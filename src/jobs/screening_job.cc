// The "screening" job: every actor of the registry, in committed pages with a checkpoint each.

#include "ecosol/jobs/worker.h"
#include "ecosol/registry/registry.h"
#include "ecosol/screening/service.h"

namespace ecosol::jobs {
namespace {

using nlohmann::json;

Result<std::vector<std::string>> Strings(const json& params, const char* key) {
  std::vector<std::string> out;
  if (!params.contains(key)) return out;
  if (!params[key].is_array()) return InvalidArgument(std::string(key) + ": expected a list");
  for (const json& v : params[key]) {
    if (!v.is_string()) return InvalidArgument(std::string(key) + ": expected a list of names");
    out.push_back(v.get<std::string>());
  }
  return out;
}

Result<std::string> RunScreening(const JobServices& services, store::Store& store,
                                 const store::JobRecord& job, JobControl& control) {
  json params = json::parse(job.params, nullptr, false);
  if (!params.is_object()) return InvalidArgument("job params: not a JSON object");
  screening::ScreenRequest request;
  auto frameworks = Strings(params, "frameworks");
  if (!frameworks.ok()) return frameworks.status();
  request.frameworks = std::move(*frameworks);
  auto options = Strings(params, "options");
  if (!options.ok()) return options.status();
  request.options = std::move(*options);
  if (params.contains("lang") && params["lang"].is_string()) request.lang = params["lang"];
  if (params.contains("statutes_lang") && params["statutes_lang"].is_string()) {
    request.statutes_lang = params["statutes_lang"];
  }
  int page_size = 5000;
  if (params.contains("page_size")) {
    if (!params["page_size"].is_number_integer() || params["page_size"].get<long long>() < 1 ||
        params["page_size"].get<long long>() > 100000) {
      return InvalidArgument("page_size: expected a whole number from 1 to 100000");
    }
    page_size = params["page_size"].get<int>();
  }
  screening::ScreenAllState start;
  if (!job.checkpoint.empty()) {
    auto state = screening::ScreenAllStateFromJson(json::parse(job.checkpoint, nullptr, false));
    if (!state.ok()) return state.status();
    start = std::move(*state);
  }
  auto total = store.CountActors();
  if (!total.ok()) return total.status();
  registry::Registry reg(store, *services.clock, services.taxonomy);
  screening::ScreeningService service(reg, services.frameworks, services.clauses, *services.clock);
  auto summary = service.ScreenAll(
      request, job.who, [&](const screening::JobProgress&) { return !control.stopping(); },
      page_size, start,
      [&](const screening::ScreenAllState& state) {
        return control.Checkpoint(state.done, std::max(*total, state.done),
                                  screening::ScreenAllStateToJson(state).dump());
      });
  if (!summary.ok()) return summary.status();
  return summary->dump();
}

}  // namespace

void AddImportHandler(const JobServices& services, std::map<std::string, JobHandler>* handlers);
void AddAnalysisHandlers(const JobServices& services, std::map<std::string, JobHandler>* handlers);

std::map<std::string, JobHandler> StandardHandlers(const JobServices& services) {
  std::map<std::string, JobHandler> out;
  AddImportHandler(services, &out);
  AddAnalysisHandlers(services, &out);
  if (services.frameworks) {
    out["screening"] = [services](store::Store& store, const store::JobRecord& job,
                                  JobControl& control) {
      return RunScreening(services, store, job, control);
    };
  }
  return out;
}

}  // namespace ecosol::jobs
