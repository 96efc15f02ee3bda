"""The plan: one business goal turned into a measurable plan, as saved in a TOML file.

These models *are* the file format: every field's docstring below is its documentation
(``docs/plan-format.md`` is generated from them). Closed vocabularies are ``Literal``
types, so a typo in a file is a clear error rather than a silent default. A plan may be
incomplete (the wizard saves plans half-way through); what a *finished* plan needs is
judged by the method checks, not by loading.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from model.i18n import Language, t

SCHEMA_VERSION = 1
"""The newest plan-file schema this version of the planner reads and writes."""

NUMBER_LIMIT = 1e15
"""Largest magnitude accepted for a number in a plan; anything bigger is a typo."""

Unit = Literal["percent", "ratio", "currency", "count", "duration", "score"]
Direction = Literal["increase", "decrease"]
Indicator = Literal["leading", "lagging"]
Role = Literal["input", "output"]
Level = Literal["strategic", "operational", "functional"]
Cadence = Literal["daily", "weekly", "biweekly", "monthly", "quarterly"]
ItemKind = Literal["key_result", "initiative", "objective"]
KindSetBy = Literal["auto", "user"]
FunnelStage = Literal[
    # customer journey (seed 000)
    "awareness",
    "consideration",
    "conversion",
    "retention",
    "expansion",
    # AARRR pirate metrics (seed 004); "retention" is shared with the journey above
    "acquisition",
    "activation",
    "revenue",
    "referral",
    # content funnel (seed 004)
    "tofu",
    "mofu",
    "bofu",
    "advocacy",
]

UNITS: tuple[Unit, ...] = get_args(Unit)
DIRECTIONS: tuple[Direction, ...] = get_args(Direction)
INDICATORS: tuple[Indicator, ...] = get_args(Indicator)
ROLES: tuple[Role, ...] = get_args(Role)
LEVELS: tuple[Level, ...] = get_args(Level)
CADENCES: tuple[Cadence, ...] = get_args(Cadence)
ITEM_KINDS: tuple[ItemKind, ...] = get_args(ItemKind)
FUNNEL_STAGES: tuple[FunnelStage, ...] = get_args(FunnelStage)

IDENTIFIER = re.compile(r"[^\W\d]\w*")
"""What ids and input names look like (see :data:`Identifier`)."""


def _identifier(value: str) -> str:
    if not IDENTIFIER.fullmatch(value):
        raise PydanticCustomError("okr", "{message}", {"message": t("core.bad_identifier")})
    return value


Identifier = Annotated[str, AfterValidator(_identifier)]
"""A name usable as an id and inside formulas: letters (any script), digits and ``_``,
not starting with a digit. ``checkout_rate`` and ``訂單數`` are both identifiers."""

Number = Annotated[float, Field(allow_inf_nan=False, ge=-NUMBER_LIMIT, le=NUMBER_LIMIT)]
"""A finite number; integers are accepted and stored as floats."""


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        validate_assignment=True,
        populate_by_name=True,
    )


class Objective(_Model):
    """Step 1: the one business goal the plan serves."""

    statement: str = ""
    """The objective as one SMART sentence: qualitative and inspiring, one goal, with a
    direction verb (raise, reduce, become...). Example: "Make the trial the fastest path to
    value for small teams"."""

    kgi: str = ""
    """Key goal indicator: the single measurable result that says the objective was met,
    with its deadline. Example: "300 new paying users a month by 2026-03-31"."""

    start: dt.date | None = None
    """First day of the plan's period (a TOML date, e.g. 2026-01-01)."""

    end: dt.date | None = None
    """Last day of the plan's period; on or after ``start``."""

    @field_validator("end")
    @classmethod
    def _period_in_order(cls, end: dt.date | None, info: ValidationInfo) -> dt.date | None:
        start = info.data.get("start")
        if start and end and end < start:
            raise PydanticCustomError("okr", "{message}", {"message": t("core.period_reversed")})
        return end


class NorthStar(_Model):
    """Step 2: the single most important outcome metric for the whole effort."""

    name: str = ""
    """What the north star counts. Example: "Paid subscriptions"."""

    definition: str = ""
    """How it is counted, in one sentence, so everyone reads it the same way."""

    unit: Unit | None = None
    """The unit of the north star's value (same vocabulary as a KPI's ``unit``)."""


class Input(_Model):
    """A raw number that formulas use, declared once with where it comes from."""

    description: str = ""
    """What the number counts. Example: "count of paid orders in the period"."""

    source: str = ""
    """Where the number comes from. Example: "Shopify export, daily"."""

    unit: Unit | None = None
    """The input's unit, if it has one (``count``, ``currency``...)."""


class Guardrail(_Model):
    """A floor and/or ceiling that triggers the KPI's ``on_breach`` action when crossed."""

    min: Number | None = None
    """Act when the value falls below this (e.g. conversion must stay above 1.2%)."""

    max: Number | None = None
    """Act when the value rises above this (e.g. CAC must stay under 700)."""

    @model_validator(mode="after")
    def _bounds_in_order(self) -> Guardrail:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise PydanticCustomError("okr", "{message}", {"message": t("core.guardrail_reversed")})
        return self


