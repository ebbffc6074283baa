#include "ecosol/interop/importer.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "ecosol/base/strings.h"
#include "ecosol/interop/coops_uk.h"
#include "ecosol/interop/csv_mapping.h"
#include "ecosol/interop/essglobal_csv.h"
#include "ecosol/interop/essglobal_rdf.h"
#include "ecosol/interop/geojson.h"
#include "ecosol/interop/kumu.h"
#include "ecosol/interop/murmurations.h"
#include "ecosol/model/json.h"

namespace ecosol::interop {

const std::vector<std::string>& ImportFormats() {
  static const std::vector<std::string> formats = {
      "essglobal-csv",    "ecosol-json", "geojson",  "murmurations",    "essglobal-ttl",
      "essglobal-jsonld", "csv",         "coops-uk", "coops-uk-economy"};
  return formats;
}

const std::vector<std::string>& ExportFormats() {
  static const std::vector<std::string> formats = {
      "essglobal-csv", "geojson", "murmurations", "essglobal-ttl", "essglobal-jsonld", "kumu"};
  return formats;
}

std::string MediaTypeOf(const std::string& format) {
  if (format == "essglobal-csv" || format == "murmurations") return "text/csv; charset=utf-8";
  if (format == "geojson") return "application/geo+json";
  if (format == "essglobal-ttl") return "text/turtle; charset=utf-8";
  if (format == "essglobal-jsonld") return "application/ld+json";
  return "application/json";
}

std::string ExtensionOf(const std::string& format) {
  if (format == "essglobal-csv" || format == "murmurations" || format == "csv") return "csv";
  if (format == "coops-uk" || format == "coops-uk-economy") return "csv";
  if (format == "geojson") return "geojson";
  if (format == "essglobal-ttl") return "ttl";
  if (format == "essglobal-jsonld") return "jsonld";
  return "json";
}

nlohmann::json ImportReportToJson(const registry::ImportReport& r) {
  nlohmann::json rejected = nlohmann::json::array();
  for (const auto& e : r.rejected) {
    rejected.push_back({{"line", e.line}, {"field", e.field}, {"message", e.message}});
  }
  return {{"imported", r.imported},
          {"updated", r.updated},
          {"unchanged", r.unchanged},
          {"rejected", rejected},
          {"committed", r.committed}};
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot read '" + path + "': no such file or no permission");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Result<std::unique_ptr<MappedFile>> MappedFile::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return NotFound("cannot read '" + path + "': no such file or no permission");
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return InvalidArgument("cannot read '" + path + "': not a regular file");
  }
  const size_t size = static_cast<size_t>(st.st_size);
  if (size == 0) {
    ::close(fd);
    return std::unique_ptr<MappedFile>(new MappedFile("", 0));
  }
  void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (data == MAP_FAILED) return Unavailable("cannot map '" + path + "' into memory");
  ::madvise(data, size, MADV_SEQUENTIAL);
  return std::unique_ptr<MappedFile>(new MappedFile(static_cast<const char*>(data), size));
}

MappedFile::~MappedFile() {
  if (size_ > 0) ::munmap(const_cast<char*>(data_), size_);
}

namespace {

void SortByLine(std::vector<registry::FieldError>* errors) {
  std::stable_sort(errors->begin(), errors->end(),
                   [](const auto& a, const auto& b) { return a.line < b.line; });
}

// A source over rows a reader parsed whole: its rejections come with the first batch.
class ParsedSource : public registry::ImportSource {
 public:
  explicit ParsedSource(ParsedRows parsed)
      : rows_(std::move(parsed.rows)), rejected_(std::move(parsed.rejected)) {}
  Result<bool> Next(size_t max_rows, std::vector<registry::ImportRow>* rows,
                    std::vector<registry::FieldError>* rejected) override {
    if (!rejected_.empty()) {
      std::move(rejected_.begin(), rejected_.end(), std::back_inserter(*rejected));
      rejected_.clear();
    }
    return rows_.Next(max_rows, rows, rejected);
  }
  std::pair<size_t, size_t> Position() const override { return rows_.Position(); }

