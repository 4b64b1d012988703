import { useCallback } from 'react';
import type { City, Location } from '@/lib/issues/types';
import { L, latLng, pinIcon } from '@/lib/map/leaflet';
import { CityMap } from './city-map';

/** A small map of one place with its pin (an issue's location); the address is given next to it as text. */
export function LocationMap({ city, location, label }: { city: City; location: Location; label: string }) {
  const onMap = useCallback(
    (map: L.Map | null) => {
      if (map) {
        L.marker(latLng(location), { icon: pinIcon(), keyboard: false, interactive: false }).addTo(map);
      }
    },
    [location],
  );
  return <CityMap city={city} label={label} focus={location} className="city-map city-map--small" onMap={onMap} />;
}
