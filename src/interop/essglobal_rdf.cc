#include "ecosol/interop/essglobal_rdf.h"

#include <serd/serd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "ecosol/base/strings.h"

// One mapping, two syntaxes. Writing builds a small tree of nodes per actor (OutNode) that a
// serd writer turns into Turtle and a compactor turns into JSON-LD; reading turns either syntax
// into the same list of triples (Graph) that one mapper turns back into actors. So the two
// formats cannot drift apart, and the tests' round trips check the mapping once per syntax.

namespace ecosol::interop {
namespace {

using model::Actor;
using nlohmann::json;

constexpr std::string_view kEssglobal = "https://dev.lod.coop/essglobal/2.1/vocab/";
constexpr std::string_view kStandard = "https://dev.lod.coop/essglobal/2.1/standard/";
constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
constexpr std::string_view kGr = "http://purl.org/goodrelations/v1#";
constexpr std::string_view kDcterms = "http://purl.org/dc/terms/";
constexpr std::string_view kDcElements = "http://purl.org/dc/elements/1.1/";
constexpr std::string_view kVcard = "http://www.w3.org/2006/vcard/ns#";
constexpr std::string_view kGeo = "http://www.w3.org/2003/01/geo/wgs84_pos#";
constexpr std::string_view kFoaf = "http://xmlns.com/foaf/0.1/";
constexpr std::string_view kSchema = "http://schema.org/";
constexpr std::string_view kSchemaHttps = "https://schema.org/";
constexpr std::string_view kAdms = "http://www.w3.org/ns/adms#";
constexpr std::string_view kSkos = "http://www.w3.org/2004/02/skos/core#";
constexpr std::string_view kOwl = "http://www.w3.org/2002/07/owl#";
constexpr std::string_view kOsSpatial =
    "http://data.ordnancesurvey.co.uk/ontology/spatialrelations/";
constexpr std::string_view kRov = "http://www.w3.org/ns/regorg#";

// Identifier schemes written with a property of their own rather than as adms:identifier.
constexpr std::string_view kSameAsScheme = "same-as";
constexpr std::string_view kCompaniesHouse = "companies-house";

std::string Iri(std::string_view ns, std::string_view local) {
  return std::string(ns) + std::string(local);
}

// The prefixes both writers declare (Turtle @prefix, JSON-LD context), in this order.
const std::vector<std::pair<std::string, std::string>>& Prefixes() {
  static const std::vector<std::pair<std::string, std::string>> prefixes = {
      {"essglobal", std::string(kEssglobal)},
      {"gr", std::string(kGr)},
      {"dcterms", std::string(kDcterms)},
      {"vcard", std::string(kVcard)},
      {"geo", std::string(kGeo)},
      {"foaf", std::string(kFoaf)},
      {"schema", std::string(kSchema)},
      {"adms", std::string(kAdms)},
      {"skos", std::string(kSkos)},
      {"owl", std::string(kOwl)},
      {"osspatialrelations", std::string(kOsSpatial)},
      {"rdf", std::string(kRdf)},
      {"xsd", std::string(kXsd)},
      {"ecosol", std::string(kEcosolVocab)},
  };
  return prefixes;
}

// ---------------------------------------------------------------------------------------------
// IRIs and literals

bool IsUnreserved(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

void AppendPercent(unsigned char c, std::string* out) {
  static const char kHex[] = "0123456789ABCDEF";
  out->push_back('%');
  out->push_back(kHex[c >> 4]);
  out->push_back(kHex[c & 15]);
}

// One path segment of an IRI: everything but unreserved characters percent-encoded.
std::string EncodeSegment(std::string_view s) {
  std::string out;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (IsUnreserved(c)) {
      out.push_back(ch);
    } else {
      AppendPercent(c, &out);
    }
  }
  return out;
}

// An IRI taken from data (a website): only the characters Turtle's IRIREF forbids are encoded.
std::string EscapeIri(std::string_view s) {
  std::string out;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || std::strchr("<>\"{}|^`\\", ch) != nullptr) {
      AppendPercent(c, &out);
    } else {
      out.push_back(ch);
    }
  }
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string DecodePercent(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    int hi = s[i] == '%' && i + 2 < s.size() ? HexValue(s[i + 1]) : -1;
    int lo = hi >= 0 ? HexValue(s[i + 2]) : -1;
    if (lo >= 0) {
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// "scheme:..." with an RFC 3986 scheme.
bool IsAbsoluteIri(std::string_view s) {
  size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  if (!std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(colon), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
  });
}

// The part of an IRI after its last '/' or '#'.
std::string_view LastSegment(std::string_view iri) {
  size_t cut = iri.find_last_of("/#");
  return cut == std::string_view::npos ? iri : iri.substr(cut + 1);
}

std::string_view NamespaceOf(std::string_view iri) {
  size_t cut = iri.find_last_of("/#");
  return cut == std::string_view::npos ? std::string_view() : iri.substr(0, cut + 1);
}

// ESSGlobal has been published under several roots (purl.org/essglobal/vocab/,
// w3id.solidarityeconomy.coop/essglobal/V2a/vocab/, dev.lod.coop/essglobal/2.1/vocab/, ...);
// data in the wild uses all of them.
bool IsEssglobalNamespace(std::string_view ns) {
  return ns.find("essglobal") != std::string_view::npos && ns.size() >= 7 &&
         ns.substr(ns.size() - 7) == "/vocab/";
}

std::string StandardIri(std::string_view scheme, std::string_view code) {
  return std::string(kStandard) + std::string(scheme) + "/" + EncodeSegment(code);
}

// "https://.../organisational-structure/OS130" -> "OS130"; a bare code is taken as it is.
bool CodeFromIri(std::string_view value, std::string_view scheme, std::string* code,
                 std::string* error) {
  size_t slash = value.find_last_of('/');
  if (slash == std::string_view::npos) {
    *code = std::string(value);
    return true;
  }
  std::string_view path = value.substr(0, slash);
  std::string suffix = "/" + std::string(scheme);
  if (path.size() < suffix.size() || path.substr(path.size() - suffix.size()) != suffix) {
    *error = "'" + std::string(value) + "' is not in the ESSGlobal " + std::string(scheme) +
             " scheme (.../" + std::string(scheme) + "/CODE)";
    return false;
  }
  *code = DecodePercent(value.substr(slash + 1));
  return true;
}

// BCP 47 shape, as Turtle's LANGTAG requires: letters, then '-'-separated letters and digits.
bool IsLangTag(std::string_view s) {
  std::vector<std::string> parts = Split(s, '-');
  for (size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].empty()) return false;
    for (char c : parts[i]) {
      auto u = static_cast<unsigned char>(c);
      if (!(i == 0 ? std::isalpha(u) : std::isalnum(u))) return false;
    }
  }
  return true;
}

// The shortest decimal (never exponent) notation that reads back as the same double.
std::string Decimal(double v) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  return std::string(buf, r.ptr);
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

// The XSD type of an ISO date ("2001", "2001-05", "2001-05-03"); empty for anything else.
std::string DateType(std::string_view d) {
  if (d.size() == 4 && AllDigits(d)) return Iri(kXsd, "gYear");
  if (d.size() == 7 && AllDigits(d.substr(0, 4)) && d[4] == '-' && AllDigits(d.substr(5))) {
    return Iri(kXsd, "gYearMonth");
  }
  if (d.size() == 10 && AllDigits(d.substr(0, 4)) && d[4] == '-' && AllDigits(d.substr(5, 2)) &&
      d[7] == '-' && AllDigits(d.substr(8))) {
    return Iri(kXsd, "date");
  }
  return "";
}

bool IsLegalFormCode(std::string_view s) {
  return s.size() >= 2 && s[0] == 'L' && AllDigits(s.substr(1));
}

