"""Start the dashboard: ``python -m ui.serve [streamlit options]`` (what ``make run`` does).

Same as ``streamlit run app.py``, minus one legacy behaviour. Because a ``pages/`` folder sits next to
app.py, Streamlit (1.67: ``PagesManager.__init__`` and ``script_runner._mpa_v1``) runs every script run
that comes before the process's first ``st.navigation`` call as an old-style multipage app whose pages
are named after the files (``/map``, ``/data``). So the very first request of a new server, e.g. a
bookmarked ``/peta`` first thing in the morning, shows "Page not found", and a link naming a page file
runs that file without app.py (``ui.frame`` sends such a run back through the frame, and every page's
first statement is a ``ui.context`` call that does so). ``st.navigation`` switches the legacy mode off by
setting ``PagesManager.uses_pages_directory = False``; Streamlit offers no setting for it, so
``legacy_pages_off()`` sets the same switch before the server starts. It fails loudly if a Streamlit
upgrade moved the switch, and tests/test_serve.py checks that it still works.
"""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

APP = Path(__file__).resolve().parent.parent / "app.py"


def legacy_pages_off() -> None:
    """Tell Streamlit, before any session starts, that app.py declares its pages with ``st.navigation``
    (what ``st.navigation`` itself does on its first call). Raises RuntimeError when this Streamlit has
    no such switch: starting anyway would bring back "Page not found" for bookmarked pages."""
    if "uses_pages_directory" not in vars(PagesManager):
        raise RuntimeError(
            "This Streamlit version has no PagesManager.uses_pages_directory: check ui/serve.py "
            "against streamlit/commands/navigation.py before upgrading."
        )
    PagesManager.uses_pages_directory = False


def main(argv: list[str] | None = None) -> None:
    legacy_pages_off()
    sys.argv = ["streamlit", "run", str(APP), *(sys.argv[1:] if argv is None else argv)]
    sys.exit(cli.main())


if __name__ == "__main__":
    main()
