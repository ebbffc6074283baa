#pragma once

// Small string helpers shared by every module. All functions are pure and thread-safe.

#include <string>
#include <string_view>
#include <vector>

namespace ecosol {

std::string_view Trim(std::string_view s);
// Splits on `sep`; keeps empty pieces.
std::vector<std::string> Split(std::string_view s, char sep);
// Splits on `sep`, trims each piece and drops the empty ones.
std::vector<std::string> SplitNonEmpty(std::string_view s, char sep);
std::string Join(const std::vector<std::string>& parts, std::string_view sep);
// ASCII lower-casing; other bytes are kept.
std::string AsciiLower(std::string_view s);
bool StartsWith(std::string_view s, std::string_view prefix);
// True when `s` is well-formed UTF-8 (no overlong forms, no surrogates). When it is not,
// `*bad_offset` (if given) receives the byte offset of the first bad sequence.
bool IsValidUtf8(std::string_view s, size_t* bad_offset = nullptr);
// Parses a whole string as a finite double; false on any trailing garbage.
bool ParseDouble(std::string_view s, double* out);
bool ParseInt64(std::string_view s, long long* out);
// Base64url without padding, for opaque cursors.
std::string Base64UrlEncode(std::string_view bytes);
bool Base64UrlDecode(std::string_view text, std::string* out);
// A lower-case slug of letters, digits and '-' ("R006884" -> "r006884").
std::string Slug(std::string_view s);

}  // namespace ecosol
