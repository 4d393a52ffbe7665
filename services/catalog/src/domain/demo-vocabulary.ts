/** Word lists the demo catalogue generator combines; Russian adjectives agree with the noun's gender. */
export type Gender = 'm' | 'f' | 'n' | 'pl';

export interface Colour {
  en: string;
  ru: Record<Gender, string>;
}

export const COLOURS: Colour[] = [
  { en: 'red', ru: { m: 'красный', f: 'красная', n: 'красное', pl: 'красные' } },
  { en: 'black', ru: { m: 'чёрный', f: 'чёрная', n: 'чёрное', pl: 'чёрные' } },
  { en: 'white', ru: { m: 'белый', f: 'белая', n: 'белое', pl: 'белые' } },
  { en: 'blue', ru: { m: 'синий', f: 'синяя', n: 'синее', pl: 'синие' } },
  { en: 'green', ru: { m: 'зелёный', f: 'зелёная', n: 'зелёное', pl: 'зелёные' } },
  { en: 'grey', ru: { m: 'серый', f: 'серая', n: 'серое', pl: 'серые' } },
  { en: 'beige', ru: { m: 'бежевый', f: 'бежевая', n: 'бежевое', pl: 'бежевые' } },
];

export interface Family {
  code: string;
  /** Category path (root first), as Russian names. */
  category: [string, string];
  gender: Gender;
  ru: string;
  en: string;
  brands: string[];
  models: string[];
  materials: { ru: string; en: string }[];
  /** Price range in whole roubles. */
  price: [number, number];
  /** The option variants differ by, and its values; `surcharge` adds per step (roubles). */
  axis: { name: string; values: string[]; pick: number; surcharge?: number };
  features: { ru: string; en: string }[];
}

const SHOE_SIZES = ['38', '39', '40', '41', '42', '43', '44', '45'];
const CLOTHES_SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];

