"""Accuracy on real public data: the labelled dev set, LinkedIn postings, SkillSpan, HN "who is hiring" cases.

Runs the real pipeline (``raw_from_record`` → ``analyze`` → ``prediction``) and prints, with n for each number:

1. ``eval/dev.jsonl``: the metrics of ``extract eval`` (written for the project and used while developing:
   optimistic).
2. LinkedIn (``data/linkedin-2024/dev.csv``): seniority agreement with the employer-chosen
   ``formatted_experience_level`` (mapping in ``LINKEDIN_LEVELS``), a confusion table and the main error
   classes; salary agreement with the structured ``min/max/med_salary``, ``pay_period``, ``currency`` on
   rows whose description states pay.
3. SkillSpan dev (``data/skillspan/dev.json``): recall of KNOWLEDGE spans that name a taxonomy skill, and
   the most frequent KNOWLEDGE spans the taxonomy lacks (marked against O*NET ``Technology_Skills.tsv``).
4. HN "who is hiring" cases (``data/hn-whoishiring-eval/eval_cases.json``): salary, currency, remote.

The data stays outside the repository; its folder is an argument:

    python -m benchmarks.accuracy --shared ../shared
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import shlex
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from extract.analyze import analyze
from extract.evaluate import format_metrics, score
from extract.inputs import RecordError, raw_from_record
from extract.model import SENIORITY_LEVELS, Posting
from extract.output import prediction
from extract.pipeline import build_nlp
from extract.salary import find_salaries, find_salary
from extract.seniority import title_cues, years_required
from extract.skills import Taxonomy, load_taxonomy

# LinkedIn's employer-chosen experience level → the levels of ours that count as agreeing.
LINKEDIN_LEVELS: dict[str, frozenset[str]] = {
    "Internship": frozenset({"intern"}),
    "Entry level": frozenset({"entry"}),
    "Associate": frozenset({"entry", "mid"}),
    "Mid-Senior level": frozenset({"mid", "senior", "staff", "manager"}),
    "Director": frozenset({"director"}),
    "Executive": frozenset({"executive"}),
}
# LinkedIn pay_period → (our period, factor applied to the structured amounts). BIWEEKLY is per two weeks.
LINKEDIN_PERIODS: dict[str, tuple[str, float]] = {
    "HOURLY": ("hour", 1.0),
    "DAILY": ("day", 1.0),
    "WEEKLY": ("week", 1.0),
    "BIWEEKLY": ("week", 0.5),
    "MONTHLY": ("month", 1.0),
    "YEARLY": ("year", 1.0),
}
_PER_YEAR = {"hour": 2080.0, "day": 260.0, "week": 52.0, "month": 12.0, "year": 1.0}
TOLERANCE = 0.01  # min and max agree within 1%

# Judgment on KNOWLEDGE spans the taxonomy lacks (keys as ``_compact`` makes them): "named technology" is a
# product, language, library, protocol or tool; "technical domain" a technical area or practice with no
# product name; "alias gap" another spelling of a skill the taxonomy has; "not a technology" anything else
# (spoken languages, degrees, industries, business areas). Unjudged spans print "?".
JUDGMENT: dict[str, str] = {
    **dict.fromkeys(
        ["ajax", "singer", "jsp", "jsf", "jstl", "jta", "jaxrs", "jaxws", "jaxb", "ejb", "servlet", "svn", "npm",
         "bulma", "camunda", "bpmn20standard", "appdynamics", "dynatrace", "yourkit", "loadrunner",
         "javamissioncontrol", "flightrecorder", "blackfire", "dtrace", "iostat", "vmstat", "nmon",
         "angularjsprotractor", "angularngrxdata", "pipelinewisemeltano", "dhis2", "sumo", "azuredatalake",
         "chrome", "firefox", "googlehangouts"],
        "named technology",
    ),
    **dict.fromkeys(
        ["devops", "security", "cybersecurity", "cloud", "automation", "networking", "monitoring", "apis",
         "saas", "paas", "sre", "soa", "frontenddevelopment", "softwarearchitecture", "artificialintelligence",
         "systemdesign", "solutionarchitecture", "cloudinfrastructure", "cloudservices", "codereview",
         "pairprogramming", "mobile", "analytics", "webservices", "cloudadoptionandmigration", "cloudcomputing",
         "testautomation", "embeddedsystems", "firmware", "infrastructureascode", "versioncontrol"],
        "technical domain",
    ),
    **dict.fromkeys(
        ["agilesoftwaredevelopment", "agilemethods", "agiledevelopmentmethodologies", "babeljs", "reactredux",
         "aspnetwebapi", "microsoftofficesuite", "safeframework", "awsamazonwebservices", "javajee",
         "javaeetechnology", "javaeev7", "javasev8+", "restfulapidevelopment"],
        "alias gap",
    ),
    **dict.fromkeys(
        ["english", "german", "french", "projectmanagement", "informationtechnology", "itconsulting",
         "softwaredevelopment", "softwaredevelopmentengineering", "softwareengineering", "supplychain",
         "banking", "computerscience", "technicalinsight", "financialservices", "bachelorsdegree",
         "mastersdegree", "powders", "consulting", "phd", "phddegree", "technologyconsulting", "engineering",
         "design", "b2b", "compliance", "businessdevelopment", "financialtechnology",
         "europeandataprotectionregulation", "biochemistry", "proteomics", "dairyindustry"],
        "not a technology",
    ),
}  # fmt: skip


def _compact(text: str) -> str:
    """Lower case with everything but letters, digits, + and # removed: "Node.js" = "node js" = "nodejs"."""
    return re.sub(r"[^a-z0-9+#]", "", text.lower())