// ---------------------------------------------------------------------------------------------
// Writing: actor -> node tree

struct OutNode;

struct OutValue {
  enum class Kind { kIri, kLiteral, kNode };
  Kind kind = Kind::kLiteral;
  std::string text;               // the IRI or the literal's lexical form
  std::string lang;               // literals only
  std::string datatype;           // literals only, a full IRI
  std::shared_ptr<OutNode> node;  // kNode: one anonymous node
};

struct OutNode {
  std::string iri;  // empty for an anonymous (blank) node
  std::vector<std::pair<std::string, OutValue>> props;

  void AddIri(std::string predicate, std::string iri_value) {
    props.push_back(
        {std::move(predicate), {OutValue::Kind::kIri, std::move(iri_value), "", "", {}}});
  }
  void AddLiteral(std::string predicate, std::string text, std::string lang = "",
                  std::string datatype = "") {
    props.push_back(
        {std::move(predicate),
         {OutValue::Kind::kLiteral, std::move(text), std::move(lang), std::move(datatype), {}}});
  }
  void AddNode(std::string predicate, OutNode node) {
    OutValue v{OutValue::Kind::kNode, "", "", "", {}};
    v.node = std::make_shared<OutNode>(std::move(node));
    props.push_back({std::move(predicate), std::move(v)});
  }
};

// [ ecosol:key "k" ; rdf:value "v" ]: a map entry with no standard property.
OutNode KeyValue(const std::string& key, const std::string& value) {
  OutNode n;
  n.AddLiteral(Iri(kEcosolVocab, "key"), key);
  n.AddLiteral(Iri(kRdf, "value"), value);
  return n;
}

void AddCodes(OutNode* n, std::string_view property, std::string_view scheme,
              const std::vector<std::string>& codes) {
  for (const std::string& c : codes) n->AddIri(Iri(kEssglobal, property), StandardIri(scheme, c));
}

void AddNames(const Actor& a, OutNode* n) {
  if (!a.name.empty()) n->AddLiteral(Iri(kGr, "name"), a.name);
  for (const auto& [lang, text] : a.names) {
    if (IsLangTag(lang)) n->AddLiteral(Iri(kGr, "name"), text, lang);
  }
  for (const auto& [lang, text] : a.description) {
    n->AddLiteral(Iri(kDcterms, "description"), text, IsLangTag(lang) ? lang : "");
  }
}

void AddClassification(const Actor& a, OutNode* n) {
  if (IsLegalFormCode(a.legal_form)) {
    n->AddIri(Iri(kEssglobal, "legalForm"), StandardIri("legal-form", a.legal_form));
  } else if (!a.legal_form.empty()) {
    n->AddLiteral(Iri(kEssglobal, "legalForm"), a.legal_form);
  }
  AddCodes(n, "organisationalStructure", "organisational-structure", a.structures);
  AddCodes(n, "economicSector", "activities-ica", a.activities);
  if (!a.primary_activity.empty()) {
    n->AddIri(Iri(kEssglobal, "primarySector"), StandardIri("activities-ica", a.primary_activity));
  }
  AddCodes(n, "baseMembershipType", "base-membership-type", a.membership_types);
  AddCodes(n, "qualifier", "qualifiers", a.qualifiers);
  for (const std::string& c : a.claims) n->AddLiteral(Iri(kEcosolVocab, "claim"), c);
}

// The geo container (a postcode unit, in DigitalCommons data) is an address's
// osspatialrelations:within when it is an IRI.
std::string GeoContainerIri(const Actor& a) {
  auto it = a.attributes.find("geo_container");
  return it != a.attributes.end() && IsAbsoluteIri(it->second) ? it->second : "";
}

void AddPlace(const Actor& a, OutNode* n) {
  OutNode addr;
  addr.AddIri(Iri(kRdf, "type"), Iri(kVcard, "Address"));
  const std::pair<const char*, const std::string*> parts[] = {{"street-address", &a.address.street},
                                                              {"locality", &a.address.locality},
                                                              {"region", &a.address.region},
                                                              {"postal-code", &a.address.postcode},
                                                              {"country-name", &a.address.country}};
  for (const auto& [property, value] : parts) {
    if (!value->empty()) addr.AddLiteral(Iri(kVcard, property), *value);
  }
  std::string container = GeoContainerIri(a);
  if (!container.empty()) addr.AddIri(Iri(kOsSpatial, "within"), EscapeIri(container));
  if (addr.props.size() > 1) n->AddNode(Iri(kEssglobal, "hasAddress"), std::move(addr));
  if (!a.territory.empty()) n->AddLiteral(Iri(kEcosolVocab, "territory"), a.territory);
  // A hidden location is known to nobody outside; it is written nowhere.
  if (a.location && a.location->precision != model::LocationPrecision::kHidden) {
    n->AddLiteral(Iri(kGeo, "lat"), Decimal(a.location->lat), "", Iri(kXsd, "decimal"));
    n->AddLiteral(Iri(kGeo, "long"), Decimal(a.location->lon), "", Iri(kXsd, "decimal"));
    if (a.location->precision == model::LocationPrecision::kApproximate) {
      n->AddLiteral(Iri(kEcosolVocab, "locationPrecision"), "approximate");
    }
  }
}

void AddContacts(const Actor& a, OutNode* n) {
  if (!a.website.empty()) n->AddIri(Iri(kFoaf, "homepage"), EscapeIri(a.website));
  for (const auto& [key, value] : a.contacts) {
    if (key == "email") {
      n->AddLiteral(Iri(kSchema, "email"), value);
    } else if (key == "phone") {
      n->AddLiteral(Iri(kSchema, "telephone"), value);
    } else {
      n->AddNode(Iri(kEcosolVocab, "contact"), KeyValue(key, value));
    }
  }
  if (!a.founded.empty()) {
    n->AddLiteral(Iri(kSchema, "foundingDate"), a.founded, "", DateType(a.founded));
  }
  if (!a.dissolved.empty()) {
    n->AddLiteral(Iri(kSchema, "dissolutionDate"), a.dissolved, "", DateType(a.dissolved));
  }
}

void AddIdentifiers(const Actor& a, OutNode* n) {
  for (const auto& [scheme, value] : a.identifiers) {
    if (scheme == kSameAsScheme) {
      for (const std::string& iri : SplitNonEmpty(value, ' ')) {
        n->AddIri(Iri(kOwl, "sameAs"), EscapeIri(iri));
      }
      continue;
    }
    OutNode id;
    id.AddIri(Iri(kRdf, "type"), Iri(kAdms, "Identifier"));
    id.AddLiteral(Iri(kSkos, "notation"), value);
    id.AddLiteral(Iri(kAdms, "schemeAgency"), scheme);
    n->AddNode(Iri(kAdms, "identifier"), std::move(id));
  }
  for (const auto& [key, value] : a.attributes) {
    if (key == "geo_container" && !GeoContainerIri(a).empty()) continue;
    n->AddNode(Iri(kEcosolVocab, "attribute"), KeyValue(key, value));
  }
}

