/**
 * The demo warehouse is built from a handful of account archetypes, each one a situation a
 * seller must recognise at a glance. Account n has archetype (n - 1) % 12, so every archetype
 * appears in even the smallest demo and in the same proportion at benchmark scale.
 */
export const archetypes = {
  atSeatWall: 0,
  overSeatWall: 1,
  nearStorageLimit: 2,
  nearApiLimit: 3,
  apiSpike: 4,
  weekendQuiet: 5,
  dormant: 6,
  growing: 7,
} as const;

export const ARCHETYPE_COUNT = 12;

export const plans = [
  { plan: 'Starter', seatLimit: 10, storageLimitGb: 50, apiCallLimit: 100_000, mrr: 490 },
  { plan: 'Team', seatLimit: 25, storageLimitGb: 200, apiCallLimit: 1_000_000, mrr: 1_990 },
  { plan: 'Business', seatLimit: 100, storageLimitGb: 1_000, apiCallLimit: 10_000_000, mrr: 7_990 },
  {
    plan: 'Enterprise',
    seatLimit: 500,
    storageLimitGb: 5_000,
    apiCallLimit: 100_000_000,
    mrr: 29_990,
  },
] as const;

export const features = [
  'Report Viewed',
  'Dashboard Created',
  'Export Run',
  'Integration Connected',
  'Seat Invited',
  'API Key Created',
  'Workflow Automated',
  'Comment Added',
  'File Uploaded',
  'Alert Configured',
  'Search Performed',
  'Project Created',
] as const;

export const companyWords = [
  ['Northwind', 'Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne'],
  ['Tyrell', 'Cyberdyne', 'Soylent', 'Wonka', 'Aperture', 'Monarch', 'Oscorp', 'Sterling'],
  ['Labs', 'Systems', 'Analytics', 'Cloud', 'Health', 'Logistics', 'Media', 'Robotics'],
] as const;

/** Two accounts (a parent and its subsidiary) that share one domain, to show the 409. */
export const SHARED_DOMAIN = 'globex-group.com';
