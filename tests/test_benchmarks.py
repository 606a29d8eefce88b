"""The benchmark scripts still run against the project as it is (their figures are not checked here)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def _scale_benchmark(*arguments: str) -> str:
    """What the scale benchmark prints, run with ``arguments`` (it must succeed)."""
    completed = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "scale_benchmark.py"), *arguments],
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    return completed.stdout


def test_scale_benchmark_builds_a_small_corpus_with_and_without_the_hook() -> None:
    rows = [line for line in _scale_benchmark("--pages", "3", "--runs", "1").splitlines() if line.startswith("| 3 |")]
    assert len(rows) == 1
    own_share = float(rows[0].split("|")[5].split("(")[1].split()[0])  # "0.0 (4.1 %)"
    assert own_share > 0, "the hook's own code was not timed"


def test_scale_benchmark_builds_one_long_page() -> None:
    printed = _scale_benchmark("--long-page", "40", "--runs", "1")
    assert [line for line in printed.splitlines() if line.startswith("| 40 |")]
    assert "Sections on one page per language" in printed


def test_search_benchmark_types_a_query_per_language_on_both_searches(built_site: Path, stock_site: Path) -> None:
    """One round, one query per table, the browser slowed twice: every figure of the report is there."""
    completed = subprocess.run(
        [
            sys.executable, str(ROOT / "benchmarks" / "search_benchmark.py"),
            "--sites", str(built_site), str(stock_site), "--rounds", "1", "--queries", "1", "--slowdown", "2",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    report = completed.stdout
    assert "slowed ×2" in report or "not slowed: " in report
    for language in ("ja", "en"):
        for search in ("this site", "Material (stock)"):
            row = next(line for line in report.splitlines() if line.startswith(f"| {language} | {search} |"))
            cells = [cell.strip() for cell in row.strip("|").split("|")]
            assert float(cells[3]) > 0 and float(cells[5].split()[0]) > 0, row  # index gzip KiB, ready ms
    assert "| ja | paper words | `A.9.2.3` |" in report and "| en | customer words | `MFA` |" in report
