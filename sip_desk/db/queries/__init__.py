"""Read queries the services call inside their transaction: Core statements, no ORM objects.

- :mod:`~sip_desk.db.queries.plan_list`: the plan list page and count (plain SQL, start-up path).
- :mod:`~sip_desk.db.queries.worklist`: worklist pages, the caseload and the filter choices.
- :mod:`~sip_desk.db.queries.worklist_branches`: one indexed statement per worklist source.
- :mod:`~sip_desk.db.queries.worklist_filters`: the WHERE clauses all worklist sources share.
- :mod:`~sip_desk.db.queries.worklist_counts`: counts per urgency bucket, exact or capped.

They take a ``Session`` or ``Connection`` and never write or commit.
"""
