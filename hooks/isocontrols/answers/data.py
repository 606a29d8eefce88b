"""The answers document of a language, ``answers/data.<lang>.json``, and the answer to one item asked.

The hook writes one document per language at build time, from the same index as
``controls.json`` and the published text of every citing section; the answers page
(``overrides/assets/javascripts/answers/answers.js``) reads it in the browser and the
checklist filler (``checklist``) reads it in a command. Its shape (schema 1)::

    {"schema_version": 1, "language": "ja", "site_url": "https://…/",
     "words": {…},                                         # words.WORDS of the language
     "controls": {"A.9.2.3": {"title": …, "title_lang": "ja", "path": "controls/#a-9-2-3",
                              "ids_2022": ["8.2"], "sections": ["application-security.md#utility-programs"]}, …},
     "controls_2022": {"8.2": {"title": …, "title_lang": "en", "path": "controls-2022/#iso2022-8-2",
                               "ids_2013": ["A.9.2.3"], "sections": […]}, …},
     "groups": {"A.9": {"title": …, "title_lang": "ja", "level": "clause", "controls": ["A.9.1.1", …]}, …},
     "sections": {"application-security.md#utility-programs": {"label": "4.4. ユーティリティプログラム",
                  "path": "application-security/#utility-programs", "text": "ユーティリティプログラムは…",
                  "outdated": false}, …}}

Every control of the catalogue is there, cited or not (an uncited control is answered
"not addressed", with its title). ``path`` is relative to the site root (``en/…`` for
English, ``null`` where the site has no entry for the control): the page resolves it
where the site is served, tables join it to ``site_url``. Sections are listed in the white
paper's order; a 2022 control's sections are those of the 2013 controls that map to it.
Values are plain text, escaped by the JSON encoder; the page puts them into text nodes.
``outdated`` is true for an English section whose Japanese original changed since its
translation was last confirmed (``isocontrols.translations``): the page, the copied table
and the checklist say so next to its text, as the English page does under its heading.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from isocontrols import crosswalk
from isocontrols.answers import resolver
from isocontrols.answers.words import WORDS
from isocontrols.catalogue import Catalogue, Titled
from isocontrols.index import Entry, SectionRef, section_order
from isocontrols.rendering import CONTROL_INDEX_PAGE
from isocontrols.urls import site_target

SCHEMA_VERSION = 1
"""Raised whenever a field changes meaning or disappears (the page and the command check it)."""

Texts = Mapping[str, Mapping[str | None, str]]
"""Page (``operations.md``) → section anchor (``None`` for the page itself) → the section's plain text."""


def data_path(language: str) -> str:
    """Where a language's document is served, relative to the site root."""
    return f"answers/data.{language}.json"


def _titled(item: Titled, language: str) -> dict[str, str]:
    return {"title": item.title(language), "title_lang": language if item.has_title(language) else "en"}


def _targets(refs: Iterable[SectionRef]) -> list[str]:
    """The targets of sections given once each and in reading order (``index.build``, ``crosswalk``)."""
    return [ref.target for ref in refs]


def document(
    entries: Mapping[str, Entry], catalogue: Catalogue, texts: Texts, language: str, site_url: str, outdated: Collection[str] = ()
) -> dict[str, Any]:
    """The answers document of ``language`` (see the module's docstring); ``outdated``: the sections
    (``operations.md#backup``) whose Japanese original changed since their translation."""
    refs = {ref.target: ref for entry in entries.values() for ref in entry.sections.get(language, ())}
    equivalents = crosswalk.build(dict(entries), catalogue)
    ids_2013: dict[str, list[str]] = {}
    for control in catalogue.controls.values():
        for id_2022 in control.ids_2022:
            ids_2013.setdefault(id_2022, []).append(control.id)
    controls = {
        control.id: {
            **_titled(control, language),
            "path": site_target(f"{CONTROL_INDEX_PAGE}#{control.anchor}", language) if control.id in entries else None,
            "ids_2022": list(control.ids_2022),
            "sections": _targets(entries[control.id].sections.get(language, ())) if control.id in entries else [],
        }
        for control in catalogue.controls.values()
    }
    controls_2022 = {
        id_2022: {
            **_titled(control, language),
            "path": site_target(f"{crosswalk.VIEW_PAGE}#{crosswalk.anchor_2022(id_2022)}", language) if id_2022 in equivalents else None,
            "ids_2013": ids_2013.get(id_2022, []),
            "sections": _targets(equivalents[id_2022].sections.get(language, ())) if id_2022 in equivalents else [],
        }
        for id_2022, control in sorted(catalogue.controls_2022.items(), key=lambda item: crosswalk.sort_key_2022(item[0]))
    }
    groups = {
        group_id: {
            **_titled(group, language),
            "level": "clause" if group_id.count(".") == 1 else "objective",
            "controls": [control.id for control in catalogue.objective_controls(group_id)],
        }
        for group_id, group in catalogue.groups.items()
        if group_id.startswith("A.")
    }
    sections = {
        target: {
            "label": ref.label,
            "path": site_target(target, language),
            "text": texts.get(ref.page, {}).get(ref.anchor, ""),
            "outdated": target in outdated,
        }
        for target, ref in sorted(refs.items(), key=lambda item: section_order(item[1]))
    }
    return {
        "schema_version": SCHEMA_VERSION,
        "language": language,
        "site_url": site_url,
        "words": WORDS[language],
        "controls": controls,
        "controls_2022": controls_2022,
        "groups": groups,
        "sections": sections,
    }


