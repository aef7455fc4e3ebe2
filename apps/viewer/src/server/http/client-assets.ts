import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const ManifestSchema = z.record(
  z.string(),
  z.object({
    file: z.string(),
    css: z.array(z.string()).optional(),
    isEntry: z.boolean().optional(),
  }),
);

/** The built browser files a page links: the entry script and its stylesheets. */
export interface ClientAssets {
  script: string | undefined;
  css: string[];
  /** Folder of the built files, served under /assets; undefined when there is no build. */
  dir: string | undefined;
}

export const NO_CLIENT_ASSETS: ClientAssets = { script: undefined, css: [], dir: undefined };

/** Reads Vite's manifest; without a client build the pages still render, unstyled and without islands. */
export function loadClientAssets(clientDir: string): ClientAssets {
  let raw: string;
  try {
    raw = readFileSync(join(clientDir, '.vite', 'manifest.json'), 'utf8');
  } catch {
    return NO_CLIENT_ASSETS;
  }
  const manifest = ManifestSchema.parse(JSON.parse(raw));
  const entry = Object.values(manifest).find((e) => e.isEntry === true);
  if (entry === undefined) return NO_CLIENT_ASSETS;
  return { script: `/${entry.file}`, css: (entry.css ?? []).map((f) => `/${f}`), dir: clientDir };
}
