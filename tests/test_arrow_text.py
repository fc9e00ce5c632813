"""Arrow string chunks read in place: offsets and bytes of each value, nulls, slices, both string widths."""

import pyarrow as pa
import pytest

from analysis.data.arrow_text import string_chunks


@pytest.mark.parametrize("kind", [pa.string(), pa.large_string()])
def test_each_value_is_its_bytes_between_its_offsets_even_in_a_slice(kind):
    values = pa.chunked_array([pa.array(["ab", None, "", "Gedog"], type=kind), pa.array(["é"], type=kind)])
    chunks = list(string_chunks(values.slice(1)))
    texts = [
        None if null else bytes(part.data[s:e]).decode()
        for part in chunks
        for null, s, e in zip(part.null, part.starts, part.ends, strict=True)
    ]
    assert texts == [None, "", "Gedog", "é"]
    assert all(part.starts.dtype == "int64" for part in chunks)


def test_an_empty_or_all_null_array_has_a_byte_to_index_and_a_number_is_refused():
    (empty,) = string_chunks(pa.array([], type=pa.string()))
    assert len(empty.starts) == 0 and len(empty.data) == 1
    (nulls,) = string_chunks(pa.array([None, None], type=pa.large_string()))
    assert nulls.null.tolist() == [True, True] and len(nulls.data) == 1
    with pytest.raises(TypeError):
        next(string_chunks(pa.array([1, 2])))
