/** Message lookups for enum values (roles, organization types, activities, states). */
import { m } from '#lib/paraglide/messages.js';
import type { OrganizationType, PlanRole } from './roles.ts';
import type { Activity } from './standard/sections.ts';

export const roleLabel = (role: PlanRole): string =>
	({
		admin: m.role_admin,
		editor: m.role_editor,
		reviewer: m.role_reviewer,
		approver: m.role_approver,
		enterprise: m.role_enterprise,
		resident: m.role_resident
	})[role]();

export const organizationTypeLabel = (type: OrganizationType): string =>
	({
		government: m.org_type_government,
		enterprise: m.org_type_enterprise,
		residents: m.org_type_residents,
		experts: m.org_type_experts
	})[type]();

export const activityLabel = (activity: Activity): string =>
	({
		requirements: m.activity_requirements,
		overall: m.activity_overall,
		architecture: m.activity_architecture,
		roadmap: m.activity_roadmap
	})[activity]();

export type ActivityStateName =
	'drafting' | 'consultation' | 'review' | 'approval' | 'approved' | 'returned';

export const stateLabel = (state: ActivityStateName): string =>
	({
		drafting: m.state_drafting,
		consultation: m.state_consultation,
		review: m.state_review,
		approval: m.state_approval,
		approved: m.state_approved,
		returned: m.state_returned
	})[state]();

/** Chinese chapter numerals as the standard's headings use them: 第6章. */
export const chapterLabel = (chapter: string): string => m.chapter_label({ number: chapter });
