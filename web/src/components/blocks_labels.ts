// Names of the building blocks' things in the reader's language: the framework's own labels when
// it has loaded, the catalogue's otherwise (the seven blocks and four types are fixed), the id
// as a last resort.

import {
  pick,
  type BlocksFramework,
  type FrameworkBlock,
  type FrameworkStatement,
} from '../ecosystem_blocks';
import { formatNumber } from '../format';
import { getLang, t, tMaybe } from '../i18n/i18n';

export class BlocksLabels {
  private readonly blocks = new Map<string, FrameworkBlock>();
  private readonly statements = new Map<string, FrameworkStatement>();

  constructor(readonly framework: BlocksFramework | null) {
    for (const block of framework?.blocks ?? []) {
      this.blocks.set(block.id, block);
      for (const s of block.statements) this.statements.set(s.id, s);
    }
  }

  block(id: string): string {
    const label = pick(this.blocks.get(id)?.label, getLang());
    return label || tMaybe(`ecosystem.block.${id}`) || id;
  }

  statement(id: string): string {
    return pick(this.statements.get(id)?.text, getLang()) || id;
  }

  type(type: string): string {
    return tMaybe(`ecosystem.type.${type}`) || this.fromFramework(`type.${type}`) || type;
  }

  role(id: string): string {
    return this.fromFramework(`role.${id}`) || id;
  }

  kind(kind: string): string {
    return tMaybe(`kind.${kind}`) || kind;
  }

  /** A signal by what it finds ("finance intermediary"), else its id. */
  signal(id: string): string {
    return pick(this.framework?.signals[id]?.present, getLang()) || id;
  }

  crosswalk(prefix: 'oecd' | 'bept', id: string): string {
    return this.fromFramework(`${prefix}.${id}`) || id;
  }

  /** "OECD 2022: Culture · BEPT: Culture" for a block; "" when the framework is not loaded. */
  crosswalkOf(blockId: string): string {
    const block = this.blocks.get(blockId);
    if (!block) return '';
    return t('ecosystem.crosswalk', {
      oecd: block.oecd.map((id) => this.crosswalk('oecd', id)).join(', '),
      bept: block.bept.map((id) => this.crosswalk('bept', id)).join(', '),
    });
  }

  private fromFramework(key: string): string {
    return pick(this.framework?.labels[key], getLang());
  }
}

/** A rate such as SSE actors per 10,000 residents: three significant digits when below 1. */
export function rate(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (Math.abs(value) >= 1 || value === 0) return figure(value, 2);
  return new Intl.NumberFormat(getLang(), { maximumSignificantDigits: 3 }).format(value);
}

/** A score or figure for display; "—" when unknown. */
export function figure(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const rounded = Number(value.toFixed(digits));
  return formatNumber(rounded, getLang());
}
