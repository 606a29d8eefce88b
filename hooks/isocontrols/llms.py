"""``llms.txt`` and ``llms-full.txt`` per language: the paper for language models and their users.

``llms.txt`` follows https://llmstxt.org: an H1 with the site's name, its summary as a
blockquote, a paragraph on how to read the paper, then H2 sections of link lists, each
link with a note::

    # Decidim セキュリティホワイトペーパー
    > 一般社団法人 コード・フォー・ジャパンが提供する…
    ## 5\\. 運用
    - [5\\.3\\. バックアップ](https://…/operations/#backup): システム及びユーザーデータの…（管理策: A\\.12\\.3\\.1）
    ## 管理策 / ## データとダウンロード / ## Optional

One H2 per chapter lists the chapter and its sections; then the control pages (the index,
the answers page when the site has one, the 2022 crosswalk, coverage), the data and
downloads (the exports, the PDF edition when built, ``llms-full.txt``), and under
``Optional`` (the spec's name for what a reader may skip, kept in both languages) the
remaining pages and the other language's ``llms.txt``. Every address is absolute (from
``site_url``); every text taken from a page goes through ``escaping.markdown_text``.

``llms-full.txt`` is the whole paper as the site publishes it, in Markdown: the chapters
and the appendices of the print edition, each page's headings one level down under the
H1, each followed by its address; front matter, attribute lists and HTML comments left
out; links absolute; citations as the plain text the writers wrote (``【A.12.3.1】``);
the control index as a list of controls with the sections that cite them.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from isocontrols import print_edition, rendering
from isocontrols.catalogue import LANGUAGES
from isocontrols.citations import Heading, scan, splice
from isocontrols.plaintext import blocks, first_sentence, plain_text, shortened
from isocontrols.errata import Erratum
from isocontrols.escaping import markdown_text, url_fragment
from isocontrols.urls import site_path

LLMS_TXT = "llms.txt"
LLMS_FULL_TXT = "llms-full.txt"

CONTROL_PAGES = ("controls.md", "answers.md", "controls-2022.md", "coverage.md")
"""Pages listed under the controls heading, in this order, when the language has them."""

DATA_PAGES = ("exports.md",)
"""Pages listed under data and downloads, before the files."""

WORDS = {
    "ja": {
        "reading": (
            "各節の見出しの【】内は、その節が対応する ISO/IEC 27001:2013 附属書 A（A.5.1.1 など）と"
            " ISO/IEC 27017（CLD.6.3.1 など）の管理策番号です。日本語版が正本で、英語版はその翻訳です。"
        ),
        "controls": "管理策",
        "data": "データとダウンロード",
        "cites": "（管理策：{ids}）",
        "whitepaper.pdf": ("PDF 版", "表紙・目次・全章と、付録の管理策索引・更新履歴を収めた PDF（A4）"),
        "controls.json": ("controls.json", "本書が引用する管理策ごとの名称（日英）、アドレス、ISO/IEC 27001:2022 の対応管理策、引用している節（JSON）"),
        "controls.csv": ("controls.csv", "controls.json と同じ内容の CSV（UTF-8、BOM 付き。Excel で開けます）"),
        "full": ("本文全体（Markdown）", "全章と付録を 1 つにまとめた Markdown"),
        "other": ("English edition", "同じ一覧の英語版（日本語版の翻訳）"),
        "web_edition": "ウェブ版：{url}",
        "outdated": "（この節の日本語の原文は更新されています。訳文にはまだ反映されていない可能性があります）",
    },
    "en": {
        "reading": (
            "The brackets at the end of a section heading hold the ISO/IEC 27001:2013 Annex A controls (such as A.5.1.1)"
            " and ISO/IEC 27017 controls (such as CLD.6.3.1) the section answers. The Japanese edition is the original;"
            " this English edition is its translation."
        ),
        "controls": "Controls",
        "data": "Data and downloads",
        "cites": " (controls: {ids})",
        "whitepaper.pdf": ("PDF edition", "The whole paper as a PDF (A4): cover, contents, every chapter, and the control index and revision history as appendices"),
        "controls.json": ("controls.json", "Every control the paper cites, with its names in both languages, addresses, ISO/IEC 27001:2022 equivalents and the sections that cite it (JSON)"),
        "controls.csv": ("controls.csv", "The same as controls.json as CSV (UTF-8 with a byte-order mark; opens in Excel)"),
        "full": ("The whole paper (Markdown)", "Every chapter and the appendices in one Markdown file"),
        "other": ("日本語版 (Japanese edition)", "The same list in Japanese, the original"),
        "web_edition": "Web edition: {url}",
        "outdated": "(The Japanese original of this section was updated, and this English text may not reflect the change yet.)",
    },
}
"""What the files say themselves, per language."""

OPTIONAL = "Optional"
"""The H2 that llms.txt readers may skip: the spec's own word, the same in both languages."""

