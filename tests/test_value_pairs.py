"""Unknown values paired by the analyst (analysis.data.value_pairs, the Data page's pairing step)."""

from __future__ import annotations

import json
from datetime import date

from analysis.data import value_pairs
from analysis.data.loading import load_table
from tests.test_data_page import data_dir, open_page, upload  # noqa: F401 (the fixture)
from tests.test_loading import csv_text

DITUNDA = (
    "ID laporan,Waktu lapor,Saluran,Kelurahan,Kategori,Status\n"
    "UJI-L1,26/05/2025 09.00,Datang Langsung,Gedog,Pencurian,Ditunda\n"
    "UJI-L2,26/05/2025 10.00,Surat,Sentul,Miras,Baru\n"
    "UJI-L3,26/05/2025 11.00,Datang Langsung,Bendo,Miras,Ditunda\n"
)


def test_unknown_values_are_counted_per_column(reference):
    _, report = load_table(DITUNDA.encode(), "complaints", reference, today=date(2025, 12, 31))
    found = value_pairs.unknown_values(report.problems)
    assert found == {"status": {"Ditunda": 2}, "channel": {"Surat": 1}}
    assert "Diproses" in value_pairs.choices("status", reference)


def test_pairs_are_remembered_atomically_and_only_for_known_columns(tmp_path):
    value_pairs.remember_pairs(tmp_path, {"status": {"Ditunda": "Diproses"}, "nonsense": {"a": "b"}})
    value_pairs.remember_pairs(tmp_path, {"channel": {"Surat": "Datang Langsung"}})
    stored = json.loads((tmp_path / value_pairs.PAIRS_NAME).read_text("utf-8"))
    assert stored == {"channel": {"Surat": "Datang Langsung"}, "status": {"Ditunda": "Diproses"}}
    assert value_pairs.pairs_for(tmp_path, "patrols") == {}
    assert value_pairs.pairs_for(tmp_path, "complaints")["status"] == {"Ditunda": "Diproses"}
    (tmp_path / value_pairs.PAIRS_NAME).write_text("not json", "utf-8")
    assert value_pairs.load_pairs(tmp_path) == {}


def test_a_pairing_for_a_value_that_is_not_standard_is_ignored(reference):
    text = csv_text("complaints", {"status": "Ditunda", "resolved_at": ""})
    _, report = load_table(
        text.encode(),
        "complaints",
        reference,
        today=date(2025, 12, 31),
        value_pairs={"status": {"Ditunda": "X"}},
    )
    assert report.rows_rejected == 1


def test_the_data_page_pairs_unknown_values_and_remembers_them(data_dir):  # noqa: F811
    at = upload(open_page(), "aduan.csv", DITUNDA)
    assert any("Pasangkan nilai" in s.value for s in at.subheader)
    at.selectbox(key="value_pair_complaints_status_Ditunda").set_value("Diproses").run()
    at.button(key="value_pair_apply_complaints").click().run()
    assert not at.exception, at.exception
    assert value_pairs.load_pairs(data_dir) == {"status": {"Ditunda": "Diproses"}}
    # the same upload is read again with the pairing: only the unknown channel is still rejected
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Ditolak"] == "1"
