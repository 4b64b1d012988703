import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CityMap } from '@/components/map/city-map';
import { paths } from '@/config/paths';
import type { City } from '@/lib/issues/types';
import { L, latLng, markerElement } from '@/lib/map/leaflet';
import type { QueueItem } from '../api/queue';

/**
 * The queue's issues on the city map; a marker opens the issue's work screen. Markers are
 * buttons keyboard users reach with Tab, and the list view holds the same issues (R11.6).
 * Without tiles the map keeps working on a plain background.
 */
export function QueueMap({ city, items }: { city: City; items: readonly QueueItem[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [map, setMap] = useState<L.Map | null>(null);

  useEffect(() => {
    if (!map) return undefined;
    const layer = L.layerGroup().addTo(map);
    const placed = items.filter((item) => item.location);
    for (const item of placed) {
      if (!item.location) continue;
      const state = item.deadline?.overdue ? 'overdue' : item.status;
      const label = t('console.map.marker', { number: item.number, title: item.title, status: t(`issueStatus.${item.status}`) });
      const marker = L.marker(latLng(item.location), {
        icon: L.divIcon({ className: `map-issue map-issue--${state}`, html: markerElement('', label, 'map-issue__body'), iconSize: [22, 22] }),
        title: label,
      });
      const open = () => {
        void navigate(paths.consoleIssue(item.number));
      };
      marker.on('click', open);
      // A marker is a button (role and focus come from Leaflet), but Leaflet opens only popups
      // from the keyboard: Enter and Space open the issue here.
      marker.on('keypress', (event: L.LeafletKeyboardEvent) => {
        if (event.originalEvent.key === 'Enter' || event.originalEvent.key === ' ') {
          event.originalEvent.preventDefault();
          open();
        }
      });
      layer.addLayer(marker);
    }
    // Show every issue of the queue, not the whole city, when there are any.
    const first = placed[0]?.location;
    if (placed.length > 1) {
      map.fitBounds(L.latLngBounds(placed.flatMap((item) => (item.location ? [latLng(item.location)] : []))), { padding: [30, 30] });
    } else if (first) {
      map.setView(latLng(first), 15);
    }
    return () => {
      layer.remove();
    };
  }, [map, items, t, navigate]);

  return <CityMap city={city} label={t('console.map.label')} onMap={setMap} />;
}
