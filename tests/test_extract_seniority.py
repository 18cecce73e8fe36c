from __future__ import annotations

import json

import pytest

from extract.model import SENIORITY_LEVELS
from extract.seniority import (
    DATA_FILE,
    SILENT_DEFAULT,
    _normalize,
    _union,
    infer_seniority,
    level_from_hint,
    level_from_text,
    level_from_years,
    people_management,
    title_cues,
    vocabulary,
    years_required,
)


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("Backend Engineering Intern, Summer 2028", "intern"),
        ("Finance Co-op (Fall term)", "intern"),
        ("Electrician Apprentice", "intern"),
        ("Working Student Marketing", "intern"),
        ("Junior Data Analyst", "entry"),
        ("Jr. Web Developer", "entry"),
        ("Software Engineer, New Grad", "entry"),
        ("Graduate Civil Engineer", "entry"),
        ("Associate Product Manager", "entry"),
        ("Entry-Level Lab Technician", "entry"),
        ("Senior Platform Engineer", "senior"),
        ("Sr. Accountant", "senior"),
        ("Staff Machine Learning Engineer", "staff"),
        ("Sr. Staff Site Reliability Engineer", "staff"),
        ("Principal Designer, Payments", "staff"),
        ("Distinguished Engineer", "staff"),
        ("Lead Backend Engineer", "staff"),
        ("Engineering Manager, Growth", "manager"),
        ("Senior Manager, Finance Systems", "manager"),
        ("Manager, Customer Support Operations", "manager"),
        ("Director of Engineering", "director"),
        ("Senior Director, Brand", "director"),
        ("Head of Talent", "director"),
        ("Chief of Staff to the CEO", "director"),
        ("VP, Marketing", "executive"),
        ("SVP Finance", "executive"),
        ("Chief Revenue Officer", "executive"),
        ("CTO & Co-founder", "executive"),
        ("Software Engineer II", "mid"),
        ("Data Scientist III", "senior"),
        ("Engineer L5, Storage", "senior"),
        ("Analyst I", "entry"),
    ],
)
def test_infer_seniority_title_levels(title: str, level: str) -> None:
    assert infer_seniority(title, "") == level


@pytest.mark.parametrize(
    "title",
    [
        "Backend Engineer",
        "Product Manager, Checkout",
        "Customer Success Manager",
        "Project Manager",
        "Account Executive, Enterprise",
        "Executive Assistant to the Founders",
        "Staff Accountant",
        "Member of Technical Staff",
        "Lead Generation Specialist",
        "Social Security Claims Specialist",
        "Warehouse Associate",
        "Customer Service Rep, Tier 1",
        "Mental Health Technician - $2,000 Sign-on Bonus",
        "Receptionist / Data Entry",
    ],
)
def test_title_cues_role_names_are_silent(title: str) -> None:
    cues = title_cues(title)
    assert (cues.levels, cues.ladder) == ((), None)


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("You have 3+ years of experience with Go.", 3),
        ("At least five years building data pipelines.", 5),
        ("5-7 years of experience in B2B sales", 5),
        ("2 years' experience in a clinical setting", 2),
        ("10+ yrs in infrastructure", 10),
        ("Minimum of three (3) years\u2019 experience repairing machinery", 3),
        ("One (1) to two (2) years experience in retail", 1),
        ("4+ years PQE at a law firm", 4),
        ("• 6+ years\n• Strong SQL", 6),
        ("Six months experience as a prep cook", 0),
        ("a year of experience in customer service", 1),
        ("0\u20132 years into your career", 0),
        ("8+ years in analytics, including 2+ years managing analysts", 8),
        ("3+ years required; 5+ years preferred", 3),
        ("At least 2 yrs. experience in procurement", 2),
    ],
)
def test_years_required_reads_requirements(text: str, years: int) -> None:
    assert years_required(text) == years


