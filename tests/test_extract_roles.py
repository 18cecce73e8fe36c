from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from extract.occupations import occupation_title
from extract.posting_roles import classify_posting, classify_role, without_trailing_unread
from extract.roles import (
    FUNCTIONS_FILE,
    Role,
    functions,
    role_from_title,
    roles,
    taxonomy,
    title_normalized,
)


@pytest.mark.parametrize(
    ("title", "role", "function"),
    [
        ("Senior Backend Engineer, Billing", "backend engineer", "engineering"),
        ("Software Engineer II, Backend", "backend engineer", "engineering"),
        ("Front-End Developer (React)", "frontend engineer", "engineering"),
        ("Fullstack Engineer", "full-stack engineer", "engineering"),
        ("Software Engineer, New Grad", "software engineer", "engineering"),
        ("Staff iOS Engineer", "ios engineer", "engineering"),
        ("Android Developer", "android engineer", "engineering"),
        ("Firmware Engineer", "embedded software engineer", "engineering"),
        ("Senior SRE", "site reliability engineer", "engineering"),
        ("DevOps Engineer (AWS)", "devops engineer", "engineering"),
        ("Lead Data Engineer", "data engineer", "engineering"),
        ("ML Engineer, Ranking", "machine learning engineer", "engineering"),
        ("Senior AI Engineer, Agents", "ai engineer", "engineering"),
        ("ML Platform Engineer", "ml platform engineer", "engineering"),
        ("Member of Technical Staff, Inference", "ml inference engineer", "engineering"),
        ("Applied Scientist, Search", "applied scientist", "engineering"),
        ("Research Scientist, Speech", "research scientist", "research"),
        ("Lead Data Scientist, Pricing", "data scientist", "data-and-analytics"),
        ("Data Analyst \u2013 Claims", "data analyst", "data-and-analytics"),
        ("Analytics Engineer", "analytics engineer", "data-and-analytics"),
        ("Manager, Data Analytics", "analytics manager", "data-and-analytics"),
        ("Head of Data", "head of data", "data-and-analytics"),
        ("Principal Security Engineer", "security engineer", "security"),
        # "Security" here is not the security function: claims work, coded through its occupation (O*NET
        # reports "Claims Representative" for claims adjusters and for claims clerks alike).
        ("Social Security Claims Representative", "office clerk", "administrative"),
        ("QA Automation Engineer", "qa engineer", "quality-assurance"),
        ("Engineering Manager, Platform", "engineering manager", "engineering"),
        # An engineering team's lead manages it, as its manager does; not a generic manager with no role.
        ("Engineering Team Leader", "engineering manager", "engineering"),
        ("Engineering Lead - Payments", "engineering manager", "engineering"),
        ("VP of Engineering", "vp of engineering", "engineering"),
        ("Senior Product Manager, Payments", "product manager", "product-management"),
        ("Associate Product Manager", "associate product manager", "product-management"),
        ("Product Marketing Manager", "product marketing manager", "marketing"),
        ("Senior Product Designer", "product designer", "design"),
        ("UX Researcher", "ux researcher", "design"),
        ("Account Executive, Mid-Market", "account executive", "sales"),
        ("Solutions Engineer", "sales engineer", "sales"),
        ("Sales Development Representative", "sdr", "sales"),
        ("VP Sales", "vp of sales", "sales"),
        ("Customer Success Manager", "customer success manager", "customer-success"),
        ("Team Lead, Customer Success", "customer success manager", "customer-success"),
        ("Technical Support Engineer", "support engineer", "customer-success"),
        ("Content Marketing Manager", "content marketing manager", "marketing"),
        ("Growth Marketing Manager", "growth marketing manager", "marketing"),
        ("Staff Accountant", "accountant", "accounting"),
        ("FP&A Analyst", "financial analyst", "finance"),
        ("Chief Financial Officer", "chief financial officer", "finance"),
        ("Senior Corporate Counsel", "corporate counsel", "legal"),
        ("Technical Recruiter", "recruiter", "human-resources"),
        ("HR Business Partner", "hr business partner", "human-resources"),
        ("Head of People", "head of people", "human-resources"),
        ("Fulfillment Operations Manager", "operations manager", "operations"),
        ("Supply Planner \u2013 SAP IBP", "supply planner", "supply-chain"),
        ("Registered Nurse \u2013 ICU (Nights)", "registered nurse", "healthcare"),
        ("Physician Assistant", "nurse practitioner", "healthcare"),
        ("Medical Assistant", "medical assistant", "healthcare"),
        ("High School Math Teacher", "teacher", "education"),
        ("Director of Curriculum", "director of curriculum", "education"),
        ("Senior Consultant, Digital Transformation", "management consultant", "consulting"),
        ("Technical Program Manager", "project manager", "project-management"),
        ("Executive Assistant to the CEO", "executive assistant", "administrative"),
        # A PA or EA who supports someone assists them; a bare PA or one of a specialty is a physician assistant.
        ("PA to Managing Director", "executive assistant", "administrative"),
        ("Senior PA to the MD", "executive assistant", "administrative"),
        ("EA to the Chairman", "executive assistant", "administrative"),
        ("PA - Cardiology", "nurse practitioner", "healthcare"),
        ("Chief of Staff", "chief of staff", "operations"),
        ("IT Support Specialist", "it support", "information-technology"),
        ("Business Development Manager", "business development manager", "business-development"),
        ("Theatre Instructor for Speech Communication", "teacher", "education"),
        # Telesales and telemarketing are selling (UK words for inside sales).
        ("Telesales Executive", "sales representative", "sales"),
        ("Outbound Tele Sales Advisor", "sales representative", "sales"),
        ("Telemarketing Agent (Evenings)", "sales representative", "sales"),
        ("B2B Telesales", "sales representative", "sales"),
        # An assistant manager is a manager (a deputy), not an assistant; an assistant to a manager is one.
        ("Assistant Manager", "operations manager", "operations"),
        ("Trainee Assistant Manager", "operations manager", "operations"),
        ("Assistant General Manager", "operations manager", "operations"),
        ("Assistant Manager - Marketing", "marketing manager", "marketing"),
        ("Assistant to the Manager", "executive assistant", "administrative"),
        # Operating theatres: the UK's operating department practitioner is a surgical technologist.
        ("Scrub Practitioner - Orthopaedic Theatres", "surgical technologist", "healthcare"),
        ("Anaesthetic Practitioner (Band 6)", "surgical technologist", "healthcare"),
        ("ODP Recovery", "surgical technologist", "healthcare"),
        # Children's homes and supported housing: UK social care.
        ("Residential Child Care Officer", "care worker", "healthcare"),
        ("Night Project Worker, Young People's Hostel", "care worker", "healthcare"),
        ("Supported Living Worker", "care worker", "healthcare"),
        # A field of care or clinical work before (or after) a manager-type word.
        ("Dementia Unit Lead", "health services manager", "healthcare"),
        ("Fostering Team Manager", "health services manager", "healthcare"),
        ("Home Care Supervisor", "health services manager", "healthcare"),
        ("Registered Branch Manager - Domiciliary Care", "health services manager", "healthcare"),
        ("Team Manager, Adult Services", "health services manager", "healthcare"),
        ("Clinical Care Consultant", "health services manager", "healthcare"),
        # A manager or director of a clinical service (therapies, rehabilitation, imaging) manages it, and
        # is no therapist or rehabilitation physician; a therapy lead still leads as a therapist.
        ("Rehab Therapy Manager", "health services manager", "healthcare"),
        ("Respiratory Care Department Manager", "health services manager", "healthcare"),
        ("Director of Rehabilitation Services", "health services manager", "healthcare"),
        ("Imaging Services Manager", "health services manager", "healthcare"),
        ("Therapy Lead", "therapist", "healthcare"),
        # "Customer care" and "skin care" are not care work.
        ("Customer Care Team Leader", "customer service representative", "customer-success"),
        ("Skin Care Consultant", "retail sales associate", "sales"),
        # A consultant in a technology field is IT work, not management consulting.
        ("Dynamics CRM Functional Consultant", "it consultant", "information-technology"),
        ("Cloud Infrastructure Consultant", "it consultant", "information-technology"),
        ("Strategy Consultant", "management consultant", "consulting"),
        # ITIL service-management processes.
        ("Incident Manager (ITIL)", "it support", "information-technology"),
        ("Capacity Analyst", "it support", "information-technology"),
        # Quants model prices and risk: O*NET's Financial Quantitative Analysts.
        ("Quantitative Analyst, Equities", "financial analyst", "finance"),
        ("Senior Quant", "financial analyst", "finance"),
        ("Reservations Advisor - Spanish speaking", "customer service representative", "customer-success"),
        # "Development" alone is a charity's fundraising; with a field before it, it develops that field.
        ("Development Director", "business development manager", "business-development"),
        ("Senior Development Officer", "business development manager", "business-development"),
        ("Director of Development", "business development manager", "business-development"),
        ("Leadership Development Manager", "hr generalist", "human-resources"),
        ("Talent Development Manager", "hr generalist", "human-resources"),
        ("Organisational Development Manager", "hr generalist", "human-resources"),
    ],
)
def test_classify_role_from_title(title: str, role: str | None, function: str | None) -> None:
    assert classify_role(title) == (role, function)


@pytest.mark.parametrize(
    ("title", "department", "function"),
    [
        ("Associate", "Finance & Accounting", "accounting"),
        ("Generalist", "People Operations", "human-resources"),
        ("Specialist", "Security Engineering", "security"),
        ("Specialist", "Sales Engineering", "sales"),
        ("Founding Hire", "Data Science", "data-and-analytics"),
        ("Individual Contributor", "Engineering \u2013 Web", "engineering"),
        # Trades are field operations, as their roles are (maintenance technician, electrician, machine
        # operator); machine learning stays engineering.
        ("Associate", "Maintenance & Repair", "operations"),
        ("Generalist", "Machining", "operations"),
        ("Specialist", "Machine Learning", "engineering"),
        # "Development" alone is a fundraiser's or a deal maker's; research, product or software development
        # is engineering, creative development design.
        ("Officer", "Development", "business-development"),
        ("Associate", "Research & Development", "engineering"),
        ("Specialist", "Product Development", "engineering"),
        ("Intern", "Creative Development", "design"),
    ],
)
def test_classify_role_department_when_title_vague(title: str, department: str, function: str) -> None:
    assert classify_role(title, department) == (None, function)


def test_classify_role_title_beats_department() -> None:
    assert classify_role("Data Analyst", "Marketing") == ("data analyst", "data-and-analytics")


@pytest.mark.parametrize(
    ("text", "role", "function"),
    [
        (
            "As a Customer Success Manager you will own 50 accounts.",
            "customer success manager",
            "customer-success",
        ),
        ("We're hiring a Recruiter to grow our team.", "recruiter", "human-resources"),
        ("Nothing here names a job.", None, None),
    ],
)
def test_classify_role_text_when_title_and_department_vague(
    text: str, role: str | None, function: str | None
) -> None:
    assert classify_role("Join us!", None, text) == (role, function)


@pytest.mark.parametrize(
    ("role", "seniority", "expected"),
    [
        ("software engineer", "intern", "software engineer intern"),
        ("data analyst", "entry", "data analyst"),
        (None, "intern", None),
    ],
)
def test_title_normalized_adds_intern(role: str | None, seniority: str, expected: str | None) -> None:
    assert title_normalized(role, seniority) == expected


def test_roles_data_has_at_least_forty_roles_each_in_one_known_function() -> None:
    table = roles()
    assert len(table) >= 40
    assert set(table.values()) <= set(functions())
    assert len(taxonomy().roles) == len(table)  # role names are unique


def test_functions_data_lists_the_24_design_card_functions() -> None:
    spec = json.loads(FUNCTIONS_FILE.read_text(encoding="utf-8"))
    assert len(functions()) == 24 == len(set(functions()))
    assert sorted(spec["keyword_order"]) == sorted(functions())
    assert set(spec["keywords"]) == set(functions())


@pytest.mark.parametrize("title", ["", "   ", "!!!", "Join us!"])
def test_role_from_title_none_when_nothing_matches(title: str) -> None:
    assert role_from_title(title) is None


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Software Engineer, AI", "ai engineer"),
        ("Sr. Software Engineer, Machine Learning", "machine learning engineer"),
        ("Software Engineer II, Data", "data engineer"),
        ("Senior Software Engineer - Frontend", "frontend engineer"),
        ("Software Engineer, Payments", "software engineer"),
        ("Software Engineer (Remote)", "software engineer"),
    ],
)
def test_role_from_title_refines_generic_role_by_specialty(title: str, role: str) -> None:
    assert classify_role(title)[0] == role


