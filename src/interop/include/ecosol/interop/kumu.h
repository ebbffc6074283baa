#pragma once

// Export to Kumu (kumu.io), a tool for mapping networks and systems. Kumu imports a JSON
// "blueprint": {"elements": [...], "connections": [...]}; an element has a "label" (which
// identifies it), a "type", a "description", "tags" and any other field; a connection names its
// ends by their labels in "from" and "to" and has a "type" and a "direction" (directed, mutual or
// undirected). docs/formats/kumu.md lists the mapping field by field.
//
//   std::string blueprint = WriteKumu(actors, relationships);  // drop it onto a Kumu map
//
// Labels are unique: an actor's name when no other exported actor has it, else the name followed
// by the actor id in parentheses ("Food Co-op (cuk-r123)"); an actor without a name is labelled
// with its id. The Ecosol id is also in the element's "Ecosol ID" field.
//
// Pure and thread-safe.

#include <string>
#include <vector>

#include "ecosol/model/actor.h"
#include "ecosol/model/relationship.h"

namespace ecosol::interop {

// The blueprint of `actors` (deleted ones left out, and of a repeated id only the first) and of the
// relationships whose two ends are among them (deleted relationships left out; others are ignored,
// not an error), as JSON text.
std::string WriteKumu(const std::vector<model::Actor>& actors,
                      const std::vector<model::Relationship>& relationships);

}  // namespace ecosol::interop
