import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { City, Location } from '@/lib/issues/types';

export { L };

/** Shown instead of a tile that failed to load: a transparent pixel, never a broken image. */
const BLANK_TILE = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

/** Failed tiles, with none loaded, after which the background is given up for this map. */
const TILE_FAILURES_TO_GIVE_UP = 4;

/** Closest zoom; set on the map too, so that it holds when the tiles (which also set it) are gone. */
const MAX_ZOOM = 19;

/** The zoom of a view of one place (an issue's surroundings). */
export const STREET_ZOOM = 16;

type CityMapOptions = {
  /** The background tiles could not be loaded (no connection, or the tile server is down). */
  onTilesUnavailable: () => void;
  /** Centre on this place at street zoom, instead of showing the whole city. */
  focus?: Location | undefined;
};

/** `[lat, lon]` of a location, as Leaflet takes it. */
export function latLng(location: Location): L.LatLngTuple {
  return [location.lat, location.lon];
}

/** The city's bounding box (`[min_lon, min_lat, max_lon, max_lat]`) as Leaflet bounds. */
function cityBounds(city: City): L.LatLngBounds | undefined {
  const [minLon, minLat, maxLon, maxLat] = city.bbox;
  if (minLon === undefined || minLat === undefined || maxLon === undefined || maxLat === undefined) return undefined;
  return L.latLngBounds([minLat, minLon], [maxLat, maxLon]);
}

/**
 * A Leaflet map of the city in `element`: the configured XYZ tiles, the boundary of the managed
 * area, and a view of the whole city (or of `focus`). Without tiles (no internet, a tile server
 * down) the map keeps working on a plain background: markers, the boundary and clicks do not
 * need them (R11.5), so after a few failures the tile layer is removed rather than retried.
 */
export function createCityMap(element: HTMLElement, city: City, options: CityMapOptions): L.Map {
  const map = L.map(element, { attributionControl: false, maxZoom: MAX_ZOOM });
  // The default prefix carries an inline SVG flag; a plain link says the same.
  L.control.attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' }).addTo(map);

  const tiles = L.tileLayer(city.map.tile_url, {
    attribution: city.map.attribution,
    errorTileUrl: BLANK_TILE,
    maxZoom: MAX_ZOOM,
  });
  let loaded = 0;
  let failed = 0;
  tiles.on('tileload', () => {
    loaded += 1;
  });
  tiles.on('tileerror', () => {
    failed += 1;
    if (loaded === 0 && failed >= TILE_FAILURES_TO_GIVE_UP && map.hasLayer(tiles)) {
      map.removeLayer(tiles);
      options.onTilesUnavailable();
    }
  });
  tiles.addTo(map);

  // The schema describes the boundary as a free-form object; the server sends GeoJSON.
  L.geoJSON(city.boundary as unknown as Parameters<typeof L.geoJSON>[0], {
    interactive: false,
    style: { color: '#0b4a7d', weight: 3, dashArray: '6 6', fillOpacity: 0.03 },
  }).addTo(map);

  const bounds = cityBounds(city);
  if (options.focus) {
    map.setView(latLng(options.focus), STREET_ZOOM);
  } else if (bounds && element.clientWidth > 0 && element.clientHeight > 0) {
    map.fitBounds(bounds);
  } else {
    map.setView([city.center[0] ?? 0, city.center[1] ?? 0], 12);
  }
  return map;
}

/** The marker of one place: a pin drawn in CSS (no image files to load). */
export function pinIcon(): L.DivIcon {
  return L.divIcon({ className: 'map-pin', html: '<span class="map-pin__head"></span>', iconSize: [28, 36], iconAnchor: [14, 36] });
}

/** The visible area as the API's `bbox` parameter: `min_lon,min_lat,max_lon,max_lat`. */
export function bboxParam(bounds: L.LatLngBounds): string {
  const round = (value: number) => value.toFixed(5);
  return [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()].map(round).join(',');
}

/** A marker's content: what it shows, and what it says to a screen reader. */
export function markerElement(visible: string, spoken: string, className: string): HTMLElement {
  const element = document.createElement('span');
  element.className = className;
  const shown = document.createElement('span');
  shown.setAttribute('aria-hidden', 'true');
  shown.textContent = visible;
  const said = document.createElement('span');
  said.className = 'visually-hidden';
  said.textContent = spoken;
  element.append(shown, said);
  return element;
}
