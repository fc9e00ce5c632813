def test_twenty_one_kelurahan_seven_per_kecamatan(reference):
    table = reference.kelurahan
    assert len(table) == 21
    assert table.groupby("kecamatan").size().to_dict() == {"Kepanjenkidul": 7, "Sananwetan": 7, "Sukorejo": 7}
    assert len(reference.geojson["features"]) == 21


def test_population_joins_every_kelurahan_with_its_year(reference):
    table = reference.kelurahan.set_index("kelurahan")
    assert table["population"].notna().all()
    assert set(table["population_year"]) == {2010}
    assert table["population"].sum() == 131_968  # BPS SP2010 total for Kota Blitar


def test_gedog_is_in_sananwetan(reference):
    assert reference.kecamatan_of()["Gedog"] == "Sananwetan"


def test_every_category_has_a_stage_an_urgency_and_a_distinct_colour(reference):
    categories = reference.categories
    assert set(categories["stage"]) <= {"PG", "AG", "GN"}
    assert categories["urgency"].between(1, 3).all()
    colours = reference.category_colours()
    assert len(set(colours.values())) == len(colours)
    assert {"Gangguan keamanan lingkungan", "Keresahan sosial"} <= set(colours)


def test_calendar_dates_are_parsed_and_ordered(reference):
    calendar = reference.calendar
    assert (calendar["end_date"] >= calendar["start_date"]).all()
    assert "ramadan" in set(calendar["kind"])
