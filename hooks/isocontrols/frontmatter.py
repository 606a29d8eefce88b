"""A page's front matter taken off exactly as MkDocs takes it off (``mkdocs.utils.meta.get_data``).

Everything that reads a page's Markdown (the citation scanner, the translation fingerprints,
the wording checks) must see the body MkDocs renders, and name lines as the file numbers
them, so there is one rule, MkDocs' own, here without importing MkDocs:

- YAML between a first line ``---`` and a line ``---`` or ``...``: taken off when it is a
  mapping; otherwise (a list, a scalar, broken YAML) the page keeps it as text;
- else MultiMarkdown meta-data: ``Key: value`` lines at the very top (a line indented four
  spaces continues the value), up to the first blank line or other line;
- the body then loses the line breaks that open it.

``tests/test_frontmatter.py`` checks it against MkDocs on a table of pages::

    split("---\\ntitle: 運用\\n---\\n\\n# 5. 運用\\n")  → Split(body="# 5. 運用\\n", meta={"title": "運用"}, first_line=5)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

YAML = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
"""A YAML front matter block, as MkDocs finds it."""

META = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
"""A MultiMarkdown meta-data line."""

META_MORE = re.compile(r"^(?:[ ]{4}|\t)\s*(?P<value>.*)")
"""A line that continues the value of the meta-data line before it."""


@dataclass(frozen=True)
class Split:
    """A page's body (what MkDocs renders), its front matter as data, and the line of the file the body starts on."""

    body: str
    meta: dict[str, Any] = field(default_factory=dict)
    first_line: int = 1
    multimarkdown: bool = False
    """Whether the meta-data came from ``Key: value`` lines (no ``---``): easy to write by accident."""


def _yaml(match: re.Match[str]) -> dict[str, Any] | None:
    try:
        data = yaml.load(match.group(1), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader
    except Exception:  # noqa: BLE001 - any YAML error leaves the page as it is, as MkDocs does
        return None
    return data if isinstance(data, dict) else None


def _multimarkdown(text: str) -> tuple[str, dict[str, Any]]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    data: dict[str, Any] = {}
    key = None
    while lines:
        line = lines.pop(0)
        if not line.strip():
            break
        meta = META.match(line)
        more = META_MORE.match(line)
        if meta:
            key = meta.group("key").lower().strip()
            value = meta.group("value").strip()
            data[key] = f"{data[key]} {value}" if key in data else value
        elif more and key:
            data[key] += f" {more.group('value').strip()}"
        else:
            lines.insert(0, line)
            break
    return "\n".join(lines), data


def split(text: str) -> Split:
    """The page's body, its front matter and the body's first line (see the module's docstring)."""
    match = YAML.match(text)
    if match:
        data = _yaml(match)
        if data is None:
            return Split(text)
        body = text[match.end() :].lstrip("\n")
    else:
        rest, data = _multimarkdown(text)
        body = rest.lstrip("\n")
    first_line = text[: len(text) - len(body)].count("\n") + 1 if text.endswith(body) else 1
    return Split(body, data, first_line, multimarkdown=not match and bool(data))
