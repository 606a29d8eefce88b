"""Search through a Japanese input method, in Chromium driven over CDP, on a phone and on a desktop.

What a reader does with an input method, as the page sees it: a composition that grows
(``Input.imeSetComposition``) and is committed by choosing a candidate (``Input.insertText``),
with or without a key; Enter or an arrow key while converting; a paste from a menu; a
conversion given up; typing as soon as the page has loaded, before the search index has
arrived. Asserted on the results the reader sees, and on the queries the page sends to the
search worker (never one in the middle of a composition). The site is served as a host that
reads ``_headers`` serves it, so all of this also runs under the full security policy.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest
from static_host import StaticHost

DEVICES: dict[str, dict[str, Any]] = {
    "phone": {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "device_scale_factor": 3},
    "desktop": {"viewport": {"width": 1280, "height": 800}},
}

WATCH_SEARCH = """
window.__queries = []
window.__ready = false
const post = Worker.prototype.postMessage
Worker.prototype.postMessage = function (message, ...rest) {
  if (message && message.type === 2) window.__queries.push(message.data)
  return post.call(this, message, ...rest)
}
const Native = window.Worker
window.Worker = class extends Native {
  constructor(url, options) {
    super(url, options)
    this.addEventListener("message", ev => { if (ev.data && ev.data.type === 1) window.__ready = true })
  }
}
"""
"""Init script: the queries sent to the search worker (Material's QUERY, type 2) and whether it said READY (1)."""


@dataclass(frozen=True)
class Word:
    """What a reader of one language types: the composition as it grows, the word chosen, a section it finds;
    then a second word, after ``separator``, while the first one's results are on the screen."""

    home: str
    composition: tuple[str, ...]
    word: str
    section: str
    separator: str
    next_composition: tuple[str, ...]
    next_word: str


WORDS = {
    "ja": Word("", ("あ", "あんご", "あんごうか", "暗号化"), "暗号化", "application-security/#encryption", "", ("つ", "つうしん"), "通信"),
    # Android keyboards compose Latin words too, and commit the suggestion the reader taps.
    "en": Word("en/", ("e", "enc", "encr"), "encryption", "en/application-security/#encryption", " ", ("t", "tl"), "TLS"),
}

SITE_PATH = "a.pathname + a.hash"
"""A result link's address without the ``?h=`` parameter Material adds to highlight the words found."""

READERS = [("phone", "ja"), ("phone", "en"), ("desktop", "ja"), ("desktop", "en")]


class Reader:
    """A reader on a language's home page with the search box open, typing as an input method does (over CDP)."""

    def __init__(self, page: Any, host: StaticHost, device: str, language: str) -> None:
        self.page = page
        self.host = host
        self.device = device
        self.words = WORDS[language]
        self.home = host.url + self.words.home
        self.cdp = page.context.new_cdp_session(page)

    def open_search(self) -> None:
        if self.device == "phone":
            self.page.tap("label.md-header__button[for=__search]")
        else:
            self.page.click("input.md-search__input")
        self.page.wait_for_function("() => document.activeElement === document.querySelector('input.md-search__input')")

    def compose(self, text: str) -> None:
        self.cdp.send("Input.imeSetComposition", {"text": text, "selectionStart": len(text), "selectionEnd": len(text)})

    def commit(self, text: str) -> None:
        self.cdp.send("Input.insertText", {"text": text})

    def key(self, kind: str, key: str, key_code: int, **extra: Any) -> None:
        """One key event as an input method reports it (``kind``: rawKeyDown or keyUp; 229: the input method's)."""
        self.cdp.send("Input.dispatchKeyEvent", {"type": kind, "key": key, "code": key, "windowsVirtualKeyCode": key_code, **extra})

    def type_word(self) -> None:
        """Compose the language's word step by step, then commit it by choosing the candidate (no key)."""
        for text in self.words.composition:
            self.compose(text)
        self.commit(self.words.word)

    def wait_for_section(self, section: str) -> None:
        """Wait until the result list shows a link to ``section`` (a site path)."""
        self.page.wait_for_function(
            f"path => [...document.querySelectorAll('.md-search-result__link')].some(a => ({SITE_PATH}) === path)",
            arg=self.host.base_path + section,
            timeout=10_000,
        )

    def results(self) -> list[str]:
        """The site paths of the results shown (without Material's ``?h=`` highlight parameter)."""
        paths = self.page.eval_on_selector_all(".md-search-result__link", f"links => links.map(a => {SITE_PATH})")
        return [path.removeprefix(self.host.base_path) for path in paths]

    def value(self) -> str:
        return self.page.input_value("input.md-search__input")

    def queries(self) -> list[str]:
        return self.page.evaluate("window.__queries")

    def search_is_open(self) -> bool:
        return self.page.evaluate("document.getElementById('__search').checked")


@contextmanager
def _reader(browser: Any, host: StaticHost, device: str, language: str, index_delay: float = 0.0) -> Iterator[Reader]:
    """A fresh phone or desktop page on the language's home page, shown (DOM loaded); the index held back ``index_delay`` s."""
    context = browser.new_context(**DEVICES[device], permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script(WATCH_SEARCH)
    host.delays[f"search/index.{language}.json"] = index_delay
    try:
        typist = Reader(context.new_page(), host, device, language)
        typist.page.goto(typist.home, wait_until="domcontentloaded")
        yield typist
    finally:
        host.delays.clear()
        context.close()


@pytest.fixture
def reader(request: pytest.FixtureRequest, browser: Any, deployed_site: StaticHost) -> Iterator[Reader]:
    """A reader (``request.param``: device, language) with the search ready and its box open."""
    with _reader(browser, deployed_site, *request.param) as typist:
        typist.page.wait_for_function("() => window.__ready")
        typist.open_search()
        yield typist


@pytest.fixture
def slow_reader(request: pytest.FixtureRequest, browser: Any, deployed_site: StaticHost) -> Iterator[Reader]:
    """A reader on a slow network: the search index arrives 1.5 s after the page shows."""
    with _reader(browser, deployed_site, *request.param, index_delay=1.5) as typist:
        yield typist


def _ids(readers: list[tuple[str, str]]) -> list[str]:
    return [f"{device}-{language}" for device, language in readers]


@pytest.mark.parametrize("reader", READERS, ids=_ids(READERS), indirect=True)
def test_a_word_committed_without_a_key_is_searched(reader: Reader) -> None:
    """Choosing the candidate fires no key: the results still come, and nothing was searched for mid-conversion."""
    reader.type_word()
    reader.wait_for_section(reader.words.section)
    assert reader.value() == reader.words.word
    assert set(reader.queries()) <= {"", reader.words.word}, reader.queries()


CONFIRM_ORDERS = {
    # Chrome, and the input methods of Windows and Android: the key first, while composing, then the commit.
    "key-then-commit": ("key", "commit"),
    # Safari: compositionend first, then the keydown (keyCode 229, isComposing false) of the same key.
    "commit-then-key": ("commit", "key"),
}


@pytest.mark.parametrize("order", CONFIRM_ORDERS.values(), ids=CONFIRM_ORDERS.keys())
@pytest.mark.parametrize("reader", READERS, ids=_ids(READERS), indirect=True)
def test_the_enter_that_confirms_a_conversion_never_opens_a_result(reader: Reader, order: tuple[str, str]) -> None:
    """A second word is converted while the first one's results are shown: its Enter must not open one of them."""
    words = reader.words
    reader.type_word()
    reader.wait_for_section(words.section)
    if words.separator:
        reader.commit(words.separator)
    for text in words.next_composition:
        reader.compose(text)
    pressed = time.time()  # the key's own time, as the system stamps it, however late a busy machine delivers it
    for step in order:
        if step == "key":
            reader.key("rawKeyDown", "Enter", 229, timestamp=pressed)
        else:
            reader.commit(words.next_word)
    reader.key("keyUp", "Enter", 13)
    typed = words.word + words.separator + words.next_word
    reader.page.wait_for_function("text => window.__queries.includes(text)", arg=typed)
    reader.page.wait_for_timeout(300)  # Material opens the best result at once if it saw the Enter
    assert reader.page.url == reader.home
    assert reader.search_is_open() and reader.value() == typed
    assert set(reader.queries()) <= {"", words.word, words.word + words.separator, typed}, reader.queries()


@pytest.mark.parametrize("reader", [("desktop", "ja"), ("desktop", "en")], ids=["desktop-ja", "desktop-en"], indirect=True)
def test_arrow_keys_that_move_through_candidates_stay_in_the_field(reader: Reader) -> None:
    """Material moves the focus to the results on ArrowDown: not while the reader is choosing a conversion."""
    reader.type_word()
    reader.wait_for_section(reader.words.section)
    reader.compose(reader.words.composition[-1])
    reader.key("rawKeyDown", "ArrowDown", 229)
    reader.key("keyUp", "ArrowDown", 40)
    assert reader.page.evaluate("document.activeElement.matches('input.md-search__input')")
    reader.commit(reader.words.word)
    reader.page.wait_for_timeout(100)
    assert reader.page.evaluate("document.activeElement.matches('input.md-search__input')")


# An Android keyboard reports every key as 229, Enter included; a desktop keyboard reports 13.
AFTER_CONVERSION = [(("phone", "ja"), 229), (("phone", "en"), 229), (("desktop", "ja"), 13), (("desktop", "en"), 13)]


@pytest.mark.parametrize(
    ("reader", "key_code"), AFTER_CONVERSION, ids=[f"{r[0]}-{r[1]}-{code}" for r, code in AFTER_CONVERSION], indirect=["reader"]
)
def test_enter_after_the_conversion_opens_the_best_result(reader: Reader, key_code: int) -> None:
    """A key counts as the input method's only around a composition: a later Enter is the reader's, even as 229."""
    reader.type_word()
    reader.wait_for_section(reader.words.section)
    shown = reader.results()
    reader.page.wait_for_timeout(400)  # the reader looks at the results, then presses Enter
    with reader.page.expect_navigation():
        reader.key("rawKeyDown", "Enter", key_code)
    assert reader.page.evaluate("location.pathname + location.hash").removeprefix(reader.host.base_path) in shown


@pytest.mark.parametrize("reader", READERS, ids=_ids(READERS), indirect=True)
def test_a_word_pasted_without_a_key_up_is_searched(reader: Reader) -> None:
    """A paste from the menu (here its editing command: no key comes up) is searched."""
    reader.page.evaluate("word => navigator.clipboard.writeText(word)", reader.words.word)
    reader.key("rawKeyDown", "v", 86, modifiers=2, commands=["paste"])
    reader.wait_for_section(reader.words.section)
    assert reader.value() == reader.words.word


@pytest.mark.parametrize("reader", READERS, ids=_ids(READERS), indirect=True)
def test_a_conversion_given_up_leaves_the_results_of_the_committed_text(reader: Reader) -> None:
    reader.type_word()
    reader.wait_for_section(reader.words.section)
    shown = reader.results()
    reader.compose(reader.words.composition[0])  # a second word begun …
    reader.compose("")  # … and given up (Escape, or the text deleted while composing)
    reader.page.wait_for_timeout(300)
    assert reader.value() == reader.words.word
    assert reader.results() == shown
    assert set(reader.queries()) <= {"", reader.words.word}, reader.queries()


@pytest.mark.parametrize("slow_reader", READERS, ids=_ids(READERS), indirect=True)
def test_a_word_committed_before_the_index_arrives_is_answered_when_it_does(slow_reader: Reader) -> None:
    """On a slow network the reader types as soon as the page shows: the answer comes once the index is in."""
    slow_reader.open_search()
    slow_reader.type_word()
    assert not slow_reader.page.evaluate("window.__ready"), "the index came before the word: nothing was tested"
    slow_reader.wait_for_section(slow_reader.words.section)


@pytest.mark.parametrize("slow_reader", [("phone", "ja"), ("desktop", "en")], ids=["phone-ja", "desktop-en"], indirect=True)
def test_an_index_arriving_mid_conversion_waits_for_the_committed_word(slow_reader: Reader) -> None:
    """Material reads the field when its index is ready: in the middle of a conversion, that query waits for the commit."""
    slow_reader.open_search()
    for text in slow_reader.words.composition:
        slow_reader.compose(text)
    slow_reader.page.wait_for_function("() => window.__ready")
    slow_reader.page.wait_for_timeout(300)
    assert set(slow_reader.queries()) <= {""} and slow_reader.results() == []
    slow_reader.commit(slow_reader.words.word)
    slow_reader.wait_for_section(slow_reader.words.section)
    assert set(slow_reader.queries()) <= {"", slow_reader.words.word}, slow_reader.queries()


@pytest.mark.parametrize("slow_reader", [("desktop", "ja"), ("desktop", "en")], ids=["desktop-ja", "desktop-en"], indirect=True)
def test_keys_typed_as_soon_as_the_page_shows_are_answered(slow_reader: Reader) -> None:
    slow_reader.page.keyboard.press("/")  # Material's shortcut to the search box
    slow_reader.page.keyboard.type("A.10.1.1")
    assert not slow_reader.page.evaluate("window.__ready")
    slow_reader.wait_for_section(slow_reader.words.section)
