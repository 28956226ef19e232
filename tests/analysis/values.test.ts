/**
 * Unit tests of `PropertyTable`, the properties of an object value: it must behave
 * as the Map it replaced (a key written again keeps its first position and takes the
 * last value), also past the size where it starts indexing its keys.
 */
import { describe, expect, it } from 'vitest';
import { PropertyTable, type PropertyEntry } from '../../src/analysis/values.js';

const entry = (value: number, overridable = false): PropertyEntry => ({ value: { kind: 'const', value }, overridable });
const values = (t: PropertyTable) => t.values().map((e) => (e.value.kind === 'const' ? e.value.value : '?'));

describe.each([3, 40])('PropertyTable with %i keys', (n) => {
  const build = () => {
    const t = new PropertyTable();
    for (let i = 0; i < n; i++) t.set(`k${i}`, entry(i));
    return t;
  };

  it('finds every key and nothing else', () => {
    const t = build();
    for (let i = 0; i < n; i++) expect(t.get(`k${i}`)?.value).toEqual({ kind: 'const', value: i });
    expect(t.get(`k${n}`)).toBeUndefined();
    expect(t.get('toString')).toBeUndefined();
  });

  it('keeps the first position of a key written again, with the last value', () => {
    const t = build();
    t.set('k1', entry(100));
    t.set(`k${n}`, entry(200));
    const expected = Array.from({ length: n }, (_, i) => (i === 1 ? 100 : i));
    expect(values(t)).toEqual([...expected, 200]);
    expect(t.get('k1')?.value).toEqual({ kind: 'const', value: 100 });
    expect(t.get(`k${n}`)?.value).toEqual({ kind: 'const', value: 200 });
  });

  it('opens a copy (every entry overridable) and leaves the original as it was', () => {
    const t = build();
    const copy = t.opened();
    expect(copy.values().every((e) => e.overridable)).toBe(true);
    expect(values(copy)).toEqual(values(t));
    expect(t.values().some((e) => e.overridable)).toBe(false);
    copy.set('k0', entry(-1));
    expect(t.get('k0')?.value).toEqual({ kind: 'const', value: 0 });
  });

  it('marks the entries written so far as overridable, not later ones', () => {
    const t = build();
    t.markOverridable();
    t.set('late', entry(7));
    expect(t.get('k0')?.overridable).toBe(true);
    expect(t.get('late')?.overridable).toBe(false);
  });
});
