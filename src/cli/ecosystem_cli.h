#pragma once

// Private to the cli module: what the ecosystem commands (blocks, compare, partners, brokers)
// share: number and text formatting, the admin's view of the registry, and the --lang/--json
// options.

#include <CLI/CLI.hpp>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "ecosol/ecosystem/service.h"

namespace ecosol::cli {

// `v` with `precision` decimals.
std::string Fixed(double v, int precision);
// `text` in `lang`, else in English, else "".
std::string In(const std::map<std::string, std::string>& text, const std::string& lang);
// The whole registry as an admin sees it: the commands run where the database is.
ecosystem::SnapshotScope Everything();

struct LangJsonOptions {
  std::string lang = "en";
  bool lang_given = false;  // set by AddLangJson's callback
  bool json = false;
};

// Adds --lang and --json to `cmd` and, as its callback, `run` once lang_given is known.
void AddLangJson(CLI::App* cmd, const std::shared_ptr<LangJsonOptions>& options,
                 const std::string& what, std::function<void()> run);
// `doc` as indented JSON: texts in four languages, or in --lang's when it was given.
void PrintJson(std::ostream& out, const nlohmann::json& doc, const LangJsonOptions& options);

}  // namespace ecosol::cli
