"""dxkit.tools: deterministic capabilities the agents call (calculator tool, evidence search,
CMS price table, ontology normaliser, clinical-note extraction). Knows nothing of graphs."""
