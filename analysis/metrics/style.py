"""One palette and one chart style for every figure, map and highlighted table of the dashboard.

Category colours are not here: they are data (``data/reference/categories.csv``), read through
``Reference.category_colours()``; ``category_colour`` picks one with the fallback every chart shares.
Everything else a chart, map or table colours with lives in this module, so a colour means the same
thing on every page:

- sequential scales (5-class ColorBrewer, colour-blind safe and distinct on a washed-out projector):
  ``BLUES`` presence, ``ORANGES`` need, ``PURPLES`` gaps; ``RED_BLUE`` the diverging balance scale;
  plotly's named scales for heatmaps (``PRESENCE_SCALE``, ``NEED_SCALE``) and ``CALENDAR_SCALE``;
- the channel colours (valid vs Tidak Valid reports) on screen and on the projector;
- unit colours (Okabe–Ito), calendar band colours (Tol's "light"), row highlights of tables;
- fonts, sizes and margins: ``SCREEN_FONT`` for page charts, ``PROJECTOR_*`` for the briefing's slides
  and PDF, ``FIT_STYLES`` for a chart refitted to a projector half-slide or a phone.

Pure constants and two small helpers; no streamlit.
"""

from __future__ import annotations

from collections.abc import Mapping

from analysis.data.schema import UNITS

# --- neutral ink -------------------------------------------------------------------------------------------
INK = "#111111"  # text and outlines on white
GRID_COLOUR = "#DDDDDD"
FALLBACK_COLOUR = "#777777"  # a category without a colour in the reference (never in clean data)
NO_TOPIC_COLOUR = "#333333"  # a patrol point whose report names no topic
OUTLINE_COLOUR = "#555555"  # a kelurahan's border on the map

# --- sequential and diverging scales (the map's measures) -------------------------------------------------
BLUES = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")  # presence: more is more patrol
ORANGES = ("#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000")  # need: more complaints
PURPLES = ("#f2f0f7", "#cbc9e2", "#9e9ac8", "#756bb1", "#54278f")  # gaps: longer is worse
RED_BLUE = ("#ca0020", "#f4a582", "#f7f7f7", "#92c5de", "#0571b0")  # balance: red = too little presence
NEVER_VISITED = "#2d004b"
MISSING = "#ffffff"
SELECTED_OUTLINE = "#e6007e"

# Heatmaps take plotly's continuous versions of the same hues: complaints orange, patrols blue.
NEED_SCALE = "Oranges"
PRESENCE_SCALE = "Blues"
# Activity calendar: grey for a day without activity, then greens (GitHub's contribution calendar).
CALENDAR_SCALE = [[0.0, "#EBEDF0"], [1e-9, "#C6E48B"], [0.5, "#40A94F"], [1.0, "#1A5E2A"]]

# --- channels: valid vs Tidak Valid reports ----------------------------------------------------------------
# On screen (Tren Kategori) Tol's indigo and a hatched grey; on the projector a darker blue and solid grey.
CHANNEL_COLOURS: dict[str, str] = {"valid": "#332288", "invalid": "#999999"}
PROJECTOR_CHANNEL_COLOURS: dict[str, str] = {"valid": "#0B3D91", "invalid": "#B0B0B0"}
PREVIOUS_COLOUR = "#9A9A9A"  # the previous period's bar beside this period's
NO_PATROL_COLOUR = "#B22222"  # a priority kelurahan with no patrol at all

# --- units and calendar bands ------------------------------------------------------------------------------
# One colour per unit on every officer chart (colour-blind safe Okabe–Ito palette).
UNIT_COLOURS: dict[str, str] = dict(
    zip(UNITS, ("#0072B2", "#009E73", "#D55E00", "#CC79A7", "#E69F00", "#56B4E9", "#000000"), strict=True)
)
OTHER_UNIT_COLOUR = "#999999"
# Calendar kinds drawn as bands, in Tol's colour-blind-safe "light" tints; each kind named in the legend.
BAND_COLOURS: dict[str, str] = {
    "ramadan": "#44BB99",
    "idul_fitri": "#EEDD88",
    "police_operation": "#77AADD",
    "election": "#FFAABB",
    "school_holiday": "#BBCC33",
}
BAND_FALLBACK = "#DDDDDD"

# --- row and cell highlights in tables (background colours) ------------------------------------------------
# Days since a kelurahan's last visit (Ringkasan): warning amber, alert red.
VISIT_LEVEL_COLOURS: dict[str, str] = {"alert": "#F8D0D0", "warning": "#FFF1B8", "ok": ""}
# An officer's reporting gap (Aktivitas Personel), with dark text to stay readable on a projector.
GAP_LEVEL_COLOURS: dict[str, str] = {"warning": "#FFE8A3", "alert": "#F5B7B1", "ok": ""}
GAP_TEXT_COLOUR = "#1B1B1B"
# A change label (Tren Kategori): a significant rise red, a significant fall blue.
CHANGE_COLOURS: dict[str, str] = {"up": "#F8D0D0", "down": "#D6E6F5"}

# --- fonts, sizes, margins ---------------------------------------------------------------------------------
SCREEN_FONT: dict[str, object] = {"size": 15}  # every chart on a page
SCREEN_FONT_LARGE: dict[str, object] = {"size": 16}  # Ringkasan's one chart, read from across a desk
PROJECTOR_FONT: dict[str, object] = {"family": "DejaVu Sans, Arial, sans-serif", "size": 20, "color": INK}
PROJECTOR_TITLE_SIZE = 28
PROJECTOR_WIDTH, PROJECTOR_HEIGHT = 1200, 640  # px of a slide figure and of its PNG/PDF image
PROJECTOR_MARGIN = {"l": 20, "r": 40, "t": 80, "b": 60}

# A figure refitted (analysis.reports.slides.fit_figure): base font, title font, tick font, bar text font,
# height px, title wrap chars, margins.
FIT_STYLES: dict[str, dict] = {
    "present": {
        "font": 18,
        "title": 22,
        "tick": 18,
        "text": 15,
        "height": 440,
        "wrap": 46,
        "margin": {"l": 8, "r": 24, "t": 76, "b": 56},
    },
    "phone": {
        "font": 12,
        "title": 14,
        "tick": 11,
        "text": 10,
        "height": 380,
        "wrap": 44,
        "margin": {"l": 4, "r": 12, "t": 64, "b": 40},
    },
}


def margin(top: int, bottom: int = 10, left: int = 10, right: int = 10) -> dict[str, int]:
    """A plotly ``layout.margin`` in px; the page charts' default is 10 px on every side but the top.

    >>> margin(30)
    {'l': 10, 'r': 10, 't': 30, 'b': 10}
    """
    return {"l": left, "r": right, "t": top, "b": bottom}


def category_colour(colours: Mapping[str, str], category: str) -> str:
    """The colour of ``category`` from ``Reference.category_colours()``; ``FALLBACK_COLOUR`` if it has none.

    >>> category_colour({"Miras": "#AA3377"}, "Miras"), category_colour({}, "?")
    ('#AA3377', '#777777')
    """
    return colours.get(category, FALLBACK_COLOUR)
