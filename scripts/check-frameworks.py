#!/usr/bin/env python3
"""Checks the screening frameworks in frameworks/*.yaml against docs/frameworks-format.md.

Usage: scripts/check-frameworks.py [FRAMEWORKS_DIR] [FILE ...]

With no FILE, checks every frameworks/*.yaml except facts.yaml and statutes-facts.yaml.
Prints one line per problem ("frameworks/x.yaml: criterion a.b: unknown fact 'c'") and exits 1
if there is any error, 0 otherwise. Warnings (a principle with no hard criterion, which can be
`met` without evidence) are printed but do not fail. Needs PyYAML.

It checks what the C++ loader checks (so a mistake shows before a build) and a few things it may
not: every fact a rule reads is listed in the criterion's `facts` and every listed fact is read,
rules use only the portable json-logic-js operators, compared enum values exist, shares are
compared with numbers in 0..1, every explanation has en/fr/es/pt for each outcome.
"""

import pathlib
import re
import sys

import yaml

LANGS = ("en", "fr", "es", "pt")
OUTCOMES = ("met", "not_met", "insufficient_evidence")
SUBJECTS = ("organisation", "initiative", "programme")
KINDS = ("definition", "national_scheme", "label", "innovation", "policy")
SEVERITIES = ("hard", "strong", "soft")
NOT_FRAMEWORKS = ("facts.yaml", "statutes-facts.yaml")
# The engine raises this one itself (statutes contradict the declared profile).
RESERVED_FLAGS = ("declared_vs_statutes_conflict",)
PORTABLE_OPS = {
    "var", "missing", "missing_some", "if", "==", "===", "!=", "!==", "!", "!!", "or", "and",
    ">", ">=", "<", "<=", "max", "min", "+", "-", "*", "/", "%", "map", "filter", "reduce",
    "all", "some", "none", "merge", "in", "cat", "substr",
}
# Operators whose second operand is evaluated per element: its vars are element fields.
SCOPED_OPS = {"map", "filter", "all", "some", "none", "reduce"}
COMPARISONS = {"==", "===", "!=", "!==", ">", ">=", "<", "<="}
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
ITEM_ID_RE = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)*$")
VERSION_RE = re.compile(r"^\d+\.\d+\.\d+$")


