// The profile form generated from the fact catalogue (GET /api/v1/facts): a control per fact of
// the chosen subject, grouped by the first part of their paths; read() gives the profile document
// the screening engines take. Used by the self-assessment and by the actor's screening profile.

import { h } from '../dom';
import { factGroup, factValue, groupLabel, setFact } from '../screening/facts';
import type { FactSpec, ProfileDoc, Subject } from '../screening/types';
import { SUBJECTS } from '../screening/types';
import { factInput, type FactInput } from './fact_inputs';

export class FactForm {
  readonly element: HTMLElement;
  private readonly inputs: FactInput[];
  private readonly groups: { subject: Subject; element: HTMLElement }[] = [];
  private subject: Subject = 'organisation';

  constructor(facts: readonly FactSpec[], idPrefix: string) {
    this.inputs = facts.map((spec) => factInput(spec, idPrefix));
    this.element = h('div', { className: 'fact-form', testId: 'fact-form' });
    for (const subject of SUBJECTS) {
      const own = this.inputs.filter((input) => input.spec.subject === subject);
      const names = [...new Set(own.map((input) => factGroup(input.spec.path)))];
      for (const name of names) {
        const group = h(
          'fieldset',
          { className: 'fact-group', testId: `fact-group-${name}` },
          h('legend', { text: groupLabel(name) }),
          ...own.filter((i) => factGroup(i.spec.path) === name).map((i) => i.element),
        );
        this.groups.push({ subject, element: group });
        this.element.append(group);
      }
    }
    this.setSubject('organisation');
  }

  getSubject(): Subject {
    return this.subject;
  }

  /** Shows the facts of `subject` only; read() then gives that kind of profile. */
  setSubject(subject: Subject): void {
    this.subject = subject;
    for (const group of this.groups) group.element.hidden = group.subject !== subject;
  }

  /**
   * The profile: the known facts of the current subject. An initiative or programme profile
   * always has its subject's object, which is how the server tells the subject.
   */
  read(): ProfileDoc {
    const doc: ProfileDoc = {};
    if (this.subject !== 'organisation') doc[this.subject] = {};
    for (const input of this.inputs) {
      if (input.spec.subject !== this.subject) continue;
      const value = input.read();
      if (value !== undefined) setFact(doc, input.spec.path, value);
    }
    return doc;
  }

  /** Shows a profile's facts (those it lacks become "not known"). */
  write(profile: ProfileDoc): void {
    for (const input of this.inputs) input.write(factValue(profile, input.spec.path));
  }
}
