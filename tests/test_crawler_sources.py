"""The sources file: rows, what a row gives a platform beyond its slug, and errors that name file:line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crawler.sources import Source, SourcesFileError, load_sources, parse_options, url_params

HEADER = "company,ats,board,industry,url,verified"


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("https://acme.wd5.myworkdayjobs.com/en-US/External",
         {"host": "acme.wd5.myworkdayjobs.com", "tenant": "acme", "site": "External"}),
        ("https://Acme.wd1.myworkdayjobs.com/CorporateCareers/siteMap.xml",
         {"host": "acme.wd1.myworkdayjobs.com", "tenant": "acme", "site": "siteMap.xml"}),
        ("https://careers.example.org", {"host": "careers.example.org", "tenant": "careers"}),
        ("", {}),
        ("not a url", {}),
    ],
)  # fmt: skip
def test_url_params_host_tenant_site(url: str, params: dict[str, str]) -> None:
    assert url_params(url) == params


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("", ()),
        ("site=External", (("site", "External"),)),
        ("site=External; locale=en-US;", (("site", "External"), ("locale", "en-US"))),
        ("query=a=b", (("query", "a=b"),)),
        ("empty=", (("empty", ""),)),
    ],
)
def test_parse_options_reads_key_value_pairs(text: str, pairs: tuple[tuple[str, str], ...]) -> None:
    assert parse_options(text) == pairs


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("site", "'site' is not key=value"),
        ("=External", "'=External' is not key=value"),
        ("board=other", "'board' is a column"),
        ("site=a;site=b", "'site' given twice"),
    ],
)
def test_parse_options_rejects_malformed(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_options(text)


@pytest.mark.parametrize(
    ("source", "params"),
    [
        (Source("Acme", "greenhouse", "acme", ""), {"board": "acme", "url": ""}),
        (Source("Acme", "x", "acme", "", url="https://acme.wd5.myworkdayjobs.com/External",
                options=(("site", "Internal"), ("locale", "de-DE"))),
         {"board": "acme", "url": "https://acme.wd5.myworkdayjobs.com/External", "host": "acme.wd5.myworkdayjobs.com",
          "tenant": "acme", "site": "Internal", "locale": "de-DE"}),
    ],
)  # fmt: skip
def test_source_params_options_over_url(source: Source, params: dict[str, str]) -> None:
    assert source.params() == params


@pytest.mark.parametrize(
    ("lines", "options"),
    [
        ([HEADER, "Acme,greenhouse,acme,education,,false"], ()),
        ([f"{HEADER},options", "Acme,workday,acme,education,https://acme.wd5.myworkdayjobs.com/External,false,"], ()),
        ([f"{HEADER},options", 'Acme,workday,acme,education,,false,"site=External;locale=en-US"'],
         (("site", "External"), ("locale", "en-US"))),
    ],
)  # fmt: skip
def test_load_sources_reads_rows_with_and_without_options(
    tmp_path: Path, lines: list[str], options: tuple[tuple[str, str], ...]
) -> None:
    path = tmp_path / "sources.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [source] = load_sources(path)
    assert (source.company, source.board, source.options) == ("Acme", "acme", options)


@pytest.mark.parametrize(
    ("lines", "where", "message"),
    [
        (["company,ats,url"], "", "missing columns"),
        ([HEADER, "Acme,greenhouse,acme,education,,false", "Beta,,beta,education,,false"], ":3", "needs ats and board"),
        ([f"{HEADER},options", "Acme,workday,acme,education,,false,site"], ":2", "'site' is not key=value"),
        ([f"{HEADER},options", "Acme,lever,acme,education,,false,", "B,x,b,e,,false,board=c"], ":3", "is a column"),
    ],
)  # fmt: skip
def test_load_sources_errors_name_file_and_line(
    tmp_path: Path, lines: list[str], where: str, message: str
) -> None:
    path = tmp_path / "sources.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(SourcesFileError, match=rf"^{re.escape(str(path))}{where}: .*{message}"):
        load_sources(path)
