// The missing brokers of a territory: per building block, two types of actors active in it with
// no tie between them, in the server's sentence, with how many actors each side has, examples,
// and the actors that could bridge them, each linked to its profile.

import { pick, type Text } from '../ecosystem_blocks';
import { h } from '../dom';
import { getLang, t } from '../i18n/i18n';
import type { BrokerGap, BrokerReport, GapSide } from '../partners';
import { actorLink, actorLinks } from './partners_results';
import type { PartnerLabels } from './partners_labels';

function sideLine(side: GapSide, labels: PartnerLabels): HTMLElement {
  return h(
    'li',
    { testId: 'broker-side' },
    t('partners.gapSide', { group: labels.group(side.group), n: side.actors }),
    side.examples.length > 0 ? ' — ' : '',
    ...actorLinks(side.examples),
  );
}

function bridges(gap: BrokerGap, labels: PartnerLabels): HTMLElement {
  if (gap.bridges.length === 0) {
    return h('p', { className: 'hint', i18n: 'partners.bridgesNone' });
  }
  return h(
    'div',
    { className: 'broker-bridges' },
    h('p', { i18n: 'partners.bridges' }),
    h(
      'ul',
      {},
      ...gap.bridges.map((b) =>
        h(
          'li',
          {},
          actorLink(b, 'broker-bridge'),
          ` (${labels.group(b.group)}; ${t('partners.bridgeTies', {
            n: b.ties_to_side,
            group: labels.group(b.side === 'a' ? gap.a.group : gap.b.group),
          })})`,
        ),
      ),
    ),
  );
}

function gapItem(gap: BrokerGap, labels: PartnerLabels, sentence: (text: Text) => string) {
  return h(
    'li',
    { className: 'broker-gap', attrs: { 'data-block': gap.block }, testId: 'broker-gap' },
    h('h3', { text: labels.block(gap.block) }),
    h('p', { className: 'broker-gap-text', text: sentence(gap.text), testId: 'broker-gap-text' }),
    h('ul', { className: 'broker-sides' }, sideLine(gap.a, labels), sideLine(gap.b, labels)),
    bridges(gap, labels),
  );
}

export function brokersView(report: BrokerReport, labels: PartnerLabels): HTMLElement {
  const lang = getLang();
  return h(
    'div',
    { testId: 'brokers-report' },
    report.gaps.length === 0
      ? h('p', { i18n: 'partners.gapsNone', testId: 'brokers-none' })
      : h(
          'ul',
          { className: 'broker-gaps', testId: 'broker-gaps' },
          ...report.gaps.map((g) => gapItem(g, labels, (text) => pick(text, lang))),
        ),
  );
}
