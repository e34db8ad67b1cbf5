"""dxkit.agent: LangGraph graphs (diagnostic panel, note-to-risk, synthesis) and the public API."""
