"""The errors people can see. The CLI prints them as one line; the UI shows the same text.

ClusterQAError
├── ConfigError        a setting or option has a value we cannot use
├── NoIndexError       asked a question before anything was ingested (or the index is from an older version)
├── QuestionError      the question is empty or too long
├── IngestError        a file could not be read or has an unsupported type
├── StoreError         the Chroma store failed (its server went away, the folder is read-only or full)
├── ExportError        a briefing could not be written (unknown format, missing or read-only folder)
└── UnknownNameError   a registry was asked for a name it does not know
"""

from __future__ import annotations


class ClusterQAError(Exception):
    """Base class: the message says what went wrong and what to do next."""


class ConfigError(ClusterQAError):
    """A setting or option has a value we cannot use."""


class NoIndexError(ClusterQAError):
    """There is no index yet (or it is empty)."""


class QuestionError(ClusterQAError):
    """The question cannot be asked as it is (empty, or longer than the limit)."""


class IngestError(ClusterQAError):
    """A file could not be ingested."""


class StoreError(ClusterQAError):
    """The Chroma store failed while in use."""


class ExportError(ClusterQAError):
    """A briefing note could not be written."""


class UnknownNameError(ClusterQAError):
    """A registry was asked for a name it does not know."""

    def __init__(self, kind: str, name: str, known: list[str]) -> None:
        super().__init__(f"Unknown {kind} '{name}'. Known: {', '.join(sorted(known))}.")
        self.kind, self.name, self.known = kind, name, known