class Kpi(_Model):
    """Steps 2 to 5: one core KPI, its formula, its numbers and who acts on it."""

    id: Identifier
    """Short unique name used to link key results and check-ins to this KPI
    (``trial_to_paid``)."""

    name: str = ""
    """The KPI's display name. Example: "Trial to paid rate"."""

    definition: str = ""
    """What is counted and what is excluded, in words."""

    formula: str = ""
    """How the value is computed from declared inputs. Example: "paid_users / trial_users"."""

    unit: Unit | None = None
    """``percent`` (stored as a fraction: 0.12 is 12%), ``ratio`` (3 means 3x),
    ``currency``, ``count``, ``duration`` (in days) or ``score`` (e.g. NPS)."""

    direction: Direction = "increase"
    """Whether higher (``increase``) or lower (``decrease``) is better."""

    indicator: Indicator | None = None
    """``leading`` (moves first, predicts) or ``lagging`` (confirms the result)."""

    role: Role | None = None
    """``input`` (a process the team can move quickly) or ``output`` (a result)."""

    level: Level | None = None
    """``strategic``, ``operational`` or ``functional``: who the KPI mainly serves."""

    funnel_stage: FunnelStage | None = None
    """The funnel stage the KPI measures: the customer journey (awareness, consideration,
    conversion, retention, expansion), AARRR (acquisition, activation, retention, revenue,
    referral) or the content funnel (tofu, mofu, bofu, advocacy)."""

    data_source: str = ""
    """Where the numbers come from. Example: "billing DB, daily export"."""

    owner: str = ""
    """The person or team who watches this KPI and acts on a breach."""

    baseline: Number | None = None
    """The value today, from history or an industry estimate, in the KPI's unit."""

    target: Number | None = None
    """The value to reach by the end of the period; usually 1.2 to 1.5 times the baseline."""

    guardrail: Guardrail | None = None
    """Thresholds that trigger action, written ``guardrail = { min = 0.08 }``."""

    cadence: Cadence | None = None
    """How often the KPI is reviewed: leading indicators usually weekly, lagging monthly."""

    on_breach: str = ""
    """What is done when the guardrail is crossed. Example: "pause the campaign"."""


class Item(_Model):
    """A line written under the objective: a key result, an initiative or a sub-objective."""

    text: str = ""
    """The line as the user wrote it."""

    kind: ItemKind = "key_result"
    """``key_result`` (a measurable outcome), ``initiative`` (an action the team controls)
    or ``objective`` (a qualitative direction)."""

    kind_set_by: KindSetBy = "auto"
    """``auto`` when ``kind`` is the classifier's reading, ``user`` when the user chose it;
    a user's choice is never replaced by the classifier."""

    kpi: str | None = None
    """The id of the KPI a key result moves, if any."""


class Ignore(_Model):
    """A method-check finding the team has decided to accept, with the reason."""

    check: str
    """The id of the check to silence (as printed by ``okr check``)."""

    path: str = ""
    """The field path the finding is about (``kpis.cac.target``); empty silences the
    check everywhere in the plan."""

    reason: Annotated[str, Field(min_length=1)]
    """Why the finding does not apply; required, so a silence is always explained."""


class CheckIn(_Model):
    """An actual value of a KPI recorded on a date."""

    kpi: str
    """The id of the KPI measured."""

    date: dt.date
    """The day the value was measured."""

    value: Number
    """The measured value, in the KPI's unit."""

    confidence: Annotated[int, Field(ge=0, le=10)] | None = None
    """How confident the owner is of reaching the target, 0 (not at all) to 10 (certain)."""

    note: str = ""
    """What happened, in a sentence."""

    inputs: dict[str, Number] = {}
    """The formula inputs the value was computed from, if it was computed."""


class Plan(_Model):
    """A whole plan: one objective, its north star, core KPIs and the lines under it."""

    schema_version: int = Field(SCHEMA_VERSION, alias="schema", ge=1)
    """The file format's version; this planner writes ``1``."""

    title: str = ""
    """A short name for the plan. Example: "SaaS growth Q1"."""

    language: Language | None = None
    """The language exports of this plan are written in (``en`` or ``zh-TW``); when unset,
    the language of whoever runs the export."""

    currency: str = ""
    """The currency code used to show ``currency`` values (``USD``, ``TWD``...)."""

    objective: Objective = Field(default_factory=Objective)
    """Step 1: the business goal."""

    north_star: NorthStar = Field(default_factory=NorthStar)
    """Step 2: the one outcome metric that matters most."""

    inputs: dict[Identifier, Input] = {}
    """Formula inputs, one table each: ``[inputs.orders]`` with description, source, unit."""

    kpis: list[Kpi] = []
    """The 3 to 5 core KPIs, one ``[[kpis]]`` table each."""

    items: list[Item] = []
    """Key results, initiatives and sub-objectives, one ``[[items]]`` table each."""

    ignore: list[Ignore] = []
    """Accepted method-check findings, one ``[[ignore]]`` table each."""

    checkins: list[CheckIn] = []
    """Recorded KPI values, one ``[[checkins]]`` table each, appended at the end of the file."""

    @field_validator("schema_version")
    @classmethod
    def _known_schema(cls, version: int) -> int:
        if version > SCHEMA_VERSION:
            raise PydanticCustomError(
                "okr", "{message}", {"message": t("core.schema_too_new", found=version)}
            )
        return version

    def kpi(self, kpi_id: str) -> Kpi | None:
        """The KPI with this id, or ``None``."""
        return next((k for k in self.kpis if k.id == kpi_id), None)
