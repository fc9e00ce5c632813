"""Widget keys that the frame has to name: each spelled once, here, under the page or module that owns it.

A page's widget keys are its own, but two parts of the frame act on some of them: the sidebar's
language switch hands every translated select box its value again (``ui.sidebar._relabel_choices``),
and ``ui.url_state`` mirrors a few in the URL. Those keys live here, so the owner draws its widget with
the constant and the sidebar and ``url_state`` read it, and neither spells another module's key.
A new select box with translated options (``format_func``) adds its key to ``TRANSLATED_SELECTBOXES``
(or, for a key built per file, its prefix to ``TRANSLATED_SELECTBOX_PREFIXES``);
tests/test_sidebar.py fails until it does. This module imports nothing: every ui module may use it.
"""

from __future__ import annotations

# pages/map.py
MAP_MEASURE = "map.measure"
MAP_LAYERS = "map.layers"
# pages/officers.py
OFFICERS_VIEW = "officers_view"
# pages/briefing.py (the step is ui.present's presentation mode)
BRIEFING_WEEK = "briefing_week"
BRIEFING_STEP = "briefing_step"
# ui/safety_widgets.py (Data page: the backup to restore)
SAFETY_RESTORE_CHOICE = "safety_restore_choice"
# ui/intake_widgets.py and ui/sheet_picker.py (Data page): one box per uploaded file, key + a digest
INTAKE_KIND_PREFIX = "intake_kind_"
INTAKE_SHEET_PREFIX = "intake_sheet_"

# Select boxes owned by pages and ui modules whose options are shown translated (the sidebar adds its own).
TRANSLATED_SELECTBOXES = (MAP_MEASURE, OFFICERS_VIEW, BRIEFING_WEEK, SAFETY_RESTORE_CHOICE)
TRANSLATED_SELECTBOX_PREFIXES = (INTAKE_KIND_PREFIX, INTAKE_SHEET_PREFIX)
