// Answers of /api/v1/knowledge in the shapes of the contract (session 12) and of
// ContextCatalogueJson, trimmed to the women's e-rickshaw network of Uttar Pradesh, for the unit
// tests.

export const CASE_ID = 'in-up-erickshaw-safe-network';

export const SEARCH = {
  total: 3,
  items: [
    {
      id: CASE_ID,
      title: "Women's e-rickshaw safe transport network",
      title_lang: 'en',
      summary: 'Women drivers in self-help groups run e-rickshaws.',
      snippet: "Women's e-[[rickshaw]] network <b>Lucknow</b>",
      type: 'case_study',
      year: 2019,
      countries: ['IN'],
      sdgs: [5, 11],
      themes: ['mobility'],
      stage: 'implementation',
      strength: 'strong',
      status: 'published',
      version: 2,
      updated_at: '2026-11-30T10:00:00Z',
    },
    {
      id: 'draft-case',
      title: 'A draft',
      title_lang: 'en',
      summary: '',
      snippet: '',
      type: 'solution',
      year: null,
      countries: [],
      sdgs: [],
      themes: [],
      stage: 'idea',
      strength: 'unassessed',
      status: 'draft',
      version: 1,
      updated_at: '2026-11-30T10:00:00Z',
    },
  ],
  facets: {
    sdg: [
      { value: '5', count: 2 },
      { value: 11, count: 1 },
    ],
    country: [{ value: 'IN', count: 2 }],
    theme: [{ value: 'mobility', count: 2 }],
    stage: [{ value: 'implementation', count: 1 }],
    type: [{ value: 'case_study', count: 1 }],
    strength: [],
    policy_field: [{ value: 'transport', count: 1 }],
    language: [{ value: 'en', count: 2 }],
    source: [{ value: 'ecosol', count: 2 }],
  },
};

export const CASE_DOC = {
  id: CASE_ID,
  title: { en: "Women's e-rickshaw safe transport network", hi: 'महिला ई-रिक्शा' },
  summary: { en: 'Women drivers in self-help groups run e-rickshaws.' },
  problem: { en: 'Women are harassed on public transport.' },
  root_causes: [{ en: 'Few women drivers' }, { en: '' }],
  model: { en: 'Self-help groups buy vehicles with microfinance.' },
  core_elements: [
    {
      id: 'women_drivers',
      label: { en: 'Women drivers organised in self-help groups' },
      description: { en: 'Drivers join through groups.' },
      relies_on: [
        {
          feature: 'legal_forms',
          op: 'includes',
          value: 'self_help_group',
          why: 'drivers join through recognised groups',
        },
        { feature: 'trust', op: 'at_least', value: 'medium', severity: 'high' },
      ],
    },
  ],
  actors: [
    { name: 'Sakha Consulting Wings', actor_id: 'sakha', role: 'initiator' },
    { name: 'Drivers', role: 'community' },
  ],
  stage: 'implementation',
  policy_field: 'transport',
  si_drive: { societal_needs: { en: 'Safe mobility for women.' }, concepts: 'not a Text' },
  outcomes: [
    {
      text: { en: 'Fewer incidents reported.' },
      evidence: 'monitoring',
      sources: [
        { title: 'Annual report', url: 'https://example.org/report', year: 2021 },
        { title: 'Unsafe link', url: 'javascript:alert(1)' },
      ],
    },
  ],
  scaling: [{ path: 'out', text: { en: 'Three more cities.' } }],
  strength: {
    level: 'strong',
    framework: 'social-innovation-strength',
    assessed_at: '2026-11-30',
    reasons: { en: 'Sustained for five years.' },
  },
  provenance: [
    {
      claim: 'outcomes[0]',
      knowledge: 'both',
      contributors: ['TIESS', 'Sakha'],
      participation: 'collaborate',
    },
  ],
  origin: {
    id: 'lucknow',
    name: 'Lucknow',
    socio_cultural: { trust: 'medium', gender_norms: null },
    socio_economic: { informal_share: 0.8 },
  },
  countries: ['IN'],
  sdgs: [5, 11],
  themes: ['mobility', 'gender equality'],
  methods: ['co-creation'],
  type: 'case_study',
  year: 2019,
  location: { lat: 26.85, lon: 80.95 },
  source: {
    name: 'Ecosol seed',
    id: 'seed-1',
    url: 'https://example.org/seed',
    licence: 'CC-BY-4.0',
  },
  text: { en: 'x'.repeat(700) },
};

