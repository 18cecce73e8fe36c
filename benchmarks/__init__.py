"""Benchmarks: speed is measured here, never by timed tests."""
