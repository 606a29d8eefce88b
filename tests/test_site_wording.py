"""The real site says exactly what the white paper says (issue 14), in both languages.

- No page claims conformity, certification or a guarantee unless the source says so at that place.
- Each key fact on the home page keeps the limit its section states, and its link.
- Every web-edition addition is listed in the revision history (and its print appendix), linked to its section.
- English headings follow the catalogue's titles; both editions follow the glossary.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT
from page_text import Block, read

from isocontrols import catalogue, errata
from isocontrols.wording import claims, glossary, headings

SOURCE = ROOT / "tests" / "fixtures" / "whitepaper-source.txt"
LANGUAGE_PREFIX = {"ja": "", "en": "en/"}


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def docs_pages() -> dict[str, dict[str, str]]:
    """The Markdown of both editions, by language and page."""
    return {language: {path.name: path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs" / language).glob("*.md"))} for language in LANGUAGE_PREFIX}


def built_pages(site: Path, language: str) -> dict[str, Path]:
    """A language's built pages by their Markdown name: ``operations.md`` → ``en/operations/index.html``."""
    root = site / LANGUAGE_PREFIX[language]
    pages = {"index.md": root / "index.html"}
    for path in sorted(root.glob("*/index.html")):
        if path.parent.name not in ("en", "assets", "search"):
            pages[f"{path.parent.name}.md"] = path
    return pages


def section_of(page: str, block: Block) -> tuple[str, str]:
    """The page and section anchor a block belongs to; the print page's ids name their page (``operations--backup``)."""
    part, separator, anchor = block.section.partition("--")
    return (f"{part}.md", anchor) if separator and page == "print.md" else (page, block.section)


# --- claims -----------------------------------------------------------------------------------


def _claims_of(path: Path, page: str, language: str, allowed: tuple[claims.Allowed, ...], titles: tuple[str, ...]) -> list[str]:
    """Each claim of a built page that the source does not make there: in its text and in its meta data."""
    text = read(path)
    found = []
    for block in text.blocks:
        part, anchor = section_of(page, block)
        for word in claims.unjustified(block.text, part, anchor, language, allowed, titles):
            found.append(f"{language}/{page} #{block.section}: '{word}' in «{block.text}»")
    for name, value in text.meta.items():
        for word in claims.unjustified(value, page, "", language, allowed, titles):
            found.append(f"{language}/{page} <{name}>: '{word}' in «{value}»")
    return found


@pytest.mark.parametrize("language", ["ja", "en"])
def test_no_page_claims_what_the_source_does_not_say_there(built_site: Path, language: str) -> None:
    allowed, problems = claims.load()
    assert problems == ()
    titles = claims.control_titles(catalogue.load())
    pages = built_pages(built_site, language)
    assert {"index.md", "introduction.md", "print.md", "history.md", "controls.md"} <= pages.keys()
    found = [claim for page, path in pages.items() for claim in _claims_of(path, page, language, allowed, titles)]
    assert found == []


@pytest.mark.parametrize(
    ("language", "page", "meta"),
    [("en", "index.md", "og:description"), ("en", "index.md", "twitter:description"), ("ja", "history.md", "description"), ("en", "print.md", "description")],
)
def test_the_claims_check_reads_the_meta_data_it_judges(built_site: Path, language: str, page: str, meta: str) -> None:
    assert read(built_pages(built_site, language)[page]).meta.get(meta)


