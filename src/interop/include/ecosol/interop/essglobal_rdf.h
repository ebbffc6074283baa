#pragma once

// ESSGlobal as linked data: the RDF that DigitalCommons, RIPESS and the Solidarity Economy
// Association publish SSE initiatives in, as Turtle and as JSON-LD. Each actor is one
// `essglobal:SSEInitiative` node; the property-by-property mapping, including the `ecosol:`
// properties for fields no standard vocabulary covers, is in docs/formats/essglobal-rdf.md.
//
//   EssglobalRdfOptions o;
//   o.base_uri = "https://ecosol.example/actors/";
//   std::string ttl = WriteEssglobalTurtle(actors, o);
//   Result<ParsedRows> back = ReadEssglobalTurtle(ttl, o);  // the same mapped fields
//
// Reading is all-or-nothing at the syntax level: a document that does not parse gives an
// InvalidArgument naming the line and column of the problem, and no rows at all. A node that parses
// but cannot become an actor (no name, a code of the wrong scheme, a coordinate out of range, ...)
// is a rejection (registry::FieldError) whose message names the node's IRI; the other nodes are
// still read. Unknown properties are ignored.
//
// Thread safety: free functions without shared state; safe to call concurrently.

#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/interop/essglobal_csv.h"  // ParsedRows
#include "ecosol/model/actor.h"

namespace ecosol::interop {

struct EssglobalRdfOptions {
  // The identifier scheme the node IRIs stand for: on reading, an initiative whose identifiers
  // do not include this scheme gets the last segment of its IRI (after base_uri when the IRI
  // starts with it) as its identifier in this scheme.
  std::string id_scheme = "essglobal";
  // The language of literals without a language tag (descriptions).
  std::string lang = "en";
  // Writing: each initiative's IRI is base_uri + the actor's id (percent-encoded), or + its
  // identifier in id_scheme when the actor has no id yet. Reading: the base against which
  // relative IRIs are resolved.
  std::string base_uri = "https://ecosol.example/actors/";
};

// The namespace of the properties Ecosol adds where ESSGlobal and the standard vocabularies
// have none (ecosol:kind, ecosol:claim, ecosol:territory, ...).
inline constexpr std::string_view kEcosolVocab = "https://ecosol.example/vocab#";

// Reads Turtle (RDF 1.1, parsed with serd in strict mode). Every node typed
// essglobal:SSEInitiative or essglobal:Network becomes a row, in the order of the documents'
// type statements; any namespace ending in "essglobal/.../vocab/" is taken for ESSGlobal (the
// purl.org, w3id.solidarityeconomy.coop and dev.lod.coop editions). Rows' `line` is the line of
// the node's first statement.
Result<ParsedRows> ReadEssglobalTurtle(std::string_view text, const EssglobalRdfOptions& options);

// Writes the actors as Turtle, with prefixes, one node per actor, addresses and identifiers as
// nested blank nodes. Hidden locations are written nowhere (as in every export).
std::string WriteEssglobalTurtle(const std::vector<model::Actor>& actors,
                                 const EssglobalRdfOptions& options);

// Reads JSON-LD 1.1 in these forms:
//   - compacted: {"@context": {...}, "@graph": [nodes]} or a single node object, with the
//     context embedded (ours, as WriteEssglobalJsonld writes it, or any other that maps terms
//     to the same IRIs: terms, prefixes, @vocab, @base, @language, @type coercion to @id or a
//     datatype, @container @language / @set / @list);
//   - expanded: an array of node objects with full IRIs as keys and values as arrays of
//     {"@value", "@language", "@type"} or {"@id"} objects;
//   - flattened: either of the above with nested nodes referenced by "@id" (blank node ids
//     included) instead of embedded.
// Not accepted: remote contexts (a URL as @context), @reverse, @nest and @included (an
// InvalidArgument says so). Rows' `line` is 0 (JSON-LD nodes have no line of their own).
Result<ParsedRows> ReadEssglobalJsonld(std::string_view text, const EssglobalRdfOptions& options);

// Writes {"@context": {...}, "@graph": [...]}: the same graph as WriteEssglobalTurtle, compacted
// with a context that maps every term and prefix to an absolute IRI (see
// EssglobalJsonldContext()).
std::string WriteEssglobalJsonld(const std::vector<model::Actor>& actors,
                                 const EssglobalRdfOptions& options);

// The @context WriteEssglobalJsonld embeds, as JSON text (for publishing it on its own).
std::string EssglobalJsonldContext();

}  // namespace ecosol::interop
