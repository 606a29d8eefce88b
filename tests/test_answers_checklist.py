"""answers/checklist.py and ``./run answer``: a customer's checklist answered in a copy, the rest untouched."""

from __future__ import annotations

import csv
import re
import io
from copy import copy
import json
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from conftest import ROOT
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.datavalidation import DataValidation

from isocontrols.answers import checklist, data
from isocontrols.answers.checklist import ChecklistError, answer_csv, answer_row, answer_xlsx, check_paths, plan_sheet
from isocontrols.answers.resolver import resolve


@pytest.fixture(scope="module")
def documents(built_site: Path) -> dict[str, dict]:
    return {language: json.loads((built_site / data.data_path(language)).read_text(encoding="utf-8")) for language in ("ja", "en")}


def _statuses(plan: checklist.SheetPlan) -> dict[int, str]:
    return {index: answer.status for index, answer in plan.answers.items()}


# ---------------------------------------------------------------------------------------
# Which rows ask what.

HEADER = ["No.", "管理策番号", "要求事項", "回答"]


@pytest.mark.parametrize(
    ("rows", "header", "statuses"),
    [
        (  # the plain case: a header row, then a row per control
            [HEADER, ["1", "A.9.2.3", "特権", ""], ["2", "A.5.1.2", "見直し", ""], ["3", "", "所在地", ""]],
            0, {1: data.ANSWERED, 2: data.NOT_ADDRESSED, 3: data.NO_CONTROL},
        ),
        (  # a title, a blank row and a header above; empty rows get nothing
            [["チェックリスト"], [], HEADER, ["1", "９．２．３", "", ""], [], ["2", "CLD.6.3.1", "", ""]],
            2, {3: data.ANSWERED, 5: data.ANSWERED},
        ),
        (  # numbers from the first row: no header
            [["A.12.3.1"], ["8.13"]], None, {0: data.ANSWERED, 1: data.ANSWERED},
        ),
        (  # a clause row belongs to the data; it asks no control
            [HEADER, ["", "A.9 アクセス制御", "", ""], ["1", "A.9.4.4", "", ""]], 0, {1: data.NO_CONTROL, 2: data.ANSWERED},
        ),
        (  # numbers inside a sentence count with their prefix only
            [HEADER, ["1", "", "ユーティリティ（A.9.4.4）を制限すること", ""], ["2", "", "手順書の 5.3 節を参照", ""]],
            0, {1: data.ANSWERED, 2: data.NO_CONTROL},
        ),
    ],
)
def test_rows_that_ask_and_the_header_above_them(documents: dict, rows: list[list[str]], header: int | None, statuses: dict[int, str]) -> None:
    plan = plan_sheet("s", rows, 4, documents["ja"], "ja")
    assert (plan.header, _statuses(plan)) == (header, statuses)


def test_a_checklist_numbering_is_not_taken_for_controls(documents: dict) -> None:
    """A column of 1.1, 2.1, 5.1 … (most no control) is numbering: 5.1 there is not ISO/IEC 27001:2022 5.1."""
    rows = [["No.", "管理策"], *[[number, control] for number, control in [("1.1", "A.9.2.3"), ("1.2", "A.9.4.4"), ("2.1", "A.12.3.1"), ("5.1", "A.5.1.2"), ("5.2", "")]]]
    plan = plan_sheet("シート1", rows, 2, documents["ja"], "ja")
    assert plan.answers[4].found == ("A.5.1.2 情報セキュリティのための方針群のレビュー",)
    assert plan.answers[5].status == data.NO_CONTROL
    assert plan.messages == [
        "シート「シート1」: 列 A の番号（1.1 など）は、多くが管理策番号ではないため、チェックリストの項番とみなして読み取っていません。"
        "管理策番号なら A.9.2.3 のように A. を付けてください。"
    ]