def test_the_site_descriptions_describe_the_approach_and_claim_nothing() -> None:
    """The descriptions of mkdocs.yml, shown where a page has none of its own (the 404 page, say)."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    descriptions = re.findall(r"^\s*site_description:\s*(.+)$", config, re.MULTILINE)
    assert descriptions == [
        "Decidim サービスの ISO/IEC 27017 に基づくセキュリティ要求事項への取り組み",
        "The Decidim service's approach to security requirements based on ISO/IEC 27017",
    ]
    assert [claims.find(text, language) for text, language in zip(descriptions, ("ja", "en"))] == [[], []]


@pytest.mark.parametrize(
    ("language", "subtitle"),
    [("ja", "Decidim サービスの ISO/IEC27017 に基づくセキュリティ要求事項への取り組み"), ("en", "The Decidim service's approach to security requirements based on ISO/IEC 27017")],
)
def test_the_print_cover_carries_the_papers_title(built_site: Path, language: str, subtitle: str) -> None:
    assert subtitle in [b.text for b in read(built_pages(built_site, language)["print.md"]).blocks if b.section == "cover"]


def _source_text() -> str:
    return _squash(errata.apply(SOURCE.read_text(encoding="utf-8"), errata.load().rows))


@pytest.mark.parametrize("row", claims.load()[0], ids=lambda row: f"{row.language}:{row.page}#{row.anchor}:{row.line}")
def test_each_allowed_claim_is_the_sources_own_words_at_that_place(built_site: Path, row: claims.Allowed) -> None:
    assert _squash(row.source) in _source_text()
    assert claims.find(row.source, "ja"), "the source sentence makes no claim: the row allows nothing"
    japanese = "".join(b.text for b in read(built_pages(built_site, "ja")[row.page]).blocks if b.section == row.anchor)
    assert _squash(row.source) in _squash(japanese), "the source says this in another section"
    assert claims.find(row.sentence, row.language), "the sentence makes no claim: the row allows nothing"
    assert re.search(r"[。.]$", row.sentence), "a row pins a whole sentence, up to its full stop"
    here = [" ".join(b.text.split()) for b in read(built_pages(built_site, row.language)[row.page]).blocks if b.section == row.anchor]
    assert any(row.sentence in text for text in here), "the section no longer shows this sentence: update or remove the row"


# --- key facts ----------------------------------------------------------------------------------

KEY_FACTS = {
    "ja": {
        "organization.md#geographic-location": ["日本国内", "日本国以外のリージョン", "事前に通知"],
        "application-security.md#encryption": ["Decidim とユーザー様との間の通信", "SSL/TLS"],
        "operations.md#backup": ["日次", "3 世代", "復元", "対応していません", "ユーザー様の責任", "organization.md#shared-responsibility"],
        "operations.md#incident-response": ["大きな影響を及ぼす可能性のある", "72 時間以内", "目標"],
        "operations.md#network-segregation": ["他のユーザー", "ネットワークを分離"],
        "organization.md#performance-evaluation": ["内部監査", "最低でも年 1 回"],
        "operations.md#data-after-termination": ["個別の契約で定める場合を除き", "年 1 回 3 月末", "ログデータ", "対象外"],
        "operations.md#clock-synchronisation": ["日本標準時", "UTC+9"],
        "compliance.md#applicable-legislation": ["利用契約", "準拠法", "日本法"],
    },
    "en": {
        "organization.md#geographic-location": ["stored in Japan", "outside Japan", "notified in advance"],
        "application-security.md#encryption": ["between Decidim and customers", "SSL/TLS"],
        "operations.md#backup": ["daily", "three generations", "restore", "not accepted", "the customer's responsibility", "organization.md#shared-responsibility"],
        "operations.md#incident-response": ["could have a significant impact on customers", "72 hours", "target"],
        "operations.md#network-segregation": ["segregated", "other customers"],
        "organization.md#performance-evaluation": ["Internal audit", "at least once a year"],
        "operations.md#data-after-termination": ["unless an individual contract", "once a year at the end of March", "Log data common to the service", "not erased"],
        "operations.md#clock-synchronisation": ["Japan Standard Time", "UTC+9"],
        "compliance.md#applicable-legislation": ["service agreement", "governed by the laws of Japan"],
    },
}
"""Each key fact of the home page (by the section it links to) and the words that carry its limits, per language."""

KEY_FACT = re.compile(r"^- (?P<text>\[.*)$", re.MULTILINE)
LINK = re.compile(r"\]\((?P<target>[^)]+)\)")


@pytest.mark.parametrize("language", ["ja", "en"])
def test_each_key_fact_keeps_its_link_and_the_limits_its_section_states(language: str) -> None:
    home = docs_pages()[language]["index.md"]
    section = home[home.index("{#key-facts}") : home.index("{#ways-in}")]
    facts = {}
    for match in KEY_FACT.finditer(section):
        targets = LINK.findall(match.group("text"))
        facts[targets[0]] = (match.group("text"), targets)
    assert facts.keys() == KEY_FACTS[language].keys(), "a key fact was added or removed: give it its limits in KEY_FACTS"
    for target, required in KEY_FACTS[language].items():
        text, targets = facts[target]
        plain = LINK.sub("]", text)
        missing = [words for words in required if words not in plain and words not in targets]
        assert missing == [], f"{target}: {text}"


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_key_facts_are_links_on_the_built_home_page(built_site: Path, language: str) -> None:
    page = built_pages(built_site, language)["index.md"].read_text(encoding="utf-8")
    facts = page[page.index('id="key-facts"') : page.index('id="ways-in"')]
    for target in KEY_FACTS[language]:
        name, anchor = target.split("#")
        assert f'href="{name[:-3]}/#{anchor}"' in facts, target


AUDIENCE = {
    "ja": ("Decidim の導入を検討中の方、及び Decidim を利用中の方に向けた資料です（", "introduction.md#audience"),
    "en": ("It is written for those considering adopting Decidim and for those currently using it (", "introduction.md#audience"),
}
"""The home page's audience sentence: what §1.2 says, no more, and a link to it."""


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_home_page_names_the_audience_section_1_2_names(language: str) -> None:
    words, target = AUDIENCE[language]
    paragraphs = [p for p in docs_pages()[language]["index.md"].split("\n\n") if f"]({target})" in p]
    assert len(paragraphs) == 1 and paragraphs[0].startswith(words)


# --- web-edition additions ------------------------------------------------------------------------