@pytest.mark.parametrize(
    ("title", "role", "function", "soc"),
    [
        # Titles that used to land in the wrong role or occupation, frontline titles first.
        ("Nursing Assistant - Days", "nursing assistant", "healthcare", "31-1131"),
        ("Forklift Operator", "forklift operator", "supply-chain", "53-7051"),
        ("Delivery Driver (Class 2)", "truck driver", "supply-chain", "53-3033"),
        ("Police Officer", "police officer", "operations", "33-3051"),
        ("Support Worker - Supported Living", "care worker", "healthcare", None),
        ("Care Assistants and Support Workers", "care worker", "healthcare", None),
        ("Warehouse Operative", "warehouse associate", "supply-chain", "53-7062"),
        ("Cleaner, Evenings", "cleaner", "operations", None),
        ("General Manager, Nursing Home", "health services manager", "healthcare", None),
        # A care domain named after the manager word: the manager of a care service.
        ("Deputy Team Manager - Adults", "health services manager", "healthcare", "11-9111"),
        ("Service Manager Learning Disabilities", "health services manager", "healthcare", None),
        ("Ward Manager, Elderly Care", "health services manager", "healthcare", None),
        ("Clinical Lead Mental Health", "health services manager", "healthcare", None),
        ("Unit Manager (General Nursing)", "health services manager", "healthcare", None),
        ("Team Leader, Adult Education", "teacher", "education", None),
        # UK children's and youth social care: social work, not courts, police or nursing.
        ("Family Court Adviser", "social worker", "healthcare", "21-1021"),
        ("Youth Offending Worker", "social worker", "healthcare", "21-1021"),
        ("Youth Justice Practitioner - Leeds", "social worker", "healthcare", "21-1021"),
        ("Children's Practitioner, Fostering Team", "social worker", "healthcare", "21-1021"),
        # Spa and beauty therapists are personal service, not clinical therapy.
        ("Spa Therapist", "personal service worker", "operations", "39-5094"),
        ("Beauty Therapist (Level 3)", "personal service worker", "operations", None),
        ("Occupational Therapist", "therapist", "healthcare", "29-1122"),
        # Health jobs the catch-all medical assistant row used to take keep their own occupation.
        ("Registered Dental Hygienist", "healthcare practitioner", "healthcare", "29-1292"),
        ("Medical Coder - Remote", "health technician", "healthcare", "29-2072"),
        ("Veterinary Technician", "health technician", "healthcare", "29-2056"),
        ("Licensed Esthetician", "personal service worker", "operations", "39-5094"),
        ("Certified Medical Assistant", "medical assistant", "healthcare", "31-9092"),
        ("Nurse Injector", "registered nurse", "healthcare", "29-1141"),
        ("Registered Behavior Technician", "health technician", "healthcare", "29-2053"),
        # Human services support, not IT support.
        ("Peer Support Specialist", "care worker", "healthcare", None),
        ("Community Support Specialist - Days", "care worker", "healthcare", None),
        ("Emergency Department Consultant", "physician", "healthcare", None),
        # A tech title keeps its role; a vague occupation gives way to the role's own.
        ("Senior Backend Engineer", "backend engineer", "engineering", "15-1252"),
        # A title that is an occupation's own O*NET title (or is one before its specialty) names that occupation,
        # even when a role pattern matches one of its modifiers: "controller", "assistant". (A printing press
        # operator is the machine operator the pattern names, in the occupation the title names.)
        ("Air Traffic Controller", "transportation worker", "operations", "53-2021"),
        ("Air Traffic Controller (Tower)", "transportation worker", "operations", "53-2021"),
        ("Printing Press Operator", "machine operator", "operations", "51-5112"),
        ("Physical Therapist Assistant", "healthcare support worker", "healthcare", "31-2021"),
        ("Environmental Engineer", "engineer", "engineering", "17-2081"),
        # The role covers the title's occupation, or the O*NET title is only part of a longer title: unchanged.
        ("Financial Controller", "controller", "accounting", "11-3031"),
        ("Account Manager", "account manager", "sales", "41-3091"),
        ("Deputy Home Manager (RGN)", "health services manager", "healthcare", "11-9111"),
        # A manager title keeps its first-line supervisor occupation; that occupation still names its crew's
        # role when no role pattern matches.
        ("Store Manager", "operations manager", "operations", "41-1011"),
        ("Restaurant Shift Supervisor", "operations manager", "operations", "35-1012"),
        ("Office Supervisor", "office clerk", "administrative", "43-1011"),
        # So does a manager of an individual contributor role's field (also_covers), and a specialist title
        # is the specialist role, not its manager.
        ("Accounting Manager", "accountant", "accounting", "11-3031"),
        # An assistant director directs: a vague manager, not an executive secretary.
        ("Assistant Director", "operations manager", "operations", "11-1021"),
        ("Assistant Principal", "school administrator", "education", "11-9032"),
        ("Associate Professor of Biology", "professor", "education", "25-1042"),
        ("Recruitment Manager", "recruiter", "human-resources", "11-3121"),
        ("Marketing Specialist", "marketing specialist", "marketing", "13-1161"),
        # The role names the occupation a vague title lacks.
        ("Scrub Practitioner - Orthopaedic Theatres", "surgical technologist", "healthcare", "29-2055"),
        ("Dynamics CRM Functional Consultant", "it consultant", "information-technology", "15-1211"),
        ("Quantitative Analyst, Equities", "financial analyst", "finance", "13-2099"),
        # A role keeps the occupation its title names inside the role's field (also_covers), instead of the
        # role's own: a clerk is no administrative services manager, an estimator no project manager.
        ("Data Processor", "administrative assistant", "administrative", "43-9021"),
        ("Timekeeper", "administrative assistant", "administrative", "43-3051"),
        ("Executive Administrative Assistant", "executive assistant", "administrative", "43-6011"),
        ("Construction Superintendent", "project manager", "project-management", "11-9021"),
        ("Senior Cost Estimator", "project manager", "project-management", "13-1051"),
        ("Quality Control Analyst - Pharma", "qa engineer", "quality-assurance", "19-4099"),
        ("Food Scientist", "research scientist", "research", "19-1012"),
        ("Instructional Coach, Middle School", "director of curriculum", "education", "25-9031"),
        # Quality inspectors and machining are production work; a CNC programmer programs machine tools.
        ("Final Quality Inspector", "quality inspector", "quality-assurance", "51-9061"),
        ("CNC Programmer - Days", "machine operator", "operations", "51-9162"),
        ("CNC Turner", "machine operator", "operations", "51-9161"),
        # A machine operator keeps the production occupation the title names (the row's also_covers), not the
        # CNC operators' the role defaults to; a British turner or borer works metal, not wood.
        ("Printing Machine Operator - Nights", "machine operator", "operations", "51-5112"),
        ("Paper Machine Operator", "machine operator", "operations", "51-9196"),
        ("Borer - Days", "machine operator", "operations", "51-4032"),
        ("Manual Turner", "machine operator", "operations", "51-4034"),
        # Case managers and mental health workers are social services, not medical assistants.
        ("Behavioral Health Case Manager", "social worker", "healthcare", "21-1023"),
        ("Mental Health Worker (Nights)", "social worker", "healthcare", "21-1023"),
        # A support analyst works an IT service desk; a technical support engineer serves customers.
        ("Application Support Analyst", "it support", "information-technology", "15-1232"),
        ("2nd Line Support Engineer", "it support", "information-technology", "15-1232"),
        ("Technical Support Engineer", "support engineer", "customer-success", "15-1232"),
        # Words a lost space glued together are read apart; product names glued on purpose still match.
        ("Residential Support WorkerCHELTENHAM", "care worker", "healthcare", None),
        ("MicroStrategy Administrator", "system administrator", "information-technology", "15-1244"),
        # A posting title that names an occupation outright (posting_titles.tsv) names its role too, when a
        # role pattern matched only a word of it: "supervisor", "surgeon", "controller", "truck driver".
        ("Door Supervisor - Leeds", "security guard", "operations", "33-9032"),
        ("Cover Supervisor", "teacher", "education", "25-3031"),
        ("Tree Surgeon", "groundskeeper", "operations", "37-3013"),
        ("Credit Controller", "bookkeeper", "accounting", "43-3011"),
        ("Reach Truck Driver", "forklift operator", "supply-chain", "53-7051"),
        ("Kitchen Porter", "food and beverage server", "operations", "35-9021"),
        # A chef de partie or commis chef is a chef by name and a restaurant cook by occupation (the chef row's
        # also_covers), with or without the hotel after the title.
        ("Commis Chef", "chef", "operations", "35-2014"),
        ("Chef de Partie  Award Winning Hotel  Live In", "chef", "operations", "35-2014"),
        # ...but the brigade's "chef de rang" waits at a station of the dining room's tables, a commis waiter
        # helps the waiters: front of house, no cooks (the word "chef" had made them head cooks).
        ("Chef de Rang", "food and beverage server", "operations", "35-3031"),
        ("Demi Chef de Rang - Fine Dining", "food and beverage server", "operations", "35-3031"),
        ("Head Chef de Rang", "food and beverage server", "operations", "35-3031"),
        ("Commis Waiter/Waitress", "food and beverage server", "operations", "35-9011"),
        ("Early Years Practitioner", "teaching assistant", "education", "39-9011"),
        ("Data Protection Officer", "compliance officer", "legal", "13-1041"),
        # Public-sector titles: plant operators run treatment plants, not machine tools; police and fire
        # supervisors belong to their services.
        ("Water Treatment Plant Operator", "production worker", "operations", "51-8031"),
        ("Police Sergeant", "police officer", "operations", "33-1012"),
        ("Fire Captain", "firefighter", "operations", "33-1021"),
        ("Social Services Worker", "care worker", "healthcare", "21-1093"),
        # UK warehouse, transport and hospitality titles.
        ("Stock Controller", "warehouse associate", "supply-chain", "43-5071"),
        # Admissions staff enrol students or admit patients; none of them teaches.
        ("Admissions Representative", "office clerk", "administrative", "43-4111"),
        ("Director of Admissions", "school administrator", "education", "11-9033"),
        ("Enrollment Counselor", "school administrator", "education", "21-1012"),
        ("Admissions Coordinator", "health technician", "healthcare", "29-2099"),
        # A police force's or sheriff's office's records and office staff are clerks, not officers.
        ("Police Records Specialist", "administrative assistant", "administrative", "43-4071"),
        ("Sheriff's Office Records Clerk", "office clerk", "administrative", "43-4071"),
        ("Police Officer - Records Unit", "police officer", "operations", "33-3051"),
        ("Deputy Sheriff", "police officer", "operations", "33-3051"),
        # A British warehouse names its receiving and dispatch bays "goods in" and "goods out".
        ("Goods In Operative", "warehouse associate", "supply-chain", "53-7062"),
        ("Goods Inwards Team Leader", "warehouse associate", "supply-chain", None),
        ("Goods Out Operative - Nights", "warehouse associate", "supply-chain", "53-7062"),
        ("7.5 Tonne Driver", "truck driver", "supply-chain", None),
        ("F&B Assistant - Hotel", "food and beverage server", "operations", None),
        ("Bar Supervisor", "restaurant manager", "operations", "35-1012"),
        ("Transport Manager", "logistics coordinator", "supply-chain", "11-3071"),
        # A later segment qualifies the job: this deputy manager manages, and must be a nurse.
        ("Deputy Manager (RGN)", "health services manager", "healthcare", "11-9111"),
        # A production operative works the line, whatever machine; a machine operator runs machines.
        ("Production Operative - Days", "production worker", "operations", None),
        ("Machine Operator", "machine operator", "operations", "51-9111"),
        # Food service and shop-floor clerks are not maintenance or office work.
        ("Food Service Worker", "food and beverage server", "operations", "35-3041"),
        ("Crew Member - Closing Shift", "food and beverage server", "operations", "35-3023"),
        ("Deli Clerk", "retail sales associate", "sales", None),
        ("Stock Clerk, Overnight", "warehouse associate", "supply-chain", None),
        ("Building Maintenance Worker", "maintenance technician", "operations", "49-9071"),
        # A plural title's last word is its plural; "Sales" is not.
        ("German Speaking Sales Executives", "account executive", "sales", "41-3091"),
        ("Sales Assistants - Weekends", "retail sales associate", "sales", "41-2031"),
        # Plant engineering is not software: a process engineer works a plant's process, not a chip fab's;
        # a quality engineer keeps O*NET's industrial engineers; only a bare "Engineer II" is software.
        ("Senior Process Engineer", "engineer", "engineering", "17-2112"),
        ("Engineer II - Process", "engineer", "engineering", "17-2112"),
        ("Field Engineer II", "electrical engineer", "engineering", "17-2071"),
        ("Quality Engineer II", "qa engineer", "quality-assurance", "17-2112"),
        ("Software Quality Engineer", "qa engineer", "quality-assurance", "15-1253"),
        ("Etch Process Engineer", "hardware engineer", "engineering", "17-2061"),
        ("Engineer V", "software engineer", "engineering", "15-1252"),
        # Words tech roles claimed name other work in other trades: a press brake, a mechanical designer, a
        # building's superintendent, a property or course developer, a project architect, securities.
        ("Press Brake Operator", "machine operator", "operations", "51-4031"),
        ("Press Officer", "communications specialist", "communications", "27-3031"),
        ("Mechanical Designer", "engineering technician", "engineering", "17-3013"),
        ("Website Designer", "product designer", "design", "15-1255"),
        ("School Superintendent", "school administrator", "education", "11-9032"),
        ("Construction Superintendent", "project manager", "project-management", "11-9021"),
        ("Business Developer", "business development manager", "business-development", None),
        ("Course Developer", "hr generalist", "human-resources", "13-1151"),
        ("Project Architect", "engineer", "engineering", "17-1011"),
        ("Securities Analyst", "financial analyst", "finance", None),
        ("Hotel Concierge", "personal service worker", "operations", "39-6012"),
        ("Marketing Support Specialist", "marketing specialist", "marketing", "13-1161"),
        ("Technical Support Specialist", "support engineer", "customer-success", "15-1232"),
        # Child day care is childcare; adult day care is care work.
        ("Child Care Assistant", "teaching assistant", "education", "39-9011"),
        ("Day Care Worker", "teaching assistant", "education", "39-9011"),
        ("Adult Day Care Assistant", "care worker", "healthcare", None),
        # Guarding is not information security, nor is fitting alarms; an information security officer
        # is no guard.
        ("Security Supervisor - Nights", "security guard", "operations", "33-1091"),
        ("Event Security", "security guard", "operations", "33-9032"),
        ("Security Systems Technician", "maintenance technician", "operations", "49-2098"),
        ("Information Security Officer", "security engineer", "security", "15-1212"),
        # Accounts and payroll clerks keep the books; a financial adviser advises people, not a company.
        ("Accounts Payable Clerk", "bookkeeper", "accounting", "43-3031"),
        ("Payroll Coordinator", "bookkeeper", "accounting", "43-3051"),
        ("Accounting Assistant", "bookkeeper", "accounting", "43-3031"),
        ("Independent Financial Adviser", "finance specialist", "finance", "13-2052"),
        # A machine shop is a workshop, not a store; construction trades are not project management; a
        # consultant named for a trade does that trade ("Travel Consultant" books travel).
        ("Machine Shop Supervisor", "production worker", "operations", "51-1011"),
        ("Store Supervisor", "retail sales associate", "sales", "41-1011"),
        ("Construction Supervisor", "construction worker", "operations", "47-1011"),
        ("Construction Inspector", "construction worker", "operations", "47-4011"),
        ("Construction Project Manager", "project manager", "project-management", "11-9021"),
        ("Travel Consultant", "sales representative", "sales", "41-3041"),
        ("Mortgage Consultant", "finance specialist", "finance", "13-2072"),
        ("Beauty Consultant", "retail sales associate", "sales", "41-2031"),
        ("Senior Consultant", "management consultant", "consulting", "13-1111"),
        # A nurse case manager is a nurse; a teacher's aide assists; a video editor keeps O*NET's editors.
        ("Case Manager RN", "registered nurse", "healthcare", "29-1141"),
        ("RN Case Manager", "registered nurse", "healthcare", "29-1141"),  # the licence written first
        # A call centre is a call center: British spelling, American pattern.
        ("Call Centre Agent", "customer service representative", "customer-success", "43-4051"),
        ("Call Center Agent", "customer service representative", "customer-success", "43-4051"),
        # An MOT tester tests vehicles, not software (a posting title naming its occupation outright).
        ("MOT Tester", "transportation worker", "operations", "53-6051"),
        # A groundskeeper whose title names no occupation the role covers gets the role's typical one.
        ("Grounds Maintenance Operative", "groundskeeper", "operations", "37-3011"),
        # A store detective is a shop's private security, no police detective.
        ("Store Detective", "security guard", "operations", "33-9021"),
        ("LPN Case Manager", "licensed practical nurse", "healthcare", "29-2061"),
        ("Teacher Aide", "teaching assistant", "education", "25-9042"),
        ("Video Editor", "graphic designer", "design", "27-4032"),
        # SOC's performers and sports workers, and its media equipment workers and producers, are roles of
        # their own, not writers (the function stays communications).
        ("Actor", "performer", "communications", "27-2011"),
        ("Professional Athlete", "performer", "communications", "27-2021"),
        ("Umpire", "performer", "communications", "27-2023"),
        ("Wedding Photographer", "media production worker", "communications", "27-4021"),
        ("Camera Operator", "media production worker", "communications", "27-4031"),
        ("Video Producer", "media production worker", "communications", "27-2012"),
        ("Senior Producer", "media production worker", "communications", "27-2012"),
        # A performer's word before another job's head is no performer; O*NET's music directors and an
        # ophthalmic photographer keep their codes.
        ("Athlete Marketing Agent", "marketing specialist", "marketing", "13-1161"),
        ("Actor Coach", "teacher", "education", "27-2022"),
        ("Music Producer", "performer", "communications", "27-2041"),
        ("Ophthalmic Photographer", "media production worker", "communications", "29-2099"),
        ("Executive Director", "chief executive officer", "operations", "11-1011"),
        ("Football Coach", "teacher", "education", "27-2022"),
        ("Journalist", "writer", "communications", "27-3023"),
        # SOC's illustrators are fine artists, its creative directors art directors, its visual merchandisers
        # merchandise displayers: the role keeps the occupation the title names.
        ("Book Illustrator", "graphic designer", "design", "27-1013"),
        ("Associate Creative Director", "graphic designer", "design", "27-1011"),
        ("Visual Merchandiser (Part Time)", "retail sales associate", "sales", "27-1026"),
        ("Graphic Designer", "graphic designer", "design", "27-1024"),
        ("Beauty Advisor", "retail sales associate", "sales", "41-2031"),
        # SOC's quality and validation engineers of products and plants are industrial engineers, a
        # hardware tester a hardware engineer: the QA role keeps them; software testers stay software's.
        ("Product Validation Engineer (EVT/DVT)", "qa engineer", "quality-assurance", "17-2112"),
        ("Process Validation Engineer", "qa engineer", "quality-assurance", "17-2112"),
        ("Manufacturing Quality Engineer", "qa engineer", "quality-assurance", "17-2112"),
        ("Hardware Test Engineer", "qa engineer", "quality-assurance", "17-2061"),
        ("QA Automation Engineer II", "qa engineer", "quality-assurance", "15-1253"),
        ("Test Engineer", "qa engineer", "quality-assurance", "15-1253"),
        # Titles a role's patterns name keep the occupation SOC gives them when it is the role's kind: a
        # purchasing specialist is O*NET's procurement clerk (no purchasing manager, the buyer row's SOC code
        # for a manager), a loan processor a loan clerk, a bank's compliance analyst a financial examiner, a
        # pharmacy assistant a pharmacy aide, a site superintendent a construction trades supervisor.
        ("Purchasing Specialist", "buyer", "supply-chain", "43-3061"),
        ("Mortgage Loan Processor", "finance specialist", "finance", "43-4131"),
        ("Compliance Analyst", "compliance officer", "legal", "13-2061"),
        ("Site Superintendent", "project manager", "project-management", "47-1011"),
        ("Procurement Manager", "buyer", "supply-chain", "11-3061"),
        ("Compliance Officer", "compliance officer", "legal", "13-1041"),
        # An information security manager or CISO manages information systems (SOC 11-3021), no analyst.
        ("Information Security Manager", "security engineer", "security", "11-3021"),
        ("Chief Information Security Officer", "security engineer", "security", "11-3021"),
        ("Security Engineer", "security engineer", "security", "15-1299"),
        # A crew's role keeps its first-line supervisors; an inventory clerk works the warehouse.
        ("Warehouse Supervisor", "warehouse associate", "supply-chain", "53-1043"),
        ("Shipping Supervisor", "supply planner", "supply-chain", "53-1042"),
        ("Inventory Clerk", "warehouse associate", "supply-chain", "53-7065"),
        # Public-sector titles: a school counselor works in education, an emergency communications officer
        # takes 911 calls (no public relations: public safety, the police role), a superintendent of schools runs a
        # district, an account clerk keeps books (O*NET's "New Accounts Clerks" open bank accounts).
        ("School Counselor", "school administrator", "education", "21-1012"),
        ("Academic Advisor", "school administrator", "education", "21-1012"),
        ("Emergency Communications Officer", "police officer", "operations", "43-5031"),
        ("Superintendent of Schools", "school administrator", "education", "11-9032"),
        ("Account Clerk", "bookkeeper", "accounting", "43-3031"),
        ("Payroll Technician", "bookkeeper", "accounting", "43-3051"),
        # Hospital titles O*NET lists elsewhere: a medical laboratory scientist runs clinical tests, a
        # biomedical technician repairs equipment, environmental services clean.
        ("Medical Laboratory Scientist - Nights", "health technician", "healthcare", "29-2011"),
        ("BMET II", "maintenance technician", "operations", "49-9062"),
        ("EVS Tech", "cleaner", "operations", "37-2011"),
        ("Housekeeping Aide", "cleaner", "operations", "37-2012"),
        # A grocery's front end is its checkouts; anti-money-laundering analysts do compliance work.
        ("Front End Manager", "retail sales associate", "sales", "41-1011"),
        ("Front End Developer", "frontend engineer", "engineering", "15-1254"),
        ("Keyholder", "retail sales associate", "sales", None),
        ("KYC Analyst", "compliance officer", "legal", "13-1041"),
        # Health and safety work is compliance with safety law, one role however O*NET files its titles
        # (occupational health and safety specialists, health and safety engineers, a "Safety Manager"
        # among security managers): no research scientist, no facilities manager, no financial advisor.
        ("Health and Safety Advisor", "compliance officer", "legal", "19-5011"),
        ("H&S Advisor", "compliance officer", "legal", "19-5011"),
        ("Safety Officer", "compliance officer", "legal", "19-5011"),
        ("Health and Safety Coordinator", "compliance officer", "legal", "17-2111"),
        ("Health & Safety Manager", "compliance officer", "legal", "11-3013"),
        ("Restaurant Inspector", "compliance officer", "legal", "19-5011"),
        # ...where an engineer of safety systems stays an engineer.
        ("Safety Engineer", "engineer", "engineering", "17-2111"),
        # A British gas engineer fits gas appliances; an oil and gas engineer engineers oil fields.
        ("Gas Engineer", "plumber", "operations", "47-2152"),
        ("Oil & Gas Engineer", "engineer", "engineering", "17-2171"),
        # Plant and utility technicians O*NET lists elsewhere; a structural engineer is a civil engineer.
        ("Instrumentation Technician", "maintenance technician", "operations", "49-9012"),
        ("I&C Technician II", "maintenance technician", "operations", "49-9012"),
        ("Reliability Technician", "maintenance technician", "operations", "49-9041"),
        ("Structural Engineer", "civil engineer", "engineering", "17-2051"),
        # A project coordinator is no engineering manager, a care navigator no ship's navigator, and sales
        # support supports sales ("sales" read in the singular too).
        ("Project Coordinator", "project manager", "project-management", "13-1082"),
        ("Care Navigator", "health technician", "healthcare", "29-2099"),
        ("Sales Support Specialist", "sales representative", "sales", None),
        ("Cleaning Personnel", "cleaner", "operations", "37-2011"),
        # Transport and training titles: an A&P mechanic keeps aircraft flying, UK cabin crew serve in the air,
        # a delivery associate drives, a fleet technician fixes trucks, an e-learning developer builds courses.
        ("A&P Mechanic", "maintenance technician", "operations", "49-3011"),
        ("Cabin Crew Member", "transportation worker", "operations", "53-2031"),
        ("Delivery Associate", "truck driver", "supply-chain", None),
        ("Fleet Technician", "maintenance technician", "operations", "49-3031"),
        ("E-Learning Developer", "hr generalist", "human-resources", "13-1151"),
        # An SAP module's consultant, analyst or lead configures the module for the business (a systems
        # analyst's work), not the servers, whatever module of the business it names; SAP Basis is SAP's own
        # administration.
        ("SAP MM Consultant", "it consultant", "information-technology", "15-1211"),
        ("Senior SAP FI/CO Consultant (Remote)", "it consultant", "information-technology", "15-1211"),
        ("SAP HCM Analyst", "it consultant", "information-technology", "15-1211"),
        ("SAP EWM Lead", "it consultant", "information-technology", "15-1211"),
        ("SAP Payroll Consultant", "it consultant", "information-technology", "15-1211"),
        ("Workday HR Consultant", "it consultant", "information-technology", "15-1211"),
        ("Oracle Finance Consultant", "it consultant", "information-technology", "15-1211"),
        ("SAP Basis Administrator", "system administrator", "information-technology", "15-1244"),
        ("SAP Basis Consultant", "system administrator", "information-technology", "15-1244"),
        # A VP or director written first heads what follows: the manager's role the title names, not the top
        # executive a bare "VP" is.
        ("VP, Marketing", "marketing director", "marketing", "11-2021"),
        ("Sr. VP - Brand Marketing", "marketing director", "marketing", "11-2021"),
        ("Vice President, Systems Engineering", "vp of engineering", "engineering", "11-9041"),
        # A manager of software engineers is a computer and information systems manager, as O*NET lists its
        # "Software Engineering Director" and "Systems Development Manager"; one of a plant's engineers is an
        # architectural and engineering manager.
        ("Software Engineering Manager", "engineering manager", "engineering", "11-3021"),
        ("Manager, Software Engineering", "engineering manager", "engineering", "11-3021"),
        ("Senior Software Development Manager", "engineering manager", "engineering", "11-3021"),
        ("Systems Engineering Manager", "engineering manager", "engineering", "11-3021"),
        ("Mechanical Engineering Manager", "engineering manager", "engineering", "11-9041"),
        ("Manufacturing Engineering Manager", "engineering manager", "engineering", "11-9041"),
        # A machine learning manager leads ML engineers, no learning and development manager; a product design
        # manager leads designers, no product manager.
        ("Machine Learning Manager", "engineering manager", "engineering", None),
        ("AI Engineering Manager", "engineering manager", "engineering", None),
        ("Product Design Manager", "product designer", "design", None),
        # "People" names human resources where it names a function: a people operations or "people and
        # culture" manager is an HR manager, not operations at large or a personal financial advisor.
        ("People Operations Manager", "hr generalist", "human-resources", "11-3121"),
        ("People and Culture Manager", "hr generalist", "human-resources", "11-3121"),
        ("People & Culture Advisor", "hr generalist", "human-resources", "13-1071"),
        ("HR Partner", "hr business partner", "human-resources", "13-1071"),
        ("Young People Support Worker", "care worker", "healthcare", "31-1122"),
        ("Senior Vice President, Products Division", "head of product", "product-management", "11-2021"),
        # A British service or field service engineer maintains and repairs equipment on site: the maintenance
        # technician's occupation, not the electrical or hardware engineer O*NET's closest title names. An
        # HVAC job of another kind is that kind's.
        ("Service Engineer", "maintenance technician", "operations", "49-9071"),
        ("Field Service Engineer - Catering Equipment", "maintenance technician", "operations", "49-9071"),
        ("HVAC Estimator", "project manager", "project-management", "13-1051"),
        ("HVAC Sales Representative", "sales representative", "sales", "41-4012"),
        # An estimating or cost engineer prices bids and projects, as an estimator does (O*NET lists
        # "Estimating Engineer" under logistics engineers).
        ("Estimating Engineer", "project manager", "project-management", "13-1051"),
        ("Estimation Engineer", "project manager", "project-management", "13-1051"),
        ("Senior Cost Engineer", "project manager", "project-management", "13-1051"),
        ("Proposal and Estimating Engineer", "project manager", "project-management", "13-1051"),
        # An engineer named by the network service or gear they run is a network engineer (DDI: DNS, DHCP
        # and IP address management).
        ("DDI Engineer", "network engineer", "information-technology", "15-1241"),
        ("Infoblox/DNS Engineer", "network engineer", "information-technology", "15-1241"),
        ("Firewall Engineer (Palo Alto)", "network engineer", "information-technology", "15-1241"),
        ("Cisco Engineer", "network engineer", "information-technology", "15-1241"),
        ("Routing and Switching Engineer", "network engineer", "information-technology", "15-1241"),
        ("WAN Engineer - Nights", "network engineer", "information-technology", "15-1241"),
        ("NOC Analyst", "network engineer", "information-technology", "15-1241"),
        # British "Administration" names the office's administrative work as "Administrative" does; an
        # insurer's claims handler settles claims: insurance is finance work.
        ("Administration Assistant", "administrative assistant", "administrative", "43-6014"),
        ("Administration Officer - Part Time", "administrative assistant", "administrative", "43-6014"),
        ("Administration Manager", "administrative assistant", "administrative", "11-3012"),
        ("Claims Handler", "finance specialist", "finance", "13-1031"),
        ("Claims Adjuster", "finance specialist", "finance", "13-1031"),
        # A designer of things other than rooms, an animator, an appraiser or an actuary keeps the occupation
        # the title names: not the interior designers, graphic designers or financial analysts whose role
        # patterns had claimed the word, nor the software engineers an actuary's SOC group is.
        ("Industrial Designer - Consumer Products", "designer", "design", "27-1021"),
        ("Landscape Designer", "designer", "design", "17-1012"),
        ("3D Animator", "designer", "design", "27-1014"),
        ("Residential Appraiser", "finance specialist", "finance", "13-2023"),
        ("Actuary", "finance specialist", "finance", "15-2011"),
        # A title a role's pattern names keeps the occupation it names within the role's kind (also_covers):
        # a nuclear design engineer is a nuclear engineer, a power systems engineer an electrical one, a doctor
        # of optometry an optometrist, a substation electrician a powerhouse and substation repairer, a casino cage
        # cashier a gambling cage worker, a QC microbiologist a microbiologist, a customer service supervisor a
        # supervisor, a clinical program manager a clinical research coordinator.
        ("Nuclear Design Engineer", "mechanical engineer", "engineering", "17-2161"),
        ("Power Systems Engineer - Substations", "systems engineer", "engineering", "17-2071"),
        ("Doctor of Optometry", "physician", "healthcare", "29-1041"),
        ("Substation Electrician", "electrician", "operations", "49-2095"),
        ("Casino Cage Cashier", "cashier", "sales", "43-3041"),
        ("Quality Control Microbiologist", "qa engineer", "quality-assurance", "19-1022"),
        ("Customer Service Supervisor", "customer service representative", "customer-success", "43-1011"),
        ("Clinical Program Manager", "project manager", "project-management", "11-9121"),
        ("Statistical Scientist", "research scientist", "research", "15-2041"),
        # A nurse anesthetist, a first assistant in surgery or a nursing informatics analyst is a nurse who
        # keeps the occupation the title names; a research engineer keeps the engineering occupation.
        ("Nurse Anesthetist (CRNA) - Nights", "registered nurse", "healthcare", "29-1151"),
        ("RN First Assistant - Cardiac Surgery", "registered nurse", "healthcare", "29-9093"),
        ("Nursing Informatics Analyst", "registered nurse", "healthcare", "15-1211"),
        ("Research Engineer, Fuel Cells", "research scientist", "research", "17-2141"),
        # A machine operator, welder or fabricator of an office, kitchen or construction trade keeps that
        # occupation, not the CNC operator the row stands for.
        ("Copy Machine Operator (Nights)", "machine operator", "operations", "43-9071"),
        ("Dish Machine Operator - Hotel", "machine operator", "operations", "35-9021"),
        ("Boilermaker Welder - Shutdowns", "machine operator", "operations", "47-2011"),
        ("Sheet Metal Fabricator - HVAC", "machine operator", "operations", "47-2211"),
        # A ship's or structural steel fitter fits steel (structural metal fitters), a patient service
        # technician draws blood, an HVAC instructor teaches; a grounds, broadcast or die maintenance worker
        # keeps that occupation. (A bare British "Fitter" is still a maintenance fitter.)
        ("Ship Fitter - Naval Yard", "production worker", "operations", "51-2041"),
        ("Structural Steel Fitter", "production worker", "operations", "51-2041"),
        ("Patient Service Technician - Lab", "healthcare support worker", "healthcare", "31-9097"),
        ("HVAC Instructor", "teacher", "education", "25-1194"),
        ("Outside Maintenance Worker", "maintenance technician", "operations", "37-3011"),
        ("Broadcast Maintenance Engineer", "maintenance technician", "operations", "27-4012"),
        ("Die Maintenance Technician", "maintenance technician", "operations", "51-4033"),
        ("Fitter", "maintenance technician", "operations", "49-9071"),
        # An emergency dispatcher serves public safety (the police role, O*NET's public safety
        # telecommunicators), a truck dispatcher freight; a cake decorator bakes, a car wash attendant cleans.
        ("911 Dispatcher - Nights", "police officer", "operations", "43-5031"),
        ("Fire Dispatcher", "police officer", "operations", "43-5031"),
        ("Truck Dispatcher", "logistics coordinator", "supply-chain", "43-5032"),
        ("Cake Decorator", "production worker", "operations", "51-3011"),
        ("Car Wash Attendant", "cleaner", "operations", "53-7061"),
        # A British ledger clerk or legal cashier keeps accounts: a bookkeeper, not an office clerk or cashier.
        ("Purchase Ledger Clerk", "bookkeeper", "accounting", "43-3031"),
        ("Legal Cashier - Conveyancing", "bookkeeper", "accounting", "43-3031"),
        # A British co-ordinator coordinates and a co-manager manages: no correctional officer ("CO").
        ("Project Co-ordinator", "project manager", "project-management", "13-1082"),
        ("Events Co-ordinator - London", "marketing manager", "marketing", "13-1121"),
        ("Co-Manager", "operations manager", "operations", "11-1021"),
        # A role keeps the occupations of its kind its titles name: a vehicle cleaner, a credit analyst, a network consultant, an engineering consultant, a parts sales
        # supervisor, an advertising sales manager.
        ("Aircraft Cleaner - Nights", "cleaner", "operations", "53-7061"),
        ("Credit Risk Analyst", "financial analyst", "finance", "13-2041"),
        ("Network Systems Consultant", "it consultant", "information-technology", "15-1241"),
        ("Consulting Engineer - Water", "management consultant", "consulting", "17-2051"),
        ("Parts Sales Manager", "sales manager", "sales", "41-1011"),
        ("Advertising Sales Manager", "sales manager", "sales", "11-2011"),
        # A customer support representative keeps O*NET's customer service representatives; a technical
        # support specialist stays a computer user support specialist.
        ("Customer Support Representative - Billing", "support engineer", "customer-success", "43-4051"),
        ("Technical Support Specialist", "support engineer", "customer-success", "15-1232"),
        # A QA or quality assurance inspector inspects products (the inspectors' row and occupation), not
        # software; a quality control technician stays O*NET's quality control analyst.
        ("QA Inspector - Nights", "quality inspector", "quality-assurance", "51-9061"),
        ("Quality Assurance Inspector (Food)", "quality inspector", "quality-assurance", "51-9061"),
        ("Quality Control Technician", "qa engineer", "quality-assurance", "19-4099"),
        # A title ending in a teaching head teaches what its other words name; a role whose own pattern
        # names the head ("fitness instructor", "nursing lecturer") still reads it.
        ("Accounting Instructor - Evening Classes", "teacher", "education", "25-1011"),
        ("Data Science Tutor", "teacher", "education", "25-3041"),
        ("Culinary Chef Instructor", "teacher", "education", "25-3021"),
        ("Cybersecurity Lecturer", "professor", "education", "25-1199"),
        ("Personal Trainer and Fitness Instructor", "personal service worker", "operations", "39-9031"),
        ("Nursing Lecturer", "professor", "education", "25-1072"),
        # A support specialist, representative or agent supports software and its users only when the title
        # says so or names nothing else: a learning, logistics, payroll or maintenance support specialist
        # supports that field, and takes the occupation its words name.
        ("Learning Support Specialist", "director of curriculum", "education", "25-9031"),
        ("Logistics Support Specialist", "supply planner", "supply-chain", "13-1081"),
        ("Maintenance Support Specialist", "maintenance technician", "operations", "49-9071"),
        ("Business Support Specialist", "business operations specialist", "operations", "13-1199"),
        ("Payment Support Agent - Danish speaking", None, "customer-success", "43-4051"),
        ("Support Specialist", "support engineer", "customer-success", "15-1232"),
        ("Senior Support Specialist", "support engineer", "customer-success", "15-1232"),
        ("Tier 2 Support Specialist", "support engineer", "customer-success", "15-1232"),
        ("Technical Support Specialist", "support engineer", "customer-success", "15-1232"),
        ("Product Support Specialist", "support engineer", "customer-success", "15-1232"),
        # A bracketed abbreviation of the title says the title again, no other job ("CMO", "CSM").
        ("Continuous Miner Operator (CMO)", "construction worker", "operations", "47-5041"),
        ("Casino Shift Manager (CSM)", "operations manager", "operations", "39-1013"),
        ("Chief Diversity Officer (CDO)", "chief executive officer", "operations", "11-1011"),
        # A scientist O*NET codes to a health practitioner keeps it: an exercise scientist is no computer
        # research scientist, the research role's own occupation; a laboratory scientist is still a health
        # technologist's role (above).
        ("Exercise Scientist", "research scientist", "research", "29-1128"),
        # A proofreader checks writing (a writer's role): O*NET's proofreaders, not a public relations manager.
        ("Proofreader - Legal", "writer", "communications", "43-9081"),
        # A production engineer engineers a plant's production (O*NET's industrial engineers, in every
        # industry the index spans); a site reliability engineer runs software in production.
        ("Production Engineer - Plastics", "engineer", "engineering", "17-2112"),
        ("Production Engineer", "engineer", "engineering", "17-2112"),
        ("Site Reliability Engineer", "site reliability engineer", "engineering", "15-1244"),
        # A title ending in a serving head recruits whom its other words name: the recruiter's row and
        # occupation, though the words before the head name a role and an occupation of their own.
        ("Software Engineer Recruiter", "recruiter", "human-resources", "13-1071"),
        ("CDL Truck Driver Recruiter - Remote", "recruiter", "human-resources", "13-1071"),
        ("Data Scientist Recruiter", "recruiter", "human-resources", "13-1071"),
        ("Registered Nurse Recruiters", "recruiter", "human-resources", "13-1071"),
        ("Accountant Headhunter", "recruiter", "human-resources", "13-1071"),
        # Frontline security work guards, screens or drives (security guards, transportation screeners); a
        # physical security specialist or loss prevention manager keeps that occupation in the guards' role;
        # an information systems security officer and an alarm installer are no guards.
        ("Security Agent - Airport", "security guard", "operations", "33-9032"),
        ("TSA Security Screener", "security guard", "operations", "33-9093"),
        ("Physical Security Specialist", "security guard", "operations", "13-1199"),
        ("Loss Prevention Manager - Distribution", "security guard", "operations", "11-9199"),
        ("Information Systems Security Officer", "security engineer", "security", "15-1212"),
        ("Home Security Alarm Installer", "maintenance technician", "operations", "49-2098"),
        ("Security Messenger", "logistics coordinator", "supply-chain", "43-5021"),
        # A nursing instructor teaches; a market researcher researches markets, no scientist.
        ("Nursing Instructor - Clinical", "teacher", "education", "25-1072"),
        ("Market Researcher - Consumer Goods", "marketing specialist", "marketing", "13-1161"),
        ("Market Research Associate, Healthcare", "marketing specialist", "marketing", "13-1161"),
        ("Market Research Manager", "marketing manager", "marketing", "11-2021"),
        # A chief nursing officer manages nursing, no staff nurse; a production, air traffic or document
        # controller controls no company's books; a dining or locker room attendant cleans no hotel rooms.
        ("Chief Nursing Officer (CNO)", "health services manager", "healthcare", "11-9111"),
        ("Nursing Home Administrator", "health services manager", "healthcare", "11-9111"),
        ("Production Controller - Nights", "supply planner", "supply-chain", "43-5061"),
        ("Enroute Air Traffic Controller", "transportation worker", "operations", "53-2021"),
        ("Document Controller", "administrative assistant", "administrative", "15-1299"),
        ("Dining Room Attendant", "food and beverage server", "operations", "35-9011"),
        # A construction trade's mechanic is that trade's worker (a US elevator or tile mechanic), not a general
        # maintenance worker, though the maintenance technician's pattern names the mechanic.
        ("Elevator Mechanic", "maintenance technician", "operations", "47-4021"),
        ("Tile Mechanic - Commercial", "maintenance technician", "operations", "47-2044"),
        # A forklift truck driver drives a forklift, not a lorry; a purchasing coordinator keeps the clerk's
        # occupation the title names, an accounts payable supervisor the office supervisor's.
        ("Forklift Truck Driver - Nights", "forklift operator", "supply-chain", "53-7051"),
        ("Fork Truck Driver", "forklift operator", "supply-chain", "53-7051"),
        ("Purchasing Coordinator", "supply planner", "supply-chain", "43-3061"),
        ("Accounts Payable Supervisor", "accountant", "accounting", "43-1011"),
        # A communications engineer or technician builds networks and radio links; the PR role's word is not
        # theirs.
        ("Satellite Communications Engineer", "network engineer", "information-technology", "15-1241"),
        ("Communications Technician", "maintenance technician", "operations", "49-2022"),
        # A copywriter writes (writers and authors), a private chef cooks in a household, a network support
        # specialist supports networks, a dry cleaner cleans clothes; a plant's reliability engineer is no
        # site reliability engineer.
        ("Freelance Copywriter", "content marketing specialist", "marketing", "27-3043"),
        ("Private Chef", "chef", "operations", "35-2013"),
        ("Network Support Specialist", "support engineer", "customer-success", "15-1231"),
        ("Dry Cleaner", "cleaner", "operations", "51-6011"),
        ("Reliability Engineer - Manufacturing", "engineer", "engineering", "17-2112"),
        # A British registrar is a doctor; a museum's or a university's keeps records.
        ("Specialty Registrar - Cardiology", "physician", "healthcare", "29-1229"),
        ("Museum Registrar", "librarian", "education", "25-4013"),
        ("University Registrar", "school administrator", "education", "11-9033"),
        # A consultant of a field of business that IT or technical work names is that field's: recruiters
        # recruiting for IT, accountants of technical accounting.
        ("Technical Recruitment Consultant", "recruiter", "human-resources", None),
        ("IT Recruitment Consultant", "recruiter", "human-resources", None),
        ("SAP Recruitment Consultant", "recruiter", "human-resources", None),
        ("Technical Accounting Consultant", "accountant", "accounting", None),
        ("Technical Marketing Consultant", "marketing specialist", "marketing", None),
        # An event coordinator is a marketing role that keeps its occupation, event planners (also_covers).
        ("Events Coordinator - Conferences", "marketing manager", "marketing", "13-1121"),
        # A profession's helper, aide or technician assists the profession: the helper's occupation and role.
        ("Electricians Helper - Commercial", "construction worker", "operations", "47-3013"),
        ("Carpenter Helper", "construction worker", "operations", "47-3012"),
        ("Pharmacist Technician", "pharmacy technician", "healthcare", "29-2052"),
        ("Veterinarian Assistant (Small Animal)", "healthcare support worker", "healthcare", "31-9096"),
        # ... also when the helper's occupation is a closer title than the words ("Occupational Therapy
        # Assistant" for a "Therapy Assistant"): the head says the job is the helper's, not the therapist's.
        ("Therapy Assistant", "healthcare support worker", "healthcare", "31-2011"),
        ("Therapist Aide - Outpatient Clinic", "healthcare support worker", "healthcare", "31-2022"),
        ("Speech and Language Therapy Assistant", "healthcare support worker", "healthcare", "31-9099"),
        # A physical therapy tech is the physical therapist's aide (posting_titles.tsv); it had reached a
        # health technologist only by O*NET's closest title, a respiratory therapy technician's.
        ("Physical Therapy Tech", "healthcare support worker", "healthcare", "31-2022"),
        ("Personal Assistant", "executive assistant", "administrative", None),  # no profession to assist
        # Initials with dots read as the abbreviation; a BDM develops business.
        ("V.P. of Sales", "vp of sales", "sales", "11-2022"),
        ("L.P.N. - Long Term Care", "licensed practical nurse", "healthcare", "29-2061"),
        ("Staff R.N.", "registered nurse", "healthcare", "29-1141"),
        ("Senior BDM", "business development manager", "business-development", "11-2022"),
        # "Vet" before a nurse or assistant is veterinary, as before "Tech": no registered nurse.
        ("Vet Nurse", "healthcare support worker", "healthcare", "29-2056"),
        ("Registered Vet Nurse - Small Animal", "healthcare support worker", "healthcare", "29-2056"),
        ("Vet Assistant", "healthcare support worker", "healthcare", "31-9096"),
        # O*NET names the occupation "Veterinary Assistants and …"; its one alternate title with the words
        # is a technician's.
        ("Veterinary Assistant - Small Animal Clinic", "healthcare support worker", "healthcare", "31-9096"),
        # An animal's or pet's care assistant is no care worker of people.
        ("Animal Care Assistant", "healthcare support worker", "healthcare", "31-9096"),
        # A business development role's own occupation is the sales managers' (O*NET lists "Business
        # Development Manager" there); a fundraiser's title keeps the fundraisers' code.
        ("Partner Manager", "business development manager", "business-development", "11-2022"),
        (
            "Head of US Business Development",
            "business development manager",
            "business-development",
            "11-2022",
        ),
        ("Major Gifts Officer", "business development manager", "business-development", "13-1131"),
        # A police or fire role's own occupation is the officers', not their supervisors' ("Police Cadet" is
        # no sergeant; O*NET's one "Cadet" is a ship's).
        ("Police Cadet", "police officer", "operations", "33-3051"),
        ("Police Sergeant", "police officer", "operations", "33-1012"),
        # A grounds crew's supervisor supervises groundskeepers, not cleaners.
        ("Grounds Supervisor", "groundskeeper", "operations", "37-1012"),
        ("Golf Course Superintendent", "groundskeeper", "operations", "37-1012"),
        ("Housekeeping Supervisor", "cleaner", "operations", "37-1011"),
        # British healthcare titles O*NET lacks: a dental therapist, a ward pharmacy technician.
        ("Dental Therapist", "healthcare practitioner", "healthcare", "29-1292"),
        ("Medicines Management Technician", "pharmacy technician", "healthcare", "29-2052"),
        # A head written before "IT" manages it: no system administrator.
        ("Director of IT", "it manager", "information-technology", "11-3021"),
        ("Director, IT", "it manager", "information-technology", "11-3021"),
        ("VP of IT", "it manager", "information-technology", "11-3021"),
        ("Lead IT Support Engineer", "it support", "information-technology", "15-1232"),
        # A hospital's patient or cancer registrar, and a registrar's assistant, keep records; a bare British
        # "Registrar" is a doctor's grade.
        ("ED Patient Registrar - Nights", "health technician", "healthcare", "29-2099"),
        ("Tumor Registrar", "healthcare practitioner", "healthcare", "29-9021"),
        ("Cancer Registrar", "healthcare practitioner", "healthcare", "29-9021"),
        ("Registrar Assistant", None, "administrative", "43-9061"),
        ("Specialty Registrar in Anaesthetics", "physician", "healthcare", "29-1229"),
        # A council's civil registrar registers births, deaths and marriages: a municipal clerk, no doctor.
        ("Civil Registrar", "office clerk", "administrative", "43-4031"),
        ("Superintendent Registrar", "office clerk", "administrative", "43-4031"),
        ("Registrar of Births, Deaths and Marriages", "office clerk", "administrative", "43-4031"),
        ("Registration Officer - Register Office", "office clerk", "administrative", "43-4031"),
        # A British support worker cares for people; one in housing, a hostel, a refuge, a peer service or
        # a family's support assists social services, no home health aide.
        ("Support Worker Job Leeds", "care worker", "healthcare", "31-1122"),
        ("Support Worker - Domiciliary Care", "care worker", "healthcare", "31-1122"),
        ("Floating Support Worker - Leeds", "care worker", "healthcare", "21-1093"),
        ("Tenancy Support Worker", "care worker", "healthcare", "21-1093"),
        ("Refuge Worker", "care worker", "healthcare", "21-1093"),
        ("Peer Support Worker", "care worker", "healthcare", "21-1093"),
        ("Early Help Practitioner", "care worker", "healthcare", "21-1093"),
        ("Family Support Worker Job Oxfordshire", "care worker", "healthcare", "21-1093"),
        ("Trainee PWP", "therapist", "healthcare", "21-1014"),
        ("Care Worker", "care worker", "healthcare", "31-1121"),
        # A nursing home is where the job is, not nursing: its aides, activity staff and technicians keep
        # their own jobs; a nurse there, written RGN or RMN, is still a nurse.
        ("Laundry Aide - Nursing Home", "production worker", "operations", "51-6011"),
        ("Activities Coordinator - Nursing Facility", "personal service worker", "operations", "39-9032"),
        ("COTA - Skilled Nursing Facility", "healthcare support worker", "healthcare", "31-2011"),
        ("Maintenance Technician - Nursing Home", "maintenance technician", "operations", "49-9071"),
        ("RMN, Elderly Care Nursing Home Newcastle", "registered nurse", "healthcare", "29-1141"),
        ("Nursing - Med/Surg", "registered nurse", "healthcare", "29-1141"),
        # A British lorry licence's category (C, C1, C+E) is no Caterpillar: O*NET's "CAT Driver" drives a
        # tractor; "Cat C Driver" drives a lorry.
        ("Cat C Driver", "truck driver", "supply-chain", "53-3032"),
        ("HGV Cat C+E Driver", "truck driver", "supply-chain", "53-3032"),
        ("Category C1 Driver - Nights", "truck driver", "supply-chain", "53-3032"),
        ("CAT Driver", "forklift operator", "supply-chain", "53-7051"),
        # A British trade "engineer" maintains the kit it names: operations work, not an engineering degree's.
        ("Refrigeration Engineer - F-Gas", "maintenance technician", "operations", "49-9021"),
        ("Fire Alarm Engineer", "maintenance technician", "operations", "49-2098"),
        # A British "Executive" is staff of the field it names.
        ("Underwriting Executive", "finance specialist", "finance", "13-2053"),
        # A bus or coach licence's driver drives passengers, not a truck and not a class.
        ("PCV Driver", "driver", "operations", "53-3052"),
        ("PSV Driver - Coaches", "driver", "operations", "53-3052"),
        # The unit of a stated rate of pay names no HR job.
        ("HHA - $20/hr", "care worker", "healthcare", "31-1121"),
        ("Roustabout $22/hr", "construction worker", "operations", "47-5071"),
        ("Refuse Collector £12.20/hr", "transportation worker", "operations", "53-7081"),
        ("HR Assistant - $22/hr", "hr generalist", "human-resources", "43-4161"),
        # British "resourcing" is recruiting.
        ("Resourcing Advisor", "recruiter", "human-resources", "13-1071"),
        ("Resourcing Partner - Technology", "recruiter", "human-resources", "13-1071"),
        # A rank written between the field and the head ranks the manager, as written before the field does
        # ("Assistant Pub Manager"): a "Pub Assistant Manager" manages a pub, a "Warehouse Assistant Manager"
        # a warehouse; no pub or warehouse assistant. The rank alone, or a rank word naming no rank, is read
        # as before.
        ("Pub Assistant Manager", "restaurant manager", "operations", "11-9051"),
        ("Cafe Assistant Manager - Leeds", "restaurant manager", "operations", "11-9051"),
        ("Pub Deputy Manager", "restaurant manager", "operations", "11-9051"),
        ("Warehouse Assistant Manager", "logistics coordinator", "supply-chain", "11-3071"),
        ("Pharmacy Assistant Manager", "health services manager", "healthcare", "11-9111"),
        ("Warehouse Assistant", "warehouse associate", "supply-chain", "53-7065"),
        ("Pharmacy Assistant", "pharmacy technician", "healthcare", "31-9095"),
        ("Assistant Manager", "operations manager", "operations", "11-1021"),
        ("Associate Product Manager", "associate product manager", "product-management", "11-2021"),
        # A title that manages a unit, whose role's own occupation is staff, is its field's manager when the
        # role covers that manager: no planning clerk, though the matcher reads only "Director" or "General
        # Manager" in it. A crew's lead is no unit's manager, and a staff title keeps its occupation.
        ("Warehouse Director", "supply planner", "supply-chain", "11-3071"),
        ("Head of Warehouse", "supply planner", "supply-chain", "11-3071"),
        ("Logistics General Manager", "supply planner", "supply-chain", "11-3071"),
        ("General Manager, Logistics", "supply planner", "supply-chain", "11-3071"),
        ("VP Supply Chain", "supply planner", "supply-chain", "11-3071"),
        ("Marina Director", "operations manager", "operations", "11-9072"),
        ("Procurement Lead", "supply planner", "supply-chain", "43-5061"),
        ("Inventory Planner", "supply planner", "supply-chain", "43-5061"),
    ],
)
def test_classify_posting_roles_functions_and_occupations(
    title: str, role: str | None, function: str, soc: str | None
) -> None:
    result = classify_posting(title)
    assert (result.role, result.function) == (role, function)
    assert result.occupation is not None
    if soc is not None:
        assert result.occupation.soc == soc


