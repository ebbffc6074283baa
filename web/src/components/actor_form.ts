// The actor edit form: name, description per language, legal form and dates, website and contacts,
// address, location with its precision, the record's visibility and, next to each field that can
// be restricted, who sees it. It reads back a draft (actor_draft.ts) and marks fields in error.

import {
  ADDRESS_PARTS,
  CONTACT_KINDS,
  DESCRIPTION_LANGS,
  type ActorDraft,
  type FieldError,
} from '../actor_draft';
import { h, option } from '../dom';
import { clearFieldErrors, markFieldError } from './form_field';
import type { MessageKey } from '../i18n/i18n';
import {
  LOCATION_PRECISIONS,
  RESTRICTABLE_FIELDS,
  VISIBILITIES,
  type LocationPrecision,
  type RestrictableField,
  type Visibility,
} from '../types';

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const PRECISION_KEYS: Record<LocationPrecision, MessageKey> = {
  exact: 'edit.precisionExact',
  approximate: 'edit.precisionApproximate',
  hidden: 'edit.precisionHidden',
};
const VISIBILITY_KEYS: Record<Visibility, MessageKey> = {
  public: 'visibility.public',
  network: 'visibility.network',
  private: 'visibility.private',
};
const FIELD_VISIBILITY_KEYS: Record<Visibility, MessageKey> = {
  public: 'visibility.fieldPublic',
  network: 'visibility.fieldNetwork',
  private: 'visibility.fieldPrivate',
};
const SEEN_KEYS: Record<RestrictableField, MessageKey> = {
  description: 'edit.seen.description',
  legal_form: 'edit.seen.legal_form',
  address: 'edit.seen.address',
  contacts: 'edit.seen.contacts',
  website: 'edit.seen.website',
  founded: 'edit.seen.founded',
  dissolved: 'edit.seen.dissolved',
  identifiers: 'edit.seen.identifiers',
  attributes: 'edit.seen.attributes',
};
const LABELS: Record<string, MessageKey> = {
  name: 'field.name',
  legal_form: 'field.legalForm',
  website: 'field.website',
  founded: 'field.founded',
  dissolved: 'field.dissolved',
  'description.en': 'edit.descriptionEn',
  'description.fr': 'edit.descriptionFr',
  'description.es': 'edit.descriptionEs',
  'description.pt': 'edit.descriptionPt',
  'contacts.email': 'contact.email',
  'contacts.phone': 'contact.phone',
  'address.street': 'edit.street',
  'address.postcode': 'edit.postcode',
  'address.locality': 'edit.locality',
  'address.region': 'edit.region',
  'address.country': 'edit.country',
  'location.lat': 'edit.latitude',
  'location.lon': 'edit.longitude',
  'location.precision': 'edit.precision',
  visibility: 'edit.visibility',
};

export class ActorForm {
  readonly element: HTMLElement;
  /** Every control by the API's name for its field ("address.street", "field_visibility.website"). */
  private readonly controls = new Map<string, Control>();

  constructor(
    private readonly draft: ActorDraft,
    footer: Node,
  ) {
    this.element = h(
      'div',
      { className: 'actor-form' },
      this.fieldset(
        'edit.groupVisibility',
        this.select(
          'visibility',
          VISIBILITIES,
          VISIBILITY_KEYS,
          draft.visibility,
          'edit.visibilityHint',
        ),
      ),
      this.namesFieldset(),
      this.aboutFieldset(),
      this.contactFieldset(),
      this.placeFieldset(),
      footer,
    );
  }

  /** The form's current values. */
  read(): ActorDraft {
    const value = (field: string) => this.controls.get(field)?.value ?? '';
    const record = (prefix: string, keys: readonly string[]) =>
      Object.fromEntries(keys.map((k) => [k, value(`${prefix}.${k}`)]));
    return {
      name: value('name'),
      description: record('description', DESCRIPTION_LANGS),
      text: {
        legal_form: value('legal_form'),
        website: value('website'),
        founded: value('founded'),
        dissolved: value('dissolved'),
      },
      contacts: record('contacts', CONTACT_KINDS),
      address: record('address', ADDRESS_PARTS),
      lat: value('location.lat'),
      lon: value('location.lon'),
      precision: value('location.precision') as LocationPrecision,
      visibility: value('visibility') as Visibility,
      fieldVisibility: record('field_visibility', RESTRICTABLE_FIELDS) as Record<
        RestrictableField,
        Visibility
      >,
    };
  }

  /** Marks the fields in error and puts each message under its field; returns the first control. */
  showErrors(errors: FieldError[]): Control | null {
    this.clearErrors();
    let first: Control | null = null;
    for (const error of errors) {
      const control = this.controlFor(error.field);
      if (!control) continue;
      markFieldError(control, error.message);
      first ??= control;
    }
    return first;
  }

  clearErrors(): void {
    clearFieldErrors(this.element);
  }

