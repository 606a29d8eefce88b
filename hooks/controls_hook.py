"""MkDocs hook: the control index of the white paper (a thin adapter over ``isocontrols``).

It translates MkDocs events into calls of the plain modules and is the only place that
logs. With mkdocs-static-i18n the whole build runs once per language (Japanese first,
then English from inside the first build's ``on_post_build``), and MkDocs keeps this
module loaded between builds, so the state lives in one ``BuildState`` created anew in
each build's ``on_files``.

- ``on_config``: read the catalogue and errata afresh (``mkdocs serve`` rebuilds in one process).
- ``on_files``: read every page of both languages, build the index, report problems.
- ``on_nav``: remember the page order, which the print edition follows.
- ``on_page_markdown``: link the page's citations and fill its generated parts (control
  index, errata, 2022 crosswalk, coverage grid, print edition); date the page from Git.
- ``on_page_content``: put back the generated HTML blocks kept out of the Markdown; cut
  the page into search entries.
- ``on_page_context``: make the language switcher's links relative to the site; tell the
  search panel where to lead when the paper has no answer.
- ``on_post_build``: write the language's search index, with its customers' words checked
  against the paper; ``controls.json`` and ``controls.csv`` at the site root (default-language build).

Search: with ``extra.per_language_search`` (``mkdocs.yml``), the hook writes one index
per language and asks Material's search plugin to index no page, so that Material's
merged ``search_index.json``, which the search worker never reads, stays empty (and
mkdocs-static-i18n has nothing to merge). Without it, Material's own search is left as it is.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from isocontrols import (
    alternates,
    catalogue,
    citations,
    crosswalk,
    errata,
    export_csv,
    exports,
    generate,
    index,
    print_edition,
    rendering,
    revision_dates,
    urls,
    validation,
)
from isocontrols.search import no_answer, vocabulary
from isocontrols.search import sections as search_sections
from isocontrols.search import site as search_site
from isocontrols.search.index import plain_text

log = get_plugin_logger("isocontrols")


@dataclass
class BuildState:
    """What one language's build knows once every page of both languages has been read."""

    language: str
    base_path: str
    """The path part of ``site_url`` (``/decidim-security/``), which absolute paths start with."""
    corpus: index.Corpus
    entries: dict[str, index.Entry]
    nav_order: tuple[str, ...] = ()
    """This language's pages in navigation order (``operations.md``), for the print edition."""
    revisions: dict[str, date] = field(default_factory=dict)
    """When each source file last changed in Git, by ``src_uri``, asked once per build."""
    deferred: dict[str, generate.Deferred] = field(default_factory=dict)
    """Generated HTML blocks held out of each page's Markdown, by ``src_uri``, until its HTML exists."""
    per_language_search: bool = False
    """Whether the hook indexes the pages for search instead of Material (``extra.per_language_search``)."""
    unsearched: set[str] = field(default_factory=set)
    """Pages whose writer left them out of search (``search: exclude: true``), by ``src_uri``."""
    ways_on: no_answer.WaysOn | None = None
    """Where search leads when the paper has no answer, for this language's pages."""


_state: BuildState | None = None

_search_entries: dict[str, list[search_sections.SearchEntry]] = {}
"""Each page's search entries, by ``src_uri``. Kept across builds: ``mkdocs serve --dirty`` renders only what changed."""


def _language_and_page(src_uri: str) -> tuple[str, str] | None:
    """``ja/operations.md`` → (``ja``, ``operations.md``); ``None`` outside the language folders."""
    language, _, page = src_uri.partition("/")
    if language in catalogue.LANGUAGES and page.endswith(".md"):
        return language, page
    return None


def _read_corpus(files: Files) -> index.Corpus:
    """Every page of both languages scanned, by language and page, in the files' (and so the build's) order."""
    corpus: index.Corpus = {language: {} for language in catalogue.LANGUAGES}
    for file in files.documentation_pages():
        located = _language_and_page(file.src_uri)
        if located:
            corpus[located[0]][located[1]] = citations.scan(file.content_string)
    return corpus


@dataclass(frozen=True)
class _Analysis:
    """The problems and the index of one corpus, which both language builds share."""

    docs_prefix: str
    catalogue: catalogue.Catalogue
    corpus: index.Corpus
    problems: list[validation.Problem]
    entries: dict[str, index.Entry]

    def is_for(self, corpus: index.Corpus, docs_prefix: str, data: catalogue.Catalogue) -> bool:
        """Whether it was made from the same pages, folder and catalogue (compared by content).

        Cheap when nothing changed: scans are cached by text, so the second build's scans
        are the first's objects, and equality tests identity first.
        """
        return (self.docs_prefix, self.catalogue, self.corpus) == (docs_prefix, data, corpus)