NOTE_LENGTH = 160
"""The longest note, in characters, before it is cut with an ellipsis."""

ATTRIBUTE_LINE = re.compile(r"^[ \t]*\{[ \t]*[:.#][^}\n]*\}[ \t]*$")
"""A line that only holds an attribute list for the block above (``{ .print-cover__version }``)."""

RAW_LINK = re.compile(r'<a\s[^>]*?href="(?P<href>[^"]*)"[^>]*>(?P<text>.*?)</a>', re.DOTALL)
"""A link written as HTML in a page (``<a href="../controls.json" download>``)."""


@dataclass(frozen=True)
class Page:
    """One page of a language: its path in the language folder, its Markdown (no front matter), its description."""

    path: str
    markdown: str
    description: str = ""

    @property
    def title(self) -> str:
        heading = scan(self.markdown).title
        return heading.plain if heading else self.path


@dataclass(frozen=True)
class Site:
    """What both files are written from: one language's pages in navigation order, and where the site lives."""

    language: str
    title: str
    site_url: str
    pages: Mapping[str, Page]
    """Every page of the language by path (``operations.md``), those in the navigation first, in its order."""
    nav_order: Sequence[str]
    downloads: Sequence[str] = field(default_factory=tuple)
    """Files of this language beside the exports: ``whitepaper.pdf`` when the PDF edition is built."""
    outdated: frozenset[str] = frozenset()
    """Sections (``operations.md#backup``, ``operations.md`` for a page's opening) whose Japanese original
    changed since their translation: both files say so next to them, as the English pages do."""
    corrections: Sequence[Erratum] = ()
    """The errata the site publishes (its revision history's table): ``llms-full.txt`` gives the same."""

    def url(self, target: str) -> str:
        """The absolute address of ``page.md#anchor`` of this language."""
        page, hash_sign, anchor = target.partition("#")
        return urljoin(self.site_url, site_path(page, self.language)) + (f"#{url_fragment(anchor)}" if hash_sign else "")

    def file_url(self, name: str, shared: bool = False) -> str:
        """The absolute address of a file beside this language's home page (``shared``: at the site root)."""
        return urljoin(self.site_url, (name if shared else site_path("index.md", self.language) + name))


def _item(text: str, url: str, note: str = "") -> str:
    """A list item of llms.txt: an escaped link text, the address, an escaped note."""
    return f"- [{markdown_text(text)}]({url})" + (f": {markdown_text(note)}" if note else "")


def _first_sentence(body: str) -> str:
    """The first sentence of a section's own text (its first paragraph), as plain text, cut to a note's length."""
    paragraph = next((text for is_prose, text in blocks(body.splitlines()) if is_prose), "")
    return shortened(first_sentence(paragraph), NOTE_LENGTH)


def _sections(page: Page) -> Iterator[tuple[str, str | None, str, list[str]]]:
    """Each heading of a page that has an address: its text, anchor, own text and the controls it cites."""
    page_scan = scan(page.markdown)
    lines = page.markdown.splitlines()
    headings = [heading for heading in page_scan.headings if heading.level <= 2]
    for number, heading in enumerate(headings):
        if heading.level > 1 and heading.anchor is None:
            continue
        end = headings[number + 1].line - 1 if number + 1 < len(headings) else len(lines)
        section = heading if heading.level > 1 else None
        ids = [item for citation in page_scan.citations_of(section) for item in citation.ids]
        yield heading.plain, heading.anchor if section else None, "\n".join(lines[heading.line : end]), ids


