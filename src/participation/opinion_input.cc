// The JSON form of an opinion map (opinion.h; docs/participation.md, "Opinion map"). Every key
// is known or refused, and every error names its path ("votes[12].vote: expected ..."), so that
// whoever exports a conversation from another tool can find the faulty line.

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <string_view>

#include "ecosol/participation/opinion.h"
#include "opinion_internal.h"

namespace ecosol::participation {
namespace {

using nlohmann::json;

std::string At(std::string_view field, size_t i) {
  return std::string(field) + "[" + std::to_string(i) + "]";
}

// `path` is "" at the top level, else the object's path followed by a dot.
Status OnlyKeys(const json& obj, const std::string& path,
                std::initializer_list<std::string_view> known) {
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    if (std::find(known.begin(), known.end(), it.key()) != known.end()) continue;
    std::string list;
    for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
    return InvalidArgument(path + it.key() + ": unknown field; known fields: " + list);
  }
  return Status::Ok();
}

Status StringField(const json& obj, const std::string& path, const char* key, bool required,
                   std::string& out) {
  if (!obj.contains(key)) {
    return required ? InvalidArgument(path + "." + key + ": missing; give a string") : Status::Ok();
  }
  const json& v = obj.at(key);
  if (!v.is_string())
    return InvalidArgument(path + "." + key + ": expected a string, got " + v.dump());
  out = v.get<std::string>();
  return Status::Ok();
}

// An item of "statements" or "participants": an id, or {"id", <extra>?}.
Status ParseItem(const json& in, const std::string& path, const char* extra, std::string& id,
                 std::string& value) {
  if (in.is_string()) {
    id = in.get<std::string>();
    return Status::Ok();
  }
  if (!in.is_object()) {
    return InvalidArgument(path + ": expected an id or {\"id\", \"" + extra + "\"}, got " +
                           in.dump());
  }
  ECOSOL_RETURN_IF_ERROR(OnlyKeys(in, path + ".", {"id", extra}));
  ECOSOL_RETURN_IF_ERROR(StringField(in, path, "id", true, id));
  return StringField(in, path, extra, false, value);
}

Status ParseStatements(const json& in, OpinionInput& out) {
  if (!in.contains("statements") || !in["statements"].is_array()) {
    return InvalidArgument("statements: give an array of ids or {\"id\", \"text\"}");
  }
  const json& list = in["statements"];
  for (size_t i = 0; i < list.size(); ++i) {
    std::string id, text;
    ECOSOL_RETURN_IF_ERROR(ParseItem(list[i], At("statements", i), "text", id, text));
    out.statements.emplace_back(std::move(id), std::move(text));
  }
  return Status::Ok();
}

Status ParseParticipants(const json& in, OpinionInput& out) {
  if (!in.contains("participants")) return Status::Ok();
  if (!in["participants"].is_array()) {
    return InvalidArgument("participants: give an array of ids or {\"id\", \"college\"}");
  }
  const json& list = in["participants"];
  for (size_t i = 0; i < list.size(); ++i) {
    std::string id, college;
    ECOSOL_RETURN_IF_ERROR(ParseItem(list[i], At("participants", i), "college", id, college));
    if (id.empty()) return InvalidArgument(At("participants", i) + ".id: empty; give an id");
    if (!out.college.emplace(id, college).second) {
      return InvalidArgument(At("participants", i) + ".id: '" + id +
                             "' is listed twice; list each participant once");
    }
  }
  return Status::Ok();
}

Status ParseVoteValue(const json& v, const std::string& path, int& out) {
  if (v.is_string()) {
    const std::string s = v.get<std::string>();
    if (s == "agree" || s == "disagree" || s == "pass") {
      out = s == "agree" ? 1 : s == "disagree" ? -1 : 0;
      return Status::Ok();
    }
  } else if (v.is_number_integer() && v.get<long long>() >= -1 && v.get<long long>() <= 1) {
    out = static_cast<int>(v.get<long long>());
    return Status::Ok();
  }
  return InvalidArgument(
      path + ": expected 1 or \"agree\", -1 or \"disagree\", 0 or \"pass\"; got " + v.dump());
}

Status ParseVotes(const json& in, OpinionInput& out) {
  if (!in.contains("votes") || !in["votes"].is_array()) {
    return InvalidArgument(
        "votes: give an array of {\"participant\", \"statement\", \"vote\": 1 | -1 | 0}");
  }
  const json& list = in["votes"];
  out.votes.reserve(list.size());
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string path = At("votes", i);
    if (!list[i].is_object()) {
      return InvalidArgument(path + ": expected {\"participant\", \"statement\", \"vote\"}, got " +
                             list[i].dump());
    }
    ECOSOL_RETURN_IF_ERROR(OnlyKeys(list[i], path + ".", {"participant", "statement", "vote"}));
    OpinionVote v;
    ECOSOL_RETURN_IF_ERROR(StringField(list[i], path, "participant", true, v.participant));
    ECOSOL_RETURN_IF_ERROR(StringField(list[i], path, "statement", true, v.statement));
    if (!list[i].contains("vote")) return InvalidArgument(path + ".vote: missing; give 1, -1 or 0");
    ECOSOL_RETURN_IF_ERROR(ParseVoteValue(list[i]["vote"], path + ".vote", v.vote));
    out.votes.push_back(std::move(v));
  }
  return Status::Ok();
}

