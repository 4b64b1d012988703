import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { City, Location } from '@/lib/issues/types';
import { createCityMap, type L } from '@/lib/map/leaflet';

type CityMapProps = {
  city: City;
  /** What the map shows, for assistive technology (say where the same is available as text). */
  label: string;
  /** Centre on this place at street zoom instead of showing the whole city. */
  focus?: Location | undefined;
  className?: string;
  /** Receives the Leaflet map once it exists, and `null` when it is gone. */
  onMap: (map: L.Map | null) => void;
};

/**
 * A Leaflet map of the city. Keyboard users can focus it and pan with the arrow keys; every map
 * in the app also has a text alternative next to it, since a map is never the only way (R11.6).
 */
export function CityMap({ city, label, focus, className = 'city-map', onMap }: CityMapProps) {
  const { t } = useTranslation();
  const elementRef = useRef<HTMLDivElement>(null);
  const onMapRef = useRef(onMap);
  const [tilesUnavailable, setTilesUnavailable] = useState(false);
  const focusLat = focus?.lat;
  const focusLon = focus?.lon;

  useEffect(() => {
    onMapRef.current = onMap;
  }, [onMap]);

  useEffect(() => {
    const element = elementRef.current;
    if (!element) return undefined;
    const map = createCityMap(element, city, {
      onTilesUnavailable: () => {
        setTilesUnavailable(true);
      },
      focus: focusLat !== undefined && focusLon !== undefined ? { lat: focusLat, lon: focusLon } : undefined,
    });
    onMapRef.current(map);
    return () => {
      onMapRef.current(null);
      map.remove();
    };
  }, [city, focusLat, focusLon]);

  // Leaflet's zoom buttons are named in English; name them in the reader's language.
  useEffect(() => {
    const element = elementRef.current;
    if (!element) return;
    for (const [selector, name] of [
      ['.leaflet-control-zoom-in', t('cityMap.zoomIn')],
      ['.leaflet-control-zoom-out', t('cityMap.zoomOut')],
    ] as const) {
      const button = element.querySelector(selector);
      button?.setAttribute('aria-label', name);
      button?.setAttribute('title', name);
    }
  }, [t, city, focusLat, focusLon]);

  return (
    <div className="city-map-frame">
      <div ref={elementRef} className={className} role="region" aria-label={label} />
      {tilesUnavailable && (
        <p role="status" className="city-map__notice">
          {t('cityMap.noTiles')}
        </p>
      )}
    </div>
  );
}
