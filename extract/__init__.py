"""Extraction: stored pages → postings with skills, seniority, role/function, AI level and disclosed pay."""

# Bump when extraction output changes; stored on every posting so re-extracted history is traceable.
EXTRACTOR_VERSION = "0.3.57"
