"""The shared sidebar: what its language switch must keep in step."""


def test_every_translated_select_box_is_relabelled_after_a_language_switch():
    """A keyed select box with translated options keeps showing its old text after a switch unless the
    language callback sets its value again (streamlit/streamlit#13788); a new one must be listed."""
    import ast
    from pathlib import Path

    from ui import keys, sidebar

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
        elif isinstance(key, ast.Attribute):  # keys.MAP_MEASURE: the owner's key from the registry
            assert ast.unparse(key.value) == "keys", ast.unparse(key)
            assert getattr(keys, key.attr) in sidebar.TRANSLATED_SELECTBOXES, key.attr
        elif isinstance(key, ast.BinOp):  # keys.INTAKE_KIND_PREFIX + digest: a listed prefix
            assert isinstance(key.left, ast.Attribute) and ast.unparse(key.left.value) == "keys"
            assert getattr(keys, key.left.attr) in sidebar.TRANSLATED_SELECTBOX_PREFIXES, key.left.attr
        else:  # an f-string: its fixed start must be a listed prefix
            assert isinstance(key, ast.JoinedStr)
            assert key.values[0].value in sidebar.TRANSLATED_SELECTBOX_PREFIXES


def test_the_sidebar_spells_no_key_a_page_owns():
    """Page and Data-page widget keys are named in ui.keys (their one owner), never spelled in the sidebar."""
    from pathlib import Path

    from ui import keys

    source = (Path(__file__).resolve().parent.parent / "ui" / "sidebar.py").read_text(encoding="utf-8")
    owned = [value for name, value in vars(keys).items() if name.isupper() and isinstance(value, str)]
    assert len(owned) >= 8
    assert [key for key in owned if f'"{key}' in source] == []
