"""Synthetic data for demos, tests and benchmarks (``generator``): two years of a Polsek's patrols,
complaints and officers, written as the raw CSV files a user would have.

A room of its own, not part of ``analysis.data``: nothing the dashboard runs reads it (the app reads the
files it wrote, like any other data), it only consumes the contract (``analysis.data.schema`` and
``reference``), and at 1,400 lines of planted stories it would be the largest module of the data room
while holding none of its rules. ``python -m analysis sample`` (``analysis.cli.sample``) runs it.
"""
