"""The repository's layout rules, checked in CI (``tests/test_jobpulse_layout.py``) and by
``python -m jobpulse.layout``:

* no package module over 600 lines, no demo module over 400 (data files are not modules);
* a test module is ``tests/test_<package>_<module>.py`` and names a real module or subpackage
  (``test_extract_vendors.py`` → ``extract/vendors/``, ``test_demo_formats_ashby.py`` →
  ``demo/formats/ashby.py``); a second test module of one module adds what it covers after the module's
  name (``test_extract_run_crash.py`` → ``extract/run.py``, under SIGKILL);
* tests share fixtures and builders only through ``tests/conftest.py``: every other Python file under
  ``tests/`` is a test module, and no test module imports another one (or ``conftest``).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGES = ("crawler", "demo", "extract", "jobpulse", "report", "store")
MAX_LINES = 600
MAX_LINES_IN = {"demo": 400}
TESTS = "tests"


def oversized_modules(root: Path) -> list[str]:
    """A problem line for each package module longer than its package allows."""
    problems = []
    for package in PACKAGES:
        limit = MAX_LINES_IN.get(package, MAX_LINES)
        for module in sorted((root / package).rglob("*.py")):
            lines = len(module.read_text(encoding="utf-8").splitlines())
            if lines > limit:
                problems.append(f"{module.relative_to(root)}: {lines} lines (at most {limit} in {package}/)")
    return problems


def _is_package(directory: Path) -> bool:
    return directory.is_dir() and any(directory.glob("*.py"))


def names_module(directory: Path, name: str) -> bool:
    """Does ``name`` name a module or subpackage under ``directory``, path parts joined by ``_``?

    A name may hold ``_`` itself (``ai_level``), so each way of cutting it into path parts is tried; what
    follows a module's name after ``_`` says which of its behaviours the test module covers.
    """
    words = name.split("_")
    for end in range(1, len(words) + 1):
        stem = "_".join(words[:end])
        if (directory / f"{stem}.py").is_file() or _is_package(directory / stem):
            return True
    return any(
        name.startswith(f"{sub.name}_") and names_module(sub, name[len(sub.name) + 1 :])
        for sub in directory.iterdir()
        if _is_package(sub) and sub.name != "__pycache__"
    )


def misnamed_tests(root: Path) -> list[str]:
    """A problem line for each test module not named ``test_<package>_<module>.py`` after a real module."""
    packages = sorted(p.name for p in root.iterdir() if _is_package(p) and p.name != TESTS)
    problems = []
    for test in sorted((root / TESTS).glob("test_*.py")):
        name = test.stem.removeprefix("test_")
        if not any(name.startswith(f"{p}_") and names_module(root / p, name[len(p) + 1 :]) for p in packages):
            problems.append(f"{TESTS}/{test.name}: names no module (tests/test_<package>_<module>.py)")
    return problems


def _is_test_code(module: str) -> bool:
    """Is ``module`` (as imported) test code: ``tests``, ``conftest``, a ``test_…`` module, or relative?"""
    parts = module.split(".")
    return (
        module.startswith(".") or parts[0] in (TESTS, "conftest") or any(p.startswith("test_") for p in parts)
    )


def _imports_tests(tree: ast.Module) -> list[str]:
    """The test code ``tree`` imports."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if _is_test_code(alias.name)]
        elif isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            found += [module] if _is_test_code(module) else []
    return found


def shared_test_code(root: Path) -> list[str]:
    """A problem line for each Python file under ``tests/`` that shares code other than through conftest.py."""
    problems = []
    for path in sorted((root / TESTS).rglob("*.py")):
        where = path.relative_to(root)
        if path.name in ("conftest.py", "__init__.py"):
            continue
        if not path.name.startswith("test_") or path.parent != root / TESTS:
            problems.append(f"{where}: shared test code belongs in {TESTS}/conftest.py")
            continue
        for name in _imports_tests(ast.parse(path.read_text(encoding="utf-8"))):
            problems.append(f"{where}: imports {name} (share it through {TESTS}/conftest.py)")
    return problems


def problems(root: Path) -> list[str]:
    """Every layout problem in the repository at ``root``."""
    return oversized_modules(root) + misnamed_tests(root) + shared_test_code(root)


if __name__ == "__main__":
    found = problems(Path.cwd())
    print("\n".join(found) or "layout: ok")
    sys.exit(1 if found else 0)
