"""Each Japanese section against the record: states, vanished records, accepting, and what is said of them."""

from __future__ import annotations

import pytest

from isocontrols.problems import Problem
from isocontrols.translations.record import Record
from isocontrols.translations.sections import split
from isocontrols.translations.status import (
    State,
    UnknownSections,
    accept,
    compare,
    not_recorded_note,
    out_of_date_note,
    vanished_note,
)

OPERATIONS = "# 5. 運用\n\n## 5.3. バックアップ {#backup}\n\n日次で 3 世代分。\n\n## 5.4. ログ {#logging}\n\nログを取得。\n"
PAGES = {"operations.md": OPERATIONS, "index.md": "# ホーム\n\n本文。\n"}
FOLDER = "docs/ja/"
SHOWN = "docs/translations.csv"


def _record(pages: dict[str, str]) -> Record:
    """A record of every section of ``pages`` as they are, a line each after the header."""
    fingerprints = {s.name: s.fingerprint for page, text in pages.items() for s in split(page, text)}
    return Record(fingerprints, {name: line for line, name in enumerate(fingerprints, 2)}, (), exists=True)


def _states(pages: dict[str, str], record: Record) -> dict[str, str]:
    return {item.section.name: item.state.value for item in compare(pages, record, FOLDER).tracked}


def test_sections_of_a_recorded_site_are_current() -> None:
    status = compare(PAGES, _record(PAGES), FOLDER)
    assert status.in_step and not status.vanished and not status.problems
    assert [item.section.name for item in status.tracked] == ["index.md", "operations.md", "operations.md#backup", "operations.md#logging"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("3 世代", "7 世代", {"operations.md#backup": "possibly out of date"}),
        ("日次で 3 世代分。", "日次で\n3 世代分。", {}),
        ("# 5. 運用", "# 5. 運用管理", {"operations.md": "possibly out of date"}),
        ("ログを取得。\n", "ログを取得。\n\n## 5.5. 時刻 {#clock}\n\n同期。\n", {"operations.md#clock": "not yet recorded"}),
    ],
)
def test_an_edit_puts_exactly_its_section_out_of_step(old: str, new: str, expected: dict[str, str]) -> None:
    edited = {**PAGES, "operations.md": OPERATIONS.replace(old, new)}
    states = _states(edited, _record(PAGES))
    assert {name: state for name, state in states.items() if state != "current"} == expected


def test_without_a_record_every_section_is_not_yet_recorded() -> None:
    status = compare(PAGES, Record({}, {}, (), exists=False), FOLDER)
    assert set(_states(PAGES, Record({}, {}, (), exists=False)).values()) == {"not yet recorded"}
    assert not_recorded_note(status, SHOWN) == (
        "docs/translations.csv does not exist yet: 4 sections not yet recorded; "
        "once the English edition is in step, create it with ./run translations accept --all"
    )


@pytest.mark.parametrize(
    ("old", "new", "note"),
    [
        (
            "{#backup}",
            "{#backups}",
            "docs/translations.csv:3: operations.md#backup: no such section in docs/ja/operations.md any more (renamed, moved or deleted); "
            "the same Japanese text is now operations.md#backups, not yet recorded; "
            "this record applies to nothing and the next ./run translations accept removes it",
        ),
        (
            "## 5.3. バックアップ {#backup}\n\n日次で 3 世代分。\n\n",
            "",
            "docs/translations.csv:3: operations.md#backup: no such section in docs/ja/operations.md any more (renamed, moved or deleted); "
            "this record applies to nothing and the next ./run translations accept removes it",
        ),
    ],
)
def test_a_renamed_or_deleted_section_leaves_a_record_that_is_named(old: str, new: str, note: str) -> None:
    edited = {**PAGES, "operations.md": OPERATIONS.replace(old, new)}
    status = compare(edited, _record(PAGES), FOLDER)
    assert [vanished_note(v, SHOWN, "docs/") for v in status.vanished] == [note]
    assert not status.in_step


def test_a_section_moved_to_another_page_is_found_by_its_text() -> None:
    section = "## 5.3. バックアップ {#backup}\n\n日次で 3 世代分。\n\n"
    edited = {"operations.md": OPERATIONS.replace(section, ""), "index.md": PAGES["index.md"] + "\n" + section}
    status = compare(edited, _record(PAGES), FOLDER)
    assert [(v.name, v.now_at) for v in status.vanished] == [("operations.md#backup", ("index.md#backup",))]


