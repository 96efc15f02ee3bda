"""The lines under the objective: key results exist, are linked to KPIs, are not repeated,
and read as the kind they are saved as (the classifier's second opinion, as a hint)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache, partial

from model.checks.base import Described, Found, Phrase, check
from model.checks.context import Context
from model.classify import CONFIDENT, Classification, classify
from model.classify.rules import read as read_afresh
from model.plan import ItemKind
from model.safetext import shown

QUOTED_ITEM_CELLS = 40
"""The most terminal cells of a line a finding quotes (40 letters, 20 Chinese
characters): enough to tell which line it is without the items[N] index."""


@lru_cache(maxsize=8192)
def quoted(text: str) -> str:
    """The start of an item's line as a finding names it (``okr check`` and the exports
    list findings by field path, and ``items[3]`` alone does not say which line)."""
    line = " ".join(text.split())
    quote = shown(line, QUOTED_ITEM_CELLS)
    return quote if quote == line else quote[:-1].rstrip() + "…"


@lru_cache(maxsize=8192)
def normalized(text: str) -> str:
    """``text`` compared loosely: case, spacing and full-width forms ignored (remembered:
    the checks run again after every edit, and most lines have not changed)."""
    import unicodedata

    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


@check("items.key_result", severity="error", step="objective")
def at_least_one_key_result(context: Context) -> Iterator[Found]:
    # An empty line is not a key result yet, whatever kind it was saved with.
    if not any(item.kind == "key_result" and item.text.strip() for item in context.plan.items):
        yield Found(("items",), "checks.items_no_key_result")


@check("item.text", severity="warning", step="objective")
def item_text(context: Context) -> Iterator[Found]:
    for index, item in enumerate(context.plan.items):
        if not item.text.strip():
            yield Found(("items", index, "text"), "checks.item_empty")


@check("item.linked", severity="warning", step="objective")
def key_results_linked(context: Context) -> Iterator[Found]:
    for index, item in enumerate(context.plan.items):
        if item.kind == "key_result" and item.text.strip() and not (item.kpi or "").strip():
            yield Found(
                ("items", index, "kpi"), "checks.item_not_linked", {"item": quoted(item.text)}
            )


@check("item.kpi_unknown", severity="error", step="objective", ignorable=False)
def links_to_existing_kpis(context: Context) -> Iterator[Found]:
    for index, item in enumerate(context.plan.items):
        if (item.kpi or "").strip() and item.kpi not in context.kpi_ids:
            yield Found(
                ("items", index, "kpi"),
                "checks.item_unknown_kpi",
                {"kpi": item.kpi, "item": quoted(item.text)},
            )


@check("items.duplicate", severity="warning", step="objective")
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
                {"first": first_seen[text], "item": quoted(item.text)},
            )
        else:
            first_seen[text] = index


USER_KIND_CONFIDENCE = 0.9
"""How sure the classifier must be to question a kind the user chose (``kind_set_by =
"user"``). A user's override is deliberate, so it is questioned only when the reading is
very firm (on the labelled sets, readings this firm are right about 99% of the time);
a kind set by the classifier is questioned at its own confident level (0.6)."""


def reading(text: str) -> Classification:
    """The classifier's whole reading of a line, reasons included (the classifier
    remembers the lines it read recently)."""
    return classify(text)


@lru_cache(maxsize=8192)
def kind_read(text: str) -> tuple[ItemKind, float]:
    """The kind and confidence the classifier reads in a line, cached per text: the app
    runs the checks again after each edit, so a line is read once, not on every run.

    Only these two are kept. A whole reading holds its evidence and the rules that fired
    (about 1 KB a line), and a plan with 3,000 lines kept 3 to 4 MB of them alive; the
    reason a finding quotes is read again when its message is shown. The line is read
    without entering the classifier's own memory of recent lines, which stays the
    editor's (the lines on screen).
    """
    found = read_afresh(text)
    pair = (found.kind, found.confidence)
    return _KIND_READS.setdefault(pair, pair)


_KIND_READS: dict[tuple[ItemKind, float], tuple[ItemKind, float]] = {}
"""Each (kind, confidence) pair once: confidences have two decimals, so a few hundred
pairs serve any number of lines."""


def _first_reason(text: str) -> str:
    reasons = classify(text).reasons
    return reasons[0].text if reasons else ""


class _ReadsAs(Mapping[str, object]):
    """The parameters of an item-kind finding's message in one small object (a plan with
    thousands of lines can have thousands of these findings): the kind read, the kind
    saved, and the first reason, read from the line again when the message is shown."""

    __slots__ = ("_reading", "_saved", "_text")

    def __init__(self, reading: ItemKind, saved: ItemKind, text: str) -> None:
        self._reading = reading
        self._saved = saved
        self._text = text

    def __getitem__(self, name: str) -> object:
        if name == "reading":
            return KIND_PHRASES[self._reading]
        if name == "saved":
            return KIND_PHRASES[self._saved]
        if name == "reason":
            return Described(partial(_first_reason, self._text))
        if name == "item":
            return quoted(self._text)
        raise KeyError(name)

    def __iter__(self) -> Iterator[str]:
        return iter(("reading", "saved", "reason", "item"))

    def __len__(self) -> int:
        return 4


@check("item.kind", severity="hint", step="objective")
def classifier_disagrees(context: Context) -> Iterator[Found]:
    """The classifier reads a line as another kind than the one saved."""
    for index, item in enumerate(context.plan.items):
        if not item.text.strip():
            continue
        kind, confidence = kind_read(item.text)
        if kind == item.kind:
            continue
        threshold = USER_KIND_CONFIDENCE if item.kind_set_by == "user" else CONFIDENT
        if confidence < threshold:
            continue
        yield Found(
            ("items", index, "kind"),
            "checks.item_reads_as_user" if item.kind_set_by == "user" else "checks.item_reads_as",
            _ReadsAs(kind, item.kind, item.text),
        )


KIND_KEYS: dict[ItemKind, str] = {
    "key_result": "checks.a_key_result",
    "initiative": "checks.an_initiative",
    "objective": "checks.an_objective",
}
"""A kind as a noun phrase inside a sentence ("an initiative")."""

KIND_PHRASES: dict[ItemKind, Phrase] = {kind: Phrase(key) for kind, key in KIND_KEYS.items()}
"""The same as phrases, made once (a large plan has thousands of these findings)."""
