#pragma once

// Private to the ecosystem module: the pieces of trends.cc that trends_text.cc and the tests
// share.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ecosol/ecosystem/trends.h"

namespace ecosol::ecosystem::internal {

// The year of a date written "YYYY", "YYYY-MM", "YYYY-MM-DD" or an ISO date-time
// ("YYYY-MM-DDThh:mm:ss", or with a space): nullopt when it is not one, or names a month or a day
// that does not exist ("2013-02-30").
std::optional<int> DateYear(std::string_view date);

// The trend of a group in words, in "en", "fr", "es" and "pt" (TrendSummary::text), from its
// summary and counts; `from` and `to` are the span (0 and 0 without data).
model::LocalisedText TrendText(const TrendGroup& group, const TrendsQuery& query, int from, int to);

// A warning of `kind` (TrendsWarning::kind) in the four languages; `vars` fill the templates'
// {founded}, {n} and {unit}. The English text is also the warning's `message`.
model::LocalisedText WarningText(std::string_view kind,
                                 const std::vector<std::pair<std::string, std::string>>& vars);

}  // namespace ecosol::ecosystem::internal
