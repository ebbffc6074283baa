// The tally form's values and the engine's JSON input (docs/participation-choices.md, "Input"),
// both ways: the form writes the keys it shows over the JSON it was given, so that keys it does
// not show (score_max, reserved, abstentions, quorum.eligible...) survive an edit; and the JSON
// fills the form. Options are written one per line, "id" or "id | name | cost | category";
// ballots one JSON object per line. Weights and the threshold are percentages in the form and
// shares (0..1) in the JSON.

import { isMethod, PRESETS, type Method, type Preset } from './decide';

export interface CollegeRow {
  name: string;
  /** Percent of the votes, as typed; empty under qc_solidarity (categories carry no weight). */
  weight: string;
}

export interface FormValues {
  method: Method;
  options: string;
  seats: string;
  budget: string;
  colleges: CollegeRow[];
  preset: Preset;
  minBallots: string;
  /** Percent, as typed; empty for no threshold. */
  thresholdShare: string;
  thresholdRule: 'more' | 'least';
  ballots: string;
}

/** The form's fields, which errors (the form's own or the server's) are shown next to. */
export type InputField =
  | 'method'
  | 'options'
  | 'seats'
  | 'budget'
  | 'colleges'
  | 'preset'
  | 'quorum'
  | 'threshold'
  | 'ballots'
  | 'json';

/** An error found before sending: the field, and what to show (a catalogue key and params). */
export interface InputError {
  field: InputField;
  key: 'decide.error.optionCost' | 'decide.error.number' | 'decide.error.ballotLine';
  params: Record<string, string | number>;
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

export const EMPTY_VALUES: FormValues = {
  method: 'single_choice',
  options: '',
  seats: '',
  budget: '',
  colleges: [],
  preset: '',
  minBallots: '',
  thresholdShare: '',
  thresholdRule: 'more',
  ballots: '',
};

/** A share (0..1) as a percentage without float noise: 0.4 -> "40". */
export function toPercent(share: number): string {
  return String(Number((share * 100).toPrecision(12)));
}

/** A percentage typed in the form as a share: "40" -> 0.4. */
function fromPercent(percent: number): number {
  return Number((percent / 100).toPrecision(12));
}

function optionLine(o: unknown): string {
  if (typeof o === 'string') return o;
  if (!isObj(o)) return JSON.stringify(o);
  const id = typeof o.id === 'string' ? o.id : '';
  const name = typeof o.name === 'string' && o.name !== id ? o.name : '';
  const cost = typeof o.cost === 'number' ? String(o.cost) : '';
  const category = typeof o.category === 'string' ? o.category : '';
  const parts = [id, name, cost, category];
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts.join(' | ');
}

/** The form's values from the engine's input (keys the form does not show are left out). */
export function valuesFromInput(input: Obj): FormValues {
  const quorum = isObj(input.quorum) ? input.quorum : {};
  const threshold = input.threshold;
  const share = isObj(threshold) ? threshold.share : threshold;
  const strictly = isObj(threshold) ? threshold.strictly_more !== false : true;
  const preset = (PRESETS as readonly unknown[]).includes(input.preset)
    ? (input.preset as Preset)
    : '';
  return {
    method: isMethod(input.method) ? input.method : EMPTY_VALUES.method,
    options: (Array.isArray(input.options) ? input.options : []).map(optionLine).join('\n'),
    seats: typeof input.seats === 'number' ? String(input.seats) : '',
    budget: typeof input.budget === 'number' ? String(input.budget) : '',
    colleges: (Array.isArray(input.colleges) ? input.colleges : []).filter(isObj).map((c) => ({
      name: typeof c.name === 'string' ? c.name : '',
      weight: typeof c.weight === 'number' ? toPercent(c.weight) : '',
    })),
    preset,
    minBallots: typeof quorum.min_ballots === 'number' ? String(quorum.min_ballots) : '',
    thresholdShare: typeof share === 'number' ? toPercent(share) : '',
    thresholdRule: strictly ? 'more' : 'least',
    ballots: (Array.isArray(input.ballots) ? input.ballots : [])
      .map((b) => JSON.stringify(b))
      .join('\n'),
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l, i) => ({ text: l.trim(), line: i + 1 }))
    .filter((l) => l.text !== '');

function parseOptions(text: string, errors: InputError[]): unknown[] {
  return lines(text).map(({ text: l, line }) => {
    const parts = l.split('|').map((p) => p.trim());
    if (parts.length === 1) return l;
    const [id = '', name = '', cost = '', category = ''] = parts;
    const option: Obj = { id };
    if (name) option.name = name;
    if (cost) {
      if (!Number.isFinite(Number(cost))) {
        errors.push({ field: 'options', key: 'decide.error.optionCost', params: { line, cost } });
      }
      option.cost = Number(cost);
    }
    if (category) option.category = category;
    return option;
  });
}

function parseBallots(text: string, errors: InputError[]): unknown[] {
  const out: unknown[] = [];
  for (const { text: l, line } of lines(text)) {
    try {
      out.push(JSON.parse(l));
    } catch {
      errors.push({ field: 'ballots', key: 'decide.error.ballotLine', params: { line } });
    }
  }
  return out;
}

/** A number typed in a field, or undefined when empty; a bad one is an error on `field`. */
function numberIn(text: string, field: InputField, errors: InputError[]): number | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  const n = Number(s);
  if (!Number.isFinite(n)) {
    errors.push({ field, key: 'decide.error.number', params: { value: s } });
    return undefined;
  }
  return n;
}

