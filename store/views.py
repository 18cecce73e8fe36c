"""The SQL views of the database, and the derived fields every published figure shares, written once.

Views are not frozen in a migration: ``create_views`` drops and recreates any view whose SQL differs from
the text here whenever ``store.open_db`` opens a database, so a changed definition reaches existing
databases on their next open. The derived fields of one job (``JOB_FIELDS``: normalized AI level, disclosed
flag, pay, ISO week) are SQL expressions over the ``postings`` columns; the ``jobs`` view selects them, and
``report.scope`` materializes the same expressions for a report, so the view and the report cannot drift.

The views cover the whole de-duplicated database (``ONE_ROW_PER_JOB``) with no window, segment or minimum
cell size: ``extract report`` adds those, and the exact percentiles SQLite cannot compute. Shares are
fractions in [0, 1] rounded to 6 places, as in the report's JSON.
"""

from __future__ import annotations

import sqlite_utils

from store.vocabularies import SENIORITY, SOC_MAJOR_GROUPS

# One job, counted once: a posting that duplicates another (same job, another route) is left out.
ONE_ROW_PER_JOB = "duplicate_of IS NULL"
# A posting discloses pay when it states an annual amount its source marks neither as an estimate nor as
# withheld from the public posting.
DISCLOSED = (
    "salary_annual_min IS NOT NULL AND coalesce(salary_estimated, 0) = 0 AND coalesce(salary_withheld, 0) = 0"
)
# The dates a report believes: a stored date outside them (9999-12-31, 0001-01-01, written by another tool or
# before extraction rejected such dates) is unknown, never a week. The same window as ``extract.dates``.
EARLIEST_DAY = "1990-01-01"
LATEST_DAY = "2100-12-31"


def sane_day(column: str) -> str:
    """SQL for the calendar day of the ISO text ``column`` when it lies in the window above, else NULL."""
    day = f"date(substr({column}, 1, 10))"
    return f"(CASE WHEN {day} BETWEEN '{EARLIEST_DAY}' AND '{LATEST_DAY}' THEN {day} END)"


# The day a posting belongs to: the posted date when present and valid, else the first_seen date. This is
# the one definition of time: the weekly trend, ``extract report --week/--since/--until`` and ``jobs.week``
# all use it (columns unqualified, so a caller may read it over ``postings`` or ``postings AS p``).
DAY = f"coalesce({sane_day('posted')}, {sane_day('first_seen')})"
_DAY = DAY


def iso_week(day: str) -> str:
    """SQL for the ISO week label ("2026-W47") of the date expression ``day`` (NULL when it is NULL)."""
    # An ISO week belongs to the year of its Thursday; 'weekday 0' moves to the Sunday ending the week.
    thursday = f"date({day}, 'weekday 0', '-3 days')"
    return (
        f"strftime('%Y', {thursday}) || '-W' || "
        f"printf('%02d', (CAST(strftime('%j', {thursday}) AS INTEGER) - 1) / 7 + 1)"
    )


_WEEK = iso_week(_DAY)
WEEK_BASIS = "ISO week of the posted date when the source states one, else of the date first seen"

# The crawls of each board: one row per board and run that read it (outcome ok or empty), with the day the
# run started and whether it was complete (the run finished normally, as for closing postings).
BOARD_CRAWLS = f"""
SELECT br.source, br.board, {sane_day("cr.started_at")} AS day, cr.finish_reason = 'finished' AS complete
FROM board_runs AS br JOIN crawl_runs AS cr ON cr.id = br.run_id
WHERE br.outcome IN ('ok', 'empty') AND {sane_day("cr.started_at")} IS NOT NULL"""
LATEST_RUN_DAY = f"SELECT max({sane_day('started_at')}) FROM crawl_runs"
# For boards no run recorded: the first and the last day one of their postings was seen, in one scan.
BOARD_SEEN_SPANS = f"""
SELECT source, board, min({sane_day("first_seen")}),
       max(coalesce({sane_day("last_seen")}, {sane_day("first_seen")}))
FROM postings
GROUP BY source, board"""

# Annual pay a figure may use: a number (not text such as 'NaN' a REAL column keeps as text), at least one unit
# of its currency (a non-positive or denormal amount such as 5e-324 is a parsing slip, not pay) and at most
# PAY_CEILING (far above any salary in any currency: 25 times a typical salary in Vietnamese dong is 1e10),
# which also excludes infinities; both ends of the range are checked, so their midpoint stays finite. A
# disclosed posting whose pay fails this still counts as disclosing, but is left out of every pay figure.
PAY_FLOOR = 1
PAY_CEILING = 1e12


