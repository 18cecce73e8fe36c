"""The closed vocabularies stored in ``postings``: the values a column may hold, in publication order.

Written once here; the extractor writes these values and the report groups and orders by them. The
function list mirrors ``extract/data/functions.json`` (the role map that assigns functions), checked by
``tests/test_store_vocabularies.py``.
"""

from __future__ import annotations

# postings.seniority, in career order (the order figures list them in).
SENIORITY = ("intern", "entry", "mid", "senior", "staff", "manager", "director", "executive")
# postings.function: the 24 job functions.
FUNCTIONS = (
    "engineering",
    "data-and-analytics",
    "product-management",
    "design",
    "marketing",
    "sales",
    "customer-success",
    "operations",
    "finance",
    "accounting",
    "human-resources",
    "legal",
    "information-technology",
    "security",
    "research",
    "healthcare",
    "education",
    "consulting",
    "project-management",
    "quality-assurance",
    "supply-chain",
    "administrative",
    "communications",
    "business-development",
)
# postings.industry: the employer's industry, from the ``industry`` column of ``crawler/data/sources.csv``.
INDUSTRIES = (
    "software & internet",
    "finance & banking",
    "healthcare & life sciences",
    "retail & e-commerce",
    "manufacturing & industrial",
    "media & entertainment",
    "education",
    "government & public sector",
    "professional services & consulting",
    "telecommunications",
    "energy & utilities",
    "transportation & logistics",
    "real estate & construction",
    "hospitality & travel",
)
# postings.ai: does the posting ask the candidate for AI skills (null = not classified, counted as none).
AI_LEVELS = ("required", "preferred", "none")
# postings.remote: the work arrangement (null = the posting does not say).
REMOTE_VALUES = ("remote", "hybrid", "onsite")
# postings.salary_period: the period of the stated pay, and how many of it make a year.
SALARY_PERIODS = ("hour", "day", "week", "month", "year")
PERIODS_PER_YEAR = {"hour": 2080.0, "day": 260.0, "week": 52.0, "month": 12.0, "year": 1.0}
# postings.salary_kind: base pay, or on-target earnings (whose base is used for pay figures).
SALARY_KINDS = ("base", "ote")


def seniority_rank(seniority: str | None) -> tuple[int, str]:
    """Sort key putting seniorities in career order, unknown values after, by name."""
    if seniority in SENIORITY:
        return SENIORITY.index(seniority), ""
    return len(SENIORITY), seniority or ""


# postings.soc_major (the first two digits of postings.soc_code): the 23 major groups of the 2018 Standard
# Occupational Classification (BLS), which O*NET-SOC 2019 codes share, by code. The published titles end in
# "Occupations" ("Management Occupations"); it is dropped here as every group has it.
SOC_MAJOR_GROUPS = {
    "11": "Management",
    "13": "Business and Financial Operations",
    "15": "Computer and Mathematical",
    "17": "Architecture and Engineering",
    "19": "Life, Physical, and Social Science",
    "21": "Community and Social Service",
    "23": "Legal",
    "25": "Educational Instruction and Library",
    "27": "Arts, Design, Entertainment, Sports, and Media",
    "29": "Healthcare Practitioners and Technical",
    "31": "Healthcare Support",
    "33": "Protective Service",
    "35": "Food Preparation and Serving Related",
    "37": "Building and Grounds Cleaning and Maintenance",
    "39": "Personal Care and Service",
    "41": "Sales and Related",
    "43": "Office and Administrative Support",
    "45": "Farming, Fishing, and Forestry",
    "47": "Construction and Extraction",
    "49": "Installation, Maintenance, and Repair",
    "51": "Production",
    "53": "Transportation and Material Moving",
    "55": "Military Specific",
}


def soc_major_name(code: str | None) -> str | None:
    """The title of a SOC major group ("29" → "Healthcare Practitioners and Technical"); None when unknown."""
    return SOC_MAJOR_GROUPS.get(code or "")
