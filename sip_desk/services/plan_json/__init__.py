"""Plan JSON: the ``sip-desk-plan`` file format, its export and its import (docs/plan-json.md).

- :mod:`.document`: the format name and versions, the JSON Schemas, reading a file's text;
- :mod:`.export`: a plan and its versions as a document;
- :mod:`.model`, :mod:`.convert`, :mod:`.versions`: an import file checked into typed data,
  every error located by its JSON path;
- :mod:`.write`: the checked data written in one transaction;
- :mod:`.service`: :class:`PlanTransferService`, one transaction per export or import.
"""

from sip_desk.services.plan_json.service import PlanTransferService

__all__ = ["PlanTransferService"]
