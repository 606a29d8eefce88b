"""Scale benchmark: how much build time the control hook adds, at 1,000 and 2,000 pages per language.

For each size it generates a synthetic white paper into a temporary folder: N chapter
pages per language, ten citations each (the same controls in both languages, so the
validation passes), plus the home page, the control index, the 2022 crosswalk and the
coverage page. The configuration is the project's own ``mkdocs.yml`` (theme, overrides,
plugins, i18n, Markdown extensions), with two changes: the nav lists the generated
index pages only (a nav of every chapter makes each page carry the whole list, and the
theme then dominates the build quadratically), and a baseline copy has no ``hooks:``.
The corpus is a Git repository, as the real site is, so the hook's Git dates run.

Each variant is built in a fresh process, as ``mkdocs build --strict`` does (through
MkDocs' API, with the hook's event handlers timed), the two variants alternating, and
the medians of ``--runs`` builds are reported: processor time (and wall time) of each
variant, what the hook adds (the median of the differences between the two builds of each
run, which run back to back), and the time spent in the hook's own code.
The two differ: the hook's code costs time, and it saves Material's search plugin the
indexing (and mkdocs-static-i18n the merging) of every page, since it writes the search
index itself::

    .venv/bin/python benchmarks/scale_benchmark.py               # 1,000 and 2,000 pages, 5 runs
    .venv/bin/python benchmarks/scale_benchmark.py --pages 100 --runs 1
    .venv/bin/python benchmarks/scale_benchmark.py --profile 1000   # where the hook spends its time
    .venv/bin/python benchmarks/scale_benchmark.py --real-site --runs 7   # the project's own site
    .venv/bin/python benchmarks/scale_benchmark.py --long-page 2500 5000 10000   # one page of many sections
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from isocontrols import catalogue  # noqa: E402  (after the path is set, as MkDocs does for hooks)

CITATIONS_PER_PAGE = 10
SECTIONS_PER_PAGE = 5

WORDS = {
    "ja": {
        "home": "ホーム",
        "chapter": "第 {n} 章",
        "section": "第 {n} 章 {s} 節の対策",
        "body": (
            "Decidim の運用では、利用者の情報を保護するための手順を定め、定期的に見直しています。"
            "担当者は手順に従って作業を記録し、変更があればユーザーに事前に通知します。"
        ),
        "cite_again": "この対策は次の管理策にも対応します",
        "index_intro": "合成したホワイトペーパーの目次です。",
    },
    "en": {
        "home": "Home",
        "chapter": "Chapter {n}",
        "section": "Measures of chapter {n}, section {s}",
        "body": (
            "Decidim's operations follow written procedures that protect users' information and are reviewed "
            "regularly. Staff record their work as the procedures require and notify users before any change."
        ),
        "cite_again": "This measure also answers",
        "index_intro": "The table of contents of the synthetic white paper.",
    },
}
"""Filler text of the synthetic pages, per language."""

GENERATED_PAGES = {
    "controls.md": ("管理策索引", "Control index", "<!-- control-index -->"),
    "controls-2022.md": ("ISO/IEC 27001:2022 対応表", "ISO/IEC 27001:2022 crosswalk", "<!-- control-index-2022 -->"),
    "coverage.md": ("引用状況", "Coverage at a glance", "<!-- control-coverage -->"),
}
"""The pages the hook fills: file → (Japanese title, English title, marker)."""


def _cite(control_id: str, language: str) -> str:
    return f"【{control_id}】" if language == "ja" else f"[{control_id}]"


def chapter(number: int, language: str, cited: list[str], sections: int = SECTIONS_PER_PAGE) -> str:
    """One chapter: numbered sections, each citing a control in its heading and one in its text (``cited`` holds two per section)."""
    words = WORDS[language]
    lines = [f"# {number}. {words['chapter'].format(n=number)}", ""]
    for s in range(1, sections + 1):
        heading_id, body_id = cited[2 * s - 2], cited[2 * s - 1]
        title = words["section"].format(n=number, s=s)
        lines += [
            f"## {number}.{s}. {title}{_cite(heading_id, language)} {{#section-{s}}}",
            "",
            words["body"],
            "",
            f"{words['cite_again']}{_cite(body_id, language)}. {words['body']}",
            "",
        ]
    return "\n".join(lines)


def write_corpus(docs: Path, pages: int, sections: int = SECTIONS_PER_PAGE) -> None:
    """The synthetic docs tree: ``pages`` chapters of ``sections`` sections per language and the generated index pages."""
    ids = list(catalogue.load().controls)
    for language in catalogue.LANGUAGES:
        folder = docs / language
        folder.mkdir(parents=True)
        for number in range(1, pages + 1):
            randomly = random.Random(number)
            cited = [randomly.choice(ids) for _ in range(2 * sections)]
            name = f"chapter-{number:04d}.md"
            (folder / name).write_text(chapter(number, language, cited, sections), encoding="utf-8")
        words = WORDS[language]
        listing = "\n".join(f"- [{n}](chapter-{n:04d}.md)" for n in range(1, pages + 1))
        (folder / "index.md").write_text(f"# {words['home']}\n\n{words['index_intro']}\n\n{listing}\n", encoding="utf-8")
        for name, (title_ja, title_en, marker) in GENERATED_PAGES.items():
            title = title_ja if language == "ja" else title_en
            (folder / name).write_text(f"# {title}\n\n{marker}\n", encoding="utf-8")


def configs(folder: Path, docs: Path | None = None) -> tuple[Path, Path]:
    """The project's configuration for a corpus (or, given ``docs``, for the real site): (with the hook, without it)."""
    with (ROOT / "mkdocs.yml").open("rb") as handle:
        from mkdocs.utils.yaml import yaml_load

        config = yaml_load(handle)
    config["docs_dir"] = str(docs or folder / "docs")
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    for paths in ("hooks", "watch"):  # relative to the project, not to the corpus
        config[paths] = [str(ROOT / path) for path in config.get(paths, [])]
    # The PDF editions are timed on their own (benchmarks/pdf_benchmark.py): here, the hook's index at scale.
    config["extra"]["pdf_editions"] = False
    extra = config.setdefault("extra", {})
    if docs is None:  # the customers' words and the pages about the paper belong to the paper's own text
        for key in ("search_vocabulary", "search_reference_pages"):
            extra.pop(key, None)
    else:
        extra["search_vocabulary"] = {language: str(ROOT / path) for language, path in extra.get("search_vocabulary", {}).items()}
    if docs is None:
        config["nav"] = [{"ホーム": "index.md"}, {"管理策": list(GENERATED_PAGES)}]
    with_hook, without_hook = folder / "mkdocs.yml", folder / "mkdocs-nohook.yml"
    with_hook.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    del config["hooks"]
    without_hook.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return with_hook, without_hook


