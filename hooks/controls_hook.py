"""MkDocs hook: the control index of the white paper (a thin adapter over ``isocontrols``).

It translates MkDocs events into calls of the plain modules and is the only place that
logs. With mkdocs-static-i18n the whole build runs once per language (Japanese first,
then English from inside the first build's ``on_post_build``), and MkDocs keeps this
module loaded between builds, so the state lives in one ``BuildState`` created anew in
each build's ``on_files``.

- ``on_config``: read the data files afresh (``mkdocs serve`` rebuilds in one process);
  refuse a ``site_url`` that is not an absolute http(s) address.
- ``on_files``: read every page of both languages (front matter left out, as MkDocs does),
  build the index, report what a writer must fix.
- ``on_nav``: remember the page order, which the print edition follows.
- ``on_page_markdown``: link the page's citations and fill its generated parts (control
  index, errata, 2022 crosswalk, coverage grid, print edition); date the page from Git.
- ``on_page_content``: put back the generated HTML blocks kept out of the Markdown; check
  the rendered page against what the index says it holds; cut it into search entries.
- ``on_page_context``: make the language switcher's links relative to the site; tell the
  search panel where to lead when the paper has no answer.
- ``on_post_build``: write the language's search index (its customers' words checked
  against the paper), its answers data
  (``answers/data.<lang>.json``), its ``llms.txt`` and
  ``llms-full.txt`` and, with ``extra.pdf_editions``, its PDF edition (``whitepaper.pdf``,
  from the print page's HTML); ``controls.json`` and ``controls.csv`` at the site root
  (default-language build).

Translations (``isocontrols.translations``): ``on_files`` compares every Japanese section with
the record ``docs/translations.csv`` (and keeps the record out of the published files); the
English build names each section possibly out of date, at INFO (the original must publish at
once, ``--strict`` included); ``on_page_markdown`` puts a notice under such a section's English
heading, on its page and in the print edition.

Problems: ``_report`` is the one way the hook reports one, a warning (so ``--strict`` fails).
Under ``mkdocs serve`` (``on_startup``, ``on_serve``) a board collects that warning and every
other one MkDocs logs, and when the whole build is over (both languages) each page shows its
problems at its top and a banner names the others (``isocontrols.preview``); ``./run serve``
serves with ``--no-strict`` so that a problem never stops the preview. ``mkdocs build`` never
marks a page: only ``on_serve`` does.
- Site security (``isocontrols.site_security``, issue 13): every page's Content-Security-Policy
  and Referrer-Policy ``<meta>`` (``on_post_page``, ``on_post_template``), ``_headers`` and
  ``/.well-known/security.txt`` (``on_post_build``).

Search: with ``extra.per_language_search`` (``mkdocs.yml``), the hook writes one index
per language and asks Material's search plugin to index no page, so that Material's
merged ``search_index.json``, which the search worker never reads, stays empty (and
mkdocs-static-i18n has nothing to merge). Without it, Material's own search is left as it is.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_datetime

from isocontrols import (
    alternates,
    analysis,
    catalogue,
    citations,
    crosswalk,
    errata,
    escaping,
    export_csv,
    exports,
    frontmatter,
    generate,
    index,
    llms,
    page_checks,
    preview,
    print_edition,
    rendering,
    revision_dates,
    urls,
    validation,
)
from isocontrols.answers import data as answers_data
from isocontrols.answers import section_text
from isocontrols.pdf import edition as pdf_edition
from isocontrols.pdf import writer as pdf_writer
from isocontrols.problems import Problem
from isocontrols.translations import notices as translation_notices
from isocontrols.translations import record as translation_record
from isocontrols.translations import status as translation_status
from isocontrols.site_security import headers_file, page_policy, policy, security_txt
from isocontrols.search import no_answer, vocabulary
from isocontrols.search import sections as search_sections
from isocontrols.search import site as search_site
from isocontrols.search.index import plain_text

log = get_plugin_logger("isocontrols")


@dataclass
class BuildState:
    """What one language's build knows once every page of both languages has been read."""

    language: str
    docs_prefix: str
    """How writers see the docs folder in messages: ``docs/``."""
    base_path: str
    """The path part of ``site_url`` (``/decidim-security/``), which absolute paths start with."""
    corpus: index.Corpus
    entries: dict[str, index.Entry]
    linked: dict[str, dict[str, str]] = field(default_factory=dict)
    """This language's pages → the anchors the site links to on them (checked once each page is rendered)."""
    nav_order: tuple[str, ...] = ()
    """This language's pages in navigation order (``operations.md``), for the print edition."""
    revisions: dict[str, date] = field(default_factory=dict)
    """When each source file last changed in Git, by ``src_uri``, asked once per build."""
    deferred: dict[str, generate.Deferred] = field(default_factory=dict)
    """Generated HTML blocks held out of each page's Markdown, by ``src_uri``, until its HTML exists."""
    analysis: analysis.Analysis | None = None
    """What both editions hold (shared with the other language's build): the lists the hook fills come from it."""
    per_language_search: bool = False
    """Whether the hook indexes the pages for search instead of Material (``extra.per_language_search``)."""
    unsearched: set[str] = field(default_factory=set)
    """Pages whose writer left them out of search (``search: exclude: true``), by ``src_uri``."""
    pdf_editions: bool = False
    """Whether this build writes the language's PDF edition (``extra.pdf_editions``; off in ``./run serve``)."""
    print_page: Page | None = None
    """This language's print page (the one holding the print edition's marker)."""
    print_html: str = ""
    """The print page's content HTML, which the PDF edition is made from."""
    files: Files | None = None
    """The build's files, whose Markdown ``llms-full.txt`` is written from."""
    translation: translation_status.Status | None = None
    """Every Japanese section against the translation record."""
    ways_on: no_answer.WaysOn | None = None
    """Where search leads when the paper has no answer, for this language's pages."""