OutNode ActorNode(const Actor& a, const EssglobalRdfOptions& options) {
  std::string local = a.id;
  if (local.empty()) {
    auto it = a.identifiers.find(options.id_scheme);
    if (it != a.identifiers.end()) local = it->second;
  }
  OutNode n;
  // With neither an id nor an identifier, the node stays blank (and cannot be re-imported).
  if (!local.empty()) n.iri = EscapeIri(options.base_uri) + EncodeSegment(local);
  n.AddIri(Iri(kRdf, "type"), Iri(kEssglobal, "SSEInitiative"));
  n.AddLiteral(Iri(kEcosolVocab, "kind"), std::string(model::ToString(a.kind)));
  AddNames(a, &n);
  AddClassification(a, &n);
  AddPlace(a, &n);
  AddContacts(a, &n);
  AddIdentifiers(a, &n);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Turtle writer (serd)

SerdNode SerdString(SerdType type, const std::string& s) {
  return serd_node_from_substring(type, reinterpret_cast<const uint8_t*>(s.data()), s.size());
}

class TurtleWriter {
 public:
  TurtleWriter() : env_(serd_env_new(nullptr)) {
    auto style = static_cast<SerdStyle>(SERD_STYLE_ABBREVIATED | SERD_STYLE_CURIED);
    writer_ = serd_writer_new(SERD_TURTLE, style, env_, nullptr, serd_chunk_sink, &chunk_);
    for (const auto& [prefix, ns] : Prefixes()) {
      SerdNode name = SerdString(SERD_LITERAL, prefix);
      SerdNode uri = SerdString(SERD_URI, ns);
      serd_writer_set_prefix(writer_, &name, &uri);
    }
  }
  ~TurtleWriter() {
    serd_writer_free(writer_);
    serd_env_free(env_);
    serd_free(const_cast<uint8_t*>(chunk_.buf));  // when Finish() was not called
  }
  TurtleWriter(const TurtleWriter&) = delete;
  TurtleWriter& operator=(const TurtleWriter&) = delete;

  void Write(const OutNode& node) {
    std::string blank = "a" + std::to_string(++blanks_);
    SerdNode subject =
        node.iri.empty() ? SerdString(SERD_BLANK, blank) : SerdString(SERD_URI, node.iri);
    WriteProps(subject, node, 0);
  }

  std::string Finish() {
    serd_writer_finish(writer_);
    uint8_t* out = serd_chunk_sink_finish(&chunk_);
    std::string text = out == nullptr ? "" : reinterpret_cast<const char*>(out);
    serd_free(out);
    chunk_ = {nullptr, 0};
    return text;
  }

 private:
  void WriteProps(const SerdNode& subject, const OutNode& node, SerdStatementFlags flags) {
    for (const auto& [predicate, value] : node.props) {
      SerdNode p = SerdString(SERD_URI, predicate);
      if (value.kind == OutValue::Kind::kNode) {
        std::string id = "b" + std::to_string(++blanks_);
        SerdNode blank = SerdString(SERD_BLANK, id);
        serd_writer_write_statement(writer_, flags | SERD_ANON_O_BEGIN, nullptr, &subject, &p,
                                    &blank, nullptr, nullptr);
        WriteProps(blank, *value.node, SERD_ANON_CONT);
        serd_writer_end_anon(writer_, &blank);
      } else if (value.kind == OutValue::Kind::kIri) {
        SerdNode o = SerdString(SERD_URI, value.text);
        serd_writer_write_statement(writer_, flags, nullptr, &subject, &p, &o, nullptr, nullptr);
      } else {
        SerdNode o = SerdString(SERD_LITERAL, value.text);
        SerdNode type = SerdString(SERD_URI, value.datatype);
        SerdNode lang = SerdString(SERD_LITERAL, value.lang);
        serd_writer_write_statement(writer_, flags, nullptr, &subject, &p, &o,
                                    value.datatype.empty() ? nullptr : &type,
                                    value.lang.empty() ? nullptr : &lang);
      }
    }
  }

  SerdEnv* env_;
  SerdWriter* writer_;
  SerdChunk chunk_ = {nullptr, 0};
  long long blanks_ = 0;
};

// ---------------------------------------------------------------------------------------------
// JSON-LD writer: the node tree compacted with our context

struct JsonldTerm {
  std::string_view term;
  std::string_view id;    // compact IRI
  std::string_view type;  // "@id", a datatype (compact IRI) or empty
  bool language_map = false;
};

const std::vector<JsonldTerm>& JsonldTerms() {
  static const std::vector<JsonldTerm> terms = {
      {"SSEInitiative", "essglobal:SSEInitiative", ""},
      {"Address", "vcard:Address", ""},
      {"Identifier", "adms:Identifier", ""},
      {"kind", "ecosol:kind", ""},
      {"name", "gr:name", ""},
      {"nameTranslations", "gr:name", "", true},
      {"description", "dcterms:description", "", true},
      {"legalForm", "essglobal:legalForm", ""},
      {"organisationalStructure", "essglobal:organisationalStructure", "@id"},
      {"economicSector", "essglobal:economicSector", "@id"},
      {"primarySector", "essglobal:primarySector", "@id"},
      {"baseMembershipType", "essglobal:baseMembershipType", "@id"},
      {"qualifier", "essglobal:qualifier", "@id"},
      {"claim", "ecosol:claim", ""},
      {"hasAddress", "essglobal:hasAddress", ""},
      {"streetAddress", "vcard:street-address", ""},
      {"locality", "vcard:locality", ""},
      {"region", "vcard:region", ""},
      {"postalCode", "vcard:postal-code", ""},
      {"countryName", "vcard:country-name", ""},
      {"within", "osspatialrelations:within", "@id"},
      {"territory", "ecosol:territory", ""},
      {"lat", "geo:lat", "xsd:decimal"},
      {"long", "geo:long", "xsd:decimal"},
      {"locationPrecision", "ecosol:locationPrecision", ""},
      {"homepage", "foaf:homepage", "@id"},
      {"email", "schema:email", ""},
      {"telephone", "schema:telephone", ""},
      {"contact", "ecosol:contact", ""},
      {"foundingDate", "schema:foundingDate", ""},
      {"dissolutionDate", "schema:dissolutionDate", ""},
      {"identifier", "adms:identifier", ""},
      {"notation", "skos:notation", ""},
      {"schemeAgency", "adms:schemeAgency", ""},
      {"sameAs", "owl:sameAs", "@id"},
      {"attribute", "ecosol:attribute", ""},
      {"key", "ecosol:key", ""},
      {"value", "rdf:value", ""},
  };
  return terms;
}

std::string ExpandPrefixed(std::string_view compact) {
  size_t colon = compact.find(':');
  for (const auto& [prefix, ns] : Prefixes()) {
    if (compact.substr(0, colon) == prefix) return ns + std::string(compact.substr(colon + 1));
  }
  return std::string(compact);
}

std::string CompactIri(const std::string& iri) {
  for (const auto& [prefix, ns] : Prefixes()) {
    if (StartsWith(iri, ns) && iri.size() > ns.size()) return prefix + ":" + iri.substr(ns.size());
  }
  return iri;
}

json ContextJson() {
  json ctx = json::object();
  for (const auto& [prefix, ns] : Prefixes()) ctx[prefix] = ns;
  for (const JsonldTerm& t : JsonldTerms()) {
    if (t.type.empty() && !t.language_map) {
      ctx[std::string(t.term)] = t.id;
      continue;
    }
    json def = {{"@id", t.id}};
    if (!t.type.empty()) def["@type"] = t.type;
    if (t.language_map) def["@container"] = "@language";
    ctx[std::string(t.term)] = def;
  }
  return ctx;
}

const JsonldTerm* TermFor(const std::string& predicate, bool language_map) {
  for (const JsonldTerm& t : JsonldTerms()) {
    if (t.language_map == language_map && ExpandPrefixed(t.id) == predicate) return &t;
  }
  return nullptr;
}

std::string TypeName(const std::string& iri) {
  for (const JsonldTerm& t : JsonldTerms()) {
    if (ExpandPrefixed(t.id) == iri) return std::string(t.term);
  }
  return CompactIri(iri);
}

json NodeJson(const OutNode& node);

json ValueJson(const OutValue& v, const JsonldTerm* term) {
  if (v.kind == OutValue::Kind::kNode) return NodeJson(*v.node);
  bool coerced_id = term != nullptr && term->type == "@id";
  if (v.kind == OutValue::Kind::kIri) return coerced_id ? json(v.text) : json{{"@id", v.text}};
  if (!v.lang.empty()) return {{"@value", v.text}, {"@language", v.lang}};
  if (v.datatype.empty()) return v.text;
  if (term != nullptr && !term->type.empty() && ExpandPrefixed(term->type) == v.datatype) {
    return v.text;
  }
  return {{"@value", v.text}, {"@type", CompactIri(v.datatype)}};
}

void PutValue(json* obj, const std::string& key, json value) {
  json& slot = (*obj)[key];
  if (slot.is_null()) {
    slot = std::move(value);
  } else {
    if (!slot.is_array()) slot = json::array({slot});
    slot.push_back(std::move(value));
  }
}

json NodeJson(const OutNode& node) {
  json obj = json::object();
  if (!node.iri.empty()) obj["@id"] = node.iri;
  for (const auto& [predicate, value] : node.props) {
    if (predicate == Iri(kRdf, "type") && value.kind == OutValue::Kind::kIri) {
      PutValue(&obj, "@type", TypeName(value.text));
      continue;
    }
    if (value.kind == OutValue::Kind::kLiteral && !value.lang.empty()) {
      if (const JsonldTerm* map = TermFor(predicate, true)) {
        PutValue(&obj[std::string(map->term)], value.lang, value.text);
        continue;
      }
    }
    const JsonldTerm* term = TermFor(predicate, false);
    PutValue(&obj, term ? std::string(term->term) : CompactIri(predicate), ValueJson(value, term));
  }
  return obj;
}

// ---------------------------------------------------------------------------------------------
// Reading: either syntax -> triples

struct Object {
  enum class Kind { kIri, kBlank, kLiteral };
  Kind kind = Kind::kLiteral;
  std::string value;  // IRI, "_:id" or the lexical form
  std::string lang;
  std::string datatype;
  bool resource() const { return kind != Kind::kLiteral; }
};

struct Triple {
  std::string subject;  // an IRI or "_:id"
  std::string predicate;
  Object object;
  long long line = 0;
};

class Graph {
 public:
  void Add(Triple t) {
    by_subject_[t.subject].push_back(triples_.size());
    triples_.push_back(std::move(t));
  }
  const std::vector<Triple>& triples() const { return triples_; }
  std::vector<const Triple*> About(const std::string& subject) const {
    std::vector<const Triple*> out;
    auto it = by_subject_.find(subject);
    if (it == by_subject_.end()) return out;
    for (size_t i : it->second) out.push_back(&triples_[i]);
    return out;
  }

 private:
  std::vector<Triple> triples_;
  std::map<std::string, std::vector<size_t>> by_subject_;
};

// ---------------------------------------------------------------------------------------------
// Turtle reader (serd)

// serd reads the text one byte at a time through Next(), so the line being read is known
// when each statement arrives.
struct TurtleInput {
  std::string_view text;
  size_t pos = 0;
  long long line = 1;
  SerdEnv* env = nullptr;
  Graph* graph = nullptr;
  std::string error;  // the first problem, with its place

  static size_t Next(void* buf, size_t, size_t nmemb, void* stream) {
    auto* in = static_cast<TurtleInput*>(stream);
    size_t n = std::min(nmemb, in->text.size() - in->pos);
    std::memcpy(buf, in->text.data() + in->pos, n);
    in->line += std::count(in->text.data() + in->pos, in->text.data() + in->pos + n, '\n');
    in->pos += n;
    return n;
  }
  static int Failed(void*) { return 0; }

  // The full IRI of a URI or prefixed-name node ("_:id" for a blank node).
  bool Resolve(const SerdNode& node, std::string* out) {
    std::string written(reinterpret_cast<const char*>(node.buf), node.n_bytes);
    if (node.type == SERD_BLANK) {
      *out = "_:" + written;
      return true;
    }
    SerdNode full = serd_env_expand_node(env, &node);
    if (full.type == SERD_NOTHING) {
      if (error.empty()) {
        error = "line " + std::to_string(line) + ": '" + written +
                "' uses a prefix that no @prefix declares";
      }
      return false;
    }
    *out = std::string(reinterpret_cast<const char*>(full.buf), full.n_bytes);
    serd_node_free(&full);
    return true;
  }
};

SerdStatus OnBase(void* handle, const SerdNode* uri) {
  return serd_env_set_base_uri(static_cast<TurtleInput*>(handle)->env, uri);
}

SerdStatus OnPrefix(void* handle, const SerdNode* name, const SerdNode* uri) {
  return serd_env_set_prefix(static_cast<TurtleInput*>(handle)->env, name, uri);
}

SerdStatus OnStatement(void* handle, SerdStatementFlags, const SerdNode*, const SerdNode* subject,
                       const SerdNode* predicate, const SerdNode* object, const SerdNode* datatype,
                       const SerdNode* lang) {
  auto* in = static_cast<TurtleInput*>(handle);
  Triple t;
  t.line = in->line;
  if (!in->Resolve(*subject, &t.subject) || !in->Resolve(*predicate, &t.predicate)) {
    return SERD_ERR_BAD_CURIE;
  }
  if (object->type == SERD_LITERAL) {
    t.object.value.assign(reinterpret_cast<const char*>(object->buf), object->n_bytes);
    if (lang != nullptr && lang->buf != nullptr) {
      t.object.lang.assign(reinterpret_cast<const char*>(lang->buf), lang->n_bytes);
    }
    if (datatype != nullptr && datatype->buf != nullptr &&
        !in->Resolve(*datatype, &t.object.datatype)) {
      return SERD_ERR_BAD_CURIE;
    }
  } else {
    t.object.kind = object->type == SERD_BLANK ? Object::Kind::kBlank : Object::Kind::kIri;
    if (!in->Resolve(*object, &t.object.value)) return SERD_ERR_BAD_CURIE;
  }
  in->graph->Add(std::move(t));
  return SERD_SUCCESS;
}

SerdStatus OnError(void* handle, const SerdError* e) {
  auto* in = static_cast<TurtleInput*>(handle);
  if (!in->error.empty()) return SERD_SUCCESS;
  char message[512];
  va_list args;
  va_copy(args, *e->args);
  std::vsnprintf(message, sizeof message, e->fmt, args);
  va_end(args);
  in->error = "line " + std::to_string(e->line) + ", column " + std::to_string(e->col) + ": " +
              std::string(Trim(message));
  return SERD_SUCCESS;
}

Status ParseTurtle(std::string_view text, const std::string& base, Graph* graph) {
  SerdNode base_node = SerdString(SERD_URI, base);
  std::unique_ptr<SerdEnv, void (*)(SerdEnv*)> env(
      serd_env_new(base.empty() ? nullptr : &base_node), serd_env_free);
  TurtleInput in{text, 0, 1, env.get(), graph, ""};
  std::unique_ptr<SerdReader, void (*)(SerdReader*)> reader(
      serd_reader_new(SERD_TURTLE, &in, nullptr, OnBase, OnPrefix, OnStatement, nullptr),
      serd_reader_free);
  serd_reader_set_strict(reader.get(), true);
  serd_reader_set_error_sink(reader.get(), OnError, &in);
  SerdStatus st = serd_reader_read_source(reader.get(), TurtleInput::Next, TurtleInput::Failed, &in,
                                          reinterpret_cast<const uint8_t*>("input"), 1);
  if (!in.error.empty()) return InvalidArgument("Turtle: " + in.error);
  if (st != SERD_SUCCESS && st != SERD_FAILURE) {
    return InvalidArgument("Turtle: line " + std::to_string(in.line) + ": " +
                           reinterpret_cast<const char*>(serd_strerror(st)));
  }
  return Status::Ok();
}

// ---------------------------------------------------------------------------------------------
// JSON-LD reader: the part of the expansion algorithm that compacted documents with an embedded
// context, expanded documents and flattened documents need (see the header).

struct TermDef {
  std::string id;         // as written: a term, a compact IRI, an absolute IRI
  std::string type;       // "@id", "@vocab", a datatype as written, or empty
  std::string container;  // "@language", "@list", "@set" or empty
  std::optional<std::string> language;
};

struct Context {
  std::map<std::string, TermDef> terms;
  std::string vocab;
  std::string base;
  std::string language;
};

class JsonldReader {
 public:
  JsonldReader(Graph* graph, std::string base) : graph_(graph), base_(std::move(base)) {}

  Status Document(const json& doc) {
    if (doc.is_array()) {
      for (const json& item : doc) {
        if (!item.is_object()) return InvalidArgument("JSON-LD: expected node objects");
        auto subject = Node(item, Context{});
        if (!subject.ok()) return subject.status();
      }
      return Status::Ok();
    }
    if (!doc.is_object()) return InvalidArgument("JSON-LD: a document is an object or an array");
    auto subject = Node(doc, Context{});
    return subject.ok() ? Status::Ok() : subject.status();
  }

 private:
  // The absolute IRI (or "_:id") of a term, compact IRI or IRI; vocab-relative when `vocab`
  // (keys, @type, @vocab-coerced values), document-relative otherwise (@id values).
  std::optional<std::string> Expand(const Context& ctx, const std::string& value, bool vocab,
                                    int depth = 0) const {
    if (depth > 8) return std::nullopt;  // a term defined through itself
    if (StartsWith(value, "@")) return value;
    if (vocab) {
      auto it = ctx.terms.find(value);
      if (it != ctx.terms.end() && it->second.id != value) {
        return Expand(ctx, it->second.id, true, depth + 1);
      }
    }
    size_t colon = value.find(':');
    if (colon != std::string::npos) {
      std::string prefix = value.substr(0, colon), suffix = value.substr(colon + 1);
      if (prefix == "_" || StartsWith(suffix, "//")) return value;
      auto it = ctx.terms.find(prefix);
      if (it != ctx.terms.end()) {
        auto ns = Expand(ctx, it->second.id, true, depth + 1);
        if (ns) return *ns + suffix;
      }
      if (IsAbsoluteIri(value)) return value;
    }
    if (vocab) {
      if (ctx.vocab.empty()) return std::nullopt;
      return ctx.vocab + value;
    }
    return (ctx.base.empty() ? base_ : ctx.base) + value;
  }

  Status TermDefinition(const std::string& term, const json& v, Context* active) const {
    if (v.is_null()) {
      active->terms.erase(term);
      return Status::Ok();
    }
    TermDef def;
    if (v.is_string()) {
      def.id = v.get<std::string>();
    } else if (v.is_object()) {
      def.id = v.contains("@id") && v["@id"].is_string() ? v["@id"].get<std::string>() : term;
      if (v.contains("@type") && v["@type"].is_string()) def.type = v["@type"].get<std::string>();
      json containers = v.value("@container", json());
      if (containers.is_string()) containers = json::array({containers});
      for (const json& c : containers) {
        if (c.is_string()) def.container = c.get<std::string>();
      }
      if (v.contains("@language")) {
        def.language = v["@language"].is_string() ? v["@language"].get<std::string>() : "";
      }
    } else {
      return InvalidArgument("JSON-LD: @context: the definition of '" + term +
                             "' is neither a string nor an object");
    }
    active->terms[term] = std::move(def);
    return Status::Ok();
  }

  Status ApplyContext(const json& ctx, Context* active) const {
    if (ctx.is_null()) {
      *active = Context{};
      return Status::Ok();
    }
    if (ctx.is_string()) {
      return InvalidArgument("JSON-LD: remote contexts ('" + ctx.get<std::string>() +
                             "') are not supported: embed the context in the document");
    }
    if (ctx.is_array()) {
      for (const json& c : ctx) ECOSOL_RETURN_IF_ERROR(ApplyContext(c, active));
      return Status::Ok();
    }
    if (!ctx.is_object()) return InvalidArgument("JSON-LD: @context must be an object");
    for (const auto& [key, v] : ctx.items()) {
      std::string text = v.is_string() ? v.get<std::string>() : "";
      if (key == "@vocab") {
        active->vocab = IsAbsoluteIri(text) ? text : Expand(*active, text, true).value_or("");
      } else if (key == "@base") {
        active->base = text;
      } else if (key == "@language") {
        active->language = text;
      } else if (!StartsWith(key, "@")) {
        ECOSOL_RETURN_IF_ERROR(TermDefinition(key, v, active));
      }
    }
    return Status::Ok();
  }

  void AddResource(const std::string& subject, const std::string& predicate, std::string iri) {
    Object o;
    o.kind = StartsWith(iri, "_:") ? Object::Kind::kBlank : Object::Kind::kIri;
    o.value = std::move(iri);
    graph_->Add({subject, predicate, std::move(o), 0});
  }

  void AddLiteral(const std::string& subject, const std::string& predicate, std::string value,
                  std::string lang, std::string datatype) {
    Object o;
    o.value = std::move(value);
    o.lang = std::move(lang);
    o.datatype = std::move(datatype);
    graph_->Add({subject, predicate, std::move(o), 0});
  }

  // The lexical form of a JSON scalar and its datatype when the context gives none.
  static std::string Lexical(const json& v, std::string* datatype) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_boolean()) {
      *datatype = Iri(kXsd, "boolean");
    } else {
      *datatype = Iri(kXsd, v.is_number_float() ? "double" : "integer");
    }
    return v.dump();
  }

  Status LanguageMap(const std::string& subject, const std::string& predicate, const json& map) {
    for (const auto& [lang, texts] : map.items()) {
      for (const json& text : texts.is_array() ? texts : json::array({texts})) {
        if (!text.is_string()) {
          return InvalidArgument("JSON-LD: <" + subject + ">: the language map of <" + predicate +
                                 "> holds something other than strings");
        }
        AddLiteral(subject, predicate, text.get<std::string>(), lang == "@none" ? "" : lang, "");
      }
    }
    return Status::Ok();
  }

  Status ValueObject(const std::string& subject, const std::string& predicate, const json& v,
                     const Context& ctx) {
    std::string datatype, lang;
    std::string lexical = Lexical(v["@value"], &datatype);
    if (v.contains("@type") && v["@type"].is_string()) {
      datatype = Expand(ctx, v["@type"].get<std::string>(), true).value_or("");
    }
    if (v.contains("@language") && v["@language"].is_string()) {
      lang = v["@language"].get<std::string>();
      datatype.clear();
    }
    AddLiteral(subject, predicate, std::move(lexical), std::move(lang), std::move(datatype));
    return Status::Ok();
  }

  Status String(const std::string& subject, const std::string& predicate, const TermDef* def,
                const std::string& s, const Context& ctx) {
    std::string type = def != nullptr ? def->type : "";
    if (type == "@id" || type == "@vocab") {
      auto iri = Expand(ctx, s, type == "@vocab");
      if (!iri) return InvalidArgument("JSON-LD: <" + subject + ">: '" + s + "' is not an IRI");
      AddResource(subject, predicate, *iri);
      return Status::Ok();
    }
    std::string datatype = type.empty() ? "" : Expand(ctx, type, true).value_or("");
    std::string lang = def != nullptr && def->language ? *def->language : ctx.language;
    AddLiteral(subject, predicate, s, datatype.empty() ? lang : "", datatype);
    return Status::Ok();
  }

  Status Value(const std::string& subject, const std::string& predicate, const TermDef* def,
               const json& v, const Context& ctx) {
    if (v.is_null()) return Status::Ok();
    if (v.is_array()) {
      for (const json& item : v) ECOSOL_RETURN_IF_ERROR(Value(subject, predicate, def, item, ctx));
      return Status::Ok();
    }
    if (v.is_string()) return String(subject, predicate, def, v.get<std::string>(), ctx);
    if (!v.is_object()) {
      std::string datatype = def != nullptr && !StartsWith(def->type, "@")
                                 ? Expand(ctx, def->type, true).value_or("")
                                 : "";
      std::string natural;
      std::string lexical = Lexical(v, &natural);
      AddLiteral(subject, predicate, lexical, "", datatype.empty() ? natural : datatype);
      return Status::Ok();
    }
    if (v.contains("@value")) return ValueObject(subject, predicate, v, ctx);
    if (v.contains("@list")) return Value(subject, predicate, def, v["@list"], ctx);
    if (v.contains("@set")) return Value(subject, predicate, def, v["@set"], ctx);
    if (def != nullptr && def->container == "@language") return LanguageMap(subject, predicate, v);
    auto object = Node(v, ctx);
    if (!object.ok()) return object.status();
    AddResource(subject, predicate, *object);
    return Status::Ok();
  }

  Result<std::string> Subject(const json& node, const Context& ctx) {
    if (!node.contains("@id")) return "_:j" + std::to_string(++blanks_);
    const json& id = node["@id"];
    std::optional<std::string> iri;
    if (id.is_string()) iri = Expand(ctx, id.get<std::string>(), false);
    if (!iri) return InvalidArgument("JSON-LD: an @id is not an IRI: " + id.dump());
    return *iri;
  }

  // Adds the node's statements (and its nested nodes'); returns its IRI or blank node id.
  Result<std::string> Node(const json& node, Context ctx) {
    if (node.contains("@context")) ECOSOL_RETURN_IF_ERROR(ApplyContext(node["@context"], &ctx));
    for (const char* unsupported : {"@reverse", "@nest", "@included"}) {
      if (node.contains(unsupported)) {
        return InvalidArgument(std::string("JSON-LD: ") + unsupported + " is not supported");
      }
    }
    auto subject = Subject(node, ctx);
    if (!subject.ok()) return subject.status();
    for (const auto& [key, v] : node.items()) {
      if (key == "@type") {
        for (const json& t : v.is_array() ? v : json::array({v})) {
          auto type = t.is_string() ? Expand(ctx, t.get<std::string>(), true) : std::nullopt;
          if (type) AddResource(*subject, Iri(kRdf, "type"), *type);
        }
      } else if (key == "@graph") {
        for (const json& item : v.is_array() ? v : json::array({v})) {
          if (!item.is_object()) return InvalidArgument("JSON-LD: @graph holds a non-object");
          auto inner = Node(item, ctx);
          if (!inner.ok()) return inner.status();
        }
      } else if (!StartsWith(key, "@")) {
        auto predicate = Expand(ctx, key, true);
        if (!predicate || !IsAbsoluteIri(*predicate)) continue;  // unmapped keys are dropped
        auto it = ctx.terms.find(key);
        const TermDef* def = it == ctx.terms.end() ? nullptr : &it->second;
        ECOSOL_RETURN_IF_ERROR(Value(*subject, *predicate, def, v, ctx));
      }
    }
    return subject;
  }

  Graph* graph_;
  std::string base_;
  long long blanks_ = 0;
};

