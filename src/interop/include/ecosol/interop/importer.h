#pragma once

// File-level import and export: reads a file in a named format, hands the rows to the registry
// (which validates them and writes them in one transaction), and merges the format's own
// rejections with the registry's into one report ordered by line.
//
//   FileImportOptions o;
//   o.format = "essglobal-csv";
//   auto report = ImportFile(registry, "standard-2023.csv", o);

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/registry/registry.h"

namespace ecosol::interop {

// Formats `ecosol import` and `ecosol export` know.
const std::vector<std::string>& ImportFormats();
const std::vector<std::string>& ExportFormats();

struct FileImportOptions {
  std::string format = "essglobal-csv";
  std::string source;     // provenance source; default: the file name without extension
  std::string id_scheme;  // identifier scheme of the file's ids; default: the source
  std::string id_prefix;  // prefix of new actor ids; default: the id scheme
  std::string lang = "en";
  std::vector<std::string> claims;
  bool skip_invalid = false;
  bool dry_run = false;
  bool load_alone = false;  // as registry::ImportOptions::load_alone
  // The attribution the source's licence requires; recorded when the import commits and served
  // to clients (GET /api/v1/config) so that every page publishing the data can show it.
  std::string attribution;
  std::function<void(const registry::ImportProgress&)> progress;
  // As registry::ImportOptions::before_commit.
  std::function<Status(const registry::ImportReport&)> before_commit;
  // The folder holding the Murmurations JSON Schemas and their field files (format
  // "murmurations"); they are GPL-3.0, so Ecosol reads them from where they are kept.
  std::string murmurations_schemas;
  // Format "csv": the YAML mapping that says how to read the spreadsheet (its text, and its
  // file name for messages; docs/formats/csv-mapping.md). Its source name, id scheme and
  // attribution are used where the options above are empty.
  std::string mapping;
  std::string mapping_name = "mapping.yaml";
};

// Imports a file. Formats read as one document (GeoJSON, Murmurations, ESSGlobal RDF) are read
// whole, then imported like the others: every row checked, all or nothing.
Result<registry::ImportReport> ImportFile(registry::Registry& registry, const std::string& path,
                                          const FileImportOptions& options);
// The same for a document held in memory (an upload); `name` stands for the file in messages
// and gives the default source.
Result<registry::ImportReport> ImportText(registry::Registry& registry, std::string_view text,
                                          const std::string& name,
                                          const FileImportOptions& options);
// {"imported", "updated", "unchanged", "rejected": [{"line", "field", "message"}], "committed"}:
// the form of `ecosol import --json` and of the HTTP API.
nlohmann::json ImportReportToJson(const registry::ImportReport& report);

// An Ecosol JSON file {"source": {"id": ...}, "actors": [...], "relationships": [...]} (the format
// of data/demo/seed-ecosystem.json): actors keep their ids; all-or-nothing. Returns the actors'
// counts; the relationships' go to `relationships` when given.
Result<registry::ImportReport> ImportEcosolJson(registry::Registry& registry,
                                                const std::string& path,
                                                registry::ImportReport* relationships = nullptr);

struct ExportOptions {
  std::string format = "essglobal-csv";
  std::string id_scheme = "essglobal";  // the identifier scheme written as each actor's id
  // Where the instance is served: the base of the actors' IRIs (ESSGlobal RDF) and profile
  // URLs (Murmurations).
  std::string base_url = "http://127.0.0.1:8080";
};

// Every non-deleted public actor, as the public sees it, in the given format (with the
// relationships between them, for formats that carry them).
Result<std::string> ExportActors(registry::Registry& registry, const ExportOptions& options);
// The media type of an export format ("text/csv; charset=utf-8", ...), and its file extension.
std::string MediaTypeOf(const std::string& format);
std::string ExtensionOf(const std::string& format);

// Reads a whole file; NotFound with the path when it cannot.
Result<std::string> ReadFile(const std::string& path);

// A file mapped read-only into memory (pages are read on demand and can be dropped by the
// kernel, so a large import does not hold the file in the process's own memory).
class MappedFile {
 public:
  static Result<std::unique_ptr<MappedFile>> Open(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  std::string_view text() const { return {data_, size_}; }

 private:
  MappedFile(const char* data, size_t size) : data_(data), size_(size) {}
  const char* data_;
  size_t size_;
};

}  // namespace ecosol::interop