@pytest.mark.parametrize(
    "text",
    [
        "Founded 12 years ago, we serve 400 clinics.",
        "We have been in business for over 30 years.",
        "Applicants must be 18 years of age or older.",
        "This is a 2-year contract with an option to extend.",
        "Equity vests over four years with a one-year cliff.",
        "A four-year degree in accounting.",
        "Our team meets twice a year in Lisbon.",
        "PTO: 0-5 years 80 hours, 6+ years 120 hours.",
        "With over 25 years of industry expertise, Acme is a leader.",
        "The programme is a two-year rotation.",
        "401(k) match after one year of employment.",
    ],
)
def test_years_required_ignores_company_age_and_contracts(text: str) -> None:
    assert years_required(text) is None


@pytest.mark.parametrize(
    ("years", "level"), [(0, "entry"), (2, "entry"), (3, "mid"), (5, "mid"), (6, "senior"), (12, "senior")]
)
def test_level_from_years_design_card_mapping(years: int, level: str) -> None:
    assert level_from_years(years) == level


@pytest.mark.parametrize(
    ("title", "text", "level"),
    [
        ("Senior Data Analyst", "3+ years of experience with SQL.", "senior"),
        ("Junior Backend Developer", "6+ years of experience.", "entry"),
        ("Data Analyst", "1-2 years of experience with Excel.", "entry"),
        ("Machine Learning Engineer", "You bring 6+ years of experience.", "senior"),
        ("Recruiter", "4+ years of agency recruiting experience.", "mid"),
        ("Recruiter", "No years stated anywhere.", SILENT_DEFAULT),
        ("Engineer III, Payments", "4 years of professional experience.", "mid"),
        ("Engineer III, Payments", "Build payment services.", "senior"),
        ("Member of Technical Staff", "7+ years building distributed systems.", "senior"),
    ],
)
def test_infer_seniority_title_then_years(title: str, text: str, level: str) -> None:
    assert infer_seniority(title, text) == level


@pytest.mark.parametrize(
    ("title", "text", "level"),
    [
        ("Customer Success Manager", "An individual contributor role. 3-5 years in SaaS.", "mid"),
        # a role-name manager is at least mid, even when its years say entry
        ("Content Marketing Manager", "You will have no direct reports. 2+ years of writing.", "mid"),
        ("Marketing Manager", "Manage a team of four marketers. 5+ years of experience.", "manager"),
        ("Senior Product Manager", "Own the roadmap and manage the team's backlog. 6+ years.", "senior"),
        ("Senior Product Manager", "You will hire and coach two product managers.", "manager"),
        ("Operations Manager", "Oversee 40 associates across two shifts.", "manager"),
        ("Operations Manager", "This is an individual contributor role. 4+ years.", "mid"),
        ("Lead Data Engineer", "You won't manage people, but you will mentor three engineers.", "staff"),
        ("Team Lead, Support", "You'll have five direct reports.", "manager"),
        ("Principal Product Manager", "You will not manage other PMs. 10+ years.", "staff"),
        ("Director of Sales", "Manage a team of 12 account executives.", "director"),
    ],
)
def test_infer_seniority_manager_titles_read_the_text(title: str, text: str, level: str) -> None:
    assert infer_seniority(title, text) == level


@pytest.mark.parametrize(("manages", "level"), [(True, "manager"), (False, "mid"), (None, "mid")])
def test_infer_seniority_structured_people_flag_overrides_text(manages: bool | None, level: str) -> None:
    assert (
        infer_seniority("Account Manager", "3 years of account management.", manages_people=manages) == level
    )


@pytest.mark.parametrize(
    ("hint", "level"),
    [
        ("Internship", "intern"),
        ("Entry level", "entry"),
        ("Associate", "entry"),
        ("Mid-Senior Level", "mid"),
        ("Director", "director"),
        ("Executive", "executive"),
        ("experienced", "mid"),
        ("student", "intern"),
        ("Not Applicable", None),
        (None, None),
    ],
)
def test_level_from_hint_vendor_labels(hint: str | None, level: str | None) -> None:
    assert level_from_hint(hint) == level


