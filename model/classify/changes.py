"""Baseline-to-target moves: "from 9% to 12%", "從 1.1% 提升到 1.6%", "from weekly to daily",
and a target with its starting point named beside it: "$450,000, up from $330,000",
"12% (was 9%)", "營收 500 萬,較去年的 400 萬"."""

from __future__ import annotations

import re
from collections.abc import Collection
from itertools import pairwise
from typing import NamedTuple

from model.classify.quantities import Quantity
from model.classify.units import BOUND_COMPARATORS
from model.hanzi import both_scripts


class Change(NamedTuple):
    """A move from a baseline to a target ("from 9% to 12%", "從每週一次到每天一次")."""

    start: int
    end: int
    before: Quantity | None
    """The baseline, when it is a number."""
    after: Quantity | None
    """The target, when it is a number."""


_CHANGE_GAP = re.compile(
    both_scripts(
        r"""\s*(?:[a-z][a-z-]*\s+)?(?:
    (?:to|→|->|=>|until)
  | (?:提升|提高|增加|增長|成長|降低|減少|縮短|下降|上升|拉高|壓低|增|減|降|升|改善|縮減|擴大
        |擴編|擴增|擴充|精簡|簡化|壓縮|削減|縮小|減低|拉升|推升|提昇)?
        \s*(?:到|至|為|成)
  | →|->
)\s*(?:(?:nt|us|hk)?\$|€|£|¥|(?:usd|twd|ntd|eur)\s?)?\s*$""",
    ),
    re.VERBOSE,
)
_FROM_BEFORE = re.compile(both_scripts(r"(?:(?<![a-z])from|從|由)\s*$"))
_WORD_CHANGE = re.compile(
    both_scripts(
        r"""
    (?<![a-z])from\s+(?:weekly|monthly|daily|quarterly|yearly|manual|never|once\ a\ \w+)\s+to\s+
        (?:weekly|monthly|daily|hourly|quarterly|automatic|always|continuous|on\ demand)(?![a-z])
  | 從\s*每[週周月天日季年][^,,。;]{0,8}?(?:提升|提高|增加|縮短|降低|加快)?\s*(?:到|至|為)
        \s*每[週周月天日季年小][^,,。;]{0,6}
""",
    ),
    re.VERBOSE,
)


_SINCE = r"""(?:
    (?:last|the\ previous|the\ prior|previous|prior|this)\s+
        (?:year|quarter|month|week|period|season|summer|spring|fall|autumn|winter)(?:'s|’s)\s+
  | today(?:'s|’s)\s+
  | (?:a|the|our)\s+baseline\s+of\s+
  | (?:the\s+|our\s+)?current\s+
)?"""
_BASELINE_CUE = re.compile(
    both_scripts(
        r"""(?:
    (?P<plain>(?<![a-z])from|從|由)
  | (?<![a-z])(?:
        (?:up|down|rising|rose|risen|falling|fell|fallen|grown|grew|growing|increased
            |increasing|decreased|decreasing|improved|improving|dropped|dropping|climbing
            |climbed|declined|declining|reduced|raised|cut)\s+from
      | compared(?:\s+(?:with|to|against))?|vs\.?|versus
      | was|were|(?:is\s+)?(?:currently|today|now|at\ present)
      | baseline(?:\s+(?:of|is|was))?
    )
  | (?:[較较]|相[較较](?:[於于])?|相比(?:[於于])?|比起|對比|比)\s*
        (?:去年同期|去年|前年|上一?季|上個?月|上一?週|上一?年度?|上半年|同期|過去|前一?[年季月期])?
        \s*(?:的|之)?
  | 原(?:本|[來来]|先)?(?:的|是)?|目前(?:的|是)?|現在(?:的|是)?|現況
  | 基準(?:值|點)?(?:是)?|基期|去年(?:同期)?(?:的|是)?
)\s*:?\s*"""
        + _SINCE
        + r"$",
    ),
    re.VERBOSE,
)
"""What names the number right after it as the starting point ("up from", "compared with
last year's", "vs", "(was", "currently", "較去年的", "原本", "目前", "基準"): read
backwards from the number, in a window before it. A comparator written right before the
number is part of the number ("compared to 9%", "原為 9%")."""
_CUE_WINDOW = 48
_CUE_LAST = frozenset(":較较比起對对原本來来先的是況况準准值點点期年季月週周度過过從从由之於于去")
"""The last character of a Chinese starting-point cue (or a colon): before any other
number no window is searched."""
_CUE_LAST_PAIRS = frozenset(("現在", "现在", "目前"))
_CUE_WORDS = frozenset(
    (
        *("from", "vs", "vs.", "versus", "was", "were", "currently", "today", "now"),
        *("present", "current", "baseline", "compared"),
    )
)
"""The last word of an English cue; "of", "is", "with", "against" count after "baseline"
or "compared", and so does a possessive ("last year's")."""
_CUE_LINKS = frozenset(("of", "is", "with", "against"))
_SENTENCE_BREAK = re.compile(r"[;。;!?!?]")
_SET_OFF = re.compile(r"(?:.*[,,(])?\s*", re.DOTALL)
"""What may separate a target from a plain "from"/"從" that gives its starting point:
nothing ("to $80k from $50k"), or anything up to a comma or bracket ("$450,000 by June,
from $330,000"); not a noun ("200 leads from 5 webinars" counts where they come from)."""
_PARTNER_REACH = 48


