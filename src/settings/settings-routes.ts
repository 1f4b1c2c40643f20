import { requireAdmin } from '../auth/admin-guard.js';
import { API_PREFIX, type App, type AppContext } from '../http/app-context.js';
import { businessSettingsPatchSchema, businessSettingsViewSchema } from './business-settings.js';
import { readSettings } from './settings-repository.js';
import { updateSettings } from './update-settings.js';

export function registerSettingsRoutes(app: App, context: AppContext): void {
  const onRequest = requireAdmin(context);
  const tags = ['settings'];
  app.get(
    `${API_PREFIX}/settings`,
    { onRequest, schema: { tags, response: { 200: businessSettingsViewSchema } } },
    () => readSettings(context.store.db),
  );
  app.patch(
    `${API_PREFIX}/settings`,
    {
      onRequest,
      schema: { tags, body: businessSettingsPatchSchema, response: { 200: businessSettingsViewSchema } },
    },
    (request) => updateSettings(context, request.body),
  );
}
