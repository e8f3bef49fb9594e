"""The explorer's time axes tick on month or year starts, so no label repeats."""

from ui.charts import month_axis


def test_a_few_months_tick_monthly_and_a_decade_yearly() -> None:
    months = ["2024-03-01", "2024-04-01", "2024-06-01"]
    assert month_axis(months) == {
        "format": "%Y-%m",
        "tickCount": {"interval": "month", "step": 1},
    }
    two_years = ["2022-01-01", "2023-12-01"]
    assert month_axis(two_years)["tickCount"] == {"interval": "month", "step": 2}
    decade = ["2014-05-01", "2024-05-01"]
    assert month_axis(decade) == {"format": "%Y", "tickCount": {"interval": "year", "step": 1}}
    assert month_axis([]) == {"format": "%Y-%m"}
