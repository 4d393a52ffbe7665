import { describe, expect, it } from 'vitest';
import { distanceKm, pathKm, planRoute, type Stop } from './route.ts';

const options = { speedKmh: 30, stopMinutes: 10, unknownLegKm: 3 };
const depot = { lat: 55.75, lon: 37.6 };
const at = (lat: number, lon: number) => ({ lat, lon });
const departAt = new Date('2026-12-03T07:00:00Z');

/** Every order of the stops, to compare with the shortest path by brute force. */
function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe('distanceKm', () => {
  it('measures one degree of latitude as about 111 km and a point to itself as 0', () => {
    expect(distanceKm(at(55, 37), at(56, 37))).toBeCloseTo(111.19, 1);
    expect(distanceKm(depot, depot)).toBe(0);
  });
});

describe('planRoute', () => {
  it('visits stops on a line outward from the warehouse, whatever order they came in', () => {
    const stops: Stop[] = [3, 1, 4, 2].map((k) => ({ id: `s${k}`, point: at(55.75 + k * 0.01, 37.6) }));
    expect(planRoute(depot, stops, departAt, options).map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4']);
  });

  it('finds the shortest open path on small sets (2-opt fixes what nearest neighbour gets wrong)', () => {
    // Nearest neighbour goes to the close stop first and must then cross back; 2-opt repairs it.
    const stops: Stop[] = [
      { id: 'a', point: at(55.751, 37.6) },
      { id: 'b', point: at(55.75, 37.62) },
      { id: 'c', point: at(55.75, 37.64) },
      { id: 'd', point: at(55.75, 37.58) },
      { id: 'e', point: at(55.76, 37.57) },
      { id: 'f', point: at(55.74, 37.66) },
    ];
    const planned = planRoute(depot, stops, departAt, options).map((p) => stops.find((s) => s.id === p.id) as Stop);
    const shortest = Math.min(...permutations(stops).map((order) => pathKm(depot, order, options)));
    expect(pathKm(depot, planned, options)).toBeCloseTo(shortest, 6);
  });

  it('estimates each arrival from the legs at the average speed plus the time at earlier stops', () => {
    const stops: Stop[] = [
      { id: 'near', point: at(55.75 + 5 / 111.19, 37.6) },
      { id: 'far', point: at(55.75 + 20 / 111.19, 37.6) },
    ];
    const [first, second] = planRoute(depot, stops, departAt, options);
    expect(first).toMatchObject({ id: 'near', position: 1, eta: new Date('2026-12-03T07:10:00Z') });
    expect(second).toMatchObject({ id: 'far', position: 2, eta: new Date('2026-12-03T07:50:00Z') });
  });

  it('keeps stops without coordinates, at the assumed leg length', () => {
    const planned = planRoute(depot, [{ id: 'x', point: null }], departAt, options);
    expect(planned).toEqual([{ id: 'x', position: 1, eta: new Date('2026-12-03T07:06:00Z') }]);
  });

  it('plans nothing for no stops and is the same for the same input', () => {
    expect(planRoute(depot, [], departAt, options)).toEqual([]);
    const stops: Stop[] = [1, 2, 3].map((k) => ({ id: `s${k}`, point: at(55.75, 37.6 + k * 0.01) }));
    expect(planRoute(depot, stops, departAt, options)).toEqual(planRoute(depot, [...stops].reverse(), departAt, options));
  });
});