// (line, column), both from 1, of byte `offset` of `text`.
std::pair<long long, long long> LineColumn(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  long long line = 1, column = 1;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

Status ParseJsonld(std::string_view text, const std::string& base, Graph* graph) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    auto [line, column] = LineColumn(text, e.byte > 0 ? e.byte - 1 : 0);
    std::string what = e.what();
    size_t reason = what.find(": ", what.find("column"));
    return InvalidArgument("JSON-LD: line " + std::to_string(line) + ", column " +
                           std::to_string(column) + ": not valid JSON (" +
                           (reason == std::string::npos ? what : what.substr(reason + 2)) + ")");
  }
  try {
    JsonldReader reader(graph, base);
    return reader.Document(doc);
  } catch (const json::exception& e) {
    return InvalidArgument(std::string("JSON-LD: ") + e.what());
  }
}

// ---------------------------------------------------------------------------------------------
// Triples -> actors

enum class Prop {
  kOther,
  kType,
  kName,
  kDescription,
  kLegalForm,
  kStructure,
  kActivity,
  kPrimaryActivity,
  kMembership,
  kQualifier,
  kClaim,
  kKind,
  kAddress,
  kStreet,
  kLocality,
  kRegion,
  kPostcode,
  kCountry,
  kWithin,
  kTerritory,
  kLat,
  kLong,
  kPrecision,
  kHomepage,
  kEmail,
  kPhone,
  kContact,
  kFounded,
  kDissolved,
  kIdentifier,
  kNotation,
  kSchemeAgency,
  kSameAs,
  kRegisteredOrganisation,
  kAttribute,
  kKey,
  kValue
};

