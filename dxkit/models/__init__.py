"""The model layer: chat models from one spec string, typed output, the packaged embedder, prices."""

from dxkit.models.chat import get_chat_model
from dxkit.models.embedder import MINILM_NAME, Embedder, get_embedder
from dxkit.models.prices import TokenPrice, llm_cost_usd, llm_price
from dxkit.models.structured import StructuredOutputError, structured

__all__ = ["MINILM_NAME", "Embedder", "StructuredOutputError", "TokenPrice", "get_chat_model", "get_embedder",
           "llm_cost_usd", "llm_price", "structured"]

