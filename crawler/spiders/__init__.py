"""Spiders are declarations: a name on a platform base. Logic belongs in ``crawler/ats``."""