def _plausible(column: str) -> str:
    return f"(typeof({column}) IN ('integer', 'real') AND {column} BETWEEN {PAY_FLOOR} AND {PAY_CEILING:.0f})"


PLAUSIBLE_PAY = (
    f"{_plausible('salary_annual_min')} AND (salary_annual_max IS NULL OR {_plausible('salary_annual_max')})"
)
# Derived fields of one job: name → SQL expression over the columns of ``postings`` (unqualified).
JOB_FIELDS = {
    "ai": "CASE WHEN lower(ai) IN ('required', 'preferred') THEN lower(ai) ELSE 'none' END",
    "llm_focused": "CASE WHEN llm_focused THEN 1 ELSE 0 END",
    "disclosed": f"CASE WHEN {DISCLOSED} THEN 1 ELSE 0 END",
    "pay_currency": f"CASE WHEN {DISCLOSED} THEN nullif(upper(trim(salary_currency)), '') END",
    # the annualized midpoint, only of plausible amounts (``PLAUSIBLE_PAY``)
    "pay_annual": (
        f"CASE WHEN {DISCLOSED} AND {PLAUSIBLE_PAY} "
        "THEN (salary_annual_min + coalesce(salary_annual_max, salary_annual_min)) / 2.0 END"
    ),
    "pay_period": f"CASE WHEN {DISCLOSED} THEN salary_period END",
    "pay_kind": f"CASE WHEN {DISCLOSED} THEN salary_kind END",
    "week": f"CASE WHEN {_DAY} IS NOT NULL THEN {_WEEK} END",
}
# Which skills make up each skill group of the taxonomy (``skills.groups`` is a JSON array of group names).
SKILL_GROUP_MEMBERS = """SELECT DISTINCT je.value AS skill_group, sk.name AS skill
    FROM skills AS sk, json_each(sk.groups) AS je
    WHERE json_valid(sk.groups) AND je.type = 'text'"""
_SENIORITY_ORDER = " ".join(f"WHEN '{level}' THEN {rank}" for rank, level in enumerate(SENIORITY))
# The SOC major groups by code, as SQL rows (their names are in store.vocabularies, written once).
_SOC_MAJOR_ROWS = ",\n       ".join(
    "('{}', '{}')".format(code, name.replace("'", "''")) for code, name in SOC_MAJOR_GROUPS.items()
)


def _fields(*names: str) -> str:
    return ",\n       ".join(f"{JOB_FIELDS[name]} AS {name}" for name in names)


