// Sortition from a public seed (records.h): every member's rank is a hash of the seed and the
// member's id, so the draw needs no secret and no random source, and anyone holding the seed and
// the pool redraws it.

#include <algorithm>
#include <map>
#include <set>

#include "ecosol/participation/records.h"
#include "records_internal.h"

namespace ecosol::participation {
namespace {

using nlohmann::json;

std::string At(const std::string& field, size_t i) { return field + "[" + std::to_string(i) + "]"; }

Status ParseWitnesses(const json& in, SortitionInput& out) {
  if (!in.is_array() || in.empty()) {
    return InvalidArgument(
        "witnesses: give at least one witness (a name) who saw the seed fixed before the draw");
  }
  for (size_t i = 0; i < in.size(); ++i) {
    if (!in[i].is_string() || in[i].get<std::string>().empty()) {
      return InvalidArgument(At("witnesses", i) + ": expected a witness's name, got " +
                             in[i].dump());
    }
    out.witnesses.push_back(in[i].get<std::string>());
  }
  return Status::Ok();
}

Result<SortitionMember> ParseMember(const json& in, const std::string& path) {
  SortitionMember m;
  if (in.is_string()) {
    m.id = in.get<std::string>();
  } else if (in.is_object()) {
    for (const auto& [key, value] : in.items()) {
      if (key != "id" && key != "category") {
        return InvalidArgument(path + "." + key + ": unknown key; a member has id and category");
      }
      if (!value.is_string()) {
        return InvalidArgument(path + "." + key + ": expected a string, got " + value.dump());
      }
    }
    m.id = StringField(in, "id");
    m.category = StringField(in, "category");
  } else {
    return InvalidArgument(path + ": expected an id or {\"id\", \"category\"}, got " + in.dump());
  }
  if (m.id.empty()) return InvalidArgument(path + ".id: a member needs a non-empty id");
  return m;
}

Status ParsePool(const json& in, SortitionInput& out) {
  if (!in.is_array() || in.empty()) {
    return InvalidArgument(
        "pool: expected a non-empty array of members (ids or {\"id\", "
        "\"category\"})");
  }
  std::map<std::string, size_t> seen;
  for (size_t i = 0; i < in.size(); ++i) {
    auto member = ParseMember(in[i], At("pool", i));
    if (!member.ok()) return member.status();
    const auto [where, fresh] = seen.emplace(member->id, i);
    if (!fresh) {
      return InvalidArgument(At("pool", i) + ": '" + member->id + "' is already pool[" +
                             std::to_string(where->second) + "]; each member once");
    }
    out.pool.push_back(std::move(*member));
  }
  return Status::Ok();
}

Status ParseSeats(const json& in, SortitionInput& out) {
  const auto size = static_cast<long long>(out.pool.size());
  if (!in.is_number_integer() || in.get<long long>() < 1 || in.get<long long>() > size) {
    return InvalidArgument("seats: expected a whole number from 1 to the pool's size " +
                           std::to_string(size) + ", got " + in.dump());
  }
  out.seats = in.get<int>();
  return Status::Ok();
}

Result<SortitionQuota> ParseQuota(const json& in, const std::string& path) {
  if (!in.is_object()) {
    return InvalidArgument(path + ": expected {\"category\", \"min\"}, got " + in.dump());
  }
  SortitionQuota q;
  q.category = StringField(in, "category");
  if (q.category.empty()) return InvalidArgument(path + ".category: give the category's name");
  const json& min = Field(in, "min");
  if (!min.is_number_integer() || min.get<long long>() < 0 || min.get<long long>() > 1'000'000) {
    return InvalidArgument(path + ".min: expected a whole number of seats (0 or more), got " +
                           min.dump());
  }
  q.min = min.get<int>();
  for (const auto& item : in.items()) {
    if (item.key() != "category" && item.key() != "min") {
      return InvalidArgument(path + "." + item.key() +
                             ": unknown key; a quota has category "
                             "and min");
    }
  }
  return q;
}

// Quotas: each category once, each met by the pool, their mins within the seats.
Status ParseQuotas(const json& in, SortitionInput& out) {
  if (in.is_null()) return Status::Ok();
  if (!in.is_array()) return InvalidArgument("quotas: expected an array of {category, min}");
  std::map<std::string, int> in_pool;
  for (const SortitionMember& m : out.pool) ++in_pool[m.category];
  std::set<std::string> categories;
  long long sum = 0;
  for (size_t i = 0; i < in.size(); ++i) {
    auto quota = ParseQuota(in[i], At("quotas", i));
    if (!quota.ok()) return quota.status();
    if (!categories.insert(quota->category).second) {
      return InvalidArgument(At("quotas", i) + ".category: '" + quota->category +
                             "' has a quota already; give one quota per category");
    }
    if (quota->min > in_pool[quota->category]) {
      return InvalidArgument(At("quotas", i) + ".min: " + std::to_string(quota->min) +
                             " seats for '" + quota->category + "' but the pool has " +
                             std::to_string(in_pool[quota->category]) + " such members");
    }
    sum += quota->min;
    out.quotas.push_back(std::move(*quota));
  }
  if (sum > out.seats) {
    return InvalidArgument("quotas: their mins sum to " + std::to_string(sum) + " but only " +
                           std::to_string(out.seats) +
                           " seats are drawn; lower the mins or "
                           "draw more seats");
  }
  return Status::Ok();
}

struct Ranked {
  std::string score;
  const SortitionMember* member;
};

// Every member with its score, lowest first. Ids are unique, so ties in score (a SHA-256
// collision) still sort the same for everyone.
std::vector<Ranked> RankPool(const SortitionInput& input) {
  std::vector<Ranked> ranked;
  for (const SortitionMember& m : input.pool) {
    ranked.push_back({Sha256Hex("ecosol-sortition/1\n" + input.seed + "\n" + m.id), &m});
  }
  std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    return a.score != b.score ? a.score < b.score : a.member->id < b.member->id;
  });
  return ranked;
}

