import { describe, expect, it } from 'vitest';
import { yamlToJson } from './yaml_json';

describe('yamlToJson', () => {
  it('types plain scalars with the core schema and keeps quoted ones as strings', () => {
    const doc = yamlToJson(
      'version: "1.0"\nweight: 0.5\ncount: 12\nflag: True\nnone: ~\nempty:\nquoted: "true"\n' +
        'rule: {"<=": [{"var": "profits.dividends"}, 0.5]}\n',
    );
    expect(doc).toEqual({
      version: '1.0',
      weight: 0.5,
      count: 12,
      flag: true,
      none: null,
      empty: null,
      quoted: 'true',
      rule: { '<=': [{ var: 'profits.dividends' }, 0.5] },
    });
  });

  it('reads hexadecimal, octal, .inf and .nan as text, as the server does', () => {
    expect(yamlToJson('a: 0x1F\nb: 0o17\nc: .inf\nd: .nan\ne: 1e3\n')).toEqual({
      a: '0x1F',
      b: '0o17',
      c: '.inf',
      d: '.nan',
      e: 1000,
    });
  });
});
