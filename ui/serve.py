"""Start the dashboard: ``python -m ui.serve [streamlit options]`` (what ``make run`` does).

Same as ``streamlit run app.py``, minus one legacy behaviour: because a ``pages/`` folder sits next to
app.py, Streamlit would treat the very first script run of a new server as an old-style multipage app,
so a bookmarked link such as ``/peta`` opened first thing in the morning shows "Page not found" (and a
link naming a page file would run that page without the frame; ``ui.frame`` guards that too). app.py
declares its pages with ``st.navigation``, so the legacy mode is switched off before the server starts.
"""

from __future__ import annotations

import sys

from analysis.core import settings

APP = settings.PROJECT_ROOT / "app.py"


def main(argv: list[str] | None = None) -> None:
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.web import cli

    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(APP), *(sys.argv[1:] if argv is None else argv)]
    sys.exit(cli.main())


if __name__ == "__main__":
    main()
