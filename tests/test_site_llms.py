"""llms.txt and llms-full.txt of the real site, both languages: shape, completeness, and every link resolving."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import SITE_URL
from llms_format import parse
from test_links import _parse, _target

PREFIXES = {"ja": "", "en": "en/"}
ADDRESS = re.compile(r"<(https?://[^>\s]+)>|\]\((https?://[^)\s]+)\)")
"""An absolute address in Markdown: an autolink or a link target."""


def _resolves(site: Path, address: str) -> bool:
    path, fragment = _target(site, "", address)  # type: ignore[misc]
    return path.is_file() and (not fragment or path.suffix != ".html" or fragment in _parse(path).ids)


def _chapter_pages(site: Path, language: str) -> list[Path]:
    text = (site / PREFIXES[language] / "print" / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'<h2 class="print-part" id="([^"]+)">\d', text)
    return [site / PREFIXES[language] / chapter / "index.html" for chapter in ids]


@pytest.mark.parametrize("language", PREFIXES)
def test_llms_txt_lists_every_chapter_and_section_with_a_note(built_site: Path, language: str) -> None:
    parsed = parse((built_site / PREFIXES[language] / "llms.txt").read_text(encoding="utf-8"))
    chapters = _chapter_pages(built_site, language)
    assert len(chapters) == 7 and list(parsed.sections)[:7] == [items[0][0] for items in list(parsed.sections.values())[:7]]
    for page, items in zip(chapters, list(parsed.sections.values())[:7]):
        html = page.read_text(encoding="utf-8")
        anchors = re.findall(r'<h2 id="([^"]+)"', html)
        assert [url.rpartition("#")[2] for _, url, _ in items[1:]] == anchors
        assert all(note for _, _, note in items), page
    assert "whitepaper.pdf" in " ".join(url for _, url, _ in parsed.sections[list(parsed.sections)[-2]])


@pytest.mark.parametrize("language", PREFIXES)
def test_llms_txt_lists_the_answers_page_exactly_when_the_site_has_one(built_site: Path, language: str) -> None:
    text = (built_site / PREFIXES[language] / "llms.txt").read_text(encoding="utf-8")
    answers = f"{SITE_URL}{PREFIXES[language]}answers/"
    assert (f"]({answers})" in text) == (built_site / PREFIXES[language] / "answers" / "index.html").is_file()


@pytest.mark.parametrize("name", ["llms.txt", "llms-full.txt"])
@pytest.mark.parametrize("language", PREFIXES)
def test_every_address_in_the_llms_files_is_absolute_and_resolves(built_site: Path, language: str, name: str) -> None:
    text = (built_site / PREFIXES[language] / name).read_text(encoding="utf-8")
    addresses = {autolink or target for autolink, target in ADDRESS.findall(text)}
    assert len(addresses) > 40
    assert not re.search(r"\]\((?!https?://|mailto:)", text)  # no relative link
    inside = {address for address in addresses if address.startswith(SITE_URL)}
    assert addresses - inside <= {"https://www.code4japan.org/security"}
    assert sorted(address for address in inside if not _resolves(built_site, address)) == []


@pytest.mark.parametrize("language", PREFIXES)
def test_llms_full_txt_is_the_whole_paper_in_plain_markdown(built_site: Path, language: str) -> None:
    full = (built_site / PREFIXES[language] / "llms-full.txt").read_text(encoding="utf-8")
    parsed = parse((built_site / PREFIXES[language] / "llms.txt").read_text(encoding="utf-8"))
    headings = [text for items in list(parsed.sections.values())[:7] for text, _, _ in items]
    assert [line for line in headings if not re.search(rf"^#{{2,3}} {re.escape(line)}$", full, re.MULTILINE)] == []
    assert full.count("\n# ") == 0 and full.startswith("# ")
    assert "description:" not in full and "{#" not in full and "<!--" not in full and "<a " not in full
    assert not any(0xF0000 <= ord(character) <= 0xFFFFD for character in full)  # no held-link marks
    citation = "【A.12.3.1】" if language == "ja" else "[A.12.3.1]"
    assert citation in full  # citations as the writers wrote them
