"""Is a change in a count real? A Poisson test that stays honest at the single-digit counts of a Polsek.

A count of reports is treated as Poisson. A square root makes its noise the same at every size
(Anscombe: ``sqrt(X + 3/8)`` has variance close to 1/4 whatever the mean, even near zero), so the gap
between two square-rooted counts is read on one scale:

    z = sqrt(2) * (sqrt(current + 3/8) - sqrt(previous + 3/8))

Why not the shorter ``2 (sqrt(c) - sqrt(p))``: that form treats ``previous`` as the exact expected count,
but both counts are observations with their own noise (hence the ``/ sqrt(2)``), and without the 3/8 every
0 → 3 would be "significant". With two periods drawn from the *same* Poisson mean, the short form calls
"naik bermakna" in 8–24 % of comparisons (means 0.5–16); this one in 0.1–2.3 %, the 2.3 % a one-sided
z >= 2 promises. In words: "4 → 9" (+125 %) is ordinary noise (z = 1.37; exact conditional binomial test,
two-sided p = 0.27), "4 → 16" is flagged (z = 2.76), "0 → 3" is not (z = 1.73).

Thresholds (the DOMAIN notes): ``|z| >= 2`` is a significant change ("naik/turun bermakna"), anything
smaller is "dalam batas wajar"; ``|z| >= 3`` marks a strong change ("nyata"), a separate strength column.
"""

from __future__ import annotations

from typing import Literal, overload

import numpy as np
import pandas as pd

from analysis.i18n import Lang, fmt_int, t

SIGNIFICANT_Z = 2.0  # |z| from here: "bermakna", worth a look
STRONG_Z = 3.0  # |z| from here: a real change ("nyata")
ANSCOMBE = 3 / 8  # keeps the square root's variance near 1/4 down to counts of 0-2

Direction = Literal["up", "flat", "down", "none"]


def poisson_change(current: pd.Series | float, previous: pd.Series | float) -> pd.Series | float:
    """z for the change from ``previous`` to ``current`` (two observed counts over equal periods).

    Works on numbers and, element-wise, on Series. A missing count (NaN: no data to compare with) gives NaN.

    >>> round(poisson_change(9, 4), 2)
    1.37
    >>> round(poisson_change(16, 4), 2)
    2.76
    >>> poisson_change(0, 0)
    0.0
    """
    now = np.asarray(current, dtype=float) + ANSCOMBE
    before = np.asarray(previous, dtype=float) + ANSCOMBE
    z = np.sqrt(2.0) * (np.sqrt(now) - np.sqrt(before))
    if isinstance(current, pd.Series):
        return pd.Series(z, index=current.index, name="z")
    if isinstance(previous, pd.Series):
        return pd.Series(z, index=previous.index, name="z")
    return float(z)


def change_direction(z: pd.Series) -> pd.Series:
    """``"up"`` (z >= 2), ``"down"`` (z <= -2), ``"flat"`` in between, ``"none"`` where z is NaN."""
    values = np.select([z >= SIGNIFICANT_Z, z <= -SIGNIFICANT_Z, z.isna()], ["up", "down", "none"], "flat")
    return pd.Series(values, index=z.index, dtype="str", name="direction")


@overload
def change_label(z: float, lang: Lang = "id") -> str: ...
@overload
def change_label(z: pd.Series, lang: Lang = "id") -> pd.Series: ...
def change_label(z: pd.Series | float, lang: Lang = "id") -> pd.Series | str:
    """ "naik bermakna" / "dalam batas wajar" / "turun bermakna" (or "no comparison" for NaN), per z.

    >>> change_label(2.0)
    'naik bermakna'
    >>> change_label(-1.99, "en")
    'within normal range'
    """
    if not isinstance(z, pd.Series):
        return str(change_label(pd.Series([z], dtype=float), lang).iloc[0])
    labels = {code: t(f"stats.direction.{code}", lang) for code in ("up", "flat", "down", "none")}
    return change_direction(z).map(labels).rename("label")


@overload
def change_strength(z: float, lang: Lang = "id") -> str: ...
@overload
def change_strength(z: pd.Series, lang: Lang = "id") -> pd.Series: ...
def change_strength(z: pd.Series | float, lang: Lang = "id") -> pd.Series | str:
    """ "nyata" where |z| >= 3, "perlu dicermati" where 2 <= |z| < 3, empty otherwise.

    >>> change_strength(3.0)
    'nyata'
    >>> change_strength(-2.5, "en")
    'worth a look'
    """
    if not isinstance(z, pd.Series):
        return str(change_strength(pd.Series([z], dtype=float), lang).iloc[0])
    words = {code: t(f"stats.strength.{code}", lang) for code in ("strong", "notable")} | {"": ""}
    return change_size(z).map(words).astype("str")


def change_size(z: pd.Series) -> pd.Series:
    """The strength as a code: ``"strong"`` where |z| >= 3, ``"notable"`` where 2 <= |z| < 3, ``""``
    otherwise (NaN too); a ``str`` series named ``strength`` on ``z``'s index.

    >>> change_size(pd.Series([3.0, -2.5, 1.0, float("nan")])).tolist()
    ['strong', 'notable', '', '']
    """
    size = z.abs()
    values = np.select([size >= STRONG_Z, size >= SIGNIFICANT_Z], ["strong", "notable"], "")
    return pd.Series(values, index=z.index, dtype="str", name="strength")


def count_change_text(previous: pd.Series, current: pd.Series, lang: Lang = "id") -> pd.Series:
    """``"4 → 9"``: the counts themselves, the headline instead of a percentage. NaN shows as ``"–"``.

    >>> count_change_text(pd.Series([4.0, float("nan")]), pd.Series([9, 1200])).tolist()
    ['4 → 9', '– → 1.200']
    """

    def as_text(values: pd.Series) -> pd.Series:
        return values.map(lambda v: fmt_int(v, lang)).astype("str")  # an empty map would stay float

    return (as_text(previous) + " → " + as_text(current)).rename("change")
