"""dxkit.corpora: loaders, chunking, document store, FAISS + BM25 index, search, citations.

    from dxkit.corpora import EvidenceIndex, load_documents
    index = EvidenceIndex.build(load_documents("ori_pqal.json"), "index/")
    passages = index.search("statins after stroke", k=5)
    index.resolve(passages[0].citation.id).text
"""

from dxkit.corpora.chunking import ChunkingConfig, chunk_document
from dxkit.corpora.documents import Chunk, Citation, Document, Passage
from dxkit.corpora.embedding import EmbedderLike, HashingEmbedder
from dxkit.corpora.index import MODES, EvidenceIndex
from dxkit.corpora.loaders import detect_format, iter_documents, load_documents
from dxkit.corpora.store import AddReport, UnknownCitation
from dxkit.corpora.vector_index import VectorIndexConfig

__all__ = [
    "AddReport", "Chunk", "ChunkingConfig", "Citation", "Document", "EmbedderLike", "EvidenceIndex",
    "HashingEmbedder", "MODES", "Passage", "UnknownCitation", "VectorIndexConfig", "chunk_document",
    "detect_format", "iter_documents", "load_documents",
]
