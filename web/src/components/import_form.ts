// The import form of the open data page: a file, its format (guessed from the extension), the
// YAML mapping of a spreadsheet (shown for format csv only), the source it is recorded under, the
// language of its texts, claims and attribution, "check only", "keep the valid rows" and "run in
// the background"; then the report of what the server did, or why it refused, or (in the
// background) the job it queued, with a link to the jobs page where its report will be.

import { ApiError, interopApi, type ImportOptions } from '../api';
import { h, option } from '../dom';
import { formatBytes } from '../format';
import { getLang, LANGUAGE_NAMES, LANGUAGES, t, type MessageKey } from '../i18n/i18n';
import { parseJob } from '../job_model';
import { obj } from '../json_read';
import {
  fileStem,
  guessFormat,
  IMPORT_FORMATS,
  importMediaType,
  isImportReport,
  needsMapping,
  parseClaims,
} from '../open_data';
import { JOBS_HREF } from '../router';
import type { ImportReport } from '../types';
import { errorMessage } from './error_message';
import { alertBox, inputField, notice, selectField, whileBusy } from './form_field';
import { importReport } from './import_report';

/**
 * What an import came to: a report (written, checked or refused), a job queued to run it in the
 * background (its id), or an error without a report.
 */
type Outcome =
  | { kind: 'report'; report: ImportReport; dryRun: boolean }
  | { kind: 'queued'; job: string }
  | { kind: 'error'; error: unknown };

const ACCEPTED = '.csv,.geojson,.json,.jsonld,.ttl';

export class ImportForm {
  /** The form, then the status line and the report. */
  readonly element: HTMLElement;
  private readonly form: HTMLFormElement;
  private readonly file = inputField({
    id: 'import-file',
    label: 'data.file',
    type: 'file',
    hint: 'data.fileHint',
    attrs: { accept: ACCEPTED, 'aria-required': 'true' },
    testId: 'import-file',
  });
  private readonly fileError = h('p', {
    className: 'field-error',
    i18n: 'data.noFile',
    attrs: { id: 'import-file-error', hidden: true },
    testId: 'import-file-error',
  });
  private readonly format = selectField({
    id: 'import-format',
    label: 'data.format',
    choices: IMPORT_FORMATS.map((f) => [f.id, f.name] as const),
    value: IMPORT_FORMATS[0]?.id ?? '',
    testId: 'import-format',
  });
  private readonly mapping = inputField({
    id: 'import-mapping',
    label: 'data.mapping',
    type: 'file',
    hint: 'data.mappingHint',
    attrs: { accept: '.yaml,.yml', 'aria-required': 'true' },
    testId: 'import-mapping',
  });
  private readonly mappingError = h('p', {
    className: 'field-error',
    i18n: 'data.noMapping',
    attrs: { id: 'import-mapping-error', hidden: true },
    testId: 'import-mapping-error',
  });
  private readonly source = inputField({
    id: 'import-source',
    label: 'data.source',
    hint: 'data.sourceHint',
    testId: 'import-source',
  });
  private readonly lang = languageField();
  private readonly claims = inputField({
    id: 'import-claims',
    label: 'data.claims',
    hint: 'data.claimsHint',
    testId: 'import-claims',
  });
  private readonly attribution = inputField({
    id: 'import-attribution',
    label: 'data.attribution',
    hint: 'data.attributionHint',
    testId: 'import-attribution',
  });
  private readonly dryRun = checkboxField('import-dry-run', 'data.dryRun');
  private readonly skipInvalid = checkboxField('import-skip-invalid', 'data.skipInvalid');
  private readonly background = checkboxField(
    'import-background',
    'data.background',
    'data.backgroundHint',
  );
  private readonly status = h('p', {
    className: 'status',
    attrs: { 'aria-live': 'polite' },
    testId: 'import-status',
  });
  private readonly result = h('div', { className: 'import-result', testId: 'import-result' });
  private last: { outcome: Outcome; fileName: string } | null = null;
  private busy = false;

