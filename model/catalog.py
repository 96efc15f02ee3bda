"""The KPI catalog: common KPIs with their formulas, ready to pick into a plan.

The data lives in ``model/data/catalog.toml`` (see its header for the layout). It is
loaded and validated on first use, never at start-up, and cached. :func:`search` ranks
entries for type-to-search in English or Chinese; :func:`apply_catalog_entry` copies an
entry into a plan's KPI and declares the inputs its formula reads.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections.abc import Iterable
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from model.formula import FormulaSyntaxError, parse_formula
from model.hanzi import to_simplified
from model.i18n import Language, get_language, t, written_in
from model.inputs import declare_inputs
from model.plan import Direction, FunnelStage, Identifier, Indicator, Kpi, Plan, Unit

Area = Literal["marketing", "sales", "product", "hr", "rnd", "procurement"]
"""The part of a company a catalog KPI mainly serves."""

_AREA_LABELS: dict[str, str] = {
    "marketing": "catalog.area_marketing",
    "sales": "catalog.area_sales",
    "product": "catalog.area_product",
    "hr": "catalog.area_hr",
    "rnd": "catalog.area_rnd",
    "procurement": "catalog.area_procurement",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True, populate_by_name=True)


class LocalText(_Strict):
    """A text in every language the planner speaks."""

    en: str = Field(min_length=1)
    """English."""

    zh_tw: str = Field(alias="zh-TW", min_length=1)
    """Traditional Chinese (Taiwan)."""

    def get(self, language: Language | None = None) -> str:
        """The text in ``language`` (default: the current language)."""
        return self.zh_tw if (language or get_language()) == "zh-TW" else self.en


class CatalogInput(_Strict):
    """An input catalog formulas read, with its unit and what it counts."""

    unit: Unit | None = None
    """The input's unit."""

    description: LocalText
    """What the number counts, in each language."""


class CatalogEntry(_Strict):
    """One KPI of the catalog."""

    id: Identifier
    """Unique snake_case id, used as the KPI's id when picked (``checkout_conversion``)."""

    area: Area
    """The part of the company it mainly serves."""

    name: LocalText
    """Display name in each language."""

    description: LocalText
    """One line saying what it measures and why it matters, in each language."""

    aliases: list[str] = []
    """Abbreviations and other names people search for (``CTR``, ``客單價``)."""

    formula: str
    """The formula, in the formula language, over snake_case input names."""

    unit: Unit
    """The KPI's unit."""

    direction: Direction
    """Whether higher or lower is better."""

    indicator: Indicator
    """Leading or lagging, as the KPI is usually read."""

    funnel_stage: FunnelStage | None = None
    """The funnel stage it measures, where one fits."""

    inputs: dict[str, CatalogInput] = {}
    """The inputs its formula reads, in order of use; filled from the catalog's shared
    ``[inputs]`` table when loaded (an entry may also override one here)."""

    def input_names(self) -> tuple[str, ...]:
        """The input names its formula reads, in order of first use."""
        return tuple(self.inputs)


class CatalogFile(_Strict):
    """The whole catalog file: shared inputs, then the KPIs."""

    inputs: dict[Identifier, CatalogInput]
    """Every input any catalog formula reads, declared once."""

    kpis: list[CatalogEntry]
    """The KPIs, in the order they are listed."""

    @model_validator(mode="after")
    def _consistent(self) -> CatalogFile:
        seen: set[str] = set()
        for entry in self.kpis:
            if entry.id in seen:
                raise ValueError(f"duplicate catalog id {entry.id!r}")
            seen.add(entry.id)
            parsed = parse_formula(entry.formula)
            if isinstance(parsed, FormulaSyntaxError):
                raise ValueError(f"{entry.id}: {parsed.key} at {parsed.position}")
            undeclared = [n for n in parsed.names if n not in entry.inputs and n not in self.inputs]
            if undeclared:
                raise ValueError(f"{entry.id}: undeclared inputs {undeclared}")
            entry.inputs = {n: entry.inputs.get(n) or self.inputs[n] for n in parsed.names}
        return self