export const CASE_RECORD = {
  id: CASE_ID,
  version: 2,
  status: 'in_review',
  created_at: '2026-11-01T10:00:00Z',
  updated_at: '2026-11-30T10:00:00Z',
  who: 'user:7',
  doc: CASE_DOC,
};

export const VERSIONS = {
  items: [
    {
      version: 1,
      status: 'published',
      created_at: '2026-11-01T10:00:00Z',
      who: 'user:1',
      change: 'import',
    },
    {
      version: 2,
      status: 'in_review',
      created_at: '2026-11-30T10:00:00Z',
      who: 'user:7',
      change: 'outcomes',
    },
  ],
};

export const SIMILAR = {
  items: [
    { ...SEARCH.items[0], id: 'other-rickshaw', title: 'Other rickshaw network', score: 0.42 },
  ],
};

/** As ContextCatalogueJson gives it: labels already in the asked language, levels as values. */
export const FRAMEWORK = {
  id: 'transfer-context',
  version: '1.0.0',
  domains: [
    { id: 'socio_cultural', label: 'Socio-cultural' },
    { id: 'socio_economic', label: 'Socio-economic' },
    { id: 'legal', label: 'Legal' },
  ],
  features: [
    {
      id: 'trust',
      domain: 'socio_cultural',
      type: 'level',
      label: 'trust and social capital',
      question: 'How far do people trust each other?',
      values: [
        { id: 'low', label: 'low' },
        { id: 'medium', label: 'medium' },
        { id: 'high', label: 'high' },
      ],
    },
    {
      id: 'multi_function_organisations',
      domain: 'socio_cultural',
      type: 'bool',
      label: 'multi-functional organisations common',
      question: 'Do local groups run several activities?',
      values: [],
    },
    {
      id: 'informal_share',
      domain: 'socio_economic',
      type: 'share',
      label: 'informal share of the economy',
      question: 'What share of employment is informal?',
      values: [],
      min: 0,
      max: 1,
    },
    {
      id: 'population',
      domain: 'socio_economic',
      type: 'number',
      label: 'population',
      question: 'How many people live there?',
      values: [],
      min: 0,
    },
    {
      id: 'legal_forms',
      domain: 'legal',
      type: 'list',
      label: 'legal forms available',
      question: 'Which legal forms can groups use?',
      values: [
        { id: 'cooperative', label: 'cooperative' },
        { id: 'self_help_group', label: 'self-help group' },
      ],
    },
    {
      id: 'settlement',
      domain: 'legal',
      type: 'choice',
      label: 'settlement',
      question: 'Urban or rural?',
      values: [
        { id: 'urban', label: 'urban' },
        { id: 'rural', label: 'rural' },
      ],
    },
  ],
  flags: [
    { id: 'settlement_mismatch', severity: 'medium', assets: ['advice', 'network'] },
    { id: 'trust_dependency', severity: 'high', assets: ['network'] },
    { id: 'informal_economy_mismatch', severity: 'high', assets: ['finance'] },
  ],
};