  constructor() {
    this.file.input.addEventListener('change', () => this.fileChosen());
    this.file.field.append(this.fileError);
    this.mapping.field.append(this.mappingError);
    this.format.select.addEventListener('change', () => this.formatChosen());
    this.mapping.input.addEventListener('change', () => this.setMappingError(false));
    this.form = h(
      'form',
      { className: 'stacked-form import-form', testId: 'import-form' },
      this.file.field,
      this.format.field,
      this.mapping.field,
      this.source.field,
      this.lang.field,
      this.claims.field,
      this.attribution.field,
      this.dryRun.field,
      this.skipInvalid.field,
      this.background.field,
      h('button', { i18n: 'data.submit', attrs: { type: 'submit' }, testId: 'import-submit' }),
    );
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
    this.element = h('div', { className: 'import' }, this.form, this.status, this.result);
    this.formatChosen();
  }

  /** Redraws the texts made with parameters (the shell re-translates the others). */
  onLanguageChange(): void {
    if (this.last && !this.busy) this.show(this.last.outcome, this.last.fileName);
  }

  /** A new file: its format as its extension suggests, and its name as the default source. */
  private fileChosen(): void {
    const file = this.file.input.files?.[0];
    if (!file) return;
    this.setFileError(false);
    const format = guessFormat(file.name);
    // A spreadsheet chosen after its mapping format keeps that format (a .csv suggests ESSGlobal).
    const keep = needsMapping(this.format.select.value) && format === 'essglobal-csv';
    if (format && !keep) this.format.select.value = format;
    this.source.input.value = fileStem(file.name);
    this.formatChosen();
  }

  /** The mapping file is asked for only with the formats that read one. */
  private formatChosen(): void {
    this.mapping.field.hidden = !needsMapping(this.format.select.value);
    if (this.mapping.field.hidden) this.setMappingError(false);
  }

  private options(): ImportOptions {
    return {
      format: this.format.select.value,
      source: this.source.input.value.trim(),
      lang: this.lang.select.value,
      claims: parseClaims(this.claims.input.value),
      attribution: this.attribution.input.value.trim(),
      dryRun: this.dryRun.input.checked,
      skipInvalid: this.skipInvalid.input.checked,
      background: this.background.input.checked,
    };
  }

  private async submit(): Promise<void> {
    if (this.busy) return;
    const file = this.file.input.files?.[0];
    if (!file) {
      this.setFileError(true);
      this.file.input.focus();
      return;
    }
    const options = this.options();
    const mapping = needsMapping(options.format) ? this.mapping.input.files?.[0] : undefined;
    if (needsMapping(options.format) && !mapping) {
      this.setMappingError(true);
      this.mapping.input.focus();
      return;
    }
    const dryRun = options.dryRun === true;
    const params = { name: file.name, size: formatBytes(file.size, getLang()) };
    this.busy = true;
    this.last = null;
    this.status.textContent = t(dryRun ? 'data.checking' : 'data.importing', params);
    this.result.replaceChildren();
    try {
      await whileBusy(this.form, async () => {
        const type = importMediaType(options.format, file.name);
        const outcome = await send(file, type, mapping, options).catch((error: unknown) =>
          outcomeOfError(error, dryRun),
        );
        this.last = { outcome, fileName: file.name };
        this.show(outcome, file.name);
      });
    } finally {
      this.busy = false;
    }
  }

  private show(outcome: Outcome, fileName: string): void {
    this.status.textContent = t(statusKey(outcome), { name: fileName });
    if (outcome.kind === 'report') {
      this.result.replaceChildren(importReport(outcome.report, outcome.dryRun));
    } else if (outcome.kind === 'queued') {
      this.result.replaceChildren(queuedNotice(outcome.job));
    } else if (outcome.error instanceof ApiError && outcome.error.status === 413) {
      this.result.replaceChildren(alertBox(t('data.tooLarge'), 'import-too-large'));
    } else {
      this.result.replaceChildren(errorMessage(outcome.error));
    }
  }