_state: BuildState | None = None

_search_entries: dict[str, list[search_sections.SearchEntry]] = {}
"""Each page's search entries, by ``src_uri``. Kept across builds: ``mkdocs serve --dirty`` renders only what changed."""

_section_texts: dict[str, dict[str | None, str]] = {}
"""The plain text of each section of each page that cites a control, by ``src_uri`` (for the answers data); kept as above."""


def _language_and_page(src_uri: str) -> tuple[str, str] | None:
    """``ja/operations.md`` → (``ja``, ``operations.md``); ``None`` outside the language folders."""
    language, _, page = src_uri.partition("/")
    if language in catalogue.LANGUAGES and page.endswith(".md"):
        return language, page
    return None


def _read_corpus(files: Files, docs_prefix: str) -> tuple[index.Corpus, list[Problem]]:
    """Every page of both languages scanned (without its front matter), by language and page, in the files'
    (and so the build's) order; and the problems of how the files stand (``validation.check_file``)."""
    corpus: index.Corpus = {language: {} for language in catalogue.LANGUAGES}
    problems = []
    for file in files.documentation_pages():
        located = _language_and_page(file.src_uri)
        page = frontmatter.split(file.content_string)
        problems += validation.check_file(f"{docs_prefix}{file.src_uri}", located is not None, page, docs_prefix)
        if located:
            corpus[located[0]][located[1]] = citations.scan(page.body, page.first_line)
    return corpus, problems


_analysis: analysis.Analysis | None = None
"""The last corpus's analysis: the second language build reads the same files and reuses it."""


def _analyse(corpus: index.Corpus, docs_prefix: str) -> analysis.Analysis:
    """Check and index the corpus and the data files, unless the previous build already did so for the same files."""
    global _analysis
    data, corrections = catalogue.load(), analysis.published(corpus, errata.load())
    if _analysis is None or not _analysis.is_for(corpus, docs_prefix, data, corrections):
        _analysis = analysis.analyse(corpus, docs_prefix, data, corrections, generate.MARKERS)
    return _analysis


