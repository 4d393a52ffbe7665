import type { QualificationTest } from './qualification-test.ts';

/** One demo test per skill of the demo order types (fixed ids). */
export const DEMO_TESTS: QualificationTest[] = [
  {
    id: '01900000-0000-7000-8000-0000000001a1',
    skill: 'appliance_repair',
    title: 'Ремонт бытовой техники',
    passScore: 75,
    timeLimitMinutes: 15,
    questions: [
      {
        text: 'Что сделать первым делом перед разборкой стиральной машины?',
        options: ['Отключить от сети', 'Слить воду', 'Снять крышку'],
        correct: [0],
      },
      { text: 'Какие приборы нужны для проверки ТЭНа?', options: ['Мультиметр', 'Уровень', 'Мегаомметр', 'Рулетка'], correct: [0, 2] },
      {
        text: 'Холодильник не морозит, компрессор работает. Вероятная причина?',
        options: ['Утечка хладагента', 'Перегорела лампа'],
        correct: [0],
      },
      { text: 'Где искать фильтр сливного насоса стиральной машины?', options: ['Внизу спереди', 'Под верхней крышкой'], correct: [0] },
    ],
  },
  {
    id: '01900000-0000-7000-8000-0000000001a2',
    skill: 'furniture_assembly',
    title: 'Сборка мебели',
    passScore: 75,
    timeLimitMinutes: 15,
    questions: [
      {
        text: 'Чем крепят навесной шкаф к стене из гипсокартона?',
        options: ['Дюбель-бабочка', 'Гвоздь', 'Саморез без дюбеля'],
        correct: [0],
      },
      { text: 'Что проверить до сборки?', options: ['Комплектность фурнитуры', 'Цвет стен', 'Маркировку деталей'], correct: [0, 2] },
      { text: 'Как выставить дверцы шкафа ровно?', options: ['Регулировкой петель', 'Подпилить дверцу'], correct: [0] },
      { text: 'Высокий шкаф нужно…', options: ['Закрепить к стене от опрокидывания', 'Оставить свободно стоять'], correct: [0] },
    ],
  },
];

/** Three demo workers in two cities; identity seeds their accounts, workforce qualifies them when it hears of them. */
export const DEMO_WORKERS = [
  { email: 'worker@demo.bazar', skill: 'appliance_repair', city: 'Москва', lat: 55.7558, lon: 37.6173 },
  { email: 'worker2@demo.bazar', skill: 'furniture_assembly', city: 'Москва', lat: 55.7339, lon: 37.588 },
  { email: 'worker3@demo.bazar', skill: 'appliance_repair', city: 'Казань', lat: 55.7963, lon: 49.1088 },
];
