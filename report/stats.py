"""Small, dependency-free statistics used by the published figures.

* Shares carry a **Wilson score interval** at 95% (z = 1.959964), which behaves at 0%, 100% and small n,
  unlike the normal approximation.
* A change in a share carries **Newcombe's hybrid score interval** (Newcombe 1998, method 10) for the
  difference of two independent proportions p₁ − p₂, built from their Wilson intervals (l₁, u₁), (l₂, u₂):
  from d − √((p₁ − l₁)² + (u₂ − p₂)²) to d + √((u₁ − p₁)² + (p₂ − l₂)²).
* A change in a median carries a seeded percentile-bootstrap interval of the difference of the two medians,
  each side resampled on its own (the exact draw below).
* Percentiles use **linear interpolation between closest ranks** (Hyndman & Fan type 7: the default of
  numpy, R and spreadsheets, and ``statistics.quantiles(method="inclusive")``): for sorted values
  x[0..n-1], the q-th percentile sits at position h = (n - 1)·q and is x[⌊h⌋] + (h - ⌊h⌋)·(x[⌊h⌋+1] - x[⌊h⌋]).
  The median of an even count is therefore the mean of the two middle values.
* Bootstrap intervals for medians are seeded, so a report is reproducible. A bootstrap median is drawn in
  O(1) instead of O(n): if a sorted sample of n values is resampled with replacement, the k-th smallest
  resampled value is x[⌊n·U₍ₖ₎⌋] where U₍ₖ₎, the k-th order statistic of n uniforms, is Beta(k, n + 1 - k);
  given U₍ₖ₎ = u, U₍ₖ₊₁₎ = u + (1 - u)·Beta(1, n - k). This is the exact bootstrap distribution, not an
  approximation, and it keeps a 1,000-draw interval cheap on cells of any size.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence

Z95 = 1.959963984540054
PERCENTILE_METHOD = (
    "linear interpolation between closest ranks (type 7; numpy 'linear', "
    "statistics.quantiles(method='inclusive')): position (n-1)*q in the sorted values"
)


def wilson_interval(count: int, n: int, z: float = Z95) -> tuple[float, float] | tuple[None, None]:
    """Wilson score interval for ``count`` successes out of ``n``; ``(None, None)`` when n is 0."""
    if n <= 0:
        return None, None
    if not 0 <= count <= n:
        raise ValueError(f"count {count} outside 0..{n}")
    p = count / n
    z2 = z * z
    denom = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def percentile(sorted_values: Sequence[float], q: float) -> float:
    """The q-th quantile (0 ≤ q ≤ 1) of already sorted values, by linear interpolation between ranks."""
    if not sorted_values:
        raise ValueError("percentile of no values")
    if not 0.0 <= q <= 1.0:
        raise ValueError(f"q {q} outside [0, 1]")
    h = (len(sorted_values) - 1) * q
    lo = math.floor(h)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (h - lo) * (sorted_values[hi] - sorted_values[lo])


def median(sorted_values: Sequence[float]) -> float:
    """The median of already sorted values (the 0.5 percentile above)."""
    return percentile(sorted_values, 0.5)


def median_sampler(sorted_values: Sequence[float]) -> Callable[[random.Random], float]:
    """A function drawing the median of one bootstrap resample of ``sorted_values`` in O(1)."""
    n = len(sorted_values)
    if n == 0:
        raise ValueError("bootstrap of no values")
    k = (n + 1) // 2  # 1-based rank of the (lower) middle value

    def draw(rng: random.Random) -> float:
        u = rng.betavariate(k, n + 1 - k)
        lower = sorted_values[min(int(n * u), n - 1)]
        if n % 2:
            return lower
        u_next = u + (1 - u) * rng.betavariate(1, n - k)
        return (lower + sorted_values[min(int(n * u_next), n - 1)]) / 2

    return draw


def bootstrap_interval(
    statistic: Callable[[random.Random], float], *, reps: int = 1000, seed: int = 0, level: float = 0.95
) -> tuple[float, float]:
    """Percentile bootstrap interval of ``statistic`` (called with a seeded RNG once per replicate)."""
    rng = random.Random(seed)
    draws = sorted(statistic(rng) for _ in range(reps))
    tail = (1 - level) / 2
    return percentile(draws, tail), percentile(draws, 1 - tail)


def newcombe_interval(
    count1: int, n1: int, count2: int, n2: int, z: float = Z95
) -> tuple[float, float] | tuple[None, None]:
    """Newcombe's hybrid score interval for count1/n1 − count2/n2; ``(None, None)`` when a side is empty."""
    low1, high1 = wilson_interval(count1, n1, z)
    low2, high2 = wilson_interval(count2, n2, z)
    if low1 is None or high1 is None or low2 is None or high2 is None:
        return None, None
    p1, p2 = count1 / n1, count2 / n2
    d = p1 - p2
    return d - math.hypot(p1 - low1, high2 - p2), d + math.hypot(high1 - p1, p2 - low2)


def median_difference_interval(
    sorted_a: Sequence[float], sorted_b: Sequence[float], *, reps: int = 1000, seed: int = 0
) -> tuple[float, float]:
    """Bootstrap interval of median(a) − median(b), each side resampled on its own, seeded."""
    draw_a, draw_b = median_sampler(sorted_a), median_sampler(sorted_b)
    return bootstrap_interval(lambda rng: draw_a(rng) - draw_b(rng), reps=reps, seed=seed)


def verdict(low: float | None, high: float | None) -> str | None:
    """ "no significant change" when the interval spans zero, else "up" or "down"; None without one."""
    if low is None or high is None:
        return None
    if low <= 0 <= high:
        return "no significant change"
    return "up" if low > 0 else "down"
