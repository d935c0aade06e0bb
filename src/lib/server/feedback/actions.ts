/**
 * The workflow page's form actions for 5.1.3 feedback: file (on activity N's page, about N−1's
 * 定稿) and answer (on N−1's page). Input checked with zod; every decision is the service's.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { proseText, tokenText } from '../../forms.ts';
import {
	FEEDBACK_ANSWER_MAX,
	FEEDBACK_QUOTE_MAX,
	FEEDBACK_TEXT_MAX
} from '../../feedback/anchor.ts';
import type { Activity } from '../../standard/sections.ts';
import { attempt, parseForm } from '../actions.ts';
import { actorOf } from '../actor.ts';
import { FEEDBACK_DISPOSITIONS, FEEDBACK_RESOLUTIONS } from '../db/schema.ts';
import { requirePlanMember } from '../guards.ts';
import { answerFeedback, fileFeedback } from './service.ts';

const File = z.object({
	clause: z.string().regex(/^\d+(\.\d+)+$/, 'error:feedback-section'),
	row: tokenText.max(200).optional(),
	quote: proseText.max(FEEDBACK_QUOTE_MAX, 'error:feedback-quote-long').optional(),
	text: proseText
		.trim()
		.min(1, 'error:feedback-text')
		.max(FEEDBACK_TEXT_MAX, 'error:feedback-text-long')
});

const Answer = z.object({
	id: z.coerce.number().int().positive(),
	disposition: z.enum(FEEDBACK_DISPOSITIONS, 'error:feedback-disposition'),
	resolution: z
		.union([z.literal(''), z.enum(FEEDBACK_RESOLUTIONS)])
		.optional()
		.transform((v) => v || undefined),
	answer: proseText.max(FEEDBACK_ANSWER_MAX, 'error:feedback-answer-long').optional()
});

type Event = RequestEvent<{ planId: string; activity: string }>;

export function feedbackActions(parseActivity: (raw: string) => Activity) {
	return {
		fileFeedback: async (event: Event) => {
			const { plan } = requirePlanMember(event);
			const activity = parseActivity(event.params.activity);
			const parsed = parseForm(File, await event.request.formData(), 'feedback');
			if (!parsed.ok) return parsed.failure;
			const { clause, row, quote, text } = parsed.data;
			const result = await attempt('feedback', () =>
				fileFeedback(plan.id, activity, actorOf(event), {
					clause,
					row: row || undefined,
					quote: quote || undefined,
					text
				})
			);
			if (!result.ok) return result.failure;
			return { form: 'feedback', success: 'feedbackFiled', id: result.value };
		},
		answerFeedback: async (event: Event) => {
			const { plan } = requirePlanMember(event);
			const activity = parseActivity(event.params.activity);
			const parsed = parseForm(Answer, await event.request.formData(), 'feedback');
			if (!parsed.ok) return parsed.failure;
			const { id, ...input } = parsed.data;
			const result = await attempt('feedback', () =>
				answerFeedback(plan.id, id, actorOf(event), input, activity)
			);
			if (!result.ok) return result.failure;
			return { form: 'feedback', success: 'feedbackAnswered', id };
		}
	};
}
