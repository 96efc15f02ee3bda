"""Hypothesis strategies that build any valid plan, within the planner's limits.

Texts mix ASCII, Traditional Chinese, emoji, quotes, backslashes, TOML syntax and control
characters; numbers include the edges (0, -0.0, the smallest subnormal, +-1e15,
integers stored as floats); dates cover the whole calendar.
"""

from __future__ import annotations

from hypothesis import strategies as st

from model.plan import (
    CADENCES,
    DIRECTIONS,
    FUNNEL_STAGES,
    IDENTIFIER,
    INDICATORS,
    ITEM_KINDS,
    LEVELS,
    NUMBER_LIMIT,
    ROLES,
    UNITS,
    CheckIn,
    Guardrail,
    Ignore,
    Input,
    Item,
    Kpi,
    NorthStar,
    Objective,
    Plan,
)

_TRICKY = [*"\"'\\[]{}=#.\n\r\t\x00\x1b\x7f\u202e\u3000\ufeff", "'''", '"""', "${x}"]

texts = st.one_of(
    st.text(max_size=30),
    st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=20),
    st.lists(
        st.sampled_from(["提升", "試用轉付費", "計畫", "KPI", " ", "🚀", "%", *_TRICKY]),
        max_size=8,
    ).map("".join),
)
"""Any text a person (or a hostile file) could put in a plan field."""

identifiers = st.one_of(
    st.from_regex(IDENTIFIER, fullmatch=True).filter(lambda s: len(s) <= 40),
    st.sampled_from(["trial_to_paid", "cac", "訂單數", "ltv_cac", "_x"]),
)

numbers = st.one_of(
    st.floats(
        min_value=-NUMBER_LIMIT, max_value=NUMBER_LIMIT, allow_nan=False, allow_infinity=False
    ),
    st.integers(min_value=-(10**15), max_value=10**15).map(float),
    st.sampled_from([0.0, -0.0, 5e-324, 1e-300, NUMBER_LIMIT, -NUMBER_LIMIT, 0.1, 1 / 3]),
)

dates = st.dates()


def _optional(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.none() | strategy


@st.composite
def objectives(draw: st.DrawFn) -> Objective:
    start, end = draw(_optional(dates)), draw(_optional(dates))
    if start and end and end < start:
        start, end = end, start
    return Objective(statement=draw(texts), kgi=draw(texts), start=start, end=end)


@st.composite
def guardrails(draw: st.DrawFn) -> Guardrail:
    low, high = draw(_optional(numbers)), draw(_optional(numbers))
    if low is not None and high is not None and low > high:
        low, high = high, low
    return Guardrail(min=low, max=high)


kpis = st.builds(
    Kpi,
    id=identifiers,
    name=texts,
    definition=texts,
    formula=texts,
    unit=_optional(st.sampled_from(UNITS)),
    direction=st.sampled_from(DIRECTIONS),
    indicator=_optional(st.sampled_from(INDICATORS)),
    role=_optional(st.sampled_from(ROLES)),
    level=_optional(st.sampled_from(LEVELS)),
    funnel_stage=_optional(st.sampled_from(FUNNEL_STAGES)),
    data_source=texts,
    owner=texts,
    baseline=_optional(numbers),
    target=_optional(numbers),
    guardrail=_optional(guardrails()),
    cadence=_optional(st.sampled_from(CADENCES)),
    on_breach=texts,
)

items = st.builds(
    Item,
    text=texts,
    kind=st.sampled_from(ITEM_KINDS),
    kind_set_by=st.sampled_from(["auto", "user"]),
    kpi=_optional(texts),
)

ignores = st.builds(Ignore, check=texts, path=texts, reason=texts.filter(bool))

checkins = st.builds(
    CheckIn,
    kpi=texts,
    date=dates,
    value=numbers,
    confidence=_optional(st.integers(min_value=0, max_value=10)),
    note=texts,
    inputs=st.dictionaries(texts, numbers, max_size=3),
)

inputs = st.builds(Input, description=texts, source=texts, unit=_optional(st.sampled_from(UNITS)))

plans = st.builds(
    Plan,
    title=texts,
    language=_optional(st.sampled_from(["en", "zh-TW"])),
    currency=texts,
    objective=objectives(),
    north_star=st.builds(
        NorthStar, name=texts, definition=texts, unit=_optional(st.sampled_from(UNITS))
    ),
    inputs=st.dictionaries(identifiers, inputs, max_size=3),
    kpis=st.lists(kpis, max_size=6),
    items=st.lists(items, max_size=6),
    ignore=st.lists(ignores, max_size=2),
    checkins=st.lists(checkins, max_size=3),
)
"""Any plan the models accept."""
