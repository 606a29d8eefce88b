"""PDF benchmark: what the PDF editions add to ``./run build``, and how large they come out.

Builds the project's site with ``mkdocs build --strict`` in a fresh process, alternately
with the PDF editions (``PDF_EDITIONS=true``, as ``./run build``) and without them
(``PDF_EDITIONS=false``, as ``./run serve``), which goes first changing every round, and
prints the medians of processor time (MkDocs, WeasyPrint and the Git processes, all in the
child) and wall time, their spread (lowest to highest), and the median of the paired
differences, each round's two builds having run back to back::

    .venv/bin/python benchmarks/pdf_benchmark.py            # 7 rounds
    .venv/bin/python benchmarks/pdf_benchmark.py --rounds 11
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--config-file", str(ROOT / "mkdocs.yml")]
PDFS = ("whitepaper.pdf", "en/whitepaper.pdf")


def build(site: Path, with_pdfs: bool) -> tuple[float, float]:
    """One strict build into ``site``: (processor seconds of the child and its children, wall seconds)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PDF_EDITIONS="true" if with_pdfs else "false")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([*MKDOCS, "--site-dir", str(site)], env=env, check=True, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def spread(values: list[float]) -> str:
    """The median and the range of a list of seconds: ``4.10 (3.95–4.60)``."""
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"


def describe_pdfs(site: Path) -> list[str]:
    """Each PDF's size and page count, as built."""
    from pypdf import PdfReader

    return [f"{name}: {(site / name).stat().st_size / 1e6:.2f} MB, {len(PdfReader(site / name).pages)} pages" for name in PDFS]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="builds of each variant (at least 7 for a median worth quoting)")
    rounds = parser.parse_args().rounds
    timings: dict[bool, list[tuple[float, float]]] = {True: [], False: []}
    with tempfile.TemporaryDirectory(prefix="pdf-benchmark-") as folder:
        for number in range(rounds):
            for with_pdfs in (True, False) if number % 2 == 0 else (False, True):
                timings[with_pdfs].append(build(Path(folder, "with" if with_pdfs else "without"), with_pdfs))
        sizes = describe_pdfs(Path(folder, "with"))
    cpu = {variant: [t[0] for t in runs] for variant, runs in timings.items()}
    wall = {variant: [t[1] for t in runs] for variant, runs in timings.items()}
    added = [with_pdf - without for with_pdf, without in zip(cpu[True], cpu[False])]
    added_wall = [with_pdf - without for with_pdf, without in zip(wall[True], wall[False])]
    print(f"{rounds} rounds, alternating; medians with the range (lowest–highest) in brackets\n")
    print("| Build | CPU s | Wall s |\n| --- | ---: | ---: |")
    print(f"| With the PDF editions (./run build) | {spread(cpu[True])} | {spread(wall[True])} |")
    print(f"| Without them (./run serve) | {spread(cpu[False])} | {spread(wall[False])} |")
    print(f"| Added by the PDFs (paired differences) | {spread(added)} | {spread(added_wall)} |")
    print("\n" + "\n".join(sizes))


if __name__ == "__main__":
    main()
