#pragma once

// The words of the territory report in en, fr, es and pt, with {placeholders} for fmt.

#include <string>
#include <string_view>
#include <vector>

namespace ecosol::report::internal {

// The text of `key` in `lang` (en when `lang` is another); "(?)" for an unknown key (the
// report tests look for it).
const std::string& Words(std::string_view key, std::string_view lang);

// The label of an actor group (ecosystem::Node::group) in `lang`.
const std::string& GroupLabel(std::string_view group, std::string_view lang);

// Every key Words and GroupLabel know, for tests.
std::vector<std::string> WordKeys();
std::vector<std::string> GroupKeys();

}  // namespace ecosol::report::internal
