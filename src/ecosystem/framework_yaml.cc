// Reading the ecosystem module's YAML frameworks (framework_yaml.h).

#include "framework_yaml.h"

#include <fstream>
#include <sstream>
#include <vector>

#include "ecosol/rules/yaml_json.h"

namespace ecosol::ecosystem::internal {

using nlohmann::json;

Result<Text> ParseText(const json& parent, const std::string& key, const std::string& where) {
  static const std::vector<std::string> kLanguages = {"en", "fr", "es", "pt"};
  auto it = parent.find(key);
  if (it == parent.end() || !it->is_object()) {
    return InvalidArgument(where + ": needs '" + key + "' with texts in en, fr, es and pt");
  }
  Text text;
  for (const std::string& lang : kLanguages) {
    auto t = it->find(lang);
    if (t == it->end() || !t->is_string() || t->get<std::string>().empty()) {
      return InvalidArgument(where + ": '" + key + "' has no text in '" + lang +
                             "' (add it: every text is given in en, fr, es and pt)");
    }
    text[lang] = t->get<std::string>();
  }
  return text;
}

Result<json> ReadFrameworkYaml(const std::string& path, const std::string& name) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return NotFound("cannot read '" + path + "' (point at the project's frameworks/" + name + ")");
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return rules::YamlToJson(buffer.str(), path);
}

}  // namespace ecosol::ecosystem::internal
