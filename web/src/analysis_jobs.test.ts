// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import {
  analyticsJobRequest,
  downloadLabel,
  isAnalysisKind,
  jobOutputUrl,
  madeSummary,
  parseAnalysisResult,
  parseJobOutput,
  reportJobRequest,
} from './analysis_jobs';
import { setLang } from './i18n/i18n';
import { RELATIONSHIP_TYPES } from './types';

const REPORT_RESULT = {
  territory: 'CA/QC',
  lang: 'fr',
  format: 'html',
  title: "Québec : rapport sur l'écosystème de l'ESS",
  output: {
    name: 'ecosol-report-CA-QC-fr.html',
    content_type: 'text/html; charset=utf-8',
    bytes: 12_345,
  },
};

const ANALYTICS_RESULT = {
  filter: { territory: 'CA/QC', types: [], as_of: '', with_partners: false },
  summary: { nodes: 1234, edges: 56, components: 1190, communities: 1185, density: 0.00004 },
  output: {
    name: 'ecosol-metrics-CA-QC.json',
    content_type: 'application/json; charset=utf-8',
    bytes: 2_100_000,
  },
};

describe('reportJobRequest', () => {
  it('sends the territory trimmed, the language and the format', () => {
    expect(reportJobRequest('  CA/QC ', 'fr', 'pdf')).toEqual({
      kind: 'report',
      params: { territory: 'CA/QC', lang: 'fr', format: 'pdf' },
    });
  });
});

describe('analyticsJobRequest', () => {
  it('sends the filters as the metrics endpoint takes them, with_partners as a boolean', () => {
    const request = analyticsJobRequest(
      {
        territory: 'CA/QC',
        types: ['funds', 'member_of'],
        asOf: '2024-06-30',
        withPartners: true,
      },
      'es',
    );
    expect(request).toEqual({
      kind: 'analytics',
      params: {
        territory: 'CA/QC',
        // In the registry's order, as GET /ecosystem/metrics gets them.
        type: 'member_of,funds',
        as_of: '2024-06-30',
        with_partners: true,
        lang: 'es',
      },
    });
  });

  it('leaves out what is empty, and the types when every one is chosen', () => {
    const none = analyticsJobRequest(
      { territory: '', types: [], asOf: '', withPartners: false },
      'en',
    );
    expect(none).toEqual({ kind: 'analytics', params: { with_partners: false, lang: 'en' } });
    const all = analyticsJobRequest(
      { territory: 'GB', types: [...RELATIONSHIP_TYPES], asOf: '', withPartners: false },
      'pt',
    );
    expect(all.params).toEqual({ territory: 'GB', with_partners: false, lang: 'pt' });
  });
});

describe('parseAnalysisResult', () => {
  it('reads what a report job made and the file it kept', () => {
    expect(parseAnalysisResult('report', REPORT_RESULT)).toEqual({
      kind: 'report',
      territory: 'CA/QC',
      lang: 'fr',
      format: 'html',
      title: "Québec : rapport sur l'écosystème de l'ESS",
      output: {
        name: 'ecosol-report-CA-QC-fr.html',
        contentType: 'text/html; charset=utf-8',
        bytes: 12_345,
      },
    });
  });

  it('reads the counts of an analytics job and the territory of its filter', () => {
    expect(parseAnalysisResult('analytics', ANALYTICS_RESULT)).toEqual({
      kind: 'analytics',
      territory: 'CA/QC',
      nodes: 1234,
      edges: 56,
      output: {
        name: 'ecosol-metrics-CA-QC.json',
        contentType: 'application/json; charset=utf-8',
        bytes: 2_100_000,
      },
    });
  });

  it('reads nothing before the job is done, or for another kind', () => {
    expect(parseAnalysisResult('report', null)).toBeNull();
    expect(parseAnalysisResult('analytics', undefined)).toBeNull();
    expect(parseAnalysisResult('screening', REPORT_RESULT)).toBeNull();
    expect(parseAnalysisResult('import', ANALYTICS_RESULT)).toBeNull();
  });

  it('tolerates missing and mistyped fields, and an output without a name', () => {
    expect(
      parseAnalysisResult('analytics', { summary: { nodes: '3', edges: -2.5 }, output: {} }),
    ).toEqual({ kind: 'analytics', territory: '', nodes: 0, edges: 0, output: null });
    expect(parseAnalysisResult('report', { title: 7, output: 'file.html' })).toEqual({
      kind: 'report',
      territory: '',
      lang: '',
      format: '',
      title: '',
      output: null,
    });
  });
});

describe('parseJobOutput', () => {
  it('rounds the size and defaults the type', () => {
    expect(parseJobOutput({ name: 'a.json', bytes: 10.7 })).toEqual({
      name: 'a.json',
      contentType: '',
      bytes: 10,
    });
    expect(parseJobOutput({ name: 'a.json', bytes: -4 })?.bytes).toBe(0);
  });
});

describe('isAnalysisKind', () => {
  it('knows the two kinds POST /jobs starts', () => {
    expect(['report', 'analytics', 'import', 'screening', ''].map(isAnalysisKind)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('jobOutputUrl and downloadLabel', () => {
  afterEach(() => setLang('en', null));

  it('asks for the job’s output, its id encoded', () => {
    expect(jobOutputUrl('job-12')).toBe('/api/v1/jobs/job-12/output');
    expect(jobOutputUrl('a/b?c')).toBe('/api/v1/jobs/a%2Fb%3Fc/output');
  });

  it('names the file and its size in the reader’s language', () => {
    const output = parseJobOutput(REPORT_RESULT.output);
    if (!output) throw new Error('the output does not parse');
    expect(downloadLabel(output, 'en')).toBe('Download ecosol-report-CA-QC-fr.html (12 kB)');
    setLang('fr', null);
    expect(downloadLabel({ ...output, bytes: 850 }, 'fr').replace(/\s/g, ' ')).toBe(
      'Télécharger ecosol-report-CA-QC-fr.html (850 octets)',
    );
  });
});

describe('madeSummary', () => {
  afterEach(() => setLang('en', null));

  it('says which report was made: title, territory, language and format', () => {
    const made = parseAnalysisResult('report', { ...REPORT_RESULT, format: 'pdf' });
    if (!made) throw new Error('the result does not parse');
    expect(madeSummary(made, 'en')).toBe(
      "Québec : rapport sur l'écosystème de l'ESS (CA/QC, Français, PDF)",
    );
  });

  it('counts the actors and relationships of the measures, with their territory if any', () => {
    const made = parseAnalysisResult('analytics', ANALYTICS_RESULT);
    if (!made) throw new Error('the result does not parse');
    expect(madeSummary(made, 'en')).toBe('CA/QC: 1,234 actors, 56 relationships');
    setLang('es', null);
    expect(madeSummary({ ...made, territory: '' }, 'es')).toBe('1234 actores, 56 relaciones');
  });
});
