"""What each number in a line is: a measurable target, an output the team makes, or neither.

A number is a **target** when it has a unit (%, money, ×, stars), a bound ("under",
"以上"), a baseline ("from 9% to 12%"), or counts an outcome the team does not control
(customers, 訂單, "20 家"); an **output** when it counts what the team makes or does
(blog posts, 2 場說明會) or sizes the work after an opening action verb ("Interview 12
customers"); neither for a bare number ("Python 3.12").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from model.classify import lexicon as lx
from model.classify.changes import Change
from model.classify.hanzi import to_simplified
from model.classify.lexicon import Hit
from model.classify.quantities import Quantity
from model.classify.units import MEASURE_UNITS

if TYPE_CHECKING:
    from model.classify.evidence import Evidence

_BOUND_COMPARATORS = frozenset({"<", "<=", ">", ">=", "±"})
_OUTPUT_CLASSIFIERS = frozenset("篇封場场支部集則则條条款堂輪轮頁页張张本套台")
_OUTCOME_CLASSIFIERS = frozenset("家筆笔人件")
_CLAUSE_BREAK = re.compile("[,;。;:!?!?()()]")
_BREAK = re.compile(r"[,;。;:!?!?()()\d]")
"""What ends the reach of a number over the noun it counts: a clause mark or another number."""
_BREAK_NOUN_RUN = re.compile(
    r"[,;。;:!?!?()()\d的]|(?<![a-z])(?:for|of|to|in|on|with|by|from|at|about|per|a|an|the|and"
    r"|or|that|who|which|than)(?![a-z])"
)
"""What ends a run of nouns ("newsletter subscribers" is one run, "posts for users" two)."""


def _noun_after(evidence: Evidence, position: int) -> Hit | None:
    """The noun a number counts: the first noun after it, within the same clause. An
    article right after the number starts another noun phrase ("Make 2025 the year of the
    customer"): then it counts nothing."""
    text = evidence.text
    if text.startswith(_ARTICLES, position):
        return None
    limit = position + 24
    for hit in evidence.hits:
        if hit.start < position:
            continue
        if hit.start > limit:
            return None
        if hit.categories & lx.NOUN:
            if _BREAK.search(text, position, hit.start):
                return None
            return _head_noun(evidence, hit)
    return None


_ARTICLES = (" the ", " a ", " an ")


def _head_noun(evidence: Evidence, first: Hit) -> Hit:
    """The last noun of a run of nouns: "newsletter subscribers" counts subscribers."""
    head = first
    for hit in evidence.hits:
        if hit.start < head.end:
            continue
        if hit.start - head.end > 12 or hit.categories & lx.VERB:
            break
        if not hit.categories & lx.NOUN:
            continue
        if _BREAK_NOUN_RUN.search(evidence.text, head.end, hit.start):
            break
        head = hit
    return head


def _noun_before(evidence: Evidence, position: int) -> Hit | None:
    """The nearest noun before ``position`` in the same clause ("欄位" in "欄位從 7 個")."""
    found = None
    for hit in evidence.hits:
        if hit.end > position:
            break
        if hit.categories & lx.NOUN:
            found = hit
    if found and _CLAUSE_BREAK.search(evidence.text, found.end, position):
        return None
    return found


def assign_roles(evidence: Evidence) -> None:
    """Decide, for each number, whether it is a target, an output or neither."""
    leading_action = evidence.verb_leads and evidence.verb_kind in (lx.ACTION, lx.LAUNCH)
    after_outcome_verb = evidence.verb_kind == lx.OUTCOME
    measured_thing = bool(evidence.seen & (lx.METRIC | lx.OUTCOME_NOUN))
    targets: list[tuple[int, int]] = []
    outputs: list[tuple[int, int]] = []
    evidence.targets, evidence.outputs = targets, outputs
    own_input = (
        evidence.seen & lx.INPUT
        and evidence.verb_kind == lx.DIRECTION
        and evidence.verb is not None
        and evidence.verb.word not in _LOWERING
    )
    spending = leading_action and evidence.verb.word in lx.SPEND_VERBS  # "Spend $50k on ads"
    result_start, result_verb, hiring = _NO_RESULT_CLAUSE, None, False
    if leading_action and evidence.seen & _RESULT_VERB_KINDS:
        result = _result_clause(evidence)
        if result is not None:
            result_start, result_verb = result
            hiring = evidence.verb.word in _HIRING_VERBS  # "Hire 2 engineers and get to 8 people"
    in_change: set[int] = set()
    if len(evidence.quantities) > 1 and (
        _BAND_CUES[0] in evidence.text
        or (not evidence.text.isascii() and any(cue in evidence.text for cue in _BAND_CUES[1:]))
    ):
        for first, second, band in _bands(evidence, leading_action):
            in_change.update((first.start, second.start))  # "between 2% and 3%": one target
            targets.append(band)
            evidence.changes = [c for c in evidence.changes if c.before is not first]
    for change in evidence.changes:
        sides = [q for q in (change.before, change.after) if q is not None]
        in_change.update(q.start for q in sides)
        if own_input and _sets_input(evidence, change.start, sides, change):
            evidence.inputs = [*evidence.inputs, (change.start, change.end)]
        elif _change_is_output(evidence, change, sides):
            outputs.append((change.start, change.end))
        else:
            targets.append((change.start, change.end))
    for quantity in evidence.quantities:
        if quantity.start in in_change or describes_quality(evidence, quantity):
            continue
        if _inside_a_name(evidence.hits, quantity.number_start):
            continue  # "SOC 2", "ISO 27001": part of a name, not an amount
        if own_input and _sets_input(evidence, quantity.start, (quantity,), None):
            evidence.inputs = [*evidence.inputs, (quantity.start, quantity.end)]
            continue  # "Increase ad budget to $80k": the team's own input, set
        if spending and quantity.start < result_start and _spent(evidence, quantity):
            evidence.inputs = [*evidence.inputs, (quantity.start, quantity.end)]
            continue  # "Spend $50k on LinkedIn ads", "投入 5 萬在廣告": money put in
        noun = _noun_after(evidence, quantity.end)
        if (
            noun is not None
            and noun.categories & lx.METRIC
            and _names_window(evidence, quantity, noun)
        ):
            continue  # "30 天留存率", "Day-7 retention", "90-day churn": the metric's window
        if quantity.start >= result_start and _reached(evidence.text, result_verb, quantity):
            people = _team_size(evidence.text, quantity) if hiring else 0
            if people:  # "Hire 2 engineers and get to 8 people": the team's own size
                evidence.inputs = [*evidence.inputs, (quantity.start, people)]
                continue
            role = _role(quantity, noun, False, measured_thing, True)  # "... and reach 50k"
        else:
            role = _role(quantity, noun, leading_action, measured_thing, after_outcome_verb)
        if role is None and _sizes_the_change(evidence, quantity, noun):
            role = "target"
        if role is None and evidence.verb is None and _measures_metric(evidence, quantity):
            role = "target"  # "NPS 60": the metric's value
        if role is None:
            continue
        end = noun.end if noun is not None and quantity.unit == "count" else quantity.end
        span = (quantity.start if role == "target" else quantity.number_start, end)
        (targets if role == "target" else outputs).append(span)
    if result_verb is not None and any(start >= result_start for start, _ in targets):
        evidence.result_verb = result_verb


_BAND_CUES = ("between", "介於", "介于", "維持在", "维持在")
_BAND = re.compile(r"(?:between|介[於于]|[維维]持在)\s*$")
_BAND_JOIN = re.compile(r"\s*(?:and|to|-|–|~|到|至|和|與|与)\s*$")


def _bands(
    evidence: Evidence, leading_action: bool
) -> list[tuple[Quantity, Quantity, tuple[int, int]]]:
    """Pairs of numbers that give a band to stay within, not a target of the first:
    "between 2% and 3%", "between 20 and 30 days", "介於 2% 到 3% 之間", "維持在 2% 至
    3%", each with its span. Plain counts after an opening action verb size the work
    ("Hire between 2 and 3 engineers")."""
    text = evidence.text
    found = []
    for first, second in zip(evidence.quantities, evidence.quantities[1:], strict=False):
        if second.number_start - first.end > 6 or first.classifier:
            continue
        if first.comparator in _BOUND_COMPARATORS or second.comparator in _BOUND_COMPARATORS:
            continue
        if first.unit != second.unit and first.unit != "count":
            continue  # "between 20 and 30 days": the unit is written once, at the end
        if second.unit == "count" and leading_action:
            continue
        cue = _BAND.search(text, max(0, first.number_start - 10), first.number_start)
        if cue is None or not (
            _BAND_JOIN.fullmatch(text, first.end, second.start)
            or (second.comparator == "=" and text[first.end : second.start].isspace())
        ):  # "2% and 3%", "2% 到 3%" (到 read as the second number's "to")
            continue
        end = second.end
        if text.startswith(("之間", "之间"), end) or text.startswith((" 之間", " 之间"), end):
            end = text.index("之", end) + 2
        found.append((first, second, (min(cue.start(), first.start), end)))
    return found


_NO_RESULT_CLAUSE = 1 << 30
_RESULT_VERB_KINDS = lx.OUTCOME | lx.ASPIRATION
"""The kinds of the verbs that may open a result clause (:data:`lexicon.RESULT_VERBS`)."""
_JOINS = (" and", ",", "並", "并", "且", "再", " then", " to", "以", "來", "来", "從而", "从而")
"""What ends the work's clause before a result clause: "and", a comma, 並, 並且, 且, 再,
or a purpose: "to", "in order to", 以, 來, 從而 ("Launch the app to reach 50k downloads")."""
_LET = ("讓", "让")
_AWAY_FROM_VERB = re.compile(r"[,;]|(?<![a-z])(?:from|with|for|of|on|at|per|by|via)(?![a-z])")
"""What between a result verb and a number shows the number is not what it reaches ("get
sign-off from 3 VPs")."""


_HIRING_WORDS = lx.word_list(
    "hire, recruit, staff, backfill, 招募, 招聘, 聘請, 聘用, 聘任, 徵才, 招"
)
_HIRING_VERBS = frozenset((*_HIRING_WORDS, *map(to_simplified, _HIRING_WORDS)))
"""Verbs that grow the team itself, as they open a line (English in its base form): a
head count they reach is an input, not a result."""
_PEOPLE_WORDS = frozenset(
    lx.word_list("""
people, persons, staff, employees, engineers, developers, designers, reps, heads, ftes,
team members, members, hires, headcount
""")
)
_PEOPLE_CLASSIFIERS = frozenset("人位名")
_TEAM_AFTER = ("團隊", "团队", "編制", "编制", "人力", "的團隊", "的团队")
_WORD_AFTER = re.compile(r"\s*([a-z]+(?: members)?)")


def _team_size(text: str, quantity: Quantity) -> int:
    """Where a head count reached after a hiring verb ends, or 0 when the number counts
    something else: people, staff, engineers ("get to 8 people"), or 人/位/名 ending the
    clause or before 團隊, 編制 ("並達到 8 人"; not "帶來 300 人報名")."""
    if quantity.classifier:
        if quantity.classifier not in _PEOPLE_CLASSIFIERS:
            return 0
        rest = text[quantity.end :].lstrip()
        if not rest or _CLAUSE_BREAK.match(rest) or rest.startswith(_TEAM_AFTER):
            return quantity.end
        return 0
    word = _WORD_AFTER.match(text, quantity.end)
    if word is None or word[1] not in _PEOPLE_WORDS:
        return 0
    return word.end()


def _reached(text: str, verb: Hit | None, quantity: Quantity) -> bool:
    """Whether a number in a result clause is what its verb reaches: nothing but words
    between them, no preposition or clause mark ("reach a 2% conversion rate", "帶來 3,000
    位付費會員", "讓轉換率達到 2%"; not "get sign-off from 3 VPs")."""
    if verb is None or quantity.start < verb.start:
        return False
    return quantity.start <= verb.end or not _AWAY_FROM_VERB.search(text, verb.end, quantity.start)


def _result_clause(evidence: Evidence) -> tuple[int, Hit] | None:
    """Where a second clause stating a measured result starts, and its outcome verb: the
    verb right after "and", a comma, 並, 並且, 且 or 再 ("Launch the Android app and reach
    50k downloads", "上線 App 並達到 1 萬下載"), or after 讓 and what it acts on
    ("上線新官網並讓轉換率達到 2%"). Only the words of :data:`lexicon.RESULT_VERBS` open
    one: "and publish them", "並完成 3 場發表會" are more of the work."""
    text = evidence.text
    verb = evidence.verb
    assert verb is not None
    for hit in evidence.hits:
        if hit.start <= verb.end or hit.word not in lx.RESULT_VERBS:
            continue
        opening = hit.start
        if not text.isascii():
            window = text[max(verb.end, opening - 12) : opening]
            let = max(window.rfind(_LET[0]), window.rfind(_LET[1]))
            if let >= 0 and not _CLAUSE_BREAK.search(window, let):
                opening -= len(window) - let  # "並讓轉換率達到 2%": the clause starts at 讓
        if text[verb.end : opening].rstrip().endswith(_JOINS):
            return opening, hit
    return None


_WINDOW_GAPS = frozenset(("日", "-day", "day", "days", "-week", "week", "-month", "month"))
"""What may stand between a number and a metric's name when the number sets the metric's
time window ("30 天留存率", "30 日回購率", "90-day churn", "7 days retention")."""
_WINDOW_BEFORE = ("day-", "day ", "week-", "week ", "month-", "month ")
"""What before a number makes it a metric's day ("Day-7 retention", "day 30 retention")."""


def _names_window(evidence: Evidence, quantity: Quantity, noun: Hit) -> bool:
    """Whether a number right before a metric's name is part of that name: the time window
    it is measured over ("新客 30 天留存率", "首 7 天啟用率", "30 日回購率", "Day-7
    retention", "90-day churn"), not its target. A bound or "to"/"達" before the number
    makes it a value again ("縮短到 2 天交期"), and the metric must be measured by a later
    number ("達 40%", "under 5%"): alone, "4 days turnaround" is a duration reached."""
    if quantity.comparator or quantity.value % 1 or quantity.unit not in ("duration", "count"):
        return False
    if not any(
        later.start >= noun.end and (later.unit in MEASURE_UNITS or later.comparator)
        for later in evidence.quantities
    ):
        return False
    gap = evidence.text[quantity.end : noun.start].strip()
    if quantity.unit == "duration":
        return gap in ("", "-")
    if quantity.classifier:
        return False
    if gap.partition(" ")[0] in _WINDOW_GAPS:
        return True  # "30-day repeat purchase rate": the window, then the metric's name
    return not gap and evidence.text.endswith(_WINDOW_BEFORE, 0, quantity.number_start)


_LOWERING_WORDS = lx.word_list(
    "reduce, cut, lower, decrease, trim, shrink, 降低, 減少, 縮減, 削減, 壓低, 下降"
)
_LOWERING = frozenset({*_LOWERING_WORDS, *map(to_simplified, _LOWERING_WORDS)})
"""Direction verbs that lower a measure, in both Chinese scripts as the lexicon has its
words: cutting a budget or a headcount is a saving, a result (only raising or setting an
input is the team's own decision)."""
_PER = ("per ", "每", "人均", "/")
_PEOPLE = frozenset(("", "人", "位", "名"))


def _sets_input(
    evidence: Evidence, start: int, sides: Sequence[Quantity], change: Change | None
) -> bool:
    """Whether numbers set one of the team's own inputs: an amount of money or a count,
    with no bound, raised ("from 120 to 150"), and the nearest noun before them (in the
    same clause) a budget or a headcount ("Increase ad budget to $80k/month", "客服人力從
    10 人增加到 15 人"), not something measured per head ("Revenue per headcount"). Asked
    only with a direction verb (raised, grown, 增加, 擴編) that does not lower."""
    for quantity in sides:
        if quantity.comparator in _BOUND_COMPARATORS:
            return False  # "within budget", "headcount under 150": a limit kept, a result
        if quantity.unit == "count":
            if quantity.classifier not in _PEOPLE or _noun_after(evidence, quantity.end):
                return False  # "4 場", "4 new engineers": counts of something else
        elif quantity.unit != "currency":
            return False
    before, after = (change.before, change.after) if change is not None else (None, None)
    if before is not None and after is not None and after.value < before.value:
        return False  # "from $80k to $60k": a saving
    noun = _noun_before(evidence, start)
    if noun is None or not noun.categories & lx.INPUT:
        return False
    return not any(word in evidence.text[max(0, noun.start - 5) : noun.start] for word in _PER)


def _spent(evidence: Evidence, quantity: Quantity) -> bool:
    """Whether a number after a spending verb is the money spent: an amount of money, or
    a large bare count ("Spend 50k on ads", "花費 5 萬在廣告"), with no bound ("Spend
    under $40 per lead" keeps a cost down: a result)."""
    verb = evidence.verb
    if verb is None or quantity.start < verb.end or quantity.comparator in _BOUND_COMPARATORS:
        return False
    if quantity.unit == "currency":
        return True
    return quantity.unit == "count" and not quantity.classifier and quantity.value >= 1000


def _inside_a_name(hits: list[Hit], position: int) -> bool:
    """Whether ``position`` is inside a known word that starts before it ("soc 2")."""
    for hit in hits:
        if hit.start >= position:
            return False
        if hit.end > position:
            return True
    return False


def describes_quality(evidence: Evidence, quantity: Quantity) -> bool:
    """Whether a number only describes an abstract aim that follows: "a zero-harm safety
    culture", "零缺陷的品質文化" aim at a culture; they do not set a target of zero."""
    text, end = evidence.text, quantity.end
    if text.startswith("-", end) and text[end + 1 : end + 2].isalpha():
        pass  # "zero-harm", "5-star": the number is part of an adjective
    elif not ("的" in text[end : end + 6] and not _CLAUSE_BREAK.search(text, end, end + 6)):
        return False
    for hit in evidence.hits:
        if hit.start >= end:
            if hit.start - end > 24 or _CLAUSE_BREAK.search(text, end, hit.start):
                return False
            if hit.categories & lx.ABSTRACT:
                return True
    return False


def _change_is_output(evidence: Evidence, change: Change, sides: list[Quantity]) -> bool:
    if any(q.unit in MEASURE_UNITS or q.value % 1 for q in sides):
        return False  # a unit, or a fraction ("from 2.1 to 2.6 items"): an average, measured
    if any(q.classifier in _OUTPUT_CLASSIFIERS for q in sides):
        return True
    for quantity in sides:
        noun = _noun_after(evidence, quantity.end)
        if noun is not None:
            return bool(noun.categories & lx.OUTPUT_NOUN)
    noun = _noun_before(evidence, change.start)
    return noun is not None and noun.categories & lx.NOUN == lx.OUTPUT_NOUN


def _sizes_the_change(evidence: Evidence, quantity: Quantity, noun: Hit | None) -> bool:
    """Whether a number says by how much a direction verb moves the measure: "住院天數減少
    1 天", "Cut handling time by 2 minutes" (a duration, or a bare number, right after the
    verb or "by")."""
    verb = evidence.verb
    if verb is None or evidence.verb_kind != lx.DIRECTION or quantity.start < verb.end:
        return False
    between = evidence.text[verb.end : quantity.start].strip()
    if between and not between.endswith(" by") and between != "by":
        return False
    if evidence.after_verb(lx.OUTPUT_NOUN) is not None:
        return False  # "Reduce onboarding steps by 3": the team's own work, changed
    return quantity.unit == "duration" or (noun is None and not quantity.classifier)


def _measures_metric(evidence: Evidence, quantity: Quantity) -> bool:
    """Whether a bare number right after a metric's name, with nothing after it but the
    end of the line or a clause mark, is its value ("NPS 60", "eNPS: 40")."""
    if quantity.classifier or quantity.comparator:
        return False
    rest = evidence.text[quantity.end : quantity.end + 2].strip()
    if rest and rest[0] not in ",;。;(":
        return False
    noun = _noun_before(evidence, quantity.start)
    return (
        noun is not None
        and bool(noun.categories & lx.METRIC)
        and evidence.text[noun.end : quantity.start].strip() in ("", ":", "=")
    )


def _role(
    quantity: Quantity,
    noun: Hit | None,
    leading_action: bool,
    measured_thing: bool,
    after_outcome_verb: bool,
) -> str | None:
    noun_categories = noun.categories if noun is not None else 0
    if quantity.spelled and not measured_thing:
        return None  # "Double our impact": doubled, but nothing measurable named
    if quantity.unit in MEASURE_UNITS or quantity.value == 0 or quantity.value % 1:
        return "target"  # a unit, zero, or a fraction ("2.5 items per order"): measured
    if quantity.comparator in _BOUND_COMPARATORS:
        return "target"
    if quantity.comparator == "=" and not leading_action and not noun_categories & lx.OUTPUT_NOUN:
        return "target"  # "grows to 3 minutes", "達到 50k"
    if quantity.classifier in _OUTPUT_CLASSIFIERS or noun_categories & lx.OUTPUT_NOUN:
        return "output"
    if leading_action and (noun is not None or quantity.classifier):
        return "output"  # "Interview 12 recent customers": the count sizes the work
    if quantity.classifier in _OUTCOME_CLASSIFIERS or noun_categories & (
        lx.OUTCOME_NOUN | lx.METRIC
    ):
        return "target"
    if after_outcome_verb and quantity.unit == "count":
        return "target"  # "Sell 40,000 copies", "至少拿下 8 個標案": a result to reach
    return None


_COUNTED = re.compile(r"[ \t]+((?:[a-z][a-z-]*[ \t]+){0,2}?[a-z][a-z-]*[a-hj-rtv-z]s)(?![a-z])")
"""Up to three words after a number, the last a plural ("2,000 paying teams", "500 clinics")."""
_NOT_IN_A_COUNT = re.compile(
    r"(?<![a-z])(?:for|of|to|in|on|with|by|from|at|per|a|an|the|and|or|vs|than)(?![a-z])"
)


def counted_things(evidence: Evidence) -> tuple[int, int] | None:
    """A bare count of things opening a line with no verb ("2,000 paying teams by Q4", "500
    clinics using us weekly"): a number of things to reach, measurable though the lexicon
    does not know the noun. ``None`` when the line has a verb, a target or an output, or
    the number is not a whole count followed by a plural."""
    if evidence.verb is not None or evidence.targets or evidence.outputs:
        return None
    for quantity in evidence.quantities:
        if quantity.start != evidence.lead:
            continue
        if (
            quantity.unit != "count"
            or quantity.comparator
            or quantity.classifier
            or quantity.value % 1
            or quantity.value < 2
        ):
            return None
        if (
            1900 <= quantity.value <= 2100
            and "," not in evidence.text[quantity.start : quantity.end]
        ):
            return None  # "2027 ...": a year
        words = _COUNTED.match(evidence.text, quantity.end)
        if words is None or _NOT_IN_A_COUNT.search(words[1]):
            return None
        end = words.end()
        if any(
            quantity.end <= hit.start < end and hit.categories & lx.VERB for hit in evidence.hits
        ):
            return None  # "2027 become clinics": a verb, not a noun phrase
        return quantity.start, end
    return None