def find_changes(
    text: str, quantities: list[Quantity], metric_ends: Collection[int] = ()
) -> list[Change]:
    """Baseline-to-target moves: a pair of numbers joined by "to"/"到" after "from"/"從"
    (or by an arrow), or by a bare "to"/"到" right after a metric's name (``metric_ends``:
    where the line's metrics end; "NRR 110% to 120%"), the wordless "from weekly to
    daily" / "從每週一次到每天一次", and a target with its starting point named beside it
    ("$450,000, up from $330,000")."""
    changes: list[Change] = []
    for before, after in pairwise(quantities):
        gap_start = before.end
        if after.number_start - gap_start > 12:
            continue
        gap = _CHANGE_GAP.match(text, gap_start, after.number_start)
        if not gap:
            continue
        start = before.start
        opener = _FROM_BEFORE.search(text, max(0, start - 6), start)
        if opener:
            start = opener.start()
        elif (
            metric_ends
            and gap[0].strip() in ("to", "到", "至")
            and _metric_value_to(text, before, after, metric_ends)
        ):
            pass  # "NRR 110% to 120%": the metric moves from 110% to 120%
        elif not any(sign in gap[0] for sign in ("→", "->", "=>", "到", "至", "为", "為")):
            continue  # "2 to 3 weeks" is a range, not a change
        elif before.comparator == "" and gap[0].strip() in ("到", "至"):
            continue  # "3 到 5 款" is a range; a change needs "from/從" or a verb before "到"
        changes.append(Change(start, after.end, before, after))
    if len(quantities) > max(1, 2 * len(changes)):  # numbers not yet in a change
        beside = _baselines_beside(text, quantities, changes)
        if beside:
            changes = sorted(changes + beside)
    if not changes:
        word = _WORD_CHANGE.search(text)
        if word:
            changes.append(Change(word.start(), word.end(), None, None))
    return changes


_METRIC_VALUE_GAP = re.compile(r"\s*:?\s*$")


def _metric_value_to(
    text: str, before: Quantity, after: Quantity, metric_ends: Collection[int]
) -> bool:
    """Whether two numbers of the same unit joined by a bare "to"/"到" follow a metric's
    name, nothing but a colon between ("NRR 110% to 120%", "留存率 30% 到 40%"): the
    metric's baseline and target, not a range of work ("測試 3 到 5 款廣告")."""
    if before.comparator or before.unit != after.unit or before.spelled or after.spelled:
        return False
    return any(
        end <= before.start and _METRIC_VALUE_GAP.fullmatch(text, end, before.start)
        for end in metric_ends
    )


