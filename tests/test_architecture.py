"""Rules of the house that a test can hold: analysis/ stays free of Streamlit, pages stay thin, rooms import
only what their rule allows, without cycles or hidden imports, and settings are read in one place."""

import ast
import subprocess
import sys
from collections.abc import Collection
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


# --- rooms (issue 17): which room may import which, no cycles, no hidden imports, settings in one place ---

# A module's room: ``analysis/<room>/...`` -> "analysis.<room>"; ``ui/`` -> "ui"; ``pages/`` -> "pages";
# app.py -> "app". Each room lists the rooms it may import (besides itself). Derived from the code; a new
# arrow is a design decision: change it here, in ARCHITECTURE.md's table, and say why in the commit.
ANALYSIS_ROOMS = ("i18n", "core", "data", "admin", "metrics", "reports", "sample", "cli")
ROOM_RULES: dict[str, set[str]] = {
    "analysis.i18n": set(),
    "analysis.core": {"analysis.i18n"},
    "analysis.data": {"analysis.core", "analysis.i18n"},
    "analysis.admin": {"analysis.data", "analysis.core", "analysis.i18n"},
    "analysis.metrics": {"analysis.data", "analysis.core", "analysis.i18n"},
    "analysis.reports": {"analysis.metrics", "analysis.data", "analysis.core", "analysis.i18n"},
    "analysis.sample": {"analysis.data", "analysis.core", "analysis.i18n"},
    "analysis.cli": {f"analysis.{room}" for room in ANALYSIS_ROOMS if room != "cli"},
    "analysis.__main__": {"analysis.core"},  # commands are imported by name (importlib) when they run
    "ui": {f"analysis.{room}" for room in ANALYSIS_ROOMS if room not in ("cli", "sample")},
    "pages": {
        "ui",
        "analysis.core",
        "analysis.i18n",
        "analysis.metrics",
        "analysis.reports",
        "analysis.admin",
    },
    "app": {"ui", "analysis.admin", "analysis.core", "analysis.data", "analysis.i18n"},
}
# Imports inside a function, allowed only for these reasons (path, top-level module imported): everything
# else is imported at the top of its module, so a cycle cannot hide in a function body.
LAZY_IMPORTS: dict[tuple[str, str], str] = {
    ("analysis/data/files.py", "fcntl"): "POSIX only: the folder lock's Unix branch",
    ("analysis/data/files.py", "msvcrt"): "Windows only: the folder lock's Windows branch",
    ("analysis/data/worker.py", "resource"): "POSIX only: the child's memory limit (absent on Windows)",
    ("analysis/data/worker.py", "multiprocessing"): "multiprocessing.forkserver: POSIX only",
    ("analysis/data/workbook.py", "openpyxl"): "heavy (~0.2 s), needed only when an Excel file is read",
    ("analysis/reports/briefing_pdf.py", "kaleido"): "heavy (a browser), needed only to render PNG figures",
    ("analysis/data/contract.py", "pandera"): "~0.2 s to import, needed only when a frame is validated",
    ("analysis/metrics/maps.py", "folium"): "~0.6 s to import, needed only where a map is drawn (map page)",
    ("analysis/metrics/maps.py", "branca"): "folium's element classes: imported with folium, same reason",
    (
        "analysis/data/dataset.py",
        "pandas",
    ): "a private pandas helper, guarded: read_parquet if moved",
}


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def _project_modules() -> dict[str, Path]:
    files = {_module_name(p): p for top in ("analysis", "ui", "pages") for p in (ROOT / top).rglob("*.py")}
    return files | {"app": ROOT / "app.py"}


def _project_imports(path: Path, known: Collection[str]) -> list[tuple[int, str]]:
    """(line, module) of every import of the project in ``path``; ``from package import module`` counts
    as the module."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.append((node.lineno, full if full in known else node.module))
    return [(line, name) for line, name in found if name.split(".")[0] in ("analysis", "ui", "pages")]


def room_of(module: str) -> str:
    """``analysis.data.textreports.chat`` -> ``analysis.data``; ``ui.auth`` -> ``ui``; ``app`` -> ``app``."""
    parts = module.split(".")
    return ".".join(parts[:2]) if parts[0] == "analysis" and len(parts) > 1 else parts[0]


def room_violations(modules: dict[str, Path], rules: dict[str, set[str]], root: Path = ROOT) -> list[str]:
    """``path:line: room -> room (module)`` for every import its room's rule does not allow."""
    found = []
    for module, path in sorted(modules.items()):
        room = room_of(module)
        for line, target in _project_imports(path, modules):
            other = room_of(target)
            if other != room and other not in rules.get(room, set()):
                found.append(f"{path.relative_to(root)}:{line}: {room} -> {other} ({target})")
    return found


