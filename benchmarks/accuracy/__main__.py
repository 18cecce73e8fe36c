"""``python -m benchmarks.accuracy --shared ../shared``."""

from benchmarks.accuracy import main

main()
