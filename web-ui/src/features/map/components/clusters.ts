import Supercluster, { type PointFeature } from 'supercluster';
import type { components } from '@/lib/api/schema';

type MapCollection = components['schemas']['MapCollection'];
type MapProperties = components['schemas']['MapProperties'];

type ClusterIndex = Supercluster<MapProperties>;

/** Clusters within this many pixels of each other merge; beyond this zoom every issue stands alone. */
const CLUSTER_RADIUS_PX = 60;
const CLUSTER_MAX_ZOOM = 17;

function coordinatesOf(geometry: unknown): [number, number] | undefined {
  if (typeof geometry !== 'object' || geometry === null || !('coordinates' in geometry)) return undefined;
  const { coordinates } = geometry;
  if (!Array.isArray(coordinates)) return undefined;
  const [lon, lat] = coordinates as unknown[];
  return typeof lon === 'number' && typeof lat === 'number' ? [lon, lat] : undefined;
}

/**
 * An index of the map's points for clustering in the browser: thousands of issues become a few
 * dozen markers at any zoom (R2.3). The schema leaves GeoJSON geometry untyped, so points are
 * checked as they are read.
 */
export function clusterIndex(collection: MapCollection): ClusterIndex {
  const points: PointFeature<MapProperties>[] = [];
  for (const feature of collection.features) {
    const coordinates = coordinatesOf(feature.geometry);
    if (coordinates) {
      points.push({ type: 'Feature', geometry: { type: 'Point', coordinates }, properties: feature.properties });
    }
  }
  const index = new Supercluster<MapProperties>({ radius: CLUSTER_RADIUS_PX, maxZoom: CLUSTER_MAX_ZOOM });
  index.load(points);
  return index;
}