 private:
  registry::RowsSource rows_;
  std::vector<registry::FieldError> rejected_;
};

// Format csv: the mapping's source name, id scheme and attribution where the caller gave none.
void UseMappingDefaults(const CsvMapping& mapping, FileImportOptions* options) {
  if (options->source.empty()) options->source = mapping.source;
  if (options->id_scheme.empty()) options->id_scheme = mapping.id_scheme;
  if (options->attribution.empty()) options->attribution = mapping.attribution;
}

registry::ImportOptions RegistryOptions(const std::string& name, const FileImportOptions& options) {
  registry::ImportOptions io;
  io.source =
      options.source.empty() ? Slug(std::filesystem::path(name).stem().string()) : options.source;
  if (io.source.empty()) io.source = options.format;
  io.id_scheme = options.id_scheme.empty() ? io.source : options.id_scheme;
  // Co-operatives UK's files (and its standard CSV) share the "CUK Organisation ID".
  if (options.id_scheme.empty() && StartsWith(options.format, "coops-uk")) {
    io.id_scheme = "coops-uk";
  }
  io.id_prefix = options.id_prefix.empty() ? io.id_scheme : options.id_prefix;
  io.skip_invalid = options.skip_invalid;
  io.dry_run = options.dry_run;
  io.load_alone = options.load_alone;
  io.progress = options.progress;
  io.before_commit = options.before_commit;
  return io;
}

// Reads a whole document of a format other than the standard CSV into rows.
Result<ParsedRows> ReadDocument(std::string_view text, const registry::ImportOptions& io,
                                const FileImportOptions& options) {
  if (options.format == "geojson") {
    GeojsonOptions o;
    o.id_scheme = io.id_scheme;
    o.lang = options.lang;
    o.claims = options.claims;
    return ReadGeojson(text, o);
  }
  if (options.format == "murmurations") {
    if (options.murmurations_schemas.empty()) {
      return InvalidArgument(
          "--murmurations-schemas: the folder of the Murmurations JSON Schemas is needed to "
          "check the profiles (a copy of MurmurationsLibrary's schemas/ and fields/)");
    }
    auto schemas = MurmurationsSchemas::Load(options.murmurations_schemas);
    if (!schemas.ok()) return schemas.status();
    MurmurationsOptions o;
    o.id_scheme = io.id_scheme;
    o.lang = options.lang;
    // A JSON document holds profiles; anything else is the index's batch CSV.
    size_t first = text.find_first_not_of(" \t\r\n\xef\xbb\xbf");
    if (first != std::string_view::npos && (text[first] == '{' || text[first] == '[')) {
      return ReadMurmurationsProfiles(text, **schemas, o);
    }
    return ReadMurmurationsCsv(text, **schemas, o);
  }
  if (options.format == "coops-uk") {
    CoopsUkOptions co;
    co.id_scheme = io.id_scheme;
    co.claims = options.claims;
    return ReadCoopsUkRegister(text, co);
  }
  EssglobalRdfOptions o;
  o.id_scheme = io.id_scheme;
  o.lang = options.lang;
  if (options.format == "essglobal-ttl") return ReadEssglobalTurtle(text, o);
  if (options.format == "essglobal-jsonld") return ReadEssglobalJsonld(text, o);
  return InvalidArgument("--format: '" + options.format + "' is not one of " +
                         Join(ImportFormats(), ", "));
}

// Co-operatives UK's economy file brings figures about actors, not actors: it has an import
// path of its own (indicators.h), with the same options, report and all-or-nothing rule.
Result<registry::ImportReport> ImportFigures(registry::Registry& registry, std::string_view text,
                                             const std::string& name,
                                             const registry::ImportOptions& io,
                                             const FileImportOptions& options) {
  auto parsed = ReadCoopsUkEconomy(text);
  if (!parsed.ok()) return parsed.status().WithContext(name);
  IndicatorImportOptions o;
  o.source = io.source;
  o.id_scheme = io.id_scheme;
  o.skip_invalid = io.skip_invalid;
  o.dry_run = io.dry_run;
  o.audit_who = registry.audit_who();
  o.audit_address = registry.audit_address();
  o.before_commit = io.before_commit;
  auto report = ImportIndicators(registry.store(), std::move(*parsed), o);
  if (!report.ok()) return report.status().WithContext(name);
  if (report->committed && !options.attribution.empty()) {
    ECOSOL_RETURN_IF_ERROR(registry.store().PutSourceAttribution(io.source, options.attribution));
  }
  return report;
}

}  // namespace

