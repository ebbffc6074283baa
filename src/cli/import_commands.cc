// `ecosol import` and `ecosol export`.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "context.h"
#include "ecosol/base/clock.h"
#include "ecosol/base/strings.h"
#include "ecosol/interop/importer.h"
#include "ecosol/jobs/worker.h"

namespace ecosol::cli {
namespace {

struct ImportArgs {
  std::string file;
  std::string mapping;  // --mapping: the YAML mapping file of format csv
  interop::FileImportOptions options;
  bool json = false;
  bool background = false;  // --background: queue it for a worker
};

void PrintText(Context& ctx, const std::string& file, const registry::ImportReport& r) {
  for (const auto& e : r.rejected) {
    *ctx.err << file << ":" << e.line << ": " << (e.field.empty() ? "" : e.field + ": ")
             << e.message << "\n";
  }
  if (r.committed) {
    *ctx.out << file << ": " << r.imported << " imported, " << r.updated << " updated, "
             << r.unchanged << " unchanged, " << r.rejected.size() << " rejected\n";
  }
}

// Format csv reads the spreadsheet through a mapping file; other formats take none.
Status LoadMapping(ImportArgs& args) {
  if (args.options.format != "csv") {
    if (args.mapping.empty()) return Status::Ok();
    return InvalidArgument("--mapping: only format csv reads a mapping (--format csv)");
  }
  if (args.mapping.empty()) {
    return InvalidArgument(
        "--mapping: required with --format csv: the YAML file that says which column gives which "
        "field (see docs/formats/csv-mapping.md and the examples in data/mappings/)");
  }
  auto text = interop::ReadFile(args.mapping);
  if (!text.ok()) return text.status().WithContext("--mapping");
  args.options.mapping = std::move(*text);
  args.options.mapping_name = args.mapping;
  return Status::Ok();
}

// --background: the file goes into the database with a queued "import" job, which a worker
// (`ecosol worker`, or a server's --workers) runs; `ecosol jobs show ID` follows it.
void QueueImport(Context& ctx, ImportArgs& args, Session& s) {
  if (args.options.format == "ecosol-json" ||
      std::find(interop::ImportFormats().begin(), interop::ImportFormats().end(),
                args.options.format) == interop::ImportFormats().end()) {
    return Fail(
        ctx, InvalidArgument("--format: '" + args.options.format + "' cannot be queued; one of " +
                             Join(interop::ImportFormats(), ", ") +
                             " (ecosol-json is imported at once)"));
  }
  auto text = interop::ReadFile(args.file);
  if (!text.ok()) return Fail(ctx, text.status());
  auto job = jobs::EnqueueImport(*s.store, args.options,
                                 std::filesystem::path(args.file).filename().string(), *text,
                                 CliAuditWho(), "local", FormatTimestamp(SystemClock().Now()));
  if (!job.ok()) return Fail(ctx, job.status());
  if (args.json) {
    *ctx.out << jobs::JobToJson(*job).dump(2) << "\n";
  } else {
    *ctx.out << "queued " << job->id << ": a worker imports " << args.file
             << "; follow it with `ecosol jobs show " << job->id << "`\n";
  }
}

void RunImport(Context& ctx, ImportArgs& args) {
  if (Status m = LoadMapping(args); !m.ok()) return Fail(ctx, m);
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  if (args.background) return QueueImport(ctx, args, *s);
  if (!args.json) args.options.progress = ImportProgressDisplay(ctx, "importing " + args.file);
  args.options.load_alone = true;
  auto report = interop::ImportFile(*s->registry, args.file, args.options);
  if (!report.ok()) return Fail(ctx, report.status());
  if (args.json) {
    *ctx.out << interop::ImportReportToJson(*report).dump(2) << "\n";
  } else {
    PrintText(ctx, args.file, *report);
  }
  if (!report->committed && !args.options.dry_run) {
    Fail(ctx, InvalidArgument(std::to_string(report->rejected.size()) +
                              " rows rejected, nothing imported (fix them, or keep the valid "
                              "rows with --skip-invalid)"));
  } else if (!report->committed) {
    *ctx.err << "dry run: nothing written\n";
  }
}

void RunExport(Context& ctx, const interop::ExportOptions& options, const std::string& output) {
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto text = interop::ExportActors(*s->registry, options);
  if (!text.ok()) return Fail(ctx, text.status());
  if (output.empty() || output == "-") {
    *ctx.out << *text;
    return;
  }
  std::string tmp = output + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary);
    f << *text;
    if (!f) return Fail(ctx, Unavailable("cannot write '" + tmp + "'"));
  }
  if (std::rename(tmp.c_str(), output.c_str()) != 0) {
    return Fail(ctx, Unavailable("cannot move '" + tmp + "' to '" + output + "'"));
  }
  *ctx.err << "exported to " << output << "\n";
}

}  // namespace

void AddImportCommands(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* imp = app.add_subcommand("import", "Import a file into the registry (one transaction)");
  imp->add_option("file", args->file, "The file to import")->required();
  imp->add_option("--format", args->options.format,
                  "Format: " + Join(interop::ImportFormats(), ", "))
      ->capture_default_str();
  imp->add_option("--source", args->options.source,
                  "Provenance source name (default: the file name)");
  imp->add_option("--id-scheme", args->options.id_scheme,
                  "Identifier scheme of the file's ids, used to match rows on re-import "
                  "(default: the source; coops-uk for the coops-uk formats)");
  imp->add_option("--id-prefix", args->options.id_prefix, "Prefix of new actor ids");
  imp->add_option("--lang", args->options.lang, "Language of names and descriptions")
      ->capture_default_str();
  imp->add_option("--claim", args->options.claims,
                  "What every actor of the file claims to be (repeatable), e.g. cooperative");
  imp->add_option("--attribution", args->options.attribution,
                  "Attribution the data's licence requires, shown with the data in the web app");
  imp->add_flag("--skip-invalid", args->options.skip_invalid,
                "Import the valid rows even when some are rejected");
  imp->add_flag("--dry-run", args->options.dry_run, "Validate only; write nothing");
  imp->add_option("--murmurations-schemas", args->options.murmurations_schemas,
                  "Folder of the Murmurations JSON Schemas and field files (format murmurations)")
      ->envname("ECOSOL_MURMURATIONS_SCHEMAS");
  imp->add_option("--mapping", args->mapping,
                  "Format csv: the YAML mapping file saying which column gives which field "
                  "(docs/formats/csv-mapping.md)");
  imp->add_flag("--json", args->json, "Print the report as JSON");
  imp->add_flag("--background", args->background,
                "Queue the import for a worker (`ecosol worker`, or a server's --workers) and "
                "print the job's id instead of importing now");
  imp->callback([&ctx, args] { RunImport(ctx, *args); });

  auto options = std::make_shared<interop::ExportOptions>();
  auto output = std::make_shared<std::string>();
  CLI::App* exp = app.add_subcommand("export", "Export the public registry");
  exp->add_option("--format", options->format, "Format: " + Join(interop::ExportFormats(), ", "))
      ->capture_default_str();
  exp->add_option("--id-scheme", options->id_scheme,
                  "Identifier scheme written as each actor's identifier (the actor id when "
                  "an actor has none)")
      ->capture_default_str();
  exp->add_option("--base-url", options->base_url,
                  "Where the instance is served: the base of actor IRIs and profile URLs")
      ->capture_default_str();
  exp->add_option("-o,--output", *output, "Output file (default: standard output)");
  exp->callback([&ctx, options, output] { RunExport(ctx, *options, *output); });
}

}  // namespace ecosol::cli
