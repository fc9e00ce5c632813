"""Every public function, method and class in analysis/ says what it takes and gives (house rule)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ANALYSIS = Path(__file__).resolve().parent.parent / "analysis"


def _is_overload(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """``@overload`` stubs carry no body; the implementation below them has the docstring."""
    return any(
        (isinstance(d, ast.Name) and d.id == "overload")
        or (isinstance(d, ast.Attribute) and d.attr == "overload")
        for d in node.decorator_list
    )


def missing_docstrings(source: str, module: str) -> list[str]:
    """``module:line name`` of each public function, method or class in ``source`` without a docstring.

    Public: the name does not start with "_", and neither does any class or function it sits in.
    Nested functions (closures) are private by position and not listed.
    """
    missing: list[str] = []

    def visit(body: list[ast.stmt], prefix: str) -> None:
        for node in body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                if node.name.startswith("_"):
                    continue
                if isinstance(node, ast.ClassDef):
                    if ast.get_docstring(node) is None:
                        missing.append(f"{module}:{node.lineno} {prefix}{node.name}")
                    visit(node.body, f"{prefix}{node.name}.")
                elif ast.get_docstring(node) is None and not _is_overload(node):
                    missing.append(f"{module}:{node.lineno} {prefix}{node.name}")

    visit(ast.parse(source).body, "")
    return missing


def test_every_public_function_and_class_in_analysis_has_a_docstring():
    files = sorted(ANALYSIS.rglob("*.py"))
    assert len(files) > 40  # the walk found the package
    missing = [
        name
        for path in files
        for name in missing_docstrings(
            path.read_text(encoding="utf-8"), str(path.relative_to(ANALYSIS.parent))
        )
    ]
    assert missing == [], "add a docstring (shapes, units, errors, sources) to:\n" + "\n".join(missing)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("def f():\n    pass\n", ["m.py:1 f"]),
        ('def f():\n    """Says."""\n', []),
        ("def _f():\n    pass\n", []),
        ("class C:\n    def m(self):\n        pass\n", ["m.py:1 C", "m.py:2 C.m"]),
        ('class C:\n    """C."""\n\n    def _m(self):\n        pass\n', []),
        ("class _C:\n    def m(self):\n        pass\n", []),
        ('def f():\n    """F."""\n\n    def inner():\n        pass\n', []),
        ("@overload\ndef f(x: int) -> int: ...\n", []),
        ("async def f():\n    pass\n", ["m.py:1 f"]),
    ],
)
def test_the_walk_finds_exactly_the_public_undocumented_ones(source, expected):
    assert missing_docstrings(source, "m.py") == expected