@pytest.mark.parametrize(
    ("title", "role", "soc"),
    [
        # A manager's field named with no word that says the job manages is the field's staff job: an
        # intern, trainee, officer, assistant or coordinator of marketing, finance or operations is no
        # manager (SOC codes a trainee to the occupation trained for, not to its managers).
        ("Marketing Intern", "marketing specialist", "13-1161"),
        ("Graduate Marketing Trainee", "marketing specialist", "13-1161"),
        ("Marketing Officer", "marketing specialist", "13-1161"),
        ("Marketing Team Member", "marketing specialist", "13-1161"),
        ("Finance Intern", "finance specialist", "13-2099"),
        ("Finance Officer - Charity", "finance specialist", "13-2099"),
        ("Operations Assistant", "business operations specialist", "13-1199"),
        ("Operations Coordinator (Fixed Term)", "business operations specialist", "13-1199"),
        ("Field Operations Specialist", "business operations specialist", "13-1199"),
        # The British "Executive" is a grade of staff, not a manager.
        ("Operations Executive", "business operations specialist", "13-1199"),
        ("Communications Officer", "communications specialist", "27-3031"),
        ("Internal Communications Intern", "communications specialist", "27-3031"),
        # O*NET's "Communications Assistant" helps speech pathologists; a communications team's is in PR.
        ("Communications Assistant", "communications specialist", "27-3031"),
        # Communications equipment is no field of public relations.
        ("Signal and Communications Maintainer", "maintenance technician", "49-9097"),
        ("Communications Systems Technician", "maintenance technician", "49-2021"),
        # A word that says it manages keeps the manager, in the singular or the plural, before or after.
        ("Marketing Lead", "marketing manager", "11-2021"),
        ("Marketing ManagerLondon", "marketing manager", "11-2021"),  # a lost space
        ("Operations Supervisor", "operations manager", None),
        ("General Managers", "operations manager", "11-1021"),
        ("Director Production Operations - Online", "operations manager", "11-1021"),
        ("Head of Finance", "finance manager", "11-3031"),
        # A title the manager's row names by its own pattern keeps the row, in the plural too.
        ("Investor Relations Associate", "finance manager", "11-3031"),
        # A row whose pattern names its manager's field ("digital marketing") keeps a staff occupation of
        # the field the title names, not the row's own manager; a word that manages, a founder, keeps it.
        ("Digital Marketing Specialist", "growth marketing manager", "13-1161"),
        ("Digital Marketing Intern", "growth marketing manager", "13-1161"),
        ("Performance Marketing Specialist", "growth marketing manager", "13-1161"),
        ("Product Marketing Specialist", "product marketing manager", "13-1161"),
        ("Digital Marketing Manager", "growth marketing manager", "11-2021"),
        ("Co-Founder, E-Commerce", "chief executive officer", "11-1011"),
        ("SVP & Executive GM - Network Operations Unit", "operations manager", None),
        ("Head of Communications", "communications manager", "11-2032"),
        ("PR Manager", "communications manager", "11-2032"),
        # A curriculum writer keeps O*NET's training specialists, a curriculum title no other code the
        # instructional coordinators' (O*NET's curriculum directors), not a school administrator's.
        ("Curriculum Writer", "director of curriculum", "13-1151"),
        ("Curriculum Lead - Primary", "director of curriculum", "25-9031"),
        # A board governs.
        ("Board of Trustees, Institute for Public Relations", "communications manager", None),
        # A manager's field is no profession whose helper an assistant is ("Electrician Helper" is), unless
        # the index knows the whole title as the helper's.
        ("Sales and Marketing Assistant (Graduate)", "marketing specialist", "13-1161"),
        ("Finance Assistant", "bookkeeper", "43-3031"),
        # A role's own pattern names the job before any manager's field does, in the plural too.
        ("Operations Analysts", "data analyst", "15-2031"),
    ],
)  # fmt: skip
def test_a_managers_field_alone_names_its_staff_role(title: str, role: str, soc: str | None) -> None:
    result = classify_posting(title)
    assert result.role == role
    assert result.occupation is not None
    if soc is not None:
        assert result.occupation.soc == soc


