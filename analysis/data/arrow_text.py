"""Arrow string columns read in place: the value offsets and bytes of each chunk, as NumPy views.

Several checks need only the first or last byte of each value, or whether some byte occurs at all (the
contract's "stripped" and "HH:MM" rules, the loader's trim shortcut, the Excel-note pre-scan). Reading
the buffers directly costs a few NumPy passes, whatever the length of the text, and copies nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

import numpy as np
import pyarrow as pa


class StringChunk(NamedTuple):
    """One chunk of a string (or large string) array: ``chunk`` itself; ``null`` (bool per value);
    ``starts`` and ``ends`` (int64 byte offsets of each value into ``data``); ``data`` (uint8, the
    chunk's data buffer, at least one byte so that an offset may always be used as an index)."""

    chunk: pa.Array
    null: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    data: np.ndarray


def string_chunks(values: pa.Array | pa.ChunkedArray) -> Iterator[StringChunk]:
    """Each chunk of the string array ``values`` with its offsets and bytes (``StringChunk``), read in
    place. Raises ``TypeError`` for an array that is not of Arrow's ``string`` or ``large_string`` type."""
    if not (pa.types.is_string(values.type) or pa.types.is_large_string(values.type)):
        raise TypeError(f"not a string array: {values.type}")
    width = np.int64 if pa.types.is_large_string(values.type) else np.int32
    for chunk in values.chunks if isinstance(values, pa.ChunkedArray) else [values]:
        n = len(chunk)
        buffers = chunk.buffers()
        offsets: np.ndarray = np.zeros(n + 1, dtype=np.int64)
        if buffers[1] is not None:  # an empty chunk may come without buffers
            written = np.frombuffer(buffers[1], dtype=width)[chunk.offset : chunk.offset + n + 1]
            offsets = written.astype(np.int64, copy=False)
        data = np.frombuffer(buffers[2], dtype=np.uint8) if buffers[2] is not None else np.zeros(0, np.uint8)
        data = data if len(data) else np.zeros(1, np.uint8)  # all values empty or NA: one byte to index
        null = chunk.is_null().to_numpy(zero_copy_only=False) if chunk.null_count else np.zeros(n, dtype=bool)
        yield StringChunk(chunk, null, offsets[:-1], offsets[1:], data)
