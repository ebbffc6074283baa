#include "actor_doc.h"

#include <charconv>
#include <map>
#include <tuple>

#include "ecosol/model/json.h"
#include "ecosol/store/store.h"
#include "ecosol/text/search_text.h"

namespace ecosol::store {
namespace {

using nlohmann::json;

// All the text of an actor that search should find, apart from its names.
std::string BodyText(const model::Actor& a) {
  std::string body;
  for (const auto& [lang, text] : a.description) body += text + "\n";
  body += a.legal_form + "\n" + a.address.locality + "\n" + a.address.region + "\n" +
          a.address.postcode + "\n";
  for (const auto& [scheme, value] : a.identifiers) body += value + "\n";
  return body;
}

std::string NameText(const model::Actor& a) {
  std::string names = a.name;
  for (const auto& [lang, text] : a.names) names += "\n" + text;
  return names;
}

}  // namespace

// The stored document is written directly rather than built as an nlohmann::json tree and
// dumped: a bulk import writes one per row, and the tree's allocations made up most of the cost
// of preparing a row. It is read back with nlohmann (ActorFromStoredDoc); actor_doc_test.cc
// checks that the two agree.
class DocWriter {
 public:
  std::string Take() {
    out_ += '}';
    return std::move(out_);
  }
  void String(std::string_view key, const std::string& v, bool keep_empty = false) {
    if (v.empty() && !keep_empty) return;
    Key(key);
    Quoted(v);
  }
  void Number(std::string_view key, long long v) {
    Key(key);
    out_ += std::to_string(v);
  }
  void List(std::string_view key, const std::vector<std::string>& v) {
    if (v.empty()) return;
    Key(key);
    QuotedList(v);
  }
  void Map(std::string_view key, const std::map<std::string, std::string>& v) {
    if (v.empty()) return;
    Key(key);
    char sep = '{';
    for (const auto& [k, value] : v) {
      out_ += sep;
      sep = ',';
      Quoted(k);
      out_ += ':';
      Quoted(value);
    }
    out_ += '}';
  }
  void Address(const model::Address& a) {
    if (a == model::Address{}) return;
    Key("address");
    out_ += '{';
    bool first = true;
    for (const auto& [k, v] : {std::pair{"street", &a.street}, std::pair{"locality", &a.locality},
                               std::pair{"region", &a.region}, std::pair{"postcode", &a.postcode},
                               std::pair{"country", &a.country}}) {
      if (v->empty()) continue;
      if (!first) out_ += ',';
      first = false;
      Quoted(k);
      out_ += ':';
      Quoted(*v);
    }
    out_ += '}';
  }
  void Location(const std::optional<model::Location>& loc) {
    if (!loc) return;
    Key("location");
    out_ += "{\"lat\":";
    Double(loc->lat);
    out_ += ",\"lon\":";
    Double(loc->lon);
    out_ += ",\"precision\":";
    Quoted(model::ToString(loc->precision));
    out_ += '}';
  }
  void Provenance(const std::map<std::string, model::Provenance>& prov) {
    if (prov.empty()) return;
    using GroupKey = std::tuple<std::string_view, std::string_view, std::string_view>;
    std::map<GroupKey, std::vector<std::string>> groups;
    for (const auto& [field, p] : prov) groups[{p.source, p.date, p.method}].push_back(field);
    Key("provenance");
    char sep = '[';
    for (const auto& [key, fields] : groups) {
      out_ += sep;
      sep = ',';
      out_ += "{\"source\":";
      Quoted(std::get<0>(key));
      out_ += ",\"date\":";
      Quoted(std::get<1>(key));
      out_ += ",\"method\":";
      Quoted(std::get<2>(key));
      out_ += ",\"fields\":";
      QuotedList(fields);
      out_ += '}';
    }
    out_ += ']';
  }
  void True(std::string_view key) {
    Key(key);
    out_ += "true";
  }

