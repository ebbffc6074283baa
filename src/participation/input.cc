// The JSON form of a tally (tally.h; docs/participation.md, "Input"). Every key is
// known or refused, and every error names its path ("ballots[3].scores.B: 7 is above
// score_max 5"), so that a secretary entering paper results can find the faulty line.

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "choices.h"
#include "ecosol/base/strings.h"
#include "ecosol/participation/tally.h"

namespace ecosol::participation {
namespace {

using nlohmann::json;

constexpr std::pair<Method, std::string_view> kMethodNames[] = {
    {Method::kConsent, "consent"},
    {Method::kSingleChoice, "single_choice"},
    {Method::kApproval, "approval"},
    {Method::kScore, "score"},
    {Method::kDotVote, "dot_vote"},
    {Method::kBorda, "borda"},
    {Method::kInstantRunoff, "instant_runoff"},
    {Method::kSchulze, "schulze"},
    {Method::kStv, "stv"},
    {Method::kBudgetGreedy, "budget_greedy"},
    {Method::kEqualShares, "equal_shares"}};

std::string MethodList() {
  std::string out;
  for (const auto& [method, name] : kMethodNames)
    out += (out.empty() ? "" : ", ") + std::string(name);
  return out;
}

// Reads the fields of one JSON object, remembering which it saw, so that unknown (misspelt) keys
// are reported rather than silently ignored.
class Reader {
 public:
  Reader(const json& obj, std::string path) : obj_(obj), path_(std::move(path)) {}

  Status Object() const {
    if (obj_.is_object()) return Status::Ok();
    return InvalidArgument(Where() + "expected an object, got " + obj_.dump());
  }
  const json* Get(const std::string& key) {
    seen_.insert(key);
    return obj_.contains(key) ? &obj_.at(key) : nullptr;
  }
  Status String(const std::string& key, std::string& out, bool required = false) {
    const json* v = Get(key);
    if (v == nullptr) return required ? Missing(key, "a string") : Status::Ok();
    if (!v->is_string()) return Wrong(key, *v, "a string");
    out = v->get<std::string>();
    return Status::Ok();
  }
  Status Number(const std::string& key, double& out, bool required = false) {
    const json* v = Get(key);
    if (v == nullptr) return required ? Missing(key, "a number") : Status::Ok();
    if (!v->is_number()) return Wrong(key, *v, "a number");
    out = v->get<double>();
    return Status::Ok();
  }
  // A whole number in [min, max].
  Status Whole(const std::string& key, long long& out, long long min, long long max) {
    const json* v = Get(key);
    if (v == nullptr) return Status::Ok();
    if (!v->is_number_integer() || v->get<long long>() < min || v->get<long long>() > max) {
      return Wrong(
          key, *v,
          ("a whole number from " + std::to_string(min) + " to " + std::to_string(max)).c_str());
    }
    out = v->get<long long>();
    return Status::Ok();
  }
  Status Int(const std::string& key, int& out, int min, int max) {
    long long v = out;
    ECOSOL_RETURN_IF_ERROR(Whole(key, v, min, max));
    out = static_cast<int>(v);
    return Status::Ok();
  }
  Status Bool(const std::string& key, bool& out) {
    const json* v = Get(key);
    if (v == nullptr) return Status::Ok();
    if (!v->is_boolean()) return Wrong(key, *v, "true or false");
    out = v->get<bool>();
    return Status::Ok();
  }
  Status NoUnknownKeys() const {
    for (auto it = obj_.begin(); it != obj_.end(); ++it) {
      if (seen_.count(it.key()) == 0) {
        return InvalidArgument(path_ + (path_.empty() ? "" : ".") + it.key() +
                               ": unknown field; known fields: " + Known());
      }
    }
    return Status::Ok();
  }
  std::string Path(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }

 private:
  std::string Where() const { return path_.empty() ? "" : path_ + ": "; }
  Status Missing(const std::string& key, const char* what) const {
    return InvalidArgument(Path(key) + ": missing; give " + what);
  }
  Status Wrong(const std::string& key, const json& v, const char* what) const {
    return InvalidArgument(Path(key) + ": expected " + what + ", got " + v.dump());
  }
  std::string Known() const {
    std::vector<std::string> keys(seen_.begin(), seen_.end());
    return Join(keys, ", ");
  }

