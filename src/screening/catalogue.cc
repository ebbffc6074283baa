// Loading a frameworks folder: the fact catalogue first (every rule is checked against it), the
// statutes mapping, then each framework file in name order.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "ecosol/screening/framework.h"

namespace ecosol::screening {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

Result<json> ReadYaml(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return NotFound("cannot read '" + file.string() +
                    "' (is --frameworks pointing at the project's frameworks folder?)");
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return YamlToJson(buffer.str(), file.string());
}

Result<std::vector<FactSpec>> ParseFacts(const json& doc, const std::string& where) {
  static const std::set<std::string> kTypes = {"boolean", "number", "share",     "money",   "count",
                                               "string",  "enum",   "enum_list", "colleges"};
  if (!doc.is_object() || !doc.contains("facts") || !doc["facts"].is_array()) {
    return InvalidArgument(where + ": expected a map with a 'facts' list");
  }
  std::vector<FactSpec> facts;
  std::set<std::string> seen;
  for (const json& f : doc["facts"]) {
    if (!f.is_object()) return InvalidArgument(where + ": each fact must be a map {path, ...}");
    FactSpec spec;
    spec.path = f.value("path", "");
    std::string w = where + ": fact '" + spec.path + "'";
    if (spec.path.empty()) return InvalidArgument(where + ": a fact has no 'path'");
    if (!seen.insert(spec.path).second) return InvalidArgument(w + ": listed twice");
    spec.subject = f.value("subject", "");
    spec.type = f.value("type", "");
    if (!kTypes.count(spec.type)) return InvalidArgument(w + ": unknown type '" + spec.type + "'");
    if (f.contains("values")) spec.values = f["values"].get<std::vector<std::string>>();
    if ((spec.type == "enum" || spec.type == "enum_list") && spec.values.empty()) {
      return InvalidArgument(w + ": an enum needs its 'values'");
    }
    if (f.contains("label") && f["label"].is_object()) {
      for (const auto& [lang, text] : f["label"].items()) {
        if (text.is_string()) spec.label[lang] = text.get<std::string>();
      }
    }
    if (!spec.label.count("en")) return InvalidArgument(w + ": needs an English label");
    facts.push_back(std::move(spec));
  }
  return facts;
}

Result<std::vector<Catalogue::StatutesMapping>> ParseMappings(const json& doc,
                                                              const std::vector<FactSpec>& facts,
                                                              const std::string& where) {
  if (!doc.is_object() || !doc.contains("mappings") || !doc["mappings"].is_array()) {
    return InvalidArgument(where + ": expected a map with a 'mappings' list");
  }
  std::vector<Catalogue::StatutesMapping> out;
  for (const json& m : doc["mappings"]) {
    if (!m.is_object())
      return InvalidArgument(where + ": each mapping must be a map {clause, ...}");
    Catalogue::StatutesMapping mapping;
    mapping.clause = m.value("clause", "");
    mapping.polarity = m.value("polarity", "");
    mapping.fact = m.value("fact", "");
    mapping.value = m.contains("value") ? m["value"] : json();
    mapping.bound = m.value("bound", "");
    std::string w = where + ": mapping of '" + mapping.clause + "'";
    if (!mapping.bound.empty() && mapping.bound != "max" && mapping.bound != "min") {
      return InvalidArgument(w + ": bound must be max or min");
    }
    if (mapping.polarity != "affirmed" && mapping.polarity != "negated") {
      return InvalidArgument(w + ": polarity must be affirmed or negated");
    }
    if (std::none_of(facts.begin(), facts.end(),
                     [&](const FactSpec& f) { return f.path == mapping.fact; })) {
      return InvalidArgument(w + ": unknown fact '" + mapping.fact + "'");
    }
    out.push_back(std::move(mapping));
  }
  return out;
}

}  // namespace

const Framework* Catalogue::Find(std::string_view id) const {
  for (const Framework& f : frameworks_) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

const FactSpec* Catalogue::FindFact(std::string_view path) const {
  for (const FactSpec& f : facts_) {
    if (f.path == path) return &f;
  }
  return nullptr;
}

Result<std::shared_ptr<const Catalogue>> LoadFolder(const std::string& dir);

Result<std::shared_ptr<const Catalogue>> LoadFrameworks(const std::string& dir) {
  try {
    return LoadFolder(dir);
  } catch (const json::exception& e) {
    return InvalidArgument(dir + ": a value has the wrong type (" + std::string(e.what()) + ")");
  }
}

Result<std::shared_ptr<const Catalogue>> LoadFolder(const std::string& dir) {
  auto catalogue = std::make_shared<Catalogue>();
  fs::path root(dir);
  auto facts_doc = ReadYaml(root / "facts.yaml");
  if (!facts_doc.ok()) return facts_doc.status();
  auto facts = ParseFacts(*facts_doc, (root / "facts.yaml").string());
  if (!facts.ok()) return facts.status();
  catalogue->facts_ = std::move(*facts);
  auto mapping_doc = ReadYaml(root / "statutes-facts.yaml");
  if (!mapping_doc.ok()) return mapping_doc.status();
  auto mappings =
      ParseMappings(*mapping_doc, catalogue->facts_, (root / "statutes-facts.yaml").string());
  if (!mappings.ok()) return mappings.status();
  catalogue->mappings_ = std::move(*mappings);

  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(root, ec)) {
    const fs::path& p = entry.path();
    std::string name = p.filename().string();
    if (p.extension() != ".yaml" || name == "facts.yaml" || name == "statutes-facts.yaml") {
      continue;
    }
    files.push_back(p);
  }
  if (ec) return NotFound("cannot list '" + dir + "': " + ec.message());
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    auto doc = ReadYaml(file);
    if (!doc.ok()) return doc.status();
    // The ecosystem building blocks (frameworks/building-blocks.yaml) and partner assets
    // (frameworks/partner-assets.yaml) share the folder but are read by ecosystem/, the
    // transfer context (frameworks/transfer-context.yaml) by knowledge/, the finance
    // frameworks (kinds finance_*: frameworks/finance-*.yaml) by finance/; none is screened
    // against.
    const std::string kind = doc->is_object() ? doc->value("kind", "") : "";
    if (kind == "building_blocks" || kind == "partner_assets" || kind == "transfer_context" ||
        kind.rfind("finance_", 0) == 0) {
      continue;
    }
    auto framework = ParseFramework(*doc, catalogue->facts_, file.string());
    if (!framework.ok()) return framework.status();
    if (framework->id != file.stem().string()) {
      return InvalidArgument(file.string() + ": id '" + framework->id +
                             "' differs from the file name (name the file '" + framework->id +
                             ".yaml')");
    }
    catalogue->frameworks_.push_back(std::move(*framework));
  }
  if (catalogue->frameworks_.empty()) {
    return NotFound("no framework in '" + dir + "' (expected files such as un-ilo.yaml)");
  }
  return std::shared_ptr<const Catalogue>(std::move(catalogue));
}

}  // namespace ecosol::screening
