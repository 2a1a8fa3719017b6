// jsonText: JSON whose strings are exact, with no control or reordering character raw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonText } from '../src/outside.js';

// Every character the seam shows escaped (see SHOWN in src/outside.ts).
const RAW = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b\u200e\u200f\u061c\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb]|\udb40[\udc00-\udc7f]/;

// Strings of any UTF-16 code units, weighted towards the characters that must not appear raw.
const risky = fc.constantFrom('\n', '\t', '\x1b', '\x7f', '\x9b', '\u2028', '\u202e', '\u200b', '\ufeff', '\u{e0041}', 'é', '𝄞', '\ud800');
const text = fc.array(fc.oneof(risky, fc.string({ unit: 'binary' })), { maxLength: 8 }).map((xs) => xs.join(''));
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(text, tie('v'), { maxKeys: 4 })),
})).v;

describe('jsonText', () => {
  it('parses back to the same value, with no such character raw but the layout’s line ends', () => {
    fc.assert(
      fc.property(value, fc.constantFrom(0, 2), (v, indent) => {
        const t = jsonText(v, indent);
        expect(JSON.parse(t)).toEqual(v);
        expect(RAW.test(t.replace(/\n/g, ''))).toBe(false);
        expect(t.split('\n').length).toBe(JSON.stringify(v, null, indent).split('\n').length);
      }),
      { numRuns: 500 },
    );
  });

  it('writes a C1 control, a bidi override and a tag character as escapes', () => {
    expect(jsonText({ a: '\x9b1m\u202e\u{e0041}' }, 0)).toBe('{"a":"\\u009b1m\\u202e\\udb40\\udc41"}');
  });
});
