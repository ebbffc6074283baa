// The recommended partners of an actor: where its needs came from, then each partner with a link
// to its profile, its score and the three parts of it as meters with their figures in words, the
// explanation in the reader's language, the shared ties and the distance.

import { pick } from '../ecosystem_blocks';
import { h } from '../dom';
import { getLang, t } from '../i18n/i18n';
import {
  kilometres,
  percent,
  SCORE_PARTS,
  type ActorRef,
  type Recommendation,
  type Recommendations,
  type ScorePart,
} from '../partners';
import { actorHref } from '../router';
import type { PartnerLabels } from './partners_labels';

const PART_KEYS = {
  complementarity: 'partners.part.complementarity',
  proximity: 'partners.part.proximity',
  trust: 'partners.part.trust',
} as const;

/** A link to an actor's profile. */
export function actorLink(ref: ActorRef, testId?: string): HTMLAnchorElement {
  return h('a', { text: ref.name || ref.id, attrs: { href: actorHref(ref.id) }, testId });
}

/** Links separated by commas. */
export function actorLinks(refs: readonly ActorRef[], testId?: string): (Node | string)[] {
  return refs.flatMap((r, i) => (i === 0 ? [actorLink(r, testId)] : [', ', actorLink(r, testId)]));
}

/** One part of the score: its name, a meter, and the figure in words for everyone. */
function partMeter(part: ScorePart, value: number, idPrefix: string): HTMLElement {
  const id = `${idPrefix}-${part}`;
  const figure = percent(value, getLang());
  return h(
    'div',
    { className: 'partner-part', testId: `partner-${part}` },
    h('span', { className: 'partner-part-name', text: t(PART_KEYS[part]), attrs: { id } }),
    h('meter', {
      text: figure,
      attrs: { min: 0, max: 1, value: Math.min(1, Math.max(0, value)), 'aria-labelledby': id },
    }),
    h('span', { className: 'partner-part-value', text: figure }),
  );
}

function sharedTies(r: Recommendation): HTMLElement {
  const ties = r.shared_ties;
  if (ties.count === 0) return h('p', { text: t('partners.sharedNone'), testId: 'partner-ties' });
  return h(
    'p',
    { testId: 'partner-ties' },
    `${t('partners.shared', { n: ties.count })} `,
    ...actorLinks(ties.examples),
  );
}

function distance(r: Recommendation): HTMLElement {
  const text =
    r.distance_km === null
      ? t('partners.distanceUnknown')
      : t('partners.distance', { km: kilometres(r.distance_km, getLang()) });
  return h('p', { text, testId: 'partner-distance' });
}

/** The needs matched, by asset type: "finance (100 %)". */
function matchesLine(r: Recommendation, labels: PartnerLabels): HTMLElement | null {
  const forward = r.matches.filter((m) => m.direction !== 'reverse');
  const reverse = r.matches.filter((m) => m.direction === 'reverse');
  const list = (ms: typeof forward) =>
    ms.map((m) => `${labels.asset(m.asset_type)} (${percent(m.coverage, getLang())})`).join(', ');
  if (r.matches.length === 0) return null;
  return h(
    'p',
    { className: 'partner-matches hint' },
    forward.length > 0 ? t('partners.matchesForward', { list: list(forward) }) : '',
    forward.length > 0 && reverse.length > 0 ? ' · ' : '',
    reverse.length > 0 ? t('partners.matchesReverse', { list: list(reverse) }) : '',
  );
}

function recommendationItem(r: Recommendation, i: number, labels: PartnerLabels): HTMLElement {
  const headingId = `partner-${i}-name`;
  return h(
    'li',
    {
      className: 'partner-item',
      attrs: { 'aria-labelledby': headingId, 'data-partner': r.partner.id },
      testId: 'partner-item',
    },
    h(
      'h3',
      { className: 'partner-name', attrs: { id: headingId } },
      actorLink(r.partner, 'partner-link'),
    ),
    h(
      'p',
      { className: 'partner-group' },
      labels.group(r.partner.group),
      r.tied ? h('span', { className: 'badge', text: t('partners.tied') }) : null,
    ),
    h(
      'p',
      { className: 'partner-score', testId: 'partner-score' },
      h('strong', { text: t('partners.score', { score: percent(r.score, getLang()) }) }),
    ),
    h(
      'div',
      { className: 'partner-parts', attrs: { role: 'group', 'aria-label': t('partners.parts') } },
      ...SCORE_PARTS.map((part) => partMeter(part, r.components[part], `partner-${i}`)),
    ),
    h('p', {
      className: 'partner-explanation',
      text: pick(r.explanation, getLang()),
      testId: 'partner-explanation',
    }),
    matchesLine(r, labels),
    sharedTies(r),
    distance(r),
  );
}

/** The needs note, the partners (or why there are none) and what was left out. */
export function recommendationsView(data: Recommendations, labels: PartnerLabels): HTMLElement {
  const note = pick(data.needs.note, getLang());
  const lacked = data.needs.lacked_blocks.map((b) => labels.block(b)).join(', ');
  return h(
    'div',
    { className: 'partners-results', testId: 'partners-results' },
    note ? h('p', { className: 'partners-needs', text: note, testId: 'partners-needs' }) : null,
    lacked && !note
      ? h('p', { text: t('partners.lackedBlocks', { blocks: lacked }), testId: 'partners-needs' })
      : null,
    data.items.length === 0
      ? h('p', { className: 'partners-none', i18n: 'partners.none', testId: 'partners-none' })
      : h(
          'ol',
          { className: 'partners-list', testId: 'partners-list' },
          ...data.items.map((r, i) => recommendationItem(r, i, labels)),
        ),
    h('p', {
      className: 'hint',
      text: t('partners.scored', { n: data.candidates_scored, tied: data.tied_left_out }),
      testId: 'partners-scored',
    }),
  );
}
