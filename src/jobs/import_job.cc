// The "import" job: an uploaded file (kept in job_inputs) imported as POST /api/v1/imports does
// it, all or nothing. The job's completion (its checkpoint, holding the report) and the removal
// of its file are written inside the import's own transaction, so that a worker killed at any
// point leaves either nothing imported (the next attempt imports the file) or the import
// committed and the job's checkpoint saying so (the next attempt only reports it).

#include "ecosol/interop/importer.h"
#include "ecosol/jobs/worker.h"
#include "ecosol/registry/registry.h"

namespace ecosol::jobs {
namespace {

using nlohmann::json;

constexpr char kCommitted[] = "committed";

Result<std::string> String(const json& params, const char* key) {
  if (!params.contains(key)) return std::string();
  if (!params[key].is_string()) return InvalidArgument(std::string(key) + ": expected text");
  return params[key].get<std::string>();
}

Result<interop::FileImportOptions> OptionsOf(const json& params) {
  interop::FileImportOptions o;
  std::string* texts[] = {&o.format, &o.source,      &o.id_scheme, &o.id_prefix,
                          &o.lang,   &o.attribution, &o.mapping,   &o.mapping_name};
  const char* keys[] = {"format", "source",      "id_scheme", "id_prefix",
                        "lang",   "attribution", "mapping",   "mapping_name"};
  for (size_t i = 0; i < std::size(keys); ++i) {
    if (!params.contains(keys[i])) continue;
    auto v = String(params, keys[i]);
    if (!v.ok()) return v.status();
    *texts[i] = std::move(*v);
  }
  if (o.format.empty()) return InvalidArgument("format: required");
  if (params.contains("claims")) {
    if (!params["claims"].is_array()) return InvalidArgument("claims: expected a list");
    for (const json& c : params["claims"]) {
      if (!c.is_string()) return InvalidArgument("claims: expected a list of texts");
      o.claims.push_back(c.get<std::string>());
    }
  }
  for (auto [key, flag] : {std::pair{"skip_invalid", &o.skip_invalid}, {"dry_run", &o.dry_run}}) {
    if (!params.contains(key)) continue;
    if (!params[key].is_boolean()) return InvalidArgument(std::string(key) + ": expected a flag");
    *flag = params[key].get<bool>();
  }
  return o;
}

Result<std::string> RunImport(const JobServices& services, store::Store& store,
                              const store::JobRecord& job, JobControl& control) {
  if (job.checkpoint.rfind(kCommitted, 0) == 0) {
    // An earlier attempt committed the import, and its worker stopped before finishing the job.
    json report = json::parse(job.checkpoint.substr(std::size(kCommitted) - 1), nullptr, false);
    if (!report.is_object()) return Internal("import job: its checkpoint is damaged");
    return report.dump();
  }
  json params = json::parse(job.params, nullptr, false);
  if (!params.is_object()) return InvalidArgument("job params: not a JSON object");
  auto options = OptionsOf(params);
  if (!options.ok()) return options.status().WithContext("job params");
  auto address = String(params, "address");
  if (!address.ok()) return address.status();
  interop::FileImportOptions o = std::move(*options);
  o.murmurations_schemas = services.murmurations_schemas;
  auto input = store.GetJobInput(job.id);
  if (!input.ok()) return input.status();
  if (!input->has_value()) {
    return NotFound("the file of " + job.id + " is no longer stored; send the import again");
  }
  registry::Registry reg(store, *services.clock, services.taxonomy);
  reg.SetAuditSource(job.who, address->empty() ? "job" : *address);
  const std::string rows_name = (*input)->name;
  o.before_commit = [&](const registry::ImportReport& report) -> Status {
    const long long rows = report.imported + report.updated + report.unchanged +
                           static_cast<long long>(report.rejected.size());
    ECOSOL_RETURN_IF_ERROR(control.Checkpoint(
        rows, rows, std::string(kCommitted) + interop::ImportReportToJson(report).dump()));
    return store.DeleteJobInput(job.id);
  };
  auto report = interop::ImportText(reg, (*input)->content, rows_name, o);
  if (!report.ok()) return report.status();
  if (!report->committed) {
    // Refused (or a dry run): nothing was written; the report says why. The file goes too. A
    // refused report counts only its rejected rows (the valid ones were not written), and those
    // are the job's done/total.
    const long long rows = static_cast<long long>(report->rejected.size());
    Status finished = store.InTransaction([&]() -> Status {
      ECOSOL_RETURN_IF_ERROR(control.Checkpoint(rows, rows, ""));
      return store.DeleteJobInput(job.id);
    });
    if (!finished.ok()) return finished;
  }
  return interop::ImportReportToJson(*report).dump();
}

}  // namespace

json ImportParams(const interop::FileImportOptions& o, const std::string& address) {
  return {{"format", o.format},
          {"source", o.source},
          {"id_scheme", o.id_scheme},
          {"id_prefix", o.id_prefix},
          {"lang", o.lang},
          {"claims", o.claims},
          {"attribution", o.attribution},
          {"skip_invalid", o.skip_invalid},
          {"dry_run", o.dry_run},
          {"mapping", o.mapping},
          {"mapping_name", o.mapping_name},
          {"address", address}};
}

Result<store::JobRecord> EnqueueImport(store::Store& store, const interop::FileImportOptions& o,
                                       const std::string& file_name, std::string_view content,
                                       const std::string& who, const std::string& address,
                                       const std::string& now) {
  Result<store::JobRecord> job = Internal("not queued");
  Status s = store.InTransaction([&]() -> Status {
    job = Enqueue(store, "import", ImportParams(o, address), who, now);
    if (!job.ok()) return job.status();
    return store.PutJobInput(job->id, file_name, content);
  });
  if (!s.ok()) return s;
  return job;
}

void AddImportHandler(const JobServices& services, std::map<std::string, JobHandler>* handlers) {
  (*handlers)["import"] = [services](store::Store& store, const store::JobRecord& job,
                                     JobControl& control) {
    return RunImport(services, store, job, control);
  };
}

}  // namespace ecosol::jobs