def _docs_prefix(config: MkDocsConfig) -> str:
    """How writers see the docs folder in messages: ``docs/``."""
    root = os.path.dirname(config.config_file_path or "") or os.getcwd()
    return os.path.relpath(config.docs_dir, root).replace(os.sep, "/") + "/"


def _report(problems: Iterable[Problem]) -> None:
    """Tell the writer, the one way the hook does: each problem is a warning, so that ``mkdocs build --strict``
    fails; under ``mkdocs serve`` the board also shows it on the pages, reading it off the warning."""
    for problem in problems:
        log.warning(str(problem), extra={"problem": problem})


def _belongs_to_this_build(problem: Problem, docs_prefix: str, language: str) -> bool:
    """Both language builds see every file: a page's problem is reported in its language's build, others in the first."""
    folder = next((lang for lang in catalogue.LANGUAGES if problem.file.startswith(f"{docs_prefix}{lang}/")), None)
    return folder == language or (folder is None and language == catalogue.LANGUAGES[0])


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Read the data files afresh (``mkdocs serve`` keeps this package loaded across rebuilds); check ``site_url``."""
    for cached in (catalogue.load, errata.load):
        cached.cache_clear()
    refusal = urls.site_url_problem(config.site_url)
    if refusal:
        raise PluginError(f"isocontrols: {refusal}")
    _configure_preview(config)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Read both editions, index them, and report what a writer must fix."""
    global _state
    language = config.theme["language"]
    docs_prefix = _docs_prefix(config)
    corpus, file_problems = _read_corpus(files, docs_prefix)
    analysed = _analyse(corpus, docs_prefix)
    entries = analysed.entries
    _report([problem for problem in [*file_problems, *analysed.problems] if _belongs_to_this_build(problem, docs_prefix, language)])
    _state = BuildState(
        language=language,
        docs_prefix=docs_prefix,
        base_path=urlsplit(config.site_url or "/").path or "/",
        corpus=corpus,
        entries=entries,
        analysis=analysed,
        linked=page_checks.linked_anchors(entries, analysed.corrections, language),
        revisions=revision_dates.last_changed_in(Path(config.docs_dir)),
        per_language_search=bool(config.extra.get("per_language_search")),
        pdf_editions=bool(config.extra.get("pdf_editions")),
        files=files,
        translation=_compare_translations(files, config, docs_prefix),
    )
    _state.ways_on = _ways_on(config, corpus[language], language, docs_prefix)
    return files


def _compare_translations(files: Files, config: MkDocsConfig, docs_prefix: str) -> translation_status.Status:
    """Every Japanese section against the record, which is taken out of the published files; report what it finds.

    A broken record row is reported in the Japanese build (an anchor used twice, which the
    comparison also finds, is reported by ``validation.check_anchors``);
    what is out of step is said once, at INFO, in the English build, whose pages carry the notices.
    """
    record_file = files.get_file_from_path(translation_record.RECORD_NAME)
    if record_file is not None:
        files.remove(record_file)
    shown = docs_prefix + translation_record.RECORD_NAME
    record = translation_record.load(Path(config.docs_dir, translation_record.RECORD_NAME), shown)
    original = translation_status.ORIGINAL
    pages = {}
    for file in files.documentation_pages():
        located = _language_and_page(file.src_uri)
        if located and located[0] == original:
            pages[located[1]] = file.content_string
    found = translation_status.compare(pages, record, f"{docs_prefix}{original}/")
    language = config.theme["language"]
    if language == original:
        _report(record.problems)  # the other problems of ``found`` (an anchor used twice) are validation's, reported already
    elif language == translation_status.TRANSLATION:
        for note in _translation_notes(found, shown, docs_prefix):
            log.info(note)
    return found


