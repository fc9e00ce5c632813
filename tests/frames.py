"""Clean frames for tests, built from the contract (``analysis.data.contract``).

A test names only the columns it is about; every other column gets a default (a value where the contract
allows no NA, else NA), derived columns are computed as the loader computes them, and the frame is
checked with ``contract.validate_frame`` before it is returned, so a test works on the frames the pages
really receive (categoricals, ``str`` text, ``datetime64[us]``), never on a look-alike.

    patrols([{"kelurahan": "Gedog", "personnel_count": 4}, {"kelurahan": "Sentul"}])   # rows
    complaints(status=["Baru", "Selesai"], category="Miras")                           # columns

Columns: a list per column (all the same length), or a scalar for every row (``n`` rows, default the
length of the lists, else 1). Values are written as in a clean frame: canonical names for categoricals
(an unknown one raises), dates as ``"2025-05-26"`` / ``"2025-05-26 09:00"`` or timestamps, times
``"HH:MM"``; ``""`` or None is NA. An unknown column raises ``KeyError``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from analysis.data import contract, schema
from analysis.data.reference import Reference
from analysis.data.schema import Kind

# Values for the columns the contract allows no NA in (IDs are numbered: P-1, P-2, ...).
DEFAULTS: dict[Kind, dict[str, object]] = {
    "patrols": {
        "date": "2025-05-26",
        "kelurahan": "Gedog",
        "activity": "Patroli Dialogis",
        "unit": "Binmas",
        "leader_name": "Roziek Mustofa",
        "personnel_count": 2,
    },
    "complaints": {
        "received_at": "2025-05-26 09:00",
        "channel": "WhatsApp #LaporPakKapolres",
        "kelurahan": "Gedog",
        "category": "Miras",
        "status": "Baru",
    },
    "officers": {"name": "Budi Santoso", "rank": "Bripka", "unit": "Bhabinkamtibmas", "active": True},
}
ID_FORMAT: dict[Kind, str] = {"patrols": "P-{}", "complaints": "L-{}", "officers": "8001{:04d}"}
_DEFAULT = object()  # a row without that key


def patrols(rows: Sequence[Mapping[str, object]] = (), /, **columns: Any) -> pd.DataFrame:
    """A clean patrols frame (see the module's docstring)."""
    return frame("patrols", rows, **columns)


def complaints(rows: Sequence[Mapping[str, object]] = (), /, **columns: Any) -> pd.DataFrame:
    """A clean complaints frame (see the module's docstring)."""
    return frame("complaints", rows, **columns)


def officers(rows: Sequence[Mapping[str, object]] = (), /, **columns: Any) -> pd.DataFrame:
    """A clean officers frame (see the module's docstring)."""
    return frame("officers", rows, **columns)


def _given(rows: Sequence[Mapping[str, object]], columns: dict[str, Any], n: int | None) -> pd.DataFrame:
    if rows and columns:
        raise TypeError("give rows or columns, not both")
    if rows:  # a key a row leaves out takes the default
        names = list(dict.fromkeys(name for row in rows for name in row))
        data = {name: [row.get(name, _DEFAULT) for row in rows] for name in names}
        return pd.DataFrame(data, index=pd.RangeIndex(len(rows)), dtype=object)
    lengths = {len(v) for v in columns.values() if isinstance(v, list | tuple | np.ndarray | pd.Series)}
    if len(lengths) > 1:
        raise ValueError(f"columns of different lengths: {sorted(lengths)}")
    size = n if n is not None else (lengths.pop() if lengths else (1 if columns else 0))
    data = {
        name: list(v) if isinstance(v, list | tuple | np.ndarray | pd.Series) else [v] * size
        for name, v in columns.items()
    }
    return pd.DataFrame(data, index=pd.RangeIndex(size), dtype=object)


def _blank(values: pd.Series) -> pd.Series:
    """ "" and None as NA."""
    return values.mask(values.map(lambda v: v is None or (isinstance(v, str) and v == "")))


def _cast(column: contract.Field, values: pd.Series, reference: Reference | None) -> pd.Series:
    dtype = contract.dtype_of(column, reference)
    values = _blank(values)
    if column.dtype == "category":
        unknown = sorted(set(values.dropna()) - set(dtype.categories))
        if unknown:
            raise ValueError(f"{column.name}: not a canonical value: {unknown}")
        return pd.Series(pd.Categorical(values, dtype=dtype), index=values.index)
    if column.dtype == "datetime":
        return pd.Series(pd.to_datetime(values, format="mixed"), index=values.index).astype(dtype)
    if column.dtype in ("float", "int"):
        return pd.to_numeric(values).astype(dtype)
    if column.dtype == "bool":
        return values.astype(dtype)
    return values.astype(dtype)


def _derive(kind: Kind, name: str, out: dict[str, pd.Series], reference: Reference) -> pd.Series:
    """A derived column as the loader computes it."""
    if name == "kecamatan":
        return out["kelurahan"].astype(object).map(reference.kecamatan_of())
    if name == "duration_hours":

        def minutes(text: pd.Series) -> pd.Series:
            parts = text.str.split(":", expand=True)
            if parts.shape[1] < 2:
                return pd.Series(np.nan, index=text.index)
            return pd.to_numeric(parts[0]) * 60 + pd.to_numeric(parts[1])

        start, end = minutes(out["start_time"]), minutes(out["end_time"])
        return np.mod(end - start, 1440) / 60
    if name == "is_valid":
        return out["status"].astype(object) != schema.INVALID_STATUS
    if name == "resolution_days":
        delta = (out["resolved_at"] - out["received_at"]).dt.total_seconds()
        return np.maximum(delta, 0) / 86400
    raise KeyError(f"{kind}.{name} is derived but the fixture builder does not know how")


def frame(
    kind: Kind,
    rows: Sequence[Mapping[str, object]] = (),
    /,
    *,
    n: int | None = None,
    reference: Reference | None = None,
    **columns: Any,
) -> pd.DataFrame:
    """A clean ``kind`` frame from ``rows`` (dicts) or ``columns`` (lists or scalars), checked against the
    contract. ``reference``: the categories' source (default: the bundled reference data)."""
    given = _given(rows, columns, n)
    known = set(contract.clean_columns(kind))
    unknown = [c for c in given.columns if c not in known]
    if unknown:
        raise KeyError(f"{kind} has no column(s) {unknown}")
    reference = reference or contract.default_reference()
    size = len(given)
    out: dict[str, pd.Series] = {}
    for column in contract.fields(kind):
        if column.derived and column.name not in given:
            continue
        if column.name == schema.ID_COLUMN[kind]:
            default = [ID_FORMAT[kind].format(i + 1) for i in range(size)]
        else:
            default = [DEFAULTS[kind].get(column.name) if not column.nullable else None] * size
        values = given[column.name] if column.name in given else pd.Series([_DEFAULT] * size, dtype=object)
        values = pd.Series(
            [d if v is _DEFAULT else v for v, d in zip(values, default, strict=True)], dtype=object
        )
        out[column.name] = _cast(column, values, reference)
    for column in contract.fields(kind):
        if column.derived and column.name not in out:
            derived = pd.Series(_derive(kind, column.name, out, reference), dtype=object)
            out[column.name] = _cast(column, derived, reference)
    result = pd.DataFrame({c: out[c] for c in contract.clean_columns(kind)}, index=pd.RangeIndex(size))
    return contract.validate_frame(result, kind, reference)