 private:
  void Key(std::string_view key) {
    out_ += out_.empty() ? '{' : ',';
    out_ += '"';
    out_ += key;
    out_ += "\":";
  }
  void QuotedList(const std::vector<std::string>& v) {
    char sep = '[';
    for (const std::string& item : v) {
      out_ += sep;
      sep = ',';
      Quoted(item);
    }
    out_ += ']';
  }
  // A JSON string: quotes, backslashes and control characters escaped; UTF-8 (validated on the
  // way in) passes through.
  void Quoted(std::string_view v) {
    out_ += '"';
    for (char c : v) {
      const auto u = static_cast<unsigned char>(c);
      if (c == '"' || c == '\\') {
        out_ += '\\';
        out_ += c;
      } else if (u < 0x20) {
        static const char* const kHex = "0123456789abcdef";
        out_ += "\\u00";
        out_ += kHex[u >> 4];
        out_ += kHex[u & 15];
      } else {
        out_ += c;
      }
    }
    out_ += '"';
  }
  // The shortest text that reads back as the same double.
  void Double(double v) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, ec == std::errc() ? end : buf);
  }

  std::string out_;
};

std::string ActorToStoredDoc(const model::Actor& a) {
  DocWriter w;
  w.String("id", a.id, true);
  w.String("kind", std::string(model::ToString(a.kind)));
  w.String("name", a.name, true);
  w.Map("names", a.names);
  w.Map("description", a.description);
  w.String("legal_form", a.legal_form);
  w.List("structures", a.structures);
  w.List("activities", a.activities);
  w.String("primary_activity", a.primary_activity);
  w.List("membership_types", a.membership_types);
  w.List("qualifiers", a.qualifiers);
  w.List("claims", a.claims);
  w.Address(a.address);
  w.String("territory", a.territory);
  w.Location(a.location);
  w.String("website", a.website);
  w.Map("contacts", a.contacts);
  w.String("founded", a.founded);
  w.String("dissolved", a.dissolved);
  w.Map("identifiers", a.identifiers);
  w.Map("attributes", a.attributes);
  w.Provenance(a.provenance);
  if (a.visibility != model::Visibility::kPublic) {
    w.String("visibility", std::string(model::ToString(a.visibility)));
  }
  if (!a.field_visibility.empty()) {
    std::map<std::string, std::string> fv;
    for (const auto& [field, v] : a.field_visibility) fv[field] = std::string(model::ToString(v));
    w.Map("field_visibility", fv);
  }
  w.Number("version", a.version);
  w.String("updated_at", a.updated_at);
  if (a.deleted) w.True("deleted");
  return w.Take();
}

Result<model::Actor> ActorFromStoredDoc(const std::string& doc) {
  auto j = model::ParseJson(doc);
  if (!j.ok() || !j->is_object()) {
    return Internal("stored actor document is corrupt: " +
                    (j.ok() ? std::string("not an object") : j.status().message()));
  }
  // Grouped provenance is read here directly; the rest by the model's reader.
  std::map<std::string, model::Provenance> provenance;
  auto prov = j->find("provenance");
  const bool grouped = prov != j->end() && prov->is_array();
  if (grouped) {
    for (const json& group : *prov) {
      if (!group.is_object() || !group.contains("fields") || !group["fields"].is_array()) {
        return Internal("stored actor document has corrupt provenance");
      }
      model::Provenance p{group.value("source", ""), group.value("date", ""),
                          group.value("method", "")};
      for (const json& field : group["fields"]) {
        if (!field.is_string()) return Internal("stored actor document has corrupt provenance");
        provenance.emplace(field.get<std::string>(), p);
      }
    }
    j->erase(prov);
  }
  auto actor = model::ActorFromJson(*j, /*allow_server_fields=*/true);
  if (actor.ok() && grouped) actor->provenance = std::move(provenance);
  return actor;
}

EncodedActor EncodeActor(model::Actor actor) {
  EncodedActor e;
  e.doc = ActorToStoredDoc(actor);
  e.sort_name = text::Fold(actor.name);
  if (!actor.deleted) {  // deleted actors leave the full-text index
    e.name_forms = text::IndexForms(NameText(actor));
    if (actor.field_visibility.empty()) {
      e.body_forms = text::IndexForms(BodyText(actor));
    } else {
      // Text seen by fewer than the record is not indexed: a search must not find an actor by
      // words its reader may not see.
      model::Actor shown = actor;
      if (shown.field_visibility.count("description")) shown.description.clear();
      if (shown.field_visibility.count("legal_form")) shown.legal_form.clear();
      if (shown.field_visibility.count("address")) shown.address = {};
      if (shown.field_visibility.count("identifiers")) shown.identifiers.clear();
      e.body_forms = text::IndexForms(BodyText(shown));
    }
  }
  e.actor = std::move(actor);
  return e;
}

Result<model::Actor> DecodeStoredActor(const std::string& doc) { return ActorFromStoredDoc(doc); }

}  // namespace ecosol::store
