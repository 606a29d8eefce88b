"""The benchmark scripts still run against the project as it is (their figures are not checked here)."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT


def test_scale_benchmark_builds_a_small_corpus_with_and_without_the_hook() -> None:
    completed = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "scale_benchmark.py"), "--pages", "3", "--runs", "1"],
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    rows = [line for line in completed.stdout.splitlines() if line.startswith("| 3 |")]
    assert len(rows) == 1
    own_share = float(rows[0].split("|")[5].split("(")[1].split()[0])  # "0.0 (4.1 %)"
    assert own_share > 0, "the hook's own code was not timed"


def test_scale_benchmark_builds_one_long_page() -> None:
    completed = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "scale_benchmark.py"), "--long-page", "40", "--runs", "1"],
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert [line for line in completed.stdout.splitlines() if line.startswith("| 40 |")]
    assert "Sections on one page per language" in completed.stdout
