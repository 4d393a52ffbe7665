import type { AttributeValue } from './product.ts';
import type { AttributeFilter } from './product-query.ts';

/** Query-string values are text; a stored attribute may be a number or boolean, so each value tries every reading. */
export function attributeCandidates(filter: AttributeFilter): Record<string, AttributeValue>[] {
  return filter.values.flatMap((value) => {
    const readings: AttributeValue[] = [value];
    if (/^-?\d+(\.\d+)?$/.test(value)) readings.push(Number(value));
    if (value === 'true' || value === 'false') readings.push(value === 'true');
    return readings.map((reading) => ({ [filter.name]: reading }));
  });
}