std::map<std::string, Prop> StandardProps() {
  std::map<std::string, Prop> m = {
      {Iri(kRdf, "type"), Prop::kType},
      {Iri(kRdf, "value"), Prop::kValue},
      {Iri(kGr, "name"), Prop::kName},
      {Iri(kDcterms, "description"), Prop::kDescription},
      {Iri(kDcElements, "description"), Prop::kDescription},
      {Iri(kVcard, "street-address"), Prop::kStreet},
      {Iri(kVcard, "locality"), Prop::kLocality},
      {Iri(kVcard, "region"), Prop::kRegion},
      {Iri(kVcard, "postal-code"), Prop::kPostcode},
      {Iri(kVcard, "country-name"), Prop::kCountry},
      {Iri(kVcard, "hasEmail"), Prop::kEmail},
      {Iri(kVcard, "hasTelephone"), Prop::kPhone},
      {Iri(kOsSpatial, "within"), Prop::kWithin},
      {Iri(kGeo, "lat"), Prop::kLat},
      {Iri(kGeo, "long"), Prop::kLong},
      {Iri(kFoaf, "homepage"), Prop::kHomepage},
      {Iri(kFoaf, "mbox"), Prop::kEmail},
      {Iri(kFoaf, "phone"), Prop::kPhone},
      {Iri(kAdms, "identifier"), Prop::kIdentifier},
      {Iri(kAdms, "schemeAgency"), Prop::kSchemeAgency},
      {Iri(kSkos, "notation"), Prop::kNotation},
      {Iri(kOwl, "sameAs"), Prop::kSameAs},
      {Iri(kRov, "hasRegisteredOrganization"), Prop::kRegisteredOrganisation},
      {Iri(kEcosolVocab, "kind"), Prop::kKind},
      {Iri(kEcosolVocab, "claim"), Prop::kClaim},
      {Iri(kEcosolVocab, "territory"), Prop::kTerritory},
      {Iri(kEcosolVocab, "locationPrecision"), Prop::kPrecision},
      {Iri(kEcosolVocab, "contact"), Prop::kContact},
      {Iri(kEcosolVocab, "attribute"), Prop::kAttribute},
      {Iri(kEcosolVocab, "key"), Prop::kKey},
  };
  for (std::string_view ns : {kSchema, kSchemaHttps}) {
    m[Iri(ns, "email")] = Prop::kEmail;
    m[Iri(ns, "telephone")] = Prop::kPhone;
    m[Iri(ns, "foundingDate")] = Prop::kFounded;
    m[Iri(ns, "dissolutionDate")] = Prop::kDissolved;
  }
  return m;
}