  const json& obj_;
  std::string path_;
  std::set<std::string> seen_;
};

std::string Index(const std::string& path, size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

Result<Option> ParseOption(const json& in, const std::string& path) {
  Option o;
  if (in.is_string()) {
    o.id = in.get<std::string>();
  } else {
    Reader r(in, path);
    ECOSOL_RETURN_IF_ERROR(r.Object());
    ECOSOL_RETURN_IF_ERROR(r.String("id", o.id, true));
    ECOSOL_RETURN_IF_ERROR(r.String("name", o.name));
    ECOSOL_RETURN_IF_ERROR(r.Number("cost", o.cost));
    ECOSOL_RETURN_IF_ERROR(r.String("category", o.category));
    ECOSOL_RETURN_IF_ERROR(r.NoUnknownKeys());
  }
  if (o.id.empty()) return InvalidArgument(path + ": an option needs a non-empty id");
  if (o.name.empty()) o.name = o.id;
  return o;
}

Status ParseOptions(const json* in, TallyInput& out) {
  if (in == nullptr || !in->is_array() || in->empty()) {
    return InvalidArgument("options: give a non-empty array of option ids or {\"id\", ...}");
  }
  std::set<std::string> ids;
  for (size_t i = 0; i < in->size(); ++i) {
    auto option = ParseOption((*in)[i], Index("options", i));
    if (!option.ok()) return option.status();
    if (!ids.insert(option->id).second) {
      return InvalidArgument(Index("options", i) + ": '" + option->id +
                             "' is listed twice; give each option once");
    }
    const bool budgeting =
        out.method == Method::kBudgetGreedy || out.method == Method::kEqualShares;
    if (budgeting && !(option->cost > 0)) {
      return InvalidArgument(Index("options", i) + ".cost: " + option->id +
                             " needs a cost above 0 for participatory budgeting");
    }
    out.options.push_back(std::move(*option));
  }
  return Status::Ok();
}

// Context for checking one ballot against the method and the declared options and colleges.
struct BallotCheck {
  const TallyInput& input;
  std::set<std::string> options;
  std::set<std::string> colleges;
};

std::string OptionList(const TallyInput& input) {
  std::vector<std::string> ids;
  for (const Option& o : input.options) ids.push_back(o.id);
  return Join(ids, ", ");
}

Status CheckOption(const BallotCheck& c, const std::string& id, const std::string& path) {
  if (c.options.count(id) > 0) return Status::Ok();
  return InvalidArgument(path + ": '" + id + "' is not an option (options: " + OptionList(c.input) +
                         ")");
}

// "ranking" or "approve": option ids, each at most once.
Status ParseIdList(const BallotCheck& c, const json& in, const std::string& path,
                   std::vector<std::string>& out) {
  if (!in.is_array()) return InvalidArgument(path + ": expected an array of option ids");
  std::set<std::string> seen;
  for (size_t i = 0; i < in.size(); ++i) {
    if (!in[i].is_string()) return InvalidArgument(Index(path, i) + ": expected an option id");
    const std::string id = in[i].get<std::string>();
    ECOSOL_RETURN_IF_ERROR(CheckOption(c, id, Index(path, i)));
    if (!seen.insert(id).second) {
      return InvalidArgument(Index(path, i) + ": '" + id + "' appears twice; list it once");
    }
    out.push_back(id);
  }
  return Status::Ok();
}

std::string FormatNumber(double v) {
  json j = v;
  if (v == std::floor(v) && std::fabs(v) < 1e15) j = static_cast<long long>(v);
  return j.dump();
}

Status ParseScores(const BallotCheck& c, const json& in, const std::string& path,
                   std::map<std::string, double>& out) {
  if (!in.is_object()) return InvalidArgument(path + ": expected {option: number}");
  const bool dots = c.input.method == Method::kDotVote;
  double total = 0;
  for (auto it = in.begin(); it != in.end(); ++it) {
    const std::string where = path + "." + it.key();
    ECOSOL_RETURN_IF_ERROR(CheckOption(c, it.key(), where));
    if (!it.value().is_number()) return InvalidArgument(where + ": expected a number");
    const double v = it.value().get<double>();
    if (v < 0) return InvalidArgument(where + ": " + FormatNumber(v) + " is below 0");
    if (dots && v != std::floor(v)) {
      return InvalidArgument(where + ": " + FormatNumber(v) + " dots; give whole dots");
    }
    if (!dots && v > c.input.score_max) {
      return InvalidArgument(where + ": " + FormatNumber(v) + " is above score_max " +
                             std::to_string(c.input.score_max));
    }
    total += v;
    out[it.key()] = v;
  }
  if (dots && c.input.dots > 0 && total > c.input.dots) {
    return InvalidArgument(path + ": " + FormatNumber(total) + " dots in all; at most " +
                           std::to_string(c.input.dots) + " per ballot (dots)");
  }
  return Status::Ok();
}

Status ParseChoice(const BallotCheck& c, const std::string& choice, const std::string& path) {
  if (c.input.method == Method::kConsent) {
    if (choice == "agree" || choice == "abstain" || choice == "disagree" || choice == "block") {
      return Status::Ok();
    }
    return InvalidArgument(path + ": '" + choice +
                           "' is not a consent answer; give agree, abstain, disagree or block");
  }
  if (choice == "abstain" && c.options.count(choice) == 0) return Status::Ok();
  return CheckOption(c, choice, path);
}

// The one field that carries the vote, as the method expects it.
std::string_view VoteField(Method method) {
  switch (method) {
    case Method::kConsent:
    case Method::kSingleChoice:
      return "choice";
    case Method::kApproval:
    case Method::kBudgetGreedy:
    case Method::kEqualShares:
      return "approve";
    case Method::kScore:
    case Method::kDotVote:
      return "scores";
    default:
      return "ranking";
  }
}

Status ParseVote(const BallotCheck& c, Reader& r, const json& in, const std::string& path,
                 Ballot& b) {
  const std::string field(VoteField(c.input.method));
  for (const char* key : {"ranking", "approve", "scores", "choice"}) {
    const json* v = r.Get(key);
    if (v != nullptr && key != field) {
      return InvalidArgument(path + "." + key + ": method " +
                             std::string(ToString(c.input.method)) + " takes \"" + field +
                             "\", not \"" + key + "\"");
    }
  }
  if (!in.contains(field)) return InvalidArgument(path + ": missing \"" + field + "\"");
  const json& v = in.at(field);
  const std::string where = path + "." + field;
  if (field == "ranking") return ParseIdList(c, v, where, b.ranking);
  if (field == "approve") return ParseIdList(c, v, where, b.approve);
  if (field == "scores") return ParseScores(c, v, where, b.scores);
  if (!v.is_string()) return InvalidArgument(where + ": expected a string");
  b.choice = v.get<std::string>();
  return ParseChoice(c, b.choice, where);
}

Status ParseProxies(Reader& r, const std::string& path, Ballot& b) {
  const json* v = r.Get("proxy_for");
  if (v == nullptr) return Status::Ok();
  const std::string where = path + ".proxy_for";
  if (!v->is_array()) return InvalidArgument(where + ": expected an array of member ids");
  for (size_t i = 0; i < v->size(); ++i) {
    if (!(*v)[i].is_string() || (*v)[i].get<std::string>().empty()) {
      return InvalidArgument(Index(where, i) + ": expected a member id");
    }
    b.proxy_for.push_back((*v)[i].get<std::string>());
  }
  if (!b.proxy_for.empty() && b.count != 1) {
    return InvalidArgument(where + ": a ballot carrying proxies stands for one voter; count is " +
                           std::to_string(b.count) + ", give count 1");
  }
  return Status::Ok();
}

std::string CollegeList(const BallotCheck& c) {
  return Join(std::vector<std::string>(c.colleges.begin(), c.colleges.end()), ", ");
}

Result<Ballot> ParseBallot(const BallotCheck& c, const json& in, const std::string& path) {
  Reader r(in, path);
  ECOSOL_RETURN_IF_ERROR(r.Object());
  Ballot b;
  ECOSOL_RETURN_IF_ERROR(ParseVote(c, r, in, path, b));
  ECOSOL_RETURN_IF_ERROR(r.Whole("count", b.count, 1, 1'000'000'000'000LL));
  ECOSOL_RETURN_IF_ERROR(r.Whole("votes", b.votes, 1, 1'000'000));
  ECOSOL_RETURN_IF_ERROR(r.String("college", b.college));
  ECOSOL_RETURN_IF_ERROR(r.String("channel", b.channel));
  ECOSOL_RETURN_IF_ERROR(ParseProxies(r, path, b));
  ECOSOL_RETURN_IF_ERROR(r.NoUnknownKeys());
  if (b.channel != "online" && b.channel != "paper" && b.channel != "in_person") {
    return InvalidArgument(path + ".channel: '" + b.channel +
                           "' is not a channel; give online, paper or in_person");
  }
  if (!c.colleges.empty() && b.college.empty()) {
    return InvalidArgument(path + ": no college; with colleges declared every ballot names one (" +
                           CollegeList(c) + ")");
  }
  if (!b.college.empty() && c.colleges.count(b.college) == 0) {
    return InvalidArgument(
        path + ".college: '" + b.college + "' is not a declared college (" +
        (c.colleges.empty() ? "no colleges are declared" : "colleges: " + CollegeList(c)) + ")");
  }
  return b;
}

Status ParseBallots(const json* in, TallyInput& out) {
  if (in == nullptr) return Status::Ok();
  if (!in->is_array()) return InvalidArgument("ballots: expected an array of ballots");
  BallotCheck check{out, {}, {}};
  for (const Option& o : out.options) check.options.insert(o.id);
  for (const College& c : out.colleges) check.colleges.insert(c.name);
  for (size_t i = 0; i < in->size(); ++i) {
    auto ballot = ParseBallot(check, (*in)[i], Index("ballots", i));
    if (!ballot.ok()) return ballot.status();
    out.ballots.push_back(std::move(*ballot));
  }
  return Status::Ok();
}

Status ParseColleges(const json* in, TallyInput& out) {
  if (in == nullptr) return Status::Ok();
  if (!in->is_array()) return InvalidArgument("colleges: expected an array of colleges");
  std::set<std::string> names;
  for (size_t i = 0; i < in->size(); ++i) {
    const std::string path = Index("colleges", i);
    Reader r((*in)[i], path);
    ECOSOL_RETURN_IF_ERROR(r.Object());
    College c;
    ECOSOL_RETURN_IF_ERROR(r.String("name", c.name, true));
    // One member one vote (qc_solidarity) gives categories no weight; elsewhere it is required.
    ECOSOL_RETURN_IF_ERROR(r.Number("weight", c.weight, out.preset != "qc_solidarity"));
    ECOSOL_RETURN_IF_ERROR(r.Whole("members", c.members, 0, 1'000'000'000'000LL));
    ECOSOL_RETURN_IF_ERROR(r.NoUnknownKeys());
    if (c.name.empty()) return InvalidArgument(path + ".name: give a non-empty name");
    if (!names.insert(c.name).second) {
      return InvalidArgument(path + ".name: college '" + c.name + "' is declared twice");
    }
    out.colleges.push_back(std::move(c));
  }
  return Status::Ok();
}

Status ParseQuorum(const json* in, TallyInput& out) {
  if (in == nullptr) return Status::Ok();
  Reader r(*in, "quorum");
  ECOSOL_RETURN_IF_ERROR(r.Object());
  Quorum& q = out.quorum;
  ECOSOL_RETURN_IF_ERROR(r.Whole("min_ballots", q.min_ballots, 0, 1'000'000'000'000LL));
  ECOSOL_RETURN_IF_ERROR(r.Number("min_share_of_eligible", q.min_share_of_eligible));
  ECOSOL_RETURN_IF_ERROR(r.Whole("eligible", q.eligible, 0, 1'000'000'000'000LL));
  ECOSOL_RETURN_IF_ERROR(r.Int("min_colleges", q.min_colleges, 0, 1000));
  ECOSOL_RETURN_IF_ERROR(r.NoUnknownKeys());
  if (q.min_share_of_eligible < 0 || q.min_share_of_eligible > 1) {
    return InvalidArgument("quorum.min_share_of_eligible: give a share from 0 to 1, got " +
                           FormatNumber(q.min_share_of_eligible));
  }
  if (q.min_share_of_eligible > 0 && q.eligible == 0) {
    return InvalidArgument(
        "quorum.eligible: min_share_of_eligible needs the voter roll's size; give eligible");
  }
  if (q.min_colleges > static_cast<int>(out.colleges.size())) {
    return InvalidArgument("quorum.min_colleges: " + std::to_string(q.min_colleges) +
                           " colleges needed but only " + std::to_string(out.colleges.size()) +
                           " are declared");
  }
  return Status::Ok();
}

Status ParseThreshold(const json* in, TallyInput& out) {
  if (in == nullptr) return Status::Ok();
  Threshold t;
  if (in->is_number()) {
    t.share = in->get<double>();
  } else {
    Reader r(*in, "threshold");
    ECOSOL_RETURN_IF_ERROR(r.Object());
    ECOSOL_RETURN_IF_ERROR(r.Number("share", t.share, true));
    ECOSOL_RETURN_IF_ERROR(r.Bool("strictly_more", t.strictly_more));
    ECOSOL_RETURN_IF_ERROR(r.Bool("of_eligible", t.of_eligible));
    ECOSOL_RETURN_IF_ERROR(r.NoUnknownKeys());
  }
  if (!(t.share > 0) || t.share > 1) {
    return InvalidArgument("threshold: the share must be above 0 and at most 1, got " +
                           FormatNumber(t.share));
  }
  if (t.of_eligible) {
    for (size_t i = 0; i < out.colleges.size(); ++i) {
      if (out.colleges[i].members == 0) {
        return InvalidArgument(Index("colleges", i) +
                               ".members: a threshold of_eligible needs each college's members");
      }
    }
    if (out.colleges.empty() && out.quorum.eligible == 0) {
      return InvalidArgument("threshold.of_eligible: give quorum.eligible, the voter roll's size");
    }
  }
  out.threshold = t;
  return Status::Ok();
}

Status ParseReserved(const json* in, TallyInput& out) {
  if (in == nullptr) return Status::Ok();
  if (!in->is_array()) return InvalidArgument("reserved: expected [{\"category\", \"seats\"}]");
  if (out.method != Method::kStv && !in->empty()) {
    return InvalidArgument("reserved: only stv reserves seats per category, not " +
                           std::string(ToString(out.method)));
  }
  int total = 0;
  for (size_t i = 0; i < in->size(); ++i) {
    const std::string path = Index("reserved", i);
    Reader r((*in)[i], path);
    ECOSOL_RETURN_IF_ERROR(r.Object());
    ReservedSeats s;
    ECOSOL_RETURN_IF_ERROR(r.String("category", s.category, true));
    ECOSOL_RETURN_IF_ERROR(r.Int("seats", s.seats, 1, 100000));
    ECOSOL_RETURN_IF_ERROR(r.NoUnknownKeys());
    bool found = false;
    for (const Option& o : out.options) found = found || o.category == s.category;
    if (!found) {
      return InvalidArgument(path + ".category: no option has category '" + s.category + "'");
    }
    total += s.seats;
    out.reserved.push_back(std::move(s));
  }
  if (total > out.seats) {
    return InvalidArgument("reserved: " + std::to_string(total) + " seats reserved but only " +
                           std::to_string(out.seats) + " to fill (seats)");
  }
  return Status::Ok();
}

Status ParsePolicies(Reader& r, TallyInput& out) {
  ECOSOL_RETURN_IF_ERROR(r.String("preset", out.preset));
  ECOSOL_RETURN_IF_ERROR(r.String("abstentions", out.abstentions));
  ECOSOL_RETURN_IF_ERROR(r.String("empty_colleges", out.empty_colleges));
  if (out.abstentions != "excluded" && out.abstentions != "counted") {
    return InvalidArgument("abstentions: '" + out.abstentions + "'; give excluded or counted");
  }
  if (out.empty_colleges != "redistribute" && out.empty_colleges != "zero") {
    return InvalidArgument("empty_colleges: '" + out.empty_colleges +
                           "'; give redistribute or zero");
  }
  return Status::Ok();
}

Status ParseNumbers(Reader& r, TallyInput& out) {
  ECOSOL_RETURN_IF_ERROR(r.Int("seats", out.seats, 1, 100000));
  ECOSOL_RETURN_IF_ERROR(r.Number("budget", out.budget));
  ECOSOL_RETURN_IF_ERROR(r.Int("score_max", out.score_max, 1, 1000000));
  ECOSOL_RETURN_IF_ERROR(r.Int("dots", out.dots, 0, 1000000));
  ECOSOL_RETURN_IF_ERROR(r.Int("max_proxies", out.max_proxies, 0, 1000));
  ECOSOL_RETURN_IF_ERROR(r.String("tie_break_seed", out.tie_break_seed));
  const bool budgeting = out.method == Method::kBudgetGreedy || out.method == Method::kEqualShares;
  if (budgeting && !(out.budget > 0)) {
    return InvalidArgument("budget: " + std::string(ToString(out.method)) +
                           " needs a budget above 0");
  }
  if (!budgeting && out.budget != 0) {
    return InvalidArgument("budget: only budget_greedy and equal_shares take a budget");
  }
  return Status::Ok();
}

Status CheckSeats(const TallyInput& in) {
  const bool budgeting = in.method == Method::kBudgetGreedy || in.method == Method::kEqualShares;
  if (in.method == Method::kConsent && in.options.size() != 1) {
    return InvalidArgument("options: consent decides one proposal; give exactly one option, got " +
                           std::to_string(in.options.size()));
  }
  if (!budgeting && in.seats > static_cast<int>(in.options.size())) {
    return InvalidArgument("seats: " + std::to_string(in.seats) + " seats but only " +
                           std::to_string(in.options.size()) + " options");
  }
  return Status::Ok();
}

}  // namespace

std::string_view ToString(Method method) {
  for (const auto& [m, name] : kMethodNames) {
    if (m == method) return name;
  }
  return "unknown";
}

std::optional<Method> ParseMethod(std::string_view name) {
  for (const auto& [m, n] : kMethodNames) {
    if (n == name) return m;
  }
  return std::nullopt;
}

bool IsRanked(Method method) {
  return method == Method::kBorda || method == Method::kInstantRunoff ||
         method == Method::kSchulze || method == Method::kStv;
}

Result<TallyInput> ParseTallyInput(const json& in) {
  Reader r(in, "");
  ECOSOL_RETURN_IF_ERROR(r.Object());
  TallyInput out;
  std::string method;
  ECOSOL_RETURN_IF_ERROR(r.String("method", method, true));
  const auto parsed = ParseMethod(method);
  if (!parsed) {
    return InvalidArgument("method: '" + method + "' is not a method; give one of " + MethodList());
  }
  out.method = *parsed;
  ECOSOL_RETURN_IF_ERROR(ParsePolicies(r, out));
  ECOSOL_RETURN_IF_ERROR(ParseNumbers(r, out));
  ECOSOL_RETURN_IF_ERROR(ParseOptions(r.Get("options"), out));
  ECOSOL_RETURN_IF_ERROR(CheckSeats(out));
  ECOSOL_RETURN_IF_ERROR(ParseColleges(r.Get("colleges"), out));
  ECOSOL_RETURN_IF_ERROR(ParseQuorum(r.Get("quorum"), out));
  ECOSOL_RETURN_IF_ERROR(ParseThreshold(r.Get("threshold"), out));
  ECOSOL_RETURN_IF_ERROR(ParseReserved(r.Get("reserved"), out));
  ECOSOL_RETURN_IF_ERROR(ParseBallots(r.Get("ballots"), out));
  ECOSOL_RETURN_IF_ERROR(r.NoUnknownKeys());
  // The preset's rules (colleges, plural votes, proxies) and the ballots' weights; ApplyColleges
  // is idempotent, so Tally() may run it again.
  ECOSOL_RETURN_IF_ERROR(ApplyColleges(out));
  return out;
}

}  // namespace ecosol::participation