def _translation_notes(found: translation_status.Status, shown: str, docs_prefix: str) -> list[str]:
    """What the English build says: each section possibly out of date, each record of a vanished section, the new sections."""
    notes = [translation_status.out_of_date_note(section, docs_prefix) for section in found.out_of_date()]
    notes += [translation_status.vanished_note(vanished, shown, docs_prefix) for vanished in found.vanished]
    new_sections = translation_status.not_recorded_note(found, shown)
    return notes + [new_sections] if new_sections else notes


def _ways_on(config: MkDocsConfig, pages: Collection[str], language: str, docs_prefix: str) -> no_answer.WaysOn:
    """The search panel's ways on when the paper has no answer; what is wrong with its pages reported."""
    reference, problems = no_answer.reference_pages(config.extra.get("search_reference_pages"))
    if language != catalogue.LANGUAGES[0]:
        problems = []  # about mkdocs.yml itself: reported once
    _report([*problems, *no_answer.check(pages, reference, language, docs_prefix)])
    return no_answer.ways_on(pages, reference, language)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Link citations, then write the generated index or errata where the page asks for them."""
    located = _language_and_page(page.file.src_uri)
    if _state is None or located is None:
        return markdown
    language, path = located
    if _state.per_language_search:
        _leave_out_of_materials_index(page)
    if isinstance(page.meta.get("title"), str):
        # MkDocs and the theme write a page's title into HTML as it is (a title taken from a
        # heading is HTML already): the writer's front-matter title is text, so it is escaped once here.
        page.meta["title"] = escaping.html_text(page.meta["title"])
    deferred = _state.deferred[page.file.src_uri] = generate.Deferred()
    scanned = _state.corpus[language].get(path)  # absent for static-i18n's stand-in of a missing translation
    first_line = scanned.first_line if scanned else 1
    link = urls.linker_from(path)
    page_scan = citations.scan(markdown, first_line)
    filled = _generated_lists(link, page_scan)
    edits = _translation_notices(scanned, path, path, deferred)
    if page_scan.marker_lines(print_edition.PRINT_MARKER):
        filled.update(_print_edition(page, config, files, language, deferred))
        _state.print_page = page
    else:
        _date_page(page, [page.file], language)
    return generate.page_markdown(markdown, language, _state.entries, catalogue.load(), link, deferred, first_line, filled, edits)


def _generated_lists(link: urls.Linker, page_scan: citations.PageScan | None) -> dict[str, str]:
    """The errata table and the web-edition additions, for whichever marker line of the page asks for them."""
    assert _state is not None and _state.analysis is not None
    wanted = {marker.text for marker in page_scan.markers} if page_scan else set()
    return _state.analysis.generated_lists(_state.language, _state.nav_order, link, wanted)


def _translation_notices(scanned: citations.PageScan | None, page: str, shown_on: str, deferred: generate.Deferred) -> list[citations.Edit]:
    """Where an English page gets a notice under each section whose Japanese original changed (none elsewhere).

    ``page`` is the page the Markdown comes from; ``shown_on`` the page it is published on (the print edition's own).
    """
    assert _state is not None
    if _state.language != translation_status.TRANSLATION or _state.translation is None or scanned is None:
        return []
    return translation_notices.notice_edits(scanned, _state.translation.out_of_date(page), shown_on, deferred.hold)


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


def _print_edition(page: Page, config: MkDocsConfig, files: Files, language: str, deferred: generate.Deferred) -> dict[str, str]:
    """Every chapter and appendix, each generated as on its own page, and the cover's note: what the print page's markers receive."""
    assert _state is not None
    parts = print_edition.contents(_state.nav_order, _state.corpus[language], language)
    included = {part.page for part in parts}
    print_page = page.file.src_uri.partition("/")[2]
    bodies, sources = [], [page.file]
    for part in parts:
        file = files.get_file_from_path(f"{language}/{part.page}")
        if file is None or file.page is None:
            continue
        part_scan = _state.corpus[language][part.page]  # the parts are the corpus's pages, front matter left out
        link = print_edition.linker(part.page, included, print_page)
        notices = _translation_notices(part_scan, part.page, print_page, deferred)
        lists = _generated_lists(link, part_scan)
        generated = generate.page_markdown(
            part_scan.text, language, _state.entries, catalogue.load(), link, deferred, part_scan.first_line, lists, notices
        )
        bodies.append(print_edition.as_part(generated, part, included, print_page))
        sources.append(file)
    _date_page(page, sources, language)
    note = print_edition.edition_note(_home_url(config, language), page.meta.get("last_changed_text"), language)
    return {print_edition.NOTE_MARKER: note, print_edition.PRINT_MARKER: print_edition.assemble(parts, bodies, language)}


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
    """Put the generated HTML blocks held out of the Markdown back into the page; check it; cut it into search entries."""
    if _state is None:
        return html
    _note_output(page)
    src_uri = page.file.src_uri
    deferred = _state.deferred.pop(src_uri, None)
    if deferred:
        html = deferred.restore(html)
        _unmark_titles(page)
    located = _language_and_page(src_uri)
    if located and deferred is not None and located[1] in _state.corpus[_state.language]:
        _check_rendered(html, located[1], deferred)
    if _state.pdf_editions and page is _state.print_page:
        _state.print_html = html
    if _state.per_language_search and src_uri not in _state.unsearched:
        _search_entries[src_uri] = search_sections.entries(html, page.url, str(page.meta.get("title", page.title)))
    else:
        _search_entries.pop(src_uri, None)
    _keep_section_texts(src_uri, located, html)
    return html


def _check_rendered(html: str, path: str, deferred: generate.Deferred) -> None:
    """Report where the rendered page differs from what the index says it holds (see ``page_checks``)."""
    assert _state is not None
    where = f"{_state.docs_prefix}{_state.language}/{path}"
    scanned = _state.corpus[_state.language][path]
    whole = not scanned.marker_lines(print_edition.PRINT_MARKER)
    problems = page_checks.check_rendered(where, html, scanned, _state.linked.get(path, {}), whole)
    problems += [
        Problem(where, line, f"citation {text} is inside code or an HTML attribute on the built page, so it is not shown as a citation; move it out")
        for line, text in deferred.misplaced
    ]
    _report(problems)


def _keep_section_texts(src_uri: str, located: tuple[str, str] | None, html: str) -> None:
    """Keep the text of the sections of a page that cites controls: answers quote them whole."""
    assert _state is not None
    scan = _state.corpus[located[0]].get(located[1]) if located else None
    if scan is not None and scan.citations:
        _section_texts[src_uri] = section_text.section_texts(html, located[0])
    else:
        _section_texts.pop(src_uri, None)


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
    for alternate in _switcher(config):
        alternate["link"] = alternates.site_relative(alternate["link"], _state.base_path)
    context["isosearch_ways_on"] = _state.ways_on
    return context


def _switcher(config: MkDocsConfig) -> list[dict]:
    """The language switcher's entries (``link``, ``lang``, ``name``) as the templates will read them."""
    # The templates read ``config.extra.alternate`` as an attribute first, which is where static-i18n puts it.
    return getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []


NOT_FOUND_LINKS = {"home": "index.md", "answers": no_answer.ANSWERS_PAGE, "contact": no_answer.CONTACT_PAGE}
"""Where the 404 page leads, in each language, when the site has the page."""


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    """The 404 page belongs to no page: its switcher (and hreflang) lead to each language's home, not to
    the last page built; and it leads to each edition's home, answers and contact (``overrides/404.html``)."""
    if template_name == "404.html":
        for alternate in _switcher(config):
            if alternate.get("lang") in catalogue.LANGUAGES:
                alternate["link"] = urls.site_path("index.md", alternate["lang"])
        pages = _state.corpus if _state else {}
        context["not_found"] = [
            {"lang": language, **{key: urls.site_path(page, language) for key, page in NOT_FOUND_LINKS.items() if page in pages.get(language, {})}}
            for language in catalogue.LANGUAGES
        ]
    return context


def on_post_build(config: MkDocsConfig) -> None:
    """Write this language's search index, then the exports once, at the site root (default language)."""
    if _state is None:
        return
    _write_site_security(config)
    if _state.per_language_search:
        _write_search_index(config)
    if _state.pdf_editions:
        _write_pdf_edition(config)
    document = exports.controls_document(_state.entries, config.site_url or "", _state.base_path)
    _write_llms_txt(config, document)
    _write_answers_data(config)
    if _state.language != catalogue.LANGUAGES[0]:
        return
    Path(config.site_dir, "controls.json").write_text(exports.controls_json(document), encoding="utf-8")
    table = export_csv.controls_csv(document, catalogue.load())
    Path(config.site_dir, "controls.csv").write_text(table, encoding=export_csv.ENCODING, newline="")


def _write_search_index(config: MkDocsConfig) -> None:
    """This language's prebuilt index; 2022 numbers (8.13) find the sections their 2013 controls answer."""
    assert _state is not None
    if not any(name.endswith("search") for name in config.plugins):
        _report([Problem("mkdocs.yml", None, "no search box: Material's search plugin is off; add `- search` under plugins")])
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
    _report(problems)
    return rows


def _write_pdf_edition(config: MkDocsConfig) -> None:
    """This language's PDF edition, ``whitepaper.pdf`` beside its home page, from the print page's HTML."""
    assert _state is not None
    language, site_url = _state.language, config.site_url or ""
    shown_as = urls.site_path("index.md", language) + pdf_edition.PDF_NAME
    if _state.print_page is None or not _state.print_html:
        _report([Problem(shown_as, None, f"no PDF edition: no page of docs/{language}/ holds {print_edition.PRINT_MARKER}")])
        return
    page = _state.print_page
    edition = pdf_edition.Edition(
        language=language,
        title=config.site_name,
        description=config.site_description or "",
        page_url=urljoin(site_url, page.url),
        control_index_url=urljoin(site_url, urls.site_path(rendering.CONTROL_INDEX_PAGE, language)),
        modified=page.meta.get("last_changed"),
    )
    html = pdf_edition.document(_state.print_html, edition)
    base_url = str(Path(config.site_dir, page.file.dest_uri))
    _report(pdf_writer.write(html, Path(config.site_dir, shown_as), base_url, shown_as))


def _write_llms_txt(config: MkDocsConfig, document: dict[str, Any]) -> None:
    """This language's ``llms.txt`` and ``llms-full.txt``, beside its home page (``document``: the controls, as exported)."""
    assert _state is not None and _state.files is not None
    language = _state.language
    pages = {}
    for path in [*_state.nav_order, *_state.corpus[language]]:
        file = _state.files.get_file_from_path(f"{language}/{path}")
        if file is not None and path not in pages:
            split = frontmatter.split(file.content_string)
            markdown, meta = split.body, split.meta
            pages[path] = llms.Page(path, markdown, str(meta.get("description") or ""))
    site = llms.Site(
        language=language,
        title=config.site_name,
        site_url=config.site_url or "",
        pages=pages,
        nav_order=_state.nav_order,
        downloads=[pdf_edition.PDF_NAME] if _state.pdf_editions else [],
        outdated=_outdated_sections(),
        corrections=_state.analysis.corrections if _state.analysis else (),
    )
    # The summary is the home page's description, written for readers new to the paper.
    summary = (pages["index.md"].description if "index.md" in pages else "") or config.site_description or ""
    folder = Path(config.site_dir, urls.site_path("index.md", language))
    (folder / llms.LLMS_TXT).write_text(llms.llms_txt(site, summary), encoding="utf-8")
    (folder / llms.LLMS_FULL_TXT).write_text(llms.llms_full_txt(site, summary, document), encoding="utf-8")


# Under `mkdocs serve`: the build's problems on the pages (isocontrols.preview).


class _BoardHandler(logging.Handler):
    """Puts every warning (and error) MkDocs logs during a serve build on the board: the hook's own
    problems with their file and line, the others on the page they name."""

    def __init__(self, board: preview.Board) -> None:
        super().__init__(logging.WARNING)
        self.board = board

    def emit(self, record: logging.LogRecord) -> None:
        problem = getattr(record, "problem", None)
        if isinstance(problem, Problem):
            self.board.add(problem)
        else:
            self.board.add_logged(record.getMessage())


_board: preview.Board | None = None
"""The problems of the current serve build; ``None`` outside ``mkdocs serve``."""

_outputs: dict[Path, preview.PageOutput] = {}
"""Every page serve builds wrote, by its HTML file, with its source file (for the boxes). Kept when a
rebuild stops early: the pages it did not reach are the earlier build's, and still served."""


def on_startup(command: str, dirty: bool) -> None:
    """Under ``mkdocs serve``: collect the problems of the first build already, and let the pages
    run the live-reload script, which is inline and changes with every request (``policy.for_live_preview``)."""
    global _live_preview
    _live_preview = command == "serve"
    if _live_preview:
        _start_preview()


def _start_preview() -> preview.Board:
    """The board, listening to MkDocs' log from now on."""
    global _board
    if _board is None:
        _board = preview.Board()
        logging.getLogger("mkdocs").addHandler(_BoardHandler(_board))
    return _board


def _configure_preview(config: MkDocsConfig) -> None:
    """Tell the board, under serve, how writers see the docs folder (MkDocs' own warnings name files inside it)."""
    if _board is not None:
        _board.docs_prefix = _docs_prefix(config)


def _note_output(page: Page) -> None:
    """Remember, under serve, which source file a written page comes from."""
    if _board is not None:
        language = (_language_and_page(page.file.src_uri) or (catalogue.LANGUAGES[0], ""))[0]
        path = Path(os.path.normpath(page.file.abs_dest_path))
        _outputs[path] = preview.PageOutput(path, _board.docs_prefix + page.file.src_uri, language)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[[], None]) -> LiveReloadServer:
    """Mark the first build's pages; from now on, each rebuild starts with an empty board and marks its pages.

    A rebuild that fails (an error in ``mkdocs.yml``, say) is put on the board and the site
    served as it stands, rather than left to MkDocs, which would serve nothing until it passes.
    """
    board = _start_preview()
    root = Path(os.path.normpath(server.root))
    base_path = urlsplit(config.site_url or "/").path or "/"

    def mark_pages() -> None:
        preview.mark_site(root, _outputs.values(), board.problems, base_path, catalogue.LANGUAGES[0])

    def rebuild() -> None:
        board.clear()
        try:
            builder()
        except Exception as error:  # noqa: BLE001 - any failure is shown, and the preview goes on
            problem = Problem(preview.BUILD, None, f"the rebuild stopped: {error}")
            log.error(str(problem), extra={"problem": problem})
        mark_pages()

    mark_pages()
    server.builder = rebuild
    return server


