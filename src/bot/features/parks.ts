import { errorMessage } from '../../errors.ts';
import type { Feature, FeatureDeps } from './feature.ts';

type ParksDeps = Pick<FeatureDeps, 'parks'> & { config: Pick<FeatureDeps['config'], 'PARKS_FILE'> };

/**
 * The operator-edited parks list (loaded at boot, used by tickets and notices): /reload re-reads
 * it, and a bad file keeps the old list and is reported with the file's name.
 */
export const parksFeature: Feature<ParksDeps> = {
  name: 'parks',
  create: ({ parks, config }) => ({
    onReload() {
      try {
        parks.reload();
        return [];
      } catch (error) {
        return [{ file: config.PARKS_FILE, field: '', message: errorMessage(error) }];
      }
    },
  }),
};
