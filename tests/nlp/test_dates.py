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
