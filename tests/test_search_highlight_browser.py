"""Search results mark the words found without breaking the text around them (Chromium, a fixture site)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, build_site, served
from search_driver import open_search

FIXTURE = Path(__file__).parent / "fixtures" / "minimal-site"

PAGE = """# Markup

## Tags {#tags}

Write <code>&lt;script&gt;</code> elements & scripts carefully: <b>&lt;script&gt;</b> tags, A&amp;B, 5 &lt; 7 &gt; 3, amplified; greater; lighter.
"""


@pytest.fixture(scope="module")
def markup_site(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The fixture site with per-language search and a page whose text holds escaped markup."""
    project = tmp_path_factory.mktemp("highlight") / "project"
    shutil.copytree(FIXTURE, project)
    config = project / "mkdocs.yml"
    text = config.read_text().replace("HOOK", str(ROOT / "hooks" / "controls_hook.py"))
    text = text.replace("  name: material\n", f"  name: material\n  custom_dir: {ROOT / 'overrides'}\n")
    config.write_text(text.replace("extra:\n", "extra:\n  per_language_search: true\n", 1))
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


