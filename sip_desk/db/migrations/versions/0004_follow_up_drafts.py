"""follow-up records written as drafts

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 16:58:45.439685

A follow-up meeting record is saved as it is typed and completed later. The draft lives in its
own tables (one per plan): its evaluations may be NULL ("not yet evaluated"), unlike the reviews
of a held meeting, which stay NOT NULL. No existing row changes.
"""

from __future__ import annotations

import sqlalchemy as sa

import sip_desk.db.base
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('follow_up_drafts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('started_at', sip_desk.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('new_needs', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('decision', sa.Enum('continue', 'revise', 'close', name='followupdecision', native_enum=False, length=20), nullable=True),
    sa.Column('decision_reason', sa.Text(), nullable=False),
    sa.Column('next_starts_at', sip_desk.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('next_place', sa.Text(), nullable=False),
    sa.Column('next_video_link', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_follow_up_drafts_meeting_id_meetings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_follow_up_drafts_plan_id_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_follow_up_drafts')),
    sa.UniqueConstraint('plan_id', name=op.f('uq_follow_up_drafts_plan_id'))
    )
    with op.batch_alter_table('follow_up_drafts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_follow_up_drafts_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('draft_action_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('draft_id', sa.Integer(), nullable=False),
    sa.Column('action_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('done', 'not_done', 'ongoing', name='reviewstatus', native_enum=False, length=20), nullable=True),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['action_id'], ['actions.id'], name=op.f('fk_draft_action_reviews_action_id_actions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['draft_id'], ['follow_up_drafts.id'], name=op.f('fk_draft_action_reviews_draft_id_follow_up_drafts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_draft_action_reviews'))
    )
    with op.batch_alter_table('draft_action_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_draft_action_reviews_action_id'), ['action_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_draft_action_reviews_draft_id'), ['draft_id'], unique=False)

    op.create_table('draft_goal_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('draft_id', sa.Integer(), nullable=False),
    sa.Column('goal_id', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.Enum('achieved', 'partly', 'not_achieved', name='goaloutcome', native_enum=False, length=20), nullable=True),
    sa.Column('person_view', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['draft_id'], ['follow_up_drafts.id'], name=op.f('fk_draft_goal_reviews_draft_id_follow_up_drafts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['goal_id'], ['goals.id'], name=op.f('fk_draft_goal_reviews_goal_id_goals'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_draft_goal_reviews'))
    )
    with op.batch_alter_table('draft_goal_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_draft_goal_reviews_draft_id'), ['draft_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_draft_goal_reviews_goal_id'), ['goal_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('draft_goal_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_draft_goal_reviews_goal_id'))
        batch_op.drop_index(batch_op.f('ix_draft_goal_reviews_draft_id'))

    op.drop_table('draft_goal_reviews')
    with op.batch_alter_table('draft_action_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_draft_action_reviews_draft_id'))
        batch_op.drop_index(batch_op.f('ix_draft_action_reviews_action_id'))

    op.drop_table('draft_action_reviews')
    with op.batch_alter_table('follow_up_drafts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_follow_up_drafts_meeting_id'))

    op.drop_table('follow_up_drafts')
