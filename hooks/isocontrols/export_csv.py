"""``controls.csv``: the control index as a spreadsheet, one row per (control, section).

Built from the same document as ``controls.json``, so the two exports never disagree.
It is made for Excel as much as for scripts:

- UTF-8 with a byte-order mark and CRLF line ends: Excel then reads the Japanese text
  correctly on a double click, in any locale.
- Numbers that Excel would turn into decimals (``5.10`` → ``5.1``) are only written as
  labels: ``5.10. Title`` for sections, ``5.10 Title`` for 2022 controls. Tools that
  want bare numbers read ``controls.json``.
- URLs are full addresses (``site_url`` joined with the page's path), ready to click.
- Free text (titles, section names) that would start with ``=``, ``+``, ``-``, ``@``, a tab
  or a carriage return gets a leading ``'``, so that a spreadsheet shows it as text instead
  of running it as a formula (OWASP's advice against CSV injection; ``escaping.csv_cell``).

The columns are documented in ``docs/*/exports.md``.
"""

from __future__ import annotations

import csv
import io
from typing import Any
from urllib.parse import urlsplit

from isocontrols.catalogue import LANGUAGES, Catalogue
from isocontrols.escaping import csv_cell

ENCODING = "utf-8-sig"
"""UTF-8 with a byte-order mark, which is how Excel recognises UTF-8."""

COLUMNS = (
    "control_id",
    "standard",
    "control_title_ja",
    "control_title_en",
    "iso27001_2022",
    "control_url_ja",
    "control_url_en",
    "section_ja",
    "section_en",
    "section_anchor",
    "section_url_ja",
    "section_url_en",
)
"""The header row, in this order."""


def _label(number: str | None, title: str) -> str:
    """How a section is named: ``5.3. Backup`` (the number never stands alone, see above)."""
    return f"{number}. {title}" if number else title


def _origin(site_url: str) -> str:
    """What comes before an absolute path: ``https://example.org/paper/`` → ``https://example.org``."""
    parts = urlsplit(site_url)
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""


def rows(document: dict[str, Any], catalogue: Catalogue) -> list[dict[str, str]]:
    """One row per (control, section), in index order, from the ``controls.json`` document."""
    origin = _origin(document["site_url"])
    found = []
    for control in document["controls"]:
        equivalents = "; ".join(f"{i} {catalogue.controls_2022[i].title_en}" for i in control["iso27001_2022"])
        for section in control["sections"]:
            found.append(_row(control, section, equivalents, origin))
    return found


def _row(control: dict[str, Any], section: dict[str, Any], equivalents: str, origin: str) -> dict[str, str]:
    """One row; free text goes through ``csv_cell`` (identifiers, anchors and URLs are written as they are)."""
    row = {
        "control_id": control["id"],
        "standard": control["standard"],
        "iso27001_2022": csv_cell(equivalents),
        "section_anchor": section["anchor"] or "",
    }
    for language in LANGUAGES:
        row[f"control_title_{language}"] = csv_cell(control["title"][language])
        row[f"control_url_{language}"] = origin + control["url"][language]
        row[f"section_{language}"] = csv_cell(_label(section["number"], section["title"].get(language, "")))
        row[f"section_url_{language}"] = origin + section["url"][language] if language in section["url"] else ""
    return row


def controls_csv(document: dict[str, Any], catalogue: Catalogue) -> str:
    """``controls.csv`` as text (from the ``controls.json`` document), CRLF line ends; write it with ``ENCODING``."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows(document, catalogue))
    return buffer.getvalue()
