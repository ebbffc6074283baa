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
  // The work queue (store.h, ClaimJob): how many times a worker claimed the job, the most it
  // may (a job whose workers keep dying is failed after that), the worker holding it, when its
  // lease runs out (milliseconds since 1970 by the database's clock; 0 when not held), and
  // where the work stands (kind-specific JSON, written with each committed batch).
  long long attempts = 0;
  long long max_attempts = 3;
  std::string worker;
  long long lease_until = 0;
  std::string checkpoint;
};

// A job's input file (Store::PutJobInput).
struct JobInput {
  std::string name;     // the file's name, for messages
  std::string content;  // its bytes
};

// What a finished job made for its reader to fetch (Store::PutJobOutput): a report's HTML or
// PDF, an analysis's JSON.
struct JobOutput {
  std::string name;          // a file name to save it as ("ecosol-report-CA-QC-fr.pdf")
  std::string content_type;  // its media type ("application/pdf")
  std::string content;       // its bytes
};

}  // namespace ecosol::store
