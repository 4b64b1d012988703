import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CityMap } from '@/components/map/city-map';
import type { City, Location } from '@/lib/issues/types';
import { L, latLng, pinIcon, STREET_ZOOM } from '@/lib/map/leaflet';

type PlaceMapProps = {
  city: City;
  location: Location | undefined;
  onPick: (location: Location) => void;
};

/**
 * Picking the place on the map: a click (or tap) drops the pin. Keyboard users can pan the map
 * with the arrow keys and drop the pin in its middle with the button; the address field above
 * does the same without the map (R11.6).
 */
export function PlaceMap({ city, location, onPick }: PlaceMapProps) {
  const { t } = useTranslation();
  const [map, setMap] = useState<L.Map | null>(null);
  const onPickRef = useRef(onPick);
  const markerRef = useRef<L.Marker | null>(null);

  useEffect(() => {
    onPickRef.current = onPick;
  }, [onPick]);

  useEffect(() => {
    if (!map) return undefined;
    const onClick = (event: L.LeafletMouseEvent) => {
      onPickRef.current({ lat: event.latlng.lat, lon: event.latlng.lng });
    };
    map.on('click', onClick);
    return () => {
      map.off('click', onClick);
      // The pin belongs to this map; a new map gets its own.
      markerRef.current?.remove();
      markerRef.current = null;
    };
  }, [map]);

  useEffect(() => {
    if (!map) return;
    if (!location) {
      markerRef.current?.remove();
      markerRef.current = null;
      return;
    }
    const position = latLng(location);
    if (markerRef.current) {
      markerRef.current.setLatLng(position);
    } else {
      markerRef.current = L.marker(position, { icon: pinIcon(), keyboard: false, interactive: false }).addTo(map);
    }
    if (!map.getBounds().contains(position)) {
      map.setView(position, Math.max(map.getZoom(), STREET_ZOOM - 1));
    }
  }, [map, location]);

  return (
    <div className="place-map">
      <CityMap city={city} label={t('report.place.mapLabel')} className="city-map city-map--picker" onMap={setMap} />
      <button
        type="button"
        className="secondary"
        disabled={!map}
        onClick={() => {
          const centre = map?.getCenter();
          if (centre) onPick({ lat: centre.lat, lon: centre.lng });
        }}
      >
        {t('report.place.pinCentre')}
      </button>
    </div>
  );
}
