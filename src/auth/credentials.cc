#include "ecosol/auth/credentials.h"

#include <sodium.h>

#include <algorithm>
#include <array>

#include "ecosol/base/strings.h"

namespace ecosol::auth {
namespace {

bool SodiumReady() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

// Common passwords of 12 characters or more (shorter ones fail the length rule anyway), from
// the lists published after large leaks; compared after lower-casing.
constexpr std::array<std::string_view, 48> kCommon = {
    "123456789012",     "1234567890123", "12345678901234", "123456789123",  "111111111111",
    "000000000000",     "123123123123",  "qwertyuiopas",   "qwerty123456",  "qwertyuiop123",
    "1q2w3e4r5t6y",     "1qaz2wsx3edc",  "password1234",   "password12345", "password123456",
    "passwordpassword", "password123!",  "p@ssword1234",   "p@ssw0rd1234",  "iloveyou1234",
    "abc123456789",     "abcdefghijkl",  "abcd12345678",   "letmein12345",  "welcome12345",
    "welcome123456",    "administrator", "admin1234567",   "changeme1234",  "trustno11234",
    "football1234",     "baseball1234",  "superman1234",   "sunshine1234",  "princess1234",
    "monkey123456",     "dragon123456",  "master123456",   "qazwsxedcrfv",  "zaq12wsxcde3",
    "asdfghjkl123",     "asdfghjklzxc",  "zxcvbnm12345",   "motdepasse123", "contrasena123",
    "contraseña123",    "senha12345678", "ecosolecosol",
};

size_t CodePoints(std::string_view s) {
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

Status CheckPasswordPolicy(std::string_view password, std::string_view email) {
  if (CodePoints(password) < 12) {
    return InvalidArgument(
        "password: must be at least 12 characters (a few words make a "
        "strong one that is easy to remember)");
  }
  std::string lower = AsciiLower(password);
  if (std::find(kCommon.begin(), kCommon.end(), lower) != kCommon.end()) {
    return InvalidArgument("password: is one of the most common passwords; choose another");
  }
  if (std::all_of(password.begin(), password.end(),
                  [&](char c) { return c == password.front(); })) {
    return InvalidArgument("password: is one character repeated; choose another");
  }
  std::string mail = AsciiLower(email);
  std::string local = mail.substr(0, mail.find('@'));
  if (lower == mail || (local.size() >= 4 && lower.find(local) != std::string::npos)) {
    return InvalidArgument("password: must not contain your e-mail address or its name part");
  }
  return Status::Ok();
}

Result<std::string> HashPassword(std::string_view password, PasswordCost cost) {
  if (!SodiumReady()) return Internal("libsodium could not be initialised");
  unsigned long long ops = cost == PasswordCost::kInteractive
                               ? crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE
                               : crypto_pwhash_argon2id_OPSLIMIT_MIN;
  size_t mem = cost == PasswordCost::kInteractive ? crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE
                                                  : crypto_pwhash_argon2id_MEMLIMIT_MIN;
  char out[crypto_pwhash_argon2id_STRBYTES];
  if (crypto_pwhash_argon2id_str(out, password.data(), password.size(), ops, mem) != 0) {
    return Internal("password hashing ran out of memory");
  }
  return std::string(out);
}

bool VerifyPassword(const std::string& hash, std::string_view password) {
  if (!SodiumReady() || hash.empty()) return false;
  return crypto_pwhash_argon2id_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string RandomSecret(size_t bytes) {
  SodiumReady();
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  return Base64UrlEncode(raw);
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  SodiumReady();
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace ecosol::auth
