"""Is a line a key result, an initiative or an objective? A bilingual, explainable answer.

The commonest OKR mistake is writing an initiative (work the team fully controls) where
a key result (a measurable outcome) belongs. :func:`classify` reads one line, in
English or Chinese (Traditional or Simplified, or mixed), and returns the kind, a
confidence and the reasons, each a message key plus the user's own words, so the
reasons re-render when the language changes. :func:`suggest_switch` says when a line's
kind confidently looks wrong (the editor's hint). :func:`smart_hints` checks an objective
statement and its KGI against SMART. Both are pure functions, fast enough to run on
every keystroke (``bench/classify_throughput.py``).

How it decides is written down in ``docs/classifier.md``; the pieces:

- :mod:`~model.classify.words_en`, :mod:`~model.classify.words_zh`: the words it knows;
- :mod:`~model.classify.lexicon`: what each word signals, and the scan that finds them
  (with :mod:`~model.hanzi` for Simplified spellings);
- :mod:`~model.classify.quantities`, :mod:`~model.classify.figures`,
  :mod:`~model.classify.units`, :mod:`~model.classify.deadlines`,
  :mod:`~model.classify.changes`: numbers with their units and bounds (found by the scan
  in ``quantities``, each read in ``figures``), deadlines, baseline-to-target changes;
- :mod:`~model.classify.evidence`, :mod:`~model.classify.verbs`,
  :mod:`~model.classify.roles`: the facts gathered from one line (its main verb; which
  numbers are targets and which outputs);
- :mod:`~model.classify.rulebook`: the named, weighted rules;
- :mod:`~model.classify.rules`: which rules to ask of a line, and the verdict;
- :mod:`~model.classify.result`: what it returns;
- :mod:`~model.classify.smart`: SMART hints for an objective.
"""

from __future__ import annotations

from model.classify.result import CONFIDENT, Classification, Reason
from model.classify.rules import classify, suggest_switch
from model.classify.smart import (
    SMART_CRITERIA,
    SmartCriterion,
    SmartHint,
    SmartStatus,
    smart_hints,
)

__all__ = [
    "CONFIDENT",
    "SMART_CRITERIA",
    "Classification",
    "Reason",
    "SmartCriterion",
    "SmartHint",
    "SmartStatus",
    "classify",
    "smart_hints",
    "suggest_switch",
]
