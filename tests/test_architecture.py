"""Rules of the house that a test can hold: analysis/ stays free of Streamlit, pages stay thin."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_analysis_never_imports_streamlit():
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "analysis").rglob("*.py")
        if "streamlit" in imported_modules(p)
    ]
    assert offenders == []


def test_importing_every_analysis_module_does_not_load_streamlit():
    modules = sorted(
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for p in (ROOT / "analysis").rglob("*.py")
        if p.name != "__main__.py"
    )
    code = "import sys\n" + "".join(f"import {m}\n" for m in modules) + "print('streamlit' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_pages_stay_thin():
    long_pages = {
        p.name: n for p in (ROOT / "pages").glob("*.py") if (n := len(p.read_text().splitlines())) > 160
    }
    assert long_pages == {}


def test_requirements_are_pinned_exactly():
    for name in ("requirements.txt", "requirements-dev.txt"):
        lines = [
            line.strip()
            for line in (ROOT / name).read_text().splitlines()
            if line.strip() and not line.startswith(("#", "-r"))
        ]
        assert lines and all("==" in line for line in lines), name


# ---- ui/ and pages/ seams (issue 17) ----------------------------------------------------------------

PROJECT_PACKAGES = ("analysis", "ui", "pages", "app")
# Function-level imports of project modules allowed in ui/ and pages/, each with its reason. Empty: a late
# import hides a cycle or a heavy dependency; either is fixed where it arises, not postponed to a call.
LATE_IMPORTS_ALLOWED: dict[str, str] = {}


def ui_and_page_files() -> list[Path]:
    return [*sorted((ROOT / "ui").glob("*.py")), *sorted((ROOT / "pages").glob("*.py")), ROOT / "app.py"]


def parsed(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def project_imports(tree: ast.AST) -> list[tuple[ast.stmt, str]]:
    """Every import of a project module in ``tree``, as (node, dotted module); ``from ui import a, b``
    counts as ``ui.a`` and ``ui.b`` when they are modules."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node, node.module))
            for alias in node.names:
                dotted = f"{node.module}.{alias.name}"
                if (ROOT / Path(*dotted.split("."))).with_suffix(".py").exists():
                    found.append((node, dotted))
    return [(node, name) for node, name in found if name.split(".")[0] in PROJECT_PACKAGES]


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle in ``graph`` (module -> modules it imports) as [a, b, ..., a]; [] when none."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(module: str) -> list[str]:
        state[module] = "open"
        stack.append(module)
        for target in sorted(graph.get(module, ())):
            if state.get(target) == "open":
                return [*stack[stack.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        state[module] = "done"
        stack.pop()
        return []

    for module in sorted(graph):
        if module not in state and (cycle := visit(module)):
            return cycle
    return []


def test_find_cycle_finds_one_and_only_one():
    assert find_cycle({"ui.a": {"ui.b"}, "ui.b": {"ui.c"}, "ui.c": {"ui.a"}}) == [
        "ui.a",
        "ui.b",
        "ui.c",
        "ui.a",
    ]
    assert find_cycle({"ui.a": {"ui.b", "ui.c"}, "ui.b": {"ui.c"}, "ui.c": set()}) == []


def test_ui_modules_import_no_cycle():
    """ui.auth -> ui.context -> ui.auth (hidden by a late import) was one: a cycle makes import order
    matter and a module half-initialised; every import counts, late or not."""
    graph = {
        f"ui.{path.stem}": {name for _, name in project_imports(parsed(path)) if name.startswith("ui.")}
        for path in sorted((ROOT / "ui").glob("*.py"))
    }
    assert len(graph) > 10
    assert find_cycle(graph) == []


def test_ui_and_pages_import_project_modules_at_the_top_only():
    """A function-level import of a project module hides a cycle (or a cost) instead of fixing it."""
    late = set()
    for path in ui_and_page_files():
        tree = parsed(path)
        functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
        nested = {id(node) for function in functions for node in ast.walk(function)}
        for node, name in project_imports(tree):
            if id(node) in nested and f"{path.relative_to(ROOT)} {name}" not in LATE_IMPORTS_ALLOWED:
                late.add(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert sorted(late) == []


# Pages get data through ui.context only: it applies the frame guard and the privacy masking.
PAGE_FORBIDDEN_IMPORTS = ("ui.data", "analysis.data.dataset", "analysis.data.loading")


def test_pages_reach_data_only_through_ui_context():
    offenders = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in sorted((ROOT / "pages").glob("*.py"))
        for _, name in project_imports(parsed(path))
        if name in PAGE_FORBIDDEN_IMPORTS
    ]
    assert offenders == []


def test_every_page_passes_the_frame_guard_before_anything_else():
    """Streamlit's legacy pages/ mode can run a page file alone (bare ``streamlit run`` on a fresh server):
    the first thing a page does is ``ctx.dataset()`` or ``ctx.filters()``, whose ``ui.frame.require()``
    sends such a run back through app.py before the page draws anything or reads data."""
    late = {}
    for path in sorted((ROOT / "pages").glob("*.py")):
        for node in parsed(path).body:
            calls = [n for n in ast.walk(node) if isinstance(n, ast.Call)]
            if calls:
                first = ast.unparse(calls[0].func)
                if first not in ("ctx.dataset", "ctx.filters"):
                    late[path.name] = first
                break
    assert late == {}
