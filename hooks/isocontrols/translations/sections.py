"""A page cut into the sections whose translations are tracked, and each section's fingerprint.

A section is a heading with an explicit anchor and everything up to the next such heading; the
text before the first one is the page's *opening* (its title, its front matter's ``title`` and
``description``, its introduction). A heading without an anchor belongs to the section it is in.
Sections are named as the writer types them: ``operations.md#backup``, and ``operations.md``
for the opening::

    ---
    description: 運用における…      ┐
    ---                              │ operations.md
    # 5. 運用                        ┘
    ## 5.3. バックアップ【A.12.3.1】 {#backup}   ┐ operations.md#backup
    日次で 3 世代分のデータを保持します。        ┘

The fingerprint is taken from the Markdown as written (so the citation links the hook adds
never enter it), after this normalisation, so that only a change a reader could see counts:

- Unicode NFC (a character typed precomposed or decomposed is the same character);
- HTML comments are left out (a writer's note, or a marker such as ``<!-- control-index -->``,
  which the build replaces by the same generated part in both languages);
- a heading counts by its text: its level, its closing ``#`` and its attribute list
  (``{#backup .class}``: the anchor is the section's name, not its content) are left out;
- of the front matter only ``title`` and ``description`` count, the text a reader sees;
  layout keys (``hide:``, ``search:``) are set in each edition on its own;
- whitespace: a run of spaces, tabs, line breaks or blank lines next to a wide character
  (kana, kanji, full-width punctuation) disappears, and elsewhere becomes one space. Japanese
  has no spaces between words, so re-wrapping a paragraph, splitting or joining it, or writing
  ``Decidim の`` or ``Decidimの`` changes nothing; ``ISO 27017`` and ``ISO27017`` still differ.

Everything else counts, Markdown syntax included: a word put in bold or a paragraph turned
into a list is a change the English twin may have to follow.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from isocontrols import frontmatter
from isocontrols.citations import scan, splice

READER_KEYS = ("title", "description")
"""The front matter a reader sees (the page title, the search engines' description)."""

WIDE = (
    "\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\ua960-\ua97f"
    "\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff01-\uff60\uffe0-\uffe6\U00020000-\U0003fffd"
)
"""The blocks of Unicode's East Asian Wide and Fullwidth characters that text is written in: kana,
kanji, hangul, CJK punctuation and full-width forms (``unicodedata.east_asian_width``, read once
per character, would cost a build as much as the rest of the fingerprinting)."""

SPACE_BY_WIDE = re.compile(f"\\s+(?=[{WIDE}])|(?<=[{WIDE}])\\s+")
"""Whitespace next to a wide character: it disappears."""

WHITESPACE = re.compile(r"\s+")
"""A run of whitespace of any kind (the ideographic space U+3000 included): it becomes one space."""

FINGERPRINT_LENGTH = 16
"""Hex digits kept of the SHA-256: 64 bits tell a page's sections apart and keep the record readable."""


@dataclass(frozen=True)
class Section:
    """One tracked section of a page: where it starts and the fingerprint of its normalised text."""

    page: str
    anchor: str | None
    """The heading's explicit anchor; ``None`` for the page's opening."""
    line: int
    """The line (in the file) of its heading; 1 for the opening."""
    fingerprint: str

    @property
    def name(self) -> str:
        """How writers name it: ``operations.md#backup``, or ``operations.md`` for the opening."""
        return self.page if self.anchor is None else f"{self.page}#{self.anchor}"


def _without_comments(text: str) -> str:
    """The text less its HTML comments: those ``citations.scan`` reads as comments (not the ones shown in code)."""
    if "<!--" not in text:
        return text
    return splice(text, [(start, end, "") for start, end in scan(text).ignored if text.startswith("<!--", start)])


def normalise(text: str) -> str:
    """The text as the fingerprint sees it (see the module's docstring)."""
    text = _without_comments(unicodedata.normalize("NFC", text))
    return WHITESPACE.sub(" ", SPACE_BY_WIDE.sub("", text)).strip()


def fingerprint(text: str) -> str:
    """The fingerprint of a section's text: the start of the SHA-256 of its normalised form."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


@lru_cache(maxsize=4096)
def split(page: str, text: str) -> tuple[Section, ...]:
    """The tracked sections of a page's file, in order: its opening first, then each anchored heading's.

    The front matter is taken off as MkDocs takes it off (``frontmatter``); its ``title`` and
    ``description`` belong to the opening. Cached by text: both language builds, and the
    command, read the same pages.
    """
    file = frontmatter.split(text)
    body = file.body
    headings = [heading for heading in scan(body, file.first_line).headings if heading.anchor]
    opening_end = headings[0].start if headings else len(body)
    opening = [f"{key}: {file.meta[key]}" for key in READER_KEYS if file.meta.get(key) is not None]
    sections = [Section(page, None, 1, fingerprint("\n".join([*opening, body[:opening_end]])))]
    for heading, following in zip(headings, [*headings[1:], None]):
        content = heading.text + "\n" + body[heading.end : following.start if following else len(body)]
        sections.append(Section(page, heading.anchor, heading.line, fingerprint(content)))
    return tuple(sections)
