import { describe, expect, it } from 'vitest';
import { FRAMEWORK } from './knowledge.fixture';
import { docFromDraft, draftFromDoc, type CaseDraft } from './knowledge_case_draft';
import { fieldOfCaseError, parseEditableCase } from './knowledge_case_record';
import { parseContextFramework } from './knowledge_transfer';

const framework = parseContextFramework(FRAMEWORK);

/** A canonical document as the API sends it, with fields the form does not edit. */
const DOC = {
  id: 'qc-housing-coop',
  title: { en: 'Housing co-operative', fr: "Coopérative d'habitation" },
  summary: { en: 'Tenants own the building.', fr: 'Les locataires possèdent l’immeuble.' },
  problem: { en: 'Rents rise.', fr: 'Les loyers montent.' },
  model: { en: 'A credit union lends.' },
  root_causes: [{ en: 'Speculation', es: 'Especulación' }],
  core_elements: [
    {
      id: 'member_mortgage',
      label: { en: 'Collective mortgage', fr: 'Hypothèque collective' },
      relies_on: [
        { feature: 'legal_forms', op: 'includes', value: 'cooperative', why: 'a co-op borrows' },
        { feature: 'informal_share', op: 'at_most', value: 0.3, severity: 'high' },
        { feature: 'trust', op: 'in', value: ['medium', 'high'] },
      ],
      weight: 3,
    },
  ],
  actors: [{ name: 'Caisse', actor_id: 'caisse-1', role: 'funder', since: 1990 }],
  stage: 'impact',
  policy_field: 'poverty_development',
  si_drive: { concepts: { en: 'Ownership', pt: 'Propriedade' } },
  outcomes: [
    {
      text: { en: 'Stable rents' },
      evidence: 'evaluation',
      sources: [{ title: 'Report', url: 'https://example.org/r', year: 2020, pages: '3-4' }],
    },
  ],
  scaling: [{ path: 'out', text: { en: 'More buildings' } }],
  strength: { level: 'strong', framework: 'x', assessed_at: '2026-01-02' },
  provenance: [{ claim: 'outcomes[0]', knowledge: 'both', contributors: ['TIESS'] }],
  origin: {
    id: 'montreal',
    name: 'Montreal',
    socio_cultural: { trust: 'high', multi_function_organisations: false },
    socio_economic: { informal_share: 0.1 },
    legal: { legal_forms: ['cooperative'] },
    epidemiological: { health_burden: 'low' },
  },
  countries: ['CA'],
  sdgs: [11],
  themes: ['housing'],
  type: 'case_study',
  year: 1990,
  future_field: { kept: true },
};

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** The item at `i`, or a failed test. */
function at<T>(items: T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new Error(`no item ${i}`);
  return item;
}

describe('draftFromDoc and docFromDraft', () => {
  it('give back the same document when nothing is edited, fields the form lacks included', () => {
    const base = clone(DOC);
    const { doc, problems } = docFromDraft(base, draftFromDoc(base, 'en'), framework);
    expect(problems).toEqual([]);
    expect(doc).toEqual(DOC);
  });

  it('read the texts in the reader language when the case has it, else in English', () => {
    expect(draftFromDoc(clone(DOC), 'fr').problem).toBe('Les loyers montent.');
    const pt = draftFromDoc(clone(DOC), 'pt');
    expect(pt.lang).toBe('en');
    expect(pt.languages).toEqual(['en', 'fr']);
    expect(pt.titles).toEqual({ en: 'Housing co-operative', fr: "Coopérative d'habitation" });
  });

  it('replace only the edited language of a text and keep the others', () => {
    const base = clone(DOC);
    const draft = draftFromDoc(base, 'en');
    draft.problem = 'Rents rise fast.';
    at(draft.rootCauses, 0).text = 'Land speculation';
    at(draft.elements, 0).label = 'Mortgage';
    const { doc } = docFromDraft(base, draft, framework);
    expect(doc.problem).toEqual({ en: 'Rents rise fast.', fr: 'Les loyers montent.' });
    expect(doc.root_causes).toEqual([{ en: 'Land speculation', es: 'Especulación' }]);
    expect(at(doc.core_elements as { label: unknown }[], 0).label).toEqual({
      en: 'Mortgage',
      fr: 'Hypothèque collective',
    });
  });

  it('keep the unknown keys of the items that stay and drop the removed items', () => {
    const base = clone(DOC);
    const draft = draftFromDoc(base, 'en');
    draft.actors.unshift({ name: 'Tenants', actorId: '', role: 'community', base: null });
    draft.scaling = [];
    const { doc } = docFromDraft(base, draft, framework);
    expect(doc.actors).toEqual([
      { name: 'Tenants', role: 'community' },
      { name: 'Caisse', actor_id: 'caisse-1', role: 'funder', since: 1990 },
    ]);
    expect(doc).not.toHaveProperty('scaling');
    expect(doc.future_field).toEqual({ kept: true });
  });

  it('write a new case from an empty document, leaving out what is empty', () => {
    const draft = draftFromDoc({}, 'fr');
    draft.id = 'lyon-food-coop';
    draft.titles.fr = 'Épicerie coopérative';
    draft.actors.push({ name: '', actorId: '', role: '', base: null });
    draft.siDrive.concepts = 'Achat groupé';
    const { doc, problems } = docFromDraft({}, draft, framework);
    expect(problems).toEqual([]);
    expect(doc).toEqual({
      id: 'lyon-food-coop',
      title: { fr: 'Épicerie coopérative' },
      si_drive: { concepts: { fr: 'Achat groupé' } },
    });
  });

  it('edit the origin profile and keep the domains the catalogue does not know', () => {
    const base = clone(DOC);
    const draft = draftFromDoc(base, 'en');
    if (!draft.origin) throw new Error('the case has an origin');
    draft.origin.values.trust = 'low';
    draft.origin.values.informal_share = '';
    const { doc } = docFromDraft(base, draft, framework);
    expect(doc.origin).toEqual({
      id: 'montreal',
      name: 'Montreal',
      socio_cultural: { trust: 'low', multi_function_organisations: false },
      legal: { legal_forms: ['cooperative'] },
      epidemiological: { health_burden: 'low' },
    });
  });

  it('drop the removed languages of the title and summary', () => {
    const base = clone(DOC);
    const draft = draftFromDoc(base, 'en');
    draft.languages = ['en'];
    const { doc } = docFromDraft(base, draft, framework, ['fr']);
    expect(doc.title).toEqual({ en: 'Housing co-operative' });
    expect(doc.summary).toEqual({ en: 'Tenants own the building.' });
  });
});

