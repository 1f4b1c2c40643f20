import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { BusinessSettings, Service, StaffMember } from '../shared/api-types';
import { servicesQuery, settingsQuery, staffQuery } from './admin-queries';

/** What almost every page needs: the settings (above all the time zone), the staff and the services. */
export interface Business {
  settings: BusinessSettings;
  staff: StaffMember[];
  services: Service[];
  setSettings(settings: BusinessSettings): void;
  reloadCatalog(): Promise<void>;
  staffName(id: string): string;
  serviceName(id: string): string;
}

const BusinessContext = createContext<Business | null>(null);

export function useBusiness(): Business {
  const business = useContext(BusinessContext);
  if (!business) throw new Error('useBusiness outside BusinessProvider');
  return business;
}

/** The business's name where a page may also show outside it (the title before sign-in has none). */
export function useBusinessName(): string | undefined {
  return useContext(BusinessContext)?.settings.businessName;
}

export interface BusinessSnapshot {
  settings: BusinessSettings;
  staff: StaffMember[];
  services: Service[];
}

/** Loaded once after sign-in, before the first page shows, so no page has to wait for names. */
export async function loadBusiness(client: QueryClient): Promise<BusinessSnapshot> {
  const [settings, staff, services] = await Promise.all([
    client.fetchQuery(settingsQuery),
    client.fetchQuery(staffQuery),
    client.fetchQuery(servicesQuery),
  ]);
  return { settings, staff, services };
}

export function BusinessProvider({ initial, children }: { initial: BusinessSnapshot; children: ReactNode }) {
  const client = useQueryClient();
  const settings = useQuery(settingsQuery).data ?? initial.settings;
  const staff = useQuery(staffQuery).data ?? initial.staff;
  const services = useQuery(servicesQuery).data ?? initial.services;

  const value = useMemo<Business>(() => {
    const staffNames = new Map(staff.map((member) => [member.id, member.name]));
    const serviceNames = new Map(services.map((service) => [service.id, service.name]));
    return {
      settings,
      staff,
      services,
      setSettings: (next) => client.setQueryData(settingsQuery.queryKey, next),
      reloadCatalog: () =>
        client.invalidateQueries({
          predicate: (query) => query.queryKey[0] === 'staff' || query.queryKey[0] === 'services',
        }),
      staffName: (id) => staffNames.get(id) ?? 'Unknown staff member',
      serviceName: (id) => serviceNames.get(id) ?? 'Unknown service',
    };
  }, [settings, staff, services, client]);

  return <BusinessContext.Provider value={value}>{children}</BusinessContext.Provider>;
}
