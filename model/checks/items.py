"""The lines under the objective: key results exist, are linked to KPIs, are not repeated."""

from __future__ import annotations

from collections.abc import Iterator

from model.checks.base import Found, check
from model.checks.context import Context


def normalized(text: str) -> str:
    """``text`` compared loosely: case, spacing and full-width forms ignored."""
    import unicodedata

    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


@check(
    "items.key_result",
    severity="error",
    step="objective",
    about="checks.about_items_key_result",
    fix="checks.fix_items_key_result",
)
def at_least_one_key_result(context: Context) -> Iterator[Found]:
    if not any(item.kind == "key_result" for item in context.plan.items):
        yield Found(("items",), "checks.items_no_key_result")


@check(
    "item.text",
    severity="warning",
    step="objective",
    about="checks.about_item_text",
    fix="checks.fix_item_text",
)
def item_text(context: Context) -> Iterator[Found]:
    for index, item in enumerate(context.plan.items):
        if not item.text.strip():
            yield Found(("items", index, "text"), "checks.item_empty")


@check(
    "item.linked",
    severity="warning",
    step="objective",
    about="checks.about_item_linked",
    fix="checks.fix_item_linked",
)
def key_results_linked(context: Context) -> Iterator[Found]:
    for index, item in enumerate(context.plan.items):
        if item.kind == "key_result" and not (item.kpi or "").strip():
            yield Found(("items", index, "kpi"), "checks.item_not_linked")


@check(
    "item.kpi_unknown",
    severity="error",
    step="objective",
    about="checks.about_item_kpi_unknown",
    fix="checks.fix_item_kpi_unknown",
)
def links_to_existing_kpis(context: Context) -> Iterator[Found]:
    for index, item in enumerate(context.plan.items):
        if (item.kpi or "").strip() and item.kpi not in context.kpi_ids:
            yield Found(("items", index, "kpi"), "checks.item_unknown_kpi", {"kpi": item.kpi})


@check(
    "items.duplicate",
    severity="warning",
    step="objective",
    about="checks.about_items_duplicate",
    fix="checks.fix_items_duplicate",
)
def duplicate_items(context: Context) -> Iterator[Found]:
    first_seen: dict[str, int] = {}
    for index, item in enumerate(context.plan.items):
        text = normalized(item.text)
        if not text:
            continue
        if text in first_seen:
            yield Found(
                ("items", index, "text"),
                "checks.item_duplicate",
                {"first": first_seen[text]},
            )
        else:
            first_seen[text] = index
