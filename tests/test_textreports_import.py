"""Merging rows read from text: the same validated, atomic, backed-up import as files, with events
already in the data recognised under another id. And the command ``python -m analysis import-text``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis.__main__ import main
from analysis.data import intake
from analysis.data.dataset import load_dataset
from analysis.data.textreports import read_text, rows_frame
from analysis.data.textreports.importer import import_text_rows, known_events, summary_lines

CASES = Path(__file__).parent / "cases" / "text"
DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def data_dir(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns(".*", "import_log.jsonl"))
    return target


def _read(name, data_dir, reference):
    return read_text((CASES / name).read_text("utf-8"), reference, load_dataset(data_dir).officers)


def _merge(reading, data_dir, reference, patrols=None, complaints=None):
    return import_text_rows(
        data_dir,
        rows_frame(reading.patrols, "patrols") if patrols is None else patrols,
        rows_frame(reading.complaints, "complaints") if complaints is None else complaints,
        file_name="teks.txt",
        sha256="x",
        reference=reference,
    )


def test_importing_the_release_into_the_sample_adds_nothing_and_says_so(data_dir, reference):
    before = (data_dir / "patrols.csv").read_bytes()
    result = _merge(_read("rilis-gedog-2025-05-26.txt", data_dir, reference), data_dir, reference)
    assert result.added == 0 and result.rejected == 0
    assert [(k.kind, k.existing_id) for k in result.known] == [("patrols", "PTR-005308")]
    assert (data_dir / "patrols.csv").read_bytes() == before
    assert "PTR-005308" in " ".join(summary_lines(result, "id"))
    assert intake.read_log(data_dir)[-1]["added"] == 0  # the attempt is in the import log


def test_a_reviewed_report_is_merged_with_its_complaint_backed_up_and_logged(data_dir, reference):
    reading = _read("wa-laporan-bhabin.txt", data_dir, reference)
    patrols = rows_frame(reading.patrols, "patrols").assign(leader_nrp="88123456")  # filled in review
    result = _merge(reading, data_dir, reference, patrols=patrols)
    assert result.added == 2 and not result.held and not result.known
    ds = load_dataset(data_dir)
    patrol_id = patrols.loc[0, "patrol_id"]
    new = ds.patrols.loc[ds.patrols["patrol_id"] == patrol_id].iloc[0]
    assert (str(new["kelurahan"]), str(new["unit"]), int(new["personnel_count"])) == (
        "Klampok",
        "Bhabinkamtibmas",
        1,
    )
    complaint = ds.complaints.loc[ds.complaints["patrol_id"] == patrol_id].iloc[0]
    assert str(complaint["category"]) == "Balap liar" and str(complaint["status"]) == "Diproses"
    assert list((data_dir / ".backups").iterdir())
    again = _merge(reading, data_dir, reference, patrols=patrols)  # the same text twice adds nothing
    assert again.added == 0 and sum(r.skipped for r in again.results.values()) == 2


def test_a_refused_patrol_holds_back_its_complaints(data_dir, reference):
    reading = _read("wa-laporan-bhabin.txt", data_dir, reference)
    patrols = rows_frame(reading.patrols, "patrols").assign(kelurahan="")  # no kelurahan: refused
    before = (data_dir / "complaints.csv").read_bytes()
    result = _merge(reading, data_dir, reference, patrols=patrols)
    assert result.rejected == 1 and result.held == [reading.complaints[0].value("complaint_id")]
    assert (data_dir / "complaints.csv").read_bytes() == before


def test_known_events_match_by_nrp_or_name_not_by_id():
    old = pd.DataFrame(
        {
            "patrol_id": ["A", "B"],
            "date": ["2025-06-02", "2025-06-02"],
            "kelurahan": ["Rembang", "Turi"],
            "activity": ["Patroli Malam", "DDS"],
            "leader_nrp": ["", "1"],
            "leader_name": ["Yusuf Hakim", "X"],
        }
    )
    new = old.assign(patrol_id=["C", "D"], leader_name=["yusuf  hakim", "Y"], leader_nrp=["", "2"])
    assert [(k.incoming_id, k.existing_id) for k in known_events(old, new, "patrols")] == [("C", "A")]
    assert known_events(old, old, "patrols") == []  # same ids: the import's own identical/conflict check


def test_cli_json_prints_rows_and_certainties(data_dir, capsys):
    code = main(
        ["import-text", str(CASES / "rilis-gedog-2025-05-26.txt"), "--data-dir", str(data_dir), "--json"]
    )
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    fields = out["patrols"][0]["fields"]
    assert fields["unit"] == {"value": "Binmas", "certainty": "certain", "snippet": "Panit Binmas"}
    assert fields["personnel_count"]["certainty"] == "inferred"
    assert out["known_events"][0]["existing_id"] == "PTR-005308"


def test_cli_exit_codes(data_dir, tmp_path, capsys):
    assert main(["import-text", str(CASES / "wa-grup-ekspor.txt"), "--data-dir", str(data_dir)]) == 1
    assert "wajib diisi" in capsys.readouterr().out  # unit and NRP missing: refused, with the reason
    chatter = tmp_path / "obrolan.txt"
    chatter.write_text("02/06/25 07.02 - Bripda Lina: Siap ndan\n", "utf-8")
    assert main(["import-text", str(chatter), "--data-dir", str(data_dir)]) == 2
    assert "Tidak ditemukan" in capsys.readouterr().err
    assert main(["import-text", str(tmp_path / "tidak-ada.txt"), "--data-dir", str(data_dir)]) == 2