_analysis: _Analysis | None = None
"""The last corpus's analysis: the second language build reads the same files and reuses it."""


def _analyse(corpus: index.Corpus, docs_prefix: str) -> tuple[list[validation.Problem], dict[str, index.Entry]]:
    """Check and index the corpus, unless the previous build already did so for the same files."""
    global _analysis
    data = catalogue.load()
    if _analysis is None or not _analysis.is_for(corpus, docs_prefix, data):
        problems = validation.check(corpus, data, docs_prefix)
        _analysis = _Analysis(docs_prefix, data, corpus, problems, index.build(corpus, data))
    return _analysis.problems, _analysis.entries


def _docs_prefix(config: MkDocsConfig) -> str:
    """How writers see the docs folder in messages: ``docs/``."""
    root = os.path.dirname(config.config_file_path or "") or os.getcwd()
    return os.path.relpath(config.docs_dir, root).replace(os.sep, "/") + "/"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Read the data files afresh: ``mkdocs serve`` keeps this package loaded across rebuilds."""
    for cached in (catalogue.load, errata.load, crosswalk.load_themes):
        cached.cache_clear()
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Read both editions, index them, and report what a writer must fix."""
    global _state
    language = config.theme["language"]
    corpus = _read_corpus(files)
    docs_prefix = _docs_prefix(config)
    problems, entries = _analyse(corpus, docs_prefix)
    # Both language builds see every file: report each problem once, in the build of its file's language.
    for problem in problems:
        if problem.file.startswith(f"{docs_prefix}{language}/"):
            log.warning(str(problem))
    _state = BuildState(
        language=language,
        base_path=urlsplit(config.site_url or "/").path or "/",
        corpus=corpus,
        entries=entries,
        revisions=revision_dates.last_changed_in(Path(config.docs_dir)),
        per_language_search=bool(config.extra.get("per_language_search")),
    )
    _state.ways_on = _ways_on(config, corpus[language], language, docs_prefix)
    return files


def _ways_on(config: MkDocsConfig, pages: Collection[str], language: str, docs_prefix: str) -> no_answer.WaysOn:
    """The search panel's ways on when the paper has no answer; what is wrong with its pages reported."""
    reference, problems = no_answer.reference_pages(config.extra.get("search_reference_pages"))
    if language != catalogue.LANGUAGES[0]:
        problems = []  # about mkdocs.yml itself: reported once
    for problem in problems + no_answer.check(pages, reference, language, docs_prefix):
        log.warning(str(problem))
    return no_answer.ways_on(pages, reference, language)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Link citations, then write the generated index or errata where the page asks for them."""
    located = _language_and_page(page.file.src_uri)
    if _state is None or located is None:
        return markdown
    language, path = located
    if _state.per_language_search:
        _leave_out_of_materials_index(page)
    deferred = _state.deferred[page.file.src_uri] = generate.Deferred()
    markdown = generate.page_markdown(markdown, language, _state.entries, catalogue.load(), urls.linker_from(path), deferred)
    if print_edition.PRINT_MARKER in markdown:
        markdown = _fill_print_edition(markdown, page, config, files, language, deferred)
    _date_page(page, [page.file], language)
    return markdown


def _leave_out_of_materials_index(page: Page) -> None:
    """Ask Material's search plugin to skip the page (the hook indexes it), remembering the writer's own choice."""
    assert _state is not None
    search = page.meta.get("search") or {}
    if search.get("exclude"):
        _state.unsearched.add(page.file.src_uri)
    page.meta["search"] = {**search, "exclude": True}


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Remember this language's page order: the print edition follows it."""
    if _state is not None:
        located = (_language_and_page(page.file.src_uri) for page in nav.pages)
        _state.nav_order = tuple(item[1] for item in located if item and item[0] == _state.language)
    return nav


def _fill_print_edition(
    markdown: str, page: Page, config: MkDocsConfig, files: Files, language: str, deferred: generate.Deferred
) -> str:
    """Put every chapter and appendix, each generated as on its own page, where the print page asks."""
    assert _state is not None
    parts = print_edition.contents(_state.nav_order, _state.corpus[language], language)
    included = {part.page for part in parts}
    print_page = page.file.src_uri.partition("/")[2]
    bodies, sources = [], [page.file]
    for part in parts:
        file = files.get_file_from_path(f"{language}/{part.page}")
        if file is None or file.page is None:
            continue
        source, _ = get_data(file.content_string)
        link = print_edition.linker(part.page, included, print_page)
        generated = generate.page_markdown(source, language, _state.entries, catalogue.load(), link, deferred)
        bodies.append(print_edition.as_part(generated, part, included, print_page))
        sources.append(file)
    _date_page(page, sources, language)
    note = print_edition.edition_note(_home_url(config, language), page.meta.get("last_changed_text"), language)
    markdown = rendering.replace_marker(markdown, print_edition.NOTE_MARKER, note)
    return rendering.replace_marker(markdown, print_edition.PRINT_MARKER, print_edition.assemble(parts, bodies, language))


