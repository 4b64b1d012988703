import { describe, expect, it } from 'vitest';
import type { City } from '@/lib/issues/types';
import { isInCity } from './geometry';

const city = (boundary: unknown): City => ({
  name: 'Test',
  boundary: boundary as City['boundary'],
  bbox: [0, 0, 10, 10],
  center: [5, 5],
  map: { tile_url: 'https://tiles.example/{z}/{x}/{y}.png', attribution: '' },
});

// A square of 10×10 degrees with a 2×2 hole in the middle.
const square = [
  [
    [0, 0],
    [10, 0],
    [10, 10],
    [0, 10],
    [0, 0],
  ],
  [
    [4, 4],
    [6, 4],
    [6, 6],
    [4, 6],
    [4, 4],
  ],
];

describe('isInCity', () => {
  it('knows a polygon with a hole', () => {
    const polygon = city({ type: 'Polygon', coordinates: square });
    expect(isInCity(polygon, { lat: 2, lon: 2 })).toBe(true);
    expect(isInCity(polygon, { lat: 5, lon: 5 })).toBe(false);
    expect(isInCity(polygon, { lat: 11, lon: 2 })).toBe(false);
  });

  it('knows a multipolygon, and lets the server decide about other shapes', () => {
    const far = square[0]?.map(([lon = 0, lat = 0]) => [lon + 20, lat]);
    const multi = city({ type: 'MultiPolygon', coordinates: [square, [far]] });
    expect(isInCity(multi, { lat: 2, lon: 22 })).toBe(true);
    expect(isInCity(multi, { lat: 2, lon: 15 })).toBe(false);
    expect(isInCity(city({ type: 'GeometryCollection', geometries: [] }), { lat: 50, lon: 50 })).toBe(true);
  });
});
