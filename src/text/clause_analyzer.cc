#include <algorithm>
#include <climits>
#include <nlohmann/json.hpp>

#include "clause_scan.h"
#include "ecosol/base/strings.h"

namespace ecosol::text {

namespace fs = std::filesystem;

namespace {

struct ScratchDeleter {
  void operator()(hs_scratch_t* s) const { hs_free_scratch(s); }
};

// Hyperscan scratch space is per thread; one grows to fit every database it is used with.
hs_scratch_t* ThreadScratch(const hs_database_t* db) {
  thread_local std::unique_ptr<hs_scratch_t, ScratchDeleter> scratch;
  hs_scratch_t* s = scratch.release();
  hs_error_t err = hs_alloc_scratch(db, &s);
  scratch.reset(s);
  return err == HS_SUCCESS ? s : nullptr;
}

int OnMatch(unsigned id, unsigned long long /*from*/, unsigned long long to, unsigned /*flags*/,
            void* context) {
  static_cast<std::vector<Hit>*>(context)->push_back({id, static_cast<size_t>(to)});
  return 0;
}

// Compiles `patterns` (with their global ids) into one block-mode database.
Result<HsDatabase> CompileDatabase(const std::vector<const CompiledPattern*>& patterns,
                                   const std::vector<unsigned>& ids,
                                   const std::vector<std::string>& where) {
  std::vector<const char*> expressions;
  std::vector<unsigned> flags(patterns.size(), HS_FLAG_CASELESS);
  for (const CompiledPattern* p : patterns) expressions.push_back(p->scan.c_str());
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  hs_error_t err = hs_compile_multi(expressions.data(), flags.data(), ids.data(),
                                    static_cast<unsigned>(expressions.size()), HS_MODE_BLOCK,
                                    nullptr, &db, &error);
  if (err != HS_SUCCESS) {
    std::string message = error ? error->message : "unknown error";
    int index = error ? error->expression : -1;
    hs_free_compile_error(error);
    std::string at = index >= 0 && static_cast<size_t>(index) < where.size()
                         ? where[static_cast<size_t>(index)]
                         : "the cue files";
    return InvalidArgument(at + ": pattern does not compile for the scan: " + message);
  }
  return HsDatabase(db);
}

std::unique_ptr<RE2> CompileRe2(const std::string& pattern) {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  return std::make_unique<RE2>(pattern, options);
}

Result<std::unique_ptr<RE2>> NegationRegex(const LanguageCues& cues) {
  NumberWords none;
  std::string neither, neg;
  auto alternation = [&](const std::vector<std::string>& list, const std::string& key,
                         std::string* out) -> Status {
    for (size_t i = 0; i < list.size(); ++i) {
      auto e = ExpandPattern(list[i], none);
      if (!e.ok()) {
        return e.status().WithContext(cues.file + ": negation." + key + "[" + std::to_string(i) +
                                      "]");
      }
      *out += (i ? "|" : "") + e->capture;
    }
    return Status::Ok();
  };
  ECOSOL_RETURN_IF_ERROR(alternation(cues.not_negation, "not_negation", &neither));
  ECOSOL_RETURN_IF_ERROR(alternation(cues.negation_cues, "cues", &neg));
  std::string pattern = (neither.empty() ? "" : "(?:" + neither + ")|") + "(" + neg + ")";
  auto re = CompileRe2(pattern);
  if (!re->ok()) {
    return InvalidArgument(cues.file + ": negation: does not compile: " + re->error());
  }
  return re;
}

Status AddPatterns(const LanguageCues& cues, size_t lang, ClauseAnalyzer::Impl* impl) {
  const auto& types = ClauseTypes();
  for (const PatternSpec& spec : cues.patterns) {
    auto e = ExpandPattern(spec.source, cues.numbers);
    if (!e.ok()) return e.status().WithContext(spec.where);
    CompiledPattern p;
    p.type = static_cast<size_t>(std::find(types.begin(), types.end(), spec.type) - types.begin());
    p.lang = lang;
    p.scan = e->scan;
    p.span = CompileRe2("(?:" + e->capture + ")$");
    if (!p.span->ok()) {
      return InvalidArgument(spec.where + ": pattern does not compile: " + p.span->error());
    }
    p.kind = e->kind;
    p.invert = spec.invert;
    p.negatable = spec.negatable;
    p.value = spec.value;
    p.when_negated = spec.when_negated;
    if (p.when_negated && !p.negatable) {
      return InvalidArgument(spec.where + ": 'when' needs a negatable pattern");
    }
    impl->patterns.push_back(std::move(p));
    impl->where.push_back(spec.where);
  }
  return Status::Ok();
}

Status Scan(const ClauseAnalyzer::Impl& impl, size_t lang, std::string_view text,
            std::vector<Hit>* hits) {
  auto db = impl.Database(lang);
  if (!db.ok()) return db.status();
  hs_scratch_t* scratch = ThreadScratch(*db);
  if (!scratch) return Internal("cannot allocate Hyperscan scratch space");
  hs_error_t err =
      hs_scan(*db, text.data(), static_cast<unsigned>(text.size()), 0, scratch, OnMatch, hits);
  if (err != HS_SUCCESS) return Internal("Hyperscan scan failed (" + std::to_string(err) + ")");
  return Status::Ok();
}

Result<std::vector<fs::path>> CueFiles(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return NotFound(dir.string() + ": no such folder of clause cues");
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    fs::path p = entry.path();
    if (p.extension() == ".yaml" && p.filename() != "languages.yaml") files.push_back(p);
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) return NotFound(dir.string() + ": no <lang>.yaml cue files");
  return files;
}

}  // namespace

