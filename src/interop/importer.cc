#include "ecosol/interop/importer.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ecosol/base/strings.h"
#include "ecosol/interop/essglobal_csv.h"
#include "ecosol/model/json.h"

namespace ecosol::interop {

const std::vector<std::string>& ImportFormats() {
  static const std::vector<std::string> formats = {"essglobal-csv", "ecosol-json"};
  return formats;
}

const std::vector<std::string>& ExportFormats() {
  static const std::vector<std::string> formats = {"essglobal-csv"};
  return formats;
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

Result<registry::ImportReport> ImportEssglobalCsv(registry::Registry& registry,
                                                  const std::string& path,
                                                  const FileImportOptions& options) {
  auto file = MappedFile::Open(path);
  if (!file.ok()) return file.status();
  std::string stem = std::filesystem::path(path).stem().string();
  registry::ImportOptions io;
  io.source = options.source.empty() ? Slug(stem) : options.source;
  io.id_scheme = options.id_scheme.empty() ? io.source : options.id_scheme;
  io.id_prefix = options.id_prefix.empty() ? io.id_scheme : options.id_prefix;
  io.skip_invalid = options.skip_invalid;
  io.dry_run = options.dry_run;
  io.progress = options.progress;
  EssglobalCsvOptions co;
  co.id_scheme = io.id_scheme;
  co.lang = options.lang;
  co.claims = options.claims;
  auto source = EssglobalCsvSource::Create((*file)->text(), co);
  if (!source.ok()) return source.status().WithContext(path);
  // The file is read, checked and written in one pass; a problem anywhere refuses the whole
  // batch (unless --skip-invalid) and the rest is still read, so that the report lists every
  // problem at once.
  auto report = registry.Import(**source, io);
  if (!report.ok()) return report.status().WithContext(path);
  if (report->committed && !options.attribution.empty()) {
    ECOSOL_RETURN_IF_ERROR(registry.store().PutSourceAttribution(io.source, options.attribution));
  }
  for (registry::FieldError& e : report->rejected) e.field = ColumnOfField(e.field);
  SortByLine(&report->rejected);
  return report;
}

}  // namespace

Result<registry::ImportReport> ImportFile(registry::Registry& registry, const std::string& path,
                                          const FileImportOptions& options) {
  if (options.format == "essglobal-csv") return ImportEssglobalCsv(registry, path, options);
  if (options.format == "ecosol-json") return ImportEcosolJson(registry, path);
  return InvalidArgument("--format: '" + options.format + "' is not one of " +
                         Join(ImportFormats(), ", "));
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
    registry::ImportOptions io{source, "ecosol", "act", false, false, nullptr};
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

Result<std::string> ExportActors(registry::Registry& registry, const std::string& format,
                                 const std::string& id_scheme) {
  if (format != "essglobal-csv") {
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
  return WriteEssglobalCsv(actors, id_scheme);
}

}  // namespace ecosol::interop
