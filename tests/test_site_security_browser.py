"""Every page type in both languages, used as a reader uses it, on a host that sends ``_headers``.

On each page Chromium loads it, searches, copies a link, prints (print media, and a PDF of
the print editions) and switches language, while every response, every
``securitypolicyviolation`` event, every console message and every script error is
recorded. Then: no request fails (the 404 page's own status aside), nothing breaks the
policy, and each of those features did its job under it. Hosts without ``_headers`` (GitHub
Pages) rely on the ``<meta>`` policy alone: a script injected there is refused too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from static_host import StaticHost

PAGE_TYPES = ["", "operations/", "controls/", "controls-2022/", "coverage/", "answers/", "exports/", "print/", "history/", "about-search/"]
"""Home, a chapter, the control index, the 2022 crosswalk, coverage, answers, exports, print edition, history, search help."""

MISSING = "no-such-page/"
"""An address with no page: the host answers with the 404 page (and status 404)."""

LANGUAGES = {"ja": "", "en": "en/"}
WORDS = {"ja": "暗号化", "en": "encryption"}

PAGES = [(language, prefix + path) for language, prefix in LANGUAGES.items() for path in [*PAGE_TYPES, MISSING]]

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", event => window.__violation(
  [location.pathname, event.violatedDirective, event.blockedURI, event.sourceFile + ":" + event.lineNumber, event.sample].join(" | ")
))
"""
"""Init script: report every violation of the policy to the test, from every document the tab shows."""

CSP_CONSOLE = ("Content Security Policy", "Content-Security-Policy", "Permissions-Policy", "Refused to")


@dataclass
class Visit:
    """What happened while a reader used one page."""

    path: str
    failed: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)
    results: int = 0
    copied: str = ""
    expected_copy: str = ""
    printed: int = 0
    switched_to: str = ""
    table: str = ""
    """On the answers page: the HTML that "Copy as table" put on the clipboard."""


def _use(page: Any, host: StaticHost, language: str, path: str) -> Visit:
    """Load ``path``, then search, copy a link, print and switch language, as a reader would."""
    visit = Visit(path)
    page.on("console", lambda message: visit.console.append(message.text) if any(k in message.text for k in CSP_CONSOLE) else None)
    page.on("pageerror", lambda error: visit.errors.append(str(error)))
    page.context.on("response", lambda response: _record(visit, response, host.url + path))
    page.expose_binding("__violation", lambda _source, text: visit.violations.append(text))

    page.goto(host.url + path)
    page.click("input.md-search__input")
    page.keyboard.type(WORDS["ja"] if path.endswith(MISSING) else WORDS[language])  # the 404 page is the Japanese build's
    page.wait_for_selector(".md-search-result__link", timeout=10_000)
    visit.results = page.locator(".md-search-result__link").count()
    page.keyboard.press("Escape")

    button = page.locator("button.share-link").first
    if button.count():
        visit.expected_copy = button.get_attribute("data-share-url") or ""
        button.click()
        page.wait_for_selector(".share-link--copied")
        visit.copied = page.evaluate("navigator.clipboard.readText()")

    if path.endswith("answers/"):
        page.fill("#answers-input", "A.9.2.3\n8.13")
        page.locator("li.answer").first.wait_for()
        page.click("[data-answers-copy]")
        page.wait_for_function("() => document.querySelector('[data-answers-status]').textContent.length > 0")
        visit.table = page.evaluate("async () => { for (const item of await navigator.clipboard.read()) if (item.types.includes('text/html')) return await (await item.getType('text/html')).text(); return '' }")

    page.emulate_media(media="print")
    if path.endswith("print/"):
        visit.printed = len(page.pdf())
    page.emulate_media(media="screen")

    other = next(code for code in LANGUAGES if code != language)
    link = page.locator(f".md-select__link[hreflang='{other}']")
    if link.count():
        page.locator(".md-select").first.hover()
        with page.expect_navigation():
            link.click()
        visit.switched_to = page.evaluate("location.pathname")
    return visit