def test_a_column_of_bare_control_numbers_counts_with_its_odd_typo(documents: dict) -> None:
    rows = [["番号"], ["9.2.3"], ["12.3.1"], ["8.13"], ["6.3.1"], ["9.2.10"]]
    plan = plan_sheet("s", rows, 1, documents["en"], "en")
    assert [answer.status for answer in plan.answers.values()] == [data.ANSWERED] * 4 + [data.NO_CONTROL]
    assert plan.answers[5].text == "No control is numbered 9.2.10 in ISO/IEC 27001:2013, ISO/IEC 27017 or ISO/IEC 27001:2022."


def test_a_row_answer_joins_its_controls_sections_in_the_white_papers_order(documents: dict) -> None:
    document = documents["ja"]
    items = resolve("A.12.3.1, A.9.2.3, 8.13, A.5.1.2, A.12.4.5, A.9.2.3", data.known(document))
    answer = answer_row(items, document)
    assert answer.status == data.ANSWERED
    assert answer.found == (
        "A.12.3.1 情報のバックアップ", "A.9.2.3 特権的アクセス権の管理", "8.13 (ISO/IEC 27001:2022) Information backup",
        "A.5.1.2 情報セキュリティのための方針群のレビュー",
    )
    assert [section.label for section in answer.sections] == ["4.3. 認証情報の管理", "4.4. ユーティリティプログラム", "5.3. バックアップ"]
    paragraphs = answer.text.split("\n\n")
    assert paragraphs[0].startswith("4.3. 認証情報の管理\n初期のアカウント登録手順は")
    assert paragraphs[-2:] == [
        "A.5.1.2 情報セキュリティのための方針群のレビュー: この管理策を引用している節は、ホワイトペーパーにありません。",
        "A.12.4.5 という番号の管理策は、ISO/IEC 27001:2013、ISO/IEC 27017、ISO/IEC 27001:2022 のどれにもありません。CLD.12.4.5 のことですか？",
    ]


# ---------------------------------------------------------------------------------------
# .xlsx: the copy keeps everything and adds the answers.

THIN = Side(style="thin")