def _fold(text: str) -> str:
    """``text`` for matching: full-width folded, case-folded, ``_``/``-`` as spaces, and
    Chinese in Simplified characters, so that a query in either script finds the
    catalog's Traditional names (转化率 finds 轉換率's aliases as 轉化率 does)."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("_", " ").replace("-", " ")
    text = to_simplified(text)
    return re.sub(r"\s+", " ", text).strip()


class Catalog:
    """The loaded catalog: entries by id and a ranked search over them."""

    def __init__(self, entries: Iterable[CatalogEntry]) -> None:
        self.entries: tuple[CatalogEntry, ...] = tuple(entries)
        self._by_id = {entry.id: entry for entry in self.entries}
        self._keys = [
            [_fold(entry.id), *map(_fold, (entry.name.en, entry.name.zh_tw, *entry.aliases))]
            for entry in self.entries
        ]
        self._descriptions = [
            [_fold(entry.description.en), _fold(entry.description.zh_tw)] for entry in self.entries
        ]

    def get(self, entry_id: str) -> CatalogEntry | None:
        """The entry with this id, or ``None``."""
        return self._by_id.get(entry_id)

    def search(self, query: str, limit: int | None = None) -> list[CatalogEntry]:
        """Entries matching ``query`` (English or Chinese), best first.

        Ranked: an exact id, name or alias; a name that starts with the query; a word of
        a name that does; the query inside a name; inside a description; an input the
        formula reads; every word of the query somewhere. Ties keep catalog order. An
        empty query lists everything.
        """
        wanted = _fold(query)
        if not wanted:
            return list(self.entries[:limit])
        ranked = []
        for index, entry in enumerate(self.entries):
            rank = self._rank(index, entry, wanted)
            if rank is not None:
                ranked.append((rank, index, entry))
        ranked.sort(key=lambda item: item[:2])
        return [entry for _, _, entry in ranked[:limit]]

    def _rank(self, index: int, entry: CatalogEntry, wanted: str) -> int | None:
        keys = self._keys[index]
        compact = wanted.replace(" ", "")
        if wanted in keys:
            return 0
        if any(key.startswith(wanted) for key in keys):
            return 1
        if any(word.startswith(wanted) for key in keys for word in key.split()):
            return 2
        if any(wanted in key for key in keys):
            return 3
        if not wanted.isascii() and any(compact in key.replace(" ", "") for key in keys):
            return 3  # Chinese is written with or without spaces: 結帳 轉換 finds 結帳轉換率
        if any(wanted in text for text in self._descriptions[index]):
            return 4
        if wanted.replace(" ", "_") in entry.inputs:
            return 5
        everything = " ".join([*keys, *self._descriptions[index]])
        if all(word in everything for word in wanted.split()):
            return 6
        return None


@functools.cache
def load_catalog() -> Catalog:
    """The shipped catalog, read and validated on first use (then cached)."""
    text = resources.files("model").joinpath("data/catalog.toml").read_text("utf-8")
    return Catalog(CatalogFile.model_validate(tomllib.loads(text)).kpis)


def catalog_entries() -> tuple[CatalogEntry, ...]:
    """Every catalog entry, in catalog order."""
    return load_catalog().entries


def get_entry(entry_id: str) -> CatalogEntry | None:
    """The catalog entry with this id, or ``None``."""
    return load_catalog().get(entry_id)


def search(query: str, limit: int | None = None) -> list[CatalogEntry]:
    """Catalog entries matching ``query``, best first (see :meth:`Catalog.search`)."""
    return load_catalog().search(query, limit)


def area_label(area: Area) -> str:
    """The area's name in the current language."""
    return t(_AREA_LABELS[area])


def apply_catalog_entry(
    plan: Plan, kpi: Kpi, entry: CatalogEntry, language: Language | None = None
) -> list[str]:
    """Fill ``kpi`` (a KPI of ``plan``) from ``entry`` and declare its formula's inputs.

    Sets the name, formula, unit, direction, indicator and funnel stage, and the
    definition when it is empty; keeps the id, numbers, owner and everything else.
    Inputs the plan lacks are declared with the catalog's description and unit (their
    data source is left for the user); existing ones are untouched. Texts are taken in
    ``language``, else the plan's language, else the language its objective is written
    in (a plan written in Chinese gets 營收, not Revenue, whatever the planner's own
    language), else the current one. Returns the names of the inputs newly declared.
    """
    language = (
        language
        or plan.language
        or written_in(f"{plan.title}\n{plan.objective.statement}\n{plan.objective.kgi}")
        or get_language()
    )
    kpi.name = entry.name.get(language)
    kpi.formula = entry.formula
    kpi.unit = entry.unit
    kpi.direction = entry.direction
    kpi.indicator = entry.indicator
    kpi.funnel_stage = entry.funnel_stage
    if not kpi.definition.strip():
        kpi.definition = entry.description.get(language)
    return declare_inputs(
        plan,
        entry.input_names(),
        descriptions={name: spec.description.get(language) for name, spec in entry.inputs.items()},
        units={name: spec.unit for name, spec in entry.inputs.items()},
    )


def add_catalog_kpi(plan: Plan, entry: CatalogEntry, language: Language | None = None) -> Kpi:
    """Append a new KPI made from ``entry`` to ``plan`` and return it.

    Its id is the entry's id, or ``<id>_2``, ``<id>_3``... when the plan already has a KPI
    with that id; the formula's inputs are declared as in :func:`apply_catalog_entry`.
    """
    taken = {kpi.id for kpi in plan.kpis}
    kpi_id, number = entry.id, 1
    while kpi_id in taken:
        number += 1
        kpi_id = f"{entry.id}_{number}"
    kpi = Kpi(id=kpi_id)
    apply_catalog_entry(plan, kpi, entry, language)
    plan.kpis = [*plan.kpis, kpi]
    return kpi
