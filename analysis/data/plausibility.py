"""The plausible range of a column of dates: where the data really is, whatever one mistyped row says.

A register's dates form one block (a few weeks to a few years of activity). A date typed with the wrong
year (2015 for 2025, 2026 for 2025) lies far from that block, alone or nearly so. ``plausible_range``
finds the block; the loader warns about each date outside it, and ``Dataset.first_date`` /
``Dataset.last_date`` (the default period of every page, the freshness line) are taken from it, so one
bad row can never move what every page shows by default.

The rule: walk in from each end of the sorted dates; a tail of at most ``max(1, 1 %)`` of the rows that is
separated from the rest by more than ``GAP_DAYS`` days is outside. Only tails are cut, never the middle,
and a column of fewer than ``MIN_ROWS`` dates is taken as it is (too few to tell).
"""

from __future__ import annotations

import numpy as np

GAP_DAYS = 60
MIN_ROWS = 5
TAIL_SHARE = 0.01


def plausible_range(values: np.ndarray) -> tuple[np.datetime64, np.datetime64] | None:
    """(first, last) day of the block of ``values`` (datetime64, NaT ignored), as ``datetime64[D]``;
    None when there is no date at all.

    >>> days = np.array(["2025-05-01", "2025-05-02", "2025-05-03", "2025-05-04", "2052-05-26"], "M8[D]")
    >>> [str(d) for d in plausible_range(days)]
    ['2025-05-01', '2025-05-04']
    """
    days = np.asarray(values).astype("datetime64[D]")
    days = days[~np.isnat(days)]
    if not len(days):
        return None
    unique, counts = _day_counts(days)
    lo, hi = 0, len(unique) - 1
    n = int(counts.sum())
    if n >= MIN_ROWS and len(unique) > 1:
        limit = max(1, int(n * TAIL_SHARE))
        gaps = np.diff(unique).astype(np.int64)  # gaps[i]: days between unique[i] and unique[i + 1]
        tail = np.cumsum(counts[::-1])[::-1]  # rows from unique[i] to the end
        head = np.cumsum(counts)  # rows from the start to unique[i]
        # the innermost cut whose tail is small and detached: every outlier at that end goes
        for i in range(1, len(unique)):
            if tail[i] <= limit and gaps[i - 1] > GAP_DAYS:
                hi = i - 1
                break
        for i in range(len(unique) - 2, -1, -1):
            if head[i] <= limit and gaps[i] > GAP_DAYS:
                lo = i + 1
                break
        if lo > hi:  # cannot happen with limit < n / 2, kept as a guard
            lo, hi = 0, len(unique) - 1
    return unique[lo], unique[hi]


def _day_counts(days: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct days and how many values fall on each, in order (a count over the span of days is
    several times faster than sorting a million dates; ``np.unique`` when the span is very long)."""
    ints = days.astype(np.int64)
    first, last = int(ints.min()), int(ints.max())
    if last - first > 200_000:
        return np.unique(days, return_counts=True)
    counts = np.bincount(ints - first, minlength=last - first + 1)
    present = np.flatnonzero(counts)
    return (present + first).astype("datetime64[D]"), counts[present]


def outside_mask(values: np.ndarray) -> np.ndarray:
    """True for each value (datetime64) whose day lies outside ``plausible_range(values)``."""
    values = np.asarray(values)
    found = plausible_range(values)
    if found is None:
        return np.zeros(len(values), dtype=bool)
    days = values.astype("datetime64[D]")
    return ~np.isnat(days) & ((days < found[0]) | (days > found[1]))
