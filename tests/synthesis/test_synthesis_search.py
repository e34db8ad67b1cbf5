"""Search stage: synonym expansion and hybrid retrieval from a small index with fake embeddings."""

from __future__ import annotations

from dxkit.agent.synthesis import PICO, synthesize
from dxkit.agent.synthesis.schemas import Study
from dxkit.agent.synthesis.search import build_queries, expand, search_index, user_studies

PICO_INPUT = PICO.model_validate({"population": "adults", "intervention": "drug Z", "comparator": "placebo",
                                  "outcomes": [{"name": "mortality", "type": "binary"}]})


def test_synonyms_expand_whole_phrases():
    assert expand("all-cause mortality")[:1] == ["all-cause mortality"]
    assert "all-cause death" in expand("all-cause mortality")
    assert expand("unrelated words") == ["unrelated words"]
    queries = build_queries(PICO_INPUT)
    assert len(queries) == len(set(queries))
    assert any("death" in q for q in queries) and any("mortality" in q for q in queries)


def test_user_studies_are_deduplicated_by_id_and_text():
    studies = [Study(id="a", text="same text"), Study(id="a", text="other"), Study(id="b", text="same  text")]
    kept, log = user_studies(studies)
    assert [s.id for s in kept] == ["a"] and log.duplicates_removed == 2


def test_index_search_finds_the_trials_and_runs_the_pipeline(tmp_path):
    from dxkit.corpora import Document, EvidenceIndex, HashingEmbedder

    docs = [Document(id=f"trial:{i}", title=f"Drug Z trial {i}",
                     text=(f"Adults were randomly assigned to drug Z or placebo. Death occurred in {5 + i}/100 "
                           f"given drug Z and {10 + i}/100 given placebo."))
            for i in range(3)]
    docs.append(Document(id="other:1", title="Knee surgery", text="Arthroscopy outcomes in athletes over ten years."))
    index = EvidenceIndex.build(docs, tmp_path / "index", embedder=HashingEmbedder())
    studies, log = search_index(PICO_INPUT, index, k=4)
    assert {f"trial:{i}" for i in range(3)} <= {s.id for s in studies}
    assert log.source == "index" and log.queries and all(n > 0 for n in log.hits_per_query.values())
    result = synthesize(PICO_INPUT, index=index, config={"pooling": "FE"})
    assert result.analyses[0].result is not None and result.analyses[0].result.k == 3
    assert set(result.recommendation.sentences[0].citations) == {f"trial:{i}" for i in range(3)}
