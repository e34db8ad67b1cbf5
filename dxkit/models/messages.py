"""Normalise the message forms callers pass (a str, (role, text) tuples, LangChain messages)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage, ToolMessage

from dxkit.errors import InputError

_ROLES = {"system": SystemMessage, "user": HumanMessage, "human": HumanMessage,
          "assistant": AIMessage, "ai": AIMessage}


def to_messages(messages: str | BaseMessage | Sequence[Any]) -> list[BaseMessage]:
    if isinstance(messages, str):
        return [HumanMessage(messages)]
    if isinstance(messages, BaseMessage):
        return [messages]
    out: list[BaseMessage] = []
    for item in messages:
        if isinstance(item, BaseMessage):
            out.append(item)
        elif isinstance(item, str):
            out.append(HumanMessage(item))
        elif isinstance(item, (tuple, list)) and len(item) == 2 and str(item[0]).lower() in _ROLES:
            out.append(_ROLES[str(item[0]).lower()](str(item[1])))
        elif isinstance(item, dict) and str(item.get("role", "")).lower() in _ROLES:
            out.append(_ROLES[str(item["role"]).lower()](str(item.get("content", ""))))
        else:
            raise InputError("messages", item, "is not a message",
                             accepted="a str, a LangChain message, a (role, text) tuple or {'role', 'content'}; "
                                      "roles: system, user, assistant")
    if not out:
        raise InputError("messages", messages, "is empty", accepted="at least one message")
    return out


def role_of(message: BaseMessage) -> str:
    """The chat-template role of a LangChain message."""
    if isinstance(message, SystemMessage):
        return "system"
    if isinstance(message, AIMessage):
        return "assistant"
    if isinstance(message, ToolMessage):
        return "tool"
    return "user"


def text_of(message: BaseMessage) -> str:
    """Plain text of a message whose content may be a list of content blocks."""
    content = message.content
    if isinstance(content, str):
        return content
    parts = []
    for block in content:
        if isinstance(block, str):
            parts.append(block)
        elif isinstance(block, dict) and block.get("type") == "text":
            parts.append(str(block.get("text", "")))
    return "".join(parts)