Result<registry::ImportReport> ImportText(registry::Registry& registry, std::string_view text,
                                          const std::string& name,
                                          const FileImportOptions& requested) {
  FileImportOptions options = requested;
  std::optional<CsvMapping> mapping;
  if (options.format == "csv") {
    auto parsed = ParseCsvMapping(options.mapping, options.mapping_name);
    if (!parsed.ok()) return parsed.status();
    mapping = std::move(*parsed);
    UseMappingDefaults(*mapping, &options);
  }
  registry::ImportOptions io = RegistryOptions(name, options);
  if (options.format == "coops-uk-economy") return ImportFigures(registry, text, name, io, options);
  std::unique_ptr<registry::ImportSource> source;
  if (mapping) {
    MappedCsvOptions mo{io.id_scheme, options.lang, options.claims};
    auto parsed = ReadMappedCsv(text, *mapping, mo);
    if (!parsed.ok()) return parsed.status().WithContext(name);
    source = std::make_unique<ParsedSource>(std::move(*parsed));
  } else if (options.format == "essglobal-csv") {
    EssglobalCsvOptions co;
    co.id_scheme = io.id_scheme;
    co.lang = options.lang;
    co.claims = options.claims;
    auto csv = EssglobalCsvSource::Create(text, co);
    if (!csv.ok()) return csv.status().WithContext(name);
    source = std::move(*csv);
  } else {
    auto parsed = ReadDocument(text, io, options);
    if (!parsed.ok()) return parsed.status().WithContext(name);
    if (!options.claims.empty()) {
      for (registry::ImportRow& row : parsed->rows) {
        for (const std::string& claim : options.claims) {
          if (std::find(row.actor.claims.begin(), row.actor.claims.end(), claim) ==
              row.actor.claims.end()) {
            row.actor.claims.push_back(claim);
          }
        }
      }
    }
    source = std::make_unique<ParsedSource>(std::move(*parsed));
  }
  // The document is read, checked and written in one pass; a problem anywhere refuses the whole
  // batch (unless skip_invalid) and the rest is still read, so that the report lists every
  // problem at once.
  auto report = registry.Import(*source, io);
  if (!report.ok()) return report.status().WithContext(name);
  if (report->committed && !options.attribution.empty()) {
    ECOSOL_RETURN_IF_ERROR(registry.store().PutSourceAttribution(io.source, options.attribution));
  }
  if (options.format == "essglobal-csv") {
    for (registry::FieldError& e : report->rejected) e.field = ColumnOfField(e.field);
  }
  if (mapping) {
    for (registry::FieldError& e : report->rejected) e.field = MappedColumnOf(*mapping, e.field);
  }
  if (options.format == "coops-uk") {
    for (registry::FieldError& e : report->rejected) e.field = CoopsUkColumnOfField(e.field);
  }
  SortByLine(&report->rejected);
  return report;
}

Result<registry::ImportReport> ImportFile(registry::Registry& registry, const std::string& path,
                                          const FileImportOptions& options) {
  if (options.format == "ecosol-json") return ImportEcosolJson(registry, path);
  if (std::find(ImportFormats().begin(), ImportFormats().end(), options.format) ==
      ImportFormats().end()) {
    return InvalidArgument("--format: '" + options.format + "' is not one of " +
                           Join(ImportFormats(), ", "));
  }
  auto file = MappedFile::Open(path);
  if (!file.ok()) return file.status();
  return ImportText(registry, (*file)->text(), path, options);
}

namespace {

Status ParseSeedActors(const nlohmann::json& doc, std::vector<registry::ImportRow>* rows) {
  if (!doc.contains("actors") || !doc["actors"].is_array()) {
    return InvalidArgument("actors: expected an array of actors");
  }
  long long i = 0;
  for (const nlohmann::json& item : doc["actors"]) {
    auto actor = model::ActorFromJson(item);
    if (!actor.ok()) return actor.status().WithContext("actors[" + std::to_string(i) + "]");
    if (actor->id.empty()) return InvalidArgument("actors[" + std::to_string(i) + "].id: required");
    actor->identifiers["ecosol"] = actor->id;
    rows->push_back({i++, std::move(*actor)});
  }
  return Status::Ok();
}

Status ParseSeedRelationships(const nlohmann::json& doc, std::vector<model::Relationship>* rels) {
  if (!doc.contains("relationships")) return Status::Ok();
  if (!doc["relationships"].is_array()) return InvalidArgument("relationships: expected an array");
  long long i = 0;
  for (const nlohmann::json& item : doc["relationships"]) {
    auto rel = model::RelationshipFromJson(item);
    if (!rel.ok()) return rel.status().WithContext("relationships[" + std::to_string(i) + "]");
    rels->push_back(std::move(*rel));
    ++i;
  }
  return Status::Ok();
}

}  // namespace