@pytest.mark.parametrize(
    ("grade", "level"),
    [
        ("GS-4", "entry"),
        ("GS-7", "entry"),
        ("GS-7/9", "entry"),  # a ladder counts at its lower grade
        ("GS-9", "mid"),
        ("GS-11", "mid"),
        ("GS-12/13", "senior"),
        ("GS-13", "senior"),
        ("GS-15", "staff"),
        ("GG-13", "senior"),
        ("ES-00", "executive"),
        ("GS-16", None),  # no such GS grade
        ("WG-10", None),  # a wage grade: trades, not mapped
        ("GS", None),
    ],
)
def test_level_from_hint_federal_grades(grade: str, level: str | None) -> None:
    assert level_from_hint(grade) == level


def test_a_federal_grade_decides_only_when_title_and_years_are_silent() -> None:
    assert infer_seniority("Program Analyst", "Analyze program budgets.", "GS-12/13") == "senior"
    assert infer_seniority("Program Analyst Intern", "Analyze program budgets.", "GS-12/13") == "intern"
    assert infer_seniority("Program Analyst", "Requires 1 year of experience.", "GS-13") == "entry"


@pytest.mark.parametrize(
    ("hint", "level"),
    [("Internship", "intern"), ("Director", "director"), ("Mid-Senior level", "mid"), (None, SILENT_DEFAULT)],
)
def test_infer_seniority_hint_only_when_title_and_years_silent(hint: str | None, level: str) -> None:
    assert infer_seniority("Analyst", "Join our team.", hint=hint) == level
    assert infer_seniority("Analyst", "3+ years of experience.", hint="Director") == "mid"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You will manage a team of six analysts.", True),
        ("Seven direct reports.", True),
        ("This is an individual-contributor role with no direct reports.", False),
        ("You won't manage people, but you will mentor.", False),
        ("Work closely with engineering and design.", None),
    ],
)
def test_people_management_evidence(text: str, expected: bool | None) -> None:
    assert people_management(text) is expected


@pytest.mark.parametrize(
    "field", ["neutral", "cues", "lead", "ladder", "ladder_code", "role_manager", "people", "ic", "hints"]
)
def test_vocabulary_loads_every_kind(field: str) -> None:
    vocab = vocabulary()
    assert {level for level, _ in vocab.cues} == set(SENIORITY_LEVELS)
    assert set(vocab.hints.values()) | set(vocab.ladder.values()) <= set(SENIORITY_LEVELS)
    assert getattr(vocab, field)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our process: a call with the recruiter and a conversation with the hiring manager.", None),
        ("You will hire and grow a team of five engineers.", True),
        ("Hire, coach and retain a team of analysts.", True),
    ],
)
def test_people_management_hiring_manager_is_not_managing(text: str, expected: bool | None) -> None:
    assert people_management(text) is expected