Prop Classify(const std::string& predicate) {
  static const std::map<std::string, Prop> standard = StandardProps();
  static const std::map<std::string, Prop, std::less<>> essglobal = {
      {"legalForm", Prop::kLegalForm},
      {"organisationalStructure", Prop::kStructure},
      {"economicSector", Prop::kActivity},
      {"additionalSectors", Prop::kActivity},
      {"primarySector", Prop::kPrimaryActivity},
      {"primaryActivity", Prop::kPrimaryActivity},
      {"baseMembershipType", Prop::kMembership},
      {"qualifier", Prop::kQualifier},
      {"hasAddress", Prop::kAddress}};
  auto it = standard.find(predicate);
  if (it != standard.end()) return it->second;
  if (!IsEssglobalNamespace(NamespaceOf(predicate))) return Prop::kOther;
  auto local = essglobal.find(LastSegment(predicate));
  return local == essglobal.end() ? Prop::kOther : local->second;
}

bool IsInitiativeType(const Object& o) {
  if (o.kind != Object::Kind::kIri || !IsEssglobalNamespace(NamespaceOf(o.value))) return false;
  std::string_view local = LastSegment(o.value);
  return local == "SSEInitiative" || local == "Network";
}

// Builds the actor of one initiative node, or the reasons it cannot be one.
class NodeMapper {
 public:
  NodeMapper(const Graph& graph, const EssglobalRdfOptions& options, std::string iri)
      : graph_(graph), options_(options), iri_(std::move(iri)) {}

