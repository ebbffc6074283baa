// Names of partner matching's things in the reader's language: asset types from
// GET /ecosystem/assets, blocks from the building-blocks framework (or the catalogue), actor
// groups from the catalogue; the id as a last resort.

import { pick } from '../ecosystem_blocks';
import { getLang, t, tMaybe } from '../i18n/i18n';
import type { AssetType } from '../partners';
import type { BlocksLabels } from './blocks_labels';

export class PartnerLabels {
  private readonly assets = new Map<string, AssetType>();

  constructor(
    readonly blocks: BlocksLabels,
    readonly assetTypes: readonly AssetType[],
  ) {
    for (const a of assetTypes) this.assets.set(a.id, a);
  }

  asset(id: string): string {
    return pick(this.assets.get(id)?.label, getLang()) || id;
  }

  block(id: string): string {
    return this.blocks.block(id);
  }

  /** An actor type (ActorGroup: cooperative, university...), singular. */
  group(id: string): string {
    return tMaybe(`partners.group.${id}`) || id || t('partners.group.other');
  }
}