// Quotas take their seats first, in the order the quotas are given, each from its category's
// lowest-ranked members; the other seats follow in rank order. The ids in the order drawn.
Result<json> SelectSeats(const SortitionInput& input, const std::vector<Ranked>& ranked) {
  std::set<std::string> taken;
  json selected = json::array();
  for (const SortitionQuota& q : input.quotas) {
    int got = 0;
    for (const Ranked& r : ranked) {
      if (got >= q.min) break;
      if (r.member->category != q.category || !taken.insert(r.member->id).second) continue;
      selected.push_back(r.member->id);
      ++got;
    }
    if (got < q.min) {
      return InvalidArgument("quotas: '" + q.category + "' needs " + std::to_string(q.min) +
                             " seats but the pool has " + std::to_string(got) + " such members");
    }
  }
  for (const Ranked& r : ranked) {
    if (static_cast<int>(selected.size()) >= input.seats) break;
    if (taken.insert(r.member->id).second) selected.push_back(r.member->id);
  }
  if (static_cast<int>(selected.size()) < input.seats) {
    return InvalidArgument("seats: " + std::to_string(input.seats) + " seats but the pool has " +
                           std::to_string(input.pool.size()) + " members");
  }
  return selected;
}

// The pool as recorded: sorted by id, so that neither it nor its hash depends on the order given.
json RecordedPool(const SortitionInput& input) {
  std::vector<const SortitionMember*> by_id;
  for (const SortitionMember& m : input.pool) by_id.push_back(&m);
  std::sort(by_id.begin(), by_id.end(),
            [](const SortitionMember* a, const SortitionMember* b) { return a->id < b->id; });
  json pool = json::array();
  for (const SortitionMember* m : by_id) {
    json member = {{"id", m->id}};
    if (!m->category.empty()) member["category"] = m->category;
    pool.push_back(std::move(member));
  }
  return pool;
}

}  // namespace

Result<SortitionInput> ParseSortition(const json& in) {
  if (!in.is_object()) return InvalidArgument("sortition: expected an object, got " + in.dump());
  for (const auto& item : in.items()) {
    static const std::set<std::string> kKeys = {"id",   "seed",  "witnesses",
                                                "pool", "seats", "quotas"};
    if (kKeys.count(item.key()) == 0) {
      return InvalidArgument(item.key() +
                             ": unknown key; a sortition has id, seed, witnesses, "
                             "pool, seats and quotas");
    }
  }
  SortitionInput out;
  out.id = StringField(in, "id");
  if (out.id.empty()) return InvalidArgument("id: give the sortition an id");
  out.seed = StringField(in, "seed");
  if (out.seed.empty()) {
    return InvalidArgument(
        "seed: give the public seed (fixed before the draw, e.g. a lottery "
        "result or a public dice roll)");
  }
  ECOSOL_RETURN_IF_ERROR(ParseWitnesses(Field(in, "witnesses"), out));
  ECOSOL_RETURN_IF_ERROR(ParsePool(Field(in, "pool"), out));
  ECOSOL_RETURN_IF_ERROR(ParseSeats(Field(in, "seats"), out));
  ECOSOL_RETURN_IF_ERROR(ParseQuotas(Field(in, "quotas"), out));
  return out;
}

Result<json> Draw(const SortitionInput& input) {
  const std::vector<Ranked> ranked = RankPool(input);
  auto selected = SelectSeats(input, ranked);
  if (!selected.ok()) return selected.status();
  const json pool = RecordedPool(input);
  json quotas = json::array();
  for (const SortitionQuota& q : input.quotas) {
    quotas.push_back({{"category", q.category}, {"min", q.min}});
  }
  json ranks = json::array();
  for (const Ranked& r : ranked) ranks.push_back({{"id", r.member->id}, {"score", r.score}});
  auto pool_text = CanonicalJson(pool);
  if (!pool_text.ok()) return pool_text.status().WithContext("pool");
  return json{{"id", input.id},
              {"seed", input.seed},
              {"witnesses", input.witnesses},
              {"pool", pool},
              {"seats", input.seats},
              {"quotas", quotas},
              {"pool_sha256", Sha256Hex(*pool_text)},
              {"selected", *selected},
              {"ranks", ranks}};
}

}  // namespace ecosol::participation
