"""Search results mark the words found without breaking the text around them (Chromium, a fixture site)."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import copy_fixture_site, build_site, served
from search_driver import open_search


PAGE = """# Markup

## Tags {#tags}

Write <code>&lt;script&gt;</code> elements & scripts carefully: <b>&lt;script&gt;</b> tags, A&amp;B, 5 &lt; 7 &gt; 3, amplified; greater; lighter.
"""


@pytest.fixture(scope="module")
def markup_site(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The fixture site with per-language search and a page whose text holds escaped markup."""
    project = copy_fixture_site(tmp_path_factory.mktemp("highlight") / "project", overrides=True, extra="  per_language_search: true\n")
    config = project / "mkdocs.yml"
    for language in ("ja", "en"):
        (project / "docs" / language / "markup.md").write_text(PAGE, encoding="utf-8")
    site = build_site(config, project / "site")
    with served(site) as url:
        yield url


SHOWN = "Write <script> elements & scripts carefully: <script> tags, A&B, 5 < 7 > 3, amplified; greater; lighter."


@pytest.mark.parametrize(
    ("query", "marked"),
    [
        ("script", {"script", "scripts"}),
        ("carefully", {"carefully"}),
        ("amp", {"amplified"}),  # also the start of "amp" in "&amp;": the entity is never marked
        ("g", {"greater"}),  # and of "gt" in "&gt;"
        ("li", {"lighter"}),
    ],
)
def test_marks_never_split_an_escaped_character(page: Any, markup_site: str, query: str, marked: set[str]) -> None:
    open_search(page, markup_site + "en/markup/")
    page.fill("input.md-search__input", query)
    page.dispatch_event("input.md-search__input", "keyup")
    result = page.locator(".md-search-result__item", has_text="Tags").first
    result.locator("mark").first.wait_for()
    paragraph = result.locator("p").first
    assert " ".join(paragraph.inner_text().split()) == SHOWN
    assert set(result.locator("mark").all_inner_texts()) <= marked
    assert "&amp;lt;" not in result.inner_html() and "&amp;amp;" not in result.inner_html()


