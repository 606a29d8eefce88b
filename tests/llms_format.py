"""A strict reader of the llms.txt format (https://llmstxt.org), shared by the unit and site tests.

An H1, a blank line, a one-paragraph blockquote, optional paragraphs, then H2 sections
whose bodies are Markdown lists of ``- [text](url)`` with an optional ``: note``. Anything
else is an error, so a test that parses a file also checks its shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ITEM = re.compile(r"^- \[(?P<text>(?:[^\[\]\\]|\\.)+)\]\((?P<url>[^()\s]+)\)(?:: (?P<note>\S.*))?$")
"""A list item: an escaped link text, an address without spaces or brackets, an optional note."""

ESCAPED = re.compile(r"\\(.)")


@dataclass
class LlmsTxt:
    title: str
    summary: str
    details: list[str] = field(default_factory=list)
    sections: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    """H2 title → (link text, address, note), the texts with their Markdown escapes undone."""


def unescape(text: str) -> str:
    """Markdown text as shown: backslash escapes and the three entities ``escaping.markdown_text`` writes undone."""
    return ESCAPED.sub(r"\1", text).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def parse(text: str) -> LlmsTxt:
    """The parts of an llms.txt file; ``AssertionError`` at the first line out of shape."""
    assert text.endswith("\n") and not text.endswith("\n\n"), "one newline at the end"
    blocks = text.rstrip("\n").split("\n\n")
    assert blocks[0].startswith("# ") and "\n" not in blocks[0], f"an H1 first: {blocks[0]!r}"
    assert blocks[1].startswith("> ") and "\n" not in blocks[1], f"a one-paragraph blockquote next: {blocks[1]!r}"
    parsed = LlmsTxt(unescape(blocks[0][2:]), unescape(blocks[1][2:]))
    section: list[tuple[str, str, str]] | None = None
    for block in blocks[2:]:
        if block.startswith("## "):
            assert "\n" not in block, f"an H2 alone: {block!r}"
            section = parsed.sections.setdefault(unescape(block[3:]), [])
            continue
        if section is None:
            assert not block.startswith(("#", "-", ">")), f"a paragraph before the sections: {block!r}"
            parsed.details.append(block)
            continue
        for line in block.split("\n"):
            item = ITEM.match(line)
            assert item, f"a list item of links: {line!r}"
            section.append((unescape(item["text"]), item["url"], unescape(item["note"] or "")))
    return parsed
