"""The HTML report and its SVG charts: self-contained, scraped text always inert, and it renders in a browser.

The golden fixture (``test_report_build_golden``) gets two hostile postings whose title, role, function, seniority,
source, currency and skill are markup. Pure tests read the page and the SVG as text and XML; the browser tests
render the page in headless Chromium (skipped without it locally, a failure in CI) and read back the DOM, the
console and a screenshot.
"""

from __future__ import annotations

import html
import json
import os
import re
import struct
import subprocess
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from click.testing import CliRunner

from jobpulse.cli import cli
from report import build_report
from report.ai_penetration import heat_colors
from report.html import CSS, INDEX, hub_html, to_html, write_html
from report.hubs import HUB_DIR
from report.markup import clean, esc, shorten
from report.registry import CHARTS
from report.svg import ACCENT, HEAT_LOW, nice_range
from store import open_db
from store.postings import upsert_posting

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
HOSTILE = (SCRIPT, IMG)
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
SVG_NS = "{http://www.w3.org/2000/svg}"


def hostile_db(db: sqlite_utils.Database) -> sqlite_utils.Database:
    """The golden fixture plus two postings whose every published text field is markup."""
    pay = {"salary_annual_min": 150_000.0, "salary_annual_max": 170_000.0, "salary_period": "year"}
    rows = [
        ({"source": "greenhouse", "source_id": "x1", "title": SCRIPT, "company": IMG, "function": SCRIPT,
          "role": IMG, "seniority": "senior", "ai": "required", "salary_currency": "USD",
          "first_seen": "2026-11-18T08:00:00Z", **pay}, SCRIPT),
        ({"source": SCRIPT, "source_id": "x2", "title": IMG, "company": SCRIPT, "function": IMG,
          "role": SCRIPT, "seniority": SCRIPT, "industry": IMG, "ai": "none", "salary_currency": IMG,
          "first_seen": "2026-11-19T08:00:00Z", **pay}, IMG),
    ]  # fmt: skip
    with db.conn:
        for row, skill in rows:
            upsert_posting(db, row, [{"skill": skill, "preferred": 0}], None)
    return db


@pytest.fixture(scope="module")
def report(build_golden_db: Callable[[], sqlite_utils.Database]) -> dict[str, Any]:
    return build_report(hostile_db(build_golden_db()), min_n=3, now=NOW)


