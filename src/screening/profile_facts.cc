#include "profile_facts.h"

namespace ecosol::screening {

nlohmann::json::json_pointer Pointer(const std::string& path) {
  std::string p = "/";
  for (char c : path) p += (c == '.' ? '/' : c);
  return nlohmann::json::json_pointer(p);
}

nlohmann::json FactValue(const Profile& profile, const std::string& path) {
  nlohmann::json::json_pointer ptr = Pointer(path);
  if (!profile.facts.is_object() || !profile.facts.contains(ptr)) return nullptr;
  return profile.facts[ptr];
}

}  // namespace ecosol::screening
