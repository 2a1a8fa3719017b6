// The PDF bundle's two stand-ins (scripts/shims, wired in scripts/build.mjs as `pdf-shims`)
// save ~50 ms a PDF. Each rests on a fact about the package it stands in for; these tests
// fail when a new version of unicode-trie or unicode-properties changes that fact.
// (test/built-cli.test.ts checks that the bundle still writes the PDF the source writes.)
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
type Props = { isMark(cp: number): boolean; getCategory(cp: number): string };
const real = require('unicode-properties') as Props;
// A path in a variable: the stand-in is plain JavaScript, with no types for the checker to find.
const shimFile = new URL('../scripts/shims/unicode-properties.mjs', import.meta.url).href;
const standIn = (await import(shimFile)) as Props;
const UnicodeTrie = require('unicode-trie') as new (data: Uint8Array) => { get(cp: number): number };
const Builder = require('unicode-trie/builder') as new (initial?: number) => { set(cp: number, v: number): void; setRange(a: number, b: number, v: number): void; toBuffer(): Uint8Array };
const LazyTrie = require('../scripts/shims/lazy-unicode-trie.cjs') as typeof UnicodeTrie;

describe('lazy-unicode-trie', () => {
  it('answers every lookup as the package does, unpacking the table only when first asked', () => {
    const b = new Builder(7);
    b.setRange(0x41, 0x5a, 1);
    b.setRange(0x300, 0x36f, 2);
    b.set(0x1f600, 3);
    b.setRange(0xac00, 0xd7a3, 4);
    const data = b.toBuffer();
    const [lazy, trie] = [new LazyTrie(data), new UnicodeTrie(data)];
    expect((lazy as unknown as { trie: unknown }).trie).toBeNull();
    for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x20000 ? 1 : 97) expect(lazy.get(cp)).toBe(trie.get(cp));
  });
});

describe('unicode-properties stand-in', () => {
  it('rests on a fact of the package: nothing below U+0300 is a mark', () => {
    for (let cp = 0; cp < 0x300; cp++) expect(real.isMark(cp)).toBe(false);
  });

  it('gives the package’s answer for every code point, and passes everything else through', () => {
    for (let cp = 0; cp <= 0x10ffff; cp++) if (standIn.isMark(cp) !== real.isMark(cp)) expect.fail(`isMark(U+${cp.toString(16)})`);
    expect(standIn.getCategory(0x41)).toBe(real.getCategory(0x41));
    // Its named exports only: fontkit imports those by name.
    expect(Object.keys(standIn).sort()).toEqual(Object.keys(real).filter((k) => k !== 'default').sort());
  });
});