@pytest.fixture(scope="module")
def site(report: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_html(report, tmp_path_factory.mktemp("html"))


class _Dom(HTMLParser):
    """Start tags with their attributes, and the page's text (entities decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(markup: str) -> _Dom:
    dom = _Dom()
    dom.feed(markup)
    dom.close()
    return dom


def _assert_inert(markup: str, shows: tuple[str, ...] = HOSTILE) -> None:
    """No element or attribute that runs code or fetches anything; the ``shows`` strings are there as text."""
    dom = _parse(markup)
    tags = {tag for tag, _ in dom.tags}
    assert not tags & {"script", "img", "iframe", "object", "embed", "image", "use", "foreignobject", "form"}
    hrefs = {value for _, attrs in dom.tags for name, value in attrs if name in ("href", "src", "action")}
    hubs = {href for href in hrefs if re.fullmatch(r"hubs/[a-z0-9-]+\.html", href or "")}
    assert hrefs - hubs <= {"data:,", "#methodology", "../index.html", *CHARTS}
    attributes = [(name, value or "") for _, attrs in dom.tags for name, value in attrs]
    assert not [name for name, _ in attributes if name.startswith("on")]
    assert not [value for _, value in attributes if "alert" in value.lower() or "<" in value]
    text = "".join(dom.text)
    for hostile in shows:
        assert hostile in text


# --- pure -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (SCRIPT, "&lt;script&gt;alert(1)&lt;/script&gt;"),
        (IMG, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
        ("R&D", "R&amp;D"),
        ("it's", "it&#x27;s"),
        ("two\nlines\t here", "two lines here"),
        ("nul\x00 and\x1b escape\ufffe", "nul and escape"),
        (None, "(unknown)"),
    ],
)
def test_esc_makes_scraped_text_inert(value: str | None, expected: str) -> None:
    assert esc(value) == expected


@pytest.mark.parametrize(
    ("value", "limit", "expected"),
    [
        ("Python", 10, "Python"),
        ("LangChain or similar frameworks", 12, "LangChain o…"),
        (" a\n b ", 5, "a b"),
    ],
)
def test_shorten_cuts_with_ellipsis(value: str, limit: int, expected: str) -> None:
    assert shorten(value, limit) == expected
    assert len(shorten(value, limit)) <= limit and clean(value).startswith(shorten(value, limit).rstrip("…"))


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (0, 0.538, (0.0, 0.6, [0.0, 0.2, 0.4, 0.6])),
        (0, 0.0, (0.0, 1.0, [0.0, 1.0])),
        (
            112_500,
            135_000,
            (110_000.0, 135_000.0, [110_000.0, 115_000.0, 120_000.0, 125_000.0, 130_000.0, 135_000.0]),
        ),
        (0, 212, (0.0, 250.0, [0.0, 50.0, 100.0, 150.0, 200.0, 250.0])),
    ],
)
def test_nice_range_encloses_on_round_ticks(low: float, high: float, expected: tuple[Any, ...]) -> None:
    assert nice_range(low, high) == expected


@pytest.mark.parametrize(("share", "fill"), [(0.0, HEAT_LOW), (0.6, ACCENT), (0.9, ACCENT)])
def test_heat_colors_run_from_pale_to_accent(share: float, fill: str) -> None:
    assert heat_colors(share, 0.6)[0] == fill


@pytest.mark.parametrize(
    ("name", "shows"),
    [
        ("skill_shares.svg", HOSTILE),  # as skill names
        ("ai_by_function.svg", HOSTILE),  # as functions
        (
            "salary_bands.svg",
            (IMG.upper(),),
        ),  # as a currency (upper-cased by the scope); seniority is cut short
        ("weekly.svg", ()),
    ],
)
def test_svg_charts_are_well_formed_and_inert(
    report: dict[str, Any], name: str, shows: tuple[str, ...]
) -> None:
    markup = CHARTS[name](report)
    root = ET.fromstring(markup)
    assert root.tag == f"{SVG_NS}svg" and root.get("viewBox")
    assert root.find(f"{SVG_NS}title") is not None
    elements = {el.tag.removeprefix(SVG_NS) for el in root.iter()}
    assert elements <= {"svg", "title", "desc", "rect", "line", "text", "tspan", "polyline", "circle"}
    assert not [
        value for el in root.iter() for value in el.attrib.values() if "<" in value or "alert" in value
    ]
    _assert_inert(markup, shows)  # also read as HTML, the way the page embeds it


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("skill_shares.svg", ["Python", "46.7%", "Skill groups", "AWS/GCP/Azure"]),  # 7 of 15
        ("ai_by_function.svg", ["engineering", "AI required", "33.3%", "44.4%"]),
        ("salary_bands.svg", ["USD", "$122K", "$113K–$129K", "suppressed (n=2)", "Entry"]),
        ("weekly.svg", ["2026-W46", "W47", "W53", "asking for AI skills"]),
    ],
)
def test_svg_charts_show_the_figures(report: dict[str, Any], name: str, expected: list[str]) -> None:
    text = " ".join(ET.fromstring(CHARTS[name](report)).itertext())
    for snippet in expected:
        assert snippet in text


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("skill_shares.svg", "No skills in scope."),
        ("ai_by_function.svg", "No postings in scope."),
        ("salary_bands.svg", "No disclosed pay in scope."),
        ("weekly.svg", "No dated postings in scope."),
    ],
)
def test_svg_charts_say_when_there_is_nothing(db: sqlite_utils.Database, name: str, message: str) -> None:
    empty = build_report(db, now=NOW)
    assert message in " ".join(ET.fromstring(CHARTS[name](empty)).itertext())
    assert message in to_html(empty)


def test_to_html_is_self_contained_and_inert(report: dict[str, Any]) -> None:
    page = to_html(report)
    _assert_inert(page)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "<script" not in page.lower() and "<img" not in page.lower()
    assert "url(" not in CSS and "@import" not in CSS


@pytest.mark.parametrize(
    "snippet",
    [
        "suppressed (n=2)",  # EUR senior band
        "$113K – $129K",  # USD entry band
        "+18.2%",  # overall AI premium
        "dropped",  # AI premium cells below min n
        "46.7%",  # Python share: 7 of 15
        "Methodology",
        "skills-sha256:",
    ],
)
def test_to_html_shows_headline_figures(report: dict[str, Any], snippet: str) -> None:
    assert snippet in to_html(report)


def test_write_html_writes_page_and_charts(site: Path, report: dict[str, Any]) -> None:
    assert site.name == INDEX
    assert sorted(p.name for p in site.parent.iterdir()) == sorted([INDEX, *CHARTS, HUB_DIR])
    assert sorted(p.name for p in (site.parent / HUB_DIR).iterdir()) == sorted(
        f"{hub['slug']}.html" for hub in report["hubs"].values()
    )
    for name, chart in CHARTS.items():
        assert (site.parent / name).read_text(encoding="utf-8") == chart(report)
    assert site.read_text(encoding="utf-8") == to_html(report)


def test_report_cli_html_prints_the_page_path(
    tmp_path: Path, build_golden_db: Callable[[], sqlite_utils.Database]
) -> None:
    db_file = tmp_path / "jobs.db"
    target = open_db(db_file)
    hostile_db(build_golden_db()).conn.backup(target.conn)
    target.close()
    result = CliRunner().invoke(
        cli, ["report", "--db", str(db_file), "--min-n", "3", "--html", str(tmp_path / "out")]
    )
    assert result.exit_code == 0, result.output
    assert result.output.strip() == str(tmp_path / "out" / INDEX)
    assert (tmp_path / "out" / "weekly.svg").exists()


# --- in a real browser ------------------------------------------------------------------------------------


def _chromium(*args: str, profile: Path) -> subprocess.CompletedProcess[str]:
    if not CHROMIUM.exists():
        reason = f"headless Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}: CI must install it")
        pytest.skip(reason)
    command = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--hide-scrollbars", f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", *args,
    ]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)


def _console(stderr: str) -> list[str]:
    """Messages the page wrote to the console (Chromium logs them as ``INFO:CONSOLE…``)."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def _png_rows(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the raw (filtered) scanlines of an 8-bit RGB/RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, depth, color = struct.unpack(">IIBB", data[16:26])
    assert depth == 8 and color in (2, 6)
    chunks, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        if data[at + 4 : at + 8] == b"IDAT":
            chunks.append(data[at + 8 : at + 8 + length])
        at += 12 + length
    raw = zlib.decompress(b"".join(chunks))
    stride = 1 + width * (3 if color == 2 else 4)
    return width, height, [raw[i : i + stride] for i in range(0, len(raw), stride)]


def test_chromium_console_capture_sees_errors(tmp_path: Path) -> None:
    # The no-console-errors assertion below means something only if errors would be seen.
    page = tmp_path / "broken.html"
    page.write_text("<!DOCTYPE html><title>x</title><script>console.error('seen-' + 42)</script>", "utf-8")
    result = _chromium("--dump-dom", page.as_uri(), profile=tmp_path / "profile")
    assert any("seen-42" in line for line in _console(result.stderr)), result.stderr[-2000:]


def test_report_html_renders_in_chromium_as_text_not_markup(site: Path, tmp_path: Path) -> None:
    result = _chromium("--dump-dom", site.as_uri(), profile=tmp_path / "profile")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "AI skills by function" in result.stdout
    _assert_inert(result.stdout)
    assert _console(result.stderr) == []


def test_report_html_screenshot_is_not_blank(site: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    result = _chromium(
        f"--screenshot={shot}", "--window-size=1280,2000", site.as_uri(), profile=tmp_path / "p"
    )
    assert result.returncode == 0 and shot.exists(), result.stderr[-2000:]
    data = shot.read_bytes()
    width, height, rows = _png_rows(data)
    assert (width, height) == (1280, 2000) and len(rows) == height
    assert len(data) > 30_000
    assert len(set(rows)) > 200  # a blank or single-colour page has a handful of distinct scanlines
    assert _console(result.stderr) == []


# The page measures itself and posts the result to the frame around it: Chromium's headless window is at least
# 500 px wide, so a 390 px phone is an iframe of that width. The CSP is lifted only on this test copy.
_MEASURE_JS = """
(() => {
  const vw = document.documentElement.clientWidth;
  const boxed = (el) => {
    for (let a = el.parentElement; a; a = a.parentElement) {
      if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(a).overflowX)) return true;
    }
    return false;
  };
  const wide = [...document.querySelectorAll('body *')].filter((el) => {
    const r = el.getBoundingClientRect();
    return (r.right > vw + 0.5 || r.left < -0.5) && !boxed(el);
  }).map((el) => el.tagName + '.' + el.className);
  const small = [];
  for (const svg of document.querySelectorAll('svg')) {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    for (const t of svg.querySelectorAll('text')) {
      const px = parseFloat(t.getAttribute('font-size')) * scale;
      if (px < 10.95) small.push(t.textContent + ' ' + px.toFixed(1));
    }
  }
  const spills = [...document.querySelectorAll('.card *')].filter((el) => el.scrollWidth > el.clientWidth + 1)
    .map((el) => el.textContent);
  parent.postMessage(JSON.stringify({vw, page: document.documentElement.scrollWidth, wide, small, spills}), '*');
})();
"""


def _measure(page: Path, width: int, tmp_path: Path) -> dict[str, Any]:
    markup = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page.read_text(encoding="utf-8"))
    (tmp_path / "page.html").write_text(markup.replace("</body>", f"<script>{_MEASURE_JS}</script></body>"))
    frame = tmp_path / "frame.html"
    frame.write_text(
        '<!DOCTYPE html><body style="margin:0"><pre id="out"></pre>'
        f'<iframe src="page.html" style="width:{width}px;height:1200px;border:0"></iframe><script>'
        "addEventListener('message', (e) => { document.getElementById('out').textContent = e.data; });"
        "</script></body>",
        encoding="utf-8",
    )
    result = _chromium(
        "--dump-dom", "--virtual-time-budget=10000", f"--window-size={max(width, 500) + 20},1300",
        frame.as_uri(), profile=tmp_path / "profile",
    )  # fmt: skip
    found = re.search(r'<pre id="out">(.*?)</pre>', result.stdout, re.DOTALL)
    assert found and found[1], result.stderr[-2000:]
    return dict(json.loads(html.unescape(found[1])))


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("which", ["index", "hub"])
def test_report_html_fits_the_screen(site: Path, tmp_path: Path, width: int, which: str) -> None:
    page = site if which == "index" else site.parent / HUB_DIR / "engineering.html"
    measured = _measure(page, width, tmp_path)
    assert measured["vw"] == width
    assert measured["page"] <= width  # no sideways scroll of the page: tables and charts scroll in their box
    assert measured["wide"] == []  # no element wider than the screen outside a scrolling box
    assert measured["small"] == []  # chart text at least 11 px
    assert measured["spills"] == []  # no card text spilling out of its box


def test_skill_chart_does_not_cut_a_label_that_fits(
    build_golden_db: Callable[[], sqlite_utils.Database],
) -> None:
    db = build_golden_db()
    row = {"source": "lever", "source_id": "lc1", "title": "AI engineer", "function": "engineering",
           "first_seen": "2026-11-20T08:00:00Z"}  # fmt: skip
    with db.conn:
        upsert_posting(db, row, [{"skill": "LangChain", "preferred": 0}], None)
    text = " ".join(ET.fromstring(CHARTS["skill_shares.svg"](build_report(db, now=NOW))).itertext())
    assert "LangChain or similar frameworks" in text and "…" not in text


def test_hub_pages_are_self_contained_and_inert(report: dict[str, Any]) -> None:
    hubs = report["hubs"]
    assert {hub["slug"] for hub in hubs.values()} >= {"engineering", "marketing"}
    for name, hub in hubs.items():
        page = hub_html(report, hub)
        _assert_inert(page, shows=(name,) if name in HOSTILE else ())
        assert "default-src 'none'" in page and "What changed" in page and "../index.html" in page


def test_premium_card_states_what_it_rests_on(report: dict[str, Any]) -> None:
    used = report["ai_premium"]["cells_used"]
    total = used + report["ai_premium"]["cells_dropped"]
    assert f"engineering · USD, {used} of {total} cells" in to_html(report)
