import type { City, Location } from '@/lib/issues/types';

type Ring = number[][];

/** Whether `[lon, lat]` lies inside a closed ring (ray casting). */
function inRing(ring: Ring, lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) {
      inside = !inside;
    }
  }
  return inside;
}

/** A polygon's outer ring contains the point and none of its holes does. */
function inPolygon(rings: Ring[], lon: number, lat: number): boolean {
  const [outer, ...holes] = rings;
  return outer !== undefined && inRing(outer, lon, lat) && !holes.some((hole) => inRing(hole, lon, lat));
}

/**
 * Whether a place is inside the city's managed area (a GeoJSON Polygon or MultiPolygon). Used to
 * say so at once; the server decides (R1.5). An area of another shape is taken to contain everything.
 */
export function isInCity(city: City, { lat, lon }: Location): boolean {
  const boundary = city.boundary as { type?: unknown; coordinates?: unknown };
  if (boundary.type === 'Polygon' && Array.isArray(boundary.coordinates)) {
    return inPolygon(boundary.coordinates as Ring[], lon, lat);
  }
  if (boundary.type === 'MultiPolygon' && Array.isArray(boundary.coordinates)) {
    return (boundary.coordinates as Ring[][]).some((polygon) => inPolygon(polygon, lon, lat));
  }
  return true;
}