def _ratio(k: int, n: int) -> str:
    return f"{k / n:.3f} ({k}/{n})" if n else "n/a (0/0)"


def _snippet(text: str, start: int, end: int, width: int = 60) -> str:
    left, right = max(0, start - width), min(len(text), end + width)
    return " ".join(text[left:right].split())


def _run(records: Sequence[Mapping[str, Any]], nlp: Any) -> list[Posting]:
    return list(analyze([raw_from_record(r) for r in records], nlp))


# --------------------------------------------------------------------------------------------- dev.jsonl


def dev_section(path: Path, nlp: Any) -> None:
    print(f"## 1. Labelled dev set: {path}")
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            records.append(json.loads(line))
    predictions = {}
    for record, posting in zip(records, _run(records, nlp), strict=True):
        predictions[record["id"]] = prediction(posting)
    result = score([r for r in records if "gold" in r], predictions)
    print(format_metrics(result.metrics(), result.n))
    print()


# ---------------------------------------------------------------------------------------------- LinkedIn


def _read_linkedin(path: Path) -> list[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _linkedin_record(row: Mapping[str, str]) -> dict[str, Any]:
    fetched_at = ""
    if row.get("listed_time"):
        fetched_at = datetime.fromtimestamp(float(row["listed_time"]) / 1000, tz=UTC).strftime(
            "%Y-%m-%dT%H:%M:%SZ"
        )
    return {
        "id": row["job_id"],
        "format": "plain",
        "title": row.get("title") or "",
        "company": row.get("company_name") or None,
        "fetched_at": fetched_at,
        "body": row.get("description") or "",
    }


def _seniority_path(title: str, text: str, predicted: str) -> str:
    """Which rule of ``infer_seniority`` decided: the title, stated years, a ladder numeral, or the default."""
    cues = title_cues(title)
    if cues.levels or (predicted == "manager" and (cues.role_manager or cues.lead)):
        return "title cue"
    years = years_required(text)
    if years is not None:
        return f"years ({years})"
    if cues.ladder:
        return "ladder numeral"
    return "default (silent title, no years)"


def seniority_section(rows: list[dict[str, str]], postings: list[Posting], examples: int) -> None:
    print("## 2. LinkedIn seniority vs formatted_experience_level")
    print("mapping: " + "; ".join(f"{k} -> {'|'.join(sorted(v))}" for k, v in LINKEDIN_LEVELS.items()))
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    errors: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    n = agree = 0
    for row, posting in zip(rows, postings, strict=True):
        label = row.get("formatted_experience_level") or ""
        if label not in LINKEDIN_LEVELS:
            continue
        ours = posting.seniority or "mid"
        n += 1
        confusion[label][ours] += 1
        if ours in LINKEDIN_LEVELS[label]:
            agree += 1
            continue
        path = _seniority_path(row.get("title") or "", posting.raw.description, ours)
        kind = "years" if path.startswith("years") else path
        errors[(f"{label} -> {ours}", kind)].append((row.get("title") or "", path))
    print(f"rows with a label: n={n}; agreement {_ratio(agree, n)}")
    levels = [level for level in SENIORITY_LEVELS if any(c[level] for c in confusion.values())]
    print(f"{'label / ours':<18}" + "".join(f"{level:>9}" for level in levels) + f"{'n':>6}")
    for label in LINKEDIN_LEVELS:
        if label in confusion:
            counts = confusion[label]
            cells = "".join(f"{counts[level]:>9}" for level in levels)
            print(f"{label:<18}{cells}{sum(counts.values()):>6}")
    print("error classes (label -> ours, deciding rule), most frequent first:")
    for (pair, kind), items in sorted(errors.items(), key=lambda kv: -len(kv[1])):
        shown = "; ".join(f"{title!r} [{path}]" for title, path in items[:examples])
        print(f"  {len(items):>3}  {pair:<28} by {kind}: {shown}")
    print()


@dataclass
class _Pay:
    low: float
    high: float
    period: str
    currency: str


def _structured_pay(row: Mapping[str, str]) -> _Pay | None:
    period = LINKEDIN_PERIODS.get((row.get("pay_period") or "").upper())
    if period is None:
        return None
    values = [row.get("min_salary"), row.get("max_salary")]
    if not all(values):
        values = [row.get("med_salary"), row.get("med_salary")]
    if not all(values):
        return None
    name, factor = period
    low, high = (float(v or 0) * factor for v in values)
    return _Pay(low, high, name, (row.get("currency") or "").upper())


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE * max(abs(b), 1.0)


def _number_forms(value: float) -> list[str]:
    if value == int(value):
        whole = int(value)
        forms = [f"{whole:,}", str(whole), f"{whole:,}.00", f"{whole}.00"]
        if whole >= 1000 and whole % 100 == 0:
            forms.append(f"{whole / 1000:g}k")
        return forms
    return [f"{value:,.2f}", f"{value:.2f}", f"{value:g}"]


def _number_in_text(value: float, lower_text: str) -> bool:
    """The amount is written in the text; under 1,000 it must follow a $ (else "40" is "40 hours")."""
    dollar = r"\$\s?" if value < 1000 else ""
    for form in _number_forms(value):
        if re.search(rf"(?<![\d.,]){dollar}{re.escape(form)}(?![\d]|[.,]\d|[a-z])", lower_text):
            return True
    return False


def _raw_amounts(row: Mapping[str, str]) -> list[float]:
    keys = (
        ("min_salary", "max_salary") if row.get("min_salary") and row.get("max_salary") else ("med_salary",)
    )
    return [float(row[k]) for k in keys if row.get(k)]


def _agrees(ours: Mapping[str, Any] | None, pay: _Pay) -> bool:
    return bool(
        ours
        and _close(float(ours["min"]), pay.low)
        and _close(float(ours["max"]), pay.high)
        and ours["period"] == pay.period
        and ours["currency"] == pay.currency
    )


def _statements(text: str) -> list[dict[str, Any]]:
    return [
        {"min": s.min, "max": s.max, "period": s.period, "currency": s.currency, "kind": s.kind, "at": (a, b)}
        for s, a, b in find_salaries(text)
    ]


def _salary_error(ours: Mapping[str, Any] | None, pay: _Pay, text: str, numbers_in_text: bool) -> str:
    if not ours:
        return "no pay found in the text"
    amounts = _close(float(ours["min"]), pay.low) and _close(float(ours["max"]), pay.high)
    if amounts and ours["period"] == pay.period:
        return "currency missing" if ours["currency"] is None else "currency differs"
    if amounts:
        return "period differs (same amounts)"
    statements = _statements(text)
    for other in statements:
        if _close(other["min"], pay.low) and _close(other["max"], pay.high) and other["period"] == pay.period:
            if other["kind"] == "ote":
                return "the field has the OTE total, ours the stated base"
            if other["period"] != ours["period"]:
                return "pay stated in two periods (e.g. hourly and annual); the field has the other"
            return "several figures (tiers, locations); the field has another than our first"
    if any(_close(a["min"], pay.low) for a in statements) and any(
        _close(b["max"], pay.high) for b in statements
    ):
        return "the field spans several stated tiers (min of one, max of another); ours the first tier"
    if ours["min"] == ours["max"] and pay.low != pay.high and _close(float(ours["max"]), pay.high):
        return "one stated figure ('up to $X', '$X/hr'); the field adds a minimum"
    if any(
        _close(float(ours[k]) * f, v) for k, v in (("min", pay.low), ("max", pay.high)) for f in (1000, 0.001)
    ):
        return "x1000 scale (field typed in thousands)"
    if not numbers_in_text:
        return "the field's figures are not in the text (field differs from the stated pay, or we read a non-pay figure)"
    ours_year = (
        float(ours["min"]) * _PER_YEAR[ours["period"]],
        float(ours["max"]) * _PER_YEAR[ours["period"]],
    )
    pay_year = (pay.low * _PER_YEAR[pay.period], pay.high * _PER_YEAR[pay.period])
    if ours["period"] != pay.period and all(
        abs(a - b) <= 0.05 * b for a, b in zip(ours_year, pay_year, strict=True)
    ):
        return "same pay in another period (field converted hourly<->annual)"
    if ours["period"] != pay.period:
        return "period differs (different amounts)"
    if (ours["min"] == ours["max"]) != (pay.low == pay.high):
        return "range vs single figure"
    return "different amounts"


def _our_context(ours: Mapping[str, Any] | None, row: Mapping[str, str], text: str) -> str:
    """Text around our figure, else around the field's first figure, else a note."""
    if ours:
        for other in _statements(text):
            if _close(other["min"], float(ours["min"])):
                return _snippet(text, *other["at"])
    lower = text.lower()
    for form in _number_forms(_raw_amounts(row)[0]):
        where = lower.find(form)
        if where >= 0:
            return _snippet(text, where, where + len(form))
    return "(no figure in the text)"


def salary_section(rows: list[dict[str, str]], postings: list[Posting], examples: int) -> None:
    print("## 3. LinkedIn salary vs structured min/max/med_salary, pay_period, currency")
    print(
        "agreement = our text salary has min and max within 1%, the same period and the same currency;"
        " structured BIWEEKLY is halved to per-week; med_salary alone = a single figure"
    )
    structured = finder = numbers = 0
    groups: dict[str, list[tuple[bool, str]]] = {"numbers": [], "finder": [], "both": [], "either": []}
    errors: dict[str, list[str]] = defaultdict(list)
    in_headline: Counter[str] = Counter()
    periods: Counter[str] = Counter()
    for row, posting in zip(rows, postings, strict=True):
        pay = _structured_pay(row)
        if pay is None:
            continue
        structured += 1
        periods[row.get("pay_period") or ""] += 1
        text = posting.raw.description
        by_finder = find_salary(text) is not None
        by_numbers = all(_number_in_text(v, text.lower()) for v in _raw_amounts(row))
        finder += by_finder
        numbers += by_numbers
        if not (by_finder or by_numbers):
            continue
        ours = prediction(posting)["salary"]
        ok = _agrees(ours, pay)
        kind = "ok" if ok else _salary_error(ours, pay, text, by_numbers)
        for name, member in (
            ("numbers", by_numbers),
            ("finder", by_finder),
            ("both", by_finder and by_numbers),
            ("either", True),
        ):
            if member:
                groups[name].append((ok, kind))
        if not ok:
            got = (
                "none" if not ours else f"{ours['min']:g}-{ours['max']:g} {ours['currency']}/{ours['period']}"
            )
            context = _our_context(ours, row, text)
            in_headline[kind] += by_numbers
            errors[kind].append(
                f"{row['job_id']}: field {pay.low:g}-{pay.high:g} {pay.currency}/{pay.period}, ours {got}; …{context}…"
            )
    print(
        f"rows with structured pay: {structured} ({', '.join(f'{k} {v}' for k, v in periods.most_common())})"
    )
    print(
        f"  description states pay by our finder (find_salary): {finder}; by the structured numbers in the text: {numbers}"
    )
    labels = {
        "numbers": "structured numbers written in the text (headline)",
        "finder": "our finder finds pay in the text",
        "both": "both",
        "either": "either",
    }
    for name, label in labels.items():
        items = groups[name]
        print(
            f"  states pay by {label:<52} n={len(items):<4} agreement {_ratio(sum(ok for ok, _ in items), len(items))}"
        )
    print(
        "error classes (rows where pay is stated by finder or numbers; [k] = k of them in the headline set):"
    )
    for kind, examples_of in sorted(errors.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(examples_of):>3} [{in_headline[kind]}]  {kind}")
        for item in examples_of[:examples]:
            print(f"       {item[:260]}")
    print()


# --------------------------------------------------------------------------------------------- SkillSpan


@dataclass
class _Document:
    key: tuple[str, int]
    text: str = ""
    knowledge: list[tuple[str, int, int]] = field(default_factory=list)  # span text, start, end
    skill_spans: list[tuple[int, int]] = field(default_factory=list)


def _bio_spans(tags: Sequence[str]) -> Iterator[tuple[int, int]]:
    start = None
    for i, tag in enumerate([*tags, "O"]):
        if tag == "B" or tag == "O" or (tag == "I" and start is None):
            if start is not None:
                yield start, i
            start = i if tag in ("B", "I") else None


def _skillspan_documents(path: Path) -> list[_Document]:
    docs: dict[tuple[str, int], _Document] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        sentence = json.loads(line)
        key = (str(sentence["source"]), int(sentence["idx"]))
        doc = docs.setdefault(key, _Document(key))
        if doc.text:
            doc.text += "\n"
        offsets: list[tuple[int, int]] = []
        for token in sentence["tokens"]:
            if offsets:
                doc.text += " "
            offsets.append((len(doc.text), len(doc.text) + len(token)))
            doc.text += token
        for i, j in _bio_spans(sentence["tags_knowledge"]):
            start, end = offsets[i][0], offsets[j - 1][1]
            doc.knowledge.append((doc.text[start:end], start, end))
        for i, j in _bio_spans(sentence["tags_skill"]):
            doc.skill_spans.append((offsets[i][0], offsets[j - 1][1]))
    return list(docs.values())


class _SurfaceIndex:
    """Taxonomy surfaces (names, aliases, ambiguous spellings) → canonical skill, for whole-span lookups.

    A gold KNOWLEDGE span is already known to be a skill, so the lookup ignores case (the extractor's case
    rules are what recall measures), then punctuation and spaces ("amazon-web-services", "node.js").
    """

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.lower: dict[str, str] = {}
        self.compact: dict[str, str] = {}
        for skill in taxonomy.skills.values():
            for surface in (*skill.surfaces, *skill.ambiguous):
                self.lower.setdefault(" ".join(surface.lower().split()), skill.name)
        for skill in taxonomy.skills.values():
            for surface in (*skill.surfaces, *skill.ambiguous):
                if _compact(surface):
                    self.compact.setdefault(_compact(surface), skill.name)

    def one(self, span: str) -> str | None:
        span = " ".join(span.split())
        return self.lower.get(span.lower()) or self.compact.get(_compact(span))

    def names(self, span: str) -> list[str]:
        """The skills a span names: the whole span, else every part of "A/B", "A, B" when each part is one."""
        whole = self.one(span)
        if whole:
            return [whole]
        parts = [p for p in re.split(r"\s*[/,]\s*", span) if p.strip()]
        named = [self.one(p) for p in parts]
        if len(parts) > 1 and all(named):
            return list(dict.fromkeys(n for n in named if n))
        return []


def _onet_names(path: Path) -> list[str]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return sorted({row["Example"] for row in csv.DictReader(fh, delimiter="\t")})


def _onet_match(span: str, compact_names: set[str], names_lower: Sequence[str]) -> str:
    """ "=" when an O*NET technology name equals the span, "in" when the span is a whole word run in one."""
    key = _compact(span)
    if key in compact_names:
        return "="
    if len(key) >= 2:
        pattern = re.compile(rf"(?<![\w+#]){re.escape(span.lower())}(?![\w+#])")
        if any(pattern.search(name) for name in names_lower):
            return "in"
    return "-"


def skillspan_section(path: Path, onet_path: Path, nlp: Any, examples: int, top: int) -> None:
    print(f"## 4. SkillSpan dev: KNOWLEDGE spans naming a taxonomy skill ({path})")
    taxonomy = load_taxonomy()
    index = _SurfaceIndex(taxonomy)
    docs = _skillspan_documents(path)
    records = [
        {"id": f"{source}-{idx}", "format": "plain", "title": "", "fetched_at": "", "body": doc.text}
        for doc in docs
        for source, idx in [doc.key]
    ]
    postings = _run(records, nlp)
    spans = named = found = 0
    pairs_named: set[tuple[tuple[str, int], str]] = set()
    pairs_found: set[tuple[tuple[str, int], str]] = set()
    missed: dict[str, list[str]] = defaultdict(list)
    unnamed: Counter[str] = Counter()
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    supported = matches = 0
    for doc, posting in zip(docs, postings, strict=True):
        extracted = {m.skill for m in posting.skills}
        for text, start, end in doc.knowledge:
            spans += 1
            names = index.names(text)
            if not names:
                key = _compact(text) or text.lower()
                unnamed[key] += 1
                surfaces[key][text] += 1
                continue
            for name in names:
                named += 1
                pairs_named.add((doc.key, name))
                if name in extracted:
                    found += 1
                    pairs_found.add((doc.key, name))
                else:
                    missed[name].append(f"{text!r}: …{_snippet(doc.text, start, end, 40)}…")
        gold = [(s, e) for _, s, e in doc.knowledge] + doc.skill_spans
        for match in posting.skills:
            matches += 1
            supported += any(s < match.end and match.start < e for s, e in gold)
    print(f"documents {len(docs)} (sentences grouped by source, idx); KNOWLEDGE spans {spans}")
    print(
        f"spans naming a taxonomy skill: {named} skill mentions ({len({n for _, n in pairs_named})} distinct skills)"
    )
    print(f"  recall per mention:              {_ratio(found, named)}")
    print(f"  recall per (document, skill):    {_ratio(len(pairs_found), len(pairs_named))}")
    print(
        f"  our matches inside any gold KNOWLEDGE/SKILL span (support, not precision): {_ratio(supported, matches)}"
    )
    print("missed taxonomy skills (mentions), with context:")
    for name, items in sorted(missed.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(items):>3}  {name}: " + " | ".join(item[:110] for item in items[:examples]))
    names = _onet_names(onet_path)
    compact_names = {_compact(n) for n in names}
    names_lower = [n.lower() for n in names]
    print(
        f"top {top} KNOWLEDGE spans naming no taxonomy skill (grouped ignoring case/punctuation); "
        "O*NET: '=' equals a Technology_Skills example, 'in' is a whole-word part of one; last: our judgment"
    )
    judged: dict[str, list[str]] = defaultdict(list)
    for key, count in unnamed.most_common(top):
        shown = surfaces[key].most_common(1)[0][0]
        judgment = JUDGMENT.get(key, "?")
        judged[judgment].append(f"{shown} ({count})")
        onet = _onet_match(shown, compact_names, names_lower) if names else "?"
        print(f"  {count:>3}  {shown:<40} O*NET {onet:<3} {judgment}")
    for judgment in ("named technology", "technical domain", "alias gap", "?"):
        if judged[judgment]:
            print(f"  {judgment} (top {top}): {', '.join(judged[judgment])}")
    for judgment in ("named technology", "alias gap"):
        listed = [
            f"{surfaces[k].most_common(1)[0][0]} ({c})"
            for k, c in unnamed.most_common()
            if JUDGMENT.get(k) == judgment
        ]
        print(f"  {judgment}, all frequencies ({len(listed)}): {', '.join(listed) or 'none'}")
    equal = [
        f"{surfaces[k].most_common(1)[0][0]} ({c})"
        for k, c in unnamed.most_common()
        if names and _onet_match(surfaces[k].most_common(1)[0][0], compact_names, names_lower) == "="
    ]
    print(
        f"all unmatched spans equal to an O*NET technology name ({len(equal)}): {', '.join(equal) or 'none'}"
    )
    print()


# -------------------------------------------------------------------------------------------------- HN


def _hn_expectation(case: Mapping[str, Any]) -> dict[str, Any] | None:
    expected = case.get("expected") or {}
    roles = expected.get("roles") or []
    if not expected.get("is_job_posting") or not (roles or expected.get("all_roles")):
        return None
    merged = dict(expected.get("all_roles") or {})
    if roles:
        merged.update(roles[0].get("expect") or {})
    return merged


def _hn_checks(expect: Mapping[str, Any], pred: Mapping[str, Any]) -> dict[str, bool]:
    salary = pred.get("salary")
    checks: dict[str, bool] = {}
    if "salary_min" in expect or "salary_max" in expect:
        if expect.get("salary_min") is None:
            checks["salary"] = salary is None
        else:
            checks["salary"] = bool(
                salary and salary["min"] == expect["salary_min"] and salary["max"] == expect["salary_max"]
            )
    elif "salary_min_gte" in expect:
        checks["salary"] = bool(
            salary and salary["min"] >= expect["salary_min_gte"] and salary["max"] <= expect["salary_max_lte"]
        )
    if "salary_currency" in expect:
        checks["currency"] = bool(salary and salary["currency"] == expect["salary_currency"])
    if "is_remote" in expect:
        checks["remote"] = (pred.get("remote") == "remote") == bool(expect["is_remote"])
    elif "is_remote_in" in expect:
        checks["remote"] = (pred.get("remote") == "remote") in [bool(v) for v in expect["is_remote_in"]]
    return checks


def hn_section(path: Path, nlp: Any) -> None:
    print(f"## 5. HN 'who is hiring' cases: {path}")
    cases = json.loads(path.read_text(encoding="utf-8"))["test_cases"]
    records = [
        {
            "id": str(case["id"]),
            "format": "hn_comment",
            "title": "",
            "fetched_at": str(case["comment"].get("date") or ""),
            "body": str(case["comment"].get("content") or ""),
        }
        for case in cases
    ]
    try:
        postings = _run(records, nlp)
    except RecordError as error:  # pragma: no cover - reported, not fatal
        print(f"could not read the cases: {error}")
        return
    totals: dict[str, list[bool]] = defaultdict(list)
    skipped = []
    for case, posting in zip(cases, postings, strict=True):
        pred = prediction(posting)
        expect = _hn_expectation(case)
        if expect is None:
            skipped.append(f"{case['name']} (ours: salary {pred['salary']}, remote {pred['remote']})")
            continue
        checks = _hn_checks(expect, pred)
        for name, ok in checks.items():
            totals[name].append(ok)
        wrong = [name for name, ok in checks.items() if not ok]
        if wrong:
            print(
                f"  miss {case['name']}: {', '.join(wrong)} — ours salary {pred['salary']}, remote {pred['remote']};"
                f" expected { ({k: v for k, v in expect.items() if 'salary' in k or 'remote' in k}) }"
            )
    for name in ("salary", "currency", "remote"):
        print(f"{name:<9} agreement {_ratio(sum(totals[name]), len(totals[name]))}")
    print(f"not scored (no role expected; ran without error): {'; '.join(skipped) or 'none'}")
    print()


# ------------------------------------------------------------------------------------------------- main


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--shared", required=True, type=Path, help="The shared folder (holds eval/ and data/)."
    )
    parser.add_argument("--examples", type=int, default=3, help="Examples printed per error class.")
    parser.add_argument("--top", type=int, default=30, help="Unmatched SkillSpan spans listed.")
    args = parser.parse_args(list(argv) if argv is not None else None)
    shared: Path = args.shared
    command = " ".join([".venv/bin/python -m benchmarks.accuracy", *map(shlex.quote, sys.argv[1:])])
    print(f"$ {command}")
    started = time.perf_counter()
    nlp = build_nlp()
    dev_section(shared / "eval" / "dev.jsonl", nlp)
    rows = _read_linkedin(shared / "data" / "linkedin-2024" / "dev.csv")
    postings = _run([_linkedin_record(row) for row in rows], nlp)
    print(
        f"# LinkedIn: {len(rows)} postings from data/linkedin-2024/dev.csv (format plain, title from the CSV)"
    )
    seniority_section(rows, postings, args.examples)
    salary_section(rows, postings, args.examples)
    skillspan_section(
        shared / "data" / "skillspan" / "dev.json",
        shared / "data" / "onet-27.0" / "Technology_Skills.tsv",
        nlp,
        args.examples,
        args.top,
    )
    hn_section(shared / "data" / "hn-whoishiring-eval" / "eval_cases.json", nlp)
    print(f"done in {time.perf_counter() - started:.1f}s")


if __name__ == "__main__":
    main()
