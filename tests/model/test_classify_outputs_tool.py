"""bench.classify_outputs: saved readings are checked, and a changed one is caught."""

from __future__ import annotations

import pickle

from bench import classify_outputs


def test_a_saved_set_of_readings_checks_clean_and_a_changed_reading_is_reported(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.setattr(
        classify_outputs, "lines", lambda: ["Write 10 blog posts", "提升轉換率到 3%"]
    )
    saved = tmp_path / "readings.pickle"
    assert classify_outputs.main(["save", str(saved)]) == 0
    assert classify_outputs.main(["check", str(saved)]) == 0
    assert "2 readings checked, 0 changed" in capsys.readouterr().out

    readings = pickle.loads(saved.read_bytes())
    line, _kind, confidence, reasons = readings[0]
    readings[0] = (line, "key_result", confidence, reasons)  # as if the classifier changed
    saved.write_bytes(pickle.dumps(readings))
    assert classify_outputs.main(["check", str(saved)]) == 1
    out = capsys.readouterr().out
    assert "2 readings checked, 1 changed" in out and "'Write 10 blog posts'" in out


def test_the_corpus_covers_prefixes_cases_and_the_example_plans():
    from bench.classify_throughput import corpus

    lines = set(classify_outputs.lines())
    first = corpus()[0]
    assert {first, first[:5], first.upper(), first.lower()} <= lines
    assert "Make the free trial the fastest path to value for small teams" in lines
