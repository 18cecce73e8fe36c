"""SkillSpan (``data/skillspan/{train,dev}.json``): recall of KNOWLEDGE spans that name a taxonomy skill.

Sentences are grouped into postings by (``source``, ``idx``). Recall is also reported separately on tag lines:
the sentence after a sentence that is only "Technologies" (the lowercase tag list StackOverflow postings end
with, "java spring rest"). The most frequent KNOWLEDGE spans the taxonomy lacks are marked against O*NET
``Technology_Skills.tsv``.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.accuracy.common import compact as _compact
from benchmarks.accuracy.common import ratio, run, snippet
from extract.skills import Taxonomy, load_taxonomy

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


# --------------------------------------------------------------------------------------------- SkillSpan


@dataclass
class _Document:
    key: tuple[str, int]
    text: str = ""
    knowledge: list[tuple[str, int, int, bool]] = field(
        default_factory=list
    )  # text, start, end, on a tag line
    skill_spans: list[tuple[int, int]] = field(default_factory=list)


def _bio_spans(tags: Sequence[str]) -> Iterator[tuple[int, int]]:
    start = None
    for i, tag in enumerate([*tags, "O"]):
        if tag == "B" or tag == "O" or (tag == "I" and start is None):
            if start is not None:
                yield start, i
            start = i if tag in ("B", "I") else None


def _is_tag_line(previous: Sequence[str], tokens: Sequence[str]) -> bool:
    """A tag line follows a sentence that is only "Technologies", or starts with "Technologies:"."""
    if not tokens:
        return False
    if [t.lower() for t in previous] in (["technologies"], ["technologies", ":"]):
        return True
    return tokens[0].lower() in ("technologies:", "technologies") and len(tokens) > 1


def _skillspan_documents(path: Path) -> list[_Document]:
    docs: dict[tuple[str, int], _Document] = {}
    previous: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        sentence = json.loads(line)
        tag_line = _is_tag_line(previous, sentence["tokens"])
        previous = sentence["tokens"]
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
            doc.knowledge.append((doc.text[start:end], start, end, tag_line))
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
    print(f"## SkillSpan {path.stem}: KNOWLEDGE spans naming a taxonomy skill ({path})")
    taxonomy = load_taxonomy()
    index = _SurfaceIndex(taxonomy)
    docs = _skillspan_documents(path)
    records = [
        {"id": f"{source}-{idx}", "format": "plain", "title": "", "fetched_at": "", "body": doc.text}
        for doc in docs
        for source, idx in [doc.key]
    ]
    postings = run(records, nlp)
    spans = named = found = tag_named = tag_found = 0
    pairs_named: set[tuple[tuple[str, int], str]] = set()
    pairs_found: set[tuple[tuple[str, int], str]] = set()
    missed: dict[str, list[str]] = defaultdict(list)
    unnamed: Counter[str] = Counter()
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    supported = matches = 0
    for doc, posting in zip(docs, postings, strict=True):
        extracted = {m.skill for m in posting.skills}
        for text, start, end, tag_line in doc.knowledge:
            spans += 1
            names = index.names(text)
            if not names:
                key = _compact(text) or text.lower()
                unnamed[key] += 1
                surfaces[key][text] += 1
                continue
            for name in names:
                named += 1
                tag_named += tag_line
                pairs_named.add((doc.key, name))
                if name in extracted:
                    found += 1
                    tag_found += tag_line
                    pairs_found.add((doc.key, name))
                else:
                    missed[name].append(f"{text!r}: …{snippet(doc.text, start, end, 40)}…")
        gold = [(s, e) for _, s, e, _ in doc.knowledge] + doc.skill_spans
        for match in posting.skills:
            matches += 1
            supported += any(s < match.end and match.start < e for s, e in gold)
    print(f"documents {len(docs)} (sentences grouped by source, idx); KNOWLEDGE spans {spans}")
    print(
        f"spans naming a taxonomy skill: {named} skill mentions ({len({n for _, n in pairs_named})} distinct skills)"
    )
    print(f"  recall per mention:              {ratio(found, named)}")
    print(f"  recall per (document, skill):    {ratio(len(pairs_found), len(pairs_named))}")
    print(f"  recall per mention on tag lines ('Technologies' lists): {ratio(tag_found, tag_named)}")
    print(
        f"  our matches inside any gold KNOWLEDGE/SKILL span (support, not precision): {ratio(supported, matches)}"
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
