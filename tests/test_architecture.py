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