Result<registry::ImportReport> ImportEcosolJson(registry::Registry& registry,
                                                const std::string& path,
                                                registry::ImportReport* relationships_report) {
  auto text = ReadFile(path);
  if (!text.ok()) return text.status();
  auto doc = model::ParseJson(*text);
  if (!doc.ok()) return doc.status().WithContext(path);
  std::string source = "ecosol-json";
  if (doc->contains("source")) {
    const nlohmann::json& src = (*doc)["source"];
    if (!src.is_object() || (src.contains("id") && !src["id"].is_string())) {
      return InvalidArgument(path + ": source: expected an object whose \"id\" is a string");
    }
    if (src.contains("id") && !src["id"].get<std::string>().empty()) {
      source = src["id"].get<std::string>();
    }
  }
  std::vector<registry::ImportRow> rows;
  std::vector<model::Relationship> rels;
  ECOSOL_RETURN_IF_ERROR(ParseSeedActors(*doc, &rows).WithContext(path));
  ECOSOL_RETURN_IF_ERROR(ParseSeedRelationships(*doc, &rels).WithContext(path));
  registry::ImportReport total;
  Status s = registry.store().InTransaction([&]() -> Status {
    registry::ImportOptions io{source, "ecosol", "act", false, false, nullptr, nullptr, false};
    auto actors = registry.Import(std::move(rows), io);
    if (!actors.ok()) return actors.status();
    if (!actors->committed) {
      const auto& e = actors->rejected.front();
      return InvalidArgument("actors[" + std::to_string(e.line) + "]." + e.field + ": " +
                             e.message);
    }
    auto relationships = registry.ImportRelationships(std::move(rels), source);
    if (!relationships.ok()) return relationships.status();
    total = *actors;
    if (relationships_report) *relationships_report = *relationships;
    return Status::Ok();
  });
  if (!s.ok()) return s.WithContext(path);
  return total;
}

Result<std::string> ExportActors(registry::Registry& registry, const ExportOptions& options) {
  const std::string& format = options.format;
  if (std::find(ExportFormats().begin(), ExportFormats().end(), format) == ExportFormats().end()) {
    return InvalidArgument("--format: '" + format + "' is not one of " +
                           Join(ExportFormats(), ", "));
  }
  std::vector<model::Actor> actors;
  store::ActorQuery q;
  q.limit = 1000;
  while (true) {
    auto page = registry.ListActors(q);
    if (!page.ok()) return page.status();
    // An export publishes: only public actors (the query's default audience), as the public
    // sees them.
    for (model::Actor& a : page->items) {
      if (auto view = registry::PublicView(std::move(a))) actors.push_back(std::move(*view));
    }
    if (page->next_cursor.empty()) break;
    q.cursor = page->next_cursor;
  }
  if (format == "essglobal-csv") return WriteEssglobalCsv(actors, options.id_scheme);
  if (format == "geojson") return WriteGeojson(actors, options.id_scheme);
  if (format == "murmurations") {
    MurmurationsOptions m;
    m.id_scheme = options.id_scheme;
    return WriteMurmurationsCsv(actors, m);
  }
  EssglobalRdfOptions rdf;
  rdf.id_scheme = options.id_scheme;
  rdf.base_uri = options.base_url + "/api/v1/actors/";
  if (format == "essglobal-ttl") return WriteEssglobalTurtle(actors, rdf);
  if (format == "essglobal-jsonld") return WriteEssglobalJsonld(actors, rdf);
  // kumu: the actors and the relationships between exported actors.
  std::set<std::string> exported;
  for (const model::Actor& a : actors) exported.insert(a.id);
  std::map<std::string, model::Relationship> relationships;
  for (const model::Actor& a : actors) {
    auto rels = registry.RelationshipsOf(a.id);
    if (!rels.ok()) return rels.status();
    for (model::Relationship& r : *rels) {
      if (!r.deleted && exported.count(r.from) && exported.count(r.to)) {
        relationships.emplace(r.id, std::move(r));
      }
    }
  }
  std::vector<model::Relationship> list;
  for (auto& [id, r] : relationships) list.push_back(std::move(r));
  return WriteKumu(actors, list);
}

}  // namespace ecosol::interop
