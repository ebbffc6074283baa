#include "compile.h"

#include <algorithm>
#include <limits>
#include <string_view>

#include "coerce.h"
#include "path.h"

namespace ecosol::rules::internal {
namespace {

// How an operator takes a non-array argument ({"op": x} rather than {"op": [x, ...]}).
enum class Form {
  kArray,   // it must be an array: anything else is a compile error
  kWrap,    // x is the single operand
  kSpread,  // x is the single operand, unless x is an operation whose value is an array:
            // then the elements are the operands ({"max": {"var": "scores"}})
  kRaw,     // "preserve": the argument itself, unevaluated
};

constexpr size_t kAny = std::numeric_limits<size_t>::max();

// Evaluation recurses once per level; this keeps it far from the end of any thread's stack.
constexpr int kMaxDepth = 256;

struct OpSpec {
  std::string_view name;
  Op op;
  Form form;
  size_t min_operands;
  size_t max_operands;
};

constexpr OpSpec kSpecs[] = {
    {"var", Op::kVar, Form::kWrap, 0, 2},
    {"val", Op::kVal, Form::kWrap, 0, kAny},
    {"exists", Op::kExists, Form::kWrap, 0, kAny},
    {"missing", Op::kMissing, Form::kWrap, 0, kAny},
    {"missing_some", Op::kMissingSome, Form::kWrap, 2, 2},
    {"if", Op::kIf, Form::kArray, 0, kAny},
    {"?:", Op::kIf, Form::kArray, 0, kAny},
    {"and", Op::kAnd, Form::kArray, 0, kAny},
    {"or", Op::kOr, Form::kArray, 0, kAny},
    {"!", Op::kNot, Form::kWrap, 0, 1},
    {"!!", Op::kNotNot, Form::kWrap, 0, 1},
    {"==", Op::kEqual, Form::kArray, 2, kAny},
    {"!=", Op::kNotEqual, Form::kArray, 2, kAny},
    {"===", Op::kStrictEqual, Form::kArray, 2, kAny},
    {"!==", Op::kStrictNotEqual, Form::kArray, 2, kAny},
    {"<", Op::kLess, Form::kArray, 2, kAny},
    {"<=", Op::kLessOrEqual, Form::kArray, 2, kAny},
    {">", Op::kGreater, Form::kArray, 2, kAny},
    {">=", Op::kGreaterOrEqual, Form::kArray, 2, kAny},
    {"+", Op::kPlus, Form::kSpread, 0, kAny},
    {"-", Op::kMinus, Form::kSpread, 1, kAny},
    {"*", Op::kTimes, Form::kSpread, 0, kAny},
    {"/", Op::kDivide, Form::kSpread, 1, kAny},
    {"%", Op::kModulo, Form::kSpread, 2, kAny},
    {"min", Op::kMin, Form::kSpread, 1, kAny},
    {"max", Op::kMax, Form::kSpread, 1, kAny},
    {"cat", Op::kCat, Form::kSpread, 0, kAny},
    {"merge", Op::kMerge, Form::kSpread, 0, kAny},
    {"substr", Op::kSubstr, Form::kWrap, 2, 3},
    {"in", Op::kIn, Form::kWrap, 2, 2},
    {"map", Op::kMap, Form::kArray, 2, 2},
    {"filter", Op::kFilter, Form::kArray, 2, 2},
    {"reduce", Op::kReduce, Form::kArray, 2, 3},
    {"all", Op::kAll, Form::kArray, 2, 2},
    {"some", Op::kSome, Form::kArray, 2, 2},
    {"none", Op::kNone, Form::kArray, 2, 2},
    {"??", Op::kCoalesce, Form::kWrap, 0, kAny},
    {"throw", Op::kThrow, Form::kWrap, 1, 1},
    {"try", Op::kTry, Form::kWrap, 1, kAny},
    {"log", Op::kLog, Form::kWrap, 1, 1},
    {"preserve", Op::kLiteral, Form::kRaw, 0, kAny},
};

const OpSpec* FindSpec(std::string_view name) {
  for (const OpSpec& spec : kSpecs) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

bool IsIterator(Op op) {
  return op == Op::kMap || op == Op::kFilter || op == Op::kReduce || op == Op::kAll ||
         op == Op::kSome || op == Op::kNone;
}

// A JSON pointer reference token: "~" -> "~0", "/" -> "~1".
std::string PointerToken(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

Status CompileError(const std::string& what, const std::string& where) {
  return InvalidArgument(what + (where.empty() ? " at the rule root" : " at rule " + where));
}

std::string Quoted(std::string_view name) { return "\"" + std::string(name) + "\""; }

std::string OperandCount(size_t n) {
  return std::to_string(n) + (n == 1 ? " operand" : " operands");
}

std::string ArityText(const OpSpec& spec) {
  if (spec.min_operands == spec.max_operands) return OperandCount(spec.min_operands);
  if (spec.max_operands == kAny) return "at least " + OperandCount(spec.min_operands);
  if (spec.min_operands == 0) return "at most " + OperandCount(spec.max_operands);
  return std::to_string(spec.min_operands) + " to " + OperandCount(spec.max_operands);
}

Node LiteralNode(json value, std::string where) {
  Node node;
  node.literal = std::move(value);
  node.where = std::move(where);
  return node;
}

bool AllLiteral(const std::vector<Node>& nodes) {
  return std::all_of(nodes.begin(), nodes.end(),
                     [](const Node& n) { return n.op == Op::kLiteral; });
}

std::vector<const json*> LiteralValues(const std::vector<Node>& nodes) {
  std::vector<const json*> out;
  for (const Node& n : nodes) out.push_back(&n.literal);
  return out;
}

class Compiler {
 public:
  Result<Node> Compile(const json& rule, const std::string& where);

 private:
  Result<Node> CompileValue(const json& rule, const std::string& where);
  Result<Node> CompileArray(const json& rule, const std::string& where);
  Result<Node> CompileOperation(const std::string& name, const json& args,
                                const std::string& where);
  Status CompileOperands(const OpSpec& spec, const json& args, const std::string& at, Node* node);
  Status CheckOperands(const OpSpec& spec, Node* node);
  Status CheckIterator(Node* node);
  void PrecomputePaths(Node* node);

  int depth_ = 0;
};

Result<Node> Compiler::Compile(const json& rule, const std::string& where) {
  if (depth_ >= kMaxDepth) {
    return CompileError(
        "the rule is nested more than " + std::to_string(kMaxDepth) + " levels deep", where);
  }
  ++depth_;
  Result<Node> node = CompileValue(rule, where);
  --depth_;
  return node;
}

Result<Node> Compiler::CompileValue(const json& rule, const std::string& where) {
  if (rule.is_array()) return CompileArray(rule, where);
  if (!rule.is_object() || rule.empty()) return LiteralNode(rule, where);
  if (rule.size() > 1) {
    std::string keys;
    for (const auto& item : rule.items()) keys += (keys.empty() ? "" : ", ") + Quoted(item.key());
    return CompileError("an operation must be an object with exactly one key (the operator), got " +
                            std::to_string(rule.size()) + " keys (" + keys + ")",
                        where);
  }
  auto it = rule.begin();
  return CompileOperation(it.key(), it.value(), where);
}

Result<Node> Compiler::CompileArray(const json& rule, const std::string& where) {
  Node node;
  node.op = Op::kArray;
  node.where = where;
  for (size_t i = 0; i < rule.size(); ++i) {
    Result<Node> element = Compile(rule[i], where + "/" + std::to_string(i));
    if (!element.ok()) return element.status();
    node.children.push_back(std::move(*element));
  }
  if (AllLiteral(node.children)) return LiteralNode(rule, where);
  return node;
}

Result<Node> Compiler::CompileOperation(const std::string& name, const json& args,
                                        const std::string& where) {
  const OpSpec* spec = FindSpec(name);
  if (!spec) return CompileError("unknown operator " + Quoted(name), where);
  if (spec->form == Form::kRaw) return LiteralNode(args, where);
  Node node;
  node.op = spec->op;
  node.name = name;
  node.where = where;
  ECOSOL_RETURN_IF_ERROR(CompileOperands(*spec, args, where + "/" + PointerToken(name), &node));
  ECOSOL_RETURN_IF_ERROR(CheckOperands(*spec, &node));
  PrecomputePaths(&node);
  return node;
}

Status Compiler::CompileOperands(const OpSpec& spec, const json& args, const std::string& at,
                                 Node* node) {
  if (!args.is_array()) {
    if (spec.form == Form::kArray) {
      return CompileError(Quoted(spec.name) + " expects an array of operands, got " + Show(args),
                          node->where);
    }
    Result<Node> only = Compile(args, at);
    if (!only.ok()) return only.status();
    // An operation (even "preserve") spreads; a literal is the single operand.
    node->spread = spec.form == Form::kSpread && args.is_object() && !args.empty();
    node->children.push_back(std::move(*only));
    return Status::Ok();
  }
  for (size_t i = 0; i < args.size(); ++i) {
    Result<Node> operand = Compile(args[i], at + "/" + std::to_string(i));
    if (!operand.ok()) return operand.status();
    node->children.push_back(std::move(*operand));
  }
  return Status::Ok();
}

Status Compiler::CheckOperands(const OpSpec& spec, Node* node) {
  size_t n = node->children.size();
  if (!node->spread && (n < spec.min_operands || n > spec.max_operands)) {
    return CompileError(
        Quoted(spec.name) + " expects " + ArityText(spec) + ", got " + std::to_string(n),
        node->where);
  }
  if (IsIterator(node->op)) return CheckIterator(node);
  return Status::Ok();
}

// Iterating over a literal that is not an array, or mapping / filtering with a null
// expression, can only be a mistake in the rule; reject it before any data is seen.
Status Compiler::CheckIterator(Node* node) {
  const Node& source = node->children[0];
  if (source.op == Op::kLiteral && !source.literal.is_array()) {
    return CompileError("the first operand of " + Quoted(node->name) +
                            " must be an array or an operation, got " + Show(source.literal),
                        node->where);
  }
  const Node& logic = node->children[1];
  bool maps = node->op == Op::kMap || node->op == Op::kFilter;
  if (maps && logic.op == Op::kLiteral && logic.literal.is_null()) {
    return CompileError(Quoted(node->name) + " needs an expression to apply, got null",
                        node->where);
  }
  return Status::Ok();
}

// Literal keys of `missing`: an array as first operand, or the operands themselves.
void PrecomputeMissingKeys(const json& keys, Node* node) {
  node->literal = keys;
  for (const json& key : keys) node->keys.push_back(VarPath(JsString(key)));
  node->literal_keys = true;
}

void Compiler::PrecomputePaths(Node* node) {
  std::vector<Node>& c = node->children;
  switch (node->op) {
    case Op::kVar:
      if (c.empty()) node->path = Path{};
      if (!c.empty() && c[0].op == Op::kLiteral) node->path = VarPathOf(c[0].literal);
      return;
    case Op::kVal:
    case Op::kExists:
      if (AllLiteral(c) && !(c.size() == 1 && c[0].literal.is_array())) {
        node->path = ValPathOf(LiteralValues(c));
      }
      return;
    case Op::kMissing:
      if (AllLiteral(c) && !c.empty() && c[0].literal.is_array()) {
        PrecomputeMissingKeys(c[0].literal, node);
      } else if (AllLiteral(c)) {
        json keys = json::array();
        for (const Node& k : c) keys.push_back(k.literal);
        PrecomputeMissingKeys(keys, node);
      }
      return;
    case Op::kMissingSome:
      if (c[1].op == Op::kLiteral && c[1].literal.is_array()) {
        PrecomputeMissingKeys(c[1].literal, node);
      }
      return;
    default:
      return;
  }
}

// Lists the facts read outside iterator and catch scopes (see Rule::Vars).
class VarCollector {
 public:
  explicit VarCollector(Program* program) : program_(program) {}
  void Visit(const Node& node, bool in_scope);

 private:
  void Add(const std::string& path, bool in_scope);
  void VisitPath(const Node& node, bool in_scope);

  Program* program_;
};

void VarCollector::Add(const std::string& path, bool in_scope) {
  if (in_scope || path.empty()) return;
  std::vector<std::string>& vars = program_->vars;
  if (std::find(vars.begin(), vars.end(), path) == vars.end()) vars.push_back(path);
}

void VarCollector::VisitPath(const Node& node, bool in_scope) {
  switch (node.op) {
    case Op::kVar:
    case Op::kVal:
    case Op::kExists:
      if (node.path && node.path->scope_up == 0) {
        Add(node.path->text, in_scope);
      } else if (!in_scope || node.op != Op::kVar) {
        // A computed path, or a `val` that climbs scopes, may reach the facts from anywhere.
        program_->computed_paths = true;
      }
      return;
    default:
      if (node.literal_keys) {
        for (const Path& key : node.keys) Add(key.text, in_scope);
      } else {
        program_->computed_paths = program_->computed_paths || !in_scope;
      }
      return;
  }
}

void VarCollector::Visit(const Node& node, bool in_scope) {
  switch (node.op) {
    case Op::kVar:
    case Op::kVal:
    case Op::kExists:
    case Op::kMissing:
    case Op::kMissingSome:
      VisitPath(node, in_scope);
      break;
    default:
      break;
  }
  bool scoped = IsIterator(node.op) || node.op == Op::kTry;
  for (size_t i = 0; i < node.children.size(); ++i) {
    // Iterators: the array (0) and reduce's initial value (2) are read in the enclosing
    // scope, the expression (1) per element. Try: the first operand in the enclosing scope,
    // the fallbacks in the scope of the error.
    bool inner = scoped && (node.op == Op::kTry ? i > 0 : i == 1);
    Visit(node.children[i], in_scope || inner);
  }
}

}  // namespace

Result<std::shared_ptr<const Program>> CompileProgram(const json& rule) {
  auto program = std::make_shared<Program>();
  try {
    Compiler compiler;
    Result<Node> root = compiler.Compile(rule, "");
    if (!root.ok()) return root.status();
    program->source = rule;
    program->root = std::move(*root);
  } catch (const json::exception& e) {
    return InvalidArgument(std::string("cannot compile the rule: ") + e.what());
  }
  VarCollector(program.get()).Visit(program->root, false);
  return std::shared_ptr<const Program>(std::move(program));
}

}  // namespace ecosol::rules::internal
