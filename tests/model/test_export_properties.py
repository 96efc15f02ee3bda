"""Every export of any plan that loads renders, and its tables keep their shape."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.export import render_export
from model.plan import Plan
from tests.model.export_helpers import read_html, read_markdown
from tests.strategies import plans


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=plans, today=st.dates(), language=st.sampled_from(["en", "zh-TW"]))
def test_every_format_renders_and_parses_back(plan: Plan, today: dt.date, language):
    markdown = render_export(plan, "md", today=today, language=language)
    for table in read_markdown(markdown).tables:
        widths = {len(row) for row in table["rows"]}
        assert len(widths) == 1, table["rows"][0]
    kpi_tables = [
        t
        for t in read_markdown(markdown).tables
        if t["rows"][0][:2] in (["KPI", "Type"], ["KPI", "類型"])
    ]
    if plan.kpis:
        assert len(kpi_tables[0]["rows"]) == len(plan.kpis) + 1
    page = read_html(render_export(plan, "html", today=today, language=language))
    assert "script" not in {tag for tag, _ in page.tags}
    if plan.kpis:
        assert len(page.table_by_id("kpis")) == len(plan.kpis) + 1
    data = json.loads(render_export(plan, "json", today=today, language=language))
    assert Plan.model_validate_json(json.dumps(data["plan"])) == plan
    rows = list(csv.reader(io.StringIO(render_export(plan, "csv", today=today), newline="")))
    assert len(rows) == len(plan.kpis) + 1 and len({len(row) for row in rows}) == 1
    checkins = render_export(plan, "csv", today=today, table="checkins")
    assert len(list(csv.reader(io.StringIO(checkins, newline="")))) == len(plan.checkins) + 1
