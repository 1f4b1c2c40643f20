import type { Clock } from '../clock.js';
import { type Store, writeTransaction } from '../db/dialect.js';
import { type BusinessSettings, type BusinessSettingsPatch, mergeSettings } from './business-settings.js';
import { readSettingsForChange, writeSettings } from './settings-repository.js';

/** Merges a change into the business settings; read and write share one transaction so no change is lost. */
export async function updateSettings(
  context: { store: Store; clock: Clock },
  patch: BusinessSettingsPatch,
): Promise<BusinessSettings> {
  return writeTransaction(context.store, async (tx) => {
    const merged = mergeSettings(await readSettingsForChange(tx, context.store.dialect), patch);
    await writeSettings(tx, merged, context.clock.now());
    return merged;
  });
}
