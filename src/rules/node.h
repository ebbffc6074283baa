#pragma once

// The compiled form of a rule: a tree of nodes, each an operator code with its operand nodes,
// so that evaluation switches on an enum instead of looking up operator names. Built once by
// Compile (compile.cc) and never changed afterwards.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace ecosol::rules::internal {

using json = nlohmann::json;

enum class Op : uint8_t {
  kLiteral,  // a value (also what "preserve" compiles to)
  kArray,    // an array whose elements are evaluated
  kVar,
  kVal,
  kExists,
  kMissing,
  kMissingSome,
  kIf,
  kAnd,
  kOr,
  kNot,
  kNotNot,
  kEqual,
  kNotEqual,
  kStrictEqual,
  kStrictNotEqual,
  kLess,
  kLessOrEqual,
  kGreater,
  kGreaterOrEqual,
  kPlus,
  kMinus,
  kTimes,
  kDivide,
  kModulo,
  kMin,
  kMax,
  kCat,
  kSubstr,
  kIn,
  kMerge,
  kMap,
  kFilter,
  kReduce,
  kAll,
  kSome,
  kNone,
  kCoalesce,
  kThrow,
  kTry,
  kLog,
};

// One step of a path. `index` is set when the step can address an array element (a canonical
// non-negative integer); `key` is used on objects.
struct Segment {
  std::string key;
  std::optional<size_t> index;
};

// A data path known at compile time.
struct Path {
  std::vector<Segment> segments;  // empty: the whole data of the scope
  size_t scope_up = 0;            // `val` only: how many scope levels to climb first
  std::string text;               // the path as reported in Outcome::missing and Vars()
};

struct Node {
  Op op = Op::kLiteral;
  std::string name;            // the operator as written ("?:" and "if" both give kIf)
  std::string where;           // JSON pointer of this node in the rule, for messages
  json literal;                // kLiteral: the value
  std::vector<Node> children;  // operands, in order
  bool spread = false;         // the single child's array value supplies the operands
  std::optional<Path> path;    // var / val / exists: the path when it is literal
  std::vector<Path> keys;      // missing: the paths when they are all literal
  bool literal_keys = false;   // missing: `keys` is valid
};

struct Program {
  json source;
  Node root;
  std::vector<std::string> vars;
  bool computed_paths = false;
};

}  // namespace ecosol::rules::internal
