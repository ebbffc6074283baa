#include "serve_config.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <sstream>
#include <utility>
#include <vector>

namespace ecosol::cli {
namespace {

std::string KeyOf(const CLI::Option& opt) {
  std::string key = opt.get_single_name();  // "db-connections"
  std::replace(key.begin(), key.end(), '-', '_');
  return key;
}

std::string EnvNameOf(const std::string& key) {
  std::string name = "ECOSOL_";
  for (char c : key) name += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return name;
}

std::string Where(const std::string& file, const toml::node& node) {
  const toml::source_region& src = node.source();
  return file + ":" + std::to_string(src.begin.line);
}

// A TOML value as the strings CLI11 reads: scalars as written on a command line, arrays item
// by item. Nullopt for tables and other types.
std::optional<std::vector<std::string>> Strings(const toml::node& node) {
  auto scalar = [](const toml::node& n) -> std::optional<std::string> {
    if (auto s = n.value<std::string>(); s && n.is_string()) return *s;
    if (n.is_boolean()) return *n.value<bool>() ? "true" : "false";
    if (n.is_integer()) return std::to_string(*n.value<int64_t>());
    if (n.is_floating_point()) {
      std::ostringstream text;
      text << *n.value<double>();
      return text.str();
    }
    return std::nullopt;
  };
  if (const toml::array* items = node.as_array()) {
    std::vector<std::string> out;
    for (const toml::node& item : *items) {
      auto s = scalar(item);
      if (!s) return std::nullopt;
      out.push_back(*s);
    }
    return out;
  }
  auto s = scalar(node);
  if (!s) return std::nullopt;
  return std::vector<std::string>{*s};
}

struct Setting {
  CLI::Option* option;
  std::vector<std::string> values;
  std::string source;  // for errors: "ECOSOL_PORT" or "/etc/ecosol/ecosol.toml:4 (serve.port)"
};

std::string Known(const std::vector<CLI::Option*>& options) {
  std::string out = "db";
  for (const CLI::Option* opt : options) out += ", " + KeyOf(*opt);
  return out;
}

}  // namespace

EnvLookup ProcessEnvironment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (!value) return std::nullopt;
    return std::string(value);
  };
}

Status ApplyServeConfig(CLI::App& serve, const std::string& file, const EnvLookup& env) {
  // The options a file or the environment may set: every named option but --help and --config.
  std::vector<CLI::Option*> options;
  for (CLI::Option* opt : serve.get_options()) {
    const std::string name = opt->get_single_name();
    if (opt->get_lnames().empty() || name == "help" || name == "config") continue;
    options.push_back(opt);
  }
  toml::table doc;
  if (!file.empty()) {
    try {
      doc = toml::parse_file(file);
    } catch (const toml::parse_error& e) {
      const auto& where = e.source().begin;
      return InvalidArgument("--config: " + file + ":" + std::to_string(where.line) + ":" +
                             std::to_string(where.column) +
                             ": not valid TOML: " + std::string(e.description()));
    }
  }
  std::vector<Setting> settings;
  CLI::Option* db = serve.get_parent() ? serve.get_parent()->get_option_no_throw("--db") : nullptr;
  const toml::table* table = nullptr;
  for (const auto& [key, node] : doc) {
    const std::string k(key.str());
    if (k == "serve" && node.is_table()) {
      table = node.as_table();
    } else if (k == "db" && node.is_string()) {
      if (db && db->count() == 0 && !env("ECOSOL_DB")) {
        settings.push_back({db, {*node.value<std::string>()}, Where(file, node) + " (db)"});
      }
    } else {
      return InvalidArgument("--config: " + Where(file, node) + ": unknown key '" + k +
                             "'; the file has a top-level 'db' (a string) and a [serve] table");
    }
  }
  if (table) {
    for (const auto& [key, node] : *table) {
      const std::string k(key.str());
      const auto it = std::find_if(options.begin(), options.end(),
                                   [&](const CLI::Option* o) { return KeyOf(*o) == k; });
      if (it == options.end()) {
        return InvalidArgument("--config: " + Where(file, node) + ": unknown key 'serve." + k +
                               "'; known keys: " + Known(options));
      }
      auto values = Strings(node);
      if (!values) {
        return InvalidArgument("--config: " + Where(file, node) + ": 'serve." + k +
                               "' must be a string, number, boolean or array of them");
      }
      if ((*it)->count() == 0 && !env(EnvNameOf(k))) {
        settings.push_back({*it, std::move(*values), Where(file, node) + " (serve." + k + ")"});
      }
    }
  }
  for (CLI::Option* opt : options) {
    if (opt->count() > 0) continue;  // the command line (or the option's own variable) set it
    const std::string name = EnvNameOf(KeyOf(*opt));
    if (auto value = env(name)) {
      std::vector<std::string> values;
      // Options taking several values (--cors-origin) read a comma-separated list.
      if (opt->get_items_expected_max() > 1) {
        std::stringstream list(*value);
        for (std::string item; std::getline(list, item, ',');) {
          if (!item.empty()) values.push_back(item);
        }
      } else {
        values.push_back(*value);
      }
      settings.push_back({opt, std::move(values), name});
    }
  }
  // Each value goes through the option's own conversion and checks. On a refusal the caller
  // does not serve, so the options applied before it do not matter.
  for (const Setting& s : settings) {
    try {
      s.option->clear();
      for (const std::string& value : s.values) s.option->add_result(value);
      s.option->run_callback();
    } catch (const CLI::Error& e) {
      return InvalidArgument(s.source + ": " + e.what());
    }
  }
  return Status::Ok();
}

}  // namespace ecosol::cli