  private setMappingError(shown: boolean): void {
    this.mappingError.hidden = !shown;
    const input = this.mapping.input;
    if (shown) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', 'import-mapping-hint import-mapping-error');
    } else {
      input.removeAttribute('aria-invalid');
      input.setAttribute('aria-describedby', 'import-mapping-hint');
    }
  }

  private setFileError(shown: boolean): void {
    this.fileError.hidden = !shown;
    const input = this.file.input;
    if (shown) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', 'import-file-hint import-file-error');
    } else {
      input.removeAttribute('aria-invalid');
      input.setAttribute('aria-describedby', 'import-file-hint');
    }
  }
}

/**
 * Sends the file (with its mapping, for format csv): imported at once, the answer is the report;
 * in the background, it is the queued job (202), of which the outcome keeps the id.
 */
async function send(
  file: File,
  type: string,
  mapping: File | undefined,
  options: ImportOptions,
): Promise<Outcome> {
  const dryRun = options.dryRun === true;
  if (options.background) {
    const answer = await interopApi.queueImport(file, type, mapping, options);
    const job = parseJob(obj(answer).job);
    if (!job) throw new ApiError(202, 'bad_response', 'expected {"job": {...}}');
    return { kind: 'queued', job: job.id };
  }
  const report = await (mapping
    ? interopApi.importWithMapping(file, mapping, options)
    : interopApi.importFile(file, type, options));
  return { kind: 'report', report, dryRun };
}

/** The job queued, named by its id, and the way to the jobs page, where its report will be. */
function queuedNotice(job: string): HTMLElement {
  const text = notice(t('data.queued', { id: job }), 'import-queued');
  const link = h('a', {
    i18n: 'data.queuedLink',
    attrs: { href: JOBS_HREF },
    testId: 'import-jobs-link',
  });
  return h('div', {}, text, h('p', {}, link));
}

/** A refused file (422) comes back as an error whose details are the report of its rows. */
function outcomeOfError(error: unknown, dryRun: boolean): Outcome {
  if (error instanceof ApiError && isImportReport(error.details)) {
    return { kind: 'report', report: error.details, dryRun };
  }
  return { kind: 'error', error };
}

function statusKey(outcome: Outcome): MessageKey {
  if (outcome.kind === 'queued') return 'data.statusQueued';
  if (outcome.kind === 'error' || (!outcome.report.committed && !outcome.dryRun)) {
    return 'data.statusFailed';
  }
  return outcome.report.committed ? 'data.statusWritten' : 'data.statusChecked';
}

/** The language of the file's texts; language names are shown in their own language. */
function languageField(): { field: HTMLElement; select: HTMLSelectElement } {
  const select = h('select', {
    attrs: { id: 'import-lang', name: 'import-lang' },
    testId: 'import-lang',
  });
  for (const lang of LANGUAGES) select.append(option(lang, { text: LANGUAGE_NAMES[lang] }));
  select.value = getLang();
  const field = h(
    'div',
    { className: 'form-field' },
    h('label', { i18n: 'data.lang', attrs: { for: 'import-lang' } }),
    select,
  );
  return { field, select };
}

/** A checkbox and its label; a hint below them is tied by aria-describedby. */
function checkboxField(
  id: string,
  label: MessageKey,
  hint?: MessageKey,
): { field: HTMLElement; input: HTMLInputElement } {
  const hintId = hint ? `${id}-hint` : undefined;
  const input = h('input', {
    attrs: { id, name: id, type: 'checkbox', 'aria-describedby': hintId },
    testId: id,
  });
  const field = h(
    'div',
    { className: 'form-field checkbox-field' },
    input,
    h('label', { i18n: label, attrs: { for: id } }),
    hint && h('p', { className: 'hint', i18n: hint, attrs: { id: hintId } }),
  );
  return { field, input };
}
