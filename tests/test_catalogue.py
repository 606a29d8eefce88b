"""The project's control catalogue against the reference facts (isocontrols.catalogue)."""

from __future__ import annotations

import csv
import filecmp
import re
from pathlib import Path

import pytest

from isocontrols import catalogue
from isocontrols.catalogue import anchor_for, sort_key

REFERENCE = Path(__file__).parent / "fixtures" / "reference"
SHARED_REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"
SOURCE = Path(__file__).parent / "fixtures" / "whitepaper-source.txt"


def _reference(name: str) -> list[dict[str, str]]:
    with (REFERENCE / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_catalogue_counts_match_the_standards() -> None:
    loaded = catalogue.load()
    annex_a = [c for c in loaded.controls.values() if c.group != "CLD"]
    assert len(annex_a) == 114
    assert len([c for c in loaded.controls.values() if c.group == "CLD"]) == 7
    assert len([g for g in loaded.groups if g.count(".") == 1]) == 14
    assert len([g for g in loaded.groups if g.count(".") == 2]) == 35
    assert len(loaded.controls_2022) == 93


def test_controls_match_the_reference_identifiers_and_titles() -> None:
    loaded = catalogue.load()
    expected = _reference("iso27001-2013-annex-a.csv") + _reference("iso27017-2015-cld.csv")
    assert [row["id"] for row in expected] == list(loaded.controls)
    for row in expected:
        control = loaded.controls[row["id"]]
        assert control.title_en == row["title_en"]
        if row["title_ja"]:
            assert control.title_ja == row["title_ja"]
        assert control.group == row.get("clause", "CLD")


def test_groups_match_the_reference() -> None:
    loaded = catalogue.load()
    for row in _reference("iso27001-2013-annex-a-groups.csv"):
        group = loaded.groups[row["id"]]
        assert group.title_en == row["title_en"]
        assert not row["title_ja"] or group.title_ja == row["title_ja"]


def test_2022_mapping_matches_the_reference() -> None:
    loaded = catalogue.load()
    expected: dict[str, list[str]] = {}
    for row in _reference("map-2013-to-2022.csv"):
        expected.setdefault(row["id_2013"], []).append(row["id_2022"])
    assert {c.id: list(c.ids_2022) for c in loaded.controls.values() if c.group != "CLD"} == expected
    assert loaded.controls["A.18.2.3"].ids_2022 == ("5.36", "8.8")
    assert all(i in loaded.controls_2022 for ids in expected.values() for i in ids)


def test_every_japanese_title_names_its_source() -> None:
    rows = list(csv.DictReader((catalogue.DATA_DIR / "annex-a-2013.csv").open(encoding="utf-8")))
    rows += list(csv.DictReader((catalogue.DATA_DIR / "annex-a-2013-groups.csv").open(encoding="utf-8")))
    assert all(bool(row["title_ja"]) == bool(row["title_ja_source"]) for row in rows)


def test_every_control_the_white_paper_cites_has_a_japanese_title() -> None:
    cited = set(re.findall(r"(?:A|CLD)\.\d+\.\d+\.\d+", SOURCE.read_text(encoding="utf-8"))) - {"A.12.4.5"}
    loaded = catalogue.load()
    assert cited <= set(loaded.controls)
    assert [c for c in sorted(cited) if not loaded.controls[c].title_ja] == []


@pytest.mark.skipif(not SHARED_REFERENCE.exists(), reason="../shared/ exists on the team's machines only")
def test_reference_copy_is_identical_to_the_shared_reference() -> None:
    names = sorted(p.name for p in SHARED_REFERENCE.glob("*.csv"))
    _, mismatch, errors = filecmp.cmpfiles(SHARED_REFERENCE, REFERENCE, names, shallow=False)
    assert (mismatch, errors) == ([], [])


@pytest.mark.parametrize(
    ("identifiers", "ordered"),
    [
        (["A.9.2.10", "A.9.2.3", "A.10.1.1"], ["A.9.2.3", "A.9.2.10", "A.10.1.1"]),
        (["CLD.6.3.1", "A.18.2.3", "A.5.1.1"], ["A.5.1.1", "A.18.2.3", "CLD.6.3.1"]),
    ],
)
def test_identifiers_sort_as_the_standards_number_them(identifiers: list[str], ordered: list[str]) -> None:
    assert sorted(identifiers, key=sort_key) == ordered


@pytest.mark.parametrize(
    ("identifier", "anchor"),
    [("A.9.2.3", "a-9-2-3"), ("CLD.12.4.5", "cld-12-4-5"), ("A.18", "a-18")],
)
def test_anchor_is_lower_case_with_hyphens(identifier: str, anchor: str) -> None:
    assert anchor_for(identifier) == anchor


@pytest.mark.parametrize(("language", "title"), [("ja", "特権的アクセス権の管理"), ("en", "Management of privileged access rights")])
def test_title_in_each_language(language: str, title: str) -> None:
    assert catalogue.load().controls["A.9.2.3"].title(language) == title


def test_missing_japanese_title_falls_back_to_english() -> None:
    control = catalogue.load().controls["A.9.1.1"]
    assert control.title("ja") == control.title_en and not control.has_title("ja")
