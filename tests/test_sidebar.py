"""The shared sidebar: what its language switch must keep in step."""


def test_every_translated_select_box_is_relabelled_after_a_language_switch():
    """A keyed select box with translated options keeps showing its old text after a switch unless the
    language callback sets its value again (streamlit/streamlit#13788); a new one must be listed."""
    import ast
    from pathlib import Path

    from ui import sidebar

    root = Path(__file__).resolve().parent.parent
    found = []
    for path in [*sorted((root / "pages").glob("*.py")), *sorted((root / "ui").glob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "selectbox":
                keywords = {k.arg: k.value for k in node.keywords}
                if "format_func" in keywords and "key" in keywords:
                    found.append(keywords["key"])
    assert len(found) >= 5
    for key in found:
        if isinstance(key, ast.Constant):
            assert key.value in sidebar.TRANSLATED_SELECTBOXES, key.value
        elif isinstance(key, ast.Subscript):  # KEYS["period"]
            assert sidebar.KEYS[key.slice.value] in sidebar.TRANSLATED_SELECTBOXES
        else:  # an f-string: its fixed start must be a listed prefix
            assert isinstance(key, ast.JoinedStr)
            assert key.values[0].value in sidebar.TRANSLATED_SELECTBOX_PREFIXES
