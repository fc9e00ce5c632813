"""The README's data dictionary is the one generated from the contract."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.data import contract_doc, schema

README = Path(__file__).resolve().parent.parent / "README.md"


def test_the_readme_data_dictionary_is_generated_from_the_schema():
    text = README.read_text("utf-8")
    assert contract_doc.update_readme(text) == text, "run: python -m analysis.data.contract_doc README.md"


@pytest.mark.parametrize("kind", schema.KINDS)
def test_every_required_field_says_why_and_no_optional_one_does(kind):
    required = set(schema.required_columns(kind))
    assert set(contract_doc.WHY_REQUIRED[kind]) == required
    assert set(contract_doc.NOTES[kind]) == set(schema.columns(kind))


def test_update_readme_needs_the_markers():
    with pytest.raises(ValueError, match="markers"):
        contract_doc.update_readme("# no markers here\n")