@pytest.mark.parametrize(
    "title",
    [
        "Sr. Staff SRE (Remote)",
        "VP, Engineering",
        "Executive Assistant to the CEO",
        "Team Lead - Customer Success",
        "Product Manager II",
        "Directeur Général",
        "İstanbul Office Manager",
        "HEAD OF DATA",
        "Member of Technical Staff",
    ],
)
def test_seniority_title_patterns_find_what_the_case_insensitive_ones_find(title: str) -> None:
    # Titles are searched lower-cased and case-sensitively (extract.caseless): the same as case-insensitively.
    rows = [json.loads(line) for line in DATA_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
    vocab = vocabulary()
    text = _normalize(title)
    for kind, pattern in [("neutral", vocab.neutral), ("role_manager", vocab.role_manager)]:
        plain = _union([r["pattern"] for r in rows if r["kind"] == kind])
        assert pattern.sub(" ", text) == plain.sub(" ", text)
    for level, pattern in vocab.cues:
        plain = _union([r["pattern"] for r in rows if r["kind"] == "cue" and r["level"] == level])
        assert bool(pattern.search(text)) is bool(plain.search(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MANAGE A TEAM OF FIVE ENGINEERS.", True),
        ("İstanbul office. You will lead a team of 4 analysts.", True),
        ("This is an INDIVIDUAL CONTRIBUTOR role.", False),
    ],
)
def test_people_management_is_case_insensitive(text: str, expected: bool) -> None:
    assert people_management(text) is expected


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("Head - Platform Engineering", "director"),
        ("Head, Customer Operations", "director"),
        ("Interim Head of Finance", "director"),
        ("Global Head Partnerships", "director"),
        ("Global Franchise Head", "director"),
        ("V.P. of Engineering", "executive"),
        ("S.V.P., Lending", "executive"),
        ("Associate Director, Clinical Data", "director"),
        ("Associate Vice President, Research Office", "executive"),
        ("Chairman of the Board", "executive"),
        ("Chair of the Audit Committee", "executive"),
        ("Department Chair, Physics", "director"),
        ("Chair Lift Operator", SILENT_DEFAULT),
        ("Double Head Machine Operator", SILENT_DEFAULT),
        ("Activities Leader", SILENT_DEFAULT),
        ("Board Member, Finance Committee", "executive"),
        ("Member of the Board of Directors", "executive"),
        ("Managing Director, Nordics", "director"),
        ("Executive Director of Product Marketing", "director"),
        ("Managing Director", "executive"),
        ("Store Manager in Training", "entry"),
        ("Engineer in Training (EIT)", "entry"),
        ("Records Clerk 2", "mid"),
        ("Financial Analyst III", "senior"),
        ("Support Engineer Level II", "mid"),
        ("V.P. Operations and I.T.", "executive"),
        ("Junior Architect", "entry"),
        ("Solutions Architect", "senior"),
        ("CRO", "executive"),
        ("CPO, Payments Startup", "executive"),
        ("Designer, CRO", SILENT_DEFAULT),
        ("CRO Specialist", SILENT_DEFAULT),
        ("Starszy Programista Java", "senior"),
        ("Młodszy Analityk Danych", "entry"),
        ("Regular Java Developer", "mid"),
        ("Regular Full Time Cashier", SILENT_DEFAULT),
        ("Praktikant Marketing", "intern"),
        ("Stagiaire Développeur", "intern"),
        ("Mid/Senior Go Developer", "mid"),
        ("Regular / Senior QA Engineer", "mid"),
        ("Junior or Mid Data Analyst", "entry"),
        ("Head Office Administrator", SILENT_DEFAULT),
        ("Head Nurse, Surgical Ward", SILENT_DEFAULT),
        ("Account Executive - Mid-Market", SILENT_DEFAULT),
    ],
)
def test_infer_seniority_title_cues_as_written_in_the_wild(title: str, level: str) -> None:
    assert infer_seniority(title, "") == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Experience level: Entry level. Job type: full time.", "entry"),
        ("Seniority level: Mid-Senior level Employment type: Full-time", "mid"),
        ("This is an entry-level position in our warehouse team.", "entry"),
        ("No experience necessary, just a good attitude.", "entry"),
        ("Full training provided from day one.", "entry"),
        ("We are looking for a senior accountant to join us.", "senior"),
        ("We're seeking an experienced mid-level designer.", "mid"),
        ("Recent graduates are welcome to apply.", "entry"),
        ("Our senior team will mentor you.", None),
        ("Training will be provided on our tools.", None),
    ],
)
def test_level_from_text_reads_explicit_statements(text: str, level: str | None) -> None:
    assert level_from_text(text) == level


def test_infer_seniority_body_statement_only_when_title_is_silent() -> None:
    assert infer_seniority("Warehouse Operative", "No experience necessary.") == "entry"
    assert infer_seniority("Senior Warehouse Lead", "No experience necessary.") == "staff"


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("5+ years of software engineering experience. 2+ years with Kubernetes.", 5),
        ("1+ year of Terraform; 4+ years of backend development experience", 4),
        ("3 years of experience required, 5+ years preferred.", 3),
        ("Bachelor's degree with 2 years of experience, or a diploma with 4 years of experience.", 2),
        ("Minimum 6 years of experience, including 2 years of supervisory experience.", 6),
        ("8+ years in finance; 3+ years managing a team.", 8),
        ("With 40+ years of combined experience, our partners lead the field. 3+ years of experience.", 3),
        ("2+ years of agency experience.", 2),
        ("Must be at least 18 years of ageOperate office equipment. 1 year of retail experience.", 1),
    ],
)
def test_years_required_is_the_role_requirement(text: str, years: int) -> None:
    assert years_required(text) == years


