"""Work arrangement of a posting: remote, hybrid, onsite, or None when the posting does not say.

A structured field wins (Lever ``workplaceType``, Ashby ``workplaceType``/``isRemote``, Recruitee flags,
JSON-LD ``jobLocationType: TELECOMMUTE``, an HN header's REMOTE/ONSITE), then a location string that names
an arrangement ("Remote - US", "Boston (Hybrid)"), then the text.

In text, cues are *strong* ("fully remote", "Remote (US)", "hybrid", "three days a week in the office",
"this role is onsite") or *weak* (a bare "remote", "remote-first company"). Within a strength hybrid beats
remote beats onsite: "mostly remote, one day a week on site" is hybrid and "our Lisbon office or anywhere in
the EU" is remote. Phrases that only look like cues are removed first: remote sensing, hybrid cloud,
quarterly on-sites, meeting in person twice a year, home-office stipends. A city alone is not onsite.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from extract import caseless
from extract.fastscan import AnyMatch, FastPattern
from extract.model import REMOTE_VALUES

_I = re.IGNORECASE

_HINTS = {
    "remote": "remote", "fullyremote": "remote", "telecommute": "remote", "remoteok": "remote",
    "workfromhome": "remote", "wfh": "remote", "distributed": "remote", "anywhere": "remote",
    "hybrid": "hybrid", "flexible": "hybrid", "partiallyremote": "hybrid", "remotehybrid": "hybrid",
    "onsite": "onsite", "inoffice": "onsite", "office": "onsite", "inperson": "onsite",
    "officebased": "onsite",
    "onpremise": "onsite", "onpremises": "onsite", "oncampus": "onsite",
    "unspecified": None, "notspecified": None, "unknown": None, "none": None, "": None,
}  # fmt: skip
_HINT_KEY = re.compile(r"[^a-z]+")

# Fewer than five days at the office is hybrid; five is onsite (_FIVE_DAYS).
_FEW = r"(?:[1-4]|one|two|three|four|1-2|2-3|3-4|1\u20132|2\u20133|3\u20134)"
_PLACE = (
    r"(?:office|offices|hq|headquarters|studio|campus|lab|hub|workshop|site|on[- ]?site|in[- ]person|"
    r"warehouse|plant|store|clinic|hospital|center|centre)"
)

# Removed before looking for cues: they contain a cue word but say nothing about where this job is done.
_FALSE_CUES = re.compile(
    r"\bremote[- ](?:sensing|patient|monitoring|monitored|access|control|controlled|desktop|server|servers|"
    r"support|diagnostics?|devices?|management|procedures|sites?|locations?|areas?|communities|villages|"
    r"operations|pilot|pilots|procedures|work(?:ing)? tools|learning (?:programs?|platforms?)|assets|"
    r"teams|team members|colleagues|employees|workers|workforce|hands|execution|code|repositor\w+|branch\w*|"
    r"api|calls?|procedure|viewing|inspection|island)\b"
    r"|\bhybrid[- ](?:cloud|clouds|deployments?|infrastructure|architectures?|apps?|mobile|vehicles?|cars?|"
    r"engines?|models|search|retrieval|systems?|solutions?|storage|approach|integration|workflows?|"
    r"kubernetes|k8s|multi-cloud|setups?|networks?|data|databases?|ai|ml|methods?|methodolog\w+|capital|"
    r"securities|instruments?|bonds?|seeds?|energy|power|renewables?|rag|ranking|recommenders?|"
    r"transactional|htap|warehouses?|lakehouse|edge|quantum|electric|powertrains?|event|events)\b"
    r"|\b(?:on-prem(?:ise)?s?|cloud|multi-cloud)(?:/| and | or )hybrid\b"
    r"|\bhome[- ]office (?:stipend|budget|setup|allowance|equipment|reimbursement)\b"
    r"|\b(?:team |company |quarterly |annual |yearly |monthly |occasional |periodic |regular |in-person )"
    r"(?:on-?sites|off-?sites|onsites|offsites|on-?site (?:meetups?|gatherings?|retreats?|events?|weeks?))\b"
    r"|\bon-?sites\b|\boff-?sites?\b|\bon-?site\s*[:/&-]?\s*(?:and\s+|or\s+)?off-?shore\b"
    r"|\boff-?shore\s*[:/&-]?\s*(?:and\s+|or\s+)?on-?site\b"
    r"|\bon-?site (?:functional |client |delivery )?teams?\b"
    r"|\bon[- ]?site (?:interviews?|visits?|meetings?|events?|meetups?|gatherings?|retreats?|training|"
    r"support|customers?|with customers|at (?:customer|client)s?\b[^.\n]*)"
    r"|\b(?:meet|meets|meeting|get together|gather|come together|see each other)\b"
    r"[^.\n]{0,30}\bin[- ]person\b[^.\n]{0,40}"
    r"|\bin[- ]person (?:events?|meetups?|gatherings?|offsites?|retreats?|onboarding|interviews?|"
    r"collaboration days?|team weeks?|sales|selling|customer|retail|experience|interactions?|communication|"
    r"meetings?|visits?|training|presentations?|(?:\w+ )?meetings)\b"
    r"|\b(?:once|twice|two times|three times|a few times|several times|\d+ times) (?:a|per|each) "
    r"(?:year|quarter|month)\b",
    _I,
)
_NEGATED_REMOTE = re.compile(
    r"\b(?:not|no|non|never)[- ](?:a |an |fully |100% )?remote\b"
    r"|\bremote (?:work )?(?:is )?not (?:available|possible|an option|offered|supported|eligible)\b"
    r"|\bnot (?:eligible|open|available) (?:for|to) remote\b"
    r"|\bunable to (?:offer|support) remote\b",
    _I,
)

_STRONG_HYBRID = re.compile(
    rf"\bhybrid\b"
    rf"|\b{_FEW}(?:\s*(?:-|\u2013|to|or)\s*{_FEW})?\s*(?:days?|x)\s*(?:a|per|each|/|every)?\s*(?:week|wk)?\b"
    rf"[^.\n]{{0,40}}?\b(?:in|at|from|on)\s+(?:the |our |an? )?(?:[\w,&()-]+\s+){{0,5}}?{_PLACE}\b"
    rf"|\b(?:in|at|from) (?:the |our )?(?:[\w-]+\s+){{0,4}}?{_PLACE}\b[^.\n]{{0,20}}\b{_FEW}"
    rf"(?:\s*(?:-|\u2013|to|or)\s*{_FEW})?\s*days?\s*(?:a|per|each|/)\s*week\b"
    rf"|\((?:mon|tue|tues|wed|thu|thurs|fri)(?:/|,\s*|\s*&\s*|\s+and\s+)"
    rf"(?:mon|tue|tues|wed|thu|thurs|fri)[^)]*\)"
    rf"|\b(?:partially|partly|part[- ]time|some|partial|occasional|limited) remote\b|\bmostly remote\b"
    rf"|\bremote[- ]hybrid\b|\bflex(?:ible)? hybrid\b"
    rf"|\b(?:work|working) from home (?:on )?(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?)\b"
    rf"|\b{_FEW}(?:\s*(?:-|\u2013|to|or)\s*{_FEW})?\s*days?\s*(?:a|per|each|/)\s*week\s*"
    rf"(?:from home|remote(?:ly)?)\b",
    _I,
)
_FIVE_DAYS = re.compile(
    rf"\b(?:five|5|monday (?:to|through|-|\u2013) friday"
    rf"|mon(?:day)?\s*[-\u2013]\s*fri(?:day)?)\b[^.\n]{{0,40}}"
    rf"\b(?:in|at|from) (?:the |our )?(?:[\w-]+\s+){{0,4}}?{_PLACE}\b"
    rf"|\b(?:in|at|from) (?:the |our )?(?:[\w-]+\s+){{0,4}}?{_PLACE}\b[^.\n]{{0,30}}"
    rf"\b(?:five|5) days\b",
    _I,
)
_STRONG_REMOTE = re.compile(
    r"\b(?:fully|100%|completely|entirely|totally|full[- ]time|all|permanently|100 percent) remote\b"
    # [a-z] is any letter here, as the pattern is case-insensitive (and lets extract.caseless search it fast)
    r"|\bremote\s*(?:\(|[-\u2013\u2014:/|·•,]\s*(?=[a-z]))"
    r"|\bremote (?:role|position|job|opportunity|only|eligible|ok|okay|friendly|option|worldwide|anywhere|"
    r"within|from|across|globally|world ?wide|first role|"
    r"in (?:the )?(?:us|usa|uk|eu|europe|canada|india|latam|emea|apac|north america|united))\b"
    r"|\b(?:is|be|are) (?:a )?remote\b"
    # "Onsite or remote": remote is allowed, so the job can be done remotely.
    r"|\bor remote\b|\bremote or (?:on-?site|in[- ]office|in[- ]person)\b"
    r"|\bwork(?:ing)? (?:from|at) (?:home|anywhere)\b|\bfrom anywhere\b"
    r"|\b(?:work|works|working|operate|based|located)\s+remotely\b"
    r"|\banywhere in (?:the )?(?:world|us|usa|uk|eu|europe|country)\b"
    r"|\btelecommut\w*|\bwfh\b|\bremote work(?:ing)?\b|\bfully virtual\b|\bvirtual (?:role|position)\b"
    r"|\blocation\s*:\s*(?:100%\s*)?remote\b"
    r"|^\s*remote\s*$",
    _I | re.MULTILINE,
)
_STRONG_ONSITE = re.compile(
    rf"\bon[- ]?site\b|\bin[- ]person\b|\bin[- ]office\b|\boffice[- ]based\b|\bin the office\b"
    rf"|\b(?:based|work|works|working|located) (?:in|at|from|out of) (?:the |our |an? )?"
    rf"(?:[\w'\u2019&-]+\s+){{0,5}}?{_PLACE}\b"
    rf"|\brelocat(?:e|ion) (?:to|is) required\b|\bmust (?:live|be located|reside) within commut\w+"
    rf"|\bbedside\b",
    _I,
)
# Every cue contains one of these words; the big patterns only scan text near them (speed). "hq" is
# "\bhq\b" with the opening boundary checked after the letters: every alternative then starts with a letter,
# which re skips ahead to.
_CUE_WORD = re.compile(
    r"remot|hybrid|site|office|person|home|anywhere|telecommut|wfh|virtual|relocat|commut|bedside|"
    r"hq(?<!\whq)\b|headquarters|studio|campus|days|\((?:mon|tue|wed|thu|fri)",
    _I,
)
_WINDOW = 160
# Scraped text loses the breaks between blocks: "Location: RemoteDuration: 6 months", "REMOTEStart date".
# A space goes before each capital that follows a lower-case letter, or a capital and precedes a lower-case
# one; the capital opens the pattern so re skips ahead to capitals (a zero-width pattern tries every position).
_GLUED = re.compile(r"[A-Z](?:(?<=[a-z][A-Z])|(?<=[A-Z][A-Z])(?=[a-z]))")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
# The same breaks as _SENTENCE, found from the punctuation (a match starts one character early) or the
# newline, so that re skips ahead to those characters.
_SENTENCE_BREAK = re.compile(r"[.!?\n](?:(?<=[.!?])\s+|(?<=\n)\n*)")
_ROLE_ANCHOR = re.compile(
    r"\b(?:this|the) (?:role|position|job|opening|opportunity)\b|\byou(?:'ll|\u2019ll| will)? (?:work|be based)\b"
    r"|\bwe work\b",
    _I,
)
_WEAK_REMOTE = re.compile(r"\bremote\b|\bdistributed (?:team|company)\b", _I)
# Searched on lower-cased copies of the text, case-sensitively, and through their skeletons: several times
# faster (see extract.caseless and extract.fastscan). Cues that are only tested for are AnyMatch.
_CUE_WORDS = FastPattern.of(_CUE_WORD)
_ROLE_ANCHORS = FastPattern.of(_ROLE_ANCHOR)
_FALSE = FastPattern.of(_FALSE_CUES)
_NEGATED = FastPattern.of(_NEGATED_REMOTE)
_ANY = {
    "hybrid": AnyMatch.of(_STRONG_HYBRID),
    "remote": AnyMatch.of(_STRONG_REMOTE),
    "five days": AnyMatch.of(_FIVE_DAYS),
    "onsite": AnyMatch.of(_STRONG_ONSITE),
    "weak remote": AnyMatch.of(_WEAK_REMOTE),
}
assert all(
    p.caseless.lower is not None
    for p in (_CUE_WORDS, _ROLE_ANCHORS, _FALSE, _NEGATED, *(q for a in _ANY.values() for q in a.parts))
)


def remote_from_hint(hint: str | None) -> str | None:
    """Map a structured field ("on-site", "OnSite", "TELECOMMUTE", "unspecified") to a value or None."""
    if hint is None:
        return None
    key = _HINT_KEY.sub("", hint.lower())
    if key in _HINTS:
        return _HINTS[key]
    return _from_text(hint)  # "Remote (US)", "REMOTE or ONSITE"


def detect_remote(text: str, hint: str | None = None, location: str | None = None) -> str | None:
    """Return ``remote``, ``hybrid``, ``onsite``, or None when nothing states the work arrangement."""
    for structured in (remote_from_hint(hint), _from_text(location or "")):
        if structured is not None:
            return structured
    # A sentence about the job itself ("This role is fully on-site") outranks the company's story
    # ("artists review shots from anywhere").
    anchored = _anchored_sentences(text)
    return (_from_text(anchored) if anchored else None) or _from_text(text)


def _anchored_sentences(text: str) -> str:
    """The sentences of ``text`` (split at _SENTENCE) holding a role anchor and a cue word, one per line."""
    anchors = [m.start() for m in _ROLE_ANCHORS.finditer(text, caseless.lowered(text))]
    if not anchors:
        return ""
    # An anchor never spans sentences (it holds no break): the sentences holding one are those around the
    # anchors found in the whole text, and only those are cut out.
    starts, ends = _sentence_bounds(text)
    sentences: list[str] = []
    last = -1
    for anchor in anchors:
        i = bisect.bisect_right(starts, anchor) - 1
        if i != last:
            last = i
            sentence = text[starts[i] : ends[i]]
            if next(_cue_words(sentence), None):
                sentences.append(sentence)
    return "\n".join(sentences)


def _sentence_bounds(text: str) -> tuple[list[int], list[int]]:
    """Where the pieces of ``_SENTENCE.split(text)`` start, and where they end."""
    starts, ends = [0], []
    for found in _SENTENCE_BREAK.finditer(text):
        ends.append(found.start() + (text[found.start()] != "\n"))  # after the punctuation
        starts.append(found.end())
    ends.append(len(text))
    return starts, ends


def _cue_words(text: str) -> Iterator[re.Match[str]]:
    """``_CUE_WORD.finditer(text)``, on the lower-cased text when that finds the same (offsets only)."""
    return _CUE_WORDS.finditer(text, caseless.lowered(text))


def _near_cue_words(text: str) -> str:
    """The parts of ``text`` within _WINDOW characters of a cue word, one per line."""
    parts: list[str] = []
    start = end = -1
    for match in _cue_words(text):
        if start < 0 or match.start() - _WINDOW > end:
            if end >= 0:
                parts.append(text[start:end])
            start = max(0, match.start() - _WINDOW)
        end = match.end() + _WINDOW
    if end >= 0:
        parts.append(text[start:end])
    return "\n".join(parts)


def _from_text(text: str) -> str | None:
    text = _near_cue_words(text)
    if not text:
        return None
    text = _GLUED.sub(r" \g<0>", text)  # case-sensitive by design: it reads the case of the text
    text = _FALSE.sub(" ", text, caseless.lowered(text))
    lower = caseless.lowered(text)
    negated = _NEGATED.search(text, lower) is not None
    if negated:
        text = _NEGATED.sub(" ", text, lower)
        lower = caseless.lowered(text)
    if _ANY["hybrid"].search(text, lower):
        return "hybrid"
    if _ANY["remote"].search(text, lower):
        return "remote"
    if negated or _ANY["five days"].search(text, lower) or _ANY["onsite"].search(text, lower):
        return "onsite"
    if _ANY["weak remote"].search(text, lower):
        return "remote"
    return None


assert set(v for v in _HINTS.values() if v) <= set(REMOTE_VALUES)
