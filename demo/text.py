"""The wording of a demo posting: its title and sections, written so the planted truth is unambiguous.

Skills appear only where the posting asks for them (plus a few technologies the company says it *uses*,
its ``unasked_skills``), titles and stated years agree on seniority, and pay is stated once: in the
text here only when the source's salary field does not carry it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from demo.model import PEOPLE_LEVELS, TECH_FUNCTIONS, PlantedSalary, Section, load_data, money


class Writer:
    """Writes titles and sections, drawing from the generator's ``random.Random`` in a fixed order."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.roles = load_data("roles")
        self.skills = load_data("skills")
        self.phrases = load_data("phrases")
        self.places = load_data("employers")["places"]
        self.countries = load_data("employers")["countries"]

    def title(self, role: dict[str, Any], level: str, team: str) -> tuple[str, bool]:
        """The job title and whether it states the seniority (else the stated years decide)."""
        titles = role["titles"]
        if level in ("intern", *PEOPLE_LEVELS):
            return self.rng.choice(titles[level]).replace("{team}", team), True
        base = self.rng.choice(titles["base"])
        forms = cue_forms(titles, level, base)
        # An entry-level "Product Manager" is always written with its entry word ("Associate Product
        # Manager"): employers label a bare role-name manager at least mid, whatever years it asks.
        bare_allowed = level in ("entry", "mid", "senior") and not (
            level == "entry" and base.endswith("Manager")
        )
        if not forms or (bare_allowed and self.rng.random() < 0.3):
            return base, False
        return self.rng.choice(forms), True

    def sections(self, c: PostingContext, unasked: list[str]) -> tuple[Section, ...]:
        headers = self.phrases["headers"]
        pick = self.rng.choice
        sections = [
            Section(
                "about", pick(headers["about"]).format(company=c.spec["company"]), (self.about(c, unasked),)
            ),
            Section("role", pick(headers["role"]), (self.intro(c),)),
            Section(
                "duties", pick(headers["duties"]), bullets=tuple(sample(self.rng, c.role["duties"], [5, 6]))
            ),
            Section("requirements", pick(headers["requirements"]), bullets=tuple(self.requirements(c))),
        ]
        nice = self.nice_to_have(c)
        if nice:
            sections.append(Section("preferred", pick(headers["preferred"]), bullets=tuple(nice)))
        region = self.countries[self.places[c.office]["country"]]["benefits"]
        benefits = sample(self.rng, self.phrases["benefits"][region], [4, 6])
        sections.append(Section("benefits", pick(headers["benefits"]), bullets=tuple(benefits)))
        if c.salary is not None and c.salary.stated_in == "text":
            sections.append(Section("pay", pick(headers["pay"]), (self.pay_text(c),)))
        sections.append(Section("hiring", pick(headers["hiring"]), (pick(self.phrases["hiring"]),)))
        sections.append(Section("eeo", None, (pick(self.phrases["eeo"]).format(company=c.spec["company"]),)))
        return tuple(sections)

    def about(self, c: PostingContext, unasked: list[str]) -> str:
        phrases = self.phrases
        hq = c.spec["offices"][0]
        scale = self.rng.choice(phrases["scale"]).format(size=c.spec["size"], hq=hq)
        parts = [c.spec["blurb"], scale, self.rng.choice(phrases["culture"])]
        if unasked:
            tech = " and ".join(self.surface(s) for s in unasked)
            parts.append(self.rng.choice(phrases["tech"]).format(tech=tech))
        return " ".join(parts)

    def intro(self, c: PostingContext) -> str:
        phrases = self.phrases
        parts = [
            self.rng.choice(c.role["missions"]).format(team=c.team),
            self.rng.choice(phrases["team_life"]),
        ]
        parts.append(self.rng.choice(phrases["first_months"]))
        if c.level == "manager":
            line = self.rng.choice(phrases["manager_line"])
            parts.append(line.format(n=self.rng.randint(4, 9), reports=c.role.get("reports", "people")))
        elif c.role.get("ic_manager") and c.level not in PEOPLE_LEVELS:
            # "Manager" in the title but no reports: say so, so seniority falls to the stated years.
            parts.append(self.rng.choice(phrases["ic_line"]))
        if c.remote is not None:
            place = self.places[c.office]
            country = self.countries[place["country"]]["name"]
            parts.append(self.rng.choice(phrases[c.remote]).format(city=place["locality"], country=country))
        return " ".join(parts)

    def requirements(self, c: PostingContext) -> list[str]:
        rng, phrases = self.rng, self.phrases
        bullets: list[str] = []
        if c.level == "intern":
            bullets.append(rng.choice(phrases["intern"]))
        elif not c.cued or rng.random() < 0.7:
            years = rng.choice(self.roles["years"][c.level])
            template = rng.choice(phrases["years_manager" if c.level == "manager" else "years"])
            bullets.append(template.format(years=years, area=c.role["area"]))
        bullets += self.skill_bullets(c.required, preferred=False, function=c.role["function"])
        region = self.places[c.office]["region"]
        bullets += [e.format(region=region) for e in c.role.get("extras", []) if rng.random() < 0.8]
        soft = phrases["soft"] + (phrases["soft_tech"] if c.role["function"] in TECH_FUNCTIONS else [])
        bullets += sample(rng, soft, [1, 2])
        return bullets

    def nice_to_have(self, c: PostingContext) -> list[str]:
        bullets = self.skill_bullets(c.preferred, preferred=True)
        if self.rng.random() < 0.3:
            line = self.rng.choice(self.phrases["soft_preferred"])
            bullets.append(line.format(industry=c.spec["industry"].split(" & ")[0]))
        return bullets

    def skill_bullets(self, skills: list[str], preferred: bool, function: str = "") -> list[str]:
        phrases, rng = self.phrases, self.rng
        single = phrases["single"]
        bullets, i = [], 0
        while i < len(skills):
            # Pairs only within a kind ("Kafka and Spark"), never "Python or machine learning".
            same_kind = (
                i + 1 < len(skills) and self.skills[skills[i]]["kind"] == self.skills[skills[i + 1]]["kind"]
            )
            if same_kind and rng.random() < 0.5:
                template = rng.choice(phrases["preferred_pair" if preferred else "pair"])
                bullets.append(template.format(a=self.surface(skills[i]), b=self.surface(skills[i + 1])))
                i += 2
                continue
            if preferred:
                template = rng.choice(phrases["preferred_single"])
            else:
                kind = self.skills[skills[i]]["kind"]
                template = rng.choice(single.get(f"{kind}_{function}") or single[kind])
            bullets.append(template.format(a=self.surface(skills[i])))
            i += 1
        return bullets

    def surface(self, skill: str) -> str:
        """How this posting spells a skill: usually its usual spelling, sometimes an alias (k8s, golang)."""
        entry = self.skills[skill]
        aliases = entry.get("aliases", [])
        if aliases and self.rng.random() < 0.3:
            return str(self.rng.choice(aliases))
        return str(entry.get("text", skill))

    def pay_text(self, c: PostingContext) -> str:
        salary = c.salary
        assert salary is not None
        template, style = self.rng.choice(self.phrases["pay"][f"{salary.currency}_{salary.period}"])
        text = str(template).format(
            lo=money(salary.min, salary.currency, style), hi=money(salary.max, salary.currency, style)
        )
        if c.role.get("ote") and salary.period == "year" and self.rng.random() < 0.6:
            ote = self.rng.choice(self.phrases["pay"]["ote"])
            lo, hi = (
                money(salary.min * 2, salary.currency, style),
                money(salary.max * 2, salary.currency, style),
            )
            text += ote.format(lo=lo, hi=hi)
        return text


