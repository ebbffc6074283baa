// Loading the readiness framework (readiness.h). Every check names the file and the entry.

#include "ecosol/finance/readiness.h"

#include <set>

#include "catalogue_util.h"
#include "ecosol/rules/framework_file.h"

namespace ecosol::finance {
namespace {

using nlohmann::json;

Result<ReadinessDimension> ParseDimension(const json& entry, const std::vector<Source>& sources,
                                          const std::string& where) {
  auto id = catalogue_internal::ParseId(entry, where);
  if (!id.ok()) return id.status();
  const std::string w = where + " '" + *id + "'";
  ReadinessDimension d;
  d.id = *id;
  auto source = catalogue_internal::ParseSourceRef(entry, sources, w);
  if (!source.ok()) return source.status();
  d.source = std::move(*source);
  auto label = catalogue_internal::ParseText(entry, "label", w);
  if (!label.ok()) return label.status();
  d.label = std::move(*label);
  auto levels = entry.find("levels");
  if (levels == entry.end() || !levels->is_array() || levels->size() != 3) {
    return InvalidArgument(w + ": needs 'levels', the meaning of scores 0, 1 and 2 (three texts)");
  }
  for (size_t i = 0; i < levels->size(); ++i) {
    auto text =
        catalogue_internal::ParseTextValue((*levels)[i], w + ": level " + std::to_string(i));
    if (!text.ok()) return text.status();
    d.levels.push_back(std::move(*text));
  }
  return d;
}

Result<ReadinessStep> ParseStep(const json& entry, const std::vector<Source>& sources,
                                const std::string& where) {
  auto id = catalogue_internal::ParseId(entry, where);
  if (!id.ok()) return id.status();
  const std::string w = where + " '" + *id + "'";
  auto rule = catalogue_internal::ParseRule(entry, w);
  if (!rule.ok()) return rule.status();
  auto source = catalogue_internal::ParseSourceRef(entry, sources, w);
  if (!source.ok()) return source.status();
  auto label = catalogue_internal::ParseText(entry, "label", w);
  if (!label.ok()) return label.status();
  auto meaning = catalogue_internal::ParseText(entry, "meaning", w);
  if (!meaning.ok()) return meaning.status();
  return ReadinessStep{*id, std::move(*rule), std::move(*source), std::move(*label),
                       std::move(*meaning)};
}

template <typename T, typename Parse>
Status ParseEntries(const json& doc, const std::string& key, const std::string& where,
                    std::vector<T>* out, Parse&& parse) {
  auto it = doc.find(key);
  if (it == doc.end() || !it->is_array() || it->empty()) {
    return InvalidArgument(where + ": needs '" + key + "', a non-empty list");
  }
  std::set<std::string> seen;
  for (const json& entry : *it) {
    auto item = parse(entry);
    if (!item.ok()) return item.status();
    if (!seen.insert(item->id).second) {
      return InvalidArgument(where + ": " + key + ": '" + item->id + "' listed twice");
    }
    out->push_back(std::move(*item));
  }
  return Status::Ok();
}

// The last stage and the last pipeline step are the fallbacks: their rule must be `true`, so
// that every assessment gets one.
Status CheckFallback(const std::vector<ReadinessStep>& steps, const std::string& what,
                     const std::string& where) {
  if (steps.back().rule.Source() != json(true)) {
    return InvalidArgument(where + ": the last of '" + what + "' ('" + steps.back().id +
                           "') must have 'rule: true', so that every assessment gets one");
  }
  return Status::Ok();
}

Result<std::shared_ptr<const ReadinessFramework>> Parse(const json& doc, const std::string& where) {
  auto head = rules::ParseFrameworkHead(doc, "finance_readiness", where);
  if (!head.ok()) return head.status();
  auto f = std::make_shared<ReadinessFramework>();
  f->id = head->id;
  f->version = head->version;
  auto title = catalogue_internal::ParseText(doc, "title", where);
  if (!title.ok()) return title.status();
  f->title = std::move(*title);
  auto sources = catalogue_internal::ParseSources(doc, where);
  if (!sources.ok()) return sources.status();
  f->sources = std::move(*sources);
  const auto& s = f->sources;
  ECOSOL_RETURN_IF_ERROR(ParseEntries(doc, "dimensions", where, &f->dimensions, [&](const json& e) {
    return ParseDimension(e, s, where + ": dimension");
  }));
  ECOSOL_RETURN_IF_ERROR(ParseEntries(doc, "governance", where, &f->governance, [&](const json& e) {
    return ParseDimension(e, s, where + ": governance block");
  }));
  ECOSOL_RETURN_IF_ERROR(ParseEntries(doc, "stages", where, &f->stages, [&](const json& e) {
    return ParseStep(e, s, where + ": stage");
  }));
  ECOSOL_RETURN_IF_ERROR(ParseEntries(doc, "pipeline", where, &f->pipeline, [&](const json& e) {
    return ParseStep(e, s, where + ": pipeline step");
  }));
  ECOSOL_RETURN_IF_ERROR(CheckFallback(f->stages, "stages", where));
  ECOSOL_RETURN_IF_ERROR(CheckFallback(f->pipeline, "pipeline", where));
  return std::shared_ptr<const ReadinessFramework>(std::move(f));
}

const ReadinessStep* FindStep(const std::vector<ReadinessStep>& steps, std::string_view id) {
  for (const ReadinessStep& s : steps) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

// Steps are listed highest first: the last one ranks 0.
int RankOf(const std::vector<ReadinessStep>& steps, std::string_view id) {
  for (size_t i = 0; i < steps.size(); ++i) {
    if (steps[i].id == id) return static_cast<int>(steps.size() - 1 - i);
  }
  return -1;
}

}  // namespace

const ReadinessStep* ReadinessFramework::FindStage(std::string_view stage_id) const {
  return FindStep(stages, stage_id);
}
const ReadinessStep* ReadinessFramework::FindPipelineStep(std::string_view step_id) const {
  return FindStep(pipeline, step_id);
}
int ReadinessFramework::StageRank(std::string_view stage_id) const {
  return RankOf(stages, stage_id);
}
int ReadinessFramework::PipelineRank(std::string_view step_id) const {
  return RankOf(pipeline, step_id);
}

Result<std::shared_ptr<const ReadinessFramework>> ParseReadinessFramework(
    const json& doc, const std::string& where) {
  return rules::ParseGuarded(where, [&] { return Parse(doc, where); });
}

Result<std::shared_ptr<const ReadinessFramework>> LoadReadinessFramework(const std::string& path) {
  auto doc = rules::ReadFrameworkFile(path, "finance-readiness.yaml");
  if (!doc.ok()) return doc.status();
  return ParseReadinessFramework(*doc, path);
}

}  // namespace ecosol::finance
