"""The pieces every method check is built from: severities, steps, findings, the registry.

A check is a function registered with :func:`check` under a stable id
(``kpi.target_direction``); it looks at a plan through a
:class:`~model.checks.context.Context` and yields :class:`Found` entries (a field path
and a message key). The runner turns each into a :class:`Finding` carrying the check's
id, severity and wizard step. Messages are kept as keys and parameters, so a finding
re-renders in the current language whenever its ``message`` is read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal, get_args

from model.i18n import t
from model.steps import STEPS as STEPS  # the wizard's steps are defined once, there
from model.steps import Step as Step

if TYPE_CHECKING:
    from model.checks.context import Context

Severity = Literal["error", "warning", "hint"]
"""``error``: the plan does not pass the method's checklist (``okr check`` exits 1);
``warning``: something a reviewer should look at; ``hint``: a suggestion."""

SEVERITIES: tuple[Severity, ...] = get_args(Severity)
"""From the most to the least serious."""

NO_PARAMS: Mapping[str, object] = MappingProxyType({})
"""No message parameters: one shared, read-only mapping (a large plan has thousands of
findings, and an empty dict for each cost a fifth of a megabyte)."""


def _no_params() -> Mapping[str, object]:
    return NO_PARAMS


Loc = tuple[str | int, ...]
"""Where a field is in the plan, as pydantic writes locations: ``("kpis", 3, "target")``,
``("items", 0, "kind")``, ``("objective", "kgi")``, ``("inputs", "orders", "source")``."""


@dataclass(frozen=True, slots=True)
class Found:
    """What a check function yields: the field and the message (the runner adds the rest)."""

    loc: Loc
    """The field the finding is about."""

    key: str
    """The message key of what is wrong."""

    params: Mapping[str, object] = field(default_factory=_no_params)
    """The message's parameters (plain values, or :class:`Quantity`/:class:`Phrase`)."""

    fix_key: str | None = None
    """A more precise fix than the check's own, when the check has one for this case."""

    fix_params: Mapping[str, object] = field(default_factory=_no_params)
    """The fix message's parameters."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a plan: which check, how serious, where, what and how to fix.

    ``path`` is the field as ``okr check`` prints it and as ``[[ignore]]`` entries name it
    (``kpis.cac.target``, ``objective.statement``, ``items[3].kind``); ``loc`` is the same
    place with list positions (``("kpis", 3, "target")``), for a screen to focus the widget.
    """

    check: str
    """The check's stable id (``kpi.target_direction``): what ``[[ignore]]`` names."""

    severity: Severity
    """``error``, ``warning`` or ``hint``."""

    step: Step
    """The wizard step where the field is edited."""

    path: str
    """The field path, with a KPI's id where it is unique (``kpis.cac.target``) and the
    position otherwise (``kpis[2].id``); items, check-ins and ``[[ignore]]`` entries by
    position, counting from 0 (``items[3].kind``)."""

    loc: Loc
    """The same field with list positions: ``("kpis", 3, "target")``."""

    key: str
    """The message key."""

    params: Mapping[str, object]
    """The message's parameters."""

    fix_key: str
    """The key of the sentence saying how to fix it."""

    fix_params: Mapping[str, object] = field(default_factory=_no_params)
    """The fix sentence's parameters."""

    @property
    def message(self) -> str:
        """What is wrong, in the current language."""
        return t(self.key, **self.params)

    @property
    def fix(self) -> str:
        """How to fix it, in the current language."""
        return t(self.fix_key, **self.fix_params)

    def to_dict(self) -> dict[str, object]:
        """The finding as JSON-ready data; ``check``, ``severity`` and ``step`` are fixed
        English words, ``message`` and ``fix`` follow the current language."""
        return {
            "check": self.check,
            "severity": self.severity,
            "step": self.step,
            "path": self.path,
            "message": self.message,
            "fix": self.fix,
        }


CheckFunction = Callable[["Context"], Iterable[Found]]


