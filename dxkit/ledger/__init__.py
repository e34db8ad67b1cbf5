"""The run ledger: costed, replayable, tamper-evident records of every step of a run."""

from dxkit.ledger.ledger import Ledger, LedgerSummary, list_runs, new_run_id
from dxkit.ledger.records import CHARGE, LLM_CALL, TOOL_CALL, LedgerRecord
from dxkit.ledger.verify import VerifyReport, verify

__all__ = ["CHARGE", "LLM_CALL", "TOOL_CALL", "Ledger", "LedgerRecord", "LedgerSummary", "VerifyReport",
           "list_runs", "new_run_id", "verify"]
