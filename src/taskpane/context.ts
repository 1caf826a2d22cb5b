/**
 * The pane's React contexts: the strings of the chosen language and the
 * services (src/app). Screens read them with `useStrings()` and `useServices()`;
 * tests provide fakes through the same contexts.
 */
import { createContext, useContext } from "react";
import { vi } from "../app/i18n/vi";
import type { Strings } from "../app/i18n";
import type { PaneServices } from "../app/services";

export const StringsContext = createContext<Strings>(vi);

export function useStrings(): Strings {
  return useContext(StringsContext);
}

export const ServicesContext = createContext<PaneServices | null>(null);

export function useServices(): PaneServices {
  const services = useContext(ServicesContext);
  // A screen rendered without a provider is a programming error, not a user's problem.
  if (!services) throw new Error("useServices(): render inside <ServicesContext.Provider>.");
  return services;
}
