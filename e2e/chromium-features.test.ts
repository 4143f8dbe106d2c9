import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, test } from 'vitest';
import { PLAYWRIGHT_DISABLED_FEATURES } from './support/chromium-features.js';

test("the journeys' Chromium keeps every feature playwright-core disables", () => {
  const require = createRequire(import.meta.url);
  const bundle = fs.readFileSync(path.join(path.dirname(require.resolve('playwright-core/package.json')), 'lib', 'coreBundle.js'), 'utf8');
  const start = bundle.indexOf('disabledFeatures = [');
  expect(start).toBeGreaterThan(0);
  const list = bundle.slice(start, bundle.indexOf(']', start));
  const features = [...list.matchAll(/^\s*"([A-Za-z0-9]+)",?\s*$/gm)].map((match) => match[1]);
  expect(features.length).toBeGreaterThan(5);
  expect(PLAYWRIGHT_DISABLED_FEATURES).toEqual(features);
});
