import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { get } from './admin-api';
import type { BusinessSettings, Service, StaffMember } from './admin-types';

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

export interface BusinessSnapshot {
  settings: BusinessSettings;
  staff: StaffMember[];
  services: Service[];
}

/** Loaded once after sign-in, before the first page shows, so no page has to wait for names. */
export async function loadBusiness(): Promise<BusinessSnapshot> {
  const [settings, staff, services] = await Promise.all([
    get<BusinessSettings>('/settings'),
    get<StaffMember[]>('/staff'),
    get<Service[]>('/services'),
  ]);
  return { settings, staff, services };
}

export function BusinessProvider({ initial, children }: { initial: BusinessSnapshot; children: ReactNode }) {
  const [settings, setSettings] = useState(initial.settings);
  const [staff, setStaff] = useState(initial.staff);
  const [services, setServices] = useState(initial.services);

  const reloadCatalog = useCallback(async () => {
    const [staffList, serviceList] = await Promise.all([
      get<StaffMember[]>('/staff'),
      get<Service[]>('/services'),
    ]);
    setStaff(staffList);
    setServices(serviceList);
  }, []);

  const value = useMemo<Business>(() => {
    const staffNames = new Map(staff.map((member) => [member.id, member.name]));
    const serviceNames = new Map(services.map((service) => [service.id, service.name]));
    return {
      settings,
      staff,
      services,
      setSettings,
      reloadCatalog,
      staffName: (id) => staffNames.get(id) ?? 'Unknown staff member',
      serviceName: (id) => serviceNames.get(id) ?? 'Unknown service',
    };
  }, [settings, staff, services, reloadCatalog]);

  return <BusinessContext.Provider value={value}>{children}</BusinessContext.Provider>;
}
