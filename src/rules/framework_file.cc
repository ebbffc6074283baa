// Reading YAML frameworks (framework_file.h).

#include "ecosol/rules/framework_file.h"

#include <fstream>
#include <sstream>
#include <vector>

#include "ecosol/rules/yaml_json.h"

namespace ecosol::rules {

using nlohmann::json;

Result<json> ReadFrameworkFile(const std::string& path, const std::string& name) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return NotFound("cannot read '" + path + "' (point at the project's frameworks/" + name + ")");
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return YamlToJson(buffer.str(), path);
}

Result<FrameworkHead> ParseFrameworkHead(const json& doc, const std::string& kind,
                                         const std::string& where) {
  if (!doc.is_object()) return InvalidArgument(where + ": expected a map at the top level");
  auto k = doc.find("kind");
  if (k == doc.end() || !k->is_string() || k->get<std::string>() != kind) {
    return InvalidArgument(where + ": 'kind' must be " + kind);
  }
  FrameworkHead head;
  auto id = doc.find("id");
  auto version = doc.find("version");
  if (id != doc.end() && id->is_string()) head.id = id->get<std::string>();
  if (version != doc.end() && version->is_string()) head.version = version->get<std::string>();
  if (head.id.empty() || head.version.empty()) {
    return InvalidArgument(where + ": needs an 'id' and a quoted 'version'");
  }
  return head;
}

Result<std::map<std::string, std::string>> ParseTexts(const json& parent, const std::string& key,
                                                      const std::string& where) {
  static const std::vector<std::string> kLanguages = {"en", "fr", "es", "pt"};
  auto it = parent.find(key);
  if (it == parent.end() || !it->is_object()) {
    return InvalidArgument(where + ": needs '" + key + "' with texts in en, fr, es and pt");
  }
  std::map<std::string, std::string> text;
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

}  // namespace ecosol::rules