@pytest.mark.parametrize(
    ("job_zone", "read", "title_alone"),
    [
        (1, "entry", "entry"),  # little or no preparation: a dishwasher, a packer
        (2, "entry", "entry"),  # some preparation: a machine operator, a cashier
        # medium preparation, entered through vocational training: a text asking for no experience hires at
        # that entry point; a title alone is the zone's typical worker
        (3, "entry", "mid"),
        (4, "mid", "mid"),  # considerable preparation: a software developer, a registered nurse
        (5, "mid", "mid"),
        (None, SILENT_DEFAULT, SILENT_DEFAULT),  # no occupation coded
    ],
)
def test_infer_seniority_silent_posting_follows_the_occupations_job_zone(
    job_zone: int | None, read: str, title_alone: str
) -> None:
    assert infer_seniority("Team Member", "We make widgets.", job_zone=job_zone) == read
    assert infer_seniority("Team Member", "", job_zone=job_zone) == title_alone
    assert infer_seniority("Team Member", "  \n ", job_zone=job_zone) == title_alone


@pytest.mark.parametrize(
    ("title", "text", "hint", "level"),
    [
        ("Buyer", "Proven experience as a buyer for a grocery chain.", None, "mid"),
        ("Field Technician", "Extensive hands-on experience repairing pumps.", None, "mid"),
        ("Sales Executive", "You bring in-depth B2B sales experience.", None, "mid"),
        ("Analyst", "Solid analytical experience with spreadsheets.", None, "mid"),
        # experience the job offers is not asked of the candidate
        ("Buyer Intern", "You will gain extensive experience across categories.", None, "intern"),
        ("Store Clerk", "You will gain extensive experience across categories.", None, "entry"),
        ("Store Clerk", "We provide in-depth experience of retail operations.", None, "entry"),
        # the employer's own experience is not asked either
        ("Store Clerk", "Our extensive retail experience sets us apart.", None, "entry"),
        ("Store Clerk", "We bring deep industry experience to every client.", None, "entry"),
        # stated years win over a weight
        ("Buyer", "1 year of buying experience; proven experience with SAP.", None, "entry"),
        ("Buyer", "7+ years of buying; proven negotiation experience.", None, "senior"),
        # a vendor's label wins over a weight
        ("Buyer", "Proven experience as a buyer.", "Entry level", "entry"),
    ],
)
def test_infer_seniority_weighted_experience_when_years_are_silent(
    title: str, text: str, hint: str | None, level: str
) -> None:
    assert infer_seniority(title, text, hint=hint, job_zone=2) == level


@pytest.mark.parametrize(
    ("title", "text", "job_zone", "level"),
    [
        ("Account Manager", "1 year of customer service experience.", 2, "mid"),
        ("Project Manager", "We build bridges.", 2, "mid"),
        ("Product Manager", "", 1, "mid"),
        ("Customer Success Manager", "0-2 years in SaaS.", 4, "mid"),
        # a stated level word decides: the entry rungs of manager families
        ("Associate Product Manager", "1 year of experience.", 4, "entry"),
        ("Junior Account Manager", "", 2, "entry"),
        ("Senior Account Manager", "2 years of experience.", 2, "senior"),
        # years above the floor still count
        ("Account Manager", "7+ years of account management.", 2, "senior"),
        # people management still makes a manager
        ("Account Manager", "Manage a team of six account executives.", 2, "manager"),
    ],
)
def test_infer_seniority_role_name_manager_is_at_least_mid(
    title: str, text: str, job_zone: int, level: str
) -> None:
    assert infer_seniority(title, text, job_zone=job_zone) == level


@pytest.mark.parametrize("job_zone", [1, 5])
def test_infer_seniority_job_zone_never_overrides_what_the_posting_says(job_zone: int) -> None:
    assert infer_seniority("Senior Cashier", "", job_zone=job_zone) == "senior"
    assert (
        infer_seniority("Cook", "You bring 6+ years of experience in busy kitchens.", job_zone=job_zone)
        == "senior"
    )
