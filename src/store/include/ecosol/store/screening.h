#pragma once

// What the store keeps for screening (module screening): the facts profile of an actor (each
// edit a new version), dated assessments with the framework version they used, the latest
// verdict per actor and framework (for the registry's verdict filter), and background jobs.

#include <string>

namespace ecosol::store {

struct ProfileRecord {
  std::string actor_id;
  long long version = 0;  // set by PutProfile: 1, 2, ...
  std::string created_at;
  std::string who;
  std::string doc;            // the profile document (screening::ProfileToJson)
  std::string statutes_name;  // the statutes file's name, when statutes were given
  std::string statutes_text;  // their plain text (evidence offsets refer to it)
};

struct AssessmentRecord {
  std::string id;  // "asm-..."
  std::string actor_id;
  std::string framework;
  std::string framework_version;
  long long n = 0;  // set by AddAssessment: 1, 2, ... per actor and framework
  std::string verdict;
  std::string created_at;
  std::string who;
  long long profile_version = 0;
  std::string result;  // the screening result document (JSON)
};

struct JobRecord {
  std::string id;      // "job-..."
  std::string kind;    // "screening"
  std::string state;   // queued | running | done | failed
  std::string params;  // JSON
  long long done = 0;
  long long total = 0;
  std::string created_at;
  std::string updated_at;
  std::string who;
  std::string error;
  std::string result;  // JSON summary when done
};

}  // namespace ecosol::store