@pytest.mark.parametrize(
    ("title", "role", "function"),
    [
        # "Principal" heads a school alone, acting or interim, or where the title says which school …
        ("Principal", "school administrator", "education"),
        ("Interim Principal", "school administrator", "education"),
        ("Elementary Principal", "school administrator", "education"),
        ("Principal - Elementary", "school administrator", "education"),
        # … elsewhere it is a rank: a principal of a bank's trade review or a consultancy is no educator.
        ("Trade Review Principal", None, None),
        ("Senior analyst, Principal", "management consultant", "consulting"),
    ],
)
def test_a_principal_is_a_schools_only_where_the_title_says_so(
    title: str, role: str | None, function: str | None
) -> None:
    assert classify_role(title) == (role, function)


@pytest.mark.parametrize(
    ("title", "role"),
    [
        # Sales named alone is a sales representative's (no single occupation of its own: the title names
        # none), beside a word that says it manages a sales manager's.
        ("Sales Intern", "sales representative"),
        ("Graduate Sales Trainee", "sales representative"),
        ("Team Leader for Foreign Sales", "sales manager"),
        ("Strategy V.P. & MENA Sales", "sales manager"),
    ],
)
def test_sales_named_alone(title: str, role: str) -> None:
    assert classify_role(title) == (role, "sales")


