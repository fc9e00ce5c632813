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


def _cached(data_dir: Path, kind: str, suffix: str) -> Path:
    [path] = (data_dir / CACHE_DIR_NAME).glob(f"{kind}-v*{suffix}")
    return path


def _mapped_ranges(path: Path) -> list[tuple[int, int]]:
    """The address ranges where this process has ``path`` mapped (Linux: /proc/self/maps)."""
    ranges = []
    for line in Path("/proc/self/maps").read_text().splitlines():
        if line.endswith(str(path)):
            start, end = line.split()[0].split("-")
            ranges.append((int(start, 16), int(end, 16)))
    return ranges


def test_the_warm_start_maps_the_arrow_cache_and_gives_the_cold_frame(data_dir, reference):
    cold = load_dataset(data_dir, reference)
    arrow = _cached(data_dir, "patrols", ".arrow")
    assert arrow.name == cold.cache_stems["patrols"].name + ".arrow"
    warm = load_dataset(data_dir, reference)
    pd.testing.assert_frame_equal(cold.patrols, warm.patrols, check_exact=True)
    text = warm.patrols["leader_name"].array._pa_array
    assert text.num_chunks == 1
    if Path("/proc/self/maps").exists():  # the text's characters lie in the mapped file
        address = text.chunk(0).buffers()[-1].address
        assert any(start <= address < end for start, end in _mapped_ranges(arrow.resolve()))


def test_a_damaged_arrow_cache_falls_back_to_the_parquet_copy_and_is_written_again(data_dir, reference):
    cold = load_dataset(data_dir, reference)
    arrow = _cached(data_dir, "patrols", ".arrow")
    # replaced, never rewritten in place: ``cold`` has the file mapped (a mapped file cut short under a
    # running process is a bus error: the cache is only ever replaced by a rename)
    damaged = arrow.with_name("damaged")
    damaged.write_bytes(b"not arrow")
    damaged.replace(arrow)
    parquet = _cached(data_dir, "patrols", ".parquet")
    before = parquet.stat().st_mtime_ns
    warm = load_dataset(data_dir, reference)
    pd.testing.assert_frame_equal(cold.patrols, warm.patrols, check_exact=True)
    assert parquet.stat().st_mtime_ns == before  # the CSV was not read again
    assert arrow.read_bytes()[:6] == b"ARROW1"


def test_an_arrow_cache_that_breaks_the_contract_is_not_used(tmp_path, reference):
    from analysis.data.dataset import write_arrow

    shutil.copy(DATA / "officers.csv", tmp_path / "officers.csv")
    cold = load_dataset(tmp_path, reference)
    for suffix in (".arrow", ".parquet"):
        broken = cold.officers.assign(rank=cold.officers["rank"].astype(str))
        path = _cached(tmp_path, "officers", suffix)
        write_arrow(broken, path) if suffix == ".arrow" else broken.to_parquet(path, index=False)
        warm = load_dataset(tmp_path, reference)
        pd.testing.assert_frame_equal(warm.officers, cold.officers)
        assert str(load_dataset(tmp_path, reference).officers["rank"].dtype) == "category"


def test_the_columns_and_dtypes_check_names_what_breaks(reference):
    from analysis.data.contract import ContractError
    from analysis.data.dataset import check_columns_and_dtypes
    from tests import frames

    p = frames.patrols(n=2)
    assert check_columns_and_dtypes(p, "patrols", reference) is p
    broken = {
        "notes": p.drop(columns="notes"),
        "extra": p.assign(extra=1),
        "kelurahan": p.assign(kelurahan=p["kelurahan"].astype(str)),
        "leader_nrp": p.assign(leader_nrp=p["leader_nrp"].astype(object)),
        "date": p.assign(date=p["date"].astype("datetime64[ns]")),
    }
    reordered = p.assign(kelurahan=p["kelurahan"].cat.reorder_categories(reference.kelurahan_names[::-1]))
    broken["kelurahan "] = reordered
    swapped = list(p.columns)
    swapped[0], swapped[1] = swapped[1], swapped[0]
    broken["patrol_id"] = p[swapped]
    for column, frame in broken.items():
        with pytest.raises(ContractError) as raised:
            check_columns_and_dtypes(frame, "patrols", reference)
        assert raised.value.column in (column.strip(), "date"), column


def test_an_old_cache_that_cannot_be_removed_is_left_for_later(data_dir, reference, monkeypatch):
    load_dataset(data_dir, reference)
    old = set((data_dir / CACHE_DIR_NAME).iterdir())
    (data_dir / "patrols.csv").write_text(PATROLS.replace("P3,31/02/2025", "P3,28/02/2025"), encoding="utf-8")
    refused = _cached(data_dir, "patrols", ".arrow")
    unlink = Path.unlink

    def unlink_unless_mapped(self: Path, missing_ok: bool = False) -> None:
        if self == refused:  # as Windows refuses to delete a file a running server has mapped
            raise PermissionError(13, "in use", str(self))
        unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink_unless_mapped)
    ds = load_dataset(data_dir, reference)
    assert len(ds.patrols) == 3
    left = set((data_dir / CACHE_DIR_NAME).iterdir()) & old
    assert left == {refused}
    monkeypatch.undo()
    assert len(load_dataset(data_dir, reference).patrols) == 3