def on_shutdown() -> None:
    """Stop listening to MkDocs' log."""
    global _board
    for handler in [h for h in logging.getLogger("mkdocs").handlers if isinstance(h, _BoardHandler)]:
        logging.getLogger("mkdocs").removeHandler(handler)
    _board = None


# --- Site security (issue 13): the policy in every page, _headers and security.txt ---------------

_live_preview = False
"""Whether ``mkdocs serve`` runs: its live-reload script is inline and changes with every request."""


def _with_policy(html: str, shown_as: str, source: str, config: MkDocsConfig, content: str = "", checked: bool = True) -> str:
    """The page with its policy ``<meta>`` elements; what the policy would block in it reported against ``shown_as``.

    ``content`` is the page's own HTML (what the writer wrote): its inline code is refused, never
    hashed. ``checked`` is false for the print edition, whose parts are checked on their own pages.
    """
    if checked:
        blocked = page_policy.blocked(html, urlsplit(config.site_url or "").netloc) + page_policy.writer_code(content)
        _report(Problem(shown_as, page_policy.source_line(source, item.needle), item.message) for item in blocked)
    inline = page_policy.without(page_policy.inline_sources(html), page_policy.inline_sources(content))
    secured = page_policy.with_policy(html, policy.for_live_preview(inline) if _live_preview else inline)
    if secured is None:
        _report([Problem(shown_as, None, "the page has no <head>, so it cannot carry its Content-Security-Policy")])
        return html
    return secured