def _home_url(config: MkDocsConfig, language: str) -> str:
    """The absolute address of ``language``'s home page."""
    site_url = config.site_url or ""
    return site_url if language == catalogue.LANGUAGES[0] else f"{site_url.rstrip('/')}/{language}/"


def _date_page(page: Page, sources: list[File], language: str) -> None:
    """Tell the page (template and sitemap) when the newest of its sources last changed in Git."""
    assert _state is not None
    if "last_changed" in page.meta:  # already dated: the print page, from all its parts
        return
    days = [day for file in sources if (day := _state.revisions.get(file.src_uri))]
    if days:
        newest = max(days)
        page.meta["last_changed"] = page.update_date = newest.isoformat()
        page.meta["last_changed_text"] = revision_dates.format_date(newest, language)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put the generated HTML blocks held out of the Markdown back into the page; cut it into search entries."""
    if _state is None:
        return html
    src_uri = page.file.src_uri
    deferred = _state.deferred.pop(src_uri, None)
    if deferred:
        html = deferred.restore(html)
        _unmark_titles(page)
    if _state.per_language_search and src_uri not in _state.unsearched:
        _search_entries[src_uri] = search_sections.entries(html, page.url, str(page.meta.get("title", page.title)))
    else:
        _search_entries.pop(src_uri, None)
    return html


def _unmark_titles(page: Page) -> None:
    """Take the marks of held citation links out of the titles MkDocs copied from the headings."""
    items = list(page.toc)
    while items:
        item = items.pop()
        item.title = generate.plain(item.title)
        items.extend(item.children)
    if page.title and generate.plain(page.title) != page.title:
        page.title = generate.plain(page.title)


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Make the language switcher's links relative, so they work wherever the site is served."""
    if _state is None:
        return context
    # The templates read ``config.extra.alternate`` as an attribute first, which is where static-i18n puts it.
    switcher = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    for alternate in switcher:
        alternate["link"] = alternates.site_relative(alternate["link"], _state.base_path)
    context["isosearch_ways_on"] = _state.ways_on
    return context


def on_post_build(config: MkDocsConfig) -> None:
    """Write this language's search index, then the exports once, at the site root (default language)."""
    if _state is None:
        return
    if _state.per_language_search:
        _write_search_index(config)
    if _state.language != catalogue.LANGUAGES[0]:
        return
    document = exports.controls_document(_state.entries, config.site_url or "", _state.base_path)
    Path(config.site_dir, "controls.json").write_text(exports.controls_json(document), encoding="utf-8")
    table = export_csv.controls_csv(document, catalogue.load())
    Path(config.site_dir, "controls.csv").write_text(table, encoding=export_csv.ENCODING, newline="")


def _write_search_index(config: MkDocsConfig) -> None:
    """This language's prebuilt index; 2022 numbers (8.13) find the sections their 2013 controls answer."""
    assert _state is not None
    if not any(name.endswith("search") for name in config.plugins):
        log.warning("no search box: Material's search plugin is off; add `- search` under plugins")
        return
    ids_2022 = crosswalk.ids_2022_by_section(_state.entries, _state.language)
    extra = search_site.section_locations(ids_2022, _state.language)
    pages = _state.corpus[_state.language]  # in build order
    entries = [entry for page in pages for entry in _search_entries.get(f"{_state.language}/{page}", ())]
    rows = _vocabulary(config, entries)
    assert _state.ways_on is not None
    reference = _state.ways_on.reference
    search_site.write_index(Path(config.site_dir), _state.language, entries, extra, vocabulary.for_index(rows), reference)


def _vocabulary(config: MkDocsConfig, entries: list[search_sections.SearchEntry]) -> list[vocabulary.Row]:
    """This language's customer words, checked against the text of the paper's sections; problems reported."""
    assert _state is not None and _state.ways_on is not None
    name, problems = vocabulary.file_for(config.extra.get("search_vocabulary"), _state.language)
    rows: list[vocabulary.Row] = []
    if name:
        root = Path(config.config_file_path or "").parent
        rows, problems = vocabulary.load(root / name, shown_as=name)
        paper = [entry for entry in entries if no_answer.of_the_paper(entry["location"], _state.ways_on)]
        texts = [plain_text(part) for entry in paper for part in (entry["title"], entry["text"])]
        problems += vocabulary.check(rows, texts, _state.language, name)
    for problem in problems:
        log.warning(str(problem))
    return rows
