// Structured reasons from the API (peers and speakers) as sentences in the
// UI language. Reasons of the same type are merged into one sentence
// ("Both work on A, B and C") so a card stays short.
import type { PeerReason } from '@atlas/graph/recommendations/peers.ts';
import type { SpeakerReason } from '@atlas/graph/recommendations/speakers.ts';
import { LOCALES, type T } from '../../i18n/index.ts';
import { term } from '../../graph-data/terms.ts';

export function listOf(t: T, items: string[]): string {
  return new Intl.ListFormat(LOCALES[t.lang], { style: 'long', type: 'conjunction' }).format(items);
}

const quoted = (t: T, s: string) => t('reason.quoted', { text: s });

/** Sentences explaining why `peer` is a good peer-learning partner for `me`. */
export function peerReasonSentences(t: T, reasons: PeerReason[], me: string, peer: string): string[] {
  const out: string[] = [];
  const topics = reasons.flatMap((r) => (r.type === 'shared_topic' ? [r] : [])).sort((a, b) => b.weight - a.weight);
  if (topics.length) out.push(t('reason.sharedTopics', { topics: listOf(t, topics.slice(0, 4).map((r) => quoted(t, r.topic.name))), count: topics.length }));
  for (const r of reasons) {
    if (r.type !== 'practice_to_learn') continue;
    out.push(
      r.direction === 'learn_from'
        ? t('reason.learnFrom', { developer: r.developedBy.name, practice: quoted(t, r.practice.name), me })
        : t('reason.shareWith', { developer: r.developedBy.name, practice: quoted(t, r.practice.name), peer }),
    );
  }
  const partners = reasons.flatMap((r) => (r.type === 'common_partner' ? [r] : [])).sort((a, b) => b.weight - a.weight);
  if (partners.length) out.push(t('reason.commonPartners', { partners: listOf(t, partners.slice(0, 4).map((r) => r.partner.name)), count: partners.length }));
  for (const r of reasons) {
    if (r.type === 'distance') out.push(r.hops === null ? t('reason.unreachable') : t('reason.hops', { count: r.hops }));
    if (r.type === 'level')
      out.push(
        r.relation === 'same_level_elsewhere'
          ? t('reason.sameLevel', { level: term(t, 'level', r.from) })
          : t('reason.crossLevel', { from: term(t, 'level', r.from), to: term(t, 'level', r.to) }),
      );
  }
  return out;
}

/** Sentences giving the evidence behind a speaker. */
export function speakerReasonSentences(t: T, reasons: SpeakerReason[]): string[] {
  const out: string[] = [];
  for (const r of reasons) {
    if (r.type === 'evidence') {
      const relation = t.has(`reason.evidence.${r.relation}`) ? t(`reason.evidence.${r.relation}`) : term(t, 'type', r.relation);
      const role = r.role ? t('reason.asRole', { role: term(t, 'role', r.role) }) : '';
      const day = r.item.day ? ` (${t.formatDate(r.item.day)})` : '';
      out.push(`${relation} ${quoted(t, r.item.name)}${role}${day}${r.source ? ` — ${t('reason.source', { source: r.source })}` : ''}`);
    } else if (r.type === 'works_on') {
      out.push(t('reason.worksOn', { topic: quoted(t, r.topic.name) }) + (r.source ? ` — ${t('reason.source', { source: r.source })}` : ''));
    } else if (r.type === 'influence') {
      out.push(t('reason.influence', { measure: t.has(`sizeBy.${r.measure}`) ? t(`sizeBy.${r.measure}`) : r.measure, percent: Math.round(r.relative * 100) }));
    } else if (r.type === 'diversity' && r.adds.length) {
      out.push(t('reason.diversity', { what: listOf(t, r.adds.map((a) => t(`reason.adds.${a}`))) }));
    }
  }
  return out;
}
