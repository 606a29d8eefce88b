"""Accessibility: axe-core on every kind of page, in both languages, finds nothing serious or critical.

axe.min.js comes with the pinned PyPI package axe-playwright-python (requirements.txt), so
the tests need no network; it is injected into each page after the page's own scripts ran.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import axe_playwright_python
import pytest

PAGE_TYPES = {
    "home": "",
    "chapter": "operations/",
    "control index": "controls/",
    "print": "print/",
    "revision history": "history/",
}
LANGUAGES = {"ja": "", "en": "en/"}


@cache
def axe_script() -> str:
    """axe-core's script, as vendored by the pinned package."""
    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_serious_or_critical_violation(site_url: str, page, kind: str, language: str) -> None:  # noqa: ANN001
    page.goto(site_url + LANGUAGES[language] + PAGE_TYPES[kind], wait_until="load")
    assert page.evaluate("document.documentElement.lang") == language
    assert serious_violations(page) == []


def serious_violations(page) -> list[str]:  # noqa: ANN001
    """What axe-core finds serious or critical on the page as it is now (each with its first elements)."""
    page.evaluate(axe_script())
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {[node['target'] for node in violation['nodes'][:3]]}"
        for violation in results["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_copy_link_buttons_are_named_in_the_page_language(site_url: str, page, language: str) -> None:  # noqa: ANN001
    page.goto(site_url + LANGUAGES[language] + "controls/")
    name = {"ja": "リンクをコピー", "en": "Copy link"}[language]
    buttons = page.get_by_role("button", name=name, exact=True)
    assert buttons.count() == page.locator("article h2[id], article h3[id]").count() > 30
