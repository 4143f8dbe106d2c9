/**
 * What the build plugins here read and rewrite of one file in Vite's output bundle, a chunk or an
 * asset, all fields optional. Rollup's own types are a union that each plugin would have to narrow
 * for fields it only reads when present; one loose shape keeps the plugins short.
 */
export interface BundleOutput {
  type: 'chunk' | 'asset';
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  /** A chunk's JavaScript. */
  code?: string;
  /** An asset's content (index.html, a stylesheet). */
  source?: string | Uint8Array;
  viteMetadata?: { importedCss?: Set<string> };
}

/** The bundle handed to `generateBundle`, by file name, seen through `BundleOutput`. */
export function bundleOutputs(bundle: object): Record<string, BundleOutput> {
  return bundle as Record<string, BundleOutput>;
}
