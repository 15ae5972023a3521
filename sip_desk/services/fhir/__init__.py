"""FHIR R4 export of a plan: a ``collection`` Bundle built as plain dicts (no FHIR library).

:mod:`.bundle` maps the plan's read model (:class:`~sip_desk.domain.plan.PlanDetail`) and its
signatures to resources with pure functions; :mod:`.service` reads the store, checks the signed
versions and logs the export. See the README's "FHIR R4 export" section.
"""
