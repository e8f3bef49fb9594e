"""The printed-date measure: a gold date counts as reachable from the text only when printed."""

import json

from benchmarks.extraction import date_printed, printed_dates


def test_printed_forms_are_found():
    assert date_printed("发布时间：2023-05-09 10:12", "2023-05-09")
    assert date_printed("来源：本院 2023年5月9日", "2023-05-09")
    assert date_printed("2023 / 05 / 09 编辑", "2023-05-09")
    assert date_printed("稿件20230509号", "2023-05-09")
    assert date_printed("２０２３年５月", "2023-05")


def test_other_dates_are_not_the_date():
    assert not date_printed("2023年5月19日召开", "2023-05-09")
    assert not date_printed("2023年召开推进会", "2023-05-09")
    assert not date_printed("5月9日上午", "2023-05-09")  # no year: not printed whole
    assert not date_printed("2023年5月", "2023-05-09")
    assert not date_printed("2023年11月", "2023-01")


def test_counts_split_printed_from_unprinted(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    texts = {
        "a": ("某法院 2024年3月8日讯 推行诉前调解", "2024-03-08", "2024-03-08"),
        "b": ("某法院推行诉前调解", "2024-03-09", None),  # date only in the page's address
        "c": ("某法院推行诉前调解", None, None),  # no date at all: not counted
        "d": ("2022年1月5日 某法院", "2022-01-05", "2022-01-06"),  # printed, got wrong
    }
    preds = []
    for stem, (text, gdate, pdate) in texts.items():
        (tmp_path / f"{stem}.txt").write_text(text, encoding="utf-8")
        (gold / f"{stem}.json").write_text(json.dumps({"date": gdate}), encoding="utf-8")
        preds.append({"path": str(tmp_path / f"{stem}.txt"), "date": pdate})
    assert printed_dates(preds, gold) == {
        "dated": 3,
        "printed": 2,
        "printed_right": 1,
        "unprinted_right": 0,
    }
