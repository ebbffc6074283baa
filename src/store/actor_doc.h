#pragma once

// Private to the store module: the stored form of an actor document.
//
// The stored document is the API's JSON form (model/json.h) without its empty fields, and with
// provenance grouped: instead of one {source, date, method} object per field, a list of
// {source, date, method, fields: [...]} groups (an import stamps the same provenance on a dozen
// fields). Documents written before this form (provenance as an object per field, empty fields
// present) are read as well.

#include <string>

#include "ecosol/base/status.h"
#include "ecosol/model/actor.h"

namespace ecosol::store {

std::string ActorToStoredDoc(const model::Actor& actor);
Result<model::Actor> ActorFromStoredDoc(const std::string& doc);

}  // namespace ecosol::store