@dataclass(frozen=True)
class Check:
    """A registered check: its id, severity, step, documentation and function."""

    id: str
    """Stable id, ``<scope>.<what>``: the name ``okr check`` prints and ``[[ignore]]`` uses."""

    severity: Severity
    """The severity of every finding of this check."""

    step: Step
    """The wizard step its findings belong to."""

    about: str
    """Message key: what the check asks of a plan (one sentence, for docs/checks.md)."""

    fix: str
    """Message key: how to fix a finding (shown by ``okr check --verbose`` and the app)."""

    function: CheckFunction
    """Yields the findings for a plan."""

    dated: bool = False
    """Whether its findings depend on the day checked (the tracking checks): whether an
    ``[[ignore]]`` of it matches anything changes from day to day, so such an entry is
    never reported as stale."""

    ignorable: bool = True
    """Whether an ``[[ignore]]`` entry may accept its findings. ``False`` for findings
    that leave the plan unusable as written (a formula that can never be computed, a
    KPI id used twice) and for the findings about ``[[ignore]]`` entries themselves:
    those are reported whatever the plan's ``[[ignore]]`` entries say."""


CHECKS: dict[str, Check] = {}
"""Every check, by id, in the order they run (step by step)."""


def check(
    check_id: str,
    *,
    severity: Severity,
    step: Step,
    dated: bool = False,
    ignorable: bool = True,
) -> Callable[[CheckFunction], CheckFunction]:
    """Register the decorated function as the check ``check_id``. What it checks and how
    to fix it are the messages ``checks.about_<id>`` and ``checks.fix_<id>`` (the id with
    its dots as underscores: ``kpi.baseline`` has ``checks.about_kpi_baseline``).
    ``ignorable=False`` makes its findings impossible to accept with ``[[ignore]]``."""
    key = check_id.replace(".", "_")

    def register(function: CheckFunction) -> CheckFunction:
        if check_id in CHECKS:
            raise ValueError(f"duplicate check id {check_id}")
        CHECKS[check_id] = Check(
            check_id,
            severity,
            step,
            f"checks.about_{key}",
            f"checks.fix_{key}",
            function,
            dated,
            ignorable,
        )
        return function

    return register


def can_be_ignored(check_id: str) -> bool:
    """Whether an ``[[ignore]]`` entry can accept the findings of the check ``check_id``
    (``False`` for an id that is not a check). The one rule the runner, the Review
    step's ``s`` and ``okr check --verbose``'s "to accept it" recipe follow."""
    registered = CHECKS.get(check_id.strip())
    return registered is not None and registered.ignorable


# --- parameters that render in the current language when the message is read -----------


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in a unit, formatted when the message is rendered (``$780``, ``12%``)."""

    value: float
    unit: str | None
    currency: str = ""

    def __format__(self, spec: str) -> str:
        from model.units import format_value

        return format_value(self.value, self.unit, currency=self.currency)  # type: ignore[arg-type]

    def __str__(self) -> str:
        return format(self)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A translated phrase used inside another message (a stage's name, a kind)."""

    key: str
    params: tuple[tuple[str, object], ...] = ()

    def __format__(self, spec: str) -> str:
        return t(self.key, **dict(self.params))

    def __str__(self) -> str:
        return format(self)


@dataclass(frozen=True, slots=True)
class Listing:
    """Several values joined the way the language lists them (``a, b and c`` / ``a、b、c``)."""

    values: tuple[object, ...]

    def __format__(self, spec: str) -> str:
        from model.inputs import join_list

        return join_list([format(value) for value in self.values])

    def __str__(self) -> str:
        return format(self)


@dataclass(frozen=True, slots=True)
class Described:
    """Text made by a function in the current language (a formula problem's message, a
    guardrail state), rendered when the message holding it is."""

    render: Callable[[], str]

    def __format__(self, spec: str) -> str:
        return self.render()

    def __str__(self) -> str:
        return format(self)
