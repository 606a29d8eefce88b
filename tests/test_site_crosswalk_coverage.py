"""The 2022 crosswalk and the coverage page, as built, in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from isocontrols import catalogue

LANGUAGE_ROOTS = {"ja": "", "en": "en/"}

ENTRY_2013 = re.compile(r'<h3 (?=[^>]*class="control-entry")[^>]*\bid="(?P<anchor>[^"]+)"')
ENTRY_2022 = re.compile(r'<h3 (?=[^>]*class="iso2022-entry")[^>]*\bid="(?P<anchor>iso2022-[^"]+)"')
CITED_CELL = re.compile(r'<li class="coverage-cell coverage-cell--cited"><a href="\.\./controls/#(?P<anchor>[^"]+)">')
ANY_CELL = re.compile(r'<li class="coverage-cell coverage-cell--(?:cited|uncited)"')
LINK = re.compile(r'<a href="\.\./(?P<page>[^"#]+/)#(?P<anchor>[^"]+)"')


def _html(site: Path, language: str, page: str) -> str:
    return (site / LANGUAGE_ROOTS[language] / page / "index.html").read_text(encoding="utf-8")


def _entries_2013(site: Path, language: str) -> set[str]:
    return {m.group("anchor") for m in ENTRY_2013.finditer(_html(site, language, "controls"))}


def _expected_2022(site: Path, language: str) -> set[str]:
    """The 2022 anchors the cited 2013 controls of the built index map to."""
    controls = {c.anchor: c for c in catalogue.load().controls.values()}
    return {f"iso2022-{i.replace('.', '-')}" for a in _entries_2013(site, language) for i in controls[a].ids_2022}


@pytest.mark.parametrize("language", catalogue.LANGUAGES)
def test_2022_view_lists_every_2022_control_the_index_reaches(built_site: Path, language: str) -> None:
    html = _html(built_site, language, "controls-2022")
    found = [m.group("anchor") for m in ENTRY_2022.finditer(html)]
    assert set(found) == _expected_2022(built_site, language)
    numbers = [tuple(int(n) for n in a.removeprefix("iso2022-").split("-")) for a in found]
    assert numbers == sorted(numbers)


def test_2022_anchors_are_the_same_in_both_languages(built_site: Path) -> None:
    ja, en = (set(ENTRY_2022.findall(_html(built_site, lang, "controls-2022"))) for lang in catalogue.LANGUAGES)
    assert ja == en and "iso2022-8-13" in ja


@pytest.mark.parametrize(
    ("language", "entry"),
    [
        (
            "ja",
            '<h3 class="iso2022-entry" id="iso2022-8-13">8.13 <span lang="en">Information backup</span>',
        ),
        ("en", '<h3 class="iso2022-entry" id="iso2022-8-13">8.13 Information backup'),
    ],
)
def test_2022_entry_links_its_2013_control_and_the_section(built_site: Path, language: str, entry: str) -> None:
    html = _html(built_site, language, "controls-2022")
    block = html[html.index(entry) : html.index("<h3", html.index(entry) + 1)]
    assert '<a href="../controls/#a-12-3-1">A.12.3.1 ' in block
    assert '<a href="../operations/#backup">5.3. ' in block


@pytest.mark.parametrize("language", catalogue.LANGUAGES)
def test_every_link_of_the_2022_view_reaches_an_anchor(built_site: Path, language: str) -> None:
    root = built_site / LANGUAGE_ROOTS[language]
    for link in LINK.finditer(_html(built_site, language, "controls-2022")):
        target = (root / link.group("page") / "index.html").read_text(encoding="utf-8")
        assert f'id="{link.group("anchor")}"' in target, link.group(0)


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("ja", '<p>ISO/IEC 27001:2022 の対応管理策: 8.2 <span lang="en">Privileged access rights</span></p>'),
        ("en", "<p>ISO/IEC 27001:2022 equivalents: 8.2 Privileged access rights</p>"),
    ],
)
def test_control_entry_names_its_2022_equivalents(built_site: Path, language: str, line: str) -> None:
    html = _html(built_site, language, "controls")
    assert line in html[html.index('id="a-9-2-3"') : html.index('id="a-9-2-4"')]


@pytest.mark.parametrize(("language", "word"), [("ja", "なし"), ("en", "none")])
def test_cld_entry_says_it_has_no_2022_equivalent(built_site: Path, language: str, word: str) -> None:
    html = _html(built_site, language, "controls")
    after = html[html.index('id="cld-6-3-1"') :]
    assert re.search(rf"<p>ISO/IEC 27001:2022 [^<]*: {word}", after[: after.index("</p>") + 4])


@pytest.mark.parametrize("language", catalogue.LANGUAGES)
def test_coverage_grid_has_a_cell_per_control_and_links_exactly_the_cited_ones(built_site: Path, language: str) -> None:
    html = _html(built_site, language, "coverage")
    assert len(ANY_CELL.findall(html)) == 121
    cited = [m.group("anchor") for m in CITED_CELL.finditer(html)]
    assert len(cited) == len(set(cited))
    assert set(cited) == _entries_2013(built_site, language)


@pytest.mark.parametrize(
    ("language", "summary"),
    [
        ("ja", r"ISO/IEC 27001:2013 附属書 A の全 114 管理策のうち (\d+) 管理策（引用なし (\d+)）"),
        ("en", r"The white paper cites (\d+) of the 114 ISO/IEC 27001:2013 Annex A controls \((\d+) not cited\)"),
    ],
)
def test_coverage_counts_are_written_out(built_site: Path, language: str, summary: str) -> None:
    html = _html(built_site, language, "coverage")
    cited, uncited = (int(n) for n in re.search(summary, html).groups())
    annex_a = [a for a in _entries_2013(built_site, language) if a.startswith("a-")]
    assert (cited, uncited) == (len(annex_a), 114 - len(annex_a))
    assert html.count('class="coverage-counts"') == 15


@pytest.mark.parametrize("language", catalogue.LANGUAGES)
def test_coverage_cells_carry_their_state_as_text_not_colour_alone(built_site: Path, language: str) -> None:
    html = _html(built_site, language, "coverage")
    assert html.count('<span class="coverage-mark" aria-hidden="true">✓</span>') == len(CITED_CELL.findall(html))
    assert html.count('<span class="coverage-hidden">') == 121


@pytest.mark.parametrize("path", ["controls-2022", "coverage", "exports"])
@pytest.mark.parametrize("language", catalogue.LANGUAGES)
def test_new_pages_are_in_the_navigation(built_site: Path, language: str, path: str) -> None:
    home = _html(built_site, language, "")
    assert re.search(rf'href="(?:\./)?{path}/"', home), path
