"""JSON-LD JobPosting discovery on messy pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.jsonld import job_postings, json_unescaped

FIXTURES = Path(__file__).parent / "fixtures" / "jsonld"


def _page(*blocks: str) -> str:
    scripts = "".join(f'<script type="application/ld+json">{b}</script>' for b in blocks)
    return f"<html><head>{scripts}</head><body><p>x</p></body></html>"


@pytest.mark.parametrize(
    ("page", "titles"),
    [
        (_page('{"@type": "JobPosting", "title": "A"}'), ["A"]),
        (_page('{"@graph": [{"@type": "Organization"}, {"@type": "JobPosting", "title": "B"}]}'), ["B"]),
        (_page('[{"@type": "JobPosting", "title": "C"}, {"@type": "JobPosting", "title": "D"}]'), ["C", "D"]),
        (_page('{"@type": ["JobPosting"], "Title": "E"}'), ["E"]),
        (_page('{"@type": "http://schema.org/JobPosting", "title": "F"}'), ["F"]),
        (_page("{broken", '{"@type": "JobPosting", "title": "G"}'), ["G"]),
        (_page('{"@type": "JobPosting", "title": "H",}'), ["H"]),
        (_page('{"@type": "JobPosting", "title": "I\nJ"}'), ["I J"]),
        (_page('{"@type": "Organization", "name": "none"}'), []),
        # A block nested past Python's stack hides no other block (it raised RecursionError for the page).
        (_page("[" * 5000 + "]" * 5000, '{"@type": "JobPosting", "title": "K"}'), ["K"]),
        ("<html><body>no json-ld</body></html>", []),
        ("", []),
    ],
)
def test_job_postings_found_in_messy_json_ld(page: str, titles: list[str]) -> None:
    assert [p["title"] for p in job_postings(page)] == titles


@pytest.mark.parametrize(
    ("page", "company"),
    [
        # A reference by @id is replaced by the object of that id, wherever on the page it is.
        (
            _page('{"@graph": [{"@type": "Organization", "@id": "#org", "name": "Acme"},'
                  ' {"@type": "JobPosting", "title": "A", "hiringOrganization": {"@id": "#org"}}]}'),
            {"@type": "Organization", "@id": "#org", "name": "Acme"},
        ),
        (
            _page('{"@type": "JobPosting", "title": "A", "hiringOrganization": {"@id": "#org"}}',
                  '{"@type": "Organization", "@id": "#org", "name": "Acme"}'),
            {"@type": "Organization", "@id": "#org", "name": "Acme"},
        ),
        # An id the page never defines stays a reference.
        (_page('{"@type": "JobPosting", "title": "A", "hiringOrganization": {"@id": "#x"}}'), {"@id": "#x"}),
    ],
)  # fmt: skip
def test_job_postings_resolve_id_references(page: str, company: dict[str, str]) -> None:
    [posting] = job_postings(page)
    assert posting["hiringorganization"] == company


@pytest.mark.parametrize(
    ("page", "titles"),
    [
        # A JobPosting nested in another object (WebPage.mainEntity), and not twice through its reference.
        (_page('{"@type": "WebPage", "mainEntity": {"@type": "JobPosting", "title": "N"}}'), ["N"]),
        (
            _page('{"@graph": [{"@type": "WebPage", "mainEntity": {"@id": "#j", "@type": "JobPosting"}},'
                  ' {"@type": "JobPosting", "@id": "#j", "title": "R"}]}'),
            ["R"],
        ),
        # No JSON-LD posting: microdata, then RDFa.
        (
            '<div itemscope itemtype="https://schema.org/JobPosting"><h1 itemprop="title">M</h1></div>',
            ["M"],
        ),
        ('<div vocab="https://schema.org/" typeof="JobPosting"><h1 property="title">R</h1></div>', ["R"]),
        # JSON-LD wins when it has a posting; microdata of the same job is not read twice.
        (
            _page('{"@type": "JobPosting", "title": "J"}')
            + '<div itemscope itemtype="https://schema.org/JobPosting"><h1 itemprop="title">J</h1></div>',
            ["J"],
        ),
    ],
)  # fmt: skip
def test_job_postings_found_nested_and_in_microdata(page: str, titles: list[str]) -> None:
    assert [p["title"] for p in job_postings(page, "https://x.test/jobs/1")] == titles


@pytest.mark.parametrize(
    ("block", "countries"),
    [
        ('{"@type": "JobPosting", "addressCountry": "CH", "addressCountry": "DE"}', ["CH", "DE"]),
        ('{"@type": "JobPosting", "addressCountry": "CH", "addressCountry": "CH"}', "CH"),
        # The lenient retry (a trailing comma) keeps repeats too.
        ('{"@type": "JobPosting", "addressCountry": "CH", "addressCountry": "AT",}', ["CH", "AT"]),
    ],
)
def test_job_postings_keep_every_value_of_a_repeated_key(block: str, countries: object) -> None:
    [posting] = job_postings(_page(block))
    assert posting["addresscountry"] == countries


def test_job_postings_references_cannot_blow_up() -> None:
    # 60 objects that each reference all 60: following every reference 6 deep would be 60**6 copies.
    refs = [{"@id": f"#n{i}"} for i in range(60)]
    graph = [{"@type": "Organization", "@id": f"#n{i}", "name": f"N{i}", "knows": refs} for i in range(60)]
    graph.append({"@type": "JobPosting", "title": "T", "hiringOrganization": {"@id": "#n0"}})
    [posting] = job_postings(_page(json.dumps({"@graph": graph})))
    assert posting["hiringorganization"]["name"] == "N0"


@pytest.mark.parametrize(
    ("fixture", "title", "company"),
    [
        # A legacy //<![CDATA[ … //]]> guard around the block.
        ("cdata.html", "Line Cook", "Saltmarsh Kitchens"),
        # The whole block HTML-entity-encoded: {&quot;@type&quot;: …}.
        ("entity-encoded.html", "Analista de Dados", "Ipê Logística"),
        # No comma between two properties, and a "\\$" JSON has no escape for.
        ("talemetry.html", "Route Driver - Class B", "Fenwick Supply"),
    ],
)
def test_job_postings_read_blocks_career_sites_break(fixture: str, title: str, company: str) -> None:
    [posting] = job_postings((FIXTURES / fixture).read_text(encoding="utf-8"))
    assert (posting["title"], posting["hiringorganization"]["name"]) == (title, company)


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        # An invalid escape loses its backslash; an escaped backslash before "$" stays one.
        (r'{"@type": "JobPosting", "title": "A", "description": "From \$20"}', "From $20"),
        (r'{"@type": "JobPosting", "title": "A", "description": "C:\\$x \$y"}', "C:\\$x $y"),
        # The comma is restored only between a value and the next "key":, never inside a string.
        ('{"@type": "JobPosting", "title": "A"  "description": "say \\"a\\" \\"b\\": c"}', 'say "a" "b": c'),
    ],
)
def test_job_postings_repair_escapes_and_commas(block: str, expected: str) -> None:
    [posting] = job_postings(_page(block))
    assert posting["description"] == expected


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # Escaped twice: the closing tags and line breaks still carry their JSON escapes.
        (r"<p>Lift 25 lb<\/p>\n<p>Say \"hi\"<\/p>", '<p>Lift 25 lb</p>\n<p>Say "hi"</p>'),
        (r"<p>Caf\u00e9 shift<\/p>\t", "<p>Caf\u00e9 shift</p>\t"),
        # Escaped once: a backslash in the text is the employer's own and stays.
        (r"<p>C:\new folder</p>", r"<p>C:\new folder</p>"),
        ("", ""),
    ],
)
def test_json_unescaped(markup: str, expected: str) -> None:
    assert json_unescaped(markup) == expected
