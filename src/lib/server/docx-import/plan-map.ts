/**
 * A whole plan in one Word file → its parts per section of the standard. Each heading is matched
 * to a section by its number (「6.1」) or, without one, by its title once the Chinese numbering
 * (第一章、一、（一）1.) is taken off (「一、城市发展战略与目标分析」 → 6.1; a heading that contains
 * one section's title counts too). The matched heading itself is dropped (the section
 * has its own); what follows it, up to the next matched heading, is that section's part. A chapter
 * heading (第一章 需求分析 / 6 需求分析) ends a part without starting one. Text before the first
 * match, and parts nothing matched, are offered unmapped: the preview lets the importer correct
 * every guess, so a wrong match never lands silently.
 */
import { ACTIVITY_CHAPTER, SECTIONS } from '../../standard/sections.ts';
import type { ImportedComment, ImportedRevision, ParsedDocx, PMNode } from './parse.ts';

export interface PlanPart {
	/** The heading that opened the part ('' for text before any heading matched). */
	heading: string;
	/** The section matched, or null. */
	guess: string | null;
	parsed: ParsedDocx;
}

const CHAPTER_TITLES: Record<string, string> = {
	[ACTIVITY_CHAPTER.requirements]: '需求分析',
	[ACTIVITY_CHAPTER.overall]: '总体设计',
	[ACTIVITY_CHAPTER.architecture]: '架构设计',
	[ACTIVITY_CHAPTER.roadmap]: '实施路径规划'
};

const NUMBERING =
	/^\s*(?:第[一二三四五六七八九十百]+[章节部分]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+(?:\.\d+)*[.、．]?)\s*/;
const NUMBER = /^\s*(\d+(?:\.\d+)*)(?![\d.]*\d)/;

function normalize(text: string): string {
	return text.replace(/\s+/g, '').replace(/[，。：:、]/g, '');
}

/** The section a heading names, 'chapter' for a chapter heading, or null. */
export function matchHeading(text: string): string | 'chapter' | null {
	const number = NUMBER.exec(text)?.[1];
	if (number && SECTIONS.some((s) => s.clause === number)) return number;
	if (number && CHAPTER_TITLES[number]) return 'chapter';
	const title = normalize(text.replace(NUMBERING, ''));
	if (!title) return null;
	if (Object.values(CHAPTER_TITLES).includes(title)) return 'chapter';
	const exact = SECTIONS.find((s) => normalize(s.title) === title);
	if (exact) return exact.clause;
	if (title.length < 4) return null;
	// A longer heading may carry the title (「…需求分析（2026年修订）」); a shorter one is too loose
	// (「目标分析」 is an item of 6.5, not 6.1 「城市发展战略与目标分析」).
	const near = SECTIONS.filter((s) => title.includes(normalize(s.title)));
	return near.length === 1 ? near[0].clause : null;
}

function textOf(node: PMNode): string {
	if (node.type === 'text') return node.text ?? '';
	return (node.content ?? []).map(textOf).join('');
}

/** Characters a block counts for comment offsets (parse.ts: text, and one per line break). */
function lengthOf(node: PMNode): number {
	if (node.type === 'text') return node.text?.length ?? 0;
	if (node.type === 'hard_break') return 1;
	return (node.content ?? []).reduce((n, c) => n + lengthOf(c), 0);
}

function revisionIdsIn(node: PMNode, into: Set<number>): void {
	for (const mark of node.marks ?? [])
		if (mark.type === 'insertion' || mark.type === 'deletion') into.add(Number(mark.attrs?.id));
	node.content?.forEach((c) => revisionIdsIn(c, into));
}

interface Open {
	heading: string;
	guess: string | null;
	blocks: PMNode[];
	/** Offset (parse.ts characters) where the part's first block starts. */
	start: number;
}

export function splitPlan(parsed: ParsedDocx): PlanPart[] {
	const parts: PlanPart[] = [];
	let offset = 0;
	let open: Open = { heading: '', guess: null, blocks: [], start: 0 };
	const close = (end: number) => {
		if (open.blocks.some((b) => textOf(b).trim() !== '')) {
			const ids = new Set<number>();
			open.blocks.forEach((b) => revisionIdsIn(b, ids));
			const revisions = new Map<number, ImportedRevision>();
			for (const id of ids) {
				const revision = parsed.revisions.get(id);
				if (revision) revisions.set(id, revision);
			}
			const start = open.start;
			const comments: ImportedComment[] = parsed.comments
				.filter((c) => c.from >= start && c.to <= end)
				.map((c) => ({ ...c, from: c.from - start, to: c.to - start }));
			parts.push({
				heading: open.heading,
				guess: open.guess,
				parsed: {
					blocks: open.blocks,
					// Every part may name any picture of the file (apply.ts keeps those it uses).
					media: parsed.media,
					revisions,
					comments,
					headings: open.blocks
						.filter((b) => b.type === 'heading')
						.map((b) => ({ level: Number(b.attrs?.level ?? 1), text: textOf(b) }))
				}
			});
		}
	};
	for (const block of parsed.blocks) {
		const length = lengthOf(block);
		const found = block.type === 'heading' ? matchHeading(textOf(block)) : null;
		// A subheading naming the section it is in (「（四）考核保障措施」 in 9.4) is its content.
		const match = found === open.guess ? null : found;
		if (match) {
			close(offset);
			open = {
				heading: textOf(block),
				guess: match === 'chapter' ? null : match,
				blocks: [],
				start: offset + length
			};
		} else open.blocks.push(block);
		offset += length;
	}
	close(offset);
	return parts;
}
