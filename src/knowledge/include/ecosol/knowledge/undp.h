#pragma once

// Importing the UNDP SDG Innovation Commons (grassroots solutions, experiments and learning plans
// of the UNDP Accelerator Labs; MIT licence) as case documents (case.h; docs/knowledge.md, "The
// UNDP SDG Innovation Commons"). One JSON Lines record
//
//   {"id": "100__fish_use__japan_innovation_challenge_", "title": "100% Fish Use ...",
//    "type": "learningplan", "year": "2023", "countries": ["Samoa"],
//    "sdgs": ["2. Zero hunger", "14. Life below water"], "thematic_areas": ["ocean"],
//    "methods": ["Prototyping"], "latlng": "-13.75,-172.16", "text": "## Title\n\n..."}
//
// becomes
//
//   {"id": "undp-100__fish_use__japan_innovation_challenge_", "title": {"en": "100% Fish Use ..."},
//    "summary": {"en": "Our challenge revolves around ..."}, "type": "learning_plan",
//    "stage": "idea", "year": 2023, "countries": ["WS"], "sdgs": [2, 14], "themes": ["ocean"],
//    "methods": ["prototyping"], "location": {"lat": -13.75, "lon": -172.16},
//    "strength": {"level": "unassessed"}, "text": {"en": "..."},
//    "source": {"name": "UNDP SDG Innovation Commons", "id": "100__fish_use__...",
//               "url": "https://sdg-innovation-commons.org", "licence": "MIT"}}
//
// Values that cannot be read (a country name no table knows, an SDG without its number, a bad
// latlng) are left out and named in `warnings`; they never fail the record. A record fails only
// when it is not an object, has no id or title, or has a type other than solution, experiment
// or learningplan. Pure functions; thread-safe.

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"

namespace ecosol::knowledge {

struct UndpCase {
  nlohmann::json doc;                 // a case document that ParseCase accepts
  std::vector<std::string> warnings;  // "countries: 'Atlantis' is not a known country"
};

// The case id of a record: "undp-" + the record's id, lower-cased, with any character outside
// a-z, 0-9, '.', '_', '-' replaced by '_'. The Commons cuts its ids at 80 characters, so that
// distinct records share one; an id of 80 characters or more (cut to 100) is followed by '-' and
// 8 hex digits of a hash of the title. Deterministic, and unique over the 2025 export.
std::string UndpCaseId(std::string_view record_id, std::string_view title);

// The case document of one record (see above); errors name the record's id.
Result<UndpCase> CaseFromUndpRecord(const nlohmann::json& record);

// Reads a JSON Lines file record by record, calling `each` with the case and the line number
// (from 1); blank lines are skipped. Stops at the first error: a line that is not JSON or a
// record CaseFromUndpRecord refuses ("undp.jsonl:12: ..."), or a non-OK status from `each`,
// which is returned as it is.
Status ReadUndpFile(const std::string& path,
                    const std::function<Status(UndpCase c, int line)>& each);

// The start of a record's text that says what it is about: the first answer of at least ten
// words to one of the form's questions ("Question?: answer"), or the first paragraph of at least
// ten words when the text has no questions; HTML, headings and bold instructions removed, cut at
// a word to at most `max_chars` bytes (with "…" when cut). "" when nothing qualifies.
std::string UndpSummary(std::string_view text, size_t max_chars = 400);

// `text` without HTML tags, with the common entities decoded (&amp; &lt; &gt; &quot; &#39;
// &nbsp;).
std::string StripHtml(std::string_view text);

}  // namespace ecosol::knowledge