  void Map(ParsedRows* out) {
    std::vector<const Triple*> statements = graph_.About(iri_);
    for (const Triple* t : statements) {
      if (t->line > 0 && (line_ == 0 || t->line < line_)) line_ = t->line;
    }
    for (const Triple* t : statements) Statement(*t);
    Finish();
    if (errors_.empty()) {
      out->rows.push_back({line_, std::move(actor_)});
    } else {
      for (registry::FieldError& e : errors_) out->rejected.push_back(std::move(e));
    }
  }

 private:
  void Error(const std::string& field, const std::string& message) {
    errors_.push_back({line_, field, "<" + iri_ + ">: " + message});
  }

  // The value of a statement that must be a literal ("" and an error otherwise).
  std::string Literal(const Triple& t, const std::string& field) {
    if (!t.object.resource()) return t.object.value;
    Error(field, "<" + t.predicate + "> must be a literal, not <" + t.object.value + ">");
    return "";
  }

  void Single(std::string* slot, const std::string& value, const std::string& field) {
    if (slot->empty() || *slot == value) {
      *slot = value;
    } else {
      Error(field, "has two values: '" + *slot + "' and '" + value + "'");
    }
  }

  void SingleIn(std::map<std::string, std::string>* map, const std::string& key,
                const std::string& value, const std::string& field) {
    Single(&(*map)[key], value, field + "." + key);
  }

  void Code(const Triple& t, std::string_view scheme, const std::string& field,
            std::vector<std::string>* codes) {
    std::string code, error;
    if (CodeFromIri(t.object.value, scheme, &code, &error)) {
      codes->push_back(code);
    } else {
      Error(field, error);
    }
  }

  // [ ecosol:key "k" ; rdf:value "v" ] (contacts and attributes).
  bool KeyValue(const Object& o, const std::string& field, std::string* key, std::string* value) {
    for (const Triple* t : graph_.About(o.value)) {
      Prop p = Classify(t->predicate);
      if (p == Prop::kKey) *key = Literal(*t, field);
      if (p == Prop::kValue) *value = Literal(*t, field);
    }
    if (key->empty()) Error(field, "an entry needs an ecosol:key and an rdf:value");
    return !key->empty();
  }

  void Identifier(const Object& o) {
    std::string notation, scheme;
    for (const Triple* t : graph_.About(o.value)) {
      Prop p = Classify(t->predicate);
      if (p == Prop::kNotation) notation = Literal(*t, "identifiers");
      if (p == Prop::kSchemeAgency) scheme = Literal(*t, "identifiers");
    }
    if (notation.empty() || scheme.empty()) {
      Error("identifiers", "adms:identifier needs a skos:notation and an adms:schemeAgency");
      return;
    }
    SingleIn(&actor_.identifiers, scheme, notation, "identifiers");
  }

  void Country(const Triple& t) {
    std::string code = t.object.value;
    if (t.object.resource()) {
      std::string error;
      if (!CodeFromIri(t.object.value, "countries-iso", &code, &error)) {
        Error("address.country", error);
        return;
      }
    }
    if (code.size() == 2) {
      for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (code == "UK") code = "GB";  // the United Kingdom's common, non-ISO code
    }
    Single(&actor_.address.country, code, "address.country");
  }

  void AddressStatement(const Triple& t) {
    switch (Classify(t.predicate)) {
      case Prop::kStreet:
        return Single(&actor_.address.street, Literal(t, "address.street"), "address.street");
      case Prop::kLocality:
        return Single(&actor_.address.locality, Literal(t, "address.locality"), "address.locality");
      case Prop::kRegion:
        return Single(&actor_.address.region, Literal(t, "address.region"), "address.region");
      case Prop::kPostcode:
        return Single(&actor_.address.postcode, Literal(t, "address.postcode"), "address.postcode");
      case Prop::kCountry:
        return Country(t);
      case Prop::kWithin:
        if (t.object.resource())
          SingleIn(&actor_.attributes, "geo_container", t.object.value, "attributes");
        return;
      case Prop::kLat:
        return Single(&address_lat_, Literal(t, "location.lat"), "location.lat");
      case Prop::kLong:
        return Single(&address_lon_, Literal(t, "location.lon"), "location.lon");
      default:
        return;
    }
  }

  void Address(const Triple& t) {
    if (!t.object.resource()) {
      Error("address", "essglobal:hasAddress must be a node, not a literal");
      return;
    }
    for (const Triple* a : graph_.About(t.object.value)) AddressStatement(*a);
  }

  void Name(const Triple& t) {
    std::string value = Literal(t, "name");
    if (t.object.lang.empty()) {
      Single(&actor_.name, value, "name");
    } else {
      SingleIn(&actor_.names, t.object.lang, value, "names");
    }
  }

  void Kind(const Triple& t) {
    std::string value = Literal(t, "kind");
    auto kind = model::ParseActorKind(value);
    if (!kind) return Error("kind", "'" + value + "' is not a kind of actor");
    actor_.kind = *kind;
    has_kind_ = true;
  }

  void ContactOrAttribute(const Triple& t, bool contact) {
    const std::string field = contact ? "contacts" : "attributes";
    std::string key, value;
    if (!t.object.resource()) return Error(field, "must be a node with ecosol:key and rdf:value");
    if (KeyValue(t.object, field, &key, &value)) {
      SingleIn(contact ? &actor_.contacts : &actor_.attributes, key, value, field);
    }
  }

  void Contact(const Triple& t, const std::string& key, std::string_view scheme) {
    std::string value = t.object.value;
    if (StartsWith(value, scheme)) value = DecodePercent(value.substr(scheme.size()));
    SingleIn(&actor_.contacts, key, value, "contacts");
  }

  void Classification(const Triple& t, Prop p) {
    switch (p) {
      case Prop::kLegalForm:
        if (t.object.resource()) {
          std::string code, error;
          if (!CodeFromIri(t.object.value, "legal-form", &code, &error)) {
            return Error("legal_form", error);
          }
          return Single(&actor_.legal_form, code, "legal_form");
        }
        return Single(&actor_.legal_form, t.object.value, "legal_form");
      case Prop::kStructure:
        return Code(t, "organisational-structure", "structures", &actor_.structures);
      case Prop::kActivity:
        return Code(t, "activities-ica", "activities", &actor_.activities);
      case Prop::kPrimaryActivity: {
        std::vector<std::string> primary;
        Code(t, "activities-ica", "primary_activity", &primary);
        if (!primary.empty()) Single(&actor_.primary_activity, primary[0], "primary_activity");
        return;
      }
      case Prop::kMembership:
        return Code(t, "base-membership-type", "membership_types", &actor_.membership_types);
      case Prop::kQualifier:
        return Code(t, "qualifiers", "qualifiers", &actor_.qualifiers);
      case Prop::kClaim:
        actor_.claims.push_back(Literal(t, "claims"));
        return;
      default:
        return;
    }
  }