def test_a_deleted_page_leaves_records_that_say_so() -> None:
    status = compare({"index.md": PAGES["index.md"]}, _record(PAGES), FOLDER)
    assert [v.name for v in status.vanished] == ["operations.md", "operations.md#backup", "operations.md#logging"]
    assert "no page docs/ja/operations.md any more" in vanished_note(status.vanished[0], SHOWN, "docs/")


def test_an_anchor_used_twice_is_a_problem_and_tracked_once() -> None:
    text = OPERATIONS + "\n## 5.9. 再掲 {#backup}\n\n別の本文。\n"
    status = compare({"operations.md": text}, Record({}, {}, (), exists=False), FOLDER)
    assert status.problems == (
        Problem("docs/ja/operations.md", 11, "anchor #backup is already used on line 3; give each section its own anchor"),
    )
    assert [item.section.name for item in status.tracked].count("operations.md#backup") == 1


def test_accepting_a_section_records_it_and_keeps_the_others_as_they_were() -> None:
    edited = {**PAGES, "operations.md": OPERATIONS.replace("3 世代", "7 世代").replace("ログを取得", "ログを保存")}
    old = _record(PAGES)
    done = accept(compare(edited, old, FOLDER), ["operations.md#backup"], FOLDER)
    new = dict(done.entries)
    assert [(item.section.name, item.state) for item in done.recorded] == [("operations.md#backup", State.OUT_OF_DATE)]
    assert new["operations.md#logging"] == old.fingerprints["operations.md#logging"]
    assert _states(edited, Record(new, {}, (), True))["operations.md#backup"] == "current"
    assert _states(edited, Record(new, {}, (), True))["operations.md#logging"] == "possibly out of date"


def test_accepting_all_records_every_section_in_page_order_and_removes_vanished_records() -> None:
    edited = {**PAGES, "operations.md": OPERATIONS.replace("{#backup}", "{#backups}")}
    done = accept(compare(edited, _record(PAGES), FOLDER), None, FOLDER)
    assert [name for name, _ in done.entries] == ["index.md", "operations.md", "operations.md#backups", "operations.md#logging"]
    assert [v.name for v in done.removed] == ["operations.md#backup"]
    assert compare(edited, Record(dict(done.entries), {}, (), True), FOLDER).in_step


def test_accepting_a_current_section_says_so() -> None:
    done = accept(compare(PAGES, _record(PAGES), FOLDER), ["index.md"], FOLDER)
    assert (done.recorded, done.already_current) == ((), ("index.md",))


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("operation.md#backup", "operation.md#backup: there is no page docs/ja/operation.md; did you mean operations.md?"),
        ("zzz.md", "zzz.md: there is no page docs/ja/zzz.md (page names are as under docs/ja/)"),
        ("operations.md#bakup", "operations.md#bakup: docs/ja/operations.md has no section #bakup; did you mean #backup?"),
        ("operations.md#", "operations.md#: write a section as operations.md#anchor, or operations.md for the text before its first section"),
    ],
)
def test_unknown_names_are_refused_with_the_likeliest_fix_and_nothing_accepted(name: str, message: str) -> None:
    with pytest.raises(UnknownSections) as raised:
        accept(compare(PAGES, _record(PAGES), FOLDER), ["index.md", name], FOLDER)
    assert str(raised.value) == message


def test_out_of_date_note_names_the_english_file_and_the_command() -> None:
    edited = {**PAGES, "operations.md": OPERATIONS.replace("3 世代", "7 世代").replace("# 5. 運用", "# 5. 運用管理")}
    status = compare(edited, _record(PAGES), FOLDER)
    notes = [out_of_date_note(s, "docs/") for s in status.out_of_date("operations.md")]
    assert notes == [
        "docs/en/operations.md (the text before its first section): the Japanese original changed; "
        "confirm with ./run translations accept operations.md",
        "docs/en/operations.md#backup: the Japanese original changed; confirm with ./run translations accept operations.md#backup",
    ]


def test_not_recorded_note_lists_the_new_sections() -> None:
    edited = {**PAGES, "index.md": PAGES["index.md"] + "\n## 新設 {#new}\n\n本文。\n"}
    status = compare(edited, _record(PAGES), FOLDER)
    assert not_recorded_note(status, SHOWN) == (
        "1 section not yet recorded in docs/translations.csv (no notice is shown for them): index.md#new; "
        "confirm with ./run translations accept SECTION"
    )
    assert not_recorded_note(compare(PAGES, _record(PAGES), FOLDER), SHOWN) is None
