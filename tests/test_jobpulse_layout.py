"""The layout rules: module sizes, test names after real modules, test code shared only through conftest."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobpulse import layout

ROOT = Path(__file__).parent.parent


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"extract/salary.py": "x = 1\n" * 600}, []),
        ({"extract/salary.py": "x = 1\n" * 601}, ["extract/salary.py: 601 lines (at most 600 in extract/)"]),
        ({"demo/server.py": "x = 1\n" * 401}, ["demo/server.py: 401 lines (at most 400 in demo/)"]),
        ({"crawler/demo/data/big.json": "[]\n" * 5000}, []),  # a data file is not a module
        ({"report/views/m.py": "x = 1\n" * 700}, ["report/views/m.py: 700 lines (at most 600 in report/)"]),
    ],
)
def test_oversized_modules_over_the_package_limit(
    tmp_path: Path, files: dict[str, str], expected: list[str]
) -> None:
    assert layout.oversized_modules(_tree(tmp_path, files)) == expected


@pytest.mark.parametrize(
    ("test", "named"),
    [
        ("test_extract_ai_level.py", True),  # an underscore inside a module name
        ("test_extract_vendors.py", True),  # a subpackage
        ("test_crawler_demo_market.py", True),  # a module in a subpackage
        ("test_extract_vendors_ashby.py", True),
        ("test_extract_crash.py", False),  # a theme, not a module
        ("test_extract_ai_level_crash.py", True),  # a module, then what of it the tests cover
        ("test_extract_vendors_properties.py", True),  # a package, then what of it the tests cover
        ("test_extract.py", False),  # a package alone
        ("test_nothing_here.py", False),  # not a package
        ("test_tests_conftest.py", False),  # tests/ is not a package under test
    ],
)
def test_misnamed_tests_names_a_real_module(tmp_path: Path, test: str, named: bool) -> None:
    root = _tree(
        tmp_path,
        {
            "extract/__init__.py": "",
            "extract/ai_level.py": "",
            "extract/vendors/__init__.py": "",
            "extract/vendors/ashby.py": "",
            "crawler/__init__.py": "",
            "crawler/demo/__init__.py": "",
            "crawler/demo/market.py": "",
            "tests/conftest.py": "",
            f"tests/{test}": "",
        },
    )
    assert (layout.misnamed_tests(root) == []) is named


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"tests/test_a_b.py": "import pytest\nimport pytest_httpserver\n"}, []),
        ({"tests/conftest.py": "def make(): ...\n"}, []),
        (
            {"tests/test_a_b.py": "from tests.test_a_c import build\n"},
            ["tests/test_a_b.py: imports tests.test_a_c (share it through tests/conftest.py)"],
        ),
        (
            {"tests/test_a_b.py": "import test_a_c\n"},
            ["tests/test_a_b.py: imports test_a_c (share it through tests/conftest.py)"],
        ),
        (
            {"tests/test_a_b.py": "from conftest import make\n"},
            ["tests/test_a_b.py: imports conftest (share it through tests/conftest.py)"],
        ),
        (
            {"tests/test_a_b.py": "def f():\n    from .helpers import make\n"},
            ["tests/test_a_b.py: imports .helpers (share it through tests/conftest.py)"],
        ),
        ({"tests/helpers.py": ""}, ["tests/helpers.py: shared test code belongs in tests/conftest.py"]),
        (
            {"tests/fixtures/lever/build.py": ""},
            ["tests/fixtures/lever/build.py: shared test code belongs in tests/conftest.py"],
        ),
    ],
)
def test_shared_test_code_only_through_conftest(
    tmp_path: Path, files: dict[str, str], expected: list[str]
) -> None:
    assert layout.shared_test_code(_tree(tmp_path, files)) == expected


def test_layout_repository_follows_every_rule() -> None:
    problems = layout.problems(ROOT)
    assert problems == [], "\n".join(problems)
