"""Gatekeeper: exact answers, no leakage of the diagnosis, no volunteered findings, policies."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from langchain_core.language_models import FakeListChatModel
from simulator_fakes import HashEmbedder

from dxkit.cases import Case, load_native_cases
from dxkit.evals.simulator.loaders import load_osce
from dxkit.tools.gatekeeper import Gatekeeper, GatekeeperConfig, ReferenceTable
from dxkit.tools.gatekeeper.fields import case_fields, render
from dxkit.tools.gatekeeper.llm import LLMFieldMatcher
from dxkit.tools.gatekeeper.redact import WITHHELD, Redactor

DATA = Path(__file__).parent / "data"
ABSENT_TESTS = ["CBC", "basic metabolic panel", "TSH", "chest x-ray", "MRI brain", "lumbar puncture",
                "HIV test", "urinalysis", "ECG", "blood cultures"]


def _plain(text: str) -> str:
    return text.lower().replace("\u2019", "'")


@pytest.fixture(scope="module")
def dev_cases(shared_data: Path) -> list[Case]:
    return load_osce(shared_data / "agentclinic" / "agentclinic_medqa.jsonl")


@pytest.fixture(scope="module")
def anemia() -> Case:
    return load_native_cases(DATA / "native_cases.yaml")[0]


def _request(gatekeeper: Gatekeeper, section: str, name: str):
    if section == "tests":
        return [gatekeeper.answer_order(name)]
    return gatekeeper.answer_question(name)


def test_every_field_of_every_dev_case_returns_only_itself(dev_cases: list[Case]) -> None:
    """Leakage: a scripted request for each field gets that field (or, when the field's own name
    adds only filler such as 'Result', its identically named parent) and never the diagnosis."""
    checked = 0
    for case in dev_cases:
        gatekeeper = Gatekeeper(case)
        redactor = Redactor(case.truth.diagnosis)
        by_path = {f.field_path: f for f in case_fields(case)}
        for node in case_fields(case):
            observations = _request(gatekeeper, node.section, node.qualified_name)
            paths = [p for o in observations for p in o.field_paths]
            assert len(paths) == 1, (case.id, node.field_path, paths)
            returned = by_path[paths[0]]
            if returned != node:
                parent = by_path["/".join((node.section, *node.path[:-1]))]
                assert returned == parent, (case.id, node.field_path, paths)
                assert gatekeeper.vocab.key(parent.qualified_name) == gatekeeper.vocab.key(node.qualified_name)
            text = observations[0].text
            assert text == redactor.scrub(render(returned.label, returned.value))[0]
            assert _plain(case.truth.diagnosis) not in _plain(text), (case.id, node.field_path)
            checked += 1
    assert checked > 2000


@pytest.mark.parametrize("policy", ["not_available", "normal", "synthetic_normal"])
def test_absent_tests_never_reveal_the_diagnosis(dev_cases: list[Case], policy: str) -> None:
    config = GatekeeperConfig(policy=policy)
    for case in dev_cases:
        gatekeeper = Gatekeeper(case, config)
        for test in ABSENT_TESTS + ["diagnosis", "Correct Diagnosis", case.truth.diagnosis]:
            observation = gatekeeper.answer_order(test)
            assert _plain(case.truth.diagnosis) not in _plain(observation.text)
            if observation.status == "policy":
                assert observation.policy == policy and observation.field_paths == []


def test_diagnosis_mentions_in_findings_are_withheld(anemia: Case) -> None:
    observation = Gatekeeper(anemia).answer_order("pelvic ultrasound")
    assert observation.field_paths == ["tests/Pelvic_Ultrasound"]
    assert WITHHELD in observation.text and "iron deficiency" not in observation.text.lower()
    redactor = Redactor("Progressive multifocal encephalopathy (PML)")
    text, changed = redactor.scrub("Lesions consistent with progressive multifocal encephalopathy; PML likely.")
    assert changed and "PML" not in text and "encephalopathy" not in text
    assert Redactor("Hirschsprung's disease").scrub("compatible with Hirschsprung\u2019s disease")[1]


def test_questions_get_only_the_section_asked_for(anemia: Case) -> None:
    gatekeeper = Gatekeeper(anemia)
    (smoke,) = gatekeeper.answer_question("Do you smoke?")
    assert smoke.field_paths == ["history/Social_History"] and smoke.match_method == "topic"
    assert "Non-smoker" in smoke.text and "menstrual" not in smoke.text
    (heart,) = gatekeeper.answer_question("What is the heart rate?")
    assert heart.field_paths == ["exam/Vital_Signs/Heart_Rate"]
    assert "104" in heart.text and "112/70" not in heart.text
    (unknown,) = gatekeeper.answer_question("Any family history of cancer?")
    assert unknown.status == "not_available" and unknown.field_paths == []


def test_synonym_names_stay_separately_reachable(anemia: Case) -> None:
    gatekeeper = Gatekeeper(anemia)
    assert gatekeeper.answer_question("General Examination")[0].field_paths == ["exam/General_Examination"]
    assert gatekeeper.answer_question("General Appearance")[0].field_paths == ["exam/General_Appearance"]


def test_test_synonyms_and_word_order(anemia: Case) -> None:
    gatekeeper = Gatekeeper(anemia)
    for request in ("CBC", "complete blood count", "Full blood count", "complete_blood_count"):
        observation = gatekeeper.answer_order(request)
        assert observation.field_paths == ["tests/Complete_Blood_Count"], request
    assert gatekeeper.answer_order("CXR").field_paths == ["tests/Chest_X-ray"]
    assert gatekeeper.answer_order("x-ray chest").field_paths == ["tests/Chest_X-ray"]
    assert gatekeeper.answer_order("ferritin").field_paths == ["tests/Iron_Studies/Ferritin"]
    assert gatekeeper.answer_order("CBC").match_method == "synonym"


def test_a_panel_returns_the_case_analytes_it_holds() -> None:
    gout = load_native_cases(DATA / "native_cases.yaml")[1]
    observation = Gatekeeper(gout).answer_order("CBC")
    assert observation.match_method == "panel"
    assert observation.field_paths == ["tests/Blood_Test/WBC", "tests/Blood_Test/Hemoglobin",
                                       "tests/Blood_Test/Platelets"]


def test_wrong_channel_is_redirected_without_content(anemia: Case) -> None:
    gatekeeper = Gatekeeper(anemia)
    (asked,) = gatekeeper.answer_question("Chest X-ray")
    assert asked.status == "redirected" and "clear lungs" not in asked.text
    ordered = gatekeeper.answer_order("vital signs")
    assert ordered.status == "redirected" and "104" not in ordered.text


def test_missing_test_policies(anemia: Case) -> None:
    assert Gatekeeper(anemia).answer_order("TSH").text == GatekeeperConfig().not_available_text
    normal = Gatekeeper(anemia, GatekeeperConfig(policy="normal")).answer_order("TSH")
    assert normal.text == "Within normal limits." and normal.policy == "normal"
    synthetic = Gatekeeper(anemia, GatekeeperConfig(policy="synthetic_normal"))
    tsh = synthetic.answer_order("TSH")
    assert tsh.policy == "synthetic_normal" and tsh.text.startswith("Thyroid Stimulating Hormone: 2.24 uIU/mL")
    bmp = synthetic.answer_order("BMP").text
    assert "Sodium: 139 mEq/L (reference 133-145 mEq/L)" in bmp and "Creatinine" in bmp
    # A test with no reference range falls back to the generic normal text.
    assert synthetic.answer_order("MRI knee").text == "Within normal limits."


def test_synthetic_values_lie_inside_their_ranges() -> None:
    table = ReferenceTable.default()
    for reference in table.ranges.values():
        value = Decimal(reference.normal_value())
        assert reference.low <= value <= reference.high, reference.name


def test_reference_table_from_custom_files(tmp_path: Path) -> None:
    (tmp_path / "ranges.csv").write_text("name,synonyms,fluid,unit,low,high,loinc\nWidget,wdg,Blood,U/L,10,20,1-1\n")
    (tmp_path / "panels.yaml").write_text("widget panel:\n  synonyms: [wp]\n  analytes: [Widget]\n")
    table = ReferenceTable.from_files(tmp_path / "ranges.csv", tmp_path / "panels.yaml")
    assert table.render("wdg").startswith("Widget: 15 U/L (reference 10-20 U/L)")
    assert [r.name for r in table.lookup("WP")] == ["Widget"]


def test_embedding_stage_uses_the_threshold(anemia: Case) -> None:
    loose = Gatekeeper(anemia, GatekeeperConfig(test_threshold=0.5), embedder=HashEmbedder())
    observation = loose.answer_order("Iron studies with transferrin")
    assert observation.match_method == "embedding" and observation.field_paths == ["tests/Iron_Studies"]
    assert 0.5 <= observation.match_score < 1.0
    strict = Gatekeeper(anemia, GatekeeperConfig(test_threshold=0.99), embedder=HashEmbedder())
    assert strict.answer_order("Iron studies with transferrin").status == "policy"
    # The lexical path alone (no embedder) reports the policy rather than guessing.
    assert Gatekeeper(anemia).answer_order("Iron studies with transferrin").status == "policy"


def test_embedder_factory_is_built_only_when_needed(anemia: Case) -> None:
    built: list[int] = []

    def factory() -> HashEmbedder:
        built.append(1)
        return HashEmbedder()

    gatekeeper = Gatekeeper(anemia, embedder=factory)
    gatekeeper.answer_order("CBC")
    assert built == []
    gatekeeper.answer_order("something unusual")
    assert built == [1]


def test_llm_matcher_sees_names_only_and_returns_case_text(anemia: Case) -> None:
    model = FakeListChatModel(responses=['{"indices": [1]}'])
    matcher = LLMFieldMatcher(model)
    gatekeeper = Gatekeeper(anemia, matcher=matcher)
    observation = gatekeeper.answer_order("haematinics")
    names = [f.qualified_name for f in case_fields(anemia) if f.section == "tests"]
    assert observation.match_method == "llm"
    assert observation.field_paths == [next(f.field_path for f in case_fields(anemia)
                                             if f.section == "tests" and f.qualified_name == names[1])]


def test_gatekeeper_is_deterministic(dev_cases: list[Case]) -> None:
    case = dev_cases[5]
    first = [Gatekeeper(case).answer_question(q) for q in ("Do you smoke?", "vital signs", "any other symptoms")]
    second = [Gatekeeper(case).answer_question(q) for q in ("Do you smoke?", "vital signs", "any other symptoms")]
    assert first == second


def test_symptom_questions_get_only_the_sentences_that_mention_them(anemia: Case) -> None:
    gatekeeper = Gatekeeper(anemia)
    (periods,) = gatekeeper.answer_question("Are your menstrual periods heavy?")
    assert periods.match_method == "mention"
    assert periods.field_paths == ["history/History_of_Present_Illness"]
    assert periods.text == "History of Present Illness: Tiredness on exertion, heavy menstrual periods."
    (nothing,) = gatekeeper.answer_question("Do you have a cough?")
    assert nothing.status == "not_available"


def test_embedding_never_swaps_modality(anemia: Case) -> None:
    gatekeeper = Gatekeeper(anemia, GatekeeperConfig(test_threshold=0.3), embedder=HashEmbedder())
    assert gatekeeper.answer_order("chest radiology review").field_paths == ["tests/Chest_X-ray"]
    blocked = gatekeeper.answer_order("chest MRI")
    assert blocked.status == "policy" and blocked.field_paths == []


def test_calibration_menu_orders_container_children_one_by_one() -> None:
    gout = load_native_cases(DATA / "native_cases.yaml")[1]
    gatekeeper = Gatekeeper(gout)
    menu = gatekeeper.requestable_names()
    assert menu == {"history": ["Past Medical History"], "exam": ["Foot Examination"],
                    "tests": ["WBC", "Hemoglobin", "Platelets", "Uric Acid Level"]}
    assert [gatekeeper.answer_order(t).field_paths for t in menu["tests"]] == [
        ["tests/Blood_Test/WBC"], ["tests/Blood_Test/Hemoglobin"], ["tests/Blood_Test/Platelets"],
        ["tests/Uric_Acid_Level"]]


def test_asking_for_the_examination_returns_every_exam_section(anemia: Case) -> None:
    for question in ("What does the physical examination show?", "Physical exam findings?"):
        (observation,) = Gatekeeper(anemia).answer_question(question)
        assert observation.match_method == "section"
        assert observation.field_paths == ["exam/Vital_Signs", "exam/General_Examination", "exam/General_Appearance"]
