"""SQLite storage for jobpulse: the only package that knows the schema (see ``store.db``)."""

from store.db import DEFAULT_DB, open_db, resolve_db_path

__all__ = ["DEFAULT_DB", "open_db", "resolve_db_path"]