def test_a_folder_where_no_cache_can_be_written_still_loads(data_dir, reference):
    (data_dir / CACHE_DIR_NAME).write_text("a file where the cache folder would be", encoding="utf-8")
    assert len(load_dataset(data_dir, reference).patrols) == 2
    assert len(load_dataset(data_dir, reference).patrols) == 2


def test_an_empty_frame_and_its_dtypes_survive_the_arrow_file(tmp_path, reference):
    from analysis.data.contract import empty_frame
    from analysis.data.dataset import read_arrow, write_arrow

    for kind in ("patrols", "complaints", "officers"):
        frame = empty_frame(kind, reference)
        write_arrow(frame, tmp_path / f"{kind}.arrow")
        pd.testing.assert_frame_equal(read_arrow(tmp_path / f"{kind}.arrow"), frame)


def test_side_tables_are_kept_beside_the_cache_and_go_with_it(data_dir, reference):
    from analysis.data.dataset import read_side_table, write_side_table

    ds = load_dataset(data_dir, reference)
    stem = ds.cache_stems["patrols"]
    table = pd.DataFrame({"day": pd.to_datetime(["2025-05-26"]), "n": [3]})
    assert read_side_table(stem, "counts") is None
    write_side_table(stem, "counts", table)
    pd.testing.assert_frame_equal(read_side_table(stem, "counts"), table)
    (data_dir / "patrols.csv").write_text(PATROLS.replace("P3,31/02/2025", "P3,28/02/2025"), encoding="utf-8")
    assert read_side_table(load_dataset(data_dir, reference).cache_stems["patrols"], "counts") is None
    assert not list((data_dir / CACHE_DIR_NAME).glob("*.counts.arrow"))


def test_the_arrow_file_holds_one_batch_and_reads_back_mapped_without_a_copy(tmp_path):
    import pyarrow as pa
    import pyarrow.ipc as ipc

    from analysis.data.dataset import read_arrow, write_arrow

    chunked = pd.arrays.ArrowStringArray(
        pa.chunked_array([["a" * 100, None] * 500, ["bc" * 100] * 1000], type=pa.large_string())
    )
    frame = pd.DataFrame({"text": chunked, "kind": pd.Categorical(["x", "y"] * 1000), "n": range(2000)})
    write_arrow(frame, tmp_path / "frame.arrow")
    assert ipc.open_file(pa.memory_map(str(tmp_path / "frame.arrow"))).num_record_batches == 1
    before = pa.total_allocated_bytes()
    read = read_arrow(tmp_path / "frame.arrow")
    pd.testing.assert_frame_equal(read, frame)
    assert read["text"].array._pa_array.num_chunks == 1
    # the text (≈ 250 kB) was not copied out of the file
    assert pa.total_allocated_bytes() - before < 50_000


def test_a_cold_start_hands_over_the_mapped_frame_it_wrote(data_dir, reference):
    cold = load_dataset(data_dir, reference)
    arrow = _cached(data_dir, "patrols", ".arrow")
    if Path("/proc/self/maps").exists():
        address = cold.patrols["leader_name"].array._pa_array.chunk(0).buffers()[-1].address
        assert any(start <= address < end for start, end in _mapped_ranges(arrow.resolve()))


def _bundled(folder: Path) -> Path:
    folder.mkdir()
    for name in ("patrols.csv", "complaints.csv", "officers.csv"):
        shutil.copy(DATA / name, folder / name)
    return folder


def test_a_big_file_is_parsed_in_a_child_and_gives_the_frames_and_reports_of_the_server(
    tmp_path, reference, monkeypatch
):
    from analysis.data import dataset

    here = load_dataset(_bundled(tmp_path / "here"), reference)
    monkeypatch.setattr(dataset, "CHILD_PARSE_BYTES", 0)  # every file counts as big

    def parsed_in_the_server(*args, **kwargs):
        raise AssertionError("the server parsed a big file itself")

    monkeypatch.setattr(dataset, "load_table", parsed_in_the_server)  # the child has its own loader
    child = load_dataset(_bundled(tmp_path / "child"), reference)
    for kind in ("patrols", "complaints", "officers"):
        pd.testing.assert_frame_equal(getattr(child, kind), getattr(here, kind))
        assert child.reports[kind].problems == here.reports[kind].problems
        assert child.reports[kind].rows_valid == here.reports[kind].rows_valid


def test_a_big_unreadable_file_is_refused_with_the_loaders_message(tmp_path, reference, monkeypatch):
    from analysis.data import dataset
    from analysis.data.problems import UnreadableFile

    monkeypatch.setattr(dataset, "CHILD_PARSE_BYTES", 0)
    (tmp_path / "patrols.csv").write_bytes(b"\x00\x01binary" * 100)
    with pytest.raises(UnreadableFile) as refused:
        load_dataset(tmp_path, reference)
    assert refused.value.key == "loading.file.binary"


def test_when_no_child_can_parse_the_server_parses_it_itself(data_dir, reference, monkeypatch):
    from analysis.data import dataset, worker

    monkeypatch.setattr(dataset, "CHILD_PARSE_BYTES", 0)

    def no_child(*args, **kwargs):
        raise worker.ParseFailed("crashed", dataset.CHILD_PARSE_BUDGET, "exit code -9")

    monkeypatch.setattr(worker, "run", no_child)
    ds = load_dataset(data_dir, reference)
    assert len(ds.patrols) == 2 and ds.reports["patrols"].rows_rejected == 1
