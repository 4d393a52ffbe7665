import { describe, expect, it } from 'vitest';
import { CodeTable } from './code-table.ts';

describe('CodeTable', () => {
  it('finds the product holding a code, and only a whole code', () => {
    const table = new CodeTable();
    table.set('p1', ['sRUN-42-RED', 'b4600000000017']);
    table.set('p2', ['sRUN-42']);
    expect(table.productsWith('sRUN-42-RED')).toEqual(['p1']);
    expect(table.productsWith('sRUN-42')).toEqual(['p2']);
    expect(table.productsWith('b4600000000017')).toEqual(['p1']);
    expect(table.productsWith('sRUN')).toEqual([]);
    expect(table.productsWith('s42-RED')).toEqual([]);
  });

  it('forgets replaced codes and an emptied product', () => {
    const table = new CodeTable();
    table.set('p1', ['sA', 'sB']);
    table.set('p1', ['sC']);
    expect(table.productsWith('sA')).toEqual([]);
    expect(table.productsWith('sC')).toEqual(['p1']);
    table.set('p1', []);
    expect(table.productsWith('sC')).toEqual([]);
    table.set('p2', ['sA']);
    expect(table.productsWith('sA')).toEqual(['p2']);
  });

  it('answers both holders while a code moves between products', () => {
    const table = new CodeTable();
    table.set('p1', ['sMOVED']);
    table.set('p2', ['sMOVED']);
    expect(table.productsWith('sMOVED').sort()).toEqual(['p1', 'p2']);
    table.set('p1', ['sOTHER']);
    expect(table.productsWith('sMOVED')).toEqual(['p2']);
  });

  it('keeps every code through the table growing and through many replacements', () => {
    const table = new CodeTable();
    for (let i = 0; i < 20_000; i++) table.set(`p${i}`, [`sSKU-${i}`, `b${1_000_000 + i}`]);
    for (let round = 0; round < 3; round++) for (let i = 0; i < 20_000; i += 2) table.set(`p${i}`, [`sSKU-${i}-${round}`]);
    for (let i = 0; i < 20_000; i += 997) {
      const even = i % 2 === 0;
      expect(table.productsWith(`sSKU-${i}`)).toEqual(even ? [] : [`p${i}`]);
      expect(table.productsWith(`sSKU-${i}-2`)).toEqual(even ? [`p${i}`] : []);
      expect(table.productsWith(`b${1_000_000 + i}`)).toEqual(even ? [] : [`p${i}`]);
    }
  });
});
