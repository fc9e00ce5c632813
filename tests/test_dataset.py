import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis.data.dataset import CACHE_DIR_NAME, data_signature, load_dataset

DATA = Path(__file__).resolve().parent.parent / "data"

PATROLS = """patrol_id,date,kelurahan,activity,unit,leader_nrp,leader_name,personnel_count
P1,2025-05-26,Gedog,Patroli Dialogis,Binmas,79051234,Roziek Mustofa,4
P2,26/05/2025,Kel. Sentul,Sambang,Sabhara,80010001,Budi Santoso,2
P3,31/02/2025,Gedog,Sambang,Binmas,80010001,Budi Santoso,2
"""


@pytest.fixture
def data_dir(tmp_path) -> Path:
    (tmp_path / "patrols.csv").write_text(PATROLS, encoding="utf-8")
    return tmp_path


def test_missing_files_give_empty_tables_with_the_contract_columns(tmp_path, reference):
    ds = load_dataset(tmp_path, reference)
    assert ds.patrols.empty and "kelurahan" in ds.patrols.columns
    assert ds.complaints.empty and "is_valid" in ds.complaints.columns
    assert ds.last_date is None and ds.reports == {}


def test_warm_start_returns_the_same_frame_and_report(data_dir, reference):
    cold = load_dataset(data_dir, reference)
    assert list((data_dir / CACHE_DIR_NAME).glob("patrols-*.parquet"))
    warm = load_dataset(data_dir, reference)
    pd.testing.assert_frame_equal(cold.patrols, warm.patrols)
    assert warm.reports["patrols"].rows_rejected == cold.reports["patrols"].rows_rejected == 1
    assert warm.reports["patrols"].problems == cold.reports["patrols"].problems


def test_a_changed_file_is_read_again_and_the_old_cache_removed(data_dir, reference):
    load_dataset(data_dir, reference)
    before = data_signature(data_dir)
    (data_dir / "patrols.csv").write_text(PATROLS.replace("P3,31/02/2025", "P3,28/02/2025"), encoding="utf-8")
    assert data_signature(data_dir) != before
    ds = load_dataset(data_dir, reference)
    assert len(ds.patrols) == 3
    assert len(list((data_dir / CACHE_DIR_NAME).glob("patrols-*.parquet"))) == 1


def test_a_damaged_cache_is_ignored(data_dir, reference):
    load_dataset(data_dir, reference)
    for cached in (data_dir / CACHE_DIR_NAME).glob("patrols-*.parquet"):
        cached.write_bytes(b"not parquet")
    assert len(load_dataset(data_dir, reference).patrols) == 2


def test_bundled_sample_loads_without_rejections(tmp_path, reference):
    for name in ("patrols.csv", "complaints.csv", "officers.csv"):
        shutil.copy(DATA / name, tmp_path / name)
    ds = load_dataset(tmp_path, reference)
    assert {kind: report.rows_rejected for kind, report in ds.reports.items()} == {
        "patrols": 0,
        "complaints": 0,
        "officers": 0,
    }
    assert ds.first_date < ds.last_date


def test_single_chunk_keeps_values_and_makes_text_columns_contiguous():
    import pyarrow as pa

    from analysis.data.dataset import single_chunk

    chunked = pd.arrays.ArrowStringArray(pa.chunked_array([["a", None], ["b"]], type=pa.large_string()))
    frame = pd.DataFrame({"text": pd.Series(chunked, index=[4, 5, 6]), "n": [1, 2, 3]}, index=[4, 5, 6])
    assert frame["text"].array._pa_array.num_chunks == 2
    joined = single_chunk(frame)
    assert joined["text"].array._pa_array.num_chunks == 1
    pd.testing.assert_frame_equal(joined, frame)
    assert single_chunk(joined) is joined  # nothing left to join: no copy


def test_the_cached_frame_reads_back_as_read_parquet_gives_it_in_one_chunk(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from analysis.data.dataset import read_cached_frame

    frame = pd.DataFrame(
        {
            "text": pd.Series(["a", None, "b", "c"] * 50, dtype="str"),
            "kind": pd.Categorical(["x", "y", None, "x"] * 50),
            "when": pd.to_datetime(["2025-05-26"] * 200),
        }
    )
    path = tmp_path / "frame.parquet"
    # batches as a large file has them: several chunks per column on a plain read
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path, row_group_size=50)
    assert pq.read_table(path).column("text").num_chunks > 1
    read = read_cached_frame(path)
    pd.testing.assert_frame_equal(read, pd.read_parquet(path))
    assert read["text"].array._pa_array.num_chunks == 1