// A whole number in [min, max]; the range checks that mean something are OpinionMap's.
Status WholeField(const json& in, const char* key, long long min, long long max, long long& out) {
  if (!in.contains(key)) return Status::Ok();
  const json& v = in[key];
  if (!v.is_number_integer() ||
      (v.is_number_unsigned() &&
       v.get<unsigned long long>() > static_cast<unsigned long long>(max)) ||
      v.get<long long>() < min || v.get<long long>() > max) {
    return InvalidArgument(std::string(key) + ": expected a whole number from " +
                           std::to_string(min) + " to " + std::to_string(max) + ", got " +
                           v.dump());
  }
  out = v.get<long long>();
  return Status::Ok();
}

Status ParseSettings(const json& in, OpinionInput& out) {
  long long k = out.k, min_votes = out.min_votes, seed = out.seed;
  ECOSOL_RETURN_IF_ERROR(
      WholeField(in, "k", std::numeric_limits<int>::min(), std::numeric_limits<int>::max(), k));
  ECOSOL_RETURN_IF_ERROR(WholeField(in, "min_votes", std::numeric_limits<int>::min(),
                                    std::numeric_limits<int>::max(), min_votes));
  ECOSOL_RETURN_IF_ERROR(
      WholeField(in, "seed", 0, std::numeric_limits<std::uint32_t>::max(), seed));
  out.k = static_cast<int>(k);
  out.min_votes = static_cast<int>(min_votes);
  out.seed = static_cast<unsigned>(seed);
  return Status::Ok();
}

}  // namespace

Result<OpinionInput> ParseOpinionInput(const nlohmann::json& in) {
  if (!in.is_object()) {
    return InvalidArgument(
        "expected an object {\"statements\", \"participants\"?, \"votes\", ...}");
  }
  ECOSOL_RETURN_IF_ERROR(
      OnlyKeys(in, "", {"statements", "participants", "votes", "k", "min_votes", "seed"}));
  OpinionInput out;
  ECOSOL_RETURN_IF_ERROR(ParseStatements(in, out));
  ECOSOL_RETURN_IF_ERROR(ParseParticipants(in, out));
  ECOSOL_RETURN_IF_ERROR(ParseVotes(in, out));
  ECOSOL_RETURN_IF_ERROR(ParseSettings(in, out));
  ECOSOL_RETURN_IF_ERROR(opinion::CheckInput(out));
  return out;
}

}  // namespace ecosol::participation