def _baselines_beside(text: str, quantities: list[Quantity], changes: list[Change]) -> list[Change]:
    """A target with its starting point named beside it by a cue ("up from", "vs", "(was",
    "較去年的", "原本"): the baseline is the number after the cue, the target the nearest
    number of the same kind before it in the sentence (or, with nothing before, after it:
    "Currently 9%, reach 12%"). A plain "from"/"從" only names the starting point right
    after a target or set off by a comma ("to $80k from $50k", "450 萬,從 330 萬")."""
    found: list[Change] = []
    for index, baseline in enumerate(quantities):
        start = baseline.start
        if start < 2:
            continue
        if not _may_follow_cue(text, start - 2 if text[start - 1] == " " else start - 1):
            continue
        if _inside(changes, start) or _inside(found, start):
            continue  # "from 9% to 12%": already read
        cue = _BASELINE_CUE.search(text, max(0, start - _CUE_WINDOW), start)
        if cue is None:
            continue
        target = _target_beside(text, quantities, index, cue, changes + found)
        if target is None:
            continue
        start, end = min(target.start, cue.start()), max(target.end, baseline.end)
        if text[end : end + 1] == ")" and text.count("(", start, end) > text.count(")", start, end):
            end += 1  # "50 by Q4 (currently 32)": the bracket the cue opened
        found.append(Change(start, end, baseline, target))
    return found


def _may_follow_cue(text: str, last: int) -> bool:
    """Whether the character at ``last`` may end a starting-point cue: a cheap look before
    the full pattern, as most numbers follow no cue."""
    char = text[last]
    if "a" <= char <= "z" or char == ".":
        space = text.rfind(" ", 0, last)
        word = text[space + 1 : last + 1].lstrip("([,")
        if word in _CUE_WORDS or word.endswith(("'s", "’s")):
            return True
        return word in _CUE_LINKS and text.endswith(("baseline", "compared"), 0, space)
    return char in _CUE_LAST or text[last - 1 : last + 1] in _CUE_LAST_PAIRS


def _inside(changes: list[Change], position: int) -> bool:
    return any(change.start <= position < change.end for change in changes)


def _target_beside(
    text: str, quantities: list[Quantity], index: int, cue: re.Match[str], read: list[Change]
) -> Quantity | None:
    baseline = quantities[index]
    plain = cue["plain"] is not None
    for target in reversed(quantities[:index]):
        gap = text[target.end : cue.start()]
        if len(gap) > _PARTNER_REACH or _SENTENCE_BREAK.search(gap):
            break
        if plain and not _SET_OFF.fullmatch(gap):
            return None
        if not _inside(read, target.start) and _same_kind(text, target, baseline):
            return target
        if plain:
            return None
    if plain:
        return None
    for target in quantities[index + 1 :]:
        gap = text[baseline.end : target.start]
        if len(gap) > _PARTNER_REACH or _SENTENCE_BREAK.search(gap):
            return None
        if not _inside(read, target.start) and _same_kind(text, target, baseline):
            return target
    return None


def _same_kind(text: str, first: Quantity, second: Quantity) -> bool:
    """Whether two numbers measure the same thing, as a baseline and its target do (a
    number in an adjective, "30-day readmission rate", measures nothing)."""
    return (
        first.unit == second.unit
        and not _in_adjective(text, first)
        and not _in_adjective(text, second)
        and not first.spelled
        and not second.spelled
        and (first.classifier == second.classifier or not first.classifier or not second.classifier)
    )


def _in_adjective(text: str, quantity: Quantity) -> bool:
    end = quantity.end
    return text.startswith("-", end) and text[end + 1 : end + 2].isalpha()


