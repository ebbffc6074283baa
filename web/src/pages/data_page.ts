// Open data (#/data): the public registry as a download in each export format, for everyone; and
// the import of a file, for admins and instance-wide stewards (others are told why they cannot);
// and federation: this instance's feed and peers, and pulls from a peer (FederationPanel).

import { exportUrl } from '../api';
import { forbiddenNotice, signInPrompt } from '../components/access_notice';
import { FederationPanel } from '../components/federation_panel';
import { ImportForm } from '../components/import_form';
import { panel } from '../components/panel';
import { h } from '../dom';
import { t, translateTree } from '../i18n/i18n';
import { DATA_FORMATS, type DataFormat } from '../open_data';
import { DATA_HREF } from '../router';
import type { SessionStore } from '../session';
import type { Page } from './page';

export class DataPage implements Page {
  readonly element: HTMLElement;
  private readonly importBody = h('div', { testId: 'import-body' });
  /** Kept while the visitor may import, so a session refresh does not clear what they typed. */
  private form: ImportForm | null = null;
  private readonly federation: FederationPanel;

  constructor(private readonly session: SessionStore) {
    this.federation = new FederationPanel(session);
    this.element = h(
      'section',
      { className: 'page data-page', testId: 'data-page' },
      h('h1', { i18n: 'data.title', attrs: { tabindex: -1 } }),
      h('p', { i18n: 'data.intro' }),
      exportPanel(),
      panel('data.importTitle', 'data-import', this.importBody),
      this.federation.element,
    );
    this.importBody.append(
      h('p', { className: 'status', i18n: 'status.loading', testId: 'import-loading' }),
    );
    void this.session.ready().then(() => this.render());
  }

  title(): string {
    return t('data.title');
  }

  onLanguageChange(): void {
    translateTree(this.element);
    this.form?.onLanguageChange();
    this.federation.onLanguageChange();
  }

  onSessionChange(): void {
    this.render();
    this.federation.onSessionChange();
  }

  destroy(): void {
    // An import or a pull already sent runs to its end on the server either way; only the
    // loading of the peers is cancelled.
    this.federation.destroy();
  }

  /** Whether the server would take an import from this visitor (see auth policy kImportData). */
  private canImport(): boolean {
    return this.session.isAdmin() || this.session.holds('steward', '');
  }

  private render(): void {
    if (!this.session.signedIn) {
      this.form = null;
      this.importBody.replaceChildren(signInPrompt(DATA_HREF, 'data.signInToImport'));
      return;
    }
    if (!this.canImport()) {
      this.form = null;
      this.importBody.replaceChildren(forbiddenNotice('data.importForbidden'));
      return;
    }
    if (this.form && this.importBody.contains(this.form.element)) return;
    this.form = new ImportForm();
    this.importBody.replaceChildren(h('p', { i18n: 'data.importIntro' }), this.form.element);
  }
}

/** One download link per export format, each with what the format is for. */
function exportPanel(): HTMLElement {
  return panel(
    'data.exportTitle',
    'data-export',
    h('p', { i18n: 'data.exportIntro' }),
    h('ul', { className: 'format-list', testId: 'export-list' }, ...DATA_FORMATS.map(exportItem)),
    h('p', { className: 'licence-note', i18n: 'data.exportNote', testId: 'export-note' }),
  );
}

function exportItem(format: DataFormat): HTMLElement {
  const file = `ecosol.${format.extension}`;
  const aboutId = `export-${format.id}-about`;
  return h(
    'li',
    { testId: 'export-format', attrs: { 'data-format': format.id } },
    h(
      'a',
      {
        attrs: { href: exportUrl(format.id), download: file, 'aria-describedby': aboutId },
        testId: `export-${format.id}`,
      },
      h('span', { i18n: format.name }),
      ' ',
      h('span', { className: 'file-name', text: `(${file})` }),
    ),
    h('p', { className: 'hint', i18n: format.about, attrs: { id: aboutId } }),
  );
}
