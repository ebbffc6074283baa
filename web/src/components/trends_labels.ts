// Names and numbers of the trends page in the reader's language: groups (kinds from the catalogue,
// activities and structures from the ESSGlobal taxonomies, sectors as the data have them),
// indicators, figures in their unit, rates and changes. The server gives group keys as they are
// (docs/ecosystem.md, "Summary per group"): labelling them is the client's part.

import { formatNumber } from '../format';
import { getLang, t } from '../i18n/i18n';
import { kindLabel } from '../labels';
import { SCHEMES, labelOf, taxonomies, type Labels } from '../taxonomy';
import type { TrendIndicator } from '../trends';
import { figureLabel, formatFigure } from './indicator_table';

/** The taxonomy whose labels name the groups of a breakdown, if any. */
export function schemeOf(dimension: string): string | null {
  if (dimension === 'activity') return SCHEMES.activities;
  if (dimension === 'structure') return SCHEMES.structures;
  return null;
}

/** The labels for a breakdown in the current language; an empty map when none or on failure. */
export async function loadGroupLabels(dimension: string): Promise<Labels> {
  const scheme = schemeOf(dimension);
  return scheme ? taxonomies.labelsOrEmpty(scheme, getLang()) : new Map();
}

export class TrendLabels {
  constructor(
    private readonly dimension: string,
    private readonly taxonomy: Labels,
    private readonly indicators: readonly TrendIndicator[],
  ) {}

  group(key: string): string {
    if (key === 'all') return t('trends.total');
    if (key === 'unspecified' || key === '') return t('trends.unspecified');
    if (this.dimension === 'kind') return kindLabel(key);
    return labelOf(this.taxonomy, key);
  }

  indicator(name: string): string {
    return figureLabel(name);
  }

  /** The indicator's name with its unit when it has one: "Turnover (GBP)". */
  indicatorTitle(name: string): string {
    const unit = this.unit(name);
    return unit && unit !== 'people' ? `${this.indicator(name)} (${unit})` : this.indicator(name);
  }

  unit(name: string): string {
    return this.indicators.find((i) => i.name === name)?.unit ?? '';
  }

  /** A figure of the indicator in its unit; "—" when unknown. */
  figure(name: string, value: number | null): string {
    return value === null ? '—' : formatFigure(value, this.unit(name), getLang());
  }
}

/** A whole count in the reader's language. */
export function count(value: number): string {
  return formatNumber(value, getLang());
}

/** A rate per 100 with one decimal ("4.2"); "—" when undefined. */
export function ratePer100(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(getLang(), { maximumFractionDigits: 1 }).format(value);
}

/** A change in percent with its sign ("+3.5 %", "−2 %"); "—" when undefined. */
export function signedPercent(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(getLang(), {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(value / 100);
}

/** A compound annual growth (0.031 -> "+3.1 %"); "—" when undefined. */
export function growth(value: number | null): string {
  return value === null ? '—' : signedPercent(value * 100);
}
