"""The command line, one module per command: ``python -m analysis <command>`` (``analysis/__main__.py``).

Each module exposes ``configure_parser(parser)`` (its arguments, help in Bahasa) and ``run_cli(args) -> int``
(the exit code it documents). The work itself stays in its room; a command only reads arguments, calls
that room's functions and prints:

- ``sample`` -> ``analysis.sample``;
- ``validate`` -> ``analysis.data.loading``;
- ``import_file`` (``python -m analysis import``) -> ``analysis.data.intake``;
- ``import_text`` (``python -m analysis import-text``) -> ``analysis.data.textreports``;
- ``briefing`` -> ``analysis.reports``;
- ``users`` -> ``analysis.admin``.

``common`` holds what the two import commands share.
"""
