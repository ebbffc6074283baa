#pragma once

// Passwords and secrets, on libsodium: argon2id password hashes, random tokens, SHA-256 of
// secrets and comparisons that take the same time whatever the inputs hold.

#include <string>
#include <string_view>

#include "ecosol/base/status.h"

namespace ecosol::auth {

// The work an argon2id hash costs. kInteractive is libsodium's recommendation for sign-in
// (64 MiB, 2 passes; about 0.1 s here); kMinimum is for tests only.
enum class PasswordCost { kInteractive, kMinimum };

// At least 12 characters, not a common password, not the e-mail (or its name part) and not one
// character repeated. The message says what is wrong and how to fix it.
Status CheckPasswordPolicy(std::string_view password, std::string_view email);

// An argon2id hash in libsodium's encoded form ("$argon2id$v=19$m=...").
Result<std::string> HashPassword(std::string_view password, PasswordCost cost);
bool VerifyPassword(const std::string& hash, std::string_view password);

// `bytes` random bytes from the system's generator, base64url-encoded.
std::string RandomSecret(size_t bytes);
// True when a and b are equal, in a time that depends only on their lengths.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace ecosol::auth
