"""Machine-readable exports of the control index, for tools and sales: ``controls.json``.

URLs are absolute paths (they start with ``/`` and already carry the path of ``site_url``);
``site_url`` is included so that tools can resolve them into full addresses
(``urljoin(site_url, url)``). The schema is documented in ``docs/*/exports.md``.
"""

from __future__ import annotations

import json
from typing import Any

from isocontrols.catalogue import LANGUAGES, Control
from isocontrols.index import Entry, SectionRef
from isocontrols.rendering import CONTROL_INDEX_PAGE
from isocontrols.urls import site_path, site_target

SCHEMA_VERSION = 1
"""Raised whenever a field changes meaning or disappears."""

STANDARDS = {"A": "ISO/IEC 27001:2013", "CLD": "ISO/IEC 27017:2015"}


def page_path(page: str, language: str, base_path: str = "/") -> str:
    """The absolute path of a page with directory URLs: ``operations.md`` → ``/en/operations/``."""
    return base_path.rstrip("/") + "/" + site_path(page, language)


def target_path(target: str, language: str, base_path: str = "/") -> str:
    """The absolute path of ``page.md#anchor``."""
    return base_path.rstrip("/") + "/" + site_target(target, language)


def control_path(control: Control, language: str, base_path: str = "/") -> str:
    """The stable address of a control's entry: ``/controls/#a-9-2-3``, ``/en/controls/#a-9-2-3``."""
    return target_path(f"{CONTROL_INDEX_PAGE}#{control.anchor}", language, base_path)


def _section(refs: dict[str, SectionRef], base_path: str) -> dict[str, Any]:
    first = refs[LANGUAGES[0]] if LANGUAGES[0] in refs else next(iter(refs.values()))
    return {
        "number": first.number,
        "anchor": first.anchor,
        "title": {lang: ref.title for lang, ref in refs.items()},
        "url": {lang: target_path(ref.target, lang, base_path) for lang, ref in refs.items()},
    }


def _paired_sections(entry: Entry) -> list[dict[str, SectionRef]]:
    """The entry's sections with their twins in the other language side by side (joined on page and anchor)."""
    paired: dict[str, dict[str, SectionRef]] = {}
    for language in LANGUAGES:
        for ref in entry.sections.get(language, ()):
            paired.setdefault(ref.target, {})[language] = ref
    return list(paired.values())


def controls_document(entries: dict[str, Entry], site_url: str, base_path: str) -> dict[str, Any]:
    """The content of ``controls.json``."""
    controls = []
    for entry in entries.values():
        control = entry.control
        controls.append(
            {
                "id": control.id,
                "standard": STANDARDS[control.id.split(".")[0]],
                "title": {"ja": control.title("ja"), "en": control.title_en},
                "url": {lang: control_path(control, lang, base_path) for lang in LANGUAGES},
                "iso27001_2022": list(control.ids_2022),
                "sections": [_section(refs, base_path) for refs in _paired_sections(entry)],
            }
        )
    return {"schema_version": SCHEMA_VERSION, "site_url": site_url, "controls": controls}


def controls_json(document: dict[str, Any]) -> str:
    """``controls.json`` as text (from ``controls_document``): stable key order, UTF-8, one trailing newline.

    One control per line: readable, and a change to the index is a change to the lines of
    its controls. (An indented document would go through ``json``'s pure-Python encoder,
    about ten times slower on a large site than the C encoder used for each line.)
    """
    head = "".join(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},\n" for key, value in document.items() if key != "controls")
    controls = ",\n".join(f"    {json.dumps(control, ensure_ascii=False)}" for control in document["controls"])
    return "{\n" + head + '  "controls": [' + (f"\n{controls}\n  " if controls else "") + "]\n}\n"