@dataclass(frozen=True, slots=True)
class PostingContext:
    """What the wording of one posting depends on, decided before it is written."""

    spec: dict[str, Any]
    role: dict[str, Any]
    level: str
    team: str
    cued: bool
    required: list[str]
    preferred: list[str]
    remote: str | None
    office: str
    salary: PlantedSalary | None


def level_available(role: dict[str, Any], level: str) -> bool:
    titles = role["titles"]
    if level in ("intern", *PEOPLE_LEVELS):
        return bool(titles.get(level))
    if level == "staff":
        return bool(staff_prefixes(titles))
    return True


def staff_prefixes(titles: dict[str, Any]) -> list[str]:
    default = ["Staff", "Principal", "Lead"] if titles.get("numbered") else []
    return list(titles.get("staff_prefixes", default))


def cue_forms(titles: dict[str, Any], level: str, base: str) -> list[str]:
    """Titles that state ``level`` outright: Senior X, Staff X, X II, Junior X, Associate X."""
    numbered = bool(titles.get("numbered"))
    if level == "entry":
        prefixes = titles.get("entry_prefixes", ["Junior"] if numbered else [])
        return [f"{p} {base}" for p in prefixes] + ([numbered_title(base, "I")] if numbered else [])
    if level == "mid":
        return [numbered_title(base, "II")] if numbered else []
    if level == "senior":
        return [f"{p} {base}" for p in titles.get("senior_prefixes", ["Senior", "Sr."])]
    if level == "staff":
        return [f"{p} {base}" for p in staff_prefixes(titles)]
    return []


def numbered_title(base: str, numeral: str) -> str:
    # "Software Engineer, Backend" -> "Software Engineer II, Backend"
    head, sep, tail = base.partition(",")
    return f"{head} {numeral}{sep}{tail}"


def sample(rng: random.Random, pool: list[str], bounds: list[int]) -> list[str]:
    return rng.sample(pool, min(len(pool), rng.randint(bounds[0], bounds[1])))