class Report:
    def __init__(self):
        self.errors = []
        self.warnings = []

    def error(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    def warn(self, where, msg):
        self.warnings.append(f"{where}: warning: {msg}")


def load_facts(path, report):
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        report.error(str(path), f"cannot read: {e}")
        return {}
    facts = {}
    for entry in (doc or {}).get("facts", []):
        p = entry.get("path")
        if not p:
            report.error(str(path), f"fact without a path: {entry}")
            continue
        if p in facts:
            report.error(str(path), f"fact '{p}' listed twice")
        facts[p] = entry
    return facts


def check_texts(where, texts, report, what):
    if not isinstance(texts, dict):
        report.error(where, f"{what}: expected a mapping of {', '.join(LANGS)}")
        return
    for lang in LANGS:
        value = texts.get(lang)
        if not isinstance(value, str) or not value.strip():
            report.error(where, f"{what}: missing or empty '{lang}' text")
    for lang in texts:
        if lang not in LANGS:
            report.error(where, f"{what}: unknown language '{lang}'")


def var_path(args):
    """The path a {"var": ...} reads and whether it has a default."""
    if isinstance(args, list):
        if not args:
            return "", False
        return args[0], len(args) > 1
    return args, False


def walk_rule(rule, where, report, facts, reads, scoped=False):
    """Checks operators and collects the fact paths a rule reads (outside element scopes)."""
    if isinstance(rule, list):
        for item in rule:
            walk_rule(item, where, report, facts, reads, scoped)
        return
    if not isinstance(rule, dict):
        return
    if len(rule) != 1:
        report.error(where, f"a rule object must have exactly one operator, got {sorted(rule)}")
        return
    (op, args), = rule.items()
    if op not in PORTABLE_OPS:
        report.error(where, f"operator '{op}' is not in the portable json-logic-js set")
        return
    if op == "var":
        path, _ = var_path(args)
        if not isinstance(path, str):
            report.error(where, f"var path must be a string, got {path!r}")
        elif not scoped:
            if path == "":
                report.error(where, "var \"\" (the whole profile) is only allowed inside map/all/some/none/filter/reduce")
            elif path not in facts:
                report.error(where, f"unknown fact '{path}' (not in frameworks/facts.yaml)")
            else:
                reads.add(path)
        return
    if op in ("missing", "missing_some"):
        paths = args if op == "missing" else (args[1] if isinstance(args, list) and len(args) > 1 else [])
        for p in paths if isinstance(paths, list) else [paths]:
            if isinstance(p, str) and p not in facts and not scoped:
                report.error(where, f"unknown fact '{p}' in {op}")
            elif isinstance(p, str) and not scoped:
                reads.add(p)
        return
    operands = args if isinstance(args, list) else [args]
    if op in SCOPED_OPS:
        if not operands:
            report.error(where, f"'{op}' needs an array and a rule")
            return
        walk_rule(operands[0], where, report, facts, reads, scoped)
        for inner in operands[1:]:
            walk_rule(inner, where, report, facts, reads, True)
        return
    if op in COMPARISONS or op == "in":
        check_literals(op, operands, where, report, facts, scoped)
    for item in operands:
        walk_rule(item, where, report, facts, reads, scoped)


def fact_of(operand, facts, scoped):
    if isinstance(operand, dict) and len(operand) == 1 and "var" in operand and not scoped:
        path, _ = var_path(operand["var"])
        if isinstance(path, str):
            return facts.get(path)
    return None


def check_literals(op, operands, where, report, facts, scoped):
    """Enum values compared must exist; shares are compared with numbers in 0..1."""
    if len(operands) < 2:
        report.error(where, f"'{op}' needs two operands")
        return
    left, right = operands[0], operands[1]
    pairs = [(fact_of(left, facts, scoped), right), (fact_of(right, facts, scoped), left)]
    for fact, other in pairs:
        if fact is None:
            continue
        ftype = fact.get("type")
        values = fact.get("values") or []
        literals = other if (op == "in" and isinstance(other, list)) else [other]
        for lit in literals:
            if isinstance(lit, (dict, list)) or lit is None:
                continue
            if ftype in ("enum", "enum_list") and isinstance(lit, str) and lit not in values:
                report.error(where, f"'{lit}' is not a value of {fact['path']} ({', '.join(values)})")
            if ftype == "share" and isinstance(lit, (int, float)) and not isinstance(lit, bool) and not 0 <= lit <= 1:
                report.error(where, f"{fact['path']} is a share in 0..1, compared with {lit}")
            if ftype == "boolean" and not isinstance(lit, bool) and op != "in":
                report.error(where, f"{fact['path']} is a boolean, compared with {lit!r}")


def check_rule(rule, where, report, facts, subject, listed=None, what="rule"):
    if rule is None:
        report.error(where, f"missing {what}")
        return
    if not isinstance(rule, (dict, bool)):
        report.error(where, f"{what} must be a JSON Logic object")
        return
    reads = set()
    walk_rule(rule, f"{where}: {what}", report, facts, reads)
    for path in sorted(reads):
        fsubject = facts[path].get("subject")
        if fsubject != subject:
            report.error(where, f"{what} reads '{path}', a fact of a {fsubject}, in a framework about a {subject}")
    if listed is not None:
        listed_set = set(listed)
        for path in sorted(reads - listed_set):
            report.error(where, f"{what} reads '{path}' but it is not listed in facts")
        for path in sorted(listed_set - reads):
            report.error(where, f"fact '{path}' is listed but the rule does not read it")


def check_source(src, where, report, source_ids):
    if not isinstance(src, dict) or "ref" not in src:
        report.error(where, "source must be {ref: <source id>, article: ...}")
        return
    if src["ref"] not in source_ids:
        report.error(where, f"source ref '{src['ref']}' is not in sources")


def check_item_common(item, where, report, facts, subject, source_ids):
    if item.get("severity") not in SEVERITIES:
        report.error(where, f"severity must be one of {', '.join(SEVERITIES)}, got {item.get('severity')!r}")
    listed = item.get("facts")
    if not isinstance(listed, list) or not listed:
        report.error(where, "facts must be a non-empty list")
        listed = []
    for path in listed:
        if path not in facts:
            report.error(where, f"unknown fact '{path}' in facts (not in frameworks/facts.yaml)")
    check_rule(item.get("rule"), where, report, facts, subject, [p for p in listed if p in facts])
    check_source(item.get("source"), where, report, source_ids)


def check_finance_texts(node, where, report, source_ids):
    """Every text map (a mapping with an 'en' key) has en/fr/es/pt; every {ref: ...} is a source."""
    if isinstance(node, list):
        for i, item in enumerate(node):
            check_finance_texts(item, f"{where}[{i}]", report, source_ids)
        return
    if not isinstance(node, dict):
        return
    if "en" in node:
        check_texts(where, node, report, "text")
        return
    if "ref" in node and node["ref"] not in source_ids:
        report.error(where, f"source ref '{node['ref']}' is not in sources")
    for key, value in node.items():
        check_finance_texts(value, f"{where}.{key}", report, source_ids)


def check_finance_framework(path, doc, report):
    """The finance frameworks (kind finance_*, read by src/finance/, not by screening): the head,
    sources, texts in four languages, source refs, and portable JSON Logic rules over the facts
    the file declares (finance-mechanisms.yaml) or the assessment facts (finance-readiness.yaml).
    The C++ loaders (src/finance/mechanisms.cc, readiness.cc) check the rest."""
    where = str(path)
    if doc.get("id") != path.stem:
        report.error(where, f"id {doc.get('id')!r} differs from the file name '{path.stem}'")
    if not isinstance(doc.get("version"), str) or not VERSION_RE.match(doc["version"]):
        report.error(where, f"version must be a quoted \"X.Y.Z\" string, got {doc.get('version')!r}")
    check_texts(where, doc.get("title"), report, "title")
    source_ids = set()
    for src in doc.get("sources") or []:
        if not src.get("id") or src["id"] in source_ids or not isinstance(src.get("verified"), bool):
            report.error(f"{where}: source {src.get('id')}", "id missing or repeated, or verified not a boolean")
        source_ids.add(src.get("id"))
    if not source_ids:
        report.error(where, "no sources")
    for key, value in doc.items():
        if key not in ("title", "sources"):
            check_finance_texts(value, f"{where}: {key}", report, source_ids)
    declared = {f["path"]: f for f in doc.get("facts") or []}
    for section in ("rules", "stages", "pipeline"):
        for item in doc.get(section) or []:
            iwhere = f"{where}: {section} {item.get('id')}"
            if "source" not in item:
                report.error(iwhere, "no source")
            if section == "rules":
                walk_rule(item.get("rule"), iwhere, report, declared, set())
            else:
                walk_rule(item.get("rule"), iwhere, report, None, set(), True)


def check_framework(path, facts, report):
    where = str(path)
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        report.error(where, f"does not parse: {e}")
        return
    if not isinstance(doc, dict):
        report.error(where, "expected a mapping at the top level")
        return
    if str(doc.get("kind", "")).startswith("finance_"):
        check_finance_framework(path, doc, report)
        return
    fid = doc.get("id")
    if not isinstance(fid, str) or not ID_RE.match(fid):
        report.error(where, f"id must be lower case letters, digits and '-', got {fid!r}")
    elif fid != path.stem:
        report.error(where, f"id '{fid}' differs from the file name '{path.stem}'")
    if not isinstance(doc.get("version"), str) or not VERSION_RE.match(doc["version"]):
        report.error(where, f"version must be a quoted \"X.Y.Z\" string, got {doc.get('version')!r}")
    subject = doc.get("subject")
    if subject not in SUBJECTS:
        report.error(where, f"subject must be one of {', '.join(SUBJECTS)}, got {subject!r}")
    if doc.get("kind") not in KINDS:
        report.error(where, f"kind must be one of {', '.join(KINDS)}, got {doc.get('kind')!r}")
    check_texts(where, doc.get("title"), report, "title")
    check_texts(where, doc.get("description"), report, "description")
    if "applies_when" in doc:
        check_rule(doc["applies_when"], where, report, facts, subject, what="applies_when")

    source_ids = set()
    for src in doc.get("sources") or []:
        sid = src.get("id")
        swhere = f"{where}: source {sid}"
        if not sid or sid in source_ids:
            report.error(swhere, "source id missing or repeated")
        source_ids.add(sid)
        if not isinstance(src.get("title"), str) or not src["title"].strip():
            report.error(swhere, "source title missing")
        if not isinstance(src.get("verified"), bool):
            report.error(swhere, "verified must be true or false")
    if not source_ids:
        report.error(where, "no sources")

    option_ids = set()
    for opt in doc.get("options") or []:
        oid = opt.get("id")
        if not oid or oid in option_ids:
            report.error(where, f"option id missing or repeated: {oid!r}")
        option_ids.add(oid)
        check_texts(f"{where}: option {oid}", opt.get("title"), report, "title")

    principles = []
    for pr in doc.get("principles") or []:
        pid = pr.get("id")
        if not pid or not ITEM_ID_RE.match(pid) or pid in principles:
            report.error(where, f"principle id missing, malformed or repeated: {pid!r}")
        principles.append(pid)
        check_texts(f"{where}: principle {pid}", pr.get("title"), report, "title")
    if not principles:
        report.error(where, "no principles")

    criterion_ids = set()
    by_principle = {p: [] for p in principles}
    for cr in doc.get("criteria") or []:
        cid = cr.get("id")
        cwhere = f"{where}: criterion {cid}"
        if not cid or not ITEM_ID_RE.match(str(cid)) or cid in criterion_ids:
            report.error(cwhere, "criterion id missing, malformed or repeated")
        criterion_ids.add(cid)
        if cr.get("principle") not in by_principle:
            report.error(cwhere, f"principle '{cr.get('principle')}' is not in principles")
        else:
            by_principle[cr["principle"]].append(cr)
        check_item_common(cr, cwhere, report, facts, subject, source_ids)
        if "applies_when" in cr:
            check_rule(cr["applies_when"], cwhere, report, facts, subject, what="applies_when")
        if "option" in cr and cr["option"] not in option_ids:
            report.error(cwhere, f"option '{cr['option']}' is not in options")
        expl = cr.get("explanation")
        if not isinstance(expl, dict):
            report.error(cwhere, "explanation missing")
        else:
            for outcome in OUTCOMES:
                check_texts(cwhere, expl.get(outcome), report, f"explanation.{outcome}")
            for outcome in expl:
                if outcome not in OUTCOMES:
                    report.error(cwhere, f"unknown explanation outcome '{outcome}'")
    for pid, crs in by_principle.items():
        if not crs:
            report.error(f"{where}: principle {pid}", "has no criterion (it would always be insufficient_evidence)")
        elif not any(c.get("severity") == "hard" for c in crs):
            report.warn(f"{where}: principle {pid}", "has no hard criterion: it is `met` even when every fact is missing")

    flag_ids = set()
    for fl in doc.get("red_flags") or []:
        fid_ = fl.get("id")
        fwhere = f"{where}: red flag {fid_}"
        if not fid_ or not ITEM_ID_RE.match(str(fid_)) or fid_ in flag_ids:
            report.error(fwhere, "red flag id missing, malformed or repeated")
        if fid_ in RESERVED_FLAGS:
            report.error(fwhere, "this red flag is raised by the engine itself; do not define it")
        flag_ids.add(fid_)
        check_item_common(fl, fwhere, report, facts, subject, source_ids)
        check_texts(fwhere, fl.get("explanation"), report, "explanation")

    known = {"id", "version", "subject", "kind", "title", "description", "jurisdiction",
             "applies_when", "sources", "options", "principles", "criteria", "red_flags"}
    for key in doc:
        if key not in known:
            report.error(where, f"unknown top-level key '{key}'")


def main(argv):
    root = pathlib.Path(__file__).resolve().parent.parent
    fw_dir = root / "frameworks"
    files = []
    for arg in argv[1:]:
        p = pathlib.Path(arg)
        if p.is_dir():
            fw_dir = p
        else:
            files.append(p)
    report = Report()
    facts = load_facts(fw_dir / "facts.yaml", report)
    if not files:
        files = sorted(p for p in fw_dir.glob("*.yaml") if p.name not in NOT_FRAMEWORKS)
    for path in files:
        check_framework(path, facts, report)
    for line in report.warnings + report.errors:
        print(line)
    print(f"{len(files)} framework(s), {len(report.errors)} error(s), {len(report.warnings)} warning(s)")
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
