"""Benchmark: ``python -m benchmarks --rows N [--json OUT.json] [--sessions] [--data DIR]``.

Generates N patrols and N complaints with the sample generator, then measures in one run: load and
validation against a bare ``pandas.read_csv``; the warm start (Parquet cache) against the same bare read;
each page's rerun after a filter change (AppTest); the main aggregations against DuckDB running the same
aggregation; the first page after a restart; peak memory. With ``--sessions`` it also starts the server and
measures its memory with 1 and with 10 browser sessions. Prints a Markdown table; ``--json`` writes
``{rows, machine, results}``. ``--data DIR`` reuses files generated earlier for the same N and seed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from benchmarks.run import run_benchmark, to_markdown


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000, help="patrols and complaints to generate")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--sessions", action="store_true", help="also measure server memory, 1 vs 10 sessions"
    )
    parser.add_argument("--skip-pages", action="store_true", help="leave out the AppTest page reruns")
    parser.add_argument(
        "--data", type=Path, help="reuse the files generated for --rows and --seed in this folder (kept)"
    )
    args = parser.parse_args(argv)
    report = run_benchmark(
        args.rows, seed=args.seed, sessions=args.sessions, pages=not args.skip_pages, data=args.data
    )
    print(to_markdown(report))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
        print(f"\nHasil ditulis ke {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