@event_priority(-1000)  # after every other plugin: the hashes are those of the page as published
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Give the page its Content-Security-Policy and Referrer-Policy."""
    shown_as = f"{_docs_prefix(config)}{page.file.src_uri}"
    is_print = _state is not None and page is _state.print_page
    return _with_policy(output, shown_as, page.file.content_string, config, page.content or "", checked=not is_print)


_not_found_page: str | None = None
"""The default language's 404 page, which every language's build writes at the site's root."""


@event_priority(-1000)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Give the theme's own pages (``404.html``) the same policy; leave ``sitemap.xml`` alone.

    A host has one 404 page for the whole site, and each language's build writes it at the root
    (the last one built wins: mkdocs-static-i18n issue 284): the site keeps the default
    language's, Japanese like the rest of the root, bilingual in its text (``overrides/404.html``).
    """
    global _not_found_page
    if not template_name.endswith(".html"):
        return output_content
    output = _with_policy(output_content, template_name, "", config)
    if template_name == "404.html" and _state is not None:
        if _state.language == catalogue.LANGUAGES[0]:
            _not_found_page = output
        elif _not_found_page is not None:
            return _not_found_page
    return output


def _write_site_security(config: MkDocsConfig) -> None:
    """``_headers`` from every page built so far (whole after the last language's build); security.txt once."""
    assert _state is not None
    site = Path(config.site_dir)
    pages = (page_policy.inline_sources(path.read_text(encoding="utf-8")) for path in site.rglob("*.html"))
    text, problems = headers_file.headers_file(_state.base_path, pages)
    (site / headers_file.FILE_NAME).write_text(text, encoding="utf-8")
    if _state.language == catalogue.LANGUAGES[-1]:
        _report(problems)
    if _state.language == catalogue.LANGUAGES[0]:
        _write_security_txt(config)


def _write_security_txt(config: MkDocsConfig) -> None:
    """``/.well-known/security.txt`` from ``extra.security`` in ``mkdocs.yml`` (written directly: MkDocs skips dot folders)."""
    config_file = Path(config.config_file_path or "mkdocs.yml")
    config_text = config_file.read_text(encoding="utf-8") if config_file.is_file() else ""
    settings, problems = security_txt.settings(config.extra, config_file.name, config_text)
    _report(problems)
    if settings is None:
        return
    policies = [f"{_home_url(config, language)}contact/" for language in catalogue.LANGUAGES]
    text = security_txt.security_txt(settings, get_build_datetime().date(), config.site_url or "", catalogue.LANGUAGES, policies)
    path = Path(config.site_dir, security_txt.PATH)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _outdated_sections() -> frozenset[str]:
    """This language's sections (``operations.md#backup``) whose Japanese original changed since their translation."""
    assert _state is not None
    if _state.language != translation_status.TRANSLATION or _state.translation is None:
        return frozenset()
    return frozenset(section.name for section in _state.translation.out_of_date())


def _write_answers_data(config: MkDocsConfig) -> None:
    """This language's answers data: every control with the full text of the sections that answer it."""
    assert _state is not None
    language = _state.language
    texts = {page: _section_texts.get(f"{language}/{page}", {}) for page in _state.corpus[language]}
    document = answers_data.document(_state.entries, catalogue.load(), texts, language, config.site_url or "", _outdated_sections())
    answers_data.write(Path(config.site_dir), document)
