// Kumu blueprint export. Field names follow Kumu's JSON import ("label", "type", "description",
// "tags" are core fields; "from", "to", "type", "direction" for connections); Ecosol's other
// facts go to custom fields with readable names, as Kumu shows field names in profiles.

#include "ecosol/interop/kumu.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace ecosol::interop {
namespace {

using model::Actor;
using model::Relationship;
using nlohmann::json;

// "informal_group" -> "Informal group": Kumu shows types as written.
std::string Readable(std::string_view name) {
  std::string out(name);
  for (char& c : out) {
    if (c == '_') c = ' ';
  }
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

// Partnership and co-construction have no direction; the other types go from `from` to `to`.
std::string DirectionOf(model::RelationshipType type) {
  return type == model::RelationshipType::kPartnerOf ||
                 type == model::RelationshipType::kCoConstructsWith
             ? "mutual"
             : "directed";
}

// The English description, else the first language's.
std::string DescriptionOf(const Actor& a) {
  auto en = a.description.find("en");
  if (en != a.description.end()) return en->second;
  return a.description.empty() ? "" : a.description.begin()->second;
}

// Claims, then the ESSGlobal codes, each once.
std::vector<std::string> TagsOf(const Actor& a) {
  std::vector<std::string> tags;
  std::set<std::string> seen;
  for (const auto* list :
       {&a.claims, &a.structures, &a.activities, &a.membership_types, &a.qualifiers}) {
    for (const std::string& t : *list) {
      if (seen.insert(t).second) tags.push_back(t);
    }
  }
  return tags;
}

void PutText(json* object, const char* key, const std::string& value) {
  if (!value.empty()) (*object)[key] = value;
}

json Element(const Actor& a, const std::string& label) {
  json e = {{"label", label}, {"type", Readable(model::ToString(a.kind))}};
  PutText(&e, "description", DescriptionOf(a));
  std::vector<std::string> tags = TagsOf(a);
  if (!tags.empty()) e["tags"] = tags;
  PutText(&e, "Ecosol ID", a.id);
  PutText(&e, "url", a.website);
  auto email = a.contacts.find("email");
  if (email != a.contacts.end()) PutText(&e, "email", email->second);
  PutText(&e, "Country", a.address.country);
  PutText(&e, "Territory", a.territory);
  PutText(&e, "Locality", a.address.locality);
  PutText(&e, "Legal form", a.legal_form);
  PutText(&e, "Founded", a.founded);
  PutText(&e, "Dissolved", a.dissolved);
  return e;
}

// Actor id -> unique label (see kumu.h). A label that is still taken (an actor literally named
// "X (id)") gets " #2", " #3", ... until it is free.
std::map<std::string, std::string> Labels(const std::vector<const Actor*>& actors) {
  std::map<std::string, int> name_count;
  for (const Actor* a : actors) ++name_count[a->name];
  std::map<std::string, std::string> labels;
  std::set<std::string> taken;
  for (const Actor* a : actors) {
    std::string label = a->name.empty()           ? a->id
                        : name_count[a->name] > 1 ? a->name + " (" + a->id + ")"
                                                  : a->name;
    std::string unique = label;
    for (int n = 2; !taken.insert(unique).second; ++n) unique = label + " #" + std::to_string(n);
    labels[a->id] = unique;
  }
  return labels;
}

json Connection(const Relationship& r, const std::map<std::string, std::string>& labels) {
  json c = {{"from", labels.at(r.from)},
            {"to", labels.at(r.to)},
            {"type", Readable(model::ToString(r.type))},
            {"direction", DirectionOf(r.type)}};
  PutText(&c, "description", r.description);
  PutText(&c, "Ecosol ID", r.id);
  PutText(&c, "Started", r.started);
  PutText(&c, "Ended", r.ended);
  if (r.strength) c["Strength"] = *r.strength;
  return c;
}

}  // namespace

std::string WriteKumu(const std::vector<Actor>& actors,
                      const std::vector<Relationship>& relationships) {
  std::vector<const Actor*> kept;
  std::set<std::string> ids;
  for (const Actor& a : actors) {
    if (!a.deleted && ids.insert(a.id).second) kept.push_back(&a);
  }
  std::map<std::string, std::string> labels = Labels(kept);
  json elements = json::array();
  for (const Actor* a : kept) elements.push_back(Element(*a, labels.at(a->id)));
  json connections = json::array();
  for (const Relationship& r : relationships) {
    if (r.deleted || !ids.count(r.from) || !ids.count(r.to)) continue;
    connections.push_back(Connection(r, labels));
  }
  json doc = {{"elements", std::move(elements)}, {"connections", std::move(connections)}};
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace ecosol::interop
