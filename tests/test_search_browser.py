"""Search in Chromium against the built site: the query table, typed on a page of each language."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from search_driver import CUSTOMER_QUERIES_FILE, LANGUAGES, WATCH_WORKER, Query, language_root, load_queries, open_search, search

PAPER_QUERIES = load_queries()
CUSTOMER_QUERIES = load_queries(CUSTOMER_QUERIES_FILE)
QUERIES = PAPER_QUERIES + CUSTOMER_QUERIES

START_PAGES = {"ja": "operations/", "en": "en/operations/"}
"""The page each language's queries are typed on."""


@pytest.fixture(scope="module")
def search_pages(browser: Any, site_url: str) -> Iterator[dict[str, Any]]:
    """One open page per language, search ready, reused by every query of that language."""
    contexts = {language: browser.new_context() for language in LANGUAGES}
    pages = {}
    for language, context in contexts.items():
        pages[language] = context.new_page()
        open_search(pages[language], site_url + START_PAGES[language])
    yield pages
    for context in contexts.values():
        context.close()


def test_query_table_covers_every_form() -> None:
    """At least 40 queries, with control numbers in each form the issue names, in both languages."""
    texts = {query.text for query in PAPER_QUERIES}
    assert len(texts) >= 40
    assert {"A.9.2.3", "a.9.2.3", "9.2.3", "Ａ．９．２．３", "CLD.12.1.5"} <= texts
    assert {query.language for query in PAPER_QUERIES} == set(LANGUAGES)


def test_customer_word_table_covers_both_languages_apart_from_the_paper_words() -> None:
    """At least 40 customer words per language, none of them also in the paper-word table of that language."""
    for language in LANGUAGES:
        customer = {query.text for query in CUSTOMER_QUERIES if query.language == language}
        assert len(customer) >= 40
        assert not customer & {query.text for query in PAPER_QUERIES if query.language == language}


@pytest.mark.parametrize("query", QUERIES, ids=[query.id for query in QUERIES])
def test_query_finds_its_sections_in_the_first_five(search_pages: dict[str, Any], query: Query) -> None:
    _, results = search(search_pages[query.language], query.text)
    root = language_root(query.language)
    expected = [root + section for section in query.expect]
    missing = [section for section in expected if section not in results[:5]]
    assert not missing, f"{query.text!r}: {missing} not in the first five of {results[:8]}"


def _in_language(path: str, language: str) -> bool:
    """Whether a site path belongs to a language's edition (``en/…`` is English, the rest Japanese)."""
    others = tuple(language_root(other) for other in LANGUAGES[1:])
    return path.startswith(language_root(language)) if language != LANGUAGES[0] else not path.startswith(others)


@pytest.mark.parametrize("query", QUERIES, ids=[query.id for query in QUERIES])
def test_results_are_in_the_language_of_the_page(search_pages: dict[str, Any], query: Query) -> None:
    _, results = search(search_pages[query.language], query.text)
    assert results, f"{query.text!r} found nothing"
    assert all(_in_language(path, query.language) for path in results), results


@pytest.mark.parametrize(
    ("language", "query", "absent"),
    [
        ("ja", "eavesdropping", "the English edition"),  # "encryption" is in the Japanese vocabulary
        ("en", "暗号化", "the Japanese edition"),
    ],
)
def test_other_edition_is_never_searched(search_pages: dict[str, Any], language: str, query: str, absent: str) -> None:
    """A word that only the other edition contains finds nothing (no mixed editions)."""
    _, results = search(search_pages[language], query)
    assert results == [], f"{query!r} on a {language} page found {absent}: {results}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_worker_says_ready_once_so_a_word_typed_early_is_searched_once(browser: Any, site_url: str, language: str) -> None:
    """Material sends the search box's text on every READY: a second one would search it again (or a stale prefix) first."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(WATCH_WORKER)
        page.route("**/search/index.*.json", lambda route: (page.wait_for_timeout(300), route.continue_()))
        page.goto(site_url + START_PAGES[language], wait_until="commit")
        page.wait_for_selector("input.md-search__input")
        page.focus("input.md-search__input")
        word = {"ja": "暗号化", "en": "encryption"}[language]
        page.keyboard.type(word)
        page.wait_for_selector(".md-search-result__link")
        page.wait_for_timeout(500)
        seen = page.evaluate("window.__search")
        assert seen["readies"] == 1
        assert seen["queries"].count(word) == 1
    finally:
        context.close()
