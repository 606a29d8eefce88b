"""The no-answer panel in Chromium: shown when the white paper has no answer, on a phone, in both languages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

from conftest import copy_fixture_site, build_site, served
from search_driver import language_root, open_search, search
from test_accessibility_browser import axe_script


MESSAGES = {
    "ja": "「{query}」について、ホワイトペーパーの本文には記載がありません。",
    "en": "The white paper itself does not address “{query}”.",
}
CONTACT = {"ja": "お問い合わせ窓口に質問する（7. Decidim に関するお問い合わせ）", "en": "Ask us (chapter 7, Contact us about Decidim)"}
ANSWERS = {"ja": "管理策番号ごとの回答から探す", "en": "Look up the answers by control number"}

UNANSWERED = {"ja": "ランサムウェア", "en": "ransomware"}
"""Found nowhere on the site."""

ONLY_ABOUT_THE_PAPER = {"ja": "statutory", "en": "statutory"}
"""Found only in the ISO/IEC 27001:2022 crosswalk and the control index (the English title of 2022's 5.31)."""

ANSWERED = {"ja": "二段階認証", "en": "MFA"}

PARTLY_ANSWERED = [
    ("ja", "ISMAP 認証", "ismap"),
    ("ja", "ランサムウェア 対策", "ランサムウェア"),
    ("en", "SOC 2", "soc"),
    ("en", "ransomware backup", "ransomware"),
]
"""A word the paper never uses next to one it does: sections are found, each marked "Missing: <word>"."""

STATUS = ".isosearch-no-answer__status"
WAYS = ".isosearch-no-answer__ways"


def _home(page: Any, site_url: str, language: str) -> None:
    open_search(page, site_url + language_root(language))


def _panel_says(page: Any, text: str) -> None:
    page.wait_for_function("([selector, text]) => document.querySelector(selector).textContent === text", arg=[STATUS, text])


@pytest.mark.parametrize("language", ["ja", "en"])
def test_panel_says_the_paper_has_no_answer_and_offers_the_contact_and_answers_pages(phone: Any, site_url: str, language: str) -> None:
    _home(phone, site_url, language)
    query = UNANSWERED[language]
    _, results = search(phone, query)
    assert results == []
    _panel_says(phone, MESSAGES[language].format(query=query))
    assert phone.get_by_role("status").filter(has_text=query).count() == 1  # a live region, announced
    ways = phone.locator(WAYS)
    assert ways.is_visible()
    links = ways.get_by_role("link")
    assert links.all_inner_texts() == [CONTACT[language], ANSWERS[language]]
    paths = [urlsplit(link.evaluate("link => link.href")).path for link in links.all()]
    assert paths == ["/" + language_root(language) + "contact/", "/" + language_root(language) + "answers/"]


@pytest.mark.parametrize("language", ["ja", "en"])
def test_panel_shows_when_only_pages_about_the_paper_are_found(phone: Any, site_url: str, language: str) -> None:
    _home(phone, site_url, language)
    query = ONLY_ABOUT_THE_PAPER[language]
    _, results = search(phone, query)
    root = language_root(language)
    assert results and all(path.startswith((root + "controls/", root + "controls-2022/")) for path in results), results
    _panel_says(phone, MESSAGES[language].format(query=query))
    assert phone.locator(WAYS).is_visible()


@pytest.mark.parametrize(("language", "query", "missing"), PARTLY_ANSWERED)
def test_panel_shows_above_the_results_when_a_word_is_missing_from_every_section_found(
    phone: Any, site_url: str, language: str, query: str, missing: str
) -> None:
    _home(phone, site_url, language)
    _, results = search(phone, query)
    assert results
    _panel_says(phone, MESSAGES[language].format(query=query))
    assert phone.locator(WAYS).is_visible()
    missing_marks = phone.locator(".md-search-result__list > li > a .md-search-result__terms del")
    assert set(missing_marks.all_inner_texts()) == {missing}
    assert phone.locator(".md-search-result__list > li").count() == len({path.split("#")[0] for path in results})


@pytest.mark.parametrize("language", ["ja", "en"])
def test_panel_stays_away_when_the_paper_answers_and_goes_when_the_box_is_cleared(phone: Any, site_url: str, language: str) -> None:
    _home(phone, site_url, language)
    search(phone, UNANSWERED[language])
    _panel_says(phone, MESSAGES[language].format(query=UNANSWERED[language]))
    _, results = search(phone, ANSWERED[language])
    assert results
    _panel_says(phone, "")
    assert phone.locator(WAYS).is_hidden()
    search(phone, UNANSWERED[language])
    _panel_says(phone, MESSAGES[language].format(query=UNANSWERED[language]))
    phone.fill("input.md-search__input", "")
    _panel_says(phone, "")


@pytest.mark.parametrize("language", ["ja", "en"])
def test_arrow_keys_reach_the_ways_on_and_enter_follows_them(page: Any, site_url: str, language: str) -> None:
    _home(page, site_url, language)
    search(page, UNANSWERED[language])
    _panel_says(page, MESSAGES[language].format(query=UNANSWERED[language]))
    page.focus("input.md-search__input")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent") == CONTACT[language]
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == "/" + language_root(language) + "contact/"


@pytest.mark.parametrize("language", ["ja", "en"])
def test_open_panel_has_no_serious_accessibility_violation_on_a_phone(phone: Any, site_url: str, language: str) -> None:
    _home(phone, site_url, language)
    search(phone, UNANSWERED[language])
    _panel_says(phone, MESSAGES[language].format(query=UNANSWERED[language]))
    phone.evaluate(axe_script())
    results = phone.evaluate("axe.run(document.querySelector('.md-search'), {resultTypes: ['violations']})")
    serious = [violation["id"] for violation in results["violations"] if violation["impact"] in ("serious", "critical")]
    assert serious == []


# ---------------------------------------------------------------------------------------
# A site with an answers page: the panel links it too.



@pytest.fixture(scope="module")
def answers_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture site with per-language search, a contact page and an answers page in each language, served."""
    project = copy_fixture_site(
        tmp_path_factory.mktemp("answers") / "project",
        overrides=True,
        extra="  per_language_search: true\n  search_reference_pages: [controls.md, answers.md]\n",
    )
    config = project / "mkdocs.yml"
    for language, contact, answers in [("ja", "# 7. お問い合わせ\n", "# 回答\n"), ("en", "# 7. Contact us\n", "# Answers\n")]:
        (project / "docs" / language / "contact.md").write_text(contact, encoding="utf-8")
        (project / "docs" / language / "answers.md").write_text(answers, encoding="utf-8")
    with served(build_site(config, project / "site")) as url:
        yield url


@pytest.mark.parametrize("language", ["ja", "en"])
def test_panel_links_the_answers_page_where_the_site_has_one(phone: Any, answers_site_url: str, language: str) -> None:
    _home(phone, answers_site_url, language)
    search(phone, UNANSWERED[language])
    _panel_says(phone, MESSAGES[language].format(query=UNANSWERED[language]))
    links = phone.locator(WAYS).get_by_role("link")
    assert links.all_inner_texts() == [CONTACT[language], ANSWERS[language]]
    paths = [urlsplit(href).path for href in links.evaluate_all("links => links.map(link => link.href)")]
    assert paths == ["/" + language_root(language) + "contact/", "/" + language_root(language) + "answers/"]
