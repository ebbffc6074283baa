#include "ecosystem_cli.h"

#include <iomanip>
#include <sstream>

#include "ecosol/ecosystem/blocks_service.h"

namespace ecosol::cli {

std::string Fixed(double v, int precision) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(precision) << v;
  return s.str();
}

std::string In(const std::map<std::string, std::string>& text, const std::string& lang) {
  auto it = text.find(lang);
  if (it != text.end()) return it->second;
  it = text.find("en");
  return it == text.end() ? "" : it->second;
}

ecosystem::SnapshotScope Everything() {
  ecosystem::SnapshotScope scope;
  scope.audience.everything = true;
  return scope;
}

void AddLangJson(CLI::App* cmd, const std::shared_ptr<LangJsonOptions>& options,
                 const std::string& what, std::function<void()> run) {
  CLI::Option* lang =
      cmd->add_option("--lang", options->lang, "Language of the texts (en, fr, es, pt)")
          ->capture_default_str();
  cmd->add_flag("--json", options->json,
                "Print the " + what + " as JSON (texts in four languages, or in --lang's)");
  cmd->callback([options, lang, run = std::move(run)] {
    options->lang_given = lang->count() > 0;
    run();
  });
}

void PrintJson(std::ostream& out, const nlohmann::json& doc, const LangJsonOptions& options) {
  out << (options.lang_given ? ecosystem::Localize(doc, options.lang) : doc).dump(2) << "\n";
}

}  // namespace ecosol::cli