def _checklist_xlsx(path: Path) -> Path:
    """A realistic checklist: a merged title, a styled header, numbers in several spellings, a second sheet."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "チェックリスト"
    sheet["A1"] = "クラウドサービス セキュリティチェックリスト（○○市）"
    sheet.merge_cells("A1:E1")
    sheet["A1"].font = Font(size=14, bold=True)
    sheet["A2"], sheet["B2"] = "提出日", date(2026, 4, 1)
    sheet["B2"].number_format = "yyyy/mm/dd"
    for column, name in enumerate(["No.", "管理策番号", "要求事項", "回答", "備考"], 1):
        cell = sheet.cell(4, column, name)
        cell.font, cell.fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
        cell.border = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
    rows = [
        (1, "A.9 アクセス制御", None),
        (1.1, "９．２．３", "特権的アクセス権の割当て及び利用は、制限し、管理すること。"),
        (1.2, "a.9.4.4", "ユーティリティプログラムの使用を制限すること。"),
        (2.1, 8.13, "バックアップ（数値のセル）"),
        (2.2, "A.12.6.2", "ソフトウェアのインストール制限"),
        (3.1, "CLD.6.3.1、6.3.1", "責任の共有及び分担"),
        (4.1, None, "貴社の所在地を記載してください。"),
        (4.2, 5.1, "方針（数値のセル、5.10 だったかもしれない）"),
    ]
    for row, values in enumerate(rows, 5):
        for column, value in enumerate(values, 1):
            cell = sheet.cell(row, column, value)
            cell.border = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet["E13"] = "=COUNTA(B5:B12)"
    sheet.column_dimensions["C"].width = 50
    sheet.row_dimensions[4].height = 24
    sheet.freeze_panes = "A5"
    validation = DataValidation(type="list", formula1='"はい,いいえ"')
    sheet.add_data_validation(validation)
    validation.add("D5:D12")
    notes = workbook.create_sheet("記入要領")
    notes["A1"] = "回答欄に記入してください。"
    notes.column_dimensions["A"].width = 70
    workbook.save(path)
    return path


def _look(cell: openpyxl.cell.cell.Cell) -> tuple:
    """What a cell holds and how it looks (the styles as values: openpyxl hands out proxies)."""
    styles = (cell.font, cell.fill, cell.border, cell.alignment, cell.protection)
    return (cell.value, cell.data_type, cell.number_format, *(copy(style) for style in styles))


def test_the_copy_keeps_every_original_cell_style_width_merge_and_sheet(documents: dict, tmp_path: Path) -> None:
    source = _checklist_xlsx(tmp_path / "checklist.xlsx")
    before = source.read_bytes()
    target = tmp_path / "checklist.answered.xlsx"
    answer_xlsx(source, target, documents["ja"], "ja")
    assert source.read_bytes() == before
    original, answered = openpyxl.load_workbook(source), openpyxl.load_workbook(target)
    assert answered.sheetnames == original.sheetnames
    for old, new in zip(original.worksheets, answered.worksheets):
        for row in old.iter_rows(min_row=1, max_row=old.max_row, max_col=old.max_column):
            for cell in row:
                assert _look(new[cell.coordinate]) == _look(cell), cell.coordinate
        assert {key: dim.width for key, dim in new.column_dimensions.items() if key in old.column_dimensions} == {
            key: dim.width for key, dim in old.column_dimensions.items()
        }
        assert [str(r) for r in new.merged_cells.ranges] == [str(r) for r in old.merged_cells.ranges]
        assert new.freeze_panes == old.freeze_panes
        assert {k: d.height for k, d in new.row_dimensions.items() if d.height} == {k: d.height for k, d in old.row_dimensions.items() if d.height}
        assert [str(v.sqref) for v in new.data_validations.dataValidation] == [str(v.sqref) for v in old.data_validations.dataValidation]
    assert answered["記入要領"].max_column == 1


def test_the_copy_has_the_answers_at_the_right_with_real_links(documents: dict, tmp_path: Path) -> None:
    source = _checklist_xlsx(tmp_path / "checklist.xlsx")
    target = tmp_path / "out.xlsx"
    report = answer_xlsx(source, target, documents["ja"], "ja")
    sheet = openpyxl.load_workbook(target)["チェックリスト"]
    assert [sheet.cell(4, column).value for column in range(6, 12)] == ["読み取った管理策", "状況", "節", "回答", "リンク 1", "リンク 2"]
    assert sheet.cell(4, 6).font.b and sheet.cell(4, 6).fill.fgColor.rgb == "00DDEBF7"  # the header's look
    statuses = [sheet.cell(row, 7).value for row in range(5, 13)]
    assert statuses == ["管理策番号なし", "回答あり", "回答あり", "回答あり", "記載なし", "回答あり", "管理策番号なし", "回答あり"]
    assert sheet["F6"].value == "A.9.2.3 特権的アクセス権の管理"
    assert sheet["H6"].value == "4.3. 認証情報の管理\n4.4. ユーティリティプログラム"
    assert sheet["I6"].value.startswith("4.3. 認証情報の管理\n初期のアカウント登録手順は")
    assert sheet["F8"].value == "8.13 (ISO/IEC 27001:2022) Information backup"
    assert sheet["F10"].value == "CLD.6.3.1 クラウドコンピューティング環境における役割及び責任の共有及び分担"
    links = [(sheet.cell(6, column).value, sheet.cell(6, column).hyperlink.target) for column in (10, 11)]
    base = "https://code4japan.github.io/decidim-security/application-security/"
    assert links == [(base + "#authentication-information",) * 2, (base + "#utility-programs",) * 2]
    assert sheet["I5"].value.startswith("A.9 アクセス制御: ISO/IEC 27001:2013 附属書 A の箇条")
    assert sheet["I11"].value is None and sheet["J11"].value is None
    assert sheet.column_dimensions["I"].width == 80 and sheet["I6"].alignment.wrap_text
    assert report.lines() == [
        "チェックリスト!B12: 数値のセル 5.1 は、Excel が末尾の 0 を省いた 5.10 の可能性があります。5.1 として回答しました。5.10 の場合は、セルを文字列にしてください。",
        "シート「チェックリスト」: 回答あり 5 行、記載なし 1 行、管理策番号なし 2 行（列 F–K に追加）",
        "シート「記入要領」: 管理策番号がないため、そのままにしました。",
        "合計: 回答あり 5 行、記載なし 1 行、管理策番号なし 2 行",
    ]


def test_english_answers_and_headings(documents: dict, tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    report = answer_xlsx(_checklist_xlsx(tmp_path / "c.xlsx"), target, documents["en"], "en")
    sheet = openpyxl.load_workbook(target)["チェックリスト"]
    assert [sheet.cell(4, column).value for column in range(6, 10)] == ["Controls found", "Status", "Sections", "Answer"]
    assert (sheet["G6"].value, sheet["H6"].value) == ("Answered", "4.3. Management of authentication information\n4.4. Utility programs")
    assert report.lines()[-1] == "total: 5 rows answered, 1 not addressed, 2 without a control number"


def test_added_text_is_stored_as_text_never_as_a_formula(documents: dict, tmp_path: Path) -> None:
    document = json.loads(json.dumps(documents["en"]))
    document["sections"]["operations.md#backup"] |= {"label": "=HYPERLINK(\"https://evil.example/\")", "text": "=1+1"}
    workbook = openpyxl.Workbook()
    workbook.active.append(["A.12.3.1"])
    workbook.save(tmp_path / "c.xlsx")
    answer_xlsx(tmp_path / "c.xlsx", tmp_path / "out.xlsx", document, "en")
    cell = openpyxl.load_workbook(tmp_path / "out.xlsx").active["D1"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("https://evil.example/")', "s")


def test_a_number_cell_in_a_two_decimal_format_reads_as_shown(documents: dict, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.append([5.1])
    workbook.active["A1"].number_format = "0.00"
    workbook.save(tmp_path / "c.xlsx")
    report = answer_xlsx(tmp_path / "c.xlsx", tmp_path / "out.xlsx", documents["en"], "en")
    assert openpyxl.load_workbook(tmp_path / "out.xlsx").active["B1"].value.startswith("5.10 (ISO/IEC 27001:2022)")
    assert not any("trailing zero" in line for line in report.lines())


def test_an_answer_longer_than_an_excel_cell_is_cut_with_a_note(documents: dict, tmp_path: Path) -> None:
    document = json.loads(json.dumps(documents["en"]))
    document["sections"]["operations.md#backup"]["text"] = "x" * 40000
    workbook = openpyxl.Workbook()
    workbook.active.append(["A.12.3.1"])
    workbook.save(tmp_path / "c.xlsx")
    report = answer_xlsx(tmp_path / "c.xlsx", tmp_path / "out.xlsx", document, "en")
    text = openpyxl.load_workbook(tmp_path / "out.xlsx").active["E1"].value
    assert len(text) <= checklist.EXCEL_CELL_LIMIT and text.endswith("the links lead to the rest)")
    assert "Sheet!E1: the answer was longer than an Excel cell holds" in report.lines()[0]


def test_pictures_the_copy_cannot_keep_are_reported(documents: dict, tmp_path: Path) -> None:
    source = _checklist_xlsx(tmp_path / "c.xlsx")
    with zipfile.ZipFile(source, "a") as archive:
        archive.writestr("xl/media/image1.png", b"\x89PNG")
    report = answer_xlsx(source, tmp_path / "out.xlsx", documents["en"], "en")
    assert "Note: the pictures, charts and shapes of this workbook are not in the copy (openpyxl cannot keep them)." in report.lines()


# ---------------------------------------------------------------------------------------
# .csv: the checklist's encoding, delimiter and line ends, formula protection on added cells.

CSV_ROWS = [["No.", "管理策番号", "要求事項"], ["1", "Ａ．９．２．３", "特権的アクセス権"], ["2", "8.13", "バックアップ"], ["3", "", "所在地"]]


def _csv_bytes(rows: list[list[str]], encoding: str, delimiter: str = ",", line_end: str = "\r\n") -> bytes:
    output = io.StringIO(newline="")
    csv.writer(output, delimiter=delimiter, lineterminator=line_end).writerows(rows)
    return output.getvalue().encode(encoding)


@pytest.mark.parametrize(
    ("encoding", "shown", "delimiter", "line_end"),
    [("cp932", "Shift_JIS (CP932)", ",", "\r\n"), ("utf-8-sig", "UTF-8 (BOM)", ",", "\r\n"), ("utf-8", "UTF-8", "\t", "\n"), ("utf-16", "UTF-16", "\t", "\r\n")],
)
def test_a_csv_is_answered_in_its_own_encoding(documents: dict, tmp_path: Path, encoding: str, shown: str, delimiter: str, line_end: str) -> None:
    source = tmp_path / "checklist.csv"
    source.write_bytes(_csv_bytes(CSV_ROWS, encoding, delimiter, line_end))
    target = tmp_path / "out.csv"
    report = answer_csv(source, target, documents["ja"], "ja")
    assert report.lines()[0] == f"{source}: 文字コード {shown} として読み込みました。"
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw.decode(encoding), newline=""), delimiter=delimiter))
    assert [row[:3] for row in rows] == CSV_ROWS
    assert rows[0][3:] == ["読み取った管理策", "状況", "節", "回答", "リンク 1", "リンク 2"]
    assert rows[1][3:6] == ["A.9.2.3 特権的アクセス権の管理", "回答あり", "4.3. 認証情報の管理\n4.4. ユーティリティプログラム"]
    assert rows[1][7:] == [
        "https://code4japan.github.io/decidim-security/application-security/#authentication-information",
        "https://code4japan.github.io/decidim-security/application-security/#utility-programs",
    ]
    assert rows[3][3:] == ["", "管理策番号なし", "", "", "", ""]
    text = raw.decode(encoding)
    assert text.endswith(line_end) and ("\r" in text) == (line_end == "\r\n")


def test_english_answers_in_a_shift_jis_csv_use_characters_it_has(documents: dict, tmp_path: Path) -> None:
    source = tmp_path / "checklist.csv"
    source.write_bytes(_csv_bytes([["管理策"], ["CLD.6.3.1"]], "cp932"))
    report = answer_csv(source, tmp_path / "out.csv", documents["en"], "en")
    text = (tmp_path / "out.csv").read_bytes().decode("cp932")
    assert "・ Security measures for Decidim" in text and "•" not in text and "?" not in text
    assert not any("Shift_JIS lacks" in line for line in report.lines())


def test_added_csv_cells_cannot_start_a_formula(documents: dict, tmp_path: Path) -> None:
    document = json.loads(json.dumps(documents["en"]))
    document["sections"]["operations.md#backup"]["label"] = "=HYPERLINK(\"https://evil.example/\")"
    (tmp_path / "c.csv").write_text("A.12.3.1,=SUM(1)\n", encoding="utf-8")
    answer_csv(tmp_path / "c.csv", tmp_path / "out.csv", document, "en")
    [row] = list(csv.reader((tmp_path / "out.csv").read_text(encoding="utf-8").splitlines()))
    assert row[1] == "=SUM(1)"  # the customer's own cell, as it was
    assert row[4] == "'=HYPERLINK(\"https://evil.example/\")"


# ---------------------------------------------------------------------------------------
# What cannot be answered, said clearly.


def test_paths_are_checked_before_any_work(tmp_path: Path) -> None:
    (tmp_path / "c.xlsx").write_bytes(b"")
    (tmp_path / "c.answered.xlsx").write_bytes(b"")
    cases = [
        (tmp_path / "c.xls", tmp_path / "o.xls", False, "c.xls: cannot read this kind of file; save it as .xlsx or .csv"),
        (tmp_path / "none.csv", tmp_path / "o.csv", False, "none.csv: no such file."),
        (tmp_path / "c.xlsx", tmp_path / "c.xlsx", True, "c.xlsx: the output would overwrite the checklist"),
        (tmp_path / "c.xlsx", tmp_path / "c.answered.xlsx", False, "c.answered.xlsx exists already; add --force to overwrite it."),
        (tmp_path / "c.xlsx", tmp_path, True, f"{tmp_path.name}: the output is a folder; name a file with -o."),
        (tmp_path / "c.xlsx", tmp_path / "no" / "such" / "o.xlsx", True, "o.xlsx: the output's folder"),
        (tmp_path / "c.xlsx", tmp_path / "o.csv", True, "o.csv: the output must be of the checklist's kind (.xlsx)."),
    ]
    for source, target, force, message in cases:
        with pytest.raises(ChecklistError, match=re.escape(message)):
            check_paths(source, target, force, "en")
    check_paths(tmp_path / "c.xlsx", tmp_path / "c.answered.xlsx", True, "en")
    assert checklist.default_target(Path("dir/Checklist.XLSX")) == Path("dir/Checklist.answered.xlsx")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("c.xlsx", b"not a workbook", "c.xlsx: cannot be read as an Excel workbook (.xlsx) (BadZipFile); save a password-protected workbook again without its password."),
        ("c.csv", b"\x85\x40 neither UTF-8 nor Shift_JIS \x85\x40", "c.csv: unknown text encoding; save it as UTF-8 or Shift_JIS."),
        ("c.csv", "No.,質問\n1,所在地\n".encode("cp932"), "c.csv: no control numbers found"),
    ],
)
def test_a_checklist_that_cannot_be_answered_says_why_and_writes_nothing(documents: dict, tmp_path: Path, name: str, content: bytes, message: str) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    with pytest.raises(ChecklistError) as raised:
        checklist.answer_file(source, tmp_path / f"out{source.suffix}", documents["en"], "en")
    assert str(raised.value).startswith(f"{tmp_path}/{message}")
    assert not (tmp_path / f"out{source.suffix}").exists()


def test_a_workbook_without_control_numbers_writes_nothing(documents: dict, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.append(["所在地を記載してください。"])
    workbook.save(tmp_path / "c.xlsx")
    with pytest.raises(ChecklistError, match="管理策番号が見つかりません"):
        answer_xlsx(tmp_path / "c.xlsx", tmp_path / "out.xlsx", documents["ja"], "ja")
    assert not (tmp_path / "out.xlsx").exists()


# ---------------------------------------------------------------------------------------
# The command, from a clean tree: it builds the site itself.


def _run(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "tools" / "answer_checklist.py"), *arguments], capture_output=True, text=True, cwd=ROOT)


def test_the_command_answers_a_checklist_and_refuses_to_overwrite(tmp_path: Path) -> None:
    source = _checklist_xlsx(tmp_path / "checklist.xlsx")
    done = _run(str(source))
    assert done.returncode == 0, done.stderr
    target = tmp_path / "checklist.answered.xlsx"
    assert done.stdout.splitlines()[-2:] == ["合計: 回答あり 5 行、記載なし 1 行、管理策番号なし 2 行", f"書き出しました: {target}"]
    assert openpyxl.load_workbook(target)["チェックリスト"]["G6"].value == "回答あり"
    again = _run(str(source), "--lang", "en")
    assert (again.returncode, again.stderr.strip()) == (1, f"{target} exists already; add --force to overwrite it.")
    forced = _run(str(source), "--lang", "en", "--force", "-o", str(target))
    assert forced.returncode == 0 and openpyxl.load_workbook(target)["チェックリスト"]["G6"].value == "Answered"


def test_the_command_says_when_there_is_nothing_to_answer(tmp_path: Path) -> None:
    (tmp_path / "c.csv").write_text("質問\n所在地\n", encoding="utf-8")
    done = _run(str(tmp_path / "c.csv"), "--lang", "en")
    assert done.returncode == 1
    assert "no control numbers found" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "c.answered.csv").exists()
    assert _run(str(tmp_path / "c.csv"), "--lang", "fr").returncode == 2
