// Loading the building-blocks framework. Every check names the file and the entry, so that an
// editor of frameworks/building-blocks.yaml can find and fix the mistake.

#include <algorithm>
#include <set>

#include "ecosol/ecosystem/blocks.h"
#include "ecosol/rules/framework_file.h"

namespace ecosol::ecosystem {
namespace {

using nlohmann::json;

// The seven blocks of Canada's Social Innovation and Social Finance Strategy (DOMAIN.md 3).
const std::vector<std::string> kBlocks = {
    "capacity_building",         "investment_and_funds", "market_access",
    "enabling_policy",           "knowledge_transfer",   "data_and_measurement",
    "awareness_and_mobilisation"};
const std::vector<std::string> kTypes = {"arid", "artificial", "fertile", "enabling"};
const std::vector<std::string> kTexts = {"dimension_present",  "dimension_absent", "type_reason",
                                         "population_unknown", "signal_absent",    "block_gap",
                                         "type_differs"};

Result<std::string> ParseId(const json& entry, const std::string& where) {
  if (!entry.is_object()) return InvalidArgument(where + ": expected a map with an 'id'");
  auto it = entry.find("id");
  if (it == entry.end() || !it->is_string() || it->get<std::string>().empty()) {
    return InvalidArgument(where + ": an entry has no 'id'");
  }
  return it->get<std::string>();
}

Result<std::shared_ptr<const rules::Rule>> ParseRule(const json& entry, const std::string& where) {
  auto it = entry.find("rule");
  if (it == entry.end()) return InvalidArgument(where + ": needs a JSON Logic 'rule'");
  auto rule = rules::Rule::Compile(*it);
  if (!rule.ok()) {
    return InvalidArgument(where + ": rule does not compile: " + rule.status().message());
  }
  return std::make_shared<const rules::Rule>(std::move(*rule));
}

Result<std::vector<CrosswalkArea>> ParseAreas(const json& doc, const std::string& key,
                                              size_t expected, const std::string& where) {
  auto it = doc.find(key);
  if (it == doc.end() || !it->is_array() || it->size() != expected) {
    return InvalidArgument(where + ": '" + key + "' must list " + std::to_string(expected) +
                           " entries {id, label}");
  }
  std::vector<CrosswalkArea> out;
  for (const json& entry : *it) {
    auto id = ParseId(entry, where + ": " + key);
    if (!id.ok()) return id.status();
    auto label = rules::ParseTexts(entry, "label", where + ": " + key + " '" + *id + "'");
    if (!label.ok()) return label.status();
    out.push_back({*id, *label});
  }
  return out;
}

Result<std::vector<std::string>> ParseRefs(const json& entry, const std::string& key,
                                           const std::vector<CrosswalkArea>& known,
                                           const std::string& where) {
  auto it = entry.find(key);
  if (it == entry.end() || !it->is_array() || it->empty()) {
    return InvalidArgument(where + ": needs '" + key + "', a list of crosswalk ids");
  }
  std::vector<std::string> out;
  for (const json& ref : *it) {
    std::string id = ref.is_string() ? ref.get<std::string>() : "";
    bool listed =
        std::any_of(known.begin(), known.end(), [&](const CrosswalkArea& a) { return a.id == id; });
    if (!listed) {
      return InvalidArgument(where + ": '" + key + "' names '" + id +
                             "', which is not listed (check the spelling)");
    }
    out.push_back(id);
  }
  return out;
}

Status ParseRoles(const json& doc, const std::string& where, BlocksFramework* f) {
  auto it = doc.find("roles");
  if (it == doc.end() || !it->is_array()) return InvalidArgument(where + ": needs 'roles'");
  for (const json& entry : *it) {
    auto id = ParseId(entry, where + ": roles");
    if (!id.ok()) return id.status();
    std::string w = where + ": role '" + *id + "'";
    auto label = rules::ParseTexts(entry, "label", w);
    if (!label.ok()) return label.status();
    auto rule = ParseRule(entry, w);
    if (!rule.ok()) return rule.status();
    f->roles.push_back({*id, *label, *rule});
  }
  f->sse_role = doc.value("sse_role", "");
  bool known = std::any_of(f->roles.begin(), f->roles.end(),
                           [&](const ActorRole& r) { return r.id == f->sse_role; });
  if (!known) return InvalidArgument(where + ": 'sse_role' must name one of the roles");
  return Status::Ok();
}

Result<Block> ParseBlock(const json& entry, const BlocksFramework& f, const std::string& where,
                         std::set<std::string>* statement_ids) {
  auto id = ParseId(entry, where + ": blocks");
  if (!id.ok()) return id.status();
  std::string w = where + ": block '" + *id + "'";
  if (std::find(kBlocks.begin(), kBlocks.end(), *id) == kBlocks.end()) {
    return InvalidArgument(w +
                           ": not one of the seven blocks (capacity_building, "
                           "investment_and_funds, market_access, enabling_policy, "
                           "knowledge_transfer, data_and_measurement, "
                           "awareness_and_mobilisation)");
  }
  Block block{*id, {}, {}, {}, {}};
  auto label = rules::ParseTexts(entry, "label", w);
  if (!label.ok()) return label.status();
  block.label = *label;
  auto oecd = ParseRefs(entry, "oecd", f.oecd_areas, w);
  if (!oecd.ok()) return oecd.status();
  block.oecd_areas = *oecd;
  auto bept = ParseRefs(entry, "bept", f.bept_modules, w);
  if (!bept.ok()) return bept.status();
  block.bept_modules = *bept;
  auto st = entry.find("statements");
  if (st == entry.end() || !st->is_array() || st->empty()) {
    return InvalidArgument(w + ": needs 'statements' for raters to score");
  }
  for (const json& s : *st) {
    auto sid = ParseId(s, w + ": statements");
    if (!sid.ok()) return sid.status();
    if (!statement_ids->insert(*sid).second) {
      return InvalidArgument(w + ": statement '" + *sid + "' is listed twice");
    }
    auto text = rules::ParseTexts(s, "text", w + ": statement '" + *sid + "'");
    if (!text.ok()) return text.status();
    block.statements.push_back({*sid, *text});
  }
  return block;
}

Status ParseBlocks(const json& doc, const std::string& where, BlocksFramework* f) {
  auto it = doc.find("blocks");
  if (it == doc.end() || !it->is_array()) return InvalidArgument(where + ": needs 'blocks'");
  std::set<std::string> statement_ids;
  for (const json& entry : *it) {
    auto block = ParseBlock(entry, *f, where, &statement_ids);
    if (!block.ok()) return block.status();
    if (f->FindBlock(block->id)) {
      return InvalidArgument(where + ": block '" + block->id + "' is listed twice");
    }
    f->blocks.push_back(std::move(*block));
  }
  for (const std::string& id : kBlocks) {
    if (!f->FindBlock(id)) return InvalidArgument(where + ": block '" + id + "' is missing");
  }
  return Status::Ok();
}

Result<SignalSubject> ParseSubject(const json& entry, const std::string& where) {
  std::string subject = entry.value("subject", "");
  if (subject == "actor") return SignalSubject::kActor;
  if (subject == "tie") return SignalSubject::kTie;
  if (subject == "indicator") return SignalSubject::kIndicator;
  return InvalidArgument(where + ": subject '" + subject + "' is not actor, tie or indicator");
}

Result<Signal> ParseSignal(const json& entry, const BlocksFramework& f, const std::string& where) {
  auto id = ParseId(entry, where + ": signals");
  if (!id.ok()) return id.status();
  std::string w = where + ": signal '" + *id + "'";
  Signal s;
  s.id = *id;
  auto subject = ParseSubject(entry, w);
  if (!subject.ok()) return subject.status();
  s.subject = *subject;
  auto rule = ParseRule(entry, w);
  if (!rule.ok()) return rule.status();
  s.rule = *rule;
  auto min = entry.find("min");
  if (min != entry.end() && (!min->is_number_integer() || min->get<long long>() < 1)) {
    return InvalidArgument(w + ": 'min' must be a whole number of at least 1");
  }
  if (min != entry.end()) s.min_count = min->get<long long>();
  auto points = entry.find("points");
  if (points == entry.end() || !points->is_object() || points->empty()) {
    return InvalidArgument(w + ": needs 'points', a map {block id: points}");
  }
  for (auto p = points->begin(); p != points->end(); ++p) {
    if (!f.FindBlock(p.key()))
      return InvalidArgument(w + ": feeds unknown block '" + p.key() + "'");
    if (!p->is_number() || p->get<double>() <= 0 || p->get<double>() > 100) {
      return InvalidArgument(w + ": points for '" + p.key() + "' must be in (0, 100]");
    }
    s.points[p.key()] = p->get<double>();
  }
  auto present = rules::ParseTexts(entry, "present", w);
  if (!present.ok()) return present.status();
  s.present = *present;
  auto absent = rules::ParseTexts(entry, "absent", w);
  if (!absent.ok()) return absent.status();
  s.absent = *absent;
  return s;
}

Status ParseSignals(const json& doc, const std::string& where, BlocksFramework* f) {
  auto it = doc.find("signals");
  if (it == doc.end() || !it->is_array()) return InvalidArgument(where + ": needs 'signals'");
  std::set<std::string> ids;
  for (const json& entry : *it) {
    auto signal = ParseSignal(entry, *f, where);
    if (!signal.ok()) return signal.status();
    if (!ids.insert(signal->id).second) {
      return InvalidArgument(where + ": signal '" + signal->id + "' is listed twice");
    }
    f->signals.push_back(std::move(*signal));
  }
  return Status::Ok();
}

Result<double> Number(const json& parent, const std::string& key, double lo, double hi,
                      const std::string& where) {
  auto it = parent.find(key);
  if (it == parent.end() || !it->is_number() || it->get<double>() < lo || it->get<double>() > hi) {
    return InvalidArgument(where + ": '" + key + "' must be a number from " +
                           std::to_string(static_cast<int>(lo)) + " to " +
                           std::to_string(static_cast<int>(hi)));
  }
  return it->get<double>();
}

Status ParseScoring(const json& doc, const std::string& where, BlocksFramework* f) {
  const json scoring = doc.value("scoring", json::object());
  std::string w = where + ": scoring";
  auto hard = Number(scoring, "hard_weight", 0, 1, w);
  if (!hard.ok()) return hard.status();
  auto perception = Number(scoring, "perception_weight", 0, 1, w);
  if (!perception.ok()) return perception.status();
  if (*hard + *perception < 0.999 || *hard + *perception > 1.001) {
    return InvalidArgument(w + ": hard_weight and perception_weight must add up to 1");
  }
  auto covered = Number(scoring, "covered", 0, 100, w);
  if (!covered.ok()) return covered.status();
  auto gap = Number(scoring, "gap", 0, 100, w);
  if (!gap.ok()) return gap.status();
  f->hard_weight = *hard;
  f->perception_weight = *perception;
  f->covered = *covered;
  f->gap = *gap;
  return Status::Ok();
}

Result<Dimension> ParseDimension(const json& typing, const std::string& key,
                                 const BlocksFramework& f, const std::string& where) {
  std::string w = where + ": typing: " + key;
  auto it = typing.find(key);
  if (it == typing.end() || !it->is_object()) return InvalidArgument(w + ": missing");
  Dimension d;
  auto blocks = it->find("blocks");
  if (blocks == it->end() || !blocks->is_array() || blocks->empty()) {
    return InvalidArgument(w + ": needs 'blocks', a list of block ids");
  }
  for (const json& b : *blocks) {
    std::string id = b.is_string() ? b.get<std::string>() : "";
    if (!f.FindBlock(id)) return InvalidArgument(w + ": unknown block '" + id + "'");
    d.blocks.push_back(id);
  }
  auto threshold = Number(*it, "threshold", 0, 100, w);
  if (!threshold.ok()) return threshold.status();
  d.threshold = *threshold;
  auto label = rules::ParseTexts(*it, "label", w);
  if (!label.ok()) return label.status();
  d.label = *label;
  return d;
}

Status ParseTyping(const json& doc, const std::string& where, BlocksFramework* f) {
  const json typing = doc.value("typing", json::object());
  auto support = ParseDimension(typing, "institutional_support", *f, where);
  if (!support.ok()) return support.status();
  f->institutional_support = *support;
  auto vitality = ParseDimension(typing, "bottom_up_vitality", *f, where);
  if (!vitality.ok()) return vitality.status();
  f->bottom_up_vitality = *vitality;
  const json types = typing.value("types", json::object());
  for (const std::string& type : kTypes) {
    auto label = rules::ParseTexts(types, type, where + ": typing: types");
    if (!label.ok()) return label.status();
    f->type_labels[type] = *label;
  }
  const json texts = doc.value("texts", json::object());
  for (const std::string& key : kTexts) {
    auto text = rules::ParseTexts(texts, key, where + ": texts");
    if (!text.ok()) return text.status();
    f->texts[key] = *text;
  }
  return Status::Ok();
}

Result<std::shared_ptr<const BlocksFramework>> Parse(const json& doc, const std::string& where) {
  auto head = rules::ParseFrameworkHead(doc, "building_blocks", where);
  if (!head.ok()) return head.status();
  auto f = std::make_shared<BlocksFramework>();
  f->id = head->id;
  f->version = head->version;
  auto title = rules::ParseTexts(doc, "title", where);
  if (!title.ok()) return title.status();
  f->title = *title;
  auto oecd = ParseAreas(doc, "oecd_policy_areas", 9, where);
  if (!oecd.ok()) return oecd.status();
  f->oecd_areas = *oecd;
  auto bept = ParseAreas(doc, "bept_modules", 7, where);
  if (!bept.ok()) return bept.status();
  f->bept_modules = *bept;
  ECOSOL_RETURN_IF_ERROR(ParseRoles(doc, where, f.get()));
  ECOSOL_RETURN_IF_ERROR(ParseBlocks(doc, where, f.get()));
  ECOSOL_RETURN_IF_ERROR(ParseSignals(doc, where, f.get()));
  ECOSOL_RETURN_IF_ERROR(ParseScoring(doc, where, f.get()));
  ECOSOL_RETURN_IF_ERROR(ParseTyping(doc, where, f.get()));
  return std::shared_ptr<const BlocksFramework>(std::move(f));
}

}  // namespace

const Block* BlocksFramework::FindBlock(std::string_view block_id) const {
  for (const Block& b : blocks) {
    if (b.id == block_id) return &b;
  }
  return nullptr;
}

const Block* BlocksFramework::BlockOfStatement(std::string_view statement_id) const {
  for (const Block& b : blocks) {
    for (const Statement& s : b.statements) {
      if (s.id == statement_id) return &b;
    }
  }
  return nullptr;
}

std::string_view ToString(SignalSubject subject) {
  switch (subject) {
    case SignalSubject::kActor:
      return "actor";
    case SignalSubject::kTie:
      return "tie";
    case SignalSubject::kIndicator:
      return "indicator";
  }
  return "actor";
}

Result<std::shared_ptr<const BlocksFramework>> ParseBlocksFramework(const json& doc,
                                                                    const std::string& where) {
  return rules::ParseGuarded(where, [&] { return Parse(doc, where); });
}

Result<std::shared_ptr<const BlocksFramework>> LoadBlocksFramework(const std::string& path) {
  auto doc = rules::ReadFrameworkFile(path, "building-blocks.yaml");
  if (!doc.ok()) return doc.status();
  return ParseBlocksFramework(*doc, path);
}

}  // namespace ecosol::ecosystem