_BAND_CUES = ("between", "介於", "介于", "維持在", "维持在")
_BAND = re.compile(rf"(?:{'|'.join(_BAND_CUES)})\s*$")
"""A band's cue right before its first number ("between ", "介於")."""
_BAND_JOIN = re.compile(r"\s*(?:and|to|-|–|~|到|至|和|與|与)\s*$")


def find_bands(
    text: str, quantities: list[Quantity], sizes_work: bool
) -> list[tuple[Quantity, Quantity, tuple[int, int]]]:
    """Pairs of numbers that give a band to stay within, not a target of the first:
    "between 2% and 3%", "between 20 and 30 days", "介於 2% 到 3% 之間", "維持在 2% 至
    3%", and, with no cue, two numbers joined by a dash with a unit after the second
    ("at 2%–3%", "2-3%", "2–4 hours"), each with its span. Plain counts size the work
    after an opening action verb (``sizes_work``: "Hire between 2 and 3 engineers"), and
    there a dash is a range of work ("Test 2-3% price rises")."""
    if _BAND_SIGN.search(text) is None:  # one pass for every cue and dash (most lines)
        return []
    cued = _BAND_CUES[0] in text or (not text.isascii() and any(c in text for c in _BAND_CUES[1:]))
    dashed = not sizes_work and any(dash in text for dash in _DASHES)
    if not (cued or dashed):
        return []
    found = []
    for first, second in pairwise(quantities):
        if second.number_start - first.end > 6 or first.classifier:
            continue
        if first.comparator in BOUND_COMPARATORS or second.comparator in BOUND_COMPARATORS:
            continue
        if first.unit != second.unit and first.unit != "count":
            continue  # "between 20 and 30 days": the unit is written once, at the end
        if second.unit == "count" and sizes_work:
            continue
        cue = (
            _BAND.search(text, max(0, first.number_start - 10), first.number_start)
            if cued
            else None
        )
        if cue is not None and (
            _BAND_JOIN.fullmatch(text, first.end, second.start)
            or (second.comparator == "=" and text[first.end : second.start].isspace())
        ):  # "2% and 3%", "2% 到 3%" (到 read as the second number's "to")
            start = min(cue.start(), first.start)
        elif dashed and _dash_band(text, first, second):
            start = first.start  # "at 2%–3%", "2-3%": the unit once, after the second
        else:
            continue
        end = second.end
        if text.startswith(("之間", "之间"), end) or text.startswith((" 之間", " 之间"), end):
            end = text.index("之", end) + 2
        found.append((first, second, (start, end)))
    return found


_DASHES = ("-", "–", "—", "~")
_BAND_SIGN = re.compile("|".join((*_BAND_CUES, *_DASHES)))
"""Any cue or dash of a band: lines without one have none."""
_DASH_JOIN = frozenset(_DASHES)


def _dash_band(text: str, first: Quantity, second: Quantity) -> bool:
    """Whether two numbers joined by a dash alone are a band: the lower first, no word
    between, and a unit after the second ("2%–3%", "2-3%", "2-4 hours"); plain counts
    ("1-2", "30-45") may be anything, page numbers, steps or years."""
    gap = text[first.end : second.start].strip()
    if not gap and second.value < 0:
        gap = text[second.start : second.number_start]  # "2%-3%": read as 2% and -3%
    return (
        gap in _DASH_JOIN
        and second.unit != "count"
        and not second.classifier
        and not first.spelled
        and not second.spelled
        and first.value < abs(second.value)
        and not _in_adjective(text, second)  # "25-34 year-olds": who, not how much
        and not _WHO_BEFORE.search(text, max(0, first.start - 8), first.start)
    )


_WHO_BEFORE = re.compile(r"(?<![a-z])(?:among|aged?|ages)\s+$")
"""Words before a dash band that make it a group of people ("among 25-34 year"), not a
target."""