def data_json(document: Mapping[str, Any]) -> str:
    """The document as compact UTF-8 JSON text (the page loads it whole)."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def write(site_dir: Path, document: Mapping[str, Any]) -> Path:
    """Write the document where the answers page reads it."""
    path = site_dir / data_path(document["language"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data_json(document), encoding="utf-8")
    return path


def known(document: Mapping[str, Any]) -> resolver.Known:
    """What the resolver looks numbers up in, from a document (as the page does)."""
    return resolver.known(document["controls"], document["controls_2022"], document["groups"])


# ---------------------------------------------------------------------------------------
# The answer to one item asked: what the page shows and copies, and the checklist writes.

ANSWERED = "answered"
NOT_ADDRESSED = "not_addressed"
NO_CONTROL = "no_control"
"""The status of an answer (a key of the words): the white paper answers it, says nothing of it, or it is no control."""


@dataclass(frozen=True)
class Section:
    """A section that answers an item: its label, absolute address and text."""

    key: str
    label: str
    url: str
    text: str
    outdated: str = ""
    """The note that its Japanese original changed since it was translated; empty when it is current."""


@dataclass(frozen=True)
class Answer:
    """The answer to one item asked, in the document's language (the columns of the copied table)."""

    asked: resolver.Asked
    status: str
    control: str
    """The control as a table cell: ``A.9.2.3``, ``8.13 (ISO/IEC 27001:2022)``; the group or number for others; empty for text."""
    title: str
    equivalents: tuple[str, ...]
    """Its counterparts in the other edition of ISO/IEC 27001, each with its title."""
    sections: tuple[Section, ...]
    message: str
    """What is said instead of sections: not cited, not a control, no such control."""

    @property
    def label(self) -> str:
        """The control and its title: ``A.9.2.3 特権的アクセス権の管理``."""
        return f"{self.control} {self.title}".strip()

    @property
    def text(self) -> str:
        """The answer as one text: each section's label and text, or the message."""
        return "\n\n".join("\n".join(filter(None, (section.label, section.outdated, section.text))) for section in self.sections) or self.message


def _sections(document: Mapping[str, Any], keys: Iterable[str]) -> tuple[Section, ...]:
    site_url = document["site_url"]
    found = document["sections"]
    note = document["words"]["outdated"]
    return tuple(
        Section(key, found[key]["label"], urljoin(site_url, found[key]["path"]), found[key]["text"], note if found[key].get("outdated") else "")
        for key in keys
    )


def answer(asked: resolver.Asked, document: Mapping[str, Any]) -> Answer:
    """What the white paper, as published in the document's language, answers to one item."""
    words = document["words"]
    kind, identifier = asked.kind, asked.id
    if kind in (resolver.CONTROL_2013, resolver.CONTROL_27017):
        control = document["controls"][identifier]
        named = [f"{i} {document['controls_2022'][i]['title']}" for i in control["ids_2022"]]
        return _control_answer(asked, document, identifier, control, named, words["not_cited"])
    if kind == resolver.CONTROL_2022:
        control = document["controls_2022"][identifier]
        named = [f"{i} {document['controls'][i]['title']}" for i in control["ids_2013"]]
        cell = words["control_2022"].format(id=identifier)
        missing = words["not_cited_2022"] if named else words["new_in_2022"]
        return _control_answer(asked, document, cell, control, named, missing)
    if kind == resolver.GROUP:
        group = document["groups"][identifier]
        message = words[group["level"]].format(ids=words["list_separator"].join(group["controls"]))
        return Answer(asked, NO_CONTROL, identifier, group["title"], (), (), message)
    if kind == resolver.UNKNOWN:
        message = words["unknown_suggestion" if asked.suggestion else "unknown"].format(id=identifier, suggestion=asked.suggestion)
        return Answer(asked, NO_CONTROL, identifier, "", (), (), message)
    return Answer(asked, NO_CONTROL, "", "", (), (), words["text"])


def _control_answer(
    asked: resolver.Asked, document: Mapping[str, Any], cell: str, control: Mapping[str, Any], named: list[str], missing: str
) -> Answer:
    sections = _sections(document, control["sections"])
    status = ANSWERED if sections else NOT_ADDRESSED
    return Answer(asked, status, cell, control["title"], tuple(named), sections, "" if sections else missing)


def answers(text: str, document: Mapping[str, Any]) -> list[Answer]:
    """The answer to each item of ``text``, in the order asked."""
    return [answer(item, document) for item in resolver.resolve(text, known(document))]
