import pytest

from communique.nlp.dates import resolve_date


@pytest.mark.parametrize(
    "expression, published, expected",
    [
        ("on Monday", "2025-06-24", ("2025-06-23", "day")),
        ("Tuesday", "2025-06-24", ("2025-06-24", "day")),  # the paper's own day
        ("yesterday", "2025-06-24", ("2025-06-23", "day")),
        ("65 years ago", "2025-06-24", ("1960-01-01", "year")),
        ("in 1989", "2025-06-24", ("1989-01-01", "year")),
        ("June 2019", None, ("2019-06-01", "month")),
        ("in 1989", None, ("1989-01-01", "year")),
        ("on Monday", None, None),  # relative, and no publication date to count from
        ("five-day", "2025-06-24", None),  # a duration, not a date
        ("in 0001", "2025-06-24", None),  # a number read as a year
    ],
)
def test_resolve_date(expression, published, expected):
    assert resolve_date(expression, published) == expected


@pytest.mark.parametrize("published", [None, "2005-03-01"])
@pytest.mark.parametrize("prefer", ["past", "future"])
@pytest.mark.parametrize(
    "expression", ["2003", "1337", "0999", "3000", "October 1989", "june 1991", "MAY 2005"]
)
def test_a_plain_year_or_month_is_read_as_dateparser_reads_it(expression, published, prefer):
    """The shortcut for "2003" and "October 1989" must agree with dateparser, which it spares."""
    import datetime as dt

    from communique.nlp import dates

    base = dt.date.fromisoformat(published) if published else None
    data = dates._relative_parser(base, prefer).get_date_data(expression)
    expected = None
    if data is not None and data.date_obj is not None:
        day, precision = data.date_obj.date(), dates._PRECISION[data.period]
        if dates.PLAUSIBLE_YEARS[0] <= day.year <= dates.PLAUSIBLE_YEARS[1]:
            day = day.replace(day=1) if precision == "month" else day.replace(month=1, day=1)
            expected = (day, precision)
    assert dates._read(expression, base, prefer) == expected
