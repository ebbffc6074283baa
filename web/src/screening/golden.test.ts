// The golden cases of tests/golden/screening/ run through both engines: the server's (the
// `ecosol screen` command) and the browser's (engine.ts on frameworks/*.yaml). For every case and
// every framework, the verdict, each principle's and criterion's status, each criterion's missing
// facts, the red flags and the unchecked flags must be the same. The server's effective profile
// (after its statutes analysis) and its conflicts are the browser engine's input, as in the app.
//
// Needs the server binary: ECOSOL_BIN, else build/release/ecosol. The frameworks are read from
// ECOSOL_FRAMEWORKS, else frameworks/ (by both engines), the statutes cues from ECOSOL_DATA_DIR,
// else data/.

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { summarise } from './compare';
import { screen } from './engine';
import type { Framework, ScreenResponse } from './types';
import { yamlToJson } from './yaml_json';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const DATA_DIR = process.env.ECOSOL_DATA_DIR || path.join(ROOT, 'data');
const CASES_DIR = path.join(ROOT, 'tests/golden/screening');
const FRAMEWORKS_DIR = process.env.ECOSOL_FRAMEWORKS || path.join(ROOT, 'frameworks');
const STATUTES_FILES = [
  'statutes.txt',
  'statutes.md',
  'statutes.html',
  'statutes.pdf',
  'statutes.docx',
];
const MIN_CASES = 40;

interface Expected {
  frameworks: Record<string, unknown>;
  options?: string[];
  language?: string;
}

function serverBinary(): string {
  const bin = process.env.ECOSOL_BIN || path.join(ROOT, 'build/release/ecosol');
  if (!existsSync(bin)) {
    throw new Error(
      `The server binary ${bin} is missing: build it with ` +
        '`cmake --build build/release --target ecosol` (or set ECOSOL_BIN to a built ecosol).',
    );
  }
  return bin;
}

function caseNames(): string[] {
  if (!existsSync(CASES_DIR)) return [];
  return readdirSync(CASES_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(CASES_DIR, e.name, 'expected.json')))
    .map((e) => e.name)
    .sort();
}

const frameworks = new Map<string, Framework>();

function framework(id: string): Framework {
  let f = frameworks.get(id);
  if (!f) {
    f = yamlToJson(readFileSync(path.join(FRAMEWORKS_DIR, `${id}.yaml`), 'utf8')) as Framework;
    frameworks.set(id, f);
  }
  return f;
}

/** The server's result of a case, as `ecosol screen --file ... --json` prints it. */
function runServer(dir: string, expected: Expected): ScreenResponse {
  const statutes = STATUTES_FILES.map((name) => path.join(dir, name)).find((f) => existsSync(f));
  const args = [
    '--frameworks',
    FRAMEWORKS_DIR,
    '--data-dir',
    DATA_DIR,
    'screen',
    '--file',
    path.join(dir, 'profile.json'),
    ...(statutes ? ['--statutes', statutes] : []),
    ...(expected.language ? ['--statutes-lang', expected.language] : []),
    ...Object.keys(expected.frameworks).flatMap((id) => ['--framework', id]),
    ...(expected.options ?? []).flatMap((id) => ['--option', id]),
    '--json',
  ];
  let stdout: string;
  try {
    stdout = execFileSync(serverBinary(), args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (e) {
    const stderr = (e as { stderr?: string }).stderr ?? '';
    throw new Error(
      `ecosol screen failed for ${dir}: ${stderr || String(e)}\n` +
        '(an old binary without `ecosol screen`? rebuild it: cmake --build build/release --target ecosol)',
      { cause: e },
    );
  }
  return JSON.parse(stdout) as ScreenResponse;
}

const cases = caseNames();

describe('golden screening cases', () => {
  it(`has at least ${MIN_CASES} cases in tests/golden/screening`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(MIN_CASES);
  });

  it('has the server binary to compare with', () => {
    expect(existsSync(serverBinary())).toBe(true);
  });

  it.skipIf(cases.length === 0).each(cases.length > 0 ? cases : ['none'])(
    'the browser engine agrees with the server on %s',
    (name) => {
      const dir = path.join(CASES_DIR, name);
      const expected = JSON.parse(
        readFileSync(path.join(dir, 'expected.json'), 'utf8'),
      ) as Expected;
      const server = runServer(dir, expected);
      const ids = Object.keys(expected.frameworks).sort();
      expect(server.results.map((r) => r.framework).sort(), `${name}: frameworks`).toEqual(ids);
      for (const result of server.results) {
        const browser = screen(framework(result.framework), {
          profile: server.profile,
          conflicts: server.conflicts,
          options: expected.options ?? [],
          lang: 'en',
        });
        expect(summarise(browser), `${name} / ${result.framework}`).toEqual(summarise(result));
      }
    },
    30_000,
  );
});
