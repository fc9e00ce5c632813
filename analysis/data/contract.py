"""The clean-frame contract: every column of the frames the loader returns, declared once.

``FIELDS[kind]`` lists, in frame order, each column of a clean ``patrols``, ``complaints`` or ``officers``
frame (what ``analysis.data.loading.load_table`` returns and ``analysis.data.dataset.Dataset`` holds):
its dtype, whether it may be empty (NA), where its categories come from, whether it is personal data,
whether the loader derives it, and the rule its values follow. Everything else is built from it:

- ``build_frame`` / ``empty_frame``: the loader's final casts, and the empty table of a missing file;
- ``frame_schema`` / ``validate_frame``: a pandera ``DataFrameSchema`` per kind, checked once per data
  version on the cached frames (``analysis.data.dataset``) and by the tests on every fixture;
- the README's data dictionary (``analysis.data.contract_doc``) and ``personal_columns``.

The file contract (headers, labels, aliases, which cells a row cannot do without) stays in
``analysis.data.schema``; the file's columns are the non-derived fields here, in the same order (a test
checks it). Downstream code relies on what is declared here and does not re-clean it: text is stripped
and never ``""`` (empty is NA), categoricals hold exactly the canonical values, flags are ``bool`` without
NA.

Categories come from ``analysis.data.schema`` (activities, units, ranks low → high, channels, statuses)
and from the reference data (the 21 kelurahan in reference order, the kecamatan, the categories of
``data/reference/categories.csv``), so the functions that need them take a ``Reference`` (default: the
bundled one, read once).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd
import pyarrow

from analysis.data import schema
from analysis.data.arrow_text import string_chunks
from analysis.data.reference import KECAMATAN, Reference, load_reference
from analysis.data.schema import Kind

if TYPE_CHECKING:  # pandera is imported only when a frame is validated (it costs ~0.2 s to import)
    import pandera.pandas as pa

Dtype = Literal["text", "category", "datetime", "float", "int", "bool"]
Vocabulary = Literal[
    "kelurahan", "kecamatan", "activities", "units", "ranks", "channels", "categories", "statuses"
]
Rule = Literal["clock", "day", "at_least_one", "not_negative", "hours_of_day", "unique"]

DATETIME_DTYPE = "datetime64[us]"
TEXT_DTYPE = pd.StringDtype("pyarrow", na_value=np.nan)  # pandas' "str": Arrow strings, NaN when missing
ORDERED: frozenset[Vocabulary] = frozenset({"ranks"})  # categories with an order (ranks low → high)


@dataclass(frozen=True)
class Field:
    """One column of a clean frame.

    ``dtype``: ``text`` (pandas ``str``, stripped, never ``""``), ``category`` (exactly the categories of
    ``vocabulary``, in that order), ``datetime`` (``datetime64[us]``, naive local time), ``float``
    (float64, NaN = unknown), ``int`` (int64), ``bool``. ``nullable`` False: no NA in any row.
    ``rules``: further checks on the values (see ``RULES``). ``personal``: masked for roles that may not
    see personal data. ``derived``: computed by the loader, never read from or written to a file.
    """

    name: str
    dtype: Dtype
    nullable: bool
    vocabulary: Vocabulary | None = None
    rules: tuple[Rule, ...] = ()
    personal: bool = False
    derived: bool = False
    meaning: str = ""


PATROLS: tuple[Field, ...] = (
    Field("patrol_id", "text", False, rules=("unique",), meaning="unique; derived from the row when empty"),
    Field("date", "datetime", False, rules=("day",), meaning="the day, at midnight"),
    Field("start_time", "text", True, rules=("clock",), meaning="HH:MM"),
    Field("end_time", "text", True, rules=("clock",), meaning="HH:MM; before the start = crosses midnight"),
    Field("kelurahan", "category", False, "kelurahan"),
    Field("activity", "category", False, "activities"),
    Field("unit", "category", False, "units"),
    Field("leader_nrp", "text", True, meaning="looked up by name in officers.csv when the file has none"),
    Field("leader_name", "text", False),
    Field("leader_rank", "category", True, "ranks"),
    Field("personnel_count", "int", False, rules=("at_least_one",), meaning="leader included"),
    Field("topics", "text", True, meaning='canonical category names joined by "; " (schema.split_topics)'),
    Field("residents_met", "float", True, rules=("not_negative",), meaning="a whole number; NaN = unknown"),
    Field("location", "text", True),
    Field("lat", "float", True, meaning="decimal degrees"),
    Field("lon", "float", True, meaning="decimal degrees"),
    Field("notes", "text", True),
    Field("kecamatan", "category", False, "kecamatan", derived=True, meaning="the kelurahan's"),
    Field(
        "duration_hours",
        "float",
        True,
        rules=("hours_of_day",),
        derived=True,
        meaning="NaN without both times; an end before the start crosses midnight",
    ),
)

COMPLAINTS: tuple[Field, ...] = (
    Field(
        "complaint_id", "text", False, rules=("unique",), meaning="unique; derived from the row when empty"
    ),
    Field("received_at", "datetime", False, meaning="date and time received"),
    Field("channel", "category", False, "channels"),
    Field("kelurahan", "category", False, "kelurahan"),
    Field("category", "category", False, "categories", meaning=f"empty in the file: {schema.UNCATEGORISED}"),
    Field("description", "text", True),
    Field("status", "category", False, "statuses", meaning="empty in the file: Baru"),
    Field("resolved_at", "datetime", True, meaning="NaT = not resolved; never before received_at"),
    Field("handled_by_nrp", "text", True),
    Field("patrol_id", "text", True, meaning="the patrol it was raised in"),
    Field("lat", "float", True, meaning="decimal degrees"),
    Field("lon", "float", True, meaning="decimal degrees"),
    Field("reporter_name", "text", True, personal=True),
    Field("reporter_phone", "text", True, personal=True),
    Field("kecamatan", "category", False, "kecamatan", derived=True, meaning="the kelurahan's"),
    Field("is_valid", "bool", False, derived=True, meaning=f'status ≠ "{schema.INVALID_STATUS}"'),
    Field(
        "resolution_days",
        "float",
        True,
        rules=("not_negative",),
        derived=True,
        meaning="days from received_at to resolved_at; NaN when not resolved",
    ),
)

OFFICERS: tuple[Field, ...] = (
    Field("nrp", "text", False, rules=("unique",)),
    Field("name", "text", False),
    Field("rank", "category", False, "ranks"),
    Field("unit", "category", False, "units"),
    Field("assigned_kelurahan", "category", True, "kelurahan", meaning="a Bhabinkamtibmas's kelurahan"),
    Field("active", "bool", False, meaning="empty in the file: yes"),
)

FIELDS: dict[Kind, tuple[Field, ...]] = {"patrols": PATROLS, "complaints": COMPLAINTS, "officers": OFFICERS}


class ContractError(ValueError):
    """A frame that breaks the clean-frame contract: ``kind``, the ``column`` (None: the frame as a
    whole) and the ``reason`` (pandera's, with the first failing values)."""

    def __init__(self, kind: Kind, column: str | None, reason: str) -> None:
        self.kind, self.column, self.reason = kind, column, reason
        where = f"column {column!r}" if column else "the frame"
        super().__init__(f"{kind} frame breaks the clean-frame contract at {where}: {reason}")


# --------------------------------------------------------------------------------------------------------
# What the declaration says


def fields(kind: Kind) -> tuple[Field, ...]:
    """The fields of a clean ``kind`` frame, in frame order (file columns first, then derived ones)."""
    return FIELDS[kind]


def field(kind: Kind, name: str) -> Field:
    """The field ``name`` of ``kind``; ``KeyError`` when the clean frame has no such column."""
    for found in FIELDS[kind]:
        if found.name == name:
            return found
    raise KeyError(f"{kind} has no column {name!r}")


def clean_columns(kind: Kind) -> list[str]:
    """Column names of a clean ``kind`` frame, in order."""
    return [f.name for f in FIELDS[kind]]


def derived_columns(kind: Kind) -> list[str]:
    """Columns the loader adds (never in a file)."""
    return [f.name for f in FIELDS[kind] if f.derived]


def categorical_columns(kind: Kind) -> list[str]:
    """Columns stored as pandas ``category``: group by them with ``observed=True`` unless every level
    (e.g. all 21 kelurahan with zeros) is wanted."""
    return [f.name for f in FIELDS[kind] if f.dtype == "category"]


def personal_columns(kind: Kind) -> list[str]:
    """Columns holding personal data (masked by ``analysis.admin.privacy``)."""
    return [f.name for f in FIELDS[kind] if f.personal]


@lru_cache(maxsize=1)
def default_reference() -> Reference:
    """The bundled reference data, read once per process (used when no ``Reference`` is given)."""
    return load_reference()


def vocabulary(name: Vocabulary, reference: Reference | None = None) -> list[str]:
    """The canonical values of a categorical column, in category order."""
    if name == "kelurahan":
        return (reference or default_reference()).kelurahan_names
    if name == "categories":
        return (reference or default_reference()).category_names
    fixed: dict[str, tuple[str, ...]] = {
        "kecamatan": KECAMATAN,
        "activities": schema.ACTIVITIES,
        "units": schema.UNITS,
        "ranks": schema.RANKS,
        "channels": schema.CHANNELS,
        "statuses": schema.STATUSES,
    }
    return list(fixed[name])


def dtype_of(column: Field, reference: Reference | None = None) -> Any:
    """The pandas dtype the contract gives ``column``."""
    if column.dtype == "category":
        assert column.vocabulary is not None
        return pd.CategoricalDtype(
            vocabulary(column.vocabulary, reference), ordered=column.vocabulary in ORDERED
        )
    return {
        "text": TEXT_DTYPE,
        "datetime": np.dtype(DATETIME_DTYPE),
        "float": np.dtype(np.float64),
        "int": np.dtype(np.int64),
        "bool": np.dtype(bool),
    }[column.dtype]


# --------------------------------------------------------------------------------------------------------
# Frames built from it


def build_frame(
    kind: Kind, values: Mapping[str, Any], n: int, reference: Reference | None = None
) -> pd.DataFrame:
    """A clean frame of ``n`` rows from column values already parsed (the loader's final step).

    ``values`` maps a column to its ``n`` values: integer codes into the vocabulary (-1 = NA) for a
    categorical column, ``datetime64[us]`` for a datetime, numbers, bools, or text (a ``Series`` or an
    array with None/NaN as NA). A column not given is empty (NA), or 0 / True where the contract allows
    no NA. Extra keys in ``values`` are ignored. Only casts: nothing is checked here (``validate_frame``).
    """
    data: dict[str, Any] = {}
    for column in FIELDS[kind]:
        value = values.get(column.name)
        dtype = dtype_of(column, reference)
        if column.dtype == "category":
            codes = np.full(n, -1, dtype=np.int64) if value is None else value
            data[column.name] = pd.Categorical.from_codes(codes, dtype=dtype)
        elif column.dtype == "datetime":
            data[column.name] = np.full(n, np.datetime64("NaT"), dtype=dtype) if value is None else value
        elif column.dtype == "float":
            data[column.name] = np.full(n, np.nan) if value is None else np.asarray(value, dtype=dtype)
        elif column.dtype == "int":
            data[column.name] = np.zeros(n, dtype=dtype) if value is None else np.asarray(value, dtype=dtype)
        elif column.dtype == "bool":
            data[column.name] = np.ones(n, dtype=dtype) if value is None else np.asarray(value, dtype=dtype)
        elif isinstance(value, pd.Series):
            data[column.name] = value.reset_index(drop=True).astype(dtype)
        else:
            data[column.name] = pd.Series(
                np.full(n, np.nan, dtype=object) if value is None else value, dtype=dtype
            )
    # copy=False: each column stays its own block (no consolidation copy of the numeric columns, which
    # at millions of rows cost more than any check here)
    return pd.DataFrame(data, index=pd.RangeIndex(n), copy=False)


def empty_frame(kind: Kind, reference: Reference | None = None) -> pd.DataFrame:
    """A clean frame with no rows: the contract's columns and dtypes (the table of a missing file)."""
    return build_frame(kind, {}, 0, reference)


# --------------------------------------------------------------------------------------------------------
# Checking a frame against it


# ASCII bytes Python's ``str.strip`` removes; a value starting or ending with a byte >= 0x80 is looked at
# as text (``str.isspace``), which is rare.
_ASCII_SPACE = np.zeros(256, dtype=bool)
_ASCII_SPACE[[9, 10, 11, 12, 13, 28, 29, 30, 31, 32]] = True


def _text_chunks(series: pd.Series):
    """Per Arrow chunk of a ``str`` column: (chunk, null mask, value start offsets, end offsets, bytes),
    read in place (``analysis.data.arrow_text.string_chunks``)."""
    return string_chunks(pyarrow.array(series.array, from_pandas=True))


def _stripped_text(series: pd.Series) -> pd.Series:
    """True where a text value (or NA) is not ``""`` and has no space at either end. Looks at the first
    and last byte only, so a column of long notes costs no more than one of short names."""
    if series.dtype != TEXT_DTYPE:  # the exact_dtype check names the fault
        return pd.Series(False, index=series.index)
    parts = []
    for chunk, null, starts, ends, data in _text_chunks(series):
        last_byte = max(len(data) - 1, 0)
        first, last = data[np.minimum(starts, last_byte)], data[np.maximum(ends - 1, 0)]
        ok = (ends > starts) & ~_ASCII_SPACE[first] & ~_ASCII_SPACE[last]
        wide = np.flatnonzero(ok & ((first >= 0x80) | (last >= 0x80)))
        if len(wide):
            texts = chunk.take(wide).to_pylist()
            ok[wide] = [not (t[0].isspace() or t[-1].isspace()) for t in texts]
        parts.append(ok | null)
    return pd.Series(np.concatenate(parts) if parts else np.ones(0, bool), index=series.index)


def _clock(series: pd.Series) -> pd.Series:
    """True where a text value (or NA) is ``HH:MM`` from 00:00 to 23:59."""
    if series.dtype != TEXT_DTYPE:
        return pd.Series(False, index=series.index)
    parts = []
    for _, null, starts, ends, data in _text_chunks(series):
        ok = (ends - starts) == 5
        at = np.where(ok, starts, 0)
        if len(data) < 5:
            parts.append(null.copy())  # no value of five bytes: only NA passes
            continue
        h1, h2, colon, m1, m2 = (data[np.minimum(at + i, len(data) - 1)] for i in range(5))
        ok &= (colon == ord(":")) & (m1 >= ord("0")) & (m1 <= ord("5")) & (m2 >= ord("0")) & (m2 <= ord("9"))
        ok &= ((h1 >= ord("0")) & (h1 <= ord("1")) & (h2 >= ord("0")) & (h2 <= ord("9"))) | (
            (h1 == ord("2")) & (h2 >= ord("0")) & (h2 <= ord("3"))
        )
        parts.append(ok | null)
    return pd.Series(np.concatenate(parts) if parts else np.ones(0, bool), index=series.index)


def _day(series: pd.Series) -> pd.Series:
    """True where a datetime (or NaT) is at midnight."""
    if series.dtype != np.dtype(DATETIME_DTYPE):
        return pd.Series(False, index=series.index)
    values = series.to_numpy()
    return pd.Series(np.isnat(values) | (values.astype("datetime64[D]") == values), index=series.index)


# rule -> (what it says, vectorised check returning True per valid row)
RULES: dict[Rule, tuple[str, Callable[[pd.Series], pd.Series] | None]] = {
    "clock": ("a time of day written HH:MM (00:00 to 23:59)", _clock),
    "day": ("a day at midnight (no time of day)", _day),
    "at_least_one": ("a whole number ≥ 1", lambda s: s.isna() | (s >= 1)),
    "not_negative": ("≥ 0", lambda s: s.isna() | (s >= 0)),
    "hours_of_day": ("from 0 up to (not including) 24 hours", lambda s: s.isna() | ((s >= 0) & (s < 24))),
    "unique": ("no value twice", None),  # pandera's own ``unique`` column option
}


def _column_schema(column: Field, reference: Reference | None) -> pa.Column:
    import pandera.pandas as pa

    expected_dtype = dtype_of(column, reference)
    checks = []
    if column.dtype in ("text", "datetime"):  # pandera takes any string dtype, any datetime64 unit
        checks.append(
            pa.Check(
                lambda s, expected=expected_dtype: s.dtype == expected,
                name="exact_dtype",
                error=f"dtype exactly {expected_dtype} (text: pandas 'str', NaN when missing)",
                ignore_na=False,
            )
        )
    if column.dtype == "text":
        checks.append(
            pa.Check(
                _stripped_text, name="stripped_text", error="text stripped and never empty", ignore_na=False
            )
        )
    if column.dtype == "category":
        expected = list(expected_dtype.categories)
        checks.append(
            pa.Check(
                lambda s, expected=expected: list(s.cat.categories) == expected,
                name="canonical_categories",
                error=f"categories exactly {column.vocabulary} in order",
            )
        )
    for rule in column.rules:
        text, check = RULES[rule]
        if check is not None:
            checks.append(pa.Check(check, name=rule, error=text, ignore_na=False))  # NA: handled by the check
    return pa.Column(
        expected_dtype,
        checks=checks,
        nullable=column.nullable,
        unique="unique" in column.rules,
        name=column.name,
    )


def frame_schema(kind: Kind, reference: Reference | None = None) -> pa.DataFrameSchema:
    """The pandera schema of a clean ``kind`` frame: exactly the contract's columns in order, each with
    its dtype, nullability, categories and rules. Every check is vectorised (no per-row Python)."""
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {column.name: _column_schema(column, reference) for column in FIELDS[kind]},
        strict=True,
        ordered=True,
        name=kind,
    )