def additions_on(site: Path, language: str) -> set[tuple[str, str]]:
    """The (page, section) of every web-edition block on the built pages, the revision history and print edition aside."""
    found = set()
    for page, path in built_pages(site, language).items():
        if page not in ("history.md", "print.md"):
            found |= {(page, block.section) for block in read(path).blocks if block.web_edition}
    return found


def _listed(html: str, start: str, end: str = "<h2") -> str:
    begin = html.index(start)
    return html[begin : html.find(end, begin + len(start))]


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_addition_is_listed_in_the_revision_history_with_a_link_to_its_section(built_site: Path, language: str) -> None:
    found = additions_on(built_site, language)
    assert {("introduction.md", "purpose"), ("introduction.md", "control-references"), ("organization.md", "shared-responsibility")} <= found
    assert found == additions_on(built_site, "en" if language == "ja" else "ja"), "each addition is in both languages"
    history = _listed(built_pages(built_site, language)["history.md"].read_text(encoding="utf-8"), 'id="web-edition-additions"')
    listed = set(re.findall(r'<ul class="web-edition-additions">.*?</ul>', history))
    assert len(listed) == 1
    links = set(re.findall(r'<a href="\.\./([^/"]+)/#([^"]+)">', listed.pop()))
    assert links == {(page[:-3], anchor) for page, anchor in found}
    printed = _listed(built_pages(built_site, language)["print.md"].read_text(encoding="utf-8"), 'id="history--web-edition-additions"')
    assert set(re.findall(r'<a href="#([^"]+)--([^"]+)">', printed)) == {(page[:-3], anchor) for page, anchor in found}


@pytest.mark.parametrize(("language", "title"), [("ja", "ウェブ版での補足"), ("en", "Added in the web edition")])
def test_additions_carry_the_title_of_their_language_and_are_explained_in_the_history(built_site: Path, language: str, title: str) -> None:
    introduction = built_pages(built_site, language)["introduction.md"].read_text(encoding="utf-8")
    assert introduction.count(f'<div class="admonition web-edition">\n<p class="admonition-title">{title}</p>') == 2
    history = built_pages(built_site, language)["history.md"].read_text(encoding="utf-8")
    assert f'<p class="admonition-title">{title}</p>' in _listed(history, 'id="web-edition-additions"')
    assert 'href="history/#web-edition-additions"' in built_pages(built_site, language)["index.md"].read_text(encoding="utf-8")


def test_the_shared_responsibility_table_is_the_web_editions_summary_not_the_papers_figure(built_site: Path) -> None:
    for language, caption in (("ja", "表：責任の分担（ウェブ版での要約）"), ("en", "Table: who is responsible for what (web edition summary)")):
        blocks = [b for b in read(built_pages(built_site, language)["organization.md"]).blocks if b.section == "shared-responsibility"]
        assert [b.web_edition for b in blocks if b.text == caption] == [True]
        assert all(b.web_edition for b in blocks if b.tag in ("td", "th"))
        assert not any("図 2.4" in b.text or "Figure 2.4" in b.text for b in blocks)


# --- headings and glossary ------------------------------------------------------------------------


def test_english_headings_follow_the_catalogue() -> None:
    assert [str(problem) for problem in headings.check(docs_pages(), catalogue.load(), "docs/")] == []


@pytest.mark.parametrize(
    ("page", "heading"),
    [("application-security", "4.1. Labelling of information"), ("operations", "5.5. Clock synchronisation"), ("operations", "5.13. Secure disposal or reuse of equipment")],
)
def test_headings_that_the_paper_takes_from_jis_are_isos_titles_on_the_site(built_site: Path, page: str, heading: str) -> None:
    assert heading in [b.text.split(" [")[0] for b in read(built_site / "en" / page / "index.html").blocks if b.tag == "h2"]


def test_no_english_sentence_names_code_for_japan_and_says_we(built_site: Path) -> None:
    """当社 is "Code for Japan" or "we", never both in one sentence ("Code for Japan applies to … our organization")."""
    mixed = []
    for page, path in built_pages(built_site, "en").items():
        for block in read(path).blocks:
            for sentence in re.split(r"(?<=[.!?])\s+", block.text):
                if "Code for Japan" in sentence and re.search(r"\b(?:we|our|ours|us)\b", sentence, re.IGNORECASE):
                    mixed.append(f"{page} #{block.section}: {sentence}")
    assert mixed == []


def test_the_glossary_loads_whole_and_names_the_issues_terms() -> None:
    terms, problems = glossary.load()
    assert problems == ()
    by_japanese = {variant: term.en for term in terms for variant in term.ja}
    assert all(by_japanese[variant] == ("customer*",) for variant in ("ユーザー様", "ユーザ様", "利用者様"))
    assert by_japanese["利用者"] == ("user*",)


def test_both_editions_use_one_english_term_for_each_japanese_term() -> None:
    terms, _ = glossary.load()
    assert [str(problem) for problem in glossary.check(docs_pages(), terms, "docs/")] == []
