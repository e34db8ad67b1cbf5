"""Typed errors shared by every room.

Every error a user can trigger says what was wrong in words: the field, the value, the
unit and what is accepted. Callers catch `DxkitError` to print it without a traceback.
"""

from __future__ import annotations


class DxkitError(Exception):
    """Base class for every error dxkit raises on purpose."""


class InputError(DxkitError, ValueError):
    """A user-supplied value is missing, malformed, in an unknown unit or out of range."""

    def __init__(self, field: str, value: object, problem: str, accepted: str | None = None,
                 unit: str | None = None) -> None:
        self.field, self.value, self.problem, self.accepted, self.unit = field, value, problem, accepted, unit
        shown = f"{value!r}" + (f" {unit}" if unit else "")
        message = f"{field}: {shown} {problem}"
        if accepted:
            message += f" (accepted: {accepted})"
        super().__init__(message)


class ConfigError(DxkitError):
    """Settings or a model spec that cannot be honoured."""


class ProviderNotInstalled(ConfigError):
    """A chat-model provider was asked for whose package is not installed."""

    def __init__(self, provider: str, package: str) -> None:
        self.provider, self.package = provider, package
        super().__init__(
            f"model provider {provider!r} needs the package {package!r}: pip install {package}"
        )


class ModelOutputError(DxkitError):
    """A model failed to produce valid structured output within the retry bound."""


class IntegrityError(DxkitError):
    """Stored data (ledger, index, cache) failed a hash or manifest check."""
