#pragma once

// GeoJSON in the TransforMap style: a FeatureCollection of Point features whose properties use
// OpenStreetMap keys ("name", "addr:city", "contact:email", "description:de", ...), as published by
// the SUSY / TransforMap map of European solidarity-economy initiatives. docs/formats/geojson.md
// lists the mapping property by property.
//
//   GeojsonOptions o;
//   o.id_scheme = "susy";
//   auto parsed = ReadGeojson(text, o);   // parsed->rows, parsed->rejected
//   std::string out = WriteGeojson(actors, "susy");
//
// Reading in short:
//  - the feature's `_id` property (else the feature's "id") is identifiers[id_scheme]; a feature
//    with neither gets "derived-" and 16 hex digits of a FNV-1a hash of its name and coordinates,
//    so that the same place gets the same id on every import;
//  - a Point geometry is an exact location; a null geometry is no location; any other geometry is
//    a rejection of the feature;
//  - the country ("addr:country" or "country") goes through NormaliseCountryAt into
//    address.country and territory; when the value was not already the code, the value as written
//    is kept in attributes["country_original"]; an unknown country is a rejection;
//  - every property without a home in the Actor model is kept in `attributes` under its own key
//    (non-string values as their JSON text); only null values are skipped.
//
// All functions are pure and thread-safe.

#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/interop/essglobal_csv.h"
#include "ecosol/model/actor.h"

namespace ecosol::interop {

struct GeojsonOptions {
  std::string id_scheme = "geojson";  // the identifier scheme of the features' ids
  std::string lang = "en";            // language of the plain "description" property
  std::vector<std::string> claims;    // claims every actor of the file makes
};

// Parses a whole FeatureCollection. Returns InvalidArgument (saying where and how to fix it) when
// the text is not JSON or not a FeatureCollection with a "features" array. A feature that cannot
// be read (not an object, not a Feature, a geometry other than a Point, bad coordinates, an
// unknown country, a mapped property that is an array or object, no name) is a rejection whose
// `line` is the feature's 1-based index in "features" and whose `field` names the member
// ("geometry", "properties.addr:country", ...). ESSGlobal codes and territories are
// left to registry validation.
Result<ParsedRows> ReadGeojson(std::string_view text, const GeojsonOptions& options);

// Writes actors as a FeatureCollection that ReadGeojson reads back to the same data fields
// (fields with no OSM key use "ecosol:" keys; see the format notes). identifiers[id_scheme] (else
// the actor id) is the feature id and its `_id`. Hidden locations are not written (null geometry);
// approximate ones are Points marked "ecosol:location_precision": "approximate".
std::string WriteGeojson(const std::vector<model::Actor>& actors, const std::string& id_scheme);

}  // namespace ecosol::interop