@pytest.mark.parametrize(
    ("title", "role", "function"),
    [
        # British "new business" is winning new clients: its executive or consultant sells, its director or
        # lead develops the business; no chief executive (O*NET's "Business Executive") or consultant.
        ("New Business Executive", "account executive", "sales"),
        ("New Business Consultant - Recruitment", "account executive", "sales"),
        ("New Business Director", "business development manager", "business-development"),
        ("New Business Lead", "business development manager", "business-development"),
    ],
)
def test_new_business_is_sales(title: str, role: str, function: str) -> None:
    assert classify_role(title) == (role, function)


@pytest.mark.parametrize(
    ("title", "role"),
    [
        # A catch-all manager's staff role is a catch-all too: a vague "Operations Associate" is what its
        # description makes it, as it was when the field named an operations manager.
        ("Operations Associate", "warehouse associate"),
        # ...and so is one O*NET lists (an operations assistant, a secretary's title): its description names
        # the job.
        ("Operations Assistant", "warehouse associate"),
        # Other fields' staff roles keep the title, as their managers' rows did.
        ("Marketing Team Member", "marketing specialist"),
    ],
)
def test_a_catch_alls_staff_role_is_read_by_the_description(title: str, role: str) -> None:
    text = "As a Warehouse Associate you will pick and pack orders in our distribution centre."
    assert classify_posting(title, None, text).role == role


def test_a_catch_alls_staff_title_its_description_restates_keeps_its_role() -> None:
    # The introduction names the title again, no other job: the title's role stands, not the artillery crew
    # O*NET lists the words under.
    text = "This is a full-time role as a Field Operations Specialist, inspecting our rental properties."
    assert (
        classify_posting("Field Operations Specialist", None, text).role == "business operations specialist"
    )


