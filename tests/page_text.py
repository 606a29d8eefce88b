"""What a reader reads on a built page, block by block: for the tests that judge wording (issue 14).

A block is a paragraph, list item, table cell, heading, caption or admonition title of the
page's article, with its text (tags removed, spaces collapsed), the id of the heading it
follows (its section) and whether it sits inside a web-edition addition. Text outside such
elements (in a raw ``<div>`` or ``<span>``, a ``<figure>`` without caption) is a block of its
own (tag ``text``), and so is an image's alternative text (tag ``img``): nothing a reader
reads, or a screen reader speaks, escapes the tests. The meta data a
shared link or a search engine shows (title, description, Open Graph and Twitter tags) is
read too. The site chrome (header, navigation, footer, the "last updated" line, permalink
marks) is not the paper's text and is left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

BLOCKS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "figcaption", "dt", "dd", "summary", "pre"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SKIPPED = {"script", "style", "aside", "button", "nav"}
SHOWN_META = {"description", "og:description", "og:title", "twitter:description", "twitter:title"}


@dataclass(frozen=True)
class Block:
    """One block of a page's article as a reader reads it."""

    tag: str
    text: str
    section: str
    """The id of the last heading before the block (``""`` before any)."""
    web_edition: bool
    """Whether the block is inside a ``!!! web-edition`` admonition."""


@dataclass
class PageText:
    """The blocks of a page's article, and the meta texts shown for it (``og:description`` → text)."""

    blocks: list[Block] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = PageText()
        self.open: list[tuple[str, bool, bool]] = []  # (tag, whether it is skipped, whether it opens a web-edition block)
        self.in_article = False
        self.skipping = 0
        self.web_edition = 0
        self.texts: list[tuple[str, list[str]]] = []  # the open blocks and their text
        self.section = ""
        self.in_title = False
        self.loose: list[str] = []  # text of the article read outside any block

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "meta":
            key = values.get("name") or values.get("property") or ""
            if key in SHOWN_META:
                self.page.meta[key] = values.get("content", "")
            return
        if tag == "title":
            self.in_title = True
            self.page.meta["title"] = ""
        if tag == "article":
            self.in_article = True
        if self.in_article and not self.skipping and (tag in BLOCKS or tag in VOID):
            self._flush_loose()
        if tag == "img" and self.in_article and not self.skipping and values.get("alt", "").strip():
            self._add("img", values["alt"], self.web_edition > 0)
        if tag in VOID:
            return
        classes = values.get("class", "").split()
        skipped = tag in SKIPPED or "headerlink" in classes
        edition = tag in ("div", "details") and "web-edition" in classes
        self.open.append((tag, skipped, edition))
        self.skipping += skipped
        self.web_edition += edition
        if self.in_article and tag in {"h1", "h2", "h3", "h4", "h5", "h6"} and values.get("id"):
            self.section = values["id"]
        if self.in_article and tag in BLOCKS:
            self.texts.append((tag, []))

    def _add(self, tag: str, text: str, web_edition: bool) -> None:
        text = " ".join(text.split())
        if text:
            self.page.blocks.append(Block(tag, text, self.section, web_edition))

    def _flush_loose(self) -> None:
        """The text read outside any block so far, as a block of its own."""
        if self.loose:
            self._add("text", "".join(self.loose), self.web_edition > 0)
            self.loose = []

    def handle_endtag(self, tag: str) -> None:
        if self.in_article:
            self._flush_loose()
        if tag == "title":
            self.in_title = False
        if tag == "article":
            self.in_article = False
        if all(opened != tag for opened, _, _ in self.open):
            return  # a stray end tag closes nothing
        while self.open:
            opened, skipped, edition = self.open.pop()
            self.skipping -= skipped
            self.web_edition -= edition
            if opened in BLOCKS and self.texts and self.texts[-1][0] == opened:
                _, parts = self.texts.pop()
                self._add(opened, "".join(parts), self.web_edition > 0 or edition)
            if opened == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.page.meta["title"] += data
        elif self.texts and not self.skipping:
            self.texts[-1][1].append(data)
        elif self.in_article and not self.skipping:
            self.loose.append(data)


def read(path: Path) -> PageText:
    """The blocks and meta texts of a built HTML page."""
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader.page
