import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CityMap } from '@/components/map/city-map';
import type { City } from '@/lib/issues/types';
import { L } from '@/lib/map/leaflet';
import type { Heatmap } from '../api/stats';
import { HEAT_COLOR } from '../utils/colors';

/** The faintest and the strongest fill: an empty-looking cell still shows, a full one leaves the streets readable. */
const MIN_OPACITY = 0.15;
const MAX_OPACITY = 0.8;

/**
 * Issues counted in squares of the city map: the more issues, the stronger the square. The
 * squares are drawn, not controls (the table beside the map lists the fullest ones), and the
 * map works on a plain background without tiles.
 */
export function HeatMap({ city, heatmap }: { city: City; heatmap: Heatmap }) {
  const { t } = useTranslation();
  const [map, setMap] = useState<L.Map | null>(null);

  useEffect(() => {
    if (!map) return undefined;
    const layer = L.layerGroup().addTo(map);
    const most = heatmap.cells.reduce((max, cell) => Math.max(max, cell.count), 1);
    const half = heatmap.cell_size / 2;
    const all = L.latLngBounds([]);
    for (const cell of heatmap.cells) {
      const bounds = L.latLngBounds([cell.lat - half, cell.lon - half], [cell.lat + half, cell.lon + half]);
      all.extend(bounds);
      L.rectangle(bounds, {
        interactive: false,
        stroke: false,
        fillColor: HEAT_COLOR,
        fillOpacity: MIN_OPACITY + (MAX_OPACITY - MIN_OPACITY) * (cell.count / most),
      }).addTo(layer);
    }
    // Show where the issues are rather than the whole city.
    if (all.isValid()) map.fitBounds(all, { padding: [20, 20] });
    return () => {
      layer.remove();
    };
  }, [map, heatmap]);

  return <CityMap city={city} label={t('stats.heat.mapLabel')} onMap={setMap} />;
}