Depth = Literal["full", "schema"]


def validate_frame(
    df: pd.DataFrame, kind: Kind, reference: Reference | None = None, depth: Depth = "full"
) -> pd.DataFrame:
    """``df`` itself when it is a clean ``kind`` frame; else ``ContractError`` naming the first column
    that breaks the contract and why (dtype, NA where none may be, a value outside the rule, a missing,
    extra or misplaced column). The frame is not copied or changed.

    ``depth="schema"`` checks the columns, their order and exact dtypes (categories included) but no
    value: pandera's ``SCHEMA_ONLY`` depth, a few milliseconds whatever the rows. For a frame whose values
    were checked in full when it was written (the Parquet cache, keyed by the data file's size and
    modification time), so a warm start does not pay the value checks again.
    """
    import pandera.errors
    from pandera.config import ValidationDepth, config_context

    if depth == "schema":
        _check_exact_dtypes(df, kind, reference)
    level = ValidationDepth.SCHEMA_ONLY if depth == "schema" else ValidationDepth.SCHEMA_AND_DATA
    try:
        with config_context(validation_depth=level):
            frame_schema(kind, reference).validate(df, lazy=False, inplace=True)
    except pandera.errors.SchemaErrors as errors:  # pandera collects column-set errors even when not lazy
        raise _contract_error(kind, errors.schema_errors[0], df) from None
    except pandera.errors.SchemaError as error:
        raise _contract_error(kind, error, df) from None
    return df


