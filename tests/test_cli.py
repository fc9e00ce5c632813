"""The command line is one room: every command is a module of analysis/cli with the two hooks."""

import argparse
import importlib
from pathlib import Path

from analysis.__main__ import COMMANDS

CLI_DIR = Path(__file__).resolve().parent.parent / "analysis" / "cli"


def test_every_command_is_a_cli_module_with_both_hooks():
    for name, (module_name, _) in COMMANDS.items():
        assert module_name.startswith("analysis.cli."), name
        module = importlib.import_module(module_name)
        parser = argparse.ArgumentParser(prog=f"python -m analysis {name}")
        module.configure_parser(parser)
        assert parser.description, name  # --help says what the command does
        assert callable(module.run_cli), name


def test_every_cli_module_is_a_command():
    modules = {f"analysis.cli.{p.stem}" for p in CLI_DIR.glob("*.py")} - {"analysis.cli.__init__"}
    assert modules - {m for m, _ in COMMANDS.values()} == {"analysis.cli.common"}
