"""search/no_answer.py: which pages are about the paper, and where search leads when the paper has no answer."""

from __future__ import annotations

import pytest

from isocontrols.search.no_answer import WaysOn, check, of_the_paper, reference_pages, ways_on

PAGES = ["index.md", "operations.md", "contact.md", "controls.md", "exports.md"]


@pytest.mark.parametrize(
    ("setting", "pages", "problems"),
    [
        (None, (), []),
        (["controls.md", "exports.md"], ("controls.md", "exports.md"), []),
        ("controls.md", (), ["mkdocs.yml: extra.search_reference_pages must be a list of page names such as controls.md"]),
        (["controls"], (), ["mkdocs.yml: extra.search_reference_pages must be a list of page names such as controls.md"]),
    ],
)
def test_reference_pages_are_a_list_of_page_names(setting: object, pages: tuple[str, ...], problems: list[str]) -> None:
    found, found_problems = reference_pages(setting)
    assert (found, [str(problem) for problem in found_problems]) == (pages, problems)


def test_a_listed_page_the_language_lacks_is_a_problem() -> None:
    assert [str(problem) for problem in check(PAGES, ["controls.md", "answer.md"], "en", "docs/")] == [
        "mkdocs.yml: extra.search_reference_pages lists answer.md, which docs/en/ does not have; remove it or add the page"
    ]


@pytest.mark.parametrize(
    ("language", "pages", "expected"),
    [
        ("ja", PAGES, WaysOn(reference=("controls/", "exports/"), contact="contact/", answers=None)),
        ("en", PAGES, WaysOn(reference=("en/controls/", "en/exports/"), contact="en/contact/", answers=None)),
        ("ja", [*PAGES, "answers.md"], WaysOn(reference=("controls/", "exports/"), contact="contact/", answers="answers/")),
        ("ja", ["index.md", "controls.md"], WaysOn(reference=("controls/",), contact=None, answers=None)),
    ],
    ids=["ja", "en", "with-answers-page", "small-site"],
)
def test_ways_on_link_the_pages_the_site_has(language: str, pages: list[str], expected: WaysOn) -> None:
    assert ways_on(pages, ["controls.md", "exports.md"], language) == expected


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        ("operations/#backup", True),
        ("", True),
        ("controls/", False),
        ("controls/#a-9-2-3", False),
        ("en/controls/#a-9-2-3", True),  # another language's page is not this language's reference page
    ],
)
def test_sections_of_the_paper_are_those_outside_the_reference_pages(location: str, expected: bool) -> None:
    assert of_the_paper(location, WaysOn(reference=("controls/", "exports/"), contact=None, answers=None)) is expected
