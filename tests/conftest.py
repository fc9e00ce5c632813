"""Shared fixtures: the reference data and tiny clean frames built by hand."""

from __future__ import annotations

import pytest

from analysis.reference import Reference, load_reference


@pytest.fixture(scope="session")
def reference() -> Reference:
    return load_reference()