def _record(visit: Visit, response: Any, missing_page: str) -> None:
    visit.requested.append(response.url)
    if response.status >= 400 and not (response.url == missing_page and response.status == 404):
        visit.failed.append(f"{response.status} {response.url}")


_visits: dict[tuple[str, str], Visit] = {}


@pytest.fixture
def visit(request: pytest.FixtureRequest, browser: Any, deployed_site: StaticHost) -> Visit:
    """The record of a reader's use of one page (``request.param``: language, path), made once per run."""
    key = request.param
    if key not in _visits:
        context = browser.new_context(viewport={"width": 1280, "height": 800}, permissions=["clipboard-read", "clipboard-write"])
        context.add_init_script(REPORT_VIOLATIONS)
        try:
            _visits[key] = _use(context.new_page(), deployed_site, *key)
        finally:
            context.close()
    return _visits[key]


def _twin(path: str) -> str:
    """The same page in the other language (the 404 page's switcher leads to each language's home)."""
    if path.endswith(MISSING):
        return "" if path.startswith(LANGUAGES["en"]) else LANGUAGES["en"]
    return path.removeprefix(LANGUAGES["en"]) if path.startswith(LANGUAGES["en"]) else LANGUAGES["en"] + path


def _ids(pages: list[tuple[str, str]]) -> list[str]:
    return [path or "home" for _, path in pages]


@pytest.mark.parametrize("visit", PAGES, ids=_ids(PAGES), indirect=True)
def test_no_request_fails(visit: Visit) -> None:
    assert any(url.endswith((".ja.json", ".en.json")) for url in visit.requested)  # the worker's requests are recorded too
    assert visit.failed == []


@pytest.mark.parametrize("visit", PAGES, ids=_ids(PAGES), indirect=True)
def test_nothing_breaks_the_security_policy(visit: Visit) -> None:
    assert visit.violations == []
    assert visit.console == []
    assert visit.errors == []


@pytest.mark.parametrize("visit", PAGES, ids=_ids(PAGES), indirect=True)
def test_search_copy_print_and_language_switch_work_under_the_policy(visit: Visit, deployed_site: StaticHost) -> None:
    assert visit.results > 0
    assert visit.expected_copy or visit.path.endswith(MISSING), "no copy-link button to try"
    assert visit.copied == visit.expected_copy
    assert "<table>" in visit.table and "A.9.2.3" in visit.table or not visit.path.endswith("answers/")
    assert visit.printed > 100_000 or not visit.path.endswith("print/")  # the whole paper as a PDF
    assert visit.switched_to == deployed_site.base_path + _twin(visit.path)


def test_the_meta_policy_alone_refuses_an_injected_script(page: Any, site_url: str) -> None:
    """GitHub Pages sends no headers: the page's own <meta> policy still refuses a script nobody wrote."""
    page.add_init_script("window.__refused = []; document.addEventListener('securitypolicyviolation', e => __refused.push(e.effectiveDirective))")
    response = page.goto(site_url + "operations/")
    assert "content-security-policy" not in response.headers
    page.evaluate("() => document.head.append(Object.assign(document.createElement('script'), { textContent: 'window.__injected = 1' }))")
    page.wait_for_function("() => window.__refused.length > 0")
    assert page.evaluate("() => [window.__injected, window.__refused]") == [None, ["script-src-elem"]]


def test_the_site_refuses_to_be_framed(page: Any, deployed_site: StaticHost) -> None:
    """frame-ancestors 'none' (in the header: a <meta> policy cannot carry it): no other site can frame a page."""
    page.set_content(f'<iframe src="{deployed_site.url}operations/"></iframe>')
    frame = page.frames[1]
    frame.wait_for_load_state()
    assert not frame.url.startswith(deployed_site.url)


def test_hreflang_links_stay_in_the_page(page: Any, deployed_site: StaticHost) -> None:
    """Hidden from Material's sitemap lookup only while it looks: search engines that run scripts still see them."""
    page.goto(deployed_site.url + "operations/", wait_until="networkidle")
    links = page.eval_on_selector_all('link[rel="alternate"][hreflang]', "links => links.map(l => l.hreflang)")
    assert links == ["ja", "en", "x-default"]