def _chapter(site: Site, page: Page) -> list[str]:
    """The items of a chapter: the chapter's page (noted with its description), then each section (its first sentence)."""
    words = WORDS[site.language]
    items = []
    for text, anchor, body, ids in _sections(page):
        note = page.description if anchor is None and page.description else _first_sentence(body)
        if ids:
            note = (note + words["cites"].format(ids=", ".join(ids))).strip()
        name = page.path + (f"#{anchor}" if anchor else "")
        if name in site.outdated:
            note = f"{note} {words['outdated']}".strip()
        items.append(_item(text, site.url(name), note))
    return items


def _page_items(site: Site, paths: Iterable[str]) -> list[str]:
    """A link to each page that exists, noted with its description (or else its first sentence)."""
    items = []
    for path in (path for path in paths if path in site.pages):
        page = site.pages[path]
        note = page.description or next((_first_sentence(body) for _, _, body, _ in _sections(page)), "")
        items.append(_item(page.title, site.url(path), note))
    return items


def _chapters(site: Site) -> list[str]:
    parts = print_edition.contents(site.nav_order, {path: scan(page.markdown) for path, page in site.pages.items()}, site.language)
    return [part.page for part in parts if not part.label]


def llms_txt(site: Site, summary: str) -> str:
    """``llms.txt`` of one language."""
    words = WORDS[site.language]
    chapters = _chapters(site)
    sections = [(site.pages[path].title, _chapter(site, site.pages[path])) for path in chapters]
    sections.append((words["controls"], _page_items(site, CONTROL_PAGES)))
    files = [(words[name], site.file_url(name)) for name in site.downloads]
    files += [(words[name], site.file_url(name, shared=True)) for name in ("controls.json", "controls.csv")]
    files.append((words["full"], site.file_url(LLMS_FULL_TXT)))
    sections.append((words["data"], _page_items(site, DATA_PAGES) + [_item(text, url, note) for (text, note), url in files]))
    listed = {"index.md", *chapters, *CONTROL_PAGES, *DATA_PAGES}
    other = LANGUAGES[1] if site.language == LANGUAGES[0] else LANGUAGES[0]
    other_text, other_note = words["other"]
    other_llms = _item(other_text, urljoin(site.site_url, site_path("index.md", other) + LLMS_TXT), other_note)
    sections.append((OPTIONAL, _page_items(site, [path for path in site.nav_order if path not in listed]) + [other_llms]))
    lines = [f"# {markdown_text(site.title)}", f"> {markdown_text(summary)}", markdown_text(words["reading"])]
    lines += [f"## {markdown_text(title)}\n\n" + "\n".join(items) for title, items in sections if items]
    return "\n\n".join(lines) + "\n"


def _absolute_links(site: Site, page: str, markdown: str) -> str:
    """A page's links as absolute addresses: Markdown links from the page's file, HTML links from its address."""

    def markdown_target(target: str) -> str:
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//", target):
            return target
        path, hash_sign, anchor = target.partition("#")
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
        if resolved.endswith(".md"):
            return site.url(resolved + (f"#{anchor}" if hash_sign else ""))
        return site.file_url(resolved) + (f"#{anchor}" if hash_sign else "")

    def raw_link(match: re.Match[str]) -> str:
        return f"[{plain_text(match.group('text'))}]({urljoin(site.url(page), match.group('href'))})"

    return print_edition.rewrite_links(RAW_LINK.sub(raw_link, markdown), markdown_target)


def _prose(site: Site, page: str, markdown: str) -> str:
    """A stretch of a page between its headings, as published: comments and attribute lines left out, links absolute."""
    code = [(start, end, "" if markdown.startswith("<!--", start) else markdown[start:end]) for start, end in scan(markdown).ignored]
    return _absolute_links(site, page, splice(markdown, code, _without_markup))


def _without_markup(text: str) -> str:
    """Prose without the lines that only hold an attribute list for the block above."""
    return "\n".join(line for line in text.split("\n") if not ATTRIBUTE_LINE.match(line))


