#pragma once

// Murmurations (https://murmurations.network): a protocol in which organisations publish JSON
// profiles that follow JSON Schemas from the Murmurations Library (organizations_schema-v1.0.0
// for groups, projects and organisations), and an index that aggregates them. This module reads
// profiles and the index's batch-import CSV into actors, and writes actors back as profiles and
// as that CSV. See docs/formats/murmurations.md for the field mapping and the CSV path syntax.
//
//   auto schemas = MurmurationsSchemas::Load("../shared/data/murmurations");
//   if (!schemas.ok()) return schemas.status();
//   auto parsed = ReadMurmurationsCsv(csv_text, **schemas, {});
//   for (const registry::FieldError& e : parsed->rejected) Report(e.line, e.field, e.message);
//
// The schemas are GPL-3.0 and are never copied into this project: they are loaded at run time
// from a folder laid out as the Murmurations Library is (schemas/NAME.json, whose `$ref`s point
// to ../fields/FIELD.json).

#include <filesystem>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/interop/essglobal_csv.h"
#include "ecosol/model/actor.h"

namespace ecosol::interop {

// One way a profile breaks a schema.
struct SchemaViolation {
  std::string path;  // where, in CSV column syntax: "geolocation.lon", "urls[1].url"; "" = root
  std::string message;
};

// The JSON Schemas of a Murmurations Library folder, parsed once (with valijson) and immutable
// afterwards: Validate may be called from several threads at once.
class MurmurationsSchemas {
 public:
  // Loads every DIR/schemas/*.json (named by file stem, e.g. "organizations_schema-v1.0.0"),
  // resolving their `$ref`s to DIR/fields/*.json. NotFound when DIR or DIR/schemas is missing;
  // InvalidArgument naming the file when a schema or field file is not valid JSON or a `$ref`
  // cannot be resolved.
  static Result<std::shared_ptr<const MurmurationsSchemas>> Load(const std::filesystem::path& dir);

  ~MurmurationsSchemas();
  MurmurationsSchemas(const MurmurationsSchemas&) = delete;
  MurmurationsSchemas& operator=(const MurmurationsSchemas&) = delete;

  // The loaded schema names, sorted.
  std::vector<std::string> Names() const;
  bool Has(const std::string& schema) const;
  // The default schema every profile is checked against first ("default-v2.1.0"): the highest
  // version of DIR/schemas/default-v*.json; empty when the folder has none.
  const std::string& default_schema() const;

  // Every violation of `schema` by `profile`, innermost first-hand ones only (not valijson's
  // "failed to validate property 'geolocation'" around them); empty when valid. A string longer
  // than 2,000 bytes where the schema sets a pattern is reported as too long without being
  // matched (std::regex would overflow the stack). InvalidArgument for an unknown schema (the
  // message lists the known ones).
  Result<std::vector<SchemaViolation>> Validate(const nlohmann::json& profile,
                                                const std::string& schema) const;

  // The JSON type ("string", "number", "integer", "boolean", "array", "object") that `schema`
  // gives to the value at `path`: property names, with "[]" for the items of an array
  // ({"urls", "[]", "url"} for urls[0].url), following `$ref`s; "" when the schema does not say.
  std::string TypeAt(const std::string& schema, const std::vector<std::string>& path) const;

 private:
  struct Impl;
  explicit MurmurationsSchemas(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

struct MurmurationsOptions {
  std::string id_scheme = "murmurations";  // identifiers[id_scheme] holds the profile's oid
  std::string lang = "en";                 // the language of description
  std::string schema = "organizations_schema-v1.0.0";  // profiles are validated against it
};

// A JSON profile, or an array of profiles. Each profile is checked against the default schema
// and options.schema; every violation is a rejection naming the profile (its index in the
// array, 1-based, as the line) and the field path. InvalidArgument when the text is not JSON
// or options.schema is not loaded.
Result<ParsedRows> ReadMurmurationsProfiles(std::string_view json_text,
                                            const MurmurationsSchemas& schemas,
                                            const MurmurationsOptions& options);

// The index's batch CSV: a header of field paths (`oid` first, then `name`, `tags[0]`,
// `geolocation.lat`, `urls[0].url`, `tags(list-0)` ...); each row becomes a profile (cells
// typed as the schema says), is validated, and becomes an actor. Rejections name the CSV line
// and the column. InvalidArgument for a missing or malformed header or an unknown schema.
Result<ParsedRows> ReadMurmurationsCsv(std::string_view csv_text,
                                       const MurmurationsSchemas& schemas,
                                       const MurmurationsOptions& options);

// Where an actor's profile is served: BASE/api/v1/actors/ID/murmurations.
std::string MurmurationsProfileUrl(const std::string& base_url, const std::string& actor_id);

// An actor as an organizations_schema-v1.0.0 profile: "linked_schemas", "profile_url"
// (MurmurationsProfileUrl), "oid" (the actor id) and every mapped field that holds a value.
// Publishes what it is given: pass registry::PublicView(actor). Locations go through
// model::PublicLocation. Valid against the schema for any actor that passes registry validation.
nlohmann::json MurmurationsProfile(const model::Actor& actor, const std::string& base_url,
                                   const std::string& lang = "en");

// The batch CSV for a set of actors (header included) that ReadMurmurationsCsv reads back to
// the same mapped fields. The oid is identifiers[options.id_scheme], else the actor id.
std::string WriteMurmurationsCsv(const std::vector<model::Actor>& actors,
                                 const MurmurationsOptions& options = {});

}  // namespace ecosol::interop
