"""GRADE steps and the forest plot."""

from __future__ import annotations

import math

from dxkit.tools.meta import BinaryCounts, binary_effect, pool
from dxkit.tools.meta.forest import render_forest, save_forest
from dxkit.tools.meta.grade import GradeInputs, grade, optimal_information_size_binary
from dxkit.tools.meta.schemas import StudyEffect


def effects(pairs):
    return [StudyEffect(study_id=f"s{i}", measure="RR", estimate=y, variance=v) for i, (y, v) in enumerate(pairs)]


def test_ois_by_hand():
    # control risk 0.2, RRR 25% -> 0.15; z = 1.95996 + 0.84162 = 2.80158
    # per arm = 2.80158^2 * (0.16 + 0.1275) / 0.05^2 = 902.6 -> 903; total 1806
    assert optimal_information_size_binary(0.2) == 1806


def test_precise_consistent_low_risk_evidence_stays_high():
    result = pool(effects([(-0.5, 0.01), (-0.45, 0.012), (-0.55, 0.011)]), "DL")
    certainty = grade(result, GradeInputs(risk_of_bias="low"), total_participants=5000, control_risk=0.2)
    assert certainty.level == "high"
    assert [s.downgrade for s in certainty.steps] == [0, 0, 0, 0, 0, 0]


def test_heterogeneity_imprecision_and_bias_each_downgrade_with_a_reason():
    result = pool(effects([(-1.0, 0.01), (0.6, 0.01), (0.1, 0.01)]), "DL")
    assert result.i2 > 50
    certainty = grade(result, GradeInputs(risk_of_bias="high"), total_participants=300, control_risk=0.2)
    by_domain = {s.domain: s for s in certainty.steps}
    assert by_domain["risk of bias"].downgrade == 1
    assert by_domain["inconsistency"].downgrade == 1 and "I\u00b2" in by_domain["inconsistency"].reason
    assert by_domain["imprecision"].downgrade == 2 and "optimal information size 1806" in by_domain["imprecision"].reason
    assert certainty.level == "very low"


def test_user_decision_threshold_is_used():
    result = pool(effects([(math.log(0.8), 0.001)]), "FE")  # CI about 0.75 to 0.85
    assert grade(result, GradeInputs(decision_threshold=0.9)).steps[4].downgrade == 0
    assert grade(result, GradeInputs(decision_threshold=0.8)).steps[4].downgrade == 1


def test_forest_plot_png_and_svg(tmp_path):
    counts = [BinaryCounts(study_id=f"Trial {i}", events_intervention=5 + i, total_intervention=50,
                           events_comparator=10, total_comparator=50) for i in range(3)]
    result = pool([binary_effect(c) for c in counts], "REML")
    assert render_forest(result, "test", "png")[:8] == b"\x89PNG\r\n\x1a\n"
    svg = render_forest(result, "test", "svg").decode("utf-8")
    assert "<svg" in svg
    paths = save_forest(result, tmp_path / "forest")
    assert paths["png"].is_file() and paths["svg"].is_file()