  void Statement(const Triple& t) {
    Prop p = Classify(t.predicate);
    switch (p) {
      case Prop::kType:
        if (IsInitiativeType(t.object) && LastSegment(t.object.value) == "Network") {
          network_ = true;
        }
        return;
      case Prop::kName:
        return Name(t);
      case Prop::kDescription: {
        std::string lang = t.object.lang.empty() ? options_.lang : t.object.lang;
        return SingleIn(&actor_.description, lang, Literal(t, "description"), "description");
      }
      case Prop::kKind:
        return Kind(t);
      case Prop::kAddress:
        return Address(t);
      case Prop::kTerritory:
        return Single(&actor_.territory, Literal(t, "territory"), "territory");
      case Prop::kLat:
        return Single(&lat_, Literal(t, "location.lat"), "location.lat");
      case Prop::kLong:
        return Single(&lon_, Literal(t, "location.lon"), "location.lon");
      case Prop::kPrecision:
        return Single(&precision_, Literal(t, "location.precision"), "location.precision");
      case Prop::kHomepage:
        return Single(&actor_.website, t.object.value, "website");
      case Prop::kEmail:
        return Contact(t, "email", "mailto:");
      case Prop::kPhone:
        return Contact(t, "phone", "tel:");
      case Prop::kContact:
        return ContactOrAttribute(t, true);
      case Prop::kAttribute:
        return ContactOrAttribute(t, false);
      case Prop::kFounded:
        return Single(&actor_.founded, Literal(t, "founded"), "founded");
      case Prop::kDissolved:
        return Single(&actor_.dissolved, Literal(t, "dissolved"), "dissolved");
      case Prop::kIdentifier:
        if (t.object.resource()) return Identifier(t.object);
        return Error("identifiers", "adms:identifier must be a node");
      case Prop::kSameAs:
        if (t.object.resource()) same_as_.push_back(t.object.value);
        return;
      case Prop::kRegisteredOrganisation:
        return SingleIn(&actor_.identifiers, std::string(kCompaniesHouse),
                        DecodePercent(LastSegment(t.object.value)), "identifiers");
      default:
        return Classification(t, p);
    }
  }

  // geo:lat/geo:long of a node, when it has both.
  bool CoordinatesOf(const std::string& node, std::string* lat, std::string* lon) {
    for (const Triple* t : graph_.About(node)) {
      Prop p = Classify(t->predicate);
      if (p == Prop::kLat && !t->object.resource()) *lat = t->object.value;
      if (p == Prop::kLong && !t->object.resource()) *lon = t->object.value;
    }
    return !lat->empty() && !lon->empty();
  }

  void Location() {
    std::string lat = lat_, lon = lon_;
    auto precision = model::LocationPrecision::kExact;
    if (!precision_.empty()) {
      auto parsed = model::ParseLocationPrecision(precision_);
      if (!parsed) return Error("location.precision", "'" + precision_ + "' is not a precision");
      precision = *parsed;
    }
    if (lat.empty() && lon.empty()) {
      lat = address_lat_;
      lon = address_lon_;
    }
    auto container = actor_.attributes.find("geo_container");
    if (lat.empty() && lon.empty() && container != actor_.attributes.end() &&
        CoordinatesOf(container->second, &lat, &lon)) {
      precision = model::LocationPrecision::kApproximate;  // a postcode's centroid
    }
    if (lat.empty() && lon.empty()) return;
    double la = 0, lo = 0;
    if (!ParseDouble(Trim(lat), &la) || la < -90 || la > 90) {
      return Error("location.lat", "'" + lat + "' is not a latitude between -90 and 90");
    }
    if (!ParseDouble(Trim(lon), &lo) || lo < -180 || lo > 180) {
      return Error("location.lon", "'" + lon + "' is not a longitude between -180 and 180");
    }
    actor_.location = model::Location{la, lo, precision};
  }

  void Finish() {
    if (actor_.name.empty() && !actor_.names.empty()) {
      auto it = actor_.names.find(options_.lang);
      actor_.name = it != actor_.names.end() ? it->second : actor_.names.begin()->second;
    }
    if (actor_.name.empty()) Error("name", "has no gr:name (every SSE initiative needs a name)");
    if (network_ && !has_kind_) actor_.kind = model::ActorKind::kNetwork;
    if (!same_as_.empty()) actor_.identifiers[std::string(kSameAsScheme)] = Join(same_as_, " ");
    Location();
    if (actor_.identifiers.count(options_.id_scheme)) return;
    if (StartsWith(iri_, "_:")) {
      return Error("identifier", "a node without an IRI has no identifier in the '" +
                                     options_.id_scheme + "' scheme to match it on re-import");
    }
    std::string_view local =
        StartsWith(iri_, options_.base_uri) && iri_.size() > options_.base_uri.size()
            ? std::string_view(iri_).substr(options_.base_uri.size())
            : LastSegment(iri_);
    actor_.identifiers[options_.id_scheme] = local.empty() ? iri_ : DecodePercent(local);
  }

  const Graph& graph_;
  const EssglobalRdfOptions& options_;
  std::string iri_;
  long long line_ = 0;
  model::Actor actor_;
  std::vector<registry::FieldError> errors_;
  std::string lat_, lon_, address_lat_, address_lon_, precision_;
  std::vector<std::string> same_as_;
  bool network_ = false;
  bool has_kind_ = false;
};

ParsedRows MapGraph(const Graph& graph, const EssglobalRdfOptions& options) {
  std::vector<std::string> nodes;
  std::set<std::string> seen;
  for (const Triple& t : graph.triples()) {
    if (Classify(t.predicate) == Prop::kType && IsInitiativeType(t.object) &&
        seen.insert(t.subject).second) {
      nodes.push_back(t.subject);
    }
  }
  ParsedRows out;
  for (const std::string& node : nodes) NodeMapper(graph, options, node).Map(&out);
  out.records = static_cast<long long>(nodes.size());
  return out;
}

}  // namespace

Result<ParsedRows> ReadEssglobalTurtle(std::string_view text, const EssglobalRdfOptions& options) {
  Graph graph;
  ECOSOL_RETURN_IF_ERROR(ParseTurtle(text, options.base_uri, &graph));
  return MapGraph(graph, options);
}

std::string WriteEssglobalTurtle(const std::vector<Actor>& actors,
                                 const EssglobalRdfOptions& options) {
  TurtleWriter writer;
  for (const Actor& a : actors) writer.Write(ActorNode(a, options));
  return writer.Finish();
}

Result<ParsedRows> ReadEssglobalJsonld(std::string_view text, const EssglobalRdfOptions& options) {
  Graph graph;
  ECOSOL_RETURN_IF_ERROR(ParseJsonld(text, options.base_uri, &graph));
  return MapGraph(graph, options);
}

std::string WriteEssglobalJsonld(const std::vector<Actor>& actors,
                                 const EssglobalRdfOptions& options) {
  json nodes = json::array();
  for (const Actor& a : actors) nodes.push_back(NodeJson(ActorNode(a, options)));
  json doc = {{"@context", ContextJson()}, {"@graph", std::move(nodes)}};
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string EssglobalJsonldContext() { return json{{"@context", ContextJson()}}.dump(2) + "\n"; }

}  // namespace ecosol::interop