  /** The control of a field, or of the first field under it ("address" -> "address.street"). */
  private controlFor(field: string): Control | null {
    const exact = this.controls.get(field);
    if (exact) return exact;
    for (const [name, control] of this.controls) {
      if (name.startsWith(`${field}.`) || field.startsWith(`${name}.`)) return control;
    }
    return null;
  }

  private namesFieldset(): HTMLFieldSetElement {
    const { draft } = this;
    return this.fieldset(
      'edit.groupNames',
      this.input('name', draft.name, { required: true }),
      this.group(
        'description',
        ...DESCRIPTION_LANGS.map((lang) =>
          this.textarea(`description.${lang}`, draft.description[lang] ?? '', lang),
        ),
      ),
    );
  }

  private aboutFieldset(): HTMLFieldSetElement {
    const { text } = this.draft;
    return this.fieldset(
      'edit.groupAbout',
      this.group('legal_form', this.input('legal_form', text.legal_form)),
      this.group('founded', this.input('founded', text.founded)),
      this.group('dissolved', this.input('dissolved', text.dissolved)),
      // Identifiers and other information come from imports: only who sees them is set here.
      this.group('identifiers', h('p', { className: 'hint', i18n: 'edit.identifiersNote' })),
      this.group('attributes', h('p', { className: 'hint', i18n: 'edit.attributesNote' })),
    );
  }

  private contactFieldset(): HTMLFieldSetElement {
    const { draft } = this;
    const type = (kind: string) => (kind === 'email' ? 'email' : 'tel');
    return this.fieldset(
      'edit.groupContact',
      this.group(
        'website',
        this.input('website', draft.text.website, { type: 'url', placeholder: 'https://' }),
      ),
      this.group(
        'contacts',
        ...CONTACT_KINDS.map((kind) =>
          this.input(`contacts.${kind}`, draft.contacts[kind] ?? '', { type: type(kind) }),
        ),
      ),
    );
  }

  /** The address, and the position with the precision the map shows it at. */
  private placeFieldset(): HTMLFieldSetElement {
    const { draft } = this;
    return this.fieldset(
      'edit.groupPlace',
      this.group(
        'address',
        ...ADDRESS_PARTS.map((part) => this.input(`address.${part}`, draft.address[part] ?? '')),
      ),
      h(
        'div',
        { className: 'edit-group' },
        this.input('location.lat', draft.lat, { inputmode: 'decimal' }),
        this.input('location.lon', draft.lon, { inputmode: 'decimal' }),
        this.select(
          'location.precision',
          LOCATION_PRECISIONS,
          PRECISION_KEYS,
          draft.precision,
          'edit.precisionHint',
        ),
      ),
    );
  }

  private fieldset(legend: MessageKey, ...children: Node[]): HTMLFieldSetElement {
    return h(
      'fieldset',
      { className: 'edit-fieldset' },
      h('legend', { i18n: legend }),
      ...children,
    );
  }

  /** A restrictable field's controls, with the select of who sees them beside. */
  private group(field: RestrictableField, ...children: Node[]): HTMLElement {
    return h(
      'div',
      { className: `edit-group edit-group-${field}` },
      ...children,
      this.select(
        `field_visibility.${field}`,
        VISIBILITIES,
        FIELD_VISIBILITY_KEYS,
        this.draft.fieldVisibility[field],
        undefined,
        SEEN_KEYS[field],
      ),
    );
  }

  private input(
    field: string,
    value: string,
    attrs: Record<string, string | boolean> = {},
  ): HTMLElement {
    const input = h('input', {
      attrs: { type: 'text', ...attrs, id: controlId(field), name: field },
      testId: controlId(field),
    });
    input.value = value;
    return this.register(field, input);
  }

  private textarea(field: string, value: string, lang: string): HTMLElement {
    const area = h('textarea', {
      attrs: { id: controlId(field), name: field, rows: 4, lang },
      testId: controlId(field),
    });
    area.value = value;
    return this.register(field, area);
  }

  private select<V extends string>(
    field: string,
    values: readonly V[],
    labels: Record<V, MessageKey>,
    value: V,
    hint?: MessageKey,
    label?: MessageKey,
  ): HTMLElement {
    const select = h('select', {
      attrs: { id: controlId(field), name: field },
      testId: controlId(field),
    });
    for (const v of values) select.append(option(v, { i18n: labels[v] }));
    select.value = value;
    return this.register(field, select, hint, label);
  }

  private register(
    field: string,
    control: Control,
    hint?: MessageKey,
    label?: MessageKey,
  ): HTMLElement {
    this.controls.set(field, control);
    const hintId = hint ? `${control.id}-hint` : undefined;
    if (hintId) control.setAttribute('aria-describedby', hintId);
    return h(
      'div',
      { className: field.startsWith('field_visibility.') ? 'form-field seen-by' : 'form-field' },
      h('label', { i18n: label ?? LABELS[field] ?? 'field.name', attrs: { for: control.id } }),
      control,
      hint && h('p', { className: 'hint', i18n: hint, attrs: { id: hintId } }),
    );
  }
}

function controlId(field: string): string {
  return `edit-${field.replace(/[._]/g, '-')}`;
}
