"""One base spider per platform: a source is a few declared attributes on one of these."""
