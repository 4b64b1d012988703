import { describe, expect, it, vi } from 'vitest';
import type { City } from '@/lib/issues/types';
import { createCityMap, L } from './leaflet';

const city: City = {
  name: 'Łódź',
  boundary: { type: 'Polygon', coordinates: [[[19.3, 51.7], [19.6, 51.7], [19.6, 51.85], [19.3, 51.85], [19.3, 51.7]]] } as unknown as City['boundary'],
  bbox: [19.3, 51.7, 19.6, 51.85],
  center: [51.77, 19.46],
  map: { tile_url: 'https://tiles.example/{z}/{x}/{y}.png', attribution: '© Example' },
};

function tileLayerOf(map: L.Map): L.TileLayer | undefined {
  let found: L.TileLayer | undefined;
  map.eachLayer((layer) => {
    if (layer instanceof L.TileLayer) found = layer;
  });
  return found;
}

describe('createCityMap', () => {
  it('draws the boundary over the configured tiles and centres on the city', () => {
    const map = createCityMap(document.createElement('div'), city, { onTilesUnavailable: vi.fn() });
    expect(tileLayerOf(map)?.getAttribution?.()).toBe('© Example');
    let boundaries = 0;
    map.eachLayer((layer) => {
      if (layer instanceof L.GeoJSON) boundaries += 1;
    });
    expect(boundaries).toBe(1);
    expect(map.getCenter()).toMatchObject({ lat: 51.77, lng: 19.46 });
    map.remove();
  });

  it('gives the tiles up after a few failures with none loaded, and says so once', () => {
    const onTilesUnavailable = vi.fn();
    const map = createCityMap(document.createElement('div'), city, { onTilesUnavailable });
    const tiles = tileLayerOf(map);
    if (!tiles) throw new Error('no tile layer');

    for (let failure = 0; failure < 3; failure += 1) tiles.fire('tileerror');
    expect(onTilesUnavailable).not.toHaveBeenCalled();
    tiles.fire('tileerror');
    expect(onTilesUnavailable).toHaveBeenCalledTimes(1);
    expect(map.hasLayer(tiles)).toBe(false);
    tiles.fire('tileerror');
    expect(onTilesUnavailable).toHaveBeenCalledTimes(1);
    map.remove();
  });

  it('keeps tiles that loaded, when only some fail (a slow or patchy tile server)', () => {
    const onTilesUnavailable = vi.fn();
    const map = createCityMap(document.createElement('div'), city, { onTilesUnavailable });
    const tiles = tileLayerOf(map);
    if (!tiles) throw new Error('no tile layer');
    tiles.fire('tileload');
    for (let failure = 0; failure < 10; failure += 1) tiles.fire('tileerror');
    expect(onTilesUnavailable).not.toHaveBeenCalled();
    expect(map.hasLayer(tiles)).toBe(true);
    map.remove();
  });
});