def _check_exact_dtypes(df: pd.DataFrame, kind: Kind, reference: Reference | None) -> None:
    """``ContractError`` for the first contract column of ``df`` whose dtype is not exactly the declared
    one (categories in canonical order included): what the value-level ``exact_dtype`` and
    ``canonical_categories`` checks hold, at the cost of one comparison per column."""
    for column in FIELDS[kind]:
        if column.name not in df.columns:
            continue  # pandera names the missing column
        expected = dtype_of(column, reference)
        actual = df[column.name].dtype
        if actual != expected or (
            column.dtype == "category" and list(actual.categories) != list(expected.categories)
        ):
            raise ContractError(kind, column.name, f"dtype {actual}, expected exactly {expected}")


def _contract_error(kind: Kind, error: Any, df: pd.DataFrame) -> ContractError:
    column = _failing_column(error, df)
    reason = str(error)
    if getattr(error.reason_code, "name", "") == "COLUMN_NOT_IN_SCHEMA":  # pandera lists the whole schema
        reason = f"column {column!r} is not in the contract ({', '.join(clean_columns(kind))})"
    return ContractError(kind, column, reason)


def _failing_column(error: Any, df: pd.DataFrame) -> str | None:
    """The column a pandera ``SchemaError`` is about (a column schema's name, or the name in its failure
    cases for a frame-level error such as a missing column)."""
    name = getattr(error.schema, "name", None)
    if name is not None and (name in df.columns or any(f.name == name for fs in FIELDS.values() for f in fs)):
        return str(name)
    cases = getattr(error, "failure_cases", None)
    if isinstance(cases, pd.DataFrame) and "failure_case" in cases and len(cases):
        return str(cases["failure_case"].iloc[0])
    if isinstance(cases, str | int):
        return str(cases)
    return None


def file_columns(kind: Kind) -> list[str]:
    """The contract's file columns (the non-derived fields), which ``schema.columns(kind)`` lists too."""
    return [f.name for f in FIELDS[kind] if not f.derived]
