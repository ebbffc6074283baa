// Open data in and out: imports (an uploaded file in any import format), exports of the public
// registry, and each public actor's Murmurations profile.

#include <set>
#include <string>
#include <vector>

#include "api.h"
#include "ecosol/base/strings.h"
#include "ecosol/interop/importer.h"
#include "ecosol/interop/murmurations.h"
#include "ecosol/jobs/worker.h"

namespace ecosol::http {
namespace {

using nlohmann::json;

std::string Param(const httplib::Request& req, const std::string& name,
                  const std::string& fallback = "") {
  return req.has_param(name) ? req.get_param_value(name) : fallback;
}

Result<bool> Flag(const httplib::Request& req, const std::string& name) {
  std::string v = Param(req, name, "false");
  if (v == "true" || v == "1") return true;
  if (v == "false" || v == "0") return false;
  return InvalidArgument(name + ": expected true or false, not '" + v + "'");
}

// The uploaded file: the body, or with multipart/form-data the part "file" (and the part
// "mapping", the YAML mapping that format csv needs, which goes to `o`). A view into `req`.
Result<std::string_view> UploadedFile(const httplib::Request& req, interop::FileImportOptions* o) {
  const bool csv = o->format == "csv";
  if (!req.is_multipart_form_data()) {
    if (csv) {
      return InvalidArgument(
          "mapping: required with format=csv; send multipart/form-data with the parts 'file' (the "
          "spreadsheet) and 'mapping' (its YAML mapping, docs/formats/csv-mapping.md)");
    }
    if (req.body.empty())
      return InvalidArgument("body: empty; send the file's content as the body");
    return std::string_view(req.body);
  }
  for (const auto& [name, part] : req.files) {
    if (name != "file" && name != "mapping") {
      return InvalidArgument("multipart part '" + name + "': unknown (known: file, mapping)");
    }
    if (req.files.count(name) > 1) return InvalidArgument(name + ": part given more than once");
  }
  auto file = req.files.find("file");
  if (file == req.files.end() || file->second.content.empty()) {
    return InvalidArgument("file: the multipart form needs a non-empty part named 'file'");
  }
  auto mapping = req.files.find("mapping");
  if (mapping != req.files.end() && !csv) {
    return InvalidArgument("mapping: only format=csv reads a mapping");
  }
  if (csv && (mapping == req.files.end() || mapping->second.content.empty())) {
    return InvalidArgument(
        "mapping: required with format=csv: a part named 'mapping' with the "
        "YAML mapping (docs/formats/csv-mapping.md)");
  }
  if (csv) {
    o->mapping = mapping->second.content;
    o->mapping_name = mapping->second.filename.empty() ? "mapping.yaml" : mapping->second.filename;
  }
  return std::string_view(file->second.content);
}

// POST /api/v1/imports?format=F[&source=&id_scheme=&id_prefix=&lang=&claim=&attribution=
// &dry_run=&skip_invalid=&background=]: the body is the file, or multipart/form-data with the parts
// "file" and (format csv) "mapping". Admins and instance-wide stewards. 200 with the report when
// written (or checked, with dry_run); 422 with the report when refused. With background=true the
// file is stored with a queued "import" job, which any worker sharing the database runs: 202
// with {"job"}, followed at GET /api/v1/jobs/{id} (its result is the report).
void ImportUpload(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto store = ctx.pool->Acquire();
  auto caller = Identify(ctx, req, *store);
  if (!caller.ok()) return SendError(res, caller.status());
  Status allowed = auth::Authorize(caller->principal, auth::Action::kImportData);
  if (!allowed.ok()) return SendError(res, allowed);
  static const std::set<std::string> kParams = {
      "format", "id_scheme",   "id_prefix", "lang",         "claim",
      "source", "attribution", "dry_run",   "skip_invalid", "background"};
  for (const auto& [name, value] : req.params) {
    if (!kParams.count(name)) {
      return SendError(
          res, InvalidArgument(
                   name + ": unknown parameter (known: " +
                   Join(std::vector<std::string>(kParams.begin(), kParams.end()), ", ") + ")"));
    }
    if (name != "claim" && req.params.count(name) > 1) {
      return SendError(res, InvalidArgument(name + ": given more than once"));
    }
  }
  interop::FileImportOptions o;
  o.format = Param(req, "format");
  if (o.format.empty() || o.format == "ecosol-json") {
    return SendError(
        res, InvalidArgument("format: required, one of " + Join(interop::ImportFormats(), ", ") +
                             " (ecosol-json is loaded with the CLI)"));
  }
  o.source = Param(req, "source");
  o.id_scheme = Param(req, "id_scheme");
  o.id_prefix = Param(req, "id_prefix");
  o.lang = Param(req, "lang", "en");
  o.attribution = Param(req, "attribution");
  for (size_t i = 0; i < req.get_param_value_count("claim"); ++i) {
    o.claims.push_back(req.get_param_value("claim", i));
  }
  auto dry_run = Flag(req, "dry_run");
  if (!dry_run.ok()) return SendError(res, dry_run.status());
  auto skip = Flag(req, "skip_invalid");
  if (!skip.ok()) return SendError(res, skip.status());
  o.dry_run = *dry_run;
  o.skip_invalid = *skip;
  auto background = Flag(req, "background");
  if (!background.ok()) return SendError(res, background.status());
  o.murmurations_schemas = ctx.options.murmurations_schemas;
  auto body = UploadedFile(req, &o);
  if (!body.ok()) return SendError(res, body.status());
  registry::Registry reg(*store, *ctx.clock, ctx.taxonomy);
  reg.SetAuditSource(caller->principal.who, caller->address);
  std::string name = o.source.empty() ? "upload." + interop::ExtensionOf(o.format) : o.source;
  if (*background) {
    auto job = jobs::EnqueueImport(*store, o, name, *body, caller->principal.who, caller->address,
                                   FormatTimestamp(ctx.clock->Now()));
    if (!job.ok()) return SendError(res, job.status());
    if (ctx.worker) ctx.worker->Wake();
    res.set_header("Location", "/api/v1/jobs/" + job->id);
    return SendJson(res, 202, {{"job", jobs::JobToJson(*job)}});
  }
  auto report = interop::ImportText(reg, *body, name, o);
  if (!report.ok()) return SendError(res, report.status());
  json out = interop::ImportReportToJson(*report);
  if (!report->committed && !o.dry_run) {
    return SendError(res,
                     Status(StatusCode::kInvalidArgument,
                            std::to_string(report->rejected.size()) +
                                " rows rejected, nothing imported (fix them, or keep the valid "
                                "rows with skip_invalid=true)"),
                     out);
  }
  SendJson(res, 200, out);
}

// GET /api/v1/export?format=F[&id_scheme=]: the public registry as a file.
void Export(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status p = CheckParams(req, {"format", "id_scheme"});
  if (!p.ok()) return SendError(res, p);
  interop::ExportOptions o;
  o.format = Param(req, "format");
  if (o.format.empty()) {
    return SendError(
        res, InvalidArgument("format: required, one of " + Join(interop::ExportFormats(), ", ")));
  }
  o.id_scheme = Param(req, "id_scheme", o.id_scheme);
  o.base_url = ctx.options.public_url;
  auto store = ctx.pool->Acquire();
  registry::Registry reg(*store, *ctx.clock, ctx.taxonomy);
  auto text = interop::ExportActors(reg, o);
  if (!text.ok()) return SendError(res, text.status());
  res.status = 200;
  res.set_header("Content-Disposition",
                 "attachment; filename=\"ecosol." + interop::ExtensionOf(o.format) + "\"");
  res.set_content(std::move(*text), interop::MediaTypeOf(o.format));
}

// GET /murmurations/{id}.json: a public actor's profile for the Murmurations index.
void MurmurationsProfile(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status p = CheckParams(req, {});
  if (!p.ok()) return SendError(res, p);
  const std::string file = req.matches[1];
  const std::string kSuffix = ".json";
  if (file.size() <= kSuffix.size() ||
      file.compare(file.size() - kSuffix.size(), kSuffix.size(), kSuffix) != 0) {
    return SendError(res, NotFound("no profile here: profiles are at /murmurations/{id}.json"));
  }
  std::string id = file.substr(0, file.size() - kSuffix.size());
  auto store = ctx.pool->Acquire();
  registry::Registry reg(*store, *ctx.clock, ctx.taxonomy);
  auto actor = reg.GetActor(id);
  std::optional<model::Actor> view;
  if (actor.ok()) view = registry::PublicView(std::move(*actor));
  if (!view) return SendError(res, NotFound("actor '" + id + "': no public profile"));
  SendJson(res, 200, interop::MurmurationsProfile(*view, ctx.options.public_url));
}

}  // namespace

void AddInteropRoutes(Router& router, ApiContext& ctx) {
  router.Add("POST", "/api/v1/imports", Bind(ctx, ImportUpload));
  router.Add("GET", "/api/v1/export", Bind(ctx, Export));
  router.Add("GET", "/murmurations/{file}", Bind(ctx, MurmurationsProfile));
}

}  // namespace ecosol::http
