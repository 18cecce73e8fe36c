"""Job titles read as their words: abbreviations, spellings, shift and grade words, plurals, ranks, heads
written first, glued and dotted words; and where a description names its job."""

from __future__ import annotations

import pytest

from extract.job_titles import (
    as_meant,
    in_head_last_order,
    intro_titles,
    singular,
    title_words,
    without_restated_initials,
    written_words,
)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("nurses", "nurse"), ("secretaries", "secretary"), ("coaches", "coach"), ("class", "class"),
     ("status", "status"), ("bus", "bus"), ("analysts", "analyst")],
)  # fmt: skip
def test_singular_by_spelling(word: str, expected: str) -> None:
    assert singular(word) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # Shift, contract, grade and pay words say how the job is offered, not what it is.
        ("Staff Nurse (Nights) - Band 5", ["nurse"]),  # "staff" is a level word, like "senior"
        ("Part Time Cook - Immediate Start", ["cook"]),
        ("Senior Accountant, Level II", ["accountant"]),
        # Abbreviations, also in the plural; an ambiguous one only in capitals.
        ("RGNs wanted", ["registered", "nurse"]),
        # … but a noise word is no plural of one: "hrs" are hours, not human resources.
        ("Care Assistant 40 hrs", ["care", "assistant"]),
        # … nor the unit of a rate of pay: "$17/hr" is paid by the hour, not in human resources.
        ("Dietary Aide - $16/hr", ["dietary", "aide"]),
        ("Sitter $15 per hr", ["sitter"]),
        ("Refuse Collector £12.20 p/hr", ["refuse", "collector"]),
        ("Driver £12 p/h", ["driver"]),
        ("Site Manager £45k/yr", ["site", "manager"]),
        ("HR Assistant - $22/hr", ["human", "resource", "assistant"]),
        # … nor three capitals, an acronym of their own; four in a title written in capitals are a plural.
        ("GPS Technician", ["gps", "technician"]),
        ("RTS Inspector", ["rts", "inspector"]),
        ("GPs needed", ["general", "practitioner"]),
        ("RGNS REQUIRED", ["registered", "nurse"]),
        ("CNA", ["certified", "nursing", "assistant"]),
        ("IT Technician", ["information", "technology", "technician"]),
        ("Lead it forward", ["lead", "it", "forward"]),
        # "IS" is information systems, not the noise word "is": O*NET's "IS Project Manager" had made every
        # bare "Project Manager" an IT project manager.
        ("IS Project Manager", ["information", "system", "project", "manager"]),
        ("Project Manager", ["project", "manager"]),
        # British spellings and usages read as O*NET's American ones.
        ("Operational Research Analyst", ["operation", "research", "analyst"]),
        ("Organisational Development Lead", ["organizational", "development", "lead"]),
        ("Modelling Specialist", ["modeling", "specialist"]),
        # Words glued by a lost space.
        ("StaffNurse", ["nurse"]),
        ("Residential ChildcareNO EXPERIENCE", ["residential", "childcare", "no", "experience"]),
        # Two letters before the capitals: a name, not a lost space.
        ("MySQL DBA", ["mysql", "database", "administrator"]),
        # British spellings read as O*NET's American ones; British abbreviations expanded.
        ("Labourers", ["laborer"]),
        ("Paediatric Staff Nurse", ["pediatric", "nurse"]),
        ("Mortgage Adviser", ["mortgage", "advisor"]),
        ("KP - Hotel", ["kitchen", "porter", "hotel"]),
        ("QSW Fostering", ["social", "worker", "foster", "care"]),
        ("F&B Assistant", ["food", "beverage", "assistant"]),
        # Safety, health, environment and quality, in any order; "SHE" only in capitals.
        ("SHEQ Advisor", ["safety", "health", "environmental", "quality", "advisor"]),
        ("QHSE Manager", ["quality", "health", "safety", "environmental", "manager"]),
        ("SHE Advisor", ["safety", "health", "environmental", "advisor"]),
        ("She Advisor", ["she", "advisor"]),
        # The possessive is dropped, and a plural not made by an s is read as its singular, as others are.
        ("Children's Practitioner", ["child", "practitioner"]),
        ("Childrens Services Manager", ["child", "service", "manager"]),
        ("Women s Health Nurse", ["woman", "health", "nurse"]),
        ("Men's Wear Sales", ["man", "wear", "sale"]),
        # A job's feminine name is read as the name O*NET indexes; a job named twice in a row is named once.
        ("Host/Hostess", ["host"]),
        ("Waiter / Waitress - Evenings", ["waiter"]),
        ("Head Waitress", ["head", "waiter"]),
        ("Nurse / Nurse Practitioner", ["nurse", "practitioner"]),
        # An abbreviation before a noun is read as its adjective ("Admin Support"), alone as the noun.
        ("Admin Support", ["administrative", "support"]),
        ("Admin Assistant - Part Time", ["administrative", "assistant"]),
        ("Systems Admin", ["system", "administrator"]),
        ("Payroll Admin Job", ["payroll", "administrator"]),
        ("Admin", ["administrator"]),
        # A rank word before the head it ranks is dropped: the job is the head's.
        ("Assistant Director, Admissions", ["director", "admission"]),
        ("Asst. Manager", ["manager"]),
        ("Associate Professor of Biology", ["biology", "professor"]),
        ("Administrative Assistant", ["administrative", "assistant"]),
        ("Assistant to the Director", ["assistant", "director"]),
        # ...also with words between that say where or how the job is offered, but not "to the".
        ("Assistant City Manager", ["manager"]),
        ("Deputy Night Manager", ["manager"]),
        ("Assistant to the City Manager", ["assistant", "manager"]),
        # A head written first, before "of" and what it heads, is read head last; a "Head of" directs.
        ("Director of Master Data Management", ["master", "data", "management", "director"]),
        ("Assistant Director of Nursing - Leeds", ["nursing", "director", "leed"]),
        ("Head of Procurement, EMEA", ["procurement", "director", "emea"]),
        ("VP of the Sales Team", ["sale", "team", "vice", "president"]),
        ("Bachelor of Science", ["bachelor", "science"]),
        # A letter hyphened to a number is one word: the canine unit's handler is no bare handler; a K-12
        # school's grades say nothing of the job.
        ("K-9 Handler", ["canine", "handler"]),
        ("K9 Officer", ["canine", "officer"]),
        ("K-12 Science Teacher", ["science", "teacher"]),
        ("X-Ray Tech", ["x", "ray", "technician"]),
        # Initials written with dots are the abbreviation, not letters one by one; "Ph.D." is no initials.
        ("R.N. - ICU", ["registered", "nurse", "icu"]),
        ("V.P. of Sales", ["sale", "vice", "president"]),
        ("Sr. E.V.P.", ["executive", "vice", "president"]),
        ("Ph.D. Chemist", ["ph", "chemist"]),
        # Abbreviated job words, read as adjectives before another title word ("Eng Mgr": an engineering
        # manager, not a flight engineer's); an abbreviated rank before an abbreviated head is dropped.
        ("Eng Mgr", ["engineering", "manager"]),
        ("Asst. Mgr", ["manager"]),
        ("Mktg Coord", ["marketing", "coordinator"]),
        ("Whse Assoc", ["warehouse", "associate"]),
        ("Sr Acct", ["accountant"]),
        ("Exec Asst", ["executive", "assistant"]),
        # British "elderly care" is American geriatric care.
        ("Elderly Care Assistant", ["geriatric", "care", "assistant"]),
        # British "fostering" is foster care.
        ("Fostering Social Worker", ["foster", "care", "social", "worker"]),
        # A teaching head writes its field after "in" as after "of": read head last.
        ("Lecturer in Nursing", ["nursing", "lecturer"]),
        ("Senior Lecturer in Computer Science - Fixed Term", ["computer", "science", "lecturer"]),
        # The prefix "co-" makes one word with a root that is no word alone (British "co-ordinator"); before
        # a job held jointly it is dropped: never O*NET's "CO", a correctional officer.
        ("Care Co-ordinator", ["care", "coordinator"]),
        ("Co-operative Store Assistant", ["cooperative", "store", "assistant"]),
        ("Co-Manager", ["manager"]),
        ("Co-Chair, Audit Committee", ["chair", "audit", "committee"]),
        ("CO - Corrections", ["co", "correction"]),
        # The legal form ending an employer's name names no work; "CO" in capitals is still the officer.
        ("Director, Acme Co.", ["director", "acme"]),
        ("Sales Manager - Widgets Ltd", ["sale", "manager", "widget"]),
        ("Board Member, Foo Holdings Co. Ltd.", ["board", "member", "foo", "holding"]),
        ("Engineer at Bar Inc.", ["engineer", "bar"]),
        ("Homicide Squad CO", ["homicide", "squad", "co"]),
    ],
)
def test_title_words_normalize_real_titles(title: str, expected: list[str]) -> None:
    assert title_words(title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("R.N. - $45/hr", "RN - $45"),
        ("Care Co-ordinator £12 p/h", "Care Coordinator £12"),
        ("Co-Manager, £25k per annum", "Manager, £25"),
        ("HR Advisor - 37.5 hrs", "HR Advisor - 37.5 hrs"),  # hours worked are no rate of pay
        # Words that offer pay go; the same words naming the job stay.
        ("Cleaner - Sign-on Bonus", "Cleaner - "),
        ("Machinist (Up to $90K)", "Machinist ($90K)"),
        ("Nurse - $5,000 Hiring Bonus", "Nurse - $5,000 "),
        ("Set Up Operator", "Set Up Operator"),
        ("Hiring Manager", "Hiring Manager"),
        ("Teacher - Competitive Salary", "Teacher - "),
        ("Cleaner (4 Day Week, Mon-Fri)", "Cleaner (, )"),
        ("Part-Time Clerk", " Clerk"),
        ("Competitive Intelligence Analyst", "Competitive Intelligence Analyst"),
        ("Day Care Teacher", "Day Care Teacher"),
        # A perk goes where nothing but a separator follows it; the same words heading a job stay.
        ("Mechanic + Company Car - Work From Home", "Mechanic  - "),
        ("Company Car Driver", "Company Car Driver"),
        ("Health Benefits Analyst", "Health Benefits Analyst"),
        ("Multi Drop Van", "Multi Drop Van"),
        # "People" naming the HR function reads as "HR"; a people manager manages staff, young people are
        # whom the job serves.
        ("People Operations Manager", "HR Operations Manager"),
        ("People & Culture Advisor", "HR & Culture Advisor"),
        ("People Manager", "People Manager"),
        ("Young People Team Leader", "Young People Team Leader"),
        # A British school year or key stage says the school it is taught in; other numbered years do not.
        ("Year 4 Teacher", "Primary Teacher"),
        ("KS-1 Teaching Assistant", "Primary Teaching Assistant"),
        ("Key Stage 3 Maths Teacher", "Secondary Maths Teacher"),
        ("Yr 12 Tutor", "Secondary Tutor"),
        ("Year 14 Teacher", "Year 14 Teacher"),
        ("Graduate Programme 2026, 1 Year Contract", "Graduate 2026, 1 Year Contract"),
        # An early-career programme is how the job is offered: read as "Graduate", its field names the job.
        ("Graduate Scheme - Finance", "Graduate - Finance"),
        ("Future Leaders Development Programme Technology", "Graduate Technology"),
        ("IT Leadership Development Program", "IT Graduate"),
        ("Early Careers Programme - Software Engineer", "Graduate - Software Engineer"),
        # ...not a programme its own staff run: a head follows or comes before, or "of" names it.
        ("Graduate Programme Manager", "Graduate Programme Manager"),
        ("Graduate Program Coordinator", "Graduate Program Coordinator"),
        ("Director, Graduate Programme", "Director, Graduate Programme"),
        ("Director of Graduate Programs", "Director of Graduate Programs"),
        ("Software Development Program Manager", "Software Development Program Manager"),
        # Accents folded, case kept: an accented letter had split its word ("Caf", "In", "ynier").
        ("Café Manager", "Cafe Manager"),
        ("Inżynier Systemowy", "Inzynier Systemowy"),
        ("MŁODSZY Programista", "MLODSZY Programista"),
        ("Maître d’Hôtel", "Maitre d’Hotel"),
        ("Straßenbahnfahrer", "Strassenbahnfahrer"),
    ],
)
def test_as_meant_mends_what_only_spells_the_title_otherwise(title: str, expected: str) -> None:
    assert as_meant(title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Firefighter/EMT", [("firefighter",), ("emergency", "medical", "technician")]),
        ("Admin Assistant - Part Time", [("administrative",), ("assistant",)]),
        ("HGV Class 1 Driver", [("heavy", "good", "vehicle"), ("driver",)]),  # a grade is no word
        ("Director, Acme Co.", [("director",), ("acme",)]),
    ],
)
def test_written_words_group_the_title_words_by_the_word_written(
    title: str, expected: list[tuple[str, ...]]
) -> None:
    assert written_words(title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # A bracketed abbreviation of the words right before it says the title again.
        ("Clinical Laboratory Scientist (CLS)", "Clinical Laboratory Scientist"),
        ("Continuous Miner Operator (CMO)", "Continuous Miner Operator"),
        ("Director of Nursing (DON)", "Director of Nursing"),
        ("Health and Safety Advisor (HSA) - Leeds", "Health and Safety Advisor - Leeds"),
        # One that adds to the words, or abbreviates something else, stays.
        ("Nurse (RN)", "Nurse (RN)"),
        ("Engineer (ML)", "Engineer (ML)"),
        ("Healthcare Assistant (HCA)", "Healthcare Assistant (HCA)"),
        ("Software Engineer (Remote)", "Software Engineer (Remote)"),
    ],
)
def test_without_restated_initials(title: str, expected: str) -> None:
    assert without_restated_initials(title) == expected


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("As a Forklift Operator, you will move pallets.", ["Forklift Operator"]),
        # The job's name ends where the sentence goes on about it …
        ("We're hiring a Wellness Associate to elevate our spa experience.", ["Wellness Associate"]),
        ("We are looking for a Line Cook who loves fresh food.", ["Line Cook"]),
        # … or where a pronoun or verb without a comma goes on about the job.
        ("As an Assistant Director you will support the center director.", ["Assistant Director"]),
        ("We are seeking a Claims Manager able to lead a team of adjusters.", ["Claims Manager"]),
        ("As a Youth Worker you'll run evening clubs.", ["Youth Worker"]),
        ("We are hiring a Night Auditor responsible for the close.", ["Night Auditor"]),
        # … and where a lost line break left a run of spaces.
        ("Join our team as a Wellness Associate  Do you have a passion", ["Wellness Associate"]),
        ("Seeking a Cook  ", ["Cook"]),
    ],
)
def test_intro_titles_end_where_the_job_name_ends(text: str, titles: list[str]) -> None:
    assert list(intro_titles(text)) == titles


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # A teaching head written before what it teaches moves after it, whether "in" or "of" joins them …
        ("Lecturer in Software Engineering", "Software Engineering Lecturer"),
        ("Professor of Nursing", "Nursing Professor"),
        ("Teacher of the Deaf", "Deaf Teacher"),
        ("Senior Lecturer in Law - Faculty of Business", "Senior Law Lecturer - Faculty of Business"),
        # … other heads written first stay where they stand (the role patterns read "Head of Sales").
        ("Head of Sales", "Head of Sales"),
        ("Director of Nursing", "Director of Nursing"),
    ],
)
def test_in_head_last_order_teaching_only_moves_only_a_teaching_head(title: str, expected: str) -> None:
    assert in_head_last_order(title, teaching_only=True) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # A trade named by its work with no job's word after it is its worker (the rank a noise word) …
        ("Plumbing Apprentice", ["plumber"]),
        ("Joinery Apprentice", ["carpenter"]),
        ("Bricklaying Trainee", ["bricklayer"]),
        # … followed by one, the work names the field as written.
        ("Plumbing Supervisor", ["plumbing", "supervisor"]),
        ("Welding Inspector", ["welding", "inspector"]),
    ],
)
def test_title_words_read_a_trade_alone_as_its_worker(title: str, expected: list[str]) -> None:
    assert title_words(title) == expected