describe('docFromDraft problems', () => {
  const draft = (): CaseDraft => draftFromDoc(clone(DOC), 'en');

  it('names the field of each problem', () => {
    const d = draft();
    d.id = 'Bad Id';
    d.titles = { en: ' ', fr: '' };
    at(d.actors, 0).name = '';
    at(d.outcomes, 0).sources.push({ title: '', url: 'example.org', year: '20', base: null });
    d.scaling.push({ path: '', text: 'Somewhere', base: null });
    d.elements.push({
      id: 'member_mortgage',
      label: '',
      description: '',
      reliesOn: [],
      base: null,
    });
    const { problems } = docFromDraft(clone(DOC), d, framework);
    expect(problems).toEqual([
      { field: 'id', problem: 'id_format' },
      { field: 'title.en', problem: 'title_required' },
      { field: 'core_elements[1].id', problem: 'duplicate' },
      { field: 'core_elements[1].label', problem: 'required' },
      { field: 'actors[0].name', problem: 'required' },
      { field: 'outcomes[0].sources[1].url', problem: 'url' },
      { field: 'outcomes[0].sources[1].year', problem: 'year' },
      { field: 'scaling[1].path', problem: 'required' },
    ]);
  });

  it('checks dependencies against the catalogue: feature, op for its type, value', () => {
    const d = draft();
    const deps = at(d.elements, 0).reliesOn;
    at(deps, 0).value = 'cooperative, bank';
    at(deps, 1).op = 'is';
    deps.push({ feature: 'trsut', op: 'is', value: 'low', why: '', severity: '', base: null });
    deps.push({
      feature: 'trust',
      op: 'at_least',
      value: 'lots',
      why: '',
      severity: '',
      base: null,
    });
    const { problems } = docFromDraft(clone(DOC), d, framework);
    expect(problems).toEqual([
      {
        field: 'core_elements[0].relies_on[0].value',
        problem: 'value',
        params: { values: 'cooperative, self_help_group' },
      },
      {
        field: 'core_elements[0].relies_on[1].op',
        problem: 'op',
        params: { ops: 'at_least, at_most' },
      },
      { field: 'core_elements[0].relies_on[3].feature', problem: 'feature' },
      {
        field: 'core_elements[0].relies_on[4].value',
        problem: 'value',
        params: { values: 'low, medium, high' },
      },
    ]);
  });

  it('reads typed dependency values by the feature type', () => {
    const d = draft();
    at(d.elements, 0).reliesOn = [
      {
        feature: 'informal_share',
        op: 'at_most',
        value: '0,25',
        why: '',
        severity: '',
        base: null,
      },
      {
        feature: 'legal_forms',
        op: 'includes_any',
        value: 'cooperative,self_help_group',
        why: '',
        severity: '',
        base: null,
      },
      {
        feature: 'multi_function_organisations',
        op: 'is',
        value: 'true',
        why: '',
        severity: 'low',
        base: null,
      },
    ];
    const { doc, problems } = docFromDraft(clone(DOC), d, framework);
    expect(problems).toEqual([]);
    expect(at(doc.core_elements as { relies_on: unknown }[], 0).relies_on).toEqual([
      { feature: 'informal_share', op: 'at_most', value: 0.25 },
      { feature: 'legal_forms', op: 'includes_any', value: ['cooperative', 'self_help_group'] },
      { feature: 'multi_function_organisations', op: 'is', value: true, severity: 'low' },
    ]);
  });
});

describe('fieldOfCaseError', () => {
  const d = draftFromDoc(clone(DOC), 'en');
  it.each([
    ["case 'x': outcomes[0]: evidence 'stron' is not one of a, b", 'outcomes[0].evidence'],
    [
      "case 'x': outcomes[0]: sources[0]: url 'x' must start with https://",
      'outcomes[0].sources[0].url',
    ],
    [
      "case 'x': core element 'member_mortgage': relies_on[2]: unknown feature 'trsut'",
      'core_elements[0].relies_on[2]',
    ],
    ["case: id 'Bad' must be 1 to 128 of a-z", 'id'],
    ["case 'x': origin: socio_cultural: trust 'x' is not a level", 'origin'],
    ["case 'x': stage 'done' is not one of idea", 'stage'],
    ['something else entirely', null],
  ])('%s -> %s', (message, field) => {
    expect(fieldOfCaseError(message, d)).toBe(field);
  });
});

describe('parseEditableCase', () => {
  it('keeps the whole document and the head version', () => {
    const c = parseEditableCase({
      id: 'a',
      version: 2,
      head_version: 3,
      status: 'draft',
      doc: DOC,
    });
    expect(c).toEqual({ id: 'a', version: 2, headVersion: 3, status: 'draft', doc: DOC });
    expect(() => parseEditableCase({ id: 'a' })).toThrow(/doc/);
  });
});