def test_every_room_imports_only_what_its_rule_allows():
    modules = _project_modules()
    assert {room_of(m) for m in modules} <= set(ROOM_RULES) | {"analysis"}, "a new room needs a rule"
    assert room_violations(modules, ROOM_RULES) == []


def test_the_room_rule_check_fails_on_a_violation(tmp_path):
    """A data module importing the Streamlit seam and a metric is reported, line by line."""
    bad = tmp_path / "analysis" / "data" / "bad.py"
    bad.parent.mkdir(parents=True)
    bad.write_text(
        "from ui import context\nfrom analysis.metrics import trends\nfrom analysis.core import text\n"
    )
    found = room_violations({"analysis.data.bad": bad}, ROOM_RULES, root=tmp_path)
    assert found == [
        "analysis/data/bad.py:1: analysis.data -> ui (ui)",
        "analysis/data/bad.py:2: analysis.data -> analysis.metrics (analysis.metrics)",
    ]


def import_cycles(modules: dict[str, Path]) -> list[list[str]]:
    """Every cycle of module-level imports among ``modules`` (Tarjan's strongly connected components)."""
    graph = {
        m: sorted({t for _, t in _project_imports(p, modules) if t in modules}) for m, p in modules.items()
    }
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in graph[node]:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return cycles


def test_analysis_has_no_import_cycles():
    modules = {m: p for m, p in _project_modules().items() if m.startswith("analysis")}
    assert import_cycles(modules) == []


def test_the_cycle_check_finds_a_cycle(tmp_path):
    (tmp_path / "a.py").write_text("import analysis.b\n")
    (tmp_path / "b.py").write_text("from analysis import a\n")
    (tmp_path / "c.py").write_text("import analysis.a\n")
    modules = {f"analysis.{n}": tmp_path / f"{n}.py" for n in "abc"}
    assert import_cycles(modules) == [["analysis.a", "analysis.b"]]


def function_level_imports(path: Path) -> list[tuple[int, str]]:
    """(line, top-level module) of every import inside a function of ``path``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import):
                    found += [(inner.lineno, alias.name.split(".")[0]) for alias in inner.names]
                elif isinstance(inner, ast.ImportFrom) and inner.module:
                    found.append((inner.lineno, inner.module.split(".")[0]))
    return sorted(set(found))


def test_analysis_imports_at_the_top_unless_a_reason_is_listed():
    late = [
        f"{path.relative_to(ROOT)}:{line}: {module}"
        for path in sorted((ROOT / "analysis").rglob("*.py"))
        for line, module in function_level_imports(path)
        if (str(path.relative_to(ROOT)), module) not in LAZY_IMPORTS
    ]
    assert late == []
    assert function_level_imports(ROOT / "analysis" / "data" / "files.py")  # the check sees them


ENVIRONMENT_READS = ("os.environ", "os.getenv", "from os import environ", "from os import getenv", "__file__")


def test_settings_and_project_paths_are_read_only_in_the_settings_module():
    """Every environment variable and every path computed from ``__file__`` is in analysis.core.settings."""
    paths = [*(ROOT / "analysis").rglob("*.py"), *(ROOT / "ui").rglob("*.py"), *(ROOT / "pages").glob("*.py")]
    readers = sorted(
        f"{path.relative_to(ROOT)}: {word}"
        for path in [*paths, ROOT / "app.py"]
        if path != ROOT / "analysis" / "core" / "settings.py"
        for word in ENVIRONMENT_READS
        if word in path.read_text(encoding="utf-8")
    )
    assert readers == []
    assert "os.environ" in (ROOT / "analysis" / "core" / "settings.py").read_text(encoding="utf-8")


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
