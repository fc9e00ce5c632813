from datetime import date

import pytest

from analysis import i18n


def test_every_string_has_both_languages():
    missing = [key for key, pair in i18n.STRINGS.items() if len(pair) != 2 or not all(pair)]
    assert missing == []


def test_placeholders_match_between_languages():
    import string

    def fields(text):
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    mismatched = [key for key, (bahasa, english) in i18n.STRINGS.items() if fields(bahasa) != fields(english)]
    assert mismatched == []


def test_english_singulars_belong_to_a_key_and_keep_its_placeholders():
    import string

    def fields(text):
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    assert i18n.ENGLISH_ONE
    for key, singular in i18n.ENGLISH_ONE.items():
        assert key in i18n.STRINGS, key
        assert fields(singular) == fields(i18n.STRINGS[key][1]) and "n" in fields(singular), key


def test_english_uses_the_singular_when_n_is_one_and_bahasa_never_changes():
    assert i18n.t("briefing.analisa.underserved_item", "en", kelurahan="Gedog", n="1") == "Gedog (1 report)"
    assert i18n.t("briefing.analisa.underserved_item", "en", kelurahan="Gedog", n="2") == "Gedog (2 reports)"
    assert i18n.t("briefing.analisa.underserved_item", "en", kelurahan="Gedog", n=1) == "Gedog (1 report)"
    assert i18n.t("briefing.analisa.underserved_item", "id", kelurahan="Gedog", n="1") == "Gedog (1 laporan)"


def test_lookup_fills_values_and_falls_back_to_the_key():
    assert i18n.t("data.as_of", "id", date="26 Mei 2025") == "Data s.d. 26 Mei 2025"
    assert i18n.t("data.as_of", "en", date="26 May 2025") == "Data up to 26 May 2025"
    assert i18n.t("no.such.key") == "no.such.key"


@pytest.mark.parametrize(
    ("value", "bahasa", "english"),
    [(1234, "1.234", "1,234"), (0, "0", "0"), (None, "–", "–"), (float("nan"), "–", "–")],
)
def test_integers(value, bahasa, english):
    assert i18n.fmt_int(value, "id") == bahasa
    assert i18n.fmt_int(value, "en") == english


def test_percent_and_decimal():
    assert i18n.fmt_pct(0.125) == "12,5 %"
    assert i18n.fmt_pct(0.125, "en") == "12.5 %"
    assert i18n.fmt_num(1234.56, "id", 1) == "1.234,6"


def test_indonesian_dates():
    assert i18n.fmt_date(date(2025, 5, 26)) == "26 Mei 2025"
    assert i18n.fmt_date(date(2025, 5, 26), "id", "long") == "Senin, 26 Mei 2025"
    assert i18n.fmt_date(None) == "–"


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2025-05-19", "2025-05-25", "19–25 Mei 2025"),
        ("2025-04-28", "2025-05-04", "28 Apr – 4 Mei 2025"),
        ("2024-12-29", "2025-01-04", "29 Des 2024 – 4 Jan 2025"),
        ("2025-05-26", "2025-05-26", "26 Mei 2025"),
    ],
)
def test_date_ranges(start, end, expected):
    assert i18n.fmt_date_range(start, end) == expected
