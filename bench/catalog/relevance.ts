// Fifty queries a shopper of the demo catalogue types, Russian and English, with the products a
// person expects first. A query scores when any of its first three answers is such a product.

interface Item {
  title: string;
  attributes: Record<string, unknown>;
  variants: { sku: string }[];
}

interface Expectation {
  /** Product family: the SKU prefix (SNK running shoes, BTS boots, PHN phones, LPT laptops, …). */
  family?: string;
  brand?: string;
  color?: string;
  material?: string;
  /** Words the title must contain (case-insensitive). */
  title?: string;
}

export const RELEVANCE_SET: [string, Expectation][] = [
  ['красные кроссовки', { family: 'SNK', color: 'red' }],
  ['кроссовки nike', { family: 'SNK', brand: 'Nike' }],
  ['кроссовок', { family: 'SNK' }],
  ['красовки', { family: 'SNK' }],
  ['черные кроссовки adidas', { family: 'SNK', color: 'black', brand: 'Adidas' }],
  ['red running shoes', { family: 'SNK', color: 'red' }],
  ['running shoes asics', { family: 'SNK', brand: 'Asics' }],
  ['new balance', { brand: 'New Balance' }],
  ['ultraboost', { family: 'SNK', title: 'ultraboost' }],
  ['ботинки timberland', { family: 'BTS', brand: 'Timberland' }],
  ['boots dr. martens', { family: 'BTS', brand: 'Dr. Martens' }],
  ['кожаные ботинки', { family: 'BTS', material: 'leather' }],
  ['ботинок', { family: 'BTS' }],
  ['смартфон samsung', { family: 'PHN', brand: 'Samsung' }],
  ['iphone 15', { family: 'PHN', title: 'iphone 15' }],
  ['смартфоны', { family: 'PHN' }],
  ['smartphone black', { family: 'PHN', color: 'black' }],
  ['смартфон', { family: 'PHN' }],
  ['galaxy s24', { family: 'PHN', title: 'galaxy s24' }],
  ['samsyng', { brand: 'Samsung' }],
  ['ноутбук lenovo', { family: 'LPT', brand: 'Lenovo' }],
  ['macbook air', { family: 'LPT', title: 'macbook air' }],
  ['laptop asus', { family: 'LPT', brand: 'ASUS' }],
  ['ноутбуки', { family: 'LPT' }],
  ['нотбук', { family: 'LPT' }],
  ['наушники sony', { family: 'HPH', brand: 'Sony' }],
  ['headphones jbl', { family: 'HPH', brand: 'JBL' }],
  ['белые наушники', { family: 'HPH', color: 'white' }],
  ['наушнки', { family: 'HPH' }],
  ['сковорода tefal', { family: 'PAN', brand: 'Tefal' }],
  ['frying pan', { family: 'PAN' }],
  ['чугунная сковорода', { family: 'PAN', material: 'cast iron' }],
  ['сковородка', { family: 'PAN' }],
  ['плед', { family: 'BLN' }],
  ['плед шерсть', { family: 'BLN', material: 'wool' }],
  ['wool blanket', { family: 'BLN', material: 'wool' }],
  ['пледы', { family: 'BLN' }],
  ['футболка zara', { family: 'TSH', brand: 'Zara' }],
  ['cotton t-shirt', { family: 'TSH', material: 'cotton' }],
  ['белая футболка', { family: 'TSH', color: 'white' }],
  ['футболки', { family: 'TSH' }],
  ['футблка', { family: 'TSH' }],
  ['куртка columbia', { family: 'JKT', brand: 'Columbia' }],
  ['green jacket', { family: 'JKT', color: 'green' }],
  ['куртки', { family: 'JKT' }],
  ['пуховая куртка', { family: 'JKT', material: 'down' }],
  ['гантели', { family: 'DMB' }],
  ['dumbbells starfit', { family: 'DMB', brand: 'Starfit' }],
  ['гантель', { family: 'DMB' }],
  ['синяя куртка', { family: 'JKT', color: 'blue' }],
];

export function meetsExpectation(item: Item, expected: Expectation): boolean {
  const sku = item.variants[0]?.sku ?? '';
  const a = item.attributes;
  return (
    (!expected.family || sku.startsWith(`${expected.family}-`)) &&
    (!expected.brand || a.brand === expected.brand) &&
    (!expected.color || a.color === expected.color) &&
    (!expected.material || a.material === expected.material) &&
    (!expected.title || item.title.toLowerCase().includes(expected.title))
  );
}

/** Asks every query of the set (relevance order) and lists those with no expected product in the top 3. */
export async function scoreRelevance(baseUrl: string): Promise<{ score: number; misses: string[] }> {
  const misses: string[] = [];
  for (const [q, expected] of RELEVANCE_SET) {
    const res = await fetch(`${baseUrl}/api/v1/products?${new URLSearchParams({ q, limit: '3' })}`);
    const { items } = (await res.json()) as { items: Item[] };
    if (!items.some((item) => meetsExpectation(item, expected))) misses.push(q);
  }
  return { score: RELEVANCE_SET.length - misses.length, misses };
}
