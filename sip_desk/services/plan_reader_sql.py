"""The statements :mod:`plan_reader` runs: one per list of a plan, explicit column lists."""

from __future__ import annotations

SQL = {
    "plan": "SELECT p.id, p.version, p.status, p.closed_reason, p.closed_on, p.created_at, "
    "p.updated_at, p.reason, p.meeting_question, p.requested_by, p.requested_on, "
    "p.lead_principal, lo.name, p.made_with_person, p.not_with_person_reason, "
    "p.plan_consent_given, p.plan_consent_date, p.plan_consent_form, p.plan_consent_given_by, "
    "p.what_matters, p.strengths, p.person_own_actions, p.relatives_own_actions, "
    "p.crisis_warning_signs, p.crisis_actions, p.crisis_contacts, p.legal_reference, "
    "p.print_language, pe.id, pe.reserve_id, pe.first_name, pe.last_name, pe.identity_number, "
    "pe.phone, pe.email, pe.address, pe.preferred_language, pe.interpreter_needed, "
    "pe.interpreter_language, pe.protected_identity "
    "FROM plans p JOIN persons pe ON pe.id = p.person_id "
    "LEFT JOIN organisations lo ON lo.id = p.lead_organisation_id WHERE p.id = :id",
    "representatives": "SELECT r.kind, r.name, r.phone, r.email FROM representatives r "
    "JOIN plans p ON p.person_id = r.person_id WHERE p.id = :id ORDER BY r.position, r.id",
    "participants": "SELECT x.id, x.position, x.name, o.name, o.principal_type, u.name, x.role, "
    "x.phone, x.email, x.invitation, x.present, x.is_relative, x.is_chair, x.contact_role, "
    "x.is_coordinator FROM participants x LEFT JOIN organisations o ON o.id = x.organisation_id "
    "LEFT JOIN units u ON u.id = x.unit_id WHERE x.plan_id = :id ORDER BY x.position, x.id",
    "consents": "SELECT c.id, o.name, o.principal_type, c.information_shared, "
    "c.information_excluded, c.valid_from, c.valid_until, c.form, c.given_by, c.given_by_name, "
    "c.revoked_on FROM information_consents c JOIN organisations o ON o.id = c.organisation_id "
    "WHERE c.plan_id = :id ORDER BY c.id",
    "goals": "SELECT id, position, text, term, parent_id FROM goals WHERE plan_id = :id "
    "ORDER BY position, id",
    "needs": "SELECT id, position, description FROM needs WHERE plan_id = :id "
    "ORDER BY position, id",
    "actions": "SELECT a.id, a.position, a.description, a.need_id, a.responsible_principal, "
    "o.name, u.name, a.responsible_participant_id, a.is_other_actor, a.start_date, a.end_date, "
    "a.status, a.cost_responsibility FROM actions a "
    "LEFT JOIN organisations o ON o.id = a.organisation_id LEFT JOIN units u ON u.id = a.unit_id "
    "WHERE a.plan_id = :id ORDER BY a.position, a.id",
    "action_goals": "SELECT ag.action_id, ag.goal_id FROM action_goals ag "
    "JOIN actions a ON a.id = ag.action_id JOIN goals g ON g.id = ag.goal_id "
    "WHERE a.plan_id = :id ORDER BY g.position, g.id",
    "meetings": "SELECT id, kind, starts_at, duration_minutes, place, video_link, "
    "convenor_participant_id, status, notes, new_needs, decision, decision_reason "
    "FROM meetings WHERE plan_id = :id ORDER BY starts_at, id",
    "action_reviews": "SELECT r.meeting_id, r.action_id, r.status, r.comment "
    "FROM action_reviews r JOIN meetings m ON m.id = r.meeting_id WHERE m.plan_id = :id "
    "ORDER BY r.id",
    "goal_reviews": "SELECT r.meeting_id, r.goal_id, r.outcome, r.person_view "
    "FROM goal_reviews r JOIN meetings m ON m.id = r.meeting_id WHERE m.plan_id = :id "
    "ORDER BY r.id",
    "versions": "SELECT number, state, content_hash, previous_hash, created_at, signed_at "
    "FROM plan_versions WHERE plan_id = :id ORDER BY number",
    "follow_up_draft": "SELECT id, meeting_id, started_at, new_needs, notes, decision, "
    "decision_reason, next_starts_at, next_place, next_video_link "
    "FROM follow_up_drafts WHERE plan_id = :id",
    "draft_action_reviews": "SELECT r.action_id, r.status, r.comment FROM draft_action_reviews r "
    "JOIN follow_up_drafts d ON d.id = r.draft_id WHERE d.plan_id = :id ORDER BY r.id",
    "draft_goal_reviews": "SELECT r.goal_id, r.outcome, r.person_view FROM draft_goal_reviews r "
    "JOIN follow_up_drafts d ON d.id = r.draft_id WHERE d.plan_id = :id ORDER BY r.id",
}
PYFORMAT = {name: sql.replace(":id", "%(id)s") for name, sql in SQL.items()}