def _published_markdown(site: Site, page: Page, label: str, generated: Mapping[str, str]) -> str:
    """A page as part of llms-full.txt: headings a level down with their addresses, generated parts filled in.

    Headings, code and marker lines are those ``citations.scan`` reads, so the file has the
    sections the site has (setext headings included) and code is left as it is.
    """
    page_scan = scan(page.markdown)
    edits = [(heading.start, heading.end, _heading(site, page, heading, label)) for heading in page_scan.headings]
    edits += [(marker.start, marker.end, generated[marker.text]) for marker in page_scan.markers if marker.text in generated]
    blocks, position = [], 0
    for start, end, replacement in sorted(edits):
        blocks += [_prose(site, page.path, page_scan.text[position:start]), replacement]
        position = end
    blocks.append(_prose(site, page.path, page_scan.text[position:]))
    return "\n\n".join(block.strip("\n") for block in blocks if block.strip())


def _heading(site: Site, page: Page, heading: Heading, label: str) -> str:
    """A heading one level down, without its attribute list, followed by its absolute address."""
    text = heading.text
    if heading.level == 1:
        text, target = (f"{markdown_text(label)} {text}" if label else text), page.path
    else:
        target = f"{page.path}#{heading.anchor}" if heading.anchor else ""
    lines = [f"{'#' * min(heading.level + 1, 6)} {text}"]
    if target:
        lines.append(f"<{site.url(target)}>")
    if target in site.outdated:
        lines.append(f"> {markdown_text(WORDS[site.language]['outdated'])}")
    return "\n\n".join(lines)


def _control_index(site: Site, document: Mapping[str, Any]) -> str:
    """The control index as a list: each control, its 2022 equivalents and the sections that cite it, linked."""
    words = rendering.WORDS[site.language]
    lines = []
    for control in document["controls"]:
        title = markdown_text(control["title"][site.language])
        equivalents = f" ({words['iso2022']}: {', '.join(control['iso27001_2022'])})" if control["iso27001_2022"] else ""
        sections = [
            f"[{markdown_text(section['number'] + '. ' if section['number'] else '')}{markdown_text(section['title'][site.language])}]"
            f"({urljoin(site.site_url, section['url'][site.language])})"
            for section in control["sections"]
            if site.language in section["url"]
        ]
        cited = ", ".join(sections) or markdown_text(words["no_sections"])
        lines.append(f"- [{markdown_text(control['id'])}]({urljoin(site.site_url, control['url'][site.language])}) {title}{markdown_text(equivalents)}: {cited}")
    return "\n".join(lines)


def _errata_table(site: Site) -> str:
    """The corrections to the source as a Markdown table: section (linked), original, corrected, reason."""
    words = rendering.WORDS[site.language]
    rows = [f"| {words['section']} | {words['original']} | {words['corrected']} | {words['reason']} |", "| --- | --- | --- | --- |"]
    for erratum in site.corrections:
        cells = [erratum.original, erratum.corrected, erratum.reason(site.language)]
        section = f"[{markdown_text(erratum.section)}]({site.url(f'{erratum.page}#{erratum.anchor}')})"
        rows.append("| " + " | ".join([section, *map(markdown_text, cells)]) + " |")
    return "\n".join(rows)


def llms_full_txt(site: Site, summary: str, document: Mapping[str, Any]) -> str:
    """``llms-full.txt`` of one language; ``document`` is the content of ``controls.json`` (``exports``)."""
    words = WORDS[site.language]
    scans = {path: scan(page.markdown) for path, page in site.pages.items()}
    generated = {
        rendering.INDEX_MARKER: _control_index(site, document),
        rendering.ERRATA_MARKER: _errata_table(site),
    }
    lines = [f"# {markdown_text(site.title)}", "", f"> {markdown_text(summary)}", "", markdown_text(words["reading"]), ""]
    lines += [words["web_edition"].format(url=f"<{site.url('index.md')}>"), ""]
    for part in print_edition.contents(site.nav_order, scans, site.language):
        lines += [_published_markdown(site, site.pages[part.page], part.label, generated), ""]
    return "\n".join(lines)