const std::vector<std::string>& ClauseTypes() {
  static const std::vector<std::string> types = {
      "one_member_one_vote",
      "capital_weighted_voting",
      "voting_colleges",
      "investor_vote_cap",
      "open_membership",
      "social_purpose",
      "general_interest",
      "independence_from_public_authorities",
      "indivisible_reserves",
      "reserve_allocation_min",
      "profit_distribution_cap",
      "limited_return_on_capital",
      "patronage_refunds",
      "asset_lock",
      "liquidation_surplus_to_members",
      "pay_ratio_cap",
      "listed_shares",
      "venture_terms",
      "general_assembly_annual",
  };
  return types;
}

std::string_view PolarityName(Polarity polarity) {
  return polarity == Polarity::kAffirmed ? "affirmed" : "negated";
}

ClauseAnalyzer::ClauseAnalyzer(Private, std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ClauseAnalyzer::~ClauseAnalyzer() = default;

Result<std::shared_ptr<const ClauseAnalyzer>> ClauseAnalyzer::Load(const fs::path& cues_dir) {
  auto files = CueFiles(cues_dir);
  if (!files.ok()) return files.status();
  auto profile_yaml = ReadWholeFile(cues_dir / "languages.yaml", 1u << 20);
  if (!profile_yaml.ok()) return profile_yaml.status();
  auto profile = ParseLanguageProfile(*profile_yaml, (cues_dir / "languages.yaml").string());
  if (!profile.ok()) return profile.status();
  auto impl = std::make_unique<Impl>();
  impl->detector.emplace(*profile);
  for (const auto& [type, cancelled] : profile->overrides) {
    for (const std::string& t : cancelled) {
      if (std::find(ClauseTypes().begin(), ClauseTypes().end(), t) == ClauseTypes().end() ||
          std::find(ClauseTypes().begin(), ClauseTypes().end(), type) == ClauseTypes().end()) {
        return InvalidArgument((cues_dir / "languages.yaml").string() + ": overrides." + type +
                               ": unknown clause type");
      }
    }
  }
  impl->overrides = profile->overrides;
  for (const fs::path& file : *files) {
    auto cues = LoadLanguageCues(file, ClauseTypes());
    if (!cues.ok()) return cues.status();
    CompiledLanguage lang;
    auto negation = NegationRegex(*cues);
    if (!negation.ok()) return negation.status();
    lang.negation = std::move(*negation);
    lang.first_pattern = impl->patterns.size();
    ECOSOL_RETURN_IF_ERROR(AddPatterns(*cues, impl->languages.size(), impl.get()));
    lang.end_pattern = impl->patterns.size();
    if (lang.first_pattern == lang.end_pattern) {
      return InvalidArgument(cues->file + ": no clause patterns");
    }
    lang.cues = std::move(*cues);
    impl->languages.push_back(std::move(lang));
  }
  return std::make_shared<const ClauseAnalyzer>(Private{}, std::move(impl));
}

std::vector<std::string> ClauseAnalyzer::Languages() const {
  std::vector<std::string> out;
  for (const auto& l : impl_->languages) out.push_back(l.cues.language);
  std::sort(out.begin(), out.end());
  return out;
}

std::string ClauseAnalyzer::Detect(std::string_view text) const {
  return impl_->detector->Detect(text);
}

std::vector<std::string> ClauseAnalyzer::ScanPatterns(std::string_view lang) const {
  std::vector<std::string> out;
  for (const auto& l : impl_->languages) {
    if (lang != "all" && lang != l.cues.language) continue;
    for (size_t i = l.first_pattern; i < l.end_pattern; ++i) {
      out.push_back(impl_->patterns[i].scan);
    }
  }
  return out;
}

Result<const hs_database_t*> ClauseAnalyzer::Impl::Database(size_t lang) const {
  const CompiledLanguage& l = languages[lang];
  std::call_once(l.db->once, [&] {
    std::vector<const CompiledPattern*> ps;
    std::vector<unsigned> ids;
    std::vector<std::string> at;
    for (size_t i = l.first_pattern; i < l.end_pattern; ++i) {
      ps.push_back(&patterns[i]);
      ids.push_back(static_cast<unsigned>(i));
      at.push_back(where[i]);
    }
    auto db = CompileDatabase(ps, ids, at);
    if (db.ok()) {
      l.db->db = std::move(*db);
    } else {
      l.db->status = db.status();
    }
  });
  if (!l.db->status.ok()) return l.db->status;
  return static_cast<const hs_database_t*>(l.db->db.get());
}

Result<StatutesAnalysis> ClauseAnalyzer::Analyze(std::string_view text,
                                                 std::string_view lang) const {
  StatutesAnalysis analysis;
  analysis.language = lang == "auto" ? Detect(text) : std::string(lang);
  // The languages whose cues are scanned: the one of the text, or all when undetermined.
  std::vector<size_t> scanned;
  for (size_t l = 0; l < impl_->languages.size(); ++l) {
    const std::string& name = impl_->languages[l].cues.language;
    if (name == analysis.language || (analysis.language == "und" && lang == "auto")) {
      scanned.push_back(l);
    }
  }
  if (scanned.empty()) {
    return InvalidArgument("unknown language '" + std::string(lang) +
                           "': expected auto or one of " + Join(Languages(), ", "));
  }
  if (text.size() > UINT_MAX) return InvalidArgument("text larger than 4 GB");
  thread_local std::vector<Hit> hits;
  hits.clear();
  for (size_t l : scanned) ECOSOL_RETURN_IF_ERROR(Scan(*impl_, l, text, &hits));
  if (scanned.size() > 1) {
    std::stable_sort(hits.begin(), hits.end(),
                     [](const Hit& a, const Hit& b) { return a.end < b.end; });
  }
  analysis.clauses = impl_->Resolve(text, hits);
  return analysis;
}

nlohmann::json ToJson(const StatutesAnalysis& analysis) {
  nlohmann::json clauses = nlohmann::json::array();
  for (const Clause& c : analysis.clauses) {
    clauses.push_back(
        {{"type", c.type},
         {"polarity", PolarityName(c.polarity)},
         {"value", c.value ? nlohmann::json(*c.value) : nlohmann::json(nullptr)},
         {"evidence",
          {{"start", c.evidence.start}, {"end", c.evidence.end}, {"text", c.evidence.text}}}});
  }
  return {{"language", analysis.language}, {"clauses", clauses}};
}

}  // namespace ecosol::text
