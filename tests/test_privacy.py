"""Role permissions, masking of personal columns and scrubbing of free text."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.admin import privacy
from analysis.admin.users import ROLES


@pytest.mark.parametrize(
    ("role", "personal", "rows", "data_page", "imports"),
    [
        ("kapolsek", True, True, True, False),
        ("analis", True, True, True, True),
        ("tamu", False, False, False, False),
        (privacy.LOCAL_DEMO, True, True, True, True),
        ("admin", False, False, False, False),
        ("", False, False, False, False),
        (None, False, False, False, False),
    ],
)
def test_permissions(role, personal, rows, data_page, imports):
    assert privacy.can_see_personal(role) is personal
    assert privacy.may_download_rows(role) is rows
    assert privacy.may_open_data_page(role) is data_page
    assert privacy.may_import(role) is imports


def test_the_local_demo_is_no_role_a_users_file_can_give():
    assert privacy.LOCAL_DEMO not in ROLES


def complaints() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "complaint_id": ["A", "B", "C", "D"],
            "reporter_name": ["Siti Aminah", None, "", " budi"],
            "reporter_phone": ["0812-3456-7890", "+62 813 1111 2222", None, " "],
        }
    ).astype({"reporter_name": "str", "reporter_phone": "str"})


def test_mask_personal_masks_names_to_initials_and_phones_fully():
    masked = privacy.mask_personal(complaints(), "complaints")
    assert masked["reporter_name"].tolist()[0] == "S***"
    assert masked["reporter_name"].tolist()[3] == "B***"
    assert pd.isna(masked["reporter_name"].tolist()[1]) and masked["reporter_name"].tolist()[2] == ""
    assert masked["reporter_phone"].tolist()[:2] == ["****", "****"]
    assert pd.isna(masked["reporter_phone"].tolist()[2])
    assert masked["complaint_id"].tolist() == ["A", "B", "C", "D"]
    assert masked["reporter_phone"].dtype == complaints()["reporter_phone"].dtype


def test_mask_personal_never_changes_its_input():
    frame = complaints()
    before = frame.copy()
    privacy.mask_personal(frame, "complaints")
    pd.testing.assert_frame_equal(frame, before)


def test_mask_personal_without_personal_columns():
    empty = complaints().iloc[0:0]
    assert privacy.mask_personal(empty, "complaints").empty
    officers = pd.DataFrame({"nrp": ["1"], "name": ["Roziek Mustofa"]})
    assert privacy.mask_personal(officers, "officers")["name"].tolist() == ["Roziek Mustofa"]
    no_phone = complaints().drop(columns="reporter_phone")
    assert privacy.mask_personal(no_phone, "complaints").columns.tolist() == no_phone.columns.tolist()


@pytest.mark.parametrize(
    "text",
    [
        "hubungi 081234567890",
        "hubungi 0812-3456-7890",
        "hubungi 0812 3456 7890",
        "hubungi +62 812-3456-7890",
        "hubungi 62812.3456.7890",
        "hubungi (0342) 801234",
        "hubungi 8123456789",
        "NIK 3572011234567890",
        "surel siti.aminah@example.com",
    ],
)
def test_scrub_text_removes_personal_numbers(text):
    scrubbed = privacy.scrub_text(text)
    assert scrubbed.endswith("[…]"), scrubbed
    assert not any(ch.isdigit() for ch in scrubbed)


@pytest.mark.parametrize(
    "text",
    [
        "Balap liar pukul 22.30 tanggal 26/05/2025",
        "Kerugian Rp 1.500.000",
        "RT 02 RW 05, 3 orang",
        "Tahun 2025 ada 270 laporan",
    ],
)
def test_scrub_text_keeps_dates_times_and_amounts(text):
    assert privacy.scrub_text(text) == text


def test_scrub_text_collapses_whitespace_and_truncates():
    assert privacy.scrub_text("  a \n\t b  ") == "a b"
    long = "kata " * 100
    scrubbed = privacy.scrub_text(long, max_len=20)
    assert len(scrubbed) <= 20 and scrubbed.endswith("…")


@pytest.mark.parametrize("value", [None, float("nan"), pd.NA, 12])
def test_scrub_text_of_missing_or_non_text_is_empty(value):
    assert privacy.scrub_text(value) == ""


def test_scrub_text_keeps_hostile_markup_as_text():
    hostile = "<img src=x onerror=alert(1)><script>alert(2)</script>"
    assert privacy.scrub_text(hostile) == hostile
