"""The adoption map's grid (a new user's high-court and 中院 maps): every unit stands under
its own group's heading, and a grid of single courts has no hole in it."""

from __future__ import annotations

from figures import adoption


def _high_court(sizes: dict[str, int]) -> adoption.AdoptionMap:
    """A high court with an intermediate court per name, each over `sizes[name]` basic courts."""
    high = adoption.MapUnit("court:高院", "甲省高级人民法院", "high")
    units = []
    for mid, n in sizes.items():
        units.append(adoption.MapUnit(f"court:{mid}", f"甲省{mid}中级人民法院", "intermediate"))
        units[-1].parent = high.id
        units += [
            adoption.MapUnit(
                f"court:{mid}{i}", f"甲省{mid}第{i}区人民法院", "basic", f"court:{mid}"
            )
            for i in range(n)
        ]
    return adoption.AdoptionMap("诉源治理", high, units)


def _headings(placed: list[adoption.Placed]) -> list[tuple[str, str]]:
    """(unit, the heading above it in its slot column) for every indented unit."""
    out = []
    for column in sorted({p.column for p in placed}):
        heading = None
        for p in sorted((p for p in placed if p.column == column), key=lambda p: p.row):
            if p.indent == 0:
                heading = p.unit.id
            else:
                out.append((p.unit.parent or "", heading or "（无）"))
    return out


def test_a_long_group_goes_on_under_its_heading_again() -> None:
    """赣州中院's 19 units ran past its column's foot into a column with no heading, above
    鹰潭中院: the column they go on in is headed 赣州中院（续）."""
    data = _high_court({"乙市": 5, "丙市": 19, "丁市": 4})
    cols = adoption.columns_of(data)
    placed, ncols, nrows, _, _ = adoption.place(cols, 15.3, 6.55)
    assert nrows < 20  # the long group does not fit one slot column: it goes on
    pairs = _headings(placed)
    assert len(pairs) == 28
    assert all(parent == heading for parent, heading in pairs), pairs
    again = [p for p in placed if p.continued]
    assert again and all(p.unit.short == "丙市中院（续）" and p.row == 0 for p in again)
    slots = [(p.column, p.row) for p in placed]
    assert len(slots) == len(set(slots))
    # the heading again is no unit: the counts are the same
    assert ("basic", 0, 28) in data.counts()
    svg = adoption.draw_adoption_map(data, fmt="svg").decode("utf-8")
    assert "丙市中院（续）" in svg


def test_a_grid_of_single_courts_has_no_hole() -> None:
    """赣州中院's map: 18 basic courts, one with its tribunal. An empty slot kept the tribunal's
    court apart from the court above it, a hole in the grid: the slots are filled in order."""
    mid = adoption.MapUnit("court:中院", "甲省乙市中级人民法院", "intermediate")
    units = [
        adoption.MapUnit(f"court:{c}", f"甲省乙市{c}县人民法院", "basic", mid.id)
        for c in "乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申"
    ]
    units.append(
        adoption.MapUnit("court:丙庭", "甲省乙市丙县人民法院某法庭", "tribunal", "court:丙")
    )
    data = adoption.AdoptionMap("诉源治理", mid, units)
    placed, _ = adoption.flow(adoption.columns_of(data), 4)
    assert [p.column * 4 + p.row for p in placed] == list(range(19))
    order = [p.unit.id for p in placed]
    assert order.index("court:丙庭") == order.index("court:丙") + 1


def test_columns_follow_the_roster_not_the_character_codes(arcadedb_store) -> None:
    """A court user reads the units in the roster's order (division codes: 沈阳 2101, 大连
    2102 …), not in the order of their names' character codes (丹东 before 沈阳); units
    without a code follow by the pinyin of their short names, and every unit keeps its
    place whatever it reports."""
    from tests import graph_fixtures as g

    g.load_small_graph(arcadedb_store)

    def heads() -> list[str]:
        data = adoption.adoption_map(arcadedb_store, "诉源治理", g.MID)
        return [col[0][0].short for col in adoption.columns_of(data)]

    # no codes: 丙 bǐng, 丁 dīng, 戊 wù (by character code 丁 U+4E01 came before 丙 U+4E19)
    assert heads() == ["丙区法院", "丁县法院", "戊县法院"]
    codes = {g.WU: "990101", g.DING: "990102", g.BING: "990103"}
    arcadedb_store.write_statements(
        [
            ("MATCH (n:Entity {id: $id}) SET n.adcode = $c", {"id": i, "c": c})
            for i, c in codes.items()
        ]
    )
    assert heads() == ["戊县法院", "丁县法院", "丙区法院"]


def test_units_under_a_court_keep_their_roster_place_whatever_they_report() -> None:
    """Below a column's heading too: the roster's order, not reported units first."""
    high = _high_court({"乙市": 3})
    basic = [u for u in high.units if u.level == "basic"]
    for i, u in enumerate(basic):
        u.code = f"99010{i}"
    basic[2].stage = "adopted"
    column = adoption.columns_of(high)[0]
    assert [u.id for u, _ in column[1:]] == [u.id for u in basic]


def test_roster_codes_sort_as_numbers() -> None:
    """Codes 2, 9, 10 stand in that order, not 10, 2, 9 as text would put them."""
    units = []
    for code, name in (("10", "甲"), ("2", "乙"), ("9", "丙")):
        unit = adoption.MapUnit(f"court:{name}", f"甲省{name}县人民法院", "basic")
        unit.code = code
        units.append(unit)
    assert [u.code for u in sorted(units, key=adoption.roster_order)] == ["2", "9", "10"]


def test_a_court_with_tribunals_among_single_courts_keeps_one_column() -> None:
    """葫芦岛中院's map with a tribunal roster: six basic courts, one over its three tribunals.
    That court's tribunals ran over three slot columns headed 连山区法院（续）, and two basic
    courts stood in the second row, where tribunals go, as if under the courts above them:
    every basic court heads a column in the first row, its tribunals under it."""
    import re

    mid = adoption.MapUnit("court:中院", "甲省乙市中级人民法院", "intermediate")
    units = [
        adoption.MapUnit(f"court:{c}", f"甲省乙市{c}区人民法院", "basic", mid.id)
        for c in "子丑寅卯辰巳"
    ]
    units += [
        adoption.MapUnit(
            f"court:子{t}", f"甲省乙市子区人民法院{t}山人民法庭", "tribunal", "court:子"
        )
        for t in "东南西"
    ]
    units[0].stage = "adopted"
    svg = adoption.draw_adoption_map(
        adoption.AdoptionMap("五化人民法庭建设", mid, units), fmt="svg"
    ).decode("utf-8")
    assert adoption.CONTINUED not in svg
    y = {
        m.group(2): round(float(m.group(1)))
        for m in re.finditer(r'y="([0-9.]+)"[^>]*>([^<]*(?:区法院|山法庭))</text>', svg)
    }
    courts = {y[f"{c}区法院"] for c in "子丑寅卯辰巳"}
    assert len(courts) == 1  # one row
    assert all(y[f"{t}山法庭"] > max(courts) for t in "东南西")
