"""Terminal columns: the end of a line that fits a field, Chinese characters taking two."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from model.textwidth import display_width, tail


def test_the_end_of_a_line_that_fits_is_what_a_field_scrolled_to_its_end_shows():
    assert tail("grow revenue", 7) == "revenue"
    assert tail("short", 10) == "short"
    assert tail("", 3) == ""
    assert tail("提升轉換率", 5) == "換率", "no wide character straddles the edge"
    assert tail("提升 NPS", 6) == "升 NPS"


@given(st.text(alphabet="ab提升é\u0301 ", max_size=30), st.integers(min_value=0, max_value=20))
def test_the_end_never_overflows_and_is_the_lines_end(text, width):
    end = tail(text, width)
    assert display_width(end) <= width
    assert text.endswith(end)
