/**
 * Dutch first names for simulated people.
 *
 * @example
 * ```ts
 * FIRST_NAMES[0];
 * ```
 */
export const FIRST_NAMES = [
  'Anne',
  'Bram',
  'Daan',
  'Emma',
  'Fleur',
  'Gijs',
  'Hanna',
  'Iris',
  'Jeroen',
  'Julia',
  'Kees',
  'Lieke',
  'Lotte',
  'Maarten',
  'Marieke',
  'Noor',
  'Olaf',
  'Pieter',
  'Renske',
  'Sanne',
  'Sem',
  'Sophie',
  'Thijs',
  'Tess',
  'Vera',
  'Willem',
  'Yara',
  'Zoë',
  'Ahmed',
  'Fatima',
  'Mohamed',
  'Sara',
  'Luuk',
  'Femke',
  'Ruben',
  'Esther',
  'Joost',
  'Ilse',
  'Bas',
  'Mirjam',
  'Koen',
  'Anouk',
  'Jasper',
  'Eline',
  'Niels',
  'Roos',
  'Wouter',
  'Merel',
  'Stijn',
  'Floor',
] as const;

/**
 * Dutch family names (with their prefixes) for simulated people.
 *
 * @example
 * ```ts
 * LAST_NAMES[0];
 * ```
 */
export const LAST_NAMES = [
  'de Jong',
  'Jansen',
  'de Vries',
  'van den Berg',
  'van Dijk',
  'Bakker',
  'Janssen',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'van Leeuwen',
  'Dekker',
  'Brouwer',
  'de Wit',
  'Dijkstra',
  'Smits',
  'de Graaf',
  'van der Meer',
  'van der Linden',
  'Kok',
  'Jacobs',
  'de Haan',
  'Vermeulen',
  'van den Heuvel',
  'van der Veen',
  'van den Broek',
  'de Bruijn',
  'de Bruin',
  'van der Heijden',
  'Schouten',
  'Beekman',
  'Hoekstra',
  'Postma',
  'Kuipers',
  'Wijnands',
  'El Amrani',
  'Yilmaz',
  'Bouali',
] as const;

/**
 * Departments of a mid-size Dutch care and housing organisation.
 *
 * @example
 * ```ts
 * DEPARTMENTS[0];
 * ```
 */
export const DEPARTMENTS = [
  'Wijkzorg',
  'Thuiszorg',
  'Ouderenzorg',
  'Gehandicaptenzorg',
  'HR',
  'Financiën',
  'ICT',
  'Communicatie',
  'Facilitair',
  'Kwaliteit',
  'Klantcontact',
  'Vastgoed',
] as const;

/**
 * Locations in the north and east of the Netherlands.
 *
 * @example
 * ```ts
 * LOCATIONS[0];
 * ```
 */
export const LOCATIONS = [
  'Groningen',
  'Assen',
  'Emmen',
  'Zwolle',
  'Leeuwarden',
  'Hoogeveen',
  'Meppel',
  'Drachten',
  'Deventer',
  'Heerenveen',
] as const;

/**
 * Content pillars, goals and their purposes for the simulated strategy.
 *
 * @example
 * ```ts
 * PILLARS[0];
 * ```
 */
export const PILLARS = [
  { id: 'pillar_werken', name: 'Werken bij ons' },
  { id: 'pillar_zorg', name: 'Zorg dichtbij' },
  { id: 'pillar_innovatie', name: 'Slimme zorg' },
  { id: 'pillar_mensen', name: 'Onze mensen' },
  { id: 'pillar_regio', name: 'Samen in de regio' },
] as const;
