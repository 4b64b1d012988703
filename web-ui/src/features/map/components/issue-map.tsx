import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CityMap } from '@/components/map/city-map';
import { paths } from '@/config/paths';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import type { City } from '@/lib/issues/types';
import { bboxParam, L, markerElement } from '@/lib/map/leaflet';
import { useMapPoints, type IssueFilter } from '../api/issues';
import { clusterIndex } from './clusters';

/** Moving the map asks for its new area only once the map has stopped for this long. */
const MOVE_DEBOUNCE_MS = 300;

type View = { bbox: string; bounds: [number, number, number, number]; zoom: number };

function viewOf(map: L.Map): View {
  const bounds = map.getBounds();
  return {
    bbox: bboxParam(bounds),
    bounds: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()],
    zoom: Math.round(map.getZoom()),
  };
}

/**
 * The public map: the issues in the visible area (loaded again, debounced, as it moves),
 * clustered. A cluster zooms in when chosen; an issue's marker opens its page. Markers are
 * buttons that keyboard users reach with Tab; the list next to the map holds the same issues.
 */
export function IssueMap({ city, filter }: { city: City; filter: IssueFilter }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [map, setMap] = useState<L.Map | null>(null);
  const [view, setView] = useState<View>();
  const bbox = useDebouncedValue(view?.bbox, MOVE_DEBOUNCE_MS);
  const points = useMapPoints(filter, bbox);
  const layerRef = useRef<L.LayerGroup | null>(null);

  const onMap = useCallback((created: L.Map | null) => {
    setMap(created);
  }, []);

  useEffect(() => {
    if (!map) return undefined;
    const layer = L.layerGroup().addTo(map);
    layerRef.current = layer;
    const update = () => {
      setView(viewOf(map));
    };
    update();
    map.on('moveend', update);
    return () => {
      map.off('moveend', update);
      layer.remove();
      layerRef.current = null;
    };
  }, [map]);

  const collection = points.data;
  const index = useMemo(() => (collection ? clusterIndex(collection) : undefined), [collection]);

  useEffect(() => {
    const layer = layerRef.current;
    if (!map || !layer || !index || !view) return;
    layer.clearLayers();
    for (const feature of index.getClusters(view.bounds, view.zoom)) {
      const [lon = 0, lat = 0] = feature.geometry.coordinates;
      const properties = feature.properties;
      if ('cluster' in properties) {
        const count = properties.point_count;
        const label = t('map.cluster', { count });
        const marker = L.marker([lat, lon], {
          icon: L.divIcon({
            className: 'map-cluster',
            html: markerElement(String(properties.point_count_abbreviated), label, 'map-cluster__body'),
            iconSize: [40, 40],
          }),
          title: label,
        });
        marker.on('click', () => {
          map.setView([lat, lon], Math.min(index.getClusterExpansionZoom(properties.cluster_id), map.getMaxZoom()));
        });
        layer.addLayer(marker);
      } else {
        const issue = properties;
        const label = t('map.marker', { title: issue.title, status: t(`issueStatus.${issue.status}`) });
        const marker = L.marker([lat, lon], {
          icon: L.divIcon({
            className: `map-issue map-issue--${issue.status}`,
            html: markerElement('', label, 'map-issue__body'),
            iconSize: [22, 22],
          }),
          title: label,
        });
        marker.on('click', () => {
          void navigate(paths.issue(issue.number));
        });
        layer.addLayer(marker);
      }
    }
  }, [map, index, view, t, navigate]);

  return (
    <div className="issue-map">
      <CityMap city={city} label={t('map.mapLabel')} onMap={onMap} />
      <p role="status" className="status">
        {points.isError && t('map.pointsError')}
        {collection?.truncated && t('map.truncated')}
      </p>
    </div>
  );
}
