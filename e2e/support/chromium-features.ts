/**
 * The Chromium features playwright-core 1.65.1 disables at every launch (its
 * `chromiumSwitches.ts`). A `--disable-features` of the journeys' own replaces that list instead of
 * adding to it, so the list is repeated here; `chromium-features.test.ts` fails when
 * playwright-core's own list changes.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Every new browser context of Chromium 156 loads the address bar's two popups as WebUI pages
 * (`chrome://omnibox-popup.top-chrome/`, two renderer processes, 0.4–0.8 s of CPU per context),
 * which a headless journey never opens; the journeys open some eighty contexts.
 */
export const UNUSED_BROWSER_UI = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

export const DISABLE_FEATURES_SWITCH = `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...UNUSED_BROWSER_UI].join(',')}`;