export const FAMILIES: Family[] = [
  {
    code: 'SNK',
    category: ['Обувь', 'Кроссовки'],
    gender: 'pl',
    ru: 'кроссовки',
    en: 'Running Shoes',
    brands: ['Nike', 'Adidas', 'Puma', 'Asics', 'New Balance', 'Reebok'],
    models: ['Air Zoom', 'Ultraboost', 'Gel-Nimbus', 'Fresh Foam', 'Velocity', 'Pegasus'],
    materials: [
      { ru: 'текстиль', en: 'mesh' },
      { ru: 'натуральная кожа', en: 'leather' },
      { ru: 'замша', en: 'suede' },
    ],
    price: [4990, 18990],
    axis: { name: 'size', values: SHOE_SIZES, pick: 4 },
    features: [
      { ru: 'Амортизирующая подошва для бега.', en: 'Cushioned sole for everyday running.' },
      { ru: 'Лёгкие и дышащие.', en: 'Light and breathable.' },
    ],
  },
  {
    code: 'BTS',
    category: ['Обувь', 'Ботинки'],
    gender: 'pl',
    ru: 'ботинки',
    en: 'Boots',
    brands: ['Timberland', 'Ecco', 'Dr. Martens', 'Columbia'],
    models: ['Premium 6', 'Track', '1460', 'Trailstorm'],
    materials: [
      { ru: 'натуральная кожа', en: 'leather' },
      { ru: 'нубук', en: 'nubuck' },
    ],
    price: [7990, 24990],
    axis: { name: 'size', values: SHOE_SIZES, pick: 4 },
    features: [{ ru: 'Водонепроницаемые, с тёплой подкладкой.', en: 'Waterproof with a warm lining.' }],
  },
  {
    code: 'PHN',
    category: ['Электроника', 'Смартфоны'],
    gender: 'm',
    ru: 'смартфон',
    en: 'Smartphone',
    brands: ['Samsung', 'Xiaomi', 'Apple', 'Google', 'Honor'],
    models: ['Galaxy S24', 'Redmi Note 13', 'iPhone 15', 'Pixel 8', 'Magic 6'],
    materials: [{ ru: 'стекло и алюминий', en: 'glass and aluminium' }],
    price: [19990, 129990],
    axis: { name: 'storage', values: ['128 GB', '256 GB', '512 GB'], pick: 3, surcharge: 8000 },
    features: [
      { ru: 'Яркий OLED-экран и быстрая зарядка.', en: 'Bright OLED screen and fast charging.' },
      { ru: 'Тройная камера с ночным режимом.', en: 'Triple camera with night mode.' },
    ],
  },
  {
    code: 'LPT',
    category: ['Электроника', 'Ноутбуки'],
    gender: 'm',
    ru: 'ноутбук',
    en: 'Laptop',
    brands: ['Lenovo', 'ASUS', 'HP', 'Apple', 'Huawei'],
    models: ['ThinkPad X1', 'ZenBook 14', 'Pavilion 15', 'MacBook Air', 'MateBook D16'],
    materials: [
      { ru: 'алюминий', en: 'aluminium' },
      { ru: 'пластик', en: 'plastic' },
    ],
    price: [49990, 219990],
    axis: { name: 'memory', values: ['8 GB', '16 GB', '32 GB'], pick: 2, surcharge: 15000 },
    features: [{ ru: 'До 12 часов работы от батареи.', en: 'Up to 12 hours of battery life.' }],
  },
  {
    code: 'HPH',
    category: ['Электроника', 'Наушники'],
    gender: 'pl',
    ru: 'наушники',
    en: 'Headphones',
    brands: ['Sony', 'JBL', 'Sennheiser', 'Marshall'],
    models: ['WH-1000XM5', 'Tune 760', 'Momentum 4', 'Major V'],
    materials: [
      { ru: 'пластик', en: 'plastic' },
      { ru: 'экокожа', en: 'faux leather' },
    ],
    price: [3990, 39990],
    axis: { name: 'edition', values: ['Standard', 'Travel Kit'], pick: 1, surcharge: 2000 },
    features: [
      { ru: 'Активное шумоподавление.', en: 'Active noise cancelling.' },
      { ru: 'Беспроводные, Bluetooth 5.3.', en: 'Wireless, Bluetooth 5.3.' },
    ],
  },
  {
    code: 'PAN',
    category: ['Дом', 'Посуда'],
    gender: 'f',
    ru: 'сковорода',
    en: 'Frying Pan',
    brands: ['Tefal', 'Rondell', 'Fissman', 'Scovo'],
    models: ['Ingenio', 'Delice', 'Promo', 'Expert'],
    materials: [
      { ru: 'алюминий с антипригарным покрытием', en: 'non-stick aluminium' },
      { ru: 'чугун', en: 'cast iron' },
    ],
    price: [1290, 6990],
    axis: { name: 'diameter', values: ['24 cm', '26 cm', '28 cm'], pick: 3, surcharge: 300 },
    features: [{ ru: 'Подходит для индукционных плит.', en: 'Works on induction hobs.' }],
  },
  {
    code: 'BLN',
    category: ['Дом', 'Текстиль'],
    gender: 'm',
    ru: 'плед',
    en: 'Blanket',
    brands: ['Togas', 'Cleo', 'Sofi de Marko'],
    models: ['Велюр', 'Nordic', 'Cozy'],
    materials: [
      { ru: 'хлопок', en: 'cotton' },
      { ru: 'шерсть', en: 'wool' },
      { ru: 'флис', en: 'fleece' },
    ],
    price: [1490, 8990],
    axis: { name: 'size', values: ['150x200', '180x220', '200x220'], pick: 2, surcharge: 700 },
    features: [{ ru: 'Мягкий и тёплый, можно стирать в машине.', en: 'Soft and warm, machine washable.' }],
  },
  {
    code: 'TSH',
    category: ['Одежда', 'Футболки'],
    gender: 'f',
    ru: 'футболка',
    en: 'T-Shirt',
    brands: ['Uniqlo', 'Zara', 'Gloria Jeans', 'Lacoste'],
    models: ['Basic', 'Oversize', 'Polo', 'Supima'],
    materials: [
      { ru: 'хлопок', en: 'cotton' },
      { ru: 'лён', en: 'linen' },
    ],
    price: [690, 5990],
    axis: { name: 'size', values: CLOTHES_SIZES, pick: 4 },
    features: [{ ru: 'Свободный крой.', en: 'Relaxed fit.' }],
  },
  {
    code: 'JKT',
    category: ['Одежда', 'Куртки'],
    gender: 'f',
    ru: 'куртка',
    en: 'Jacket',
    brands: ['The North Face', 'Columbia', 'Finn Flare', 'Helly Hansen'],
    models: ['Nuptse', 'Powder Lite', 'Urban', 'Crew'],
    materials: [
      { ru: 'полиэстер', en: 'polyester' },
      { ru: 'пух', en: 'down' },
    ],
    price: [5990, 39990],
    axis: { name: 'size', values: CLOTHES_SIZES, pick: 4 },
    features: [{ ru: 'Ветрозащитная, с капюшоном.', en: 'Windproof, with a hood.' }],
  },
  {
    code: 'DMB',
    category: ['Спорт', 'Фитнес'],
    gender: 'pl',
    ru: 'гантели',
    en: 'Dumbbells',
    brands: ['Starfit', 'Demix', 'Torneo'],
    models: ['Pro', 'Core', 'Home'],
    materials: [
      { ru: 'винил', en: 'vinyl' },
      { ru: 'чугун', en: 'cast iron' },
    ],
    price: [990, 9990],
    axis: { name: 'weight', values: ['2 kg', '5 kg', '10 kg'], pick: 3, surcharge: 900 },
    features: [{ ru: 'Нескользящее покрытие.', en: 'Non-slip coating.' }],
  },
];
