"""Response bodies decoded once, truthfully: BOM, then UTF-8 for JSON or where declared, then declarations,
then detection. Fixtures in ``tests/fixtures/hostile/``; the crawl cases are served on 127.0.0.1."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from crawler.bodies import declared_encodings, decode_body, with_charset
from extract.run import run_extraction
from store import open_db

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
UTF8_JSON = '{"title": "Ingénieure – Zürich"}'.encode()


@pytest.mark.parametrize(
    ("body", "content_type", "text", "encoding"),
    [
        # A Personio feed declaring its single-byte encoding, with no charset header, or a wrong one.
        ((HOSTILE / "personio-iso-8859-1.xml").read_bytes(), "text/xml", "München", "cp1252"),
        ((HOSTILE / "personio-iso-8859-1.xml").read_bytes(), "text/xml; charset=utf-8", "München", "cp1252"),
        ((HOSTILE / "personio-windows-1252.xml").read_bytes(), None, "(m/w/d) – Süd", "cp1252"),
        # A UTF-16 declaration in a body that is ASCII-readable is a lie: the bytes are UTF-8.
        ((HOSTILE / "personio-utf-16-declared.xml").read_bytes(), "text/xml", "Größe zählt", "utf-8"),
        # UTF-8 JSON labelled Latin-1: valid UTF-8 wins (JSON is UTF-8).
        (UTF8_JSON, "application/json; charset=iso-8859-1", "Ingénieure – Zürich", "utf-8"),
        ((HOSTILE / "greenhouse-utf-8-labelled-latin-1.json").read_bytes(), "text/plain; charset=ISO-8859-1",
         "Zürich, Schweiz", "utf-8"),
        # Latin-1 JSON that says so (invalid as UTF-8): the header is believed.
        ('{"city": "Köln"}'.encode("latin-1"), "application/json; charset=iso-8859-1", "Köln", "cp1252"),
        # A byte-order mark beats every declaration.
        (codecs.BOM_UTF8 + UTF8_JSON, "application/json; charset=iso-8859-1", '{"title": "Ingénieure', "utf-8"),
        (codecs.BOM_UTF16_LE + '<?xml version="1.0" encoding="UTF-16"?><a>Köln</a>'.encode("utf-16-le"),
         "text/xml", "<a>Köln</a>", "utf-16-le"),
        # Nothing declared: UTF-8 if valid, else windows-1252.
        ("<p>Café</p>".encode(), None, "<p>Café</p>", "utf-8"),
        ("<p>Café</p>".encode("cp1252"), "text/html", "<p>Café</p>", "cp1252"),
        # An unknown declaration is skipped; an HTML meta charset is read.
        ("<p>Café</p>".encode(), "text/html; charset=x-unknown", "<p>Café</p>", "utf-8"),
        (b'<meta charset="windows-1252"><p>Caf\xe9</p>', "text/html", "<p>Café</p>", "cp1252"),
    ],
)  # fmt: skip
def test_decode_body_reads_every_declaration_once(
    body: bytes, content_type: str | None, text: str, encoding: str
) -> None:
    decoded, used = decode_body(body, content_type)
    assert text in decoded and "Ã" not in decoded and "\ufffd" not in decoded
    assert used == encoding


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        # A wide encoding declared for a body with no NUL byte: the body's own declaration reads as UTF-8,
        # the header's is left out (whichever w3lib release reads the declaration).
        (b'<?xml version="1.0" encoding="UTF-16"?><a/>', None, ["utf-8"]),
        (b'<meta charset="utf-16"><p>Caf\xc3\xa9</p>', None, ["utf-8"]),
        (b"<a/>", "text/xml; charset=utf-16", []),
        (b'<?xml version="1.0" encoding="ISO-8859-1"?><a/>', "text/xml; charset=utf-8", ["utf-8", "cp1252"]),
        (b"{}", "application/json; charset=utf-8", ["utf-8"]),
        (b"{}", None, []),
    ],
)
def test_declared_encodings_in_order_lies_left_out(
    body: bytes, content_type: str | None, expected: list[str]
) -> None:
    assert declared_encodings(body, content_type) == expected


@pytest.mark.parametrize(
    ("content_type", "expected"),
    [
        ("text/xml", "text/xml; charset=cp1252"),
        ("text/xml; charset=utf-8", "text/xml; charset=cp1252"),
        (None, None),
    ],
)
def test_with_charset_names_the_encoding_really_read(content_type: str | None, expected: str | None) -> None:
    assert with_charset(content_type, "cp1252") == expected


FEEDS = ["personio-iso-8859-1.xml", "personio-windows-1252.xml", "personio-utf-16-declared.xml"]


@pytest.mark.parametrize("feed", FEEDS)
def test_personio_feed_in_any_declared_encoding_reads_right(
    fixture_server, local_crawl, tmp_path: Path, feed: str
) -> None:
    fixture_server.routes["/personio/isarblick/xml"] = (200, "text/xml", (HOSTILE / feed).read_bytes())
    result = local_crawl(["Isarblick,personio,isarblick,transportation & logistics,,false"], ["personio"])
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    db = open_db(str(tmp_path / "jobs.db"))
    run_extraction(db)
    title, location, description = db.execute("select title, location, description from postings").fetchone()
    assert location == "München" and title.startswith("Schichtleiter Lager (m/w/d)") and title.endswith("Süd")
    assert "Führung eines Teams" in description and "Größe" in description


def test_utf8_json_labelled_latin1_is_stored_as_utf8(fixture_server, local_crawl, tmp_path: Path) -> None:
    body = (HOSTILE / "greenhouse-utf-8-labelled-latin-1.json").read_bytes()
    fixture_server.routes["/greenhouse/v1/boards/zrh/jobs"] = (
        200,
        "application/json; charset=iso-8859-1",
        body,
    )
    result = local_crawl(["Zrh,greenhouse,zrh,software & internet,,false"], ["greenhouse"])
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    db = open_db(str(tmp_path / "jobs.db"))
    content_type, stored = db.execute("select content_type, body from pages").fetchone()
    assert content_type == "application/json; charset=utf-8" and "Zürich, Schweiz" in stored
    run_extraction(db)
    assert db.execute("select title, location from postings").fetchone() == (
        "Ingénieure logiciel – Zürich",
        "Zürich, Schweiz",
    )
