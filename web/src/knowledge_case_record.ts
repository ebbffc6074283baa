// The case editor and the API: a case record read with its whole document (the editor sends back
// what it does not show), and the field a refusal of the API names, so that the form can put the
// message under it. Pure functions.

import { isObject, obj, str, type Json } from './json_read';
import type { CaseDraft } from './knowledge_case_draft';

/**
 * The field a refusal of the API names, as the form's paths: "case 'x': outcomes[1]: evidence
 * 'stron' is not one of ..." -> "outcomes[1].evidence"; "case 'x': core element 'y': relies_on[2]:
 * unknown feature" -> "core_elements[i].relies_on[2]" (i, the element's row). Null when the
 * message names nothing the form has.
 */
export function fieldOfCaseError(message: string, draft: CaseDraft): string | null {
  const parts = message.split(': ');
  if (/^case( '[^']*')?$/.test(parts[0] ?? '')) parts.shift();
  if (parts[0] === 'id' || /^id '/.test(parts[0] ?? '')) return 'id';
  const path: string[] = [];
  for (const part of parts) {
    const item = /^([a-z_]+)\[(\d+)\]$/.exec(part);
    const element = /^core element '([^']*)'$/.exec(part);
    if (item) {
      path.push(`${item[1]}[${item[2]}]`);
    } else if (element) {
      const i = draft.elements.findIndex((e) => e.id.trim() === element[1]);
      if (i < 0) break;
      path.push(`core_elements[${i}]`);
    } else if (['origin', 'si_drive', 'title', 'summary', 'problem', 'model'].includes(part)) {
      path.push(part);
    } else {
      const key = /^'?([a-z_]+)'? /.exec(part)?.[1];
      const known = ['name', 'role', 'evidence', 'url', 'year', 'title', 'path', 'label', 'text'];
      if (path.length > 0 && key && known.includes(key)) path.push(key);
      else if (path.length === 0 && key && ['title', 'stage', 'policy_field'].includes(key)) {
        path.push(key);
      }
      break;
    }
  }
  return path.length > 0 ? path.join('.').replace(/\.\[/g, '[') : null;
}

/** The version to send as base_version, read from a case record as GET /cases/{id} answers. */
export interface EditableCase {
  id: string;
  version: number;
  headVersion: number;
  status: string;
  doc: Json;
}

/** Reads GET /cases/{id} keeping the whole document (parseCaseRecord reads only what it shows). */
export function parseEditableCase(body: unknown): EditableCase {
  const b = obj(body);
  if (!str(b.id) || !isObject(b.doc)) throw new Error('not a case record: id and doc are required');
  const version = typeof b.version === 'number' ? b.version : 0;
  return {
    id: str(b.id),
    version,
    headVersion: typeof b.head_version === 'number' ? b.head_version : version,
    status: str(b.status),
    doc: b.doc,
  };
}
