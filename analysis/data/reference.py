"""Reference data shipped with the app: kelurahan boundaries, population, categories, calendar.

All of it lives in ``data/reference/`` (see SOURCE.md there); nothing is read from outside the repo.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

REFERENCE_DIR = Path(__file__).resolve().parents[2] / "data" / "reference"

KECAMATAN: tuple[str, ...] = ("Kepanjenkidul", "Sukorejo", "Sananwetan")
POLRES = "Polres Blitar Kota"
GEO_ATTRIBUTION = "Batas kelurahan: cahyadsn/wilayah_boundaries (MIT)"  # shown through t("map.attribution")


@dataclass(frozen=True)
class Reference:
    """Read-only reference tables; shared by every session, so never mutate them."""

    kelurahan: pd.DataFrame  # kelurahan, kecamatan, kode, population, population_year, area_km2
    geojson: dict[str, Any]  # FeatureCollection, one Polygon per kelurahan
    categories: pd.DataFrame  # category, name_en, stage, urgency, colour, aliases
    calendar: pd.DataFrame  # start_date, end_date, event, kind, source

    @property
    def kelurahan_names(self) -> list[str]:
        """Every kelurahan's name, ordered by kecamatan then name (``kelurahan_table``'s order)."""
        return self.kelurahan["kelurahan"].tolist()

    @property
    def category_names(self) -> list[str]:
        """Every category's canonical (Bahasa) name, in ``categories.csv`` order."""
        return self.categories["category"].tolist()

    def category_colours(self) -> dict[str, str]:
        """One colour per category, the same on every chart and map."""
        return dict(zip(self.categories["category"], self.categories["colour"], strict=True))

    def category_labels(self, lang: str = "id") -> dict[str, str]:
        """Canonical category name -> the name shown in ``lang``: ``name_en`` in English (the canonical
        name where ``name_en`` is empty), the canonical name itself in Bahasa."""
        if lang != "en":
            return {name: name for name in self.categories["category"]}
        return {
            name: (english or name)
            for name, english in zip(self.categories["category"], self.categories["name_en"], strict=True)
        }

    def kecamatan_of(self) -> dict[str, str]:
        """Kelurahan name -> its kecamatan, for every kelurahan of the area."""
        return dict(zip(self.kelurahan["kelurahan"], self.kelurahan["kecamatan"], strict=True))


def load_geojson(path: Path) -> dict[str, Any]:
    """The kelurahan boundaries at ``path`` (a GeoJSON FeatureCollection; each feature's properties name the
    ``kelurahan``, ``kecamatan`` and ``kode``). Raises ``OSError`` / ``json.JSONDecodeError``.
    """
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def kelurahan_table(geojson: dict[str, Any], population: pd.DataFrame) -> pd.DataFrame:
    """One row per kelurahan, ordered by kecamatan then name, with population where known."""
    rows = [
        {
            "kelurahan": f["properties"]["kelurahan"],
            "kecamatan": f["properties"]["kecamatan"],
            "kode": f["properties"]["kode"],
            "area_km2": float(f["properties"].get("luas_km2_poligon", float("nan"))),
        }
        for f in geojson["features"]
    ]
    table = pd.DataFrame(rows)
    pop = population.rename(columns={"year": "population_year"})[["kode", "population", "population_year"]]
    table = table.merge(pop, on="kode", how="left")
    order = {k: i for i, k in enumerate(KECAMATAN)}
    return (
        table.assign(_k=table["kecamatan"].map(order))
        .sort_values(["_k", "kelurahan"])
        .drop(columns="_k")
        .reset_index(drop=True)
    )


def load_categories(path: Path) -> pd.DataFrame:
    """``categories.csv`` at ``path``: one row per category (``category``, ``name_en``, ``stage``,
    ``urgency``, ``colour``, ``aliases``), all text but ``urgency`` (int; 1 where empty or not a number).
    """
    categories = pd.read_csv(path, dtype=str, keep_default_na=False)
    return categories.assign(
        urgency=pd.to_numeric(categories["urgency"], errors="coerce").fillna(1).astype(int)
    )


def load_calendar(path: Path) -> pd.DataFrame:
    """``calendar.csv`` at ``path``: one row per dated event (police operation, holiday: ``event``,
    ``kind``, ``source`` citing where the dates come from), with ``start_date`` and ``end_date`` as
    ``datetime64`` (inclusive). Raises ``ValueError`` on an unreadable date.
    """
    calendar = pd.read_csv(path, dtype=str, keep_default_na=False)
    return calendar.assign(
        start_date=pd.to_datetime(calendar["start_date"]),
        end_date=pd.to_datetime(calendar["end_date"]),
    )


def load_reference(directory: Path = REFERENCE_DIR) -> Reference:
    """Read every reference table from ``directory``."""
    geojson = load_geojson(directory / "kelurahan.geojson")
    population = pd.read_csv(directory / "population.csv", dtype={"kode": str})
    return Reference(
        kelurahan=kelurahan_table(geojson, population),
        geojson=geojson,
        categories=load_categories(directory / "categories.csv"),
        calendar=load_calendar(directory / "calendar.csv"),
    )