@pytest.mark.parametrize(
    "row",
    [
        {"role": "x manager", "function": "marketing", "patterns": ["x manager"], "staff": "x manager"},
        {
            "role": "x manager",
            "function": "marketing",
            "patterns": ["x manager"],
            "field": ["x"],
            "staff": "y",
        },
    ],
)
def test_a_staff_role_needs_a_field_and_a_named_role(
    row: dict[str, object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = tmp_path / "roles.jsonl"
    rows.write_text(json.dumps(row), encoding="utf-8")
    monkeypatch.setattr("extract.roles.ROLES_FILE", rows)
    taxonomy.cache_clear()
    try:
        with pytest.raises(ValueError, match="'x manager': a staff role needs a field"):
            taxonomy()
    finally:
        taxonomy.cache_clear()


@pytest.mark.parametrize(
    ("title", "role", "function"),
    [
        # No pattern names these roles: the occupation does, through the role rows' SOC prefixes.
        ("Dishwasher", "food and beverage server", "operations"),
        ("Roofer Helper", "construction worker", "operations"),
        ("Orthotist", "health technician", "healthcare"),
    ],
)
def test_classify_posting_role_from_occupation_prefix(title: str, role: str, function: str) -> None:
    assert classify_role(title) == (role, function)


def test_roles_every_soc_major_group_lands_in_a_role() -> None:
    from extract.occupations import Occupation
    from extract.roles import role_from_occupation

    groups = ["11", "13", "15", "17", "19", "21", "23", "25", "27", "29", "31", "33", "35", "37", "39",
              "41", "43", "45", "47", "49", "51", "53", "55"]  # fmt: skip
    for group in groups:
        assert role_from_occupation(Occupation(f"{group}-1011.00", "", "")) is not None, group


@pytest.mark.parametrize(
    ("code", "role"),
    [
        # Mathematical science occupations are data work, actuaries finance: no software engineering, the
        # row whose broad prefix "15" caught every code of the group no other row lists.
        ("15-2099.01", "data scientist"),
        ("15-2099.00", "data scientist"),
        ("15-2011.00", "finance specialist"),
        ("15-2031.00", "data analyst"),
        ("15-1252.00", "software engineer"),
    ],
)
def test_role_from_occupation_mathematical_science(code: str, role: str) -> None:
    from extract.occupations import Occupation
    from extract.roles import role_from_occupation

    found = role_from_occupation(Occupation(code, "", ""))
    assert found is not None and found.name == role


@pytest.mark.parametrize(
    ("soc", "own"),
    [(("29-1141", "29-2"), "29-1141.00"), (("15-1244", "15-1299.01"), "15-1244.00"),
     (("15-1299.01",), "15-1299.01"), (("53-3", "53"), None), ((), None)],
)  # fmt: skip
def test_role_own_occupation_is_its_first_listed_occupation(soc: tuple[str, ...], own: str | None) -> None:
    assert Role("r", "operations", re.compile("r"), soc=soc).own_occupation == own


def test_a_role_of_many_occupations_has_none_of_its_own() -> None:
    # It claims a full code for titles that name no role, but a title its pattern names keeps its own.
    role = Role("r", "education", re.compile("r"), soc=("25", "27-2022"), has_own_occupation=False)
    assert role.own_occupation is None
    assert next(r for r in taxonomy().roles if r.name == "teacher").own_occupation is None


def test_every_occupation_a_role_names_is_an_onet_occupation() -> None:
    for role in taxonomy().roles:
        for code in filter(None, (role.own_occupation, role.directs, *[c for c in role.soc if len(c) == 10])):
            assert occupation_title(code) is not None, (role.name, code)


@pytest.mark.parametrize(
    ("role", "own"),
    [
        # A posting of the role whose title names no occupation it covers gets this code: the role's typical
        # occupation, not the first specialty its data happened to list (chiropractors, driver/sales workers).
        ("physician", "29-1229.00"),
        ("truck driver", "53-3032.00"),
        ("teaching assistant", "25-9042.00"),
        ("registered nurse", "29-1141.00"),
        ("social worker", "21-1021.00"),
        ("groundskeeper", "37-3011.00"),
        # O*NET's "Data Analyst" is most often a business intelligence analyst (SOC 15-2051), not an
        # operations research analyst.
        ("data analyst", "15-2051.01"),
        # O*NET codes a curriculum director to the instructional coordinators, not to a school's administrators.
        ("director of curriculum", "25-9031.00"),
    ],
)
def test_role_own_occupation_is_the_roles_typical_occupation(role: str, own: str) -> None:
    assert next(r for r in taxonomy().roles if r.name == role).own_occupation == own


@pytest.mark.parametrize(
    ("title", "department", "industry", "role", "function", "soc"),
    [
        # A vague manager or supervisor title at an employer of a known industry: what it manages there.
        (
            "Deputy Manager",
            None,
            "healthcare & life sciences",
            "health services manager",
            "healthcare",
            "11-9111",
        ),
        ("Supervisor", None, "hospitality & travel", "restaurant manager", "operations", "35-1012"),
        # A department decides the function; the industry still names the occupation.
        ("Deputy Manager", "Care", "healthcare & life sciences", None, "healthcare", "11-9111"),
        # A title that names its job ignores the industry.
        ("Registered Nurse", None, "retail & e-commerce", "registered nurse", "healthcare", "29-1141"),
        # A bare engineer or analyst is what the industry makes it, before the catch-all software engineer.
        ("Engineer II", None, "manufacturing & industrial", "engineer", "engineering", "17-2199"),
        ("Senior Engineer", None, "energy & utilities", "engineer", "engineering", "17-2199"),
        ("Senior Engineer", None, "software & internet", "software engineer", "engineering", "15-1252"),
        ("Analyst", None, "finance & banking", "financial analyst", "finance", "13-2051"),
        # A role the title names, or a department, says more than the industry.
        (
            "Backend Engineer",
            None,
            "manufacturing & industrial",
            "backend engineer",
            "engineering",
            "15-1252",
        ),
        (
            "Engineer II",
            "Software Development",
            "energy & utilities",
            "software engineer",
            "engineering",
            "15-1252",
        ),
    ],
)
def test_classify_posting_reads_a_vague_title_by_industry(
    title: str, department: str | None, industry: str, role: str | None, function: str, soc: str
) -> None:
    result = classify_posting(title, department, None, industry)
    assert (result.role, result.function) == (role, function)
    assert result.occupation is not None
    assert result.occupation.soc == soc


@pytest.mark.parametrize(
    ("title", "role", "function"),
    [
        # "IT" names the field the job serves; another job named beside it is the job.
        ("IT Recruiter", "recruiter", "human-resources"),
        ("HR/IT Recruiter", "recruiter", "human-resources"),
        ("IT Recruitment Specialist", "recruiter", "human-resources"),
        ("IT Teacher", "teacher", "education"),
        ("IT Marketing Manager", "marketing manager", "marketing"),
        ("IT Auditor", "accountant", "accounting"),
        ("IT Lawyer", "attorney", "legal"),
        ("IT Program Manager", "project manager", "project-management"),
        ("IT Programme Manager", "project manager", "project-management"),
        ("IT Product Owner", "product manager", "product-management"),
        ("Danish Speaking IT Customer Service", "customer service representative", "customer-success"),
        # …and IT's own managers and workers stay IT's.
        ("Head of IT", "it manager", "information-technology"),
        ("IT Operations Manager", "it manager", "information-technology"),
        ("IT Service Delivery Manager", "it manager", "information-technology"),
        ("IT Lead", "it manager", "information-technology"),
        ("IT Engineer", "system administrator", "information-technology"),
        ("IT Systems Engineer", "system administrator", "information-technology"),
        ("IT Business Partner", "system administrator", "information-technology"),
    ],
)
def test_classify_role_it_is_a_field_not_a_job(title: str, role: str, function: str) -> None:
    assert classify_role(title) == (role, function)


@pytest.mark.parametrize(
    "title",
    [
        # A team or tech lead named with the stack it works in leads software engineers.
        "Python Tech Lead (Remote)",
        "Tech Lead Java (Remote)",
        "Java Development Team Lead",
        "Team Leader (Java/Kotlin)",
        "Team Leader (.NET) - Payments",
        "React Team Lead",
        "Senior Tech Lead",
        "Technical Lead",
    ],
)
def test_classify_posting_stack_named_leads_are_software_engineers(title: str) -> None:
    result = classify_posting(title)
    assert (result.role, result.function) == ("software engineer", "engineering")
    assert result.occupation is not None and result.occupation.soc == "15-1252"


@pytest.mark.parametrize(
    "title",
    [
        # A language or framework named before a vague head ("Expert", "Specialist") or a head postings
        # use for flair ("Craftsman", "Ninja") writes software: not a wood model maker, an industrial
        # engineer or a systems analyst.
        "Java Craftsman",
        "Angular JS Integrator",
        "Senior Python Expert",
        "TypeScript Ninja",
        "Kotlin Specialist",
        "PHP Guru (Remote)",
    ],
)
def test_classify_posting_stack_named_vague_heads_are_software_engineers(title: str) -> None:
    result = classify_posting(title)
    assert (result.role, result.function) == ("software engineer", "engineering")
    assert result.occupation is not None and result.occupation.soc == "15-1252"


@pytest.mark.parametrize(
    "title",
    [
        # An enterprise platform's expert configures it for the business, as its consultant does.
        "Salesforce Expert",
        "SAP FI Expert",
        "Senior Workday Expert",
    ],
)
def test_classify_posting_platform_experts_are_it_consultants(title: str) -> None:
    result = classify_posting(title)
    assert (result.role, result.function) == ("it consultant", "information-technology")
    assert result.occupation is not None and result.occupation.soc == "15-1211"


@pytest.mark.parametrize(
    ("title", "role"),
    [
        # A trade's lead technician keeps the trade.
        ("Pharmacy Tech Lead", "pharmacy technician"),
        ("Lead Pharmacy Tech", "pharmacy technician"),
    ],
)
def test_classify_posting_trade_tech_leads_keep_their_trade(title: str, role: str) -> None:
    assert classify_posting(title).role == role


@pytest.mark.parametrize(
    ("title", "role", "function"),
    [
        # The job is named before its first specialty or place; later parts qualify it.
        ("Product Owner - AI/Analytics Apps", "product manager", "product-management"),
        ("Recruiter, Software Engineering", "recruiter", "human-resources"),
        ("Solution Architect (Data Analytics)", "solutions architect", "engineering"),
        ("Senior Risk Analyst / Quant (Reinsurance / Risk Analytics)", "financial analyst", "finance"),
        ("Marketing Specialist - Membership Growth", "marketing specialist", "marketing"),
        # …but the catch-all is no better than the whole title: its specialty refines it.
        ("Software Engineer - Machine Learning", "machine learning engineer", "engineering"),
        ("Staff Engineer (Geotechnical, Geological or Mining)", "engineer", "engineering"),
        ("Area Manager (Nursing Homes)", "health services manager", "healthcare"),
    ],
)
def test_classify_role_job_named_before_its_specialty(title: str, role: str, function: str) -> None:
    assert classify_role(title) == (role, function)


@pytest.mark.parametrize(
    ("title", "role"),
    [
        # Engineers named by the platform they run are IT's, not operations managers or vague engineers.
        ("Senior Azure Operations Engineer", "system administrator"),
        ("Network Operations Engineer", "system administrator"),
        ("Senior Active Directory Engineer", "system administrator"),
        ("Senior UNIX Engineer", "system administrator"),
        ("Cloud Dev Engineer", "cloud engineer"),
        # Data tools' developers build pipelines or reports, not software.
        ("Snowflake Developer", "data engineer"),
        ("DWH Developer", "data engineer"),
        ("ETL Administrator", "data engineer"),
        ("Remote Senior Informatica Developer", "data engineer"),
        ("PowerBI Developer", "data analyst"),
        ("Qlik Developer", "data analyst"),
        # Financial reporting is accounting's; other reporting analysts are data analysts.
        ("Mutual Fund Financial Reporting Analyst", "accountant"),
        ("Reporting Analyst", "data analyst"),
        # A front-end framework names a front-end engineer, before or after the job, with words between.
        ("Remote React.js Engineer", "frontend engineer"),
        ("React Senior Developer - Remote/Wroclaw", "frontend engineer"),
        ("Remote React / Next.js Developer", "frontend engineer"),
        ("Senior Fronted Engineer (React)", "frontend engineer"),
        # …unless the title names another stack first.
        ("Full Stack Developer (React/Node)", "full-stack engineer"),
        ("Backend Developer (Node, React)", "backend engineer"),
        ("React Native Developer", "mobile engineer"),
        # Testers who write code are still testers.
        ("Senior Test Automation Developer", "qa engineer"),
        ("Python Test Development Engineer", "qa engineer"),
        ("Senior Test Automation Selenium - Remote", "qa engineer"),
        # A platform's consultants are IT consultants; SAFe's release train engineer runs delivery.
        ("ServiceNow Consultant", "it consultant"),
        ("Release Train Engineer", "project manager"),
        # …and a plant's operations engineer is still no IT worker.
        ("Plant Operations Engineer", "business operations specialist"),
    ],
)
def test_classify_role_tech_tools_name_the_tech_role(title: str, role: str) -> None:
    assert classify_role(title)[0] == role


@pytest.mark.parametrize(
    ("title", "role", "soc"),
    [
        # Electrical engineers design power and building systems; hardware engineers design computer hardware.
        ("Project Electrical Engineer", "electrical engineer", "17-2071"),
        ("Senior Electrical Design Engineer", "electrical engineer", "17-2071"),
        ("Mid-Level Project Electrical Engineer / Lighting Design", "electrical engineer", "17-2071"),
        ("Electrical Hardware Engineer", "hardware engineer", "17-2061"),
        ("FPGA Engineer", "hardware engineer", "17-2061"),
        # A structure's designer is a civil engineer; a machine's, a mechanical one.
        ("Structural Design Engineer", "civil engineer", "17-2051"),
        ("Precast Design Engineer", "civil engineer", "17-2051"),
        ("Mechanical Design Engineer", "mechanical engineer", "17-2141"),
        # A learning experience designer designs courses, as an instructional designer does.
        ("Learning Experience Designer/Developer II", "director of curriculum", "25-9031"),
        # A quantitative researcher prices and trades; other researchers research.
        ("Quantitative Researcher - Systematic Credit", "financial analyst", "13-2099"),
        # A machine learning or AI researcher researches computing, not medicine.
        ("Machine Learning Researcher", "research scientist", "15-1221"),
        ("AI Researcher", "research scientist", "15-1221"),
        ("Computer Vision Tech Lead", "machine learning engineer", "15-1299"),
    ],
)
def test_classify_posting_engineers_and_researchers_of_their_field(title: str, role: str, soc: str) -> None:
    assert _role_and_soc(title) == (role, soc)


@pytest.mark.parametrize(
    "title",
    [
        # A British kitchen's "Sous" (a sous chef), however the ad dresses it.
        "JUNIOR SOUS - 2 ROSETTE HOTEL",
        "Junior Sous, gastro pub",
        "Sous Chef",
    ],
)
def test_classify_role_sous_is_a_chef(title: str) -> None:
    assert classify_role(title) == ("chef", "operations")


@pytest.mark.parametrize(
    "title",
    [
        # A British practice's tax and audit grades name its accountants.
        "Personal Tax Senior",
        "Mixed Tax Senior",
        "Audit Semi-Senior",
        "Tax Executive",
        "Audit Assistant",
    ],
)
def test_classify_posting_practice_grades_are_accountants(title: str) -> None:
    result = classify_posting(title)
    assert (result.role, result.function) == ("accountant", "accounting")
    assert result.occupation is not None and result.occupation.soc == "13-2011"


@pytest.mark.parametrize(
    "title",
    [
        # A VP over engineering or technology of any kind runs engineering.
        "Vice President of Wireless Engineering",
        "Vice President of Technology - Platform Development",
        "VP Technology",
        "Head of Engineering",
    ],
)
def test_classify_role_vp_of_an_engineering_field(title: str) -> None:
    assert classify_role(title) == ("vp of engineering", "engineering")


@pytest.mark.parametrize(
    ("title", "soc"),
    [
        # Supply-chain managers and analysts keep their own occupations, not the planning clerks' the
        # supply planner role stands for.
        ("Procurement Director", "11-3061"),
        ("Senior Materials Manager", "11-3061"),
        ("Supply Chain Analyst", "13-1081"),
    ],
)
def test_classify_posting_supply_chain_managers_keep_their_occupation(title: str, soc: str) -> None:
    result = classify_posting(title)
    assert result.function == "supply-chain"
    assert result.occupation is not None and result.occupation.soc == soc


@pytest.mark.parametrize(
    ("title", "role", "soc"),
    [
        # Frequent titles whose O*NET tie-break lands on a narrow occupation: a business manager runs a
        # school's or a dealership's business side (not an athletes' agent), a business development manager
        # sells (not a wind-energy developer, nor a fundraiser), a development director raises funds as a
        # manager (not a training manager).
        ("Business Manager", "operations manager", "11-1021"),
        ("Business Development Manager - EMEA", "business development manager", "11-2022"),
        ("Development Director", "business development manager", "11-2033"),
        # …and a fundraiser is still one.
        ("Major Gifts Officer", "business development manager", "13-1131"),
    ],
)
def test_classify_posting_business_and_development_managers(title: str, role: str, soc: str) -> None:
    assert _role_and_soc(title) == (role, soc)


@pytest.mark.parametrize(
    ("title", "function"),
    [
        # A security team's name before or after the job (CERT, CSIRT, SOC; Polish puts it after) is security
        # work, not the management analyst a bare "Analyst" is.
        ("CERT Analyst", "security"),
        ("Analityk CERT", "security"),
        ("CSIRT Engineer - L2", "security"),
        ("Specjalista SOC", "security"),
        # …not a certified pharmacy technician, nor a system-on-chip designer.
        ("Cert Pharmacy Technician", "healthcare"),
        ("SoC Design Engineer", "engineering"),
    ],
)
def test_classify_posting_security_team_names(title: str, function: str) -> None:
    assert classify_posting(title).function == function


@pytest.mark.parametrize(
    ("title", "soc"),
    [
        # A quality assurance manager manages: the production managers' occupation the title names (quality
        # control systems managers are its specialty), not the software testers' the role falls back to.
        ("Quality Assurance Manager", "11-3051"),
        ("Manager, Quality Assurance", "11-3051"),
        # A tester stays a tester.
        ("QA Engineer", "15-1253"),
    ],
)
def test_classify_posting_quality_managers_manage(title: str, soc: str) -> None:
    result = classify_posting(title)
    assert result.role == "qa engineer"
    assert result.occupation is not None and result.occupation.soc == soc


@pytest.mark.parametrize(
    ("title", "text", "role", "function", "soc"),
    [
        # A generic title the catch-all role would read as software is what its introduction names, with
        # no industry known.
        ("Engineer II", "As a Civil Engineer you will design county roads.", "civil engineer", "engineering",
         "17-2051"),
        ("Senior Engineer", "We are hiring a Process Engineer for our resin plant.", "engineer", "engineering",
         "17-2112"),
        # (A store's first-line supervisor belongs to its crew's role, as the industry would make it.)
        ("Assistant Manager", "We are hiring an Assistant Store Manager to run the sales floor.",
         "retail sales associate", "sales", "41-1011"),
        # ...and the catch-all's reading stays when the introduction names nothing specific.
        ("Engineer II", "Join a small team shipping every week.", "software engineer", "engineering",
         "15-1252"),
        # A title that names the role but not the occupation takes the job its introduction names, when
        # the role covers it: not the computer research scientist or general manager the title alone gives.
        ("Postdoctoral Appointee", "As a Chemist you will run surface spectroscopy.", "research scientist",
         "research", "19-2031"),
        ("Service Technician", "As an HVAC Technician you will service rooftop units.",
         "maintenance technician", "operations", "49-9021"),
        # ...not a job outside the role, and not over a title that names its occupation.
        ("Service Technician", "As a Registered Nurse you will triage patients.", "maintenance technician",
         "operations", "49-9071"),
        ("Research Associate", "As a Biochemist you will purify proteins.", "research scientist", "research",
         "19-4061"),
    ],
)  # fmt: skip
def test_classify_posting_reads_a_vague_title_by_its_description(
    title: str, text: str, role: str, function: str, soc: str
) -> None:
    result = classify_posting(title, None, text)
    assert (result.role, result.function) == (role, function)
    assert result.occupation is not None
    assert result.occupation.soc == soc


@pytest.mark.parametrize(
    ("title", "code"),
    [
        # A title that says nothing of what sets an O*NET specialty apart is its SOC occupation: a British
        # mental health nurse (RMN) is a registered nurse, not an advanced practice psychiatric nurse (the
        # only occupation O*NET lists "Mental Health Nurse" under).
        ("RMN - Nights", "29-1141.00"),
        ("Mental Health Nurse, Secure Unit", "29-1141.00"),
        # (British "elderly care" is geriatric care, no critical care nurse's.)
        ("Staff Nurse - Elderly Care", "29-1141.00"),
        # ...while a title that names the specialty keeps it,
        ("Advanced Practice Psychiatric Nurse", "29-1141.02"),
        ("Critical Care Nurse - ICU", "29-1141.03"),
        ("Biomass Plant Manager", "11-3051.04"),
        # A plant manager runs a factory (posting_titles.tsv): not the biomass power plant managers whose
        # own O*NET title holds the words.
        ("Plant Manager - Food Manufacturing", "11-3051.00"),
        # as does a specialty needing no more preparation than its occupation (anesthesiologist assistants
        # and physician assistants alike) and a specialty of a residual occupation (the only specific code).
        ("Anesthesia Technician", "29-1071.01"),
        ("Scrum Master - Remote", "15-1299.09"),
    ],
)
def test_classify_posting_names_a_specialty_only_when_the_title_does(title: str, code: str) -> None:
    occupation = classify_posting(title).occupation
    assert occupation is not None
    assert occupation.code == code


@pytest.mark.parametrize(
    ("title", "role", "soc"),
    [
        # A bracketed abbreviation restating the title hides no posting title the title names outright: the
        # role pattern's "scientist" is no research scientist here, with the brackets or without.
        ("Clinical Laboratory Scientist (CLS)", "health technician", "29-2011"),
        ("Clinical Laboratory Scientist", "health technician", "29-2011"),
        ("Certified Nursing Assistant (CNA)", "nursing assistant", "31-1131"),
    ],
)
def test_classify_posting_restated_initials_keep_the_title_named_outright(
    title: str, role: str, soc: str
) -> None:
    assert _role_and_soc(title) == (role, soc)


@pytest.mark.parametrize(
    ("title", "role", "soc"),
    [
        # A C-suite officer coded to the staff officer its last two words name is a chief executive, as O*NET
        # codes most it lists (CEO, CFO, CNO); the role still says the field.
        ("Chief Compliance Officer", "compliance officer", "11-1011"),
        ("Deputy Chief Compliance Officer", "compliance officer", "11-1011"),
        ("Chief Development Officer", "business development manager", "11-1011"),
        ("Chief Lending Officer", "finance specialist", "11-1011"),
        ("Chief Procurement Officer - Group", "buyer", "11-1011"),
        ("Chief Legal Officer - Fintech", "corporate counsel", "11-1011"),
        # A manager's occupation stays, and so does a uniformed service's, where "chief" is a rank.
        ("Chief Marketing Officer", "marketing director", "11-2021"),
        ("Chief Police Officer", "police officer", "33-3051"),
        # Only the segment coded counts: one who assists a CEO assists, and a chief accountant is no officer.
        ("Executive Assistant - CEO", "executive assistant", "43-6011"),
        ("Chief Accountant", "accountant", "13-2011"),
    ],
)
def test_classify_posting_reads_a_c_suite_officer_as_a_chief_executive(
    title: str, role: str, soc: str
) -> None:
    assert _role_and_soc(title) == (role, soc)


def test_classify_posting_reads_an_untitled_posting_by_its_description_alone() -> None:
    # No title has no segment to read as a C-suite officer's: the description's job stands.
    result = classify_posting("", None, "As a Compliance Officer you will review our controls.")
    assert result.occupation is not None and result.occupation.soc == "13-1041"


@pytest.mark.parametrize(
    ("title", "role", "soc"),
    [
        # Customer care is customer service: its manager supervises service staff (O*NET's "Customer Care
        # Manager"), its assistant serves customers; neither works in a care home.
        ("Customer Care Manager", "customer service representative", "43-1011"),
        ("Customer Care Assistant", "customer service representative", "43-4051"),
        ("Customer Care Team Leader", "customer service representative", "43-1011"),
        # Care without the customer stays care work, and a profession's helper its helper.
        ("Care Manager", "health services manager", "11-9111"),
        ("Care Assistant", "care worker", "31-1122"),
        ("Home Care Manager", "health services manager", "11-9111"),
        ("Pharmacist Assistant", "healthcare support worker", "31-9095"),
        ("Therapy Assistant", "healthcare support worker", "31-2011"),
        ("Finance Assistant", "bookkeeper", "43-3031"),
    ],
)
def test_classify_posting_customer_care_is_customer_service(title: str, role: str, soc: str) -> None:
    assert _role_and_soc(title) == (role, soc)


@pytest.mark.parametrize(
    ("title", "role", "soc"),
    [
        # Payroll staff are O*NET's payroll clerks, a financial clerk of the accounting function, whatever
        # the grade the title gives them, and a payroll supervisor O*NET's office supervisor; not the human
        # resources specialists a title naming payroll alone fell to.
        ("Payroll Analyst", "bookkeeper", "43-3051"),
        ("Payroll Advisor", "bookkeeper", "43-3051"),
        ("Senior Payroll Executive", "bookkeeper", "43-3051"),
        ("Payroll Supervisor", "bookkeeper", "43-1011"),
        ("Payroll Team Leader", "bookkeeper", "43-1011"),
        # A payroll manager is O*NET's compensation and benefits manager, and a payroll system's consultant
        # an IT consultant.
        ("Payroll Manager", "hr generalist", "11-3111"),
        ("Head of Payroll", "hr generalist", "11-3111"),
        ("SAP Payroll Consultant", "it consultant", "15-1211"),
        ("Payroll Administrator", "bookkeeper", "43-3051"),
    ],
)
def test_classify_posting_payroll_staff_are_payroll_clerks(title: str, role: str, soc: str) -> None:
    assert _role_and_soc(title) == (role, soc)


@pytest.mark.parametrize(
    ("title", "function", "code"),
    [
        # A British controller of a field runs it: a transport or fleet controller runs transport, a sales or
        # marketing controller sales or marketing, not a company's accounts.
        ("Transport Controller", "supply-chain", "11-3071.00"),
        ("Fleet Controller - Nights", "supply-chain", "11-3071.00"),
        ("Distribution Controller", "supply-chain", "11-3071.00"),
        ("Sales Controller", "sales", "11-2022.00"),
        ("Marketing Controller", "marketing", "11-2021.00"),
        # A bare controller, or one of a finance word or a rank, keeps the accounts; a field whose own
        # controller O*NET lists keeps it.
        ("Controller", "accounting", "11-3031.01"),
        ("Financial Controller", "accounting", "11-3031.01"),
        ("Assistant Controller", "accounting", "11-3031.01"),
        ("Plant Controller", "accounting", "11-3031.01"),
        ("Commercial Controller", "accounting", "11-3031.01"),
        ("Credit Controller", "accounting", "43-3011.00"),
        ("Stock Controller", "supply-chain", "43-5071.00"),
        ("Project Controller", "project-management", "13-1082.00"),
    ],
)
def test_classify_posting_a_controller_of_a_field_runs_it(title: str, function: str, code: str) -> None:
    result = classify_posting(title)
    assert result.function == function
    assert result.occupation is not None and result.occupation.code == code


@pytest.mark.parametrize(
    ("title", "role", "soc"),
    [
        # Information, cyber, IT or network security is the security function whatever the grade: its
        # supervisor leads analysts, not guards, and its technician installs no alarms.
        ("Cyber Security Supervisor", "security engineer", "15-1212"),
        ("Information Security Team Leader", "security engineer", "15-1212"),
        ("Cyber Security Technician", "security engineer", "15-1212"),
        ("IT Security Apprentice", "security engineer", "15-1212"),
        # Security alone is physical security.
        ("Security Supervisor", "security guard", "33-1091"),
        ("Security Team Leader", "security guard", "33-1091"),
        ("Security Officer", "security guard", "33-9032"),
        ("Security Systems Technician", "maintenance technician", "49-2098"),
    ],
)
def test_classify_posting_information_security_is_no_guards_work(title: str, role: str, soc: str) -> None:
    assert _role_and_soc(title) == (role, soc)


@pytest.mark.parametrize(
    ("title", "role", "soc"),
    [
        # A British "accounts" staff title keeps the books (an accounts administrator, officer or technician
        # is a bookkeeping clerk, whatever the ledger), and a head of accounts is a finance manager...
        ("Accounts Administrator", "bookkeeper", "43-3031"),
        ("Accounts Officer", "bookkeeper", "43-3031"),
        ("Accounts Technician", "bookkeeper", "43-3031"),
        ("Accounts Payable Administrator", "bookkeeper", "43-3031"),
        ("Head of Accounts", "finance manager", "11-3031"),
        # ...while key and national accounts are a seller's clients.
        ("Key Accounts Manager", "account manager", "41-3091"),
        ("National Accounts Manager", "account manager", "41-3091"),
        ("Accounts Assistant", "bookkeeper", "43-3031"),
        ("Head of Finance", "finance manager", "11-3031"),
    ],
)
def test_classify_posting_british_accounts_staff_keep_the_books(title: str, role: str, soc: str) -> None:
    assert _role_and_soc(title) == (role, soc)


@pytest.mark.parametrize(
    ("title", "function"),
    [
        # A British nursery looks after young children: a title naming it and no role is education's by its
        # function words, not nursing's ("nurs" began both).
        ("Nursery Officer", "education"),
        ("Nursery Apprentice", "education"),
        ("Nursery Administrator", "education"),
        ("Nursing Assistant", "healthcare"),
        ("Student Nurse", "healthcare"),
    ],
)
def test_classify_posting_a_nursery_is_childcare_not_nursing(title: str, function: str) -> None:
    assert classify_posting(title).function == function


@pytest.mark.parametrize(
    ("title", "role", "soc"),
    [
        # Titles O*NET lacks or files elsewhere (``posting_titles.tsv``): a childminder and an au pair look after
        # children, an exam invigilator supervises pupils sitting exams, a resourcer finds candidates for a
        # recruiter, and like a recruiter works for those the title's other words name.
        ("Registered Childminder", "teaching assistant", "39-9011"),
        ("Au Pair", "teaching assistant", "39-9011"),
        ("Exam Invigilator", "teaching assistant", "25-9042"),
        ("Resourcer", "recruiter", "13-1071"),
        ("IT Resourcer", "recruiter", "13-1071"),
        ("Nurse Resourcer", "recruiter", "13-1071"),
        # American "human services" is social services (an agency's caseworkers, its programme managers),
        # though O*NET lists the titles under human resources.
        ("Human Services Specialist II", "care worker", "21-1093"),
        ("Human Services Worker", "care worker", "21-1093"),
        ("Human Services Manager", "operations manager", "11-9151"),
        ("Human Resources Specialist", "hr generalist", "13-1071"),
        # A British fitter of kitchens, carpets, floors, windows or gas installs them (carpenters, carpet
        # and floor layers, glaziers, pipefitters), not the general repairer a bare fitter is.
        ("Kitchen Fitter", "maintenance technician", "47-2031"),
        ("Carpet Fitter", "maintenance technician", "47-2041"),
        ("Flooring Fitter", "maintenance technician", "47-2042"),
        ("Window Fitter", "maintenance technician", "47-2121"),
        ("Gas Fitter", "maintenance technician", "47-2152"),
        ("Tyre Fitter", "maintenance technician", "49-3093"),
        ("Mechanical Fitter", "maintenance technician", "49-9041"),
        # A cable jointer joins power cables, no joiner's work.
        ("HV Cable Jointer", "maintenance technician", "49-9051"),
        # A paraplanner prepares a financial adviser's plans, no town planner's; a legal executive is a legal
        # associate, no secretary; an aircraft maintenance engineer maintains aircraft, no aircraft designer.
        ("Senior Paraplanner", "financial analyst", "13-2052"),
        ("Legal Executive", "attorney", "23-2011"),
        ("B1 Aircraft Maintenance Engineer", "maintenance technician", "49-3011"),
        # A works' storeman issues parts (no labourer, no gambling supervisor), a driver's mate loads vans (no
        # ship's mate), and a laboratory manager runs a laboratory (no biofuels developer).
        ("Storeman", "warehouse associate", "43-5071"),
        ("Stores Person", "warehouse associate", "43-5071"),
        ("Driver's Mate", "warehouse associate", "53-7062"),
        ("Laboratory Manager", "research scientist", "11-9121"),
        ("Store Assistant", "retail sales associate", "41-2031"),
        # A British headteacher runs a school (its principal), and a head of maths or of a year group is a
        # secondary teacher who leads the department or the year, no operations manager.
        ("Headteacher", "school administrator", "11-9032"),
        ("Assistant Headteacher", "school administrator", "11-9032"),
        ("Head of Maths", "teacher", "25-2031"),
        ("Head of Year 9", "teacher", "25-2031"),
        ("Head of Sixth Form", "teacher", "25-2031"),
        ("Head of Early Years", "school administrator", "11-9031"),
        # A teacher of one subject teaches it in a secondary school, not a college's or a primary's class.
        ("Geography Teacher", "teacher", "25-2031"),
        ("Teacher of Drama", "teacher", "25-2031"),
        ("Maths Teacher", "teacher", "25-2031"),
        ("Business Studies Teacher", "teacher", "25-2031"),
        ("Religious Education Teacher", "teacher", "25-2031"),
        ("Primary Teacher", "teacher", "25-2021"),
        # A contact centre's agent serves customers; a CCTV operator watches cameras for a site's security; a
        # front of house manager runs a restaurant's floor.
        ("Contact Centre Agent", "customer service representative", "43-4051"),
        ("Contact Centre Advisor - Nights", "customer service representative", "43-4051"),
        ("CCTV Operator", "security guard", "33-9032"),
        ("Front of House Manager", "restaurant manager", "11-9051"),
        # British site, depot and kitchen titles: a "driver" of a crane or digger operates it, a tipper or
        # courier driver drives a lorry or a van; a banksman signals lifts; a signaller runs a railway's
        # signals; a pot wash washes pots; a panel wirer assembles control panels.
        ("Crane Driver", "transportation worker", "53-7021"),
        ("Digger Driver", "construction worker", "47-2073"),
        ("Tipper Driver", "truck driver", "53-3032"),
        ("Courier Driver", "truck driver", "53-3033"),
        ("Banksman", "maintenance technician", "49-9096"),
        ("Rail Signaller", "transportation worker", "53-4022"),
        ("Pot Wash", "food and beverage server", "35-9021"),
        ("Panel Wirer", "production worker", "51-2022"),
        # A law firm's costs draftsman, conveyancing assistant and litigation executive are legal support.
        ("Costs Draftsman", "paralegal", "23-2099"),
        ("Conveyancing Assistant", "paralegal", "23-2011"),
        ("Litigation Executive", "attorney", "23-2011"),
        # A driver helper loads a delivery driver's van; a kitchen's food prep prepares food.
        ("Driver Helper", "warehouse associate", "53-7062"),
        ("Food Prep", "cook", "35-2021"),
        # A store's front end supervisor supervises its checkouts; its cart attendant moves carts by hand.
        ("Front End Supervisor", "retail sales associate", "41-1011"),
        ("Cart Attendant", "warehouse associate", "53-7062"),
        # A US hospital's patient care partner is a nursing assistant, not a customer service agent.
        ("Patient Care Partner", "nursing assistant", "31-1131"),
        ("Patient Care Partner - Nights", "nursing assistant", "31-1131"),
        # A British studio's artworker prepares designs for print: no laborer, whatever "worker" says alone.
        ("Artworker", "graphic designer", "27-1024"),
        ("Senior Mac Artworker - Packaging", "graphic designer", "27-1024"),
        # A British "centre" names the facility, which says the work: a day centre's or children's centre's
        # manager runs social care, not a spa or a firm; a garden centre is a shop, a leisure centre a gym and
        # pool, a contact centre a call centre.
        ("Day Centre Manager", "health services manager", "11-9151"),
        ("Day Centre Officer - Learning Disabilities", "care worker", "21-1093"),
        ("Children's Centre Manager", "health services manager", "11-9151"),
        ("Community Centre Manager", "health services manager", "11-9151"),
        ("Leisure Centre Manager", "operations manager", "11-9072"),
        ("Leisure Centre Assistant - Casual", "personal service worker", "39-3091"),
        ("Garden Centre Assistant", "retail sales associate", "41-2031"),
        ("Contact Centre Manager", "customer service representative", "43-1011"),
        # A British nursing associate works between a healthcare assistant and a registered nurse, as a US
        # licensed practical nurse does; banqueting is banquet work; a CSCS card is construction's.
        ("Trainee Nursing Associate", "licensed practical nurse", "29-2061"),
        ("Registered Nursing Associate - Band 4", "licensed practical nurse", "29-2061"),
        ("Banqueting Supervisor", "restaurant manager", "35-1012"),
        ("CSCS Labourer", "construction worker", "47-2061"),
    ],
)
def test_classify_posting_titles_o_net_lacks_or_files_elsewhere(title: str, role: str, soc: str) -> None:
    assert _role_and_soc(title) == (role, soc)


@pytest.mark.parametrize(
    ("title", "role", "soc"),
    [
        # A title that heads a unit of a staff role is its supervisor or manager (the role's ``directs``):
        # O*NET's customer service director supervises the service staff, its design director is an art
        # director, and a head of security manages information systems security.
        ("Head of Customer Success", "customer success manager", "43-1011"),
        ("VP Customer Success", "customer success manager", "43-1011"),
        ("Senior VP of Client Services", "customer service representative", "43-1011"),
        ("Design Director", "product designer", "27-1011"),
        ("Head of Security", "security engineer", "11-3021"),
        ("Director, Account Management", "account manager", "11-2022"),
        # A manager of accounts or customers is no head of a unit: the staff role's own stays.
        ("Customer Success Manager", "customer success manager", "43-4051"),
        ("Key Account Manager", "account manager", "41-3091"),
        ("Senior Product Designer", "product designer", "15-1255"),
    ],
)
def test_classify_posting_a_head_of_a_staff_roles_unit_supervises_it(title: str, role: str, soc: str) -> None:
    assert _role_and_soc(title) == (role, soc)


@pytest.mark.parametrize(
    ("title", "role", "soc"),
    [
        # "Software" names the field a job is done in: the software engineer only where no role names the
        # job itself. Its project manager manages projects, its account executive sells.
        ("Software Program Manager", "project manager", "13-1082"),
        ("Software Delivery Manager", "project manager", "13-1082"),
        ("Software Project Manager", "project manager", "15-1299"),
        ("Software Product Owner", "product manager", "11-2021"),
        ("Software Account Executive", "account executive", "41-3091"),
        ("Software Technical Writer", "writer", "27-3042"),
        ("Software Marketing Manager", "marketing manager", "11-2021"),
        # A software engineer by any other word before the head, and software named alone, stay so.
        ("Software Design Engineer", "software engineer", "15-1252"),
        ("Software Application Developer", "software engineer", "15-1252"),
        ("Software Licensing Specialist", "software engineer", "15-1252"),
        ("Software Sales Engineer", "sales engineer", "41-9031"),
    ],
)
def test_classify_posting_software_names_the_field_not_the_job(title: str, role: str, soc: str) -> None:
    assert _role_and_soc(title) == (role, soc)


@pytest.mark.parametrize(
    ("title", "role", "soc"),
    [
        # A head of a unit of analysts, designers, engineers or cleaners manages it (the role's
        # ``directs``): O*NET's "Software Development Director" and "Creative Director" are managers and art
        # directors, its "Project Director" a manager, its "Executive Housekeeper" a supervisor.
        ("Head of FP&A", "financial analyst", "11-3031"),
        ("Director of Content Marketing", "content marketing specialist", "11-2021"),
        ("Head of SEO", "seo specialist", "11-2021"),
        ("Director of Software Development", "software engineer", "11-3021"),
        ("Head of DevOps", "devops engineer", "11-3021"),
        ("Director, BI and Analytics", "data analyst", "11-3021"),
        ("Director of User Experience", "product designer", "27-1011"),
        ("Head of UX", "product designer", "27-1011"),
        ("PMO Director", "project manager", "11-9199"),
        ("Head of Project Management", "project manager", "11-9199"),
        ("Head of Housekeeping", "cleaner", "37-1011"),
        # A manager or lead of the work is no head of a unit: the staff role's own occupation stays.
        ("UX Manager", "product designer", "15-1255"),
        ("SEO Manager", "seo specialist", "13-1161"),
        ("DevOps Lead", "devops engineer", "15-1252"),
    ],
)
def test_classify_posting_a_head_of_analysts_designers_or_engineers_manages(
    title: str, role: str, soc: str
) -> None:
    assert _role_and_soc(title) == (role, soc)


@pytest.mark.parametrize(
    ("title", "role", "soc"),
    [
        # A rank written first heads the field named after it, a staff role's field too: O*NET's field
        # vice presidents are the field's managers (its "Sales VP", "Logistics VP"), not the top executive
        # a bare "Vice President" is.
        ("VP, Quality", "qa engineer", "11-3051"),
        ("VP, Procurement", "supply planner", "11-3061"),
        ("VP, Software Development", "software engineer", "11-3021"),
        ("VP, Project Management", "project manager", "11-9199"),
        ("VP, Compliance", "compliance officer", "11-9199"),
        ("SVP, Compliance and Operations", "compliance officer", "11-9199"),
        # A lawyer who heads the legal unit is a lawyer still (O*NET's "General Counsel", "Chief Counsel").
        ("VP, Legal", "attorney", "23-1011"),
        # A head of a unit whose field names no manager keeps the executive its rank names, not the staff.
        ("VP, Accounts Payable", "accountant", "11-1011"),
        ("VP, Customer Support", "support engineer", "11-1011"),
        # A manager's field, and a bare rank, as before.
        ("VP, Marketing", "marketing director", "11-2021"),
        ("Vice President", "chief executive officer", "11-1011"),
    ],
)
def test_classify_posting_a_rank_written_first_heads_a_staff_roles_field(
    title: str, role: str, soc: str
) -> None:
    assert _role_and_soc(title) == (role, soc)


@pytest.mark.parametrize(
    ("title", "role", "soc"),
    [
        # "Security" named alone is the field of the work, not the job: its program manager runs programs,
        # its account executive sells. A security specialty before an engineer or analyst stays security's.
        ("Security Program Manager", "project manager", "13-1082"),
        ("Security Account Executive", "account executive", "41-3091"),
        ("Security Software Engineer", "security engineer", "15-1212"),
        ("Security Compliance Analyst", "security engineer", "15-1212"),
        ("Security Coordinator", "security engineer", "15-1212"),
        ("Security Officer", "security guard", "33-9032"),
    ],
)
def test_classify_posting_security_names_the_field_not_the_job(title: str, role: str, soc: str) -> None:
    assert _role_and_soc(title) == (role, soc)


@pytest.mark.parametrize(
    "title",
    ["Radiology Tech", "Lead Radiology Technologist", "Radiology Technician - Nights", "Radiologic Tech"],
)
def test_classify_posting_a_radiology_tech_is_a_health_technician(title: str) -> None:
    # "Radiology" before a technician's word names the health technician row, as "Radiologic" does; no
    # medical assistant's.
    assert _role_and_soc(title) == ("health technician", "29-2034")


@pytest.mark.parametrize(
    ("title", "role"),
    [
        # A lecturer or professor "in" or "of" a field teaches it: the field is no job of the title's, though
        # a role names it ("Software Engineering", "Mechanical Engineering", "Data Science").
        ("Lecturer in Software Engineering", "professor"),
        ("Professor of Software Engineering", "professor"),
        ("Visiting Professor in Mechanical Engineering", "professor"),
        ("Instructor in Data Science", "teacher"),
        ("Lecturer in Nursing", "professor"),
        ("Teacher of Mathematics", "teacher"),
    ],
)
def test_classify_posting_a_teacher_of_a_field_teaches_it(title: str, role: str) -> None:
    assert classify_posting(title).role == role


@pytest.mark.parametrize(
    ("title", "role"),
    [
        # A customer's, guest's or member's service desk serves customers; a bare service desk is IT's.
        ("Customer Service Desk Associate", "customer service representative"),
        ("Guest Service Desk Agent", "customer service representative"),
        ("Service Desk Analyst", "it support"),
        ("IT Service Desk Technician", "it support"),
    ],
)
def test_classify_posting_a_customer_service_desk_is_no_it_help_desk(title: str, role: str) -> None:
    assert classify_posting(title).role == role


@pytest.mark.parametrize(
    ("title", "role", "soc"),
    [
        # Content design is a digital service's design work, as UX design is; a course's content designer
        # designs instruction.
        ("Content Designer", "product designer", "15-1255"),
        ("Senior Content Designer", "product designer", "15-1255"),
        ("Instructional Content Designer", "director of curriculum", "25-9031"),
        # O*NET's instructional coordinators design curricula and instruction: no teaching assistants.
        ("Instructional Coordinator", "director of curriculum", "25-9031"),
        ("Instructional Technologist", "director of curriculum", "25-9031"),
        ("Teaching Assistant", "teaching assistant", "25-9042"),
    ],
)
def test_classify_posting_content_and_instructional_design(title: str, role: str, soc: str) -> None:
    assert _role_and_soc(title) == (role, soc)


@pytest.mark.parametrize(
    ("title", "role", "soc"),
    [
        # A British "Customer Services Manager" manages customer service, as the singular does (O*NET's
        # supervisors of office workers); a client services manager in an agency looks after accounts.
        ("Customer Services Manager", "customer service representative", "43-1011"),
        ("Customer Service Manager", "customer service representative", "43-1011"),
        ("Client Services Manager", "customer success manager", "43-4051"),
        # A hotel's guest services manager is a lodging manager, as O*NET lists the title.
        ("Guest Services Manager", "hotel manager", "11-9081"),
    ],
)
def test_classify_posting_customer_and_guest_services_managers(title: str, role: str, soc: str) -> None:
    assert _role_and_soc(title) == (role, soc)


@pytest.mark.parametrize(
    ("title", "role", "soc"),
    [
        # "Counselor" and "Security" name a field, not the job: where no role's pattern names the job, the
        # specific occupation the title names decides it. A financial aid counselor is a credit counselor,
        # a camp counselor a recreation worker, an airport's security screener no information security
        # analyst.
        ("Financial Aid Counselor", "finance specialist", "13-2071"),
        ("Camp Counselor", "personal service worker", "39-9032"),
        ("Travel Counselor", "sales representative", "41-3041"),
        ("TSA Screener", "security guard", "33-9093"),
        ("Security Field Supervisor", "security guard", "33-1091"),
        # The field's own job stays the field's; a rank written first still heads it.
        ("Mental Health Counselor", "therapist", "21-1014"),
        ("Information Security Vice President", "security engineer", "11-3021"),
        ("VP, Software", "software engineer", "11-3021"),
    ],
)
def test_classify_posting_a_field_alone_yields_to_the_occupation_named(
    title: str, role: str, soc: str
) -> None:
    assert _role_and_soc(title) == (role, soc)


@pytest.mark.parametrize("title", ["Production Scheduler", "Master Scheduler", "Materials Scheduler"])
def test_classify_posting_a_production_scheduler_plans_supply(title: str) -> None:
    # Scheduling production or materials is a planner's work, as planning them is: no office's scheduler.
    assert _role_and_soc(title) == ("supply planner", "43-5061")


@pytest.mark.parametrize("title", ["Project Associate", "Project Specialist", "Senior Project Associate"])
def test_classify_posting_a_project_associate_works_on_projects(title: str) -> None:
    # A project's associate or specialist supports its project managers: no retail associate.
    assert _role_and_soc(title) == ("project manager", "13-1082")


@pytest.mark.parametrize(
    ("title", "role", "soc"),
    [
        # A British retailer's "colleague" is its shop-floor staff, as a "team member" is: a generic title
        # no O*NET title holds (it once raised KeyError in the closest-title step); a warehouse's is its
        # warehouse staff.
        ("Colleague", "retail sales associate", "41-2031"),
        ("Night Shift Colleague", "retail sales associate", "41-2031"),
        ("Store Colleague", "retail sales associate", "41-2031"),
        ("Warehouse Colleague", "warehouse associate", "53-7062"),
        ("Warehouse Staff", "warehouse associate", "53-7062"),
    ],
)
def test_classify_posting_a_british_colleague_is_shop_floor_staff(title: str, role: str, soc: str) -> None:
    assert _role_and_soc(title) == (role, soc)


@pytest.mark.parametrize(
    ("title", "role", "soc"),
    [
        # An apprentice of a trade named by its work is the trade's worker; these had no occupation at all.
        ("Plumbing Apprentice", "plumber", "47-2152"),
        ("Carpentry Apprentice", "carpenter", "47-2031"),
        ("Joinery Apprentice", "carpenter", "47-2031"),
        ("Roofing Apprentice", "construction worker", "47-2181"),
        ("Welding Apprentice", "machine operator", "51-4121"),
    ],
)
def test_classify_posting_an_apprentice_of_a_trade_is_its_worker(title: str, role: str, soc: str) -> None:
    assert _role_and_soc(title) == (role, soc)


@pytest.mark.parametrize(
    ("title", "role", "soc"),
    [
        # A mental or behavioral health technician is a psychiatric technician, a health technician's row.
        ("Mental Health Technician", "health technician", "29-2053"),
        ("Mental Health Tech", "health technician", "29-2053"),
        # O*NET's document management specialists run records systems: information technology work, no
        # software engineering (the row whose broad prefix "15" caught them).
        ("Records Manager", "system administrator", "15-1299"),
        ("Document Management Specialist", "system administrator", "15-1299"),
    ],
)
def test_classify_posting_mental_health_techs_and_records_managers(title: str, role: str, soc: str) -> None:
    assert _role_and_soc(title) == (role, soc)


@pytest.mark.parametrize(
    ("title", "role", "soc"),
    [
        # Social work named as a field is a social worker's ("Social Work Team Leader": a senior social worker
        # who leads a team), a qualified one's or an assistant's occupation kept.
        ("Social Work Team Leader", "social worker", "21-1021"),
        ("Social Work Practitioner - Adults", "social worker", "21-1021"),
        ("Social Work Assistant", "social worker", "21-1093"),
        # ...but a lecturer of it teaches.
        ("Social Work Lecturer", "professor", "25-1113"),
        # A field yields only to an occupation the title names in its own words, not to a closest title that
        # adds a job ("Team Leader - Social Work" is no "Social Work Instructor"); a noise word naming the work
        # is the title's own ("Placement Counselor": O*NET's placement counselors, HR specialists).
        ("Team Leader - Social Work", "social worker", "21-1021"),
        ("Social Work Apprentice", "social worker", "21-1021"),
        ("Placement Counselor", "hr generalist", "13-1071"),
    ],
)
def test_classify_posting_social_work_is_a_social_workers_field(title: str, role: str, soc: str) -> None:
    assert _role_and_soc(title) == (role, soc)


@pytest.mark.parametrize(
    ("title", "role", "soc"),
    [
        # A head of AI or machine learning leads engineering: no training manager ("learning"), no top
        # executive of a bare "VP"; a chief AI officer is the technology chief.
        ("Director of Machine Learning", "vp of engineering", "11-9041"),
        ("Head of AI", "vp of engineering", "11-9041"),
        ("VP, Artificial Intelligence", "vp of engineering", "11-9041"),
        ("Chief AI Officer", "chief technology officer", "11-3021"),
        ("Director of Learning and Development", "hr generalist", "11-3131"),
        # A lead of machine learning or AI work is its engineer (a lead's seniority).
        ("ML Lead", "machine learning engineer", "15-1299"),
        ("Generative AI Lead", "ai engineer", "15-1299"),
        # Identity and access management is security work; governance, risk and compliance (GRC) and AI
        # governance or ethics are compliance; smart contracts are software.
        ("Identity and Access Management Engineer", "security engineer", "15-1212"),
        ("GRC Analyst", "compliance officer", "13-1041"),
        ("AI Governance Analyst", "compliance officer", "13-1041"),
        ("Smart Contract Engineer", "software engineer", "15-1252"),
        # A European "a.i." after a title is ad interim: no AI work.
        ("Regional Director a.i. - West Asia", "operations manager", "11-2022"),
        ("A.I. Engineer", "ai engineer", "15-1299"),
    ],
)
def test_classify_posting_ai_leadership_identity_and_governance_titles(
    title: str, role: str, soc: str
) -> None:
    assert _role_and_soc(title) == (role, soc)


@pytest.mark.parametrize(
    ("title", "role", "code"),
    [
        # Developing partners, accounts, markets, channels or clients is business development: no training
        # and development manager, whose "Development Manager" O*NET lists.
        ("Partner Development Manager", "business development manager", "11-2022.00"),
        ("Senior Account Development Manager", "business development manager", "11-2022.00"),
        ("Market Development Manager - EMEA", "business development manager", "11-2022.00"),
        ("Channel Development Manager", "business development manager", "11-2022.00"),
        # Developing people is still training and development.
        ("Talent Development Manager", "hr generalist", "11-3131.00"),
        ("Organisational Development Manager", "hr generalist", "11-3131.00"),
    ],
)
def test_classify_posting_developing_partners_or_markets_is_business_development(
    title: str, role: str, code: str
) -> None:
    assert _role_and_code(title) == (role, code)


@pytest.mark.parametrize(
    ("title", "role", "code"),
    [
        # An associate or analyst of a field of investment finance is a financial and investment analyst: no
        # retail salesperson (a bare "Associate"), bank teller ("Banking Associate") or research assistant.
        ("Private Equity Associate", "financial analyst", "13-2051.00"),
        ("Investment Banking Associate", "financial analyst", "13-2051.00"),
        ("M&A Associate", "financial analyst", "13-2051.00"),
        ("Equity Research Associate", "financial analyst", "13-2051.00"),
        ("Asset Management Associate", "financial analyst", "13-2051.00"),
        ("Hedge Fund Analyst", "financial analyst", "13-2051.00"),
        # A bank's own associate still serves its counter (read as O*NET's "Banking Assistant", new accounts
        # clerks, since an associate of a field is its assistant); a research associate still researches.
        ("Banking Associate", "bank teller", "43-4141.00"),
        ("Research Associate", "research scientist", "19-4061.00"),
    ],
)
def test_classify_posting_investment_finance_associates_are_analysts(
    title: str, role: str, code: str
) -> None:
    assert _role_and_code(title) == (role, code)


@pytest.mark.parametrize(
    ("title", "role", "code"),
    [
        # A scientist of an AI field is a computer and information research scientist: O*NET lists none of
        # the field, and a bare scientist's occupation is a medical scientist's.
        ("AI Scientist", "research scientist", "15-1221.00"),
        ("Senior NLP Scientist", "research scientist", "15-1221.00"),
        # AI labs' engineering titles: evaluation of models is AI engineering, GPU kernels and compilers are
        # software, autonomy is machine learning, conversation design is product design, and search is
        # software (O*NET's one "Search Engineer" title is a search marketing strategist's).
        ("Evals Engineer", "ai engineer", "15-1299.08"),
        ("Prompt Designer", "ai engineer", "15-1299.08"),
        ("GPU Kernel Engineer", "software engineer", "15-1252.00"),
        ("ML Compiler Engineer", "software engineer", "15-1252.00"),
        ("Autonomy Engineer", "machine learning engineer", "15-1299.08"),
        ("Conversational AI Designer", "product designer", "15-1255.00"),
        ("Search Engineer", "software engineer", "15-1252.00"),
    ],
)
def test_classify_posting_ai_lab_titles(title: str, role: str, code: str) -> None:
    assert _role_and_code(title) == (role, code)


@pytest.mark.parametrize(
    ("title", "role", "code"),
    [
        # Making and judging AI training data (labelling, rating, writing answers for a model) has no SOC
        # occupation of its own: it is coded to SOC's computer occupations not listed separately, in one role
        # an analyst can keep or leave out, and its "trainer", "tutor" or "evaluator" trains no staff, teaches
        # no pupil and models no fashion.
        ("Freelance AI Trainer - Chemistry (PhD)", "ai trainer", "15-1299.00"),
        ("LLM Tutor", "ai trainer", "15-1299.00"),
        ("Generative AI Response Rater (French)", "ai trainer", "15-1299.00"),
        ("AI Model Evaluator", "ai trainer", "15-1299.00"),
        ("Image Data Annotator", "ai trainer", "15-1299.00"),
        ("Data Labelling Associate", "ai trainer", "15-1299.00"),
        ("Annotation Analyst", "ai trainer", "15-1299.00"),
        ("Search Engine Evaluator - Dutch", "ai trainer", "15-1299.00"),
        # A trainer of people in AI skills, or of animals, keeps the occupation that teaches.
        ("AI Skills Trainer", "hr generalist", "13-1151.00"),
        ("Dog Trainer", "personal service worker", "39-2011.00"),
        ("Label Operator", "production worker", "51-6062.00"),
    ],
)
def test_classify_posting_ai_training_data_work_is_one_role(title: str, role: str, code: str) -> None:
    assert _role_and_code(title) == (role, code)


@pytest.mark.parametrize(
    ("title", "function"),
    [
        # An early-career programme's field is the job's: no training manager, IT project manager or wind
        # farm developer the programme's words had named.
        ("Future Leaders Development Programme Technology", "engineering"),
        ("IT Leadership Development Program", "information-technology"),
        ("Graduate Scheme - Finance", "finance"),
        ("Marketing Graduate Scheme 2025", "marketing"),
        ("Early Careers Programme - Software Engineer", "engineering"),
        # A programme's own staff keep their job.
        ("Graduate Programme Manager", "project-management"),
    ],
)
def test_classify_posting_a_graduate_programme_is_its_fields(title: str, function: str) -> None:
    assert classify_posting(title).function == function


@pytest.mark.parametrize(
    ("title", "role", "soc"),
    [
        # "Coach" names no kind of work by itself: a coach of a sport teaches it (SOC's coaches and scouts
        # are the teacher role's), a life, career or wellness coach does the work the occupation names, and a
        # coach operator drives a bus.
        ("Soccer Coach", "teacher", "27-2022"),
        ("Assistant Coach - Women's Volleyball", "teacher", "27-2022"),
        ("Baseball Scout", "teacher", "27-2022"),
        ("Career Coach", "school administrator", "21-1012"),
        ("Wellness Coach", "personal service worker", "39-9031"),
        ("Executive Coach", "hr generalist", "13-1071"),
        ("Motor Coach Operator", "driver", "53-3052"),
        # A title the teacher's pattern names keeps the occupation it names: the role has none of its own.
        ("Yoga Teacher", "teacher", "39-9031"),
    ],
)
def test_classify_posting_a_coach_does_the_work_its_occupation_names(title: str, role: str, soc: str) -> None:
    assert _role_and_soc(title) == (role, soc)


def _role_and_soc(title: str) -> tuple[str | None, str | None]:
    result = classify_posting(title)
    return result.role, result.occupation.soc if result.occupation else None


def _role_and_code(title: str) -> tuple[str | None, str | None]:
    """The posting's role and full O*NET-SOC code (a specialty or "15-1299.00" apart from its siblings)."""
    result = classify_posting(title)
    return result.role, result.occupation.code if result.occupation else None


@pytest.mark.parametrize(
    ("decorated", "bare"),
    [
        # What a board adds to a title (urgency, pay on offer) is read as the bare title: neither its words
        # the index does not know nor words that offer pay refine the job.
        ("CNC Machinist ASAP", "CNC Machinist"),
        ("CNC Machinist (Up to $90K)", "CNC Machinist"),
        ("Cleaner - Sign-on Bonus!", "Cleaner"),
        ("Care Assistant - £1,000 Joining Bonus", "Care Assistant"),
        ("Forklift Driver up to £12.50/hr", "Forklift Driver"),
        ("Midwife - $25/hr", "Midwife"),  # no "hr" (human resources) after the slash
        ("Teacher - Competitive Salary", "Teacher"),
        ("Teacher - 4 Day Week", "Teacher"),
        ("Care Assistant Mon-Fri", "Care Assistant"),
        ("Part Time Clerk", "Clerk"),  # no "Time Clerk" (postal clerks)
        ("Part-Time Buyer", "Buyer"),  # no "Time Buyer" (advertising sales agents)
        ("Mechanic - Company Car", "Mechanic"),
        ("Cleaner + Car", "Cleaner"),  # no vehicle cleaner
        ("Store Manager - Paid Training", "Store Manager"),  # no training manager
        ("Store Manager - Medical Benefits", "Store Manager"),
        ("Labourer - Home Daily", "Labourer"),
        ("Kitchen Porter DOE", "Kitchen Porter"),
        # ...and how the job is held: no role pattern's word displaces the job the title names outright.
        ("Sessional Phlebotomist", "Phlebotomist"),
        ("Interim Loan Officer", "Loan Officer"),
        ("Self-Employed Labourer", "Labourer"),
        ("1st Shift Machine Operator", "Machine Operator"),
        ("Contract-to-Hire Kitchen Porter", "Kitchen Porter"),
        # A colon before a space parts a title as a dash does: "Hiring Event" is no event driver's.
        ("Hiring Event: Delivery Driver", "Delivery Driver"),
        ("Delivery Driver: Nights", "Delivery Driver"),
        # A place written after the title with no separator: no role pattern reads the whole title with it,
        # and no title is an occupation's own word for word with it.
        ("IT Lead Belfast", "IT Lead"),
        ("Owner Swindon", "Owner"),
        ("Physical Therapist Tech Toledo", "Physical Therapist Tech"),
        ("Revenue Cycle Specialist Tulsa", "Revenue Cycle Specialist"),
        ("Senior Transportation Planner Leicestershire", "Senior Transportation Planner"),
        ("Environmental Engineer Swindon Wiltshire", "Environmental Engineer"),
        ("Team Lead Swindon", "Team Lead"),
    ],
)
def test_classify_posting_reads_a_decorated_title_as_the_bare_one(decorated: str, bare: str) -> None:
    assert classify_posting(decorated) == classify_posting(bare)


@pytest.mark.parametrize(
    ("title", "read"),
    [
        ("Deputy Manager Belper", "Deputy Manager"),
        ("IT Lead Belfast Ballymena", "IT Lead"),
        ("Registerd Nurse", "Registerd Nurse"),  # a misspelling of a word the index knows is read
        ("LLM Tutor", "LLM Tutor"),  # a word first stays: it names the job more often than not
        ("Senior Developer React Native", "Senior Developer React Native"),  # the two name the job together
        ("Analityk CERT", "Analityk CERT"),
        ("Data Scientist, Forecasting", "Data Scientist, Forecasting"),  # a part of its own after a comma
        ("Team Lead (Swindon)", "Team Lead (Swindon)"),  # and in brackets: the readers read the part
        ("Care Assistant - Sign-on Bonus", "Care Assistant - Sign-on Bonus"),  # nothing dropped: as written
        ("Chief of Staff", "Chief of Staff"),  # words the readers drop name the job with others
        ("Product Design Intern", "Product Design Intern"),
        ("Security Officer Nights", "Security Officer Nights"),
        ("Swindon", "Swindon"),  # a title is never emptied
    ],
)
def test_without_trailing_unread_drops_only_the_words_no_reader_knows(title: str, read: str) -> None:
    assert without_trailing_unread(title) == read