# name → the SELECT it stands for, in creation order (a view may read the ones before it).
VIEWS = {
    "posting_sources": """
SELECT coalesce(duplicate_of, id) AS job_id, id AS posting_id, source, source_id, board, company, url,
       duplicate_reason
FROM postings""",
    "jobs": f"""
SELECT id, source, board, company, title, url, location, function, role, soc_code, soc_title, soc_major,
       seniority, industry,
       {_fields("ai", "llm_focused", "disclosed", "pay_currency", "pay_annual", "week")},
       posted, first_seen, last_seen, closed_at, extractor_version
FROM postings
WHERE {ONE_ROW_PER_JOB}""",
    "skill_shares": """
SELECT ps.skill AS skill, sk.category AS category, coalesce(sk.ai, 0) AS ai_skill,
       count(DISTINCT ps.posting_id) AS postings,
       count(DISTINCT CASE WHEN ps.preferred = 0 THEN ps.posting_id END) AS required_postings,
       (SELECT count(*) FROM jobs) AS n,
       round(1.0 * count(DISTINCT ps.posting_id) / (SELECT count(*) FROM jobs), 6) AS share
FROM posting_skills AS ps
JOIN jobs AS j ON j.id = ps.posting_id
LEFT JOIN skills AS sk ON sk.name = ps.skill
GROUP BY ps.skill
ORDER BY postings DESC, ps.skill""",
    "group_shares": f"""
WITH members AS (
    {SKILL_GROUP_MEMBERS}
)
SELECT m.skill_group AS skill_group, count(DISTINCT m.skill) AS skills_named,
       count(DISTINCT ps.posting_id) AS postings,
       (SELECT count(*) FROM jobs) AS n,
       round(1.0 * count(DISTINCT ps.posting_id) / (SELECT count(*) FROM jobs), 6) AS share
FROM members AS m
JOIN posting_skills AS ps ON ps.skill = m.skill
JOIN jobs AS j ON j.id = ps.posting_id
GROUP BY m.skill_group
ORDER BY postings DESC, m.skill_group""",
    "ai_by_function": """
SELECT function, count(*) AS n,
       sum(ai = 'required') AS ai_required, sum(ai = 'preferred') AS ai_preferred,
       sum(ai != 'none') AS ai_any,
       round(1.0 * sum(ai = 'required') / count(*), 6) AS required_share,
       round(1.0 * sum(ai = 'preferred') / count(*), 6) AS preferred_share,
       round(1.0 * sum(ai != 'none') / count(*), 6) AS any_share
FROM jobs
GROUP BY function
ORDER BY n DESC, function IS NULL, function""",
    "salary_bands": f"""
SELECT seniority, pay_currency AS currency, count(*) AS n,
       min(pay_annual) AS min_pay, round(avg(pay_annual), 2) AS avg_pay,
       max(pay_annual) AS max_pay
FROM jobs
WHERE pay_annual IS NOT NULL AND pay_currency IS NOT NULL AND seniority IS NOT NULL
GROUP BY seniority, pay_currency
ORDER BY (SELECT count(*) FROM jobs AS c
          WHERE c.pay_currency = jobs.pay_currency AND c.pay_annual IS NOT NULL) DESC,
         currency,
         CASE seniority {_SENIORITY_ORDER} ELSE {len(SENIORITY)} END,
         seniority""",
    "soc_major_groups": f"""
SELECT column1 AS soc_major, column2 AS major_group
FROM (VALUES {_SOC_MAJOR_ROWS})""",
    "ai_by_soc_major": """
SELECT j.soc_major AS soc_major, g.major_group AS major_group, count(*) AS n,
       sum(j.ai = 'required') AS ai_required, sum(j.ai = 'preferred') AS ai_preferred,
       sum(j.ai != 'none') AS ai_any,
       round(1.0 * sum(j.ai != 'none') / count(*), 6) AS any_share,
       sum(j.disclosed) AS disclosed,
       round(1.0 * sum(j.disclosed) / count(*), 6) AS disclosure_rate
FROM jobs AS j
LEFT JOIN soc_major_groups AS g ON g.soc_major = j.soc_major
WHERE j.soc_major IS NOT NULL
GROUP BY j.soc_major
ORDER BY n DESC, j.soc_major""",
    "disclosure_by_function": """
SELECT function, count(*) AS n, sum(disclosed) AS disclosed,
       round(1.0 * sum(disclosed) / count(*), 6) AS rate
FROM jobs
GROUP BY function
ORDER BY n DESC, function IS NULL, function""",
    "disclosure_by_source": """
SELECT source, count(*) AS n, sum(disclosed) AS disclosed,
       round(1.0 * sum(disclosed) / count(*), 6) AS rate
FROM jobs
GROUP BY source
ORDER BY n DESC, source""",
    "weekly_postings": """
SELECT week, count(*) AS postings,
       round(1.0 * sum(ai != 'none') / count(*), 6) AS ai_share,
       round(1.0 * sum(disclosed) / count(*), 6) AS disclosure_rate
FROM jobs
WHERE week IS NOT NULL
GROUP BY week
ORDER BY week""",
}


def view_sql(name: str) -> str:
    """The ``CREATE VIEW`` statement of one view, as SQLite keeps it in ``sqlite_master``."""
    return f"CREATE VIEW {name} AS{VIEWS[name]}"


def views_stale(db: sqlite_utils.Database) -> bool:
    """True when a view is missing or its SQL differs from the text here."""
    current = dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'view'").fetchall())
    return any(current.get(name) != view_sql(name) for name in VIEWS)


def create_views(db: sqlite_utils.Database) -> None:
    """Drop and recreate every view from the SQL here, in one transaction.

    All views go together (a view may read another), so a reader never sees a mix of old and new.
    """
    db.execute("BEGIN IMMEDIATE")
    try:
        for name in reversed(VIEWS):
            db.execute(f"DROP VIEW IF EXISTS {name}")
        for name in VIEWS:
            db.execute(view_sql(name))
    except BaseException:
        db.conn.rollback()
        raise
    db.conn.commit()
