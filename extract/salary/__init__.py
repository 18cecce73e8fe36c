"""Stated pay: from a structured ATS field or from a posting's free text, with annualized values.

Text parsing works in three steps. ``money`` finds every money figure or range (amount, currency,
multiplier, an attached period from ``periods``). ``context`` decides from the words around it whether it is
the role's pay: the cue nearest to the figure wins, using the vocabulary in ``data/salary_cues.json`` (pay
cues like salary/base/OTE/rate against non-pay cues like raised/revenue/ARR/stipend/budget/401(k)). Last,
``magnitude`` judges the figure against a typical salary in the same currency (``data/currency.json``), so a
"$40M" is never a salary and an unstated period is read from the size of the figure; text pay must also
respect a yearly floor and an hourly ceiling per currency (``data/salary_plausibility.json``), else it is
dropped as not the job's pay. Allowances and benefits ("fertility HRA", "adoption assistance") are non-pay
cues. Pay marked as an estimate ("Glassdoor est.", "Estimated salary:") is kept with ``estimated=True``, which
never counts as disclosed. ``text`` puts the steps together. When a posting states one job's pay per level
("Technician I: …; Technician II: …", a starting rate and the rate with experience), ``ladder`` publishes the
envelope of the levels, the hiring range the employer's own structured field states; ranges per location,
contract type or job keep the first stated.

A figure without a currency sign is pay when a period closes it and it opens its statement ("41000 to 47500
per year", not "we handle 10,000 per month"), when it comes
right after a strong pay cue ("Salary: 36000 - 42000", "Pay: 28-33000"), under a pay heading on the line
above, or when the whole text is a one-line pay string ("30000 - 40000, Negotiable", a board's salary box);
a figure followed by a time unit ("37.5 hours per week") is working time. Such a figure takes the currency of
the posting's place (``location=``: "Leeds, UK" -> GBP), else none. A stated base is published with
``kind="base"`` even beside an OTE total; ``kind="ote"`` only when no base is stated.

Structured fields (Greenhouse, Lever, Ashby, JSON-LD, Recruitee, USAJOBS) go through
``salary_from_fields`` (``fields``), which normalizes the period vocabulary, corrects a magnitude implausible
for its period with a note in ``Salary.note``, and rejects values that no reading makes pay (non-finite,
1e308, 5e-324, a 400-digit integer) without raising, whatever JSON a vendor sends.

The vocabulary lives in ``extract/data``: ``salary_cues.json``, ``currency.json``, ``salary_grammar.json``
(multipliers, range connectors, period leads, working time), ``salary_fields.json`` (vendor periods),
``salary_plausibility.json`` (limits on text pay) and ``salary_ladder.json`` (one job's pay levels).
"""

from extract.salary.currency import ISO_CODES
from extract.salary.fields import salary_from_fields
from extract.salary.periods import annualize
from extract.salary.text import find_salaries, find_salary

__all__ = ["ISO_CODES", "annualize", "find_salaries", "find_salary", "salary_from_fields"]
