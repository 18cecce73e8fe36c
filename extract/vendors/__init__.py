"""Vendor adapters: a stored page's payload → the postings it states (``RawPosting``), nothing interpreted.

One module per source kind, named after it (the spider's name, the pages' ``source``), each with
``read(payload_text, *, url, board, fetched_at) -> list[RawPosting]``. ``READERS`` is every module of this
package that has a ``read``: adding a kind's module adds its reader. An adapter raises ``PayloadError``
(naming what was wrong) when the payload is not in its vendor's shape.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable

from extract.model import RawPosting
from extract.vendors.common import PayloadError

Reader = Callable[..., list[RawPosting]]


def _readers() -> dict[str, Reader]:
    """The ``read`` of every module in this package, by module name (helpers such as ``common`` have none)."""
    readers: dict[str, Reader] = {}
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        read = getattr(module, "read", None)
        if callable(read):
            readers[module_info.name] = read
    return readers


READERS: dict[str, Reader] = _readers()


def read_payload(source: str, body: str, *, url: str, board: str | None, fetched_at: str) -> list[RawPosting]:
    """The postings in one stored page of ``source``."""
    reader = READERS.get(source)
    if reader is None:
        raise PayloadError(f"no reader for source {source!r}")
    return reader(body, url=url, board=board, fetched_at=fetched_at)


__all__ = ["READERS", "PayloadError", "read_payload"]