def commit(folder: Path) -> None:
    """Make the corpus a Git repository with one commit, like a checkout of the real site."""
    git = ["git", "-c", "user.name=benchmark", "-c", "user.email=benchmark@example.invalid"]
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "synthetic corpus"]):
        subprocess.run(git + command, cwd=folder, check=True)


@dataclass(frozen=True)
class Timing:
    """One build: wall time, processor time of MkDocs and the Git processes it ran, and of the hook's own code."""

    wall: float
    cpu: float
    hook_cpu: float


def build(config: Path, site: Path) -> Timing:
    """One strict build in a fresh process (``timed_build``): its processor time and the hook's."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, __file__, "--timed-build", str(config), str(site)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    completed = subprocess.run(command, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if completed.returncode != 0:
        raise SystemExit(f"build of {config} failed:\n{completed.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(wall, cpu, json.loads(completed.stdout.splitlines()[-1])["hook_cpu"])


def timed_build(config_file: str, site_dir: str) -> None:
    """``mkdocs build --strict`` in this process, each event handler of the hook timed; prints its processor seconds.

    Only the hook's own code is timed: not the Markdown and templates of what it adds to
    the pages, nor what it saves other plugins (Material's search plugin indexes no page).
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    config = load_config(config_file, site_dir=site_dir, strict=True)
    spent = [0.0]

    def timed(handler: Any) -> Any:
        def run(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return handler(*args, **kwargs)
            finally:
                spent[0] += time.process_time() - start

        return run

    hooks = ROOT / "hooks"
    for handlers in config.plugins.events.values():
        handlers[:] = [timed(h) if hooks in Path(getattr(h, "__globals__", {}).get("__file__", "/")).parents else h for h in handlers]
    mkdocs_build(config)
    print(json.dumps({"hook_cpu": spent[0]}))


@dataclass(frozen=True)
class Result:
    """The medians of one corpus size."""

    pages: int
    with_hook: Timing
    without_hook: Timing
    hook: float
    """Processor seconds the hook adds: the median, over the runs, of the difference between the
    two builds of a run. They run back to back, so the machine's drift of speed affects it least."""

    @property
    def share(self) -> float:
        """What the hook adds, as a share of the processor time of the build with the hook, in per cent."""
        return 100 * self.hook / self.with_hook.cpu

    @property
    def own_share(self) -> float:
        """The time spent in the hook's own code, as a share of the build with the hook, in per cent."""
        return 100 * self.with_hook.hook_cpu / self.with_hook.cpu


def _median(timings: list[Timing]) -> Timing:
    return Timing(*(statistics.median(getattr(t, name) for t in timings) for name in ("wall", "cpu", "hook_cpu")))


def measure(pages: int, runs: int, workdir: Path) -> Result:
    """Generate the corpus of ``pages`` per language and build both variants ``runs`` times, alternating."""
    folder = workdir / f"corpus-{pages}"
    write_corpus(folder / "docs", pages)
    with_hook, without_hook = configs(folder)
    commit(folder)
    return _alternate(pages, runs, folder, with_hook, without_hook)


def measure_long_page(sections: int, runs: int, workdir: Path) -> Result:
    """One chapter of ``sections`` sections per language (two citations each), both variants ``runs`` times.

    ``Result.pages`` holds the number of sections: the table's first column then reads "sections on the page".
    """
    folder = workdir / f"long-page-{sections}"
    write_corpus(folder / "docs", 1, sections)
    with_hook, without_hook = configs(folder)
    commit(folder)
    return _alternate(sections, runs, folder, with_hook, without_hook)


def measure_real_site(runs: int, workdir: Path) -> Result:
    """The project's own site (its ``docs/``), with and without the hook, ``runs`` times each."""
    folder = workdir / "real-site"
    folder.mkdir()
    with_hook, without_hook = configs(folder, docs=ROOT / "docs")
    pages = len(list((ROOT / "docs" / catalogue.LANGUAGES[0]).glob("*.md")))
    return _alternate(pages, runs, folder, with_hook, without_hook)


def _alternate(pages: int, runs: int, folder: Path, with_hook: Path, without_hook: Path) -> Result:
    """Build both variants ``runs`` times, alternating which goes first, and keep the medians."""
    timings: dict[Path, list[Timing]] = {with_hook: [], without_hook: []}
    for run in range(runs):
        for config in (with_hook, without_hook) if run % 2 == 0 else (without_hook, with_hook):
            timing = build(config, folder / "site")
            timings[config].append(timing)
            variant = "with" if config == with_hook else "without"
            print(
                f"  {pages} pages, {variant} hook, run {run + 1}: {timing.cpu:.1f} s CPU, {timing.wall:.1f} s wall, "
                f"{timing.hook_cpu:.1f} s in the hook",
                flush=True,
            )
    added = statistics.median(w.cpu - wo.cpu for w, wo in zip(timings[with_hook], timings[without_hook]))
    return Result(pages, _median(timings[with_hook]), _median(timings[without_hook]), added)


def table(results: list[Result], runs: int, size: str = "Pages per language") -> str:
    """The results as a Markdown table, with the growth from the first size to each other."""
    lines = [
        f"| {size} | With hook: CPU s (wall s) | Without hook: CPU s (wall s) "
        "| Added by the hook: CPU s (share) | Hook's own code: CPU s (share) | Growth |",
        "| ---: | ---: | ---: | ---: | ---: | :--- |",
    ]
    first = results[0]
    for result in results:
        growth = "—"
        if result is not first:
            growth = (
                f"× {result.pages / first.pages:.1f}: hook's code × {result.with_hook.hook_cpu / first.with_hook.hook_cpu:.2f}, "
                f"build without hook × {result.without_hook.cpu / first.without_hook.cpu:.2f}"
            )
        lines.append(
            f"| {result.pages:,} | {result.with_hook.cpu:.1f} ({result.with_hook.wall:.1f}) "
            f"| {result.without_hook.cpu:.1f} ({result.without_hook.wall:.1f}) | {result.hook:.1f} ({result.share:.1f} %) "
            f"| {result.with_hook.hook_cpu:.1f} ({result.own_share:.1f} %) | {growth} |"
        )
    lines.append("")
    lines.append(f"Median of {runs} builds each; {os.cpu_count()} CPU cores; Python {sys.version.split()[0]}.")
    return "\n".join(lines)


PARTS = (
    ("hook: on_files (read, index, validate)", "controls_hook.py", "on_files"),
    ("hook: on_page_markdown (citations, generated parts)", "controls_hook.py", "on_page_markdown"),
    ("hook: on_page_content (links back, search entries)", "controls_hook.py", "on_page_content"),
    ("  of which search entries", "isocontrols/search/sections.py", "entries"),
    ("hook: on_post_build", "controls_hook.py", "on_post_build"),
    ("  of which search indexes", "isocontrols/search/site.py", "write_index"),
    ("  of which the exports' document", "exports.py", "controls_document"),
    ("  of which controls.json", "exports.py", "controls_json"),
    ("  of which controls.csv", "export_csv.py", "controls_csv"),
    ("hook: scanning citations (on_files and on_page_markdown)", "citations.py", "_scan"),
    ("MkDocs: Markdown to HTML", "mkdocs/structure/pages.py", "render"),
    ("Material search: page text", "search/plugin.py", "on_page_context"),
    ("i18n: search duplicates", "mkdocs_static_i18n/reconfigure.py", "reconfigure_search_duplicates"),
)
"""Functions whose cumulative time shows where a build goes: (label, file ending, function)."""


def profile(pages: int, workdir: Path) -> str:
    """Build the corpus once per variant in this process under cProfile; cumulative time per part."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    folder = workdir / f"profile-{pages}"
    write_corpus(folder / "docs", pages)
    variants = configs(folder)
    commit(folder)
    lines = [f"| Part | {' | '.join(config.stem for config in variants)} |", "| --- | ---: | ---: |"]
    columns = []
    for config in variants:
        profiler = cProfile.Profile()
        profiler.runcall(mkdocs_build, load_config(str(config), site_dir=str(folder / "site"), strict=True))
        stats = pstats.Stats(profiler, stream=io.StringIO()).stats  # type: ignore[attr-defined]
        column = {label: sum(v[3] for k, v in stats.items() if k[0].endswith(f) and k[2] == fn) for label, f, fn in PARTS}
        column["total (profiled)"] = max(v[3] for v in stats.values())
        columns.append(column)
    for label in [label for label, _, _ in PARTS] + ["total (profiled)"]:
        lines.append(f"| {label} | " + " | ".join(f"{column[label]:.1f} s" for column in columns) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[1000, 2000], help="chapter pages per language")
    parser.add_argument("--runs", type=int, default=5, help="builds of each variant per size (median)")
    parser.add_argument("--profile", type=int, metavar="PAGES", help="profile one build of this size instead")
    parser.add_argument("--real-site", action="store_true", help="measure the project's own site instead of a corpus")
    parser.add_argument("--long-page", type=int, nargs="+", metavar="SECTIONS", help="one page per language of this many sections instead")
    parser.add_argument("--timed-build", nargs=2, metavar=("CONFIG", "SITE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.timed_build:
        timed_build(*args.timed_build)
        return
    with tempfile.TemporaryDirectory(prefix="scale-benchmark-") as temp:
        if args.profile:
            print(profile(args.profile, Path(temp)))
            return
        size = "Pages per language"
        if args.real_site:
            results = [measure_real_site(args.runs, Path(temp))]
        elif args.long_page:
            results = [measure_long_page(sections, args.runs, Path(temp)) for sections in args.long_page]
            size = "Sections on one page per language"
        else:
            results = [measure(pages, args.runs, Path(temp)) for pages in args.pages]
    print()
    print(table(results, args.runs, size))


if __name__ == "__main__":
    main()
