"""Under ``mkdocs serve``: every problem of the build shown on the pages, where the writer is looking.

The live preview must never stop at a writer's mistake: the site is rebuilt and served, each
page whose source file has problems shows them at its top in a box (file, line, message with
its suggestion), and every page shows a one-line banner saying how many problems the other
files have and where (a link to each page that has them, and the full list on demand)::

    ┌ ✕ This page has 1 problem to fix ──────────────────────────────────────────────┐
    │ docs/ja/operations.md:15  unknown control A.12.4.5 in 【A.12.4.5】; did you mean CLD.12.4.5? │
    └────────────────────────────────────────────────────────────────────────────────┘
    ✕ Also 2 problems in other files: docs/en/operations.md (1), hooks/isocontrols/data/errata.csv (1)  ▸ Show all

The board collects the problems of one whole serve build (both languages), whichever event
found them, and the pages are marked once the build is over: a problem found while a later
page renders still reaches the box of a page written before it. Marking rewrites the HTML
files of the served folder, between two comments, so marking again replaces the old marks.
Only the serve adapter calls it: a built site (``mkdocs build``) never holds a box or banner.
The box and the banner are Material admonitions (``failure``: red, with an icon, and a title
that says "problem" in words), in the page's language.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from isocontrols.escaping import html_attribute, html_text
from isocontrols.problems import Problem

START, END = "<!--isocontrols-preview-->", "<!--/isocontrols-preview-->"
"""The comments around what marking writes into a page."""

MARKED = re.compile(re.escape(START) + ".*?" + re.escape(END), re.DOTALL)

ARTICLE_START = re.compile(r'<article\b[^>]*\bclass="[^"]*\bmd-content__inner\b[^"]*"[^>]*>')
"""Where Material's page content begins: the box goes first inside it."""

BODY_START = re.compile(r"<body\b[^>]*>")
"""Where the box goes in a page without Material's article (an error page of another theme)."""

DOC_FILE = re.compile(r"^Doc file '(?P<path>[^']+)'")
"""How MkDocs' own warnings about a page begin: ``Doc file 'ja/operations.md' contains a link …``."""

BUILD = "MkDocs"
"""The file named for a problem MkDocs reports about no file in particular."""

WORDS = {
    "ja": {
        "here": "このページに修正が必要な問題が {count} 件あります",
        "note": "プレビュー（./run serve）だけの表示です。修正するまで ./run build と ./run test は失敗します。",
        "site": "サイトに修正が必要な問題が {count} 件あります：",
        "elsewhere": "ほかのファイルにも問題が {count} 件あります：",
        "all": "すべて表示",
        "label": "ビルドの問題",
    },
    "en": {
        "here": "This page has {count} to fix",
        "note": "Shown by the preview (./run serve) only: ./run build and ./run test fail until they are fixed.",
        "site": "{count} to fix in the site:",
        "elsewhere": "Also {count} in other files:",
        "all": "Show all",
        "label": "Build problems",
    },
}
"""What the box and the banner say, in the page's language."""


@dataclass(frozen=True)
class PageOutput:
    """A page the build wrote: its HTML file and the source file problems name (``docs/ja/operations.md``)."""

    path: Path
    source: str
    language: str


@dataclass
class Board:
    """The problems of one serve build, in the order they were found, each once."""

    docs_prefix: str = "docs/"
    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        if problem not in self.problems:
            self.problems.append(problem)

    def add_logged(self, message: str) -> None:
        """A warning logged by MkDocs or another plugin: on the page it names (``Doc file '…'``), else on the build."""
        named = DOC_FILE.match(message)
        self.add(Problem(self.docs_prefix + named.group("path") if named else BUILD, None, message))

    def clear(self) -> None:
        self.problems.clear()


def _counted(count: int, language: str) -> str:
    if language == "ja":
        return str(count)
    return f"{count} problem" if count == 1 else f"{count} problems"


def _item(problem: Problem) -> str:
    return f"<li><code>{html_text(problem.where)}</code> {html_text(problem.message)}</li>"


def _file_link(file: str, count: int, href: str | None) -> str:
    name = f'<a href="{html_attribute(href)}">{html_text(file)}</a>' if href else f"<code>{html_text(file)}</code>"
    return f"{name} ({count})"


def region(here: Sequence[Problem], elsewhere: Sequence[Problem], hrefs: Mapping[str, str], language: str) -> str:
    """What a page shows: a box with its own problems, and a banner naming the others' files (linked to their pages)."""
    words = WORDS[language]
    parts = []
    if here:
        title = words["here"].format(count=_counted(len(here), language))
        items = "".join(_item(problem) for problem in here)
        parts.append(
            f'<div class="admonition failure isocontrols-preview" role="region" aria-label="{html_attribute(words["label"])}">'
            f'<p class="admonition-title">{html_text(title)}</p><ul>{items}</ul><p>{html_text(words["note"])}</p></div>'
        )
    if elsewhere:
        counts: dict[str, int] = {}
        for problem in elsewhere:
            counts[problem.file] = counts.get(problem.file, 0) + 1
        where = ", ".join(_file_link(file, count, hrefs.get(file)) for file, count in counts.items())
        heading = words["elsewhere" if here else "site"].format(count=_counted(len(elsewhere), language))
        items = "".join(_item(problem) for problem in elsewhere)
        parts.append(
            f'<div class="admonition failure isocontrols-preview isocontrols-preview--banner" role="region" aria-label="{html_attribute(words["label"])}">'
            f'<p class="admonition-title">{html_text(heading)} {where}</p>'
            f'<details class="failure"><summary>{html_text(words["all"])}</summary><ul>{items}</ul></details></div>'
        )
    return "".join(parts)


def mark(html: str, shown: str) -> str:
    """The page with ``shown`` at the top of its content, in place of what an earlier marking put there."""
    html = MARKED.sub("", html)
    if not shown:
        return html
    anchor = ARTICLE_START.search(html) or BODY_START.search(html)
    at = anchor.end() if anchor else 0
    return f"{html[:at]}{START}{shown}{END}{html[at:]}"


def page_url(path: Path, root: Path, base_path: str) -> str:
    """The address of a written HTML file on the dev server: ``/security/en/operations/``."""
    relative = path.relative_to(root).as_posix()
    if relative == "index.html" or relative.endswith("/index.html"):
        relative = relative.removesuffix("index.html")
    return base_path.rstrip("/") + "/" + relative


def mark_site(root: Path, outputs: Iterable[PageOutput], problems: Sequence[Problem], base_path: str, default_language: str) -> int:
    """Mark every HTML file under ``root`` (the served folder) with the build's problems; how many files changed."""
    by_path = {output.path: output for output in outputs}
    hrefs = {output.source: page_url(output.path, root, base_path) for output in by_path.values() if output.path.is_file()}
    changed = 0
    for folder, _, names in os.walk(root):
        for name in names:
            if not name.endswith(".html"):
                continue
            path = Path(folder, name)
            output = by_path.get(path)
            source = output.source if output else None
            here = [problem for problem in problems if problem.file == source]
            elsewhere = [problem for problem in problems if problem.file != source]
            html = path.read_text(encoding="utf-8")
            marked = mark(html, region(here, elsewhere, hrefs, output.language if output else default_language))
            if marked != html:
                path.write_text(marked, encoding="utf-8")
                changed += 1
    return changed