function colleges(rows: CollegeRow[], base: unknown, errors: InputError[]): Obj[] {
  const previous = Array.isArray(base) ? base.filter(isObj) : [];
  return rows
    .filter((r) => r.name.trim() !== '' || r.weight.trim() !== '')
    .map((r) => {
      const name = r.name.trim();
      // Keys the form does not show (members) stay with the college of the same name.
      const kept = previous.find((c) => c.name === name) ?? {};
      const out: Obj = { ...kept, name };
      delete out.weight;
      const percent = numberIn(r.weight, 'colleges', errors);
      if (percent !== undefined) out.weight = fromPercent(percent);
      return out;
    });
}

function quorum(values: FormValues, base: unknown, errors: InputError[]): Obj | undefined {
  const out: Obj = isObj(base) ? { ...base } : {};
  const min = numberIn(values.minBallots, 'quorum', errors);
  if (min === undefined) delete out.min_ballots;
  else out.min_ballots = min;
  return Object.keys(out).length > 0 ? out : undefined;
}

function threshold(values: FormValues, base: unknown, errors: InputError[]): Obj | undefined {
  const percent = numberIn(values.thresholdShare, 'threshold', errors);
  if (percent === undefined) return undefined;
  return {
    ...(isObj(base) ? base : {}),
    share: fromPercent(percent),
    strictly_more: values.thresholdRule === 'more',
  };
}

/**
 * The engine's input: `base` (the JSON as it was) with the form's keys written over it, in the
 * engine's order (method first, ballots last); empty fields remove their keys.
 */
export function inputFromValues(
  values: FormValues,
  base: Obj = {},
): { input: Obj; errors: InputError[] } {
  const errors: InputError[] = [];
  const shown: Obj = {
    method: values.method,
    options: parseOptions(values.options, errors),
    seats: numberIn(values.seats, 'seats', errors),
    budget: numberIn(values.budget, 'budget', errors),
    colleges: colleges(values.colleges, base.colleges, errors),
    preset: values.preset || undefined,
    quorum: quorum(values, base.quorum, errors),
    threshold: threshold(values, base.threshold, errors),
  };
  if ((shown.colleges as Obj[]).length === 0) shown.colleges = undefined;
  const input: Obj = {};
  for (const [k, v] of Object.entries(shown)) if (v !== undefined) input[k] = v;
  for (const [k, v] of Object.entries(base)) if (!(k in shown) && k !== 'ballots') input[k] = v;
  input.ballots = parseBallots(values.ballots, errors);
  return { input, errors };
}

const FIELDS: Record<string, InputField> = {
  method: 'method',
  options: 'options',
  seats: 'seats',
  budget: 'budget',
  colleges: 'colleges',
  preset: 'preset',
  threshold: 'threshold',
  ballots: 'ballots',
};

/**
 * The form field a server error names: its message starts with the path ("ballots[3].ranking[1]:
 * ...", "colleges[0].weight: ...", "quorum.min_ballots: ..."); a key the form does not show
 * (reserved, score_max, quorum.eligible, an unknown key) belongs to the JSON box.
 */
export function fieldOfMessage(message: string): InputField {
  const path = /^([A-Za-z_][\w.[\]]*):/.exec(message)?.[1] ?? '';
  const head = path.split(/[.[]/)[0] ?? '';
  if (head === 'quorum') return path === 'quorum.min_ballots' ? 'quorum' : 'json';
  return FIELDS[head] ?? 'json';
}
