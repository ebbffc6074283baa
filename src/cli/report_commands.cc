// `ecosol ecosystem report`: the territory report (docs/reports.md) as a standalone HTML page or
// a PDF, in en, fr, es or pt. Run where the database is, it sees every actor as an admin does.

#include <filesystem>
#include <fstream>

#include "context.h"
#include "ecosol/base/clock.h"
#include "ecosol/ecosystem/blocks_service.h"
#include "ecosol/jobs/worker.h"
#include "ecosol/report/territory.h"
#include "ecosystem_cli.h"

namespace ecosol::cli {
namespace {

struct ReportArgs {
  std::string territory;
  std::string lang = "en";
  std::string format;  // html | pdf; default: from the output's extension, else html
  std::string output;
  bool background = false;  // queue it for a worker
  bool json = false;        // with --background: print the job as JSON
};

Result<std::string> FormatOf(const ReportArgs& args) {
  std::string format = args.format;
  if (format.empty()) {
    const std::string ext = std::filesystem::path(args.output).extension().string();
    format = ext == ".pdf" ? "pdf" : "html";
  }
  if (format != "html" && format != "pdf") {
    return InvalidArgument("--format: expected html or pdf, got '" + format + "'");
  }
  if (format == "pdf" && args.output.empty()) {
    return InvalidArgument("--format pdf: give the file to write with -o FILE.pdf");
  }
  return format;
}

// --background: a "report" job, which a worker (`ecosol worker`, or a server's worker threads)
// writes; `ecosol jobs output ID -o FILE` saves it.
void QueueReport(Context& ctx, const ReportArgs& args) {
  if (!args.output.empty()) {
    return Fail(ctx, InvalidArgument("-o: not with --background (the worker keeps the report "
                                     "with the job; save it with `ecosol jobs output ID -o "
                                     "FILE`)"));
  }
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  const nlohmann::json params = {{"territory", args.territory},
                                 {"lang", args.lang},
                                 {"format", args.format.empty() ? "html" : args.format}};
  auto job = jobs::EnqueueAnalysis(*s->store, "report", params, CliAuditWho(),
                                   FormatTimestamp(SystemClock().Now()));
  if (!job.ok()) return Fail(ctx, job.status());
  PrintQueued(ctx, *job, args.json);
}

void RunReport(Context& ctx, const ReportArgs& args) {
  if (args.background) return QueueReport(ctx, args);
  Status lang = ecosystem::CheckLanguage(args.lang);
  if (!lang.ok()) return Fail(ctx, lang);
  auto format = FormatOf(args);
  if (!format.ok()) return Fail(ctx, format.status());
  auto framework = ecosystem::BlocksFrameworkIn(FrameworksDir(ctx));
  if (!framework.ok()) return Fail(ctx, framework.status());
  auto s = OpenSession(ctx, false);
  if (!s.ok()) return Fail(ctx, s.status());
  auto doc = report::TerritoryReportFor(*s->store, Everything(), **framework, args.territory,
                                        args.lang, FormatDate(SystemClock().Now()));
  if (!doc.ok()) return Fail(ctx, doc.status());
  std::string bytes;
  if (*format == "pdf") {
    auto pdf = report::RenderPdf(*doc);
    if (!pdf.ok()) return Fail(ctx, pdf.status());
    bytes = std::move(*pdf);
  } else {
    bytes = report::RenderHtml(*doc);
  }
  if (args.output.empty()) {
    *ctx.out << bytes;
    return;
  }
  // Written beside the target and renamed, so a failure never leaves half a file.
  const std::string tmp = args.output + ".part";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      std::filesystem::remove(tmp);
      return Fail(ctx, InvalidArgument("-o: cannot write '" + args.output +
                                       "': check that its folder exists and is writable"));
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, args.output, ec);
  if (ec) {
    std::filesystem::remove(tmp);
    return Fail(ctx, InvalidArgument("-o: cannot write '" + args.output + "': " + ec.message()));
  }
  *ctx.out << "wrote " << args.output << " (" << *format << ", " << bytes.size()
           << " bytes): " << doc->title << "\n";
}

}  // namespace

void AddReportCommands(CLI::App& app, Context& ctx) {
  CLI::App* eco = app.get_subcommand("ecosystem");
  auto args = std::make_shared<ReportArgs>();
  CLI::App* cmd = eco->add_subcommand(
      "report", "A territory's ecosystem report (HTML or PDF): blocks, map, network, dynamics");
  cmd->add_option("--territory", args->territory, "The territory (CA/QC)")->required();
  cmd->add_option("--lang", args->lang, "Language of the report (en, fr, es, pt)")
      ->capture_default_str();
  cmd->add_option("--format", args->format,
                  "html or pdf (default: from -o's extension, else html)");
  cmd->add_option("-o,--output", args->output,
                  "The file to write (default: the HTML on standard output)");
  cmd->add_flag("--background", args->background,
                "Queue it for a worker (`ecosol worker`, or a server's) instead of writing it now");
  cmd->add_flag("--json", args->json, "With --background: print the queued job as JSON");
  cmd->callback([&ctx, args] { RunReport(ctx, *args); });
}

}  // namespace ecosol::cli
