"""The print edition's HTML as a standalone document for the PDF: links absolute, a full contents list.

The print page (``print_edition``) already holds the whole paper: cover, contents,
chapters, appendices. A PDF is read apart from the site, filed with a contract or mailed
on, so its document differs from the web page in three ways::

    <a class="citation" href="#controls--a-12-3-1">   →  href="https://…/controls/#a-12-3-1"
    <a href="../coverage/">                           →  href="https://…/coverage/"
    <ul> of chapters after <h2 id="contents">         →  <ol class="edition-contents"> of chapters and their sections

A citation points at the live control index on the site, which stays current after the
PDF was saved; every other link between parts of the edition stays inside the PDF. The
contents list gets page numbers from ``edition.css`` (``target-counter``). Permalink
signs and the print button, which only make sense on screen, are left out.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from urllib.parse import urljoin

import tinyhtml5

from isocontrols.escaping import html_attribute, html_text
from isocontrols.print_edition import part_anchor
from isocontrols.rendering import CONTROL_INDEX_PAGE

PDF_NAME = "whitepaper.pdf"
"""The PDF edition's file name, beside each language's home page (``/whitepaper.pdf``, ``/en/whitepaper.pdf``)."""

CITATION_PREFIX = "#" + part_anchor(CONTROL_INDEX_PAGE, "")
"""How a citation's link starts in the print edition (``#controls--``): the control's entry in appendix A."""

CONTENTS_ID = "contents"
"""The id of the print edition's contents heading; the list after it is replaced."""

PART_CLASS = "print-part"
"""The class of a part's heading (a chapter or an appendix)."""

SCREEN_ONLY = frozenset({"headerlink", "print-button", "print-pdf-link"})
"""Classes of what only makes sense on screen: permalink signs, the print button, the link to this very PDF."""

@dataclass(frozen=True)
class Edition:
    """What the PDF document says about itself, and where the site it comes from lives."""

    language: str
    title: str
    description: str
    page_url: str
    """The absolute address of the print page (``https://…/en/print/``): relative links resolve against it."""
    control_index_url: str
    """The absolute address of this language's control index, which citations point at."""
    modified: str | None = None
    """When the newest part last changed (ISO date), for the PDF's metadata."""


def document(content: str, edition: Edition) -> str:
    """The whole HTML document of the PDF edition, from the print page's content HTML."""
    meta = [("description", edition.description)] + ([("dcterms.modified", edition.modified)] if edition.modified else [])
    head = "".join(f'<meta name="{html_attribute(name)}" content="{html_attribute(value)}">' for name, value in meta)
    skeleton = (
        f'<!DOCTYPE html><html lang="{html_attribute(edition.language)}"><head><meta charset="utf-8">'
        f"<title>{html_text(edition.title)}</title>{head}</head><body>{content}</body></html>"
    )
    root = tinyhtml5.parse(skeleton, namespace_html_elements=False)
    _leave_out_screen_only(root)
    for link in root.iter("a"):
        if link.get("href") is not None:
            link.set("href", link_target(link.get("href", ""), link.get("class", "").split(), edition))
    _fill_contents(root)
    return "<!DOCTYPE html>\n" + ElementTree.tostring(root, encoding="unicode", method="html")


def link_target(href: str, classes: list[str], edition: Edition) -> str:
    """Where a link of the print page points in the PDF: citations to the site's index, others as before."""
    if "citation" in classes and href.startswith(CITATION_PREFIX):
        return f"{edition.control_index_url}#{href[len(CITATION_PREFIX):]}"
    if href.startswith("#"):
        return href
    return urljoin(edition.page_url, href)


def _parents(root: ElementTree.Element) -> dict[ElementTree.Element, ElementTree.Element]:
    return {child: parent for parent in root.iter() for child in parent}


def _remove(element: ElementTree.Element, parent: ElementTree.Element) -> None:
    """Take an element out, keeping the text that followed it."""
    index = list(parent).index(element)
    if element.tail:
        if index:
            previous = parent[index - 1]
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _is_screen_only(element: ElementTree.Element) -> bool:
    return not SCREEN_ONLY.isdisjoint(element.get("class", "").split())


def _leave_out_screen_only(root: ElementTree.Element) -> None:
    """Remove permalink signs and the print button, and a paragraph that held nothing else."""
    parents = _parents(root)
    for element in [element for element in root.iter() if _is_screen_only(element)]:
        parent = parents[element]
        _remove(element, parent)
        if parent.tag == "p" and len(parent) == 0 and not (parent.text or "").strip():
            _remove(parent, parents[parent])


def _text(element: ElementTree.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _fill_contents(root: ElementTree.Element) -> None:
    """Replace the list after the contents heading by every part and its sections, linked."""
    parents = _parents(root)
    heading = next((element for element in root.iter() if element.get("id") == CONTENTS_ID), None)
    if heading is None:
        return
    parent = parents[heading]
    index = list(parent).index(heading)
    if index + 1 < len(parent) and parent[index + 1].tag in ("ul", "ol"):
        parent.remove(parent[index + 1])
    contents = ElementTree.Element("ol", {"class": "edition-contents"})
    contents.tail = "\n"
    parent.insert(index + 1, contents)
    sections: ElementTree.Element | None = None
    for element in root.iter():
        if element.tag == "h2" and PART_CLASS in element.get("class", "").split() and element.get("id"):
            part = _contents_entry(contents, element, "edition-contents__part")
            sections = ElementTree.SubElement(part, "ol")
        elif element.tag == "h3" and sections is not None and element.get("id"):
            _contents_entry(sections, element, "edition-contents__section")
    for part in contents:
        if len(part[-1]) == 0:
            part.remove(part[-1])


def _contents_entry(into: ElementTree.Element, heading: ElementTree.Element, kind: str) -> ElementTree.Element:
    item = ElementTree.SubElement(into, "li", {"class": kind})
    link = ElementTree.SubElement(item, "a", {"href": f"#{heading.get('id')}"})
    link.text = _text(heading)
    return item
