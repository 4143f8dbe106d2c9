/**
 * The colour of a status in charts, the same on the dashboard and in printed reports: the hues
 * of the dashboard's status badges (green, blue, amber, red, grey), dark enough for a bar to
 * stand out from white paper (3:1 or more) and to survive a black-and-white copier as greys.
 */
export const CHART_STATUS_COLOURS = {
  achieved: '#2e7d32',
  on_track: '#1565c0',
  at_risk: '#b26a00',
  behind: '#c62828',
  no_target: '#8a8a8a',
  no_data: '#b0b0b0',
} as const;

export type ChartStatus = keyof typeof CHART_STATUS_COLOURS;

/** The dashed line that marks a target, in every chart. */
export const TARGET_COLOUR = '#a30000';