export const ANALYSIS = {
  case: CASE_ID,
  case_version: 2,
  target: 'other-city',
  verdict: 'redesign',
  domains: [
    {
      domain: 'socio_cultural',
      fit: 'unknown',
      reasons: [
        {
          kind: 'unknown',
          element: 'women_drivers',
          feature: 'trust',
          text: { en: 'Trust is not known.', fr: 'La confiance est inconnue.' },
        },
      ],
    },
    {
      domain: 'legal',
      fit: 'poor',
      reasons: [
        {
          kind: 'fails',
          element: 'women_drivers',
          feature: 'legal_forms',
          text: { en: 'No self-help groups.' },
        },
      ],
    },
  ],
  risk_flags: [
    {
      id: 'legal_form_unavailable',
      element: 'women_drivers',
      feature: 'legal_forms',
      domain: 'legal',
      op: 'includes',
      expected: 'self_help_group',
      origin: ['self_help_group', 'cooperative'],
      target: ['cooperative'],
      severity: 'high',
      why: 'drivers join through recognised groups',
      text: {
        en: 'The target lacks self-help groups.',
        fr: "La cible n'a pas de groupes d'entraide.",
      },
    },
  ],
  adaptations: [
    {
      flag: 'legal_form_unavailable',
      element: 'women_drivers',
      text: { en: 'Use a cooperative instead.' },
    },
  ],
  judgement: { en: 'Redesign: women drivers cannot organise as they did.', fr: 'À repenser.' },
  unknowns: [
    {
      element: 'women_drivers',
      feature: 'trust',
      domain: 'socio_cultural',
      question: { en: 'How far do people trust each other?' },
    },
  ],
  local_partners: [
    {
      flag: 'legal_form_unavailable',
      element: 'women_drivers',
      assets: ['legal_support', 'training'],
      actors: [
        {
          id: 'lko-coop',
          name: 'Lucknow Co-op Support',
          territory: 'IN/up',
          asset_type: 'legal_support',
          offer: 'Registering co-operatives',
        },
        { name: 'No id: left out' },
      ],
    },
  ],
};

/** A transfer of the case to South Africa, as GET /lineage and POST /transfers give it. */
export const TRANSFER = {
  id: 'tr-up-to-za',
  origin_case: CASE_ID,
  case: 'za-groups',
  started: '2024-03',
  flags: ['trust_dependency', 'gender_norms_barrier'],
  target: { id: 'za', socio_cultural: { trust: 'low' } },
  adaptations: [
    {
      element: 'women_drivers',
      when: 'pre_implementation',
      planned: 'planned',
      decided_by: ['members', 'federation'],
      what: 'content',
      level: 'organisation',
      change: 'substituting',
      description: {
        en: 'A stokvel replaces microfinance',
        fr: 'Un stokvel remplace le microcrédit',
      },
      fidelity_consistent: true,
      reasons: ['recipient', 'organisation'],
      why: { en: 'No microfinance lender nearby' },
      date: '2024-02-01',
    },
    {
      when: 'implementation',
      planned: 'reactive',
      change: 'adding',
      description: { en: 'Night shifts added' },
      fidelity_consistent: null,
    },
  ],
  outcome: 'failure',
  outcome_note: { en: 'Stopped after a year.' },
  version: 1,
  recorded_at: '2026-11-30T05:10:47Z',
  who: 'user:7',
};

export const LINEAGE = {
  case: CASE_ID,
  origin: [
    {
      id: 'tr-delhi-to-up',
      origin_case: 'delhi-pink-autos',
      case: CASE_ID,
      flags: [],
      adaptations: [],
      outcome: 'success',
      version: 2,
      recorded_at: '2026-10-01T00:00:00Z',
    },
    { id: 'no-cases' },
  ],
  transfers: [TRANSFER],
  flag_history: {
    transfers_known: 4,
    failed: 2,
    flags: [
      { flag: 'trust_dependency', transfers: 3, failed: 2, failure_share: 0.67 },
      { flag: 'scale_mismatch', transfers: 1, failed: 0, failure_share: 0 },
      { flag: '', transfers: 1, failed: 1 },
    ],
  },
};

export const REVIEWS = {
  items: [
    { n: 1, action: 'submit', version: 1, who: 'user:7', at: '2026-11-01T09:00:00Z', comment: '' },
    {
      n: 2,
      action: 'return',
      version: 1,
      who: 'user:1',
      at: '2026-11-02T09:00:00Z',
      comment: 'Add sources',
    },
  ],
};

export const WATCHES = {
  items: [
    {
      id: 'w-1',
      name: 'Rickshaws',
      query: { q: 'rickshaw', sdg: ['5', 11], country: ['IN'] },
      created_at: '2026-11-30T05:10:52Z',
    },
  ],
};
